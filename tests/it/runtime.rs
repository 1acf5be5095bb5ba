//! The interactive runtime driven exactly as a terminal drives it, on a `TestBackend`, with key
//! presses and mouse clicks found by looking at the drawn screen.

use std::collections::VecDeque;

use crate::common::events::{click, ctrl, key, typed, wheel};
use crate::common::screen::OnScreen;
use crate::common::{start, t0};
use crossterm::event::{Event, KeyCode};
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::shells::terminal::{self, ScriptedEvents};
use mi_settings::sim::DeviceFile;
use mi_settings::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A phone on a 60x24 test terminal, kept between runs like the app keeps the device file.
struct Harness {
    terminal: Terminal<TestBackend>,
    engine: Engine,
    saves: Vec<DeviceFile>,
}

impl OnScreen for Harness {
    fn terminal(&self) -> &Terminal<TestBackend> {
        &self.terminal
    }
}

impl Harness {
    fn new(width: u16, height: u16) -> Harness {
        Harness {
            terminal: Terminal::new(TestBackend::new(width, height)).expect("terminal"),
            engine: Engine::new(DeviceFile::factory_default(), start(width, height)),
            saves: Vec::new(),
        }
    }

    fn run(&mut self, events: Vec<Event>) -> terminal::SessionEnd {
        let saves = &mut self.saves;
        terminal::run(
            &mut self.terminal,
            &mut ScriptedEvents(VecDeque::from(events)),
            &mut t0,
            &mut self.engine,
            &mut |device: &DeviceFile| {
                saves.push(device.clone());
                Ok(())
            },
            &Theme::miui(),
        )
        .expect("runtime")
    }

    fn screen_name(&self) -> String {
        self.engine.view().screen.clone()
    }
}

#[test]
fn keys_walk_to_mi_account_and_back_and_toggle_wifi() {
    let mut phone = Harness::new(60, 24);
    phone.run(vec![]);
    phone.assert_shows("Settings");

    // End jumps to the last row; the account entry is a few rows above it on a Global ROM.
    let mut events = vec![key(KeyCode::End)];
    events.extend(std::iter::repeat_n(key(KeyCode::Up), 3));
    events.push(key(KeyCode::Enter));
    phone.run(events);
    phone.assert_shows("Mi Account");
    assert_eq!(phone.screen_name(), "mi_account");

    phone.run(vec![key(KeyCode::Esc)]);
    assert_eq!(phone.screen_name(), "settings");

    // Home, then down to Wi-Fi (About phone, SIM, Wi-Fi), open it and flip the switch.
    phone.run(vec![
        key(KeyCode::Home),
        key(KeyCode::Down),
        key(KeyCode::Down),
        key(KeyCode::Enter),
        key(KeyCode::Char(' ')),
    ]);
    assert!(!phone.engine.device().network.wifi);
    assert_eq!(phone.saves.len(), 1);
    assert!(!phone.saves[0].network.wifi);
    phone.assert_shows("Wi-Fi turned off");

    let outcome = phone.run(vec![
        key(KeyCode::Backspace),
        key(KeyCode::Char('q')),
        key(KeyCode::Down),
    ]);
    // q quit at home: the Down after it was never read.
    assert_eq!(outcome.actions.last(), Some(&Action::Quit));
}

#[test]
fn mouse_clicks_tap_what_is_under_them_and_the_wheel_scrolls() {
    let mut phone = Harness::new(60, 24);
    phone.run(vec![]);
    phone.run(vec![phone.click_on("Wi-Fi")]);
    assert_eq!(phone.screen_name(), "wifi");

    let (column, row) = phone.locate("Wi-Fi");
    // The title says Wi-Fi too: the switch row is the second match, below the title.
    let switch_row = phone
        .screen()
        .lines()
        .enumerate()
        .skip(row as usize + 1)
        .find(|(_, l)| l.contains("Wi-Fi"))
        .map(|(r, _)| r as u16)
        .expect("switch row");
    phone.run(vec![click(column, switch_row)]);
    assert!(!phone.engine.device().network.wifi);

    phone.run(vec![phone.click_on("‹")]);
    assert_eq!(phone.screen_name(), "settings");

    // The account entry is below the fold on a Global ROM: wheel down until it shows, click it.
    assert!(!phone.screen().contains("Sign in to Mi Account"));
    phone.run(vec![wheel(true, 30, 10); 10]);
    phone.run(vec![phone.click_on("Sign in to Mi Account")]);
    assert_eq!(phone.screen_name(), "mi_account");

    // Clicking empty space does nothing.
    let before = phone.screen();
    phone.run(vec![click(0, 23)]);
    assert_eq!(phone.screen(), before);
}

