//! Unit tests of `update`: the rules, without any terminal.

use chrono::{DateTime, Duration, Utc};

use super::cloud;
use super::device::{DeviceFile, Rom, SignedInAccount};
use super::*;
use crate::screens::{self, settings};
use crate::view::View;

fn t0() -> DateTime<Utc> {
    "2026-11-21T10:00:00Z".parse().expect("test time")
}

fn phone() -> (Sim, Env) {
    (
        Sim::new(DeviceFile::factory_default(), t0()),
        Env::new(t0(), 7),
    )
}

fn view(sim: &Sim) -> View {
    screens::view(sim)
}

fn label_of(sim: &Sim, id: &str) -> String {
    view(sim)
        .find(id)
        .map(|e| e.label.to_string())
        .unwrap_or_else(|| panic!("no element {id} on {}", view(sim).screen))
}

fn tap(sim: &mut Sim, env: &mut Env, id: &str) -> Vec<Effect> {
    assert!(
        view(sim).find(id).is_some(),
        "{id} is not on {}",
        view(sim).screen
    );
    update(sim, Action::Tap(id.to_string()), env)
}

#[test]
fn global_rom_puts_the_account_entry_near_the_bottom() {
    let (sim, _) = phone();
    let view = view(&sim);
    let position = view
        .elements
        .iter()
        .position(|e| e.id == settings::ACCOUNT_ENTRY)
        .expect("account entry");
    assert!(position > view.elements.len() / 2, "at {position}");
    assert_eq!(view.elements[position].label, "Sign in to Mi Account");
    assert_eq!(
        view.elements[position].summary.as_deref(),
        Some("All Mi services. One Mi Account.")
    );
}

#[test]
fn china_rom_puts_the_account_entry_first_and_shows_the_name_when_signed_in() {
    let mut device = DeviceFile::factory_default();
    device.phone.rom = Rom::China;
    device.account = Some(SignedInAccount {
        mi_account_id: "6612345678".into(),
        name: "Lei Wang".into(),
        find_device: false,
        signed_in_at: None,
        sync: Default::default(),
    });
    let sim = Sim::new(device, t0());
    let view = view(&sim);
    assert_eq!(view.elements[0].id, settings::ACCOUNT_ENTRY);
    assert_eq!(view.elements[0].label, "Lei Wang");
    assert_eq!(
        view.elements[0].summary.as_deref(),
        Some("Manage accounts, cloud services, payments, and more")
    );
}

#[test]
fn global_rom_signed_in_entry_is_named_mi_account_with_the_name_beside_it() {
    let mut device = DeviceFile::factory_default();
    device.account = Some(SignedInAccount {
        mi_account_id: "6612345678".into(),
        name: "Lei Wang".into(),
        find_device: false,
        signed_in_at: None,
        sync: Default::default(),
    });
    let sim = Sim::new(device, t0());
    let entry = view(&sim)
        .find(settings::ACCOUNT_ENTRY)
        .cloned()
        .expect("entry");
    assert_eq!(entry.label, "Mi Account");
    assert_eq!(entry.value.as_deref(), Some("Lei Wang"));
}

#[test]
fn hyperos_skin_uses_xiaomi_account() {
    let mut device = DeviceFile::factory_default();
    device.phone.skin = device::Skin::Hyperos;
    let sim = Sim::new(device, t0());
    assert_eq!(
        label_of(&sim, settings::ACCOUNT_ENTRY),
        "Sign in to Xiaomi Account"
    );
}

#[test]
fn account_entry_and_accounts_sync_route_both_reach_mi_account() {
    let (mut sim, mut env) = phone();
    tap(&mut sim, &mut env, settings::ACCOUNT_ENTRY);
    assert_eq!(sim.screen(), &Screen::MiAccount);
    assert_eq!(view(&sim).title, "Mi Account");
    update(&mut sim, Action::Back, &mut env);
    assert_eq!(sim.screen(), &Screen::Settings);

    tap(&mut sim, &mut env, "settings.accounts_sync");
    assert_eq!(view(&sim).title, "Accounts & sync");
    assert_eq!(label_of(&sim, "accounts.mi_account"), "Mi Account");
    tap(&mut sim, &mut env, "accounts.mi_account");
    assert_eq!(sim.screen(), &Screen::MiAccount);
    assert_eq!(sim.stack.len(), 3);
}

