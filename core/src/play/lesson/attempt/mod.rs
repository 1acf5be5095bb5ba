//! One attempt at a task: the task's phone (an episode, never the learner's own device file),
//! the learner's steps and mistakes counted, hints, the answer and "can't be done" dialogs, and
//! the result. Whether the task is done is the episode's to say, and only its.
//!
//! A step is what the reference solution counts as one: a tap (a click, or Enter on what has the
//! focus), Back, Home, the browser key, the typing of one field's text (however many
//! characters), an answer, a claim that the task can't be done. Moving the focus, scrolling,
//! editing within a field and asking for help or hints are not steps.

mod dialogs;
mod hints;

use chrono::{DateTime, Utc};

use super::guide::{Guide, Move, Whereabouts};
use super::mistakes::Mistakes;
use super::progress::Attempt;
use super::words::{self as w, LessonKey};
use crate::engine::keys::{self, Does};
use crate::engine::{Context, Engine, Key, Overlay};
use crate::play::fixture::{ScrollDirection, Step, WaitDuration};
use crate::play::tasks::episode::default_start;
use crate::play::tasks::plan::Planner;
use crate::play::tasks::{self, Episode, Task, variant};
use crate::screens::Action;
use crate::sim::device::Language;
use crate::ui::lesson::Pointer;
use crate::view::{Role, View};

/// The smallest size a task's phone is made at: what `tasks check` runs at, so that a condition
/// on what the screen shows reads at least what it read there.
const SMALLEST: (u16, u16) = (60, 24);

/// What the learner asked to do next, when it is to leave this attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    /// Back to the list of lessons.
    List,
    /// On to the next task.
    Next,
    /// The same task again, from the start.
    Retry,
    /// Quit the program.
    Quit,
}

/// What an input did to the attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// Nothing: the input has no use here.
    Ignored,
    /// Handled; the attempt goes on.
    Stay,
    /// The learner leaves the attempt.
    Leave(Leave),
}

/// The hint shown, until the next step.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shown {
    text: String,
    pointer: Option<Pointer>,
}

pub struct Lesson {
    pub task: Task,
    pub seed: u64,
    episode: Episode,
    guide: Guide,
    /// Finds the way home from wherever the learner is: what the hints say.
    planner: Planner,
    steps: u32,
    hints: u32,
    mistakes: Mistakes,
    /// The wall clock when the attempt began.
    started: DateTime<Utc>,
    hint: Option<Shown>,
    message: Option<String>,
    /// The field being typed into: typing on in it is the same step.
    typing_in: Option<String>,
    /// How many of the reference's moves the learner has followed.
    followed: usize,
    /// Done, or out of steps.
    ended: bool,
    /// How it ended, until the shell has recorded it.
    ending: Option<Attempt>,
    /// The reason given with "can't be done".
    reason: Option<String>,
    /// Whether there is a task after this one in the list.
    has_next: bool,
    /// The wall clock at the last input.
    clock: DateTime<Utc>,
}

/// The task's phone at the size the lesson shows it (`size` of the goal; at least
/// [`SMALLEST`]): the variant for `seed` with its set-up run, as `tasks::episode` makes it.
fn episode_at(
    task: &Task,
    seed: u64,
    language: Language,
    size: impl Fn(&str) -> (u16, u16),
) -> Result<Episode, String> {
    let device = tasks::start_device(task)?;
    let variant = variant::draw(task, seed, &device).map_err(|e| format!("{}: {e}", task.id))?;
    let (width, height) = size(variant.goal_in(language));
    let case_device = variant
        .case
        .as_ref()
        .and_then(|value| task.cases.get(value))
        .and_then(|case| case.device.clone());
    let mut device = match case_device {
        Some(other) => {
            let mut with_case = task.clone();
            with_case.start.device = Some(other);
            tasks::start_device(&with_case)?
        }
        None => device,
    };
    device.phone.language = language;
    let mut start = default_start(seed, task.start.clock);
    start.width = width.max(SMALLEST.0);
    start.height = height.max(SMALLEST.1);
    Episode::start(variant, device, start).map_err(|e| format!("{}: {e}", task.id))
}

