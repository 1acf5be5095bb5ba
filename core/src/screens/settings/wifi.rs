//! Settings → Wi-Fi: the switch that (with mobile data) decides whether the phone reaches the
//! cloud.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WiFi;

ids! {
    pub enum Id {
        Toggle = "wifi.toggle",
        Airplane = "wifi.airplane",
        ConnectedSection = "wifi.connected_section",
        Network = "wifi.network",
        Others = "wifi.others",
        Off = "wifi.off",
    }
}

impl Screen for WiFi {
    type Id = Id;

    fn name(&self) -> Text {
        "wifi".into()
    }

    fn content(&self, world: &World) -> Content {
        let network = &world.device().network;
        let mut elements = vec![Element::switch(Id::Toggle, world.t(S::WiFi), network.wifi)];
        if network.airplane_mode && !network.wifi {
            elements.push(Element::text(Id::Airplane, world.t(S::WiFiAirplaneOn)));
        }
        if network.wifi {
            elements.push(Element::section(
                Id::ConnectedSection,
                world.t(S::ConnectedNetwork),
            ));
            elements.push(Element::info(
                Id::Network,
                network.wifi_network.clone(),
                world.t(S::Connected),
            ));
            elements.push(Element::text(
                Id::Others,
                world.t(S::WiFiOthersNotSimulated),
            ));
        } else {
            elements.push(Element::text(Id::Off, world.t(S::WiFiTurnOn)));
        }
        Content::new(world.t(S::WiFi), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Toggle => {
                let on = !cx.device().network.wifi;
                cx.device_mut().network.wifi = on;
                cx.toast_t(if on {
                    S::WiFiTurnedOn
                } else {
                    S::WiFiTurnedOff
                });
            }
            Id::Airplane | Id::ConnectedSection | Id::Network | Id::Others | Id::Off => {}
        }
    }
}
