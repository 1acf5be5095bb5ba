//! What the renderer draws on. Two surfaces take the same drawing: ratatui's `Buffer` (the
//! interactive phone and casts, where colours matter) and a [`TextGrid`] of bare characters
//! (replay transcripts and expectations, where only the text is read, several times cheaper).
//! Text is placed by one algorithm ([`draw_text`]) on both, so they cannot disagree about what
//! a frame says.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A grid of terminal cells to draw on.
pub trait Canvas {
    fn area(&self) -> Rect;
    /// Puts one symbol (a whole grapheme) in the cell at `x`, `y`, with `style` laid over the
    /// cell's; a cell outside the area is left alone.
    fn put(&mut self, x: u16, y: u16, symbol: &str, style: Style);
    /// `put` for a symbol of one character.
    fn put_char(&mut self, x: u16, y: u16, ch: char, style: Style);
    /// Puts printable ASCII `text` from `x`, `y` onwards, one byte a cell, cut at the edge.
    fn put_ascii(&mut self, x: u16, y: u16, text: &[u8], style: Style) {
        for (x, &byte) in (x..self.area().right()).zip(text) {
            self.put_char(x, y, char::from(byte), style);
        }
    }
    /// Makes the cell blank (a space, no style).
    fn blank(&mut self, x: u16, y: u16);
    /// Lays `style` over every cell of `area`.
    fn set_style(&mut self, area: Rect, style: Style);
    /// Makes every cell of the canvas blank.
    fn reset(&mut self);

    /// Makes every cell of `area` blank.
    fn clear(&mut self, area: Rect) {
        let area = area.intersection(self.area());
        for y in area.top()..area.bottom() {
            for x in area.left()..area.right() {
                self.blank(x, y);
            }
        }
    }
}

impl Canvas for Buffer {
    fn area(&self) -> Rect {
        self.area
    }

    fn put(&mut self, x: u16, y: u16, symbol: &str, style: Style) {
        if let Some(cell) = self.cell_mut((x, y)) {
            cell.set_symbol(symbol).set_style(style);
        }
    }

    fn put_char(&mut self, x: u16, y: u16, ch: char, style: Style) {
        if let Some(cell) = self.cell_mut((x, y)) {
            cell.set_char(ch).set_style(style);
        }
    }

    fn blank(&mut self, x: u16, y: u16) {
        if let Some(cell) = self.cell_mut((x, y)) {
            cell.reset();
        }
    }

    fn set_style(&mut self, area: Rect, style: Style) {
        Buffer::set_style(self, area, style);
    }

    fn reset(&mut self) {
        Buffer::reset(self);
    }
}

/// Marks a cell whose symbol is more than one character (a letter with a combining accent):
/// the symbol itself is kept aside in `TextGrid::long`. A control character is never drawn, so
/// it cannot be mistaken for text.
const LONG: char = '\0';

/// A frame as bare text: one character per cell, no colours.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextGrid {
    area: Rect,
    cells: Vec<char>,
    /// The symbols of cells marked `LONG`, by cell index (rare: most text is one character per
    /// cell).
    long: Vec<(usize, Box<str>)>,
    /// The last frame read as text, row by row: a row whose cells have not changed since is
    /// copied rather than read again (most frames differ from the last in a row or two).
    read: ReadCache,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ReadCache {
    cells: Vec<char>,
    bytes: Vec<u8>,
    /// Where each row's text is in `bytes`.
    rows: Vec<(usize, usize)>,
}

impl TextGrid {
    pub fn new(width: u16, height: u16) -> TextGrid {
        TextGrid {
            area: Rect::new(0, 0, width, height),
            cells: vec![' '; usize::from(width) * usize::from(height)],
            long: Vec::new(),
            read: ReadCache::default(),
        }
    }

    fn index(&self, x: u16, y: u16) -> Option<usize> {
        let area = self.area;
        (x >= area.x && x < area.right() && y >= area.y && y < area.bottom())
            .then(|| usize::from(y - area.y) * usize::from(area.width) + usize::from(x - area.x))
    }

    fn set(&mut self, index: usize, ch: char) {
        if self.cells[index] == LONG {
            self.long.retain(|(i, _)| *i != index);
        }
        self.cells[index] = ch;
    }

    /// The grid as text, as [`buffer_text`] reads a `Buffer`.
    pub fn text(&mut self) -> String {
        let mut bytes = Vec::with_capacity(self.cells.len() + usize::from(self.area.height));
        self.write_text(&mut bytes);
        // Only whole characters were written, so the bytes are UTF-8.
        String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
    }