impl Lesson {
    /// A fresh attempt at `task`'s variant `seed`, its phone shown at `size` (of the goal's
    /// words, which take room beside or under it).
    pub fn start(
        task: &Task,
        seed: u64,
        language: Language,
        now: DateTime<Utc>,
        has_next: bool,
        size: impl Fn(&str) -> (u16, u16),
    ) -> Result<Lesson, String> {
        let mut episode = episode_at(task, seed, language, &size)?;
        let (width, height) = size(&episode.variant.goal);
        if episode.engine().viewport() != (width, height) {
            episode.apply(Action::Resize { width, height });
        }
        let reference = tasks::episode_in(task, seed, language)?;
        let guide = Guide::new(&mut reference.clone());
        let planner = Planner::new(reference);
        Ok(Lesson {
            task: task.clone(),
            seed,
            episode,
            guide,
            planner,
            steps: 0,
            hints: 0,
            mistakes: Mistakes::default(),
            started: now,
            hint: None,
            message: None,
            typing_in: None,
            followed: 0,
            ended: false,
            ending: None,
            reason: None,
            has_next,
            clock: now,
        })
    }

    pub fn goal(&self) -> &str {
        &self.episode.variant.goal
    }

    /// The language the phone speaks, and the lesson with it.
    pub fn language(&self) -> Language {
        self.episode.engine().tr().language
    }

    /// The phone as it is.
    pub fn view(&self) -> &View {
        self.episode.engine().view()
    }

    pub fn steps(&self) -> u32 {
        self.steps
    }

    pub fn mistakes(&self) -> Mistakes {
        self.mistakes
    }

    /// Whether it was done.
    pub fn done(&self) -> bool {
        self.ended && self.front() == Some(w::DIALOG_DONE)
    }

    /// Whether it is over (done, or out of steps).
    pub fn ended(&self) -> bool {
        self.ended
    }

    /// Whether the learner has done anything that counts.
    pub fn started(&self) -> bool {
        self.steps > 0
    }

    /// How the attempt ended, once (for the progress file).
    pub fn take_ending(&mut self) -> Option<Attempt> {
        self.ending.take()
    }

    /// An attempt left before its end, as the progress file counts it.
    pub fn abandoned(&self, now: DateTime<Utc>) -> Attempt {
        Attempt {
            done: false,
            steps: self.steps,
            hints: self.hints,
            seconds: seconds_between(self.started, now),
            at: now,
        }
    }

    /// The phone is shown at `width` x `height`.
    pub fn fit(&mut self, width: u16, height: u16) {
        if self.episode.engine().viewport() != (width, height) {
            // Not a step: the learner did nothing.
            self.episode.apply(Action::Resize { width, height });
        }
    }

    /// `seconds` of the wall clock have passed, to `now`: the phone's clock moves on as much.
    pub fn pass_time(&mut self, seconds: i64, now: DateTime<Utc>) {
        // Behind the result, the phone stands still.
        self.clock = now;
        if seconds <= 0 || self.ended {
            return;
        }
        let _ = self
            .episode
            .step(&Step::Wait(WaitDuration::from_seconds(seconds)));
        self.check();
    }

