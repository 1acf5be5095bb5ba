//! Elements stacked top to bottom in a scrolling viewport: the page, and a dialog's fields.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

use super::canvas::Canvas;
use super::paint::{HitMap, HitTarget, focus_marker, put_line, spanned, width_of};
use super::theme::Theme;
use crate::layout::{element_height, row_text_of, summary_lines, truncate, wrap};
use crate::view::{Element, Role};

/// One line of an element: text from the left, text flush right, and a style for the whole line.
#[derive(Default)]
struct Slot {
    left: Line<'static>,
    right: Line<'static>,
    fill: Style,
}

impl Slot {
    fn left(spans: Vec<Span<'static>>) -> Slot {
        Slot {
            left: Line::from(spans),
            ..Slot::default()
        }
    }

    fn split(left: Vec<Span<'static>>, right: Vec<Span<'static>>) -> Slot {
        Slot {
            left: Line::from(left),
            right: Line::from(right).right_aligned(),
            fill: Style::new(),
        }
    }
}

/// Draws `elements` in `text` (the columns for their text) scrolled down by `scroll` lines.
/// `band` is the same rows widened by the gutters: focus, disabled greying and touch areas
/// span it. Elements cut by the viewport's edges are clipped, never moved.
pub(super) fn draw_elements<'a, C: Canvas>(
    elements: impl IntoIterator<Item = &'a Element>,
    text: Rect,
    band: Rect,
    scroll: u16,
    buf: &mut C,
    hits: &mut HitMap,
    theme: &Theme,
) {
    let (scroll, view_end) = (
        u32::from(scroll),
        u32::from(scroll) + u32::from(text.height),
    );
    let mut top = 0u32;
    for element in elements {
        let height = u32::from(element_height(element, text.width));
        let (first, last) = (top.max(scroll), (top + height).min(view_end));
        let element_top = top;
        top += height;
        if element_top >= view_end {
            break;
        }
        if first >= last {
            continue;
        }
        // In range of u16: both lie within the viewport, whose height is a u16.
        let rows = Rect::new(
            band.x,
            text.y + (first - scroll) as u16,
            band.width,
            (last - first) as u16,
        );
        // Focus goes under the text, so a focused input line keeps its own background.
        if element.focused {
            buf.set_style(rows, theme.focus);
        }
        let slots = slots(element, text.width, theme);
        for (line, y) in (first..last).zip(rows.top()..) {
            let Some(slot) = slots.get((line - element_top) as usize) else {
                continue;
            };
            let area = Rect::new(text.x, y, text.width, 1);
            if slot.fill != Style::new() {
                buf.set_style(area, slot.fill);
            }
            put_line(&slot.left, area, buf);
            put_line(&slot.right, area, buf);
        }
        if !element.enabled {
            buf.set_style(rows, theme.disabled);
        }
        if element.focused {
            focus_marker(buf, band.x, rows, theme);
        }
        if element.interactive() {
            hits.push(rows, HitTarget::Element(element.id.clone()));
        }
    }
}

