//! About phone → Factory reset (seed 001): a phone with an account asks for its password, so
//! that whoever erases it also frees it of the account.

use crate::screens::dialogs::{Dialog, PasswordPurpose};
use crate::screens::ids::ids;
use crate::screens::{Content, Ctx, Screen, World};
use crate::sim::cloud;
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
            Id::Erase => cx.dialog(Dialog::ConfirmFactoryReset),
            Id::About | Id::Account => {}
        }
    }
}

/// After "Erase" is confirmed: a phone with an account asks for its password first.
pub fn erase_confirmed(cx: &mut Ctx) {
    if cx.device().account.is_some() {
        cx.dialog(Dialog::account_password(PasswordPurpose::FactoryReset));
    } else {
        erase(cx);
    }
}

/// Erases the phone as a factory reset does, the account's password having been given: the
/// account is signed out (so no activation lock follows) and every setting goes back to new.
pub fn erase(cx: &mut Ctx) {
    let device = cx.device_mut();
    cloud::sign_out(device, true);
    cloud::wipe(device);
    cx.home();
    cx.toast_t(S::PhoneErased);
}