    /// A key.
    pub fn key(&mut self, key: Key, now: DateTime<Utc>) -> Handled {
        self.clock = now;
        if key == Key::Ctrl('c') {
            return Handled::Leave(Leave::Quit);
        }
        if let Some(front) = self.front() {
            // On the result, q goes back to the list, as the phone's q leaves the lesson.
            if key == Key::Char('q') && matches!(front, w::DIALOG_DONE | w::DIALOG_OUT) {
                return Handled::Leave(Leave::List);
            }
            let outcome = self.episode.over(|engine| engine.press(key));
            return self.chosen(outcome.chosen);
        }
        let lesson_key = |k: LessonKey| k.key == key;
        if lesson_key(w::HINT) {
            self.give_hint();
            return Handled::Stay;
        }
        if lesson_key(w::ANSWER) {
            self.ask_answer();
            return Handled::Stay;
        }
        if lesson_key(w::CANNOT) {
            self.ask_cannot();
            return Handled::Stay;
        }
        match keys::resolve(key, &Context::of(self.view())) {
            Some(Does::Help) => {
                self.open_help();
                Handled::Stay
            }
            // The phone's quit (q on Settings) leaves the lesson for the list.
            Some(Does::Act(Action::Quit)) => Handled::Leave(Leave::List),
            Some(Does::CloseHelp | Does::Wait) | None => Handled::Ignored,
            Some(does) => match does.action(key) {
                Some(action) => {
                    self.act(action, Some(key));
                    Handled::Stay
                }
                None => Handled::Ignored,
            },
        }
    }

    /// A click, the wheel, or text pasted (`paste`).
    pub fn action(&mut self, action: Action, now: DateTime<Utc>) -> Handled {
        self.clock = now;
        if self.front().is_some() {
            let outcome = self.episode.over(|engine| engine.apply(action));
            return self.chosen(outcome.chosen);
        }
        if let Action::Tap(id) = &action {
            match id.as_str() {
                id if id == w::HINT.id => {
                    self.give_hint();
                    return Handled::Stay;
                }
                id if id == w::ANSWER.id => {
                    self.ask_answer();
                    return Handled::Stay;
                }
                id if id == w::CANNOT.id => {
                    self.ask_cannot();
                    return Handled::Stay;
                }
                id if id == w::HELP.id || id == w::GOAL_ID => {
                    self.open_help();
                    return Handled::Stay;
                }
                id if id == w::LIST.id => return Handled::Leave(Leave::List),
                _ => {}
            }
        }
        self.act(action, None);
        Handled::Stay
    }

    /// Text pasted: into the lesson's line when one is open, else the phone's field.
    pub fn paste(&mut self, text: &str, now: DateTime<Utc>) -> Handled {
        self.clock = now;
        if self.front().is_some() {
            let typed = Action::Type(text.to_string());
            self.episode.over(|engine| engine.apply(typed));
            return Handled::Stay;
        }
        if Context::of(self.view()).typing {
            self.act(Action::Type(text.to_string()), None);
            return Handled::Stay;
        }
        Handled::Ignored
    }

    /// The id of the lesson's dialog in front, if one is open.
    fn front(&self) -> Option<&str> {
        self.episode.engine().overlay().map(|o| o.id.as_str())
    }

    fn open(&mut self, overlay: Overlay) {
        self.episode.over(|engine| engine.open(overlay));
    }

    /// What the button chosen on the dialog in front does.
    fn chosen(&mut self, chosen: Option<String>) -> Handled {
        let Some(id) = chosen else {
            return Handled::Stay;
        };
        match id.as_str() {
            w::SEND => {
                let front = self.front().map(str::to_string);
                let closed = self.episode.over(Engine::close_overlay);
                let text = closed.as_ref().map_or("", |o| o.text()).to_string();
                if front.as_deref() == Some(w::DIALOG_ANSWER) {
                    self.send_answer(&text);
                } else {
                    self.send_cannot(&text);
                }
                Handled::Stay
            }
            w::CANCEL => {
                self.episode.over(Engine::close_overlay);
                Handled::Stay
            }
            w::NEXT => Handled::Leave(Leave::Next),
            w::TO_LIST => Handled::Leave(Leave::List),
            w::RETRY => Handled::Leave(Leave::Retry),
            // The help's Close: the help closed itself.
            _ => Handled::Stay,
        }
    }

