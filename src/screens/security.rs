//! Mi Account → Account security (seeds 000, 003): password, two-step verification, login
//! notifications, recovery phone and email, devices, and the login history.

use super::Content;
use super::dialogs::{DialogKind, PasswordPurpose, password_field};
use super::forms::{PASSWORD_RULES, checkbox, error_text};
use crate::sim::device::CloudAccount;
use crate::sim::{Env, Screen, Sim, Surface, TextInput, cloud};
use crate::view::{Element, Role};

/// The account these pages act on: the phone's, or the one signed in on the browser (the same
/// screens serve account.xiaomi.com's Security).
pub fn account_index(sim: &Sim) -> Option<usize> {
    match sim.surface {
        Surface::Phone => cloud::signed_in_index(sim.device()),
        Surface::Browser => cloud::index_of(sim.device(), sim.web_account.as_deref()?),
    }
}

/// A page's title: the phone's, or on the website the site's name before the page's.
pub fn title(sim: &Sim, phone: &str) -> String {
    match sim.surface {
        Surface::Phone => phone.to_string(),
        Surface::Browser => format!("Mi Account — {phone}"),
    }
}

pub fn account(sim: &Sim) -> Option<&CloudAccount> {
    account_index(sim).map(|index| &sim.device().cloud.accounts[index])
}

/// How many sign-ins the login history page lists, newest first.
pub const HISTORY_SHOWN: usize = 50;

/// Seed 000's pro tip, said where the password is changed.
pub const PASSWORD_CHANGED: &str =
    "Password changed. Other devices stay signed in: remove the ones you don't trust.";
/// Guess.
pub const WRONG_CURRENT_PASSWORD: &str = "The current password is incorrect";
/// Guess.
pub const SAME_PASSWORD: &str = "The new password must be different from the current one";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangePasswordForm {
    pub current: TextInput,
    pub new: TextInput,
    pub show_password: bool,
    pub error: Option<String>,
}

fn on_off(on: bool) -> &'static str {
    if on { "On" } else { "Off" }
}

pub fn security(sim: &Sim) -> Content {
    let Some(account) = account(sim) else {
        return Content::new(title(sim, "Account security"), Vec::new());
    };
    let notifications = match (
        account.login_notifications.email,
        account.login_notifications.sms,
    ) {
        (true, true) => "Email and SMS",
        (true, false) => "Email",
        (false, true) => "SMS",
        (false, false) => "Off",
    };
    let masked = |text: &str| {
        if text.is_empty() {
            "Not set".to_string()
        } else {
            cloud::masked(text)
        }
    };
    let web = sim.surface == Surface::Browser;
    // The phone says "Password" (doc); the website's link is "Change password" (seed 000).
    let password = if web {
        Element::row("security.password", "Change password")
    } else {
        Element::row("security.password", "Password").summary("Change password")
    };
    Content::new(
        title(sim, if web { "Security" } else { "Account security" }),
        vec![
            password,
            Element::row("security.two_step", "Two-step verification")
                .value(on_off(account.two_step))
                .summary("Ask for a code when signing in on a new device"),
            Element::row("security.notifications", "Login notifications").value(notifications),
            Element::info(
                "security.recovery_phone",
                "Recovery phone",
                masked(&account.phone),
            ),
            Element::info(
                "security.recovery_email",
                "Recovery email",
                masked(&account.email),
            ),
            Element::row("security.devices", "Devices"),
            Element::row("security.history", "Login history"),
        ],
    )
}

pub fn change_password(sim: &Sim, form: &ChangePasswordForm) -> Content {
    let mut elements = vec![
        password_field(
            "password.current",
            "Current password",
            &form.current,
            form.show_password,
        ),
        password_field(
            "password.new",
            "New password",
            &form.new,
            form.show_password,
        ),
        Element::text("password.rules", PASSWORD_RULES),
        checkbox("password.show", "Show password", form.show_password),
    ];
    elements.extend(error_text("password.error", &form.error));
    elements.push(Element::button("password.submit", "Change password"));
    Content::new(title(sim, "Change password"), elements)
}