    /// Appends the grid as text (UTF-8) to `out`: rows joined with '\n', trailing blanks cut,
    /// the cells a wide symbol covers left out.
    pub fn write_text(&mut self, out: &mut Vec<u8>) {
        let width = usize::from(self.area.width);
        let height = usize::from(self.area.height);
        if width == 0 {
            out.extend(std::iter::repeat_n(b'\n', height.saturating_sub(1)));
            return;
        }
        // Rows are reused only when no cell of either frame keeps its symbol aside.
        let reusable = self.long.is_empty() && self.read.cells.len() == self.cells.len();
        let start = out.len();
        let mut rows = std::mem::take(&mut self.read.rows);
        let previous = std::mem::take(&mut self.read.bytes);
        for (row, cells) in self.cells.chunks(width).enumerate() {
            if row > 0 {
                out.push(b'\n');
            }
            let row_start = out.len();
            let span = row * width..(row + 1) * width;
            match rows.get(row) {
                Some(&(from, to)) if reusable && self.read.cells[span.clone()] == *cells => {
                    out.extend_from_slice(&previous[from..to]);
                }
                _ => self.write_row(row, cells, out),
            }
            let range = (row_start - start, out.len() - start);
            match rows.get_mut(row) {
                Some(slot) => *slot = range,
                None => rows.push(range),
            }
        }
        rows.truncate(height);
        self.read.rows = rows;
        let mut bytes = previous;
        bytes.clear();
        bytes.extend_from_slice(&out[start..]);
        self.read.bytes = bytes;
        if self.long.is_empty() {
            self.read.cells.clone_from(&self.cells);
        } else {
            self.read.cells.clear();
        }
    }

    /// Appends one row's text to `out`.
    fn write_row(&self, row: usize, cells: &[char], out: &mut Vec<u8>) {
        let width = usize::from(self.area.width);
        let mut utf8 = [0u8; 4];
        // The width of the last non-ASCII character seen: the frame repeats a few.
        let mut last = ('\0', 0);
        {
            // Trailing blanks are not text.
            let end = cells.iter().rposition(|&c| c != ' ').map_or(0, |i| i + 1);
            let cells = &cells[..end];
            if cells.iter().all(|&c| c.is_ascii() && c != LONG) {
                // Most rows: one byte a cell, nothing hidden.
                out.extend(cells.iter().map(|&c| c as u8));
                return;
            }
            let line_start = out.len();
            let mut hidden = 0;
            let mut rest = cells;
            let mut column = 0;
            while !rest.is_empty() {
                // A run of plain ASCII in one go (the frame's glyphs and focus marker break
                // most rows into a few such runs).
                let run = rest
                    .iter()
                    .position(|&c| !c.is_ascii() || c == LONG)
                    .unwrap_or(rest.len());
                let skip = hidden.min(run);
                hidden -= skip;
                out.extend(rest[skip..run].iter().map(|&c| c as u8));
                column += run;
                rest = &rest[run..];
                let Some((&ch, after)) = rest.split_first() else {
                    break;
                };
                rest = after;
                column += 1;
                if hidden > 0 {
                    hidden -= 1;
                    continue;
                }
                let width = if ch == LONG {
                    let index = row * width + column - 1;
                    let symbol = self
                        .long
                        .iter()
                        .find(|(i, _)| *i == index)
                        .map_or(" ", |(_, s)| s);
                    out.extend_from_slice(symbol.as_bytes());
                    symbol_width(symbol)
                } else {
                    for &byte in ch.encode_utf8(&mut utf8).as_bytes() {
                        out.push(byte);
                    }
                    if last.0 != ch {
                        last = (ch, ch.width().unwrap_or(0));
                    }
                    last.1
                };
                // A wide symbol covers the next cells; they hold a placeholder that is not text.
                hidden = width.saturating_sub(1);
            }
            // The cells a wide symbol hid may have left trailing blanks.
            let kept = out[line_start..]
                .iter()
                .rposition(|&b| b != b' ')
                .map_or(line_start, |i| line_start + i + 1);
            out.truncate(kept);
        }
    }
}

impl Canvas for TextGrid {
    fn area(&self) -> Rect {
        self.area
    }

    fn put(&mut self, x: u16, y: u16, symbol: &str, _style: Style) {
        let Some(index) = self.index(x, y) else {
            return;
        };
        let mut chars = symbol.chars();
        match (chars.next(), chars.next()) {
            (Some(ch), None) => self.set(index, ch),
            (None, _) => self.set(index, ' '),
            _ => {
                self.set(index, LONG);
                self.long.push((index, symbol.into()));
            }
        }
    }

    fn put_char(&mut self, x: u16, y: u16, ch: char, _style: Style) {
        if let Some(index) = self.index(x, y) {
            self.set(index, ch);
        }
    }

    fn put_ascii(&mut self, x: u16, y: u16, text: &[u8], _style: Style) {
        let Some(start) = self.index(x, y) else {
            return;
        };
        let room = usize::from(self.area.right() - x);
        let text = &text[..text.len().min(room)];
        let cells = &mut self.cells[start..start + text.len()];
        if self.long.is_empty() {
            for (cell, &byte) in cells.iter_mut().zip(text) {
                *cell = char::from(byte);
            }
        } else {
            for (offset, &byte) in text.iter().enumerate() {
                self.set(start + offset, char::from(byte));
            }
        }
    }