    /// Applies an action of the learner's (by `key`, when a key did it) to the phone, counts
    /// it if it is a step, and follows the reference with it.
    fn act(&mut self, action: Action, key: Option<Key>) {
        let before_view = self.view().clone();
        let before = Whereabouts::of(&before_view);
        let counted = self.counts(&action, &before_view);
        let mut did = moves_of(&action, &before_view);
        did.extend(key.map(Move::Key));
        let _ = self.episode.apply(action.clone());
        let after = Whereabouts::of(self.view());
        self.followed = self.guide.advance(self.followed, &before, &did, &after);
        if counted {
            self.count_step();
            let view = self.episode.engine().view();
            if action == Action::Back {
                self.mistakes.backs += 1;
            }
            if before != after && !self.guide.on_path(&after) {
                self.mistakes.wrong_turns += 1;
            }
            if wrong_password(&before_view, view) {
                self.mistakes.wrong_passwords += 1;
            }
        }
        self.check();
    }

    /// Whether `action`, taken on `before`, is a step.
    fn counts(&mut self, action: &Action, before: &View) -> bool {
        match action {
            Action::Tap(_)
            | Action::Activate
            | Action::Back
            | Action::Home
            | Action::SwitchSurface => {
                self.typing_in = None;
                true
            }
            Action::Type(_) => {
                let field = before.focused().map(|e| e.id.to_string());
                if field.is_some() && self.typing_in == field {
                    false
                } else {
                    self.typing_in = field;
                    true
                }
            }
            _ => false,
        }
    }

    /// A step was taken: the hint and message it answered are done with.
    fn count_step(&mut self) {
        self.steps = self.steps.saturating_add(1);
        self.hint = None;
        self.message = None;
    }

    /// Ends the attempt when the episode says the task is done, or when no step is left.
    fn check(&mut self) {
        if self.ended {
            return;
        }
        if self.episode.done() {
            self.finish(true);
        } else {
            self.after_step_check();
        }
    }

    /// Out of steps, when the last allowed step did not do it.
    fn after_step_check(&mut self) {
        if !self.ended && self.steps >= self.task.max_steps {
            self.finish(false);
        }
    }
}

/// What the learner's `action` on `before` is, as the reference's moves are written (Enter on
/// a row is a tap on it, and Enter too).
fn moves_of(action: &Action, before: &View) -> Vec<Move> {
    let focused = before.focused().map(|e| e.id.to_string());
    match action {
        Action::Tap(id) => vec![Move::Tap(id.clone())],
        Action::Activate => {
            let mut moves = vec![Move::Key(Key::Enter)];
            moves.extend(focused.map(Move::Tap));
            moves
        }
        Action::Type(_) => focused
            .map(|field| Move::Type { field, text: None })
            .into_iter()
            .collect(),
        Action::Back => vec![Move::Back, Move::Key(Key::Esc)],
        Action::PageDown => vec![Move::Scroll(ScrollDirection::Down)],
        Action::PageUp => vec![Move::Scroll(ScrollDirection::Up)],
        Action::Scroll(lines) if *lines > 0 => vec![Move::Scroll(ScrollDirection::Down)],
        Action::Scroll(_) => vec![Move::Scroll(ScrollDirection::Up)],
        Action::SwitchSurface => vec![Move::Key(Key::F(2))],
        Action::Home => vec![Move::Key(Key::F(3))],
        _ => Vec::new(),
    }
}

/// A password sent and refused: a password field that held something is empty now, and an
/// error or a message says why.
fn wrong_password(before: &View, after: &View) -> bool {
    let emptied = before.active_elements().iter().any(|field| {
        field.role == Role::PasswordField
            && field.value.as_deref().is_some_and(|v| !v.is_empty())
            && after
                .find(&field.id)
                .is_some_and(|now| now.value.as_deref().unwrap_or("").is_empty())
    });
    let said = after.toast.is_some()
        || after
            .active_elements()
            .iter()
            .any(|e| e.role == Role::Error);
    emptied && said
}

/// The whole seconds from `start` to `end`, never negative.
fn seconds_between(start: DateTime<Utc>, end: DateTime<Utc>) -> u64 {
    u64::try_from((end - start).num_seconds()).unwrap_or(0)
}
