//! Wi-Fi, SIM cards & mobile networks, Bluetooth, Connection & sharing: the switches that decide
//! whether (and how) the phone reaches the cloud.

use crate::sim::{Env, Screen, Sim};
use crate::view::Element;

use super::Content;

pub fn wifi(sim: &Sim) -> Content {
    let network = &sim.device().network;
    let mut elements = vec![Element::switch("wifi.toggle", "Wi-Fi", network.wifi)];
    if network.airplane_mode && !network.wifi {
        elements.push(Element::text(
            "wifi.airplane",
            "Airplane mode is on. You can still turn on Wi-Fi.",
        ));
    }
    if network.wifi {
        elements.push(Element::section(
            "wifi.connected_section",
            "Connected network",
        ));
        elements.push(Element::info(
            "wifi.network",
            network.wifi_network.clone(),
            "Connected",
        ));
        elements.push(Element::text(
            "wifi.others",
            "Other networks are not simulated: the phone joins its saved network whenever Wi-Fi is on.",
        ));
    } else {
        elements.push(Element::text(
            "wifi.off",
            "Turn on Wi-Fi to see available networks.",
        ));
    }
    Content::new("Wi-Fi", elements)
}

pub fn mobile_networks(sim: &Sim) -> Content {
    let network = &sim.device().network;
    let mut elements = Vec::new();
    // Said first, where it cannot be missed: it is why the switches below do nothing.
    if network.airplane_mode {
        elements.push(Element::text(
            "sim.airplane",
            "Airplane mode is on: mobile networks are off until you turn it off in Connection & sharing.",
        ));
    }
    elements.push(Element::section("sim.cards_section", "SIM cards"));
    if network.carrier.is_empty() {
        elements.push(Element::info("sim.slot1", "SIM 1", "No SIM card"));
    } else {
        elements.push(Element::info("sim.slot1", "SIM 1", network.carrier.clone()));
    }
    elements.push(Element::section("sim.data_section", "Mobile data"));
    elements.push(
        Element::switch("sim.mobile_data", "Mobile data", network.mobile_data)
            .summary("Use mobile networks when Wi-Fi is off")
            .enabled(!network.carrier.is_empty()),
    );
    Content::new("SIM cards & mobile networks", elements)
}

pub fn bluetooth(sim: &Sim) -> Content {
    let on = sim.device().bluetooth;
    let mut elements = vec![Element::switch("bluetooth.toggle", "Bluetooth", on)];
    elements.push(Element::info(
        "bluetooth.name",
        "Device name",
        sim.device().phone.name.clone(),
    ));
    Content::new("Bluetooth", elements)
}

pub fn connection_sharing(sim: &Sim) -> Content {
    let network = &sim.device().network;
    Content::new(
        "Connection & sharing",
        vec![
            Element::switch(
                "connection.airplane",
                "Airplane mode",
                network.airplane_mode,
            )
            .summary("Turns off mobile networks and Wi-Fi"),
            Element::text(
                "connection.others",
                "Hotspot, VPN and casting are not simulated.",
            ),
        ],
    )
}

pub fn activate(sim: &mut Sim, screen: &Screen, id: &str, _env: &mut Env) {
    match (screen, id) {
        (Screen::WiFi, "wifi.toggle") => {
            let on = !sim.device().network.wifi;
            sim.device_mut().network.wifi = on;
            sim.show_toast(if on {
                "Wi-Fi turned on"
            } else {
                "Wi-Fi turned off"
            });
        }
        (Screen::MobileNetworks, "sim.mobile_data") => {
            let on = !sim.device().network.mobile_data;
            sim.device_mut().network.mobile_data = on;
            sim.show_toast(if on {
                "Mobile data turned on"
            } else {
                "Mobile data turned off"
            });
        }
        (Screen::Bluetooth, "bluetooth.toggle") => {
            let on = !sim.device().bluetooth;
            sim.device_mut().bluetooth = on;
        }
        (Screen::ConnectionSharing, "connection.airplane") => {
            let on = !sim.device().network.airplane_mode;
            let device = sim.device_mut();
            device.network.airplane_mode = on;
            // As on a phone: airplane mode switches the radios off; Wi-Fi may be turned back on.
            if on {
                device.network.wifi = false;
                device.bluetooth = false;
            }
        }
        _ => {}
    }
}
