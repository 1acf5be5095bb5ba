//! The replay shell: every fixture in `fixtures/` passes, replays are deterministic, bad input
//! gets exact messages, recordings replay, and the committed schemas match the code.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::common::batch::{ran, replay_with, write};
use crate::common::events::{key, typed};
use crate::common::t0;
use chrono::{DateTime, Duration, Utc};
use crossterm::event::KeyCode;
use mi_settings::engine::{Engine, Start};
use mi_settings::screens::Action;
use mi_settings::shells::replay::batch::{self, BatchOptions, BatchResult};
use mi_settings::shells::replay::record::Recorder;
use mi_settings::shells::replay::run::{self as runner, Options};
use mi_settings::shells::store;
use mi_settings::shells::terminal::{self, Hooks, ScriptedEvents};
use mi_settings::sim::DeviceFile;
use mi_settings::sim::device::Language;
use mi_settings::ui::Theme;
use mi_settings::view::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

#[test]
fn every_fixture_in_the_fixtures_folder_passes() {
    let options = BatchOptions {
        ci: in_ci(),
        ..BatchOptions::default()
    };
    let fixtures = batch::collect(&[fixtures_dir()]).expect("fixtures");
    assert!(fixtures.len() >= 10, "only {} fixtures", fixtures.len());
    every_one_passes(&fixtures, &options);
}

/// Replays `fixtures` with `options`: every one passes, and the summary says so.
fn every_one_passes(fixtures: &[PathBuf], options: &BatchOptions) {
    let (result, printed) = replay_with(fixtures, options);
    assert_eq!(result, ran(fixtures.len(), 0), "{printed}");
    assert!(printed.ends_with(&format!("{} passed, 0 failed\n", fixtures.len())));
}

/// The fixtures that are about English wording, and so are not played in Chinese, each with
/// why. Every other fixture is played in both languages.
pub(crate) const ENGLISH_ONLY: [(&str, &str); 5] = [
    (
        "find-device-from-the-browser.json",
        "checks the lost-mode message the website prefills, which is in the phone's language",
    ),
    (
        "hyperos-sign-in-and-out-wording.json",
        "checks that HyperOS's English never says \"Mi Account\"; Chinese says 小米账号 in both skins",
    ),
    (
        "hyperos-wording.json",
        "checks that HyperOS's English never says \"Mi Account\"; Chinese says 小米账号 in both skins",
    ),
    (
        "seed-001-forgot-password-on-the-website.json",
        "checks how the address bar is cut beside the English word \"Browser\"",
    ),
    (
        "sign-in-two-step.json",
        "checks that no \"Resend code\" shows during the countdown, whose Chinese (60 秒后重新发送) \
         holds the Chinese for it",
    ),
];

/// The fixtures, written in English, played on a phone that speaks Simplified Chinese: taps
/// and expected texts find the phone's Chinese words, dates read as Chinese phones write them,
/// and snapshots are the `.zh-CN.txt` ones.
#[test]
fn every_fixture_but_the_english_wording_ones_passes_in_chinese() {
    let options = BatchOptions {
        ci: in_ci(),
        language: Some(Language::ZhCn),
        ..BatchOptions::default()
    };
    let fixtures: Vec<PathBuf> = batch::collect(&[fixtures_dir()])
        .expect("fixtures")
        .into_iter()
        .filter(|path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !ENGLISH_ONLY.iter().any(|(english, _)| *english == name)
        })
        .collect();
    assert!(fixtures.len() >= 50, "only {} fixtures", fixtures.len());
    every_one_passes(&fixtures, &options);
    // Each English-only fixture is still in the folder and really fails in Chinese: the list
    // is not a place to hide a fixture that would pass.
    for (english, why) in ENGLISH_ONLY {
        let path = fixtures_dir().join(english);
        let (result, _) = replay_with(&[path], &options);
        assert_eq!(
            result,
            ran(0, 1),
            "{english} ({why}) now passes in Chinese: take it off ENGLISH_ONLY"
        );
    }
}

