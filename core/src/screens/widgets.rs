//! Element builders and formats that several screens share: text fields, checkboxes, lists of
//! data items, the recovery phone and email, the code step of the account forms, storage sizes
//! and times as the phone writes them.

use chrono::{DateTime, Duration, Utc};

use super::text_input::TextInput;
use super::world::World;
use crate::sim::cloud;
use crate::sim::device::{CloudAccount, CodePurpose, Item};
use crate::strings::{S, Tr};
use crate::view::{Element, Role, Text};

/// The elements of a page listing data items, each with its id: the count line, "Nothing here",
/// the rows (a row's id by its place in the list) and the line after a cut list.
pub struct ItemListIds<I> {
    pub count: I,
    pub none: I,
    pub item: fn(usize) -> I,
    pub more: I,
}

/// A page's list of data items (the phone's apps, i.mi.com's copy of them): how many there are
/// (`count`, its `{count}` filled in), "Nothing here" when none, the first [`LIST_SHOWN`] rows
/// with `mark` after a row's detail where it says something, and how many more there are.
pub fn item_list<I: Into<Text>>(
    tr: Tr,
    ids: ItemListIds<I>,
    count: S,
    items: &[Item],
    mark: impl Fn(&Item) -> Option<&'static str>,
) -> Vec<Element> {
    let mut elements = vec![Element::text(
        ids.count,
        tr.fill(count, &[("count", &count_text(items.len()))]),
    )];
    if items.is_empty() {
        elements.push(Element::text(ids.none, tr.get(S::NothingHere)));
    }
    elements.extend(item_rows(listed(items), ids.item, mark));
    elements.extend(list_more(tr, ids.more, items.len()));
    elements
}

/// Read-only rows for data items (contacts, photos, notes, messages): each titled, its detail
/// under it, and `mark` after the detail where it says something (such as "In Mi Cloud").
fn item_rows<'a, I: Into<Text>>(
    items: &'a [Item],
    id: impl Fn(usize) -> I + 'a,
    mark: impl Fn(&Item) -> Option<&'static str> + 'a,
) -> impl Iterator<Item = Element> + 'a {
    items.iter().enumerate().map(move |(index, item)| {
        let mut summary: Vec<&str> = Vec::new();
        if !item.detail.is_empty() {
            summary.push(&item.detail);
        }
        summary.extend(mark(item));
        let element = Element::new(id(index), Role::Info, item.title.clone());
        if summary.is_empty() {
            element
        } else {
            element.summary(summary.join(" · "))
        }
    })
}

/// How many rows a page lists of a long list (the account's devices, a data app's items,
/// i.mi.com's copy of them): the first 200, then [`list_more`] says how many there are. A page
/// builds an element per row on every step, so a list of 100,000 would make every key slow; 200
/// rows are more than a person scrolls through on a phone, and the last line says the rest.
pub const LIST_SHOWN: usize = 200;

/// The first [`LIST_SHOWN`] of `items`: the rows a page lists.
pub fn listed<T>(items: &[T]) -> &[T] {
    &items[..items.len().min(LIST_SHOWN)]
}

/// The last line of a list cut at [`LIST_SHOWN`] ("The first 200 of 100,000 are shown."), when
/// `total` rows did not all fit.
pub fn list_more(tr: Tr, id: impl Into<Text>, total: usize) -> Option<Element> {
    (total > LIST_SHOWN).then(|| {
        Element::text(
            id,
            tr.fill(
                S::ListMore,
                &[
                    ("shown", &count_text(LIST_SHOWN)),
                    ("total", &count_text(total)),
                ],
            ),
        )
    })
}

/// A count as the phone writes it, its digits grouped by thousands: "100,000".
pub fn count_text(count: usize) -> String {
    let digits = count.to_string();
    let mut text = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            text.push(',');
        }
        text.push(digit);
    }
    text
}

