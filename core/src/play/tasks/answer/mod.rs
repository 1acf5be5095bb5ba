//! Answers to a task's question: what the right answer is (fixed by the task, or read from the
//! phone as it is when the person answers), and how a person's answer is compared with it — as
//! people write things: "5 GB" for "5.0 GB", "November 15" or "11月15日" for "Nov 15", "four
//! devices" for "4", "the Redmi 13C", a device by its model.
//!
//! Here what a task file writes and where the expected answer comes from; [`compare`] says
//! whether a person's answer says it, reading text ([`plain`](mod@plain)), numbers and sizes
//! ([`number`](mod@number)) and days and times ([`date`]) as people write them.

mod compare;
mod date;
mod number;
mod plain;

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use compare::{Reading, same};
pub use number::{number, size};
pub use plain::plain;

/// The expected answer as a task file writes it: a text, or a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(untagged)]
pub enum AnswerSpec {
    /// The answer (parameters allowed), compared as text.
    Text(String),
    Rule(AnswerRule),
}

/// How to find and compare the expected answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AnswerRule {
    /// The answer, fixed by the task (parameters allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<String>,
    /// The answer is the value at this JSON Pointer of the device file when the person
    /// answers (a last segment `-` is an array's last element).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The answer is how many elements the array at this pointer holds when the person answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<String>,
    /// With `count`: elements left out of the count (each matched like `contains`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<Value>,
    /// How answers are compared (default `text`).
    #[serde(default)]
    pub kind: AnswerKind,
    /// Other answers that are right too (parameters allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// With `number`: the words that may stand beside the number ("days", "天"); any other
    /// word makes the answer wrong ("3 hours" is not "3" days). None by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// The question is about the phone as it is: changing the account, its Mi Cloud settings
    /// or removing data on the way makes the answer fail ("the phone was changed while
    /// answering"). Default `true`; `false` for questions about what a change did.
    #[serde(default = "yes")]
    pub steady: bool,
}

fn yes() -> bool {
    true
}

/// How a person's answer is compared with the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// Letter case, spaces, quotes, a leading "the"/"a" and a closing full stop do not matter.
    #[default]
    Text,
    /// A whole number, in digits or words ("4", "four", "4 devices", "四台").
    Number,
    /// An amount of storage ("5 GB" is "5.0 GB"; "5000 MB" too).
    Size,
    /// A day of the year ("Nov 15", "November 15", "15 Nov", "11/15", "11月15日"), or a time of
    /// day ("14:05", "2:05 pm").
    Date,
    /// A device, by its name or its model.
    Device,
    /// A place: commas and full stops do not matter ("London United Kingdom").
    Place,
    /// An id: only its digits count ("661 234 5678").
    Id,
}

/// A variant's expected answer, its parameters filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub expected: Expected,
    pub kind: AnswerKind,
    pub also: Vec<String>,
    pub units: Vec<String>,
    pub steady: bool,
}

/// Where the expected answer comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Is(String),
    Pointer(String),
    Count { pointer: String, except: Vec<Value> },
}

impl Answer {
    /// The answer as `tasks show` and a lesson's result show it: the text, or where it is read.
    pub fn describe(&self) -> String {
        match &self.expected {
            Expected::Is(text) => text.clone(),
            Expected::Pointer(pointer) => format!("the value at {pointer} when answered"),
            Expected::Count { pointer, .. } => format!("how many {pointer} holds when answered"),
        }
    }

    /// The expected answer on the phone as `state` is now.
    pub fn expected_in(&self, state: &Value) -> Option<String> {
        match &self.expected {
            Expected::Is(text) => Some(text.clone()),
            Expected::Pointer(pointer) => match value_at(state, pointer)? {
                Value::String(text) => Some(text.clone()),
                Value::Null => None,
                other => Some(other.to_string()),
            },
            Expected::Count { pointer, except } => {
                let items = value_at(state, pointer)?.as_array()?;
                let counted = items
                    .iter()
                    .filter(|item| {
                        !except
                            .iter()
                            .any(|e| crate::play::condition::matches(item, e))
                    })
                    .count();
                Some(counted.to_string())
            }
        }
    }
}

/// The value at `pointer`, where a `-` segment is an array's last element.
pub fn value_at<'a>(state: &'a Value, pointer: &str) -> Option<&'a Value> {
    if !pointer.contains("/-") {
        return state.pointer(pointer);
    }
    let mut at = state;
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        at = match at {
            Value::Array(items) if segment == "-" => items.last()?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            Value::Object(fields) => fields.get(&segment)?,
            _ => return None,
        };
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_last_segment_dash_is_the_last_element() {
        let state = serde_json::json!({"list": [{"a": 1}, {"a": 2}]});
        assert_eq!(value_at(&state, "/list/-/a"), Some(&Value::from(2)));
        assert_eq!(value_at(&state, "/list/0/a"), Some(&Value::from(1)));
        assert_eq!(value_at(&state, "/none/-"), None);
    }
}
