//! The agent protocol, driven in-process line by line: the oracle (each task's reference
//! solution as actions) earns reward 1 on every task and seed, episodes are deterministic, bad
//! lines are answered and survived, impossible actions change nothing, and logged episodes
//! replay as fixtures.

use serde_json::{Value, json};

use crate::common::ask;
use crate::common::batch::{ran, replay_with, with_the_catalogue};
use mi_settings::shells::agent::{Server, serve};
use mi_settings::shells::replay::batch::BatchOptions;

pub(crate) fn task_ids(agent: &mut Server) -> Vec<String> {
    ask(agent, json!({"op": "tasks"}))["tasks"]
        .as_array()
        .expect("tasks")
        .iter()
        .map(|t| t["id"].as_str().unwrap_or_default().to_string())
        .collect()
}

#[test]
fn the_oracle_earns_reward_one_on_every_task_and_ten_seeds() {
    let mut agent = crate::common::agent_server(None, true);
    let ids = task_ids(&mut agent);
    assert!(ids.len() >= 40);
    for id in &ids {
        for seed in 0..10 {
            let reset = ask(&mut agent, json!({"op": "reset", "task": id, "seed": seed}));
            assert!(reset["info"]["goal"].is_string(), "{id} {seed}: {reset}");
            let actions = ask(&mut agent, json!({"op": "solution"}))["actions"].clone();
            let mut last = Value::Null;
            for action in actions.as_array().expect("actions") {
                last = ask(&mut agent, json!({"op": "step", "action": action}));
                assert!(
                    last["info"]["error"].is_null(),
                    "{id} {seed}: {action} → {last}"
                );
                if last["terminated"] == json!(true) {
                    break;
                }
            }
            assert_eq!(
                last["reward"],
                json!(1.0),
                "{id} seed {seed}: {}",
                last["info"]
            );
            assert_eq!(last["terminated"], json!(true));
        }
    }
}

#[test]
fn the_same_task_seed_and_actions_give_byte_identical_observations() {
    let script = |agent: &mut Server| -> Vec<String> {
        let mut lines = Vec::new();
        for request in [
            json!({"op": "reset", "task": "sign_in_with_email", "seed": 3, "options": {"frame": true}}),
            json!({"op": "step", "action": {"action_type": "click", "index": 3}}),
            json!({"op": "step", "action": {"action_type": "navigate_back"}}),
            json!({"op": "step", "action": {"action_type": "scroll", "direction": "down"}}),
            json!({"op": "step", "action": {"action_type": "wait", "seconds": 90}}),
            json!({"op": "render"}),
        ] {
            let (response, _) = agent.answer(&request.to_string());
            lines.push(serde_json::to_string(&response).expect("json"));
        }
        lines
    };
    let first = script(&mut crate::common::agent_server(None, false));
    let second = script(&mut crate::common::agent_server(None, false));
    assert_eq!(first, second);
}

#[test]
fn impossible_actions_change_nothing_say_why_and_count_as_steps() {
    let mut agent = crate::common::agent_server(None, true);
    let reset = ask(
        &mut agent,
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0}),
    );
    let count = reset["observation"]["elements"]
        .as_array()
        .map_or(0, Vec::len);
    for (action, says) in [
        (
            json!({"action_type": "click", "index": 999}),
            "index 999 is out of range",
        ),
        (
            json!({"action_type": "input_text", "text": "hello"}),
            "no text field has focus",
        ),
        (json!({"action_type": "fly"}), "unknown action_type"),
        (
            json!({"action_type": "scroll", "direction": "left"}),
            "scroll left: no page of the phone moves sideways",
        ),
        (json!({"action_type": "key", "key": "hyper"}), "unknown key"),
        (
            json!({"action_type": "click", "x": 0, "y": 0}),
            "nothing to touch",
        ),
    ] {
        let before = ask(&mut agent, json!({"op": "render"}));
        let response = ask(&mut agent, json!({"op": "step", "action": action}));
        let error = response["info"]["error"].as_str().unwrap_or_default();
        assert!(error.contains(says), "{action}: {response}");
        assert_eq!(ask(&mut agent, json!({"op": "render"})), before, "{action}");
        assert_eq!(
            response["observation"]["elements"]
                .as_array()
                .map_or(0, Vec::len),
            count
        );
    }
    let response = ask(
        &mut agent,
        json!({"op": "step", "action": {"action_type": "navigate_back"}}),
    );
    assert_eq!(response["info"]["steps"], json!(7), "errors count as steps");
}

