//! The agent protocol's messages: one JSON object per line each way. Requests are read strictly
//! (unknown fields are errors); actions use AndroidWorld's JSONAction words so existing agents
//! port over.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::play::fixture::{KeyName, TypeSource};

/// A request, by its `op`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Request {
    /// The task catalogue.
    Tasks {},
    /// A new episode of a task.
    Reset {
        task: String,
        #[serde(default)]
        seed: u64,
        #[serde(default)]
        options: ResetOptions,
    },
    /// One action in the current episode.
    Step {
        /// A malformed action is answered as a step that did nothing, with the reason in
        /// `info.error`, and counts.
        action: Parsed<AgentAction>,
    },
    /// The screen as text, or (`"format":"png"`) as a PNG picture.
    Render {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        format: Option<RenderFormat>,
    },
    /// The current episode's reference solution, as actions: for oracle agents and tests, and
    /// only when the agent was started with `--allow-solution` (an agent under evaluation must
    /// not be able to read it).
    Solution {},
    /// Ends the session.
    Close {},
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResetOptions {
    /// Terminal columns (default 60; 30 to 500).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u16>,
    /// Terminal rows (default 24; 10 to 200).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u16>,
    /// Include the frame as text in every observation.
    #[serde(default)]
    pub frame: bool,
    /// Play on this skin (`miui`, `hyperos`) instead of the task's, where the task allows it:
    /// where its reference solution still does it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub skin: Option<crate::sim::device::Skin>,
    /// Play on this ROM (`global`, `china`) instead of the task's, where the task allows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rom: Option<crate::sim::device::Rom>,
    /// The phone's language (`en`, `zh-CN`; default: the agent's `--language`, else English).
    /// Every task can be played in every language; the goal is told in it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<crate::sim::device::Language>,
    /// When the episode is judged: `on_success` (default) ends it as soon as the goal holds, or
    /// at an answer or a status; `on_status` judges it only when the agent sends `status`
    /// (AndroidWorld's way: an answer is kept until then, and a change undone before it fails).
    #[serde(default)]
    pub finish: crate::play::tasks::format::Finish,
    /// Send each observation as the JSON text it is (`observation_text`, a string holding the
    /// object written compactly in ASCII, as Python's `json.dumps(..., ensure_ascii=True,
    /// separators=(",", ":"))` writes it) instead of an object (`observation`): a client that
    /// keeps observations as text, as the Python package does, takes it without decoding and
    /// encoding it again.
    #[serde(default)]
    pub observation_text: bool,
    /// Simulated seconds that pass after every action (0 to 3,600; default 0), as they pass
    /// for an agent on a real phone while it looks and thinks: 5 for AndroidWorld-style agents
    /// (T3A and M3A pause 2 s after each action, then look and think). Written into the
    /// episode's log as waits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds_per_action: Option<u64>,
    /// What `x`,`y` of a click, long press, double tap or input_text count in: `cells`
    /// (default) or `pixels` of the frame drawn at `scale`; in pixel terms every element also
    /// carries `bbox_pixels`.
    #[serde(default)]
    pub coordinates: Coordinates,
    /// What each reset and step answers with: `text` (default: the observation, as ever),
    /// `pixels` (the frame as pixels, no observation) or `both`. Pixels are announced in the
    /// answer's `pixels` member and follow its line as raw bytes (see [`PixelFrame`]).
    #[serde(default, skip_serializing_if = "ObservationKind::is_text")]
    pub observation: ObservationKind,
    /// Pixels: each pixel of a cell's 8×16 drawn as a square of `scale`×`scale` (1 to 4,
    /// default 1), for pixel observations and for `"coordinates":"pixels"` alike.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<u32>,
    /// Pixels: write each frame into this file, from its start, instead of after the answer's
    /// line (the answer's `pixels` says `"file":true`): a regular file the client made, in
    /// `/dev/shm` to share memory, and maps. Unix only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pixels_file: Option<std::path::PathBuf>,
}

/// What an answer carries of the screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ObservationKind {
    /// The observation (elements, dialog, status …).
    #[default]
    Text,
    /// The frame as pixels only.
    Pixels,
    /// Both.
    Both,
}

