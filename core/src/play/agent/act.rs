//! What an agent's action means on the phone: the fixture steps it is played as (so that every
//! episode can be written as a replayable fixture), and a reference solution told as actions.

use super::current::Current;
use super::protocol::{AgentAction, Direction, GoalStatus, Target, Typing};
use crate::engine::keys::Key;
use crate::play::fixture::{KeyName, ScrollDirection, Step, WaitDuration};
use crate::play::tasks::variant::SolutionStep;
use crate::ui::{self, TextGrid, Theme};

/// The longest text an agent types in one action.
const TYPED_CHARS: usize = 10_000;

/// How long a `wait` without `seconds` lets pass: AndroidWorld's wait sleeps one second.
pub const DEFAULT_WAIT_SECONDS: u64 = 1;

/// The fixture steps an action means, checked before anything runs. `status` and `answer` mean
/// no step: the episode is told.
pub(super) fn steps_for(current: &Current, action: &AgentAction) -> Result<Vec<Step>, String> {
    Ok(match action {
        // A double tap's second touch is found once the first has landed (`second_tap`).
        AgentAction::Click(target) => vec![aimed_at(current, target, "click")?],
        AgentAction::DoubleTap(target) => vec![aimed_at(current, target, "double_tap")?],
        AgentAction::LongPress(target) => vec![aimed_at(current, target, "long_press")?],
        AgentAction::InputText(typing) => typed(current, typing)?,
        AgentAction::KeyboardEnter {} => vec![Step::Key(KeyName::ENTER)],
        AgentAction::NavigateBack {} => vec![Step::Back(1)],
        AgentAction::NavigateHome {} => {
            let mut steps = to_the_phone(current);
            steps.push(Step::Key(KeyName::HOME));
            steps
        }
        AgentAction::Scroll { direction, index } => {
            if let Some(index) = index
                && *index >= current.ids.len()
            {
                return Err(out_of_range(current, *index));
            }
            vec![Step::Scroll(scrolled(*direction, "scroll")?)]
        }
        // A finger swept up moves the page up: what is below comes into sight (AndroidWorld's
        // swipe is "the inverse of scroll").
        AgentAction::Swipe { direction } => vec![Step::Scroll(match direction {
            Direction::Up => ScrollDirection::Down,
            Direction::Down => ScrollDirection::Up,
            sideways => scrolled(*sideways, "swipe")?,
        })],
        AgentAction::OpenApp { app_name } => {
            if app_name.eq_ignore_ascii_case("browser") && !in_the_browser(current) {
                vec![Step::Key(KeyName::BROWSER)]
            } else if in_the_browser(current) && app_name.eq_ignore_ascii_case("settings") {
                // Android brings a running app to the front as it was left: from the browser,
                // the phone as it was (Settings, a dialog over it, or its lock).
                to_the_phone(current)
            } else {
                // From the browser, back to the phone first: its home screen has the apps.
                let mut steps = to_the_phone(current);
                steps.extend([Step::Key(KeyName::HOME), Step::Tap(app_name.clone())]);
                steps
            }
        }
        AgentAction::Wait { seconds } => vec![Step::Wait(WaitDuration::seconds(
            seconds.unwrap_or(DEFAULT_WAIT_SECONDS),
        )?)],
        AgentAction::Key { key } => vec![Step::Key(*key)],
        AgentAction::PressKeyboard { keycode } => match keycode_key(keycode)? {
            Pressed::Back => vec![Step::Back(1)],
            Pressed::Home => {
                let mut steps = to_the_phone(current);
                steps.push(Step::Key(KeyName::HOME));
                steps
            }
            Pressed::Key(key) => vec![Step::Key(key)],
        },
        AgentAction::Status { .. } | AgentAction::Answer { .. } => Vec::new(),
    })
}

fn out_of_range(current: &Current, index: usize) -> String {
    format!(
        "index {index} is out of range: the observation has {} elements",
        current.ids.len()
    )
}

/// The page scrolled up or down; nothing on the phone moves sideways.
fn scrolled(direction: Direction, action: &str) -> Result<ScrollDirection, String> {
    match direction {
        Direction::Up => Ok(ScrollDirection::Up),
        Direction::Down => Ok(ScrollDirection::Down),
        Direction::Left | Direction::Right => Err(format!(
            "{action} {}: no page of the phone moves sideways (up or down)",
            if direction == Direction::Left {
                "left"
            } else {
                "right"
            }
        )),
    }
}