#[test]
fn a_thousand_malformed_lines_are_each_answered_and_the_agent_stays_up() {
    let mut lines = String::new();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let pieces = [
        "{",
        "}",
        "\"op\"",
        ":",
        "\"step\"",
        "\"reset\"",
        "[",
        "]",
        "null",
        "1e999",
        "\"action\"",
        "{\"action_type\":",
        "\u{0}",
        "é",
        "\"task\":\"nope\"",
        ",",
        "\\",
        "\"seed\":-1",
    ];
    for _ in 0..1_000 {
        let mut line = String::new();
        for _ in 0..(state % 9 + 1) {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            line.push_str(pieces[(state >> 33) as usize % pieces.len()]);
        }
        lines.push_str(&line.replace('\n', " "));
        lines.push('\n');
    }
    // Also: bytes that are not UTF-8, an over-long line, and then a good request.
    let mut input = lines.into_bytes();
    input.extend_from_slice(&[0xff, 0xfe, b'\n']);
    input.extend(std::iter::repeat_n(b'x', 1_100_000));
    input.push(b'\n');
    input.extend_from_slice(b"{\"op\":\"tasks\"}\n");
    let mut agent = crate::common::agent_server(None, true);
    let mut output = Vec::new();
    let never = std::sync::atomic::AtomicBool::new(false);
    serve(
        &mut agent,
        std::io::BufReader::new(std::io::Cursor::new(input)),
        &mut output,
        &never,
    )
    .expect("serves");
    let answers: Vec<Value> = String::from_utf8(output)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each answer is JSON"))
        .collect();
    assert_eq!(answers.len(), 1_003, "one answer per line");
    let errors = answers.iter().filter(|a| a.get("error").is_some()).count();
    assert!(errors >= 1_000, "{errors} errors");
    assert!(answers.last().and_then(|a| a.get("tasks")).is_some());
}

#[test]
fn a_logged_episode_replays_as_a_fixture() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut agent = crate::common::agent_server(Some(dir.path()), true);
    ask(
        &mut agent,
        json!({"op": "reset", "task": "remove_a_device_on_the_phone", "seed": 2}),
    );
    let actions = ask(&mut agent, json!({"op": "solution"}))["actions"].clone();
    for action in actions.as_array().expect("actions") {
        ask(&mut agent, json!({"op": "step", "action": action}));
    }
    // A second episode, ended by reset and left undone.
    ask(
        &mut agent,
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0}),
    );
    ask(
        &mut agent,
        json!({"op": "step", "action": {"action_type": "click", "label": "Wi-Fi"}}),
    );
    ask(&mut agent, json!({"op": "close"}));
    let options = with_the_catalogue(BatchOptions::default());
    let (result, printed) = replay_with(&[dir.path().to_path_buf()], &options);
    assert_eq!(result, ran(2, 0), "{printed}");
}

/// A reset may ask for another skin or ROM where the task allows it (its reference solution
/// still does it there), and is refused with a reason where it does not.
#[test]
fn another_skin_or_rom_where_the_task_allows_it() {
    let mut agent = crate::common::agent_server(None, true);
    let reset = ask(
        &mut agent,
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0,
               "options": {"skin": "hyperos", "rom": "china"}}),
    );
    let first = &reset["observation"]["elements"][0];
    assert_eq!(
        first["label"],
        json!("Sign in to Xiaomi Account"),
        "{reset}"
    );
    let refused = ask(
        &mut agent,
        json!({"op": "reset", "task": "sign_out_keep_data", "seed": 0,
               "options": {"skin": "hyperos"}}),
    );
    let error = refused["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("cannot be played with that skin or ROM"),
        "{refused}"
    );
}

