//! Modal dialogs: what each shows and what its buttons do. A dialog carries the pending change
//! until it is confirmed, so cancelling (Esc, "Cancel") changes nothing; when confirmed it hands
//! the change on as an [`DialogAnswer`] (gitui's confirm-action pattern), and the flows carry it out.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};

use super::ids::{ElementId, ids};
use super::text_input::TextInput;
use super::widgets::{local_date_time, password_field, text_field};
use super::world::World;
use crate::sim::cloud;
use crate::sim::device::App;
use crate::strings::S;
use crate::view::{self, Element};

/// The longest device name the phone accepts, in characters.
pub const MAX_DEVICE_NAME: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhoneDialog {
    /// About phone → Device name.
    RenameDevice {
        name: TextInput,
        error: Option<DeviceNameProblem>,
    },
    /// Mi Account → Sign out: "Sign out?" (seed 002 step 5).
    ConfirmSignOut,
    /// The account password, asked before signing out with Find Device on, turning Find Device
    /// off, erasing a phone that has an account, or switching two-step verification.
    AccountPassword {
        purpose: PasswordPurpose,
        password: TextInput,
        error: Option<S>,
    },
    /// "Turn off Find Device?" (doc), before the password.
    TurnOffFindDevice,
    /// About phone → Factory reset → "Erase all data".
    ConfirmFactoryReset,
    /// The phone rings: Find Device's "Play sound" from the browser.
    Ringing,
    /// Devices → a device → "Remove", on the phone or on account.xiaomi.com (`web`).
    RemoveDevice { device_id: String, web: bool },
    /// i.mi.com: "Erase data?".
    WebErase,
    /// "Delete synced items from this device?" with the apps that have synced items.
    KeepOrRemove { apps: Vec<App> },
    /// A device-management policy forbids signing out (seed 002).
    SignOutRefused { managed_by: String },
    /// The phone was signed out from elsewhere (removed on the website): the account's name.
    SignedOutRemotely { account: String },
    /// Date & time set by hand: the date or the time, as typed.
    SetClock {
        part: ClockPart,
        input: TextInput,
        error: Option<S>,
    },
    /// Just signed in to `account` (its name), with items on the phone that came from another
    /// account (`apps`): merge them into this account's cloud, or keep them on the phone only.
    Merge { account: String, apps: Vec<App> },
    /// Just signed in to an account whose Mi Cloud holds a backup with data this phone lacks:
    /// the backed-up phone's name and when it was backed up.
    Restore { device: String, at: DateTime<Utc> },
    /// Work in progress ("Signing out…"): nothing can be touched until `until`, when what it
    /// carries is carried out.
    Working {
        /// What is going on ("Signing out…").
        doing: S,
        until: DateTime<Utc>,
        then: Confirmed,
    },
}

/// The id of the work-in-progress dialog's view: keys wait while it is up.
pub const WORKING: &str = "working";

/// Which half of the phone's clock a person sets by hand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClockPart {
    Date,
    Time,
}

/// The furthest a clock may be set from the real time (a century, in minutes).
const MOST_CLOCK_OFFSET_MINUTES: i64 = 100 * 366 * 24 * 60;

/// What the account password is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordPurpose {
    SignOut,
    TurnOffFindDevice,
    FactoryReset,
    /// Account security → Two-step verification: turning it on (`on`) or off.
    TwoStep {
        on: bool,
    },
}

/// What a touch on a dialog leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogAnswer {
    /// The dialog closes.
    Close,
    /// Another dialog takes its place.
    Open(PhoneDialog),
    /// The focus goes to one of its elements (the field to fix).
    Focus(DialogId),
    /// The change it carried is confirmed: a flow carries it out.
    Then(Confirmed),
}

