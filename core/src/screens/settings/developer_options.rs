//! Additional settings → Developer options, shown once "MIUI version" in About phone was tapped
//! 7 times: Mi Unlock status (seed 001: "if you want unlock bootloader you must have a Mi
//! account"); the rest of the real page is not simulated.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DeveloperOptions;

ids! {
    pub enum Id {
        MiUnlock = "developer.mi_unlock",
        Rest = "developer.rest",
    }
}

impl Screen for DeveloperOptions {
    type Id = Id;

    fn name(&self) -> Text {
        "developer_options".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        Content::new(
            tr.get(S::DeveloperOptions),
            vec![
                Element::row(Id::MiUnlock, tr.get(S::MiUnlockStatus)),
                Element::text(Id::Rest, tr.get(S::DeveloperRestNotSimulated)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::MiUnlock => cx.push(Destination::MiUnlockStatus),
            Id::Rest => {}
        }
    }
}