#[test]
fn replays_are_byte_for_byte_repeatable() {
    let path = fixtures_dir().join("rename-the-device.json");
    let loaded = mi_settings::shells::replay::load(&path).expect("fixture");
    let options = Options {
        ci: true,
        ..Options::default()
    };
    let first = runner::run_captured(&loaded, &options);
    let second = runner::run_captured(&loaded, &options);
    assert!(first.report.passed(), "{:?}", first.report.failure_text());
    assert_eq!(first.transcript, second.transcript);
    assert_eq!(first.cast, second.cast);
    assert!(first.transcript.contains("## step 5: type \" (Anna)\""));
}

#[test]
fn transcripts_and_casts_are_written_and_the_cast_is_asciicast_v2() {
    let out = tempfile::tempdir().expect("tempdir");
    let options = BatchOptions {
        ci: true,
        transcript_dir: Some(out.path().join("transcripts")),
        cast: Some(out.path().join("wifi.cast")),
        ..BatchOptions::default()
    };
    let fixture = fixtures_dir().join("wifi-off-and-on.json");
    let (result, printed) = replay_with(&[fixture], &options);
    assert_eq!(result, ran(1, 0), "{printed}");
    let transcript =
        std::fs::read_to_string(out.path().join("transcripts/wifi-off-and-on.txt")).expect("t");
    assert!(transcript.starts_with("# Turn Wi-Fi off and on\n"));
    assert!(transcript.contains("## step 4: tap \"Wi-Fi\"\n"));
    let cast = std::fs::read_to_string(out.path().join("wifi.cast")).expect("cast");
    let mut lines = cast.lines();
    let header: serde_json::Value =
        serde_json::from_str(lines.next().expect("header")).expect("header json");
    assert_eq!(header["version"], 2);
    assert_eq!(header["width"], 60);
    assert_eq!(header["height"], 24);
    let events: Vec<serde_json::Value> = lines
        .map(|l| serde_json::from_str(l).expect("event json"))
        .collect();
    let markers = events.iter().filter(|e| e[1] == "m").count();
    assert_eq!(markers, 16, "one marker per step");
    assert!(events.iter().any(|e| e[1] == "o"));
    // Times never go backwards.
    let times: Vec<f64> = events
        .iter()
        .map(|e| e[0].as_f64().expect("time"))
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn malformed_fixtures_are_reported_with_position_and_nothing_runs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let cases = [
        (
            "malformed.json",
            "{\"version\": 1, \"name\": \"x\", \"steps\": [ {\"tap\": \"Wi-Fi\"}\n",
            ":2:1: at steps: EOF while parsing a list",
        ),
        (
            "unknown-step.json",
            "{\"version\": 1, \"name\": \"x\",\n \"steps\": [\n  {\"tapp\": \"Wi-Fi\"}\n ]\n}\n",
            ":3:9: at steps[0].tapp: unknown field `tapp`, expected one of `tap`, `tap_id`, \
             `label`, `type`, `key`, `scroll`, `back`, `wait`, `expect_screen`, `expect_text`, \
             `expect_no_text`, `expect_state`, `snapshot`, `sign_in_elsewhere`, `expect`, \
             `type_from`, `change_elsewhere`, `expect_task`",
        ),
        (
            "wrong-type.json",
            "{\"version\": 1, \"name\": \"x\",\n \"steps\": [\n  {\"back\": \"two\"}\n ]\n}\n",
            ":3:16: at steps[0].back: invalid type: string \"two\", expected u32",
        ),
        (
            "bad-key.json",
            "{\"version\": 1, \"name\": \"x\",\n \"steps\": [\n  {\"key\": \"entr\"}\n ]\n}\n",
            ":3:17: at steps[0].key: unknown key \"entr\"; expected one of enter, esc, tab, \
             backtab, up, down, left, right, pageup, pagedown, home, end, backspace, delete, \
             space, ctrl+c, ctrl+u, f2, f3 or a single character",
        ),
        (
            "two-kinds.json",
            "{\"version\": 1, \"name\": \"x\",\n \"steps\": [\n  {\"tap\": \"Wi-Fi\", \"back\": 1}\n ]\n}\n",
            ":4:2: at steps[0]: a step has exactly one kind; this one has tap and back",
        ),
        (
            "bad-wait.json",
            "{\"version\": 1, \"name\": \"x\",\n \"steps\": [\n  {\"wait\": \"2 min\"}\n ]\n}\n",
            ":3:19: at steps[0].wait: \"2 min\" is not a duration; write a whole number and s, m \
             or h, e.g. \"30s\", \"2m\", \"1h\"",
        ),
        (
            "unknown-top-field.json",
            "{\"version\": 1, \"name\": \"x\", \"seeed\": 3, \"steps\": []}\n",
            ":1:35: at seeed: unknown field `seeed`, expected one of `version`, `name`, `description`, \
             `terminal`, `device`, `task`, `setup_steps`, `seed`, `language`, `clock`, `steps`",
        ),
    ];
    for (name, text, expected) in cases {
        let path = write(d, name, text);
        let (result, printed) = replay_with(std::slice::from_ref(&path), &BatchOptions::default());
        assert_eq!(result, Ok(BatchResult::Malformed(1)), "{name}");
        let first_line = printed.lines().next().unwrap_or_default();
        assert_eq!(
            first_line,
            format!("{}{expected}", path.display()),
            "{name}"
        );
        assert!(printed.ends_with("1 malformed fixture(s): nothing was replayed\n"));
    }
    // One malformed fixture among good ones stops them all.
    let good = fixtures_dir().join("wifi-off-and-on.json");
    let bad = d.join("wrong-type.json");
    let (result, printed) = replay_with(&[good, bad], &BatchOptions::default());
    assert_eq!(result, Ok(BatchResult::Malformed(1)));
    assert!(!printed.contains("pass "), "{printed}");
}

