//! Durable, private data: the agent's episode logs, lesson progress and the agent's pipe,
//! attacked as the third round of attacks did (real processes and real pipes where it matters).

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use serde_json::json;

use mi_settings::play::lesson::progress::{self, Attempt};
use mi_settings::shells::progress::{ProgressFile, load as load_progress};
use mi_settings::shells::replay::batch::{BatchOptions, BatchResult};

use crate::common::ask;
use crate::common::batch::{Replayed, ran, replay_with, with_the_catalogue};

fn agent_process(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_mi-settings"))
        .arg("agent")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the agent starts")
}

/// Replays every log in `dir` with the task catalogue at hand: how many passed and failed.
fn replay_logs(dir: &Path) -> Replayed {
    let options = with_the_catalogue(BatchOptions {
        ci: true,
        ..BatchOptions::default()
    });
    replay_with(&[dir.to_path_buf()], &options)
}

fn logs(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    found.sort();
    found
}

/// Requests for `episodes` short episodes (a reset and three steps each), then close.
fn script(episodes: usize, task: &str) -> String {
    let mut lines = String::new();
    for n in 0..episodes {
        lines.push_str(&format!(
            "{{\"op\":\"reset\",\"task\":\"{task}\",\"seed\":{}}}\n",
            n % 4
        ));
        for action in [
            r#"{"action_type":"click","label":"Bluetooth"}"#,
            r#"{"action_type":"navigate_back"}"#,
            r#"{"action_type":"scroll","direction":"down"}"#,
        ] {
            lines.push_str(&format!("{{\"op\":\"step\",\"action\":{action}}}\n"));
        }
    }
    lines.push_str("{\"op\":\"close\"}\n");
    lines
}

/// Two agent processes logging into one folder at once: every episode of both gets a file of
/// its own, whole, that replays.
#[test]
fn two_agents_on_one_log_folder_never_collide() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().to_str().expect("a path");
    let children: Vec<Child> = (0..2)
        .map(|_| agent_process(&["--log-dir", folder]))
        .collect();
    let mut readers = Vec::new();
    for mut child in children {
        let mut stdin = child.stdin.take().expect("stdin");
        let requests = script(30, "turn_on_bluetooth");
        readers.push(std::thread::spawn(move || {
            stdin.write_all(requests.as_bytes()).expect("writes");
            drop(stdin);
            let mut out = String::new();
            child
                .stdout
                .take()
                .expect("stdout")
                .read_to_string(&mut out)
                .expect("reads");
            child.wait().expect("ends");
            out.lines().count()
        }));
    }
    for reader in readers {
        assert_eq!(reader.join().expect("joins"), 30 * 4 + 1);
    }
    let found = logs(dir.path());
    assert_eq!(found.len(), 60, "{found:?}");
    let (result, printed) = replay_logs(dir.path());
    assert_eq!(result, ran(60, 0), "{printed}");
}

/// Killed at random points while it logs episodes, again and again: the folder never holds a
/// part of a log, so it always replays whole.
#[test]
fn a_killed_agent_never_leaves_a_part_of_a_log() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().to_str().expect("a path");
    for round in 0..12 {
        let mut child = agent_process(&["--log-dir", folder]);
        let mut stdin = child.stdin.take().expect("stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let requests = script(40, "turn_on_bluetooth");
        // The agent is killed before it reads them all: writing may then fail, as it should.
        let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()).is_ok());
        // Killed after a number of answers that differs from round to round.
        let answers = 5 + round * 11;
        let mut line = String::new();
        for _ in 0..answers {
            line.clear();
            if stdout.read_line(&mut line).unwrap_or(0) == 0 {
                break;
            }
        }
        child.kill().expect("kill -9");
        child.wait().expect("ends");
        writer.join().expect("the writer ends");
    }
    assert!(!logs(dir.path()).is_empty());
    let (result, printed) = replay_logs(dir.path());
    assert!(
        matches!(result, Ok(BatchResult::Ran { failed: 0, .. })),
        "{printed}"
    );
}

/// The reader of the answers gone (a broken pipe), or SIGTERM: the running episode is logged.
#[test]
fn the_running_episode_is_logged_at_a_broken_pipe_and_at_sigterm() {
    for ending in ["broken pipe", "sigterm"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut child = agent_process(&["--log-dir", dir.path().to_str().expect("a path")]);
        let mut stdin = child.stdin.take().expect("stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        for request in [
            r#"{"op":"reset","task":"turn_on_bluetooth","seed":0}"#,
            r#"{"op":"step","action":{"action_type":"click","label":"Bluetooth"}}"#,
        ] {
            writeln!(stdin, "{request}").expect("writes");
            stdin.flush().expect("flushes");
            line.clear();
            stdout.read_line(&mut line).expect("an answer");
        }
        match ending {
            "broken pipe" => {
                drop(stdout);
                // Requests keep coming; the answers have nowhere to go.
                for _ in 0..200 {
                    if writeln!(stdin, r#"{{"op":"render"}}"#).is_err() {
                        break;
                    }
                }
                drop(stdin);
            }
            _ => {
                let pid = child.id().to_string();
                let sent = Command::new("kill").args(["-TERM", &pid]).status();
                assert!(sent.is_ok_and(|s| s.success()));
            }
        }
        child.wait().expect("ends");
        let found = logs(dir.path());
        assert_eq!(found.len(), 1, "{ending}: {found:?}");
        let (result, printed) = replay_logs(dir.path());
        assert_eq!(result, ran(1, 0), "{ending}: {printed}");
    }
}

