//! What can happen to the phone (actions in) and what the shells must do about it (effects out).

use serde::{Deserialize, Serialize};

use crate::sim::{ChangeElsewhere, SignInElsewhere};

/// Everything a person (or a script, or an agent) can do to the phone. Keys and clicks become
/// these through the engine's key table and the renderer's hit map; fixtures and agents send
/// them directly.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Move keyboard focus to the next / previous touchable element.
    FocusNext,
    FocusPrev,
    FocusFirst,
    FocusLast,
    /// Activate the focused element (Enter or Space): open a row, flip a switch, press a button.
    Activate,
    /// Touch the element with this id (a mouse click or a fixture's `tap`).
    Tap(String),
    /// The back arrow / Esc: closes a dialog, else goes up one screen.
    Back,
    /// Scroll the page by this many lines (negative: up). Focus stays on a visible element.
    Scroll(i32),
    /// Scroll by one page.
    PageUp,
    PageDown,
    /// Text typed into the focused field.
    Type(String),
    /// Text-field editing.
    DeleteBackward,
    DeleteForward,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    /// Empties the focused text field.
    ClearField,
    /// The terminal now has this size (the page scrolls to fit it).
    Resize {
        width: u16,
        height: u16,
    },
    /// Time has passed (the shell moved the clock); lets timed things expire.
    Tick,
    /// Switch between the phone and the browser (i.mi.com, account.xiaomi.com) on the same
    /// simulated cloud.
    SwitchSurface,
    /// The phone's Home key: its home screen, with the apps.
    Home,
    /// Another device signs in to an account now, somewhere else (a script's event, not
    /// something the person does on this phone): it joins the account's devices and login
    /// history, and a phone signed in to that account with login notifications on is alerted.
    SignInElsewhere(SignInElsewhere),
    /// Another device of an account adds an item to the account's Mi Cloud now (a script's
    /// event): a phone signed in to that account gets it at its next sync.
    ChangeElsewhere(ChangeElsewhere),
    /// Leave the app.
    Quit,
}

impl Action {
    /// Whether it edits the text field in focus (types, deletes, moves the cursor, clears).
    pub fn edits_a_field(&self) -> bool {
        matches!(
            self,
            Action::Type(_)
                | Action::DeleteBackward
                | Action::DeleteForward
                | Action::CursorLeft
                | Action::CursorRight
                | Action::CursorHome
                | Action::CursorEnd
                | Action::ClearField
        )
    }
}

/// What the shells must do after an update. The core never does I/O itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The device state changed in a way that must survive a restart: save the device file.
    Save,
    /// The person asked to leave.
    Quit,
}
