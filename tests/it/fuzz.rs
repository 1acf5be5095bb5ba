//! Fuzzing the fixture reader and the replayer with proptest: fixtures built from random steps
//! with extreme values (the hardening issue's 2,200 mutated fixtures once found 16 panics, 23
//! hangs and 2 memory blow-ups this way). Every fixture must either be refused with a
//! `file:line:column` position and a short message, or replay to its end without a panic,
//! quickly. Kept to a few seconds in a debug build.

use std::path::Path;

use mi_settings::play::fixture;
use mi_settings::shells::replay::run as runner;
use proptest::prelude::*;
use serde_json::{Value, json};

const LABELS: &[&str] = &[
    "Wi-Fi",
    "Bluetooth",
    "Sign in to Mi Account",
    "Mi Account",
    "Sign in",
    "Sign out",
    "Keep",
    "Remove",
    "OK",
    "Cancel",
    "Mi Cloud",
    "Find device",
    "Devices",
    "Account security",
    "Login history",
    "About phone",
    "Forgot password?",
    "Create account",
];

const IDS: &[&str] = &[
    "settings.account",
    "settings.about_phone",
    "about.device_name",
    "wifi.toggle",
    "account.cloud",
    "account.devices",
    "account.security",
    "cloud.sync_now",
    "security.history",
    "no.such.id",
];

const KEYS: &[&str] = &[
    "enter",
    "esc",
    "tab",
    "backtab",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "backspace",
    "delete",
    "space",
    "f2",
    "f3",
    "?",
    "x",
];

/// Texts people and attackers type: ordinary, empty, control characters, wide, combining,
/// right-to-left, very long.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(LABELS).prop_map(str::to_string),
        Just(String::new()),
        Just("Xiaomi#2026".to_string()),
        Just("lei.wang@example.com".to_string()),
        "[\\x00-\\x1f\\x7f]{1,8}",
        "[a-z0-9#@. ]{0,40}",
        "[\u{4e00}-\u{4e20}\u{1f600}-\u{1f610}\u{0300}-\u{0310}\u{05d0}-\u{05ea}]{1,30}",
        (1usize..10_000).prop_map(|n| "w".repeat(n)),
    ]
}

/// A duration as a fixture writes it, often absurd.
fn wait() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0i64..100_000, prop::sample::select(&["s", "m", "h"][..]))
            .prop_map(|(n, unit)| json!(format!("{n}{unit}"))),
        prop::sample::select(
            &[
                "2600000000h",
                "9223372036854775s",
                "9223372036854775807s",
                "2562047788015h",
                "878400h",
                "878401h",
                "-1s",
                "1.5h",
                "1e9h",
                "",
                "h",
            ][..]
        )
        .prop_map(|w| json!(w)),
        Just(json!(3600)),
    ]
}

fn count() -> impl Strategy<Value = Value> {
    prop_oneof![
        (0u32..120).prop_map(|n| json!(n)),
        Just(json!(u32::MAX)),
        Just(json!(u64::MAX)),
        Just(json!(-1)),
        Just(json!(1e300)),
    ]
}

/// A malformed step: one in a fixture is enough to refuse it.
fn malformed_step() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => count().prop_map(|n| json!({ "back": n })),
        1 => wait().prop_map(|w| json!({ "wait": w })),
        1 => Just(json!({ "tap": "Wi-Fi", "back": 1 })),
        1 => Just(json!({})),
        1 => Just(json!(null)),
        1 => Just(json!({ "scroll": "left" })),
        1 => Just(json!({ "key": "entr" })),
    ]
}

/// Keys, typing, backs and waits never fail, so they are most of the steps and replays go deep;
/// taps and expectations fail often (a random label is rarely on screen), which ends a replay.
fn valid_step() -> impl Strategy<Value = Value> {
    prop_oneof![
        30 => prop::sample::select(KEYS).prop_map(|k| json!({ "key": k })),
        10 => Just(json!({ "key": "enter" })),
        2 => text().prop_map(|t| json!({ "type": t })),
        2 => (0u32..=100).prop_map(|n| json!({ "back": n })),
        4 => prop::sample::select(&["0s", "1s", "59s", "5m", "1h", "24h", "878400h"][..])
            .prop_map(|w| json!({ "wait": w })),
        2 => prop::sample::select(&["up", "down"][..]).prop_map(|d| json!({ "scroll": d })),
        1 => text().prop_map(|t| json!({ "tap": t })),
        1 => prop::sample::select(IDS).prop_map(|id| json!({ "tap_id": id })),
        1 => text().prop_map(|t| json!({ "expect_screen": t })),
        1 => text().prop_map(|t| json!({ "expect_text": t })),
        1 => text().prop_map(|t| json!({ "expect_no_text": t })),
        1 => Just(json!({ "expect_state": { "/bluetooth": true, "/no/such": 1, "": {} } })),
        1 => "[A-Za-z0-9._\\-*/\\\\: \n]{0,12}".prop_map(|n| json!({ "snapshot": n })),
        1 => (text(), text()).prop_map(|(account, location)| json!({
            "sign_in_elsewhere": { "account": account, "device": "Redmi 12C", "location": location }
        })),
        1 => text().prop_map(|title| json!({
            "change_elsewhere": { "account": "lei.wang@example.com", "device": "Redmi Pad",
                                  "app": "contacts", "title": title }
        })),
    ]
}