#[test]
fn a_missing_device_file_and_a_missing_path_are_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "missing-device.json",
        "{\"version\": 1, \"name\": \"x\", \"device\": \"nope.json\", \"steps\": []}\n",
    );
    let (result, printed) = replay_with(std::slice::from_ref(&path), &BatchOptions::default());
    assert_eq!(result, ran(0, 1));
    let nope = dir.path().join("nope.json");
    assert!(
        printed.contains(&format!(
            "{}:1: device: {}: reading: No such file or directory",
            path.display(),
            nope.display()
        )),
        "{printed}"
    );
    let (result, _) = replay_with(&[dir.path().join("absent.json")], &BatchOptions::default());
    assert_eq!(
        result,
        Err(format!(
            "{}: no such fixture file or folder",
            dir.path().join("absent.json").display()
        ))
    );
}

/// Replays the one fixture at `path`, which must fail with the line `<path>:<message>`; returns
/// what was printed.
fn fails_with(path: &Path, message: &str) -> String {
    let (result, printed) = replay_with(&[path.to_path_buf()], &BatchOptions::default());
    assert_eq!(result, ran(0, 1), "{printed}");
    let line = format!("{}:{message}\n", path.display());
    assert!(printed.contains(&line), "{line:?} not in:\n{printed}");
    printed
}

#[test]
fn a_failing_step_names_file_line_step_and_what_is_on_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "typo.json",
        "{\"version\": 1, \"name\": \"typo\",\n \"steps\": [\n  {\"tap\": \"Wi-Fi\"},\n  {\"tap\": \"Bluetoooth\"}\n ]\n}\n",
    );
    let printed = fails_with(
        &path,
        "4: step 2 (tap): no element labelled \"Bluetoooth\" on this screen; touchable: \"Wi-Fi\"",
    );
    // The frame follows the message.
    assert!(printed.contains("‹ Wi-Fi"), "{printed}");
}

#[test]
fn taps_match_case_insensitively_only_when_unique_and_scroll_into_view() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "case.json",
        r#"{"version": 1, "name": "case", "steps": [
            {"tap": "services & FEEDBACK"},
            {"expect_screen": "Services & feedback"},
            {"back": 1},
            {"expect_text": "Services & feedback"},
            {"tap": "About phone"},
            {"expect_screen": "About phone"}
        ]}"#,
    );
    let (result, printed) = replay_with(&[path], &BatchOptions::default());
    assert_eq!(result, ran(1, 0), "{printed}");
}

