//! One attempt at a task variant: the phone set up for it, the learner's (or agent's) steps
//! counted, and whether the task is done. Lessons, `tasks check` and the agent protocol all
//! run tasks through this.

use chrono::{DateTime, Utc};

use chrono::Datelike;

use super::answer::{self, Answer, AnswerKind};
use super::variant::{SolutionStep, Variant};
use crate::engine::{Engine, Start};
use crate::play::fixture::{DEFAULT_CLOCK, DEFAULT_HEIGHT, DEFAULT_WIDTH, Step};
use crate::play::player::Player;
use crate::screens::Action;
use crate::sim::DeviceFile;

#[derive(Clone)]
pub struct Episode {
    pub variant: Variant,
    player: Player,
    /// The texts typed so far, newest last (a few dozen at most): what a hint may need to undo
    /// a password the person changed. A field typed into key by key is one text.
    typed: Vec<String>,
    /// The field being typed into, and what was typed there so far.
    typing: Option<(String, String)>,
    /// Steps taken since the learner got the phone (set-up steps not counted).
    pub steps: u32,
    /// What the learner answered, for an answer task.
    pub answered: Option<String>,
    /// The learner said the task cannot be done.
    pub said_impossible: bool,
}

/// The size episodes are drawn at unless a shell says otherwise.
pub fn default_start(seed: u64, clock: Option<DateTime<Utc>>) -> Start {
    Start {
        seed,
        clock: clock.unwrap_or_else(|| DEFAULT_CLOCK.parse().unwrap_or_default()),
        width: DEFAULT_WIDTH,
        height: DEFAULT_HEIGHT,
    }
}

impl Episode {
    /// The phone for `variant`: `device` with the set-up steps run; an error names the step.
    /// The goal is told in the phone's language.
    pub fn start(
        mut variant: Variant,
        device: DeviceFile,
        start: Start,
    ) -> Result<Episode, String> {
        variant.goal = variant.goal_in(device.phone.language).to_string();
        let mut player = Player::new(device, start);
        for (i, step) in variant.setup.iter().enumerate() {
            player
                .step_here(step)
                .map_err(|e| format!("start.setup[{i}] ({}): {e}", step.kind()))?;
        }
        player.mark_start();
        Ok(Episode {
            variant,
            player,
            typed: Vec::new(),
            typing: None,
            steps: 0,
            answered: None,
            said_impossible: false,
        })
    }

    pub fn engine(&self) -> &Engine {
        self.player.engine()
    }

    /// Works the dialogs over the phone (a lesson's own; see [`Player::over`]): not steps.
    pub fn over<R>(&mut self, work: impl FnOnce(&mut Engine) -> R) -> R {
        self.player.over(work)
    }

    pub fn frame(&mut self) -> &str {
        self.player.frame()
    }

    /// From now on the phone is drawn in colour (see [`Player::draw_styled`]).
    pub fn draw_styled(&mut self, width: u16, height: u16) {
        self.player.draw_styled(width, height);
    }

    /// The frame in colour, once [`Episode::draw_styled`] was called.
    pub fn buffer(&mut self) -> Option<&ratatui::buffer::Buffer> {
        self.player.buffer()
    }

    /// A step of the fixture language, counted.
    pub fn step(&mut self, step: &Step) -> Result<(), String> {
        self.steps = self.steps.saturating_add(1);
        match step {
            Step::Type(text) => self.typing(text),
            _ => self.typed_done(),
        }
        self.player.step_here(step)
    }

    /// An action straight on the phone (a key, a click), counted.
    pub fn apply(&mut self, action: Action) -> crate::engine::Outcome {
        self.steps = self.steps.saturating_add(1);
        match &action {
            Action::Type(text) => self.typing(text),
            // Moving the cursor or deleting stays in the field; anything else leaves it.
            Action::CursorLeft
            | Action::CursorRight
            | Action::CursorHome
            | Action::CursorEnd
            | Action::DeleteBackward
            | Action::DeleteForward
            | Action::Tick => {}
            _ => self.typed_done(),
        }
        self.player.apply(action)
    }

