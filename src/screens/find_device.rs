//! Find Device on the phone (seed 003 §6): the switch, and the activation lock a phone shows
//! after it was erased with Find Device on (seed 001).

use super::Content;
use super::dialogs::{DialogKind, password_field};
use crate::sim::cloud::{self, INVALID_CREDENTIALS};
use crate::sim::{Env, Screen, Sim, TextInput};
use crate::view::Element;

/// Doc strings (SCREENS.md).
pub const SUMMARY: &str = "Locate and lock your device, as well as erase data remotely";
pub const TURNED_ON: &str = "Find device is on.";
pub const LOCKED_TITLE: &str = "This device is locked";

pub fn find_device(sim: &Sim) -> Content {
    let on = sim.device().account.as_ref().is_some_and(|a| a.find_device);
    Content::new(
        "Find Device",
        vec![
            Element::switch("find_device.toggle", "Find Device", on).summary(SUMMARY),
            Element::text(
                "find_device.web",
                "When it's on, the account can locate, ring, lock and erase this phone from \
                 i.mi.com. (The browser side comes in the next version of mi-settings.)",
            ),
        ],
    )
}

pub fn activate(sim: &mut Sim, id: &str, _env: &mut Env) {
    if id != "find_device.toggle" {
        return;
    }
    // The switch is the cloud's record as much as the phone's: it needs a connection.
    if sim.device().network.connection() == crate::sim::device::Connection::Offline {
        sim.show_toast(cloud::OFFLINE);
        return;
    }
    let on = sim.device().account.as_ref().is_some_and(|a| a.find_device);
    if on {
        // Off asks first, then the password (see `dialogs`).
        sim.open_dialog(DialogKind::TurnOffFindDevice);
        sim.set_focus("dialog.cancel");
    } else if let Some(account) = sim.device_mut().account.as_mut() {
        account.find_device = true;
        sim.show_toast(TURNED_ON);
    }
}

/// The activation lock's form: the password typed, and what went wrong.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LockForm {
    pub password: TextInput,
    pub error: Option<String>,
}

pub fn activation_lock(sim: &Sim, form: &LockForm) -> Content {
    let locked_to = sim
        .device()
        .phone
        .activation_lock
        .clone()
        .unwrap_or_default();
    let shown = cloud::index_of(sim.device(), &locked_to)
        .map(|i| &sim.device().cloud.accounts[i])
        .map_or(locked_to.clone(), |a| {
            if a.email.is_empty() {
                a.mi_account_id.clone()
            } else {
                cloud::masked(&a.email)
            }
        });
    let mut elements = vec![
        Element::text(
            "lock.about",
            format!(
                "This device is associated with a Mi Account ({shown}). Enter password to \
                 activate device."
            ),
        ),
        password_field("lock.password", "Password", &form.password, false),
    ];
    if let Some(error) = &form.error {
        elements.push(Element::error("lock.error", error.clone()));
    }
    elements.push(Element::button("lock.activate", "Activate"));
    Content::new(LOCKED_TITLE, elements)
}

pub fn lost_mode(sim: &Sim, form: &LockForm) -> Content {
    let lost = sim
        .device()
        .phone
        .lost_mode
        .clone()
        .unwrap_or(crate::sim::device::LostMode {
            message: String::new(),
            call: String::new(),
        });
    let mut elements = vec![
        // Doc string: "Device is locked. Message: %s. Call %s."
        Element::text(
            "lost.message",
            format!(
                "Device is locked. Message: {}. Call {}.",
                lost.message.trim_end_matches('.'),
                lost.call
            ),
        ),
        password_field(
            "lost.password",
            "Mi Account password",
            &form.password,
            false,
        ),
    ];
    if let Some(error) = &form.error {
        elements.push(Element::error("lost.error", error.clone()));
    }
    elements.push(Element::button("lost.unlock", "Unlock"));
    Content::new("Device is locked", elements)
}

/// Lost mode ends when the signed-in account's password is entered on the phone.
pub fn activate_lost(sim: &mut Sim, id: &str, _env: &mut Env) {
    if id != "lost.unlock" && id != "lost.password" {
        return;
    }
    let Screen::LostMode(mut form) = sim.screen().clone() else {
        return;
    };
    let hash = cloud::signed_in_account(sim.device())
        .map(|a| a.password_hash.clone())
        .unwrap_or_default();
    if cloud::verify_password(&hash, form.password.text()) {
        sim.device_mut().phone.lost_mode = None;
        sim.stack = vec![crate::sim::Page::new(Screen::Settings)];
        sim.show_toast("Unlocked");
    } else {
        form.password = TextInput::default();
        form.error = Some("Incorrect password. Try again.".to_string());
        sim.replace_screen(Screen::LostMode(form));
    }
}

pub fn activate_lock(sim: &mut Sim, id: &str, env: &mut Env) {
    if id != "lock.activate" && id != "lock.password" {
        return;
    }
    let Screen::ActivationLock(mut form) = sim.screen().clone() else {
        return;
    };
    let Some(locked_to) = sim.device().phone.activation_lock.clone() else {
        return;
    };
    let now = env.now();
    match cloud::check_password(sim.device_mut(), &locked_to, form.password.text(), now) {
        Ok(_) => {
            // The owner proved it is theirs: the phone starts fresh, signed out.
            sim.device_mut().phone.activation_lock = None;
            sim.stack = vec![crate::sim::Page::new(Screen::Settings)];
            sim.show_toast("Device activated");
        }
        Err(message) => {
            form.password = TextInput::default();
            form.error = Some(if message == INVALID_CREDENTIALS {
                "Incorrect password. Try again.".to_string()
            } else {
                message.to_string()
            });
            sim.replace_screen(Screen::ActivationLock(form));
        }
    }
}
