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
    /// The first row shown, as the list was last scrolled (moved as little as it takes to show
    /// the chosen row, and never so far that the box has room left at the end).
    pub top: usize,
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
    let first = first_shown(picker.top, picker.selected, page, picker.rows.len());
    let labels: Vec<&str> = picker
        .rows
        .iter()
        .filter_map(|row| match row {
            PickerRow::Item { label, .. } => Some(label.as_str()),
            PickerRow::Heading(_) => None,
        })
        .collect();
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
                    Span::raw(distinct_cut(label, &labels, label_room)),
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

/// How many of the list's rows a terminal `height` rows tall shows (a line of news takes one).
pub fn rows_shown(height: u16, message: bool) -> usize {
    usize::from(height.saturating_sub(2 + u16::from(message)).max(1))
}

/// The first of `rows` rows to show `page` at a time: `top` moved as little as it takes to
/// show row `selected` (and the heading above it, when it is the first of its group and there
/// is room), and never past the point where the list would end before the box does.
pub fn first_shown(top: usize, selected: usize, page: usize, rows: usize) -> usize {
    let page = page.max(1);
    let mut first = top;
    if selected < first.saturating_add(1) {
        // One row above the chosen one: its heading, when it has one.
        first = selected.saturating_sub(1);
    } else if selected >= first.saturating_add(page) {
        first = selected.saturating_add(1).saturating_sub(page);
    }
    first.min(rows.saturating_sub(page))
}

/// `label` in `room` columns, cut where it must be, keeping in sight what tells it from the
/// other `labels`: "Remove a device…on the phone" beside "Remove a device…account.xiaomi.com",
/// rather than the same "Remove a device from the account…" twice.
pub fn distinct_cut(label: &str, labels: &[&str], room: u16) -> String {
    let plain = truncate(label, room);
    let alike = labels
        .iter()
        .filter(|other| **other != label && truncate(other, room) == plain)
        .count();
    if alike == 0 {
        return plain;
    }
    // Where it parts from the labels it would be cut like: the word it differs from them at.
    let parts_at = labels
        .iter()
        .filter(|other| **other != label)
        .map(|other| {
            let same = label
                .char_indices()
                .zip(other.chars())
                .take_while(|((_, a), b)| a == b)
                .last()
                .map_or(0, |((at, c), _)| at + c.len_utf8());
            label[..same].rfind(' ').map_or(0, |space| space + 1)
        })
        .max()
        .unwrap_or(0);
    // The word before where they part too, when there is room ("…on the phone").
    let word_before = label[..parts_at.saturating_sub(1)]
        .rfind(' ')
        .map_or(0, |space| space + 1);
    let room_left = |from: usize| {
        let width = u16::try_from(crate::layout::text_width(&label[from..])).unwrap_or(u16::MAX);
        room.saturating_sub(width.saturating_add(1))
    };
    let parts_at = if parts_at > 0 && room_left(word_before) >= 8 {
        word_before
    } else {
        parts_at
    };
    let tail = &label[parts_at..];
    let tail_width = u16::try_from(crate::layout::text_width(tail)).unwrap_or(u16::MAX);
    let head_room = room.saturating_sub(tail_width.saturating_add(1));
    if head_room < 4 {
        return format!("…{}", truncate(tail, room.saturating_sub(1)));
    }
    let head = truncate(label, head_room.saturating_add(1));
    let head = head.trim_end_matches('…').trim_end();
    format!("{head}…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alike_labels_keep_what_tells_them_apart() {
        let labels = [
            "Remove a device from the account on the phone",
            "Remove a device from the account on account.xiaomi.com",
            "Turn on Bluetooth",
        ];
        let phone = distinct_cut(labels[0], &labels, 34);
        let web = distinct_cut(labels[1], &labels, 34);
        assert_ne!(phone, web);
        assert!(phone.ends_with("on the phone"), "{phone}");
        assert!(web.ends_with("account.xiaomi.com"), "{web}");
        assert!(crate::layout::text_width(&phone) <= 34, "{phone}");
        assert!(crate::layout::text_width(&web) <= 34, "{web}");
        // Alone, or with room, a label is as it was.
        assert_eq!(distinct_cut(labels[2], &labels, 10), "Turn on B…");
        assert_eq!(distinct_cut(labels[0], &labels, 80), labels[0]);
    }

    #[test]
    fn the_list_stays_full_and_the_chosen_row_in_sight() {
        // 30 rows, 8 at a time.
        assert_eq!(first_shown(0, 3, 8, 30), 0);
        assert_eq!(first_shown(0, 12, 8, 30), 5);
        // The end: the last 8, no blank rows under them.
        assert_eq!(first_shown(0, 29, 8, 30), 22);
        assert_eq!(first_shown(99, 29, 8, 30), 22);
        // Going up shows the heading above the chosen row too.
        assert_eq!(first_shown(22, 10, 8, 30), 9);
    }
}
