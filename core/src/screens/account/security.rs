//! Mi Account → Account security (seeds 000, 003): password, two-step verification, login
//! notifications, recovery phone and email, devices, and the login history. The same pages serve
//! account.xiaomi.com's "Security" on the browser, for the browser's account.

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{PasswordPurpose, PhoneDialog};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::widgets::recovery_rows;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AccountSecurity;

ids! {
    pub enum Id {
        Password = "security.password",
        TwoStep = "security.two_step",
        Notifications = "security.notifications",
        RecoveryPhone = "security.recovery_phone",
        RecoveryEmail = "security.recovery_email",
        Devices = "security.devices",
        History = "security.history",
    }
}

impl Screen for AccountSecurity {
    type Id = Id;

    fn name(&self) -> Text {
        "account_security".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let web = world.on_browser();
        let page_title =
            world.page_title(tr.get(if web { S::Security } else { S::AccountSecurity }));
        let Some(account) = world.account() else {
            return Content::new(page_title, Vec::new());
        };
        let notifications = tr.get(
            match (
                account.login_notifications.email,
                account.login_notifications.sms,
            ) {
                (true, true) => S::EmailAndSms,
                (true, false) => S::Email,
                (false, true) => S::Sms,
                (false, false) => S::Off,
            },
        );
        // The phone says "Password" (doc); the website's link is "Change password" (seed 000).
        let password = if web {
            Element::row(Id::Password, tr.get(S::ChangePassword))
        } else {
            Element::row(Id::Password, tr.get(S::Password)).summary(tr.get(S::ChangePassword))
        };
        let mut elements = vec![
            password,
            Element::row(Id::TwoStep, tr.get(S::TwoStepVerification))
                .value(tr.on_off(account.two_step))
                .summary(tr.get(S::TwoStepSummary)),
            Element::row(Id::Notifications, tr.get(S::LoginNotifications)).value(notifications),
        ];
        elements.extend(recovery_rows(
            tr,
            account,
            (Id::RecoveryPhone, Id::RecoveryEmail),
        ));
        elements.push(Element::row(Id::Devices, tr.get(S::Devices)));
        elements.push(Element::row(Id::History, tr.get(S::LoginHistory)));
        Content::new(page_title, elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Password => cx.push(Destination::ChangePassword),
            Id::TwoStep => {
                // Not even the password is asked: the servers would check it.
                if cx.refused_offline() {
                    return;
                }
                let on = !cx.world.account().is_some_and(|a| a.two_step);
                cx.dialog(PhoneDialog::account_password(PasswordPurpose::TwoStep {
                    on,
                }));
            }
            Id::Notifications => cx.push(Destination::LoginNotifications),
            Id::Devices => cx.push(Destination::Devices),
            Id::History => cx.push(Destination::LoginHistory),
            Id::RecoveryPhone | Id::RecoveryEmail => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "security"
    }
}
