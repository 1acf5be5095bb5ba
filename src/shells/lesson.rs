//! Lesson mode, `mi-settings learn`: the tasks of the catalogue as lessons. A list of them
//! (grouped by seed guide and difficulty, each done one ticked), and each lesson the task's own
//! phone — never the learner's device file — with the goal beside it, hints that point at what
//! to touch next, the answer and "can't be done" dialogs, a result, and the progress kept in a
//! small file beside the device file.
//!
//! It runs in the interactive phone's own loop ([`crate::shells::terminal::run_app`]): the same
//! keys, clicks, clock and drawing, with the lesson as the [`App`] around the phone.

use std::io;

use chrono::{DateTime, Utc};
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal};

use crate::play::lesson::attempt::{Handled, Leave, Lesson};
use crate::play::lesson::words as w;
use crate::shells::progress::ProgressFile;

use crate::engine::{Key, Outcome};
use crate::play::tasks::Task;
use crate::screens::Action;
use crate::shells::terminal::input::Input;
use crate::shells::terminal::{self, EventSource, TerminalApp};
use crate::sim::DeviceFile;
use crate::sim::device::Language;
use crate::ui::lesson::{
    LessonLayout, Picker, PickerRow, draw_lesson, draw_picker, first_shown, rows_shown,
};
use crate::ui::{HitMap, Theme};
use crate::view::View;

/// What is in front: the list, or a lesson.
enum Mode {
    Picker,
    Lesson(Box<Lesson>),
}

/// Lesson mode, as the terminal loop runs it.
pub struct Learn {
    tasks: Vec<Task>,
    /// The tasks in the list's order (by guide, then difficulty), as indexes into `tasks`.
    order: Vec<usize>,
    progress: ProgressFile,
    /// The variant every lesson uses (`--seed`); else each attempt draws its own.
    seed: Option<u64>,
    next_seed: u64,
    /// The wall clock, to the whole second, as far as the loop has told.
    now: DateTime<Utc>,
    size: (u16, u16),
    mode: Mode,
    /// The list's chosen lesson, in `order`.
    selected: usize,
    /// The list's first row shown (see [`first_shown`]).
    top: usize,
    /// News for the list (a lesson that could not start, progress that could not be saved).
    message: Option<String>,
    /// What the loop is shown as the phone while the list is in front.
    idle: View,
    /// The phones' language, and the goals'.
    language: Language,
}

impl Learn {
    /// Lesson mode over `tasks`, with the progress from `progress`. `seed` fixes the variant of
    /// every lesson; without it they start from `base_seed` and differ from attempt to attempt.
    pub fn new(
        tasks: Vec<Task>,
        progress: ProgressFile,
        seed: Option<u64>,
        base_seed: u64,
        now: DateTime<Utc>,
    ) -> Learn {
        let mut order: Vec<usize> = (0..tasks.len()).collect();
        order.sort_by_key(|&i| (tasks[i].seed_doc, tasks[i].difficulty));
        Learn {
            tasks,
            order,
            progress,
            seed,
            next_seed: base_seed,
            now: terminal::whole_seconds(now),
            size: (60, 24),
            mode: Mode::Picker,
            selected: 0,
            top: 0,
            message: None,
            idle: View::empty(),
            language: Language::En,
        }
    }

    /// Lessons on phones speaking `language`, their goals told in it.
    pub fn speaking(mut self, language: Language) -> Learn {
        self.language = language;
        self
    }

    /// Starts the lesson of task `id` (instead of the list).
    pub fn open(&mut self, id: &str) -> Result<(), String> {
        let task = crate::play::tasks::find(&self.tasks, id)?;
        let index = self
            .tasks
            .iter()
            .position(|t| t.id == task.id)
            .unwrap_or_default();
        self.start(index, None)
    }

    /// Ends the lesson in front, if any: an attempt under way counts, as one left by Ctrl-C
    /// does. For when the events end (the terminal closed) without the learner quitting.
    /// Returns why the progress could not be saved, if it could not.
    pub fn close(&mut self) -> Option<String> {
        self.message = None;
        self.record(true);
        self.mode = Mode::Picker;
        self.message.take()
    }

