//! About phone → System update.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SystemUpdate;

ids! {
    pub enum Id {
        Version = "update.version",
        Check = "update.check",
    }
}

impl Screen for SystemUpdate {
    type Id = Id;

    fn name(&self) -> Text {
        "system_update".into()
    }

    fn content(&self, world: &World) -> Content {
        let phone = &world.device().phone;
        Content::new(
            world.t(S::SystemUpdate),
            vec![
                Element::info(
                    Id::Version,
                    world.t(S::CurrentVersion),
                    phone.os_version.clone(),
                ),
                Element::button(Id::Check, world.t(S::CheckForUpdates)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            // The simulated phone is always on its latest build: updates are not modelled.
            Id::Check => cx.toast_t(S::UpToDate),
            Id::Version => {}
        }
    }
}
