//! AndroidWorld's action shapes through the agent protocol, written as its `JSONAction`'s
//! `dataclasses.asdict()` writes them (every field, `None` as null): each shape does what
//! AndroidWorld's actuation does on a phone, and every task's reference solution, told in
//! AndroidWorld's words only, succeeds with simulated time passing after each action.

use serde_json::{Map, Value, json};

use crate::agent::task_ids;
use crate::common::ask;
use crate::common::batch::{ran, replay_with, with_the_catalogue};
use mi_settings::shells::agent::Server;
use mi_settings::shells::replay::batch::BatchOptions;

/// JSONAction's fields, in its order.
const FIELDS: [&str; 10] = [
    "action_type",
    "index",
    "x",
    "y",
    "text",
    "direction",
    "goal_status",
    "app_name",
    "keycode",
    "clear_text",
];

/// `dataclasses.asdict(JSONAction(**given))`: every field, the ones not given null.
fn asdict(given: Value) -> Value {
    let mut all = Map::new();
    for field in FIELDS {
        all.insert(
            field.to_string(),
            given.get(field).cloned().unwrap_or(Value::Null),
        );
    }
    for key in given.as_object().expect("an object").keys() {
        assert!(
            FIELDS.contains(&key.as_str()),
            "{key} is no JSONAction field"
        );
    }
    Value::Object(all)
}

fn act(agent: &mut Server, given: Value) -> Value {
    ask(agent, json!({"op": "step", "action": asdict(given)}))
}

fn reset(agent: &mut Server, task: &str, seed: u64, options: Value) -> Value {
    let answer = ask(
        agent,
        json!({"op": "reset", "task": task, "seed": seed, "options": options}),
    );
    assert!(answer["observation"].is_object(), "{task}: {answer}");
    answer
}

fn elements(answer: &Value) -> &Vec<Value> {
    answer["observation"]["elements"]
        .as_array()
        .expect("elements")
}

/// The index of the element with this id.
fn index_of(answer: &Value, id: &str) -> usize {
    elements(answer)
        .iter()
        .position(|e| e["id"] == json!(id))
        .unwrap_or_else(|| panic!("no {id} in {}", answer["observation"]))
}

fn no_error(answer: &Value) {
    assert!(answer["info"]["error"].is_null(), "{}", answer["info"]);
}

#[test]
fn every_field_null_is_absent_and_a_field_the_action_does_not_take_is_refused() {
    let mut agent = crate::common::agent_server(None, false);
    reset(&mut agent, "turn_on_bluetooth", 0, json!({}));
    // Each shape, every field present.
    for given in [
        json!({"action_type": "navigate_home"}),
        json!({"action_type": "open_app", "app_name": "Settings"}),
        json!({"action_type": "scroll", "direction": "down"}),
        json!({"action_type": "scroll", "direction": "up"}),
        json!({"action_type": "swipe", "direction": "down"}),
        json!({"action_type": "wait"}),
        json!({"action_type": "navigate_back"}),
        json!({"action_type": "keyboard_enter"}),
    ] {
        let answer = act(&mut agent, given.clone());
        no_error(&answer);
    }
    // A non-null field the action does not take: refused, as before.
    reset(&mut agent, "turn_on_bluetooth", 0, json!({}));
    for (given, word) in [
        (json!({"action_type": "wait", "text": "soon"}), "text"),
        (json!({"action_type": "navigate_back", "index": 2}), "index"),
        (
            json!({"action_type": "scroll", "direction": "down", "clear_text": true}),
            "clear_text",
        ),
        (
            json!({"action_type": "click", "index": 0, "keycode": "KEYCODE_ENTER"}),
            "keycode",
        ),
    ] {
        let answer = act(&mut agent, given.clone());
        let error = answer["info"]["error"].as_str().unwrap_or_default();
        assert!(error.contains(word), "{given}: {error}");
    }
}

