//! account.xiaomi.com once signed in: the way into "Security" (seed 000: "Sign in → go to
//! Security").

use crate::screens::ctx::Ctx;
use crate::screens::flows::web;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Target;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WebAccount;

ids! {
    pub enum Id {
        SignedIn = "web.signed_in",
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
        Content::new(
            tr.get(S::Account),
            vec![
                super::signed_in_as(world, Id::SignedIn),
                Element::row(Id::Security, tr.get(S::Security))
                    .summary(tr.get(S::WebSecuritySummary)),
                Element::section(Id::End, ""),
                Element::button(Id::SignOut, tr.get(S::SignOut)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Security => cx.push(Target::AccountSecurity),
            Id::SignOut => web::sign_out(cx),
            Id::SignedIn | Id::End => {}
        }
    }
}
