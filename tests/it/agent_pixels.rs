//! The agent protocol's pixels: a reset's `observation` option makes every answer announce the
//! frame as pixels and send them as raw bytes after its line; they are the PNG that `render`
//! writes, pixel for pixel; asking for none leaves the answers as they were.

use std::io::{BufReader, Cursor};
use std::sync::atomic::AtomicBool;

use serde_json::{Value, json};

use mi_settings::shells::agent::serve;
use mi_settings::ui::pixels::png;

/// One answer off the pipe: its JSON, and the pixels that followed it.
struct Answer {
    json: Value,
    line: String,
    pixels: Option<Vec<u8>>,
}

/// The answers `requests` get over the pipe, read as a client reads them: a line, then as many
/// bytes as it announces.
fn session(requests: &[Value]) -> Vec<Answer> {
    let input: String = requests.iter().map(|r| format!("{r}\n")).collect();
    let mut server = crate::common::agent_server(None, false);
    let mut output = Vec::new();
    let never = AtomicBool::new(false);
    serve(
        &mut server,
        BufReader::new(Cursor::new(input.into_bytes())),
        &mut output,
        &never,
    )
    .expect("serves");
    let mut answers = Vec::new();
    let mut rest = &output[..];
    while !rest.is_empty() {
        let end = rest.iter().position(|&b| b == b'\n').expect("a whole line");
        let line = std::str::from_utf8(&rest[..end])
            .expect("UTF-8")
            .to_string();
        rest = &rest[end + 1..];
        let json: Value = serde_json::from_str(&line).expect("JSON");
        // Pixels written into the client's file do not follow the line.
        let after_line = json.get("pixels").filter(|p| p["file"] != json!(true));
        let pixels = after_line.map(|announced| {
            let bytes = announced["bytes"].as_u64().expect("bytes") as usize;
            let (pixels, after) = rest.split_at(bytes);
            rest = after;
            pixels.to_vec()
        });
        answers.push(Answer { json, line, pixels });
    }
    answers
}

fn walk(options: Value) -> Vec<Value> {
    vec![
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 1, "options": options}),
        json!({"op": "step", "action": {"action_type": "click", "label": "Bluetooth"}}),
        json!({"op": "render", "format": "png"}),
        json!({"op": "step", "action": {"action_type": "bogus"}}),
        json!({"op": "render"}),
        json!({"op": "step", "action": {"action_type": "navigate_back"}}),
        json!({"op": "tasks"}),
    ]
}

fn base64_decoded(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let mut out = Vec::new();
    for chunk in text.as_bytes().chunks(4) {
        let digits: Vec<u8> = chunk
            .iter()
            .filter(|&&c| c != b'=')
            .map(|&c| value(c))
            .collect();
        let n = digits
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | u32::from(d) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..digits.len()]);
    }
    out
}

#[test]
fn pixels_follow_each_answer_that_announces_them_and_are_the_pngs_pixels() {
    let answers = session(&walk(json!({"observation": "pixels"})));
    assert_eq!(answers.len(), 7);
    let with_pixels: Vec<usize> = (0..answers.len())
        .filter(|&i| answers[i].pixels.is_some())
        .collect();
    // The reset and the two steps that were carried out; a malformed action is a step too.
    assert_eq!(with_pixels, [0, 1, 3, 5], "{}", answers[3].line);
    for i in with_pixels {
        let answer = &answers[i];
        assert_eq!(
            answer.json["pixels"],
            json!({"width": 480, "height": 384, "bytes": 480 * 384 * 3})
        );
        // Pixels only: no observation.
        assert!(answer.json.get("observation").is_none(), "{}", answer.line);
        assert!(answer.json.get("observation_text").is_none());
        assert!(answer.json["info"].is_object());
    }
    let png = base64_decoded(answers[2].json["png"].as_str().expect("png"));
    let picture = png::decode(&png).expect("a PNG");
    assert_eq!((picture.width, picture.height), (480, 384));
    // (Compared with `==`: a failed `assert_eq!` would print half a million numbers.)
    assert!(
        Some(&picture.rgb) == answers[1].pixels.as_ref(),
        "the PNG's pixels"
    );
    assert!(
        answers[0].pixels != answers[1].pixels,
        "the click changed the screen"
    );
    assert!(
        answers[1].pixels == answers[3].pixels,
        "a malformed action changes nothing"
    );
    assert!(
        answers[3].pixels != answers[5].pixels,
        "back changed the screen"
    );
    assert!(
        answers[4].json["frame"]
            .as_str()
            .expect("frame")
            .contains("Bluetooth")
    );
}

