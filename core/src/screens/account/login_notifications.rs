//! Account security → Login notifications (seed 000): an alert by email and/or SMS when a new
//! device signs in.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoginNotifications;

ids! {
    pub enum Id {
        About = "notify.about",
        Email = "notify.email",
        Sms = "notify.sms",
    }
}

impl Screen for LoginNotifications {
    type Id = Id;

    fn name(&self) -> Text {
        "login_notifications".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let page_title = world.page_title(tr.get(S::LoginNotifications));
        let Some(account) = world.account() else {
            return Content::new(page_title, Vec::new());
        };
        let mut email = Element::switch(
            Id::Email,
            tr.get(S::Email),
            account.login_notifications.email,
        );
        if !account.email.is_empty() {
            email = email.summary(cloud::masked(&account.email));
        }
        let mut sms = Element::switch(Id::Sms, tr.get(S::Sms), account.login_notifications.sms);
        if !account.phone.is_empty() {
            sms = sms.summary(cloud::masked(&account.phone));
        }
        Content::new(
            page_title,
            vec![
                Element::text(Id::About, tr.get(S::LoginNotificationsAbout)),
                email,
                sms,
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        let Some(index) = cx.world.account_index() else {
            return;
        };
        if id != Id::About && cx.refused_offline() {
            return;
        }
        let settings = &mut cx.device_mut().cloud.accounts[index].login_notifications;
        match id {
            Id::Email => settings.email = !settings.email,
            Id::Sms => settings.sms = !settings.sms,
            Id::About => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "security/notifications"
    }
}
