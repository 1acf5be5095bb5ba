//! `update(phone, action, env, seen)`: the one function that changes the phone. It moves focus,
//! scrolls, types, hands touches to the screen in front, plays what the simulated world does on
//! its own (other devices signing in, Mi Cloud catching up) and says what the shells must do.
//! No terminal, file, wall clock or OS randomness is touched here.

use super::{Action, Effect, Phone, TextInput};
use super::{compose, watch as trace};
use crate::layout::{self, DialogLayout};
use crate::sim::cloud;
use crate::sim::env::Env;
use crate::strings::S;
use crate::view::View;

/// What an action did: what the shells must do, and the phone's view after it (composed once,
/// with the focus kept in sight).
#[derive(Debug, Clone)]
pub struct Updated {
    pub effects: Vec<Effect>,
    pub view: View,
}

/// Applies one action to the phone, acting on `seen` (the view the person acted on: what is
/// focused, where things are), and says what the shells must do.
pub fn update(phone: &mut Phone, action: Action, env: &mut Env, seen: &View) -> Updated {
    phone.world.now = env.now();
    phone.world.expire();
    // Where the person acts: what they change is traced as done there.
    let place = trace::place(phone);
    let mut effects = Vec::new();
    let mut keep_focus_visible = true;
    match action {
        Action::FocusNext | Action::FocusPrev => {
            let how = if action == Action::FocusNext {
                FocusMove::Next
            } else {
                FocusMove::Prev
            };
            // On a page, where the focus goes no further (or there is nothing to focus in
            // that direction) the arrows bring the rest of the page into view, a line at a time.
            if seen.top_dialog().is_none() && !moves_on_page(phone, seen, &how) {
                scroll_by(
                    phone,
                    seen,
                    if action == Action::FocusNext { 1 } else { -1 },
                );
                keep_focus_visible = false;
            } else {
                move_focus(phone, seen, how);
            }
        }
        Action::FocusFirst => move_focus(phone, seen, FocusMove::First),
        Action::FocusLast => move_focus(phone, seen, FocusMove::Last),
        Action::Activate => {
            // Enter on an element that cannot be touched now (a greyed-out button) does nothing.
            if let Some(element) = seen.focused().filter(|e| e.interactive()) {
                phone.tap(&element.id, env);
            }
        }
        Action::Tap(id) => {
            if let Some(element) = seen.find(&id).filter(|e| e.interactive()) {
                // Touching a text field puts the cursor there; only Enter submits it.
                let is_field = element.role.is_text_input();
                *phone.focus_slot() = Some(element.id.clone());
                if !is_field {
                    phone.tap(&id, env);
                }
            }
        }
        Action::Back => phone.back(),
        Action::Scroll(lines) => {
            scroll_by(phone, seen, lines);
            keep_focus_visible = false;
        }
        Action::PageUp | Action::PageDown => {
            let rows = match DialogLayout::over(seen, phone.world.viewport) {
                Some(dialog) => dialog.text.height,
                None => page_size(phone).1,
            };
            let page = i32::from(rows.saturating_sub(1).max(1));
            let lines = if action == Action::PageUp {
                -page
            } else {
                page
            };
            scroll_by(phone, seen, lines);
            keep_focus_visible = false;
        }
        Action::Type(text) => edit_focused(phone, seen, |input| input.insert(&text)),
        Action::DeleteBackward => edit_focused(phone, seen, TextInput::delete_backward),
        Action::DeleteForward => edit_focused(phone, seen, TextInput::delete_forward),
        Action::CursorLeft => edit_focused(phone, seen, TextInput::left),
        Action::CursorRight => edit_focused(phone, seen, TextInput::right),
        Action::CursorHome => edit_focused(phone, seen, TextInput::home),
        Action::CursorEnd => edit_focused(phone, seen, TextInput::end),
        Action::ClearField => edit_focused(phone, seen, TextInput::clear),
        Action::Resize { width, height } => phone.world.viewport = (width, height),
        Action::Tick => keep_focus_visible = false,
        Action::SwitchSurface => phone.switch_surface(),
        Action::Home => phone.home_screen(),
        Action::SignInElsewhere(who) => {
            // Played below with the device file's scheduled sign-ins, the same way.
            let now = env.now();
            phone
                .world
                .device_mut()
                .cloud
                .scheduled_sign_ins
                .push(who.at(now));
        }
        Action::ChangeElsewhere(what) => {
            // Played below with the device file's scheduled changes, the same way.
            let now = env.now();
            phone
                .world
                .device_mut()
                .cloud
                .scheduled_changes
                .push(what.at(now));
        }
        Action::Quit => effects.push(Effect::Quit),
    }
    // Work the person started that is due now (a sign-out's "Signing out…") is theirs too.
    phone.finish_due_work(env);
    trace::note(phone, &place, true);
    trace::note_opened(phone, &place);
    play_the_world(phone, env);
    trace::note(phone, &place, false);
    let mut view = compose::view(phone);
    if keep_focus_visible {
        scroll_focus_into_view(phone, &mut view);
    }
    // The focus shown becomes the focus kept, so it stays on that element when others appear
    // or come to life above it.
    phone.pin_focus(view.focused().map(|element| element.id.clone()));
    if phone.take_device_changed() {
        effects.push(Effect::Save);
    }
    Updated { effects, view }
}