/// What an Android key code presses on the phone.
enum Pressed {
    Back,
    Home,
    Key(KeyName),
}

/// AndroidWorld's `KEYCODE_*` names, as the phone's keys.
fn keycode_key(keycode: &str) -> Result<Pressed, String> {
    let key = match keycode {
        "KEYCODE_BACK" => return Ok(Pressed::Back),
        "KEYCODE_HOME" => return Ok(Pressed::Home),
        "KEYCODE_ENTER" | "KEYCODE_NUMPAD_ENTER" | "KEYCODE_DPAD_CENTER" => Key::Enter,
        "KEYCODE_DEL" => Key::Backspace,
        "KEYCODE_FORWARD_DEL" => Key::Delete,
        "KEYCODE_TAB" => Key::Tab,
        "KEYCODE_ESCAPE" => Key::Esc,
        "KEYCODE_SPACE" => Key::Char(' '),
        "KEYCODE_DPAD_UP" => Key::Up,
        "KEYCODE_DPAD_DOWN" => Key::Down,
        "KEYCODE_DPAD_LEFT" => Key::Left,
        "KEYCODE_DPAD_RIGHT" => Key::Right,
        "KEYCODE_MOVE_HOME" => Key::Home,
        "KEYCODE_MOVE_END" => Key::End,
        "KEYCODE_PAGE_UP" => Key::PageUp,
        "KEYCODE_PAGE_DOWN" => Key::PageDown,
        other => match other.strip_prefix("KEYCODE_").map(str::as_bytes) {
            // KEYCODE_A … KEYCODE_Z type the small letter, KEYCODE_0 … KEYCODE_9 the digit.
            Some([c]) if c.is_ascii_uppercase() => Key::Char(char::from(c.to_ascii_lowercase())),
            Some([c]) if c.is_ascii_digit() => Key::Char(char::from(*c)),
            _ => {
                return Err(format!(
                    "unknown keycode {:?}: the phone has KEYCODE_ENTER, KEYCODE_BACK, \
                     KEYCODE_HOME, KEYCODE_DEL, KEYCODE_FORWARD_DEL, KEYCODE_TAB, \
                     KEYCODE_ESCAPE, KEYCODE_SPACE, KEYCODE_DPAD_UP/DOWN/LEFT/RIGHT/CENTER, \
                     KEYCODE_MOVE_HOME/END, KEYCODE_PAGE_UP/DOWN, KEYCODE_NUMPAD_ENTER, \
                     KEYCODE_A to KEYCODE_Z and KEYCODE_0 to KEYCODE_9",
                    crate::text::cut(other, 40)
                ));
            }
        },
    };
    KeyName::of(key)
        .map(Pressed::Key)
        .ok_or_else(|| format!("{keycode}: no such key on the phone"))
}

/// A point given in the episode's terms, as a terminal cell.
fn cell_of(current: &Current, x: u16, y: u16) -> (u16, u16) {
    match current.pixel_scale {
        Some(scale) => {
            let (column, row) = ui::pixels::cell_at(u32::from(x), u32::from(y), scale);
            (
                u16::try_from(column).unwrap_or(u16::MAX),
                u16::try_from(row).unwrap_or(u16::MAX),
            )
        }
        None => (x, y),
    }
}

/// Where a double tap's second touch lands, in cells: the point given, or the middle of the
/// element aimed at as it was drawn (none for a label, or an element out of sight).
pub(super) fn touch_point(current: &Current, target: &Target) -> Option<(u16, u16)> {
    if let (Some(x), Some(y)) = (target.x, target.y)
        && target.index.is_none()
    {
        return Some(cell_of(current, x, y));
    }
    let at = match (target.index, &target.id) {
        (Some(index), _) => index,
        (None, Some(id)) => current.ids.iter().position(|i| i == id)?,
        _ => return None,
    };
    let [x, y, width, height] = current.boxes.get(at).copied().flatten()?;
    Some((x.saturating_add(width / 2), y.saturating_add(height / 2)))
}

/// The second touch of a double tap: what is at `point` now (nothing there, no step), or the
/// element by its label again.
pub(super) fn second_tap(
    current: &Current,
    target: &Target,
    point: Option<(u16, u16)>,
) -> Option<Step> {
    match point {
        Some((x, y)) => cell_target(current, x, y).ok(),
        None => target.label.clone().map(Step::Tap),
    }
}

