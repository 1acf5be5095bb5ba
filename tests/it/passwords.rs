//! Passwords never leave the phone: random passwords typed through sign in, sign out and create
//! account must not appear in the device file, a transcript, a cast, a recording, or the replay
//! log — not even when "Show password" is ticked.

use std::collections::VecDeque;

use crate::common::batch::{ran, replay_with};
use crate::common::events::{key, typed};
use crate::common::t0;
use chrono::{DateTime, Utc};
use crossterm::event::KeyCode;
use mi_settings::engine::{Engine, Start};
use mi_settings::screens::Action;
use mi_settings::shells::replay::batch::BatchOptions;
use mi_settings::shells::replay::record::Recorder;
use mi_settings::shells::replay::run::{self as runner, Options};
use mi_settings::shells::store;
use mi_settings::shells::terminal::{self, Hooks, ScriptedEvents};
use mi_settings::sim::{DeviceFile, Env, cloud};
use mi_settings::ui::Theme;
use mi_settings::view::View;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::json;

/// Passwords that pass the creation rules: letters, a number and a symbol, 10 to 20 long.
fn password() -> impl Strategy<Value = String> {
    "[a-zA-Z]{6,14}[0-9]{2}[!#$%&*@^~?]{2}".prop_map(|p| p)
}

/// The fresh phone with Lei Wang's password set to `password`.
fn phone_with_password(password: &str) -> DeviceFile {
    let mut device = DeviceFile::factory_default();
    let mut env = Env::new(t0(), 99);
    cloud::set_password(&mut device, 0, password, &mut env);
    device
}

/// A 60x24 phone started with `seed`.
fn start(seed: u64) -> Start {
    Start {
        seed,
        ..crate::common::start(60, 24)
    }
}

fn assert_absent(password: &str, what: &str, text: &str) {
    assert!(
        !text.contains(password),
        "the password {password:?} appears in the {what}"
    );
}

/// Sign in (with "Show password" ticked), then sign out with the password, as a fixture.
fn sign_in_and_out_fixture(password: &str) -> serde_json::Value {
    let device = phone_with_password(password);
    let device: serde_json::Value =
        serde_json::from_str(&store::to_json(&device)).expect("device json");
    json!({
        "version": 1,
        "name": "password round trip",
        "device": device,
        "steps": [
            {"tap": "Sign in to Mi Account"},
            {"tap": "Sign in"},
            {"tap_id": "signin.login"},
            {"type": "lei.wang@example.com"},
            {"key": "enter"},
            {"type": password},
            {"tap": "Show password"},
            {"tap_id": "signin.agree"},
            {"tap_id": "signin.submit"},
            {"expect_screen": "Mi Account"},
            {"tap": "Sign out"},
            {"tap_id": "dialog.confirm"},
            {"type": password},
            {"key": "enter"},
            {"tap": "Keep"},
            {"wait": "2s"},
            {"expect_text": "Sign in to Mi Account"},
            {"expect_state": {"/account": null}}
        ]
    })
}

struct RecordingShell {
    recorder: Recorder,
    saved: Vec<String>,
}

impl Hooks for RecordingShell {
    fn save(&mut self, device: &DeviceFile) -> Result<(), String> {
        self.saved.push(store::to_json(device));
        Ok(())
    }

