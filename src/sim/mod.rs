//! The pure core: the phone's state and the one function that changes it.
//!
//! `update(&mut Sim, Action, &mut Env) -> Vec<Effect>` holds every rule. It never touches a
//! terminal, a file, the wall clock or the OS's randomness: the shells feed it actions and an
//! `Env`, and carry out the effects it returns.

pub mod action;
pub mod cloud;
pub mod device;
pub mod env;
pub mod text_input;

#[cfg(test)]
mod security_tests;
#[cfg(test)]
mod tests;

use chrono::{DateTime, Duration, Utc};

pub use action::{Action, Effect, SignInElsewhere};
pub use device::DeviceFile;
pub use env::Env;
pub use text_input::TextInput;

use crate::layout::{self, PhoneLayout};
use crate::screens;

/// Every screen the phone can show. Screen-specific transient state (what is typed into a form)
/// lives in the variant, so leaving a screen forgets it, as a phone does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Settings,
    WiFi,
    MobileNetworks,
    Bluetooth,
    ConnectionSharing,
    AboutPhone,
    SystemUpdate,
    AccountsSync,
    MiAccount,
    MiCloud,
    /// Mi Account → Devices: "My devices".
    Devices,
    /// Mi Account → Account security (on the browser: account.xiaomi.com → Security).
    AccountSecurity,
    /// Account security → Password.
    ChangePassword(Box<screens::security::ChangePasswordForm>),
    /// Account security → Login notifications: email and SMS switches.
    LoginNotifications,
    /// Account security → Login history, newest first.
    LoginHistory,
    /// One device of the account, by its id.
    DeviceDetails(String),
    /// Lost mode, set from i.mi.com: the owner's message until the account password is entered.
    LostMode(Box<screens::find_device::LockForm>),
    /// i.mi.com in the browser: sign in.
    WebSignIn(Box<screens::web::WebSignInForm>),
    /// i.mi.com: Find Device, with the account's phones and the remote actions.
    WebFindDevice,
    /// i.mi.com: Lost mode's message and number.
    WebLostMode(Box<screens::web::LostModeForm>),
    /// account.xiaomi.com once signed in: the account and its "Security" section. The security
    /// pages behind it are the phone's own screens, drawn for the browser's account.
    WebAccount,
    FindDevice,
    FactoryReset,
    /// Shown instead of everything while the phone is locked to an account (seed 001).
    ActivationLock(Box<screens::find_device::LockForm>),
    SignIn(Box<screens::forms::SignInForm>),
    TwoStep(Box<screens::forms::TwoStepForm>),
    CreateChoice,
    CreateAccount(Box<screens::forms::CreateForm>),
    ForgotPassword(Box<screens::forms::ForgotForm>),
    /// A row of Settings that the simulation shows but does not model.
    Info(screens::info::Topic),
}

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

/// A screen on the navigation stack, with where the person was on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub screen: Screen,
    /// Id of the focused element; `None` (or an id no longer on screen) means the first one.
    pub focus: Option<String>,
    /// First visible line of the page.
    pub scroll: u16,
}

/// A modal dialog over the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogState {
    pub kind: screens::dialogs::DialogKind,
    pub focus: Option<String>,
}

/// A message shown for a moment at the bottom of the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Toast {
    pub text: String,
    pub until: DateTime<Utc>,
}

/// How long a toast stays up.
const TOAST_SECONDS: i64 = 3;
/// How long a notification stays up (a code lasts longer, but by then it has been read).
const NOTIFICATION_MINUTES: i64 = 5;

/// The running phone: the persistent device file plus what is on screen.
#[derive(Debug, Clone)]
pub struct Sim {
    device: DeviceFile,
    /// Set by every change to `device`; turned into `Effect::Save` at the end of an update.
    device_changed: bool,
    /// What the person is looking at: the phone, or the browser beside it.
    pub surface: Surface,
    /// The navigation stack of the surface in front; never empty.
    pub stack: Vec<Page>,
    pub dialog: Option<DialogState>,
    /// The stack and dialog of the surface behind, as it was left.
    pub behind: (Vec<Page>, Option<DialogState>),
    /// The site open in the browser.
    pub web_site: WebSite,
    /// The account signed in on the browser (both sites), if any.
    pub web_account: Option<String>,
    /// When the browser last located the phone.
    pub web_located: Option<DateTime<Utc>>,
    pub toast: Option<Toast>,
    /// A notification at the top of the screen (a simulated SMS or email with a code).
    pub notification: Option<Toast>,
    /// "Sync now" shows "Syncing…" until then.
    pub syncing_until: Option<DateTime<Utc>>,
    /// The terminal size the shell reported, which decides how far pages scroll.
    pub viewport: (u16, u16),
    /// The time of the last update, copied from the `Env` so that views can show it.
    pub now: DateTime<Utc>,
}

