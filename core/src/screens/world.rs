//! What a screen sees and changes besides itself: the device file, the moment, the browser's
//! sign-in, and the messages on screen.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use crate::sim::device::{CloudAccount, Connection, DeviceFile};
use crate::sim::trace::{Change, Marks};
use crate::sim::{cloud, time};
use crate::strings::{S, Tr};

/// How long a short toast stays up.
pub const TOAST_SECONDS: i64 = 3;
/// Words a person reads in a second: a longer toast stays up long enough to be read.
const WORDS_READ_PER_SECOND: usize = 3;

/// How long a toast with `text` stays up: 3 seconds, or longer for more words.
pub fn toast_seconds(text: &str) -> i64 {
    let words = text.split_whitespace().count();
    let reading = i64::try_from(words.div_ceil(WORDS_READ_PER_SECOND)).unwrap_or(i64::MAX);
    reading.max(TOAST_SECONDS)
}
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
    /// Shared with copies of the phone until one of them changes it: the hints try many moves,
    /// each on a copy, and most moves change nothing in the file.
    device: Arc<DeviceFile>,
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
    /// What the person changed, where (see [`super::trace`]).
    pub trace: super::trace::Trace,
    /// The device file as the trace last compared it, and whether it may have changed since.
    pub(crate) marks: Marks,
    pub(crate) marks_stale: bool,
    /// Changes a flow names itself, which comparing the device file cannot tell apart (a
    /// factory reset from an erase from the website); the trace takes them at the next note.
    pub(crate) deeds: Vec<Change>,
    /// How the account of the sign-in under way was named (`email`, `phone`,
    /// `mi_account_id`), for the trace.
    pub(crate) login_with: Option<&'static str>,
}

impl World {
    pub fn new(device: impl Into<Arc<DeviceFile>>, now: DateTime<Utc>) -> World {
        let device = device.into();
        // The trace's comparison starts from the device as it is.
        let marks = Marks::of(&device);
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
            trace: super::trace::Trace::default(),
            marks,
            marks_stale: false,
            deeds: Vec::new(),
            login_with: None,
        }
    }

    pub fn device(&self) -> &DeviceFile {
        &self.device
    }

    /// The device file as it is now, shared rather than copied (copied only when changed).
    pub fn device_now(&self) -> Arc<DeviceFile> {
        Arc::clone(&self.device)
    }

    /// Mutable access to the device file; marks it for saving.
    pub fn device_mut(&mut self) -> &mut DeviceFile {
        self.device_changed = true;
        self.marks_stale = true;
        Arc::make_mut(&mut self.device)
    }

    /// Whether the device file changed since the last call.
    pub fn take_device_changed(&mut self) -> bool {
        std::mem::take(&mut self.device_changed)
    }

    /// The phone's way of wording things (its skin, in its language).
    pub fn tr(&self) -> Tr {
        Tr::speaking(self.device.phone.skin, self.device.phone.language)
    }

    pub fn t(&self, id: S) -> &'static str {
        self.tr().get(id)
    }

    pub fn on_browser(&self) -> bool {
        self.surface == Surface::Browser
    }

    /// The time as the phone's clock shows it: its time zone, and how far off its clock is
    /// when it was set by hand.
    pub fn local(&self, at: DateTime<Utc>) -> DateTime<Utc> {
        let phone = &self.device.phone;
        let by_hand = if phone.auto_time {
            0
        } else {
            phone.clock_offset_minutes
        };
        // A hostile file's absurd offset shows the real time rather than overflow.
        Duration::try_minutes(i64::from(phone.utc_offset_minutes).saturating_add(by_hand))
            .and_then(|offset| at.checked_add_signed(offset))
            .unwrap_or(at)
    }

    pub fn show_toast(&mut self, text: impl Into<String>) {
        let text = text.into();
        let until = later(self.now, Duration::seconds(toast_seconds(&text)));
        self.toast = Some(Timed { text, until });
    }

    pub fn notify(&mut self, text: impl Into<String>) {
        self.notification = Some(Timed {
            text: text.into(),
            until: later(self.now, Duration::minutes(NOTIFICATION_MINUTES)),
        });
    }

    /// Whether the phone can reach the cloud.
    pub fn online(&self) -> bool {
        self.device.network.connection() != Connection::Offline
    }

    /// Whether what needs Xiaomi's servers is refused where the person is: on the phone with no
    /// connection. The browser's computer is online whatever the phone is.
    pub fn offline(&self) -> bool {
        !self.on_browser() && !self.online()
    }

    /// The account the account pages act on: the phone's, or on the browser the one signed in
    /// there (the same pages serve account.xiaomi.com's "Security").
    pub fn account_index(&self) -> Option<usize> {
        match self.surface {
            Surface::Phone => cloud::signed_in_index(&self.device),
            Surface::Browser => cloud::index_of(&self.device, self.web.account.as_deref()?),
        }
    }

    pub fn account(&self) -> Option<&CloudAccount> {
        self.account_index()
            .map(|index| &self.device.cloud.accounts[index])
    }

    /// A page's title: the phone's, or on the website the site's name before the page's.
    pub fn page_title(&self, page: &str) -> String {
        match self.surface {
            Surface::Phone => page.to_string(),
            Surface::Browser => self.tr().fill(S::WebPageTitle, &[("page", &page)]),
        }
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

/// `now + by`, stopping at the end of the supported years.
pub fn later(now: DateTime<Utc>, by: Duration) -> DateTime<Utc> {
    time::later(now, by)
}