#[test]
fn resizing_to_any_size_never_panics_and_tiny_terminals_get_a_message() {
    let mut phone = Harness::new(60, 24);
    phone.run(vec![key(KeyCode::End)]);
    for (width, height) in [
        (10, 5),
        (39, 12),
        (40, 11),
        (40, 12),
        (120, 50),
        (1, 1),
        (60, 24),
    ] {
        phone.terminal.backend_mut().resize(width, height);
        phone.run(vec![Event::Resize(width, height)]);
        let screen = phone.screen();
        if width < 40 || height < 12 {
            // As much of the message as fits: a single cell holds only the mark of a cut text.
            let fits = if width > 1 { "too small" } else { "…" };
            assert!(screen.contains(fits), "{width}x{height}:\n{screen}");
        } else {
            assert!(screen.contains("Settings"), "{width}x{height}:\n{screen}");
        }
    }
}

#[test]
fn ctrl_c_quits_from_anywhere_even_a_text_field() {
    let mut phone = Harness::new(60, 24);
    let (column, row) = {
        phone.run(vec![]);
        phone.locate("About phone")
    };
    phone.run(vec![click(column, row), key(KeyCode::Enter)]);
    assert!(phone.engine.view().dialog.is_some());
    // In a text field q is a letter, not quit.
    phone.run(vec![key(KeyCode::Char('q'))]);
    phone.assert_shows("Redmi Note 13 Proq");
    let outcome = phone.run(vec![ctrl('c'), key(KeyCode::Esc)]);
    assert_eq!(outcome.actions, vec![Action::Quit]);
    assert!(phone.saves.is_empty());
}

/// Turns Wi-Fi off (Down, Down, Enter, Enter from Settings) on a 60x24 phone whose saves fail
/// with `error`: what the loop reported and the screen it left.
fn turn_wifi_off_failing_to_save(error: &str) -> (terminal::SessionEnd, String) {
    let mut terminal = Terminal::new(TestBackend::new(60, 24)).expect("terminal");
    let mut engine = Engine::new(DeviceFile::factory_default(), start(60, 24));
    let outcome = terminal::run(
        &mut terminal,
        &mut ScriptedEvents(VecDeque::from(vec![
            key(KeyCode::Down),
            key(KeyCode::Down),
            key(KeyCode::Enter),
            key(KeyCode::Enter),
        ])),
        &mut t0,
        &mut engine,
        &mut |_: &DeviceFile| Err(error.to_string()),
        &Theme::miui(),
    )
    .expect("runtime");
    (outcome, ui::buffer_text(terminal.backend().buffer()))
}

#[test]
fn a_failed_save_is_shown_and_reported() {
    let (outcome, screen) = turn_wifi_off_failing_to_save("disk full");
    assert_eq!(outcome.save_errors, vec!["disk full".to_string()]);
    assert!(screen.contains("Not saved: disk full"), "{screen}");
}

#[test]
fn f2_opens_the_browser_and_a_click_on_a_tab_opens_that_site() {
    let mut phone = Harness::new(60, 24);
    phone.run(vec![key(KeyCode::F(2))]);
    phone.assert_shows("https://i.mi.com");
    phone.run(vec![phone.click_on("account.xiaomi.com")]);
    phone.assert_shows("Mi Account — Sign in");
    // Typing goes straight into the first field: the page starts there, not on the tabs.
    phone.run(typed("6612345678"));
    phone.assert_shows("6612345678");
    phone.run(vec![phone.click_on("i.mi.com")]);
    phone.assert_shows("Mi Cloud — Sign in");
    phone.run(vec![key(KeyCode::F(2))]);
    assert_eq!(phone.screen_name(), "settings");
}

/// A save refused by a read-only folder is said in full at 60 columns: the toast wraps rather
/// than cutting the advice off with "…".
#[test]
fn a_long_save_error_is_readable_at_60_columns() {
    let message = "/home/lei/.local/share/mi-settings/device.json: writing a temporary file: \
                   Permission denied (os error 13); the folder must be writable (or use another \
                   device file with --device)";
    let (outcome, screen) = turn_wifi_off_failing_to_save(message);
    assert_eq!(outcome.save_errors, vec![message.to_string()]);
    let read = ui::reading(&screen, &Theme::miui());
    assert!(
        read.contains(&ui::as_read(&format!("Not saved: {message}"))),
        "{screen}"
    );
}
