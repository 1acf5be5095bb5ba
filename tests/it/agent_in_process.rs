//! A host that runs the simulator in its own process (the Python package's extension module):
//! `agent_session` builds what `mi-settings agent ARGS` serves, refusing what the command line
//! refuses, and `answer_line_apart` hands observations over apart from answers that are
//! otherwise the very lines `answer_line` writes.

use mi_settings::shells::agent::{Session, answer_line, answer_line_apart};
use mi_settings::shells::cli::agent_session;
use serde_json::{Value, json};

fn open(args: &[&str]) -> Box<dyn Session + Send> {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    agent_session(&args).expect("an agent session")
}

#[test]
fn a_session_is_refused_as_the_command_line_refuses_it() {
    for (args, says) in [
        (vec!["--bogus"], "--bogus"),
        (vec!["--batch", "0"], "--batch 0"),
        (vec!["--threads", "2"], "--batch"),
        (vec!["--log-device"], "--log-dir"),
    ] {
        let args: Vec<String> = args.into_iter().map(String::from).collect();
        let Err(message) = agent_session(&args) else {
            panic!("{args:?} was taken");
        };
        assert!(message.contains(says), "{args:?}: {message}");
    }
}

/// Every line `requests` makes, answered whole by one session and apart by its twin.
fn whole_and_apart(args: &[&str], requests: &[Value]) -> Vec<(Value, Value, Vec<Option<String>>)> {
    let (mut whole, mut apart) = (open(args), open(args));
    let mut out = Vec::new();
    for request in requests {
        let line = request.to_string();
        let (mut full, mut rest) = (Vec::new(), Vec::new());
        answer_line(whole.as_mut(), line.as_bytes(), line.len(), &mut full).expect("answers");
        let (_, texts) = answer_line_apart(apart.as_mut(), line.as_bytes(), line.len(), &mut rest)
            .expect("answers");
        let parse = |text: &[u8]| serde_json::from_slice::<Value>(text).expect("one JSON line");
        assert_eq!(full.last(), Some(&b'\n'));
        out.push((parse(&full), parse(&rest), texts));
    }
    out
}

#[test]
fn an_observation_apart_is_the_string_the_answer_would_hold() {
    let as_text = json!({"observation_text": true, "language": "zh-CN"});
    let requests = [
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0, "options": as_text}),
        json!({"op": "step", "action": {"action_type": "click", "label": "蓝牙"}}),
        json!({"op": "step", "action": {"action_type": "bogus"}}),
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 1}),
        json!({"op": "step", "action": {"action_type": "navigate_back"}}),
        json!({"op": "tasks"}),
    ];
    let answers = whole_and_apart(&[], &requests);
    let mut apart = 0;
    for (i, (mut full, rest, texts)) in answers.into_iter().enumerate() {
        assert_eq!(texts.len(), 1, "one text for a single answer");
        match texts.into_iter().next().flatten() {
            Some(text) => {
                let held = full
                    .as_object_mut()
                    .and_then(|o| o.remove("observation_text"));
                assert_eq!(held, Some(Value::String(text)), "request {i}");
                apart += 1;
            }
            None => assert!(full.get("observation_text").is_none(), "request {i}"),
        }
        assert_eq!(full, rest, "request {i}: the rest of the answer");
    }
    // The first reset asked for text, and its two steps (one refused: nothing happened, and
    // the phone is observed all the same); the second reset did not.
    assert_eq!(
        apart, 3,
        "the reset and the steps with observations as text"
    );
}

#[test]
fn a_batchs_observations_come_apart_one_for_each_environment() {
    let reset = |seed: u64| {
        json!({"op": "reset", "task": "sign_out_keep_data", "seed": seed,
               "options": {"observation_text": true}})
    };
    let requests = [
        json!({"op": "batch", "envs": [reset(0), null, reset(2)]}),
        json!({"op": "batch", "envs": [r#"{"action_type":"navigate_back"}"#, null, "garbage"]}),
    ];
    let answers = whole_and_apart(&["--batch", "3", "--threads", "2"], &requests);
    for (i, (mut full, rest, texts)) in answers.into_iter().enumerate() {
        assert_eq!(texts.len(), 3, "batch {i}");
        let envs = full["envs"].as_array_mut().expect("envs");
        for (env, text) in envs.iter_mut().zip(&texts) {
            let held = env
                .as_object_mut()
                .and_then(|o| o.remove("observation_text"));
            assert_eq!(held, text.clone().map(Value::String), "batch {i}");
        }
        assert_eq!(full, rest, "batch {i}: the rest of the answer");
        let present: Vec<bool> = texts.iter().map(Option::is_some).collect();
        // Nothing asked of the second environment; a refused action is observed all the same.
        assert_eq!(present, [true, false, true], "batch {i}");
    }
}
