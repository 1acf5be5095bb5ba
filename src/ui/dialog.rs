//! A modal dialog centred over the phone.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::canvas::Canvas;
use super::page;
use super::paint::{self, HitMap, Target, focus_marker, line_of, put_line, spanned};
use super::theme::Theme;
use crate::layout::{element_height, scroll_to_show, truncate, wrap};
use crate::view::{Dialog, Element, Role};

/// Draws `dialog` centred in `inner` (the inside of the phone's frame), registering its
/// touchable elements in `hits`.
pub(super) fn draw<C: Canvas>(
    dialog: &Dialog,
    inner: Rect,
    buf: &mut C,
    hits: &mut HitMap,
    theme: &Theme,
) {
    let width = inner.width.saturating_sub(2).max(20).min(inner.width);
    // Borders, then a gutter each side like the page's.
    let text_width = width.saturating_sub(4);
    let body = body_lines(&dialog.body, text_width);
    let (stacked, buttons): (Vec<&Element>, Vec<&Element>) =
        dialog.elements.iter().partition(|e| e.role != Role::Button);
    let stacked_height = stacked.iter().fold(0u16, |sum, e| {
        sum.saturating_add(element_height(e, text_width))
    });
    let body_height = u16::try_from(body.len()).unwrap_or(u16::MAX);
    let body_gap = u16::from(body_height > 0 && stacked_height > 0);
    let has_buttons = !buttons.is_empty();
    let button_gap = u16::from(has_buttons && body_height.saturating_add(stacked_height) > 0);
    let content = [
        body_height,
        body_gap,
        stacked_height,
        button_gap,
        u16::from(has_buttons),
    ]
    .into_iter()
    .fold(0u16, u16::saturating_add);
    let height = content.saturating_add(2).min(inner.height);
    let area = Rect::new(
        inner.x + (inner.width - width) / 2,
        inner.y + (inner.height - height) / 2,
        width,
        height,
    );

    // One blank column each side, so the page behind does not peek out as stray letters.
    let margin = Rect {
        x: area.x.saturating_sub(1).max(inner.x),
        width: area.width.saturating_add(2).min(inner.width),
        ..area
    };
    buf.clear(margin);
    let band = framed(buf, area, &format!(" {} ", dialog.title), theme);

    // When the phone is too short, the blank gaps go first, then the body's last lines, then
    // the fields: a person can still see what they type and what they can press.
    let available = band.height.saturating_sub(u16::from(has_buttons));
    let stack_shown = stacked_height.min(available);
    let body_shown = body_height.min(available - stack_shown);
    let gap_shown = body_gap.min(available - stack_shown - body_shown);
    let text = paint::padded(band);
    let shown = fitted_body(&dialog.body, text_width, body_shown);
    for (row, line) in (0..body_shown).zip(shown) {
        put_line(&spanned(line, theme.secondary), line_of(text, row), buf);
    }
    let stack_rows = Rect {
        y: text.y + body_shown + gap_shown,
        height: stack_shown,
        ..text
    };
    let stack_band = Rect {
        x: band.x,
        width: band.width,
        ..stack_rows
    };
    // Fields that do not all fit are scrolled as the page would be, to keep focus in sight.
    let owned: Vec<Element> = stacked.iter().map(|&e| e.clone()).collect();
    let focus = owned.iter().position(|e| e.focused);
    let scroll = scroll_to_show(&owned, text.width, stack_shown, 0, focus);
    page::draw_elements(&owned, stack_rows, stack_band, scroll, buf, hits, theme);
    if has_buttons && band.height > 0 {
        let row = paint::padded(line_of(band, band.height - 1));
        draw_buttons(&buttons, row, buf, hits, theme);
    }
}

