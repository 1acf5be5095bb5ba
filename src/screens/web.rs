//! The browser beside the phone, on the same simulated cloud: i.mi.com's Find Device (seed 003
//! §6) and account.xiaomi.com's Security (seed 000). What it does lands in the device file, and
//! the phone shows it when looked at again.

use chrono::{Duration, Timelike};

use super::Content;
use super::dialogs::{DialogKind, password_field, text_field};
use crate::sim::cloud;
use crate::sim::device::{Connection, LostMode};
use crate::sim::{Env, Screen, Sim, TextInput, WebSite, web_home};
use crate::view::{Element, Role};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebSignInForm {
    pub login: TextInput,
    pub password: TextInput,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LostModeForm {
    pub message: TextInput,
    pub call: TextInput,
    pub error: Option<String>,
}

/// The browser's two tabs, above every page: the sites a seed tells people to visit.
pub fn tabs(site: WebSite) -> [Element; 2] {
    [
        Element::new("web.tab.cloud", Role::Tab, "i.mi.com").checked(site == WebSite::MiCloud),
        Element::new("web.tab.account", Role::Tab, "account.xiaomi.com")
            .checked(site == WebSite::Account),
    ]
}

/// What the address bar shows for `screen` open on `site`.
pub fn address(site: WebSite, screen: &Screen) -> String {
    let path = match screen {
        Screen::WebSignIn(_) | Screen::TwoStep(_) => "pass/serviceLogin",
        Screen::WebFindDevice => "mobile/find",
        Screen::WebLostMode(_) => "mobile/find/lost",
        Screen::WebAccount => "",
        Screen::AccountSecurity => "security",
        Screen::ChangePassword(_) => "security/password",
        Screen::LoginNotifications => "security/notifications",
        Screen::LoginHistory => "security/history",
        Screen::Devices | Screen::DeviceDetails(_) => "security/devices",
        _ => "",
    };
    let host = match site {
        WebSite::MiCloud => "i.mi.com",
        WebSite::Account => "account.xiaomi.com",
    };
    if path.is_empty() {
        host.to_string()
    } else {
        format!("{host}/{path}")
    }
}

pub fn sign_in(site: WebSite, form: &WebSignInForm) -> Content {
    let (title, about) = match site {
        WebSite::MiCloud => (
            "Mi Cloud — Sign in",
            "i.mi.com — sign in with your Mi Account to find your device.",
        ),
        WebSite::Account => (
            "Mi Account — Sign in",
            "account.xiaomi.com — sign in to manage your Mi Account's security and devices.",
        ),
    };
    let mut elements = vec![
        Element::text("web.about", about),
        text_field("web.login", "Email/Phone number/Mi Account ID", &form.login),
        password_field("web.password", "Password", &form.password, false),
    ];
    if let Some(error) = &form.error {
        elements.push(Element::error("web.error", error.clone()));
    }
    elements.push(Element::button("web.sign_in", "Sign in"));
    Content::new(title, elements)
}

/// "Signed in as Lei Wang (6612345678)".
fn signed_in_as(sim: &Sim) -> Element {
    let web = sim.web_account.clone().unwrap_or_default();
    let name = cloud::index_of(sim.device(), &web)
        .map(|i| sim.device().cloud.accounts[i].name.clone())
        .unwrap_or_default();
    Element::text("web.signed_in", format!("Signed in as {name} ({web})"))
}

/// account.xiaomi.com's home: the way into Security (seed 000: "Sign in → go to Security").
pub fn account_home(sim: &Sim) -> Content {
    Content::new(
        "Mi Account",
        vec![
            signed_in_as(sim),
            Element::row("web.security", "Security").summary(
                "Change password, Two-step verification, Login notifications, Devices, Login \
                 history",
            ),
            Element::section("web.end", ""),
            Element::button("web.sign_out", "Sign out"),
        ],
    )
}

/// The browser is signed in to the account at `index`: the open site's home.
pub fn signed_in(sim: &mut Sim, index: usize) {
    sim.web_account = Some(sim.device().cloud.accounts[index].mi_account_id.clone());
    sim.web_located = None;
    // The code's message has done its job.
    sim.clear_notification();
    sim.stack = vec![web_home(sim.web_site, true)];
}

/// Whether this phone is one the signed-in web account can find.
fn phone_is_findable(sim: &Sim) -> Option<bool> {
    let web = sim.web_account.as_ref()?;
    let account = sim.device().account.as_ref()?;
    (&account.mi_account_id == web).then_some(account.find_device)
}

pub fn find_device(sim: &Sim) -> Content {
    let phone = &sim.device().phone;
    let mut elements = vec![signed_in_as(sim)];
    elements.push(Element::section("web.devices", "Devices"));
    match phone_is_findable(sim) {
        Some(true) => {
            let online = sim.device().network.connection() != Connection::Offline;
            elements.push(Element::info(
                "web.phone",
                phone.name.clone(),
                if online { "Online" } else { "Offline" },
            ));
            if let Some(at) = sim.web_located {
                let local = at + Duration::minutes(i64::from(phone.utc_offset_minutes));
                elements.push(Element::text(
                    "web.location",
                    format!(
                        "Located: {} · {:02}:{:02}",
                        phone.location,
                        local.hour(),
                        local.minute()
                    ),
                ));
            }
            elements.push(Element::button("web.locate", "Locate"));
            elements.push(Element::button("web.ring", "Play sound"));
            elements.push(Element::button("web.lost_mode", "Lost mode"));
            elements.push(Element::button("web.erase", "Erase data"));
        }
        Some(false) => elements.push(Element::text(
            "web.off",
            format!(
                "Find Device is off on {}, so it can't be found.",
                phone.name
            ),
        )),
        None => elements.push(Element::text(
            "web.none",
            "No devices with Find Device on are signed in to this account.",
        )),
    }
    elements.push(Element::section("web.end", ""));
    elements.push(Element::button("web.sign_out", "Sign out"));
    Content::new("Mi Cloud — Find Device", elements)
}

pub fn lost_mode(form: &LostModeForm) -> Content {
    let mut elements = vec![
        Element::text(
            "web.lost_about",
            "The phone will be locked and show this message and number until your Mi Account \
             password is entered on it.",
        ),
        text_field("web.lost_message", "Message", &form.message),
        text_field("web.lost_call", "Phone number", &form.call),
    ];
    if let Some(error) = &form.error {
        elements.push(Element::error("web.error", error.clone()));
    }
    elements.push(Element::button("web.lock", "Lock device"));
    Content::new("Mi Cloud — Lost mode", elements)
}

pub fn input_mut<'a>(screen: &'a mut Screen, id: &str) -> Option<&'a mut TextInput> {
    match (screen, id) {
        (Screen::WebSignIn(form), "web.login") => Some(&mut form.login),
        (Screen::WebSignIn(form), "web.password") => Some(&mut form.password),
        (Screen::WebLostMode(form), "web.lost_message") => Some(&mut form.message),
        (Screen::WebLostMode(form), "web.lost_call") => Some(&mut form.call),
        _ => None,
    }
}

