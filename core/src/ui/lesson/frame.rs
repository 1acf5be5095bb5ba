//! The box the goal panel and the list of lessons are drawn in, and text cut to the lines it has.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::layout::{truncate, wrap};
use crate::ui::canvas::Canvas;
use crate::ui::paint::{put_line, spanned};
use crate::ui::theme::Theme;

/// A rounded box over `area` with `title` on its top edge.
pub(super) fn frame(area: Rect, title: &str, buf: &mut Buffer, theme: &Theme) {
    let area = area.intersection(buf.area);
    if area.width < 2 || area.height < 2 {
        return;
    }
    let glyphs = &theme.glyphs;
    let [top_left, top_right, bottom_left, bottom_right] = glyphs.phone_corners;
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    for x in area.left()..=right {
        for y in [area.top(), bottom] {
            buf.put_char(x, y, glyphs.horizontal, theme.frame);
        }
    }
    for y in area.top()..=bottom {
        for x in [area.left(), right] {
            buf.put(x, y, glyphs.vertical, theme.frame);
        }
    }
    for (x, y, corner) in [
        (area.left(), area.top(), top_left),
        (right, area.top(), top_right),
        (area.left(), bottom, bottom_left),
        (right, bottom, bottom_right),
    ] {
        buf.put_char(x, y, corner, theme.frame);
    }
    let room = area.width.saturating_sub(4);
    if room > 2 {
        let text = format!(" {} ", truncate(title, room.saturating_sub(2)));
        let at = Rect::new(area.x + 1, area.y, room, 1);
        put_line(&spanned(text, theme.bold), at, buf);
    }
}

/// `text` wrapped to `width` in at most `rows` lines, the last ending in "…" when cut.
pub(super) fn cut_lines(text: &str, width: u16, rows: u16) -> Vec<String> {
    let mut lines = wrap(text, width);
    let rows = usize::from(rows);
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last}…"), width);
        }
    }
    lines
}
