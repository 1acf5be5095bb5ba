//! The one step runner: a step of the language fixtures, tasks, lessons and agents share,
//! played on a [`Player`] — taps by label or id, typing (from the step, the device file, the
//! goal or digits on screen), keys, waits, what happens elsewhere, and the expectations, each
//! said in words when it does not hold.

use serde_json::Value;

use super::condition::Facts;
use super::fixture::{ScrollDirection, Step, TypeSource};
use super::player::Player;
use crate::engine::Engine;
use crate::screens::Action;
use crate::sim::device::DeviceFile;
use crate::ui;
use crate::view::{Role, View};

/// Whether typing now goes into a password field.
pub fn types_a_password(view: &View) -> bool {
    view.focused()
        .is_some_and(|e| e.role == Role::PasswordField)
}

/// A step's heading in transcripts and casts. Text typed into a password field is masked.
pub fn describe(step: &Step, view: &View) -> String {
    match step {
        Step::Type(text) => {
            if types_a_password(view) {
                format!("type {:?}", "•".repeat(text.chars().count()))
            } else {
                format!("type {text:?}")
            }
        }
        Step::Tap(label) => format!("tap {label:?}"),
        Step::TapId { id, .. } => format!("tap_id {id:?}"),
        Step::Key(key) => format!("key {:?}", key.name()),
        Step::Scroll(direction) => format!("scroll {direction:?}").to_lowercase(),
        Step::Back(times) => format!("back {times}"),
        Step::Wait(wait) => format!("wait {}", String::from(wait.clone())),
        Step::ExpectScreen(title) => format!("expect_screen {title:?}"),
        Step::ExpectText(text) => format!("expect_text {text:?}"),
        Step::ExpectNoText(text) => format!("expect_no_text {text:?}"),
        Step::ExpectState(pointers) => {
            format!("expect_state {}", Value::Object((**pointers).clone()))
        }
        Step::ExpectTask(holds) => format!("expect_task {holds}"),
        Step::Snapshot(name) => format!("snapshot {name:?}"),
        Step::Expect(condition) => format!("expect {}", condition.describe()),
        Step::TypeFrom(source) => match (&source.state, &source.digits_after) {
            (Some(pointer), _) => format!("type_from state {pointer:?}"),
            (_, Some(text)) => format!("type_from digits after {text:?}"),
            _ => "type_from".to_string(),
        },
        Step::SignInElsewhere(who) => format!(
            "sign_in_elsewhere {:?} on {:?} from {:?}",
            who.account, who.device, who.location
        ),
        Step::ChangeElsewhere(what) => format!(
            "change_elsewhere {:?}: {:?} adds {:?} to {}",
            what.account,
            what.device,
            what.title,
            what.app.key()
        ),
    }
}

/// What a step did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stepped {
    /// It moved the phone: a new frame is drawn when read.
    Moved,
    /// An expectation that holds: nothing changed.
    Checked,
    /// A snapshot to compare the frame with: the driver keeps snapshots (player compares them
    /// with files beside the fixture), the runner only asks.
    Snapshot(String),
}

impl Player {
    /// Runs one step. An expectation that does not hold, a tap on nothing or typing with no
    /// field to type in is an error, said in words a fixture's author reads.
    pub fn step(&mut self, step: &Step) -> Result<Stepped, String> {
        run_step(self, step)
    }

    /// [`Player::step`] for drivers that keep no snapshots (tasks, lessons, agents): a
    /// snapshot step is refused.
    pub fn step_here(&mut self, step: &Step) -> Result<(), String> {
        match self.step(step)? {
            Stepped::Snapshot(name) => Err(format!(
                "snapshot {name:?}: snapshots are compared with files beside a fixture, in a \
                 replay; a task takes none"
            )),
            Stepped::Moved | Stepped::Checked => Ok(()),
        }
    }
}

