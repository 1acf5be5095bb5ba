//! The task format, version 1: a goal in words, a phone set up for it, a condition on the
//! result, and a reference solution. Parameters (`{device}`) are drawn from the task's seed, so
//! one task has many variants; every text of the task may use them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

#[cfg(test)]
use crate::play::condition::Condition;
#[cfg(test)]
use crate::play::fixture::Step;

pub const TASK_VERSION: u32 = 1;

/// A task as written in its file. The parts that may hold `{parameters}` stay JSON until a
/// variant is drawn (see [`super::variant`]), then they are read as steps and conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Format version; this is version 1.
    pub version: u32,
    /// Stable, snake_case: `remove_a_device`.
    pub id: String,
    /// A few words: "Remove a device from the account".
    pub title: String,
    /// The Xiaomi guide the task comes from: "000" to "003".
    pub seed_doc: SeedDoc,
    pub difficulty: Difficulty,
    #[serde(default)]
    pub tags: Vec<String>,
    /// The instruction as a person is told it: "Remove the {device} from your Mi Account."
    pub goal: String,
    /// Where each `{parameter}` comes from.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, Param>,
    pub start: TaskStart,
    /// What holds when the task is done (the fixtures' `expect` language; parameters allowed).
    /// For an answer task, besides the answer; for an infeasible one, besides saying so.
    #[cfg_attr(test, schemars(with = "Option<Condition>"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<Value>,
    /// An information task: the expected answer — a text (compared ignoring case, spaces and
    /// a leading article), or a rule: fixed (`is`) or read from the phone when answered
    /// (`pointer`, `count`), compared as a `kind` of answer (number, size, date, device …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<super::answer::AnswerSpec>,
    /// The task cannot be done: why (success is saying so, with the phone as the condition
    /// requires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infeasible: Option<String>,
    /// The reference solution in fixture steps, plus `{"answer": "..."}` and
    /// `{"cannot_be_done": true}`; it must reach success for every variant.
    #[cfg_attr(test, schemars(with = "Vec<SolutionStepSchema>"))]
    pub solution: Vec<Value>,
    /// The most steps an episode may take.
    pub max_steps: u32,
    /// Variants that differ in more than words (a troubleshooting task whose cause the seed
    /// picks): the parameter named here selects one of `cases` by its value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_param: Option<String>,
    /// Per value of `case_param`: its own start device, set-up steps (after `start.setup`) and
    /// reference solution (instead of `solution`, when given).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub cases: BTreeMap<String, Case>,
    /// The task's words in other languages than English, by language (`zh-CN`): shown when
    /// the phone speaks that language.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<crate::sim::device::Language, Translation>,
    /// How the task's check was tried: attempts that must not be rewarded, other ways that
    /// must, and the words of the goal that need no check (see `tasks check`).
    #[serde(default, skip_serializing_if = "Audit::is_empty")]
    pub audit: Audit,
    /// The file the task was read from, when not the catalogue in the binary.
    #[serde(skip)]
    #[cfg_attr(test, schemars(skip))]
    pub origin: Option<std::path::PathBuf>,
    /// The device files beside that file which its `devices/…` paths name, read with it: they
    /// come before the catalogue's.
    #[serde(skip)]
    #[cfg_attr(test, schemars(skip))]
    pub beside: BTreeMap<String, std::sync::Arc<crate::sim::DeviceFile>>,
}

impl Task {
    /// The device paths the task names (its start's and its cases').
    pub fn device_paths(&self) -> impl Iterator<Item = &str> {
        let start = self.start.device.iter();
        let cases = self.cases.values().filter_map(|case| case.device.as_ref());
        start.chain(cases).filter_map(serde_json::Value::as_str)
    }
}

/// A task's check, tried: near-misses written to fool it, other correct routes, and the words
/// of the goal that no condition checks, each with why.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// Attempts that come close and must not be rewarded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub near_misses: Vec<NearMiss>,
    /// Other ways of doing the task (other keys, another order, the other surface where the
    /// goal allows both) that must be rewarded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub routes: Vec<Route>,
    /// Words of the goal that need no check, each with why ("information for the person").
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unchecked: BTreeMap<String, String>,
}

impl Audit {
    pub fn is_empty(&self) -> bool {
        self.near_misses.is_empty() && self.routes.is_empty() && self.unchecked.is_empty()
    }
}

