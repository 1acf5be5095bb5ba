//! `mi-settings --record FILE`: turns an interactive session into a version-1 fixture of semantic
//! steps (taps by id with their labels, typed text, keys, waits), starting from the device as it
//! was, so that a trainer can record once and replay forever.

use chrono::{DateTime, SecondsFormat, Utc};

use super::fixture::{
    FIXTURE_VERSION, Fixture, KeyName, ScrollDirection, Step, TerminalSize, WaitDuration,
};
use crate::screens::Action;
use crate::shells::store;
use crate::sim::DeviceFile;
use crate::view::{Role, View};

/// A fixture's clock is written to the second; the session's sub-second start is dropped.
fn whole_seconds(time: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(time.timestamp(), 0).unwrap_or(time)
}

pub struct Recorder {
    device: serde_json::Value,
    clock: DateTime<Utc>,
    seed: u64,
    terminal: TerminalSize,
    steps: Vec<Step>,
    /// The simulated time the recorded steps have reached (waits are whole seconds).
    recorded_until: DateTime<Utc>,
    /// Steps (1-based) before which a password was typed and left out.
    passwords_left_out: Vec<usize>,
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
            clock: whole_seconds(clock),
            seed,
            terminal: TerminalSize { width, height },
            steps: Vec::new(),
            recorded_until: whole_seconds(clock),
            passwords_left_out: Vec::new(),
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
                label: view.find(id).map(|e| e.label.as_ref().into()),
            }),
            // Enter on a row is a tap on it: recording the id keeps the replay right even if
            // focus got there by a mouse-wheel scroll, which is not recorded.
            Action::Activate if !typing => focused.map(|e| Step::TapId {
                id: e.id.to_string(),
                label: Some(e.label.as_ref().into()),
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
            Action::SwitchSurface => key("f2"),
            Action::Home => key("f3"),
            Action::PageUp => Some(Step::Scroll(ScrollDirection::Up)),
            Action::PageDown => Some(Step::Scroll(ScrollDirection::Down)),
            Action::Back => Some(Step::Back(1)),
            // A password never goes into a file: typing into a password field is left out, and
            // the fixture's description says where, so whoever replays it can add it back.
            Action::Type(_) if focused.is_some_and(|e| e.role == Role::PasswordField) => {
                let before_step = self.steps.len() + 1;
                if self.passwords_left_out.last() != Some(&before_step) {
                    self.passwords_left_out.push(before_step);
                }
                None
            }
            Action::Type(text) => Some(Step::Type(text.clone())),
            Action::SignInElsewhere(who) => Some(Step::SignInElsewhere(Box::new(who.clone()))),
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

    /// The recording as a fixture that also checks where the session ended: the screen it was
    /// on and every device-file value that changed, so replaying it proves something.
    pub fn fixture(&self, name: &str, final_title: &str, final_device: &DeviceFile) -> Fixture {
        let mut steps = self.steps.clone();
        steps.push(Step::ExpectScreen(final_title.to_string()));
        let end: serde_json::Value =
            serde_json::from_str(&store::to_json(final_device)).unwrap_or_default();
        let mut changed = serde_json::Map::new();
        changed_values(&self.device, &end, String::new(), &mut changed);
        if !changed.is_empty() {
            steps.push(Step::ExpectState(Box::new(changed)));
        }
        Fixture {
            version: FIXTURE_VERSION,
            name: name.to_string(),
            description: self.description(),
            terminal: Some(self.terminal),
            device: Some(self.device.clone()),
            seed: Some(self.seed),
            clock: Some(self.clock),
            steps,
        }
    }
}

impl Recorder {
    fn description(&self) -> String {
        let mut text = format!(
            "Recorded with mi-settings --record, starting {}.",
            self.clock.to_rfc3339_opts(SecondsFormat::Secs, true)
        );
        if !self.passwords_left_out.is_empty() {
            let places: Vec<String> = self
                .passwords_left_out
                .iter()
                .map(|step| format!("before step {step}"))
                .collect();
            text.push_str(&format!(
                " Passwords are never recorded: add a `type` step with the password {}.",
                places.join(", ")
            ));
        }
        text
    }
}

/// Collects, as JSON Pointers, the values of `after` that differ from `before`: objects are
/// compared field by field, anything else (lists included) as a whole.
fn changed_values(
    before: &serde_json::Value,
    after: &serde_json::Value,
    pointer: String,
    out: &mut serde_json::Map<String, serde_json::Value>,
) {
    use serde_json::Value;
    match (before, after) {
        (Value::Object(old), Value::Object(new)) => {
            for (key, value) in new {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                let child = format!("{pointer}/{escaped}");
                match old.get(key) {
                    Some(previous) => changed_values(previous, value, child, out),
                    None => {
                        out.insert(child, value.clone());
                    }
                }
            }
        }
        _ if before != after => {
            out.insert(pointer, after.clone());
        }
        _ => {}
    }
}
