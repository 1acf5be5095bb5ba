//! Settings home: the list every walkthrough starts from.
//!
//! The account entry is the first row on a China ROM and sits near the bottom, in the accounts
//! group, on a Global ROM (seed 001).

use crate::sim::device::{Connection, Rom};
use crate::sim::{Env, Screen, Sim};
use crate::view::{Element, Role};

use super::Content;
use super::info::Topic;
use super::names::Names;

/// The summary under the signed-in account entry (doc string, SCREENS.md); signed out it is
/// `Names::tagline`.
pub const SIGNED_IN_SUMMARY: &str = "Manage accounts, cloud services, payments, and more";

pub const ACCOUNT_ENTRY: &str = "settings.account";

/// Rows that only open an info page, grouped as on a MIUI phone.
const DEVICE_GROUP: [Topic; 7] = [
    Topic::LockScreen,
    Topic::Display,
    Topic::Sound,
    Topic::Notifications,
    Topic::HomeScreen,
    Topic::Wallpaper,
    Topic::Themes,
];
const SYSTEM_GROUP: [Topic; 4] = [
    Topic::PasswordsSecurity,
    Topic::Privacy,
    Topic::Apps,
    Topic::AdditionalSettings,
];

fn topic_row(topic: Topic) -> Element {
    Element::row(topic.settings_id(), topic.title())
}

/// The account entry: "Sign in to Mi Account" when signed out; the account when signed in.
fn account_entry(sim: &Sim, names: &Names) -> Element {
    let device = sim.device();
    match (&device.account, device.phone.rom) {
        (None, _) => Element::row(ACCOUNT_ENTRY, format!("Sign in to {}", names.account))
            .summary(names.tagline()),
        // China ROM: a profile header at the very top, the name in large type.
        (Some(account), Rom::China) => {
            Element::new(ACCOUNT_ENTRY, Role::Header, account.name.clone())
                .summary(SIGNED_IN_SUMMARY)
                .value(names.account)
        }
        // Global ROM: a row named for the service, the account's name beside it, so that guides
        // saying "tap Mi Account" still find it.
        (Some(account), Rom::Global) => Element::row(ACCOUNT_ENTRY, names.account)
            .value(account.name.clone())
            .summary(SIGNED_IN_SUMMARY),
    }
}

pub fn content(sim: &Sim) -> Content {
    let device = sim.device();
    let names = Names::for_skin(device.phone.skin);
    let china = device.phone.rom == Rom::China;
    let mut elements = Vec::with_capacity(32);
    if china {
        elements.push(account_entry(sim, &names));
    }
    elements.push(
        Element::row("settings.about_phone", "About phone").value(device.phone.os_version.clone()),
    );

    elements.push(Element::section("settings.group.network", ""));
    elements.push(Element::row("settings.sim", "SIM cards & mobile networks"));
    let wifi_value = if device.network.wifi {
        device.network.wifi_network.clone()
    } else {
        "Off".to_string()
    };
    elements.push(Element::row("settings.wifi", "Wi-Fi").value(wifi_value));
    elements.push(Element::row("settings.bluetooth", "Bluetooth").value(on_off(device.bluetooth)));
    elements.push(Element::row(
        "settings.connection_sharing",
        "Connection & sharing",
    ));

    elements.push(Element::section("settings.group.device", ""));
    elements.extend(DEVICE_GROUP.into_iter().map(topic_row));

    elements.push(Element::section("settings.group.system", ""));
    elements.extend(SYSTEM_GROUP[..2].iter().copied().map(topic_row));
    elements.push(topic_row(Topic::Battery).value(format!("{}%", device.phone.battery_percent)));
    elements.extend(SYSTEM_GROUP[2..].iter().copied().map(topic_row));

    elements.push(Element::section("settings.group.features", ""));
    elements.push(topic_row(Topic::Wellbeing));
    elements.push(topic_row(Topic::SpecialFeatures));

    elements.push(Element::section("settings.group.accounts", ""));
    if !china {
        elements.push(account_entry(sim, &names));
        elements.push(topic_row(Topic::Google));
    }
    elements.push(Element::row("settings.accounts_sync", "Accounts & sync"));

    elements.push(Element::section("settings.group.services", ""));
    elements.push(topic_row(Topic::ServicesFeedback));
    Content {
        title: "Settings".to_string(),
        elements,
    }
}

pub fn on_off(on: bool) -> &'static str {
    if on { "On" } else { "Off" }
}

pub fn activate(sim: &mut Sim, id: &str, _env: &mut Env) {
    let next = match id {
        ACCOUNT_ENTRY => Screen::MiAccount,
        "settings.about_phone" => Screen::AboutPhone,
        "settings.sim" => Screen::MobileNetworks,
        "settings.wifi" => Screen::WiFi,
        "settings.bluetooth" => Screen::Bluetooth,
        "settings.connection_sharing" => Screen::ConnectionSharing,
        "settings.accounts_sync" => Screen::AccountsSync,
        other => match other.strip_prefix("settings.").and_then(Topic::from_key) {
            Some(topic) => Screen::Info(topic),
            None => return,
        },
    };
    sim.push(next);
}

/// What the status bar says about the network.
pub fn network_indicator(sim: &Sim) -> &'static str {
    let network = &sim.device().network;
    if network.airplane_mode {
        return "Airplane";
    }
    match network.connection() {
        Connection::WiFi => "Wi-Fi",
        Connection::Mobile => "4G",
        Connection::Offline => "No data",
    }
}
