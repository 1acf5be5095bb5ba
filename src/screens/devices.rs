//! Mi Account → Devices (seed 000): the devices signed in to the account, this phone first, and
//! removing one. Seed 000's advice sits where the person decides.

use chrono::{DateTime, Duration, Utc};

use super::Content;
use super::dialogs::DialogKind;
use crate::sim::device::{AccountDevice, DeviceKind};
use crate::sim::{Env, Page, Screen, Sim, Surface, cloud};
use crate::view::Element;

/// Removing a device that another screen (the phone or the website) removed meanwhile. Guess.
pub const ALREADY_REMOVED: &str = "This device has already been removed.";

/// Doc string (SCREENS.md): what removing a device does.
pub const REMOVE_NOTICE: &str = "After device is removed, it will be signed out of your Mi Account automatically. To use it with this account again, sign in on it.";

pub fn kind_name(kind: DeviceKind) -> &'static str {
    match kind {
        DeviceKind::Phone => "Phone",
        DeviceKind::Tablet => "Tablet",
        DeviceKind::Tv => "TV",
        DeviceKind::Watch => "Watch",
        DeviceKind::Band => "Band",
        DeviceKind::SmartHome => "Smart home",
    }
}

/// "Just now", "5 mins ago", "3 hours ago", "Yesterday" (doc words where SCREENS.md has them),
/// else the date, in the phone's local time.
pub fn relative(sim: &Sim, at: DateTime<Utc>) -> String {
    let ago = sim.now - at;
    if ago < Duration::minutes(1) {
        return "Just now".to_string();
    }
    if ago < Duration::hours(1) {
        return match ago.num_minutes() {
            1 => "1 min ago".to_string(),
            minutes => format!("{minutes} mins ago"),
        };
    }
    let offset = Duration::minutes(i64::from(sim.device().phone.utc_offset_minutes));
    let (day, today) = ((at + offset).date_naive(), (sim.now + offset).date_naive());
    if day == today {
        match ago.num_hours() {
            1 => "1 hour ago".to_string(),
            hours => format!("{hours} hours ago"),
        }
    } else if today.pred_opt() == Some(day) {
        "Yesterday".to_string()
    } else {
        (at + offset).format("%b %-d, %Y").to_string()
    }
}

fn devices(sim: &Sim) -> Vec<AccountDevice> {
    super::security::account(sim).map_or_else(Vec::new, |a| a.devices.clone())
}

/// The phone in hand, when looking from it (the website has no "current device").
fn is_current(sim: &Sim, device: &AccountDevice) -> bool {
    sim.surface == Surface::Phone && device.id == sim.device().phone.id.to_string()
}

/// A date and time in the phone's time zone: "Nov 20, 2026 09:12".
pub fn local(sim: &Sim, at: DateTime<Utc>) -> String {
    let at = at + Duration::minutes(i64::from(sim.device().phone.utc_offset_minutes));
    at.format("%b %-d, %Y %H:%M").to_string()
}

fn summary(sim: &Sim, device: &AccountDevice, current: bool) -> String {
    let when = if current {
        "Just now".to_string()
    } else if sim.surface == Surface::Browser {
        // The website lists "last login date and location" (seed 000).
        local(sim, device.last_active)
    } else {
        relative(sim, device.last_active)
    };
    let place = location(sim, device, current);
    let mut parts = vec![kind_name(device.kind).to_string(), when];
    if !place.is_empty() {
        parts.push(place);
    }
    parts.join(" · ")
}

/// Where a device is: the phone simulated here is where its own state says.
fn location(sim: &Sim, device: &AccountDevice, current: bool) -> String {
    let phone = &sim.device().phone;
    if current || (device.location.is_empty() && device.id == phone.id.to_string()) {
        phone.location.clone()
    } else {
        device.location.clone()
    }
}

fn row_id(index: usize) -> String {
    format!("devices.{index}")
}

pub fn list(sim: &Sim) -> Content {
    if sim.surface == Surface::Browser {
        return web_list(sim);
    }
    let all = devices(sim);
    let mut elements = vec![Element::section("devices.current", "Current device")];
    for (index, device) in all.iter().enumerate().filter(|(_, d)| is_current(sim, d)) {
        elements.push(
            Element::row(row_id(index), device.name.clone()).summary(summary(sim, device, true)),
        );
    }
    elements.push(Element::section("devices.others", "Other devices"));
    let others: Vec<_> = all
        .iter()
        .enumerate()
        .filter(|(_, d)| !is_current(sim, d))
        .collect();
    if others.is_empty() {
        elements.push(Element::text("devices.none", "No other devices."));
    }
    for (index, device) in others {
        elements.push(
            Element::row(row_id(index), device.name.clone()).summary(summary(sim, device, false)),
        );
    }
    // Seed 000's "What to look for", under the list it is about: the devices come first.
    elements.push(Element::section("devices.advice_gap", ""));
    elements.push(Element::text(
        "devices.advice",
        "Don't recognize a device? Remove it and change your password. Devices in places far \
         apart? Change your password and turn on two-step verification. Xiaomi TVs, bands, \
         watches and tablets appear here too: keep them unless you're selling them.",
    ));
    Content::new("My devices", elements)
}