/// The elements of a new password typed twice: the password, the rules under it, the
/// confirmation and "Show password", each with its id.
pub struct NewPasswordIds<I> {
    pub password: I,
    pub rules: I,
    pub confirm: I,
    pub show: I,
}

/// A new password typed twice (`labels`: the password's and the confirmation's), the rules
/// between them, then "Show password", which shows both or neither.
pub fn new_password_fields<I: Into<Text>>(
    tr: Tr,
    ids: NewPasswordIds<I>,
    labels: (S, S),
    password: &TextInput,
    confirm: &TextInput,
    shown: bool,
) -> [Element; 4] {
    [
        password_field(ids.password, tr.get(labels.0), password, shown),
        Element::text(ids.rules, tr.get(S::PasswordRules)),
        password_field(ids.confirm, tr.get(labels.1), confirm, shown),
        checkbox(ids.show, tr.get(S::ShowPassword), shown),
    ]
}

/// The account's recovery phone number and email, as the account pages show them (Account
/// security on the phone, Personal info on the website): each masked, or "Not set". `ids`: the
/// phone number's row and the email's.
pub fn recovery_rows<I: Into<Text>>(tr: Tr, account: &CloudAccount, ids: (I, I)) -> [Element; 2] {
    [
        Element::info(
            ids.0,
            tr.get(S::RecoveryPhone),
            masked_or_not_set(tr, &account.phone),
        ),
        Element::info(
            ids.1,
            tr.get(S::RecoveryEmail),
            masked_or_not_set(tr, &account.email),
        ),
    ]
}

/// A recovery phone number or email as the account pages show it: masked, or "Not set".
fn masked_or_not_set(tr: Tr, text: &str) -> String {
    if text.is_empty() {
        tr.get(S::NotSet).to_string()
    } else {
        cloud::masked(text)
    }
}

/// A text field element showing `input`.
pub fn text_field(id: impl Into<Text>, label: &'static str, input: &TextInput) -> Element {
    let mut element = Element::new(id, Role::TextField, label).value(input.text().to_string());
    element.cursor = Some(input.cursor());
    element
}

/// A password field: masked here, in the core, unless the person asked to see it, so no
/// consumer of the view ever sees a password it was not shown.
pub fn password_field(
    id: impl Into<Text>,
    label: &'static str,
    input: &TextInput,
    revealed: bool,
) -> Element {
    let shown = if revealed {
        input.text().to_string()
    } else {
        "•".repeat(input.text().chars().count())
    };
    let mut element = Element::new(id, Role::PasswordField, label).value(shown);
    element.cursor = Some(input.cursor());
    element
}

pub fn checkbox(id: impl Into<Text>, label: &'static str, on: bool) -> Element {
    Element::new(id, Role::Checkbox, label).checked(on)
}

/// The error line of a form, when it has one.
pub fn error_line(id: impl Into<Text>, error: Option<&'static str>) -> Option<Element> {
    error.map(|text| Element::error(id, text))
}

/// The code step shared by two-step sign-in, account creation and password reset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeStep {
    /// The phone number or email the code went to.
    pub to: String,
    pub code: TextInput,
}

impl CodeStep {
    pub fn to(to: String) -> CodeStep {
        CodeStep {
            to,
            code: TextInput::code(cloud::CODE_DIGITS),
        }
    }

    /// Checks the code typed against the one sent for `purpose` (a right code works once). A
    /// wrong or used-up code is cleared from the field, as a wrong password is, so the next one
    /// is not typed after it.
    pub fn check(&mut self, world: &mut World, purpose: CodePurpose) -> Result<(), S> {
        // The servers check it: offline the code is not even tried, and stays for a retry.
        if world.offline() {
            return Err(S::Offline);
        }
        let now = world.now;
        let checked =
            cloud::check_code(world.device_mut(), &self.to, purpose, self.code.text(), now);
        if checked.is_err() {
            self.code.clear();
        }
        checked.map_err(S::from)
    }

