//! The phone's UI state: every screen, the navigation stacks of the phone and the browser,
//! dialogs, focus and scrolling.
//!
//! Each screen is one module that owns itself behind the [`Screen`](screen::Screen) trait: its
//! state (what is typed into a form), its elements with typed ids, what each element does, its
//! text fields and its address on the browser. Screens never name each other: they ask for a
//! [`Destination`](target::Destination), and [`registry`] makes it. Dialogs hand what they confirm to the
//! flows. [`Phone`] holds the stacks and the [`World`](world::World) they share, and
//! [`update`](update::update) applies an [`Action`](action::Action). The domain below (`sim`)
//! knows nothing of any of this.

pub mod account;
pub mod action;
pub mod apps;
pub mod cloud;
pub mod compose;
pub mod ctx;
pub mod dialogs;
pub mod flows;
pub mod forms;
pub mod ids;
pub mod registry;
pub mod screen;
pub mod settings;
pub mod target;
pub mod text_input;
pub mod trace;
pub mod update;
pub mod watch;
pub mod web;
pub mod widgets;
pub mod world;

use chrono::{DateTime, Utc};

pub use action::{Action, Effect};
pub use dialogs::PhoneDialog;
pub use registry::AnyScreen;
pub use screen::{Content, Screen};
pub use target::Destination;
pub use text_input::TextInput;
pub use world::{Surface, Timed, Web, WebSite, World};

use crate::sim::device::DeviceFile;
use crate::sim::env::Env;
use crate::view::Text;
use ctx::{Ctx, Op};
use dialogs::DialogAnswer;
use ids::ElementId;

/// A screen on a navigation stack, with where the person was on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub screen: AnyScreen,
    /// Id of the focused element; `None` (or an id no longer on screen) means the first one.
    pub focus: Option<Text>,
    /// First visible line of the page.
    pub scroll: u16,
}

impl Page {
    pub fn new(screen: impl Into<AnyScreen>) -> Page {
        Page {
            screen: screen.into(),
            focus: None,
            scroll: 0,
        }
    }

    /// The page a target opens, focused on an element if given.
    pub fn open(target: Destination, focus: Option<Text>) -> Page {
        Page {
            focus,
            ..Page::new(AnyScreen::open(target))
        }
    }
}

/// A modal dialog over the page, with its focus.
#[derive(Debug, Clone, PartialEq)]
pub struct DialogState {
    pub dialog: PhoneDialog,
    pub focus: Option<Text>,
    /// How far its text is scrolled, when it does not fit.
    pub scroll: u16,
}

/// A surface's navigation: its stack of pages (never empty) and the dialog over them.
#[derive(Debug, Clone, PartialEq)]
pub struct Nav {
    pub stack: Vec<Page>,
    pub dialog: Option<DialogState>,
}

impl Nav {
    fn at(page: Page) -> Nav {
        Nav {
            stack: vec![page],
            dialog: None,
        }
    }

    fn top_mut(&mut self) -> &mut Page {
        if self.stack.is_empty() {
            self.stack.push(Page::new(settings::home::Settings));
        }
        let last = self.stack.len() - 1;
        &mut self.stack[last]
    }
}

/// The first page of a site on the browser.
fn web_home(site: WebSite, signed_in: bool) -> Page {
    let (target, focus) = flows::web::home(site, signed_in);
    Page::open(target, focus)
}

/// The phone and the browser beside it: two navigation stacks over one world.
#[derive(Debug, Clone)]
pub struct Phone {
    pub world: World,
    /// The surface in front.
    front: Nav,
    /// The other surface, as it was left.
    behind: Nav,
}

impl Phone {
    pub fn new(device: impl Into<std::sync::Arc<DeviceFile>>, now: DateTime<Utc>) -> Phone {
        let mut phone = Phone {
            world: World::new(device, now),
            front: Nav::at(Page::new(settings::home::Settings)),
            behind: Nav::at(web_home(WebSite::MiCloud, false)),
        };
        // A locked, lost or ringing phone shows that first, whatever else it was doing.
        phone.show_phone_state();
        phone
    }

    pub fn device(&self) -> &DeviceFile {
        self.world.device()
    }

    pub fn stack(&self) -> &[Page] {
        &self.front.stack
    }

    pub fn page(&self) -> &Page {
        // Never empty: `back` refuses to pop the root, and every op keeps a page.
        match self.front.stack.last() {
            Some(page) => page,
            None => unreachable!("empty navigation stack"),
        }
    }

    pub(crate) fn page_mut(&mut self) -> &mut Page {
        self.front.top_mut()
    }

    pub fn dialog(&self) -> Option<&DialogState> {
        self.front.dialog.as_ref()
    }

