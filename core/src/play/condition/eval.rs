//! A condition checked against the phone: whether it holds, and if not, what does not hold, in
//! words (for a failed fixture), or the words of the goal not done (for a learner or an agent,
//! never what the phone holds).

use serde_json::Value;

use super::{BOOKKEEPING, Comparison, Condition, StateTest};

impl Comparison {
    fn holds(&self, n: u64) -> bool {
        self.equal.is_none_or(|v| n == v)
            && self.less.is_none_or(|v| n < v)
            && self.at_most.is_none_or(|v| n <= v)
            && self.more.is_none_or(|v| n > v)
            && self.at_least.is_none_or(|v| n >= v)
    }
}

/// What a condition is checked against.
pub trait Facts {
    /// The device file now, as JSON.
    fn state(&self) -> &Value;
    /// The device file when the episode (the fixture, the task) started.
    fn start(&self) -> &Value;
    /// What `pointer` points at in the device file now (a driver may work out only that part).
    fn state_at(&self, pointer: &str) -> Option<&Value> {
        self.state().pointer(pointer)
    }
    /// What `pointer` pointed at when the episode started.
    fn start_at(&self, pointer: &str) -> Option<&Value> {
        self.start().pointer(pointer)
    }
    /// The open screen's title.
    fn title(&self) -> &str;
    /// Whether the screen shows `text`, as a person reads it.
    fn shows(&mut self, text: &str) -> bool;
    /// Whether the open screen is titled `title` (written in any language).
    fn titled(&self, title: &str) -> bool {
        self.title() == title
    }
    /// Whether the screen shows `text`, translated only where it is a whole text of the
    /// phone's (what a condition that forbids a text checks).
    fn shows_exactly(&mut self, text: &str) -> bool {
        self.shows(text)
    }
    /// What the person changed, where (`screens::trace`); none where nothing is traced.
    fn trace(&self) -> &[Value] {
        &[]
    }
    /// Whether `hash` is a hash of `password` (a driver may remember answers: hashing is slow
    /// next to a step).
    fn verifies(&mut self, hash: &str, password: &str) -> bool {
        crate::sim::cloud::verify_password(hash, password)
    }
}

impl Condition {
    /// `None` when the condition holds; else the words of the goal that are not done (the
    /// nearest `says` of what fails), or `Some(None)` where what fails says nothing.
    pub fn unmet(&self, facts: &mut dyn Facts) -> Option<Option<String>> {
        match self {
            Condition::Says { phrase, check } => check
                .unmet(facts)
                .map(|inner| Some(inner.unwrap_or_else(|| phrase.clone()))),
            Condition::All(list) => list.iter().find_map(|c| c.unmet(facts)),
            other => other.why_not(facts).map(|_| None),
        }
    }

    /// The changes in `trace` this condition forbids for good: a `not` of a `did` that must
    /// hold (under `all` and `says` only) and matches a change already made. A trace only
    /// grows, so the condition can never hold again.
    pub fn forbidden_in(&self, trace: &[Value]) -> Vec<Value> {
        match self {
            Condition::Not(inner) => match &**inner {
                Condition::Did(pattern) => trace
                    .iter()
                    .filter(|entry| matches(entry, pattern))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            },
            Condition::Says { check, .. } => check.forbidden_in(trace),
            Condition::All(list) => list.iter().flat_map(|c| c.forbidden_in(trace)).collect(),
            _ => Vec::new(),
        }
    }

    pub fn holds(&self, facts: &mut dyn Facts) -> bool {
        self.why_not(facts).is_none()
    }

    /// `None` when the condition holds; else what does not hold, in words.
    pub fn why_not(&self, facts: &mut dyn Facts) -> Option<String> {
        match self {
            Condition::State { pointer, test } => state_why_not(pointer, test, facts),
            Condition::Screen(title) => (!facts.titled(title))
                .then(|| format!("the screen is {:?}, not {title:?}", facts.title())),
            Condition::Text(text) => {
                (!facts.shows(text)).then(|| format!("{text:?} is not on screen"))
            }
            Condition::NoText(text) => facts
                .shows_exactly(text)
                .then(|| format!("{text:?} is on screen")),
            Condition::Did(pattern) => (!facts.trace().iter().any(|entry| matches(entry, pattern)))
                .then(|| {
                    format!(
                        "no such change: {}",
                        crate::text::cut(&pattern.to_string(), 80)
                    )
                }),
            Condition::Says { check, .. } => check.why_not(facts),
            Condition::All(list) => list.iter().find_map(|c| c.why_not(facts)),
            Condition::Any(list) => {
                let mut reasons = Vec::new();
                for condition in list {
                    match condition.why_not(facts) {
                        None => return None,
                        Some(reason) => reasons.push(reason),
                    }
                }
                Some(format!("none holds: {}", reasons.join("; ")))
            }
            Condition::Not(inner) => match inner.why_not(facts) {
                Some(_) => None,
                None => Some(format!("it holds, and must not: {}", inner.describe())),
            },
        }
    }
}

