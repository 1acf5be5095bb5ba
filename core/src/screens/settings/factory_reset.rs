//! About phone → Factory reset (seed 001): a phone with an account asks for its password, so
//! that whoever erases it also frees it of the account (see `flows::erase`).

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::PhoneDialog;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FactoryReset;

ids! {
    pub enum Id {
        About = "reset.about",
        Account = "reset.account",
        Erase = "reset.erase",
    }
}

impl Screen for FactoryReset {
    type Id = Id;

    fn name(&self) -> Text {
        "factory_reset".into()
    }

    fn content(&self, world: &World) -> Content {
        let mut elements = vec![Element::text(Id::About, world.t(S::FactoryResetAbout))];
        if world.device().account.is_some() {
            elements.push(Element::text(Id::Account, world.t(S::FactoryResetAccount)));
        }
        elements.push(Element::button(Id::Erase, world.t(S::EraseAllData)));
        Content::new(world.t(S::FactoryReset), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Erase => cx.dialog(PhoneDialog::ConfirmFactoryReset),
            Id::About | Id::Account => {}
        }
    }
}
