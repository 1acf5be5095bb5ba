//! One small language of conditions over the phone, shared by fixtures (`expect` steps) and
//! tasks (`success`): what the device file holds (JSON Pointers, compared with the start), what
//! screen is open and what text is on it (read as a person reads wrapped text), combined with
//! `all`, `any` and `not`.
//!
//! In a file a condition is one object:
//! `{"pointer": "/bluetooth", "equals": true}`, `{"pointer": "/account", "absent": true}`,
//! `{"pointer": "/cloud/accounts/0/devices", "length": {"<": 5}}`,
//! `{"pointer": "/phone/name", "changed": true}`, `{"screen": "Mi Account"}`,
//! `{"text": "Signed in"}`, `{"no_text": "Wrong password"}`, `{"all": [...]}`, `{"any": [...]}`,
//! `{"not": {...}}`; what the person did, where (the trace):
//! `{"did": {"change": "device_removed", "on": "account.xiaomi.com"}}`; and a password:
//! `{"pointer": "/cloud/accounts/0/password_hash", "verifies": "Blue!Harbour9"}`.
//!
//! Any condition may say which words of a task's goal it checks (`"says": "on the website"`):
//! a reviewer reads the goal against its checks, and a learner or agent told "not done" is told
//! which words are not done, never what the phone holds.
//!
//! Here the language: what a condition is, as the runner holds it and as a file writes it;
//! [`eval`] checks one against the phone ([`Facts`]).

pub mod eval;

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use eval::{Facts, matches};

use crate::play::one_kind::{exactly_one, keys};

/// How deep `all` / `any` / `not` may nest: a condition is read from a file, and a deeply nested
/// one is a mistake (or an attack on the evaluator's stack), never a need.
pub const DEPTH_MAX: usize = 16;

/// A condition over the phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(try_from = "ConditionSpec", into = "ConditionSpec")]
pub enum Condition {
    State {
        pointer: String,
        test: StateTest,
    },
    Screen(String),
    Text(String),
    NoText(String),
    /// The trace holds a change with every field of this object (an array field holds the
    /// value when the pattern gives one value: `"via": "accounts_sync"`).
    Did(Value),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
    /// The condition, and the words of the goal it checks.
    Says {
        phrase: String,
        check: Box<Condition>,
    },
}

/// What is asked of the value at a pointer.
#[derive(Debug, Clone, PartialEq)]
pub enum StateTest {
    Equals(Value),
    Exists,
    Absent,
    /// A string holds the text, or an array holds an element equal to the value (or, for an
    /// object value, an element that has every one of its fields).
    Contains(Value),
    Length(Comparison),
    /// The value differs from the start's, leaving out what [`BOOKKEEPING`] names and what
    /// `except` names.
    Changed(Vec<Value>),
    /// The value is the start's, leaving out the same.
    Unchanged(Vec<Value>),
    /// The string there is a password hash of this password.
    Verifies(String),
    /// The string there is this email address, in any letter case (as sign-in reads it).
    SameEmail(String),
    /// The string there is this phone number, spaces and dashes aside (the same digits).
    SamePhone(String),
}

pub use crate::sim::trace::BOOKKEEPING;

/// Bounds on a length; every one given must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    #[serde(default, rename = "==", skip_serializing_if = "Option::is_none")]
    pub equal: Option<u64>,
    #[serde(default, rename = "<", skip_serializing_if = "Option::is_none")]
    pub less: Option<u64>,
    #[serde(default, rename = "<=", skip_serializing_if = "Option::is_none")]
    pub at_most: Option<u64>,
    #[serde(default, rename = ">", skip_serializing_if = "Option::is_none")]
    pub more: Option<u64>,
    #[serde(default, rename = ">=", skip_serializing_if = "Option::is_none")]
    pub at_least: Option<u64>,
}

/// The file's shape of a condition: one kind, and with `pointer` one test.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConditionSpec {
    /// A JSON Pointer into the device file, with one test: equals, exists, absent, contains,
    /// length, changed or unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The value there equals this (a missing field equals `null`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub equals: Option<Value>,
    /// `true`: there is a value there (not `null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exists: Option<bool>,
    /// `true`: there is no value there (or `null`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absent: Option<bool>,
    /// The string there holds this text, or the array there holds such an element (an object
    /// matches an element having all its fields).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub contains: Option<Value>,
    /// The array, object or string there has a length within these bounds:
    /// `{"==": n, "<": n, "<=": n, ">": n, ">=": n}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<Comparison>,
    /// `true`: the value differs from the one at the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<bool>,
    /// `true`: the value is the one at the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unchanged: Option<bool>,
    /// With `changed` or `unchanged`: what the comparison leaves out besides the bookkeeping
    /// the simulation moves on its own (when items last synced, login history …): a relative
    /// pointer (`"/wifi_only"`) leaves out that field; an object leaves out the array
    /// elements that have its fields (`{"app": "notes"}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<Value>,
    /// The string there is an Argon2 hash of this password.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verifies: Option<String>,
    /// The string there is this email address, in any letter case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_email: Option<String>,
    /// The string there is this phone number, by its digits ("+44 7700 900999" is
    /// "+447700900999").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_phone: Option<String>,
    /// The open screen's title equals this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<String>,
    /// The screen shows this text (as read, across wrapped lines).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The screen does not show this text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_text: Option<String>,
    /// The person made a change with these fields (`change`, `on`, `via`, `account` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub did: Option<Value>,
    /// The words of a task's goal this condition checks (told to a learner or an agent when
    /// they are not done).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub says: Option<String>,
    /// Every one of these holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub all: Option<Vec<Condition>>,
    /// At least one of these holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub any: Option<Vec<Condition>>,
    /// This does not hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not: Option<Box<Condition>>,
}

