//! Modal dialogs: what each shows and what its buttons do. A dialog carries the pending change
//! until it is confirmed, so cancelling (Esc, "Cancel") changes nothing.

use crate::sim::cloud;
use crate::sim::{DialogState, Env, Sim, TextInput};
use crate::view::{Dialog, Element, Role};

/// The longest device name the phone accepts, in characters.
pub const MAX_DEVICE_NAME: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogKind {
    /// About phone → Device name.
    RenameDevice {
        name: TextInput,
        error: Option<String>,
    },
    /// Mi Account → Sign out: "Sign out?" (seed 002 step 5).
    ConfirmSignOut,
    /// The account password, asked before signing out with Find Device on, turning Find Device
    /// off, or erasing a phone that has an account.
    AccountPassword {
        purpose: PasswordPurpose,
        password: TextInput,
        error: Option<String>,
    },
    /// "Turn off Find device?" (doc), before the password.
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
    KeepOrRemove { apps: Vec<&'static str> },
    /// A device-management policy forbids signing out (seed 002).
    SignOutRefused { managed_by: String },
}

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

impl DialogKind {
    pub fn account_password(purpose: PasswordPurpose) -> DialogKind {
        DialogKind::AccountPassword {
            purpose,
            password: TextInput::default(),
            error: None,
        }
    }
}

/// Doc strings (SCREENS.md) of the sign-out flow.
pub const KEEP_OR_REMOVE_TITLE: &str = "Delete synced items from this device?";
pub const KEEP_OR_REMOVE_BODY: &str = "Some items from the following apps are synced with Mi Cloud. You can delete them from this device still keeping them in the cloud.";
pub const WRONG_SIGN_OUT_PASSWORD: &str =
    "Can't turn off Find device. Enter your Mi Account password again.";
/// A wrong password where Find Device is not involved (two-step verification). Guess, after the
/// doc's sign-out wording.
pub const WRONG_PASSWORD: &str = "Wrong password. Enter your Mi Account password again.";

impl DialogKind {
    pub fn rename_device(current: String) -> DialogKind {
        DialogKind::RenameDevice {
            name: TextInput::new(current),
            error: None,
        }
    }
}

pub fn view(kind: &DialogKind) -> Dialog {
    let dialog = |id: &str, title: &str, body: Vec<String>, elements: Vec<Element>| Dialog {
        id: id.to_string(),
        title: title.to_string(),
        body,
        elements,
    };
    match kind {
        DialogKind::ConfirmSignOut => dialog(
            "confirm_sign_out",
            "Sign out",
            vec![
                "Sign out of your Mi Account on this device? You can sign in again at any time."
                    .into(),
            ],
            vec![
                Element::button("dialog.cancel", "Cancel"),
                Element::button("dialog.confirm", "Sign out"),
            ],
        ),
        DialogKind::TurnOffFindDevice => dialog(
            "turn_off_find_device",
            "Turn off Find device?",
            vec!["You won't be able to locate, lock or erase this device if you lose it.".into()],
            vec![
                Element::button("dialog.confirm", "Turn off anyway"),
                Element::button("dialog.cancel", "Keep on"),
            ],
        ),
        DialogKind::RemoveDevice { web, .. } => dialog(
            "remove_device",
            "Remove device?",
            vec![super::devices::REMOVE_NOTICE.into()],
            vec![
                Element::button("dialog.cancel", "Cancel"),
                // The website's word is "Delete device" (SCREENS.md).
                Element::button("dialog.confirm", if *web { "Delete device" } else { "Remove" }),
            ],
        ),
        DialogKind::Ringing => dialog(
            "ringing",
            "Find Device",
            vec!["♪ This phone is ringing: its owner asked Find Device to play a sound.".into()],
            vec![Element::button("dialog.stop", "Stop")],
        ),
        DialogKind::WebErase => dialog(
            "web_erase",
            "Erase data?",
            vec!["Everything on the phone will be erased. It stays locked to your Mi Account until your password is entered on it.".into()],
            vec![
                Element::button("dialog.cancel", "Cancel"),
                Element::button("dialog.confirm", "Erase"),
            ],
        ),
        DialogKind::ConfirmFactoryReset => dialog(
            "confirm_factory_reset",
            "Erase all data?",
            vec!["Everything on this phone will be erased: accounts, contacts, messages, photos, notes and settings. This can't be undone.".into()],
            vec![
                Element::button("dialog.cancel", "Cancel"),
                Element::button("dialog.confirm", "Erase"),
            ],
        ),
        DialogKind::AccountPassword {
            purpose,
            password,
            error,
        } => {
            let mut elements = vec![password_field(
                "dialog.password",
                "Password",
                password,
                false,
            )];
            if let Some(error) = error {
                elements.push(Element::error("dialog.error", error.clone()));
            }
            elements.push(Element::button("dialog.cancel", "Cancel"));
            elements.push(Element::button("dialog.ok", "OK"));
            let body = match purpose {
                PasswordPurpose::SignOut => {
                    "Find Device is on. Enter your Mi Account password to turn it off and sign out."
                }
                PasswordPurpose::TurnOffFindDevice => {
                    "Enter your Mi Account password to turn off Find Device."
                }
                PasswordPurpose::FactoryReset => {
                    "This phone has a Mi Account. Enter its password to erase the phone."
                }
                PasswordPurpose::TwoStep { on: true } => {
                    "Enter your Mi Account password to turn on two-step verification."
                }
                PasswordPurpose::TwoStep { on: false } => {
                    "Enter your Mi Account password to turn off two-step verification."
                }
            };
            dialog("account_password", "Enter password", vec![body.into()], elements)
        }
        DialogKind::KeepOrRemove { apps } => dialog(
            "keep_or_remove",
            KEEP_OR_REMOVE_TITLE,
            vec![KEEP_OR_REMOVE_BODY.to_string(), apps.join(", ")],
            vec![
                Element::button("dialog.remove", "Remove"),
                Element::button("dialog.keep", "Keep"),
            ],
        ),
        DialogKind::SignOutRefused { managed_by } => dialog(
            "sign_out_refused",
            "Can't sign out",
            vec![format!(
                "This Mi Account is managed by {managed_by}. Its device management policy doesn't allow signing out on this device. Contact your IT administrator."
            )],
            vec![Element::button("dialog.cancel", "OK")],
        ),
        DialogKind::RenameDevice { name, error } => {
            let mut elements = vec![text_field("dialog.device_name", "Device name", name)];
            if let Some(error) = error {
                elements.push(Element::error("dialog.error", error.clone()));
            }
            elements.push(Element::button("dialog.cancel", "Cancel"));
            elements.push(Element::button("dialog.ok", "OK"));
            Dialog {
                id: "rename_device".to_string(),
                title: "Device name".to_string(),
                body: vec!["Other devices see this name over Bluetooth and Wi-Fi.".to_string()],
                elements,
            }
        }
    }
}

/// A text field element showing `input`.
pub fn text_field(id: &'static str, label: &'static str, input: &TextInput) -> Element {
    let mut element = Element::new(id, Role::TextField, label).value(input.text().to_string());
    element.cursor = Some(input.cursor());
    element
}

/// A password field: masked here, in the core, unless the person asked to see it, so no
/// consumer of the view ever sees a password it was not shown.
pub fn password_field(
    id: &'static str,
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

/// The text input behind a dialog's field, for editing.
pub fn input_mut<'a>(kind: &'a mut DialogKind, id: &str) -> Option<&'a mut TextInput> {
    match (kind, id) {
        (DialogKind::RenameDevice { name, .. }, "dialog.device_name") => Some(name),
        (DialogKind::AccountPassword { password, .. }, "dialog.password") => Some(password),
        _ => None,
    }
}