/// The lines of `element` on a page `width` columns wide: as many as `element_height` says.
fn slots(element: &Element, width: u16, theme: &Theme) -> Vec<Slot> {
    let glyphs = &theme.glyphs;
    let label: &str = &element.label;
    // The summary wraps under the label, as many lines as `element_height` counted.
    let summary = |indent: u16| {
        summary_lines(element, width).into_iter().map(move |line| {
            Slot::left(vec![
                Span::raw(" ".repeat(usize::from(indent))),
                Span::styled(line, theme.secondary),
            ])
        })
    };
    // A row: the label's lines with the right-hand part beside the last (the value when it
    // fits there, then `trailer`: the chevron or the switch), so that a wrapped label reads on
    // unbroken; the value's own lines under the label when it does not fit; then the summary.
    // Nothing is cut.
    let with_right = |label_style: Style, trailer: Option<Span<'static>>| {
        let text = row_text_of(element, width);
        let value = element.value.as_deref().filter(|v| !v.is_empty());
        let mut right = Vec::new();
        if let (true, Some(value)) = (text.value_beside, value) {
            right.push(Span::styled(value.to_string(), theme.secondary));
            if trailer.is_some() {
                right.push(Span::raw(" "));
            }
        }
        right.extend(trailer);
        let mut slots = Vec::new();
        let last = text.label.len().saturating_sub(1);
        for (i, line) in text.label.into_iter().enumerate() {
            let left = vec![Span::styled(line, label_style)];
            slots.push(if i == last {
                Slot::split(left, std::mem::take(&mut right))
            } else {
                Slot::left(left)
            });
        }
        for line in text.value_below {
            slots.push(Slot::split(
                Vec::new(),
                vec![Span::styled(line, theme.secondary)],
            ));
        }
        slots.extend(summary(0));
        slots
    };
    let chevron = || Some(Span::styled(glyphs.chevron, theme.secondary));
    match element.role {
        Role::Section => {
            let mut slots = vec![Slot::default()];
            if !label.is_empty() {
                slots.extend(
                    wrap(label, width)
                        .into_iter()
                        .map(|line| Slot::left(vec![Span::styled(line, theme.faint)])),
                );
            }
            slots
        }
        Role::Error | Role::Notice => {
            let style = if element.role == Role::Error {
                theme.error
            } else {
                theme.notice
            };
            wrap(label, width)
                .into_iter()
                .map(|line| Slot {
                    left: Line::from(Span::styled(line, style)),
                    fill: style,
                    ..Slot::default()
                })
                .collect()
        }
        Role::Text => wrap(label, width)
            .into_iter()
            .map(|line| Slot::left(vec![Span::styled(line, theme.secondary)]))
            .collect(),
        Role::Header => {
            // The person's name, with the service's (e.g. "Mi Account") beside it when given,
            // and a blank line under it when it has no summary.
            let mut slots = with_right(theme.header_name, chevron());
            if element.summary.is_none() {
                slots.push(Slot::default());
            }
            slots
        }
        Role::Row => with_right(Style::new(), chevron()),
        Role::Info => with_right(Style::new(), None),
        Role::Switch => with_right(
            Style::new(),
            Some(if element.checked == Some(true) {
                Span::styled(glyphs.switch_on, theme.switch_on)
            } else {
                Span::styled(glyphs.switch_off, theme.switch_off)
            }),
        ),
        Role::Checkbox => {
            let (box_, style) = if element.checked == Some(true) {
                (glyphs.checkbox_on, theme.checked)
            } else {
                (glyphs.checkbox_off, Style::new())
            };
            let indent = width_of(box_);
            let mut slots: Vec<Slot> = wrap(label, width.saturating_sub(indent))
                .into_iter()
                .enumerate()
                .map(|(i, line)| {
                    let lead = if i == 0 {
                        Span::styled(box_, style)
                    } else {
                        Span::raw(" ".repeat(usize::from(indent)))
                    };
                    Slot::left(vec![lead, Span::raw(line)])
                })
                .collect();
            slots.extend(summary(width_of(box_)));
            slots
        }
        Role::Button => {
            let text = format!("[ {} ]", truncate(label, width.saturating_sub(4)));
            vec![Slot {
                left: spanned(text, theme.button).centered(),
                ..Slot::default()
            }]
        }
        Role::Tab => {
            let open = element.checked == Some(true);
            let (marker, style) = if open {
                (glyphs.tab_open, theme.tab_open)
            } else {
                ("  ", theme.tab)
            };
            let text = truncate(label, width.saturating_sub(2));
            vec![Slot::left(vec![
                Span::raw(marker),
                Span::styled(text, style),
            ])]
        }
        Role::TextField | Role::PasswordField => {
            let value = element.value.as_deref().unwrap_or("");
            let mut input = Vec::new();
            if element.focused {
                // The cursor stays in sight: what is before it keeps its end, what follows is
                // cut to the room left.
                let at = element.cursor.unwrap_or(usize::MAX);
                let split = value.char_indices().nth(at).map_or(value.len(), |(i, _)| i);
                let (before, after) = value.split_at(split);
                let before = tail(before, width.saturating_sub(1));
                let room = width.saturating_sub(1).saturating_sub(width_of(&before));
                input.push(Span::raw(before));
                input.push(Span::styled(glyphs.cursor, theme.cursor));
                input.push(Span::raw(truncate(after, room)));
            } else {
                input.push(Span::raw(truncate(value, width)));
            }
            let heading = Span::styled(truncate(label, width), theme.secondary);
            vec![
                Slot::left(vec![heading]),
                Slot {
                    fill: theme.input,
                    ..Slot::left(input)
                },
            ]
        }
    }
}

/// The end of `text` in at most `width` columns, starting with "…" when something was cut.
fn tail(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if crate::layout::text_width(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut used = 1;
    let mut kept = Vec::new();
    for ch in text.chars().rev() {
        let ch_width = ch.width().unwrap_or(0);
        if used + ch_width > width {
            break;
        }
        used += ch_width;
        kept.push(ch);
    }
    std::iter::once('…').chain(kept.into_iter().rev()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_roles() -> Vec<Element> {
        let long = "A rather long label that will need to wrap or be cut somewhere";
        let mut out = Vec::new();
        for role in [
            Role::Section,
            Role::Text,
            Role::Error,
            Role::Notice,
            Role::Header,
            Role::Row,
            Role::Info,
            Role::Switch,
            Role::Checkbox,
            Role::Button,
            Role::TextField,
            Role::PasswordField,
            Role::Tab,
        ] {
            out.push(Element::new("a", role, ""));
            out.push(Element::new("b", role, long).summary(long).value(long));
            let mut focused = Element::new("c", role, "Label").value(long).checked(true);
            focused.focused = true;
            out.push(focused);
        }
        out
    }

    #[test]
    fn every_element_draws_exactly_its_layout_height() {
        for width in 0..70 {
            for element in all_roles() {
                let height = usize::from(element_height(&element, width));
                assert_eq!(
                    slots(&element, width, &Theme::miui()).len(),
                    height,
                    "{element:?} at {width}"
                );
            }
        }
    }

    #[test]
    fn every_line_fits_its_width() {
        for width in 6..70 {
            for element in all_roles() {
                for slot in slots(&element, width, &Theme::miui()) {
                    let used = slot.left.width() + slot.right.width();
                    assert!(used <= usize::from(width), "{element:?} at {width}");
                }
            }
        }
    }

    #[test]
    fn tail_keeps_the_end() {
        assert_eq!(tail("user@example.com", 8), "…ple.com");
        assert_eq!(tail("short", 8), "short");
        assert_eq!(tail("abc", 0), "");
    }
}
