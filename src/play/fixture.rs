//! The fixture format, version 1: a walkthrough as data. Parsing is strict (unknown fields and
//! step kinds are errors, so a typo cannot pass silently) and every error names the file, line,
//! column and the JSON path of the culprit.

use std::fmt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::condition::Condition;
use crate::engine::keys::{KEY_NAMES, Key};
use crate::sim::{ChangeElsewhere, DeviceFile, SignInElsewhere};
use crate::text::{cut, portable_name};

pub const FIXTURE_VERSION: u32 = 1;
pub const DEFAULT_WIDTH: u16 = 60;
pub const DEFAULT_HEIGHT: u16 = 24;
pub const DEFAULT_SEED: u64 = 1;
/// The default simulated start time: fixed, so replays never depend on when they run.
pub const DEFAULT_CLOCK: &str = "2026-11-21T10:00:00Z";

/// What one fixture may ask for, so that no fixture can make a replay run for minutes or fill the
/// memory: checked when it is read, each with the file's position.
pub mod limits {
    /// The size of a fixture file.
    pub const FILE_BYTES: u64 = 8 * 1024 * 1024;
    /// Steps in one fixture.
    pub const STEPS: usize = 100_000;
    /// Characters of any one text in a step (typed, tapped, expected).
    pub const TEXT_CHARS: usize = 10_000;
    /// Characters of a fixture's name: it heads every line about the fixture.
    pub const NAME_CHARS: usize = 200;
    /// Characters of the `device` path.
    pub const PATH_CHARS: usize = 1_024;
    /// Presses of the back arrow in one `back` step (a phone is never that deep).
    pub const BACKS: u32 = 100;
    /// The longest `wait`: a century.
    pub const WAIT_SECONDS: i64 = 100 * 366 * 24 * 60 * 60;
    /// The terminal a fixture may ask for.
    pub const WIDTH: u16 = 500;
    pub const HEIGHT: u16 = 200;
}

/// One walkthrough: where it starts and what is done and checked, step by step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Fixture {
    /// Format version; this is version 1.
    #[serde(deserialize_with = "supported_version")]
    pub version: u32,
    /// What the walkthrough shows, in a few words (at most 200 characters).
    #[serde(deserialize_with = "fixture_name")]
    pub name: String,
    /// At most 10,000 characters.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "text_within_limits"
    )]
    pub description: String,
    /// Terminal size to replay at (default 60x24; 1x1 to 500x200).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "usable_terminal"
    )]
    pub terminal: Option<TerminalSize>,
    /// The starting phone: a path relative to the fixture file (in its folder or below it), an
    /// absolute path, or an inline device file. Default: the fresh phone from
    /// `assets/default-device.json`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "device_source"
    )]
    #[schemars(with = "Option<DeviceSourceSchema>")]
    pub device: Option<Value>,
    /// Start from a task's phone instead: its variant's device, set up as the task sets it up,
    /// at its seed and clock (what an agent's episode log names, so that it carries no device
    /// file). The task must be in the catalogue (or in a folder given with `--tasks`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<TaskRef>,
    /// How many of the first steps only set the phone up (a task's set-up in a log that carries
    /// its device): after them the trace starts empty, and `changed`/`unchanged` compare with
    /// the phone as they leave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_steps: Option<usize>,
    /// Seed of the simulation's random numbers (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    /// The phone's language at the start (`en`, `zh-CN`), over the device file's; the command
    /// line's `--language` goes over both. Snapshots taken in a language other than English
    /// are kept apart: `<name>.<language>.txt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::sim::device::Language>,
    /// Simulated time at the start, RFC 3339 (default 2026-11-21T10:00:00Z; years 1970 to
    /// 9999).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::sim::time::bounded_option"
    )]
    pub clock: Option<DateTime<Utc>>,
    /// At most 100,000.
    #[serde(deserialize_with = "bounded_steps")]
    pub steps: Vec<Step>,
}

/// A task's variant, to start a fixture from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TaskRef {
    /// The task's id.
    pub id: String,
    /// Its variant.
    pub seed: u64,
    /// Another skin than the task's (`miui`, `hyperos`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skin: Option<crate::sim::device::Skin>,
    /// Another ROM than the task's (`global`, `china`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rom: Option<crate::sim::device::Rom>,
}