/// A change a dialog carried, now confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmed {
    /// "Sign out" in "Sign out?".
    SignOut,
    /// "Keep" (true) or "Remove" in "Delete synced items from this device?".
    KeepData(bool),
    RemoveDevice(String),
    /// i.mi.com's "Erase data?".
    WebErase,
    /// About phone's "Erase all data?".
    FactoryReset,
    /// The account password was right, for this purpose.
    Password(PasswordPurpose),
    /// "Forgot password?" under the account password: the flow that resets it.
    ForgotPassword,
    /// "Signing out…" is over: the phone signs out, keeping its synced data (`keep`) or not.
    SignOutNow {
        keep: bool,
    },
    /// "Merge" (true) or "Don't merge" the data that came from another account.
    Merge(bool),
    /// "Back up your data" in "Sign out?" (seed 002): Cloud backup opens instead.
    OpenBackup,
    /// "Backing up…" is over: the backup is stored.
    BackUpNow,
    /// "Restore" (true) or "Not now" for the backup offered at sign-in.
    Restore(bool),
}

/// What is wrong with a new device name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeviceNameProblem {
    Empty,
    TooLong,
}

ids! {
    /// The elements dialogs are made of.
    pub enum DialogId {
        Cancel = "dialog.cancel",
        Confirm = "dialog.confirm",
        Ok = "dialog.ok",
        Stop = "dialog.stop",
        Keep = "dialog.keep",
        Remove = "dialog.remove",
        Password = "dialog.password",
        Forgot = "dialog.forgot",
        Merge = "dialog.merge",
        Clock = "dialog.clock",
        DontMerge = "dialog.dont_merge",
        Backup = "dialog.backup",
        Restore = "dialog.restore",
        NotNow = "dialog.not_now",
        DeviceName = "dialog.device_name",
        Error = "dialog.error",
    }
}

impl PhoneDialog {
    pub fn account_password(purpose: PasswordPurpose) -> PhoneDialog {
        PhoneDialog::AccountPassword {
            purpose,
            password: TextInput::default(),
            error: None,
        }
    }

    /// Sets the date or the time by hand, starting from the phone's clock as it shows it.
    pub fn set_clock(part: ClockPart) -> PhoneDialog {
        PhoneDialog::SetClock {
            part,
            input: TextInput::default(),
            error: None,
        }
    }

    pub fn rename_device(current: String) -> PhoneDialog {
        PhoneDialog::RenameDevice {
            name: TextInput::new(current),
            error: None,
        }
    }