    /// The progress as it is now.
    pub fn progress(&self) -> &crate::play::lesson::progress::Progress {
        &self.progress.progress
    }

    /// The lesson in front, if one is.
    pub fn lesson(&self) -> Option<&Lesson> {
        match &self.mode {
            Mode::Lesson(lesson) => Some(lesson),
            Mode::Picker => None,
        }
    }

    /// Starts task `index` (of `tasks`), with `seed` or a new one; a task that cannot start
    /// leaves the list in front, saying why.
    fn start(&mut self, index: usize, seed: Option<u64>) -> Result<(), String> {
        let Some(task) = self.tasks.get(index) else {
            return Ok(());
        };
        if let Some(at) = self.order.iter().position(|&i| i == index) {
            self.selected = at;
        }
        let seed = seed.or(self.seed).unwrap_or_else(|| {
            self.next_seed = self.next_seed.wrapping_add(1);
            self.next_seed
        });
        let has_next = self.selected + 1 < self.order.len();
        let (width, height) = self.size;
        let size = |goal: &str| {
            let phone = LessonLayout::new(Rect::new(0, 0, width, height), goal).phone;
            (phone.width, phone.height)
        };
        match Lesson::start(task, seed, self.language, self.now, has_next, size) {
            Ok(lesson) => {
                self.message = None;
                self.mode = Mode::Lesson(Box::new(lesson));
                self.fit_lesson();
                Ok(())
            }
            Err(e) => {
                self.mode = Mode::Picker;
                self.message = Some(e.clone());
                Err(e)
            }
        }
    }

    /// The lesson's phone takes the part of the terminal its layout gives it.
    fn fit_lesson(&mut self) {
        let (width, height) = self.size;
        if let Mode::Lesson(lesson) = &mut self.mode {
            let layout = LessonLayout::new(Rect::new(0, 0, width, height), lesson.goal());
            lesson.fit(layout.phone.width, layout.phone.height);
        }
    }

    /// Keeps how the lesson in front ended (or, when `leaving`, that it was left unfinished).
    fn record(&mut self, leaving: bool) {
        let Mode::Lesson(lesson) = &mut self.mode else {
            return;
        };
        let attempt = match lesson.take_ending() {
            Some(attempt) => attempt,
            None if leaving && lesson.started() && !lesson.ended() => lesson.abandoned(self.now),
            None => return,
        };
        let id = lesson.task.id.clone();
        if let Err(e) = self.progress.record(&id, &attempt) {
            let first = e.lines().next().unwrap_or_default().to_string();
            lesson.not_saved(&first);
            self.message = Some(w::progress_not_saved(self.language, &first));
        }
    }

    /// After the lesson took an input: keeps its end, and leaves it when asked.
    fn after_lesson(&mut self, leave: Option<Leave>) -> Option<Outcome> {
        self.record(leave.is_some());
        let Some(leave) = leave else {
            return Some(Outcome::default());
        };
        let (index, seed) = match &self.mode {
            Mode::Lesson(lesson) => (
                self.tasks.iter().position(|t| t.id == lesson.task.id),
                lesson.seed,
            ),
            Mode::Picker => (None, 0),
        };
        match leave {
            Leave::Quit => {
                self.mode = Mode::Picker;
                return Some(Outcome {
                    quit: true,
                    ..Outcome::default()
                });
            }
            Leave::List => self.mode = Mode::Picker,
            Leave::Retry => {
                if let Some(index) = index {
                    let _ = self.start(index, Some(seed));
                }
            }
            Leave::Next => match self.order.get(self.selected + 1).copied() {
                Some(next) => {
                    let _ = self.start(next, None);
                }
                None => self.mode = Mode::Picker,
            },
        }
        Some(Outcome::default())
    }

