//! The interactive phone: terminal events in, the engine updated, frames out. Generic over the
//! ratatui backend and the event source, so tests drive exactly this code on a `TestBackend`
//! with scripted keys and clicks.

pub mod input;

use std::io;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Timelike, Utc};
use crossterm::event::Event;
use ratatui::backend::Backend;
use ratatui::{Frame, Terminal};

use crate::engine::{Engine, Outcome as Applied};
use crate::screens::Action;
use crate::sim::device::DeviceFile;
use crate::strings::S;
use crate::ui::{self, HitMap, Theme};
use crate::view::View;
use input::Input;

/// How long to wait for input before looking at the clock again: well under a second, so the
/// phone's whole-second clock moves on every second (the status bar shows minutes, and toasts
/// expire after seconds).
const IDLE_TICK: StdDuration = StdDuration::from_millis(500);

/// The phone's time for a wall-clock time: the whole second it falls in.
///
/// The interactive phone's clock moves in whole seconds, as a replay's does (its `wait` steps are
/// whole seconds), so that whatever happened at a time in a session — a code sent, a toast, the
/// end of "Signing out…", every timestamp in the device file — happens at the same time when its
/// recording is replayed. Nothing a person sees shows fractions of a second.
pub fn whole_seconds(time: DateTime<Utc>) -> DateTime<Utc> {
    time.with_nanosecond(0).unwrap_or(time)
}

/// Takes over the real terminal (raw mode, the alternate screen, mouse capture), runs `f` on it,
/// and gives the terminal back as it was, on a panic too.
pub fn with_terminal<T>(f: impl FnOnce(&mut ratatui::DefaultTerminal) -> T) -> Result<T, String> {
    use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
    let mut terminal = ratatui::try_init().map_err(|e| {
        // A half-done set-up (raw mode on, no alternate screen) must not outlive us either.
        ratatui::restore();
        format!("cannot set up the terminal: {e}")
    })?;
    // ratatui::try_init restores the screen on panic; mouse capture must be released too, or the
    // shell is left printing escape codes on every click.
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
        ratatui_hook(info);
    }));
    let _ = crossterm::execute!(std::io::stdout(), EnableMouseCapture);
    let result = f(&mut terminal);
    let _ = crossterm::execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = std::io::Write::flush(&mut std::io::stdout());
    Ok(result)
}

/// What an event source produced.
pub enum Next {
    Event(Event),
    /// Nothing happened within the timeout.
    Idle,
    /// No more events will come (end of a script); the loop stops.
    Closed,
}

/// Where terminal events come from.
pub trait EventSource {
    fn next(&mut self, timeout: StdDuration) -> io::Result<Next>;
}

/// Events from the real terminal.
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next(&mut self, timeout: StdDuration) -> io::Result<Next> {
        if crossterm::event::poll(timeout)? {
            Ok(Next::Event(crossterm::event::read()?))
        } else {
            Ok(Next::Idle)
        }
    }
}

/// A fixed list of events, then `Closed`: for tests.
pub struct ScriptedEvents(pub std::collections::VecDeque<Event>);

impl EventSource for ScriptedEvents {
    fn next(&mut self, _timeout: StdDuration) -> io::Result<Next> {
        Ok(self.0.pop_front().map_or(Next::Closed, Next::Event))
    }
}

/// What the shell around the loop does with its results: save the device file, and optionally
/// watch each action (recording).
pub trait Hooks {
    /// Saves the device file; returns a one-line message on failure.
    fn save(&mut self, device: &DeviceFile) -> Result<(), String>;

    /// Called after each action a person caused, with the view they acted on and the time.
    fn observe(&mut self, _action: &Action, _view: &View, _now: DateTime<Utc>) {}

    /// Called when the clock has moved on to `now` (a whole second) and the phone has caught up
    /// with it, before anything is done at that time. `changed` says whether catching up changed
    /// what is shown or the device file (a toast went, "Signing out…" finished, a sync ran).
    fn time_passed(&mut self, _now: DateTime<Utc>, _changed: bool) {}
}

/// A plain function is a shell that only saves.
impl<F: FnMut(&DeviceFile) -> Result<(), String>> Hooks for F {
    fn save(&mut self, device: &DeviceFile) -> Result<(), String> {
        self(device)
    }
}

/// How a session ended.
#[derive(Debug, Default)]
pub struct SessionEnd {
    /// Saves that failed, in order (also shown on screen as they happen).
    pub save_errors: Vec<String>,
    /// Every action applied, in order (what `--record` writes).
    pub actions: Vec<Action>,
}

/// What the loop runs: the phone itself (an [`Engine`]), or a shell that wraps one and adds its
/// own keys, panels and screens (a lesson). The loop owns the terminal, the events and the clock;
/// the app owns what they mean.
pub trait TerminalApp {
    /// The phone's view as it is now: what a recording sees each action taken on, and what the
    /// loop compares to tell whether time passing changed the picture.
    fn view(&self) -> &View;

    /// The time the app has caught up with.
    fn now(&self) -> DateTime<Utc>;

    /// The clock has moved on to `now` (a whole second, later than [`TerminalApp::now`]): let the phone
    /// catch up with one tick there.
    fn pass_time(&mut self, now: DateTime<Utc>) -> Applied;

    /// The terminal is `width` x `height` at the start: lay out for it, if that is news.
    fn fit(&mut self, width: u16, height: u16) -> Option<Applied>;

    /// One input; `None` when it does nothing (no redraw follows).
    fn input(&mut self, input: Input) -> Option<Applied>;

    /// Draws everything on the frame; returns where clicks land.
    fn draw(&mut self, frame: &mut Frame, theme: &Theme) -> HitMap;

    /// The device file to save when an input or tick says it changed (none: nothing is saved).
    fn device(&self) -> Option<&DeviceFile>;

