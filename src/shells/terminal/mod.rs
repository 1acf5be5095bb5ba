//! The interactive phone: terminal events in, the engine updated, frames out. Generic over the
//! ratatui backend and the event source, so tests drive exactly this code on a `TestBackend`
//! with scripted keys and clicks.

pub mod input;

use std::io;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Timelike, Utc};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

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
pub struct Outcome {
    /// Saves that failed, in order (also shown on screen as they happen).
    pub save_errors: Vec<String>,
    /// Every action applied, in order (what `--record` writes).
    pub actions: Vec<Action>,
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
) -> io::Result<Outcome>
where
    B::Error: Send + Sync + 'static,
{
    let mut outcome = Outcome::default();
    let size = terminal.size().map_err(io::Error::other)?;
    let before = engine.view().clone();
    let_time_pass(engine, hooks, &mut outcome, clock(), &before);
    // The engine was made for a terminal size; only a different one is news. (A replay starts
    // from the engine as made, so an update here would be one a recording cannot reproduce.)
    if engine.viewport() != (size.width, size.height) {
        let applied = engine.apply(Action::Resize {
            width: size.width,
            height: size.height,
        });
        carry_out(engine, hooks, &mut outcome, &applied);
    }
    let (mut drawn, mut hits) = draw(terminal, engine, theme)?;
    loop {
        let next = events.next(IDLE_TICK)?;
        if matches!(next, Next::Closed) {
            break;
        }
        let_time_pass(engine, hooks, &mut outcome, clock(), &drawn);
        // An event is applied to what is on screen, and the hooks are told so: draw what the
        // clock changed (the minute, a toast, the end of "Signing out…") before taking it.
        if *engine.view() != drawn {
            (drawn, hits) = draw(terminal, engine, theme)?;
        }
        let Next::Event(event) = next else {
            continue;
        };
        let applied = match input::translate(&event, &hits) {
            Some(Input::Key(key)) => engine.press(key),
            Some(Input::Action(action)) => engine.apply(action),
            // Pasted text goes into the focused field, as typing would.
            Some(Input::Paste(text)) if engine.context().typing => engine.apply(Action::Type(text)),
            Some(Input::Paste(_)) | None => continue,
        };
        if let Some(action) = &applied.action
            && !matches!(action, Action::Tick | Action::Resize { .. })
        {
            hooks.observe(action, &drawn, engine.now());
            outcome.actions.push(action.clone());
        }
        carry_out(engine, hooks, &mut outcome, &applied);
        if applied.quit {
            break;
        }
        (drawn, hits) = draw(terminal, engine, theme)?;
    }
    Ok(outcome)
}

/// Moves the phone's clock to `wall_clock`'s whole second; when that is later than the phone's
/// time, the phone catches up with one tick there, as it does after a replay's `wait`. `before`
/// is the view before, to tell the hooks whether anything changed.
fn let_time_pass(
    engine: &mut Engine,
    hooks: &mut impl Hooks,
    outcome: &mut Outcome,
    wall_clock: DateTime<Utc>,
    before: &View,
) {
    let now = whole_seconds(wall_clock);
    if now <= engine.now() {
        return;
    }
    engine.set_clock(now);
    let ticked = engine.apply(Action::Tick);
    hooks.time_passed(now, ticked.changed || engine.view() != before);
    carry_out(engine, hooks, outcome, &ticked);
}

/// Saves the device file when it changed; a failed save is said on screen and kept.
fn carry_out(
    engine: &mut Engine,
    hooks: &mut impl Hooks,
    outcome: &mut Outcome,
    applied: &Applied,
) {
    if !applied.changed {
        return;
    }
    if let Err(message) = hooks.save(engine.device()) {
        let text = engine.tr().fill(S::NotSaved, &[("reason", &message)]);
        engine.toast(text);
        outcome.save_errors.push(message);
    }
}

fn draw<B: Backend>(
    terminal: &mut Terminal<B>,
    engine: &Engine,
    theme: &Theme,
) -> io::Result<(View, HitMap)>
where
    B::Error: Send + Sync + 'static,
{
    let view = engine.view();
    let mut hits = HitMap::default();
    terminal
        .draw(|frame| hits = ui::draw(view, frame, theme))
        .map_err(io::Error::other)?;
    Ok((view.clone(), hits))
}