#[test]
fn an_index_as_a_string_task_complete_and_answer() {
    let mut agent = crate::common::agent_server(None, false);
    let start = reset(&mut agent, "turn_on_bluetooth", 0, json!({}));
    let bluetooth = index_of(&start, "settings.bluetooth");
    let answer = act(
        &mut agent,
        json!({"action_type": "click", "index": bluetooth.to_string()}),
    );
    no_error(&answer);
    assert_eq!(answer["observation"]["screen"], json!("bluetooth"));
    // Not a number: refused, saying so.
    let refused = act(&mut agent, json!({"action_type": "click", "index": "four"}));
    assert!(refused["info"]["error"].is_string(), "{refused}");
    let done = act(
        &mut agent,
        json!({"action_type": "status", "goal_status": "task_complete"}),
    );
    no_error(&done);
    assert_eq!(done["terminated"], json!(true));
    assert_eq!(done["reward"], json!(0.0), "Bluetooth is still off");
}

/// `wait` with no seconds waits AndroidWorld's one second: "Signing out…" (2 s) ends after
/// two of them; with a second passing per action, after one; with two, at once.
#[test]
fn a_wait_without_seconds_moves_the_clock_one_second() {
    for (seconds_per_action, waits) in [(0, 2), (1, 1), (2, 0)] {
        let mut agent = crate::common::agent_server(None, true);
        let answer = reset(
            &mut agent,
            "sign_out_keep_data",
            0,
            json!({"seconds_per_action": seconds_per_action}),
        );
        let mut last = until_the_wait(&mut agent, answer);
        assert_eq!(
            last["observation"]["dialog"]["id"] == json!("working"),
            waits > 0
        );
        let mut waited = 0;
        while last["observation"]["busy"] == json!(true) && waited < 10 {
            last = act(&mut agent, json!({"action_type": "wait"}));
            no_error(&last);
            waited += 1;
        }
        assert_eq!(waited, waits, "seconds_per_action {seconds_per_action}");
        assert!(
            last["observation"]["busy"].is_null(),
            "{}",
            last["observation"]
        );
        assert_eq!(last["reward"], json!(1.0), "{}", last["info"]);
    }
}

/// Plays the reference solution's actions up to its wait (for "Signing out…").
fn until_the_wait(agent: &mut Server, mut answer: Value) -> Value {
    let actions = ask(agent, json!({"op": "solution"}))["actions"].clone();
    for action in actions.as_array().expect("actions") {
        if action["action_type"] == json!("wait") {
            return answer;
        }
        answer = ask(agent, json!({"op": "step", "action": action}));
        no_error(&answer);
    }
    panic!("no wait: {answer}");
}

/// What a translation of a reference solution into AndroidWorld's words did.
#[derive(Default)]
struct Translated {
    /// Actions sent.
    sent: usize,
    /// Solution steps input_text's Enter had already done (a submit button, an Enter).
    done_by_enter: usize,
}

/// In a translation: open Settings if the phone shows its home screen (back from the browser,
/// as an agent goes on where the browser was opened from; a locked phone shows its lock).
static SETTINGS_IF_HOME: std::sync::LazyLock<Value> =
    std::sync::LazyLock::new(|| json!({"settings_if_home": true}));

/// The phone's key, as AndroidWorld's action for it.
fn android_key(key: &str, surface: &str) -> Value {
    let keycode = |code: &str| json!({"action_type": "press_keyboard", "keycode": code});
    match key {
        "enter" => json!({"action_type": "keyboard_enter"}),
        "esc" => json!({"action_type": "navigate_back"}),
        "f3" => json!({"action_type": "navigate_home"}),
        // Back from the browser to the phone as it was (and Settings from its home screen:
        // `SETTINGS_IF_HOME`).
        "f2" if surface == "browser" => json!({"action_type": "open_app", "app_name": "Settings"}),
        "f2" => json!({"action_type": "open_app", "app_name": "Browser"}),
        "backspace" => keycode("KEYCODE_DEL"),
        "delete" => keycode("KEYCODE_FORWARD_DEL"),
        "tab" => keycode("KEYCODE_TAB"),
        "up" => keycode("KEYCODE_DPAD_UP"),
        "down" => keycode("KEYCODE_DPAD_DOWN"),
        "left" => keycode("KEYCODE_DPAD_LEFT"),
        "right" => keycode("KEYCODE_DPAD_RIGHT"),
        "home" => keycode("KEYCODE_MOVE_HOME"),
        "end" => keycode("KEYCODE_MOVE_END"),
        "space" => keycode("KEYCODE_SPACE"),
        one if one.chars().count() == 1 && one.chars().all(|c| c.is_ascii_alphanumeric()) => {
            keycode(&format!("KEYCODE_{}", one.to_ascii_uppercase()))
        }
        other => panic!("no AndroidWorld word for the key {other:?}"),
    }
}