#[test]
fn wifi_switch_changes_the_network_and_asks_for_a_save() {
    let (mut sim, mut env) = phone();
    tap(&mut sim, &mut env, "settings.wifi");
    assert!(sim.device().network.wifi);
    let effects = tap(&mut sim, &mut env, "wifi.toggle");
    assert_eq!(effects, vec![Effect::Save]);
    assert!(!sim.device().network.wifi);
    assert_eq!(view(&sim).status.network, "4G");
    assert_eq!(view(&sim).toast.as_deref(), Some("Wi-Fi turned off"));
    update(&mut sim, Action::Back, &mut env);
    assert_eq!(
        view(&sim)
            .find("settings.wifi")
            .and_then(|e| e.value.clone()),
        Some("Off".into())
    );
}

#[test]
fn mobile_data_and_airplane_mode_decide_the_connection() {
    let (mut sim, mut env) = phone();
    tap(&mut sim, &mut env, "settings.sim");
    tap(&mut sim, &mut env, "sim.mobile_data");
    assert!(!sim.device().network.mobile_data);
    update(&mut sim, Action::Back, &mut env);
    tap(&mut sim, &mut env, "settings.connection_sharing");
    tap(&mut sim, &mut env, "connection.airplane");
    assert!(sim.device().network.airplane_mode);
    assert!(!sim.device().network.wifi);
    assert_eq!(view(&sim).status.network, "Airplane");
}

#[test]
fn navigation_without_changes_saves_nothing() {
    let (mut sim, mut env) = phone();
    for action in [
        Action::FocusNext,
        Action::FocusPrev,
        Action::Activate,
        Action::Back,
        Action::Scroll(5),
        Action::PageDown,
        Action::Tick,
    ] {
        assert_eq!(
            update(&mut sim, action.clone(), &mut env),
            vec![],
            "{action:?}"
        );
    }
}

#[test]
fn focus_moves_over_touchable_elements_only_and_stops_at_the_ends() {
    let (mut sim, mut env) = phone();
    assert_eq!(
        view(&sim).focused().map(|e| e.id.clone()),
        Some("settings.about_phone".into())
    );
    update(&mut sim, Action::FocusPrev, &mut env);
    assert_eq!(
        view(&sim).focused().map(|e| e.id.clone()),
        Some("settings.about_phone".into())
    );
    update(&mut sim, Action::FocusNext, &mut env);
    // The section gap between them is skipped.
    assert_eq!(
        view(&sim).focused().map(|e| e.id.clone()),
        Some("settings.sim".into())
    );
    update(&mut sim, Action::FocusLast, &mut env);
    assert_eq!(
        view(&sim).focused().map(|e| e.id.clone()),
        Some("settings.services_feedback".into())
    );
}

#[test]
fn focus_far_down_scrolls_the_page_and_scrolling_moves_focus_into_view() {
    let (mut sim, mut env) = phone();
    update(
        &mut sim,
        Action::Resize {
            width: 40,
            height: 12,
        },
        &mut env,
    );
    update(&mut sim, Action::FocusLast, &mut env);
    let scrolled = view(&sim).scroll;
    assert!(scrolled > 0);
    update(&mut sim, Action::Scroll(-1000), &mut env);
    let v = view(&sim);
    assert_eq!(v.scroll, 0);
    // Focus followed the page instead of staying out of sight.
    let focused = v.focused().map(|e| e.id.clone());
    assert_ne!(focused.as_deref(), Some("settings.services_feedback"));
    assert!(focused.is_some());
}

#[test]
fn back_at_the_root_stays_and_q_style_quit_is_an_effect() {
    let (mut sim, mut env) = phone();
    update(&mut sim, Action::Back, &mut env);
    assert_eq!(sim.stack.len(), 1);
    assert_eq!(update(&mut sim, Action::Quit, &mut env), vec![Effect::Quit]);
}

