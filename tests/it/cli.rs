//! The command line as a person uses it: `device path | show | reset | validate`, the global
//! `--device` option and the environment variable.

use std::path::Path;
use std::process::{Command, Output};

use mi_settings::sim::device::CURRENT_VERSION;

fn mi_settings(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mi-settings"));
    command.args(args).env_remove("MI_SETTINGS_DEVICE");
    command
}

fn run(command: &mut Command) -> (bool, String, String) {
    let Output {
        status,
        stdout,
        stderr,
    } = command.output().expect("run mi-settings");
    (
        status.success(),
        String::from_utf8_lossy(&stdout).into_owned(),
        String::from_utf8_lossy(&stderr).into_owned(),
    )
}

fn write_default(path: &Path) {
    std::fs::write(path, mi_settings::sim::device::DEFAULT_DEVICE_JSON).expect("write");
}

#[test]
fn device_option_works_before_and_after_the_subcommand_and_env_var_too() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("phone.json");
    let path_text = path.to_str().expect("utf-8 path");
    for args in [
        vec!["--device", path_text, "device", "path"],
        vec!["device", "--device", path_text, "path"],
        vec!["device", "path", "--device", path_text],
    ] {
        let (ok, out, _) = run(&mut mi_settings(&args));
        assert!(ok);
        assert_eq!(out.trim(), path_text, "{args:?}");
    }
    let (ok, out, _) = run(mi_settings(&["device", "path"]).env("MI_SETTINGS_DEVICE", path_text));
    assert!(ok);
    assert_eq!(out.trim(), path_text);
}

#[test]
fn default_path_is_in_the_users_data_folder() {
    let (ok, out, _) = run(&mut mi_settings(&["device", "path"]));
    assert!(ok);
    assert!(out.trim().ends_with("device.json"), "{out}");
    assert!(out.contains("mi-settings"), "{out}");
}

#[test]
fn show_and_validate_a_good_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("device.json");
    write_default(&path);
    let p = path.to_str().expect("utf-8 path");
    let (ok, out, _) = run(&mut mi_settings(&["--device", p, "device", "show"]));
    assert!(ok);
    assert!(
        out.contains(&format!("\"version\": {CURRENT_VERSION}")),
        "{out}"
    );
    let (ok, out, _) = run(&mut mi_settings(&["--device", p, "device", "validate"]));
    assert!(ok);
    assert_eq!(
        out.trim(),
        format!("{p}: valid (version {CURRENT_VERSION})")
    );
}

#[test]
fn a_corrupt_file_is_reported_with_line_and_column_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("device.json");
    let broken = mi_settings::sim::device::DEFAULT_DEVICE_JSON.replacen(
        "\"wifi\": true,",
        "\"wifi\": true",
        1,
    );
    std::fs::write(&path, &broken).expect("write");
    let p = path.to_str().expect("utf-8 path");
    for command in ["show", "validate"] {
        let (ok, _, err) = run(&mut mi_settings(&["--device", p, "device", command]));
        assert!(!ok);
        // The error on one line, then how to recover.
        assert!(
            err.starts_with(&format!("mi-settings: {p}:18:5: ")),
            "{err}"
        );
        assert!(
            err.lines()
                .nth(1)
                .is_some_and(|l| l == "The file was left as it is.")
        );
    }
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(names, vec!["device.json"]);
}

#[test]
fn validate_reports_semantic_problems_and_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("device.json");
    let odd = mi_settings::sim::device::DEFAULT_DEVICE_JSON.replacen(
        "\"battery_percent\": 78",
        "\"battery_percent\": 140",
        1,
    );
    std::fs::write(&path, odd).expect("write");
    let p = path.to_str().expect("utf-8 path");
    let (ok, _, err) = run(&mut mi_settings(&["--device", p, "device", "validate"]));
    assert!(!ok);
    assert!(err.contains("/phone/battery_percent"), "{err}");
}

#[test]
fn reset_keeps_the_old_file_as_bak() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("device.json");
    std::fs::write(&path, "not json at all").expect("write");
    let p = path.to_str().expect("utf-8 path");
    let (ok, out, _) = run(&mut mi_settings(&["--device", p, "device", "reset"]));
    assert!(ok, "{out}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("device.json.bak")).expect("bak"),
        "not json at all"
    );
    let (ok, _, _) = run(&mut mi_settings(&["--device", p, "device", "validate"]));
    assert!(ok);
}

#[test]
fn without_a_terminal_the_phone_explains_instead_of_drawing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("device.json");
    let p = path.to_str().expect("utf-8 path");
    let (ok, _, err) = run(&mut mi_settings(&["--device", p]));
    assert!(!ok);
    assert!(err.contains("needs a terminal"), "{err}");
}

#[test]
fn unknown_subcommands_and_options_are_refused_with_usage() {
    let (ok, _, err) = run(&mut mi_settings(&["devise"]));
    assert!(!ok);
    assert!(err.contains("unrecognized subcommand 'devise'"), "{err}");
}

#[test]
fn a_bare_relative_file_name_is_used_in_the_current_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (ok, _, err) =
        run(mi_settings(&["--device", "device.json", "device", "reset"]).current_dir(dir.path()));
    assert!(ok, "{err}");
    assert!(dir.path().join("device.json").exists());
}