/// Every text the observation shows.
fn texts(observation: &Value) -> Vec<String> {
    let mut all = Vec::new();
    for field in ["toast", "notification"] {
        if let Some(text) = observation[field].as_str() {
            all.push(text.to_string());
        }
    }
    if let Some(dialog) = observation["dialog"]["text"].as_array() {
        all.extend(dialog.iter().filter_map(Value::as_str).map(str::to_string));
    }
    for element in observation["elements"].as_array().into_iter().flatten() {
        for field in ["label", "value", "summary"] {
            if let Some(text) = element[field].as_str() {
                all.push(text.to_string());
            }
        }
    }
    all
}

/// The first run of digits after `marker` in what was seen, newest first.
fn digits_after(seen: &[String], marker: &str) -> Option<String> {
    seen.iter().rev().find_map(|text| {
        let after = &text[text.find(marker)? + marker.len()..];
        let digits: String = after
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .collect();
        (!digits.is_empty()).then_some(digits)
    })
}

/// Plays the episode's reference solution in AndroidWorld's words only: elements by `index`,
/// text by input_text at the focused field's index (which clears it, types and presses Enter),
/// keys as keyboard_enter / navigate_* / open_app / press_keyboard, waits without seconds,
/// then `status complete` if the episode has not ended. The last answer, and what it took.
fn play_in_android_world_words(
    agent: &mut Server,
    start: Value,
    seconds_per_action: u64,
    context: &str,
) -> (Value, Translated) {
    let solution = ask(agent, json!({"op": "solution"}))["actions"].clone();
    let mut last = start;
    let mut seen: Vec<String> = texts(&last["observation"]);
    let mut done = Translated::default();
    let mut after_input_text = false;
    let send = |agent: &mut Server, given: Value, done: &mut Translated| -> Value {
        done.sent += 1;
        let answer = act(agent, given.clone());
        assert!(
            answer["info"]["error"].is_null(),
            "{context}: {given} → {}",
            answer["info"]
        );
        answer
    };
    for action in solution.as_array().expect("actions") {
        if last["terminated"] == json!(true) || last["truncated"] == json!(true) {
            break;
        }
        let observation = &last["observation"];
        let surface = observation["surface"].as_str().unwrap_or_default();
        let find = |field: &str, value: &Value| -> Option<usize> {
            let all: Vec<&Value> = observation["elements"]
                .as_array()?
                .iter()
                .filter(|e| e["clickable"] == json!(true))
                .collect();
            all.iter()
                .copied()
                .find(|e| &e[field] == value)
                .or_else(|| {
                    // A label as fixtures match it: else a unique match of its letters and
                    // digits, case aside.
                    let plain = |text: &str| -> String {
                        text.chars()
                            .filter(|c| c.is_alphanumeric())
                            .flat_map(char::to_lowercase)
                            .collect()
                    };
                    let wanted = plain(value.as_str()?);
                    let mut like = all
                        .iter()
                        .copied()
                        .filter(|e| e[field].as_str().is_some_and(|l| plain(l) == wanted));
                    let one = like.next()?;
                    like.next().is_none().then_some(one)
                })
                .or_else(|| {
                    // A word the seed guides call an element by ("forgot password ?"), on
                    // this screen or dialog: the element it names.
                    let wanted = value.as_str()?.to_lowercase();
                    let here = observation["dialog"]["id"]
                        .as_str()
                        .or(observation["screen"].as_str())?;
                    let word = mi_settings::engine::seed_words::SEED_WORDS
                        .iter()
                        .find(|w| w.on == here && w.word.to_lowercase() == wanted)?;
                    all.iter().copied().find(|e| e["id"] == json!(word.id))
                })
                .and_then(|e| e["index"].as_u64())
                .map(|i| i as usize)
        };
        let kind = action["action_type"].as_str().unwrap_or_default();
        let translated: Vec<Value> = match kind {
            "click" | "long_press" => {
                let index = if let Some(id) = action.get("id") {
                    find("id", id)
                } else {
                    find("label", &action["label"])
                };
                match index {
                    Some(index) => vec![json!({"action_type": kind, "index": index})],
                    // The form input_text's Enter submitted is gone: its button with it.
                    None if after_input_text => {
                        done.done_by_enter += 1;
                        Vec::new()
                    }
                    None => panic!("{context}: nothing for {action} in {observation}"),
                }
            }
            "input_text" => {
                let text = match (&action["text"], &action["text_from"]) {
                    (Value::String(text), _) => text.clone(),
                    (_, Value::Object(from)) => {
                        let marker = from["digits_after"].as_str().expect("digits_after");
                        digits_after(&seen, marker)
                            .unwrap_or_else(|| panic!("{context}: no digits after {marker:?}"))
                    }
                    _ => panic!("{context}: {action}"),
                };
                let focused = observation["elements"]
                    .as_array()
                    .and_then(|all| all.iter().find(|e| e["focused"] == json!(true)))
                    .and_then(|e| e["index"].as_u64())
                    .unwrap_or_else(|| panic!("{context}: no field has focus for {action}"));
                vec![json!({"action_type": "input_text", "index": focused, "text": text})]
            }
            "key" => {
                let key = action["key"].as_str().unwrap_or_default();
                if key == "enter" && after_input_text {
                    done.done_by_enter += 1;
                    Vec::new()
                } else if key == "f2" && surface == "browser" {
                    vec![android_key(key, surface), SETTINGS_IF_HOME.clone()]
                } else {
                    vec![android_key(key, surface)]
                }
            }
            "wait" => {
                // AndroidWorld waits a second at a time; time passes after each action too.
                let seconds = action["seconds"].as_u64().unwrap_or(1);
                let per_wait = 1 + seconds_per_action;
                let waits = seconds.div_ceil(per_wait).max(1);
                (0..waits).map(|_| json!({"action_type": "wait"})).collect()
            }
            "navigate_back" | "navigate_home" | "keyboard_enter" | "answer" | "scroll"
            | "open_app" => {
                let mut plain = action.clone();
                if let Some(fields) = plain.as_object_mut() {
                    fields.retain(|k, _| FIELDS.contains(&k.as_str()));
                }
                vec![plain]
            }
            "status" => {
                vec![json!({"action_type": "status", "goal_status": action["goal_status"]})]
            }
            other => panic!("{context}: no AndroidWorld word for {other}: {action}"),
        };
        after_input_text = kind == "input_text" || (after_input_text && translated.is_empty());
        for given in translated {
            if given == *SETTINGS_IF_HOME {
                if last["observation"]["screen"] != json!("home_screen") {
                    continue;
                }
                last = send(
                    agent,
                    json!({"action_type": "open_app", "app_name": "Settings"}),
                    &mut done,
                );
                continue;
            }
            last = send(agent, given, &mut done);
            seen.extend(texts(&last["observation"]));
            if last["terminated"] == json!(true) || last["truncated"] == json!(true) {
                break;
            }
        }
    }
    if last["terminated"] != json!(true) && last["truncated"] != json!(true) {
        last = send(
            agent,
            json!({"action_type": "status", "goal_status": "complete"}),
            &mut done,
        );
    }
    (last, done)
}