fn supported_version<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let version = u32::deserialize(deserializer)?;
    if version == FIXTURE_VERSION {
        Ok(version)
    } else {
        Err(serde::de::Error::custom(format!(
            "fixture version {version} is not supported (this mi-settings reads version {FIXTURE_VERSION})"
        )))
    }
}

fn usable_terminal<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<TerminalSize>, D::Error> {
    let size = Option::<TerminalSize>::deserialize(deserializer)?;
    if let Some(size) = size
        && (size.width == 0
            || size.height == 0
            || size.width > limits::WIDTH
            || size.height > limits::HEIGHT)
    {
        return Err(serde::de::Error::custom(format!(
            "{}x{} is not a usable terminal size (1x1 to {}x{})",
            size.width,
            size.height,
            limits::WIDTH,
            limits::HEIGHT
        )));
    }
    Ok(size)
}

/// The steps, refused at the first one past the limit (before it is even read).
fn bounded_steps<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<Step>, D::Error> {
    struct Steps;
    impl<'de> serde::de::Visitor<'de> for Steps {
        type Value = Vec<Step>;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a list of at most {} steps", limits::STEPS)
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<Step>, A::Error> {
            let mut steps = Vec::new();
            while let Some(step) = seq.next_element()? {
                if steps.len() == limits::STEPS {
                    return Err(serde::de::Error::custom(format!(
                        "more than {} steps; split the walkthrough into several fixtures",
                        limits::STEPS
                    )));
                }
                steps.push(step);
            }
            Ok(steps)
        }
    }
    deserializer.deserialize_seq(Steps)
}

/// For the schema only: what `device` may hold.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum DeviceSourceSchema {
    /// Path to a device file: relative to the fixture file's folder (never out of it with
    /// `..`), or absolute.
    Path(String),
    /// A whole device file.
    Inline(Box<DeviceFile>),
}

fn fixture_name<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    within_chars(
        String::deserialize(deserializer)?,
        limits::NAME_CHARS,
        "name",
    )
}

fn text_within_limits<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<String, D::Error> {
    within_chars(
        String::deserialize(deserializer)?,
        limits::TEXT_CHARS,
        "text",
    )
}

fn within_chars<E: serde::de::Error>(text: String, limit: usize, what: &str) -> Result<String, E> {
    let length = text.chars().count();
    if length > limit {
        return Err(E::custom(format!(
            "a {what} of {length} characters is more than {limit} (it begins {:?})",
            cut(&text, 20)
        )));
    }
    Ok(text)
}

fn device_source<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Value>, D::Error> {
    let value = Value::deserialize(deserializer)?;
    match &value {
        Value::String(path) => device_path_problem(path).map_or(Ok(Some(value)), |problem| {
            Err(serde::de::Error::custom(problem))
        }),
        Value::Object(_) => Ok(Some(value)),
        other => Err(serde::de::Error::custom(format!(
            "device must be a path to a device file or a device file itself, not {}",
            cut(&other.to_string(), 40)
        ))),
    }
}