    /// How many of the list's rows the terminal shows.
    fn picker_page(&self) -> usize {
        rows_shown(self.size.1, self.message.is_some())
    }

    /// Scrolls the list by a page (`down` or up): the rows move by a page less one, and the
    /// choice with them, to the lesson nearest where it was on the screen.
    fn page_picker(&mut self, down: bool) {
        let picker = self.picker();
        let rows = picker.rows.len();
        let page = self.picker_page();
        let by = page.saturating_sub(1).max(1);
        let top = first_shown(self.top, picker.selected, page, rows);
        let (top, wanted) = if down {
            (
                top.saturating_add(by).min(rows.saturating_sub(page)),
                picker.selected.saturating_add(by),
            )
        } else {
            (top.saturating_sub(by), picker.selected.saturating_sub(by))
        };
        // The lessons' rows, in order: the nth is the nth lesson.
        let items: Vec<usize> = (0..rows)
            .filter(|&row| matches!(picker.rows[row], PickerRow::Item { .. }))
            .collect();
        let nearest = if down {
            items.iter().position(|&row| row >= wanted)
        } else {
            items.iter().rposition(|&row| row <= wanted)
        };
        self.selected = nearest.unwrap_or(if down {
            items.len().saturating_sub(1)
        } else {
            0
        });
        self.top = top;
    }

    /// Keeps the chosen lesson in sight and the list full, after a move.
    fn keep_choice_in_sight(&mut self) {
        let picker = self.picker();
        self.top = first_shown(
            self.top,
            picker.selected,
            self.picker_page(),
            picker.rows.len(),
        );
    }

    fn picker_key(&mut self, key: Key) -> Option<Outcome> {
        let outcome = self.picker_key_moved(key);
        self.keep_choice_in_sight();
        outcome
    }

    fn picker_key_moved(&mut self, key: Key) -> Option<Outcome> {
        let last = self.order.len().saturating_sub(1);
        match key {
            Key::Up | Key::Char('k') | Key::BackTab => {
                self.selected = self.selected.saturating_sub(1)
            }
            Key::Down | Key::Char('j') | Key::Tab => self.selected = (self.selected + 1).min(last),
            Key::PageUp => self.page_picker(false),
            Key::PageDown => self.page_picker(true),
            Key::Home | Key::Char('g') => {
                self.selected = 0;
                self.top = 0;
            }
            Key::End | Key::Char('G') => self.selected = last,
            Key::Enter | Key::Char(' ') => {
                let index = self.order.get(self.selected).copied()?;
                let _ = self.start(index, None);
            }
            Key::Char('q') | Key::Esc | Key::Ctrl('c') => {
                return Some(Outcome {
                    quit: true,
                    ..Outcome::default()
                });
            }
            _ => return None,
        }
        Some(Outcome::default())
    }

    fn picker_action(&mut self, action: Action) -> Option<Outcome> {
        match action {
            Action::Tap(id) => {
                let index = self.tasks.iter().position(|t| t.id == id)?;
                let _ = self.start(index, None);
            }
            Action::Scroll(lines) => {
                let last = self.order.len().saturating_sub(1);
                let by = usize::try_from(lines.unsigned_abs()).unwrap_or(usize::MAX);
                self.selected = if lines < 0 {
                    self.selected.saturating_sub(by)
                } else {
                    self.selected.saturating_add(by).min(last)
                };
                self.keep_choice_in_sight();
            }
            _ => return None,
        }
        Some(Outcome::default())
    }

