//! Account security, devices and the account website through the engine: every error path with
//! its exact message, and what each change does to the device file.

use crate::common::*;
use chrono::{DateTime, Duration, Utc};
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::sim::cloud;
use mi_settings::sim::device::{
    AccountDevice, CloudAccount, DeviceFile, DeviceKind, ScheduledSignIn, Skin,
};
use mi_settings::strings::S;

const PASSWORD: &str = LEI_PASSWORD;

fn error(engine: &Engine, id: &str) -> Option<String> {
    engine.view().find(id).map(|e| e.label.to_string())
}

fn toast(engine: &Engine) -> Option<String> {
    engine.view().toast.clone()
}

fn lei(engine: &Engine) -> &CloudAccount {
    &engine.device().cloud.accounts[0]
}

fn has_device(engine: &Engine, id: &str) -> bool {
    lei(engine).devices.iter().any(|d| d.id == id)
}

fn open_security(engine: &mut Engine) {
    tap(engine, "settings.account");
    tap(engine, "account.security");
}

fn change_password(engine: &mut Engine, current: &str, new: &str) {
    tap(engine, "security.password");
    type_into(engine, "password.current", current);
    type_into(engine, "password.new", new);
    type_into(engine, "password.confirm", new);
    tap(engine, "password.submit");
}

#[test]
fn changing_the_password_names_each_problem_and_keeps_other_devices_signed_in() {
    let mut engine = signed_in_phone();
    open_security(&mut engine);
    let hash = lei(&engine).password_hash.clone();

    change_password(&mut engine, "Xiaomi#2025", "Safer#2026");
    assert_eq!(
        error(&engine, "password.error").as_deref(),
        Some("The current password is incorrect")
    );
    engine.apply(Action::Back);

    for (weak, problem) in [
        ("Ab#1", "Use at least 8 characters"),
        ("12345678#", "Include at least one letter"),
        ("Password#", "Include at least one number"),
        ("Password1", "Include at least one symbol, such as ! or #"),
        (
            PASSWORD,
            "The new password must be different from the current one",
        ),
    ] {
        change_password(&mut engine, PASSWORD, weak);
        assert_eq!(error(&engine, "password.error").as_deref(), Some(problem));
        engine.apply(Action::Back);
    }
    assert_eq!(lei(&engine).password_hash, hash, "nothing changed so far");

    change_password(&mut engine, PASSWORD, "Safer#2026");
    assert_eq!(toast(&engine).as_deref(), Some(miui(S::PasswordChanged)));
    assert_eq!(engine.view().screen, "account_security");
    assert!(cloud::verify_password(
        &lei(&engine).password_hash,
        "Safer#2026"
    ));
    assert!(!cloud::verify_password(
        &lei(&engine).password_hash,
        PASSWORD
    ));
    // Seed 000's pro tip: a new password does not sign the other devices out.
    assert!(has_device(&engine, "phone-x-77e0"));
    assert!(engine.device().account.is_some());
}

#[test]
fn two_step_verification_asks_for_the_password_and_a_wrong_one_changes_nothing() {
    let mut engine = signed_in_phone();
    open_security(&mut engine);
    tap(&mut engine, "security.two_step");
    type_text(&mut engine, "guess");
    engine.apply(Action::Activate);
    assert_eq!(
        error(&engine, "dialog.error").as_deref(),
        Some("Wrong password. Enter your Mi Account password again.")
    );
    assert!(!lei(&engine).two_step);

    type_text(&mut engine, PASSWORD);
    engine.apply(Action::Activate);
    assert!(lei(&engine).two_step);
    assert_eq!(
        toast(&engine).as_deref(),
        Some("Two-step verification is on")
    );
    let row = engine.view().find("security.two_step").cloned();
    assert_eq!(row.and_then(|r| r.value).as_deref(), Some("On"));

    tap(&mut engine, "security.two_step");
    type_text(&mut engine, PASSWORD);
    engine.apply(Action::Activate);
    assert!(!lei(&engine).two_step);
}

/// Mi Account → Devices → the São Paulo phone → "Remove": the confirmation is open.
fn ask_to_remove_the_intruder(engine: &mut Engine) {
    tap(engine, "settings.account");
    tap(engine, "account.devices");
    tap(engine, "devices.4");
    tap(engine, "device.remove");
}

