//! The phone under play: the engine, drawn into one reused screen when something reads it, with
//! what conditions ask of it (the device file as JSON now and at the start, the trace, the
//! passwords checked, the notifications seen). Fixtures, tasks, lessons and agent episodes all
//! run their steps on a [`Player`] (see [`super::runner`] for the steps themselves).

use std::io::{self, Write};
use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use serde_json::Value;

use super::condition::{Condition, Facts};
use super::device_json::DeviceJson;
use crate::engine::{Engine, Start};
use crate::screens::Action;
use crate::sim::device::DeviceFile;
use crate::strings::Tr;
use crate::ui::{self, TextGrid, Theme};
use crate::view::{Role, View};

/// Where a player draws: bare text when only the text is read, a styled buffer when a cast
/// needs the colours too. The same renderer draws both.
#[derive(Clone)]
enum Drawing {
    Text(TextGrid),
    Styled(Buffer),
}

impl Drawing {
    fn draw(&mut self, view: &View, theme: &Theme) {
        match self {
            Drawing::Text(grid) => {
                ui::render_text(view, grid, theme);
            }
            Drawing::Styled(buffer) => {
                let area = buffer.area;
                ui::render(view, area, buffer, theme);
            }
        }
    }

    fn text(&mut self) -> String {
        match self {
            Drawing::Text(grid) => grid.text(),
            Drawing::Styled(buffer) => ui::buffer_text(buffer),
        }
    }
}

/// The phone under play, drawn into one reused screen: what fixtures, tasks, lessons and agent
/// episodes all run their steps on.
#[derive(Clone)]
pub struct Player {
    pub(super) engine: Engine,
    drawing: Drawing,
    /// The text of `screen`, worked out when first needed after each drawing.
    frame: Option<String>,
    pub(super) theme: Theme,
    pub(super) quit: bool,
    /// The screen is out of date (see `redraw`).
    stale: bool,
    /// The device file at the start, and as JSON at the start and now (worked out when a
    /// condition asks: most steps of a task or an agent's episode never do).
    pub(super) start_device: Arc<DeviceFile>,
    start_state: DeviceJson,
    state_now: DeviceJson,
    /// The notifications shown so far, newest last: a code read on the phone is typed on the
    /// website after switching to it, as a person remembers it.
    pub(super) seen: Vec<String>,
    /// The goal of the task the replay started from, if any.
    pub(super) goal: Option<String>,
    /// That task's success condition, if it has one.
    pub(super) success: Option<Condition>,
}

/// How many notifications a replay remembers.
const SEEN_KEPT: usize = 16;

impl Player {
    /// The phone `device` started at `start`, drawn as bare text at the start's size: what
    /// `text` and `screen` conditions read, as a person sees it.
    pub fn new(device: DeviceFile, start: Start) -> Player {
        let drawing = Drawing::Text(TextGrid::new(start.width, start.height));
        Player::on(device, start, drawing)
    }

    /// [`Player::new`] drawn with its colours, for a cast.
    pub fn styled(device: DeviceFile, start: Start) -> Player {
        let area = Rect::new(0, 0, start.width, start.height);
        Player::on(device, start, Drawing::Styled(Buffer::empty(area)))
    }

    /// From now on the player draws in colour (`width`×`height` cells), as [`Player::styled`]
    /// does: an agent that asks for pixels. The frame's text is the same, read from the colours.
    pub fn draw_styled(&mut self, width: u16, height: u16) {
        if let Drawing::Text(_) = self.drawing {
            self.drawing = Drawing::Styled(Buffer::empty(Rect::new(0, 0, width, height)));
            self.redraw();
        }
    }

    /// The styled frame as it is now, when the player draws in colour.
    pub fn buffer(&mut self) -> Option<&Buffer> {
        self.drawn();
        match &self.drawing {
            Drawing::Styled(buffer) => Some(buffer),
            Drawing::Text(_) => None,
        }
    }

    /// From now on the player plays `goal` (for `type_from: {"goal_word": n}`), checked by
    /// `success` (for `expect_task`).
    pub fn play_task(&mut self, goal: String, success: Option<Condition>) {
        self.goal = Some(goal);
        self.success = success;
    }

    /// Whether the app has quit (ctrl+c): a replay stops there.
    pub fn has_quit(&self) -> bool {
        self.quit
    }

    /// Applies an action straight to the phone (a key, a tap by id), as a person's input.
    pub fn apply(&mut self, action: Action) -> crate::engine::Outcome {
        let outcome = self.engine.apply(action);
        self.after(outcome.clone());
        outcome
    }

    /// Works the dialogs over the phone (a lesson's own) with `work`: what is done there is
    /// not input to the phone, but it is drawn.
    pub fn over<R>(&mut self, work: impl FnOnce(&mut Engine) -> R) -> R {
        let result = work(&mut self.engine);
        self.redraw();
        result
    }

    /// Whether a step since the last call asked the app to quit (`q` on Settings, Ctrl-C): a
    /// replay stops there; a task's episode goes on.
    pub fn take_quit(&mut self) -> bool {
        std::mem::take(&mut self.quit)
    }

    /// `None` when `condition` holds; else why not.
    pub fn why_not(&mut self, condition: &Condition) -> Option<String> {
        condition.why_not(self)
    }

    /// `None` when `condition` holds; else the words of the goal that are not done, when it
    /// says them (see [`Condition::unmet`]).
    pub fn unmet(&mut self, condition: &Condition) -> Option<Option<String>> {
        condition.unmet(self)
    }