    pub fn view(&self, world: &World) -> view::Dialog {
        let tr = world.tr();
        let t = |id: S| tr.get(id);
        let button = |id: DialogId, label: S| Element::button(id, t(label));
        let dialog =
            |id: &str, title: &str, body: Vec<String>, elements: Vec<Element>| view::Dialog {
                id: id.to_string(),
                title: title.to_string(),
                body,
                elements,
                scroll: 0,
            };
        match self {
            PhoneDialog::ConfirmSignOut => dialog(
                "confirm_sign_out",
                t(S::SignOut),
                vec![
                    t(S::ConfirmSignOutBody).into(),
                    t(S::BackUpBeforeSignOut).into(),
                ],
                // The way to Cloud backup comes after the buttons, so "Cancel" keeps the first
                // focus; it shows above them, with the text.
                vec![
                    button(DialogId::Cancel, S::Cancel),
                    button(DialogId::Confirm, S::SignOut),
                    Element::row(DialogId::Backup, t(S::BackUpYourData)),
                ],
            ),
            PhoneDialog::TurnOffFindDevice => dialog(
                "turn_off_find_device",
                t(S::TurnOffFindDeviceTitle),
                vec![t(S::TurnOffFindDeviceBody).into()],
                vec![
                    button(DialogId::Confirm, S::TurnOffAnyway),
                    button(DialogId::Cancel, S::KeepOn),
                ],
            ),
            PhoneDialog::RemoveDevice { web, .. } => dialog(
                "remove_device",
                t(S::RemoveDeviceTitle),
                vec![t(S::RemoveNotice).into()],
                vec![
                    button(DialogId::Cancel, S::Cancel),
                    // The website's word is "Delete" (seed 001: "Click Delete device", then
                    // "Click Delete").
                    button(
                        DialogId::Confirm,
                        if *web { S::Delete } else { S::RemoveDevice },
                    ),
                ],
            ),
            PhoneDialog::Ringing => dialog(
                "ringing",
                t(S::FindDevice),
                vec![t(S::RingingBody).into()],
                vec![button(DialogId::Stop, S::Stop)],
            ),
            PhoneDialog::WebErase => dialog(
                "web_erase",
                t(S::EraseDataTitle),
                vec![t(S::WebEraseBody).into()],
                vec![
                    button(DialogId::Cancel, S::Cancel),
                    button(DialogId::Confirm, S::Erase),
                ],
            ),
            PhoneDialog::ConfirmFactoryReset => dialog(
                "confirm_factory_reset",
                t(S::EraseAllDataTitle),
                vec![t(S::FactoryResetConfirmBody).into()],
                vec![
                    button(DialogId::Cancel, S::Cancel),
                    button(DialogId::Confirm, S::Erase),
                ],
            ),
            PhoneDialog::AccountPassword {
                purpose,
                password,
                error,
            } => {
                let mut elements = vec![password_field(
                    DialogId::Password,
                    t(S::Password),
                    password,
                    false,
                )];
                if let Some(error) = error {
                    elements.push(Element::error(DialogId::Error, t(*error)));
                }
                // Seed 002: "You can also reset your password by clicking on the Forgot Password
                // link."
                elements.push(Element::row(DialogId::Forgot, t(S::ForgotPassword)));
                elements.push(button(DialogId::Cancel, S::Cancel));
                elements.push(button(DialogId::Ok, S::Ok));
                let body = match purpose {
                    PasswordPurpose::SignOut => S::PasswordForSignOut,
                    PasswordPurpose::TurnOffFindDevice => S::PasswordForFindDevice,
                    PasswordPurpose::FactoryReset => S::PasswordForFactoryReset,
                    PasswordPurpose::TwoStep { on: true } => S::PasswordForTwoStepOn,
                    PasswordPurpose::TwoStep { on: false } => S::PasswordForTwoStepOff,
                };
                dialog(
                    "account_password",
                    t(S::EnterPasswordTitle),
                    vec![t(body).into()],
                    elements,
                )
            }
            PhoneDialog::KeepOrRemove { apps } => {
                let names: Vec<&str> = apps.iter().map(|&app| tr.app(app)).collect();
                dialog(
                    "keep_or_remove",
                    t(S::KeepOrRemoveTitle),
                    vec![
                        t(S::KeepOrRemoveBody).into(),
                        names.join(t(S::ListSeparator)),
                    ],
                    vec![
                        button(DialogId::Remove, S::Remove),
                        button(DialogId::Keep, S::Keep),
                    ],
                )
            }
            PhoneDialog::SetClock { part, input, error } => {
                let (title, hint) = match part {
                    ClockPart::Date => (S::Date, S::EnterDateHint),
                    ClockPart::Time => (S::Time, S::EnterTimeHint),
                };
                let mut elements = vec![text_field(DialogId::Clock, t(title), input)];
                if let Some(error) = error {
                    elements.push(Element::error(DialogId::Error, t(*error)));
                }
                elements.push(button(DialogId::Cancel, S::Cancel));
                elements.push(button(DialogId::Ok, S::Ok));
                dialog("set_clock", t(title), vec![t(hint).into()], elements)
            }
            PhoneDialog::Merge { account, apps } => {
                let names: Vec<&str> = apps.iter().map(|&app| tr.app(app)).collect();
                dialog(
                    "merge",
                    t(S::MergeTitle),
                    vec![
                        tr.fill(S::MergeBody, &[("name", account)]),
                        names.join(t(S::ListSeparator)),
                    ],
                    vec![
                        button(DialogId::DontMerge, S::DontMerge),
                        button(DialogId::Merge, S::Merge),
                    ],
                )
            }
            PhoneDialog::Restore { device, at } => dialog(
                "restore",
                t(S::RestoreTitle),
                vec![tr.fill(
                    S::RestoreBody,
                    &[("device", device), ("when", &local_date_time(world, *at))],
                )],
                vec![
                    button(DialogId::NotNow, S::NotNow),
                    button(DialogId::Restore, S::Restore),
                ],
            ),
            PhoneDialog::SignedOutRemotely { account } => dialog(
                "signed_out_remotely",
                t(S::SignedOutRemotelyTitle),
                vec![tr.fill(S::SignedOutRemotelyBody, &[("name", account)])],
                vec![button(DialogId::Ok, S::Ok)],
            ),
            PhoneDialog::SignOutRefused { managed_by } => dialog(
                "sign_out_refused",
                t(S::CantSignOut),
                vec![tr.fill(S::SignOutRefusedBody, &[("organisation", managed_by)])],
                vec![button(DialogId::Cancel, S::Ok)],
            ),
            // What is going on is the body, as the phone's progress dialogs show it.
            PhoneDialog::Working { doing, .. } => {
                dialog(WORKING, t(S::Account), vec![t(*doing).into()], Vec::new())
            }
            PhoneDialog::RenameDevice { name, error } => {
                let mut elements = vec![text_field(DialogId::DeviceName, t(S::DeviceName), name)];
                if let Some(error) = error {
                    let text = match error {
                        DeviceNameProblem::Empty => t(S::EnterDeviceName).to_string(),
                        DeviceNameProblem::TooLong => {
                            tr.fill(S::DeviceNameTooLong, &[("max", &MAX_DEVICE_NAME)])
                        }
                    };
                    elements.push(Element::error(DialogId::Error, text));
                }
                elements.push(button(DialogId::Cancel, S::Cancel));
                elements.push(button(DialogId::Ok, S::Ok));
                dialog(
                    "rename_device",
                    t(S::DeviceName),
                    vec![t(S::DeviceNameBody).into()],
                    elements,
                )
            }
        }
    }

