//! Every word the phone shows can be read at every supported size: each screen, dialog, toast
//! and notification that any walkthrough (fixture) passes through is drawn at 40x12 and 60x24,
//! scrolled from top to bottom a line at a time as a person would (PageDown, the wheel), and
//! every string of its View — title, labels, values, summaries, dialog title and body, toast,
//! notification, the browser's address — must appear in what can be read. Text may wrap, scroll
//! or be cut with "…" where the whole of it is readable elsewhere on the same screen; it may not
//! simply be lost. The `?` key help is read the same way.

use std::collections::HashSet;
use std::path::Path;

use mi_settings::engine::{Engine, Key};
use mi_settings::layout::{Area, DialogLayout, PhoneLayout};
use mi_settings::screens::Action;
use mi_settings::shells::replay::batch;
use mi_settings::shells::replay::run::{self as runner, Options};
use mi_settings::ui::{self, TextGrid, Theme};
use mi_settings::view::View;

/// The sizes every screen must be readable at: the smallest supported and the usual one.
const SIZES: [(u16, u16); 2] = [(40, 12), (60, 24)];

/// The most lines a screen is scrolled through before the test gives up on reaching its end.
const MOST_LINES: usize = 2_000;

/// A state of the phone some walkthrough passed through.
struct Seen {
    engine: Engine,
    origin: String,
}

/// Every string of `view` a person must be able to read: a dialog's, while one is open (the
/// page under it is read once it closes), else the page's.
fn words(view: &View) -> Vec<String> {
    let mut words: Vec<String> = view.toast.iter().cloned().collect();
    let elements = match &view.dialog {
        Some(dialog) => {
            words.push(dialog.title.clone());
            words.extend(
                dialog
                    .body
                    .iter()
                    .flat_map(|b| b.lines().map(str::to_string)),
            );
            &dialog.elements
        }
        None => {
            words.push(view.title.clone());
            // The browser shows its address where the phone shows the time; on a narrow
            // screen only the site, as phone browsers do (the title names the page).
            match &view.address {
                Some(address) => words.push(address.split('/').next().unwrap_or("").into()),
                None => words.push(view.status.time.clone()),
            }
            &view.elements
        }
    };
    for element in elements {
        words.push(element.label.to_string());
        words.extend(element.summary.iter().map(|s| s.to_string()));
        // What is typed in a field scrolls with the cursor, like any phone's input line.
        if !element.role.is_text_input() {
            words.extend(element.value.iter().map(|v| v.to_string()));
        }
    }
    words.retain(|w| !w.trim().is_empty());
    words
}

/// What makes two states read alike: their words, with digits made one (a countdown that
/// ticks, a clock) so that walkthroughs that only wait add nothing new.
fn likeness(view: &View) -> String {
    let mut key = format!(
        "{}|{}|",
        view.screen,
        view.dialog.as_ref().map_or("", |d| d.id.as_str())
    );
    for word in words(view) {
        key.extend(
            word.chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c }),
        );
        key.push('|');
    }
    key
}

/// Every distinct state the fixtures pass through.
fn states() -> Vec<Seen> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let files = batch::collect(&[dir]).expect("fixtures");
    let options = Options {
        ci: true,
        ..Options::default()
    };
    let mut seen = HashSet::new();
    let mut states = Vec::new();
    for loaded in batch::load_all(&files).expect("fixtures load") {
        let name = loaded
            .path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let mut keep = |step: usize, engine: &Engine| {
            if seen.insert(likeness(engine.view())) {
                states.push(Seen {
                    engine: engine.clone(),
                    origin: format!("{name} step {step}"),
                });
            }
        };
        let outputs = runner::Outputs {
            each_step: Some(&mut keep),
            ..runner::Outputs::default()
        };
        let report = runner::run(&loaded, &options, outputs);
        assert!(report.passed(), "{name} fails: see the replay test");
    }
    states
}

/// The frame's lines that scroll: the dialog's text when a dialog is open, else the page.
fn scrolling_rows(view: &View, width: u16, height: u16) -> Option<(usize, usize)> {
    let phone = PhoneLayout::new(Area::new(0, 0, width, height))?;
    let rows = match &view.dialog {
        Some(dialog) => {
            DialogLayout::new(dialog, phone.room_for_dialog(view.toast.as_deref())).text
        }
        None => phone.page,
    };
    Some((usize::from(rows.y), usize::from(rows.bottom())))
}

