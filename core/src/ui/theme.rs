//! The look of the phone: every colour, text style and glyph the renderer uses, in one value it
//! receives. [`Theme::miui`] is the MIUI look and the default.

use ratatui::style::{Color, Modifier, Style};

/// Colours, styles and glyphs of the renderer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub frame: Style,
    pub bold: Style,
    /// Secondary text: summaries, values, chevrons, read-only text.
    pub secondary: Style,
    /// Tertiary text: section headings, key hints.
    pub faint: Style,
    pub header_name: Style,
    pub switch_on: Style,
    pub switch_off: Style,
    pub checked: Style,
    pub button: Style,
    /// A browser tab: underlined like a link, bold while its site is open.
    pub tab: Style,
    pub tab_open: Style,
    /// Painted over a disabled element after it is drawn, so every part of it greys out.
    pub disabled: Style,
    /// Background of the focused element; its lines also get the focus glyph in the gutter.
    pub focus: Style,
    pub focus_marker: Style,
    /// The input line of a text field.
    pub input: Style,
    pub cursor: Style,
    pub toast: Style,
    pub battery_low: Style,
    pub scroll_thumb: Style,
    /// Laid over the phone behind a dialog.
    pub behind_dialog: Style,
    pub dialog: Style,
    pub dialog_border: Style,
    pub notice: Style,
    pub error: Style,
    /// What a lesson's hint points at: the element to touch next.
    pub pointer: Style,
    /// The pointer glyph before it, and a hint's words in a lesson's panel.
    pub pointer_marker: Style,
    pub glyphs: Glyphs,
}

/// The characters the renderer draws with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glyphs {
    /// In the gutter of every line of the focused element.
    pub focus: &'static str,
    /// At the left of the title bar when there is somewhere to go back to.
    pub back: &'static str,
    pub switch_on: &'static str,
    pub switch_off: &'static str,
    pub checkbox_on: &'static str,
    pub checkbox_off: &'static str,
    /// After a row that opens something.
    pub chevron: &'static str,
    /// The text cursor in a focused field.
    pub cursor: &'static str,
    pub scroll_thumb: &'static str,
    /// Before the open browser tab.
    pub tab_open: &'static str,
    /// The phone's rounded corners: top left, top right, bottom left, bottom right.
    pub phone_corners: [char; 4],
    /// The browser window's square corners.
    pub browser_corners: [char; 4],
    pub horizontal: char,
    pub vertical: &'static str,
    /// Before the browser's address.
    pub address: &'static str,
    /// Before the site alone, when the address does not fit.
    pub site: &'static str,
    /// The phone's Home button on the bottom edge.
    pub home: &'static str,
    /// Before the battery level.
    pub battery: &'static str,
    /// Before what a lesson's hint points at.
    pub pointer: &'static str,
    /// A lesson done, in the list of lessons.
    pub done: &'static str,
}

/// MIUI blue: switches that are on, checked boxes, buttons, the focus marker.
const ACCENT: Color = Color::Rgb(0x0d, 0x84, 0xff);
/// Xiaomi orange, for the account name in a header.
const ORANGE: Color = Color::Rgb(0xff, 0x69, 0x00);

impl Theme {
    /// This theme with its switches drawn as `on` and `off` (each as wide as the layout's
    /// switch; anything else keeps the theme's own).
    pub fn with_switches(&self, on: &'static str, off: &'static str) -> Theme {
        use crate::layout::{SWITCH_WIDTH, text_width};
        let mut theme = self.clone();
        if text_width(on) == usize::from(SWITCH_WIDTH)
            && text_width(off) == usize::from(SWITCH_WIDTH)
        {
            theme.glyphs.switch_on = on;
            theme.glyphs.switch_off = off;
        }
        theme
    }