/// What happens without the person: other devices signing in and adding data at their scheduled
/// time, and Mi Cloud's background sync going as soon as the network allows.
fn play_the_world(phone: &mut Phone, env: &mut Env) {
    let now = env.now();
    let world = &mut phone.world;
    if world
        .device()
        .cloud
        .scheduled_sign_ins
        .iter()
        .any(|s| s.at <= now)
    {
        let tr = world.tr();
        for alert in cloud::run_scheduled_sign_ins(world.device_mut(), now) {
            let text = tr.fill(
                S::NewSignInAlert,
                &[("device", &alert.device), ("place", &alert.location)],
            );
            world.notify(text);
        }
    }
    if world
        .device()
        .cloud
        .scheduled_changes
        .iter()
        .any(|change| change.at <= now)
    {
        cloud::run_scheduled_changes(world.device_mut(), now);
    }
    let waiting = world
        .device()
        .account
        .as_ref()
        .is_some_and(|a| a.sync.auto && a.sync.pending);
    if waiting && cloud::sync_block(world.device()).is_none() {
        cloud::sync(world.device_mut(), now);
    }
}

pub use super::compose::page_size;

/// Where a focus move goes.
enum FocusMove {
    Next,
    Prev,
    First,
    Last,
}

/// Whether ↓ (`Next`) or ↑ (`Prev`) moves the focus on the page `seen` shows: to a touchable
/// element after (before) the focused one; with nothing focused, to one that starts at or
/// below the top of the view (ends at or above its bottom).
fn moves_on_page(phone: &Phone, seen: &View, how: &FocusMove) -> bool {
    let elements = &seen.elements;
    let touchable = |i: &usize| elements[*i].interactive();
    match elements.iter().position(|e| e.focused) {
        Some(at) => match how {
            FocusMove::Next => (at + 1..elements.len()).any(|i| touchable(&i)),
            _ => (0..at).any(|i| touchable(&i)),
        },
        None => {
            let (width, height) = page_size(phone);
            let (offsets, _) = layout::element_offsets(elements, width);
            let top = |i: usize| offsets.get(i).copied().unwrap_or(0);
            let bottom =
                |i: usize| top(i).saturating_add(layout::element_height(&elements[i], width));
            let view_bottom = seen.scroll.saturating_add(height);
            (0..elements.len()).filter(touchable).any(|i| match how {
                FocusMove::Next => top(i) >= seen.scroll,
                _ => bottom(i) <= view_bottom,
            })
        }
    }
}

/// Moves the focus among the touchable elements `seen` shows; the page or dialog is scrolled
/// to it once the action is done (see [`scroll_focus_into_view`]). With nothing focused on a
/// page, ↓ goes to the first touchable element from the top of the view down, ↑ to the last
/// from its bottom up.
fn move_focus(phone: &mut Phone, seen: &View, how: FocusMove) {
    let elements = seen.active_elements();
    let touchable: Vec<usize> = (0..elements.len())
        .filter(|&i| elements[i].interactive())
        .collect();
    let (Some(&first), Some(&last)) = (touchable.first(), touchable.last()) else {
        return;
    };
    // Where the focus is, even on an element that cannot be touched just now: the move goes
    // from there.
    let current = elements.iter().position(|e| e.focused);
    let on_page = seen.top_dialog().is_none();
    let (width, height) = page_size(phone);
    let (offsets, _) = layout::element_offsets(elements, width);
    let top = |i: usize| offsets.get(i).copied().unwrap_or(0);
    let index = match (how, current) {
        (FocusMove::Next, None) if on_page => touchable
            .iter()
            .copied()
            .find(|&i| top(i) >= seen.scroll)
            .unwrap_or(first),
        (FocusMove::Prev, None) if on_page => touchable
            .iter()
            .rev()
            .copied()
            .find(|&i| {
                top(i).saturating_add(layout::element_height(&elements[i], width))
                    <= seen.scroll.saturating_add(height)
            })
            .unwrap_or(last),
        (FocusMove::First, _) | (FocusMove::Next, None) => first,
        (FocusMove::Last, _) | (FocusMove::Prev, None) => last,
        // Focus stops at the ends of a page rather than wrapping, like a phone list.
        (FocusMove::Next, Some(at)) => touchable.iter().copied().find(|&i| i > at).unwrap_or(at),
        (FocusMove::Prev, Some(at)) => touchable
            .iter()
            .rev()
            .copied()
            .find(|&i| i < at)
            .unwrap_or(at),
    };
    if let Some(element) = elements.get(index) {
        *phone.focus_slot() = Some(element.id.clone());
    }
}