/// What playing every task × 3 seeds in AndroidWorld's words gave.
struct Tally {
    played: usize,
    solved: usize,
    sent: usize,
    by_enter: usize,
    failed: Vec<String>,
}

fn every_task_in_android_world_words(
    agent: &mut Server,
    seconds_per_action: u64,
    finish: &str,
) -> Tally {
    let ids = task_ids(agent);
    assert!(ids.len() >= 50, "{} tasks", ids.len());
    let mut tally = Tally {
        played: 0,
        solved: 0,
        sent: 0,
        by_enter: 0,
        failed: Vec::new(),
    };
    for id in &ids {
        for seed in 0..3 {
            let options = json!({"seconds_per_action": seconds_per_action, "finish": finish});
            let start = reset(agent, id, seed, options);
            let context = format!("{id} seed {seed}, {seconds_per_action} s per action, {finish}");
            let (last, done) =
                play_in_android_world_words(agent, start, seconds_per_action, &context);
            tally.played += 1;
            tally.sent += done.sent;
            tally.by_enter += done.done_by_enter;
            if last["reward"] == json!(1.0) && last["terminated"] == json!(true) {
                tally.solved += 1;
            } else {
                tally.failed.push(format!("{context}: {}", last["info"]));
            }
        }
    }
    eprintln!(
        "AndroidWorld words, {seconds_per_action} s per action, {finish}: {} of {} episodes \
         solved, {} actions, {} solution steps done by input_text's Enter",
        tally.solved, tally.played, tally.sent, tally.by_enter
    );
    tally
}

