//! `mi-settings agent --batch N`: N environments in one process, asked together, each answering
//! as a single agent would; observations written into rows of the client's file.

use serde_json::{Value, json};

use mi_settings::play::agent::Agent;
use mi_settings::shells::agent::{BatchServer, Server, Session};

fn batch(envs: usize, threads: usize) -> BatchServer {
    let agent = Agent::new().expect("the catalogue");
    BatchServer::new(agent, envs, Some(threads), None).expect("a batch")
}

fn single() -> Server {
    Server::new(Agent::new().expect("the catalogue"), None).expect("a server")
}

fn ask(session: &mut impl Session, request: &Value) -> Value {
    let (response, _) = session.answer(&request.to_string());
    serde_json::to_value(&response).expect("JSON")
}

const TASKS: [&str; 3] = [
    "turn_on_bluetooth",
    "sign_out_keep_data",
    "put_the_phone_in_lost_mode",
];

/// Each environment of a batch answers as a single agent given the same requests, whether the
/// step's action comes as an object or as its JSON text, on one thread or several.
#[test]
fn each_environment_answers_as_a_single_agent_would() {
    let actions = [
        json!({"action_type": "click", "index": 3}),
        json!({"action_type": "navigate_back"}),
        json!({"action_type": "click", "index": 1}),
        json!({"action_type": "bogus"}),
        json!("not an action"),
        json!({"action_type": "scroll", "direction": "down"}),
        json!({"action_type": "status", "goal_status": "complete"}),
        json!({"action_type": "wait"}),
    ];
    for threads in [1, 3] {
        let mut envs = batch(3, threads);
        let mut singles = [single(), single(), single()];
        let resets: Vec<Value> = TASKS
            .iter()
            .enumerate()
            .map(|(i, task)| json!({"op": "reset", "task": task, "seed": i + 4}))
            .collect();
        let answer = ask(&mut envs, &json!({"op": "batch", "envs": resets}));
        for (i, single) in singles.iter_mut().enumerate() {
            assert_eq!(answer["envs"][i], ask(single, &resets[i]), "env {i}");
        }
        let mut compared = 0;
        let mut ended = [false; 3];
        for round in 0..30 {
            let mut entries = Vec::new();
            let mut expected = Vec::new();
            for (i, single) in singles.iter_mut().enumerate() {
                let action = &actions[(round * (i + 2) + i) % actions.len()];
                if (round + i) % 5 == 4 {
                    // Nothing asked of this environment this time.
                    entries.push(Value::Null);
                    expected.push(Value::Null);
                    continue;
                }
                let step = json!({"op": "step", "action": action});
                // An ended episode is reset; every other round, the action comes as its JSON
                // text (a string stays a string).
                let request = if ended[i] { &resets[i] } else { &step };
                entries.push(match (ended[i], round % 2, action) {
                    (true, ..) | (_, 0, _) => request.clone(),
                    (_, _, Value::String(text)) => Value::String(text.clone()),
                    (_, _, action) => Value::String(action.to_string()),
                });
                let mut answer = ask(single, request);
                ended[i] =
                    answer["terminated"] == json!(true) || answer["truncated"] == json!(true);
                // An environment's error names it.
                if let Some(error) = answer.get("error").and_then(Value::as_str) {
                    answer = json!({"error": format!("envs[{i}]: {error}")});
                }
                expected.push(answer);
                compared += 1;
            }
            let answer = ask(&mut envs, &json!({"op": "batch", "envs": entries}));
            assert_eq!(answer["envs"], Value::Array(expected), "round {round}");
        }
        assert!(compared > 50, "{compared}");
    }
}

/// With an observations file, each observation is written into its environment's row (its
/// length, then the compact ASCII JSON a single agent sends as `observation_text`) and the
/// answer names the row instead.
#[test]
fn observations_go_into_the_rows_of_the_file() {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("rows");
    let row_bytes = 64 * 1024;
    std::fs::write(&path, vec![0u8; 2 * row_bytes]).expect("the file");
    let mut envs = batch(2, 2);
    let taken = ask(
        &mut envs,
        &json!({"op": "observations_file", "file": path, "row_bytes": row_bytes}),
    );
    assert_eq!(taken, json!({"rows": 2, "row_bytes": row_bytes}));
    let mut singles = [single(), single()];
    let reset = |i: usize, text: bool| json!({"op": "reset", "task": TASKS[i], "seed": 1, "options": {"observation_text": text}});
    // The batch's first environment asks for objects, its second for text: rows hold text.
    let answer = ask(
        &mut envs,
        &json!({"op": "batch", "envs": [reset(0, false), reset(1, true)]}),
    );
    let step = json!({"op": "step", "action": {"action_type": "click", "index": 2}});
    let stepped = ask(
        &mut envs,
        &json!({"op": "batch", "envs": [null, step.clone()]}),
    );
    let rows = std::fs::read(&path).expect("the rows");
    let row = |i: usize| {
        let start = i * row_bytes;
        let length = u32::from_le_bytes(rows[start..start + 4].try_into().expect("4 bytes"));
        String::from_utf8(rows[start + 4..start + 4 + length as usize].to_vec()).expect("ASCII")
    };
    let single0 = ask(&mut singles[0], &reset(0, true));
    ask(&mut singles[1], &reset(1, true));
    let single1 = ask(&mut singles[1], &step);
    assert_eq!(row(0), single0["observation_text"].as_str().expect("text"));
    assert_eq!(row(1), single1["observation_text"].as_str().expect("text"));
    for (answer, single, i) in [(&answer, &single0, 0), (&stepped, &single1, 1)] {
        let mut single = single.clone();
        let got = &answer["envs"][i];
        assert_eq!(got["observation_row"], json!(i), "{got}");
        single
            .as_object_mut()
            .expect("an object")
            .remove("observation_text");
        let mut got = got.clone();
        got.as_object_mut()
            .expect("an object")
            .remove("observation_row");
        assert_eq!(got, single);
    }
    assert_eq!(stepped["envs"][0], Value::Null);
}