/// A `step` done on another device (`change_elsewhere`, `sign_in_elsewhere`) for an account the
/// cloud does not have (`on_no_account`, with account "999") fails on its line; with a field
/// it does not know (`mistyped`), the fixture is refused before it runs, with `refused`.
fn an_elsewhere_step_needs_an_existing_account_and_known_fields(
    step: &str,
    on_no_account: &str,
    mistyped: &str,
    refused: &str,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "elsewhere.json",
        format!(
            "{{\"version\": 1, \"name\": \"elsewhere\",\n \"steps\": [\n  {{\"{step}\": {on_no_account}}}\n ]\n}}\n"
        ),
    );
    fails_with(
        &path,
        &format!(
            "3: step 1 ({step}): no account with Mi Account ID \"999\" in the device file's cloud"
        ),
    );
    let typo = write(
        dir.path(),
        "typo.json",
        format!("{{\"version\": 1, \"name\": \"typo\", \"steps\": [{{\"{step}\": {mistyped}}}]}}"),
    );
    let (result, printed) = replay_with(&[typo], &BatchOptions::default());
    assert_eq!(result, Ok(BatchResult::Malformed(1)), "{printed}");
    assert!(
        printed.contains(&format!("at steps[0].{step}.{refused}")),
        "{printed}"
    );
}

#[test]
fn a_change_elsewhere_needs_an_existing_account_and_known_fields() {
    an_elsewhere_step_needs_an_existing_account_and_known_fields(
        "change_elsewhere",
        r#"{"account": "999", "device": "Pad", "app": "notes", "title": "x"}"#,
        r#"{"account": "6612345678", "device": "Pad", "app": "note", "title": "x"}"#,
        "app: unknown variant `note`",
    );
}

#[test]
fn a_sign_in_elsewhere_needs_an_existing_account_and_known_fields() {
    an_elsewhere_step_needs_an_existing_account_and_known_fields(
        "sign_in_elsewhere",
        r#"{"account": "999", "device": "Redmi Note 12"}"#,
        r#"{"account": "6612345678", "device": "Pad", "kinds": "tablet"}"#,
        "kinds: unknown field `kinds`",
    );
}

#[test]
fn expect_state_reports_every_mismatch_with_its_pointer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "state.json",
        r#"{"version": 1, "name": "state", "steps": [
            {"expect_state": {"/network/wifi": false, "/account": null, "/no/such": 1}}
        ]}"#,
    );
    let (result, printed) = replay_with(&[path], &BatchOptions::default());
    assert_eq!(result, ran(0, 1), "{printed}");
    assert!(
        printed.contains(
            "step 1 (expect_state): 2 values differ:\n  \
             /network/wifi: expected false, found true\n  \
             /no/such: expected 1, found nothing (no such field)\n"
        ),
        "{printed}"
    );
}

#[test]
fn expect_state_on_a_large_value_names_only_the_leaves_that_differ() {
    let device: serde_json::Value =
        serde_json::from_str(&store::to_json(&DeviceFile::factory_default())).expect("json");
    let mut accounts = device["cloud"]["accounts"].clone();
    accounts[0]["devices"][1]["last_active"] = "2020-01-01T00:00:00Z".into();
    let found_name = accounts[0]["name"].take();
    accounts[0]["devices"]
        .as_array_mut()
        .expect("devices")
        .push(serde_json::json!({"id": "extra"}));
    if let Some(account) = accounts[1].as_object_mut() {
        account.remove("phone");
        account.insert("a/b~c".into(), true.into());
    }
    let fixture = serde_json::json!({
        "version": 1,
        "name": "large",
        "steps": [{"expect_state": {"/cloud/accounts": accounts}}]
    });
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "large.json", fixture.to_string());
    let (result, printed) = replay_with(&[path], &BatchOptions::default());
    assert_eq!(result, ran(0, 1), "{printed}");
    let listed = [
        "step 1 (expect_state): 5 values differ:",
        "  /cloud/accounts/0/name: expected null, found \"Lei Wang\"",
        "  /cloud/accounts/0/devices/1/last_active: expected \"2020-01-01T00:00:00Z\", \
         found \"2026-11-21T07:45:00Z\"",
        "  /cloud/accounts/0/devices/4: expected {\"id\":\"extra\"}, found nothing (no such field)",
        "  /cloud/accounts/1/a~1b~0c: expected true, found nothing (no such field)",
        "  /cloud/accounts/1/phone: expected nothing (no such field), found \"+49 151 2345 6789\"",
    ];
    assert!(printed.contains(&listed.join("\n")), "{printed}");
    assert_eq!(found_name, "Lei Wang");
    // Neither whole list is printed: nothing of what is equal shows.
    assert!(!printed.contains("password_hash"), "{printed}");
    assert!(!printed.contains("Living room TV"), "{printed}");

    // A list that differs everywhere is cut after a dozen lines.
    let mut history = device["cloud"]["accounts"][0]["login_history"].clone();
    let entries = history.as_array_mut().expect("history");
    entries.reverse();
    let fixture = serde_json::json!({
        "version": 1,
        "name": "many",
        "steps": [{"expect_state": {"/cloud/accounts/0/login_history": history}}]
    });
    let path = write(dir.path(), "many.json", fixture.to_string());
    let (result, printed) = replay_with(&[path], &BatchOptions::default());
    assert_eq!(result, ran(0, 1), "{printed}");
    let lines: Vec<&str> = printed
        .lines()
        .filter(|l| l.starts_with("  /cloud/accounts/0/login_history/"))
        .collect();
    assert_eq!(lines.len(), 12, "{printed}");
    assert!(printed.contains("\n  … and "), "{printed}");
}

