//! The trace: each change the person made, with where they made it — the surface (the phone, or
//! the website in the browser) and the screens open at the time. Task checks read it (`did`), so
//! that "remove it on the website" is told apart from the same removal on the phone, and a
//! password changed by "Forgot password" from one changed under Account security.
//!
//! Only the person's own doing is traced: what other devices do and what the cloud does on its
//! own as time passes move the comparison on without a word.

use serde_json::Value;

use crate::sim::trace::Change;
use crate::view::Text;

/// The most changes one trace keeps: an episode makes a few dozen; a person at the phone all
/// day may make more, and the oldest then go.
pub const KEPT: usize = 10_000;

/// The changes, oldest first, each as conditions read it:
/// `{"change": "device_removed", "account": "…", "device": "…", "on": "account.xiaomi.com",
/// "via": ["web.account", "web.security", "devices", "device_details"], "n": 3}`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Trace {
    entries: Vec<Value>,
    /// How many changes were ever noted (the next one's `n`).
    noted: u64,
    /// The screens opened so far, by surface: each is noted the first time only.
    opened: Vec<(&'static str, String)>,
}

impl Trace {
    pub fn entries(&self) -> &[Value] {
        &self.entries
    }

    /// Forgets every change (an episode starts counting from here).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.opened.clear();
        self.noted = 0;
    }

    pub(crate) fn push(&mut self, change: &Change, place: &Place) {
        let Ok(Value::Object(entry)) = serde_json::to_value(change) else {
            return;
        };
        self.push_entry(entry, change.about(), place);
    }

    /// Notes that the person opened a screen (`{"change": "opened", "screen": "login_history",
    /// "about": "view", "on": "phone"}`), the first time on each surface: a check that the
    /// person looked somewhere ("check it on the phone") reads it.
    pub(crate) fn opened(&mut self, place: &Place) {
        let Some(screen) = place.via.iter().rev().find(|_| true) else {
            return;
        };
        let key = (place.on, screen.to_string());
        if self.opened.contains(&key) || self.opened.len() >= KEPT {
            return;
        }
        let mut entry = serde_json::Map::new();
        entry.insert("change".into(), Value::from("opened"));
        entry.insert("screen".into(), Value::from(key.1.clone()));
        self.opened.push(key);
        self.push_entry(entry, "view", place);
    }

    fn push_entry(
        &mut self,
        mut entry: serde_json::Map<String, Value>,
        about: &'static str,
        place: &Place,
    ) {
        entry.insert("about".into(), Value::from(about));
        entry.insert("on".into(), Value::from(place.on));
        entry.insert(
            "via".into(),
            Value::Array(place.via.iter().map(|name| Value::from(&**name)).collect()),
        );
        entry.insert("n".into(), Value::from(self.noted));
        self.noted = self.noted.saturating_add(1);
        if self.entries.len() >= KEPT {
            self.entries.remove(0);
        }
        self.entries.push(Value::Object(entry));
    }
}

/// Where the person is: the surface (`phone`, `i.mi.com`, `account.xiaomi.com`) and the
/// screens open there, root first, with the dialog over them last.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub on: &'static str,
    pub via: Vec<Text>,
}