/// A refused reset (a bad size, an unknown task, a skin the task does not allow) leaves the
/// running episode as it was: its steps go on counting, and it is logged once, whole.
#[test]
fn a_refused_reset_leaves_the_episode_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut agent = crate::common::agent_server(Some(dir.path()), false);
    ask(
        &mut agent,
        json!({"op": "reset", "task": "sign_out_keep_data", "seed": 0}),
    );
    for _ in 0..5 {
        ask(
            &mut agent,
            json!({"op": "step", "action": {"action_type": "scroll", "direction": "down"}}),
        );
    }
    for refused in [
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0, "options": {"width": 5}}),
        json!({"op": "reset", "task": "no_such_task", "seed": 0}),
        json!({"op": "reset", "task": "sign_out_keep_data", "seed": 0, "options": {"skin": "hyperos"}}),
    ] {
        let answer = ask(&mut agent, refused);
        assert!(answer["error"].is_string(), "{answer}");
    }
    let next = ask(
        &mut agent,
        json!({"op": "step", "action": {"action_type": "navigate_back"}}),
    );
    assert_eq!(next["info"]["steps"], json!(6), "{next}");
    ask(&mut agent, json!({"op": "close"}));
    assert_eq!(logs(dir.path()).len(), 1);
}

/// A link planted where the next log goes is never followed: the file it leads to stays as it
/// was, and the log takes the next name.
#[cfg(unix)]
#[test]
fn a_planted_link_is_never_followed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "keep me").expect("writes");
    let logs_dir = dir.path().join("logs");
    std::fs::create_dir(&logs_dir).expect("folder");
    std::os::unix::fs::symlink(&victim, logs_dir.join("00001-turn_on_bluetooth-seed0.json"))
        .expect("links");
    let mut agent = crate::common::agent_server(Some(&logs_dir), false);
    ask(
        &mut agent,
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0}),
    );
    ask(
        &mut agent,
        json!({"op": "step", "action": {"action_type": "click", "label": "Bluetooth"}}),
    );
    ask(&mut agent, json!({"op": "close"}));
    assert_eq!(std::fs::read_to_string(&victim).expect("reads"), "keep me");
    assert!(
        logs_dir
            .join("00002-turn_on_bluetooth-seed0.json")
            .is_file()
    );
}

/// However far ahead a client writes before it reads (here 4 MB of requests), the agent keeps
/// reading: every answer comes, in order.
#[test]
fn a_client_writing_far_ahead_never_deadlocks() {
    let mut child = agent_process(&[]);
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let mut requests =
        String::from("{\"op\":\"reset\",\"task\":\"turn_on_bluetooth\",\"seed\":0}\n");
    let count = 20_000;
    for _ in 0..count {
        requests.push_str("{\"op\":\"render\"}\n");
    }
    requests.push_str("{\"op\":\"close\"}\n");
    // Everything is written before a single answer is read.
    stdin
        .write_all(requests.as_bytes())
        .expect("the agent takes it all in");
    drop(stdin);
    let answers = BufReader::new(stdout).lines().count();
    assert_eq!(answers, count + 2);
    child.wait().expect("ends");
}

