//! The renderer's basic strokes, shared by the page, the dialog and the phone around them: a
//! line of styled text, the focus marker, the touch areas, and a few area helpers.

use std::borrow::Cow;

use ratatui::layout::{Alignment, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::canvas::{self, Canvas};
use super::theme::Theme;
use crate::layout::text_width;
use crate::view::Text;

/// Something a click can land on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HitTarget {
    /// An element, by id.
    Element(Text),
    /// The title bar's back arrow.
    Back,
    /// The phone's Home button, under the screen.
    Home,
}

/// Where each touchable thing was drawn, in terminal cells.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HitMap {
    targets: Vec<(Rect, HitTarget)>,
}

impl HitMap {
    /// What a click at `column`, `row` touches, if anything.
    pub fn at(&self, column: u16, row: u16) -> Option<&HitTarget> {
        let position = Position::new(column, row);
        // Later entries were drawn on top.
        self.targets
            .iter()
            .rev()
            .find(|(rect, _)| rect.contains(position))
            .map(|(_, target)| target)
    }

    pub fn targets(&self) -> impl Iterator<Item = &(Rect, HitTarget)> {
        self.targets.iter()
    }

    pub(super) fn push(&mut self, rect: Rect, target: HitTarget) {
        if !rect.is_empty() {
            self.targets.push((rect, target));
        }
    }
}

/// Display width of `text` in columns, as a `u16`.
pub(super) fn width_of(text: &str) -> u16 {
    u16::try_from(text_width(text)).unwrap_or(u16::MAX)
}

/// One line of `area` (at `row` lines from its top), or an empty rect when `row` is outside it.
pub(super) fn line_of(area: Rect, row: u16) -> Rect {
    if row >= area.height {
        return Rect::new(area.x, area.y, 0, 0);
    }
    Rect::new(area.x, area.y + row, area.width, 1)
}

/// Puts the focus glyph at `column` on every line of `rows`.
pub(super) fn focus_marker<C: Canvas>(buf: &mut C, column: u16, rows: Rect, theme: &Theme) {
    for y in rows.top()..rows.bottom() {
        buf.put(column, y, theme.glyphs.focus, theme.focus_marker);
    }
}

/// `area` less one column on each side.
pub(super) fn padded(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(2),
        ..area
    }
}

/// A line of one styled span. Unlike `Line::styled`, the style stops where the text does.
pub(super) fn spanned<'a>(text: impl Into<Cow<'a, str>>, style: Style) -> Line<'a> {
    Line::from(Span::styled(text, style))
}

/// Draws a one-line `Line` at the top of `area`: its style over the row, its spans aligned as
/// the line says, cut at the area's edge. Plain ASCII, which most labels are, goes straight to
/// the cells: it needs no grapheme segmentation or width tables, and this runs for every line of
/// every frame.
pub(super) fn put_line<C: Canvas>(line: &Line, area: Rect, buf: &mut C) {
    let area = area.intersection(buf.area());
    if area.is_empty() {
        return;
    }
    let row = Rect { height: 1, ..area };
    if line.style != Style::new() {
        buf.set_style(row, line.style);
    }
    let plain = |text: &str| text.bytes().all(|b| (0x20..0x7f).contains(&b));
    let total: usize = line
        .spans
        .iter()
        .map(|span| {
            if plain(&span.content) {
                span.content.len()
            } else {
                text_width(&span.content)
            }
        })
        .sum();
    let room = usize::from(area.width);
    let offset = match line.alignment {
        Some(Alignment::Right) => room.saturating_sub(total),
        Some(Alignment::Center) => room.saturating_sub(total) / 2,
        _ => 0,
    };
    let right = area.right();
    let mut x = area
        .x
        .saturating_add(u16::try_from(offset).unwrap_or(u16::MAX));
    for span in &line.spans {
        if x >= right {
            break;
        }
        let style = line.style.patch(span.style);
        if plain(&span.content) {
            let bytes = span.content.as_bytes();
            let room = usize::from(right - x);
            let bytes = &bytes[..bytes.len().min(room)];
            buf.put_ascii(x, area.y, bytes, style);
            x = x.saturating_add(u16::try_from(bytes.len()).unwrap_or(u16::MAX));
        } else if span.content.chars().all(|c| c.width() == Some(1)) {
            // Chevrons, arrows and dots: one column each, no grapheme to join.
            for ch in span.content.chars() {
                if x >= right {
                    break;
                }
                buf.put_char(x, area.y, ch, style);
                x += 1;
            }
        } else {
            x = canvas::draw_text(buf, x, area.y, &span.content, usize::from(right - x), style);
        }
    }
}

/// The shared geometry's area as ratatui's rectangle's counterpart.
pub(super) fn area_of(rect: Rect) -> crate::layout::Area {
    crate::layout::Area::new(rect.x, rect.y, rect.width, rect.height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hit_map_prefers_later_targets() {
        let mut hits = HitMap::default();
        hits.push(Rect::new(0, 0, 10, 2), HitTarget::Back);
        hits.push(Rect::new(2, 1, 3, 1), HitTarget::Element("a".into()));
        hits.push(Rect::new(5, 5, 0, 0), HitTarget::Element("empty".into()));
        assert_eq!(hits.at(3, 1), Some(&HitTarget::Element("a".into())));
        assert_eq!(hits.at(0, 0), Some(&HitTarget::Back));
        assert_eq!(hits.at(10, 0), None);
        assert_eq!(hits.targets().count(), 2);
    }
}