/// What is wrong with a fixture's `device` path, if anything: a relative path stays in the
/// fixture's folder or below it, so a fixture from elsewhere cannot make replay read (and
/// print, in a failed expectation) a file it was never meant to see. An absolute path is the
/// fixture author's explicit choice.
pub fn device_path_problem(path: &str) -> Option<String> {
    let shown = cut(path, 60);
    if path.is_empty() {
        return Some("device is an empty path".to_string());
    }
    let length = path.chars().count();
    if length > limits::PATH_CHARS {
        return Some(format!(
            "a path of {length} characters is longer than {} (it begins {shown:?})",
            limits::PATH_CHARS
        ));
    }
    if path.contains('\0') {
        return Some(format!("{shown:?} holds a NUL character"));
    }
    let path = Path::new(path);
    let leaves = path.is_relative()
        && path
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir));
    leaves.then(|| {
        format!(
            "{shown:?} leads out of the fixture's folder: name a device file in the folder or \
             below it, or write an absolute path"
        )
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TerminalSize {
    pub width: u16,
    pub height: u16,
}

/// One step. In the file a step is an object with exactly one kind key (`{"tap": "Wi-Fi"}`);
/// a `tap_id` step may also carry the element's `label`, for readers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "StepSpec", into = "StepSpec")]
pub enum Step {
    Tap(String),
    TapId {
        id: String,
        label: Option<Box<str>>,
    },
    Type(String),
    Key(KeyName),
    Scroll(ScrollDirection),
    Back(u32),
    Wait(WaitDuration),
    ExpectScreen(String),
    ExpectText(String),
    ExpectNoText(String),
    // The rare large kinds are boxed, so a long fixture's steps stay small in memory.
    ExpectState(Box<Map<String, Value>>),
    Snapshot(String),
    SignInElsewhere(Box<SignInElsewhere>),
    ChangeElsewhere(Box<ChangeElsewhere>),
    Expect(Box<Condition>),
    TypeFrom(Box<TypeSource>),
    /// With a `task`: its success condition holds (`true`) or does not (`false`).
    ExpectTask(bool),
}

/// Where a `type_from` step reads what it types: a value in the device file, or the digits
/// the screen shows after some text (a verification code in a notification, a new account's
/// Mi Account ID), so that a walkthrough need not pin a value from one run.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TypeSource {
    /// A JSON Pointer into the device file: its string (or number) is typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// The first run of digits on screen after this text is typed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digits_after: Option<String>,
    /// With a `task`: the word at this place (from 0) of the task's goal, as the phone's
    /// language words it (a password the goal gives, which a log does not write out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_word: Option<usize>,
}

/// The file's shape of a step: every kind optional, exactly one present.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepSpec {
    /// Tap the element whose label is this text (exact, else a unique case-insensitive match).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tap: Option<String>,
    /// Tap the element with this stable id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tap_id: Option<String>,
    /// With `tap_id`: the element's label when recorded (a comment; not checked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Type text into the focused field.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub type_text: Option<String>,
    /// Press one key: enter, esc, tab, backtab, up, down, left, right, pageup, pagedown, home,
    /// end, backspace, delete, space, ctrl+c, f2 (phone / browser), or one character.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<KeyName>,
    /// Swipe the page one screen up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scroll: Option<ScrollDirection>,
    /// Press the back arrow this many times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub back: Option<u32>,
    /// Let simulated time pass: `30s`, `2m`, `1h`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait: Option<WaitDuration>,
    /// The current screen's title equals this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect_screen: Option<String>,
    /// The rendered frame contains this text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect_text: Option<String>,
    /// The rendered frame does not contain this text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect_no_text: Option<String>,
    /// Each JSON Pointer into the device file equals the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect_state: Option<Map<String, Value>>,
    /// The frame equals `<fixture-stem>.snapshots/<name>.txt` beside the fixture.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<String>,
    /// Another device signs in to an account now, from somewhere else (the account must exist).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sign_in_elsewhere: Option<SignInElsewhere>,
    /// A condition on the phone holds (the language tasks' `success` uses): `{"pointer":
    /// "/bluetooth", "equals": true}`, `{"screen": "Mi Account"}`, `{"all": [...]}` ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect: Option<Condition>,
    /// Type into the focused field a value read from the device file (`{"state": "/pointer"}`)
    /// or from the screen (`{"digits_after": "code"}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_from: Option<TypeSource>,
    /// Another device of an account adds an item to its Mi Cloud now (the account must exist).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change_elsewhere: Option<ChangeElsewhere>,
    /// In a fixture that starts from a task: the task's success condition holds (`true`) or
    /// does not (`false`) — what an agent's episode log ends with, without spelling out the
    /// condition (and the passwords in it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expect_task: Option<bool>,
}

impl TryFrom<StepSpec> for Step {
    type Error = String;

