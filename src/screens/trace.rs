//! The trace: each change the person made, with where they made it — the surface (the phone, or
//! the website in the browser) and the screens open at the time. Task checks read it (`did`), so
//! that "remove it on the website" is told apart from the same removal on the phone, and a
//! password changed by "Forgot password" from one changed under Account security.
//!
//! Only the person's own doing is traced: what other devices do and what the cloud does on its
//! own as time passes move the comparison on without a word.

use serde_json::Value;

use super::Phone;
use super::world::{Surface, WebSite};
use crate::sim::trace::{Change, Marks};
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

    fn push(&mut self, change: &Change, place: &Place) {
        let Ok(Value::Object(entry)) = serde_json::to_value(change) else {
            return;
        };
        self.push_entry(entry, change.about(), place);
    }

    /// Notes that the person opened a screen (`{"change": "opened", "screen": "login_history",
    /// "about": "view", "on": "phone"}`), the first time on each surface: a check that the
    /// person looked somewhere ("check it on the phone") reads it.
    fn opened(&mut self, place: &Place) {
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

/// The name a surface has in the trace.
pub fn surface_name(surface: Surface, site: WebSite) -> &'static str {
    match (surface, site) {
        (Surface::Phone, _) => "phone",
        (Surface::Browser, WebSite::MiCloud) => "i.mi.com",
        (Surface::Browser, WebSite::Account) => "account.xiaomi.com",
    }
}

/// Notes the screen in front as opened, when the person's action brought a new one there.
pub fn note_opened(phone: &mut Phone, before: &Place) {
    let now = page_place(phone);
    if now.on != before.on
        || now.via.last() != before.via.iter().rev().find(|name| !is_dialog(name, phone))
    {
        phone.world.trace.opened(&now);
    }
}

/// A dialog's id among the names of `via` (the last one, when a dialog is open).
fn is_dialog(name: &Text, phone: &Phone) -> bool {
    phone.stack().iter().all(|page| page.screen.name() != *name)
}

/// Where the person is, without the dialog.
fn page_place(phone: &Phone) -> Place {
    let world = &phone.world;
    Place {
        on: surface_name(world.surface, world.web.site),
        via: phone
            .stack()
            .iter()
            .map(|page| page.screen.name())
            .collect(),
    }
}

/// Where the person is now.
pub fn place(phone: &Phone) -> Place {
    let world = &phone.world;
    let mut via: Vec<Text> = phone
        .stack()
        .iter()
        .map(|page| page.screen.name())
        .collect();
    if let Some(state) = phone.dialog() {
        via.push(Text::Owned(state.dialog.view(world).id));
    }
    Place {
        on: surface_name(world.surface, world.web.site),
        via,
    }
}

/// Takes note of what changed since the last note: as the person's doing at `place` when
/// `theirs`, else (the world's own doing) only moving the comparison on.
pub fn note(phone: &mut Phone, place: &Place, theirs: bool) {
    let world = &mut phone.world;
    let deeds = std::mem::take(&mut world.deeds);
    if !world.marks_stale && deeds.is_empty() {
        return;
    }
    let mut changes = deeds;
    if world.marks_stale {
        let now = Marks::of(world.device());
        changes.extend(now.changes_since(&world.marks));
        world.marks = now;
        world.marks_stale = false;
    }
    if !theirs {
        return;
    }
    for mut change in changes {
        if let Change::SignedIn { with, .. } | Change::WebSignedIn { with, .. } = &mut change
            && with.is_none()
        {
            // The name the sign-in used is told once.
            *with = world.login_with.take();
        }
        world.trace.push(&change, place);
    }
}