#[test]
fn a_missing_snapshot_fails_until_update_writes_it_and_ci_never_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "snap.json",
        r#"{"version": 1, "name": "snap", "steps": [{"snapshot": "home"}]}"#,
    );
    let stored = dir.path().join("snap.snapshots/home.txt");
    // Missing: it fails, in CI or not, and nothing is written.
    for ci in [false, true] {
        let options = BatchOptions {
            ci,
            ..BatchOptions::default()
        };
        let (result, printed) = replay_with(std::slice::from_ref(&path), &options);
        assert_eq!(result, ran(0, 1));
        assert!(
            printed.contains("home.txt is missing: run `mi-settings replay --update"),
            "{printed}"
        );
        assert!(!stored.exists());
    }
    // --update writes it; after that it is compared.
    let update = BatchOptions {
        update_snapshots: true,
        ..BatchOptions::default()
    };
    let (result, _) = replay_with(std::slice::from_ref(&path), &update);
    assert_eq!(result, ran(1, 0));
    assert!(
        std::fs::read_to_string(&stored)
            .expect("snapshot")
            .contains("Settings")
    );
    std::fs::write(&stored, "something else\n").expect("edit");
    let (result, printed) = replay_with(std::slice::from_ref(&path), &BatchOptions::default());
    assert_eq!(result, ran(0, 1));
    assert!(printed.contains("the frame differs from"), "{printed}");
    assert!(printed.contains("  - something else"), "{printed}");
    // Under CI, --update is refused before anything runs, and the file is left as it is.
    let ci_update = BatchOptions {
        ci: true,
        update_snapshots: true,
        ..BatchOptions::default()
    };
    let (result, _) = replay_with(std::slice::from_ref(&path), &ci_update);
    assert!(
        result
            .as_ref()
            .is_err_and(|e| e.starts_with("--update is refused while CI is set")),
        "{result:?}"
    );
    assert_eq!(
        std::fs::read_to_string(&stored).expect("kept"),
        "something else\n"
    );
}

/// A shell that records like `--record` does and saves nowhere.
struct RecordingShell {
    recorder: Recorder,
}

impl Hooks for RecordingShell {
    fn save(&mut self, _device: &DeviceFile) -> Result<(), String> {
        Ok(())
    }

    fn observe(&mut self, action: &Action, view: &View, now: DateTime<Utc>) {
        self.recorder.record(action, view, now);
    }
}