/// The dialog's rounded box: its background over `area`, the border, and `title` on the top
/// edge (cut at the border when too long). Returns the area inside the border.
fn framed<C: Canvas>(buf: &mut C, area: Rect, title: &str, theme: &Theme) -> Rect {
    let inside = Rect {
        x: area.x.saturating_add(1).min(area.right()),
        y: area.y.saturating_add(1).min(area.bottom()),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    };
    let area = area.intersection(buf.area());
    if area.is_empty() {
        return inside;
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
    inside
}

/// The paragraphs wrapped to `width`, with a blank line between them.
fn body_lines(body: &[String], width: u16) -> Vec<String> {
    let mut lines = Vec::new();
    for (i, paragraph) in body.iter().enumerate() {
        if i > 0 {
            lines.push(String::new());
        }
        lines.extend(wrap(paragraph, width));
    }
    lines
}

/// The body in at most `rows` lines. When it does not fit, the last paragraph is kept whole if
/// it can be (it is what the person chooses about, such as the apps whose data would go) and the
/// text before it is cut, marked with "…".
fn fitted_body(body: &[String], width: u16, rows: u16) -> Vec<String> {
    let rows = usize::from(rows);
    let all = body_lines(body, width);
    if all.len() <= rows {
        return all;
    }
    let cut = |mut lines: Vec<String>, keep: usize| {
        lines.truncate(keep);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last}…"), width);
        }
        lines
    };
    if let Some((last, earlier)) = body.split_last()
        && !earlier.is_empty()
    {
        let last = wrap(last, width);
        if last.len() < rows {
            let mut lines = cut(body_lines(earlier, width), rows - last.len());
            lines.extend(last);
            return lines;
        }
    }
    cut(all, rows)
}

/// Buttons side by side in equal shares of `row`, each centred in its share.
/// How wide each button's share of the row is: equal shares, unless that would cut a label that
/// fits when the longer buttons get more room ("Cancel" beside "Delete device" on a small phone).
fn button_shares(buttons: &[&Element], width: u16) -> Vec<u16> {
    let count = u16::try_from(buttons.len()).unwrap_or(u16::MAX).max(1);
    let equal = width / count;
    // "[ label ]" and the focus marker's column, then a blank column apart from the next button
    // if there is room for it.
    for room in [6, 5] {
        let needed: Vec<u16> = buttons
            .iter()
            .map(|b| paint::width_of(&b.label).saturating_add(room))
            .collect();
        let total = needed.iter().fold(0u16, |sum, n| sum.saturating_add(*n));
        if needed.iter().all(|n| *n <= equal) {
            break;
        }
        if total <= width {
            let extra = (width - total) / count;
            return needed.iter().map(|n| n + extra).collect();
        }
    }
    vec![equal; buttons.len()]
}

fn draw_buttons<C: Canvas>(
    buttons: &[&Element],
    row: Rect,
    buf: &mut C,
    hits: &mut HitMap,
    theme: &Theme,
) {
    let count = buttons.len();
    let shares = button_shares(buttons, row.width);
    let mut x = row.x;
    for (i, (button, share)) in buttons.iter().zip(shares).enumerate() {
        let width = if i + 1 == count {
            row.right().saturating_sub(x)
        } else {
            share
        };
        let cell = Rect::new(x, row.y, width, 1);
        x = x.saturating_add(share);
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
            hits.push(cell, Target::Element(button.id.clone()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shares(labels: &[&str], width: u16) -> Vec<u16> {
        let buttons: Vec<Element> = labels
            .iter()
            .map(|l| Element::button("b", l.to_string()))
            .collect();
        let refs: Vec<&Element> = buttons.iter().collect();
        button_shares(&refs, width)
    }

    #[test]
    fn buttons_share_the_row_equally_unless_a_label_would_be_cut() {
        assert_eq!(shares(&["Cancel", "Erase"], 34), vec![17, 17]);
        // "Delete device" needs 19 columns: it gets them, "Cancel" the rest of its need.
        assert_eq!(shares(&["Cancel", "Delete device"], 34), vec![13, 20]);
        // Without the blank column between them they still fit.
        assert_eq!(shares(&["Turn off anyway", "Keep on"], 32), vec![20, 12]);
        // Nothing fits: equal shares, labels cut with "…".
        assert_eq!(
            shares(&["Turn off anyway", "Keep it on please"], 20),
            vec![10, 10]
        );
    }
}
