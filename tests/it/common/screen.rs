//! A test terminal's screen as a person reads it: its text, where a text is drawn, and a click
//! aimed at it.

use crossterm::event::Event;
use mi_settings::ui;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::events::click;

/// Where `text` is first drawn on `screen` (a terminal's text, a line a row) below the status
/// bar, as a person would find it by eye: its column (the characters before it on its line)
/// and row.
pub fn locate(screen: &str, text: &str) -> (u16, u16) {
    drawn_from(screen, text, 2).unwrap_or_else(|| panic!("{text:?} is not on screen:\n{screen}"))
}

/// Where `text` is first drawn on `screen`, status bar included.
pub fn drawn_at(screen: &str, text: &str) -> (u16, u16) {
    drawn_from(screen, text, 0).unwrap_or_else(|| panic!("{text:?} is not on screen:\n{screen}"))
}

/// Where `text` is first drawn on `screen` from row `first_row` down.
fn drawn_from(screen: &str, text: &str, first_row: usize) -> Option<(u16, u16)> {
    screen
        .lines()
        .enumerate()
        .skip(first_row)
        .find_map(|(row, line)| {
            let byte = line.find(text)?;
            Some((cell(line[..byte].chars().count()), cell(row)))
        })
}

/// A column or row of a test terminal, which is never wider or taller than a `u16`.
fn cell(at: usize) -> u16 {
    u16::try_from(at).expect("a test terminal's cell")
}

/// Something drawn on a test terminal — the phone's loop, lesson mode — read as a person reads
/// it.
pub trait OnScreen {
    fn terminal(&self) -> &Terminal<TestBackend>;

    /// The terminal's text, a line a row.
    fn screen(&self) -> String {
        ui::buffer_text(self.terminal().backend().buffer())
    }

    /// The screen as a person reads it: the lines joined, the frame and markers left out
    /// (`ui::reading`).
    fn read(&self) -> String {
        ui::reading(&self.screen(), &ui::Theme::miui())
    }

    /// Where `text` is first drawn, below the status bar.
    fn locate(&self, text: &str) -> (u16, u16) {
        locate(&self.screen(), text)
    }

    /// A click on where `text` is first drawn, below the status bar.
    fn click_on(&self, text: &str) -> Event {
        let (column, row) = self.locate(text);
        click(column, row)
    }

    /// `text` is read on the screen, wrapped or not.
    fn assert_reads(&self, text: &str) {
        let read = self.read();
        assert!(
            read.contains(text),
            "{text:?} is not read on screen:\n{}",
            self.screen()
        );
    }

    fn assert_shows(&self, text: &str) {
        let screen = self.screen();
        assert!(
            screen.contains(text),
            "{text:?} is not on screen:\n{screen}"
        );
    }
}