/// Scrolls the open dialog's text by `lines` (within it), as laid out in `seen`.
fn scroll_dialog(phone: &mut Phone, seen: &View, lines: i32) {
    let Some(layout) = DialogLayout::over(seen, phone.world.viewport) else {
        return;
    };
    let Some(scroll) = phone.dialog_scroll_mut() else {
        return;
    };
    let wanted = i32::from(*scroll).saturating_add(lines);
    let max = i32::from(layout.max_scroll());
    *scroll = u16::try_from(wanted.clamp(0, max.max(0))).unwrap_or(0);
}

/// Scrolls the page, then moves focus onto a visible element if it scrolled out of sight.
fn scroll_by(phone: &mut Phone, seen: &View, lines: i32) {
    if phone.dialog().is_some() {
        // A dialog's text scrolls on its own; its buttons stay where they are.
        scroll_dialog(phone, seen, lines);
        return;
    }
    let (width, height) = page_size(phone);
    let elements = &seen.elements;
    let (offsets, total) = layout::element_offsets(elements, width);
    let max_scroll = i32::from(total.saturating_sub(height));
    let scroll = (i32::from(seen.scroll).saturating_add(lines)).clamp(0, max_scroll.max(0));
    let scroll = u16::try_from(scroll).unwrap_or(0);
    let visible = |i: usize| {
        let top = offsets.get(i).copied().unwrap_or(0);
        let bottom = top.saturating_add(layout::element_height(&elements[i], width));
        top >= scroll && bottom <= scroll.saturating_add(height)
    };
    let focus_visible = elements.iter().position(|e| e.focused).is_some_and(visible);
    let new_focus = if focus_visible {
        None
    } else {
        let mut candidates =
            (0..elements.len()).filter(|&i| elements[i].interactive() && visible(i));
        let pick = if lines < 0 {
            candidates.next_back()
        } else {
            candidates.next()
        };
        pick.map(|i| elements[i].id.clone())
    };
    let page = phone.page_mut();
    page.scroll = scroll;
    if new_focus.is_some() || !focus_visible {
        // Nothing touchable in sight: no focus, rather than one out of sight that Enter would
        // press unseen.
        page.focus = new_focus;
    }
}

/// Scrolls the page (or the open dialog's text) so the focused element of `view`, the phone's
/// view after an action, is in sight, in the phone and in `view` alike.
fn scroll_focus_into_view(phone: &mut Phone, view: &mut View) {
    // A dialog does not scroll the page under it: it keeps its own focused field in sight.
    if view.dialog.is_some() {
        let Some(layout) = DialogLayout::over(view, phone.world.viewport) else {
            return;
        };
        let (Some(scroll), Some(dialog)) = (phone.dialog_scroll_mut(), view.dialog.as_mut()) else {
            return;
        };
        *scroll = layout.scroll_to_focus((*scroll).min(layout.max_scroll()));
        dialog.scroll = *scroll;
        return;
    }
    let (width, height) = page_size(phone);
    let focus = view.elements.iter().position(|e| e.focused);
    let scroll = layout::scroll_to_show(&view.elements, width, height, view.scroll, focus);
    phone.page_mut().scroll = scroll;
    view.scroll = scroll;
}

/// Applies `edit` to the text field focused in `seen`, if the focus is on one.
fn edit_focused(phone: &mut Phone, seen: &View, edit: impl FnOnce(&mut TextInput)) {
    let Some(id) = seen
        .focused()
        .filter(|e| e.role.is_text_input())
        .map(|e| e.id.clone())
    else {
        return;
    };
    if let Some(input) = phone.field_mut(&id) {
        let before = input.clone();
        edit(input);
        if *input != before {
            phone.edited();
        }
    }
}
