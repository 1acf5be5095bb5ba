//! The engine as every driver sees it: keys through the one key table, the hint line and the
//! `?` help made from it, taps by id and by label with typed errors, and determinism.

use crate::common::*;
use mi_settings::engine::keys::{self, BINDINGS, Context, KEY_NAMES, Key};
use mi_settings::engine::{Engine, HELP_CLOSE, TapError};
use mi_settings::screens::Action;
use mi_settings::strings::S;

fn hint_text(engine: &Engine) -> Vec<String> {
    engine.view().hints.iter().map(|h| h.text()).collect()
}

#[test]
fn keys_are_resolved_by_the_table_for_what_is_in_front() {
    let mut engine = phone();
    // On Settings home: q quits, ↓ moves.
    assert_eq!(focused_id(&engine).as_deref(), Some("settings.about_phone"));
    engine.press(Key::Down);
    assert_eq!(focused_id(&engine).as_deref(), Some("settings.sim"));
    assert!(engine.press(Key::Char('q')).quit);

    // In a text field the same q is a letter, and ← moves the cursor, not back.
    let mut engine = phone();
    tap(&mut engine, "settings.about_phone");
    tap(&mut engine, "about.device_name");
    assert!(engine.context().typing);
    assert!(!engine.press(Key::Char('q')).quit);
    engine.press(Key::Left);
    assert!(
        engine.view().dialog.is_some(),
        "← in a field must not cancel"
    );
    let field = engine
        .view()
        .find("dialog.device_name")
        .cloned()
        .expect("field");
    assert_eq!(field.value.as_deref(), Some("Redmi Note 13 Proq"));
    assert_eq!(field.cursor, Some(17));
    // Ctrl-C quits from anywhere, even there.
    assert!(engine.press(Key::Ctrl('c')).quit);
}

#[test]
fn the_hint_line_names_only_keys_that_work_in_front() {
    let mut engine = phone();
    // Settings is taller than the screen: ↑↓ bring the rest into view.
    assert_eq!(
        hint_text(&engine),
        [
            "↑↓ more",
            "Enter open",
            "? help",
            "q quit",
            "F2 browser",
            "F3 home"
        ]
    );
    tap(&mut engine, "settings.about_phone");
    assert_eq!(
        hint_text(&engine),
        [
            "↑↓ move",
            "Enter open",
            "Esc back",
            "? help",
            "F2 browser",
            "F3 home"
        ]
    );
    // Only one thing to touch: no move, which would go nowhere; Enter on a switch says what
    // it does to it.
    engine.apply(Action::Back);
    tap(&mut engine, "settings.wifi");
    assert_eq!(
        hint_text(&engine),
        ["Enter off", "Esc back", "? help", "F2 browser", "F3 home"]
    );
    engine.press(Key::Enter);
    assert_eq!(hint_text(&engine)[0], "Enter on");
    // A password field in a dialog: typing keys, and Esc cancels the dialog.
    let mut engine = signed_in_phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    tap(&mut engine, "dialog.confirm");
    assert_eq!(
        hint_text(&engine),
        [
            "Type",
            "Tab next",
            "Enter done",
            "Esc cancel",
            "F2 browser",
            "F3 home"
        ]
    );
    // Every hint's key does what the hint says, wherever it is shown.
    for binding in BINDINGS {
        if let (Some((Some(_), _, _)), Some(key)) = (binding.hint, binding.keys.first()) {
            let context = Context {
                typing: matches!(
                    binding.when,
                    keys::Where::Typing | keys::Where::TypingInDialog | keys::Where::TypingWithBack
                ),
                dialog: matches!(
                    binding.when,
                    keys::Where::Dialog | keys::Where::TypingInDialog
                ),
                back: true,
                root: matches!(binding.when, keys::Where::Root),
                touchable: true,
                several: true,
                browser: matches!(binding.when, keys::Where::Browser),
                help: matches!(binding.when, keys::Where::Help),
                busy: matches!(binding.when, keys::Where::Busy),
                home: matches!(binding.when, keys::Where::PhoneHome),
                focus: Some(mi_settings::view::Role::Row),
                checked: false,
                taller: false,
            };
            if binding.when.holds(&context) {
                assert_eq!(keys::resolve(*key, &context), Some(&binding.does));
            }
        }
    }
}