/// The real binary over real pipes: an agent that waits for each answer gets it, even while the
/// start of its next request is already in the pipe; one that sends requests ahead gets every
/// answer, in order.
#[test]
fn answers_come_at_once_to_a_waiting_agent_and_in_order_to_one_sending_ahead() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::Duration;

    let mut child = Command::new(env!("CARGO_BIN_EXE_mi-settings"))
        .arg("agent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the agent starts");
    let mut input = child.stdin.take().expect("stdin");
    let output = BufReader::new(child.stdout.take().expect("stdout"));
    let (lines, answers) = mpsc::channel();
    std::thread::spawn(move || {
        for line in output.lines() {
            if lines.send(line.expect("a line")).is_err() {
                return;
            }
        }
    });
    let answer = || {
        answers
            // Only a deadlock takes this long: the answer comes at once, or never.
            .recv_timeout(Duration::from_secs(300))
            .expect("an answer, not a deadlock")
    };
    // A whole request and half of the next one, then wait: the first answer must come.
    input
        .write_all(
            b"{\"op\":\"reset\",\"task\":\"put_the_phone_in_lost_mode\",\"seed\":3}\n{\"op\":",
        )
        .expect("writes");
    input.flush().expect("flushes");
    let reset: Value = serde_json::from_str(&answer()).expect("JSON");
    assert!(reset["observation"].is_object(), "{reset}");
    input.write_all(b"\"render\"}\n").expect("writes the rest");
    input.flush().expect("flushes");
    let render: Value = serde_json::from_str(&answer()).expect("JSON");
    assert!(render["frame"].is_string(), "{render}");
    // Fifty requests sent at once: fifty answers, the steps counted in order.
    let mut ahead = String::new();
    for _ in 0..50 {
        ahead.push_str(r#"{"op":"step","action":{"action_type":"scroll","direction":"down"}}"#);
        ahead.push('\n');
    }
    input.write_all(ahead.as_bytes()).expect("writes");
    input.flush().expect("flushes");
    for n in 1..=50 {
        let step: Value = serde_json::from_str(&answer()).expect("JSON");
        assert_eq!(step["info"]["steps"], json!(n), "{step}");
    }
    input.write_all(b"{\"op\":\"close\"}\n").expect("writes");
    drop(input);
    assert!(child.wait().expect("exits").success());
}

fn step(agent: &mut Server, action: Value) -> Value {
    ask(agent, json!({"op": "step", "action": action}))
}