    /// What the work in progress carries, once its time has come.
    pub fn due(&self, now: DateTime<Utc>) -> Option<&Confirmed> {
        match self {
            PhoneDialog::Working { until, then, .. } if *until <= now => Some(then),
            _ => None,
        }
    }

    /// Work in progress, which nothing interrupts.
    pub fn is_working(&self) -> bool {
        matches!(self, PhoneDialog::Working { .. })
    }

    /// One of its fields was edited: an error about what was there no longer applies.
    pub fn edited(&mut self) {
        match self {
            PhoneDialog::AccountPassword { error, .. } => *error = None,
            PhoneDialog::SetClock { error, .. } => *error = None,
            PhoneDialog::RenameDevice { error, .. } => *error = None,
            _ => {}
        }
    }

    /// The text field `id` of this dialog, for typing.
    pub fn field(&mut self, id: &str) -> Option<&mut TextInput> {
        match (self, DialogId::parse(id)?) {
            (PhoneDialog::RenameDevice { name, .. }, DialogId::DeviceName) => Some(name),
            (PhoneDialog::AccountPassword { password, .. }, DialogId::Password) => Some(password),
            (PhoneDialog::SetClock { input, .. }, DialogId::Clock) => Some(input),
            _ => None,
        }
    }

    /// A touch on the dialog's element `id`: what happens next, if anything.
    pub fn tap(&mut self, id: &str, world: &mut World) -> Option<DialogAnswer> {
        let id = DialogId::parse(id)?;
        if id == DialogId::Cancel {
            return Some(DialogAnswer::Close);
        }
        let confirmed = |what| (id == DialogId::Confirm).then_some(DialogAnswer::Then(what));
        match self {
            PhoneDialog::ConfirmSignOut if id == DialogId::Backup => {
                Some(DialogAnswer::Then(Confirmed::OpenBackup))
            }
            PhoneDialog::ConfirmSignOut => confirmed(Confirmed::SignOut),
            PhoneDialog::TurnOffFindDevice => (id == DialogId::Confirm).then(|| {
                DialogAnswer::Open(PhoneDialog::account_password(
                    PasswordPurpose::TurnOffFindDevice,
                ))
            }),
            PhoneDialog::RemoveDevice { device_id, .. } => {
                confirmed(Confirmed::RemoveDevice(device_id.clone()))
            }
            PhoneDialog::Ringing => (id == DialogId::Stop).then(|| {
                world.device_mut().phone.ringing = false;
                DialogAnswer::Close
            }),
            PhoneDialog::WebErase => confirmed(Confirmed::WebErase),
            PhoneDialog::ConfirmFactoryReset => confirmed(Confirmed::FactoryReset),
            PhoneDialog::AccountPassword {
                purpose,
                password,
                error,
            } => {
                if id == DialogId::Forgot {
                    return Some(DialogAnswer::Then(Confirmed::ForgotPassword));
                }
                // Enter in the field confirms, as the keyboard's "done" key does on a phone.
                if id != DialogId::Ok && id != DialogId::Password {
                    return None;
                }
                let right = world
                    .account()
                    .is_some_and(|a| cloud::verify_password(&a.password_hash, password.text()));
                if right {
                    return Some(DialogAnswer::Then(Confirmed::Password(*purpose)));
                }
                // Nothing changes: the dialog asks again.
                *password = TextInput::default();
                *error = Some(match purpose {
                    PasswordPurpose::TwoStep { .. } => S::WrongPassword,
                    _ => S::WrongSignOutPassword,
                });
                Some(DialogAnswer::Focus(DialogId::Password))
            }
            PhoneDialog::KeepOrRemove { .. } => match id {
                DialogId::Keep => Some(DialogAnswer::Then(Confirmed::KeepData(true))),
                DialogId::Remove => Some(DialogAnswer::Then(Confirmed::KeepData(false))),
                _ => None,
            },
            PhoneDialog::SetClock { part, input, error } => {
                if id != DialogId::Ok && id != DialogId::Clock {
                    return None;
                }
                match set_clock(*part, input.text(), world) {
                    Ok(()) => Some(DialogAnswer::Close),
                    Err(problem) => {
                        *error = Some(problem);
                        Some(DialogAnswer::Focus(DialogId::Clock))
                    }
                }
            }
            PhoneDialog::Merge { .. } => match id {
                DialogId::Merge => Some(DialogAnswer::Then(Confirmed::Merge(true))),
                DialogId::DontMerge => Some(DialogAnswer::Then(Confirmed::Merge(false))),
                _ => None,
            },
            PhoneDialog::Restore { .. } => match id {
                DialogId::Restore => Some(DialogAnswer::Then(Confirmed::Restore(true))),
                DialogId::NotNow => Some(DialogAnswer::Then(Confirmed::Restore(false))),
                _ => None,
            },
            PhoneDialog::SignedOutRemotely { .. } => (id == DialogId::Ok).then(|| {
                world.device_mut().phone.signed_out_remotely = None;
                DialogAnswer::Close
            }),
            PhoneDialog::SignOutRefused { .. } | PhoneDialog::Working { .. } => None,
            PhoneDialog::RenameDevice { name, error } => {
                if id != DialogId::Ok && id != DialogId::DeviceName {
                    return None;
                }
                rename(name, error, world)
            }
        }
    }
}