/// `bench --quick` runs every measurement on small workloads (the full bench, a minute on a
/// 76 MB account, is for a release build): the report keeps its shape, and every line its
/// figure or ratio.
#[test]
fn bench_runs_and_reports_every_measurement() {
    let (ok, out, err) = run(&mut mi_settings(&["bench", "--quick"]));
    assert!(ok, "{err}");
    for line in [
        "start-up to first frame",
        "step: update + view",
        "rendered step: update + view + draw 60x24 + frame text",
        "ratatui baseline: bordered 20-row List, Terminal::draw",
        "device file save",
        "agent protocol, Rust client over a pipe: step",
        "rendered step / bordered 20-row List",
        "Mi Cloud: Sync now",
        "device file read",
    ] {
        assert!(out.contains(line), "{line} missing from:\n{out}");
    }
    let mut lines = out.lines();
    assert!(
        lines
            .next()
            .is_some_and(|l| l.starts_with("mi-settings bench (70 iterations per line")),
        "{out}"
    );
    // Each line's last words: its figure and unit ("12.34 µs  81037 /s", "1.25x", "0.43 ms").
    let mut units = Vec::new();
    for line in lines {
        if line.starts_with("large account: 1,000 contacts") {
            units.push("account");
            continue;
        }
        assert!(line.starts_with("  "), "{line:?} in:\n{out}");
        let words: Vec<&str> = line.split_whitespace().rev().take(4).collect();
        let (figure, unit) = match words.as_slice() {
            ["/s", rate, "µs", time, ..] => {
                assert!(rate.parse::<f64>().is_ok_and(f64::is_finite), "{line:?}");
                (*time, "µs")
            }
            [unit @ ("ms" | "MB"), figure, ..] => (*figure, *unit),
            [ratio, ..] if ratio.ends_with('x') => (ratio.trim_end_matches('x'), "x"),
            _ => panic!("no figure in {line:?} of:\n{out}"),
        };
        assert!(figure.parse::<f64>().is_ok_and(f64::is_finite), "{line:?}");
        units.push(unit);
    }
    let count = |unit: &str| units.iter().filter(|u| **u == unit).count();
    assert_eq!(
        [
            count("µs"),
            count("x"),
            count("account"),
            count("ms"),
            count("MB")
        ],
        [18, 4, 1, 9, 1],
        "{out}"
    );
    assert_eq!(units.len(), 33, "{out}");
    // The small workloads are `--quick`'s own: no iterations beside them.
    let (ok, _, err) = run(&mut mi_settings(&[
        "bench",
        "--quick",
        "--iterations",
        "70",
    ]));
    assert!(!ok);
    assert!(err.contains("cannot be used with"), "{err}");
}

/// A device file that cannot be read says how to recover, with the exact commands: the last
/// good copy first when there is one, then a fresh start; and the file is left alone.
#[test]
fn an_unreadable_device_file_says_how_to_recover() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("my phone.json");
    std::fs::write(&path, "{ \"version\": 3, \"phone\": ").expect("write");
    let p = path.to_str().expect("utf-8 path");
    let (ok, _, err) = run(&mut mi_settings(&["--device", p, "device", "show"]));
    assert!(!ok);
    assert!(err.contains("EOF while parsing"), "{err}");
    assert!(err.contains("The file was left as it is."), "{err}");
    assert!(
        err.contains(&format!("mi-settings --device '{p}' device reset")),
        "{err}"
    );
    assert!(!err.contains("cp "), "no good copy yet: {err}");

    let backup = format!("{p}.bak");
    write_default(Path::new(&backup));
    let (_, _, err) = run(&mut mi_settings(&["--device", p, "device", "show"]));
    assert!(err.contains(&format!("cp '{backup}' '{p}'")), "{err}");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "{ \"version\": 3, \"phone\": "
    );
}

/// D4: `--record` is checked before the session starts: never the device file (it was once
/// overwritten by the recording), never a folder, never where no file can be made.
#[test]
fn a_recording_path_that_cannot_work_is_refused_at_the_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("device.json");
    write_default(&path);
    let before = std::fs::read(&path).expect("read");
    let p = path.to_str().expect("utf-8 path");
    let bak = format!("{p}.bak");
    let folder = dir.path().to_str().expect("utf-8 path");
    let missing = dir.path().join("no/such/folder/walk.json");
    let missing = missing.to_str().expect("utf-8 path");
    for (record, says) in [
        (p, "that is the device file; record to another file"),
        (bak.as_str(), "that is the device file's companion"),
        (folder, "not a regular file"),
        (missing, "cannot write the recording there"),
    ] {
        let (ok, _, err) = run(&mut mi_settings(&["--device", p, "--record", record]));
        assert!(!ok, "{record}");
        assert!(err.contains(says), "{record}: {err}");
        assert!(!err.contains("needs a terminal"), "checked first: {err}");
    }
    // The same file by another name is the same file.
    let other_name = format!("{folder}/./device.json");
    let (_, _, err) = run(&mut mi_settings(&["--device", p, "--record", &other_name]));
    assert!(err.contains("that is the device file"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before, "untouched");
    // A good path passes the check (and leaves no file behind: the session never ran).
    let good = dir.path().join("walk.json");
    let (_, _, err) = run(&mut mi_settings(&[
        "--device",
        p,
        "--record",
        good.to_str().expect("utf-8"),
    ]));
    assert!(err.contains("needs a terminal"), "{err}");
    assert!(!good.exists());
}