    fn try_from(spec: StepSpec) -> Result<Step, String> {
        let StepSpec {
            tap,
            tap_id,
            label,
            type_text,
            key,
            scroll,
            back,
            wait,
            expect_screen,
            expect_text,
            expect_no_text,
            expect_state,
            snapshot,
            sign_in_elsewhere,
            change_elsewhere,
            expect,
            type_from,
            expect_task,
        } = spec;
        if let Some(source) = &type_from {
            match (&source.state, &source.digits_after, source.goal_word) {
                (Some(pointer), None, None) if pointer.is_empty() || pointer.starts_with('/') => {}
                (Some(pointer), None, None) => {
                    return Err(format!(
                        "type_from state {pointer:?} is not a JSON Pointer (it must start with '/')"
                    ));
                }
                (None, Some(_), None) | (None, None, Some(_)) => {}
                _ => {
                    return Err(
                        "type_from takes one of `state`, `digits_after` or `goal_word`".into(),
                    );
                }
            }
        }
        if label.is_some() && tap_id.is_none() {
            return Err("`label` only goes with `tap_id`".into());
        }
        if let Some(pointers) = &expect_state
            && let Some(bad) = pointers
                .keys()
                .find(|p| !p.is_empty() && !p.starts_with('/'))
        {
            return Err(format!(
                "expect_state key {bad:?} is not a JSON Pointer (it must start with '/')"
            ));
        }
        if let Some(name) = snapshot.as_deref()
            && let Err(problem) = portable_name(name)
        {
            return Err(problem);
        }
        if let Some(times) = back
            && times > limits::BACKS
        {
            return Err(format!(
                "back {times} is more than {} presses; a phone is never that deep",
                limits::BACKS
            ));
        }
        let texts = [
            &tap,
            &tap_id,
            &type_text,
            &expect_screen,
            &expect_text,
            &expect_no_text,
        ];
        if let Some(long) = texts
            .into_iter()
            .flatten()
            .find(|t| t.chars().count() > limits::TEXT_CHARS)
        {
            return Err(format!(
                "a text of {} characters is more than {} (it begins {:?})",
                long.chars().count(),
                limits::TEXT_CHARS,
                long.chars().take(20).collect::<String>()
            ));
        }
        let mut kinds: Vec<(&str, Step)> = Vec::new();
        let mut add = |name, step: Option<Step>| {
            if let Some(step) = step {
                kinds.push((name, step));
            }
        };
        add("tap", tap.map(Step::Tap));
        add(
            "tap_id",
            tap_id.map(|id| Step::TapId {
                id,
                label: label.map(String::into_boxed_str),
            }),
        );
        add("type", type_text.map(Step::Type));
        add("key", key.map(Step::Key));
        add("scroll", scroll.map(Step::Scroll));
        add("back", back.map(Step::Back));
        add("wait", wait.map(Step::Wait));
        add("expect_screen", expect_screen.map(Step::ExpectScreen));
        add("expect_text", expect_text.map(Step::ExpectText));
        add("expect_no_text", expect_no_text.map(Step::ExpectNoText));
        add(
            "expect_state",
            expect_state.map(|pointers| Step::ExpectState(Box::new(pointers))),
        );
        add("snapshot", snapshot.map(Step::Snapshot));
        add(
            "sign_in_elsewhere",
            sign_in_elsewhere.map(|who| Step::SignInElsewhere(Box::new(who))),
        );
        add(
            "change_elsewhere",
            change_elsewhere.map(|what| Step::ChangeElsewhere(Box::new(what))),
        );
        add("expect", expect.map(|c| Step::Expect(Box::new(c))));
        add("type_from", type_from.map(|s| Step::TypeFrom(Box::new(s))));
        add("expect_task", expect_task.map(Step::ExpectTask));
        match kinds.len() {
            0 => Err(
                "a step needs one kind: tap, tap_id, type, key, scroll, back, wait, \
                      expect_screen, expect_text, expect_no_text, expect_state, expect, \
                      expect_task, type_from, snapshot, sign_in_elsewhere or change_elsewhere"
                    .into(),
            ),
            1 => Ok(kinds.remove(0).1),
            _ => Err(format!(
                "a step has exactly one kind; this one has {}",
                kinds
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(" and ")
            )),
        }
    }
}

