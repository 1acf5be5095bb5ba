//! The phone attacked as a careless or hostile user would (issue "Hardening"): absurd times and
//! counts in fixtures, files that are not files, bytes that are not text, huge values, links,
//! permissions, and large accounts. Each case once panicked, hung, leaked or lost data; each
//! must now end quickly with a clear message (or work), and the fixtures that once did are kept
//! in `tests/hostile/` and replayed here.

use std::path::{Path, PathBuf};

use crate::common::batch::{ran, replay_in_ci, replay_with, write};
use crate::common::*;
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::shells::replay::batch::{self, BatchOptions, BatchResult};
use mi_settings::shells::store::{self, Store};
use mi_settings::sim::DeviceFile;

/// A fixture of `steps` (JSON) on the fresh phone, written to a file.
fn fixture(dir: &Path, name: &str, head: &str, steps: &str) -> PathBuf {
    write(
        dir,
        name,
        format!(
            "{{\"version\": 1, \"name\": \"{name}\"{head},\n \"steps\": [\n  {steps}\n ]\n}}\n"
        ),
    )
}

/// The fixture is refused before anything runs, with `message` after its position.
fn malformed(path: &Path, message: &str) -> String {
    let (result, printed) = replay_in_ci(&[path.to_path_buf()]);
    assert_eq!(result, Ok(BatchResult::Malformed(1)), "{printed}");
    let first = printed.lines().next().unwrap_or_default().to_string();
    let prefix = format!("{}:", path.display());
    assert!(first.starts_with(&prefix), "{first}");
    // file:line:column: …
    let rest = &first[prefix.len()..];
    let mut parts = rest.splitn(3, ':');
    let (line, column) = (parts.next(), parts.next());
    assert!(
        line.is_some_and(|l| l.parse::<usize>().is_ok())
            && column.is_some_and(|c| c.parse::<usize>().is_ok()),
        "no line:column in {first}"
    );
    assert!(first.contains(message), "{message:?} not in {first}");
    assert!(first.len() < 600, "a message of {} bytes", first.len());
    first
}

/// The fixture runs to its end and passes.
fn passes(path: &Path) {
    let (result, printed) = replay_in_ci(&[path.to_path_buf()]);
    assert_eq!(result, ran(1, 0), "{printed}");
}

#[test]
fn absurd_waits_and_clocks_are_refused_where_they_are_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    for wait in [
        "2600000000h",
        "9223372036854775s",
        "2562047788015h",
        "878401h",
    ] {
        let path = fixture(
            dir.path(),
            "wait.json",
            "",
            &format!("{{\"wait\": \"{wait}\"}}"),
        );
        malformed(&path, "at steps[0].wait: ");
    }
    let path = fixture(
        dir.path(),
        "clock.json",
        ", \"clock\": \"+262142-12-31T23:59:59Z\"",
        "{\"tap\": \"Wi-Fi\"}",
    );
    malformed(&path, "at clock: ");
    // At the very end of the supported years, time stops at the end instead of overflowing:
    // a toast, a China ROM's time zone, a code's expiry.
    let end = fixture(
        dir.path(),
        "end-of-time.json",
        ", \"clock\": \"9999-12-31T23:59:00Z\"",
        r#"{"tap": "Wi-Fi"}, {"tap_id": "wifi.toggle"}, {"wait": "876000h"}, {"tap_id": "wifi.toggle"},
  {"back": 1}, {"tap": "Sign in to Mi Account"}, {"tap": "Sign in"}, {"tap": "Forgot password?"},
  {"type": "lei.wang@example.com"}, {"key": "enter"}, {"wait": "1h"}, {"key": "f3"}"#,
    );
    passes(&end);
}

#[test]
fn a_device_file_with_dates_out_of_range_is_refused_and_one_at_the_edge_works() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut device = signed_in_device();
    device.phone.rom = mi_settings::sim::device::Rom::China;
    device.phone.utc_offset_minutes = 60;
    let mut json = store::to_json(&device);
    let at = "\"at\": \"2025-12-20T18:30:00Z\"";
    assert!(json.contains(at));
    let far = json.replacen(at, "\"at\": \"+262142-12-31T23:59:59Z\"", 1);
    let path = write(dir.path(), "far.json", &far);
    let message = store::load(&path).expect_err("out of range").to_string();
    assert!(
        message.contains("is outside the supported years 1970 to 9999"),
        "{message}"
    );
    assert!(message.contains(".json:"), "{message}");
    // The last minute of 9999 with a time zone an hour ahead: Login history opens.
    json = json.replacen(at, "\"at\": \"9999-12-31T23:59:59Z\"", 1);
    let device: DeviceFile = store::parse(&json, Path::new("edge.json")).expect("in range");
    let mut engine = phone_with(device);
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.security");
    tap(&mut engine, "security.history");
    assert_eq!(engine.view().screen, "login_history");
}