impl ObservationKind {
    pub fn is_text(&self) -> bool {
        *self == ObservationKind::Text
    }

    pub fn has_pixels(self) -> bool {
        self != ObservationKind::Text
    }

    pub fn has_text(self) -> bool {
        self != ObservationKind::Pixels
    }
}

/// How `render` draws the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RenderFormat {
    /// The frame as text (`frame`), as without a format.
    Text,
    /// The frame as a PNG picture (`png`, base64), drawn at the episode's scale.
    Png,
}

/// The frame as pixels, announced in an answer: exactly `bytes` bytes follow the answer's line
/// (after its newline), `height` rows of `width` pixels, top to bottom, 3 bytes (R, G, B) a
/// pixel. A client reads them before the next line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PixelFrame {
    pub width: u32,
    pub height: u32,
    /// `width × height × 3`.
    pub bytes: usize,
    /// The bytes are in the reset's `pixels_file` (from its start), not after the line.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub file: bool,
}

/// What `x`,`y` count in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Coordinates {
    /// Terminal cells: column and row.
    #[default]
    Cells,
    /// Pixels of the frame as a picture (8×16 per cell, times the scale).
    Pixels,
}

/// An action: AndroidWorld's JSONAction words, plus `key`, `id` and `label`, by its
/// `action_type`. Fields another action would take are refused (a typo is caught, not
/// ignored); a field that is `null` counts as absent, as AndroidWorld's `asdict()` sends every
/// field, `None` included; an `index` written as a string of digits (`"4"`) is that number, as
/// JSONAction reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "action_type", rename_all = "snake_case", deny_unknown_fields)]
pub enum AgentAction {
    Click(Target),
    /// Two clicks on one place: the second touches what is there after the first.
    DoubleTap(Target),
    /// A touch held (the phone has no long-press menus: as a click).
    LongPress(Target),
    /// Types into the element aimed at (or the field with focus). Aimed by `index` or `x`,`y`
    /// (AndroidWorld's way) it clicks it, clears it (unless `clear_text` is false), types and
    /// presses Enter; aimed by `id`, `label` or at the field with focus it only types (and
    /// clears first with `clear_text: true`).
    InputText(Typing),
    KeyboardEnter {},
    NavigateBack {},
    NavigateHome {},
    /// Moves the page (or the open dialog's text) to show more in that direction.
    Scroll {
        direction: Direction,
        /// The element to scroll in (AndroidWorld's); the page or the dialog is what scrolls.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[schemars(schema_with = "index_schema")]
        index: Option<usize>,
    },
    /// A finger swept across the screen: the opposite of `scroll` (`up` shows what is below).
    Swipe {
        direction: Direction,
    },
    /// Settings, Browser, or a data app (Contacts, Gallery …).
    OpenApp {
        app_name: String,
    },
    /// Lets simulated time pass: `seconds`, or AndroidWorld's one second.
    Wait {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        seconds: Option<u64>,
    },
    /// Says the task is done (`complete`, or AndroidWorld's older `task_complete`) or cannot be
    /// done (`infeasible`).
    Status {
        goal_status: GoalStatus,
    },
    /// Answers a question the goal asks.
    Answer {
        text: String,
    },
    /// A key by the name fixtures write it (enter, esc, tab, f2 …).
    Key {
        key: KeyName,
    },
    /// An Android key by its `KEYCODE_*` name (`KEYCODE_ENTER`, `KEYCODE_BACK`, `KEYCODE_DEL` …).
    PressKeyboard {
        keycode: String,
    },
}

/// What a click or a long press touches: an element by its index in the last observation, by
/// its stable id or by its label, or a terminal cell.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "index_schema")]
    pub index: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A terminal cell, column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<u16>,
    /// A terminal cell, row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<u16>,
}

impl Target {
    /// Whether it names an element (else the text goes into the field with focus).
    pub fn names_something(&self) -> bool {
        self.index.is_some() || self.id.is_some() || self.label.is_some()
    }
}