/// The step that touches what `target` names.
fn aimed_at(current: &Current, target: &Target, action: &str) -> Result<Step, String> {
    let tap = |id: String| Step::TapId { id, label: None };
    if let Some(index) = target.index {
        return current
            .ids
            .get(index)
            .cloned()
            .map(tap)
            .ok_or_else(|| out_of_range(current, index));
    }
    if let Some(id) = &target.id {
        return Ok(tap(id.clone()));
    }
    if let Some(label) = &target.label {
        return Ok(Step::Tap(label.clone()));
    }
    if let (Some(x), Some(y)) = (target.x, target.y) {
        let (column, row) = cell_of(current, x, y);
        return cell_target(current, column, row).map_err(|e| {
            if current.pixel_scale.is_some() {
                format!("{e} (the pixel at x {x}, y {y})")
            } else {
                e
            }
        });
    }
    Err(format!(
        "{action} needs a target: index, id, label, or x and y"
    ))
}

/// `input_text`: a tap on the field it names, if any, then the typing. Aimed as AndroidWorld
/// aims (`index`, or `x`,`y`), it is AndroidWorld's input_text: the field is cleared first
/// (unless `clear_text` is false) and Enter pressed after.
fn typed(current: &Current, typing: &Typing) -> Result<Vec<Step>, String> {
    let mut steps = Vec::new();
    let target = typing.target();
    let as_android_world = target.id.is_none()
        && target.label.is_none()
        && (target.index.is_some() || (target.x.is_some() && target.y.is_some()));
    if target.names_something() || as_android_world {
        let tap = aimed_at(current, &target, "input_text")?;
        // It must land on a field: a button tapped and typed at would do half an action.
        if let Step::TapId { id, .. } = &tap {
            let view = current.episode.engine().view();
            if let Some(element) = view.find(id)
                && !element.role.is_text_input()
            {
                return Err(format!(
                    "input_text at {:?}: no text field there",
                    crate::text::cut(&element.label, 40)
                ));
            }
        } else if as_android_world {
            return Err("input_text: no text field there".into());
        }
        steps.push(tap);
    }
    if typing.clear_text.unwrap_or(as_android_world) {
        steps.extend(KeyName::of(Key::Ctrl('u')).map(Step::Key));
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
    if as_android_world {
        steps.push(Step::Key(KeyName::ENTER));
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
                index: None,
            },
            Step::Wait(wait) => AgentAction::Wait {
                seconds: Some(u64::try_from(wait.duration().num_seconds()).unwrap_or(0)),
            },
            _ => return None,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key_of(code: &str) -> Option<String> {
        match keycode_key(code) {
            Ok(Pressed::Key(key)) => Some(key.name()),
            Ok(Pressed::Back) => Some("back".into()),
            Ok(Pressed::Home) => Some("home screen".into()),
            Err(_) => None,
        }
    }

    #[test]
    fn android_keycodes_are_the_phones_keys() {
        for (code, key) in [
            ("KEYCODE_ENTER", "enter"),
            ("KEYCODE_DPAD_CENTER", "enter"),
            ("KEYCODE_DEL", "backspace"),
            ("KEYCODE_FORWARD_DEL", "delete"),
            ("KEYCODE_BACK", "back"),
            ("KEYCODE_HOME", "home screen"),
            ("KEYCODE_MOVE_HOME", "home"),
            ("KEYCODE_SPACE", "space"),
            ("KEYCODE_A", "a"),
            ("KEYCODE_Z", "z"),
            ("KEYCODE_0", "0"),
        ] {
            assert_eq!(key_of(code).as_deref(), Some(key), "{code}");
        }
        for unknown in [
            "KEYCODE_VOLUME_UP",
            "KEYCODE_",
            "KEYCODE_a",
            "ENTER",
            "",
            "KEYCODE_AB",
        ] {
            assert_eq!(key_of(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn swipe_is_the_inverse_of_scroll_and_nothing_moves_sideways() {
        assert_eq!(scrolled(Direction::Up, "scroll"), Ok(ScrollDirection::Up));
        assert_eq!(
            scrolled(Direction::Down, "scroll"),
            Ok(ScrollDirection::Down)
        );
        let sideways = scrolled(Direction::Left, "swipe").unwrap_err();
        assert!(sideways.starts_with("swipe left: "), "{sideways}");
    }
}