impl Sim {
    pub fn new(device: DeviceFile, now: DateTime<Utc>) -> Sim {
        let mut sim = Sim {
            device,
            device_changed: false,
            surface: Surface::Phone,
            stack: vec![Page::new(Screen::Settings)],
            behind: (vec![web_home(WebSite::MiCloud, false)], None),
            web_site: WebSite::MiCloud,
            web_account: None,
            web_located: None,
            dialog: None,
            toast: None,
            notification: None,
            syncing_until: None,
            viewport: (60, 24),
            now,
        };
        // A locked, lost or ringing phone shows that first, whatever else it was doing.
        sim.show_phone_state();
        sim
    }

    pub fn device(&self) -> &DeviceFile {
        &self.device
    }

    /// Mutable access to the device file; marks it for saving.
    pub fn device_mut(&mut self) -> &mut DeviceFile {
        self.device_changed = true;
        &mut self.device
    }

    pub fn page(&self) -> &Page {
        // The stack is never empty: `back` refuses to pop the last page.
        self.stack
            .last()
            .unwrap_or_else(|| unreachable!("empty navigation stack"))
    }

    pub(crate) fn page_mut(&mut self) -> &mut Page {
        self.stack
            .last_mut()
            .unwrap_or_else(|| unreachable!("empty navigation stack"))
    }

    pub fn screen(&self) -> &Screen {
        &self.page().screen
    }

    /// Opens a screen on top of the current one. A toast belongs to the screen it was shown on.
    pub fn push(&mut self, screen: Screen) {
        self.stack.push(Page::new(screen));
        self.toast = None;
    }

    pub fn open_dialog(&mut self, kind: screens::dialogs::DialogKind) {
        self.dialog = Some(DialogState { kind, focus: None });
    }

    pub fn close_dialog(&mut self) {
        self.dialog = None;
    }

    /// Shows a notification at the top of the screen for a few minutes.
    pub fn notify(&mut self, text: impl Into<String>) {
        self.notification = Some(Toast {
            text: text.into(),
            until: self.now + Duration::minutes(NOTIFICATION_MINUTES),
        });
    }

    pub fn clear_notification(&mut self) {
        self.notification = None;
    }

    /// Moves keyboard focus to the element `id` of whatever is in front.
    pub fn set_focus(&mut self, id: &str) {
        *self.focus_slot() = Some(id.to_string());
    }

    /// Replaces the screen on top (a form's new state), keeping focus and scroll.
    pub fn replace_screen(&mut self, screen: Screen) {
        self.page_mut().screen = screen;
    }

    /// Makes the phone show what its state demands over anything else: the activation lock, lost
    /// mode, or the ringing of "Play sound".
    pub fn show_phone_state(&mut self) {
        let phone = &self.device.phone;
        let root = if phone.activation_lock.is_some() {
            Some(Screen::ActivationLock(Box::default()))
        } else if phone.lost_mode.is_some() {
            Some(Screen::LostMode(Box::default()))
        } else {
            None
        };
        let ringing = phone.ringing;
        if let Some(root) = root {
            let same = std::mem::discriminant(&root) == std::mem::discriminant(self.screen());
            if !same || self.stack.len() > 1 {
                self.stack = vec![Page::new(root)];
                self.dialog = None;
            }
        } else if matches!(
            self.screen(),
            Screen::ActivationLock(_) | Screen::LostMode(_)
        ) {
            self.stack = vec![Page::new(Screen::Settings)];
        }
        if ringing {
            self.open_dialog(screens::dialogs::DialogKind::Ringing);
        }
    }

    /// Opens `site` in the browser at its first page.
    pub fn open_web_site(&mut self, site: WebSite) {
        self.web_site = site;
        self.stack = vec![web_home(site, self.web_account.is_some())];
        self.dialog = None;
        self.toast = None;
    }

    /// Goes back to Settings home, closing everything above it.
    pub fn go_home(&mut self) {
        self.stack.truncate(1);
        self.dialog = None;
        self.toast = None;
    }

    pub fn show_toast(&mut self, text: impl Into<String>) {
        self.toast = Some(Toast {
            text: text.into(),
            until: self.now + Duration::seconds(TOAST_SECONDS),
        });
    }

    /// The page size for the current viewport (a fallback keeps scrolling sane when the terminal
    /// is too small to draw the phone at all).
    fn page_size(&self) -> (u16, u16) {
        let (width, height) = self.viewport;
        PhoneLayout::page_size(width, height).unwrap_or((36, 7))
    }