/// An agent sees what a person sees: no reference solution unless asked for at start, no
/// device file through `text_from`, no phone's value in an error or an outcome.
#[test]
fn an_agent_cannot_read_the_hidden_phone() {
    let mut agent = crate::common::agent_server(None, false);
    ask(
        &mut agent,
        json!({"op": "reset", "task": "which_device_signed_in_from", "seed": 1}),
    );
    let refused = ask(&mut agent, json!({"op": "solution"}));
    assert!(
        refused["error"]
            .as_str()
            .is_some_and(|e| e.contains("--allow-solution")),
        "{refused}"
    );
    // Typing the device file into a field, or having it echoed in an error.
    for pointer in ["", "/cloud/accounts/0/password_hash", "/cloud/codes"] {
        let answer = step(
            &mut agent,
            json!({"action_type": "input_text", "text_from": {"state": pointer}}),
        );
        let text = answer.to_string();
        assert!(answer["info"]["error"].is_string(), "{text}");
        for secret in ["$argon2", "@example.com", "\"code\""] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
    // A wrong verdict is told in the goal's words, never with the phone's values.
    let mut agent = crate::common::agent_server(None, false);
    ask(
        &mut agent,
        json!({"op": "reset", "task": "change_the_password", "seed": 0}),
    );
    let verdict = step(
        &mut agent,
        json!({"action_type": "status", "goal_status": "complete"}),
    );
    let outcome = verdict["info"]["outcome"].as_str().unwrap_or_default();
    assert!(outcome.starts_with("not done"), "{verdict}");
    assert!(!verdict.to_string().contains("$argon2"), "{verdict}");
}

/// AndroidWorld finishes with `status complete`: after an answer (default: the answer ends the
/// episode; the status is told the same end), and with `finish: on_status`, where the answer
/// waits for the status and a change undone before it fails.
#[test]
fn finishing_as_androidworld_does() {
    let mut agent = crate::common::agent_server(None, true);
    for finish in ["on_success", "on_status"] {
        ask(
            &mut agent,
            json!({"op": "reset", "task": "what_is_my_mi_account_id", "seed": 0,
                   "options": {"finish": finish}}),
        );
        let answered = step(
            &mut agent,
            json!({"action_type": "answer", "text": "6612345678"}),
        );
        let completed = step(
            &mut agent,
            json!({"action_type": "status", "goal_status": "complete"}),
        );
        assert!(
            completed["info"]["error"].is_null(),
            "{finish}: {completed}"
        );
        assert_eq!(completed["terminated"], json!(true), "{finish}");
        let total = answered["reward"].as_f64().unwrap_or(0.0)
            + completed["reward"].as_f64().unwrap_or(0.0);
        assert_eq!(total, 1.0, "{finish}: {answered} then {completed}");
    }
    // Bluetooth on, then off again: rewarded at once by default; judged at the status, not.
    for (finish, reward) in [("on_success", 1.0), ("on_status", 0.0)] {
        ask(
            &mut agent,
            json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0,
                   "options": {"finish": finish}}),
        );
        let mut total = 0.0;
        let mut ended = false;
        for action in [
            json!({"action_type": "click", "label": "Bluetooth"}),
            json!({"action_type": "click", "id": "bluetooth.toggle"}),
            json!({"action_type": "click", "id": "bluetooth.toggle"}),
            json!({"action_type": "status", "goal_status": "complete"}),
        ] {
            if ended {
                break;
            }
            let answer = step(&mut agent, action);
            total += answer["reward"].as_f64().unwrap_or(0.0);
            ended = answer["terminated"] == json!(true);
        }
        assert_eq!(total, reward, "{finish}");
    }
}

/// The observation carries every word a person reads: a dialog's message, the busy phone, where
/// a long page is scrolled; the page under a dialog cannot be clicked.
#[test]
fn observations_carry_what_a_person_reads() {
    let mut agent = crate::common::agent_server(None, false);
    let reset = ask(
        &mut agent,
        json!({"op": "reset", "task": "sign_out_keep_data", "seed": 0,
               "options": {"width": 40, "height": 12}}),
    );
    let scroll = &reset["observation"]["scroll"];
    assert_eq!(scroll["more_below"], json!(true), "{reset}");
    assert_eq!(scroll["more_above"], json!(false), "{reset}");
    let mut last = Value::Null;
    for action in [
        json!({"action_type": "click", "label": "Mi Account"}),
        json!({"action_type": "click", "label": "Sign out"}),
    ] {
        last = step(&mut agent, action);
    }
    let dialog = &last["observation"]["dialog"];
    assert!(
        dialog["text"]
            .as_array()
            .is_some_and(|t| !t.is_empty() && t[0].as_str().is_some_and(|p| p.len() > 20)),
        "{dialog}"
    );
    for element in last["observation"]["elements"]
        .as_array()
        .expect("elements")
    {
        if element["in_dialog"] == json!(false) {
            assert_eq!(element["clickable"], json!(false), "{element}");
        }
    }
    for action in [
        json!({"action_type": "click", "id": "dialog.confirm"}),
        json!({"action_type": "input_text", "text": "Xiaomi#2026"}),
        json!({"action_type": "keyboard_enter"}),
        json!({"action_type": "click", "label": "Keep"}),
    ] {
        last = step(&mut agent, action);
    }
    assert_eq!(last["observation"]["busy"], json!(true), "{last}");
}

