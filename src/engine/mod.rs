//! The phone as a value: the one small API every driver uses (the interactive terminal, replay,
//! lesson mode, the agent protocol, the benchmarks).
//!
//! Make it from a device file and a [`Start`] (seed, clock, terminal size); apply actions or
//! press keys; read the [`View`] (with its key hints); tap by id or by label; let simulated time
//! pass; and ask whether the device file changed and must be saved. Everything below it
//! (screens, the domain) is reached only through here.

pub mod keys;
pub mod seed_words;
pub mod tap;

use chrono::{DateTime, Duration, Utc};

pub use keys::{Context, Key};
pub use tap::TapError;

use crate::layout::{self, DialogLayout, PhoneLayout};
use crate::screens::{Action, Effect, Phone, compose, update};
use crate::sim::cloud;
use crate::sim::device::DeviceFile;
use crate::sim::env::Env;
use crate::sim::event::{ChangeElsewhere, SignInElsewhere};
use crate::strings::S;
use crate::view::{self, Element, View};

/// How a phone starts: the seed of its randomness, its clock, and the terminal it is shown on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    pub seed: u64,
    pub clock: DateTime<Utc>,
    pub width: u16,
    pub height: u16,
}

/// What an action, key or tap did that a driver must act on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// The device file changed: save it.
    pub changed: bool,
    /// The person asked to quit.
    pub quit: bool,
    /// The action that was applied, if any (a key may do nothing, or only open the help).
    pub action: Option<Action>,
}

/// The id of the help overlay's one button.
pub const HELP_CLOSE: &str = "help.close";

/// The phone: its state, its seeded environment, and the view of it as it is now.
#[derive(Debug, Clone)]
pub struct Engine {
    phone: Phone,
    env: Env,
    /// The view after the last change, with its hints (and the help overlay when it is open).
    view: View,
    /// The `?` key help is over the screen.
    help: bool,
    /// How far the key help's text is scrolled.
    help_scroll: u16,
    /// Actions applied so far: the work done, for tests that bound it (never the wall clock).
    applied: u64,
}

impl Engine {
    pub fn new(device: DeviceFile, start: Start) -> Engine {
        let mut engine = Engine {
            phone: Phone::new(device, start.clock),
            env: Env::new(start.clock, start.seed),
            view: View::empty(),
            help: false,
            help_scroll: 0,
            applied: 0,
        };
        engine.apply(Action::Resize {
            width: start.width,
            height: start.height,
        });
        engine
    }

    /// What is on screen now.
    pub fn view(&self) -> &View {
        &self.view
    }

    pub fn device(&self) -> &DeviceFile {
        self.phone.device()
    }

    /// What the person changed so far, and where (see `screens::trace`).
    pub fn trace(&self) -> &[serde_json::Value] {
        self.phone.world.trace.entries()
    }

    /// Forgets the trace: what was changed before now (a task's set-up) is not the person's.
    pub fn clear_trace(&mut self) {
        self.phone.world.trace.clear();
    }

    /// The simulated time.
    pub fn now(&self) -> DateTime<Utc> {
        self.env.now()
    }

    /// The terminal size the phone is laid out for.
    pub fn viewport(&self) -> (u16, u16) {
        self.phone.world.viewport
    }

    /// The phone's way of wording things.
    pub fn tr(&self) -> crate::strings::Tr {
        self.phone.world.tr()
    }

    /// Shows a message at the bottom of the screen for a moment (a shell's news, such as a save
    /// that failed).
    pub fn toast(&mut self, text: String) {
        self.phone.world.now = self.env.now();
        self.phone.world.show_toast(text);
        self.refresh();
    }

    /// The key context of what is in front (typing, a dialog, the root page ...).
    pub fn context(&self) -> Context {
        Context::of(&self.view)
    }

    /// How many actions were applied since the phone was made.
    pub fn applied(&self) -> u64 {
        self.applied
    }

    /// Applies one action: the one way the phone changes.
    pub fn apply(&mut self, action: Action) -> Outcome {
        self.applied = self.applied.saturating_add(1);
        if self.help {
            match action {
                Action::Tick | Action::Resize { .. } => {}
                Action::Quit => self.help = false,
                // The help scrolls like any dialog whose text does not fit.
                Action::Scroll(lines) => {
                    self.scroll_help(lines);
                    return Outcome::default();
                }
                Action::PageUp | Action::PageDown => {
                    let page = self.help_page();
                    self.scroll_help(if action == Action::PageUp {
                        -page
                    } else {
                        page
                    });
                    return Outcome::default();
                }
                // Anything else the person does closes the help first, and only that.
                _ => {
                    self.help = false;
                    self.refresh();
                    return Outcome::default();
                }
            }
        }
        let mut outcome = Outcome {
            action: Some(action.clone()),
            ..Outcome::default()
        };
        let updated = update::update(&mut self.phone, action, &mut self.env, &self.view);
        for effect in updated.effects {
            match effect {
                Effect::Save => outcome.changed = true,
                Effect::Quit => outcome.quit = true,
            }
        }
        self.show(updated.view);
        outcome
    }

    /// A key press, through the key table: what it means where the person is.
    pub fn press(&mut self, key: Key) -> Outcome {
        match keys::resolve(key, &self.context()) {
            Some(keys::Does::Help) => {
                self.help = true;
                self.help_scroll = 0;
                self.refresh();
                Outcome::default()
            }
            Some(keys::Does::CloseHelp) => {
                self.help = false;
                self.refresh();
                Outcome::default()
            }
            Some(does) => match does.action(key) {
                Some(action) => self.apply(action),
                None => Outcome::default(),
            },
            None => Outcome::default(),
        }
    }