#[test]
fn the_lock_screen_does_not_offer_esc_which_does_nothing_there() {
    let mut device = DeviceFile::factory_default();
    device.phone.activation_lock = Some("6612345678".into());
    let engine = phone_with(device);
    assert_eq!(engine.view().screen, "activation_lock");
    let hints = hint_text(&engine);
    assert!(!hints.iter().any(|h| h.starts_with("Esc")), "{hints:?}");
}

use mi_settings::sim::device::DeviceFile;

#[test]
fn question_mark_opens_the_keys_of_the_screen_in_front_and_any_key_closes_it() {
    let mut engine = phone();
    tap(&mut engine, "settings.wifi");
    let before = engine.view().clone();
    let outcome = engine.press(Key::Char('?'));
    assert!(!outcome.changed && outcome.action.is_none());
    let help = engine.view().overlay.clone().expect("the help is open");
    assert_eq!(help.title, miui(S::HelpTitle));
    let body = help.body.join("\n");
    // The keys that work on a page with a way back, and not the root's q.
    assert!(body.contains("Esc, Backspace, ←, h: back"), "{body}");
    assert!(body.contains("Enter, Space: open a row"), "{body}");
    assert!(!body.contains("q: quit"), "{body}");
    assert!(body.contains("F2: switch to the browser"), "{body}");
    // Its hint line says what keys do there: the arrows scroll, any other key closes it.
    assert_eq!(hint_text(&engine), ["↑↓ scroll", "any key close"]);
    // The next key only closes it: the page is as it was.
    engine.press(Key::Char('x'));
    assert_eq!(engine.view(), &before);
    // Clicking its one button closes it too.
    engine.press(Key::Char('?'));
    assert!(engine.tap_id(HELP_CLOSE).is_ok());
    assert_eq!(engine.view(), &before);

    // On the smallest phone the help is longer than the screen: PageDown, ↓ and the wheel
    // scroll it to its end and no further, and it stays open.
    let mut engine = phone_with_size(DeviceFile::factory_default(), 40, 12);
    engine.press(Key::Char('?'));
    let scroll = |engine: &Engine| engine.view().overlay.as_ref().map(|d| d.scroll);
    assert_eq!(scroll(&engine), Some(0));
    engine.press(Key::PageDown);
    let paged = scroll(&engine).expect("still open");
    assert!(paged > 0);
    engine.press(Key::Down);
    assert_eq!(scroll(&engine), Some(paged + 1));
    engine.apply(Action::Scroll(-1));
    assert_eq!(scroll(&engine), Some(paged));
    for _ in 0..100 {
        engine.press(Key::PageDown);
    }
    let end = scroll(&engine).expect("still open");
    engine.press(Key::Down);
    assert_eq!(scroll(&engine), Some(end), "not past the end");
}

#[test]
fn taps_by_label_follow_a_persons_reading_and_fail_with_the_candidates() {
    let mut engine = signed_in_phone();
    // Case does not matter when only one element answers.
    engine.tap_label("mi account").expect("case-insensitive");
    assert_eq!(engine.view().screen, "mi_account");
    engine.apply(Action::Back);
    // An element far down is scrolled into view first.
    engine
        .tap_label("Accounts & sync")
        .expect("scrolled into view");
    assert_eq!(engine.view().screen, "accounts_sync");
    engine.apply(Action::Back);

    match engine.tap_label("Bluetoooth") {
        Err(TapError::NoSuchLabel { label, touchable }) => {
            assert_eq!(label, "Bluetoooth");
            assert!(touchable.iter().any(|t| t == "Bluetooth"), "{touchable:?}");
        }
        other => panic!("{other:?}"),
    }
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.devices");
    tap(&mut engine, "devices.4");
    // Text that is there but cannot be touched says so.
    let error = engine.tap_label("Model").expect_err("an info row");
    assert!(
        matches!(error, TapError::LabelNotTouchable { .. }),
        "{error:?}"
    );
    assert_eq!(
        engine.tap_id("device.model"),
        Err(TapError::IdNotTouchable {
            id: "device.model".into()
        })
    );
    let error = engine.tap_id("device.nothing").expect_err("no such id");
    assert!(
        error.to_string().starts_with(
            "no element with id \"device.nothing\" on this screen; ids on screen: \"device.model\""
        ),
        "{error}"
    );
}

