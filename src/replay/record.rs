//! `mi-settings --record FILE`: turns an interactive session into a version-1 fixture of semantic
//! steps (taps by id with their labels, typed text, keys, waits), starting from the device as it
//! was, so that a trainer can record once and replay forever.

use chrono::{DateTime, Utc};

use super::fixture::{
    FIXTURE_VERSION, Fixture, KeyName, ScrollDirection, Step, TerminalSize, WaitDuration,
};
use crate::sim::{Action, DeviceFile};
use crate::store;
use crate::view::{Role, View};

pub struct Recorder {
    device: serde_json::Value,
    clock: DateTime<Utc>,
    seed: u64,
    terminal: TerminalSize,
    steps: Vec<Step>,
    /// The simulated time the recorded steps have reached (waits are whole seconds).
    recorded_until: DateTime<Utc>,
}

impl Recorder {
    pub fn new(
        device: &DeviceFile,
        clock: DateTime<Utc>,
        seed: u64,
        width: u16,
        height: u16,
    ) -> Recorder {
        Recorder {
            device: serde_json::from_str(&store::to_json(device)).unwrap_or_default(),
            clock,
            seed,
            terminal: TerminalSize { width, height },
            steps: Vec::new(),
            recorded_until: clock,
        }
    }

    /// Notes an action as it is applied, with the view it was applied to and the time.
    pub fn record(&mut self, action: &Action, view: &View, now: DateTime<Utc>) {
        let focused = view.focused();
        let typing = focused.is_some_and(|e| e.role.is_text_input());
        let key = |name: &str| KeyName::try_from(name.to_string()).ok().map(Step::Key);
        let step = match action {
            Action::Tap(id) => Some(Step::TapId {
                id: id.clone(),
                label: view.find(id).map(|e| e.label.to_string()),
            }),
            // Enter on a row is a tap on it: recording the id keeps the replay right even if
            // focus got there by a mouse-wheel scroll, which is not recorded.
            Action::Activate if !typing => focused.map(|e| Step::TapId {
                id: e.id.to_string(),
                label: Some(e.label.to_string()),
            }),
            Action::Activate => key("enter"),
            Action::FocusNext => key("down"),
            Action::FocusPrev => key("up"),
            Action::FocusFirst | Action::CursorHome => key("home"),
            Action::FocusLast | Action::CursorEnd => key("end"),
            Action::DeleteBackward => key("backspace"),
            Action::DeleteForward => key("delete"),
            Action::CursorLeft => key("left"),
            Action::CursorRight => key("right"),
            Action::PageUp => Some(Step::Scroll(ScrollDirection::Up)),
            Action::PageDown => Some(Step::Scroll(ScrollDirection::Down)),
            Action::Back => Some(Step::Back(1)),
            // A password never goes into a file: typing into a password field is left out.
            Action::Type(_) if focused.is_some_and(|e| e.role == Role::PasswordField) => None,
            Action::Type(text) => Some(Step::Type(text.clone())),
            Action::Scroll(_) | Action::Resize { .. } | Action::Tick | Action::Quit => None,
        };
        let Some(step) = step else {
            return;
        };
        let waited = (now - self.recorded_until).num_seconds();
        if waited >= 1 {
            self.steps
                .push(Step::Wait(WaitDuration::from_seconds(waited)));
            self.recorded_until += chrono::Duration::seconds(waited);
        }
        // Runs of typing and of back presses read better as one step.
        match (self.steps.last_mut(), step) {
            (Some(Step::Type(previous)), Step::Type(more)) => previous.push_str(&more),
            (Some(Step::Back(times)), Step::Back(more)) => *times += more,
            (_, step) => self.steps.push(step),
        }
    }

    pub fn fixture(&self, name: &str) -> Fixture {
        Fixture {
            version: FIXTURE_VERSION,
            name: name.to_string(),
            description: format!(
                "Recorded with mi-settings --record, starting {}",
                self.clock
            ),
            terminal: Some(self.terminal),
            device: Some(self.device.clone()),
            seed: Some(self.seed),
            clock: Some(self.clock),
            steps: self.steps.clone(),
        }
    }
}