fn frame_of(view: &View, grid: &mut TextGrid, theme: &Theme) -> String {
    ui::render_text(view, grid, theme);
    grid.text()
}

fn scroll_of(view: &View) -> u16 {
    view.dialog.as_ref().map_or(view.scroll, |d| d.scroll)
}

/// All that can be read of the phone in `engine` at this size: each frame from the top of its
/// scrolling text to the bottom, and the scrolling text stitched whole.
fn readable(mut engine: Engine, width: u16, height: u16, theme: &Theme) -> Vec<String> {
    engine.apply(Action::Resize { width, height });
    engine.apply(Action::Scroll(-i32::from(u16::MAX)));
    let mut grid = TextGrid::new(width, height);
    let mut readings = Vec::new();
    let mut stitched: Vec<String> = Vec::new();
    for _ in 0..MOST_LINES {
        let view = engine.view().clone();
        readings.push(ui::reading(&frame_of(&view, &mut grid, theme), theme));
        // The page under a toast, for stitching: the toast was read above.
        let mut bare = view.clone();
        bare.toast = None;
        let frame = frame_of(&bare, &mut grid, theme);
        let lines: Vec<&str> = frame.lines().collect();
        if let Some((top, bottom)) = scrolling_rows(&view, width, height) {
            let rows = lines.get(top..bottom.min(lines.len())).unwrap_or_default();
            if stitched.is_empty() {
                stitched.extend(rows.iter().map(|r| r.to_string()));
            } else if let Some(last) = rows.last() {
                stitched.push(last.to_string());
            }
        }
        let before = scroll_of(&view);
        engine.apply(Action::Scroll(1));
        if scroll_of(engine.view()) == before {
            break;
        }
    }
    readings.push(ui::reading(&stitched.join("\n"), theme));
    readings
}

/// The strings of `view` that nothing readable at this size shows.
fn unread(view: &View, readings: &[String]) -> Vec<String> {
    words(view)
        .into_iter()
        .filter(|word| {
            let word = ui::as_read(word);
            !readings.iter().any(|r| r.contains(&word))
        })
        .collect()
}

#[test]
fn every_word_of_every_screen_can_be_read_at_40x12_and_60x24() {
    let theme = Theme::miui();
    let states = states();
    assert!(states.len() > 100, "only {} states", states.len());
    let mut lost = Vec::new();
    let mut helps = HashSet::new();
    for seen in &states {
        for (width, height) in SIZES {
            let mut engine = seen.engine.clone();
            engine.apply(Action::Resize { width, height });
            let view = engine.view().clone();
            // The hint line never cuts a hint, and the browser's always says how to get back.
            if view.toast.is_none() {
                let mut grid = TextGrid::new(width, height);
                let frame = frame_of(&view, &mut grid, &theme);
                let hint_line = frame.lines().rev().nth(1).unwrap_or_default();
                if hint_line.contains('…')
                    || (view.surface == "browser" && !hint_line.contains("F2 phone"))
                {
                    lost.push(format!(
                        "{} at {width}x{height}: the hint line {hint_line:?}",
                        seen.origin
                    ));
                }
            }
            let readings = readable(seen.engine.clone(), width, height, &theme);
            for word in unread(&view, &readings) {
                lost.push(format!(
                    "{} at {width}x{height}, {} {}: {word:?}",
                    seen.origin,
                    view.screen,
                    view.dialog.as_ref().map_or("", |d| d.id.as_str())
                ));
            }
            // The key help of what is in front, once per distinct help.
            let mut help = engine.clone();
            help.press(Key::Char('?'));
            let help_view = help.view().clone();
            let is_help = help_view.dialog.as_ref().is_some_and(|d| d.id == "help");
            if is_help && helps.insert((likeness(&help_view), width)) {
                let readings = readable(help.clone(), width, height, &theme);
                for word in unread(&help_view, &readings) {
                    lost.push(format!(
                        "{} at {width}x{height}, the key help: {word:?}",
                        seen.origin
                    ));
                }
            }
        }
    }
    lost.sort();
    lost.dedup();
    assert!(
        lost.is_empty(),
        "{} strings cannot be read:\n{}",
        lost.len(),
        lost.iter().take(60).cloned().collect::<Vec<_>>().join("\n")
    );
}