fn state_why_not(pointer: &str, test: &StateTest, facts: &mut dyn Facts) -> Option<String> {
    let found = facts.state_at(pointer).filter(|v| !v.is_null());
    let shown = |v: Option<&Value>| {
        v.map_or("nothing".to_string(), |v| {
            crate::text::cut(&v.to_string(), 80)
        })
    };
    match test {
        StateTest::Equals(expected) => {
            let same = match found {
                None => expected.is_null(),
                Some(value) => value == expected,
            };
            (!same).then(|| {
                format!(
                    "{pointer} is {}, not {}",
                    shown(found),
                    shown(Some(expected))
                )
            })
        }
        StateTest::Exists => found.is_none().then(|| format!("{pointer} is absent")),
        StateTest::Absent => found
            .is_some()
            .then(|| format!("{pointer} is {}, not absent", shown(found))),
        StateTest::Contains(wanted) => {
            let has = match (found, wanted) {
                (Some(Value::String(text)), Value::String(part)) => text.contains(part.as_str()),
                (Some(Value::Array(items)), wanted) => {
                    items.iter().any(|item| matches(item, wanted))
                }
                _ => false,
            };
            (!has).then(|| {
                format!(
                    "{pointer} ({}) does not contain {}",
                    shown(found),
                    shown(Some(wanted))
                )
            })
        }
        StateTest::Length(bounds) => {
            let length = match found {
                Some(Value::Array(items)) => Some(items.len()),
                Some(Value::Object(fields)) => Some(fields.len()),
                Some(Value::String(text)) => Some(text.chars().count()),
                None => Some(0),
                Some(_) => None,
            };
            match length {
                Some(n) if bounds.holds(n as u64) => None,
                Some(n) => Some(format!("{pointer} has length {n}")),
                None => Some(format!("{pointer} ({}) has no length", shown(found))),
            }
        }
        StateTest::Changed(except) | StateTest::Unchanged(except) => {
            let before = facts.start_at(pointer).filter(|v| !v.is_null());
            let now = facts.state_at(pointer).filter(|v| !v.is_null());
            let mut at = String::new();
            let same = alike(before, now, except, &mut at);
            match (test, same) {
                (StateTest::Changed(_), true) => Some(format!("{pointer} has not changed")),
                (StateTest::Unchanged(_), false) => Some(format!(
                    "{pointer}{at} changed from {} to {}",
                    shown(before.and_then(|v| v.pointer(&at))),
                    shown(now.and_then(|v| v.pointer(&at)))
                )),
                _ => None,
            }
        }
        StateTest::SameEmail(email) => {
            let now = found.and_then(Value::as_str).unwrap_or_default();
            (!now.trim().eq_ignore_ascii_case(email.trim()))
                .then(|| format!("{pointer} is {}, not the email {email:?}", shown(found)))
        }
        StateTest::SamePhone(phone) => {
            let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
            let now = found.and_then(Value::as_str).unwrap_or_default();
            (digits(now).is_empty() || digits(now) != digits(phone))
                .then(|| format!("{pointer} is {}, not the number {phone:?}", shown(found)))
        }
        StateTest::Verifies(password) => {
            let hash = found
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_string();
            (!facts.verifies(&hash, password))
                .then(|| format!("{pointer} is not a hash of the password {password:?}"))
        }
    }
}

