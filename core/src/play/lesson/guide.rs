//! The reference solution as a lesson follows the learner along it: each of its moves with the
//! place it was made at (the screen, and the dialog over it), so that a step onto a screen the
//! reference never went to counts as a wrong turn, and how far the learner has followed it.
//! The hints themselves come from `tasks::plan`, which finds a way home from anywhere.

use serde_json::Value;

use crate::engine::Key;
use crate::play::fixture::{ScrollDirection, Step};
use crate::play::tasks::Episode;
pub use crate::play::tasks::plan::Whereabouts;
use crate::play::tasks::variant::SolutionStep;

/// One thing a person does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Move {
    Tap(String),
    /// Typing into a field; `text` is what the reference typed (none when it read it from the
    /// screen or the device file).
    Type {
        field: String,
        text: Option<String>,
    },
    Key(Key),
    Back,
    Scroll(ScrollDirection),
    Wait,
    Answer,
    CannotBeDone,
}

impl Move {
    /// The move a step of a solution (or a plan) is, on `view`: typing goes into the field in
    /// focus; `resolve` finds what a tap by label touches. Checks and events elsewhere are no
    /// move.
    pub fn of(
        step: &SolutionStep,
        view: &crate::view::View,
        resolve: impl Fn(&str) -> Option<String>,
    ) -> Option<Move> {
        let focused = || view.focused().map(|e| e.id.to_string());
        Some(match step {
            SolutionStep::Step(Step::Tap(label)) => Move::Tap(resolve(label)?),
            SolutionStep::Step(Step::TapId { id, .. }) => Move::Tap(id.clone()),
            SolutionStep::Step(Step::Type(text)) => Move::Type {
                field: focused()?,
                text: Some(text.clone()),
            },
            SolutionStep::Step(Step::TypeFrom(_)) => Move::Type {
                field: focused()?,
                text: None,
            },
            SolutionStep::Step(Step::Key(key)) => Move::Key(key.key()),
            SolutionStep::Step(Step::Back(_)) => Move::Back,
            SolutionStep::Step(Step::Scroll(direction)) => Move::Scroll(*direction),
            SolutionStep::Step(Step::Wait(_)) => Move::Wait,
            SolutionStep::Answer(_) => Move::Answer,
            SolutionStep::CannotBeDone => Move::CannotBeDone,
            SolutionStep::Step(_) => return None,
        })
    }

    /// Whether the learner's move `did` is this one.
    fn matches(&self, did: &Move) -> bool {
        match (self, did) {
            (Move::Type { field: a, .. }, Move::Type { field: b, .. }) => a == b,
            (a, b) => a == b,
        }
    }
}

#[derive(Debug, Clone)]
struct Mark {
    before: Whereabouts,
    after: Whereabouts,
    made: Move,
}

/// What to do next, as the hint says it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    Do(Move),
    /// Undo a change the task does not want (as the trace writes it), by this move.
    Undo(Value, Move),
    /// The task can no longer be done: these changes cannot be undone (or were made while a
    /// question about the phone as it was is open).
    StartOver(Vec<Value>),
    /// No way found from here.
    Lost,
}

/// The reference solution's moves, where they were made.
#[derive(Debug, Clone, Default)]
pub struct Guide {
    marks: Vec<Mark>,
    places: Vec<Whereabouts>,
    /// The reference's length in moves (checks and events are not moves).
    pub length: u32,
}

impl Guide {
    /// Replays `reference` (a fresh episode of the variant) to the end of its solution, or to
    /// the first step that fails.
    pub fn new(reference: &mut Episode) -> Guide {
        let mut guide = Guide::default();
        // Back N times is N places to go back from: one mark each (and one step in length).
        let mut solution = Vec::new();
        for step in &reference.variant.solution {
            match step {
                SolutionStep::Step(Step::Back(times)) if *times > 1 => {
                    for again in 0..*times {
                        solution.push((SolutionStep::Step(Step::Back(1)), again == 0));
                    }
                }
                step => solution.push((step.clone(), true)),
            }
        }
        for (step, counted) in &solution {
            let view = reference.engine().view();
            let before = Whereabouts::of(view);
            let made = Move::of(step, view, |label| reference.engine().resolve(label).ok());
            if reference.solve_step(step).is_err() {
                break;
            }
            let Some(made) = made else {
                continue;
            };
            let after = Whereabouts::of(reference.engine().view());
            if made != Move::Wait && *counted {
                guide.length += 1;
            }
            for place in [&before, &after] {
                if !guide.places.contains(place) {
                    guide.places.push(place.clone());
                }
            }
            guide.marks.push(Mark {
                before,
                after,
                made,
            });
        }
        guide
    }

    /// Whether the reference ever was at `place`.
    pub fn on_path(&self, place: &Whereabouts) -> bool {
        self.places.contains(place)
    }

    /// How far the learner has followed the reference, after making `did` at `before` and
    /// arriving at `after`: past the first move from here on that is the same, or else past the
    /// first move from here on that arrives where the learner did (another way to the same
    /// place).
    pub fn advance(
        &self,
        progress: usize,
        before: &Whereabouts,
        did: &[Move],
        after: &Whereabouts,
    ) -> usize {
        let ahead = || self.marks.iter().enumerate().skip(progress);
        if let Some((index, _)) =
            ahead().find(|(_, m)| m.before == *before && did.iter().any(|d| m.made.matches(d)))
        {
            return index + 1;
        }
        if before != after
            && let Some((index, _)) =
                ahead().find(|(_, m)| m.before != m.after && m.after == *after)
        {
            return index + 1;
        }
        progress
    }
}
