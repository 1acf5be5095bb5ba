//! Pages open at their top, at every size: a page's first lines (what it is about, the facts a
//! guide promises there) are in sight when it opens, the focus sits on its first touchable
//! element only when that keeps them so, and a page taller than the screen says on its hint
//! line that ↑↓ bring the rest into view. And the hint line keeps what keys.rs says it keeps:
//! `?` (whose help names every key) at any width, its dots at 60 columns.

use std::collections::HashSet;
use std::path::Path;

use mi_settings::engine::{Engine, Key};
use mi_settings::play::fixture::{Step, TerminalSize, WaitDuration};
use mi_settings::shells::replay::batch;
use mi_settings::shells::replay::run::{self as runner, Options};
use mi_settings::sim::device::DeviceFile;
use mi_settings::strings::S;
use mi_settings::ui::{self, TextGrid, Theme};

use crate::common::{signed_in_device, tap};

const SIZES: [(u16, u16); 2] = [(40, 12), (60, 24)];

fn frame(engine: &Engine) -> String {
    let (width, height) = engine.viewport();
    let mut grid = TextGrid::new(width, height);
    ui::render_text(engine.view(), &mut grid, &Theme::miui());
    grid.text()
}

/// The hint line: the line above the phone's bottom border.
fn hint_line(engine: &Engine) -> String {
    frame(engine)
        .lines()
        .rev()
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

/// Every fixture, played at each size (its snapshots, drawn at its own size, left out): each
/// page the walkthrough opens (a screen it had not shown yet) is at its top then, and names ↑↓
/// when it is taller than the screen.
#[test]
fn every_page_opens_at_its_top_at_40x12_and_60x24() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let files = batch::collect(&[dir]).expect("fixtures");
    let loaded = batch::load_all(&files).expect("fixtures load");
    let options = Options {
        ci: true,
        ..Options::default()
    };
    let mut wrong = Vec::new();
    let mut opened = 0;
    for (width, height) in SIZES {
        for fixture in &loaded {
            let mut fixture = fixture.clone();
            fixture.fixture.terminal = Some(TerminalSize { width, height });
            let steps = &mut fixture.fixture.steps;
            steps.retain(|step| !matches!(step, Step::Snapshot(_)));
            // A step that changes nothing first, so the page the walkthrough starts on is seen
            // (as already open) before any step.
            steps.insert(0, Step::Wait(WaitDuration::from_seconds(0)));
            let name = fixture
                .path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            let mut shown: HashSet<(String, String)> = HashSet::new();
            let mut look = |step: usize, engine: &Engine| {
                let view = engine.view();
                let step = step.saturating_sub(1);
                let context = engine.context();
                let line = hint_line(engine);
                let help = format!("? {}", engine.tr().get(S::HintHelp));
                if view.toast.is_none() && !context.typing && !context.busy && !context.help {
                    if !line.contains(&help) {
                        wrong.push(format!(
                            "{name} step {step} at {width}x{height}: no `{help}` on {line:?}"
                        ));
                    }
                    if context.browser && !line.contains("F2") {
                        wrong.push(format!(
                            "{name} step {step} at {width}x{height}: no way back on {line:?}"
                        ));
                    }
                    if width >= 60 && view.hints.len() > 1 && !line.contains(" · ") {
                        wrong.push(format!(
                            "{name} step {step} at {width}x{height}: no dots on {line:?}"
                        ));
                    }
                }
                if view.dialog.is_some() || view.overlay.is_some() {
                    return;
                }
                if !shown.insert((view.screen.clone(), view.title.clone())) {
                    return;
                }
                if step == 0 {
                    return;
                }
                opened += 1;
                if view.scroll != 0 {
                    wrong.push(format!(
                        "{name} step {step} at {width}x{height}: {} opens scrolled by {}\n{}",
                        view.screen,
                        view.scroll,
                        frame(engine)
                    ));
                }
                if engine.context().taller
                    && !view
                        .hints
                        .iter()
                        .any(|h| h.does == engine.tr().get(S::HintMore))
                {
                    wrong.push(format!(
                        "{name} step {step} at {width}x{height}: {} is taller than the screen \
                         and its hint line does not say so\n{}",
                        view.screen,
                        frame(engine)
                    ));
                }
            };
            let outputs = runner::Outputs {
                each_step: Some(&mut look),
                ..runner::Outputs::default()
            };
            // At another size a walkthrough may not get as far (a text it expects out of
            // sight): the pages it opened until then are checked.
            let _ = runner::run(&fixture, &options, outputs);
        }
    }
    assert!(opened > 100, "only {opened} pages opened");
    assert!(
        wrong.is_empty(),
        "{} pages do not open at their top:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// keys.rs's order: q's quit (which Ctrl-C also does) gives way first, and `?` never does.
#[test]
fn at_40_columns_help_stays_and_quit_goes_first() {
    let engine = crate::common::phone_with_size(DeviceFile::factory_default(), 40, 12);
    let line = hint_line(&engine);
    assert!(line.contains("? help"), "{line}");
    assert!(!line.contains("q quit"), "{line}");
    let engine = crate::common::phone_with_size(DeviceFile::factory_default(), 50, 16);
    let line = hint_line(&engine);
    assert!(
        line.contains("F2 browser") && !line.contains("q quit"),
        "{line}"
    );
}

/// Seed 000's device page at 40x12: the model, type, last login and location in sight when it
/// opens, the hint line naming ↑↓; ↓ then reaches Remove, and ↑ brings the top back.
#[test]
fn a_devices_page_opens_at_its_facts_and_down_reaches_remove() {
    let mut engine = crate::common::phone_with_size(signed_in_device(), 40, 12);
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.devices");
    tap(&mut engine, "devices.4");
    let screen = frame(&engine);
    assert_eq!(engine.view().scroll, 0, "{screen}");
    assert!(screen.contains("Model"), "{screen}");
    let hints = hint_line(&engine);
    assert!(hints.contains("↑↓ more"), "{hints}");
    assert!(hints.contains("? help"), "{hints}");
    // Nothing out of sight is focused: Enter presses nothing unseen.
    assert_eq!(engine.view().focused(), None, "{screen}");
    assert!(!hints.contains("Enter"), "{hints}");
    insta::assert_snapshot!("device_page_opens_at_top_40x12", screen);
    for _ in 0..20 {
        engine.press(Key::Down);
        if engine.view().focused().is_some() {
            break;
        }
    }
    assert_eq!(
        engine.view().focused().map(|e| e.id.to_string()).as_deref(),
        Some("device.remove"),
        "{}",
        frame(&engine)
    );
    assert!(
        hint_line(&engine).contains("Enter press"),
        "{}",
        hint_line(&engine)
    );
    for _ in 0..20 {
        engine.press(Key::Up);
    }
    assert_eq!(engine.view().scroll, 0, "{}", frame(&engine));
}
