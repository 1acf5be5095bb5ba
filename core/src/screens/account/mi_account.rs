//! Settings → Mi Account: signed out, the way in (sign in, create account); signed in, the
//! account's services and settings, and "Sign out" at the bottom (seed 001: scroll down).

use crate::screens::ctx::Ctx;
use crate::screens::flows::sign_out;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{Destination, Topic};
use crate::screens::widgets::storage_text;
use crate::screens::world::World;
use crate::sim::cloud;
use crate::strings::S;
use crate::view::{Element, Role, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MiAccount;

ids! {
    pub enum Id {
        Tagline = "account.tagline",
        SignIn = "account.sign_in",
        Create = "account.create",
        Header = "account.header",
        Services = "account.services",
        Cloud = "account.cloud",
        FindDevice = "account.find_device",
        Settings = "account.settings",
        PersonalInfo = "account.personal_info",
        Security = "account.security",
        Devices = "account.devices",
        DeviceManagement = "account.device_management",
        End = "account.end",
        SignOut = "account.sign_out",
    }
}

impl Screen for MiAccount {
    type Id = Id;

    fn name(&self) -> Text {
        "mi_account".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let Some(account) = &world.device().account else {
            return Content::new(
                tr.get(S::Account),
                vec![
                    Element::text(Id::Tagline, tr.get(S::AccountTagline)),
                    Element::button(Id::SignIn, tr.get(S::SignIn)),
                    Element::button(Id::Create, tr.get(S::CreateAccountButton)),
                ],
            );
        };
        let occupied = cloud::signed_in_account(world.device()).map_or(0, |a| a.data.total_bytes());
        let elements = vec![
            Element::new(Id::Header, Role::Header, account.name.clone())
                .summary(tr.fill(S::AccountIdLine, &[("id", &account.mi_account_id)])),
            Element::section(Id::Services, ""),
            Element::row(Id::Cloud, tr.get(S::Cloud)).summary(tr.fill(
                S::Occupied,
                &[
                    ("used", &storage_text(occupied)),
                    ("plan", &cloud::FREE_PLAN_GB),
                ],
            )),
            Element::row(Id::FindDevice, tr.get(S::FindDevice))
                .value(tr.on_off(account.find_device)),
            Element::section(Id::Settings, ""),
            Element::row(Id::PersonalInfo, tr.get(S::TopicPersonalInfo)),
            Element::row(Id::Security, tr.get(S::AccountSecurity)),
            Element::row(Id::Devices, tr.get(S::Devices)),
            // Seed 000 calls the same place "Device management": both words lead there.
            Element::row(Id::DeviceManagement, tr.get(S::DeviceManagement)),
            Element::section(Id::End, ""),
            Element::button(Id::SignOut, tr.get(S::SignOut)),
        ];
        Content::new(tr.get(S::Account), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::SignIn => cx.push(Destination::SignIn),
            Id::Create => cx.push(Destination::CreateChoice),
            // Personal info (name, photo, birthday) is not modelled beyond the name.
            Id::Header | Id::PersonalInfo => cx.push(Destination::Info(Topic::PersonalInfo)),
            Id::Cloud => cx.push(Destination::MiCloud),
            Id::FindDevice => cx.push(Destination::FindDevice),
            Id::Security => cx.push(Destination::AccountSecurity),
            Id::Devices | Id::DeviceManagement => cx.push(Destination::Devices),
            Id::SignOut => sign_out::pressed(cx),
            Id::Tagline | Id::Services | Id::Settings | Id::End => {}
        }
    }
}