impl From<Step> for StepSpec {
    fn from(step: Step) -> StepSpec {
        let mut spec = StepSpec::default();
        match step {
            Step::Tap(label) => spec.tap = Some(label),
            Step::TapId { id, label } => {
                spec.tap_id = Some(id);
                spec.label = label.map(String::from);
            }
            Step::Type(text) => spec.type_text = Some(text),
            Step::Key(key) => spec.key = Some(key),
            Step::Scroll(direction) => spec.scroll = Some(direction),
            Step::Back(times) => spec.back = Some(times),
            Step::Wait(duration) => spec.wait = Some(duration),
            Step::ExpectScreen(title) => spec.expect_screen = Some(title),
            Step::ExpectText(text) => spec.expect_text = Some(text),
            Step::ExpectNoText(text) => spec.expect_no_text = Some(text),
            Step::ExpectState(pointers) => spec.expect_state = Some(*pointers),
            Step::Snapshot(name) => spec.snapshot = Some(name),
            Step::SignInElsewhere(who) => spec.sign_in_elsewhere = Some(*who),
            Step::ChangeElsewhere(what) => spec.change_elsewhere = Some(*what),
            Step::Expect(condition) => spec.expect = Some(*condition),
            Step::TypeFrom(source) => spec.type_from = Some(*source),
            Step::ExpectTask(holds) => spec.expect_task = Some(holds),
        }
        spec
    }
}

impl Step {
    /// The step's kind as written in the file.
    pub fn kind(&self) -> &'static str {
        match self {
            Step::Tap(_) => "tap",
            Step::TapId { .. } => "tap_id",
            Step::Type(_) => "type",
            Step::Key(_) => "key",
            Step::Scroll(_) => "scroll",
            Step::Back(_) => "back",
            Step::Wait(_) => "wait",
            Step::ExpectScreen(_) => "expect_screen",
            Step::ExpectText(_) => "expect_text",
            Step::ExpectNoText(_) => "expect_no_text",
            Step::ExpectState(_) => "expect_state",
            Step::Snapshot(_) => "snapshot",
            Step::SignInElsewhere(_) => "sign_in_elsewhere",
            Step::ChangeElsewhere(_) => "change_elsewhere",
            Step::Expect(_) => "expect",
            Step::TypeFrom(_) => "type_from",
            Step::ExpectTask(_) => "expect_task",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ScrollDirection {
    Up,
    Down,
}

/// A key name as fixtures write it, checked when the fixture is read: a name from the engine's
/// key table, or any single character.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct KeyName(Key);

impl TryFrom<String> for KeyName {
    type Error = String;

    fn try_from(name: String) -> Result<KeyName, String> {
        match Key::from_name(&name) {
            Some(key) => Ok(KeyName(key)),
            None => Err(format!(
                "unknown key {name:?}; expected one of {} or a single character",
                key_names().join(", ")
            )),
        }
    }
}

fn key_names() -> Vec<&'static str> {
    KEY_NAMES.iter().map(|(name, _)| *name).collect()
}

impl From<KeyName> for String {
    fn from(key: KeyName) -> String {
        key.name()
    }
}

impl KeyName {
    pub const ENTER: KeyName = KeyName(Key::Enter);
    /// F2: between the phone and the browser.
    pub const BROWSER: KeyName = KeyName(Key::F(2));
    /// F3: the phone's home screen.
    pub const HOME: KeyName = KeyName(Key::F(3));

    /// The name as a fixture writes it.
    pub fn name(&self) -> String {
        self.0.name().unwrap_or_default()
    }

    /// The key it names.
    pub fn key(&self) -> Key {
        self.0
    }

    /// The name of a key a fixture can press, if it has one.
    pub fn of(key: Key) -> Option<KeyName> {
        key.name().map(|_| KeyName(key))
    }
}

/// The schema lists the key table's names, so editors can complete them.
impl JsonSchema for KeyName {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "KeyName".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A key: one of the named keys, or any single character.",
            "anyOf": [
                {"type": "string", "enum": key_names()},
                {"type": "string", "minLength": 1, "maxLength": 1}
            ]
        })
    }
}

/// How long a `wait` step lets the simulated clock run, written `30s`, `2m` or `1h`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "String", into = "String")]
pub struct WaitDuration(String);

