//! Unit tests of account security, devices and the account website: every error path with its
//! exact message, and what each change does to the device file.

use chrono::{DateTime, Duration, Utc};

use super::cloud;
use super::device::{AccountDevice, DeviceFile, DeviceKind, ScheduledSignIn};
use super::*;
use crate::screens::devices::ALREADY_REMOVED;
use crate::screens::dialogs::WRONG_PASSWORD;
use crate::screens::security::{PASSWORD_CHANGED, SAME_PASSWORD, WRONG_CURRENT_PASSWORD};
use crate::screens::{self, settings};

const PASSWORD: &str = "Xiaomi#2026";

fn t0() -> DateTime<Utc> {
    "2026-11-21T10:00:00Z".parse().expect("test time")
}

/// The phone signed in to the demo account Lei Wang, whose devices include an intruder
/// (`phone-x-77e0`, São Paulo) and a TV.
fn signed_in_phone() -> (Sim, Env) {
    let mut device = DeviceFile::factory_default();
    cloud::sign_in(&mut device, 0, t0());
    (Sim::new(device, t0()), Env::new(t0(), 7))
}

fn tap(sim: &mut Sim, env: &mut Env, id: &str) {
    let view = screens::view(sim);
    assert!(view.find(id).is_some(), "{id} is not on {}", view.screen);
    update(sim, Action::Tap(id.to_string()), env);
}

fn type_into(sim: &mut Sim, env: &mut Env, id: &str, text: &str) {
    tap(sim, env, id);
    update(sim, Action::Type(text.to_string()), env);
}

fn error(sim: &Sim, id: &str) -> Option<String> {
    screens::view(sim).find(id).map(|e| e.label.to_string())
}

fn toast(sim: &Sim) -> Option<String> {
    screens::view(sim).toast
}

fn lei(sim: &Sim) -> &super::device::CloudAccount {
    &sim.device().cloud.accounts[0]
}

fn has_device(sim: &Sim, id: &str) -> bool {
    lei(sim).devices.iter().any(|d| d.id == id)
}

fn open_security(sim: &mut Sim, env: &mut Env) {
    tap(sim, env, settings::ACCOUNT_ENTRY);
    tap(sim, env, "account.security");
}

fn change_password(sim: &mut Sim, env: &mut Env, current: &str, new: &str) {
    tap(sim, env, "security.password");
    type_into(sim, env, "password.current", current);
    type_into(sim, env, "password.new", new);
    tap(sim, env, "password.submit");
}

#[test]
fn changing_the_password_names_each_problem_and_keeps_other_devices_signed_in() {
    let (mut sim, mut env) = signed_in_phone();
    open_security(&mut sim, &mut env);
    let hash = lei(&sim).password_hash.clone();

    change_password(&mut sim, &mut env, "Xiaomi#2025", "Safer#2026");
    assert_eq!(
        error(&sim, "password.error").as_deref(),
        Some(WRONG_CURRENT_PASSWORD)
    );
    assert_eq!(WRONG_CURRENT_PASSWORD, "The current password is incorrect");
    update(&mut sim, Action::Back, &mut env);

    for (weak, problem) in [
        ("Ab#1", "Use at least 8 characters"),
        ("12345678#", "Include at least one letter"),
        ("Password#", "Include at least one number"),
        ("Password1", "Include at least one symbol, such as ! or #"),
        (PASSWORD, SAME_PASSWORD),
    ] {
        change_password(&mut sim, &mut env, PASSWORD, weak);
        assert_eq!(error(&sim, "password.error").as_deref(), Some(problem));
        update(&mut sim, Action::Back, &mut env);
    }
    assert_eq!(
        SAME_PASSWORD,
        "The new password must be different from the current one"
    );
    assert_eq!(lei(&sim).password_hash, hash, "nothing changed so far");

    change_password(&mut sim, &mut env, PASSWORD, "Safer#2026");
    assert_eq!(toast(&sim).as_deref(), Some(PASSWORD_CHANGED));
    assert!(matches!(sim.screen(), Screen::AccountSecurity));
    assert!(cloud::verify_password(
        &lei(&sim).password_hash,
        "Safer#2026"
    ));
    assert!(!cloud::verify_password(&lei(&sim).password_hash, PASSWORD));
    // Seed 000's pro tip: a new password does not sign the other devices out.
    assert!(has_device(&sim, "phone-x-77e0"));
    assert!(sim.device().account.is_some());
}

