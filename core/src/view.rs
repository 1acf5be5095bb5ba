//! The view model: how every screen describes itself, once.
//!
//! A [`View`] is produced by the screens layer from the state and completed by the engine (the
//! key hints). Four consumers read it and nothing else: the ratatui renderer, mouse hit-testing,
//! fixture steps (`tap "Sign out"`) and agent observations. So everything a person can see or
//! touch must be in here, and nothing in here may depend on the terminal.

use std::borrow::Cow;

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Text that is usually a literal: most labels and ids are, so building a view seldom allocates.
pub type Text = Cow<'static, str>;

/// What a screen shows right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct View {
    /// Stable machine name of the screen, e.g. `settings` or `about_phone`.
    pub screen: String,
    /// `phone`, or `browser` (i.mi.com and account.xiaomi.com on the same cloud).
    pub surface: &'static str,
    /// The browser's address bar ("account.xiaomi.com/security/devices"); none on the phone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// The title bar text, e.g. "Settings".
    pub title: String,
    /// Whether the title bar shows a back arrow (every screen but the root).
    pub back: bool,
    /// Whether the phone's Home button (⌂, under the screen) does something: on the phone,
    /// unless it is locked or busy.
    pub home: bool,
    /// The status bar: simulated time, network, battery.
    pub status: StatusBar,
    /// The page's elements, top to bottom.
    pub elements: Vec<Element>,
    /// A modal dialog over the page; while it is open only its elements can be touched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dialog: Option<Dialog>,
    /// A dialog over the phone that is not the phone's own (the key help, a lesson's
    /// dialogs): shown, focused and touched before the phone's dialog and page, which it leaves
    /// as they are underneath.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overlay: Option<Dialog>,
    /// A short-lived message at the bottom of the screen ("Wi-Fi turned off").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub toast: Option<String>,
    /// A notification shown at the top (a simulated SMS or email).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notification: Option<String>,
    /// First visible line of the page (the page scrolls; the dialog does not).
    pub scroll: u16,
    /// The keys that do something here, from the engine's key table, most useful first: the
    /// hint line shows as many as fit (optional ones go first when room is short).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub hints: Vec<Hint>,
    /// Words the renderer needs around the page, in the phone's language.
    #[serde(skip)]
    pub words: ChromeWords,
}

/// The renderer's own words, from the string table: what the browser is called, what a
/// terminal too small for the phone says (`{width}`, `{height}`, `{min_width}` and
/// `{min_height}` filled in where it is drawn), and the keys a dialog whose text is cut shows on
/// its bottom edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ChromeWords {
    pub browser: &'static str,
    pub too_small: &'static str,
    /// More of a dialog's text below: the key that shows it.
    pub more_below: &'static str,
    /// More of a dialog's text above.
    pub more_above: &'static str,
    /// A switch that is on, and one that is off, as the phone's language draws them ("[ ON]",
    /// "[ 开]"); empty: the theme's own.
    pub switch_on: &'static str,
    pub switch_off: &'static str,
}

/// One key hint: "Enter open", "F2 browser".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hint {
    /// The key as written on the hint line ("Enter", "↑↓"); empty for "Type".
    pub keys: &'static str,
    /// What it does here ("open", "back").
    pub does: &'static str,
    /// When the line drops it if short of room: 0 never, else the highest rank first.
    pub drop_rank: u8,
}

impl Hint {
    /// The drop rank of a hint that goes only when nothing else makes room, not even the dots
    /// and spaces between hints (Enter's, the key a person guesses first), so that the browser's way back and
    /// `?` stay on a 40-column line.
    pub const LAST_RESORT: u8 = 1;

    /// The hint as the line shows it: "Enter open", or just "Type".
    pub fn text(&self) -> String {
        if self.keys.is_empty() {
            self.does.to_string()
        } else {
            format!("{} {}", self.keys, self.does)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
pub struct StatusBar {
    /// Local time of the phone, "HH:MM".
    pub time: String,
    /// Network as icons would say it: "Wi-Fi", "4G", "No data", or "Airplane".
    pub network: String,
    pub battery_percent: u8,
}

/// A modal dialog: a title, some text, and its own elements (fields first, then buttons).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dialog {
    pub id: String,
    pub title: String,
    /// Paragraphs of explanatory text.
    pub body: Vec<String>,
    pub elements: Vec<Element>,
    /// How far its text (title, body, fields) is scrolled, in lines, when it does not fit.
    pub scroll: u16,
}

/// One thing on screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Element {
    /// Stable id such as `settings.wifi` or `account.sign_out`: fixtures and agents rely on it.
    pub id: Text,
    pub role: Role,
    /// The main text, exactly as a person reads it (fixtures tap by this).
    pub label: Text,
    /// Text shown on the right of a row ("HomeNet", "Off") or a text field's content (masked
    /// when the field is a password).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Text>,
    /// A smaller second line under the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// On/off for switches and checkboxes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked: Option<bool>,
    pub enabled: bool,
    pub focused: bool,
    /// Where the text cursor is in a text field's value, in characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cursor: Option<usize>,
}

/// What kind of thing an element is: decides how it is drawn and whether it can be focused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// A group heading; a blank gap above it separates groups.
    Section,
    /// Read-only text; wraps to the width of the screen.
    Text,
    /// A message about what just went wrong ("Invalid username or password"); wraps.
    Error,
    /// A notification on the phone (a simulated SMS or email); wraps.
    Notice,
    /// A read-only fact: label on the left, value on the right ("Model   Redmi Note 13 Pro").
    Info,
    /// A profile header: label is the name, summary the account line. Can be tapped.
    Header,
    /// A row that opens something (drawn with a chevron).
    Row,
    /// A row with an on/off switch.
    Switch,
    /// A checkbox with its text.
    Checkbox,
    /// A button.
    Button,
    /// A one-line text input; `value` is what it shows.
    TextField,
    /// A password input: `value` is masked unless the person chose "Show password"; anything
    /// that leaves the phone masks it regardless (`View::redact_secrets`).
    PasswordField,
    /// A browser tab naming a site ("account.xiaomi.com"); `checked` marks the open one.
    Tab,
}