#[test]
fn counts_and_texts_have_limits_and_back_stops_at_the_root() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(dir.path(), "back.json", "", "{\"back\": 4294967295}");
    malformed(
        &path,
        "at steps[0]: back 4294967295 is more than 100 presses",
    );
    let long = "x".repeat(10_001);
    let path = fixture(
        dir.path(),
        "type.json",
        "",
        &format!("{{\"type\": \"{long}\"}}"),
    );
    let first = malformed(&path, "more than 10000");
    assert!(
        !first.contains(&"x".repeat(100)),
        "the text is not repeated"
    );
    // The most backs a fixture may ask for, at the root where they change nothing.
    let path = fixture(
        dir.path(),
        "backs.json",
        "",
        &["{\"back\": 100}"; 200].join(", "),
    );
    passes(&path);
}

#[test]
fn too_many_steps_or_bytes_and_bytes_that_are_not_text_are_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let steps = vec!["{\"key\": \"down\"}"; 100_001].join(",\n");
    let path = fixture(dir.path(), "steps.json", "", &steps);
    malformed(&path, "more than 100000 steps");
    let mut bytes = b"{\"version\": 1,\n \"name\": \"caf".to_vec();
    bytes.extend([0xe9, b'"', b',', b'\n']);
    bytes.extend(b" \"steps\": []}\n");
    let path = write(dir.path(), "latin1.json", bytes);
    let first = malformed(&path, "not UTF-8");
    assert!(first.contains("latin1.json:2:"), "{first}");
    let big = write(dir.path(), "big.json", vec![b' '; 9 * 1024 * 1024]);
    let (result, printed) = replay_in_ci(&[big]);
    assert_eq!(result, Ok(BatchResult::Malformed(1)), "{printed}");
    assert!(printed.contains("larger than 8 MB"), "{printed}");
}

#[test]
fn versions_terminal_sizes_and_huge_values_are_named_by_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "v2.json",
        "{\"version\": 2, \"name\": \"x\", \"steps\": []}",
    );
    malformed(&path, "at version: fixture version 2 is not supported");
    let path = fixture(
        dir.path(),
        "size.json",
        ", \"terminal\": {\"width\": 0, \"height\": 24}",
        "",
    );
    malformed(&path, "at terminal: 0x24 is not a usable terminal size");
    let huge = "y".repeat(1_000_000);
    let path = write(
        dir.path(),
        "huge.json",
        format!("{{\"version\": 1, \"name\": \"x\", \"seed\": \"{huge}\", \"steps\": []}}"),
    );
    malformed(&path, "at seed: invalid type: string");
}

#[test]
fn only_regular_files_are_read_as_device_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).expect("folder");
    let message = { store::load(&folder).expect_err("a folder").to_string() };
    assert!(message.contains("not a regular file"), "{message}");
    #[cfg(unix)]
    {
        for path in ["/dev/zero", "/dev/null"] {
            let message = {
                store::load(Path::new(path))
                    .expect_err("a device")
                    .to_string()
            };
            assert!(message.contains("not a regular file"), "{message}");
        }
        // A named pipe would block a reader forever.
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            let message = { store::load(&fifo).expect_err("a pipe").to_string() };
            assert!(message.contains("not a regular file"), "{message}");
        }
        // `device reset` never replaces what is not a file.
        let error = Store::lock_only(Path::new("/dev/null")).expect_err("not a file");
        assert!(error.to_string().contains("not a regular file"), "{error}");
    }
    // A fixture's device that is not a file fails its fixture quickly.
    let path = fixture(dir.path(), "dev.json", ", \"device\": \"folder\"", "");
    let (result, printed) = replay_in_ci(&[path]);
    assert!(
        matches!(result, Ok(BatchResult::Ran { failed: 1, .. })),
        "{printed}"
    );
    assert!(printed.contains("not a regular file"), "{printed}");
}