/// Learners sharing one progress file, finishing together: every attempt is kept.
#[test]
fn concurrent_learners_keep_every_attempt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("progress.json");
    let learners = 8;
    let rounds = 10;
    let threads: Vec<_> = (0..learners)
        .map(|learner| {
            let path = path.clone();
            std::thread::spawn(move || {
                for round in 0..rounds {
                    let mut file = ProgressFile::open(path.clone()).expect("opens");
                    let attempt = Attempt {
                        done: round % 2 == 0,
                        steps: 3 + learner,
                        hints: 0,
                        seconds: 5,
                        at: chrono::DateTime::<chrono::Utc>::default(),
                    };
                    file.record(&format!("task_{}", learner % 3), &attempt)
                        .expect("saved");
                }
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("joins");
    }
    let saved = load_progress(&path).expect("reads");
    let attempts: u32 = saved.tasks.values().map(|t| t.attempts).sum();
    assert_eq!(attempts, learners * rounds);
}

/// The progress file follows the device file's rules: a link is followed (its target saved), a
/// read-only file or one with other hard links is refused and left as it is, permissions are
/// kept, and a large file is saved in a size the next lesson reads.
#[cfg(unix)]
#[test]
fn the_progress_file_keeps_the_device_files_rules() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let attempt = Attempt {
        done: true,
        steps: 4,
        hints: 1,
        seconds: 9,
        at: chrono::DateTime::<chrono::Utc>::default(),
    };
    // A link: the file it leads to is the one saved, and the link stays a link.
    let real = dir.path().join("real.json");
    let link = dir.path().join("progress.json");
    std::os::unix::fs::symlink(&real, &link).expect("links");
    std::fs::write(&real, r#"{"version": 1}"#).expect("writes");
    ProgressFile::open(link.clone())
        .expect("opens")
        .record("turn_on_bluetooth", &attempt)
        .expect("saves");
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(
        load_progress(&real)
            .expect("reads")
            .done("turn_on_bluetooth")
    );
    // Permissions kept: a 0644 file stays 0644.
    let shared = dir.path().join("shared.json");
    std::fs::write(&shared, r#"{"version": 1}"#).expect("writes");
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o644)).expect("mode");
    ProgressFile::open(shared.clone())
        .expect("opens")
        .record("turn_on_bluetooth", &attempt)
        .expect("saves");
    let mode = std::fs::metadata(&shared)
        .expect("meta")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
    // Read-only: refused, and left as it is.
    let locked = dir.path().join("locked.json");
    std::fs::write(&locked, r#"{"version": 1}"#).expect("writes");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).expect("mode");
    let error = ProgressFile::open(locked.clone())
        .expect("opens")
        .record("turn_on_bluetooth", &attempt)
        .expect_err("refused");
    assert!(error.contains("read-only"), "{error}");
    assert_eq!(
        std::fs::read_to_string(&locked).expect("reads"),
        r#"{"version": 1}"#
    );
    // Hard links: refused (a save would split them).
    let one = dir.path().join("one.json");
    std::fs::write(&one, r#"{"version": 1}"#).expect("writes");
    std::fs::hard_link(&one, dir.path().join("two.json")).expect("links");
    let error = ProgressFile::open(one.clone())
        .expect("opens")
        .record("turn_on_bluetooth", &attempt)
        .expect_err("refused");
    assert!(error.contains("hard link"), "{error}");
    // A large progress (100,000 tasks the catalogue never had) saved compact: it reads again.
    let large = dir.path().join("large.json");
    let mut tasks = serde_json::Map::new();
    for n in 0..100_000 {
        tasks.insert(
            format!("someone_elses_task_{n:06}"),
            json!({"done": true, "best_steps": 3, "hints": 0, "attempts": 2}),
        );
    }
    std::fs::write(
        &large,
        serde_json::to_string(&json!({"version": 1, "tasks": tasks})).expect("json"),
    )
    .expect("writes");
    ProgressFile::open(large.clone())
        .expect("opens")
        .record("turn_on_bluetooth", &attempt)
        .expect("saves");
    let saved = load_progress(&large).expect("the next lesson reads it");
    assert_eq!(saved.tasks.len(), 100_001);
}

/// Task ids in the progress file are anybody's text: the report shows no control character and
/// no mark that reorders text (a right-to-left override would disguise the id).
#[test]
fn the_report_shows_no_escape_sequence_from_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("progress.json");
    std::fs::write(
        &path,
        r#"{"version": 1, "tasks": {"evil\u001b[2J\u001b]0;pwned\u0007": {"done": true, "attempts": 1}, "rtl\u202egpj.exe\u2066": {"attempts": 1}}}"#,
    )
    .expect("writes");
    let saved = load_progress(&path).expect("reads");
    let catalogue = mi_settings::play::tasks::builtin().expect("catalogue");
    let report = progress::report(&catalogue, &saved, &path);
    assert!(
        !report.chars().any(|c| c.is_control() && c != '\n'),
        "{report:?}"
    );
    assert!(!report.contains(['\u{202e}', '\u{2066}']), "{report:?}");
    assert!(
        report.contains("evil") && report.contains("rtl?gpj.exe?"),
        "{report}"
    );
}

/// A long value is never echoed whole: an unknown task of 900 KB, in the agent and in `tasks`.
#[test]
fn long_values_are_cut_in_messages() {
    let long = "x".repeat(900_000);
    let mut agent = crate::common::agent_server(None, false);
    let answer = ask(&mut agent, json!({"op": "reset", "task": long, "seed": 0}));
    let error = answer["error"].as_str().unwrap_or_default();
    assert!(
        !error.is_empty() && error.len() < 400,
        "{} bytes",
        error.len()
    );
    let output = Command::new(env!("CARGO_BIN_EXE_mi-settings"))
        .args(["tasks", "show", &"y".repeat(100_000)])
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(said.len() < 400, "{} bytes", said.len());
}
