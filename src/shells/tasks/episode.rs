//! One attempt at a task variant: the phone set up for it, the learner's (or agent's) steps
//! counted, and whether the task is done. Lessons, `tasks check` and the agent protocol all
//! run tasks through this.

use std::path::Path;

use chrono::{DateTime, Utc};

use super::variant::{SolutionStep, Variant};
use crate::engine::{Engine, Start};
use crate::screens::Action;
use crate::shells::replay::fixture::{DEFAULT_CLOCK, DEFAULT_HEIGHT, DEFAULT_WIDTH, Step};
use crate::shells::replay::runner::Session;
use crate::sim::DeviceFile;

pub struct Episode {
    pub variant: Variant,
    session: Session,
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
        let mut session = Session::new(device, start, Path::new("task"));
        for (i, step) in variant.setup.iter().enumerate() {
            session
                .step(step)
                .map_err(|e| format!("start.setup[{i}] ({}): {e}", step.kind()))?;
        }
        session.mark_start();
        Ok(Episode {
            variant,
            session,
            steps: 0,
            answered: None,
            said_impossible: false,
        })
    }

    pub fn engine(&self) -> &Engine {
        self.session.engine()
    }

    pub fn frame(&mut self) -> &str {
        self.session.frame()
    }

    /// A step of the fixture language, counted.
    pub fn step(&mut self, step: &Step) -> Result<(), String> {
        self.steps = self.steps.saturating_add(1);
        self.session.step(step)
    }

    /// An action straight on the phone (a key, a click), counted.
    pub fn apply(&mut self, action: Action) -> crate::engine::Outcome {
        self.steps = self.steps.saturating_add(1);
        self.session.apply(action)
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

    /// `None` when the task is done; else what is missing, in words.
    pub fn missing(&mut self) -> Option<String> {
        if let Some(expected) = &self.variant.answer {
            // The answer as the task writes it, or as the phone's language writes it ("Nov 15"
            // is "11月15日" on a phone that speaks Chinese).
            let right = |given: &str| {
                let given = normalised(given);
                given == normalised(expected)
                    || crate::strings::exact_counterparts(expected, self.engine().tr())
                        .iter()
                        .any(|ours| normalised(ours) == given)
            };
            match &self.answered {
                None => return Some("no answer yet".into()),
                Some(given) if !right(given) => {
                    return Some(format!("the answer {given:?} is not the one expected"));
                }
                Some(_) => {}
            }
        }
        match (&self.variant.infeasible, self.said_impossible) {
            (Some(_), false) => return Some("the task cannot be done: say so".into()),
            (None, true) => return Some("the task can be done".into()),
            _ => {}
        }
        let condition = self.variant.success.clone()?;
        self.session.why_not(&condition)
    }

    pub fn done(&mut self) -> bool {
        self.missing().is_none()
    }
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