    /// Taps the element `id`, scrolling it into view first as a person would.
    pub fn tap_id(&mut self, id: &str) -> Result<Outcome, TapError> {
        tap::check_id(&self.view, id)?;
        Ok(self.touch(id))
    }

    /// Taps the element labelled `label` (see [`tap::resolve`]).
    pub fn tap_label(&mut self, label: &str) -> Result<Outcome, TapError> {
        let id = tap::resolve(&self.view, label, self.tr())?;
        Ok(self.touch(&id))
    }

    /// The id a tap on `label` would touch.
    pub fn resolve(&self, label: &str) -> Result<String, TapError> {
        tap::resolve(&self.view, label, self.tr())
    }

    fn touch(&mut self, id: &str) -> Outcome {
        if id == HELP_CLOSE {
            self.help = false;
            self.refresh();
            return Outcome::default();
        }
        let mut changed = false;
        if self.view.dialog.is_none()
            && let Some(lines) = scroll_needed(&self.view, id, self.viewport())
        {
            changed |= self.apply(Action::Scroll(lines)).changed;
        }
        let mut outcome = self.apply(Action::Tap(id.to_string()));
        outcome.changed |= changed;
        outcome
    }

    /// Lets simulated time pass, and whatever was waiting for it happen.
    pub fn wait(&mut self, by: Duration) -> Outcome {
        self.env.advance(by);
        self.apply(Action::Tick)
    }

    /// Moves the clock to `now` (the interactive phone follows the wall clock); it never runs
    /// backwards. Nothing else happens until the next action.
    pub fn set_clock(&mut self, now: DateTime<Utc>) {
        self.env.set_now(now);
    }

    /// Another device signs in to an account now; the account must exist in the cloud.
    /// Another device of an account adds an item to its Mi Cloud now; the account must exist.
    pub fn change_elsewhere(&mut self, what: &ChangeElsewhere) -> Result<Outcome, String> {
        if cloud::index_of(self.device(), &what.account).is_none() {
            return Err(format!(
                "no account with Mi Account ID {:?} in the device file's cloud",
                what.account
            ));
        }
        Ok(self.apply(Action::ChangeElsewhere(what.clone())))
    }

    pub fn sign_in_elsewhere(&mut self, who: &SignInElsewhere) -> Result<Outcome, String> {
        if cloud::index_of(self.device(), &who.account).is_none() {
            return Err(format!(
                "no account with Mi Account ID {:?} in the device file's cloud",
                who.account
            ));
        }
        Ok(self.apply(Action::SignInElsewhere(who.clone())))
    }

    /// Recomputes the view when something other than an action changed what is shown (a
    /// toast, the help opened or closed).
    fn refresh(&mut self) {
        self.show(compose::view(&self.phone));
    }

    /// Shows the phone's `view` with the key hints for it, and the help over it when open.
    fn show(&mut self, mut view: View) {
        let context = Context::of(&view);
        let tr = self.phone.world.tr();
        view.hints = keys::hints(&context, tr);
        if self.help {
            let mut body = keys::help_lines(&context, tr);
            body.push(tr.get(S::HelpClick).to_string());
            let mut close = Element::button(HELP_CLOSE, tr.get(S::HelpClose));
            close.focused = true;
            view.dialog = Some(view::Dialog {
                id: keys::HELP_DIALOG.to_string(),
                title: tr.get(S::HelpTitle).to_string(),
                body: vec![body.join("\n")],
                elements: vec![close],
                scroll: 0,
            });
            if let Some(layout) = DialogLayout::over(&view, self.viewport()) {
                self.help_scroll = self.help_scroll.min(layout.max_scroll());
            }
            if let Some(dialog) = view.dialog.as_mut() {
                dialog.scroll = self.help_scroll;
            }
            view.hints = keys::hints(&Context::of(&view), tr);
        }
        self.view = view;
    }
}

impl Engine {
    /// The key help's lines shown at once, less one kept in sight when paging.
    fn help_page(&self) -> i32 {
        DialogLayout::over(&self.view, self.viewport())
            .map_or(1, |l| i32::from(l.text.height.saturating_sub(1).max(1)))
    }

    fn scroll_help(&mut self, lines: i32) {
        let scrolled = i32::from(self.help_scroll).saturating_add(lines).max(0);
        self.help_scroll = u16::try_from(scrolled).unwrap_or(u16::MAX);
        // `refresh` keeps it within the text.
        self.refresh();
    }
}

/// How many lines to scroll (negative: up) so that element `id` is fully on the page.
fn scroll_needed(view: &View, id: &str, viewport: (u16, u16)) -> Option<i32> {
    let (width, height) = PhoneLayout::page_size(viewport.0, viewport.1)?;
    let index = view.elements.iter().position(|e| e.id == id)?;
    let (offsets, _) = layout::element_offsets(&view.elements, width);
    let top = i32::from(*offsets.get(index)?);
    let bottom = top + i32::from(layout::element_height(&view.elements[index], width));
    let (scroll, height) = (i32::from(view.scroll), i32::from(height));
    if top < scroll {
        Some(top - scroll)
    } else if bottom > scroll + height {
        Some(bottom - (scroll + height))
    } else {
        None
    }
}