/// Every task × 3 seeds, its reference solution told only in AndroidWorld's words, with five
/// simulated seconds passing after each action (the recommended value), judged as soon as the
/// goal holds and (AndroidWorld's way) only at the status: all succeed, and each logged episode
/// replays to the same end.
#[test]
fn every_reference_solution_in_android_world_words_succeeds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut agent = crate::common::agent_server(Some(dir.path()), true);
    let mut played = 0;
    for finish in ["on_success", "on_status"] {
        let tally = every_task_in_android_world_words(&mut agent, 5, finish);
        assert!(
            tally.failed.is_empty(),
            "{} failed:\n{}",
            tally.failed.len(),
            tally.failed.join("\n")
        );
        assert_eq!(tally.solved, tally.played);
        played += tally.played;
    }
    ask(&mut agent, json!({"op": "close"}));
    // Every episode's log (with its waits per action) replays to the same end.
    let options = with_the_catalogue(BatchOptions::default());
    let (result, printed) = replay_with(&[dir.path().to_path_buf()], &options);
    assert_eq!(result, ran(played, 0), "{printed}");
}

/// With two seconds per action (T3A's and M3A's pause alone), the one task whose solution
/// waits twice a minute for a code that never comes runs out of steps (40 one-second waits
/// and 14 other actions; its limit is 40): every other task succeeds.
#[test]
fn with_two_seconds_per_action_only_the_long_waits_run_out_of_steps() {
    let mut agent = crate::common::agent_server(None, true);
    let tally = every_task_in_android_world_words(&mut agent, 2, "on_success");
    assert_eq!(tally.failed.len(), 3, "{}", tally.failed.join("\n"));
    for failure in &tally.failed {
        assert!(
            failure.starts_with("turn_off_find_device_without_password")
                && failure.contains("out of steps"),
            "{failure}"
        );
    }
}

fn value_of(answer: &Value, id: &str) -> Value {
    elements(answer)[index_of(answer, id)]["value"].clone()
}

fn focused_id(answer: &Value) -> Value {
    elements(answer)
        .iter()
        .find(|e| e["focused"] == json!(true))
        .map(|e| e["id"].clone())
        .unwrap_or(Value::Null)
}

/// input_text at an index or x,y: the field is tapped, cleared (unless `clear_text` is
/// false), typed into and Enter pressed, which on the sign-in form goes on to the password (as
/// Android's "Next") and, from the password, tries to sign in (as a person's "Go": without
/// the agreement ticked it only asks for it).
#[test]
fn input_text_taps_clears_types_and_presses_enter() {
    let mut agent = crate::common::agent_server(None, false);
    reset(&mut agent, "sign_in_with_email", 0, json!({}));
    for label in ["Sign in to Mi Account", "Sign in"] {
        no_error(&ask(
            &mut agent,
            json!({"op": "step", "action": {"action_type": "click", "label": label}}),
        ));
    }
    let form = act(&mut agent, json!({"action_type": "render_nothing_unknown"}));
    assert!(
        form["info"]["error"]
            .as_str()
            .unwrap_or_default()
            .contains("unknown action_type")
    );
    let login = index_of(&form, "signin.login");
    let typed = act(
        &mut agent,
        json!({"action_type": "input_text", "index": login, "text": "lei.wang"}),
    );
    no_error(&typed);
    assert_eq!(value_of(&typed, "signin.login"), json!("lei.wang"));
    assert_eq!(
        focused_id(&typed),
        json!("signin.password"),
        "Enter went on"
    );
    // Again: cleared first.
    let again = act(
        &mut agent,
        json!({"action_type": "input_text", "index": login, "text": "lei.wang@example.com"}),
    );
    assert_eq!(
        value_of(&again, "signin.login"),
        json!("lei.wang@example.com")
    );
    // clear_text false: added to what is there.
    let added = act(
        &mut agent,
        json!({"action_type": "input_text", "index": login, "text": "x", "clear_text": false}),
    );
    assert_eq!(
        value_of(&added, "signin.login"),
        json!("lei.wang@example.comx")
    );
    // With the focus on the field, KEYCODE_DEL deletes the x.
    act(&mut agent, json!({"action_type": "click", "index": login}));
    let deleted = act(
        &mut agent,
        json!({"action_type": "press_keyboard", "keycode": "KEYCODE_DEL"}),
    );
    no_error(&deleted);
    assert_eq!(
        value_of(&deleted, "signin.login"),
        json!("lei.wang@example.com")
    );
    // At x,y (cells): the password field, typed into, and Enter tries to sign in: the form
    // asks for the agreement, and nothing is signed in.
    let [x, y, _, _] = bbox(&deleted, "signin.password");
    let signed = act(
        &mut agent,
        json!({"action_type": "input_text", "x": x, "y": y, "text": "Xiaomi#2026"}),
    );
    no_error(&signed);
    assert_eq!(signed["observation"]["screen"], json!("sign_in"));
    assert_eq!(focused_id(&signed), json!("signin.agree"));
    assert_eq!(value_of(&signed, "signin.password"), json!("•".repeat(11)));
    // Not a text field: refused, nothing done.
    let agree = index_of(&signed, "signin.agree");
    let refused = act(
        &mut agent,
        json!({"action_type": "input_text", "index": agree, "text": "yes"}),
    );
    assert!(
        refused["info"]["error"]
            .as_str()
            .unwrap_or_default()
            .contains("no text field"),
        "{}",
        refused["info"]
    );
    assert_eq!(
        elements(&refused)[agree]["checked"],
        signed["observation"]["elements"][agree]["checked"]
    );
}