    /// The MIUI look: dark, with MIUI's blue for what can be touched.
    pub fn miui() -> Theme {
        Theme {
            frame: Style::new().fg(Color::DarkGray),
            bold: Style::new().add_modifier(Modifier::BOLD),
            secondary: Style::new().fg(Color::Gray),
            faint: Style::new().fg(Color::DarkGray),
            header_name: Style::new().fg(ORANGE).add_modifier(Modifier::BOLD),
            switch_on: Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
            switch_off: Style::new().fg(Color::DarkGray),
            checked: Style::new().fg(ACCENT),
            button: Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
            tab: Style::new().fg(ACCENT).add_modifier(Modifier::UNDERLINED),
            tab_open: Style::new().add_modifier(Modifier::BOLD),
            disabled: Style::new().fg(Color::DarkGray),
            focus: Style::new().bg(Color::Rgb(0x1e, 0x2d, 0x44)),
            focus_marker: Style::new().fg(ACCENT).add_modifier(Modifier::BOLD),
            input: Style::new()
                .bg(Color::Rgb(0x2a, 0x2a, 0x2e))
                .add_modifier(Modifier::UNDERLINED),
            cursor: Style::new().fg(ACCENT),
            toast: Style::new()
                .fg(Color::Black)
                .bg(Color::Rgb(0xe0, 0xe0, 0xe0)),
            battery_low: Style::new().fg(Color::Red),
            scroll_thumb: Style::new().fg(Color::Gray),
            behind_dialog: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
            dialog: Style::new().bg(Color::Rgb(0x1c, 0x1c, 0x1e)),
            dialog_border: Style::new().fg(Color::Gray),
            notice: Style::new()
                .fg(Color::Black)
                .bg(Color::Rgb(0xff, 0xd5, 0x80)),
            error: Style::new().fg(Color::Rgb(0xff, 0x45, 0x3a)),
            pointer: Style::new()
                .fg(Color::Black)
                .bg(Color::Rgb(0xff, 0xc1, 0x07))
                .add_modifier(Modifier::BOLD),
            pointer_marker: Style::new()
                .fg(Color::Rgb(0xff, 0xc1, 0x07))
                .add_modifier(Modifier::BOLD),
            glyphs: Glyphs {
                focus: "▌",
                back: "‹",
                switch_on: "[ ON]",
                switch_off: "[OFF]",
                checkbox_on: "[x] ",
                checkbox_off: "[ ] ",
                chevron: "›",
                cursor: "▏",
                scroll_thumb: "┃",
                tab_open: "▸ ",
                phone_corners: ['╭', '╮', '╰', '╯'],
                browser_corners: ['┌', '┐', '└', '┘'],
                horizontal: '─',
                vertical: "│",
                address: "🌐 https://",
                site: "🌐 ",
                home: " ⌂ ",
                battery: "▮",
                pointer: "▶",
                done: "✓",
            },
        }
    }
}

impl Glyphs {
    /// Whether `ch` only draws the phone (frames, borders, markers) and is never read.
    pub fn is_drawing(&self, ch: char) -> bool {
        self.phone_corners.contains(&ch)
            || self.browser_corners.contains(&ch)
            || ch == self.horizontal
            || [self.vertical, self.focus, self.scroll_thumb]
                .iter()
                .any(|glyph| glyph.chars().eq([ch]))
    }
}

impl Default for Theme {
    fn default() -> Theme {
        Theme::miui()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{CHEVRON_WIDTH, SWITCH_WIDTH, text_width};

    /// The shared geometry counts these glyphs' widths: a theme must keep them.
    #[test]
    fn the_glyphs_have_the_widths_the_layout_counts() {
        let glyphs = Theme::miui().glyphs;
        assert_eq!(text_width(glyphs.chevron), usize::from(CHEVRON_WIDTH));
        assert_eq!(text_width(glyphs.switch_on), usize::from(SWITCH_WIDTH));
        assert_eq!(text_width(glyphs.switch_off), usize::from(SWITCH_WIDTH));
    }
}