    /// Says on screen that saving the device file failed, and why.
    fn not_saved(&mut self, reason: &str);
}

/// The plain phone: keys through the key table, clicks as taps, the whole terminal to draw on.
impl TerminalApp for Engine {
    fn view(&self) -> &View {
        Engine::view(self)
    }

    fn now(&self) -> DateTime<Utc> {
        Engine::now(self)
    }

    fn pass_time(&mut self, now: DateTime<Utc>) -> Applied {
        self.set_clock(now);
        self.apply(Action::Tick)
    }

    fn fit(&mut self, width: u16, height: u16) -> Option<Applied> {
        // The engine was made for a terminal size; only a different one is news. (A replay
        // starts from the engine as made, so an update here would be one a recording cannot
        // reproduce.)
        (self.viewport() != (width, height)).then(|| self.apply(Action::Resize { width, height }))
    }

    fn input(&mut self, input: Input) -> Option<Applied> {
        match input {
            Input::Key(key) => Some(self.press(key)),
            Input::Action(action) => Some(self.apply(action)),
            // Pasted text goes into the focused field, as typing would.
            Input::Paste(text) if self.context().typing => Some(self.apply(Action::Type(text))),
            Input::Paste(_) => None,
        }
    }

    fn draw(&mut self, frame: &mut Frame, theme: &Theme) -> HitMap {
        ui::draw(Engine::view(self), frame, theme)
    }

    fn device(&self) -> Option<&DeviceFile> {
        Some(Engine::device(self))
    }

    fn not_saved(&mut self, reason: &str) {
        let text = self.tr().fill(S::NotSaved, &[("reason", &reason)]);
        self.toast(text);
    }
}

/// Runs the phone until the person quits or the events end.
///
/// Time passes the way a replay lets it pass: whenever the clock (taken to the whole second) has
/// moved on, the phone first catches up with one tick at the new time, and only then is the event
/// that came applied, at that same time. An idle poll does nothing else, so the phone's state
/// only ever changes on a whole-second tick or on something the person did.
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    clock: &mut impl FnMut() -> DateTime<Utc>,
    engine: &mut Engine,
    hooks: &mut impl Hooks,
    theme: &Theme,
) -> io::Result<SessionEnd>
where
    B::Error: Send + Sync + 'static,
{
    run_app(terminal, events, clock, engine, hooks, theme)
}

/// [`run`] for any [`TerminalApp`]: the same loop, clock and hooks around a shell of the phone.
pub fn run_app<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    clock: &mut impl FnMut() -> DateTime<Utc>,
    app: &mut impl TerminalApp,
    hooks: &mut impl Hooks,
    theme: &Theme,
) -> io::Result<SessionEnd>
where
    B::Error: Send + Sync + 'static,
{
    let mut outcome = SessionEnd::default();
    let size = terminal.size().map_err(io::Error::other)?;
    let before = app.view().clone();
    let_time_pass(app, hooks, &mut outcome, clock(), &before);
    if let Some(applied) = app.fit(size.width, size.height) {
        carry_out(app, hooks, &mut outcome, &applied);
    }
    let (mut drawn, mut hits) = draw(terminal, app, theme)?;
    loop {
        let next = events.next(IDLE_TICK)?;
        if matches!(next, Next::Closed) {
            break;
        }
        let_time_pass(app, hooks, &mut outcome, clock(), &drawn);
        // An event is applied to what is on screen, and the hooks are told so: draw what the
        // clock changed (the minute, a toast, the end of "Signing out…") before taking it.
        if *app.view() != drawn {
            (drawn, hits) = draw(terminal, app, theme)?;
        }
        let Next::Event(event) = next else {
            continue;
        };
        let Some(applied) = input::translate(&event, &hits).and_then(|input| app.input(input))
        else {
            continue;
        };
        if let Some(action) = &applied.action
            && !matches!(action, Action::Tick | Action::Resize { .. })
        {
            hooks.observe(action, &drawn, app.now());
            outcome.actions.push(action.clone());
        }
        carry_out(app, hooks, &mut outcome, &applied);
        if applied.quit {
            break;
        }
        (drawn, hits) = draw(terminal, app, theme)?;
    }
    Ok(outcome)
}

/// Moves the phone's clock to `wall_clock`'s whole second; when that is later than the phone's
/// time, the phone catches up with one tick there, as it does after a replay's `wait`. `before`
/// is the view before, to tell the hooks whether anything changed.
fn let_time_pass(
    app: &mut impl TerminalApp,
    hooks: &mut impl Hooks,
    outcome: &mut SessionEnd,
    wall_clock: DateTime<Utc>,
    before: &View,
) {
    let now = whole_seconds(wall_clock);
    if now <= app.now() {
        return;
    }
    let ticked = app.pass_time(now);
    hooks.time_passed(now, ticked.changed || app.view() != before);
    carry_out(app, hooks, outcome, &ticked);
}

/// Saves the device file when it changed; a failed save is said on screen and kept.
fn carry_out(
    app: &mut impl TerminalApp,
    hooks: &mut impl Hooks,
    outcome: &mut SessionEnd,
    applied: &Applied,
) {
    let Some(device) = app.device().filter(|_| applied.changed) else {
        return;
    };
    if let Err(message) = hooks.save(device) {
        app.not_saved(&message);
        outcome.save_errors.push(message);
    }
}

fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut impl TerminalApp,
    theme: &Theme,
) -> io::Result<(View, HitMap)>
where
    B::Error: Send + Sync + 'static,
{
    let mut hits = HitMap::default();
    terminal
        .draw(|frame| hits = app.draw(frame, theme))
        .map_err(io::Error::other)?;
    Ok((app.view().clone(), hits))
}