    /// How far the open dialog's text is scrolled, to change it.
    pub(crate) fn dialog_scroll_mut(&mut self) -> Option<&mut u16> {
        self.front.dialog.as_mut().map(|state| &mut state.scroll)
    }

    pub fn screen(&self) -> &AnyScreen {
        &self.page().screen
    }

    /// The focus of whatever is in front: the dialog's when one is open, else the page's.
    pub(crate) fn focus_slot(&mut self) -> &mut Option<Text> {
        let Nav { stack, dialog } = &mut self.front;
        match dialog {
            Some(dialog) => &mut dialog.focus,
            None => {
                if stack.is_empty() {
                    stack.push(Page::new(settings::home::Settings));
                }
                let last = stack.len() - 1;
                &mut stack[last].focus
            }
        }
    }

    /// Makes the focus shown (`id`) the focus kept, when none was chosen yet: so the focus stays
    /// on that element when others appear or come to life above it.
    pub(crate) fn pin_focus(&mut self, id: Option<Text>) {
        let slot = self.focus_slot();
        if slot.is_none() {
            *slot = id;
        }
    }

    /// Touches the element `id` of whatever is in front: the browser's tabs, the dialog's
    /// elements, or the page's.
    pub(crate) fn tap(&mut self, id: &str, env: &mut Env) {
        let mut cx = Ctx::new(&mut self.world, env);
        if let Some(chrome) = <web::ChromeId as ElementId>::parse(id) {
            web::on_chrome(chrome, &mut cx);
        } else if let Some(state) = self.front.dialog.as_mut() {
            match state.dialog.tap(id, cx.world) {
                Some(DialogAnswer::Close) => cx.close_dialog(),
                Some(DialogAnswer::Open(next)) => cx.dialog(next),
                Some(DialogAnswer::Focus(element)) => cx.focus(element),
                Some(DialogAnswer::Then(confirmed)) => flows::confirmed(confirmed, &mut cx),
                None => {}
            }
        } else {
            self.front.top_mut().screen.tap(id, &mut cx);
        }
        let ops = cx.ops;
        self.run(ops);
    }

    /// Work in progress whose time has come is carried out: its dialog closes and what it
    /// carries happens.
    pub(crate) fn finish_due_work(&mut self, env: &mut Env) {
        let now = env.now();
        let Some(then) = self
            .front
            .dialog
            .as_ref()
            .and_then(|state| state.dialog.due(now))
            .cloned()
        else {
            return;
        };
        self.front.dialog = None;
        let mut cx = Ctx::new(&mut self.world, env);
        flows::confirmed(then, &mut cx);
        let ops = cx.ops;
        self.run(ops);
    }

    /// The Home key: the phone's home screen, closing whatever was open. A locked phone (the
    /// activation lock, lost mode) and work in progress stay as they are; the browser has none.
    pub(crate) fn home_screen(&mut self) {
        if !self.has_home() {
            return;
        }
        if self
            .front
            .dialog
            .as_ref()
            .is_some_and(|s| s.dialog == PhoneDialog::Ringing)
        {
            self.world.device_mut().phone.ringing = false;
        }
        self.front = Nav::at(Page::new(apps::launcher::Launcher));
        self.world.toast = None;
    }

    /// Whether the Home key does something now.
    pub fn has_home(&self) -> bool {
        let phone = &self.world.device().phone;
        self.world.surface == Surface::Phone
            && !self.working()
            && phone.activation_lock.is_none()
            && phone.lost_mode.is_none()
    }

    /// Work in progress is in front: nothing interrupts it.
    fn working(&self) -> bool {
        self.front
            .dialog
            .as_ref()
            .is_some_and(|state| state.dialog.is_working())
    }

    /// A field of whatever is in front was edited.
    pub(crate) fn edited(&mut self) {
        match self.front.dialog.as_mut() {
            Some(state) => state.dialog.edited(),
            None => self.front.top_mut().screen.edited(),
        }
    }

    /// The text field `id` of whatever is in front.
    pub(crate) fn field_mut(&mut self, id: &str) -> Option<&mut TextInput> {
        if self.front.dialog.is_some() {
            return self.front.dialog.as_mut()?.dialog.field(id);
        }
        self.front.top_mut().screen.field(id)
    }

