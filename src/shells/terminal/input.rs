//! Terminal events to what the phone understands: key presses become engine keys (the key table
//! decides what they mean), clicks become taps on what the renderer drew there.

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use crate::engine::Key;
use crate::screens::Action;
use crate::ui::{HitMap, HitTarget};

/// Lines one notch of the mouse wheel scrolls.
const WHEEL_LINES: i32 = 3;

/// What a terminal event is for the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Action(Action),
    /// Pasted text: typed into the focused field, if there is one.
    Paste(String),
}

pub fn translate(event: &Event, hits: &HitMap) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_of(key).map(Input::Key),
        Event::Mouse(mouse) => mouse_action(mouse, hits).map(Input::Action),
        Event::Resize(width, height) => Some(Input::Action(Action::Resize {
            width: *width,
            height: *height,
        })),
        Event::Paste(text) => Some(Input::Paste(text.clone())),
        _ => None,
    }
}

/// The engine's key for a terminal key event; keys the phone has no use for are `None`.
pub fn key_of(key: &KeyEvent) -> Option<Key> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    Some(match key.code {
        KeyCode::Char(c) if ctrl => Key::Ctrl(c.to_ascii_lowercase()),
        KeyCode::Char(_) if alt => return None,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    })
}

fn mouse_action(mouse: &MouseEvent, hits: &HitMap) -> Option<Action> {
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => match hits.at(mouse.column, mouse.row)? {
            HitTarget::Element(id) => Some(Action::Tap(id.to_string())),
            HitTarget::Back => Some(Action::Back),
            HitTarget::Home => Some(Action::Home),
        },
        MouseEventKind::ScrollUp => Some(Action::Scroll(-WHEEL_LINES)),
        MouseEventKind::ScrollDown => Some(Action::Scroll(WHEEL_LINES)),
        _ => None,
    }
}
