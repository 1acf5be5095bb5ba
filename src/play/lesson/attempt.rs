//! One attempt at a task: the task's phone (an episode, never the learner's own device file),
//! the learner's steps and mistakes counted, hints, the answer and "can't be done" dialogs, and
//! the result. Whether the task is done is the episode's to say, and only its.
//!
//! A step is what the reference solution counts as one: a tap (a click, or Enter on what has the
//! focus), Back, Home, the browser key, the typing of one field's text (however many
//! characters), an answer, a claim that the task can't be done. Moving the focus, scrolling,
//! editing within a field and asking for help or hints are not steps.

use chrono::{DateTime, Utc};

use super::guide::{Advice, Guide, Move, Place};
use super::mistakes::Mistakes;
use super::progress::Attempt;
use super::words::{self as w, LessonKey};
use crate::engine::keys::{self, Does, HELP_DIALOG};
use crate::engine::{Context, Engine, Key, Overlay};
use crate::layout::{self, PhoneLayout};
use crate::play::fixture::{ScrollDirection, Step, WaitDuration};
use crate::play::tasks::episode::{default_start, normalised};
use crate::play::tasks::plan::{Planner, Way};
use crate::play::tasks::variant::SolutionStep;
use crate::play::tasks::{self, Episode, Task, variant};
use crate::screens::Action;
use crate::sim::device::Language;
use crate::ui::lesson::{GoalPanel, PanelAction, Pointer};
use crate::view::{Element, Hint, Role, View};

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

    /// Says under the result that the progress could not be saved.
    pub fn not_saved(&mut self, error: &str) {
        let line = w::progress_not_saved(self.language(), error);
        if matches!(self.front(), Some(w::DIALOG_DONE | w::DIALOG_OUT)) {
            self.episode.over(|engine| {
                engine.change_overlay(|result| {
                    if let Some(text) = result.body.last_mut() {
                        text.push('\n');
                        text.push_str(&line);
                    }
                });
            });
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

    fn ask_answer(&mut self) {
        if self.episode.variant.answer.is_none() {
            self.message = Some(w::NO_QUESTION.get(self.language()).to_string());
            return;
        }
        let goal = self.goal().to_string();
        let dialog = self.typed_dialog(w::DIALOG_ANSWER, w::ANSWER_TITLE, goal, w::ANSWER_FIELD);
        self.open(dialog);
    }

    fn ask_cannot(&mut self) {
        let body = w::CANNOT_BODY.get(self.language()).to_string();
        let dialog = self.typed_dialog(w::DIALOG_CANNOT, w::CANNOT_TITLE, body, w::CANNOT_FIELD);
        self.open(dialog);
    }

    fn open_help(&mut self) {
        let help = self.help_dialog();
        self.open(help);
    }

    /// The answer and "can't be done" dialogs: a line to type, Cancel and Send.
    fn typed_dialog(&self, id: &str, title: w::Said, body: String, field: w::Said) -> Overlay {
        let language = self.language();
        Overlay::new(id, title.get(language), vec![body])
            .field(w::FIELD, field.get(language))
            .button(w::CANCEL, w::CANCEL_BUTTON.get(language))
            .button(w::SEND, w::SEND_BUTTON.get(language))
            .cancel(w::CANCEL)
            .submit(w::SEND)
            .hints(vec![
                hint(language, "", w::HINT_TYPE),
                hint(language, w::KEY_ENTER, w::HINT_SEND),
                hint(language, w::KEY_ESC, w::HINT_CANCEL),
            ])
    }

    fn send_answer(&mut self, text: &str) {
        self.count_step();
        self.episode.answer(text);
        if self.episode.done() {
            self.finish(true);
        } else {
            self.mistakes.wrong_answers += 1;
            self.message = Some(w::WRONG_ANSWER.get(self.language()).to_string());
            self.after_step_check();
        }
    }

    fn send_cannot(&mut self, reason: &str) {
        self.count_step();
        let reason = reason.trim();
        self.reason = (!reason.is_empty()).then(|| reason.to_string());
        // A task that can be done can never be done once the episode is told it cannot: the
        // claim is refused here, and the attempt goes on.
        if self.episode.variant.infeasible.is_none() {
            self.mistakes.wrong_claims += 1;
            self.message = Some(w::CAN_BE_DONE.get(self.language()).to_string());
            self.after_step_check();
            return;
        }
        self.episode.say_impossible();
        if self.episode.done() {
            self.finish(true);
        } else {
            self.message = Some(w::NOT_YET.get(self.language()).to_string());
            self.after_step_check();
        }
    }

    /// Applies an action of the learner's (by `key`, when a key did it) to the phone, counts
    /// it if it is a step, and follows the reference with it.
    fn act(&mut self, action: Action, key: Option<Key>) {
        let before_view = self.view().clone();
        let before = Place::of(&before_view);
        let counted = self.counts(&action, &before_view);
        let mut did = moves_of(&action, &before_view);
        did.extend(key.map(Move::Key));
        let _ = self.episode.apply(action.clone());
        let after = Place::of(self.view());
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

    fn finish(&mut self, done: bool) {
        self.ended = true;
        self.hint = None;
        self.message = None;
        self.typing_in = None;
        let seconds = seconds_between(self.started, self.clock);
        let language = self.language();
        self.ending = Some(Attempt {
            done,
            steps: self.steps,
            hints: self.hints,
            seconds,
            at: self.clock,
        });
        if !done {
            let lines = vec![w::out_of_steps(language, self.task.max_steps)];
            let out = Overlay::new(w::DIALOG_OUT, w::OUT_TITLE.get(language), lines)
                .button(w::TO_LIST, w::LIST_BUTTON.get(language))
                .button(w::RETRY, w::RETRY_BUTTON.get(language))
                .focus_on(w::RETRY)
                .cancel(w::TO_LIST)
                .hints(vec![
                    hint(language, w::KEY_ENTER, w::HINT_RETRY),
                    hint(language, w::KEY_ESC, w::HINT_LIST),
                ]);
            self.open(out);
            return;
        }
        // Saying "can't be done" at once, or answering from what was seen, is not shorter than
        // the reference's way: its steps are where it looked.
        let looked =
            self.episode.variant.infeasible.is_some() || self.episode.variant.answer.is_some();
        let steps = if looked {
            w::looked_steps(language, self.steps, self.guide.length)
        } else {
            w::done_steps(language, self.steps, self.guide.length)
        };
        let mut lines = vec![
            steps,
            w::done_hints(language, self.hints),
            w::done_mistakes(language, &self.mistakes),
            w::done_time(language, i64::try_from(seconds).unwrap_or(i64::MAX)),
        ];
        if let Some(why) = &self.episode.variant.infeasible {
            lines.push(w::why_it_cannot(language, why));
            if let Some(reason) = &self.reason {
                lines.push(w::your_reason(language, reason));
            }
        }
        let done = Overlay::new(
            w::DIALOG_DONE,
            w::DONE_TITLE.get(language),
            vec![lines.join("\n")],
        )
        .button(w::TO_LIST, w::LIST_BUTTON.get(language))
        .cancel(w::TO_LIST);
        let done = if self.has_next {
            done.button(w::NEXT, w::NEXT_BUTTON.get(language))
                .focus_on(w::NEXT)
                .hints(vec![
                    hint(language, w::KEY_ENTER, w::HINT_NEXT),
                    hint(language, w::KEY_ESC, w::HINT_LIST),
                ])
        } else {
            done.hints(vec![hint(language, w::KEY_ENTER, w::HINT_LIST)])
        };
        self.open(done);
    }

    /// Works out the hint for where the learner is, and shows it until the next step. Asking
    /// again for the same hint is not another hint.
    fn give_hint(&mut self) {
        if self.ended {
            return;
        }
        let advice = self.advice();
        let view = self.episode.engine().view();
        let shown = self.words_for(&advice, view);
        if self.hint.as_ref() != Some(&shown) {
            self.hints = self.hints.saturating_add(1);
        }
        self.message = None;
        self.hint = Some(shown);
    }

    /// The hint's words, and what it points at on the screen. The answer to a question and a
    /// password are never in it; text to type only when the goal gives it.
    fn words_for(&self, advice: &Advice, view: &View) -> Shown {
        let shown = |text: String, pointer: Option<Pointer>| Shown { text, pointer };
        let tr = self.episode.engine().tr();
        let language = tr.language;
        let said =
            |text: w::Said, pointer: Option<Pointer>| shown(text.get(language).into(), pointer);
        match advice {
            Advice::Undo(change, made) => {
                let mut then = self.words_for(&Advice::Do(made.clone()), view);
                then.text = w::undo_first(language, tr, change, &then.text);
                then
            }
            Advice::StartOver(changes) => {
                let question = self.episode.variant.answer.is_some();
                shown(w::start_over(language, question, changes), None)
            }
            Advice::Do(Move::Tap(id)) => {
                let Some(element) = view.find(id) else {
                    return said(w::LOST, None);
                };
                // Naming (or pointing at) what shows the answer would give it away: it is here.
                if self.gives_away(element) {
                    return said(w::ANSWER_HERE, None);
                }
                let text = w::tap(language, element.role, &element.label);
                shown(text, Some(Pointer::Element(id.clone())))
            }
            Advice::Do(Move::Type { field, text }) => {
                let Some(element) = view.find(field) else {
                    return said(w::LOST, None);
                };
                let goal = self.goal().to_lowercase();
                let words = match text {
                    _ if element.role == Role::PasswordField => {
                        w::type_password(language, &element.label)
                    }
                    Some(text) if !text.is_empty() && goal.contains(&text.to_lowercase()) => {
                        w::type_text(language, text, &element.label)
                    }
                    _ => w::fill_in(language, &element.label),
                };
                shown(words, Some(Pointer::Element(field.clone())))
            }
            Advice::Do(Move::Key(key)) => shown(w::press(language, &key.cap(tr)), None),
            Advice::Do(Move::Back) if view.dialog.is_none() => {
                said(w::GO_BACK, Some(Pointer::Back))
            }
            Advice::Do(Move::Back) => said(w::CLOSE_DIALOG, None),
            Advice::Do(Move::Scroll(ScrollDirection::Down)) => said(w::SCROLL_DOWN, None),
            Advice::Do(Move::Scroll(ScrollDirection::Up)) => said(w::SCROLL_UP, None),
            Advice::Do(Move::Wait) => said(w::WAIT, None),
            Advice::Do(Move::Answer) => said(w::ANSWER_HERE, None),
            Advice::Do(Move::CannotBeDone) => said(w::CANNOT_HINT, None),
            Advice::Lost => said(w::LOST, None),
        }
    }

    /// Whether `element` shows the answer of an answer task (that the goal does not give).
    fn gives_away(&self, element: &Element) -> bool {
        let Some(answer) = self.episode.expected_answer() else {
            return false;
        };
        let answer = answer.as_str();
        if words(answer).trim().is_empty() || has_words(self.goal(), answer) {
            return false;
        }
        [
            Some(&element.label),
            element.value.as_ref(),
            element.summary.as_ref(),
        ]
        .into_iter()
        .flatten()
        .any(|text| has_words(text, answer))
    }

    /// What the hint would advise now (the move behind its words): the next step of a plan
    /// that does the task from here.
    pub fn advice(&mut self) -> Advice {
        if Context::of(self.view()).busy {
            return Advice::Do(Move::Wait);
        }
        let planned = match self.planner.next(&mut self.episode) {
            Way::Next(planned) => planned,
            Way::StartOver(changes) => return Advice::StartOver(changes),
            Way::Done | Way::Lost => return Advice::Lost,
        };
        let engine = self.episode.engine();
        let view = engine.view();
        // A tap on a field and then typing in it is one thing to do: typing there.
        let into_field = match &planned.step {
            SolutionStep::Step(Step::TapId { id, .. })
                if view.find(id).is_some_and(|e| e.role.is_text_input()) =>
            {
                self.planner.following().and_then(|then| match &then.step {
                    SolutionStep::Step(Step::Type(text)) => Some(Move::Type {
                        field: id.clone(),
                        text: Some(text.clone()),
                    }),
                    SolutionStep::Step(Step::TypeFrom(_)) => Some(Move::Type {
                        field: id.clone(),
                        text: None,
                    }),
                    _ => None,
                })
            }
            _ => None,
        };
        let made = into_field
            .or_else(|| Move::of(&planned.step, view, |label| engine.resolve(label).ok()));
        match (made, planned.undoing) {
            (None, _) => Advice::Lost,
            (Some(made), Some(change)) => {
                Advice::Undo(serde_json::to_value(&change).unwrap_or_default(), made)
            }
            (Some(made), None) => Advice::Do(made),
        }
    }

    /// What the hint points at, while one is shown and nothing is over the phone.
    pub fn pointer(&self) -> Option<&Pointer> {
        if self.front().is_some() {
            return None;
        }
        self.hint.as_ref().and_then(|h| h.pointer.as_ref())
    }

    /// The hint's words, while one is shown: with which way to scroll while what it points at
    /// is out of sight.
    pub fn hint(&self) -> Option<String> {
        let hint = self.hint.as_ref()?;
        let viewport = self.episode.engine().viewport();
        let away = match &hint.pointer {
            Some(Pointer::Element(id)) => off_screen(self.view(), id, viewport),
            _ => None,
        };
        Some(match away {
            Some(down) => w::scroll_to(self.language(), hint.text.clone(), down),
            None => hint.text.clone(),
        })
    }

    /// What the goal panel says.
    pub fn panel(&self) -> GoalPanel {
        let at_root = {
            let context = Context::of_phone(self.view());
            context.root && !context.typing
        };
        // Over: the result's own buttons say what is next.
        let mut keys = Vec::new();
        if !self.ended {
            keys.push(w::HINT);
            if self.episode.variant.answer.is_some() {
                keys.push(w::ANSWER);
            }
            keys.extend([w::CANNOT, w::HELP]);
            if at_root {
                keys.push(w::LIST);
            }
        }
        let language = self.language();
        GoalPanel {
            heading: self.task.title_in(language).to_string(),
            goal_label: w::GOAL.get(language).to_string(),
            colon: w::colon(language).to_string(),
            goal: self.goal().to_string(),
            goal_id: w::GOAL_ID.to_string(),
            hint_label: w::HINT_LABEL.get(language).to_string(),
            hint: self.hint(),
            message: self.message.clone(),
            status: vec![
                w::steps_status(language, self.steps, self.task.max_steps),
                w::hints_status(language, self.hints),
            ],
            actions: keys
                .into_iter()
                .map(|k| PanelAction {
                    id: k.id.to_string(),
                    keys: k.keys.to_string(),
                    does: k.does.get(language).to_string(),
                })
                .collect(),
        }
    }

    /// The phone as drawn (with the lesson's dialog over it when one is open).
    pub fn view_to_draw(&self) -> View {
        let mut view = self.view().clone();
        // In a lesson, q on Settings goes back to the list of lessons: the phone's hint says so.
        for hint in &mut view.hints {
            if hint.keys == "q" {
                hint.does = w::Q_LESSONS.get(self.language());
            }
        }
        view
    }

    /// The help: the goal in full, the lesson's keys, and the phone's keys where it is.
    fn help_dialog(&self) -> Overlay {
        let tr = self.episode.engine().tr();
        let language = tr.language;
        let mut lesson = vec![w::HELP_LESSON_KEYS.get(language).to_string()];
        let mut lesson_keys = vec![w::HINT];
        if self.episode.variant.answer.is_some() {
            lesson_keys.push(w::ANSWER);
        }
        lesson_keys.extend([w::CANNOT, w::HELP, w::LIST]);
        lesson.extend(
            lesson_keys
                .iter()
                .map(|k| w::labelled(language, k.keys, k.help.get(language))),
        );
        lesson.push(w::QUIT_HELP.get(language).to_string());
        let mut phone = vec![w::HELP_PHONE_KEYS.get(language).to_string()];
        phone.extend(keys::help_lines(&Context::of(self.view()), tr));
        let body = [
            Some(w::labelled(language, w::GOAL.get(language), self.goal())),
            self.hint()
                .map(|hint| w::labelled(language, w::HINT_LABEL.get(language), &hint)),
            Some(lesson.join("\n")),
            Some(phone.join("\n")),
            Some(w::HELP_CLICK.get(language).to_string()),
        ];
        Overlay::new(
            HELP_DIALOG,
            w::HELP_TITLE.get(language),
            body.into_iter().flatten().collect(),
        )
        .button(w::CLOSE, w::CLOSE_BUTTON.get(language))
        .closes_on_anything()
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

/// Whether the page element `id` is out of sight, and which way: `Some(true)` below.
fn off_screen(view: &View, id: &str, viewport: (u16, u16)) -> Option<bool> {
    if view.dialog.is_some() {
        return None;
    }
    let (width, height) = PhoneLayout::page_size(viewport.0, viewport.1)?;
    let index = view.elements.iter().position(|e| e.id == id)?;
    let (offsets, _) = layout::element_offsets(&view.elements, width);
    let top = *offsets.get(index)?;
    let bottom = top.saturating_add(layout::element_height(view.elements.get(index)?, width));
    if top < view.scroll {
        Some(false)
    } else if bottom > view.scroll.saturating_add(height) {
        Some(true)
    } else {
        None
    }
}

/// `text`'s words (runs of letters and digits), lower case, each between spaces.
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for word in normalised(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.push_str(word);
        out.push(' ');
    }
    out
}

/// Whether `text` has the words of `part`, in a row ("4" is not in "F4", nor "Xiaomi 14").
fn has_words(text: &str, part: &str) -> bool {
    words(text).contains(&words(part))
}

/// The whole seconds from `start` to `end`, never negative.
fn seconds_between(start: DateTime<Utc>, end: DateTime<Utc>) -> u64 {
    u64::try_from((end - start).num_seconds()).unwrap_or(0)
}

/// A hint of the lesson's own dialogs' hint line.
fn hint(language: Language, keys: &'static str, does: w::Said) -> Hint {
    Hint {
        keys,
        does: does.get(language),
        drop_rank: 0,
    }
}