/// A remote action reaches the phone only while it is online.
fn phone_online(sim: &mut Sim) -> bool {
    if sim.device().network.connection() == Connection::Offline {
        let name = sim.device().phone.name.clone();
        sim.show_toast(format!("{name} is offline. Try again when it's connected."));
        return false;
    }
    true
}

pub fn activate(sim: &mut Sim, id: &str, env: &mut Env) {
    let screen = sim.screen().clone();
    match (screen, id) {
        (Screen::WebSignIn(_), "web.login") => sim.set_focus("web.password"),
        (Screen::WebSignIn(mut form), "web.password" | "web.sign_in") => {
            let login = form.login.text().trim().to_string();
            let result = if login.is_empty() {
                Err(cloud::ENTER_ACCOUNT_ID)
            } else if form.password.text().is_empty() {
                Err(cloud::ENTER_PASSWORD)
            } else {
                let now = env.now();
                cloud::check_password(sim.device_mut(), &login, form.password.text(), now)
            };
            form.password = TextInput::default();
            match result {
                Ok(index) if sim.device().cloud.accounts[index].two_step => {
                    match super::forms::send_sign_in_code(sim, index, env) {
                        Ok(two_step) => {
                            sim.replace_screen(Screen::WebSignIn(form));
                            sim.push(Screen::TwoStep(Box::new(two_step)));
                        }
                        Err(message) => {
                            form.error = Some(message);
                            sim.replace_screen(Screen::WebSignIn(form));
                        }
                    }
                }
                Ok(index) => signed_in(sim, index),
                Err(message) => {
                    form.error = Some(message.to_string());
                    sim.replace_screen(Screen::WebSignIn(form));
                }
            }
        }
        (Screen::WebFindDevice | Screen::WebAccount, "web.sign_out") => {
            sim.web_account = None;
            sim.stack = vec![web_home(sim.web_site, false)];
        }
        (Screen::WebAccount, "web.security") => sim.push(Screen::AccountSecurity),
        // An offline phone is not reached: `phone_online` says so and the action does nothing.
        (Screen::WebFindDevice, "web.locate") if phone_online(sim) => {
            sim.web_located = Some(env.now());
        }
        (Screen::WebFindDevice, "web.ring") if phone_online(sim) => {
            sim.device_mut().phone.ringing = true;
            let name = sim.device().phone.name.clone();
            sim.show_toast(format!("Playing a sound on {name}"));
        }
        (Screen::WebFindDevice, "web.lost_mode") => {
            let call = cloud::signed_in_account(sim.device())
                .map(|a| a.phone.clone())
                .unwrap_or_default();
            sim.push(Screen::WebLostMode(Box::new(LostModeForm {
                message: TextInput::new("This phone is lost. Please call me."),
                call: TextInput::new(call),
                error: None,
            })));
        }
        (Screen::WebFindDevice, "web.erase") => {
            sim.open_dialog(DialogKind::WebErase);
            sim.set_focus("dialog.cancel");
        }
        (Screen::WebLostMode(_), "web.lost_message") => sim.set_focus("web.lost_call"),
        (Screen::WebLostMode(mut form), "web.lost_call" | "web.lock") => {
            if form.message.text().trim().is_empty() {
                form.error = Some("Enter a message for whoever finds the phone".to_string());
                sim.replace_screen(Screen::WebLostMode(form));
            } else if phone_online(sim) {
                sim.device_mut().phone.lost_mode = Some(LostMode {
                    message: form.message.text().trim().to_string(),
                    call: form.call.text().trim().to_string(),
                });
                sim.stack.pop();
                let name = sim.device().phone.name.clone();
                sim.show_toast(format!("{name} is locked"));
            }
        }
        _ => {}
    }
}

/// "Erase data" confirmed: the phone is wiped and stays locked to the account.
pub fn erase_confirmed(sim: &mut Sim) {
    sim.close_dialog();
    if !phone_online(sim) {
        return;
    }
    cloud::erase_with_activation_lock(sim.device_mut());
    let name = sim.device().phone.name.clone();
    sim.show_toast(format!("{name} was erased"));
}