fn bbox(answer: &Value, id: &str) -> [u64; 4] {
    let b = &elements(answer)[index_of(answer, id)]["bbox"];
    [0, 1, 2, 3].map(|i| b[i].as_u64().expect("a bbox"))
}

/// AndroidWorld's keycodes as the phone's keys; an unknown one is refused, saying which exist.
#[test]
fn keycodes_press_the_phones_keys() {
    let mut agent = crate::common::agent_server(None, false);
    let start = reset(&mut agent, "turn_on_bluetooth", 0, json!({}));
    let bluetooth = index_of(&start, "settings.bluetooth");
    act(
        &mut agent,
        json!({"action_type": "click", "index": bluetooth}),
    );
    let back = act(
        &mut agent,
        json!({"action_type": "press_keyboard", "keycode": "KEYCODE_BACK"}),
    );
    no_error(&back);
    assert_eq!(back["observation"]["screen"], json!("settings"));
    let home = act(
        &mut agent,
        json!({"action_type": "press_keyboard", "keycode": "KEYCODE_HOME"}),
    );
    assert_eq!(home["observation"]["screen"], json!("home_screen"));
    let down = act(
        &mut agent,
        json!({"action_type": "press_keyboard", "keycode": "KEYCODE_DPAD_DOWN"}),
    );
    no_error(&down);
    assert_eq!(focused_id(&down), json!("home.contacts"));
    let enter = act(
        &mut agent,
        json!({"action_type": "press_keyboard", "keycode": "KEYCODE_ENTER"}),
    );
    assert_ne!(enter["observation"]["screen"], json!("home_screen"));
    for unknown in ["KEYCODE_VOLUME_UP", "KEYCODE_", "ENTER"] {
        let refused = act(
            &mut agent,
            json!({"action_type": "press_keyboard", "keycode": unknown}),
        );
        let error = refused["info"]["error"].as_str().unwrap_or_default();
        assert!(
            error.contains("unknown keycode") && error.contains("KEYCODE_ENTER"),
            "{error}"
        );
    }
}