/// The phone's clock set by hand: `typed` is the date (YYYY-MM-DD) or the time (HH:MM) as its
/// clock should show it; the rest stays as it shows now. Refused with the reason.
fn set_clock(part: ClockPart, typed: &str, world: &mut World) -> Result<(), S> {
    let shown = world.local(world.now).naive_utc();
    let typed = typed.trim();
    let wanted = match part {
        ClockPart::Date => NaiveDate::parse_from_str(typed, "%Y-%m-%d")
            .map(|date| date.and_time(shown.time()))
            .map_err(|_| S::EnterDateLike)?,
        ClockPart::Time => NaiveTime::parse_from_str(typed, "%H:%M")
            .map(|time| shown.date().and_time(time))
            .map_err(|_| S::EnterTimeLike)?,
    };
    let offset = (wanted - shown).num_minutes();
    let phone = &world.device().phone;
    let total = phone.clock_offset_minutes.saturating_add(offset);
    if total.abs() > MOST_CLOCK_OFFSET_MINUTES {
        return Err(S::ClockTooFarOff);
    }
    world.device_mut().phone.clock_offset_minutes = total;
    Ok(())
}

/// A new device name: refused with the reason, or given to the phone.
fn rename(
    name: &TextInput,
    error: &mut Option<DeviceNameProblem>,
    world: &mut World,
) -> Option<DialogAnswer> {
    let new_name = name.text().trim().to_string();
    *error = if new_name.is_empty() {
        Some(DeviceNameProblem::Empty)
    } else if new_name.chars().count() > MAX_DEVICE_NAME {
        Some(DeviceNameProblem::TooLong)
    } else {
        None
    };
    if error.is_some() {
        return None;
    }
    if world.device().phone.name != new_name {
        world.device_mut().phone.name = new_name;
    }
    Some(DialogAnswer::Close)
}
