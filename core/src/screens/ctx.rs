//! What a handler works with while it handles a touch: the world, the seeded environment, and
//! the changes to navigation it asks for.
//!
//! A handler never touches the navigation stack it lives in: it asks for pushes, pops, dialogs,
//! focus and toasts through [`Ctx`], and they are carried out in order once it returns. So a
//! screen changes itself in place (`&mut self`) while the phone around it changes too.

use chrono::{DateTime, Utc};

use super::dialogs::PhoneDialog;
use super::target::{Destination, Resume};
use super::world::{WebSite, World};
use crate::sim::device::DeviceFile;
use crate::sim::env::Env;
use crate::strings::{S, Tr};
use crate::view::Text;

/// A change to the navigation (or to what is shown) that a handler asks for.
#[derive(Debug)]
pub(crate) enum Op {
    Push(Destination),
    /// Up one page (never below the root).
    Pop,
    /// Up one page if the top is the screen with this machine name.
    PopIf(&'static str),
    /// Back to the root, closing any dialog and toast.
    Home,
    /// Replace the whole stack with one page, focused on an element if given.
    Root(Destination, Option<Text>),
    /// Back to the nearest page of this kind of screen, or push it when there is none.
    Land(Destination),
    PhoneDialog(PhoneDialog),
    CloseDialog,
    Focus(Text),
    Toast(String),
    Notify(String),
    ClearNotification,
    /// Tell the screen on top what the one above it finished with.
    Resume(Resume),
    /// The phone's own pages go back to Settings (it was signed out from elsewhere), whether the
    /// phone is in front or behind the browser.
    PhoneHome,
    /// Open a site in the browser at its first page.
    OpenSite(WebSite),
    /// Make the phone show its locked, lost or ringing state.
    ShowPhoneState,
    /// The other surface in front (the home screen's Browser).
    SwitchSurface,
}

/// What a handler works with while it handles a touch: the world, the seeded environment, and
/// the changes to navigation it asks for.
pub struct Ctx<'a> {
    pub world: &'a mut World,
    pub env: &'a mut Env,
    pub(crate) ops: Vec<Op>,
}

impl<'a> Ctx<'a> {
    pub fn new(world: &'a mut World, env: &'a mut Env) -> Ctx<'a> {
        Ctx {
            world,
            env,
            ops: Vec::new(),
        }
    }

    pub fn device(&self) -> &DeviceFile {
        self.world.device()
    }

    pub fn device_mut(&mut self) -> &mut DeviceFile {
        self.world.device_mut()
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.env.now()
    }

    pub fn tr(&self) -> Tr {
        self.world.tr()
    }

    pub fn t(&self, id: S) -> &'static str {
        self.world.t(id)
    }

    pub fn on_browser(&self) -> bool {
        self.world.on_browser()
    }

    /// Refuses what needs Xiaomi's servers when they cannot be reached from where the person
    /// is (see [`World::offline`]): any dialog closes and "No network connection" shows;
    /// `true` when refused, and then nothing may change.
    pub fn refused_offline(&mut self) -> bool {
        if !self.world.offline() {
            return false;
        }
        self.close_dialog();
        self.toast_t(S::Offline);
        true
    }

    /// Notes a change the device file cannot tell apart by itself (see [`World::deeds`]).
    pub fn did(&mut self, change: crate::sim::trace::Change) {
        self.world.deeds.push(change);
    }

    /// Notes how the sign-in under way names its account, for the trace.
    pub fn signing_in_with(&mut self, login: &str) {
        self.world.login_with = crate::sim::cloud::login_kind(self.device(), login);
    }

    pub fn push(&mut self, target: Destination) {
        self.ops.push(Op::Push(target));
    }

    pub fn pop(&mut self) {
        self.ops.push(Op::Pop);
    }

    pub fn pop_if(&mut self, screen_name: &'static str) {
        self.ops.push(Op::PopIf(screen_name));
    }

    pub fn home(&mut self) {
        self.ops.push(Op::Home);
    }

    pub fn root(&mut self, target: Destination, focus: Option<Text>) {
        self.ops.push(Op::Root(target, focus));
    }

    pub fn land(&mut self, target: Destination) {
        self.ops.push(Op::Land(target));
    }

    pub fn dialog(&mut self, dialog: PhoneDialog) {
        self.ops.push(Op::PhoneDialog(dialog));
    }

    pub fn close_dialog(&mut self) {
        self.ops.push(Op::CloseDialog);
    }

    pub fn focus(&mut self, id: impl Into<Text>) {
        self.ops.push(Op::Focus(id.into()));
    }

    pub fn toast(&mut self, text: impl Into<String>) {
        self.ops.push(Op::Toast(text.into()));
    }

    /// A toast with the catalogue's text.
    pub fn toast_t(&mut self, id: S) {
        let text = self.t(id);
        self.toast(text);
    }

    pub fn notify(&mut self, text: impl Into<String>) {
        self.ops.push(Op::Notify(text.into()));
    }

    pub fn clear_notification(&mut self) {
        self.ops.push(Op::ClearNotification);
    }

    pub fn resume(&mut self, message: Resume) {
        self.ops.push(Op::Resume(message));
    }

    pub fn phone_home(&mut self) {
        self.ops.push(Op::PhoneHome);
    }

    pub fn open_site(&mut self, site: WebSite) {
        self.ops.push(Op::OpenSite(site));
    }

    pub fn show_phone_state(&mut self) {
        self.ops.push(Op::ShowPhoneState);
    }

    pub fn switch_surface(&mut self) {
        self.ops.push(Op::SwitchSurface);
    }
}
