//! Settings → Additional settings: "Date & time" (seed 003 §9: "ensure your device's date and
//! time are correct"); the rest of the real page is not simulated.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AdditionalSettings;

ids! {
    pub enum Id {
        DateTime = "additional.date_time",
        Rest = "additional.rest",
    }
}

impl Screen for AdditionalSettings {
    type Id = Id;

    fn name(&self) -> Text {
        "additional_settings".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        Content::new(
            tr.get(S::TopicAdditionalSettings),
            vec![
                Element::row(Id::DateTime, tr.get(S::DateTime)),
                Element::text(Id::Rest, tr.get(S::AdditionalRestNotSimulated)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::DateTime => cx.push(Destination::DateTime),
            Id::Rest => {}
        }
    }
}
