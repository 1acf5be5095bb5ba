//! Settings → Additional settings: "Date & time" (seed 003 §9: "ensure your device's date and
//! time are correct") and, once About phone made the person a developer, "Developer options"
//! (seed 001); the rest of the real page is not simulated.

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
        DeveloperOptions = "additional.developer_options",
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
        let mut elements = vec![Element::row(Id::DateTime, tr.get(S::DateTime))];
        if world.device().phone.developer_options {
            elements.push(Element::row(
                Id::DeveloperOptions,
                tr.get(S::DeveloperOptions),
            ));
        }
        elements.push(Element::text(
            Id::Rest,
            tr.get(S::AdditionalRestNotSimulated),
        ));
        Content::new(tr.get(S::TopicAdditionalSettings), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::DateTime => cx.push(Destination::DateTime),
            Id::DeveloperOptions => cx.push(Destination::DeveloperOptions),
            Id::Rest => {}
        }
    }
}
