//! About phone (with the device name, which can be changed) and System update.

use crate::sim::{Env, Screen, Sim};
use crate::view::Element;

use super::Content;
use super::dialogs::DialogKind;

pub const DEVICE_NAME: &str = "about.device_name";

pub fn about_phone(sim: &Sim) -> Content {
    let phone = &sim.device().phone;
    Content::new(
        "About phone",
        vec![
            Element::row(DEVICE_NAME, "Device name").value(phone.name.clone()),
            Element::row("about.system_update", "System update").value(phone.os_version.clone()),
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

pub fn activate(sim: &mut Sim, screen: &Screen, id: &str, _env: &mut Env) {
    match (screen, id) {
        (Screen::AboutPhone, DEVICE_NAME) => {
            let name = sim.device().phone.name.clone();
            sim.open_dialog(DialogKind::rename_device(name));
        }
        (Screen::AboutPhone, "about.system_update") => sim.push(Screen::SystemUpdate),
        // The simulated phone is always on its latest build: updates are not part of the model.
        (Screen::SystemUpdate, "update.check") => sim.show_toast("Your system is up to date"),
        _ => {}
    }
}