#[test]
fn without_pixels_the_answers_are_as_they_were_and_both_adds_only_pixels() {
    let before = session(&walk(json!({"frame": true})));
    let text = session(&walk(json!({"frame": true, "observation": "text"})));
    let both = session(&walk(
        json!({"frame": true, "observation": "both", "scale": 2}),
    ));
    let lines = |answers: &[Answer]| answers.iter().map(|a| a.line.clone()).collect::<Vec<_>>();
    assert_eq!(lines(&before), lines(&text));
    assert!(before.iter().all(|a| a.pixels.is_none()));
    assert!(!before[0].line.contains("pixels"), "{}", before[0].line);
    let mut compared = 0;
    for (plain, both) in before.iter().zip(&both) {
        let mut json = both.json.clone();
        if let Some(pixels) = json.as_object_mut().and_then(|o| o.remove("pixels")) {
            assert_eq!(
                pixels,
                json!({"width": 960, "height": 768, "bytes": 960 * 768 * 3})
            );
            assert_eq!(both.pixels.as_ref().map(Vec::len), Some(960 * 768 * 3));
            compared += 1;
        }
        if plain.json.get("png").is_some() {
            continue;
        }
        // The frame drawn in colour reads as the same text.
        assert_eq!(plain.json, json, "{}", plain.line);
    }
    assert_eq!(compared, 4);
}

#[test]
fn a_png_can_be_had_without_pixels_at_the_episodes_scale() {
    let answers = session(&[
        json!({"op": "render", "format": "png"}),
        json!({"op": "reset", "task": "turn_on_bluetooth", "options": {"scale": 2}}),
        json!({"op": "render", "format": "png"}),
        json!({"op": "render", "format": "text"}),
    ]);
    assert!(
        answers[0].json["error"]
            .as_str()
            .expect("error")
            .contains("no episode")
    );
    assert!(answers[1].pixels.is_none());
    assert_eq!(
        (
            answers[2].json["width"].clone(),
            answers[2].json["height"].clone()
        ),
        (json!(960), json!(768))
    );
    let png = base64_decoded(answers[2].json["png"].as_str().expect("png"));
    assert_eq!(png::decode(&png).expect("a PNG").width, 960);
    assert!(answers[3].json["frame"].is_string());
}

#[test]
fn bad_pixel_options_are_refused_by_name() {
    let reset =
        |options: Value| json!({"op": "reset", "task": "turn_on_bluetooth", "options": options});
    let answers = session(&[
        reset(json!({"observation": "rgb"})),
        reset(json!({"observation": "pixels", "scale": 0})),
        reset(json!({"observation": "pixels", "scale": 5})),
        reset(json!({"observation": "both", "scale": 2, "width": 500, "height": 200})),
        reset(json!({"scale": "2"})),
        json!({"op": "render", "format": "gif"}),
    ]);
    let errors: Vec<&str> = answers
        .iter()
        .map(|a| {
            a.json["error"]
                .as_str()
                .unwrap_or_else(|| panic!("{}", a.line))
        })
        .collect();
    assert!(errors[0].contains("unknown variant `rgb`"), "{}", errors[0]);
    assert_eq!(errors[1], "options.scale 0: from 1 to 4");
    assert_eq!(errors[2], "options.scale 5: from 1 to 4");
    assert!(errors[3].contains("153600000 bytes"), "{}", errors[3]);
    assert!(errors[4].contains("invalid type"), "{}", errors[4]);
    assert!(errors[5].contains("unknown variant `gif`"), "{}", errors[5]);
    assert!(answers.iter().all(|a| a.pixels.is_none()));
}

#[cfg(unix)]
#[test]
fn pixels_go_into_the_clients_file_when_it_names_one_and_a_link_is_refused() {
    let dir = tempfile::tempdir().expect("a folder");
    let file = dir.path().join("frame");
    std::fs::write(&file, vec![7u8; 480 * 384 * 3]).expect("written");
    let target = dir.path().join("target");
    std::fs::write(&target, [7u8; 16]).expect("written");
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&target, &link).expect("a link");
    let reset = |path: &std::path::Path, observation: &str| {
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 1,
               "options": {"observation": observation, "pixels_file": path}})
    };
    let answers = session(&[
        reset(&link, "pixels"),
        reset(&dir.path().join("missing"), "both"),
        reset(dir.path(), "pixels"),
        reset(&file, "pixels"),
        json!({"op": "step", "action": {"action_type": "click", "label": "Bluetooth"}}),
        json!({"op": "render", "format": "png"}),
    ]);
    for (i, what) in [
        (0, "not a regular file"),
        (1, "No such file"),
        (2, "not a regular file"),
    ] {
        let error = answers[i].json["error"].as_str().unwrap_or_default();
        assert!(error.starts_with("options.pixels_file "), "{error}");
        assert!(error.contains(what), "{error}");
    }
    let announced = json!({"width": 480, "height": 384, "bytes": 480 * 384 * 3, "file": true});
    for i in [3, 4] {
        assert_eq!(answers[i].json["pixels"], announced, "{}", answers[i].line);
        // Nothing follows the line: the next answer was read where it should be.
        assert!(answers[i].pixels.is_none());
    }
    let png = base64_decoded(answers[5].json["png"].as_str().expect("png"));
    let picture = png::decode(&png).expect("a PNG");
    let written = std::fs::read(&file).expect("the file");
    assert!(written == picture.rgb, "the file holds the step's frame");
    assert_eq!(written.len(), 480 * 384 * 3);
    assert_eq!(
        std::fs::read(&target).expect("the link's target"),
        [7u8; 16]
    );
}
