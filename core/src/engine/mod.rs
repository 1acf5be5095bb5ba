//! The phone as a value: the one small API every driver uses (the interactive terminal, replay,
//! lesson mode, the agent protocol, the benchmarks).
//!
//! Make it from a device file and a [`Start`] (seed, clock, terminal size); apply actions or
//! press keys; read the [`View`] (with its key hints); tap by id or by label; let simulated time
//! pass; and ask whether the device file changed and must be saved. Everything below it
//! (screens, the domain) is reached only through here.

pub mod keys;
pub mod overlay;
pub mod seed_words;
pub mod tap;

use chrono::{DateTime, Duration, Utc};

pub use keys::{Context, Key};
use overlay::Did;
pub use overlay::Overlay;
pub use tap::TapError;

use crate::layout::{self, DialogLayout, PhoneLayout};
use crate::screens::{Action, Effect, Phone, compose, update};
use crate::sim::cloud;
use crate::sim::device::DeviceFile;
use crate::sim::env::Env;
use crate::sim::event::{ChangeElsewhere, SignInElsewhere};
use crate::strings::S;
use crate::view::View;

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
    /// The action that was applied to the phone, if any (a key may do nothing, or only open
    /// the help).
    pub action: Option<Action>,
    /// The button of the overlay in front that the action chose (see [`Overlay`]).
    pub chosen: Option<String>,
}

/// The id of the help overlay's one button.
pub const HELP_CLOSE: &str = "help.close";

/// The phone: its state, its seeded environment, and the view of it as it is now.
#[derive(Debug, Clone)]
pub struct Engine {
    phone: Phone,
    env: Env,
    /// The view after the last change, with its hints and the overlay in front.
    view: View,
    /// Dialogs over the phone that are not its own (the key help, a lesson's), the front last.
    overlays: Vec<Overlay>,
    /// Actions applied so far: the work done, for tests that bound it (never the wall clock).
    applied: u64,
}

impl Engine {
    pub fn new(device: impl Into<std::sync::Arc<DeviceFile>>, start: Start) -> Engine {
        let mut engine = Engine {
            phone: Phone::new(device, start.clock),
            env: Env::new(start.clock, start.seed),
            view: View::empty(),
            overlays: Vec::new(),
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

    /// The device file as it is now, shared rather than copied.
    pub fn device_now(&self) -> std::sync::Arc<DeviceFile> {
        self.phone.world.device_now()
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
        Context::sized(&self.view, self.phone.world.viewport)
    }

    /// How many actions were applied since the phone was made.
    pub fn applied(&self) -> u64 {
        self.applied
    }

    /// Applies one action: the one way the phone changes. With an overlay in front, the
    /// overlay takes it first.
    pub fn apply(&mut self, action: Action) -> Outcome {
        self.applied = self.applied.saturating_add(1);
        if action == Action::Quit && self.overlay().is_some_and(Overlay::is_transient) {
            // Quitting closes the key help on the way out.
            self.overlays.pop();
        }
        if let Some(front) = self.overlays.last_mut() {
            let layout = DialogLayout::over(&self.view, self.phone.world.viewport);
            match front.act(&action, layout.as_ref()) {
                Did::Phone => {}
                Did::Stayed => {
                    self.dress();
                    return Outcome::default();
                }
                Did::Closed => {
                    self.close_overlay();
                    return Outcome::default();
                }
                Did::Chose(id) => {
                    // A dialog that closes on anything closes on its buttons too.
                    if front.is_transient() {
                        self.close_overlay();
                    }
                    return Outcome {
                        chosen: Some(id),
                        ..Outcome::default()
                    };
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
                let help = self.help();
                self.open(help);
                Outcome::default()
            }
            Some(keys::Does::CloseHelp) => {
                self.close_overlay();
                Outcome::default()
            }
            Some(does) => match does.action(key) {
                Some(action) => self.apply(action),
                None => Outcome::default(),
            },
            None => Outcome::default(),
        }
    }

    /// Opens `overlay` in front of everything.
    pub fn open(&mut self, overlay: Overlay) {
        self.overlays.push(overlay);
        self.dress();
    }

    /// Closes the overlay in front, and says what it was.
    pub fn close_overlay(&mut self) -> Option<Overlay> {
        let closed = self.overlays.pop();
        self.dress();
        closed
    }

    /// The overlay in front, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlays.last()
    }

    /// Changes the overlay in front (its text, what is typed).
    pub fn change_overlay(&mut self, change: impl FnOnce(&mut Overlay)) {
        if let Some(front) = self.overlays.last_mut() {
            change(front);
            self.dress();
        }
    }

    /// The key help for the phone as it is now.
    fn help(&self) -> Overlay {
        let tr = self.phone.world.tr();
        let mut body = keys::help_lines(&self.context(), tr);
        body.push(tr.get(S::HelpClick).to_string());
        Overlay::new(
            keys::HELP_DIALOG,
            tr.get(S::HelpTitle),
            vec![body.join("\n")],
        )
        .button(HELP_CLOSE, tr.get(S::HelpClose))
        .closes_on_anything()
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
        let mut changed = false;
        if self.view.top_dialog().is_none()
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
    /// shell's toast).
    fn refresh(&mut self) {
        self.show(compose::view(&self.phone));
    }

    /// Shows the phone's `view`, with the overlay in front and the key hints.
    fn show(&mut self, view: View) {
        self.view = view;
        self.dress();
    }

    /// Puts the overlay in front over the phone's view, and the hints for what is in front.
    fn dress(&mut self) {
        let front = self.overlays.last();
        self.view.overlay = front.map(Overlay::dialog);
        self.view.hints = match front.and_then(Overlay::own_hints) {
            Some(hints) => hints.to_vec(),
            None => keys::hints(
                &Context::sized(&self.view, self.phone.world.viewport),
                self.phone.world.tr(),
            ),
        };
    }
}

/// How many lines to scroll (negative: up) so that element `id` is fully on the page.
fn scroll_needed(view: &View, id: &str, viewport: (u16, u16)) -> Option<i32> {
    let (width, height) = PhoneLayout::page_size(viewport.0, viewport.1)?;
    let index = view.elements.iter().position(|e| e.id == id)?;
    let top = i32::from(layout::element_top(&view.elements, index, width));
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