#[test]
fn unknown_fields_in_a_device_file_are_refused_with_their_position() {
    let json = store::to_json(&DeviceFile::factory_default());
    let with_extra = json.replacen("\"phone\": {", "\"phone\": {\n    \"colour\": \"blue\",", 1);
    let error = store::parse(&with_extra, Path::new("extra.json")).expect_err("unknown field");
    let message = error.to_string();
    assert!(message.starts_with("extra.json:4:"), "{message}");
    assert!(message.contains("unknown field `colour`"), "{message}");
}

/// Texts that are not on screen are looked up in the other language's words before a step
/// says so, through an index built once: thousands of such lookups of texts long and short,
/// on a Chinese phone and an English one, end in seconds, not minutes (a scan of the table
/// took 70 µs a lookup in release; 100,000 of them now take 1.6–2.0 s there).
#[test]
fn texts_looked_up_in_the_other_language_cost_little_however_many() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (language, length, count) in [("zh-CN", 22, 5_000), ("en", 330, 500), ("zh-CN", 12, 5_000)]
    {
        let steps: Vec<String> = (0..count)
            .map(|i| {
                let text: String = "abcdefghij klmnop, · 设置小米账号"
                    .chars()
                    .cycle()
                    .skip(i % 7)
                    .take(length)
                    .collect();
                serde_json::json!({"expect": {"not": {"text": text}}}).to_string()
            })
            .collect();
        let path = fixture(
            dir.path(),
            &format!("lookups-{language}-{length}.json"),
            &format!(", \"language\": \"{language}\""),
            &steps.join(",\n  "),
        );
        passes(&path);
    }
}

#[test]
fn typing_is_linear_and_a_field_keeps_256_characters() {
    let mut engine = phone();
    tap(&mut engine, "settings.about_phone");
    tap(&mut engine, "about.device_name");
    let mut engine = {
        for _ in 0..10 {
            engine.apply(Action::Type("a".repeat(100_000)));
        }
        engine
    };
    let value = engine
        .view()
        .find("dialog.device_name")
        .and_then(|e| e.value.clone())
        .expect("the field");
    assert_eq!(value.chars().count(), 256);
    engine.apply(Action::Back);
}

#[test]
fn control_characters_in_the_device_file_do_not_shift_rows() {
    let mut device = DeviceFile::factory_default();
    device.phone.name = "Lei's\tphone\u{7}\u{1b}[31m".into();
    let engine = phone_with(device);
    let view = engine.view();
    for element in &view.elements {
        for text in [
            Some(&element.label),
            element.value.as_ref(),
            element.summary.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            assert!(
                !text.chars().any(|c| c.is_control() && c != '\n'),
                "{text:?}"
            );
        }
    }
}

/// Large accounts stay interactive: 100,000 contacts and photos on the phone and in the cloud,
/// 100,000 sign-ins and 10,000 devices. Sign-in (with its sync), a sync, the device list and a
/// save each end (generous guards against a freeze; the timings are in `mi-settings bench`).
#[test]
fn a_large_account_syncs_lists_and_saves() {
    let (engine, dir) = {
        let device = mi_settings::shells::bench::large_device(100_000, 10_000, 100_000);
        let mut engine = phone_with(device);
        tap(&mut engine, "settings.account");
        tap(&mut engine, "account.cloud");
        tap(&mut engine, "cloud.sync_now");
        engine.apply(Action::Back);
        tap(&mut engine, "account.devices");
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("large.json");
        let (mut store, _, _) = Store::open(&path).expect("store");
        store.save(engine.device()).expect("saved");
        (engine, dir)
    };
    assert_eq!(engine.view().screen, "devices");
    assert!(
        engine.device().data.contacts.len() >= 150_000,
        "the cloud's came down"
    );
    // Read back, the login history is cut to the newest 500 the account keeps.
    let saved = store::load(&dir.path().join("large.json")).expect("loads");
    assert_eq!(saved.cloud.accounts[0].login_history.len(), 500);
    drop(dir);
}

/// How a fixture of the corpus ends.
enum Ends {
    /// Refused before anything ran, with its position and this message.
    Refused(&'static str),
    /// Its set-up or a step fails with a message holding each of these.
    Fails(&'static [&'static str]),
    Passes,
}

