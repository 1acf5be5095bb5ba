//! A plan tried on a copy of the episode: its steps, the place and state before each, and
//! whether, played to the end, it does the task.

use std::hash::{Hash, Hasher};

use crate::play::fixture::{KeyName, Step, WaitDuration};
use crate::play::tasks::episode::Episode;
use crate::play::tasks::variant::SolutionStep;
use crate::sim::trace::Change;
use crate::view::View;

/// Where the phone is: the surface, the screen, and the dialog over it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Whereabouts {
    pub surface: &'static str,
    pub screen: String,
    pub dialog: Option<String>,
}

impl Whereabouts {
    pub fn of(view: &View) -> Whereabouts {
        Whereabouts {
            surface: view.surface,
            screen: view.screen.clone(),
            dialog: view.dialog.as_ref().map(|d| d.id.clone()),
        }
    }
}

/// One step of a plan, and the change it helps undo, when it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub step: SolutionStep,
    pub undoing: Option<Change>,
    /// For typing: the field the reference typed into (the plan taps it first when the focus
    /// is elsewhere).
    pub field: Option<String>,
}

/// A plan found, with the state it expects before each of its steps.
#[derive(Debug, Clone)]
pub(super) struct Cached {
    pub(super) steps: Vec<Planned>,
    pub(super) before: Vec<u64>,
    /// The step last told.
    pub(super) told: Option<usize>,
}

/// A key the key table names (every one a plan presses has a name).
pub(super) fn key(name: &str) -> Option<KeyName> {
    KeyName::try_from(name.to_string()).ok()
}

/// A wait as plans write it (`5s`).
pub(super) fn wait(text: &str) -> WaitDuration {
    WaitDuration::try_from(text.to_string()).unwrap_or_else(|_| WaitDuration::from_seconds(5))
}

/// Plays one step of a plan: an answer says what the phone shows now.
pub(super) fn play(episode: &mut Episode, step: &SolutionStep) -> Result<(), String> {
    match step {
        SolutionStep::Answer(_) => {
            let answer = episode.expected_answer().unwrap_or_default();
            episode.answer(&answer);
            Ok(())
        }
        other => episode.solve_step(other),
    }
}

/// Plays `steps` from `start` on a copy: the plan up to the step after which the task is done,
/// with the state before each, or `None` when it does not do the task within `budget` steps.
pub(super) fn verify(start: &Episode, steps: &[Planned], budget: usize) -> Option<Cached> {
    match Trial::from(start).go_on(steps, budget) {
        Tried::Done(found) => Some(found),
        Tried::Going | Tried::Failed => None,
    }
}

/// A plan being tried on a copy of the episode, which can go on from where it stands: plans
/// that share their first steps are played that far once.
#[derive(Clone)]
pub(super) struct Trial {
    episode: Episode,
    before: Vec<u64>,
    played: Vec<Planned>,
}

/// Where a trial stands after some steps.
pub(super) enum Tried {
    /// The task is done: the plan up to here.
    Done(Cached),
    /// Every step played; the task is not done yet.
    Going,
    /// A step failed, or the budget ran out.
    Failed,
}

impl Trial {
    pub(super) fn from(start: &Episode) -> Trial {
        Trial {
            episode: start.clone(),
            before: Vec::new(),
            played: Vec::new(),
        }
    }

    /// Plays `steps` on from here, as `verify` would have played them after the steps already
    /// played.
    pub(super) fn go_on(&mut self, steps: &[Planned], budget: usize) -> Tried {
        for planned in steps {
            let Some(now) = self.with_typing_prepared(planned) else {
                return Tried::Failed;
            };
            for planned in now {
                if self.played.len() >= budget {
                    return Tried::Failed;
                }
                self.before.push(fingerprint(&self.episode));
                if play(&mut self.episode, &planned.step).is_err() {
                    return Tried::Failed;
                }
                self.played.push(planned);
                if self.episode.done() {
                    return Tried::Done(Cached {
                        steps: std::mem::take(&mut self.played),
                        before: std::mem::take(&mut self.before),
                        told: None,
                    });
                }
            }
        }
        Tried::Going
    }

    /// `planned`, after what typing needs first: a tap on the reference's field when the focus
    /// is elsewhere, and clearing what the field holds already (typing goes into an empty one).
    fn with_typing_prepared(&self, planned: &Planned) -> Option<Vec<Planned>> {
        let types = matches!(
            planned.step,
            SolutionStep::Step(Step::Type(_) | Step::TypeFrom(_))
        );
        let view = self.episode.engine().view();
        let mut filled = view.focused().is_some_and(|e| {
            e.role.is_text_input() && e.value.as_deref().is_some_and(|v| !v.is_empty())
        });
        let mut now = Vec::new();
        let elsewhere = |field: &String| {
            view.focused().is_none_or(|e| e.id != *field) && view.find(field).is_some()
        };
        if let (true, Some(field)) = (types, planned.field.as_ref().filter(|f| elsewhere(f))) {
            filled = view
                .find(field)
                .and_then(|e| e.value.as_deref())
                .is_some_and(|v| !v.is_empty());
            now.push(Planned {
                step: SolutionStep::Step(Step::TapId {
                    id: field.clone(),
                    label: None,
                }),
                undoing: planned.undoing.clone(),
                field: None,
            });
        }
        if types && filled {
            now.push(Planned {
                step: SolutionStep::Step(Step::Key(key("ctrl+u")?)),
                undoing: planned.undoing.clone(),
                field: None,
            });
        }
        now.push(planned.clone());
        Some(now)
    }
}

/// A digest of where the episode stands, as the plan's next step depends on it: the place, the
/// changes made, and what each element shows.
pub(super) fn fingerprint(episode: &Episode) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let view = episode.engine().view();
    Whereabouts::of(view).hash(&mut hasher);
    episode.engine().trace().len().hash(&mut hasher);
    episode.answered.hash(&mut hasher);
    episode.said_impossible.hash(&mut hasher);
    let dialog = view.dialog.iter().flat_map(|d| d.elements.iter());
    for element in view.elements.iter().chain(dialog) {
        element.id.hash(&mut hasher);
        element.value.hash(&mut hasher);
        element.checked.hash(&mut hasher);
        element.focused.hash(&mut hasher);
        element.enabled.hash(&mut hasher);
    }
    hasher.finish()
}