    fn observe(&mut self, action: &Action, view: &View, now: DateTime<Utc>) {
        self.recorder.record(action, view, now);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn a_replayed_password_is_in_no_file_frame_cast_or_log(password in password()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("round-trip.json");
        std::fs::write(&path, sign_in_and_out_fixture(&password).to_string()).expect("write");
        // The fixture itself holds the password (it is the script); everything made from it
        // must not.
        let loaded = mi_settings::shells::replay::load(&path).expect("fixture");
        let captured = runner::run_captured(&loaded, &Options::default());
        let report = &captured.report;
        prop_assert!(report.passed(), "{:?}", report.failure_text());
        assert_absent(&password, "transcript", &captured.transcript);
        assert_absent(&password, "cast", &captured.cast);
        let device = report.final_device.as_ref().expect("final device");
        assert_absent(&password, "device file", &store::to_json(device));

        let options = BatchOptions {
            transcript_dir: Some(dir.path().join("t")),
            cast: Some(dir.path().join("c.cast")),
            ..BatchOptions::default()
        };
        let (result, log) = replay_with(std::slice::from_ref(&path), &options);
        prop_assert_eq!(result, ran(1, 0), "{}", log);
        assert_absent(&password, "replay log", &log);
        for written in ["t/round-trip.txt", "c.cast"] {
            let text = std::fs::read_to_string(dir.path().join(written)).expect("written");
            assert_absent(&password, written, &text);
        }
    }

    #[test]
    fn a_typed_password_is_in_no_recording_or_saved_file(password in password()) {
        let device = phone_with_password(&password);
        let mut engine = Engine::new(device.clone(), start(5));
        let mut shell = RecordingShell {
            recorder: Recorder::new(&device, t0(), 5, 60, 24),
            saved: Vec::new(),
        };
        // Settings → the account entry (End, three up) → Sign in → the form.
        let mut events = vec![key(KeyCode::End), key(KeyCode::Up), key(KeyCode::Up), key(KeyCode::Up),
            key(KeyCode::Enter), key(KeyCode::Enter)];
        events.extend(typed("6612345678"));
        events.push(key(KeyCode::Enter));
        events.extend(typed(&password));
        // Show password, the agreement, Sign in.
        events.extend([key(KeyCode::Down), key(KeyCode::Enter), key(KeyCode::Down),
            key(KeyCode::Enter), key(KeyCode::Down), key(KeyCode::Enter)]);
        let mut terminal = Terminal::new(TestBackend::new(60, 24)).expect("terminal");
        terminal::run(&mut terminal, &mut ScriptedEvents(VecDeque::from(events)), &mut t0,
            &mut engine, &mut shell, &Theme::miui()).expect("session");
        prop_assert!(engine.device().account.is_some(), "the scripted sign-in did not sign in");
        let fixture = shell.recorder.fixture("recorded", &engine.view().title, engine.device());
        let recording = serde_json::to_string_pretty(&fixture).expect("json");
        assert_absent(&password, "recording", &recording);
        // ... and the recording says where the password goes, so it can be replayed.
        prop_assert!(recording.contains("Passwords are never recorded: add a `type` step with the password before step"), "{}", recording);
        for saved in &shell.saved {
            assert_absent(&password, "saved device file", saved);
        }
    }

    #[test]
    fn a_new_accounts_password_is_stored_only_as_a_hash(password in password()) {
        let mut engine = Engine::new(DeviceFile::factory_default(), start(11));
        let act = |engine: &mut Engine, action: Action| {
            engine.apply(action);
            let mut view = engine.view().clone();
            view.redact_secrets();
            assert_absent(&password, "redacted view", &serde_json::to_string(&view).expect("json"));
        };
        for action in [
            Action::Tap("settings.account".into()),
            Action::Tap("account.create".into()),
            Action::Tap("create.email".into()),
            Action::Tap("create.contact".into()),
            Action::Type("new.person@example.com".into()),
            Action::Tap("create.name".into()),
            Action::Type("New Person".into()),
            Action::Tap("create.password".into()),
            Action::Type(password.clone()),
            Action::Tap("create.confirm".into()),
            Action::Type(password.clone()),
            Action::Tap("create.show_password".into()),
            Action::Tap("create.agree".into()),
            Action::Tap("create.get_code".into()),
        ] {
            act(&mut engine, action);
        }
        let code = engine.device().cloud.codes.last().map(|c| c.code.clone()).expect("a code was sent");
        act(&mut engine, Action::Type(code));
        act(&mut engine, Action::Tap("create.submit".into()));
        prop_assert_eq!(engine.device().account.as_ref().map(|a| a.name.as_str()), Some("New Person"));
        let json = store::to_json(engine.device());
        assert_absent(&password, "device file", &json);
        let hash = &engine.device().cloud.accounts[3].password_hash;
        prop_assert!(hash.starts_with("$argon2id$"));
        prop_assert!(cloud::verify_password(hash, &password));
    }
}
