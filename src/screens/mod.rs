//! Every screen, described once: one module per screen (or family of screens) builds its
//! elements from the state and says what its elements do when touched. Nothing here draws.

pub mod about;
pub mod accounts;
pub mod devices;
pub mod dialogs;
pub mod find_device;
pub mod forms;
pub mod info;
pub mod mi_cloud;
pub mod names;
pub mod network;
pub mod security;
pub mod settings;
pub mod web;

use chrono::Timelike;

use crate::sim::{Env, Screen, Sim, Surface, TextInput, WebSite};
use crate::view::{Element, Role, StatusBar, View};

/// A page's own part of the view: its title and elements.
pub struct Content {
    pub title: String,
    pub elements: Vec<crate::view::Element>,
}

impl Content {
    pub fn new(title: impl Into<String>, elements: Vec<crate::view::Element>) -> Content {
        Content {
            title: title.into(),
            elements,
        }
    }
}

/// The stable machine name of a screen (what `expect_screen`-style tooling and agents see).
pub fn screen_name(screen: &Screen) -> String {
    match screen {
        Screen::Settings => "settings".into(),
        Screen::WiFi => "wifi".into(),
        Screen::MobileNetworks => "mobile_networks".into(),
        Screen::Bluetooth => "bluetooth".into(),
        Screen::ConnectionSharing => "connection_sharing".into(),
        Screen::AboutPhone => "about_phone".into(),
        Screen::SystemUpdate => "system_update".into(),
        Screen::AccountsSync => "accounts_sync".into(),
        Screen::MiAccount => "mi_account".into(),
        Screen::MiCloud => "mi_cloud".into(),
        Screen::Devices => "devices".into(),
        Screen::AccountSecurity => "account_security".into(),
        Screen::ChangePassword(_) => "change_password".into(),
        Screen::LoginNotifications => "login_notifications".into(),
        Screen::LoginHistory => "login_history".into(),
        Screen::DeviceDetails(_) => "device_details".into(),
        Screen::FindDevice => "find_device".into(),
        Screen::LostMode(_) => "lost_mode".into(),
        Screen::WebSignIn(_) => "web.sign_in".into(),
        Screen::WebFindDevice => "web.find_device".into(),
        Screen::WebAccount => "web.account".into(),
        Screen::WebLostMode(_) => "web.lost_mode".into(),
        Screen::FactoryReset => "factory_reset".into(),
        Screen::ActivationLock(_) => "activation_lock".into(),
        Screen::SignIn(_) => "sign_in".into(),
        Screen::TwoStep(_) => "two_step".into(),
        Screen::CreateChoice => "create_choice".into(),
        Screen::CreateAccount(_) => "create_account".into(),
        Screen::ForgotPassword(_) => "forgot_password".into(),
        Screen::Info(topic) => format!("info.{}", topic.key()),
    }
}

fn content(sim: &Sim, screen: &Screen) -> Content {
    match screen {
        Screen::Settings => settings::content(sim),
        Screen::WiFi => network::wifi(sim),
        Screen::MobileNetworks => network::mobile_networks(sim),
        Screen::Bluetooth => network::bluetooth(sim),
        Screen::ConnectionSharing => network::connection_sharing(sim),
        Screen::AboutPhone => about::about_phone(sim),
        Screen::SystemUpdate => about::system_update(sim),
        Screen::AccountsSync => accounts::accounts_sync(sim),
        Screen::MiAccount => accounts::mi_account(sim),
        Screen::MiCloud => mi_cloud::content(sim),
        Screen::Devices => devices::list(sim),
        Screen::AccountSecurity => security::security(sim),
        Screen::ChangePassword(form) => security::change_password(sim, form),
        Screen::LoginNotifications => security::login_notifications(sim),
        Screen::LoginHistory => security::login_history(sim),
        Screen::DeviceDetails(id) => devices::details(sim, id),
        Screen::FindDevice => find_device::find_device(sim),
        Screen::LostMode(form) => find_device::lost_mode(sim, form),
        Screen::WebSignIn(form) => web::sign_in(sim.web_site, form),
        Screen::WebAccount => web::account_home(sim),
        Screen::WebFindDevice => web::find_device(sim),
        Screen::WebLostMode(form) => web::lost_mode(form),
        Screen::FactoryReset => about::factory_reset(sim),
        Screen::ActivationLock(form) => find_device::activation_lock(sim, form),
        Screen::SignIn(form) => forms::sign_in(form),
        Screen::TwoStep(form) => forms::two_step(sim, form),
        Screen::CreateChoice => forms::create_choice(),
        Screen::CreateAccount(form) => forms::create_account(sim, form),
        Screen::ForgotPassword(form) => forms::forgot_password(sim, form),
        Screen::Info(topic) => {
            info::content(*topic, &names::Names::for_skin(sim.device().phone.skin))
        }
    }
}