    /// The list, described.
    pub fn picker(&self) -> Picker {
        let language = self.language;
        let mut rows = Vec::new();
        let mut selected = 0;
        let mut group = None;
        for (at, &index) in self.order.iter().enumerate() {
            let Some(task) = self.tasks.get(index) else {
                continue;
            };
            let this_group = (task.seed_doc, task.difficulty);
            if group != Some(this_group) {
                group = Some(this_group);
                let guide = task.seed_doc.number();
                rows.push(PickerRow::Heading(w::group(
                    language,
                    guide,
                    w::guide_about(language, guide),
                    w::difficulty(language, task.difficulty),
                )));
            }
            if at == self.selected {
                selected = rows.len();
            }
            let record = self.progress.progress.tasks.get(&task.id);
            let detail = match record {
                Some(r) if r.done => r
                    .best_steps
                    .map(|steps| w::best(language, steps))
                    .unwrap_or_default(),
                Some(r) if r.attempts > 0 => w::tried(language, r.attempts),
                _ => String::new(),
            };
            rows.push(PickerRow::Item {
                id: task.id.clone(),
                done: record.is_some_and(|r| r.done),
                label: task.title_in(language).to_string(),
                detail,
            });
        }
        let done = self
            .tasks
            .iter()
            .filter(|t| self.progress.progress.done(&t.id))
            .count();
        Picker {
            title: w::PICKER_TITLE.get(language).to_string(),
            summary: w::picker_summary(language, done, self.tasks.len()),
            rows,
            selected,
            top: self.top,
            keys: w::PICKER_KEYS.get(language).to_string(),
            message: self.message.clone(),
            too_small: w::TOO_SMALL.get(language).to_string(),
        }
    }
}

impl TerminalApp for Learn {
    fn view(&self) -> &View {
        match &self.mode {
            Mode::Lesson(lesson) => lesson.view(),
            Mode::Picker => &self.idle,
        }
    }

    fn now(&self) -> DateTime<Utc> {
        self.now
    }

    fn pass_time(&mut self, now: DateTime<Utc>) -> Outcome {
        let seconds = (now - self.now).num_seconds();
        self.now = now;
        if let Mode::Lesson(lesson) = &mut self.mode {
            lesson.pass_time(seconds, now);
        }
        self.record(false);
        Outcome::default()
    }

    fn fit(&mut self, width: u16, height: u16) -> Option<Outcome> {
        self.size = (width, height);
        self.fit_lesson();
        None
    }

    fn input(&mut self, input: Input) -> Option<Outcome> {
        if let Input::Action(Action::Resize { width, height }) = input {
            self.size = (width, height);
            self.fit_lesson();
            return Some(Outcome::default());
        }
        let now = self.now;
        let response = match (&mut self.mode, input) {
            (Mode::Picker, Input::Key(key)) => return self.picker_key(key),
            (Mode::Picker, Input::Action(action)) => return self.picker_action(action),
            (Mode::Picker, Input::Paste(_)) => return None,
            (Mode::Lesson(lesson), Input::Key(key)) => lesson.key(key, now),
            (Mode::Lesson(lesson), Input::Action(action)) => lesson.action(action, now),
            (Mode::Lesson(lesson), Input::Paste(text)) => lesson.paste(&text, now),
        };
        match response {
            Handled::Ignored => None,
            Handled::Stay => self.after_lesson(None),
            Handled::Leave(leave) => self.after_lesson(Some(leave)),
        }
    }

    fn draw(&mut self, frame: &mut Frame, theme: &Theme) -> HitMap {
        let area = frame.area();
        match &self.mode {
            Mode::Picker => draw_picker(&self.picker(), area, frame.buffer_mut(), theme),
            Mode::Lesson(lesson) => draw_lesson(
                &lesson.view_to_draw(),
                &lesson.panel(),
                lesson.pointer(),
                area,
                frame.buffer_mut(),
                theme,
            ),
        }
    }

    /// A lesson's phone is the task's, never saved.
    fn device(&self) -> Option<&DeviceFile> {
        None
    }

    fn not_saved(&mut self, _reason: &str) {}
}

/// Runs lesson mode until the learner quits or the events end.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    clock: &mut impl FnMut() -> DateTime<Utc>,
    learn: &mut Learn,
    theme: &Theme,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    // Nothing of a lesson is saved to a device file.
    let mut nothing_saved = |_: &DeviceFile| -> Result<(), String> { Ok(()) };
    terminal::run_app(terminal, events, clock, learn, &mut nothing_saved, theme)?;
    Ok(())
}