impl WaitDuration {
    pub fn duration(&self) -> Duration {
        parse_duration(&self.0).unwrap_or_else(Duration::zero)
    }

    /// A wait of `seconds`, at most a century.
    pub fn seconds(seconds: u64) -> Result<WaitDuration, String> {
        match i64::try_from(seconds) {
            Ok(seconds) if seconds <= limits::WAIT_SECONDS => {
                Ok(WaitDuration::from_seconds(seconds))
            }
            _ => Err(format!(
                "{seconds} seconds is longer than a century, the longest wait"
            )),
        }
    }

    pub fn from_seconds(seconds: i64) -> WaitDuration {
        if seconds % 3600 == 0 && seconds > 0 {
            WaitDuration(format!("{}h", seconds / 3600))
        } else if seconds % 60 == 0 && seconds > 0 {
            WaitDuration(format!("{}m", seconds / 60))
        } else {
            WaitDuration(format!("{seconds}s"))
        }
    }
}

fn parse_duration(text: &str) -> Option<Duration> {
    let unit_at = text.find(|c: char| !c.is_ascii_digit())?;
    let (number, unit) = text.split_at(unit_at);
    let number: i64 = number.parse().ok()?;
    match unit {
        "s" => Duration::try_seconds(number),
        "m" => Duration::try_minutes(number),
        "h" => Duration::try_hours(number),
        _ => None,
    }
}

impl TryFrom<String> for WaitDuration {
    type Error = String;

    fn try_from(text: String) -> Result<WaitDuration, String> {
        match parse_duration(&text) {
            Some(wait) if wait.num_seconds() <= limits::WAIT_SECONDS => Ok(WaitDuration(text)),
            Some(_) => Err(format!(
                "{} is longer than a century, the longest wait",
                cut(&text, 30)
            )),
            None => Err(format!(
                "{:?} is not a duration; write a whole number and s, m or h, e.g. \"30s\", \"2m\", \"1h\"",
                cut(&text, 30)
            )),
        }
    }
}

impl From<WaitDuration> for String {
    fn from(wait: WaitDuration) -> String {
        wait.0
    }
}

/// A fixture that could not be read: one line naming where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixtureError {
    pub path: PathBuf,
    pub position: Option<(usize, usize)>,
    pub at: Option<String>,
    pub message: String,
}

impl fmt::Display for FixtureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": ")?;
        if let Some(at) = &self.at {
            write!(f, "at {at}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

impl std::error::Error for FixtureError {}

/// A fixture read from a file, with where each step starts (for failure messages).
#[derive(Debug, Clone)]
pub struct LoadedFixture {
    pub path: PathBuf,
    pub fixture: Fixture,
    /// Line of each step in the file (1-based); empty for fixtures not read from text.
    pub step_lines: Vec<u32>,
    /// Line of the `device` key, for messages about the device file it names.
    pub device_line: Option<u32>,
}

impl LoadedFixture {
    pub fn step_line(&self, index: usize) -> Option<usize> {
        self.step_lines.get(index).map(|&line| line as usize)
    }
}

pub fn parse(text: &str, path: &Path) -> Result<LoadedFixture, FixtureError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    let fixture: Fixture = serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let inner = e.inner();
        let at = e.path().to_string();
        FixtureError {
            path: path.to_path_buf(),
            position: Some((inner.line(), inner.column())),
            at: (at != ".").then_some(at),
            message: crate::text::bare_message(inner),
        }
    })?;
    // Anything after the fixture's object (a second fixture, stray text) is refused, as the
    // device file's reader refuses it: replaying the first part and passing would hide it.
    reader.end().map_err(|e| FixtureError {
        path: path.to_path_buf(),
        position: Some((e.line(), e.column())),
        at: None,
        message: "more after the fixture's object: a file holds one fixture".into(),
    })?;
    let mut fixture = fixture;
    if fixture.setup_steps.is_some_and(|n| n > fixture.steps.len()) {
        return Err(FixtureError {
            path: path.to_path_buf(),
            position: None,
            at: Some("setup_steps".into()),
            message: format!(
                "more set-up steps than the {} steps there are",
                fixture.steps.len()
            ),
        });
    }
    if fixture.task.is_some() && fixture.device.is_some() {
        return Err(FixtureError {
            path: path.to_path_buf(),
            position: None,
            at: Some("task".into()),
            message: "a fixture starts from a task's phone or from a device, not both".into(),
        });
    }
    // Parsing grows the list by doubling; a long fixture should not keep the slack.
    fixture.steps.shrink_to_fit();
    let Lines { mut steps, device } = lines(text);
    steps.shrink_to_fit();
    Ok(LoadedFixture {
        path: path.to_path_buf(),
        step_lines: steps,
        device_line: device,
        fixture,
    })
}

