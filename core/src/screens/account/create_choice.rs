//! "Create account" (seed 003 §3): using a phone number or an email address.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{ContactKind, Destination};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CreateChoice;

ids! {
    pub enum Id {
        Phone = "create.phone",
        Email = "create.email",
    }
}

impl Screen for CreateChoice {
    type Id = Id;

    fn name(&self) -> Text {
        "create_choice".into()
    }

    fn content(&self, world: &World) -> Content {
        Content::new(
            world.t(S::CreateAccount),
            vec![
                Element::row(Id::Phone, world.t(S::UsingPhoneNumber)),
                Element::row(Id::Email, world.t(S::EmailAddress)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Phone => cx.push(Destination::CreateAccount(ContactKind::Phone)),
            Id::Email => cx.push(Destination::CreateAccount(ContactKind::Email)),
        }
    }
}
