//! account.xiaomi.com once signed in (seed 003 §7: the profile, password, devices, storage and
//! two-step verification): Personal info, Mi Cloud storage, and "Security" (seed 000: "Sign in →
//! go to Security").

use crate::screens::ctx::Ctx;
use crate::screens::flows::web;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::widgets::storage_text;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WebAccount;

ids! {
    pub enum Id {
        SignedIn = "web.signed_in",
        Profile = "web.profile",
        Storage = "web.storage",
        Security = "web.security",
        End = "web.end",
        SignOut = "web.sign_out",
    }
}

impl Screen for WebAccount {
    type Id = Id;

    fn name(&self) -> Text {
        "web.account".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let occupied = world.account().map_or_else(String::new, |account| {
            tr.fill(
                S::Occupied,
                &[
                    ("used", &storage_text(account.data.total_bytes())),
                    ("plan", &account.storage_gb),
                ],
            )
        });
        Content::new(
            tr.get(S::Account),
            vec![
                super::signed_in_as(world, Id::SignedIn),
                Element::row(Id::Profile, tr.get(S::TopicPersonalInfo))
                    .summary(tr.get(S::ProfileSummary)),
                Element::row(Id::Storage, tr.get(S::CloudStorage)).summary(occupied),
                Element::row(Id::Security, tr.get(S::Security))
                    .summary(tr.get(S::WebSecuritySummary)),
                Element::section(Id::End, ""),
                Element::button(Id::SignOut, tr.get(S::SignOut)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Profile => cx.push(Destination::WebProfile),
            Id::Storage => cx.push(Destination::WebStorage),
            Id::Security => cx.push(Destination::AccountSecurity),
            Id::SignOut => web::sign_out(cx),
            Id::SignedIn | Id::End => {}
        }
    }
}
