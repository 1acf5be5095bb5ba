//! What a person waits on in the phone itself: start-up, a step through the core, a frame drawn
//! (beside ratatui's own yardsticks), the password check and the walks that use it.

use std::hint::black_box;
use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, List, Widget};

use super::measure::Measure;
use super::workloads::{
    HEIGHT, WALK, WIDTH, new_engine, security_walk, sign_in_and_out, signed_in_engine, start,
    test_terminal,
};
use crate::engine::Engine;
use crate::screens::Action;
use crate::shells::store;
use crate::sim::cloud;
use crate::sim::device::{DeviceFile, Language, Skin};
use crate::strings::{self, Tr};
use crate::ui::{self, Theme};

/// Start-up as the interactive app does it: read the device file (written into `folder`), build
/// the phone, draw the first frame (the terminal's own set-up is not ours to speed up).
pub(super) fn startup(folder: &Path, iterations: u32) -> std::io::Result<Measure> {
    let path = folder.join("device.json");
    std::fs::write(&path, store::to_json(&DeviceFile::factory_default()))?;
    let theme = Theme::miui();
    Ok(Measure::time(
        "start-up to first frame",
        (iterations / 20).max(1),
        |_| {
            if let Ok(device) = store::load(&path) {
                let engine = Engine::new(device, start());
                let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
                black_box(ui::render(engine.view(), buffer.area, &mut buffer, &theme));
            }
        },
    ))
}

/// A step through the core alone, then as a replay draws it, in English and in Chinese; and an
/// English fixture's text looked up on a Chinese phone.
pub(super) fn steps(iterations: u32) -> Vec<Measure> {
    let theme = Theme::miui();
    let mut measures = Vec::new();
    let mut engine = new_engine();
    measures.push(Measure::time("step: update + view", iterations, |i| {
        let action = WALK[i as usize % WALK.len()].clone();
        black_box(engine.apply(action));
        black_box(engine.view());
    }));

    // What a replay step costs: the runner draws straight into a buffer and reads it as text.
    // The same walk on a phone that speaks Chinese: two-cell characters, Chinese line breaking.
    for (language, name) in [
        (
            Language::En,
            "rendered step: update + view + draw 60x24 + frame text",
        ),
        (
            Language::ZhCn,
            "rendered step in zh-CN: update + view + draw 60x24 + frame text",
        ),
    ] {
        let mut device = DeviceFile::factory_default();
        device.phone.language = language;
        let mut engine = Engine::new(device, start());
        let mut screen = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
        measures.push(Measure::time(name, iterations, |i| {
            let action = WALK[i as usize % WALK.len()].clone();
            black_box(engine.apply(action));
            black_box(ui::render(engine.view(), screen.area, &mut screen, &theme));
            black_box(ui::buffer_text(&screen));
        }));
    }

    // What an English fixture's text costs on a Chinese phone when it is not on screen as
    // written: its counterparts in the string table (a piece of a message, and a text that is
    // none of the phone's, which costs the most).
    let chinese = Tr::speaking(Skin::Miui, Language::ZhCn);
    let texts = [
        "After device is removed, it will be signed out of",
        "Lagos, Nigeria · not a text of the phone's at all",
    ];
    measures.push(Measure::time(
        "an English text looked up on a Chinese phone",
        iterations,
        |i| {
            black_box(strings::counterparts(
                texts[i as usize % texts.len()],
                chinese,
            ));
        },
    ));
    measures
}

/// What the interactive phone does on a key, then the yardsticks: ratatui itself drawing a
/// bordered 20-row List at the same size, through a Terminal as an app does, and straight into
/// a buffer read back as text as a replay does.
pub(super) fn frames(iterations: u32) -> Vec<Measure> {
    let theme = Theme::miui();
    let mut measures = Vec::new();
    // The same step as a replay's, through a ratatui Terminal (double buffer and diff), minus
    // the terminal's own I/O.
    let mut engine = new_engine();
    let mut terminal = test_terminal();
    measures.push(Measure::time(
        "interactive redraw: update + view + Terminal::draw 60x24",
        iterations,
        |i| {
            let action = WALK[i as usize % WALK.len()].clone();
            black_box(engine.apply(action));
            let view = engine.view();
            let _ = terminal.draw(|frame| {
                black_box(ui::draw(view, frame, &theme));
            });
        },
    ));

    let items: Vec<String> = (1..=20).map(|i| format!("Row {i}")).collect();
    let list = || {
        List::new(items.iter().map(String::as_str)).block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .title("Settings"),
        )
    };
    let mut terminal = test_terminal();
    measures.push(Measure::time(
        "ratatui baseline: bordered 20-row List, Terminal::draw",
        iterations,
        |_| {
            let _ = terminal.draw(|frame| frame.render_widget(list(), frame.area()));
        },
    ));
    let mut screen = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    measures.push(Measure::time(
        "ratatui baseline: same List into a buffer + frame text",
        iterations,
        |_| {
            screen.reset();
            list().render(screen.area, &mut screen);
            black_box(ui::buffer_text(&screen));
        },
    ));
    measures
}

/// The password check, and the walks a person takes through the account: signing in and out
/// (the costliest walk the core has), the security pages, a long login history.
pub(super) fn walks(iterations: u32) -> Vec<Measure> {
    let theme = Theme::miui();
    let mut measures = Vec::new();
    // Signing in and out checks the password hash twice (sign in, then sign out with Find
    // Device on).
    let hash = DeviceFile::factory_default().cloud.accounts[0]
        .password_hash
        .clone();
    measures.push(Measure::time(
        "password check (Argon2id, 1 MiB, 1 pass)",
        (iterations / 50).max(7),
        |_| {
            black_box(cloud::hash_matches(&hash, "Xiaomi#2026"));
        },
    ));
    let mut engine = new_engine();
    let walk = sign_in_and_out();
    measures.push(Measure::walk(
        "sign in + sign out walk (16 steps, 2 hash checks), per step",
        (iterations / 500).max(7),
        &walk,
        |step| {
            black_box(step.play(&mut engine));
            black_box(engine.view());
        },
    ));

    // Account security and devices, drawn as a replay draws them.
    let mut engine = signed_in_engine(0);
    let walk = security_walk();
    let mut screen = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    measures.push(Measure::walk(
        "security + devices walk (10 steps), rendered, per step",
        (iterations / 10).max(7),
        &walk,
        |action| {
            black_box(engine.apply(action.clone()));
            black_box(ui::render(engine.view(), screen.area, &mut screen, &theme));
            black_box(ui::buffer_text(&screen));
        },
    ));
    // A long-lived account: its login history page holds every sign-in.
    let mut engine = signed_in_engine(1_000);
    for action in &walk[..3] {
        engine.apply(action.clone());
    }
    measures.push(Measure::time(
        "login history page, 1,000 sign-ins on file, drawn",
        (iterations / 10).max(7),
        |_| {
            black_box(engine.apply(Action::Tick));
            black_box(ui::render(engine.view(), screen.area, &mut screen, &theme));
        },
    ));
    measures
}