/// Where things are in a fixture's text, for messages about them once it was read.
struct Lines {
    /// The line on which each element of the top-level `steps` array starts.
    steps: Vec<u32>,
    /// The line of the top-level `device` key.
    device: Option<u32>,
}

/// serde_json keeps no positions for values it accepted, so a small scan of the text finds them.
fn lines(text: &str) -> Lines {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut device = None;
    let mut line: u32 = 1;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0;
    let mut last_key: Option<&str> = None;
    let mut in_steps = false;
    let mut expecting_element = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            line = line.saturating_add(1);
        }
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
                if depth == 1 {
                    last_key = text.get(string_start + 1..i);
                    let is_key = bytes
                        .get(i + 1..)
                        .and_then(|rest| rest.iter().find(|b| !b.is_ascii_whitespace()))
                        == Some(&b':');
                    if is_key && last_key == Some("device") && device.is_none() {
                        device = Some(line);
                    }
                }
            }
            continue;
        }
        if in_steps && expecting_element && depth == 2 && !b.is_ascii_whitespace() && b != b']' {
            lines.push(line);
            expecting_element = false;
        }
        match b {
            b'"' => {
                in_string = true;
                string_start = i;
            }
            b'[' | b'{' => {
                depth += 1;
                if b == b'[' && depth == 2 && last_key == Some("steps") {
                    in_steps = true;
                    expecting_element = true;
                }
            }
            b']' | b'}' => {
                if in_steps && depth == 2 {
                    in_steps = false;
                }
                depth = depth.saturating_sub(1);
            }
            b',' if in_steps && depth == 2 => expecting_element = true,
            _ => {}
        }
    }
    Lines {
        steps: lines,
        device,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_line_of_each_step() {
        let text = "{\n \"name\": \"x\", \"version\": 1,\n \"steps\": [\n  {\"tap\": \"a]\"},\n\n  {\"key\": \"up\"}, {\"back\": 1}\n ]\n}";
        assert_eq!(lines(text).steps, vec![4, 6, 6]);
        assert_eq!(lines(text).device, None);
        let text = "{\n \"name\": \"device\",\n \"device\" : \"d.json\", \"steps\": []}";
        assert_eq!(lines(text).device, Some(3));
    }

    #[test]
    fn durations_and_keys_are_checked() {
        assert_eq!(
            WaitDuration::try_from("2m".to_string()).map(|w| w.duration()),
            Ok(Duration::minutes(2))
        );
        assert!(WaitDuration::try_from("2 min".to_string()).is_err());
        assert!(KeyName::try_from("ctrl+c".to_string()).is_ok());
        assert_eq!(
            KeyName::try_from("space".to_string()).map(String::from),
            Ok("space".to_string())
        );
        assert!(KeyName::try_from("x".to_string()).is_ok());
        assert!(KeyName::try_from("entr".to_string()).is_err());
        assert_eq!(WaitDuration::from_seconds(120).0, "2m");
        assert_eq!(WaitDuration::from_seconds(45).0, "45s");
    }

    #[test]
    fn a_step_has_exactly_one_kind() {
        let both = StepSpec {
            tap: Some("a".into()),
            back: Some(1),
            ..StepSpec::default()
        };
        assert_eq!(
            Step::try_from(both),
            Err("a step has exactly one kind; this one has tap and back".into())
        );
        assert!(Step::try_from(StepSpec::default()).is_err());
    }
}