/// A double tap is two clicks (a switch flipped twice is as it was); swipe is the inverse of
/// scroll; a long press at x,y touches what is there.
#[test]
fn double_tap_swipe_and_long_press() {
    let mut agent = crate::common::agent_server(None, false);
    let start = reset(
        &mut agent,
        "turn_on_bluetooth",
        0,
        json!({"finish": "on_status"}),
    );
    let [x, y, _, _] = bbox(&start, "settings.bluetooth");
    let opened = act(
        &mut agent,
        json!({"action_type": "long_press", "x": x + 3, "y": y}),
    );
    no_error(&opened);
    assert_eq!(opened["observation"]["screen"], json!("bluetooth"));
    let toggle = index_of(&opened, "bluetooth.toggle");
    let twice = act(
        &mut agent,
        json!({"action_type": "double_tap", "index": toggle}),
    );
    no_error(&twice);
    assert_eq!(
        elements(&twice)[toggle]["checked"],
        json!(false),
        "on, then off"
    );
    let once = act(&mut agent, json!({"action_type": "click", "index": toggle}));
    assert_eq!(elements(&once)[toggle]["checked"], json!(true));
    // A long page: swipe up shows what is below, as scroll down does; swipe down goes back.
    let mut agent = crate::common::agent_server(None, false);
    let start = reset(&mut agent, "turn_on_bluetooth", 0, json!({"height": 12}));
    assert_eq!(start["observation"]["scroll"]["position"], json!(0));
    let up = act(
        &mut agent,
        json!({"action_type": "swipe", "direction": "up"}),
    );
    let position = up["observation"]["scroll"]["position"]
        .as_u64()
        .unwrap_or(0);
    assert!(position > 0, "{}", up["observation"]["scroll"]);
    let scrolled = {
        let mut other = crate::common::agent_server(None, false);
        reset(&mut other, "turn_on_bluetooth", 0, json!({"height": 12}));
        act(
            &mut other,
            json!({"action_type": "scroll", "direction": "down"}),
        )
    };
    assert_eq!(
        scrolled["observation"]["scroll"],
        up["observation"]["scroll"]
    );
    let down = act(
        &mut agent,
        json!({"action_type": "swipe", "direction": "down"}),
    );
    assert_eq!(down["observation"]["scroll"]["position"], json!(0));
    let sideways = act(
        &mut agent,
        json!({"action_type": "swipe", "direction": "left"}),
    );
    assert!(
        sideways["info"]["error"]
            .as_str()
            .unwrap_or_default()
            .contains("sideways")
    );
}

/// In pixel terms every element carries its box in pixels (8×16 per cell, times the scale),
/// and x,y are pixels: the middle of an element's pixel box touches it.
#[test]
fn pixel_coordinates_and_boxes() {
    for scale in [1u64, 2] {
        let mut agent = crate::common::agent_server(None, false);
        let start = reset(
            &mut agent,
            "turn_on_bluetooth",
            0,
            json!({"coordinates": "pixels", "scale": scale}),
        );
        for element in elements(&start) {
            if let Some(cells) = element["bbox"].as_array() {
                let cells: Vec<u64> = cells.iter().filter_map(Value::as_u64).collect();
                let expected = json!([
                    cells[0] * 8 * scale,
                    cells[1] * 16 * scale,
                    cells[2] * 8 * scale,
                    cells[3] * 16 * scale
                ]);
                assert_eq!(element["bbox_pixels"], expected, "{element}");
            } else {
                assert!(element["bbox_pixels"].is_null());
            }
        }
        let pixels = &elements(&start)[index_of(&start, "settings.bluetooth")]["bbox_pixels"];
        let at = |i: usize| pixels[i].as_u64().expect("a number");
        let (x, y) = (at(0) + at(2) / 2, at(1) + at(3) / 2);
        let clicked = act(&mut agent, json!({"action_type": "click", "x": x, "y": y}));
        no_error(&clicked);
        assert_eq!(
            clicked["observation"]["screen"],
            json!("bluetooth"),
            "scale {scale}"
        );
    }
    // In cells (the default), no pixel boxes; that pixel is no cell on the screen.
    let mut agent = crate::common::agent_server(None, false);
    let start = reset(&mut agent, "turn_on_bluetooth", 0, json!({}));
    assert!(elements(&start).iter().all(|e| e["bbox_pixels"].is_null()));
    let missed = act(
        &mut agent,
        json!({"action_type": "click", "x": 240, "y": 120}),
    );
    assert!(
        missed["info"]["error"]
            .as_str()
            .unwrap_or_default()
            .contains("nothing to touch")
    );
    // Bad options are refused, saying what is allowed.
    for (options, words) in [
        (json!({"coordinates": "pixels", "scale": 5}), "from 1 to 4"),
        (json!({"seconds_per_action": 7200}), "at most 3600"),
        (json!({"coordinates": "inches"}), "unknown variant"),
    ] {
        let refused = ask(
            &mut agent,
            json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0, "options": options}),
        );
        let error = refused["error"].as_str().unwrap_or_default();
        assert!(error.contains(words), "{options}: {refused}");
    }
}
