//! What an agent's action means on the phone: the fixture steps it is played as (so that every
//! episode can be written as a replayable fixture), and a reference solution told as actions.

use super::current::Current;
use super::protocol::{AgentAction, Direction, GoalStatus, Target, Typing};
use crate::play::fixture::{KeyName, ScrollDirection, Step, WaitDuration};
use crate::play::tasks::variant::SolutionStep;
use crate::ui::{self, TextGrid, Theme};

/// The longest text an agent types in one action.
const TYPED_CHARS: usize = 10_000;

/// The fixture steps an action means, checked before anything runs. `status` and `answer` mean
/// no step: the episode is told.
pub(super) fn steps_for(current: &Current, action: &AgentAction) -> Result<Vec<Step>, String> {
    Ok(match action {
        AgentAction::Click(target) => vec![aimed_at(current, target, "click")?],
        AgentAction::LongPress(target) => vec![aimed_at(current, target, "long_press")?],
        AgentAction::InputText(typing) => typed(current, typing)?,
        AgentAction::KeyboardEnter {} => vec![Step::Key(KeyName::ENTER)],
        AgentAction::NavigateBack {} => vec![Step::Back(1)],
        AgentAction::NavigateHome {} => {
            let mut steps = to_the_phone(current);
            steps.push(Step::Key(KeyName::HOME));
            steps
        }
        AgentAction::Scroll { direction } => vec![Step::Scroll(match direction {
            Direction::Up => ScrollDirection::Up,
            Direction::Down => ScrollDirection::Down,
        })],
        AgentAction::OpenApp { app_name } => {
            if app_name.eq_ignore_ascii_case("browser") && !in_the_browser(current) {
                vec![Step::Key(KeyName::BROWSER)]
            } else {
                vec![Step::Key(KeyName::HOME), Step::Tap(app_name.clone())]
            }
        }
        AgentAction::Wait { seconds } => vec![Step::Wait(WaitDuration::seconds(*seconds)?)],
        AgentAction::Key { key } => vec![Step::Key(*key)],
        AgentAction::Status { .. } | AgentAction::Answer { .. } => Vec::new(),
    })
}

/// The step that touches what `target` names.
fn aimed_at(current: &Current, target: &Target, action: &str) -> Result<Step, String> {
    let tap = |id: String| Step::TapId { id, label: None };
    if let Some(index) = target.index {
        return current.ids.get(index).cloned().map(tap).ok_or_else(|| {
            format!(
                "index {index} is out of range: the observation has {} elements",
                current.ids.len()
            )
        });
    }
    if let Some(id) = &target.id {
        return Ok(tap(id.clone()));
    }
    if let Some(label) = &target.label {
        return Ok(Step::Tap(label.clone()));
    }
    if let (Some(x), Some(y)) = (target.x, target.y) {
        return cell_target(current, x, y);
    }
    Err(format!(
        "{action} needs a target: index, id, label, or x and y"
    ))
}

/// `input_text`: a tap on the field it names, if any, then the typing.
fn typed(current: &Current, typing: &Typing) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    let target = typing.target();
    if target.names_something() {
        steps.push(aimed_at(current, &target, "input_text")?);
    }
    match (&typing.text, &typing.text_from) {
        (Some(text), None) => {
            if text.chars().count() > TYPED_CHARS {
                return Err("a text of more than 10,000 characters".into());
            }
            steps.push(Step::Type(text.clone()));
        }
        (None, Some(source)) if source.state.is_some() => {
            return Err(
                "text_from reads the screen (`digits_after`), not the device file: an \
                        agent sees what a person sees"
                    .into(),
            );
        }
        (None, Some(source)) => steps.push(Step::TypeFrom(Box::new(source.clone()))),
        _ => return Err("input_text needs `text` (or `text_from`)".into()),
    }
    Ok(steps)
}

fn in_the_browser(current: &Current) -> bool {
    current.episode.engine().view().surface == "browser"
}

/// From the browser, the step back to the phone (F2); none on the phone.
fn to_the_phone(current: &Current) -> Vec<Step> {
    if in_the_browser(current) {
        vec![Step::Key(KeyName::BROWSER)]
    } else {
        Vec::new()
    }
}

/// What a click on a terminal cell touches, found on the frame as drawn.
fn cell_target(current: &Current, x: u16, y: u16) -> Result<Step, String> {
    let view = current.episode.engine().view();
    let mut grid = TextGrid::new(current.width, current.height);
    let hits = ui::render_text(view, &mut grid, &Theme::miui());
    match hits.at(x, y) {
        Some(ui::HitTarget::Element(id)) => Ok(Step::TapId {
            id: id.to_string(),
            label: None,
        }),
        Some(ui::HitTarget::Back) => Ok(Step::Back(1)),
        Some(ui::HitTarget::Home) => Ok(Step::Key(KeyName::HOME)),
        None => Err(format!("nothing to touch at x {x}, y {y}")),
    }
}

/// A reference solution step as actions: a back of several presses is that many; steps that
/// only check (`expect…`) are left out.
pub(super) fn solution_actions(step: &SolutionStep) -> Vec<AgentAction> {
    match step {
        SolutionStep::Step(Step::Back(times)) => {
            (0..*times).map(|_| AgentAction::NavigateBack {}).collect()
        }
        other => solution_action(other).into_iter().collect(),
    }
}

fn solution_action(step: &SolutionStep) -> Option<AgentAction> {
    Some(match step {
        SolutionStep::Answer(text) => AgentAction::Answer { text: text.clone() },
        SolutionStep::CannotBeDone => AgentAction::Status {
            goal_status: GoalStatus::Infeasible,
        },
        SolutionStep::Step(step) => match step {
            Step::Tap(label) => AgentAction::Click(Target {
                label: Some(label.clone()),
                ..Target::default()
            }),
            Step::TapId { id, .. } => AgentAction::Click(Target {
                id: Some(id.clone()),
                ..Target::default()
            }),
            Step::Type(text) => AgentAction::InputText(Typing {
                text: Some(text.clone()),
                ..Typing::default()
            }),
            Step::TypeFrom(source) => AgentAction::InputText(Typing {
                text_from: Some((**source).clone()),
                ..Typing::default()
            }),
            Step::Key(key) => AgentAction::Key { key: *key },
            Step::Scroll(direction) => AgentAction::Scroll {
                direction: match direction {
                    ScrollDirection::Up => Direction::Up,
                    ScrollDirection::Down => Direction::Down,
                },
            },
            Step::Wait(wait) => AgentAction::Wait {
                seconds: u64::try_from(wait.duration().num_seconds()).unwrap_or(0),
            },
            _ => return None,
        },
    })
}
