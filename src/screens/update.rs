//! `update(phone, action, env)`: the one function that changes the phone. It moves focus,
//! scrolls, types, hands touches to the screen in front, plays what the simulated world does on
//! its own (other devices signing in, Mi Cloud catching up) and says what the shells must do.
//! No terminal, file, wall clock or OS randomness is touched here.

use super::{Action, Effect, Phone, TextInput};
use super::{compose, watch as trace};
use crate::layout::{self, Area, DialogLayout, PhoneLayout};
use crate::sim::cloud;
use crate::sim::env::Env;
use crate::strings::S;

/// Applies one action to the phone and says what the shells must do.
pub fn update(phone: &mut Phone, action: Action, env: &mut Env) -> Vec<Effect> {
    phone.world.now = env.now();
    phone.world.expire();
    // Where the person acts: what they change is traced as done there.
    let place = trace::place(phone);
    let mut effects = Vec::new();
    let mut keep_focus_visible = true;
    match action {
        Action::FocusNext | Action::FocusPrev | Action::FocusFirst | Action::FocusLast => {
            let how = match action {
                Action::FocusNext => Move::Next,
                Action::FocusPrev => Move::Prev,
                Action::FocusFirst => Move::First,
                _ => Move::Last,
            };
            move_focus(phone, how);
            // move_focus already scrolled: moving focus changes no element's size.
            keep_focus_visible = false;
        }
        Action::Activate => {
            let view = compose::view(phone);
            // Enter on an element that cannot be touched now (a greyed-out button) does nothing.
            if let Some(id) = view
                .focused()
                .filter(|e| e.interactive())
                .map(|e| e.id.clone())
            {
                phone.tap(&id, env);
            }
        }
        Action::Tap(id) => {
            let view = compose::view(phone);
            if let Some(element) = view.find(&id).filter(|e| e.interactive()) {
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
            scroll_by(phone, lines);
            keep_focus_visible = false;
        }
        Action::PageUp | Action::PageDown => {
            let rows = match dialog_layout(phone) {
                Some(dialog) => dialog.text.height,
                None => page_size(phone).1,
            };
            let page = i32::from(rows.saturating_sub(1).max(1));
            scroll_by(
                phone,
                if action == Action::PageUp {
                    -page
                } else {
                    page
                },
            );
            keep_focus_visible = false;
        }
        Action::Type(text) => edit_focused(phone, |input| input.insert(&text)),
        Action::DeleteBackward => edit_focused(phone, TextInput::delete_backward),
        Action::DeleteForward => edit_focused(phone, TextInput::delete_forward),
        Action::CursorLeft => edit_focused(phone, TextInput::left),
        Action::CursorRight => edit_focused(phone, TextInput::right),
        Action::CursorHome => edit_focused(phone, TextInput::home),
        Action::CursorEnd => edit_focused(phone, TextInput::end),
        Action::ClearField => edit_focused(phone, TextInput::clear),
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
    if keep_focus_visible {
        scroll_focus_into_view(phone);
    }
    if phone.take_device_changed() {
        effects.push(Effect::Save);
    }
    effects
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

/// The page size for the current viewport (a fallback keeps scrolling sane when the terminal
/// is too small to draw the phone at all).
pub fn page_size(phone: &Phone) -> (u16, u16) {
    let (width, height) = phone.world.viewport;
    PhoneLayout::page_size(width, height).unwrap_or((36, 7))
}

/// Where a focus move goes.
enum Move {
    Next,
    Prev,
    First,
    Last,
}

fn move_focus(phone: &mut Phone, how: Move) {
    let view = compose::view(phone);
    let elements = view.active_elements();
    let touchable: Vec<usize> = (0..elements.len())
        .filter(|&i| elements[i].interactive())
        .collect();
    let (Some(&first), Some(&last)) = (touchable.first(), touchable.last()) else {
        return;
    };
    // Where the focus is, even on an element that cannot be touched just now: the move goes
    // from there.
    let current = elements.iter().position(|e| e.focused);
    let index = match (how, current) {
        (Move::First, _) | (Move::Next, None) => first,
        (Move::Last, _) | (Move::Prev, None) => last,
        // Focus stops at the ends of a page rather than wrapping, like a phone list.
        (Move::Next, Some(at)) => touchable.iter().copied().find(|&i| i > at).unwrap_or(at),
        (Move::Prev, Some(at)) => touchable
            .iter()
            .rev()
            .copied()
            .find(|&i| i < at)
            .unwrap_or(at),
    };
    let id = elements[index].id.to_string();
    if phone.dialog().is_none() {
        let position = Some(index);
        let (width, height) = page_size(phone);
        let scroll = layout::scroll_to_show(&view.elements, width, height, view.scroll, position);
        phone.page_mut().scroll = scroll;
    }
    *phone.focus_slot() = Some(id.into());
    if phone.dialog().is_some() {
        scroll_dialog(phone, 0);
    }
}

/// Where the open dialog goes on the viewport, if a dialog is open and the phone fits.
fn dialog_layout(phone: &Phone) -> Option<DialogLayout> {
    phone.dialog()?;
    let view = compose::view(phone);
    let (width, height) = phone.world.viewport;
    let room =
        PhoneLayout::new(Area::new(0, 0, width, height))?.room_for_dialog(view.toast.as_deref());
    Some(DialogLayout::new(view.dialog.as_ref()?, room))
}

/// Scrolls the open dialog's text by `lines` (within it), or keeps it where it can show the
/// focused field (`lines` 0).
fn scroll_dialog(phone: &mut Phone, lines: i32) {
    let Some(layout) = dialog_layout(phone) else {
        return;
    };
    let Some(scroll) = phone.dialog_scroll_mut() else {
        return;
    };
    let wanted = i32::from(*scroll).saturating_add(lines);
    let max = i32::from(layout.max_scroll());
    let clamped = u16::try_from(wanted.clamp(0, max.max(0))).unwrap_or(0);
    *scroll = if lines == 0 {
        layout.scroll_to_focus(clamped)
    } else {
        clamped
    };
}

/// Scrolls the page, then moves focus onto a visible element if it scrolled out of sight.
fn scroll_by(phone: &mut Phone, lines: i32) {
    if phone.dialog().is_some() {
        // A dialog's text scrolls on its own; its buttons stay where they are.
        scroll_dialog(phone, lines);
        return;
    }
    let (width, height) = page_size(phone);
    let view = compose::view(phone);
    let (offsets, total) = layout::element_offsets(&view.elements, width);
    let max_scroll = i32::from(total.saturating_sub(height));
    let scroll = (i32::from(view.scroll).saturating_add(lines)).clamp(0, max_scroll.max(0));
    let scroll = u16::try_from(scroll).unwrap_or(0);
    let visible = |i: usize| {
        let top = offsets[i];
        let bottom = top.saturating_add(layout::element_height(&view.elements[i], width));
        top >= scroll && bottom <= scroll.saturating_add(height)
    };
    let focus_visible = view
        .elements
        .iter()
        .position(|e| e.focused)
        .is_some_and(visible);
    let new_focus = if focus_visible {
        None
    } else {
        let mut candidates =
            (0..view.elements.len()).filter(|&i| view.elements[i].interactive() && visible(i));
        let pick = if lines < 0 {
            candidates.next_back()
        } else {
            candidates.next()
        };
        pick.map(|i| view.elements[i].id.clone())
    };
    let page = phone.page_mut();
    page.scroll = scroll;
    if new_focus.is_some() {
        page.focus = new_focus;
    }
}

fn scroll_focus_into_view(phone: &mut Phone) {
    // A dialog does not scroll the page under it: it keeps its own focused field in sight.
    if phone.dialog().is_some() {
        scroll_dialog(phone, 0);
        return;
    }
    let (width, height) = page_size(phone);
    let view = compose::view(phone);
    let focus = view.elements.iter().position(|e| e.focused);
    let scroll = layout::scroll_to_show(&view.elements, width, height, view.scroll, focus);
    phone.page_mut().scroll = scroll;
}

/// Applies `edit` to the focused text field, if the focus is on one.
fn edit_focused(phone: &mut Phone, edit: impl FnOnce(&mut TextInput)) {
    let Some(id) = compose::view(phone)
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
