//! The agent protocol's messages: one JSON object per line each way. Requests are read strictly
//! (unknown fields are errors); actions use AndroidWorld's JSONAction words so existing agents
//! port over.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::shells::replay::fixture::TypeSource;

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
        /// Read as an [`Action`] when the step runs: a malformed action is answered as a step
        /// that did nothing, with the reason in `info.error`, and counts.
        #[schemars(with = "Action")]
        action: Value,
    },
    /// The screen as text.
    Render {},
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
    pub finish: crate::shells::tasks::format::Finish,
}

/// An action (AndroidWorld's JSONAction words, plus `key`, `answer` and `label`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// click, long_press, input_text, keyboard_enter, navigate_back, navigate_home, scroll,
    /// open_app, wait, status, answer, key.
    pub action_type: String,
    /// An element by its index in the last observation's `elements`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// An element by its stable id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// An element by its label (as fixtures' `tap`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// A terminal cell, column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub x: Option<u16>,
    /// A terminal cell, row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<u16>,
    /// `input_text`: what to type; `answer`: the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `input_text`: type the digits the screen shows after some text instead (`{"digits_after":
    /// "Messages:"}`, a code in a notification, on screen or seen before). Reading the device
    /// file (`state`) is for fixtures only: an agent sees what a person sees.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_from: Option<TypeSource>,
    /// `scroll`: up or down.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    /// `open_app`: Settings, Browser, or a data app (Contacts, Gallery …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub app_name: Option<String>,
    /// `wait`: simulated seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seconds: Option<u64>,
    /// `status`: complete or infeasible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_status: Option<String>,
    /// `key`: a key name as fixtures write it (enter, esc, tab, f2 …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
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
pub struct Info {
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

/// A response: one of these shapes, by the request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Response {
    Tasks {
        tasks: Vec<TaskEntry>,
    },
    Step {
        observation: Box<Observation>,
        reward: f64,
        terminated: bool,
        truncated: bool,
        info: Info,
    },
    Reset {
        observation: Box<Observation>,
        info: Info,
    },
    Frame {
        frame: String,
    },
    Solution {
        actions: Vec<Action>,
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