/// The fixtures that once panicked, hung or blew up the memory (named after the finding), and
/// how each must end now: quickly, refused with a position, failed with a message, or passed.
const CORPUS: &[(&str, Ends)] = &[
    (
        "h1-back-4294967295.json",
        Ends::Refused("back 4294967295 is more than 100 presses"),
    ),
    ("h1-backs-at-the-root.json", Ends::Passes),
    ("h2-type-10000-characters.json", Ends::Passes),
    (
        "h2-type-20000-characters.json",
        Ends::Refused("a text of 20000 characters is more than 10000"),
    ),
    (
        "h3-device-dev-stdin.json",
        Ends::Fails(&["h3-device-dev-stdin.json:1: device: /dev/stdin: not a regular file"]),
    ),
    (
        "m1-device-dev-zero.json",
        Ends::Fails(&["m1-device-dev-zero.json:1: device: /dev/zero: not a regular file"]),
    ),
    (
        "m2-costly-password-hash.json",
        Ends::Fails(&[
            "m2-costly-password-hash.json:1: device: ",
            "tests/hostile/devices/costly-password-hash.json:209:131: at cloud.accounts[0].password_hash: the password hash asks for m=4194304 KiB",
        ]),
    ),
    (
        "p1-wait-2600000000h.json",
        Ends::Refused("at steps[0].wait: 2600000000h is longer than a century"),
    ),
    (
        "p1-wait-max-seconds.json",
        Ends::Refused("at steps[1].wait: 9223372036854775s is longer"),
    ),
    (
        "p2-clock-end-of-chrono.json",
        Ends::Refused("at clock: +262142-12-31T23:59:59+00:00 is outside the supported years"),
    ),
    ("p2-clock-end-of-time-runs.json", Ends::Passes),
    ("p3-login-history-at-the-edge.json", Ends::Passes),
    (
        "p3-login-history-out-of-range.json",
        Ends::Fails(&[
            "p3-login-history-out-of-range.json:1: device: ",
            "tests/hostile/devices/login-after-the-end-of-time.json:263:43: at cloud.accounts[0].login_history[0].at: +262142",
        ]),
    ),
    (
        "r21-text-after-the-fixture.json",
        Ends::Refused("more after the fixture's object: a file holds one fixture"),
    ),
    (
        "r21-two-fixtures-in-one-file.json",
        Ends::Refused("more after the fixture's object: a file holds one fixture"),
    ),
    (
        "w1-invalid-utf8.json",
        Ends::Refused("not UTF-8 text (the byte at offset 42 is not)"),
    ),
    (
        "w2-terminal-0x24.json",
        Ends::Refused("at terminal: 0x24 is not a usable terminal size"),
    ),
    (
        "w2-version-2.json",
        Ends::Refused("at version: fixture version 2 is not supported"),
    ),
    (
        "w3-device-path-of-5000-characters.json",
        Ends::Refused("at device: a path of 5000 characters is longer than 1024"),
    ),
    (
        "w3-long-value-in-a-failure.json",
        Ends::Fails(&[
            "no account with Mi Account ID \"wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww…\"",
        ]),
    ),
    (
        "w3-name-of-24000-characters.json",
        Ends::Refused("at name: a name of 24000 characters is more than 200"),
    ),
    (
        "x2-device-outside-the-folder.json",
        Ends::Refused("at device: \"../../Cargo.toml\" leads out of the fixture's folder"),
    ),
    (
        "x2-snapshot-named-con.json",
        Ends::Refused("\"CON\" is a device name on Windows"),
    ),
    (
        "x2-snapshot-with-a-newline.json",
        Ends::Refused("is not a portable name"),
    ),
];

#[test]
fn the_corpus_of_once_hostile_fixtures_ends_as_it_should() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
    let files = batch::collect(std::slice::from_ref(&corpus)).expect("the corpus");
    let names: Vec<String> = files
        .iter()
        .filter_map(|f| f.file_name().map(|n| n.to_string_lossy().into_owned()))
        .collect();
    let listed: Vec<&str> = CORPUS.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, listed, "every corpus file is listed here, in order");
    for (file, (name, ends)) in files.into_iter().zip(CORPUS) {
        match ends {
            Ends::Refused(message) => {
                malformed(&file, message);
            }
            Ends::Passes => passes(&file),
            Ends::Fails(messages) => {
                let (result, printed) = replay_in_ci(&[file]);
                assert_eq!(result, ran(0, 1), "{name}: {printed}");
                for message in *messages {
                    assert!(
                        printed.contains(message),
                        "{name}: {message:?} not in {printed}"
                    );
                }
                assert!(
                    printed.lines().all(|l| l.chars().count() < 600),
                    "{printed}"
                );
            }
        }
    }
}

fn _engine_is_send(engine: Engine) -> impl Send {
    engine
}

