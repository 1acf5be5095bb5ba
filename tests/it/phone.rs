//! The phone's rules through the engine, without any terminal: navigation, focus, scrolling,
//! switches, dialogs, toasts and the sign-out flow.

use crate::common::*;
use chrono::Duration;
use mi_settings::engine::Key;
use mi_settings::screens::Action;
use mi_settings::sim::cloud;
use mi_settings::sim::device::{DeviceFile, Rom, SignedInAccount, Skin};

fn lei_signed_in_without_cloud(rom: Rom) -> DeviceFile {
    let mut device = DeviceFile::factory_default();
    device.phone.rom = rom;
    device.account = Some(SignedInAccount {
        mi_account_id: "6612345678".into(),
        name: "Lei Wang".into(),
        find_device: false,
        signed_in_at: None,
        sync: Default::default(),
    });
    device
}

#[test]
fn global_rom_puts_the_account_entry_near_the_bottom() {
    let engine = phone();
    let view = engine.view();
    let position = view
        .elements
        .iter()
        .position(|e| e.id == "settings.account")
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
    let engine = phone_with(lei_signed_in_without_cloud(Rom::China));
    let view = engine.view();
    assert_eq!(view.elements[0].id, "settings.account");
    assert_eq!(view.elements[0].label, "Lei Wang");
    assert_eq!(
        view.elements[0].summary.as_deref(),
        Some("Manage accounts, cloud services, payments, and more")
    );
}

#[test]
fn global_rom_signed_in_entry_is_named_mi_account_with_the_name_beside_it() {
    let engine = phone_with(lei_signed_in_without_cloud(Rom::Global));
    let entry = engine
        .view()
        .find("settings.account")
        .cloned()
        .expect("entry");
    assert_eq!(entry.label, "Mi Account");
    assert_eq!(entry.value.as_deref(), Some("Lei Wang"));
}

#[test]
fn hyperos_skin_uses_xiaomi_account() {
    let mut device = DeviceFile::factory_default();
    device.phone.skin = Skin::Hyperos;
    let engine = phone_with(device);
    assert_eq!(
        label_of(&engine, "settings.account"),
        "Sign in to Xiaomi Account"
    );
}

#[test]
fn account_entry_and_accounts_sync_route_both_reach_mi_account() {
    let mut engine = phone();
    tap(&mut engine, "settings.account");
    assert_eq!(engine.view().screen, "mi_account");
    assert_eq!(engine.view().title, "Mi Account");
    engine.apply(Action::Back);
    assert_eq!(engine.view().screen, "settings");

    tap(&mut engine, "settings.accounts_sync");
    assert_eq!(engine.view().title, "Accounts & sync");
    assert_eq!(label_of(&engine, "accounts.mi_account"), "Mi Account");
    tap(&mut engine, "accounts.mi_account");
    assert_eq!(engine.view().screen, "mi_account");
    // Two pages to go back through.
    engine.apply(Action::Back);
    assert_eq!(engine.view().screen, "accounts_sync");
}

#[test]
fn wifi_switch_changes_the_network_and_asks_for_a_save() {
    let mut engine = phone();
    tap(&mut engine, "settings.wifi");
    assert!(engine.device().network.wifi);
    let outcome = tap(&mut engine, "wifi.toggle");
    assert!(outcome.changed && !outcome.quit);
    assert!(!engine.device().network.wifi);
    assert_eq!(engine.view().status.network, "4G");
    assert_eq!(engine.view().toast.as_deref(), Some("Wi-Fi turned off"));
    engine.apply(Action::Back);
    assert_eq!(
        engine
            .view()
            .find("settings.wifi")
            .and_then(|e| e.value.clone()),
        Some("Off".into())
    );
}

#[test]
fn mobile_data_and_airplane_mode_decide_the_connection() {
    let mut engine = phone();
    tap(&mut engine, "settings.sim");
    tap(&mut engine, "sim.mobile_data");
    assert!(!engine.device().network.mobile_data);
    engine.apply(Action::Back);
    tap(&mut engine, "settings.connection_sharing");
    tap(&mut engine, "connection.airplane");
    assert!(engine.device().network.airplane_mode);
    assert!(!engine.device().network.wifi);
    assert_eq!(engine.view().status.network, "Airplane");
}