/// What cannot be taken is answered with an error that names the environment, or the batch's
/// size, and the session goes on.
#[test]
fn errors_name_the_environment_and_the_session_goes_on() {
    let mut envs = batch(3, 2);
    let error = |answer: &Value| answer["error"].as_str().unwrap_or_default().to_string();
    let wrong = ask(&mut envs, &json!({"op": "batch", "envs": [null, null]}));
    assert!(
        error(&wrong).contains("2 entries for 3 environments"),
        "{wrong}"
    );
    let answer = ask(
        &mut envs,
        &json!({"op": "batch", "envs": [
            {"op": "step", "action": {"action_type": "wait"}},
            7,
            {"op": "tasks"},
        ]}),
    );
    assert!(
        error(&answer["envs"][0]).starts_with("envs[0]: no episode"),
        "{answer}"
    );
    assert!(
        error(&answer["envs"][1]).starts_with("envs[1]: an entry is"),
        "{answer}"
    );
    assert!(
        error(&answer["envs"][2]).starts_with("envs[2]: an environment takes"),
        "{answer}"
    );
    let answer = ask(
        &mut envs,
        &json!({"op": "batch", "envs": [
            {"op": "reset", "task": "turn_on_bluetooth", "bogus": 1},
            {"op": "reset", "task": "no_such_task"},
            {"op": "reset", "task": "turn_on_bluetooth", "options": {"observation": "pixels"}},
        ]}),
    );
    assert!(
        error(&answer["envs"][0]).starts_with("envs[0]: unknown field"),
        "{answer}"
    );
    assert!(
        error(&answer["envs"][1]).starts_with("envs[1]: no task"),
        "{answer}"
    );
    assert!(
        error(&answer["envs"][2]).contains("pixels_file only"),
        "{answer}"
    );
    let alone = ask(
        &mut envs,
        &json!({"op": "reset", "task": "turn_on_bluetooth"}),
    );
    assert!(error(&alone).contains("takes {\"op\":\"batch\""), "{alone}");
    // The observations file: missing, a link, too small, rows out of bounds.
    let dir = tempfile::tempdir().expect("a folder");
    let small = dir.path().join("small");
    std::fs::write(&small, vec![0u8; 4096]).expect("a file");
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&small, &link).expect("a link");
    for (file, row_bytes, says) in [
        (dir.path().join("missing"), 2048, "missing"),
        (link, 1024, "not a regular file"),
        (small.clone(), 2048, "less than 3 rows of 2048"),
        (small, 10, "row_bytes 10"),
    ] {
        let answer = ask(
            &mut envs,
            &json!({"op": "observations_file", "file": file, "row_bytes": row_bytes}),
        );
        let said = error(&answer);
        assert!(
            said.contains(says) || (says == "missing" && said.contains("No such file")),
            "{answer}"
        );
    }
    // Still up: a batch of resets works.
    let resets: Vec<Value> = (0..3)
        .map(|seed| json!({"op": "reset", "task": "turn_on_bluetooth", "seed": seed}))
        .collect();
    let answer = ask(&mut envs, &json!({"op": "batch", "envs": resets}));
    for i in 0..3 {
        assert_eq!(answer["envs"][i]["info"]["seed"], json!(i), "{answer}");
    }
    // A single session refuses batches.
    let mut alone = single();
    let refused = ask(&mut alone, &json!({"op": "batch", "envs": []}));
    assert!(error(&refused).contains("--batch N"), "{refused}");
}

/// A batch is bounded: 1 to 1,024 environments, 1 to 64 threads.
#[test]
fn a_batch_is_bounded() {
    let agent = Agent::new().expect("the catalogue");
    for (envs, threads, says) in [
        (0, 1, "--batch 0"),
        (1_000_000, 1, "--batch 1000000"),
        (2, 0, "--threads 0"),
        (2, 1_000, "--threads 1000"),
    ] {
        let Err(error) = BatchServer::new(agent.twin(), envs, Some(threads), None) else {
            panic!("{envs} environments on {threads} threads were taken");
        };
        assert!(error.starts_with(says), "{error}");
    }
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_mi-settings"))
        .args(["agent", "--batch", "5000"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--batch 5000: from 1 to 1024"), "{stderr}");
}