/// X1: a password typed into a field, or named by a step (`expect_no_text "Xiaomi#2026"`),
/// never reaches a transcript, a cast or a failure message: every project fixture that types one.
#[test]
fn passwords_stay_out_of_transcripts_casts_and_failures() {
    use mi_settings::shells::replay::run as runner;
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let files = batch::collect(std::slice::from_ref(&fixtures)).expect("fixtures");
    let mut typing_one = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        if !text.contains("Xiaomi#2026") {
            continue;
        }
        typing_one += 1;
        let loaded = mi_settings::shells::replay::load(&file).expect("loads");
        let captured = runner::run_captured(&loaded, &runner::Options::default());
        assert!(captured.report.failure.is_none(), "{}", file.display());
        assert!(
            captured.transcript.contains("step 1:"),
            "a transcript was written"
        );
        for (what, written) in [
            ("transcript", &captured.transcript),
            ("cast", &captured.cast),
        ] {
            assert!(
                !written.contains("Xiaomi#2026"),
                "{}: the {what} holds the password",
                file.display()
            );
        }
    }
    assert!(
        typing_one >= 10,
        "{typing_one} fixtures type the demo password"
    );
    // A failing expectation does not print it either; a password typed earlier is masked too.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = fixture(
        dir.path(),
        "typed.json",
        "",
        r#"{"tap_id": "settings.account"}, {"tap": "Sign in"}, {"key": "tab"},
  {"type": "Secret#4242"}, {"expect_text": "Secret#4242"}"#,
    );
    let (result, printed) = replay_in_ci(&[path]);
    assert!(
        matches!(result, Ok(BatchResult::Ran { failed: 1, .. })),
        "{printed}"
    );
    assert!(!printed.contains("Secret#4242"), "{printed}");
    assert!(printed.contains("•••••••••••"), "{printed}");
}

/// X2: a relative `device` stays in the fixture's folder (no `..`, no symbolic link out of it);
/// an absolute path is the author's explicit choice and works.
#[test]
fn a_fixture_reads_devices_only_where_it_says_and_writes_snapshots_only_in_its_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let outside = tempfile::tempdir().expect("another folder");
    let elsewhere = write(
        outside.path(),
        "elsewhere.json",
        store::to_json(&signed_in_device()),
    );
    let path = fixture(
        dir.path(),
        "up.json",
        ", \"device\": \"sub/../../elsewhere.json\"",
        "",
    );
    malformed(
        &path,
        "at device: \"sub/../../elsewhere.json\" leads out of the fixture's folder",
    );
    let absolute = format!(", \"device\": {:?}", elsewhere.display().to_string());
    let path = fixture(
        dir.path(),
        "absolute.json",
        &absolute,
        r#"{"tap_id": "settings.account"}"#,
    );
    passes(&path);
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(&elsewhere, dir.path().join("link.json")).expect("link");
        let path = fixture(
            dir.path(),
            "link.json.fixture.json",
            ",\n \"device\": \"link.json\"",
            "",
        );
        let (result, printed) = replay_in_ci(&[path]);
        assert!(
            matches!(result, Ok(BatchResult::Ran { failed: 1, .. })),
            "{printed}"
        );
        assert!(printed.contains(":2: device: "), "{printed}");
        assert!(
            printed.contains("leads out of the fixture's folder through a symbolic link"),
            "{printed}"
        );
        // A link inside the folder is fine.
        let inside = write(
            dir.path(),
            "inside.json",
            store::to_json(&signed_in_device()),
        );
        std::os::unix::fs::symlink(&inside, dir.path().join("near.json")).expect("link");
        let path = fixture(
            dir.path(),
            "near-link.json",
            ", \"device\": \"near.json\"",
            "",
        );
        passes(&path);

        // A `<stem>.snapshots` folder that is a link is neither read nor written through.
        std::os::unix::fs::symlink(outside.path(), dir.path().join("shot.snapshots"))
            .expect("link");
        let path = fixture(dir.path(), "shot.json", "", r#"{"snapshot": "home"}"#);
        let options = BatchOptions {
            update_snapshots: true,
            ..BatchOptions::default()
        };
        let (result, printed) = replay_with(&[path], &options);
        assert!(
            matches!(result, Ok(BatchResult::Ran { failed: 1, .. })),
            "{printed}"
        );
        assert!(
            printed.contains("shot.snapshots is a symbolic link"),
            "{printed}"
        );
        assert!(
            !outside.path().join("home.txt").exists(),
            "nothing written outside"
        );
    }
}