#[test]
fn a_recorded_session_replays_to_the_same_final_state() {
    let start = t0();
    let mut device = DeviceFile::factory_default();
    device.phone.name = "Recorder".into();
    let mut engine = Engine::new(
        device.clone(),
        Start {
            seed: 42,
            ..crate::common::start(60, 24)
        },
    );
    let mut shell = RecordingShell {
        recorder: Recorder::new(&device, start, 42, 60, 24),
    };
    let mut terminal = Terminal::new(TestBackend::new(60, 24)).expect("terminal");
    // Every event takes ten simulated seconds, so waits are recorded too.
    let mut ticks = 0;
    let mut clock = || {
        ticks += 1;
        start + Duration::seconds(10 * ticks)
    };
    let mut events = vec![
        key(KeyCode::Down),
        key(KeyCode::Down),
        key(KeyCode::Enter),
        key(KeyCode::Enter),
        key(KeyCode::Esc),
        key(KeyCode::Home),
        key(KeyCode::Enter),
        key(KeyCode::Enter),
    ];
    events.extend(typed("!x"));
    events.push(key(KeyCode::Backspace));
    events.push(key(KeyCode::Enter));
    terminal::run(
        &mut terminal,
        &mut ScriptedEvents(VecDeque::from(events)),
        &mut clock,
        &mut engine,
        &mut shell,
        &Theme::miui(),
    )
    .expect("session");
    assert!(!engine.device().network.wifi);
    assert_eq!(engine.device().phone.name, "Recorder!");

    let fixture = shell
        .recorder
        .fixture("recorded", &engine.view().title, engine.device());
    let json = serde_json::to_string_pretty(&fixture).expect("json");
    assert!(json.contains("\"tap_id\": \"wifi.toggle\""), "{json}");
    assert!(json.contains("\"wait\": \"10s\""), "{json}");
    // The recording checks where it ended, so a replay that drifted would fail.
    assert!(
        json.contains("\"expect_screen\": \"About phone\""),
        "{json}"
    );
    assert!(json.contains("\"/network/wifi\": false"), "{json}");
    assert!(json.contains("\"/phone/name\": \"Recorder!\""), "{json}");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(dir.path(), "recorded.json", &json);
    let loaded = mi_settings::shells::replay::load(&path).expect("a recording is a valid fixture");
    let report = runner::run(&loaded, &Options::default(), runner::Outputs::default());
    assert!(report.passed(), "{:?}", report.failure_text());
    assert_eq!(report.final_device.as_ref(), Some(engine.device()));
}

#[test]
fn every_fixture_validates_against_nothing_but_its_own_format() {
    // Device files beside the fixtures are device files, not fixtures: `collect` skips folders.
    let files = batch::collect(&[fixtures_dir()]).expect("fixtures");
    assert!(
        files
            .iter()
            .all(|f| f.parent() == Some(fixtures_dir().as_path()))
    );
    for device in std::fs::read_dir(fixtures_dir().join("devices")).expect("devices") {
        let path = device.expect("entry").path();
        let device = mi_settings::shells::store::load(&path).expect("device file");
        assert_eq!(
            mi_settings::shells::store::check(&device),
            Vec::<String>::new(),
            "{path:?}"
        );
    }
}

/// Every example fixture of docs/fixtures.md runs and passes.
#[test]
fn the_documented_example_fixtures_run() {
    let docs =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/fixtures.md"))
            .expect("docs/fixtures.md");
    let examples: Vec<&str> = docs
        .split("```json\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap_or_default())
        .filter(|block| block.contains("\"steps\""))
        .collect();
    assert!(
        !examples.is_empty(),
        "docs/fixtures.md shows no example fixture"
    );
    for (i, example) in examples.iter().enumerate() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("devices")).expect("devices");
        std::fs::copy(
            fixtures_dir().join("devices/signed-in.json"),
            dir.path().join("devices/signed-in.json"),
        )
        .expect("copy device");
        let path = write(dir.path(), &format!("example-{i}.json"), example);
        // Its snapshot steps need their snapshots: written once, as a person would with --update.
        let update = BatchOptions {
            update_snapshots: true,
            ..BatchOptions::default()
        };
        replay_with(std::slice::from_ref(&path), &update)
            .0
            .expect("written");
        let (result, printed) = replay_with(std::slice::from_ref(&path), &BatchOptions::default());
        assert_eq!(result, ran(1, 0), "example {i}: {printed}");
    }
}

