//! The agent protocol's actions: AndroidWorld's JSONAction words and shapes, read once into
//! typed actions.

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::play::fixture::{KeyName, TypeSource};

/// An action: AndroidWorld's JSONAction words, plus `key`, `id` and `label`, by its
/// `action_type`. Fields another action would take are refused (a typo is caught, not
/// ignored); a field that is `null` counts as absent, as AndroidWorld's `asdict()` sends every
/// field, `None` included; an `index` written as a string of digits (`"4"`) is that number, as
/// JSONAction reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(tag = "action_type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AgentAction {
    Click(Target),
    /// Two clicks on one place: the second touches what is there after the first.
    DoubleTap(Target),
    /// A touch held (the phone has no long-press menus: as a click).
    LongPress(Target),
    /// Types into the element aimed at (or the field with focus). Aimed by `index` or `x`,`y`
    /// (AndroidWorld's way) it clicks it, clears it (unless `clear_text` is false), types and
    /// presses Enter; aimed by `id`, `label` or at the field with focus it only types (and
    /// clears first with `clear_text: true`).
    InputText(Typing),
    KeyboardEnter {},
    NavigateBack {},
    NavigateHome {},
    /// Moves the page (or the open dialog's text) to show more in that direction.
    Scroll {
        direction: Direction,
        /// The element to scroll in (AndroidWorld's); the page or the dialog is what scrolls.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(test, schemars(schema_with = "index_schema"))]
        index: Option<usize>,
    },
    /// A finger swept across the screen: the opposite of `scroll` (`up` shows what is below).
    Swipe {
        direction: Direction,
    },
    /// Settings, Browser, or a data app (Contacts, Gallery …).
    OpenApp {
        app_name: String,
    },
    /// Lets simulated time pass: `seconds`, or AndroidWorld's one second.
    Wait {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seconds: Option<u64>,
    },
    /// Says the task is done (`complete`, or AndroidWorld's older `task_complete`) or cannot be
    /// done (`infeasible`).
    Status {
        goal_status: GoalStatus,
    },
    /// Answers a question the goal asks.
    Answer {
        text: String,
    },
    /// A key by the name fixtures write it (enter, esc, tab, f2 …).
    Key {
        key: KeyName,
    },
    /// An Android key by its `KEYCODE_*` name (`KEYCODE_ENTER`, `KEYCODE_BACK`, `KEYCODE_DEL` …).
    PressKeyboard {
        keycode: String,
    },
}

/// What a click or a long press touches: an element by its index in the last observation, by
/// its stable id or by its label, or a terminal cell.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, schemars(schema_with = "index_schema"))]
    pub index: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A terminal cell, column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<u16>,
    /// A terminal cell, row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<u16>,
}

impl Target {
    /// Whether it names an element (else the text goes into the field with focus).
    pub fn names_something(&self) -> bool {
        self.index.is_some() || self.id.is_some() || self.label.is_some()
    }
}

/// What `input_text` types, and where. Its target's fields are written out again rather than
/// flattened from [`Target`]: serde cannot refuse unknown fields through a flattened struct.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Typing {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(test, schemars(schema_with = "index_schema"))]
    pub index: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<u16>,
    /// What to type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Clear the field before typing (default: true when aimed by `index` or `x`,`y`, as
    /// AndroidWorld's input_text replaces what the field holds; false otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clear_text: Option<bool>,
    /// Type the digits the screen shows after some text instead (`{"digits_after":
    /// "Messages:"}`, a code in a notification, on screen or seen before). Reading the device
    /// file (`state`) is for fixtures only: an agent sees what a person sees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_from: Option<TypeSource>,
}

impl Typing {
    /// Where it types.
    pub fn target(&self) -> Target {
        Target {
            index: self.index,
            id: self.id.clone(),
            label: self.label.clone(),
            x: self.x,
            y: self.y,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    /// Sideways (AndroidWorld's): no page of the phone moves sideways.
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[serde(alias = "task_complete")]
    Complete,
    Infeasible,
}

/// An element's index in the last observation: a number, or a string of digits as a model
/// writes it (`"4"`).
#[cfg(test)]
fn index_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "An element's index in the last observation; a string of digits counts as the number.",
        "anyOf": [
            {"type": "integer", "minimum": 0},
            {"type": "string", "pattern": "^\\s*[0-9]+\\s*$"},
            {"type": "null"}
        ]
    })
}

/// A value read whole, or why it could not be: a malformed action is told in the step's answer
/// (and counts as a step), not refused as a malformed request.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T>(pub Result<T, String>);

impl<'de> Deserialize<'de> for Parsed<AgentAction> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut value = Value::deserialize(deserializer)?;
        // AndroidWorld's `asdict()` sends every field, `None` included: null is absence.
        if let Value::Object(fields) = &mut value {
            fields.retain(|_, v| !v.is_null());
            // JSONAction reads an index written as a string (`"4"`, as a model writes it).
            if let Some(index) = fields.get_mut("index")
                && let Some(number) = index
                    .as_str()
                    .and_then(|text| text.trim().parse::<u64>().ok())
            {
                *index = Value::from(number);
            }
        }
        let kind = value
            .get("action_type")
            .and_then(Value::as_str)
            .map(str::to_string);
        Ok(Parsed(serde_json::from_value(value).map_err(|e| {
            let message = crate::text::shortened(&e.to_string());
            match kind {
                // The type itself is unknown.
                Some(kind) if message.starts_with(&format!("unknown variant `{kind}`")) => {
                    format!(
                        "a malformed action: {}",
                        message.replacen("unknown variant", "unknown action_type", 1)
                    )
                }
                Some(kind) => format!(
                    "a malformed action: {}: {message}",
                    crate::text::cut(&kind, 40)
                ),
                None => format!("a malformed action: {message}"),
            }
        })))
    }
}

impl<T: Serialize> Serialize for Parsed<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Ok(value) => value.serialize(serializer),
            Err(message) => serializer.serialize_str(message),
        }
    }
}

#[cfg(test)]
impl<T: JsonSchema> JsonSchema for Parsed<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(json: &str) -> Result<AgentAction, String> {
        serde_json::from_str::<Parsed<AgentAction>>(json)
            .map(|p| p.0)
            .unwrap_or_else(|e| Err(e.to_string()))
    }

    #[test]
    fn androidworlds_spellings_are_read() {
        let click = parsed(r#"{"action_type":"click","index":" 4","x":null,"keycode":null}"#);
        assert_eq!(
            click,
            Ok(AgentAction::Click(Target {
                index: Some(4),
                ..Target::default()
            }))
        );
        assert_eq!(
            parsed(r#"{"action_type":"status","goal_status":"task_complete"}"#),
            Ok(AgentAction::Status {
                goal_status: GoalStatus::Complete
            })
        );
        assert_eq!(
            parsed(r#"{"action_type":"wait","text":null}"#),
            Ok(AgentAction::Wait { seconds: None })
        );
        // Not digits: refused, naming the field's trouble.
        assert!(parsed(r#"{"action_type":"click","index":"four"}"#).is_err());
        assert!(parsed(r#"{"action_type":"click","index":"-1"}"#).is_err());
    }
}