fn run_step(player: &mut Player, step: &Step) -> Result<Stepped, String> {
    let engine = &mut player.engine;
    let outcome = match step {
        Step::Tap(label) => engine.tap_label(label).map_err(|e| e.to_string())?,
        Step::TapId { id, .. } => engine.tap_id(id).map_err(|e| e.to_string())?,
        Step::Type(text) => {
            needs_a_field(engine)?;
            engine.apply(Action::Type(text.clone()))
        }
        Step::TypeFrom(source) => {
            needs_a_field(engine)?;
            let text = read_value(player, source)?;
            let engine = &mut player.engine;
            engine.apply(Action::Type(text))
        }
        Step::Expect(condition) => {
            return match condition.why_not(player) {
                None => Ok(Stepped::Checked),
                Some(reason) => Err(format!("expected {}: {reason}", condition.describe())),
            };
        }
        Step::ExpectTask(holds) => {
            let condition = player
                .success
                .clone()
                .ok_or("expect_task needs a fixture that starts from a task with a condition")?;
            // What does not hold is told in the goal's words, never the condition's values.
            return match (condition.unmet(player), holds) {
                (None, true) | (Some(_), false) => Ok(Stepped::Checked),
                (Some(words), true) => Err(format!(
                    "expected the task done; {}",
                    words.map_or("it is not".to_string(), |w| format!("not done: {w:?}"))
                )),
                (None, false) => Err("expected the task not done; it is done".into()),
            };
        }
        Step::Key(key) => engine.press(key.key()),
        Step::Scroll(direction) => engine.apply(match direction {
            ScrollDirection::Up => Action::PageUp,
            ScrollDirection::Down => Action::PageDown,
        }),
        Step::Back(times) => {
            let mut outcome = crate::engine::Outcome::default();
            for _ in 0..*times {
                let before = engine.view().clone();
                let once = engine.apply(Action::Back);
                outcome.quit |= once.quit;
                outcome.changed |= once.changed;
                // A back that changed nothing (at Settings' root) would change nothing again.
                if once.quit || (!once.changed && *engine.view() == before) {
                    break;
                }
            }
            outcome
        }
        Step::Wait(wait) => engine.wait(wait.duration()),
        Step::SignInElsewhere(who) => engine.sign_in_elsewhere(who)?,
        Step::ChangeElsewhere(what) => engine.change_elsewhere(what)?,
        Step::ExpectScreen(title) => {
            if !Facts::titled(&*player, title) {
                let found = &player.engine.view().title;
                return Err(format!("expected the screen {title:?}, found {found:?}"));
            }
            return Ok(Stepped::Checked);
        }
        Step::ExpectText(text) => {
            if !player.shows(text) {
                return Err(format!(
                    "expected the text {text:?} on screen; it is not there"
                ));
            }
            return Ok(Stepped::Checked);
        }
        Step::ExpectNoText(text) => {
            if Facts::shows_exactly(&mut *player, text) {
                return Err(format!("expected no {text:?} on screen; it is there"));
            }
            return Ok(Stepped::Checked);
        }
        Step::ExpectState(pointers) => {
            check_state(engine.device(), pointers)?;
            return Ok(Stepped::Checked);
        }
        Step::Snapshot(name) => return Ok(Stepped::Snapshot(name.clone())),
    };
    player.after(outcome);
    Ok(Stepped::Moved)
}

fn needs_a_field(engine: &Engine) -> Result<(), String> {
    let focused = engine.view().focused();
    if focused.is_some_and(|e| e.role.is_text_input()) {
        return Ok(());
    }
    Err(format!(
        "no text field has focus (focus is on {})",
        focused.map_or("nothing".to_string(), |e| format!("{:?}", e.label))
    ))
}

/// What a `type_from` step types: a value of the device file, or digits read on screen.
fn read_value(player: &mut Player, source: &TypeSource) -> Result<String, String> {
    if let Some(pointer) = &source.state {
        let state = serde_json::to_value(player.engine.device()).map_err(|e| e.to_string())?;
        return match state.pointer(pointer) {
            Some(Value::String(text)) => Ok(text.clone()),
            Some(Value::Number(number)) => Ok(number.to_string()),
            Some(other) => Err(format!("{pointer} holds {other}, not a text to type")),
            None => Err(format!("{pointer} is absent: nothing to type")),
        };
    }
    if let Some(n) = source.goal_word {
        let goal = player
            .goal
            .as_deref()
            .ok_or("type_from goal_word needs a fixture that starts from a task")?;
        return goal_word(goal, n)
            .map(str::to_string)
            .ok_or_else(|| format!("the goal has no word {n}"));
    }
    let after = source.digits_after.as_deref().unwrap_or_default();
    let theme = player.theme.clone();
    let reading = ui::reading(player.frame(), &theme);
    // Written in another language than the phone's ("Messages:" on a phone that says 短信),
    // the words are looked for as the phone says them.
    // A colon written stays a colon in either width: "短信：" is the channel of a notification,
    // where "短信" alone is also in "已发送短信验证码至 +86 …".
    let words = after.trim_end_matches([':', '：']);
    let colons: &[&str] = if words.len() < after.len() {
        &["：", ":"]
    } else {
        &[""]
    };
    let spellings: Vec<String> = std::iter::once(ui::as_read(after))
        .chain(
            crate::strings::counterparts(words, player.engine.tr())
                .iter()
                .flat_map(|ours| colons.iter().map(move |colon| format!("{ours}{colon}")))
                .map(|ours| ui::as_read(&ours)),
        )
        .collect();
    // On screen now, else in a notification seen before (read on the phone, typed on the
    // website).
    let remembered: Vec<String> = player.seen.iter().rev().map(|t| ui::as_read(t)).collect();
    let rest = std::iter::once(&reading)
        .chain(remembered.iter())
        .find_map(|text| {
            spellings.iter().find_map(|wanted| {
                text.find(wanted.as_str())
                    .map(|at| &text[at + wanted.len()..])
            })
        })
        .ok_or_else(|| format!("{after:?} is not on screen"))?;
    let digits: String = rest
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return Err(format!("no digits on screen after {after:?}"));
    }
    Ok(digits)
}