/// A field that is there, even as `null` (`"equals": null` asks for a missing value; serde
/// would otherwise read it as no `equals` at all).
fn present<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(deserializer).map(Some)
}

impl TryFrom<ConditionSpec> for Condition {
    type Error = String;

    fn try_from(spec: ConditionSpec) -> Result<Condition, String> {
        let ConditionSpec {
            pointer,
            equals,
            exists,
            absent,
            contains,
            length,
            changed,
            unchanged,
            except,
            verifies,
            same_email,
            same_phone,
            screen,
            text,
            no_text,
            did,
            says,
            all,
            any,
            not,
        } = spec;
        let only_true = |name: &str, flag: Option<bool>| match flag {
            Some(false) => Err(format!(
                "`{name}` is written `true` (for the opposite use `not`)"
            )),
            _ => Ok(flag.is_some()),
        };
        let mut tests = Vec::new();
        if let Some(value) = equals {
            tests.push(("equals", StateTest::Equals(value)));
        }
        if only_true("exists", exists)? {
            tests.push(("exists", StateTest::Exists));
        }
        if only_true("absent", absent)? {
            tests.push(("absent", StateTest::Absent));
        }
        if let Some(value) = contains {
            tests.push(("contains", StateTest::Contains(value)));
        }
        if let Some(bounds) = length {
            tests.push(("length", StateTest::Length(bounds)));
        }
        let compares = changed.is_some() || unchanged.is_some();
        if !except.is_empty() && !compares {
            return Err("`except` goes with `changed` or `unchanged`".into());
        }
        for left_out in &except {
            match left_out {
                Value::String(pointer) if pointer.starts_with('/') => {}
                Value::Object(_) => {}
                other => {
                    return Err(format!(
                        "`except` takes relative pointers (\"/field\") or objects to match \
                         array elements, not {}",
                        crate::text::cut(&other.to_string(), 40)
                    ));
                }
            }
        }
        if only_true("changed", changed)? {
            tests.push(("changed", StateTest::Changed(except.clone())));
        }
        if only_true("unchanged", unchanged)? {
            tests.push(("unchanged", StateTest::Unchanged(except)));
        }
        if let Some(password) = verifies {
            tests.push(("verifies", StateTest::Verifies(password)));
        }
        if let Some(email) = same_email {
            tests.push(("same_email", StateTest::SameEmail(email)));
        }
        if let Some(phone) = same_phone {
            tests.push(("same_phone", StateTest::SamePhone(phone)));
        }
        let mut kinds: Vec<(&str, Condition)> = Vec::new();
        match (pointer, tests.len()) {
            (Some(pointer), 1) => {
                if !pointer.is_empty() && !pointer.starts_with('/') {
                    return Err(format!(
                        "pointer {pointer:?} is not a JSON Pointer (it must start with '/')"
                    ));
                }
                let (_, test) = tests.remove(0);
                kinds.push(("pointer", Condition::State { pointer, test }));
            }
            (Some(_), 0) => {
                return Err(
                    "a pointer needs one test: equals, exists, absent, contains, \
                            length, changed, unchanged, verifies, same_email or same_phone"
                        .into(),
                );
            }
            (Some(_), _) => {
                return Err(format!(
                    "a pointer takes one test; this one has {}",
                    keys(&tests)
                ));
            }
            (None, 0) => {}
            (None, _) => {
                return Err(format!("`{}` needs a `pointer`", tests[0].0));
            }
        }
        if let Some(title) = screen {
            kinds.push(("screen", Condition::Screen(title)));
        }
        if let Some(text) = text {
            kinds.push(("text", Condition::Text(text)));
        }
        if let Some(text) = no_text {
            kinds.push(("no_text", Condition::NoText(text)));
        }
        if let Some(pattern) = did {
            if !pattern.is_object() {
                return Err("`did` is an object: {\"change\": \"…\", \"on\": \"…\"}".into());
            }
            kinds.push(("did", Condition::Did(pattern)));
        }
        if let Some(all) = all {
            kinds.push(("all", Condition::All(all)));
        }
        if let Some(any) = any {
            kinds.push(("any", Condition::Any(any)));
        }
        if let Some(not) = not {
            kinds.push(("not", Condition::Not(not)));
        }
        let mut condition = exactly_one(
            "condition",
            kinds,
            "pointer, screen, text, no_text, did, all, any or not",
        )?;
        if let Some(phrase) = says {
            if phrase.trim().is_empty() {
                return Err("`says` names words of the goal; it is empty".into());
            }
            condition = Condition::Says {
                phrase,
                check: Box::new(condition),
            };
        }
        if condition.depth() > DEPTH_MAX {
            return Err(format!("conditions nest at most {DEPTH_MAX} deep"));
        }
        Ok(condition)
    }
}

