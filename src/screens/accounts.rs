//! Accounts & sync (seed 002's route to the Mi Account) and the Mi Account page.

use crate::sim::device::Rom;
use crate::sim::{Env, Screen, Sim, cloud};
use crate::view::{Element, Role};

use super::Content;
use super::dialogs::{DialogKind, PasswordPurpose};
use super::info::Topic;
use super::names::Names;

pub fn accounts_sync(sim: &Sim) -> Content {
    let names = Names::for_skin(sim.device().phone.skin);
    let account_value = match &sim.device().account {
        Some(account) => account.name.clone(),
        None => "Sign in".to_string(),
    };
    let mut elements = vec![
        Element::section("accounts.section", "Accounts"),
        Element::row("accounts.mi_account", names.account).value(account_value),
    ];
    // China ROMs ship without Google services.
    if sim.device().phone.rom == Rom::Global {
        elements.push(Element::row("accounts.google", Topic::Google.title()));
    }
    elements.push(Element::row(
        "accounts.add_account",
        Topic::AddAccount.title(),
    ));
    Content::new("Accounts & sync", elements)
}

pub fn mi_account(sim: &Sim) -> Content {
    let names = Names::for_skin(sim.device().phone.skin);
    let Some(account) = &sim.device().account else {
        return Content::new(
            names.account,
            vec![
                Element::text("account.tagline", names.tagline()),
                Element::button("account.sign_in", "Sign in"),
                Element::button("account.create", "Create account"),
            ],
        );
    };
    let occupied = cloud::signed_in_account(sim.device()).map_or(0, |a| a.data.total_bytes());
    let find_device = if account.find_device { "On" } else { "Off" };
    let elements = vec![
        Element::new("account.header", Role::Header, account.name.clone())
            .summary(format!("{} ID: {}", names.account, account.mi_account_id)),
        Element::section("account.services", ""),
        Element::row("account.cloud", names.cloud).summary(format!(
            "Occupied: {}/{} GB",
            storage_text(occupied),
            FREE_PLAN_GB
        )),
        Element::row("account.find_device", names.find_device).value(find_device),
        Element::section("account.settings", ""),
        Element::row("account.personal_info", "Personal info"),
        Element::row("account.security", "Account security"),
        Element::row("account.devices", "Devices"),
        // Seed 000 calls the same place "Device management": both words lead there.
        Element::row("account.device_management", "Device management"),
        Element::section("account.end", ""),
        Element::button(SIGN_OUT, "Sign out"),
    ];
    Content::new(names.account, elements)
}

/// The free Mi Cloud plan.
pub const FREE_PLAN_GB: u32 = 5;
pub const SIGN_OUT: &str = "account.sign_out";

/// Bytes as the storage line shows them: "54.3 MB", "1.2 GB".
pub fn storage_text(bytes: u64) -> String {
    const MB: f64 = 1_000_000.0;
    const GB: f64 = 1_000_000_000.0;
    let bytes = bytes as f64;
    if bytes >= GB {
        format!("{:.1} GB", bytes / GB)
    } else if bytes >= MB / 10.0 {
        format!("{:.1} MB", bytes / MB)
    } else if bytes > 0.0 {
        format!("{:.0} KB", (bytes / 1000.0).ceil())
    } else {
        "0 KB".to_string()
    }
}

/// "Sign out" on the Mi Account page: refused under a device-management policy, else confirmed.
pub fn sign_out_pressed(sim: &mut Sim) {
    match cloud::signed_in_account(sim.device()).and_then(|a| a.managed_by.clone()) {
        Some(managed_by) => sim.open_dialog(DialogKind::SignOutRefused { managed_by }),
        None => sim.open_dialog(DialogKind::ConfirmSignOut),
    }
}

/// After "Sign out" is confirmed: the password when Find Device is on, else keep or remove.
pub fn after_sign_out_confirmed(sim: &mut Sim) {
    let find_device = sim.device().account.as_ref().is_some_and(|a| a.find_device);
    if find_device {
        sim.open_dialog(DialogKind::account_password(PasswordPurpose::SignOut));
    } else {
        ask_keep_or_remove(sim);
    }
}

/// Asks whether to keep synced data on the phone, when there is any; signs out directly when
/// nothing on the phone is synced.
pub fn ask_keep_or_remove(sim: &mut Sim) {
    let apps = cloud::synced_apps(sim.device());
    if apps.is_empty() {
        finish_sign_out(sim, true);
    } else {
        sim.open_dialog(DialogKind::KeepOrRemove { apps });
        // The safe choice has the focus, so a hasty Enter does not delete anything.
        sim.set_focus("dialog.keep");
    }
}

/// Signs out (Find Device goes off with it) and returns to Settings.
pub fn finish_sign_out(sim: &mut Sim, keep: bool) {
    cloud::sign_out(sim.device_mut(), keep);
    sim.go_home();
    sim.show_toast("Signing out…");
}

pub fn activate(sim: &mut Sim, screen: &Screen, id: &str, _env: &mut Env) {
    match (screen, id) {
        (Screen::AccountsSync, "accounts.mi_account") => sim.push(Screen::MiAccount),
        (Screen::AccountsSync, "accounts.google") => sim.push(Screen::Info(Topic::Google)),
        (Screen::AccountsSync, "accounts.add_account") => sim.push(Screen::Info(Topic::AddAccount)),
        (Screen::MiAccount, "account.sign_in") => {
            sim.push(Screen::SignIn(Box::default()));
        }
        (Screen::MiAccount, "account.create") => sim.push(Screen::CreateChoice),
        // Personal info (name, photo, birthday) is not modelled beyond the name.
        (Screen::MiAccount, "account.header" | "account.personal_info") => {
            sim.push(Screen::Info(Topic::PersonalInfo))
        }
        (Screen::MiAccount, "account.cloud") => sim.push(Screen::MiCloud),
        (Screen::MiAccount, "account.find_device") => sim.push(Screen::FindDevice),
        (Screen::MiAccount, "account.security") => sim.push(Screen::AccountSecurity),
        (Screen::MiAccount, "account.devices" | "account.device_management") => {
            sim.push(Screen::Devices)
        }
        (Screen::MiAccount, SIGN_OUT) => sign_out_pressed(sim),
        _ => {}
    }
}
