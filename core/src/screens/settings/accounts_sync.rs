//! Settings → Accounts & sync (seed 002's route to the Mi Account).

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{Destination, Topic};
use crate::screens::world::World;
use crate::sim::device::Rom;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AccountsSync;

ids! {
    pub enum Id {
        Section = "accounts.section",
        MiAccount = "accounts.mi_account",
        Google = "accounts.google",
        AddAccount = "accounts.add_account",
    }
}

impl Screen for AccountsSync {
    type Id = Id;

    fn name(&self) -> Text {
        "accounts_sync".into()
    }

    fn content(&self, world: &World) -> Content {
        let device = world.device();
        let account_value = match &device.account {
            Some(account) => account.name.clone(),
            None => world.t(S::SignIn).to_string(),
        };
        let mut elements = vec![
            Element::section(Id::Section, world.t(S::Accounts)),
            Element::row(Id::MiAccount, world.t(S::Account)).value(account_value),
        ];
        // China ROMs ship without Google services.
        if device.phone.rom == Rom::Global {
            elements.push(Element::row(Id::Google, world.t(Topic::Google.title())));
        }
        elements.push(Element::row(
            Id::AddAccount,
            world.t(Topic::AddAccount.title()),
        ));
        Content::new(world.t(S::AccountsSync), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::MiAccount => cx.push(Destination::MiAccount),
            Id::Google => cx.push(Destination::Info(Topic::Google)),
            Id::AddAccount => cx.push(Destination::Info(Topic::AddAccount)),
            Id::Section => {}
        }
    }
}