/// Every element id a screen declares (and so handles) is shown by some fixture: an id that no
/// walkthrough ever meets is dead code, or a walkthrough is missing.
#[test]
fn every_declared_element_id_is_shown_by_some_fixture() {
    let files = batch::collect(&[fixtures_dir()]).expect("fixtures");
    let options = Options {
        ci: true,
        ..Options::default()
    };
    let mut seen = std::collections::BTreeSet::new();
    for loaded in batch::load_all(&files).expect("fixtures load") {
        let mut collect = |_: usize, engine: &mi_settings::engine::Engine| {
            let view = engine.view();
            let dialog = view.dialog.iter().flat_map(|d| d.elements.iter());
            for element in view.elements.iter().chain(dialog) {
                seen.insert(element.id.to_string());
            }
        };
        let outputs = runner::Outputs {
            each_step: Some(&mut collect),
            ..runner::Outputs::default()
        };
        let report = runner::run(&loaded, &options, outputs);
        assert!(report.passed(), "{:?}", report.failure_text());
    }
    let mut never = Vec::new();
    for (screen, patterns) in mi_settings::screens::AnyScreen::id_patterns() {
        for pattern in patterns {
            let shown = match pattern.strip_suffix('*') {
                Some(prefix) => seen.iter().any(|id| id.starts_with(prefix)),
                None => seen.contains(pattern),
            };
            if !shown {
                never.push(format!("{screen}: {pattern}"));
            }
        }
    }
    assert!(
        never.is_empty(),
        "declared but never shown by a fixture:\n{}",
        never.join("\n")
    );
}

/// `--jobs`: fixtures replayed side by side print exactly what one at a time prints, in the
/// order the fixtures were named (only the timings differ).
#[test]
fn parallel_replays_print_the_same_in_the_same_order() {
    let untimed = |jobs| {
        let options = BatchOptions {
            ci: true,
            jobs: Some(jobs),
            ..BatchOptions::default()
        };
        let (result, printed) = replay_with(&[fixtures_dir()], &options);
        assert!(
            matches!(result, Ok(BatchResult::Ran { failed: 0, .. })),
            "{printed}"
        );
        printed
            .lines()
            .map(|line| match line.find(" ms)") {
                Some(end) => {
                    let start = line[..end].rfind(", ").unwrap_or(end);
                    format!("{}{}", &line[..start], &line[end + 4..])
                }
                None => line.to_string(),
            })
            .collect::<Vec<_>>()
    };
    let one = untimed(1);
    assert!(one.len() > 40, "{one:?}");
    assert_eq!(untimed(4), one);
}

/// `expect` takes the condition language tasks use, and says what does not hold; `type_from`
/// types a value read from the device file or the screen, and says when there is none.
#[test]
fn expect_conditions_and_type_from_say_what_does_not_hold() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = [
        (
            r#"{"tap": "Bluetooth"}, {"expect": {"all": [{"screen": "Bluetooth"}, {"pointer": "/bluetooth", "changed": true}]}}"#,
            "expected {\"all\":[{\"screen\":\"Bluetooth\"},{\"pointer\":\"/bluetooth\",\"changed\":true}]}: /bluetooth has not changed",
        ),
        (
            r#"{"expect": {"any": [{"text": "Nowhere"}, {"pointer": "/account", "exists": true}]}}"#,
            "none holds: \"Nowhere\" is not on screen; /account is absent",
        ),
        (
            r#"{"tap_id": "settings.about_phone"}, {"tap_id": "about.device_name"}, {"type_from": {"digits_after": "Nothing like this"}}"#,
            "\"Nothing like this\" is not on screen",
        ),
        (
            r#"{"tap_id": "settings.about_phone"}, {"tap_id": "about.device_name"}, {"type_from": {"state": "/account/name"}}"#,
            "/account/name is absent: nothing to type",
        ),
    ];
    for (i, (steps, says)) in cases.into_iter().enumerate() {
        let path = write(
            dir.path(),
            &format!("case{i}.json"),
            format!("{{\"version\": 1, \"name\": \"x\", \"steps\": [{steps}]}}"),
        );
        let (result, printed) = replay_with(std::slice::from_ref(&path), &BatchOptions::default());
        assert!(
            matches!(result, Ok(BatchResult::Ran { failed: 1, .. })),
            "{printed}"
        );
        assert!(printed.contains(says), "{says:?} not in {printed}");
    }
    // A value of the device file typed into a field: the phone's name, read from the state.
    let path = write(
        dir.path(),
        "typed.json",
        r#"{"version": 1, "name": "x", "steps": [{"tap_id": "settings.about_phone"},
            {"tap_id": "about.device_name"}, {"key": "end"}, {"type_from": {"state": "/phone/model"}},
            {"expect_text": "Redmi Note 13 ProRedmi Note 13 Pro"}]}"#,
    );
    let (result, printed) = replay_with(std::slice::from_ref(&path), &BatchOptions::default());
    assert_eq!(result, ran(1, 0), "{printed}");
}