/// What `input_text` types, and where.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Typing {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "index_schema")]
    pub index: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<u16>,
    /// What to type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Clear the field before typing (default: true when aimed by `index` or `x`,`y`, as
    /// AndroidWorld's input_text replaces what the field holds; false otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clear_text: Option<bool>,
    /// Type the digits the screen shows after some text instead (`{"digits_after":
    /// "Messages:"}`, a code in a notification, on screen or seen before). Reading the device
    /// file (`state`) is for fixtures only: an agent sees what a person sees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_from: Option<TypeSource>,
}

impl Typing {
    /// Where it types.
    pub fn target(&self) -> Target {
        Target {
            index: self.index,
            id: self.id.clone(),
            label: self.label.clone(),
            x: self.x,
            y: self.y,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
    /// Sideways (AndroidWorld's): no page of the phone moves sideways.
    Left,
    Right,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum GoalStatus {
    #[serde(alias = "task_complete")]
    Complete,
    Infeasible,
}

/// An element's index in the last observation: a number, or a string of digits as a model
/// writes it (`"4"`).
fn index_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "description": "An element's index in the last observation; a string of digits counts as the number.",
        "anyOf": [
            {"type": "integer", "minimum": 0},
            {"type": "string", "pattern": "^\\s*[0-9]+\\s*$"},
            {"type": "null"}
        ]
    })
}

/// A value read whole, or why it could not be: a malformed action is told in the step's answer
/// (and counts as a step), not refused as a malformed request.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T>(pub Result<T, String>);

impl<'de> Deserialize<'de> for Parsed<AgentAction> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut value = Value::deserialize(deserializer)?;
        // AndroidWorld's `asdict()` sends every field, `None` included: null is absence.
        if let Value::Object(fields) = &mut value {
            fields.retain(|_, v| !v.is_null());
            // JSONAction reads an index written as a string (`"4"`, as a model writes it).
            if let Some(index) = fields.get_mut("index")
                && let Some(number) = index
                    .as_str()
                    .and_then(|text| text.trim().parse::<u64>().ok())
            {
                *index = Value::from(number);
            }
        }
        let kind = value
            .get("action_type")
            .and_then(Value::as_str)
            .map(str::to_string);
        Ok(Parsed(serde_json::from_value(value).map_err(|e| {
            let message = crate::text::shortened(&e.to_string());
            match kind {
                // The type itself is unknown.
                Some(kind) if message.starts_with(&format!("unknown variant `{kind}`")) => {
                    format!(
                        "a malformed action: {}",
                        message.replacen("unknown variant", "unknown action_type", 1)
                    )
                }
                Some(kind) => format!(
                    "a malformed action: {}: {message}",
                    crate::text::cut(&kind, 40)
                ),
                None => format!("a malformed action: {message}"),
            }
        })))
    }
}

impl<T: Serialize> Serialize for Parsed<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Ok(value) => value.serialize(serializer),
            Err(message) => serializer.serialize_str(message),
        }
    }
}

impl<T: JsonSchema> JsonSchema for Parsed<T> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        T::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        T::json_schema(generator)
    }
}

/// One entry of the task catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TaskEntry {
    pub id: String,
    pub title: String,
    /// The goal with its `{parameters}` unfilled.
    pub goal: String,
    pub difficulty: String,
    pub seed_doc: String,
    pub tags: Vec<String>,
    pub max_steps: u32,
    /// `do`, `answer` or `infeasible`.
    pub kind: String,
}

/// What an element looks like to an agent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ObservedElement {
    pub index: usize,
    pub id: String,
    pub role: crate::view::Role,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked: Option<bool>,
    pub enabled: bool,
    pub focused: bool,
    /// Whether it can be clicked now (an element of the page under an open dialog cannot).
    pub clickable: bool,
    /// In the open dialog (only those can be touched while it is open).
    pub in_dialog: bool,
    /// `[column, row, width, height]` in terminal cells, where it is drawn; absent when it is
    /// scrolled out of sight (or not drawn at this size).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[u16; 4]>,
    /// The same box in pixels `[x, y, width, height]` of the frame as a picture, in an episode
    /// in pixel terms (`"coordinates":"pixels"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox_pixels: Option<[u32; 4]>,
    pub on_screen: bool,
}