    fn focus_slot(&mut self) -> &mut Option<String> {
        let Sim { dialog, stack, .. } = self;
        match dialog {
            Some(dialog) => &mut dialog.focus,
            None => {
                &mut stack
                    .last_mut()
                    .unwrap_or_else(|| unreachable!("empty navigation stack"))
                    .focus
            }
        }
    }
}

/// The first page of `site`: its home when signed in, else the sign-in form with the focus on
/// its first field (the tabs above it come first on the page).
pub fn web_home(site: WebSite, signed_in: bool) -> Page {
    match (site, signed_in) {
        (WebSite::MiCloud, true) => Page::new(Screen::WebFindDevice),
        (WebSite::Account, true) => Page::new(Screen::WebAccount),
        (_, false) => Page {
            focus: Some("web.login".to_string()),
            ..Page::new(Screen::WebSignIn(Box::default()))
        },
    }
}

impl Page {
    pub fn new(screen: Screen) -> Page {
        Page {
            screen,
            focus: None,
            scroll: 0,
        }
    }
}

/// Applies one action to the phone and says what the shells must do.
pub fn update(sim: &mut Sim, action: Action, env: &mut Env) -> Vec<Effect> {
    sim.now = env.now();
    if sim.toast.as_ref().is_some_and(|t| t.until <= sim.now) {
        sim.toast = None;
    }
    if sim
        .notification
        .as_ref()
        .is_some_and(|t| t.until <= sim.now)
    {
        sim.notification = None;
    }
    let mut effects = Vec::new();
    let mut keep_focus_visible = true;
    match action {
        Action::FocusNext | Action::FocusPrev | Action::FocusFirst | Action::FocusLast => {
            let how = match action {
                Action::FocusNext => FocusMove::Next,
                Action::FocusPrev => FocusMove::Prev,
                Action::FocusFirst => FocusMove::First,
                _ => FocusMove::Last,
            };
            move_focus(sim, how);
            // move_focus already scrolled: moving focus changes no element's size.
            keep_focus_visible = false;
        }
        Action::Activate => {
            let view = screens::view(sim);
            if let Some(id) = view.focused().map(|e| e.id.clone()) {
                screens::activate(sim, &id, env);
            }
        }
        Action::Tap(id) => {
            let view = screens::view(sim);
            if let Some(element) = view.find(&id).filter(|e| e.interactive()) {
                // Touching a text field puts the cursor there; only Enter submits it.
                let is_field = element.role.is_text_input();
                *sim.focus_slot() = Some(id.clone());
                if !is_field {
                    screens::activate(sim, &id, env);
                }
            }
        }
        Action::Back => back(sim),
        Action::Scroll(lines) => {
            scroll_by(sim, lines);
            keep_focus_visible = false;
        }
        Action::PageUp | Action::PageDown => {
            let page = i32::from(sim.page_size().1.saturating_sub(1).max(1));
            scroll_by(
                sim,
                if action == Action::PageUp {
                    -page
                } else {
                    page
                },
            );
            keep_focus_visible = false;
        }
        Action::Type(text) => screens::edit_focused(sim, |input| input.insert(&text)),
        Action::DeleteBackward => screens::edit_focused(sim, TextInput::delete_backward),
        Action::DeleteForward => screens::edit_focused(sim, TextInput::delete_forward),
        Action::CursorLeft => screens::edit_focused(sim, TextInput::left),
        Action::CursorRight => screens::edit_focused(sim, TextInput::right),
        Action::CursorHome => screens::edit_focused(sim, TextInput::home),
        Action::CursorEnd => screens::edit_focused(sim, TextInput::end),
        Action::Resize { width, height } => sim.viewport = (width, height),
        Action::Tick => keep_focus_visible = false,
        Action::SwitchSurface => switch_surface(sim),
        Action::SignInElsewhere(who) => {
            let now = env.now();
            let device = device::AccountDevice {
                id: who.device_id(),
                name: who.device.clone(),
                model: who.model.clone().unwrap_or_else(|| who.device.clone()),
                kind: who.kind,
                location: who.location,
                first_sign_in: now,
                last_active: now,
            };
            // Played below with the scheduled ones, the same way.
            sim.device_mut()
                .cloud
                .scheduled_sign_ins
                .push(device::ScheduledSignIn {
                    at: now,
                    mi_account_id: who.account,
                    device,
                });
        }
        Action::Quit => effects.push(Effect::Quit),
    }
    // Other devices signing in at their scheduled time (a fixture's or device file's script).
    let now = env.now();
    if sim
        .device()
        .cloud
        .scheduled_sign_ins
        .iter()
        .any(|s| s.at <= now)
    {
        for alert in cloud::run_scheduled_sign_ins(sim.device_mut(), now) {
            sim.notify(alert);
        }
    }
    // Mi Cloud's background sync: whatever waited for the network goes as soon as it allows.
    let waiting = sim
        .device()
        .account
        .as_ref()
        .is_some_and(|a| a.sync.auto && a.sync.pending);
    if waiting && cloud::sync_block(sim.device()).is_none() {
        cloud::sync(sim.device_mut(), env.now());
    }
    if keep_focus_visible {
        scroll_focus_into_view(sim);
    }
    if std::mem::take(&mut sim.device_changed) {
        effects.push(Effect::Save);
    }
    effects
}

