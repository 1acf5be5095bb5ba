//! Keys and mouse events to actions. Which action a key means depends on what is on screen (in
//! a text field `q` is a letter, on the home screen it quits), so the mapping reads the `View`.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::sim::Action;
use crate::ui::{HitMap, Target};
use crate::view::View;

/// Lines one notch of the mouse wheel scrolls.
const WHEEL_LINES: i32 = 3;

/// The action for a terminal event, or `None` when the event means nothing here.
pub fn action_for(event: &Event, view: &View, hits: &HitMap) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_action(key, view),
        Event::Mouse(mouse) => mouse_action(mouse, hits),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        // Pasted text goes into the focused field, as typing would.
        Event::Paste(text) => typing(view).then(|| Action::Type(text.clone())),
        _ => None,
    }
}

/// Whether keys are going into a text field now.
fn typing(view: &View) -> bool {
    view.focused().is_some_and(|e| e.role.is_text_input())
}

pub fn key_action(key: &KeyEvent, view: &View) -> Option<Action> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && matches!(key.code, KeyCode::Char('c') | KeyCode::Char('C')) {
        return Some(Action::Quit);
    }
    // F2 switches between the phone and the browser from anywhere, even mid-typing.
    if key.code == KeyCode::F(2) {
        return Some(Action::SwitchSurface);
    }
    let at_root = !view.back && view.dialog.is_none();
    if typing(view) {
        let action = match key.code {
            KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
                Action::Type(c.to_string())
            }
            KeyCode::Backspace => Action::DeleteBackward,
            KeyCode::Delete => Action::DeleteForward,
            KeyCode::Left => Action::CursorLeft,
            KeyCode::Right => Action::CursorRight,
            KeyCode::Home => Action::CursorHome,
            KeyCode::End => Action::CursorEnd,
            KeyCode::Up | KeyCode::BackTab => Action::FocusPrev,
            KeyCode::Down | KeyCode::Tab => Action::FocusNext,
            KeyCode::Enter => Action::Activate,
            KeyCode::Esc => Action::Back,
            _ => return None,
        };
        return Some(action);
    }
    let action = match key.code {
        KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => Action::FocusPrev,
        KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => Action::FocusNext,
        KeyCode::Home | KeyCode::Char('g') => Action::FocusFirst,
        KeyCode::End | KeyCode::Char('G') => Action::FocusLast,
        KeyCode::PageUp => Action::PageUp,
        KeyCode::PageDown => Action::PageDown,
        KeyCode::Enter | KeyCode::Char(' ') => Action::Activate,
        KeyCode::Esc | KeyCode::Backspace | KeyCode::Left | KeyCode::Char('h') => Action::Back,
        KeyCode::Char('q') if at_root => Action::Quit,
        _ => return None,
    };
    Some(action)
}

fn mouse_action(mouse: &MouseEvent, hits: &HitMap) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => match hits.at(mouse.column, mouse.row)? {
            Target::Element(id) => Some(Action::Tap(id.to_string())),
            Target::Back => Some(Action::Back),
        },
        MouseEventKind::ScrollUp => Some(Action::Scroll(-WHEEL_LINES)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(WHEEL_LINES)),
        _ => None,
    }
}
