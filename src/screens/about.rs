//! About phone (with the device name, which can be changed) and System update.

use crate::sim::{Env, Screen, Sim, cloud};
use crate::view::Element;

use super::Content;
use super::dialogs::{DialogKind, PasswordPurpose};

pub const DEVICE_NAME: &str = "about.device_name";

pub fn about_phone(sim: &Sim) -> Content {
    let phone = &sim.device().phone;
    Content::new(
        "About phone",
        vec![
            Element::row(DEVICE_NAME, "Device name").value(phone.name.clone()),
            Element::row("about.system_update", "System update").value(phone.os_version.clone()),
            Element::row("about.factory_reset", "Factory reset").summary("Erase all data"),
            Element::section("about.specs_section", "Specs"),
            Element::info("about.model", "Model", phone.model.clone()),
            Element::info("about.os_version", "MIUI version", phone.os_version.clone()),
            Element::info(
                "about.android_version",
                "Android version",
                phone.android_version.clone(),
            ),
            Element::info(
                "about.storage",
                "Storage",
                format!("{} GB", phone.storage_gb),
            ),
            Element::info(
                "about.battery",
                "Battery",
                format!("{}%", phone.battery_percent),
            ),
        ],
    )
}

pub fn system_update(sim: &Sim) -> Content {
    let phone = &sim.device().phone;
    Content::new(
        "System update",
        vec![
            Element::info(
                "update.version",
                "Current version",
                phone.os_version.clone(),
            ),
            Element::button("update.check", "Check for updates"),
        ],
    )
}

pub fn factory_reset(sim: &Sim) -> Content {
    let mut elements = vec![Element::text(
        "reset.about",
        "This will erase all data from your phone, including your Mi Account, contacts, \
         messages, photos, notes, and settings.",
    )];
    if sim.device().account.is_some() {
        elements.push(Element::text(
            "reset.account",
            "This phone has a Mi Account: its password is needed to erase the phone.",
        ));
    }
    elements.push(Element::button("reset.erase", "Erase all data"));
    Content::new("Factory reset", elements)
}

/// After "Erase" is confirmed: a phone with an account asks for its password first (seed 001),
/// so that whoever erases it can also free it of the account.
pub fn erase_confirmed(sim: &mut Sim) {
    if sim.device().account.is_some() {
        sim.open_dialog(DialogKind::account_password(PasswordPurpose::FactoryReset));
    } else {
        erase(sim);
    }
}

/// Erases the phone as a factory reset does, the account's password having been given: the
/// account is signed out (so no activation lock follows) and every setting goes back to new.
pub fn erase(sim: &mut Sim) {
    let device = sim.device_mut();
    cloud::sign_out(device, true);
    cloud::wipe(device);
    sim.go_home();
    sim.show_toast("Phone erased");
}

pub fn activate(sim: &mut Sim, screen: &Screen, id: &str, _env: &mut Env) {
    match (screen, id) {
        (Screen::AboutPhone, DEVICE_NAME) => {
            let name = sim.device().phone.name.clone();
            sim.open_dialog(DialogKind::rename_device(name));
        }
        (Screen::AboutPhone, "about.system_update") => sim.push(Screen::SystemUpdate),
        (Screen::AboutPhone, "about.factory_reset") => sim.push(Screen::FactoryReset),
        (Screen::FactoryReset, "reset.erase") => sim.open_dialog(DialogKind::ConfirmFactoryReset),
        // The simulated phone is always on its latest build: updates are not part of the model.
        (Screen::SystemUpdate, "update.check") => sim.show_toast("Your system is up to date"),
        _ => {}
    }
}