#[test]
fn navigation_without_changes_saves_nothing() {
    let mut engine = phone();
    for action in [
        Action::FocusNext,
        Action::FocusPrev,
        Action::Activate,
        Action::Back,
        Action::Scroll(5),
        Action::PageDown,
        Action::Tick,
    ] {
        let outcome = engine.apply(action.clone());
        assert!(!outcome.changed && !outcome.quit, "{action:?}");
    }
}

#[test]
fn focus_moves_over_touchable_elements_only_and_stops_at_the_ends() {
    let mut engine = phone();
    assert_eq!(focused_id(&engine).as_deref(), Some("settings.about_phone"));
    engine.apply(Action::FocusPrev);
    assert_eq!(focused_id(&engine).as_deref(), Some("settings.about_phone"));
    engine.apply(Action::FocusNext);
    // The section gap between them is skipped.
    assert_eq!(focused_id(&engine).as_deref(), Some("settings.sim"));
    engine.apply(Action::FocusLast);
    assert_eq!(
        focused_id(&engine).as_deref(),
        Some("settings.services_feedback")
    );
}

#[test]
fn focus_far_down_scrolls_the_page_and_scrolling_moves_focus_into_view() {
    let mut engine = phone();
    engine.apply(Action::Resize {
        width: 40,
        height: 12,
    });
    engine.apply(Action::FocusLast);
    assert!(engine.view().scroll > 0);
    engine.apply(Action::Scroll(-1000));
    assert_eq!(engine.view().scroll, 0);
    // Focus followed the page instead of staying out of sight.
    let focused = focused_id(&engine);
    assert_ne!(focused.as_deref(), Some("settings.services_feedback"));
    assert!(focused.is_some());
}

#[test]
fn back_at_the_root_stays_and_quit_is_an_outcome() {
    let mut engine = phone();
    engine.apply(Action::Back);
    assert_eq!(engine.view().screen, "settings");
    assert!(!engine.view().back);
    assert!(engine.apply(Action::Quit).quit);
}

#[test]
fn every_settings_row_opens_a_page_with_a_title_and_back_returns() {
    let mut engine = phone();
    let rows: Vec<(String, String)> = engine
        .view()
        .elements
        .iter()
        .filter(|e| e.interactive())
        .map(|e| (e.id.to_string(), e.label.to_string()))
        .collect();
    assert!(rows.len() >= 20, "only {} rows", rows.len());
    for (id, label) in rows {
        tap(&mut engine, &id);
        let view = engine.view();
        assert!(view.back, "{id} did not open a page");
        assert!(!view.title.is_empty());
        if id.starts_with("settings.")
            && !matches!(id.as_str(), "settings.account" | "settings.sim")
        {
            assert_eq!(view.title, label, "{id}");
        }
        engine.apply(Action::Back);
        assert_eq!(engine.view().screen, "settings");
    }
}

#[test]
fn renaming_the_device_validates_and_cancel_changes_nothing() {
    let mut engine = phone();
    tap(&mut engine, "settings.about_phone");
    tap(&mut engine, "about.device_name");
    let dialog = engine.view().dialog.clone().expect("dialog open");
    assert_eq!(dialog.title, "Device name");
    // Focus starts in the field, and typing edits it.
    assert_eq!(focused_id(&engine).as_deref(), Some("dialog.device_name"));
    for _ in 0..40 {
        engine.apply(Action::DeleteBackward);
    }
    assert!(!engine.apply(Action::Activate).changed);
    assert_eq!(
        engine.view().find("dialog.error").map(|e| e.label.clone()),
        Some("Enter a device name".into())
    );
    type_text(&mut engine, &"x".repeat(33));
    engine.apply(Action::Activate);
    assert_eq!(
        engine.view().find("dialog.error").map(|e| e.label.clone()),
        Some("Device name is too long (32 characters at most)".into())
    );
    engine.apply(Action::Back);
    assert!(engine.view().dialog.is_none());
    assert_eq!(engine.device().phone.name, "Redmi Note 13 Pro");

    tap(&mut engine, "about.device_name");
    engine.apply(Action::CursorHome);
    type_text(&mut engine, "Anna's ");
    assert!(tap(&mut engine, "dialog.ok").changed);
    assert_eq!(engine.device().phone.name, "Anna's Redmi Note 13 Pro");
    assert!(engine.view().dialog.is_none());
}

