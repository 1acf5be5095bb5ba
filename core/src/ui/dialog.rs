//! A modal dialog centred over the phone.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::canvas::Canvas;
use super::page;
use super::paint::{self, HitMap, HitTarget, area_of, focus_marker, put_line, spanned};
use super::theme::Theme;
use crate::layout::{DialogLayout, button_cells, truncate};
use crate::view::{ChromeWords, Dialog, Element, Role};

/// Draws `dialog` centred in `room` (see [`crate::layout::PhoneLayout::dialog_room`]),
/// registering its touchable elements in `hits`. Its text scrolls when it does not fit: a thumb
/// on the right edge and the key on the bottom edge say there is more.
pub(super) fn draw<C: Canvas>(
    dialog: &Dialog,
    room: Rect,
    words: &ChromeWords,
    buf: &mut C,
    hits: &mut HitMap,
    theme: &Theme,
) {
    let layout = DialogLayout::new(dialog, area_of(room));
    let area = Rect::from(layout.area);
    // One blank column each side, so the page behind does not peek out as stray letters.
    let margin = Rect {
        x: area.x.saturating_sub(1).max(room.x),
        width: area.width.saturating_add(2).min(room.width),
        ..area
    };
    buf.clear(margin);
    framed(buf, area, &format!(" {} ", layout.title), theme);
    let max_scroll = layout.max_scroll();
    let scroll = dialog.scroll.min(max_scroll);
    page::draw_elements(
        &layout.content,
        layout.text.into(),
        layout.band.into(),
        scroll,
        buf,
        hits,
        theme,
    );
    if max_scroll > 0 {
        more_cues(&layout, scroll, area, words, buf, theme);
    }
    if let Some(row) = layout.buttons {
        let buttons: Vec<&Element> = dialog
            .elements
            .iter()
            .filter(|e| e.role == Role::Button)
            .collect();
        draw_buttons(&buttons, row.into(), buf, hits, theme);
    }
}

/// A thumb on the right edge beside the text, and on the bottom edge the key that shows the
/// rest ("PgDn ↓" while there is more below, "PgUp ↑" at the end).
fn more_cues<C: Canvas>(
    layout: &DialogLayout,
    scroll: u16,
    area: Rect,
    words: &ChromeWords,
    buf: &mut C,
    theme: &Theme,
) {
    let rows = u32::from(layout.text.height);
    let total = u32::from(layout.content_height);
    let max_scroll = u32::from(layout.max_scroll());
    if rows == 0 || total == 0 || max_scroll == 0 {
        return;
    }
    let thumb = (rows * rows / total).max(1);
    let top = u32::from(scroll) * (rows - thumb) / max_scroll;
    let column = area.right().saturating_sub(1);
    for row in top..top + thumb {
        let y = layout
            .text
            .y
            .saturating_add(u16::try_from(row).unwrap_or(u16::MAX));
        buf.put(column, y, theme.glyphs.scroll_thumb, theme.scroll_thumb);
    }
    let cue = if u32::from(scroll) < max_scroll {
        words.more_below
    } else {
        words.more_above
    };
    let cue = format!(" {cue} ");
    let width = paint::width_of(&cue);
    // Right-aligned on the bottom edge, clear of the corner.
    if width.saturating_add(3) <= area.width {
        let at = Rect::new(
            area.right().saturating_sub(width + 2),
            area.bottom().saturating_sub(1),
            width,
            1,
        );
        put_line(&Line::from(Span::styled(cue, theme.bold)), at, buf);
    }
}

/// The dialog's rounded box: its background over `area`, the border, and `title` on the top
/// edge (already cut to fit by the layout).
fn framed<C: Canvas>(buf: &mut C, area: Rect, title: &str, theme: &Theme) {
    let area = area.intersection(buf.area());
    if area.is_empty() {
        return;
    }
    buf.set_style(area, theme.dialog);
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    let border = theme.dialog_border;
    let glyphs = &theme.glyphs;
    for y in top..=bottom {
        buf.put(left, y, glyphs.vertical, border);
    }
    for x in left..=right {
        buf.put_char(x, top, glyphs.horizontal, border);
    }
    for y in top..=bottom {
        buf.put(right, y, glyphs.vertical, border);
    }
    for x in left..=right {
        buf.put_char(x, bottom, glyphs.horizontal, border);
    }
    let [top_left, top_right, bottom_left, bottom_right] = glyphs.phone_corners;
    for (x, y, corner) in [
        (right, bottom, bottom_right),
        (right, top, top_right),
        (left, bottom, bottom_left),
        (left, top, top_left),
    ] {
        buf.put_char(x, y, corner, border);
    }
    let room = area.width.saturating_sub(2);
    if room > 0 {
        let title_area = Rect::new(left + 1, top, room, 1);
        put_line(
            &Line::from(Span::styled(title, theme.bold)),
            title_area,
            buf,
        );
    }
}

/// Buttons side by side in equal shares of `row`, each centred in its share.
/// How wide each button's share of the row is: equal shares, unless that would cut a label that
/// fits when the longer buttons get more room ("Cancel" beside "Delete device" on a small phone).
fn draw_buttons<C: Canvas>(
    buttons: &[&Element],
    row: Rect,
    buf: &mut C,
    hits: &mut HitMap,
    theme: &Theme,
) {
    for (button, cell) in buttons.iter().zip(button_cells(buttons, area_of(row))) {
        let cell = Rect::from(cell);
        if cell.is_empty() {
            continue;
        }
        // The first column is kept for the focus marker so it never covers the label.
        let label_area = Rect {
            x: cell.x.saturating_add(1),
            width: cell.width.saturating_sub(1),
            ..cell
        };
        let label = truncate(&button.label, label_area.width.saturating_sub(4));
        let text = truncate(&format!("[ {label} ]"), label_area.width);
        let text_width = paint::width_of(&text);
        // The button itself, centred in its share; the marker sits right before it.
        let button_area = Rect {
            x: label_area.x + label_area.width.saturating_sub(text_width) / 2,
            width: text_width.min(label_area.width),
            ..label_area
        };
        put_line(&spanned(text, theme.button), button_area, buf);
        if !button.enabled {
            buf.set_style(button_area, theme.disabled);
        }
        if button.focused {
            let marked = Rect {
                x: button_area.x.saturating_sub(1),
                width: button_area.width + 1,
                ..button_area
            };
            buf.set_style(marked, theme.focus);
            focus_marker(buf, marked.x, marked, theme);
        }
        if button.interactive() {
            hits.push(cell, HitTarget::Element(button.id.clone()));
        }
    }
}
