//! `mi-settings --record FILE`: turns an interactive session into a version-1 fixture of semantic
//! steps (taps by id with their labels, typed text, keys, waits), starting from the device as it
//! was, so that a trainer can record once and replay forever.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};

use crate::play::fixture::{
    FIXTURE_VERSION, Fixture, KeyName, ScrollDirection, Step, TerminalSize, WaitDuration,
};
use crate::screens::Action;
use crate::shells::store;
use crate::sim::DeviceFile;
use crate::view::{Role, View};

/// Checks, before a session starts, that its recording can be written at `record` when it
/// ends: not over the device file (or its backup, lock or temporary file), not onto something
/// that is not a regular file, and into a folder that takes a new file. A session lost at its
/// end to a typo in the path would be an hour of clicks gone.
pub fn check_record_path(record: &Path, device: &Path) -> Result<(), String> {
    let shown = record.display();
    let same_as = |other: &Path| match (fs::canonicalize(record), fs::canonicalize(other)) {
        (Ok(a), Ok(b)) => a == b,
        _ => absolute(record) == absolute(other),
    };
    for suffix in ["", ".bak", ".lock", ".tmp", ".bak.tmp"] {
        let mut name = device.as_os_str().to_owned();
        name.push(suffix);
        if same_as(Path::new(&name)) {
            return Err(format!(
                "--record {shown}: that is the device file{}; record to another file",
                if suffix.is_empty() {
                    ""
                } else {
                    "'s companion"
                }
            ));
        }
    }
    match fs::metadata(record) {
        Ok(metadata) if !metadata.is_file() => Err(format!(
            "--record {shown}: not a regular file; name a file for the recording"
        )),
        Ok(_) => fs::OpenOptions::new()
            .append(true)
            .open(record)
            .map(drop)
            .map_err(|e| format!("--record {shown}: cannot write the recording there: {e}")),
        Err(_) => fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(record)
            .and_then(|_| fs::remove_file(record))
            .map_err(|e| format!("--record {shown}: cannot write the recording there: {e}")),
    }
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

pub struct Recorder {
    device: serde_json::Value,
    clock: DateTime<Utc>,
    seed: u64,
    terminal: TerminalSize,
    steps: Vec<Step>,
    /// The simulated time the recorded steps have reached: the clock a replay has after them.
    recorded_until: DateTime<Utc>,
    /// The latest time the session reached, recorded or not.
    session_until: DateTime<Utc>,
    /// Steps (1-based) before which a password was typed and left out.
    passwords_left_out: Vec<usize>,
    /// A password is being typed (nothing else was done since its first character).
    typing_password: bool,
    /// While a password is typed: the last time the clock changed something, waited for once
    /// the password is done, so that the description can say one place to add it.
    wait_after_password: Option<DateTime<Utc>>,
    /// Something the recording leaves out (a mouse-wheel scroll, a resize) may have moved the
    /// focus since a tap last put it somewhere known.
    focus_unsure: bool,
}

impl Recorder {
    /// `clock` is the phone's clock at the start: whole seconds, as the interactive phone keeps
    /// it (see `terminal::whole_seconds`); a fraction would be dropped, and the replay's times
    /// would then differ from the session's.
    pub fn new(
        device: &DeviceFile,
        clock: DateTime<Utc>,
        seed: u64,
        width: u16,
        height: u16,
    ) -> Recorder {
        let clock = whole_seconds(clock);
        Recorder {
            device: serde_json::from_str(&store::to_json(device)).unwrap_or_default(),
            clock,
            seed,
            terminal: TerminalSize { width, height },
            steps: Vec::new(),
            recorded_until: clock,
            session_until: clock,
            passwords_left_out: Vec::new(),
            typing_password: false,
            wait_after_password: None,
            focus_unsure: false,
        }
    }

    /// The steps (1-based, as the description names them) before which a password was typed
    /// and left out of the recording.
    pub fn passwords_left_out(&self) -> &[usize] {
        &self.passwords_left_out
    }

    /// Notes that the session's clock moved on to `now` and the phone caught up with it (the
    /// interactive phone ticks once on each new second). When that changed something, the
    /// recording waits until then, so that the replay catches up at the same time and the
    /// change happens there as it did (a code expiring, "Signing out…" finishing at +2s rather
    /// than whenever the next step comes). A tick that changed nothing need not be replayed.
    pub fn time_passed(&mut self, now: DateTime<Utc>, changed: bool) {
        self.session_until = self.session_until.max(now);
        if !changed {
            return;
        }
        if self.typing_password {
            // What a tick does (a toast going, the minute on the status bar, a notification)
            // does not touch the text being typed, and the keys are not read while the phone
            // is busy, so the two can be swapped: the wait comes after the whole password.
            self.wait_after_password = Some(now);
        } else {
            self.wait_until(now);
        }
    }

    /// Notes an action as it is applied, with the view it was applied to and the time.
    pub fn record(&mut self, action: &Action, view: &View, now: DateTime<Utc>) {
        self.session_until = self.session_until.max(now);
        let focused = view.focused();
        let into_password = focused.is_some_and(|e| e.role == Role::PasswordField);
        if !(into_password && matches!(action, Action::Type(_))) {
            self.password_done();
        }
        let typing = focused.is_some_and(|e| e.role.is_text_input());
        if matches!(action, Action::Scroll(_) | Action::Resize { .. }) {
            self.focus_unsure = true;
        }
        // Keys in a text field act on the field in focus. When the focus may have moved without
        // a step saying so, the recording taps the field first (a tap on a field only puts the
        // cursor there), so the replay types into the same one.
        let on_the_field = action.edits_a_field()
            || matches!(
                action,
                Action::Activate | Action::FocusNext | Action::FocusPrev
            );
        if let Some(field) = focused.filter(|_| typing && on_the_field && self.focus_unsure) {
            self.wait_until(now);
            self.steps.push(Step::TapId {
                id: field.id.to_string(),
                label: Some(field.label.as_ref().into()),
            });
            self.focus_unsure = false;
        }
        let key = |name: &str| KeyName::try_from(name.to_string()).ok().map(Step::Key);
        // A tap on what cannot be touched now (a greyed-out button) does nothing, and a replay
        // would refuse it: it is not a step.
        let touchable = |id: &str| view.find(id).filter(|e| e.interactive());
        let step = match action {
            Action::Tap(id) => touchable(id).map(|e| Step::TapId {
                id: id.clone(),
                label: Some(e.label.as_ref().into()),
            }),
            // Enter on a row is a tap on it: recording the id keeps the replay right even if
            // focus got there by a mouse-wheel scroll, which is not recorded.
            Action::Activate if !typing => {
                focused.filter(|e| e.interactive()).map(|e| Step::TapId {
                    id: e.id.to_string(),
                    label: Some(e.label.as_ref().into()),
                })
            }
            Action::Activate => key("enter"),
            Action::FocusNext => key("down"),
            Action::FocusPrev => key("up"),
            Action::FocusFirst | Action::CursorHome => key("home"),
            Action::FocusLast | Action::CursorEnd => key("end"),
            Action::DeleteBackward => key("backspace"),
            Action::DeleteForward => key("delete"),
            Action::ClearField => key("ctrl+u"),
            Action::CursorLeft => key("left"),
            Action::CursorRight => key("right"),
            Action::SwitchSurface => key("f2"),
            Action::Home => key("f3"),
            Action::PageUp => Some(Step::Scroll(ScrollDirection::Up)),
            Action::PageDown => Some(Step::Scroll(ScrollDirection::Down)),
            Action::Back => Some(Step::Back(1)),
            // A password never goes into a file: typing into a password field is left out, and
            // the fixture's description says where, so whoever replays it can add it back.
            Action::Type(_) if into_password => {
                if !self.typing_password {
                    // It goes after the time that passed before it was typed.
                    self.wait_until(now);
                    let before_step = self.steps.len() + 1;
                    if self.passwords_left_out.last() != Some(&before_step) {
                        self.passwords_left_out.push(before_step);
                    }
                    self.typing_password = true;
                }
                None
            }
            Action::Type(text) => Some(Step::Type(text.clone())),
            Action::SignInElsewhere(who) => Some(Step::SignInElsewhere(Box::new(who.clone()))),
            Action::ChangeElsewhere(what) => Some(Step::ChangeElsewhere(Box::new(what.clone()))),
            Action::Scroll(_) | Action::Resize { .. } | Action::Tick | Action::Quit => None,
        };
        let Some(step) = step else {
            return;
        };
        if matches!(step, Step::TapId { .. }) {
            // A tap puts the focus where the replay puts it too.
            self.focus_unsure = false;
        }
        self.wait_until(now);
        // Runs of typing and of back presses read better as one step, unless a password left
        // out goes between them.
        let password_goes_here = self.passwords_left_out.last() == Some(&(self.steps.len() + 1));
        match (self.steps.last_mut(), step) {
            (Some(Step::Type(previous)), Step::Type(more)) if !password_goes_here => {
                previous.push_str(&more)
            }
            (Some(Step::Back(times)), Step::Back(more)) if !password_goes_here => *times += more,
            (_, step) => self.steps.push(step),
        }
    }

    /// Something other than typing a password happened: the waits put off while it was typed
    /// come now.
    fn password_done(&mut self) {
        self.typing_password = false;
        if let Some(then) = self.wait_after_password.take() {
            self.wait_until(then);
        }
    }

    /// Adds a `wait` up to `now`, if the recording has not got there yet.
    fn wait_until(&mut self, now: DateTime<Utc>) {
        if let Some((wait, seconds)) = wait_between(self.recorded_until, now) {
            self.steps.push(wait);
            self.recorded_until += seconds;
        }
    }

    /// The recording as a fixture that also checks where the session ended: the screen it was
    /// on and every device-file value that changed, so replaying it proves something.
    pub fn fixture(&self, name: &str, final_title: &str, final_device: &DeviceFile) -> Fixture {
        let mut steps = self.steps.clone();
        // The replay lets the session's last seconds pass too, so that it ends at the same time
        // as the session did.
        steps.extend(wait_between(self.recorded_until, self.session_until).map(|(wait, _)| wait));
        steps.push(Step::ExpectScreen(final_title.to_string()));
        let end: serde_json::Value =
            serde_json::from_str(&store::to_json(final_device)).unwrap_or_default();
        let mut changed = serde_json::Map::new();
        changed_values(&self.device, &end, String::new(), &mut changed);
        if !changed.is_empty() {
            steps.push(Step::ExpectState(Box::new(changed)));
        }
        Fixture {
            task: None,
            setup_steps: None,
            version: FIXTURE_VERSION,
            name: name.to_string(),
            description: self.description(),
            terminal: Some(self.terminal),
            device: Some(self.device.clone()),
            seed: Some(self.seed),
            language: None,
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

/// A fixture's clock is written to the second (the interactive phone's clock is whole seconds).
fn whole_seconds(time: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(time.timestamp(), 0).unwrap_or(time)
}

/// The `wait` step from `from` to `to` and the whole seconds it waits, when `to` is at least a
/// second later.
fn wait_between(from: DateTime<Utc>, to: DateTime<Utc>) -> Option<(Step, chrono::Duration)> {
    let seconds = (to - from).num_seconds();
    (seconds >= 1).then(|| {
        (
            Step::Wait(WaitDuration::from_seconds(seconds)),
            chrono::Duration::seconds(seconds),
        )
    })
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
