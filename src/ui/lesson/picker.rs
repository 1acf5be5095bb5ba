//! The list of lessons, drawn in a box over the terminal.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::frame::{cut_lines, frame};
use crate::layout::truncate;
use crate::ui::canvas::Canvas;
use crate::ui::paint::{HitMap, HitTarget, put_line, spanned, width_of};
use crate::ui::theme::Theme;

/// The list of lessons is at most this wide, centred.
const PICKER_MAX_WIDTH: u16 = 84;

/// The list of lessons.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub title: String,
    /// On the top edge's right: how many are done.
    pub summary: String,
    pub rows: Vec<PickerRow>,
    /// The chosen row (an item).
    pub selected: usize,
    /// On the bottom edge: the keys.
    pub keys: String,
    /// A line above the keys, when there is news (a progress file that could not be saved).
    pub message: Option<String>,
    /// What a terminal too small for the list shows.
    pub too_small: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerRow {
    /// A group's heading: its guide and difficulty.
    Heading(String),
    /// A lesson: touching it starts it.
    Item {
        id: String,
        done: bool,
        label: String,
        /// On the right: how it went.
        detail: String,
    },
}

/// Draws the list of lessons in a box over `area` (at most [`PICKER_MAX_WIDTH`] wide, centred),
/// scrolled a page at a time so that the chosen one is in sight. Returns where each lesson is.
pub fn draw_picker(picker: &Picker, area: Rect, buf: &mut Buffer, theme: &Theme) -> HitMap {
    let mut hits = HitMap::default();
    let area = area.intersection(buf.area);
    if area.width < 24 || area.height < 5 {
        for (y, line) in
            (area.y..area.bottom()).zip(cut_lines(&picker.too_small, area.width, area.height))
        {
            put_line(
                &Line::from(line),
                Rect {
                    y,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
        return hits;
    }
    let width = area.width.min(PICKER_MAX_WIDTH);
    let boxed = Rect {
        x: area.x + (area.width - width) / 2,
        width,
        ..area
    };
    frame(boxed, &picker.title, buf, theme);
    let summary = format!(" {} ", picker.summary);
    let title_width = width_of(&picker.title).saturating_add(4);
    if title_width
        .saturating_add(width_of(&summary))
        .saturating_add(4)
        <= boxed.width
    {
        let at = Rect::new(boxed.x + 2, boxed.y, boxed.width.saturating_sub(4), 1);
        put_line(&spanned(summary, theme.secondary).right_aligned(), at, buf);
    }
    let keys = format!(" {} ", picker.keys);
    let bottom = Rect::new(
        boxed.x + 2,
        boxed.bottom() - 1,
        boxed.width.saturating_sub(4),
        1,
    );
    put_line(
        &spanned(truncate(&keys, bottom.width), theme.faint).centered(),
        bottom,
        buf,
    );
    let mut inner = Rect {
        x: boxed.x + 1,
        y: boxed.y + 1,
        width: boxed.width - 2,
        height: boxed.height - 2,
    };
    if let Some(message) = &picker.message {
        let row = Rect {
            y: inner.bottom() - 1,
            height: 1,
            ..inner
        };
        put_line(
            &spanned(truncate(&format!(" {message}"), row.width), theme.error),
            row,
            buf,
        );
        inner.height -= 1;
    }
    let page = usize::from(inner.height.max(1));
    let first = picker.selected / page * page;
    for (y, (index, row)) in
        (inner.y..inner.bottom()).zip(picker.rows.iter().enumerate().skip(first))
    {
        let line = Rect {
            y,
            height: 1,
            ..inner
        };
        let text = Rect {
            x: line.x + 1,
            width: line.width.saturating_sub(2),
            ..line
        };
        match row {
            PickerRow::Heading(heading) => {
                put_line(
                    &spanned(truncate(heading, text.width), theme.faint),
                    text,
                    buf,
                );
            }
            PickerRow::Item {
                id,
                done,
                label,
                detail,
            } => {
                let selected = index == picker.selected;
                if selected {
                    buf.set_style(line, theme.focus);
                    buf.put(line.x, y, theme.glyphs.focus, theme.focus_marker);
                }
                let mark = if *done { theme.glyphs.done } else { " " };
                let detail_width = width_of(detail);
                let label_room = text.width.saturating_sub(detail_width.saturating_add(3));
                let left = Line::from(vec![
                    Span::styled(mark, theme.switch_on),
                    Span::raw(" "),
                    Span::raw(truncate(label, label_room)),
                ]);
                put_line(&left, text, buf);
                if label_room > 0 {
                    put_line(
                        &spanned(detail.as_str(), theme.secondary).right_aligned(),
                        text,
                        buf,
                    );
                }
                hits.push(line, HitTarget::Element(id.clone().into()));
            }
        }
    }
    hits
}
