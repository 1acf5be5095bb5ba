//! The agent protocol's messages: one JSON object per line each way. Requests are read strictly
//! (unknown fields are errors); actions use AndroidWorld's JSONAction words so existing agents
//! port over.

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

mod action;
pub use action::*;

/// A request, by its `op`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
    /// A batch session (`mi-settings agent --batch N`) only: one request for each of its N
    /// environments, answered together (their steps run in parallel threads). `envs` has
    /// exactly N entries: `null` (nothing for that environment), a request object (`reset`,
    /// `step`, `render`, `solution`), or a string: a step whose action is that JSON text (a
    /// text that is not JSON is the action as a string, refused as a step with that string
    /// would be).
    Batch {
        #[cfg_attr(test, schemars(with = "Vec<Option<serde_json::Value>>"))]
        envs: Vec<serde_json::Value>,
    },
    /// A batch session only: every observation from now on is written into row `i` of this
    /// file for environment `i` (its 4-byte little-endian length, then the observation as
    /// compact printable-ASCII JSON), and its answer says `"observation_row": i` instead of
    /// carrying it. A regular file the client made, at least N × `row_bytes` bytes, in
    /// `/dev/shm` to share memory. Unix only.
    ObservationsFile {
        file: std::path::PathBuf,
        /// Bytes of each environment's row, from 1,024 to 16 MiB.
        row_bytes: usize,
    },
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Coordinates {
    /// Terminal cells: column and row.
    #[default]
    Cells,
    /// Pixels of the frame as a picture (8×16 per cell, times the scale).
    Pixels,
}

/// One entry of the task catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
pub struct ObservedDialog {
    /// Its stable id (`confirm_sign_out`, `keep_or_remove` …).
    pub id: String,
    pub title: String,
    /// Its message, paragraph by paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text: Vec<String>,
}

/// How far a page longer than the screen is scrolled, in lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(untagged)]
pub enum Seen {
    Object {
        observation: Box<Observation>,
    },
    Text {
        observation_text: String,
    },
    /// In row `observation_row` of the batch's observations file (`observations_file`).
    Row {
        observation_row: usize,
    },
    /// None: the client asked for pixels only (`"observation":"pixels"`).
    Nothing {},
}

/// A response: one of these shapes, by the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
    /// A batch's answers, one for each of its environments (`null` where it asked nothing), in
    /// order; an environment's error is its entry's `{"error":"…"}`, naming it.
    Batch {
        #[cfg_attr(test, schemars(with = "Vec<Option<serde_json::Value>>"))]
        envs: Vec<Option<Response>>,
    },
    /// `observations_file` taken: N rows of `row_bytes`.
    Rows {
        rows: usize,
        row_bytes: usize,
    },
    Error {
        error: String,
    },
}

/// For `mi-settings schema agent`: both directions in one document.
#[cfg(test)]
#[derive(JsonSchema)]
#[allow(dead_code)]
pub struct AgentProtocol {
    /// A line the agent writes.
    pub request: Request,
    /// A line mi-settings answers with.
    pub response: Response,
}