    /// `text` typed into the focused field, after what was typed there before.
    fn typing(&mut self, text: &str) {
        let field = self
            .engine()
            .view()
            .focused()
            .map(|e| e.id.to_string())
            .unwrap_or_default();
        match &mut self.typing {
            Some((at, so_far)) if *at == field => {
                if so_far.chars().count() < 256 {
                    so_far.push_str(text);
                }
            }
            _ => {
                self.typed_done();
                self.typing = Some((field, text.to_string()));
            }
        }
    }

    /// The field's text is finished: remembered among the texts typed.
    fn typed_done(&mut self) {
        const KEPT: usize = 32;
        let Some((_, text)) = self.typing.take() else {
            return;
        };
        if text.chars().count() > 64 || self.typed.contains(&text) {
            return;
        }
        if self.typed.len() >= KEPT {
            self.typed.remove(0);
        }
        self.typed.push(text);
    }

    /// Whether a step since the last call asked the app to quit (which an episode ignores).
    pub fn take_quit(&mut self) -> bool {
        self.player.take_quit()
    }

    /// Whether the task's success condition holds now (`None`: the task has none).
    pub fn success_holds(&mut self) -> Option<bool> {
        let condition = self.variant.success.clone()?;
        Some(self.player.why_not(&condition).is_none())
    }

    /// What was typed so far, newest last (the field being typed into last).
    pub fn typed(&self) -> Vec<&str> {
        let mut texts: Vec<&str> = self.typed.iter().map(String::as_str).collect();
        if let Some((_, text)) = &self.typing {
            texts.push(text);
        }
        texts
    }

    /// The device file when the person got the phone.
    pub fn start_device(&self) -> &DeviceFile {
        self.player.start_device()
    }

    /// A step of a reference solution.
    pub fn solve_step(&mut self, step: &SolutionStep) -> Result<(), String> {
        match step {
            SolutionStep::Step(step) => self.step(step),
            SolutionStep::Answer(text) => {
                self.answer(text);
                Ok(())
            }
            SolutionStep::CannotBeDone => {
                self.say_impossible();
                Ok(())
            }
        }
    }

    pub fn answer(&mut self, text: &str) {
        self.steps = self.steps.saturating_add(1);
        self.answered = Some(text.to_string());
    }

    pub fn say_impossible(&mut self) {
        self.steps = self.steps.saturating_add(1);
        self.said_impossible = true;
    }

    /// How the episode stands: done, or what is not.
    pub fn judge(&mut self) -> EpisodeOutcome {
        if let Some(outcome) = self.judge_answer() {
            return outcome;
        }
        match (&self.variant.infeasible, self.said_impossible) {
            (Some(_), false) => return EpisodeOutcome::SayCannot,
            (None, true) => return EpisodeOutcome::CanBeDone,
            _ => {}
        }
        let Some(condition) = &self.variant.success else {
            return EpisodeOutcome::Done;
        };
        match self.player.unmet(condition) {
            None => EpisodeOutcome::Done,
            Some(words) => EpisodeOutcome::NotDone(words),
        }
    }

    /// The answer's part of the judgement: `None` when the answer is right (or none is asked).
    fn judge_answer(&mut self) -> Option<EpisodeOutcome> {
        let answer = self.variant.answer.clone()?;
        let Some(given) = self.answered.clone() else {
            return Some(EpisodeOutcome::NoAnswer);
        };
        if answer.steady && changed_on_the_way(self.engine().trace()) {
            return Some(EpisodeOutcome::ChangedWhileAnswering);
        }
        (!self.right_answer(&answer, &given)).then_some(EpisodeOutcome::WrongAnswer)
    }

    /// The expected answer on the phone as it is now, if the task asks a question.
    pub fn expected_answer(&self) -> Option<String> {
        let answer = self.variant.answer.as_ref()?;
        answer.expected_in(self.player.state())
    }

    fn right_answer(&mut self, answer: &Answer, given: &str) -> bool {
        let Some(expected) = answer.expected_in(self.player.state()) else {
            return false;
        };
        let year = self.engine().now().year();
        let mut others = answer.also.clone();
        if answer.kind == AnswerKind::Device {
            others.extend(models_named(self.player.state(), &expected));
        }
        let reading = answer::Reading {
            year,
            models: &others,
            units: &answer.units,
        };
        // The other right answers are compared as they are, without the device's models.
        let alone = answer::Reading {
            models: &[],
            ..reading
        };
        let right = |expected: &str| {
            answer::same(given, expected, answer.kind, reading)
                || others
                    .iter()
                    .any(|other| answer::same(given, other, answer.kind, alone))
        };
        // The answer as the task writes it, or as the phone's language writes it.
        right(&expected)
            || crate::strings::exact_counterparts(&expected, self.engine().tr())
                .iter()
                .any(|ours| right(ours))
    }

