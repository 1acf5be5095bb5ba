//! Mi Account → Account security (seeds 000, 003): password, two-step verification, login
//! notifications, recovery phone and email, devices, and the login history. The same pages serve
//! account.xiaomi.com's "Security" on the browser, for the browser's account.

use super::change_password::ChangePassword;
use super::devices::Devices;
use super::login_history::LoginHistory;
use super::login_notifications::LoginNotifications;
use crate::screens::dialogs::{Dialog, PasswordPurpose};
use crate::screens::ids::ids;
use crate::screens::{Content, Ctx, Screen, Surface, World};
use crate::sim::cloud;
use crate::sim::device::CloudAccount;
use crate::strings::S;
use crate::view::{Element, Text};

/// The account these pages act on: the phone's, or the one signed in on the browser.
pub fn account_index(world: &World) -> Option<usize> {
    match world.surface {
        Surface::Phone => cloud::signed_in_index(world.device()),
        Surface::Browser => cloud::index_of(world.device(), world.web.account.as_deref()?),
    }
}

pub fn account(world: &World) -> Option<&CloudAccount> {
    account_index(world).map(|index| &world.device().cloud.accounts[index])
}

/// A page's title: the phone's, or on the website the site's name before the page's.
pub fn title(world: &World, page: &str) -> String {
    match world.surface {
        Surface::Phone => page.to_string(),
        Surface::Browser => world.tr().fill(S::WebPageTitle, &[("page", &page)]),
    }
}

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
        let page_title = title(
            world,
            tr.get(if web { S::Security } else { S::AccountSecurity }),
        );
        let Some(account) = account(world) else {
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
        let masked = |text: &str| {
            if text.is_empty() {
                tr.get(S::NotSet).to_string()
            } else {
                cloud::masked(text)
            }
        };
        // The phone says "Password" (doc); the website's link is "Change password" (seed 000).
        let password = if web {
            Element::row(Id::Password, tr.get(S::ChangePassword))
        } else {
            Element::row(Id::Password, tr.get(S::Password)).summary(tr.get(S::ChangePassword))
        };
        Content::new(
            page_title,
            vec![
                password,
                Element::row(Id::TwoStep, tr.get(S::TwoStepVerification))
                    .value(tr.on_off(account.two_step))
                    .summary(tr.get(S::TwoStepSummary)),
                Element::row(Id::Notifications, tr.get(S::LoginNotifications)).value(notifications),
                Element::info(
                    Id::RecoveryPhone,
                    tr.get(S::RecoveryPhone),
                    masked(&account.phone),
                ),
                Element::info(
                    Id::RecoveryEmail,
                    tr.get(S::RecoveryEmail),
                    masked(&account.email),
                ),
                Element::row(Id::Devices, tr.get(S::Devices)),
                Element::row(Id::History, tr.get(S::LoginHistory)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Password => cx.push(ChangePassword::default()),
            Id::TwoStep => {
                let on = !account(cx.world).is_some_and(|a| a.two_step);
                cx.dialog(Dialog::account_password(PasswordPurpose::TwoStep { on }));
            }
            Id::Notifications => cx.push(LoginNotifications),
            Id::Devices => cx.push(Devices),
            Id::History => cx.push(LoginHistory),
            Id::RecoveryPhone | Id::RecoveryEmail => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "security"
    }
}