pub fn login_notifications(sim: &Sim) -> Content {
    let Some(account) = account(sim) else {
        return Content::new(title(sim, "Login notifications"), Vec::new());
    };
    let mut email = Element::switch("notify.email", "Email", account.login_notifications.email);
    if !account.email.is_empty() {
        email = email.summary(cloud::masked(&account.email));
    }
    let mut sms = Element::switch("notify.sms", "SMS", account.login_notifications.sms);
    if !account.phone.is_empty() {
        sms = sms.summary(cloud::masked(&account.phone));
    }
    Content::new(
        title(sim, "Login notifications"),
        vec![
            Element::text(
                "notify.about",
                "Get an alert when a new device signs in to your Mi Account.",
            ),
            email,
            sms,
        ],
    )
}

pub fn login_history(sim: &Sim) -> Content {
    let Some(account) = account(sim) else {
        return Content::new(title(sim, "Login history"), Vec::new());
    };
    let mut elements = vec![Element::text(
        "history.about",
        "Look for places and devices you don't recognize.",
    )];
    if account.login_history.is_empty() {
        elements.push(Element::text("history.none", "No sign-ins recorded yet."));
    }
    let shown = account.login_history.len().min(HISTORY_SHOWN);
    for (index, record) in account.login_history.iter().enumerate().rev().take(shown) {
        let mut summary = super::devices::local(sim, record.at);
        if !record.location.is_empty() {
            summary.push_str(&format!(" · {}", record.location));
        }
        if record.new_device {
            summary.push_str(" · New device");
        }
        elements.push(
            Element::new(
                format!("history.{index}"),
                Role::Info,
                record.device.clone(),
            )
            .summary(summary),
        );
    }
    if account.login_history.len() > shown {
        elements.push(Element::text(
            "history.more",
            format!("The {HISTORY_SHOWN} most recent sign-ins are shown."),
        ));
    }
    Content::new(title(sim, "Login history"), elements)
}

pub fn activate(sim: &mut Sim, id: &str, env: &mut Env) {
    let screen = sim.screen().clone();
    match (screen, id) {
        (Screen::AccountSecurity, "security.password") => {
            sim.push(Screen::ChangePassword(Box::default()))
        }
        (Screen::AccountSecurity, "security.two_step") => {
            let on = !account(sim).is_some_and(|a| a.two_step);
            sim.open_dialog(DialogKind::account_password(PasswordPurpose::TwoStep {
                on,
            }))
        }
        (Screen::AccountSecurity, "security.notifications") => sim.push(Screen::LoginNotifications),
        (Screen::AccountSecurity, "security.devices") => sim.push(Screen::Devices),
        (Screen::AccountSecurity, "security.history") => sim.push(Screen::LoginHistory),
        (Screen::LoginNotifications, "notify.email" | "notify.sms") => {
            if let Some(index) = account_index(sim) {
                let settings = &mut sim.device_mut().cloud.accounts[index].login_notifications;
                if id == "notify.email" {
                    settings.email = !settings.email;
                } else {
                    settings.sms = !settings.sms;
                }
            }
        }
        (Screen::ChangePassword(mut form), _) => {
            match id {
                "password.show" => form.show_password = !form.show_password,
                "password.current" => {
                    sim.set_focus("password.new");
                    return;
                }
                "password.new" | "password.submit" => {
                    let Some(index) = account_index(sim) else {
                        return;
                    };
                    let hash = sim.device().cloud.accounts[index].password_hash.clone();
                    // The cursor goes to the field to fix.
                    if !cloud::verify_password(&hash, form.current.text()) {
                        form.error = Some(WRONG_CURRENT_PASSWORD.to_string());
                        form.current = TextInput::default();
                        sim.set_focus("password.current");
                    } else if let Some(problem) = cloud::password_problem(form.new.text()) {
                        form.error = Some(problem.to_string());
                        sim.set_focus("password.new");
                    } else if form.new.text() == form.current.text() {
                        form.error = Some(SAME_PASSWORD.to_string());
                        sim.set_focus("password.new");
                    } else {
                        let new = form.new.text().to_string();
                        cloud::set_password(sim.device_mut(), index, &new, env);
                        sim.stack.pop();
                        sim.show_toast(PASSWORD_CHANGED);
                        return;
                    }
                }
                _ => return,
            }
            sim.replace_screen(Screen::ChangePassword(form));
        }
        _ => {}
    }
}