#[test]
fn every_settings_row_opens_a_page_with_a_title_and_back_returns() {
    let (mut sim, mut env) = phone();
    let rows: Vec<(String, String)> = view(&sim)
        .elements
        .iter()
        .filter(|e| e.interactive())
        .map(|e| (e.id.to_string(), e.label.to_string()))
        .collect();
    assert!(rows.len() >= 20, "only {} rows", rows.len());
    for (id, label) in rows {
        tap(&mut sim, &mut env, &id);
        let v = view(&sim);
        assert!(v.back, "{id} did not open a page");
        assert!(!v.title.is_empty());
        if id.starts_with("settings.")
            && !matches!(id.as_str(), "settings.account" | "settings.sim")
        {
            assert_eq!(v.title, label, "{id}");
        }
        update(&mut sim, Action::Back, &mut env);
        assert_eq!(sim.screen(), &Screen::Settings);
    }
}

#[test]
fn renaming_the_device_validates_and_cancel_changes_nothing() {
    let (mut sim, mut env) = phone();
    tap(&mut sim, &mut env, "settings.about_phone");
    tap(&mut sim, &mut env, "about.device_name");
    let dialog = view(&sim).dialog.expect("dialog open");
    assert_eq!(dialog.title, "Device name");
    // Focus starts in the field, and typing edits it.
    assert_eq!(
        view(&sim).focused().map(|e| e.id.clone()),
        Some("dialog.device_name".into())
    );
    for _ in 0..40 {
        update(&mut sim, Action::DeleteBackward, &mut env);
    }
    assert_eq!(update(&mut sim, Action::Activate, &mut env), vec![]);
    assert_eq!(
        view(&sim).find("dialog.error").map(|e| e.label.clone()),
        Some("Enter a device name".into())
    );
    update(&mut sim, Action::Type("x".repeat(33)), &mut env);
    update(&mut sim, Action::Activate, &mut env);
    assert_eq!(
        view(&sim).find("dialog.error").map(|e| e.label.clone()),
        Some("Device name is too long (32 characters at most)".into())
    );
    update(&mut sim, Action::Back, &mut env);
    assert!(sim.dialog.is_none());
    assert_eq!(sim.device().phone.name, "Redmi Note 13 Pro");

    tap(&mut sim, &mut env, "about.device_name");
    update(&mut sim, Action::CursorHome, &mut env);
    update(&mut sim, Action::Type("Anna's ".into()), &mut env);
    let effects = tap(&mut sim, &mut env, "dialog.ok");
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(sim.device().phone.name, "Anna's Redmi Note 13 Pro");
    assert!(sim.dialog.is_none());
}

#[test]
fn taps_on_elements_that_are_not_touchable_do_nothing() {
    let (mut sim, mut env) = phone();
    let before = view(&sim);
    update(
        &mut sim,
        Action::Tap("settings.group.network".into()),
        &mut env,
    );
    update(&mut sim, Action::Tap("no.such.element".into()), &mut env);
    assert_eq!(view(&sim), before);
    // With a dialog open, the page underneath cannot be touched.
    tap(&mut sim, &mut env, "settings.about_phone");
    tap(&mut sim, &mut env, "about.device_name");
    update(
        &mut sim,
        Action::Tap("about.system_update".into()),
        &mut env,
    );
    assert_eq!(sim.screen(), &Screen::AboutPhone);
    assert!(sim.dialog.is_some());
}

#[test]
fn toasts_expire_with_the_clock_and_the_status_bar_shows_local_time() {
    let (mut sim, mut env) = phone();
    sim.device_mut().phone.utc_offset_minutes = 8 * 60;
    tap(&mut sim, &mut env, "settings.wifi");
    tap(&mut sim, &mut env, "wifi.toggle");
    assert!(view(&sim).toast.is_some());
    assert_eq!(view(&sim).status.time, "18:00");
    env.advance(Duration::seconds(5));
    update(&mut sim, Action::Tick, &mut env);
    assert!(view(&sim).toast.is_none());
    assert_eq!(view(&sim).status.time, "18:00");
    env.advance(Duration::minutes(2));
    update(&mut sim, Action::Tick, &mut env);
    assert_eq!(view(&sim).status.time, "18:02");
}