    fn blank(&mut self, x: u16, y: u16) {
        if let Some(index) = self.index(x, y) {
            self.set(index, ' ');
        }
    }

    fn set_style(&mut self, _area: Rect, _style: Style) {}

    fn reset(&mut self) {
        self.cells.fill(' ');
        self.long.clear();
    }
}

/// The width a buffer-reading gives a symbol: one character's width, else the string's.
fn symbol_width(symbol: &str) -> usize {
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (Some(only), None) => only.width().unwrap_or(0),
        _ => symbol.width(),
    }
}

/// How many cells a grapheme takes on a terminal (ratatui's reckoning: one byte is one cell;
/// halfwidth sound marks take a cell of their own).
fn cell_width(grapheme: &str) -> u16 {
    if grapheme.len() == 1 {
        return 1;
    }
    let marks = grapheme
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    u16::try_from(grapheme.width() + marks).unwrap_or(u16::MAX)
}

/// Writes `text` from `x`, `y` in at most `max_width` columns (and never past the canvas's
/// right edge), grapheme by grapheme: control characters and zero-width graphemes are left out,
/// a wide grapheme blanks the cells it covers, and a grapheme that would not fit whole ends the
/// text. Returns the column after the last one written.
pub fn draw_text<C: Canvas>(
    canvas: &mut C,
    x: u16,
    y: u16,
    text: &str,
    max_width: usize,
    style: Style,
) -> u16 {
    let max_width = u16::try_from(max_width).unwrap_or(u16::MAX);
    let mut remaining = canvas.area().right().saturating_sub(x).min(max_width);
    let mut x = x;
    for grapheme in text.graphemes(true) {
        if grapheme.contains(char::is_control) {
            continue;
        }
        let width = cell_width(grapheme);
        if width == 0 {
            continue;
        }
        let Some(left) = remaining.checked_sub(width) else {
            break;
        };
        remaining = left;
        canvas.put(x, y, grapheme, style);
        let next = x.saturating_add(width);
        x = x.saturating_add(1);
        while x < next {
            canvas.blank(x, y);
            x += 1;
        }
    }
    x
}

/// The buffer as plain text: one line per row, trailing spaces trimmed, joined with '\n'.
pub fn buffer_text(buf: &Buffer) -> String {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return vec![""; usize::from(buf.area.height)].join("\n");
    }
    let mut text = String::with_capacity(buf.content().len() + usize::from(buf.area.height));
    for (index, row) in buf.content().chunks(width).enumerate() {
        if index > 0 {
            text.push('\n');
        }
        // Where the line's last visible character ends: trailing blanks are cut there.
        let mut kept = text.len();
        // A wide symbol covers the next cells; they hold a placeholder that is not text.
        let mut hidden = 0;
        for cell in row {
            if hidden > 0 {
                hidden -= 1;
                continue;
            }
            let symbol = cell.symbol();
            // Most cells hold one ASCII byte: pushed as a char, with no copy of a string.
            match symbol.as_bytes() {
                [b' '] => text.push(' '),
                [byte] if byte.is_ascii() => {
                    text.push(char::from(*byte));
                    kept = text.len();
                }
                _ => {
                    text.push_str(symbol);
                    kept = text.len();
                    hidden = symbol_width(symbol).saturating_sub(1);
                }
            }
        }
        text.truncate(kept);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn both(width: u16, height: u16, draw: impl Fn(&mut dyn FnMut(u16, u16, &str))) {
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        let mut grid = TextGrid::new(width, height);
        draw(&mut |x, y, text| {
            draw_text(&mut buffer, x, y, text, usize::MAX, Style::new());
        });
        draw(&mut |x, y, text| {
            draw_text(&mut grid, x, y, text, usize::MAX, Style::new());
        });
        assert_eq!(grid.text(), buffer_text(&buffer));
    }

    #[test]
    fn the_grid_reads_as_the_buffer_does() {
        both(8, 3, |put: &mut dyn FnMut(u16, u16, &str)| {
            put(0, 0, "ab中c");
            put(0, 1, "e\u{301}x🌐y");
            put(2, 1, "z");
            put(6, 2, "中文");
        });
    }

    #[test]
    fn a_blank_grid_reads_as_empty_lines() {
        assert_eq!(TextGrid::new(3, 2).text(), "\n");
        assert_eq!(TextGrid::new(3, 0).text(), "");
        assert_eq!(TextGrid::new(0, 0).text(), "");
    }

    #[test]
    fn buffer_text_trims_and_skips_wide_placeholders() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 2));
        buf.set_string(0, 0, "ab", Style::new());
        buf.set_string(0, 1, "中x", Style::new());
        assert_eq!(buffer_text(&buf), "ab\n中x");
        assert_eq!(buffer_text(&Buffer::empty(Rect::new(0, 0, 0, 3))), "\n\n");
        assert_eq!(buffer_text(&Buffer::empty(Rect::default())), "");
        assert_eq!(TextGrid::new(0, 3).text(), "\n\n");
    }
}
