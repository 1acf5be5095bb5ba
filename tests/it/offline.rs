//! Everything that needs Xiaomi's servers refuses on a phone with no connection (airplane mode
//! on, Wi-Fi off), with the phone's "No network connection" text, changing nothing; the same
//! action works once Wi-Fi is back, and the website (another computer) stays online.

use crate::common::*;
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::sim::device::DeviceFile;

const OFFLINE: &str = "No network connection. Check your Wi-Fi or mobile data.";

fn cut_off(device: &mut DeviceFile) {
    device.network.airplane_mode = true;
    device.network.wifi = false;
}

/// Lei Wang's phone (Find Device on) in airplane mode with Wi-Fi off.
fn offline_signed_in_phone() -> Engine {
    let mut device = signed_in_device();
    cut_off(&mut device);
    phone_with(device)
}

/// The fresh, signed-out phone in airplane mode with Wi-Fi off.
fn offline_phone() -> Engine {
    let mut device = DeviceFile::factory_default();
    cut_off(&mut device);
    phone_with(device)
}

fn toast(engine: &Engine) -> Option<String> {
    engine.view().toast.clone()
}

fn text_of(engine: &Engine, id: &str) -> Option<String> {
    engine.view().find(id).map(|e| e.label.to_string())
}

/// Settings → Connection & sharing → Wi-Fi back on, and back to Settings.
fn wifi_back_on(engine: &mut Engine) {
    while engine.view().back {
        engine.apply(Action::Back);
    }
    tap(engine, "settings.wifi");
    tap(engine, "wifi.toggle");
    assert!(engine.device().network.wifi);
    engine.apply(Action::Back);
}

fn open_security(engine: &mut Engine) {
    tap(engine, "settings.account");
    tap(engine, "account.security");
}

/// Mi Account → Devices → the São Paulo phone (Redmi 12C) → Remove → confirmed.
fn remove_the_intruder(engine: &mut Engine) {
    tap(engine, "settings.account");
    tap(engine, "account.devices");
    tap(engine, "devices.4");
    tap(engine, "device.remove");
    tap(engine, "dialog.confirm");
}

#[test]
fn removing_a_device_offline_is_refused_and_works_once_online() {
    let mut engine = offline_signed_in_phone();
    let before = engine.device().clone();
    remove_the_intruder(&mut engine);
    assert_eq!(toast(&engine).as_deref(), Some(OFFLINE));
    assert_eq!(engine.device(), &before);
    // Only the pages opened are traced: no change.
    let changes: Vec<_> = engine
        .trace()
        .iter()
        .filter(|entry| entry["change"] != "opened")
        .collect();
    assert!(changes.is_empty(), "{changes:?}");

    wifi_back_on(&mut engine);
    remove_the_intruder(&mut engine);
    assert_eq!(
        toast(&engine).as_deref(),
        Some("Redmi 12C was removed and signed out of your Mi Account.")
    );
}

#[test]
fn changing_the_password_offline_is_refused() {
    let mut engine = offline_signed_in_phone();
    let before = engine.device().clone();
    open_security(&mut engine);
    tap(&mut engine, "security.password");
    type_into(&mut engine, "password.current", LEI_PASSWORD);
    type_into(&mut engine, "password.new", "Safer#2027");
    type_into(&mut engine, "password.confirm", "Safer#2027");
    tap(&mut engine, "password.submit");
    assert_eq!(text_of(&engine, "password.error").as_deref(), Some(OFFLINE));
    assert_eq!(engine.view().screen, "change_password");
    assert_eq!(engine.device(), &before);
}

#[test]
fn two_step_verification_and_login_notifications_offline_are_refused() {
    let mut engine = offline_signed_in_phone();
    let before = engine.device().clone();
    open_security(&mut engine);
    tap(&mut engine, "security.two_step");
    assert_eq!(toast(&engine).as_deref(), Some(OFFLINE));
    assert!(engine.view().dialog.is_none(), "no password is asked");
    tap(&mut engine, "security.notifications");
    tap(&mut engine, "notify.email");
    tap(&mut engine, "notify.sms");
    assert_eq!(toast(&engine).as_deref(), Some(OFFLINE));
    assert_eq!(engine.device(), &before);

    wifi_back_on(&mut engine);
    open_security(&mut engine);
    tap(&mut engine, "security.notifications");
    tap(&mut engine, "notify.sms");
    assert!(engine.device().cloud.accounts[0].login_notifications.sms);
}

#[test]
fn signing_out_offline_is_refused_and_find_device_stays_on() {
    let mut engine = offline_signed_in_phone();
    let before = engine.device().clone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    tap(&mut engine, "dialog.confirm");
    assert_eq!(toast(&engine).as_deref(), Some(OFFLINE));
    assert!(engine.view().dialog.is_none(), "no password is asked");
    assert_eq!(engine.device(), &before);
    assert!(
        engine
            .device()
            .account
            .as_ref()
            .is_some_and(|a| a.find_device)
    );
    assert!(
        engine
            .trace()
            .iter()
            .all(|entry| entry["change"] == "opened")
    );

    wifi_back_on(&mut engine);
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    tap(&mut engine, "dialog.confirm");
    assert_eq!(
        engine.view().dialog.as_ref().map(|d| d.title.as_str()),
        Some("Enter password")
    );
}

#[test]
fn signed_out_the_phone_refuses_sign_in_create_account_and_forgot_password_offline() {
    let mut engine = offline_phone();
    let before = engine.device().clone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_in");
    type_into(&mut engine, "signin.login", "lei.wang@example.com");
    type_into(&mut engine, "signin.password", LEI_PASSWORD);
    tap(&mut engine, "signin.agree");
    tap(&mut engine, "signin.submit");
    assert_eq!(text_of(&engine, "signin.error").as_deref(), Some(OFFLINE));

    // Forgot password: the account is not even looked up.
    tap(&mut engine, "signin.forgot");
    type_into(&mut engine, "forgot.login", "nobody@example.com");
    tap(&mut engine, "forgot.next");
    assert_eq!(text_of(&engine, "forgot.error").as_deref(), Some(OFFLINE));
    engine.apply(Action::Back);

    // Create account: whether the number is taken is the servers' to say.
    tap(&mut engine, "signin.create");
    tap(&mut engine, "create.phone");
    type_into(&mut engine, "create.contact", "+86 138 0013 8000");
    type_into(&mut engine, "create.name", "Lei");
    type_into(&mut engine, "create.password", "Safer#2027");
    type_into(&mut engine, "create.confirm", "Safer#2027");
    tap(&mut engine, "create.agree");
    tap(&mut engine, "create.get_code");
    assert_eq!(text_of(&engine, "create.error").as_deref(), Some(OFFLINE));
    assert_eq!(engine.device(), &before);
}

#[test]
fn the_website_stays_online_while_the_phone_is_offline() {
    let mut engine = offline_signed_in_phone();
    web_account_site(&mut engine);
    tap(&mut engine, "web.security");
    tap(&mut engine, "security.notifications");
    tap(&mut engine, "notify.email");
    assert_ne!(toast(&engine).as_deref(), Some(OFFLINE));
    let settings = &engine.device().cloud.accounts[0].login_notifications;
    assert!(settings.email, "the website switched it: {settings:?}");
}