/// The whole view of the phone as it is now: page, dialog, focus, status bar and toast.
pub fn view(sim: &Sim) -> View {
    let page = sim.page();
    let Content {
        title,
        mut elements,
    } = content(sim, &page.screen);
    let dialog = sim.dialog.as_ref().map(|state| {
        let mut dialog = dialogs::view(&state.kind);
        mark_focus(&mut dialog.elements, state.focus.as_deref());
        dialog
    });
    // A notification (the simulated SMS with a code) shows at the top of the page, as the
    // phone's heads-up banner does, pushing the page down rather than hiding what it covers.
    let notification = sim
        .notification
        .as_ref()
        .filter(|t| t.until > sim.now)
        .map(|t| t.text.clone());
    if let Some(text) = &notification {
        elements.insert(
            0,
            Element::new("notification", Role::Notice, format!("✉ {text}")),
        );
    }
    let browser = sim.surface == Surface::Browser;
    if browser {
        elements.splice(0..0, web::tabs(sim.web_site));
    }
    if dialog.is_none() {
        mark_focus(&mut elements, page.focus.as_deref());
    }
    let (title, elements, dialog) = rebranded(sim, title, elements, dialog);
    let local_time =
        sim.now + chrono::Duration::minutes(i64::from(sim.device().phone.utc_offset_minutes));
    View {
        screen: screen_name(&page.screen),
        surface: if browser { "browser" } else { "phone" },
        address: browser.then(|| web::address(sim.web_site, &page.screen)),
        title,
        back: sim.stack.len() > 1,
        status: StatusBar {
            time: format!("{:02}:{:02}", local_time.hour(), local_time.minute()),
            network: settings::network_indicator(sim).to_string(),
            battery_percent: sim.device().phone.battery_percent,
        },
        elements,
        dialog,
        toast: sim
            .toast
            .as_ref()
            .filter(|t| t.until > sim.now)
            .map(|t| t.text.clone()),
        notification,
        scroll: page.scroll,
    }
}

/// The view in the skin's names: screens are written in the seeds' MIUI words, and a HyperOS
/// phone gets "Xiaomi Account", "Xiaomi Cloud", "Find device" from this one place.
fn rebranded(
    sim: &Sim,
    mut title: String,
    mut elements: Vec<Element>,
    mut dialog: Option<crate::view::Dialog>,
) -> (String, Vec<Element>, Option<crate::view::Dialog>) {
    // Screens are written in MIUI's words: nothing to do for a MIUI phone, the common case.
    if sim.device().phone.skin == crate::sim::device::Skin::Miui {
        return (title, elements, dialog);
    }
    let names = names::Names::for_skin(sim.device().phone.skin);
    let rename = |text: &mut String| {
        if let Some(renamed) = names.rebrand(text) {
            *text = renamed;
        }
    };
    let rename_text = |text: &mut crate::view::Text| {
        if let Some(renamed) = names.rebrand(text) {
            *text = renamed.into();
        }
    };
    rename(&mut title);
    for element in elements
        .iter_mut()
        .chain(dialog.iter_mut().flat_map(|d| d.elements.iter_mut()))
    {
        rename_text(&mut element.label);
        if let Some(summary) = element.summary.as_mut() {
            rename_text(summary);
        }
    }
    if let Some(dialog) = dialog.as_mut() {
        rename(&mut dialog.title);
        dialog.body.iter_mut().for_each(rename);
    }
    (title, elements, dialog)
}