    /// "Code sent to +86 *** **** 8000", the code field, and "Resend code" (or its countdown).
    pub fn elements(
        &self,
        world: &World,
        purpose: CodePurpose,
        sent: impl Into<Text>,
        field: impl Into<Text>,
        resend: impl Into<Text>,
    ) -> [Element; 3] {
        let tr = world.tr();
        let (sent_to, enter) = if self.to.contains('@') {
            (S::CodeSentToEmail, S::EnterEmailCode)
        } else {
            (S::CodeSentTo, S::EnterCode)
        };
        [
            Element::text(sent, tr.fill(sent_to, &[("to", &cloud::masked(&self.to))])),
            text_field(field, tr.get(enter), &self.code),
            resend_button(resend, world, &self.to, purpose),
        ]
    }
}

/// "Resend code", or "Send in 42" (disabled) while the countdown runs.
fn resend_button(id: impl Into<Text>, world: &World, to: &str, purpose: CodePurpose) -> Element {
    let tr = world.tr();
    match cloud::resend_at(world.device(), to, purpose).filter(|at| *at > world.now) {
        Some(at) => Element::button(
            id,
            tr.fill(S::SendIn, &[("seconds", &seconds_until(world.now, at))]),
        )
        .enabled(false),
        None => Element::button(id, tr.get(S::ResendCode)),
    }
}

fn seconds_until(now: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    // Round up, so the countdown never shows 0 while it still waits.
    let millis = (at - now).num_milliseconds().max(0);
    (millis + 999) / 1000
}

/// A device name as an account keeps it, in the phone's words: sign-ins on the website are
/// kept as "Web browser" (data, in English, whatever the phone's language) and shown as the
/// phone says it.
pub fn device_name(tr: Tr, name: &str) -> String {
    let web = Tr::new(tr.skin).get(S::WebBrowserDevice);
    if name == web {
        tr.get(S::WebBrowserDevice).to_string()
    } else {
        name.to_string()
    }
}

/// Bytes as the storage line shows them: "54.3 MB", "1.2 GB".
pub fn storage_text(bytes: u64) -> String {
    const MB: f64 = 1_000_000.0;
    const GB: f64 = 1_000_000_000.0;
    let bytes = bytes as f64;
    if bytes >= GB {
        format!("{:.1} GB", bytes / GB)
    } else if bytes >= MB / 10.0 {
        format!("{:.1} MB", bytes / MB)
    } else if bytes > 0.0 {
        format!("{:.0} KB", (bytes / 1000.0).ceil())
    } else {
        "0 KB".to_string()
    }
}

/// A date and time in the phone's time zone: "Nov 20, 2026 09:12".
pub fn local_date_time(world: &World, at: DateTime<Utc>) -> String {
    world
        .local(at)
        .format(world.t(S::FormatDateTime))
        .to_string()
}

/// "Just now", "5 mins ago", "3 hours ago", "Yesterday" (doc words where the phone has them),
/// else the date, in the phone's local time.
pub fn relative_time(world: &World, at: DateTime<Utc>) -> String {
    let tr = world.tr();
    let ago = world.now - at;
    if ago < Duration::minutes(1) {
        return tr.get(S::JustNow).to_string();
    }
    if ago < Duration::hours(1) {
        return match ago.num_minutes() {
            1 => tr.get(S::OneMinAgo).to_string(),
            minutes => tr.fill(S::MinsAgo, &[("minutes", &minutes)]),
        };
    }
    let (day, today) = (
        world.local(at).date_naive(),
        world.local(world.now).date_naive(),
    );
    if day == today {
        match ago.num_hours() {
            1 => tr.get(S::OneHourAgo).to_string(),
            hours => tr.fill(S::HoursAgo, &[("hours", &hours)]),
        }
    } else if today.pred_opt() == Some(day) {
        tr.get(S::Yesterday).to_string()
    } else {
        world.local(at).format(tr.get(S::FormatDate)).to_string()
    }
}