/// What the agent sees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Observation {
    /// The screen's stable name.
    pub screen: String,
    pub title: String,
    /// `phone` or `browser`.
    pub surface: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Time, network, battery, as the status bar shows them.
    pub status: crate::view::StatusBar,
    pub elements: Vec<ObservedElement>,
    /// The dialog over the page, with every word it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialog: Option<ObservedDialog>,
    /// The phone is at work ("Signing out…"): time must pass (a `wait`) before it answers.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub busy: bool,
    /// Where the page is scrolled, when it is longer than the screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scroll: Option<ObservedScroll>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub toast: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification: Option<String>,
    /// The screen as text, when asked for at reset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frame: Option<String>,
}

/// A dialog as an agent sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ObservedDialog {
    /// Its stable id (`confirm_sign_out`, `keep_or_remove` …).
    pub id: String,
    pub title: String,
    /// Its message, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
}

/// How far a page longer than the screen is scrolled, in lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ObservedScroll {
    /// The first line shown.
    pub position: u16,
    /// The page's length.
    pub lines: u16,
    /// The lines the screen shows at once.
    pub shown: u16,
    /// There is more above (scroll up) / below (scroll down).
    pub more_above: bool,
    pub more_below: bool,
}

/// What goes with each observation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct EpisodeInfo {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_steps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Steps taken in the episode.
    pub steps: u32,
    /// Why the action did nothing (an impossible or malformed action).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// How the episode ended, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<String>,
}

/// An observation as the client asked for it at the reset (`observation_text`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Seen {
    Object {
        observation: Box<Observation>,
    },
    Text {
        observation_text: String,
    },
    /// None: the client asked for pixels only (`"observation":"pixels"`).
    Nothing {},
}

/// A response: one of these shapes, by the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Response {
    Tasks {
        tasks: Vec<TaskEntry>,
    },
    Step {
        #[serde(flatten)]
        observation: Seen,
        reward: f64,
        terminated: bool,
        truncated: bool,
        info: EpisodeInfo,
        /// The frame as pixels, when asked for at the reset: the bytes follow the line.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pixels: Option<PixelFrame>,
    },
    Reset {
        #[serde(flatten)]
        observation: Seen,
        info: EpisodeInfo,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pixels: Option<PixelFrame>,
    },
    Frame {
        frame: String,
    },
    /// `render` with `"format":"png"`.
    Picture {
        /// The PNG file's bytes, base64 (RFC 4648, padded).
        png: String,
        width: u32,
        height: u32,
    },
    Solution {
        actions: Vec<AgentAction>,
    },
    Closed {
        closed: bool,
    },
    Error {
        error: String,
    },
}

/// For `mi-settings schema agent`: both directions in one document.
#[derive(JsonSchema)]
#[allow(dead_code)]
pub struct AgentProtocol {
    /// A line the agent writes.
    pub request: Request,
    /// A line mi-settings answers with.
    pub response: Response,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(json: &str) -> Result<AgentAction, String> {
        serde_json::from_str::<Parsed<AgentAction>>(json)
            .map(|p| p.0)
            .unwrap_or_else(|e| Err(e.to_string()))
    }

    #[test]
    fn androidworlds_spellings_are_read() {
        let click = parsed(r#"{"action_type":"click","index":" 4","x":null,"keycode":null}"#);
        assert_eq!(
            click,
            Ok(AgentAction::Click(Target {
                index: Some(4),
                ..Target::default()
            }))
        );
        assert_eq!(
            parsed(r#"{"action_type":"status","goal_status":"task_complete"}"#),
            Ok(AgentAction::Status {
                goal_status: GoalStatus::Complete
            })
        );
        assert_eq!(
            parsed(r#"{"action_type":"wait","text":null}"#),
            Ok(AgentAction::Wait { seconds: None })
        );
        // Not digits: refused, naming the field's trouble.
        assert!(parsed(r#"{"action_type":"click","index":"four"}"#).is_err());
        assert!(parsed(r#"{"action_type":"click","index":"-1"}"#).is_err());
    }
}