/// Marks the focused element: the one with `focus` as id if it is touchable, else the first
/// touchable one (so there is always a visible cursor on a page that has anything to touch).
fn mark_focus(elements: &mut [crate::view::Element], focus: Option<&str>) {
    let wanted = focus.and_then(|id| elements.iter().position(|e| e.id == id && e.interactive()));
    // The browser's tabs come first on its pages but are not where a page starts.
    let first = || {
        let page = elements
            .iter()
            .position(|e| e.interactive() && e.role != Role::Tab);
        page.or_else(|| elements.iter().position(|e| e.interactive()))
    };
    if let Some(index) = wanted.or_else(first) {
        elements[index].focused = true;
    }
}

/// Carries out a touch on the element `id` of whatever is in front (dialog or page).
pub fn activate(sim: &mut Sim, id: &str, env: &mut Env) {
    if sim.dialog.is_some() {
        dialogs::activate(sim, id, env);
        return;
    }
    match id {
        "web.tab.cloud" => return sim.open_web_site(WebSite::MiCloud),
        "web.tab.account" => return sim.open_web_site(WebSite::Account),
        _ => {}
    }
    let screen = sim.screen().clone();
    match screen {
        Screen::Settings => settings::activate(sim, id, env),
        Screen::WiFi | Screen::MobileNetworks | Screen::Bluetooth | Screen::ConnectionSharing => {
            network::activate(sim, &screen, id, env)
        }
        Screen::AboutPhone | Screen::SystemUpdate => about::activate(sim, &screen, id, env),
        Screen::AccountsSync | Screen::MiAccount => accounts::activate(sim, &screen, id, env),
        Screen::SignIn(_)
        | Screen::TwoStep(_)
        | Screen::CreateChoice
        | Screen::CreateAccount(_)
        | Screen::ForgotPassword(_) => forms::activate(sim, id, env),
        Screen::MiCloud => mi_cloud::activate(sim, id, env),
        Screen::Devices | Screen::DeviceDetails(_) => devices::activate(sim, &screen, id, env),
        Screen::AccountSecurity
        | Screen::ChangePassword(_)
        | Screen::LoginNotifications
        | Screen::LoginHistory => security::activate(sim, id, env),
        Screen::FindDevice => find_device::activate(sim, id, env),
        Screen::LostMode(_) => find_device::activate_lost(sim, id, env),
        Screen::WebSignIn(_)
        | Screen::WebFindDevice
        | Screen::WebLostMode(_)
        | Screen::WebAccount => web::activate(sim, id, env),
        Screen::FactoryReset => about::activate(sim, &screen, id, env),
        Screen::ActivationLock(_) => find_device::activate_lock(sim, id, env),
        Screen::Info(_) => {}
    }
}

/// Applies `edit` to the focused text field, if the focus is on one.
pub fn edit_focused(sim: &mut Sim, edit: impl FnOnce(&mut TextInput)) {
    let Some(id) = view(sim)
        .focused()
        .filter(|e| e.role.is_text_input())
        .map(|e| e.id.clone())
    else {
        return;
    };
    if let Some(dialog) = sim.dialog.as_mut() {
        if let Some(input) = dialogs::input_mut(&mut dialog.kind, &id) {
            edit(input);
        }
    } else if let Some(input) = forms::input_mut(&mut sim.page_mut().screen, &id) {
        edit(input);
    }
}