#[test]
fn two_step_verification_asks_for_the_password_and_a_wrong_one_changes_nothing() {
    let (mut sim, mut env) = signed_in_phone();
    open_security(&mut sim, &mut env);
    tap(&mut sim, &mut env, "security.two_step");
    update(&mut sim, Action::Type("guess".into()), &mut env);
    update(&mut sim, Action::Activate, &mut env);
    assert_eq!(error(&sim, "dialog.error").as_deref(), Some(WRONG_PASSWORD));
    assert_eq!(
        WRONG_PASSWORD,
        "Wrong password. Enter your Mi Account password again."
    );
    assert!(!lei(&sim).two_step);

    update(&mut sim, Action::Type(PASSWORD.into()), &mut env);
    update(&mut sim, Action::Activate, &mut env);
    assert!(lei(&sim).two_step);
    assert_eq!(toast(&sim).as_deref(), Some("Two-step verification is on"));
    let row = screens::view(&sim).find("security.two_step").cloned();
    assert_eq!(row.and_then(|r| r.value).as_deref(), Some("On"));

    tap(&mut sim, &mut env, "security.two_step");
    update(&mut sim, Action::Type(PASSWORD.into()), &mut env);
    update(&mut sim, Action::Activate, &mut env);
    assert!(!lei(&sim).two_step);
}

/// Mi Account → Devices → the São Paulo phone → "Remove": the confirmation is open.
fn ask_to_remove_the_intruder(sim: &mut Sim, env: &mut Env) {
    tap(sim, env, settings::ACCOUNT_ENTRY);
    tap(sim, env, "account.devices");
    tap(sim, env, "devices.4");
    tap(sim, env, "device.remove");
}

#[test]
fn removing_a_device_that_is_already_gone_says_so_and_removes_nothing_else() {
    let (mut sim, mut env) = signed_in_phone();
    ask_to_remove_the_intruder(&mut sim, &mut env);
    // Meanwhile the device is removed elsewhere (the website, another phone).
    sim.device_mut().cloud.accounts[0]
        .devices
        .retain(|d| d.id != "phone-x-77e0");
    let before = lei(&sim).devices.clone();
    tap(&mut sim, &mut env, "dialog.confirm");
    assert_eq!(toast(&sim).as_deref(), Some(ALREADY_REMOVED));
    assert_eq!(ALREADY_REMOVED, "This device has already been removed.");
    assert_eq!(lei(&sim).devices, before);
    assert!(matches!(sim.screen(), Screen::Devices));
    assert!(sim.dialog.is_none());
}

#[test]
fn removing_a_device_ends_its_session_and_keeps_the_tv() {
    let (mut sim, mut env) = signed_in_phone();
    ask_to_remove_the_intruder(&mut sim, &mut env);
    tap(&mut sim, &mut env, "dialog.confirm");
    assert!(!has_device(&sim, "phone-x-77e0"));
    assert!(has_device(&sim, "tv-7f3a"));
    assert_eq!(toast(&sim).as_deref(), Some("Signed out"));
}

fn intruder_at(at: DateTime<Utc>) -> ScheduledSignIn {
    ScheduledSignIn {
        at,
        mi_account_id: "6612345678".into(),
        device: AccountDevice {
            id: "phone-intruder".into(),
            name: "Redmi Note 12".into(),
            model: "Redmi Note 12".into(),
            kind: DeviceKind::Phone,
            location: "Lagos, Nigeria".into(),
            first_sign_in: at,
            last_active: at,
        },
    }
}

#[test]
fn a_sign_in_elsewhere_joins_the_devices_and_history_and_alerts_only_when_asked() {
    for notify in [false, true] {
        let (mut sim, mut env) = signed_in_phone();
        let at = t0() + Duration::minutes(5);
        sim.device_mut().cloud.scheduled_sign_ins = vec![intruder_at(at)];
        sim.device_mut().cloud.accounts[0].login_notifications.sms = notify;
        let history = lei(&sim).login_history.len();

        env.advance(Duration::minutes(4));
        update(&mut sim, Action::Tick, &mut env);
        assert!(!has_device(&sim, "phone-intruder"), "not yet");

        env.advance(Duration::minutes(2));
        update(&mut sim, Action::Tick, &mut env);
        assert!(has_device(&sim, "phone-intruder"));
        assert!(
            sim.device().cloud.scheduled_sign_ins.is_empty(),
            "played once"
        );
        let record = lei(&sim).login_history.last().cloned().expect("recorded");
        assert_eq!(lei(&sim).login_history.len(), history + 1);
        assert_eq!(record.at, at);
        assert_eq!(record.location, "Lagos, Nigeria");
        assert!(record.new_device);
        let alert = screens::view(&sim).notification;
        if notify {
            assert_eq!(
                alert.as_deref(),
                Some(
                    "New sign-in to your Mi Account: Redmi Note 12 in Lagos, Nigeria. If this \
                     wasn't you, change your password."
                )
            );
        } else {
            assert_eq!(alert, None);
        }
    }
}

/// The browser signed in to account.xiaomi.com as Lei Wang.
fn web_account_site(sim: &mut Sim, env: &mut Env) {
    update(sim, Action::SwitchSurface, env);
    tap(sim, env, "web.tab.account");
    type_into(sim, env, "web.login", "lei.wang@example.com");
    type_into(sim, env, "web.password", PASSWORD);
    tap(sim, env, "web.sign_in");
    assert!(matches!(sim.screen(), Screen::WebAccount));
}