enum FocusMove {
    Next,
    Prev,
    First,
    Last,
}

fn move_focus(sim: &mut Sim, how: FocusMove) {
    let view = screens::view(sim);
    let touchable: Vec<&str> = view
        .active_elements()
        .iter()
        .filter(|e| e.interactive())
        .map(|e| e.id.as_ref())
        .collect();
    if touchable.is_empty() {
        return;
    }
    let current = view
        .focused()
        .and_then(|f| touchable.iter().position(|id| *id == f.id));
    let last = touchable.len() - 1;
    let index = match (how, current) {
        (FocusMove::First, _) | (FocusMove::Next, None) => 0,
        (FocusMove::Last, _) | (FocusMove::Prev, None) => last,
        // Focus stops at the ends of a page rather than wrapping, like a phone list.
        (FocusMove::Next, Some(i)) => (i + 1).min(last),
        (FocusMove::Prev, Some(i)) => i.saturating_sub(1),
    };
    let id = touchable[index].to_string();
    if sim.dialog.is_none() {
        let position = view.elements.iter().position(|e| e.id == id);
        let (width, height) = sim.page_size();
        let scroll = layout::scroll_to_show(&view.elements, width, height, view.scroll, position);
        sim.page_mut().scroll = scroll;
    }
    *sim.focus_slot() = Some(id);
}

/// Puts the other surface in front, as it was left; the phone shows whatever the browser did to
/// it in the meantime (ringing, lost mode, erased).
fn switch_surface(sim: &mut Sim) {
    let front = (std::mem::take(&mut sim.stack), sim.dialog.take());
    let (stack, dialog) = std::mem::replace(&mut sim.behind, front);
    sim.stack = stack;
    sim.dialog = dialog;
    sim.toast = None;
    sim.surface = match sim.surface {
        Surface::Phone => Surface::Browser,
        Surface::Browser => Surface::Phone,
    };
    if sim.stack.is_empty() {
        sim.stack.push(Page::new(Screen::Settings));
    }
    if sim.surface == Surface::Phone {
        sim.show_phone_state();
    }
}

fn back(sim: &mut Sim) {
    if let Some(dialog) = &sim.dialog {
        // Any press stops a ringing phone, as on the real one.
        if dialog.kind == screens::dialogs::DialogKind::Ringing {
            sim.device_mut().phone.ringing = false;
        }
        sim.close_dialog();
    } else if sim.stack.len() > 1 {
        sim.stack.pop();
        sim.toast = None;
    }
}

/// Scrolls the page, then moves focus onto a visible element if it scrolled out of sight.
fn scroll_by(sim: &mut Sim, lines: i32) {
    if sim.dialog.is_some() {
        return;
    }
    let (width, height) = sim.page_size();
    let view = screens::view(sim);
    let (offsets, total) = layout::element_offsets(&view.elements, width);
    let max_scroll = i32::from(total.saturating_sub(height));
    let scroll = (i32::from(view.scroll) + lines).clamp(0, max_scroll.max(0));
    let scroll = u16::try_from(scroll).unwrap_or(0);
    let visible = |i: usize| {
        let top = offsets[i];
        let bottom = top + layout::element_height(&view.elements[i], width);
        top >= scroll && bottom <= scroll + height
    };
    let focus_visible = view
        .elements
        .iter()
        .position(|e| e.focused)
        .is_some_and(visible);
    let new_focus = if focus_visible {
        None
    } else {
        let mut candidates =
            (0..view.elements.len()).filter(|&i| view.elements[i].interactive() && visible(i));
        let pick = if lines < 0 {
            candidates.next_back()
        } else {
            candidates.next()
        };
        pick.map(|i| view.elements[i].id.to_string())
    };
    let page = sim.page_mut();
    page.scroll = scroll;
    if new_focus.is_some() {
        page.focus = new_focus;
    }
}

fn scroll_focus_into_view(sim: &mut Sim) {
    // A dialog does not scroll the page under it.
    if sim.dialog.is_some() {
        return;
    }
    let (width, height) = sim.page_size();
    let view = screens::view(sim);
    let focus = view.elements.iter().position(|e| e.focused);
    let scroll = layout::scroll_to_show(&view.elements, width, height, view.scroll, focus);
    sim.page_mut().scroll = scroll;
}