/// An attempt that comes close to the goal and must not be rewarded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NearMiss {
    /// What it tries, in a few words: "a wrong new password".
    pub name: String,
    /// Steps as in `solution` (parameters allowed).
    #[cfg_attr(test, schemars(with = "Vec<SolutionStepSchema>"))]
    pub steps: Vec<Value>,
    /// How the episode must stand at the end.
    pub outcome: OutcomeName,
    /// With `not_done`: the words of the goal the check must name as not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub says: Option<String>,
    /// `on_status`: judged only at the end (a change made and then undone), as an agent
    /// that finishes with "status complete" is; by default no step may be rewarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish: Option<Finish>,
}

/// Another way of doing the task, which must be rewarded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub name: String,
    #[cfg_attr(test, schemars(with = "Vec<SolutionStepSchema>"))]
    pub steps: Vec<Value>,
}

/// How an episode stands, by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OutcomeName {
    NotDone,
    NoAnswer,
    WrongAnswer,
    ChangedWhileAnswering,
    SayCannot,
    CanBeDone,
}

/// When an episode is judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Finish {
    /// As soon as the goal holds (or at an answer or "can't be done").
    #[default]
    OnSuccess,
    /// Only when the player says it is done (AndroidWorld's `status complete`).
    OnStatus,
}

impl Task {
    /// The title as a phone speaking `language` shows it (English where it has no
    /// translation).
    pub fn title_in(&self, language: crate::sim::device::Language) -> &str {
        self.translations
            .get(&language)
            .map_or(self.title.as_str(), |t| t.title.as_str())
    }
}

/// A task's words in another language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Translation {
    pub title: String,
    /// The goal, with the same `{parameters}` as the English one.
    pub goal: String,
    /// Wording parameters' values in this language, by parameter and English value: shown in
    /// the goal instead of the English value (data the phone holds or the person types stays
    /// as drawn).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, BTreeMap<String, String>>,
}

/// What one value of a task's `case_param` changes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// A device file of the catalogue or an inline one, instead of `start.device`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<Value>,
    /// Set-up steps run after `start.setup`.
    #[cfg_attr(test, schemars(with = "Vec<Step>"))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<Value>,
    /// The reference solution for this case.
    #[cfg_attr(test, schemars(with = "Vec<SolutionStepSchema>"))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub solution: Vec<Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
pub enum SeedDoc {
    #[serde(rename = "000")]
    Devices,
    #[serde(rename = "001")]
    SignOut,
    #[serde(rename = "002")]
    AccountsAndSync,
    #[serde(rename = "003")]
    AccountAndCloud,
}

impl SeedDoc {
    pub fn number(self) -> &'static str {
        match self {
            SeedDoc::Devices => "000",
            SeedDoc::SignOut => "001",
            SeedDoc::AccountsAndSync => "002",
            SeedDoc::AccountAndCloud => "003",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    pub fn name(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }
}

/// Where a parameter's value comes from: a list, or the strings of the start device at a
/// pointer with one `*` (every element of an array), minus some.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Param {
    /// The values to choose from; a choice may pair values: `{"value": "notes", "count": "3"}`
    /// makes `{app}` and `{app.count}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Value>,
    /// A JSON Pointer into the start device (after set-up) with one `*`:
    /// `/cloud/accounts/0/devices/*/name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Values of `from` left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<Value>,
    /// With `from`: a pointer into the same element whose value is another parameter's, named
    /// `<param>.<key>` (e.g. `"also": {"id": "/id"}` makes `{device.id}`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub also: BTreeMap<String, String>,
}

/// The phone the learner gets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TaskStart {
    /// A device file of the catalogue (`devices/signed-in.json`) or an inline device file.
    /// Default: the fresh phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<Value>,
    /// Simulated time at the start (default 2026-11-21T10:00:00Z).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clock: Option<DateTime<Utc>>,
    /// Fixture steps run before the learner gets the phone (parameters allowed).
    #[cfg_attr(test, schemars(with = "Vec<Step>"))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<Value>,
}

/// For the schema only: a solution step.
#[cfg(test)]
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
enum SolutionStepSchema {
    Step(Step),
    Answer {
        /// Answer the question.
        answer: String,
    },
    CannotBeDone {
        /// Say that the task cannot be done.
        cannot_be_done: bool,
    },
}