/// A seeded random agent's next action, from the observation (clicks, typing, keys, verdicts).
/// It types a few words of its own, and the goal's words that look like passwords (as an agent
/// types what the goal gives it).
fn random_action(observation: &Value, goal: &str, rng: &mut u64) -> Value {
    let mut roll = |n: u64| {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        *rng % n.max(1)
    };
    let mut words: Vec<&str> = vec![
        "hello",
        "123456",
        "lei.wang@example.com",
        "Tea&Rice2027",
        "+86 138 0000 8000",
    ];
    words.extend(
        mi_settings::play::runner::goal_words(goal).filter(|w| w.contains(['#', '!', '&'])),
    );
    let elements = observation["elements"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let clickable: Vec<&Value> = elements
        .iter()
        .filter(|e| e["clickable"] == json!(true) && e["on_screen"] == json!(true))
        .collect();
    let fields: Vec<&Value> = clickable
        .iter()
        .copied()
        .filter(|e| matches!(e["role"].as_str(), Some("text_field" | "password_field")))
        .collect();
    match roll(100) {
        0..=54 if !clickable.is_empty() => {
            let target = clickable[roll(clickable.len() as u64) as usize];
            json!({"action_type": "click", "index": target["index"]})
        }
        55..=69 if !fields.is_empty() => {
            let field = fields[roll(fields.len() as u64) as usize];
            let word = words[roll(words.len() as u64) as usize];
            json!({"action_type": "input_text", "text": word, "index": field["index"]})
        }
        70..=74 => json!({"action_type": "navigate_back"}),
        75..=78 => json!({"action_type": "scroll", "direction": "down"}),
        79..=82 => json!({"action_type": "keyboard_enter"}),
        83..=86 => json!({"action_type": "wait", "seconds": 5}),
        87..=88 => json!({"action_type": "key", "key": "q"}),
        89 => json!({"action_type": "key", "key": "ctrl+c"}),
        90..=93 => json!({"action_type": "navigate_home"}),
        94 => json!({"action_type": "status", "goal_status": "complete"}),
        95 => json!({"action_type": "status", "goal_status": "infeasible"}),
        96 => json!({"action_type": "answer", "text": words[roll(words.len() as u64) as usize]}),
        _ => json!({"action_type": "key", "key": "f2"}),
    }
}

/// 1,000 random episodes over the catalogue, in both languages, logged: every log replays, to
/// the end the agent saw (the same final frame, the task's condition as it stood), names its
/// task rather than carrying a device file, and holds no password the goal gives.
#[test]
fn every_logged_episode_replays_to_the_same_end() {
    use mi_settings::play::fixture::{self, LoadedFixture};
    use mi_settings::shells::replay::run::{self as runner, Outputs};
    use mi_settings::ui::{TextGrid, Theme, render_text};

    let catalogue = mi_settings::play::tasks::builtin().expect("catalogue");
    let options = runner::Options {
        tasks: Some(std::sync::Arc::new(catalogue.clone())),
        ..runner::Options::default()
    };
    const EPISODES: usize = 500;
    let mut checked = 0;
    for language in ["en", "zh-CN"] {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut agent = crate::common::agent_server(Some(dir.path()), false);
        // Per episode: its task, its final frame, and how many times the demo password went
        // into a field that is no password field (which the log may write as it is).
        let mut ends: Vec<(String, String, usize)> = Vec::new();
        let mut rng: u64 = 0x2545_f491_4f6c_dd1d ^ language.len() as u64;
        for n in 0..EPISODES {
            let task = &catalogue[n % catalogue.len()];
            let mut reset = ask(
                &mut agent,
                json!({"op": "reset", "task": task.id, "seed": n / catalogue.len(),
                       "options": {"language": language}}),
            );
            let mut observation = reset["observation"].take();
            let goal = reset["info"]["goal"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            let mut in_clear = 0;
            loop {
                let action = random_action(&observation, &goal, &mut rng);
                let into_plain_field = action["text"] == json!("Xiaomi#2026")
                    && observation["elements"]
                        .as_array()
                        .and_then(|e| e.iter().find(|e| e["index"] == action["index"]))
                        .is_some_and(|e| e["role"] == json!("text_field"));
                let mut answer = step(&mut agent, action);
                if into_plain_field && answer["info"]["error"].is_null() {
                    in_clear += 1;
                }
                observation = answer["observation"].take();
                if answer["terminated"] == json!(true) || answer["truncated"] == json!(true) {
                    break;
                }
            }
            let frame = ask(&mut agent, json!({"op": "render"}))["frame"]
                .as_str()
                .unwrap_or_default()
                .to_string();
            ends.push((task.id.clone(), frame, in_clear));
        }
        ask(&mut agent, json!({"op": "close"}));
        let mut logs: Vec<std::path::PathBuf> = std::fs::read_dir(dir.path())
            .expect("logs")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .collect();
        logs.sort();
        assert_eq!(logs.len(), EPISODES, "one log per episode");
        for (path, (task, frame, in_clear)) in logs.iter().zip(&ends) {
            let text = std::fs::read_to_string(path).expect("reads");
            assert!(
                text.contains("\"task\""),
                "{}: names its task",
                path.display()
            );
            assert!(
                !text.contains("$argon2"),
                "{}: a password hash",
                path.display()
            );
            // The password only where it went into a plain field; never in a condition, a
            // description, or as typed into a password field.
            assert_eq!(
                text.matches("Xiaomi#2026").count(),
                text.matches("\"type\": \"Xiaomi#2026").count(),
                "{}: a password outside a typed step",
                path.display()
            );
            // Where it is an account's password: never typed into a password field in clear.
            let task = catalogue.iter().find(|t| &t.id == task).expect("the task");
            let device = mi_settings::play::tasks::start_device(task).expect("its phone");
            let secret =
                device.cloud.accounts.iter().any(|a| {
                    mi_settings::sim::cloud::verify_password(&a.password_hash, "Xiaomi#2026")
                });
            assert!(
                !secret || text.matches("\"type\": \"Xiaomi#2026").count() <= *in_clear,
                "{}: a password typed into a password field, in clear",
                path.display()
            );
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                let mode = std::fs::metadata(path)
                    .expect("metadata")
                    .permissions()
                    .mode();
                assert_eq!(mode & 0o777, 0o600, "{}", path.display());
            }
            let loaded: LoadedFixture = fixture::parse(&text, path).expect("a fixture");
            let mut last: Option<mi_settings::view::View> = None;
            let mut watch = |_: usize, engine: &mi_settings::engine::Engine| {
                last = Some(engine.view().clone());
            };
            let report = runner::run(
                &loaded,
                &options,
                Outputs {
                    each_step: Some(&mut watch),
                    ..Outputs::default()
                },
            );
            assert!(
                report.passed(),
                "{} ({}, {language}): {:?}",
                path.display(),
                task.id,
                report.failure_text()
            );
            if let Some(mut view) = last {
                // Frames, the agent's as any replay's, never show a password.
                view.redact_secrets();
                let size = loaded.fixture.terminal.expect("a size");
                let mut grid = TextGrid::new(size.width, size.height);
                render_text(&view, &mut grid, &Theme::miui());
                assert_eq!(
                    &grid.text(),
                    frame,
                    "{} ({}, {language})",
                    path.display(),
                    task.id
                );
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 2 * EPISODES);
}