#[test]
fn two_touchable_elements_with_one_label_are_ambiguous() {
    use mi_settings::engine::tap;
    use mi_settings::view::{Element, View};
    let mut view = View::empty();
    view.elements = vec![
        Element::row("a.one", "Devices"),
        Element::row("a.two", "Devices"),
        Element::text("a.note", "Devices"),
    ];
    assert_eq!(
        tap::resolve(
            &view,
            "Devices",
            mi_settings::strings::Tr::new(mi_settings::sim::device::Skin::Miui)
        ),
        Err(TapError::Ambiguous {
            label: "Devices".into(),
            ids: vec!["a.one".into(), "a.two".into()],
        })
    );
    assert_eq!(
        tap::resolve(
            &view,
            "Devices",
            mi_settings::strings::Tr::new(mi_settings::sim::device::Skin::Miui)
        )
        .map_err(|e| e.to_string()),
        Err("2 elements are labelled \"Devices\" (\"a.one\", \"a.two\"); use tap_id".into())
    );
    // In a dialog only the dialog's elements answer.
    let mut engine = signed_in_phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    assert_eq!(engine.resolve("Sign out").as_deref(), Ok("dialog.confirm"));
}

#[test]
fn the_same_start_and_keys_give_the_same_views() {
    let run = || {
        let mut engine = phone();
        let mut views = Vec::new();
        for name in [
            "end", "up", "up", "up", "enter", "enter", "tab", "x", "enter",
        ] {
            let key = Key::from_name(name).expect("key");
            engine.press(key);
            views.push(serde_json::to_string(engine.view()).expect("json"));
        }
        views
    };
    assert_eq!(run(), run());
}

#[test]
fn every_fixture_key_name_is_a_key_of_the_table() {
    for (name, key) in KEY_NAMES {
        assert_eq!(Key::from_name(name), Some(key));
        let used = BINDINGS.iter().any(|b| b.keys.contains(&key)) || matches!(key, Key::Char(_));
        assert!(used, "{name} is a fixture key that nothing binds");
    }
}

/// docs/keys.md's table is the key table, word for word.
#[test]
fn the_keys_doc_lists_the_key_table() {
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md"))
        .expect("docs/keys.md");
    let table = keys::readme_table(mi_settings::strings::Tr::new(
        mi_settings::sim::device::Skin::Miui,
    ));
    assert!(
        docs.contains(&table),
        "docs/keys.md's key table is out of date; it should read:\n{table}"
    );
}

/// Seed 001's keep-or-remove choice: ← reaches "Remove" beside "Keep" instead of cancelling a
/// sign-out whose password was already given; only Esc cancels.
#[test]
fn left_and_right_go_between_dialog_buttons_and_only_esc_cancels() {
    let mut engine = signed_in_phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    tap(&mut engine, "dialog.confirm");
    type_text(&mut engine, "Xiaomi#2026");
    engine.press(Key::Enter);
    assert_eq!(focused_id(&engine).as_deref(), Some("dialog.keep"));
    engine.press(Key::Left);
    assert_eq!(focused_id(&engine).as_deref(), Some("dialog.remove"));
    engine.press(Key::Right);
    assert_eq!(focused_id(&engine).as_deref(), Some("dialog.keep"));
    for key in [Key::Backspace, Key::Char('h')] {
        engine.press(key);
        assert!(engine.view().dialog.is_some(), "{key:?} must not cancel");
    }
    assert!(hint_text(&engine).contains(&"←→ move".to_string()));
    engine.press(Key::Esc);
    assert!(engine.view().dialog.is_none());
    assert!(
        engine.device().account.is_some(),
        "cancelled: still signed in"
    );
}