#[test]
fn removing_the_phone_on_the_website_signs_the_phone_out_and_keeps_its_data() {
    let (mut sim, mut env) = signed_in_phone();
    tap(&mut sim, &mut env, settings::ACCOUNT_ENTRY);
    tap(&mut sim, &mut env, "account.devices");
    let data = sim.device().data.clone();
    web_account_site(&mut sim, &mut env);
    tap(&mut sim, &mut env, "web.security");
    tap(&mut sim, &mut env, "security.devices");
    let phone_id = sim.device().phone.id.to_string();
    let row = lei(&sim)
        .devices
        .iter()
        .position(|d| d.id == phone_id)
        .expect("the phone is listed");
    tap(&mut sim, &mut env, &format!("devices.{row}"));
    tap(&mut sim, &mut env, "device.remove");
    let dialog = screens::view(&sim).dialog.expect("confirmation");
    assert_eq!(
        dialog.elements.last().map(|e| e.label.to_string()),
        Some("Delete device".into())
    );
    tap(&mut sim, &mut env, "dialog.confirm");
    assert!(sim.device().account.is_none());
    assert!(!has_device(&sim, &phone_id));
    assert_eq!(sim.device().data, data, "a removed phone keeps its data");

    update(&mut sim, Action::SwitchSurface, &mut env);
    assert!(matches!(sim.screen(), Screen::Settings), "back at Settings");
    let entry = screens::view(&sim).find(settings::ACCOUNT_ENTRY).cloned();
    assert_eq!(
        entry.map(|e| e.label.to_string()).as_deref(),
        Some("Sign in to Mi Account")
    );
}

#[test]
fn the_website_acts_on_its_own_account_not_the_phones() {
    // The website changes the account signed in on the browser, even with none on the phone.
    let (mut sim, mut env) = signed_in_phone();
    web_account_site(&mut sim, &mut env);
    cloud::sign_out(sim.device_mut(), true);
    tap(&mut sim, &mut env, "web.security");
    tap(&mut sim, &mut env, "security.notifications");
    tap(&mut sim, &mut env, "notify.email");
    assert!(lei(&sim).login_notifications.email);
    let title = screens::view(&sim).title;
    assert_eq!(title, "Mi Account — Login notifications");
}

#[test]
fn the_login_history_keeps_the_newest_sign_ins_and_the_page_lists_the_most_recent() {
    let mut device = DeviceFile::factory_default();
    for i in 0..cloud::LOGIN_HISTORY_KEPT + 20 {
        cloud::sign_in(&mut device, 0, t0() + Duration::minutes(i as i64));
    }
    let history = &device.cloud.accounts[0].login_history;
    assert_eq!(history.len(), cloud::LOGIN_HISTORY_KEPT);
    let newest = t0() + Duration::minutes((cloud::LOGIN_HISTORY_KEPT + 19) as i64);
    assert_eq!(history.last().map(|r| r.at), Some(newest));

    let mut sim = Sim::new(device, newest);
    let mut env = Env::new(newest, 7);
    open_security(&mut sim, &mut env);
    tap(&mut sim, &mut env, "security.history");
    let view = screens::view(&sim);
    let rows = view
        .elements
        .iter()
        .filter(|e| {
            e.id.starts_with("history.")
                && e.id.as_ref() != "history.about"
                && e.id.as_ref() != "history.more"
        })
        .count();
    assert_eq!(rows, crate::screens::security::HISTORY_SHOWN);
    assert_eq!(
        view.find("history.more")
            .map(|e| e.label.to_string())
            .as_deref(),
        Some("The 50 most recent sign-ins are shown.")
    );
}

#[test]
fn a_hyperos_phone_says_xiaomi_account_on_every_security_page() {
    let mut device = DeviceFile::factory_default();
    device.phone.skin = super::device::Skin::Hyperos;
    cloud::sign_in(&mut device, 0, t0());
    let mut sim = Sim::new(device, t0());
    let mut env = Env::new(t0(), 7);
    open_security(&mut sim, &mut env);
    let mut pages = Vec::new();
    for (open, dialog) in [
        ("security.password", false),
        ("security.two_step", true),
        ("security.notifications", false),
        ("security.history", false),
        ("security.devices", false),
    ] {
        tap(&mut sim, &mut env, open);
        pages.push(screens::view(&sim));
        update(&mut sim, Action::Back, &mut env);
        if !dialog {
            assert!(matches!(sim.screen(), Screen::AccountSecurity), "{open}");
        }
    }
    for view in pages {
        let text = serde_json::to_string(&view).expect("view as JSON");
        assert!(!text.contains("Mi Account"), "{}: {text}", view.screen);
    }
}

#[test]
fn a_sync_shows_the_phone_as_active_in_the_accounts_device_list() {
    let (mut sim, _) = signed_in_phone();
    let later = t0() + Duration::hours(3);
    assert!(cloud::sync(sim.device_mut(), later));
    let phone_id = sim.device().phone.id.to_string();
    let entry = lei(&sim).devices.iter().find(|d| d.id == phone_id).cloned();
    assert_eq!(entry.map(|d| d.last_active), Some(later));
}