    /// Carries out what a handler asked for, in order.
    pub(crate) fn run(&mut self, ops: Vec<Op>) {
        for op in ops {
            match op {
                Op::Push(target) => {
                    self.front.stack.push(Page::open(target, None));
                    // A toast belongs to the screen it was shown on.
                    self.world.toast = None;
                }
                Op::Pop => {
                    if self.front.stack.len() > 1 {
                        self.front.stack.pop();
                    }
                }
                Op::PopIf(name) => {
                    if self.front.stack.len() > 1 && self.screen().name() == name {
                        self.front.stack.pop();
                    }
                }
                Op::Home => self.go_home(),
                Op::Root(target, focus) => self.front.stack = vec![Page::open(target, focus)],
                Op::Land(target) => {
                    let screen = AnyScreen::open(target);
                    let stack = &mut self.front.stack;
                    match stack.iter().position(|p| p.screen.same_kind(&screen)) {
                        Some(landing) => stack.truncate(landing + 1),
                        None => {
                            stack.push(Page::new(screen));
                            self.world.toast = None;
                        }
                    }
                }
                Op::PhoneDialog(dialog) => {
                    self.front.dialog = Some(DialogState {
                        dialog,
                        focus: None,
                        scroll: 0,
                    })
                }
                Op::CloseDialog => self.front.dialog = None,
                Op::Focus(id) => *self.focus_slot() = Some(id),
                Op::Toast(text) => self.world.show_toast(text),
                Op::Notify(text) => self.world.notify(text),
                Op::ClearNotification => self.world.notification = None,
                Op::Resume(message) => {
                    let top = self.front.top_mut();
                    if let Some(focus) = top.screen.resume(&message) {
                        top.focus = Some(focus);
                    }
                }
                Op::PhoneHome => match self.world.surface {
                    Surface::Phone => self.go_home(),
                    Surface::Browser => {
                        self.behind = Nav::at(Page::new(settings::home::Settings));
                    }
                },
                Op::OpenSite(site) => {
                    self.world.web.site = site;
                    let signed_in = self.world.web.account.is_some();
                    self.front = Nav::at(web_home(site, signed_in));
                    self.world.toast = None;
                }
                Op::ShowPhoneState => self.show_phone_state(),
                Op::SwitchSurface => self.switch_surface(),
            }
        }
    }

    /// Back to the root, closing everything above it.
    pub(crate) fn go_home(&mut self) {
        self.front.stack.truncate(1);
        self.front.dialog = None;
        self.world.toast = None;
    }

    /// The back arrow: closes a dialog first, else goes up one page.
    pub(crate) fn back(&mut self) {
        if self.working() {
            return;
        }
        if let Some(state) = &self.front.dialog {
            // Any press stops a ringing phone, as on the real one; a notice, once closed, is read.
            match state.dialog {
                PhoneDialog::Ringing => self.world.device_mut().phone.ringing = false,
                PhoneDialog::SignedOutRemotely { .. } => {
                    self.world.device_mut().phone.signed_out_remotely = None;
                }
                _ => {}
            }
            self.front.dialog = None;
        } else if self.front.stack.len() > 1 {
            self.front.stack.pop();
            self.world.toast = None;
        }
    }

    /// Puts the other surface in front, as it was left; the phone shows whatever the browser
    /// did to it in the meantime (ringing, lost mode, erased).
    pub(crate) fn switch_surface(&mut self) {
        if self.working() {
            return;
        }
        std::mem::swap(&mut self.front, &mut self.behind);
        self.world.toast = None;
        self.world.surface = match self.world.surface {
            Surface::Phone => Surface::Browser,
            Surface::Browser => Surface::Phone,
        };
        if self.world.surface == Surface::Phone {
            self.show_phone_state();
        }
    }

    /// Makes the phone show what its state demands over anything else: the activation lock,
    /// lost mode, or the ringing of "Play sound".
    pub(crate) fn show_phone_state(&mut self) {
        if self.world.surface != Surface::Phone {
            return;
        }
        let phone = &self.world.device().phone;
        let root: Option<AnyScreen> = if phone.activation_lock.is_some() {
            Some(cloud::activation_lock::ActivationLock::default().into())
        } else if phone.lost_mode.is_some() {
            Some(cloud::lost_mode::LostMode::default().into())
        } else {
            None
        };
        let ringing = phone.ringing;
        if let Some(root) = root {
            // Pages the lock screen itself opened ("Forgot password?") may stay above it.
            let at_root = self
                .front
                .stack
                .first()
                .is_some_and(|page| root.same_kind(&page.screen));
            if !at_root {
                self.front = Nav::at(Page::new(root));
            }
        } else if matches!(
            self.screen(),
            AnyScreen::ActivationLock(_) | AnyScreen::LostMode(_)
        ) {
            self.front = Nav::at(Page::new(settings::home::Settings));
        }
        let notice = phone.signed_out_remotely.clone();
        if ringing {
            self.front.dialog = Some(DialogState {
                dialog: PhoneDialog::Ringing,
                focus: None,
                scroll: 0,
            });
        } else if let Some(account) = notice
            && self.front.dialog.is_none()
        {
            self.front.dialog = Some(DialogState {
                dialog: PhoneDialog::SignedOutRemotely { account },
                focus: None,
                scroll: 0,
            });
        }
    }

    /// The device file changed since the last call: it needs saving.
    pub fn take_device_changed(&mut self) -> bool {
        self.world.take_device_changed()
    }
}