/// Each word a seed guide uses for an element reaches it, where the guide says it and nowhere
/// else: a guide's "Delete" confirms removing a device on the website, not erasing the phone.
#[test]
fn seed_words_reach_their_elements_where_the_guides_say_them() {
    // Seed 003: "Settings → Mi Account" while signed out (the entry reads "Sign in to Mi Account").
    let mut engine = phone();
    assert_eq!(
        engine.resolve("Mi Account").as_deref(),
        Ok("settings.account")
    );
    // Seed 002: "Account & Sync" (the phone says "Accounts & sync").
    assert_eq!(
        engine.resolve("Account & Sync").as_deref(),
        Ok("settings.accounts_sync")
    );
    engine.tap_label("Account & Sync").expect("seed 002's word");
    assert_eq!(engine.view().screen, "accounts_sync");
    // Here "Mi Account" is a row's own label, which wins over any seed word.
    assert_ne!(
        engine.resolve("Mi Account").as_deref(),
        Ok("settings.account")
    );
    assert!(
        engine.resolve("Account & Sync").is_err(),
        "only on Settings"
    );

    // Seed 000: "Settings → Mi Account" while signed in (the entry shows the account's name).
    let mut engine = signed_in_phone();
    engine.tap_label("Mi Account").expect("seed 000's word");
    assert_eq!(engine.view().screen, "mi_account");
    // Seed 000 on the phone: "Remove device" for the device's "Remove".
    tap(&mut engine, "account.devices");
    tap(&mut engine, "devices.4");
    assert_eq!(
        engine.resolve("Remove device").as_deref(),
        Ok("device.remove")
    );
    engine.tap_label("Remove device").expect("seed 000's word");
    assert_eq!(
        engine.view().dialog.as_ref().map(|d| d.id.as_str()),
        Some("remove_device")
    );
    assert_eq!(engine.resolve("Delete").as_deref(), Ok("dialog.confirm"));

    // Seed 001 on the website: the device → "Delete device" → "Delete".
    let mut engine = signed_in_phone();
    web_account_site(&mut engine);
    tap(&mut engine, "web.security");
    tap(&mut engine, "security.devices");
    tap(&mut engine, "devices.4");
    assert!(engine.resolve("Delete").is_err(), "no dialog yet");
    engine.tap_label("Delete device").expect("seed 001's word");
    engine.tap_label("Delete").expect("seed 001's word");
    assert!(engine.view().dialog.is_none());
    assert!(
        !engine.device().cloud.accounts[0]
            .devices
            .iter()
            .any(|d| d.id == "phone-x-77e0"),
        "the device is removed"
    );

    // The same "Delete" means nothing in another dialog with a confirm button.
    let mut engine = phone();
    tap(&mut engine, "settings.about_phone");
    engine.tap_label("Factory reset").expect("about phone");
    engine.tap_label("Erase all data").expect("factory reset");
    assert!(engine.view().dialog.is_some());
    assert!(engine.resolve("Delete").is_err(), "Delete is not Erase");
}

/// The phone's Home key (F3, or a click on the ⌂ under the screen) opens its home screen from
/// anywhere on the phone, over dialogs too; the hint line offers it only where it works: not on
/// the browser, a locked phone, or while the phone is busy signing out.
#[test]
fn the_home_key_opens_the_home_screen_wherever_the_phone_is_not_locked() {
    let mut engine = signed_in_phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    assert!(engine.view().dialog.is_some());
    assert!(hint_text(&engine).iter().any(|h| h == "F3 home"));
    engine.press(Key::F(3));
    assert_eq!(engine.view().screen, "home_screen");
    assert!(engine.view().dialog.is_none());
    assert!(!engine.view().back, "the home screen is a root");
    assert!(engine.device().account.is_some(), "nothing was signed out");
    tap(&mut engine, "home.settings");
    assert_eq!(engine.view().screen, "settings");
    assert!(!engine.view().back, "Settings opens as the phone starts");

    // The browser has no Home key.
    engine.press(Key::F(2));
    assert!(!engine.view().home);
    assert!(!hint_text(&engine).iter().any(|h| h.starts_with("F3")));
    engine.press(Key::F(3));
    assert_eq!(engine.view().surface, "browser");

    // A locked phone stays locked.
    let mut device = DeviceFile::factory_default();
    device.phone.activation_lock = Some("6612345678".into());
    let mut engine = phone_with(device);
    assert!(!engine.view().home);
    engine.press(Key::F(3));
    engine.apply(Action::Home);
    assert_eq!(engine.view().screen, "activation_lock");
}