impl From<Condition> for ConditionSpec {
    fn from(condition: Condition) -> ConditionSpec {
        let mut spec = ConditionSpec::default();
        match condition {
            Condition::State { pointer, test } => {
                spec.pointer = Some(pointer);
                match test {
                    StateTest::Equals(v) => spec.equals = Some(v),
                    StateTest::Exists => spec.exists = Some(true),
                    StateTest::Absent => spec.absent = Some(true),
                    StateTest::Contains(v) => spec.contains = Some(v),
                    StateTest::Length(c) => spec.length = Some(c),
                    StateTest::Changed(except) => {
                        spec.changed = Some(true);
                        spec.except = except;
                    }
                    StateTest::Unchanged(except) => {
                        spec.unchanged = Some(true);
                        spec.except = except;
                    }
                    StateTest::Verifies(password) => spec.verifies = Some(password),
                    StateTest::SameEmail(email) => spec.same_email = Some(email),
                    StateTest::SamePhone(phone) => spec.same_phone = Some(phone),
                }
            }
            Condition::Screen(title) => spec.screen = Some(title),
            Condition::Text(text) => spec.text = Some(text),
            Condition::NoText(text) => spec.no_text = Some(text),
            Condition::Did(pattern) => spec.did = Some(pattern),
            Condition::All(all) => spec.all = Some(all),
            Condition::Any(any) => spec.any = Some(any),
            Condition::Not(not) => spec.not = Some(not),
            Condition::Says { phrase, check } => {
                spec = ConditionSpec::from(*check);
                spec.says = Some(phrase);
            }
        }
        spec
    }
}

impl Condition {
    fn depth(&self) -> usize {
        match self {
            Condition::All(list) | Condition::Any(list) => {
                1 + list.iter().map(Condition::depth).max().unwrap_or(0)
            }
            Condition::Not(inner) => 1 + inner.depth(),
            // Saying which words it checks adds no depth.
            Condition::Says { check, .. } => check.depth(),
            _ => 1,
        }
    }

    /// Every `says` of the condition with the check under it, in order.
    pub fn phrases(&self) -> Vec<(&str, &Condition)> {
        let mut found = Vec::new();
        self.collect_phrases(&mut found);
        found
    }

    fn collect_phrases<'a>(&'a self, found: &mut Vec<(&'a str, &'a Condition)>) {
        match self {
            Condition::Says { phrase, check } => {
                found.push((phrase.as_str(), &**check));
                check.collect_phrases(found);
            }
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| c.collect_phrases(found));
            }
            Condition::Not(inner) => inner.collect_phrases(found),
            _ => {}
        }
    }

    /// The condition in a few words, for messages.
    pub fn describe(&self) -> String {
        serde_json::to_string(&ConditionSpec::from(self.clone())).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn condition(json: Value) -> Result<Condition, String> {
        serde_json::from_value(json).map_err(|e| e.to_string())
    }

    #[test]
    fn malformed_conditions_are_refused_with_a_reason() {
        for (json, says) in [
            (json!({"pointer": "/a"}), "needs one test"),
            (
                json!({"pointer": "/a", "equals": 1, "exists": true}),
                "one test",
            ),
            (json!({"equals": 1}), "needs a `pointer`"),
            (
                json!({"pointer": "a", "exists": true}),
                "not a JSON Pointer",
            ),
            (json!({"pointer": "/a", "exists": false}), "written `true`"),
            (json!({}), "needs one kind"),
            (json!({"screen": "a", "text": "b"}), "exactly one kind"),
            (json!({"colour": "blue"}), "unknown field"),
        ] {
            let message = condition(json.clone()).expect_err("refused");
            assert!(message.contains(says), "{json}: {message}");
        }
        let mut deep = json!({"screen": "x"});
        for _ in 0..DEPTH_MAX {
            deep = json!({"not": deep});
        }
        assert!(condition(deep).expect_err("too deep").contains("nest"));
    }
}
