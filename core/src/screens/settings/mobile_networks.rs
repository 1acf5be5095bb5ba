//! Settings → SIM cards & mobile networks: the SIM and the mobile data switch.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MobileNetworks;

ids! {
    pub enum Id {
        Airplane = "sim.airplane",
        CardsSection = "sim.cards_section",
        Slot1 = "sim.slot1",
        DataSection = "sim.data_section",
        MobileData = "sim.mobile_data",
    }
}

impl Screen for MobileNetworks {
    type Id = Id;

    fn name(&self) -> Text {
        "mobile_networks".into()
    }

    fn content(&self, world: &World) -> Content {
        let network = &world.device().network;
        let mut elements = Vec::new();
        // Said first, where it cannot be missed: it is why the switches below do nothing.
        if network.airplane_mode {
            elements.push(Element::text(Id::Airplane, world.t(S::MobileAirplaneOn)));
        }
        elements.push(Element::section(Id::CardsSection, world.t(S::SimCards)));
        let carrier = if network.carrier.is_empty() {
            world.t(S::NoSimCard).to_string()
        } else {
            network.carrier.clone()
        };
        elements.push(Element::info(Id::Slot1, world.t(S::Sim1), carrier));
        elements.push(Element::section(Id::DataSection, world.t(S::MobileData)));
        elements.push(
            Element::switch(Id::MobileData, world.t(S::MobileData), network.mobile_data)
                .summary(world.t(S::MobileDataSummary))
                .enabled(!network.carrier.is_empty()),
        );
        Content::new(world.t(S::SimCardsAndNetworks), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::MobileData => {
                let on = !cx.device().network.mobile_data;
                cx.device_mut().network.mobile_data = on;
                cx.toast_t(if on {
                    S::MobileDataTurnedOn
                } else {
                    S::MobileDataTurnedOff
                });
            }
            Id::Airplane | Id::CardsSection | Id::Slot1 | Id::DataSection => {}
        }
    }
}