fn clock() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        6 => Just(None),
        3 => prop::sample::select(&["1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:00+14:00"][..])
            .prop_map(|c| Some(json!(c))),
        1 =>
        prop::sample::select(
            &[
                "+262142-12-31T23:59:59Z",
                "-262143-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z",
                "1969-12-31T23:59:59Z",
                "2026-13-01T00:00:00Z",
                "yesterday",
            ][..]
        )
        .prop_map(|c| Some(json!(c))),
    ]
}

fn terminal() -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        4 => Just(None),
        4 => (1u32..=300, 1u32..=100).prop_map(|(w, h)| Some(json!({ "width": w, "height": h }))),
        1 => (0u32..600, 0u32..300).prop_map(|(w, h)| Some(json!({ "width": w, "height": h }))),
        1 => Just(Some(json!({ "width": 70000, "height": 1 }))),
    ]
}

prop_compose! {
    fn fixture_json()(
        name in prop_oneof![9 => Just("fuzzed".to_string()), 1 => text()],
        version in prop_oneof![20 => Just(json!(1)), 1 => Just(json!(2)), 1 => Just(json!("1"))],
        clock in clock(),
        terminal in terminal(),
        seed in prop_oneof![10 => any::<u64>().prop_map(|s| json!(s)), 1 => Just(json!(-5))],
        device in prop_oneof![
            20 => Just(None),
            1 => Just(Some(json!("../../Cargo.toml"))),
            1 => Just(Some(json!("/dev/zero"))),
            1 => Just(Some(json!(""))),
            1 => Just(Some(json!(42))),
        ],
        mut steps in prop::collection::vec(valid_step(), 0..60),
        malformed in prop::option::weighted(0.2, (malformed_step(), any::<prop::sample::Index>())),
    ) -> String {
        if let Some((step, at)) = malformed {
            steps.insert(at.index(steps.len() + 1), step);
        }
        let mut object = serde_json::Map::new();
        object.insert("version".into(), version);
        object.insert("name".into(), json!(name));
        for (key, value) in [("clock", clock), ("terminal", terminal), ("device", device)] {
            if let Some(value) = value {
                object.insert(key.into(), value);
            }
        }
        object.insert("seed".into(), seed);
        object.insert("steps".into(), Value::Array(steps));
        serde_json::to_string_pretty(&Value::Object(object)).unwrap_or_default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_fixture_is_refused_with_a_position_or_replays_to_its_end(text in fixture_json()) {
        let path = Path::new("tests/fuzzed.json");
        match fixture::parse(&text, path) {
            Err(error) => {
                let message = error.to_string();
                prop_assert!(error.position.is_some(), "no line:column: {message}");
                prop_assert!(message.chars().count() < 600, "a long message: {message}");
            }
            Ok(loaded) => {
                let captured = runner::run_captured(&loaded, &runner::Options::default());
                // Bounded work, counted (not timed): a step is at most a scroll and a tap, or
                // up to 100 presses of Back, besides the start's one resize.
                let steps = loaded.fixture.steps.len() as u64;
                prop_assert!(
                    captured.report.actions <= 1 + 100 * steps,
                    "{steps} steps applied {} actions", captured.report.actions
                );
                if let Some(failure) = captured.report.failure_text() {
                    let first = failure.lines().next().unwrap_or_default();
                    prop_assert!(first.chars().count() < 2_000, "a long message: {first}");
                }
                // The demo password never shows in a step's heading (a frame shows what was typed
                // into a plain field, as the phone does).
                let headings = captured.transcript.lines().filter(|l| l.starts_with("## "));
                for heading in headings {
                    prop_assert!(!heading.contains("Xiaomi#2026"), "{heading}");
                }
            }
        }
    }
}
