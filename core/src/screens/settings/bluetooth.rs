//! Settings → Bluetooth.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Bluetooth;

ids! {
    pub enum Id {
        Toggle = "bluetooth.toggle",
        Name = "bluetooth.name",
    }
}

impl Screen for Bluetooth {
    type Id = Id;

    fn name(&self) -> Text {
        "bluetooth".into()
    }

    fn content(&self, world: &World) -> Content {
        let device = world.device();
        Content::new(
            world.t(S::Bluetooth),
            vec![
                Element::switch(Id::Toggle, world.t(S::Bluetooth), device.bluetooth),
                Element::info(Id::Name, world.t(S::DeviceName), device.phone.name.clone()),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Toggle => {
                let on = !cx.device().bluetooth;
                cx.device_mut().bluetooth = on;
            }
            Id::Name => {}
        }
    }
}
