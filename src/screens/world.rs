//! What a screen sees and changes besides itself: the device file, the moment, the browser's
//! sign-in, messages on screen ([`World`]); and, while it handles a touch, the seeded
//! environment and the navigation it asks for ([`Ctx`]).
//!
//! A handler never touches the navigation stack it lives in: it asks for pushes, pops, dialogs,
//! focus and toasts through `Ctx`, and they are carried out in order once it returns. So a
//! screen changes itself in place (`&mut self`) while the phone around it changes too.

use chrono::{DateTime, Duration, Utc};

use super::dialogs::Dialog;
use super::{AnyScreen, Page, Resume};
use crate::sim::device::DeviceFile;
use crate::sim::env::Env;
use crate::strings::{S, Tr};
use crate::view::Text;

/// How long a toast stays up.
pub const TOAST_SECONDS: i64 = 3;
/// How long a notification stays up (a code lasts longer, but by then it has been read).
pub const NOTIFICATION_MINUTES: i64 = 5;

/// The phone, or a browser on the same simulated cloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Phone,
    Browser,
}

/// The site open in the browser: one sign-in serves both, as Xiaomi's does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WebSite {
    /// i.mi.com: Mi Cloud's Find Device.
    #[default]
    MiCloud,
    /// account.xiaomi.com: the account's security settings and devices.
    Account,
}

/// The browser's state: the open site and who is signed in there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Web {
    pub site: WebSite,
    /// The Mi Account ID signed in on the browser (both sites), if any.
    pub account: Option<String>,
    /// When the browser last located the phone.
    pub located: Option<DateTime<Utc>>,
}

/// A message shown until a moment: a toast at the bottom, a notification at the top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timed {
    pub text: String,
    pub until: DateTime<Utc>,
}

/// Everything beside the navigation stacks: the device file and what every screen shares.
#[derive(Debug, Clone)]
pub struct World {
    device: DeviceFile,
    /// Set by every change to `device`; becomes a save when the update ends.
    device_changed: bool,
    /// What the person is looking at: the phone, or the browser beside it.
    pub surface: Surface,
    pub web: Web,
    pub toast: Option<Timed>,
    /// A notification at the top of the screen (a simulated SMS or email with a code).
    pub notification: Option<Timed>,
    /// "Sync now" shows "Syncing…" until then.
    pub syncing_until: Option<DateTime<Utc>>,
    /// The terminal size the shell reported, which decides how far pages scroll.
    pub viewport: (u16, u16),
    /// The time of the last update, so that views can show it.
    pub now: DateTime<Utc>,
}

impl World {
    pub fn new(device: DeviceFile, now: DateTime<Utc>) -> World {
        World {
            device,
            device_changed: false,
            surface: Surface::Phone,
            web: Web::default(),
            toast: None,
            notification: None,
            syncing_until: None,
            viewport: (60, 24),
            now,
        }
    }

    pub fn device(&self) -> &DeviceFile {
        &self.device
    }

    /// Mutable access to the device file; marks it for saving.
    pub fn device_mut(&mut self) -> &mut DeviceFile {
        self.device_changed = true;
        &mut self.device
    }

    /// Whether the device file changed since the last call.
    pub fn take_device_changed(&mut self) -> bool {
        std::mem::take(&mut self.device_changed)
    }

    /// The phone's way of wording things (its skin).
    pub fn tr(&self) -> Tr {
        Tr::new(self.device.phone.skin)
    }

    pub fn t(&self, id: S) -> &'static str {
        self.tr().get(id)
    }

    pub fn on_browser(&self) -> bool {
        self.surface == Surface::Browser
    }

    /// The time as the phone's clock shows it (its time zone).
    pub fn local(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        at.checked_add_signed(Duration::minutes(i64::from(
            self.device.phone.utc_offset_minutes,
        )))
        .unwrap_or(at)
    }

    pub fn show_toast(&mut self, text: impl Into<String>) {
        self.toast = Some(Timed {
            text: text.into(),
            until: later(self.now, Duration::seconds(TOAST_SECONDS)),
        });
    }

    pub fn notify(&mut self, text: impl Into<String>) {
        self.notification = Some(Timed {
            text: text.into(),
            until: later(self.now, Duration::minutes(NOTIFICATION_MINUTES)),
        });
    }

    /// Drops a toast or notification whose time is up.
    pub fn expire(&mut self) {
        let now = self.now;
        if self.toast.as_ref().is_some_and(|t| t.until <= now) {
            self.toast = None;
        }
        if self.notification.as_ref().is_some_and(|t| t.until <= now) {
            self.notification = None;
        }
    }
}

/// `now + by`, or the end of time when that overflows: a message that never expires is better
/// than a panic.
fn later(now: DateTime<Utc>, by: Duration) -> DateTime<Utc> {
    now.checked_add_signed(by)
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// A change to the navigation (or to what is shown) that a handler asks for.
#[derive(Debug)]
pub(crate) enum Op {
    Push(AnyScreen),
    /// Up one page (never below the root).
    Pop,
    /// Up one page if the top is the screen with this machine name.
    PopIf(&'static str),
    /// Back to the root, closing any dialog and toast.
    Home,
    /// Replace the whole stack with one page.
    Root(Page),
    /// Back to the nearest page of this kind of screen, or push it when there is none.
    Land(AnyScreen),
    Dialog(Dialog),
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

    pub fn push(&mut self, screen: impl Into<AnyScreen>) {
        self.ops.push(Op::Push(screen.into()));
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

    pub fn root(&mut self, page: Page) {
        self.ops.push(Op::Root(page));
    }

    pub fn land(&mut self, screen: impl Into<AnyScreen>) {
        self.ops.push(Op::Land(screen.into()));
    }

    pub fn dialog(&mut self, dialog: Dialog) {
        self.ops.push(Op::Dialog(dialog));
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
}