    /// `None` when the task is done; else what is missing, in words for the task's author
    /// (values included: never shown to a learner or an agent, see [`Episode::judge`]).
    pub fn missing(&mut self) -> Option<String> {
        match self.judge() {
            EpisodeOutcome::Done => None,
            EpisodeOutcome::NotDone(_) => {
                let condition = self.variant.success.clone()?;
                self.player.why_not(&condition)
            }
            EpisodeOutcome::WrongAnswer => {
                let expected = self.expected_answer().unwrap_or_default();
                let given = crate::text::cut(self.answered.as_deref().unwrap_or_default(), 60);
                Some(format!(
                    "the answer {given:?} is not the one expected ({:?})",
                    crate::text::cut(&expected, 60)
                ))
            }
            other => Some(other.text()),
        }
    }

    pub fn done(&mut self) -> bool {
        self.judge() == EpisodeOutcome::Done
    }
}

/// How an episode stands, as a learner or an agent is told it: never a value of the phone's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EpisodeOutcome {
    Done,
    /// Not done: the words of the goal that are not, when the task's check names them.
    NotDone(Option<String>),
    NoAnswer,
    WrongAnswer,
    /// The account or its data were changed while answering a question about them.
    ChangedWhileAnswering,
    /// The task cannot be done, and that is still to be said.
    SayCannot,
    /// "Can't be done" was said of a task that can be done.
    CanBeDone,
}

impl EpisodeOutcome {
    /// In a few words: `done`, `not done: "…"`, `wrong answer` …
    pub fn text(&self) -> String {
        match self {
            EpisodeOutcome::Done => "done".into(),
            EpisodeOutcome::NotDone(Some(words)) => format!("not done: {words:?}"),
            EpisodeOutcome::NotDone(None) => "not done".into(),
            EpisodeOutcome::NoAnswer => "no answer yet".into(),
            EpisodeOutcome::WrongAnswer => "wrong answer".into(),
            EpisodeOutcome::ChangedWhileAnswering => "the phone was changed while answering".into(),
            EpisodeOutcome::SayCannot => "the task cannot be done: say so".into(),
            EpisodeOutcome::CanBeDone => "the task can be done".into(),
        }
    }
}

/// Whether the person changed the account, its Mi Cloud settings, or removed data: what makes
/// a question about the phone as it is moot.
pub fn changed_on_the_way(trace: &[serde_json::Value]) -> bool {
    trace.iter().any(|entry| {
        let about = entry.get("about").and_then(serde_json::Value::as_str);
        let fewer = entry.get("after").and_then(serde_json::Value::as_u64)
            < entry.get("before").and_then(serde_json::Value::as_u64);
        matches!(about, Some("account" | "sync")) || (about == Some("data") && fewer)
    })
}

/// The models of the devices named `name` in any account's devices.
fn models_named(state: &serde_json::Value, name: &str) -> Vec<String> {
    let wanted = answer::plain(name);
    let accounts = state
        .pointer("/cloud/accounts")
        .and_then(serde_json::Value::as_array);
    accounts
        .into_iter()
        .flatten()
        .filter_map(|account| account.get("devices")?.as_array())
        .flatten()
        .filter(|device| {
            device
                .get("name")
                .and_then(serde_json::Value::as_str)
                .is_some_and(|n| answer::plain(n) == wanted)
        })
        .filter_map(|device| Some(device.get("model")?.as_str()?.to_string()))
        .collect()
}

/// An answer as compared: case and spaces do not matter ("60.2MB" is "60.2 MB").
pub fn normalised(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::normalised;

    #[test]
    fn answers_compare_ignoring_case_and_spaces() {
        assert_eq!(normalised(" 60.2MB "), normalised("60.2 MB"));
        assert_eq!(normalised("Redmi  NOTE 12"), normalised("redmi note 12"));
        assert_ne!(normalised("Redmi Note 12"), normalised("Redmi Note 13"));
    }
}