/// account.xiaomi.com → Security → Devices: every device alike, with its last login.
fn web_list(sim: &Sim) -> Content {
    let mut elements = vec![Element::text(
        "devices.advice",
        "Every device signed in to your account, with its last login and location. Click one \
         to remove it. Don't recognize one? Remove it and change your password.",
    )];
    let all = devices(sim);
    if all.is_empty() {
        elements.push(Element::text("devices.none", "No devices."));
    }
    for (index, device) in all.iter().enumerate() {
        elements.push(
            Element::row(row_id(index), device.name.clone()).summary(summary(sim, device, false)),
        );
    }
    Content::new(super::security::title(sim, "Devices"), elements)
}

pub fn details(sim: &Sim, id: &str) -> Content {
    let Some(device) = devices(sim).into_iter().find(|d| d.id == id) else {
        return Content::new(
            "Device",
            vec![Element::text("device.gone", ALREADY_REMOVED)],
        );
    };
    let current = is_current(sim, &device);
    let local = |at| local(sim, at);
    let mut elements = vec![
        Element::info("device.model", "Model", device.model.clone()),
        Element::info("device.type", "Type", kind_name(device.kind)),
        Element::info(
            "device.last_login",
            "Last login",
            if current {
                "Just now".to_string()
            } else {
                local(device.last_active)
            },
        ),
        Element::info(
            "device.location",
            "Location",
            location(sim, &device, current),
        ),
        Element::info("device.first", "First sign-in", local(device.first_sign_in)),
    ];
    let advice = match device.kind {
        _ if current => "This is the phone you're using. Removing it signs it out.",
        DeviceKind::Tv | DeviceKind::Band | DeviceKind::Watch | DeviceKind::SmartHome => {
            "TVs, bands, watches and smart home devices belong here: keep it unless you're selling it."
        }
        _ => {
            "If you don't recognize this device, remove it and change your password. If it's an \
             old phone you sold, remove it to prevent activation lock problems."
        }
    };
    elements.push(Element::text("device.advice", advice));
    // Seed 000 says "Tap Remove device or Sign out": the button answers to its words too.
    elements.push(
        Element::button("device.remove", if current { "Sign out" } else { "Remove" })
            .also("Remove device"),
    );
    Content::new(super::security::title(sim, &device.name), elements)
}

pub fn activate(sim: &mut Sim, screen: &Screen, id: &str, _env: &mut Env) {
    match screen {
        Screen::Devices => {
            let Some(index) = id
                .strip_prefix("devices.")
                .and_then(|n| n.parse::<usize>().ok())
            else {
                return;
            };
            if let Some(device) = devices(sim).get(index) {
                sim.push(Screen::DeviceDetails(device.id.clone()));
            }
        }
        Screen::DeviceDetails(device_id) if id == "device.remove" => {
            let current =
                sim.surface == Surface::Phone && sim.device().phone.id.to_string() == *device_id;
            if current {
                // Removing this phone is signing out, with all its questions.
                super::accounts::sign_out_pressed(sim);
            } else {
                sim.open_dialog(DialogKind::RemoveDevice {
                    device_id: device_id.clone(),
                    web: sim.surface == Surface::Browser,
                });
                sim.set_focus("dialog.cancel");
            }
        }
        _ => {}
    }
}

/// "Remove" confirmed: the device leaves the account and its session ends. When that device is
/// the phone (removed from the website), the phone is signed out, keeping its data, and shows
/// "Sign in to Mi Account" the next time it is looked at.
pub fn remove_confirmed(sim: &mut Sim, device_id: &str) {
    sim.close_dialog();
    if matches!(sim.screen(), Screen::DeviceDetails(_)) {
        sim.stack.pop();
    }
    let Some(index) = super::security::account_index(sim) else {
        return;
    };
    let account = &sim.device().cloud.accounts[index];
    if !account.devices.iter().any(|d| d.id == device_id) {
        sim.show_toast(ALREADY_REMOVED);
        return;
    }
    let account_id = account.mi_account_id.clone();
    sim.device_mut().cloud.accounts[index]
        .devices
        .retain(|d| d.id != device_id);
    let phone = sim.device().phone.id.to_string() == device_id;
    let phone_signed_in = sim
        .device()
        .account
        .as_ref()
        .is_some_and(|a| a.mi_account_id == account_id);
    if phone && phone_signed_in {
        cloud::sign_out(sim.device_mut(), true);
        // The phone was somewhere in its Mi Account pages: it is back at Settings.
        if sim.surface == Surface::Browser {
            sim.behind = (vec![Page::new(Screen::Settings)], None);
        } else {
            sim.go_home();
        }
    }
    sim.show_toast("Signed out");
}