impl Role {
    /// Whether keyboard focus can land on an element of this role.
    pub fn focusable(self) -> bool {
        !matches!(
            self,
            Role::Section | Role::Text | Role::Error | Role::Notice | Role::Info
        )
    }

    /// Whether typing goes into an element of this role.
    pub fn is_text_input(self) -> bool {
        matches!(self, Role::TextField | Role::PasswordField)
    }
}

impl Element {
    /// A plain element of `role`; the builder methods below add the rest.
    pub fn new(id: impl Into<Text>, role: Role, label: impl Into<Text>) -> Element {
        Element {
            id: id.into(),
            role,
            label: label.into(),
            value: None,
            summary: None,
            checked: None,
            enabled: true,
            focused: false,
            cursor: None,
        }
    }

    pub fn row(id: impl Into<Text>, label: impl Into<Text>) -> Element {
        Element::new(id, Role::Row, label)
    }

    pub fn section(id: impl Into<Text>, label: impl Into<Text>) -> Element {
        Element::new(id, Role::Section, label)
    }

    pub fn text(id: impl Into<Text>, label: impl Into<Text>) -> Element {
        Element::new(id, Role::Text, label)
    }

    pub fn info(id: impl Into<Text>, label: impl Into<Text>, value: impl Into<Text>) -> Element {
        Element::new(id, Role::Info, label).value(value)
    }

    pub fn error(id: impl Into<Text>, label: impl Into<Text>) -> Element {
        Element::new(id, Role::Error, label)
    }

    pub fn button(id: impl Into<Text>, label: impl Into<Text>) -> Element {
        Element::new(id, Role::Button, label)
    }

    pub fn switch(id: impl Into<Text>, label: impl Into<Text>, on: bool) -> Element {
        Element::new(id, Role::Switch, label).checked(on)
    }

    pub fn value(mut self, value: impl Into<Text>) -> Element {
        self.value = Some(value.into());
        self
    }

    pub fn summary(mut self, summary: impl Into<Text>) -> Element {
        self.summary = Some(summary.into());
        self
    }

    pub fn checked(mut self, checked: bool) -> Element {
        self.checked = Some(checked);
        self
    }

    pub fn enabled(mut self, enabled: bool) -> Element {
        self.enabled = enabled;
        self
    }

    /// Whether keyboard focus and taps can reach this element.
    pub fn interactive(&self) -> bool {
        self.enabled && self.role.focusable()
    }
}

impl View {
    /// A view with nothing on it, before the first frame.
    pub fn empty() -> View {
        View {
            screen: String::new(),
            surface: "phone",
            address: None,
            title: String::new(),
            back: false,
            home: false,
            status: StatusBar {
                time: String::new(),
                network: String::new(),
                battery_percent: 0,
            },
            elements: Vec::new(),
            dialog: None,
            overlay: None,
            toast: None,
            notification: None,
            scroll: 0,
            hints: Vec::new(),
            words: ChromeWords::default(),
        }
    }

    /// Masks every password field's value, revealed or not: what leaves the phone (replay
    /// frames, transcripts, casts, agent observations) never carries a password.
    pub fn redact_secrets(&mut self) {
        let dialogs = self.dialog.iter_mut().chain(self.overlay.iter_mut());
        let dialog = dialogs.flat_map(|d| d.elements.iter_mut());
        for element in self.elements.iter_mut().chain(dialog) {
            if element.role == Role::PasswordField
                && let Some(value) = &element.value
            {
                element.value = Some("•".repeat(value.chars().count()).into());
            }
        }
    }

    /// The dialog in front: an overlay, else the phone's dialog.
    pub fn top_dialog(&self) -> Option<&Dialog> {
        self.overlay.as_ref().or(self.dialog.as_ref())
    }

    /// The elements a person can touch now: the dialog's in front when one is open, else the
    /// page's.
    pub fn active_elements(&self) -> &[Element] {
        match self.top_dialog() {
            Some(dialog) => &dialog.elements,
            None => &self.elements,
        }
    }

    pub fn focused(&self) -> Option<&Element> {
        self.active_elements().iter().find(|e| e.focused)
    }

    pub fn find(&self, id: &str) -> Option<&Element> {
        self.active_elements().iter().find(|e| e.id == id)
    }
}
