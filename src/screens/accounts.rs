//! Accounts & sync (seed 002's route to the Mi Account) and the Mi Account page.

use crate::sim::device::Rom;
use crate::sim::{Env, Screen, Sim};
use crate::view::{Element, Role};

use super::Content;
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
    let elements = match &sim.device().account {
        Some(account) => vec![
            Element::new("account.header", Role::Header, account.name.clone())
                .summary(format!("{} ID: {}", names.account, account.mi_account_id)),
            Element::text(
                "account.coming",
                format!(
                    "{}, Find Device, Devices, Account security and Sign out arrive with the \
                     account features of mi-settings.",
                    names.cloud
                ),
            ),
        ],
        None => vec![
            Element::text("account.tagline", names.tagline()),
            Element::text(
                "account.signed_out",
                "This phone is not signed in. Signing in, creating an account and resetting a \
                 password arrive with the account features of mi-settings.",
            ),
        ],
    };
    Content::new(names.account, elements)
}

pub fn activate(sim: &mut Sim, screen: &Screen, id: &str, _env: &mut Env) {
    match (screen, id) {
        (Screen::AccountsSync, "accounts.mi_account") => sim.push(Screen::MiAccount),
        (Screen::AccountsSync, "accounts.google") => sim.push(Screen::Info(Topic::Google)),
        // Personal info (name, photo, birthday) is not modelled beyond the name.
        (Screen::MiAccount, "account.header") => sim.push(Screen::Info(Topic::PersonalInfo)),
        (Screen::AccountsSync, "accounts.add_account") => sim.push(Screen::Info(Topic::AddAccount)),
        _ => {}
    }
}