#[test]
fn taps_on_elements_that_are_not_touchable_do_nothing() {
    let mut engine = phone();
    let before = engine.view().clone();
    engine.apply(Action::Tap("settings.group.network".into()));
    engine.apply(Action::Tap("no.such.element".into()));
    assert_eq!(engine.view(), &before);
    // With a dialog open, the page underneath cannot be touched.
    tap(&mut engine, "settings.about_phone");
    tap(&mut engine, "about.device_name");
    engine.apply(Action::Tap("about.system_update".into()));
    assert_eq!(engine.view().screen, "about_phone");
    assert!(engine.view().dialog.is_some());
}

#[test]
fn toasts_expire_with_the_clock_and_the_status_bar_shows_local_time() {
    let mut device = DeviceFile::factory_default();
    device.phone.utc_offset_minutes = 8 * 60;
    let mut engine = phone_with(device);
    tap(&mut engine, "settings.wifi");
    tap(&mut engine, "wifi.toggle");
    assert!(engine.view().toast.is_some());
    assert_eq!(engine.view().status.time, "18:00");
    engine.wait(Duration::seconds(5));
    assert!(engine.view().toast.is_none());
    assert_eq!(engine.view().status.time, "18:00");
    engine.wait(Duration::minutes(2));
    assert_eq!(engine.view().status.time, "18:02");
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

fn open_sign_out(engine: &mut mi_settings::engine::Engine) {
    tap(engine, "settings.account");
    tap(engine, "account.sign_out");
}

fn dialog_title(engine: &mi_settings::engine::Engine) -> Option<String> {
    engine.view().dialog.as_ref().map(|d| d.title.clone())
}

#[test]
fn sign_out_asks_confirmation_then_password_then_keep_or_remove() {
    let mut engine = signed_in_phone();
    open_sign_out(&mut engine);
    assert_eq!(dialog_title(&engine).as_deref(), Some("Sign out"));
    tap(&mut engine, "dialog.confirm");
    assert_eq!(dialog_title(&engine).as_deref(), Some("Enter password"));
    type_text(&mut engine, "Xiaomi#2026");
    engine.apply(Action::Activate);
    let dialog = engine.view().dialog.clone().expect("keep or remove");
    assert_eq!(dialog.title, "Delete synced items from this device?");
    assert!(dialog.body[1].contains("Contacts"), "{:?}", dialog.body);
    tap(&mut engine, "dialog.keep");
    // "Signing out…" shows while it runs; nothing interrupts it.
    let working = engine.view().dialog.clone().expect("signing out");
    assert_eq!(working.body, ["Signing out…"]);
    assert!(working.elements.is_empty());
    assert!(engine.device().account.is_some(), "not signed out yet");
    assert_eq!(hints_of(&engine), ["Please wait"]);
    for key in [Key::Esc, Key::Enter, Key::F(2), Key::Char('q'), Key::Left] {
        engine.press(key);
    }
    engine.apply(Action::Back);
    engine.apply(Action::SwitchSurface);
    engine.wait(Duration::seconds(1));
    assert_eq!(engine.view().surface, "phone");
    assert_eq!(
        engine.view().dialog.as_ref().map(|d| d.id.as_str()),
        Some("working")
    );
    // Then it is done, and Settings says so.
    assert!(engine.wait(Duration::seconds(1)).changed);
    assert!(engine.device().account.is_none());
    assert!(engine.view().dialog.is_none());
    assert!(!engine.view().back);
    assert_eq!(
        label_of(&engine, "settings.account"),
        "Sign in to Mi Account"
    );
    assert_eq!(engine.view().toast.as_deref(), Some("Signed out"));
}

fn hints_of(engine: &mi_settings::engine::Engine) -> Vec<String> {
    engine.view().hints.iter().map(|h| h.text()).collect()
}

#[test]
fn cancelling_sign_out_at_any_step_changes_nothing() {
    for steps in 1..=3 {
        let mut engine = signed_in_phone();
        let before = engine.device().clone();
        open_sign_out(&mut engine);
        if steps >= 2 {
            tap(&mut engine, "dialog.confirm");
        }
        if steps >= 3 {
            type_text(&mut engine, "Xiaomi#2026");
            engine.apply(Action::Activate);
        }
        assert!(engine.view().dialog.is_some());
        assert!(!engine.apply(Action::Back).changed);
        assert!(engine.view().dialog.is_none());
        assert_eq!(engine.device(), &before, "after {steps} step(s)");
    }
}

#[test]
fn a_wrong_sign_out_password_is_refused_and_a_managed_account_cannot_sign_out() {
    let mut engine = signed_in_phone();
    let before = engine.device().clone();
    open_sign_out(&mut engine);
    tap(&mut engine, "dialog.confirm");
    type_text(&mut engine, "guess");
    engine.apply(Action::Activate);
    assert_eq!(
        engine
            .view()
            .find("dialog.error")
            .map(|e| e.label.to_string()),
        Some("Can't turn off Find Device. Enter your Mi Account password again.".into())
    );
    assert_eq!(engine.device(), &before);

    let mut device = DeviceFile::factory_default();
    cloud::sign_in(&mut device, 2, t0());
    let mut engine = phone_with(device.clone());
    open_sign_out(&mut engine);
    let dialog = engine.view().dialog.clone().expect("refusal");
    assert_eq!(dialog.title, "Can't sign out");
    assert!(dialog.body[0].contains("Contoso Ltd"));
    tap(&mut engine, "dialog.cancel");
    assert_eq!(engine.device(), &device);
}

mod focus_rule {
    use super::*;
    use mi_settings::engine::{Engine, Key};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    #[derive(Debug, Clone)]
    enum Act {
        Key(Key),
        Wait(i64),
        /// Tap the n-th touchable element of what is in front.
        Tap(usize),
    }

    fn act() -> impl Strategy<Value = Act> {
        prop_oneof![
            3 => prop_oneof![
                Just(Key::Down), Just(Key::Up), Just(Key::Enter), Just(Key::Char(' ')),
                Just(Key::Esc), Just(Key::PageDown), Just(Key::Home), Just(Key::End),
            ].prop_map(Act::Key),
            1 => (0i64..90).prop_map(Act::Wait),
            2 => (0usize..12).prop_map(Act::Tap),
        ]
    }

    /// The switches in front, by id, with their state.
    fn switches(engine: &Engine) -> (String, BTreeMap<String, Option<bool>>) {
        let view = engine.view();
        let shown = view
            .active_elements()
            .iter()
            .filter(|e| e.role == mi_settings::view::Role::Switch)
            .map(|e| (e.id.to_string(), e.checked))
            .collect();
        let front = format!("{}/{:?}", view.screen, view.dialog.as_ref().map(|d| &d.id));
        (front, shown)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        /// Whatever a person does, a switch changes only when it is the one Enter, Space or a
        /// tap acts on: never because time passed or focus drifted to it.
        #[test]
        fn only_the_switch_acted_on_changes(
            signed_in in any::<bool>(),
            start in prop_oneof![Just("settings.wifi"), Just("settings.account")],
            acts in proptest::collection::vec(act(), 1..40),
        ) {
            let mut engine = if signed_in { signed_in_phone() } else { phone() };
            engine.tap_id(start).expect("start page");
            if signed_in && start == "settings.account" {
                engine.tap_id("account.cloud").expect("Mi Cloud");
            }
            for act in acts {
                let (front, before) = switches(&engine);
                let before_focus = focused_id(&engine);
                let target = match &act {
                    Act::Key(Key::Enter | Key::Char(' ')) => focused_id(&engine),
                    Act::Tap(n) => engine
                        .view()
                        .active_elements()
                        .iter()
                        .filter(|e| e.interactive())
                        .nth(*n)
                        .map(|e| e.id.to_string()),
                    _ => None,
                };
                match &act {
                    Act::Key(key) => {
                        engine.press(*key);
                    }
                    Act::Wait(seconds) => {
                        engine.wait(Duration::seconds(*seconds));
                    }
                    Act::Tap(_) => {
                        if let Some(id) = &target {
                            let _ = engine.tap_id(id);
                        }
                    }
                }
                let (front_after, after) = switches(&engine);
                if front_after != front {
                    continue;
                }
                // The focus is where the person put it: on what they tapped, and where it was
                // after time passed, as long as that element is still there.
                let present = |id: &str| engine.view().active_elements().iter().any(|e| e.id == id);
                let expected_focus = match &act {
                    Act::Tap(_) => target.clone(),
                    Act::Wait(_) => before_focus.clone(),
                    _ => None,
                };
                // (A handler may put the cursor in a field to fix: that is the person's doing.)
                let in_a_field = engine
                    .view()
                    .focused()
                    .is_some_and(|e| e.role.is_text_input());
                if let Some(expected) = expected_focus.filter(|id| present(id))
                    && !(in_a_field && matches!(act, Act::Tap(_)))
                {
                    prop_assert_eq!(
                        focused_id(&engine), Some(expected.clone()),
                        "focus left {} on {} after {:?}", expected, front, act
                    );
                }
                for (id, state) in &before {
                    if Some(id) != target.as_ref() {
                        prop_assert_eq!(
                            after.get(id), Some(state),
                            "{} changed on {} after {:?} (target {:?})", id, front, act, target
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn enter_twice_on_sync_now_does_not_turn_auto_sync_off() {
        let mut engine = signed_in_phone();
        tap(&mut engine, "settings.account");
        tap(&mut engine, "account.cloud");
        engine.tap_id("cloud.sync_now").expect("Sync now");
        assert_eq!(label_of(&engine, "cloud.sync_now"), "Syncing…");
        engine.press(Key::Enter);
        assert_eq!(focused_id(&engine).as_deref(), Some("cloud.sync_now"));
        assert!(
            engine
                .device()
                .account
                .as_ref()
                .is_some_and(|a| a.sync.auto)
        );
        // When it is done the button comes back, still focused.
        engine.wait(Duration::seconds(5));
        assert_eq!(label_of(&engine, "cloud.sync_now"), "Sync now");
        assert_eq!(focused_id(&engine).as_deref(), Some("cloud.sync_now"));
    }

    #[test]
    fn the_countdown_ending_leaves_a_half_typed_code_where_it_is() {
        let mut engine = phone();
        tap(&mut engine, "settings.account");
        tap(&mut engine, "account.sign_in");
        type_into(&mut engine, "signin.login", "anna.schmidt@example.com");
        type_into(&mut engine, "signin.password", "Anna#2026!");
        tap(&mut engine, "signin.agree");
        tap(&mut engine, "signin.submit");
        assert_eq!(engine.view().screen, "two_step");
        assert_eq!(focused_id(&engine).as_deref(), Some("twostep.code"));
        type_text(&mut engine, "123");
        engine.wait(Duration::seconds(61));
        assert_eq!(label_of(&engine, "twostep.resend"), "Resend code");
        assert_eq!(focused_id(&engine).as_deref(), Some("twostep.code"));
        type_text(&mut engine, "456");
        let field = engine.view().find("twostep.code").cloned().expect("field");
        assert_eq!(field.value.as_deref(), Some("123456"));
    }
}

/// An error stays only while its cause does: ticking the agreement or changing what was typed
/// takes it away, on every form and dialog.
#[test]
fn an_error_goes_when_its_cause_is_changed() {
    let mut engine = phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_in");
    type_into(&mut engine, "signin.login", "lei.wang@example.com");
    type_into(&mut engine, "signin.password", "Xiaomi#2026");
    tap(&mut engine, "signin.submit");
    assert_eq!(
        label_of(&engine, "signin.error"),
        "Agree to the terms and conditions first"
    );
    tap(&mut engine, "signin.agree");
    assert!(engine.view().find("signin.error").is_none());

    let mut engine = phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.create");
    tap(&mut engine, "create.phone");
    type_into(&mut engine, "create.contact", "12");
    tap(&mut engine, "create.get_code");
    assert_eq!(
        label_of(&engine, "create.error"),
        "Enter a valid phone number"
    );
    type_into(&mut engine, "create.contact", "3 456 7890");
    assert!(engine.view().find("create.error").is_none());

    // A dialog's error goes the same way, and moving the cursor alone changes nothing.
    let mut engine = signed_in_phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    tap(&mut engine, "dialog.confirm");
    type_text(&mut engine, "wrong");
    engine.apply(Action::Activate);
    assert!(engine.view().find("dialog.error").is_some());
    engine.apply(Action::CursorLeft);
    assert!(engine.view().find("dialog.error").is_some());
    type_text(&mut engine, "X");
    assert!(engine.view().find("dialog.error").is_none());
}