    /// The device file now, as JSON.
    pub fn state(&self) -> &Value {
        Facts::state(self)
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// The device file as it was when the episode started.
    pub fn start_state(&self) -> &Value {
        Facts::start(self)
    }

    /// The device file when the episode started, as the phone holds it.
    pub fn start_device(&self) -> &DeviceFile {
        &self.start_device
    }

    /// The phone `device` started at `start`, drawn on `drawing` when something reads it.
    fn on(device: DeviceFile, start: Start, drawing: Drawing) -> Player {
        let start_device = Arc::new(device);
        let mut replay = Player {
            engine: Engine::new(Arc::clone(&start_device), start),
            drawing,
            frame: None,
            theme: Theme::miui(),
            quit: false,
            stale: true,
            start_device,
            start_state: DeviceJson::default(),
            state_now: DeviceJson::default(),
            seen: Vec::new(),
            goal: None,
            success: None,
        };
        replay.redraw();
        replay
    }

    /// From now on, `changed` and `unchanged` compare with the device as it is now, and the
    /// trace starts empty: what came before was the set-up.
    pub fn mark_start(&mut self) {
        self.start_device = self.engine.device_now();
        self.start_state = DeviceJson::default();
        self.engine.clear_trace();
        self.redraw();
    }

    /// Marks the screen out of date: it is drawn when something reads it (a transcript, a cast,
    /// a text expectation), not after every step whether read or not.
    pub(super) fn redraw(&mut self) {
        self.stale = true;
        self.frame = None;
    }

    /// Draws what is on screen now, if it is out of date. What a replay writes out never
    /// carries a password, even one the person chose to show.
    pub fn drawn(&mut self) {
        if !self.stale {
            return;
        }
        self.stale = false;
        let view = self.engine.view();
        if shows_a_password(view) {
            let mut masked = view.clone();
            masked.redact_secrets();
            self.drawing.draw(&masked, &self.theme);
        } else {
            self.drawing.draw(view, &self.theme);
        }
        self.frame = None;
    }

    /// The frame as text.
    pub fn frame(&mut self) -> &str {
        self.drawn();
        let drawing = &mut self.drawing;
        self.frame.get_or_insert_with(|| drawing.text())
    }

    /// Whether `text` is on screen: as drawn on one line, or as read across the lines it is
    /// wrapped over.
    /// Whether the screen shows `text`, or (written in another language than the phone's)
    /// one of its [`counterparts`](crate::strings::counterparts).
    pub fn shows(&mut self, text: &str) -> bool {
        self.shows_any(text, crate::strings::counterparts)
    }

    /// Whether the screen shows `text` or one of what `translate` makes of it.
    pub(super) fn shows_any(&mut self, text: &str, translate: fn(&str, Tr) -> Vec<String>) -> bool {
        if self.frame().contains(text) {
            return true;
        }
        let theme = self.theme.clone();
        let reading = ui::reading(self.frame(), &theme);
        if reading.contains(&ui::as_read(text)) {
            return true;
        }
        // Written in another language than the phone's: its words as the phone says them.
        translate(text, self.engine.tr())
            .iter()
            .any(|ours| reading.contains(&ui::as_read(ours)))
    }

    /// Writes the frame's text to `out`, straight from the grid when nothing read it yet.
    pub fn write_frame(&mut self, out: &mut dyn Write, scratch: &mut Vec<u8>) -> io::Result<()> {
        self.drawn();
        match (&self.frame, &mut self.drawing) {
            (Some(frame), _) => out.write_all(frame.as_bytes()),
            (None, Drawing::Text(grid)) => {
                scratch.clear();
                grid.write_text(scratch);
                out.write_all(scratch)
            }
            (None, Drawing::Styled(_)) => {
                let frame = self.frame();
                out.write_all(frame.as_bytes())
            }
        }
    }

    pub(super) fn after(&mut self, outcome: crate::engine::Outcome) {
        self.quit |= outcome.quit;
        if let Some(text) = &self.engine.view().notification
            && self.seen.last() != Some(text)
        {
            if self.seen.len() >= SEEN_KEPT {
                self.seen.remove(0);
            }
            self.seen.push(text.clone());
        }
        // The device file as JSON is worked out again only when it changed: conditions are
        // checked after every step of a task, and a device file is large next to a step.
        if outcome.changed {
            self.state_now = DeviceJson::default();
        }
        self.redraw();
    }
}

impl Facts for Player {
    fn state(&self) -> &Value {
        self.state_now.whole(self.engine.device())
    }

    fn start(&self) -> &Value {
        self.start_state.whole(&self.start_device)
    }

    fn state_at(&self, pointer: &str) -> Option<&Value> {
        self.state_now.at(self.engine.device(), pointer)
    }

    fn start_at(&self, pointer: &str) -> Option<&Value> {
        self.start_state.at(&self.start_device, pointer)
    }

    fn title(&self) -> &str {
        &self.engine.view().title
    }

    fn shows(&mut self, text: &str) -> bool {
        Player::shows(self, text)
    }

    fn titled(&self, title: &str) -> bool {
        let found = &self.engine.view().title;
        found == title
            || crate::strings::exact_counterparts(title, self.engine.tr()).contains(found)
    }

    fn shows_exactly(&mut self, text: &str) -> bool {
        self.shows_any(text, crate::strings::exact_counterparts)
    }

    fn trace(&self) -> &[Value] {
        self.engine.trace()
    }

    fn verifies(&mut self, hash: &str, password: &str) -> bool {
        crate::sim::cloud::verify_password(hash, password)
    }
}

/// Whether a password field shows its text (the person ticked "Show password").
fn shows_a_password(view: &View) -> bool {
    let dialog = view.dialog.iter().flat_map(|d| d.elements.iter());
    view.elements.iter().chain(dialog).any(|e| {
        e.role == Role::PasswordField
            && e.value
                .as_deref()
                .is_some_and(|v| v.chars().any(|c| c != '•'))
    })
}
