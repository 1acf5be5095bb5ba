//! The interactive loop: terminal events in, core updates, frames out. Generic over the ratatui
//! backend and the event source, so tests drive exactly this code on a `TestBackend` with scripted
//! keys and clicks.

use std::io;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Utc};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::Backend;

use crate::input;
use crate::screens;
use crate::sim::{self, Action, DeviceFile, Effect, Env, Sim};
use crate::ui::{self, HitMap};
use crate::view::View;

/// How long to wait for input before letting the clock tick (the status bar shows minutes, and
/// toasts expire after seconds).
const IDLE_TICK: StdDuration = StdDuration::from_millis(500);

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

    /// Called before each action a person caused, with the view they acted on.
    fn observe(&mut self, _action: &Action, _view: &View, _now: DateTime<Utc>) {}
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
pub fn run<B: Backend>(
    terminal: &mut Terminal<B>,
    events: &mut impl EventSource,
    clock: &mut impl FnMut() -> DateTime<Utc>,
    sim: &mut Sim,
    env: &mut Env,
    hooks: &mut impl Hooks,
) -> io::Result<Outcome>
where
    B::Error: Send + Sync + 'static,
{
    let mut outcome = Outcome::default();
    let size = terminal.size().map_err(io::Error::other)?;
    env.set_now(clock());
    apply(
        sim,
        env,
        hooks,
        &mut outcome,
        Action::Resize {
            width: size.width,
            height: size.height,
        },
    );
    let (mut view, mut hits) = draw(terminal, sim)?;
    loop {
        let next = events.next(IDLE_TICK)?;
        env.set_now(clock());
        let action = match next {
            Next::Closed => break,
            Next::Idle => Action::Tick,
            Next::Event(event) => match input::action_for(&event, &view, &hits) {
                Some(action) => action,
                None => continue,
            },
        };
        let idle = action == Action::Tick;
        if !idle {
            hooks.observe(&action, &view, env.now());
        }
        let quit = apply(sim, env, hooks, &mut outcome, action);
        if quit {
            break;
        }
        // An idle tick redraws only when something visible changed (the minute, a toast).
        if idle && screens::view(sim) == view {
            continue;
        }
        (view, hits) = draw(terminal, sim)?;
    }
    Ok(outcome)
}

/// Applies one action and carries out its effects; returns whether to quit.
fn apply(
    sim: &mut Sim,
    env: &mut Env,
    hooks: &mut impl Hooks,
    outcome: &mut Outcome,
    action: Action,
) -> bool {
    if !matches!(action, Action::Tick | Action::Resize { .. }) {
        outcome.actions.push(action.clone());
    }
    let mut quit = false;
    for effect in sim::update(sim, action, env) {
        match effect {
            Effect::Save => {
                if let Err(message) = hooks.save(sim.device()) {
                    sim.show_toast(format!("Not saved: {message}"));
                    outcome.save_errors.push(message);
                }
            }
            Effect::Quit => quit = true,
        }
    }
    quit
}

fn draw<B: Backend>(terminal: &mut Terminal<B>, sim: &Sim) -> io::Result<(View, HitMap)>
where
    B::Error: Send + Sync + 'static,
{
    let view = screens::view(sim);
    let mut hits = HitMap::default();
    terminal
        .draw(|frame| hits = ui::draw(&view, frame))
        .map_err(io::Error::other)?;
    Ok((view, hits))
}
