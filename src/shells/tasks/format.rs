//! The task format, version 1: a goal in words, a phone set up for it, a condition on the
//! result, and a reference solution. Parameters (`{device}`) are drawn from the task's seed, so
//! one task has many variants; every text of the task may use them.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::shells::replay::fixture::Step;
use crate::shells::replay::predicate::Condition;

pub const TASK_VERSION: u32 = 1;

/// A task as written in its file. The parts that may hold `{parameters}` stay JSON until a
/// variant is drawn (see [`super::variant`]), then they are read as steps and conditions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    #[schemars(with = "Option<Condition>")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<Value>,
    /// An information task: the expected answer (compared ignoring case and spaces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    /// The task cannot be done: why (success is saying so, with the phone as the condition
    /// requires).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub infeasible: Option<String>,
    /// The reference solution in fixture steps, plus `{"answer": "..."}` and
    /// `{"cannot_be_done": true}`; it must reach success for every variant.
    #[schemars(with = "Vec<SolutionStepSchema>")]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// A device file of the catalogue or an inline one, instead of `start.device`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<Value>,
    /// Set-up steps run after `start.setup`.
    #[schemars(with = "Vec<Step>")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<Value>,
    /// The reference solution for this case.
    #[schemars(with = "Vec<SolutionStepSchema>")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub solution: Vec<Value>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
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

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Param {
    /// The values to choose from.
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
    #[schemars(with = "Vec<Step>")]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setup: Vec<Value>,
}

/// For the schema only: a solution step.
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
