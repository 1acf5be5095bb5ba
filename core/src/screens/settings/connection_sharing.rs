//! Settings → Connection & sharing: airplane mode.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConnectionSharing;

ids! {
    pub enum Id {
        Airplane = "connection.airplane",
        Others = "connection.others",
    }
}

impl Screen for ConnectionSharing {
    type Id = Id;

    fn name(&self) -> Text {
        "connection_sharing".into()
    }

    fn content(&self, world: &World) -> Content {
        let network = &world.device().network;
        Content::new(
            world.t(S::ConnectionSharing),
            vec![
                Element::switch(
                    Id::Airplane,
                    world.t(S::AirplaneMode),
                    network.airplane_mode,
                )
                .summary(world.t(S::AirplaneModeSummary)),
                Element::text(Id::Others, world.t(S::HotspotNotSimulated)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Airplane => {
                let on = !cx.device().network.airplane_mode;
                let device = cx.device_mut();
                device.network.airplane_mode = on;
                // As on a phone: airplane mode switches the radios off; Wi-Fi may be turned
                // back on.
                if on {
                    device.network.wifi = false;
                    device.bluetooth = false;
                }
            }
            Id::Others => {}
        }
    }
}
