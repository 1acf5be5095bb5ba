//! Seed 001: "if you want unlock bootloader you must have a Mi account". About phone → "MIUI
//! version" tapped 7 times makes the person a developer; Additional settings → Developer
//! options → Mi Unlock status binds the signed-in Mi Account to the phone, and says to add one
//! first when there is none.

use chrono::Duration;
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::sim::DeviceFile;
use mi_settings::sim::cloud;
use mi_settings::strings::S;

use crate::common::{label_of, miui, phone, phone_with, signed_in_device, tap};
use crate::screens::{self, snap};

/// Taps "MIUI version" once; the toast it leaves, if any.
fn tap_version(engine: &mut Engine) -> Option<String> {
    tap(engine, "about.os_version");
    let toast = engine.view().toast.clone();
    // Each toast goes before the next tap, so a tap that says nothing shows nothing.
    engine.wait(Duration::seconds(10));
    toast
}

#[test]
fn seven_taps_on_miui_version_make_a_developer() {
    let mut engine = phone();
    tap(&mut engine, "settings.additional_settings");
    assert!(engine.view().find("additional.developer_options").is_none());
    engine.apply(Action::Back);
    tap(&mut engine, "settings.about_phone");
    assert_eq!(label_of(&engine, "about.os_version"), "MIUI version");
    let toasts: Vec<Option<String>> = (0..7).map(|_| tap_version(&mut engine)).collect();
    let said = |text: &str| Some(text.to_string());
    assert_eq!(
        toasts,
        [
            None,
            None,
            said("You are now 4 steps away from being a developer."),
            said("You are now 3 steps away from being a developer."),
            said("You are now 2 steps away from being a developer."),
            said("You are now 1 step away from being a developer."),
            said("You are now a developer!"),
        ]
    );
    assert!(engine.device().phone.developer_options, "kept in the file");
    assert_eq!(
        tap_version(&mut engine),
        said("No need, you are already a developer.")
    );
    engine.apply(Action::Back);
    tap(&mut engine, "settings.additional_settings");
    assert_eq!(
        label_of(&engine, "additional.developer_options"),
        "Developer options"
    );
    tap(&mut engine, "additional.developer_options");
    assert_eq!(engine.view().screen, "developer_options");
    tap(&mut engine, "developer.mi_unlock");
    assert_eq!(engine.view().screen, "mi_unlock_status");
}

#[test]
fn leaving_about_phone_starts_the_count_over() {
    let mut engine = phone();
    tap(&mut engine, "settings.about_phone");
    for _ in 0..5 {
        tap_version(&mut engine);
    }
    engine.apply(Action::Back);
    tap(&mut engine, "settings.about_phone");
    let toasts: Vec<Option<String>> = (0..3).map(|_| tap_version(&mut engine)).collect();
    assert_eq!(
        toasts[2].as_deref(),
        Some("You are now 4 steps away from being a developer.")
    );
    assert!(!engine.device().phone.developer_options);
}

#[test]
fn an_erase_hides_developer_options_again() {
    let mut device = DeviceFile::factory_default();
    device.phone.developer_options = true;
    device.phone.unlock_account = Some("6612345678".into());
    cloud::wipe(&mut device);
    assert!(!device.phone.developer_options);
    assert_eq!(device.phone.unlock_account, None);
}

fn developer(mut device: DeviceFile) -> Engine {
    device.phone.developer_options = true;
    let mut engine = phone_with(device);
    tap(&mut engine, "settings.additional_settings");
    tap(&mut engine, "additional.developer_options");
    tap(&mut engine, "developer.mi_unlock");
    engine
}

/// What Mi Unlock status says of the account bound to the phone.
fn bound_account(engine: &Engine) -> Option<String> {
    let element = engine.view().find("unlock.account")?;
    element.value.as_ref().map(|value| value.to_string())
}

#[test]
fn mi_unlock_status_signed_out_says_to_add_an_account_first() {
    let mut engine = developer(DeviceFile::factory_default());
    assert_eq!(
        label_of(&engine, "unlock.about"),
        miui(S::UnlockSignInFirst)
    );
    assert_eq!(bound_account(&engine).as_deref(), Some("Not added"));
    let before = engine.device().clone();
    tap(&mut engine, "unlock.add");
    assert_eq!(
        engine.view().toast.as_deref(),
        Some(miui(S::UnlockSignInFirst))
    );
    assert_eq!(engine.device(), &before);
}

#[test]
fn add_account_and_device_needs_the_network_then_binds_the_account() {
    let mut device = signed_in_device();
    device.network.wifi = false;
    device.network.airplane_mode = true;
    let mut engine = developer(device);
    let before = engine.device().clone();
    tap(&mut engine, "unlock.add");
    assert_eq!(engine.view().toast.as_deref(), Some(miui(S::Offline)));
    assert_eq!(engine.device(), &before, "offline: nothing changes");
    engine.apply(Action::Back);
    engine.apply(Action::Back);
    engine.apply(Action::Back);
    tap(&mut engine, "settings.wifi");
    tap(&mut engine, "wifi.toggle");
    engine.apply(Action::Back);
    tap(&mut engine, "settings.additional_settings");
    tap(&mut engine, "additional.developer_options");
    tap(&mut engine, "developer.mi_unlock");
    tap(&mut engine, "unlock.add");
    assert_eq!(
        engine.view().toast.as_deref(),
        Some("Added successfully. Mi Account is associated with this device now.")
    );
    assert_eq!(
        engine.device().phone.unlock_account.as_deref(),
        Some("6612345678")
    );
    assert_eq!(
        bound_account(&engine).as_deref(),
        Some("Lei Wang (6612345678)")
    );
}

#[test]
fn snapshots_of_developer_options_and_mi_unlock_status() {
    let developer = |device: &mut DeviceFile| device.phone.developer_options = true;
    let mut route = Vec::new();
    // Each page, one tap further along the route, with a word it must show.
    for (tap, name, screen, shows) in [
        (
            "settings.additional_settings",
            "additional_settings_developer",
            "additional_settings",
            "Developer options",
        ),
        (
            "additional.developer_options",
            "developer_options",
            "developer_options",
            "Mi Unlock status",
        ),
        (
            "developer.mi_unlock",
            "mi_unlock_signed_out",
            "mi_unlock_status",
            "Add account and device",
        ),
    ] {
        route.push(screens::tap(tap));
        let texts = snap(name, screen, developer, &route);
        assert!(texts[0].contains(shows), "{name}: {}", texts[0]);
    }
    let bound = |device: &mut DeviceFile| {
        screens::signed_in(device);
        device.phone.developer_options = true;
        device.phone.unlock_account = device.account.as_ref().map(|a| a.mi_account_id.clone());
    };
    let texts = snap("mi_unlock_bound", "mi_unlock_status", bound, &route);
    assert!(texts[0].contains("Lei Wang"), "{}", texts[0]);
}

/// HyperOS calls the row "OS version"; the guides' "MIUI version" still reaches it there.
#[test]
fn hyperos_says_os_version_and_the_guides_word_reaches_it() {
    let mut device = DeviceFile::factory_default();
    device.phone.skin = mi_settings::sim::device::Skin::Hyperos;
    let mut engine = phone_with(device);
    tap(&mut engine, "settings.about_phone");
    assert_eq!(label_of(&engine, "about.os_version"), "OS version");
    assert_eq!(
        engine.resolve("MIUI version").as_deref(),
        Ok("about.os_version")
    );
}