/// Whether two values are the same for `changed` and `unchanged`: the fields the simulation
/// moves on its own ([`BOOKKEEPING`]) and what `except` names are left out below the top
/// (`path` is where the walk is, relative to the condition's pointer). A missing value and
/// `null` are the same.
fn alike(a: Option<&Value>, b: Option<&Value>, except: &[Value], path: &mut String) -> bool {
    let a = a.filter(|v| !v.is_null());
    let b = b.filter(|v| !v.is_null());
    match (a, b) {
        (None, None) => true,
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            let keys = x.keys().chain(y.keys().filter(|k| !x.contains_key(*k)));
            for key in keys {
                if BOOKKEEPING.contains(&key.as_str()) {
                    continue;
                }
                let length = path.len();
                path.push('/');
                path.push_str(key);
                let left_out = except.iter().any(|e| e.as_str() == Some(path.as_str()));
                let same = left_out || alike(x.get(key), y.get(key), except, path);
                if !same {
                    // `path` stays where they differ, for the message.
                    return false;
                }
                path.truncate(length);
            }
            true
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) => {
            let kept = |item: &&Value| !except.iter().any(|e| e.is_object() && matches(item, e));
            let (x, y): (Vec<&Value>, Vec<&Value>) = (
                x.iter().filter(kept).collect(),
                y.iter().filter(kept).collect(),
            );
            if x.len() != y.len() {
                return false;
            }
            for (i, (a, b)) in x.iter().zip(&y).enumerate() {
                let length = path.len();
                path.push('/');
                path.push_str(&i.to_string());
                if !alike(Some(a), Some(b), except, path) {
                    return false;
                }
                path.truncate(length);
            }
            true
        }
        (a, b) => a == b,
    }
}

/// An element matches a wanted value when they are equal or, for objects, when the element has
/// every field of the wanted one with an equal value.
/// An array field matches one wanted value when it holds it (`"via": "accounts_sync"`).
pub fn matches(item: &Value, wanted: &Value) -> bool {
    match (item, wanted) {
        (Value::Object(fields), Value::Object(want)) => want
            .iter()
            .all(|(key, value)| fields.get(key).is_some_and(|v| matches(v, value))),
        (Value::Array(items), wanted) if !wanted.is_array() => {
            items.iter().any(|item| matches(item, wanted))
        }
        _ => item == wanted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    struct Fixed {
        state: Value,
        start: Value,
        screen: String,
        text: String,
    }

    impl Facts for Fixed {
        fn state(&self) -> &Value {
            &self.state
        }
        fn start(&self) -> &Value {
            &self.start
        }
        fn title(&self) -> &str {
            &self.screen
        }
        fn shows(&mut self, text: &str) -> bool {
            self.text.contains(text)
        }
    }

    fn facts() -> Fixed {
        Fixed {
            state: json!({"bluetooth": true, "name": "Redmi", "devices": [{"id": "a", "kind": "tv"}, {"id": "b"}]}),
            start: json!({"bluetooth": false, "name": "Redmi", "devices": []}),
            screen: "Mi Account".into(),
            text: "Signed in as Lei".into(),
        }
    }

    fn condition(json: Value) -> Result<Condition, String> {
        serde_json::from_value(json).map_err(|e| e.to_string())
    }

    #[test]
    fn each_kind_holds_or_says_why_not() {
        let mut f = facts();
        let cases = [
            (json!({"pointer": "/bluetooth", "equals": true}), true),
            (json!({"pointer": "/missing", "equals": null}), true),
            (json!({"pointer": "/name", "exists": true}), true),
            (json!({"pointer": "/account", "absent": true}), true),
            (
                json!({"pointer": "/devices", "contains": {"kind": "tv"}}),
                true,
            ),
            (
                json!({"pointer": "/devices", "contains": {"kind": "band"}}),
                false,
            ),
            (json!({"pointer": "/name", "contains": "edm"}), true),
            (
                json!({"pointer": "/devices", "length": {">=": 2, "<": 3}}),
                true,
            ),
            (json!({"pointer": "/devices", "length": {"==": 1}}), false),
            (json!({"pointer": "/bluetooth", "changed": true}), true),
            (json!({"pointer": "/name", "unchanged": true}), true),
            (json!({"screen": "Mi Account"}), true),
            (json!({"text": "Signed in"}), true),
            (json!({"no_text": "Signed in"}), false),
            (
                json!({"all": [{"screen": "Mi Account"}, {"text": "Lei"}]}),
                true,
            ),
            (
                json!({"any": [{"screen": "Settings"}, {"text": "nope"}]}),
                false,
            ),
            (json!({"not": {"screen": "Settings"}}), true),
        ];
        for (json, expected) in cases {
            let c = condition(json.clone()).expect("parses");
            assert_eq!(c.holds(&mut f), expected, "{json}");
            assert_eq!(c.why_not(&mut f).is_none(), expected, "{json}");
        }
    }
}