pub fn activate(sim: &mut Sim, id: &str, _env: &mut Env) {
    // A copy of the dialog's state, so that its actions can change the whole phone.
    let Some(kind) = sim.dialog.as_ref().map(|d| d.kind.clone()) else {
        return;
    };
    if id == "dialog.cancel" {
        sim.close_dialog();
        return;
    }
    match kind {
        DialogKind::ConfirmSignOut => {
            if id == "dialog.confirm" {
                super::accounts::after_sign_out_confirmed(sim);
            }
        }
        DialogKind::TurnOffFindDevice => {
            if id == "dialog.confirm" {
                sim.open_dialog(DialogKind::account_password(
                    PasswordPurpose::TurnOffFindDevice,
                ));
            }
        }
        DialogKind::RemoveDevice { device_id, .. } => {
            if id == "dialog.confirm" {
                super::devices::remove_confirmed(sim, &device_id);
            }
        }
        DialogKind::Ringing => {
            if id == "dialog.stop" {
                sim.device_mut().phone.ringing = false;
                sim.close_dialog();
            }
        }
        DialogKind::WebErase => {
            if id == "dialog.confirm" {
                super::web::erase_confirmed(sim);
            }
        }
        DialogKind::ConfirmFactoryReset => {
            if id == "dialog.confirm" {
                super::about::erase_confirmed(sim);
            }
        }
        DialogKind::AccountPassword {
            purpose, password, ..
        } => {
            if id != "dialog.ok" && id != "dialog.password" {
                return;
            }
            let hash = super::security::account(sim)
                .map(|a| a.password_hash.clone())
                .unwrap_or_default();
            if !cloud::verify_password(&hash, password.text()) {
                // Nothing changes: the phone stays signed in with Find Device on.
                let error = match purpose {
                    PasswordPurpose::TwoStep { .. } => WRONG_PASSWORD,
                    _ => WRONG_SIGN_OUT_PASSWORD,
                };
                sim.open_dialog(DialogKind::AccountPassword {
                    purpose,
                    password: TextInput::default(),
                    error: Some(error.to_string()),
                });
                return;
            }
            match purpose {
                PasswordPurpose::SignOut => super::accounts::ask_keep_or_remove(sim),
                PasswordPurpose::TurnOffFindDevice => {
                    sim.close_dialog();
                    if let Some(account) = sim.device_mut().account.as_mut() {
                        account.find_device = false;
                    }
                    sim.show_toast("Find device is off.");
                }
                PasswordPurpose::FactoryReset => super::about::erase(sim),
                PasswordPurpose::TwoStep { on } => {
                    sim.close_dialog();
                    if let Some(index) = super::security::account_index(sim) {
                        sim.device_mut().cloud.accounts[index].two_step = on;
                        sim.show_toast(if on {
                            "Two-step verification is on"
                        } else {
                            "Two-step verification is off"
                        });
                    }
                }
            }
        }
        DialogKind::KeepOrRemove { .. } => match id {
            "dialog.keep" => super::accounts::finish_sign_out(sim, true),
            "dialog.remove" => super::accounts::finish_sign_out(sim, false),
            _ => {}
        },
        DialogKind::SignOutRefused { .. } => {}
        DialogKind::RenameDevice { name, .. } => {
            // Enter in the field confirms, as the keyboard's "done" key does on a phone.
            if id != "dialog.ok" && id != "dialog.device_name" {
                return;
            }
            let new_name = name.text().trim().to_string();
            let problem = if new_name.is_empty() {
                Some("Enter a device name".to_string())
            } else if new_name.chars().count() > MAX_DEVICE_NAME {
                Some(format!(
                    "Device name is too long ({MAX_DEVICE_NAME} characters at most)"
                ))
            } else {
                None
            };
            if let Some(problem) = problem {
                if let Some(DialogState {
                    kind: DialogKind::RenameDevice { error, .. },
                    ..
                }) = sim.dialog.as_mut()
                {
                    *error = Some(problem);
                }
                return;
            }
            sim.close_dialog();
            if sim.device().phone.name != new_name {
                sim.device_mut().phone.name = new_name;
            }
        }
    }
}