#[test]
fn actions_round_trip_through_json() {
    for action in [
        Action::Tap("settings.wifi".into()),
        Action::Type("héllo".into()),
        Action::Resize {
            width: 60,
            height: 24,
        },
        Action::FocusNext,
    ] {
        let json = serde_json::to_string(&action).expect("serialise");
        let back: Action = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, action);
    }
}

/// The phone signed in to the demo account Lei Wang (password "Xiaomi#2026").
fn signed_in_phone() -> (Sim, Env) {
    let mut device = DeviceFile::factory_default();
    cloud::sign_in(&mut device, 0, t0());
    (Sim::new(device, t0()), Env::new(t0(), 7))
}

fn open_sign_out(sim: &mut Sim, env: &mut Env) {
    tap(sim, env, settings::ACCOUNT_ENTRY);
    tap(sim, env, "account.sign_out");
}

#[test]
fn sign_out_asks_confirmation_then_password_then_keep_or_remove() {
    let (mut sim, mut env) = signed_in_phone();
    open_sign_out(&mut sim, &mut env);
    assert_eq!(view(&sim).dialog.map(|d| d.title), Some("Sign out".into()));
    tap(&mut sim, &mut env, "dialog.confirm");
    assert_eq!(
        view(&sim).dialog.map(|d| d.title),
        Some("Enter password".into())
    );
    update(&mut sim, Action::Type("Xiaomi#2026".into()), &mut env);
    update(&mut sim, Action::Activate, &mut env);
    let dialog = view(&sim).dialog.expect("keep or remove");
    assert_eq!(dialog.title, "Delete synced items from this device?");
    assert!(dialog.body[1].contains("Contacts"), "{:?}", dialog.body);
    let effects = tap(&mut sim, &mut env, "dialog.keep");
    assert_eq!(effects, vec![Effect::Save]);
    assert!(sim.device().account.is_none());
    assert_eq!(sim.stack.len(), 1);
    assert_eq!(
        label_of(&sim, settings::ACCOUNT_ENTRY),
        "Sign in to Mi Account"
    );
    assert_eq!(view(&sim).toast.as_deref(), Some("Signing out…"));
}

#[test]
fn cancelling_sign_out_at_any_step_changes_nothing() {
    for steps in 1..=3 {
        let (mut sim, mut env) = signed_in_phone();
        let before = sim.device().clone();
        open_sign_out(&mut sim, &mut env);
        if steps >= 2 {
            tap(&mut sim, &mut env, "dialog.confirm");
        }
        if steps >= 3 {
            update(&mut sim, Action::Type("Xiaomi#2026".into()), &mut env);
            update(&mut sim, Action::Activate, &mut env);
        }
        assert!(sim.dialog.is_some());
        assert_eq!(update(&mut sim, Action::Back, &mut env), vec![]);
        assert!(sim.dialog.is_none());
        assert_eq!(sim.device(), &before, "after {steps} step(s)");
    }
}

#[test]
fn a_wrong_sign_out_password_is_refused_and_a_managed_account_cannot_sign_out() {
    let (mut sim, mut env) = signed_in_phone();
    let before = sim.device().clone();
    open_sign_out(&mut sim, &mut env);
    tap(&mut sim, &mut env, "dialog.confirm");
    update(&mut sim, Action::Type("guess".into()), &mut env);
    update(&mut sim, Action::Activate, &mut env);
    assert_eq!(
        view(&sim).find("dialog.error").map(|e| e.label.to_string()),
        Some("Can't turn off Find device. Enter your Mi Account password again.".into())
    );
    assert_eq!(sim.device(), &before);

    let mut device = DeviceFile::factory_default();
    cloud::sign_in(&mut device, 2, t0());
    let mut sim = Sim::new(device.clone(), t0());
    open_sign_out(&mut sim, &mut env);
    let dialog = view(&sim).dialog.expect("refusal");
    assert_eq!(dialog.title, "Can't sign out");
    assert!(dialog.body[0].contains("Contoso Ltd"));
    tap(&mut sim, &mut env, "dialog.cancel");
    assert_eq!(sim.device(), &device);
}