/// On the website: Security → Devices → the device `id` → Remove → Delete device.
fn remove_on_the_website(engine: &mut Engine, id: &str) {
    tap(engine, "web.security");
    tap(engine, "security.devices");
    let row = lei(engine)
        .devices
        .iter()
        .position(|d| d.id == id)
        .expect("the device is listed");
    tap(engine, &format!("devices.{row}"));
    tap(engine, "device.remove");
    tap(engine, "dialog.confirm");
}

#[test]
fn removing_a_device_that_is_already_gone_says_so_and_removes_nothing_else() {
    let mut engine = signed_in_phone();
    ask_to_remove_the_intruder(&mut engine);
    // Meanwhile the device is removed on the website.
    web_account_site(&mut engine);
    remove_on_the_website(&mut engine, "phone-x-77e0");
    engine.apply(Action::SwitchSurface);
    let before = lei(&engine).devices.clone();
    tap(&mut engine, "dialog.confirm");
    assert_eq!(
        toast(&engine).as_deref(),
        Some("This device has already been removed.")
    );
    assert_eq!(lei(&engine).devices, before);
    assert_eq!(engine.view().screen, "devices");
    assert!(engine.view().dialog.is_none());
}

#[test]
fn removing_a_device_ends_its_session_and_keeps_the_tv() {
    let mut engine = signed_in_phone();
    ask_to_remove_the_intruder(&mut engine);
    tap(&mut engine, "dialog.confirm");
    assert!(!has_device(&engine, "phone-x-77e0"));
    assert!(has_device(&engine, "tv-7f3a"));
    // The toast names the device: "Signed out" would read as this phone.
    assert_eq!(
        toast(&engine).as_deref(),
        Some("Redmi 12C was removed and signed out of your Mi Account.")
    );
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
        let mut device = signed_in_device();
        let at = t0() + Duration::minutes(5);
        device.cloud.scheduled_sign_ins = vec![intruder_at(at)];
        device.cloud.accounts[0].login_notifications.sms = notify;
        let mut engine = phone_with(device);
        let history = lei(&engine).login_history.len();

        engine.wait(Duration::minutes(4));
        assert!(!has_device(&engine, "phone-intruder"), "not yet");

        engine.wait(Duration::minutes(2));
        assert!(has_device(&engine, "phone-intruder"));
        assert!(
            engine.device().cloud.scheduled_sign_ins.is_empty(),
            "played once"
        );
        let record = lei(&engine)
            .login_history
            .last()
            .cloned()
            .expect("recorded");
        assert_eq!(lei(&engine).login_history.len(), history + 1);
        assert_eq!(record.at, at);
        assert_eq!(record.location, "Lagos, Nigeria");
        assert!(record.new_device);
        let alert = engine.view().notification.clone();
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

#[test]
fn removing_the_phone_on_the_website_signs_the_phone_out_and_keeps_its_data() {
    let mut engine = signed_in_phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.devices");
    let data = engine.device().data.clone();
    web_account_site(&mut engine);
    tap(&mut engine, "web.security");
    tap(&mut engine, "security.devices");
    let phone_id = engine.device().phone.id.to_string();
    let row = lei(&engine)
        .devices
        .iter()
        .position(|d| d.id == phone_id)
        .expect("the phone is listed");
    tap(&mut engine, &format!("devices.{row}"));
    tap(&mut engine, "device.remove");
    let dialog = engine.view().dialog.clone().expect("confirmation");
    // Seed 001: "Click Delete device", then "Click Delete".
    assert_eq!(
        dialog.elements.last().map(|e| e.label.to_string()),
        Some("Delete".into())
    );
    tap(&mut engine, "dialog.confirm");
    assert!(engine.device().account.is_none());
    assert!(!has_device(&engine, &phone_id));
    assert_eq!(engine.device().data, data, "a removed phone keeps its data");

    // The website names the device it removed.
    assert_eq!(
        toast(&engine).as_deref(),
        Some("Redmi Note 13 Pro was removed and signed out of your Mi Account.")
    );

    // The phone says what happened when it is looked at, once, and survives a restart.
    let saved = engine.device().clone();
    engine.apply(Action::SwitchSurface);
    assert_eq!(engine.view().screen, "settings", "back at Settings");
    let notice = engine.view().dialog.clone().expect("the phone says so");
    assert_eq!(notice.title, "Signed out of Mi Account");
    assert!(notice.body[0].starts_with("This phone was removed from Lei Wang's Mi Account"));
    let mut restarted = phone_with(saved);
    assert_eq!(
        restarted.view().dialog.as_ref().map(|d| d.id.as_str()),
        Some("signed_out_remotely")
    );
    restarted.apply(Action::Back);
    assert_eq!(
        restarted.device().phone.signed_out_remotely,
        None,
        "Esc reads it too"
    );
    tap(&mut engine, "dialog.ok");
    assert!(engine.view().dialog.is_none());
    assert_eq!(engine.device().phone.signed_out_remotely, None);
    assert_eq!(
        label_of(&engine, "settings.account"),
        "Sign in to Mi Account"
    );
    engine.apply(Action::SwitchSurface);
    engine.apply(Action::SwitchSurface);
    assert!(engine.view().dialog.is_none(), "said once");
}

#[test]
fn the_website_acts_on_its_own_account_not_the_phones() {
    // The website changes the account signed in on the browser, even with none on the phone.
    let mut engine = phone();
    web_account_site(&mut engine);
    assert!(engine.device().account.is_none());
    tap(&mut engine, "web.security");
    tap(&mut engine, "security.notifications");
    tap(&mut engine, "notify.email");
    assert!(lei(&engine).login_notifications.email);
    assert_eq!(engine.view().title, "Mi Account — Login notifications");
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

    let mut engine = Engine::new(
        device,
        mi_settings::engine::Start {
            clock: newest,
            ..start(60, 24)
        },
    );
    open_security(&mut engine);
    tap(&mut engine, "security.history");
    let view = engine.view();
    let rows = view
        .elements
        .iter()
        .filter(|e| {
            e.id.starts_with("history.")
                && e.id.as_ref() != "history.about"
                && e.id.as_ref() != "history.more"
        })
        .count();
    assert_eq!(
        rows,
        mi_settings::screens::account::login_history::HISTORY_SHOWN
    );
    assert_eq!(
        view.find("history.more")
            .map(|e| e.label.to_string())
            .as_deref(),
        Some("The 50 most recent sign-ins are shown.")
    );
}

#[test]
fn a_hyperos_phone_says_xiaomi_account_on_every_security_page() {
    let mut device = signed_in_device();
    device.phone.skin = Skin::Hyperos;
    let mut engine = phone_with(device);
    open_security(&mut engine);
    let mut pages = Vec::new();
    for (open, dialog) in [
        ("security.password", false),
        ("security.two_step", true),
        ("security.notifications", false),
        ("security.history", false),
        ("security.devices", false),
    ] {
        tap(&mut engine, open);
        pages.push(engine.view().clone());
        engine.apply(Action::Back);
        if !dialog {
            assert_eq!(engine.view().screen, "account_security", "{open}");
        }
    }
    for view in pages {
        let text = serde_json::to_string(&view).expect("view as JSON");
        assert!(!text.contains("Mi Account"), "{}: {text}", view.screen);
    }
}

/// "New device" in the login history means the account has never seen the device: the phone
/// signing in again after signing out is not new, nor is a removed device that signs in again,
/// and neither alerts; a device the account has never seen is new.
#[test]
fn new_device_means_the_account_never_saw_it() {
    let mut device = DeviceFile::factory_default();
    let at = t0();
    cloud::sign_in(&mut device, 0, at);
    cloud::sign_out(&mut device, true);
    cloud::sign_in(&mut device, 0, at + Duration::minutes(1));
    let history = &device.cloud.accounts[0].login_history;
    let phone = device.phone.name.clone();
    let news: Vec<bool> = history
        .iter()
        .filter(|r| r.device == phone && r.at >= at)
        .map(|r| r.new_device)
        .collect();
    assert_eq!(news, [true, false], "first sign-in new, the second not");

    // The intruder signs in, is removed, and signs in again: known, so no alert.
    device.cloud.accounts[0].login_notifications.sms = true;
    let first = at + Duration::minutes(2);
    device.cloud.scheduled_sign_ins = vec![intruder_at(first)];
    let mut engine = phone_with(device);
    engine.wait(Duration::minutes(3));
    assert!(
        lei(&engine)
            .login_history
            .last()
            .expect("signed in")
            .new_device
    );
    assert!(engine.view().notification.is_some());
    let mut device = engine.device().clone();
    device.cloud.accounts[0]
        .devices
        .retain(|d| d.id != "phone-intruder");
    let again = at + Duration::minutes(10);
    device.cloud.scheduled_sign_ins = vec![intruder_at(again)];
    let mut engine = phone_with(device);
    engine.wait(Duration::minutes(11));
    let record = lei(&engine).login_history.last().cloned().expect("again");
    assert_eq!(record.at, again);
    assert!(!record.new_device, "the account has seen it before");
    assert_eq!(engine.view().notification, None);
}
