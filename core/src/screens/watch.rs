//! Noting what the person does, for the trace: where they are when they act, what changed
//! since the last note, and the screens they open. `update` calls it around each action.

use super::Phone;
use super::trace::Place;
use super::world::{Surface, WebSite};
use crate::sim::trace::{Change, Marks};
use crate::view::Text;

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

/// The name a surface has in the trace.
pub fn surface_name(surface: Surface, site: WebSite) -> &'static str {
    match (surface, site) {
        (Surface::Phone, _) => "phone",
        (Surface::Browser, WebSite::MiCloud) => "i.mi.com",
        (Surface::Browser, WebSite::Account) => "account.xiaomi.com",
    }
}
