//! account.xiaomi.com → Personal info (seed 003 §7: "the profile"): the name, the Mi Account ID
//! and the recovery phone and email, masked as on the phone.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::recovery_rows;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WebProfile;

ids! {
    pub enum Id {
        Name = "profile.name",
        AccountId = "profile.id",
        RecoveryPhone = "profile.recovery_phone",
        RecoveryEmail = "profile.recovery_email",
    }
}

impl Screen for WebProfile {
    type Id = Id;

    fn name(&self) -> Text {
        "web.profile".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let title = world.page_title(tr.get(S::TopicPersonalInfo));
        let Some(account) = world.account() else {
            return Content::new(title, Vec::new());
        };
        let mut elements = vec![
            Element::info(Id::Name, tr.get(S::Name), account.name.clone()),
            Element::info(
                Id::AccountId,
                tr.get(S::AccountIdLabel),
                account.mi_account_id.clone(),
            ),
        ];
        elements.extend(recovery_rows(
            tr,
            account,
            (Id::RecoveryPhone, Id::RecoveryEmail),
        ));
        Content::new(title, elements)
    }

    fn on_tap(&mut self, id: Id, _cx: &mut Ctx) {
        match id {
            Id::Name | Id::AccountId | Id::RecoveryPhone | Id::RecoveryEmail => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "profile"
    }
}