/// The `n`th word (from 0) of a goal, without the punctuation around it.
pub fn goal_word(goal: &str, n: usize) -> Option<&str> {
    goal_words(goal).nth(n)
}

/// A goal's words (what `goal_word` counts): its text cut at spaces and at the punctuation
/// that ends or sets off words, in English and in Chinese (which puts no spaces between words:
/// "密码 Xiaomi#2026）：那条" has the word `Xiaomi#2026`).
pub fn goal_words(goal: &str) -> impl Iterator<Item = &str> {
    goal.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';'
                    | '('
                    | ')'
                    | '"'
                    | '“'
                    | '”'
                    | '，'
                    | '。'
                    | '；'
                    | '：'
                    | '（'
                    | '）'
                    | '？'
                    | '！'
                    | '、'
            )
    })
    .map(|word| word.trim_end_matches(['.', ':', '?']))
    .filter(|word| !word.is_empty())
}

/// At most this many differing values are listed when an `expect_state` fails; the rest are
/// counted. A whole list of devices or accounts differs in dozens of places when one is added.
const DIFFERENCES_SHOWN: usize = 12;

/// A value longer than this is cut when shown in a difference.
const VALUE_SHOWN_CHARS: usize = 120;

fn check_state(
    device: &DeviceFile,
    pointers: &serde_json::Map<String, Value>,
) -> Result<(), String> {
    let state = serde_json::to_value(device).map_err(|e| e.to_string())?;
    let differences: Vec<String> = pointers
        .iter()
        .flat_map(|(pointer, expected)| match state.pointer(pointer) {
            // A field the file leaves out when empty reads as null.
            None if expected.is_null() => Vec::new(),
            found => differing_values(pointer, Some(expected), found),
        })
        .collect();
    match differences.as_slice() {
        [] => Ok(()),
        [one] => Err(one.clone()),
        several => {
            let mut text = format!("{} values differ:", several.len());
            for difference in several.iter().take(DIFFERENCES_SHOWN) {
                text.push_str("\n  ");
                text.push_str(difference);
            }
            if several.len() > DIFFERENCES_SHOWN {
                let more = several.len() - DIFFERENCES_SHOWN;
                text.push_str(&format!("\n  … and {more} more"));
            }
            Err(text)
        }
    }
}

/// Where `found` differs from `expected`, leaf by leaf, as `pointer: expected …, found …`:
/// objects and lists are walked into, so a changed timestamp deep in a list of devices is one
/// line naming it, not two copies of the list. `None` is a field that is not there.
pub fn differing_values(
    pointer: &str,
    expected: Option<&Value>,
    found: Option<&Value>,
) -> Vec<String> {
    let mut differences = Vec::new();
    walk_differences(pointer.to_string(), expected, found, &mut differences);
    differences
}

fn walk_differences(
    pointer: String,
    expected: Option<&Value>,
    found: Option<&Value>,
    out: &mut Vec<String>,
) {
    let child = |key: &str| format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
    match (expected, found) {
        (Some(expected), Some(found)) if expected == found => {}
        (Some(Value::Object(expected)), Some(Value::Object(found))) => {
            for (key, value) in expected {
                walk_differences(child(key), Some(value), found.get(key), out);
            }
            for (key, value) in found {
                if !expected.contains_key(key) {
                    walk_differences(child(key), None, Some(value), out);
                }
            }
        }
        (Some(Value::Array(expected)), Some(Value::Array(found))) => {
            for index in 0..expected.len().max(found.len()) {
                walk_differences(
                    format!("{pointer}/{index}"),
                    expected.get(index),
                    found.get(index),
                    out,
                );
            }
        }
        (expected, found) => out.push(format!(
            "{pointer}: expected {}, found {}",
            shown(expected),
            shown(found)
        )),
    }
}

/// A value as a difference shows it: compact JSON, cut when long.
fn shown(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "nothing (no such field)".to_string();
    };
    let text = value.to_string();
    match text.char_indices().nth(VALUE_SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}
