//! How the page's elements are laid out in lines: a row's words beside its value and chevron
//! or switch, each element's height and first line, and the scroll that keeps the focus in sight.

use super::Area;
use super::wrap::{text_width, wrap, wrapped_height};
use crate::view::{Element, Role};

/// Columns of a row's chevron (`›`), which the theme's glyph must match.
pub const CHEVRON_WIDTH: u16 = 1;
/// Columns of a switch (`[ ON]`, `[OFF]`), which the theme's glyphs must match.
pub const SWITCH_WIDTH: u16 = 5;

/// How a row's words share its lines: the label's lines, with the right-hand part (value,
/// chevron, switch) beside the last; and when the value does not fit there, its own lines
/// under the label, flush right. Nothing is cut: a long label or value wraps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowText {
    pub label: Vec<String>,
    /// The value beside the label's last line.
    pub value_beside: bool,
    /// The value's lines under the label when it is not beside it.
    pub value_below: Vec<String>,
}

impl RowText {
    pub fn height(&self) -> u16 {
        let lines = self.label.len().max(1) + self.value_below.len();
        u16::try_from(lines).unwrap_or(u16::MAX)
    }
}

/// Lays out a row `width` columns wide: `label`, its `value` if any, and `trailer` columns that
/// always stay at the right of the label's last line (the chevron or the switch; 0 for none).
pub fn row_text(label: &str, value: Option<&str>, trailer: u16, width: u16) -> RowText {
    let value = value.filter(|v| !v.is_empty());
    let label_width = text_width(label);
    // The label's room beside the trailer (and the blank column before it).
    let room = |trailer: u16| width.saturating_sub(if trailer > 0 { trailer + 1 } else { 0 });
    match value {
        Some(value) => {
            let gap = if trailer > 0 { 1 + trailer } else { 0 };
            let beside = usize::from(gap) + text_width(value);
            if label_width + 1 + beside <= usize::from(width) {
                return RowText {
                    label: vec![label.to_string()],
                    value_beside: true,
                    value_below: Vec::new(),
                };
            }
            RowText {
                label: wrap(label, room(trailer)),
                value_beside: false,
                value_below: wrap(value, width),
            }
        }
        None => RowText {
            label: if label_width + usize::from(width - room(trailer)) <= usize::from(width) {
                vec![label.to_string()]
            } else {
                wrap(label, room(trailer))
            },
            value_beside: false,
            value_below: Vec::new(),
        },
    }
}

/// What stays right of a row's label and what value it has, by its role.
fn row_parts(element: &Element) -> (Option<&str>, u16) {
    let value = element.value.as_deref();
    match element.role {
        Role::Switch => (None, SWITCH_WIDTH),
        Role::Info => (value, 0),
        _ => (value, CHEVRON_WIDTH),
    }
}

/// A row's layout on a page `width` columns wide, by its role.
pub fn row_text_of(element: &Element, width: u16) -> RowText {
    let (value, trailer) = row_parts(element);
    row_text(&element.label, value, trailer, width)
}

/// How many lines `row_text_of` gives, without building them: heights are asked for on every
/// update and every frame, and most rows fit on one line.
fn row_height_of(element: &Element, width: u16) -> u16 {
    let (value, trailer) = row_parts(element);
    let value = value.filter(|v| !v.is_empty());
    let label_width = text_width(&element.label);
    let room = width.saturating_sub(if trailer > 0 { trailer + 1 } else { 0 });
    match value {
        Some(value) => {
            let gap = if trailer > 0 { 1 + trailer } else { 0 };
            if label_width + 1 + usize::from(gap) + text_width(value) <= usize::from(width) {
                1
            } else {
                wrapped_height(&element.label, room).saturating_add(wrapped_height(value, width))
            }
        }
        None if label_width + usize::from(width - room) <= usize::from(width) => 1,
        None => wrapped_height(&element.label, room),
    }
}

/// How many terminal lines an element takes on a page `width` columns wide.
pub fn element_height(element: &Element, width: u16) -> u16 {
    let summary = element.summary.as_deref().map_or(0, |summary| {
        wrapped_height(summary, width.saturating_sub(summary_indent(element)))
    });
    match element.role {
        // A blank gap, then the heading (a heading without text is just the gap).
        Role::Section if element.label.is_empty() => 1,
        Role::Section => 1 + wrapped_height(&element.label, width),
        Role::Text | Role::Error | Role::Notice => wrapped_height(&element.label, width),
        // The name, then its summary (a blank line when there is none).
        Role::Header => row_height_of(element, width).saturating_add(summary.max(1)),
        Role::Row | Role::Switch | Role::Info => {
            row_height_of(element, width).saturating_add(summary)
        }
        // A checkbox's text wraps beside its box.
        Role::Checkbox => wrapped_height(&element.label, width.saturating_sub(4)) + summary,
        Role::Button | Role::Tab => 1,
        // The label above, the input line below.
        Role::TextField | Role::PasswordField => 2,
    }
}

/// The element's summary wrapped to the page (a checkbox's is indented under its label).
pub fn summary_lines(element: &Element, width: u16) -> Vec<String> {
    element
        .summary
        .as_deref()
        .map(|summary| wrap(summary, width.saturating_sub(summary_indent(element))))
        .unwrap_or_default()
}

/// A checkbox's summary starts under its label, past the box.
fn summary_indent(element: &Element) -> u16 {
    if element.role == Role::Checkbox { 4 } else { 0 }
}

/// The first line of each element on the page, and the page's total height.
pub fn element_offsets(elements: &[Element], width: u16) -> (Vec<u16>, u16) {
    let mut offsets = Vec::with_capacity(elements.len());
    let mut line: u16 = 0;
    for element in elements {
        offsets.push(line);
        line = line.saturating_add(element_height(element, width));
    }
    (offsets, line)
}

/// How many lines the page's elements take in all.
fn page_lines(elements: &[Element], width: u16) -> u16 {
    elements.iter().fold(0, |line: u16, element| {
        line.saturating_add(element_height(element, width))
    })
}

/// Whether the page is taller than `height` lines: summed only until it is, since a page that
/// scrolls is asked about on every update and its rows below the screen do not matter.
pub fn taller_than(elements: &[Element], width: u16, height: u16) -> bool {
    let mut line: u16 = 0;
    elements.iter().any(|element| {
        line = line.saturating_add(element_height(element, width));
        line > height
    })
}

/// The first line of element `index` (the page's height when past its end), without laying out
/// the rows below it.
pub fn element_top(elements: &[Element], index: usize, width: u16) -> u16 {
    page_lines(elements.get(..index).unwrap_or(elements), width)
}

/// The scroll offset that shows `focus` (an index into `elements`) whole, moving `scroll` as
/// little as possible, and never past the end of the page. An error on the page, then a
/// notification, is kept in sight with the focus when they fit: the cursor goes to the field to
/// fix, the message says what is wrong with it, and the notification holds the code to type.
pub fn scroll_to_show(
    elements: &[Element],
    width: u16,
    page_height: u16,
    scroll: u16,
    focus: Option<usize>,
) -> u16 {
    // Laid out only as far as the rows to show, and the page's whole height only once it is
    // scrolled at all: most updates are at the top of a page, with the focus near it.
    let error_and_notice =
        [Role::Error, Role::Notice].map(|role| elements.iter().position(|e| e.role == role));
    let needed = focus
        .into_iter()
        .chain(error_and_notice.into_iter().flatten())
        .max()
        .map_or(0, |last| last.saturating_add(1).min(elements.len()));
    let (offsets, _) = element_offsets(elements.get(..needed).unwrap_or(elements), width);
    let max = std::cell::OnceCell::new();
    let max_scroll =
        || *max.get_or_init(|| page_lines(elements, width).saturating_sub(page_height));
    let mut scroll = if scroll == 0 {
        0
    } else {
        scroll.min(max_scroll())
    };
    if let Some(index) = focus
        && let Some(&top) = offsets.get(index)
    {
        let mut top = top;
        let height = elements.get(index).map_or(1, |e| element_height(e, width));
        // Bring the heading above the focused row into view with it, as a phone would.
        if index > 0
            && elements.get(index - 1).map(|e| e.role) == Some(Role::Section)
            && let Some(&section_top) = offsets.get(index - 1)
        {
            top = section_top;
        }
        let mut bottom = offsets.get(index).copied().unwrap_or(top) + height;
        // What the person must read to act: the error about the field, then the notification
        // with the code to type in it; each kept in sight too while it fits.
        for other in error_and_notice.into_iter().flatten() {
            if let Some(&other_top) = offsets.get(other) {
                let other_bottom = other_top + element_height(&elements[other], width);
                let (span_top, span_bottom) = (top.min(other_top), bottom.max(other_bottom));
                if span_bottom - span_top <= page_height {
                    (top, bottom) = (span_top, span_bottom);
                }
            }
        }
        if top < scroll {
            scroll = top;
        } else if bottom > scroll + page_height {
            scroll = bottom.saturating_sub(page_height);
        }
    }
    if scroll == 0 {
        0
    } else {
        scroll.min(max_scroll())
    }
}

/// Where each of `elements` is shown when laid out `text.width` columns wide in `text`,
/// scrolled by `scroll`: its visible rows across `band` (the text with its gutters, where a
/// touch lands), or `None` when it is scrolled out of sight.
pub fn visible_boxes(
    elements: &[Element],
    scroll: u16,
    text: Area,
    band: Area,
) -> Vec<Option<Area>> {
    let (offsets, _) = element_offsets(elements, text.width);
    elements
        .iter()
        .zip(offsets)
        .map(|(element, offset)| {
            let rows = element_height(element, text.width);
            let top = i32::from(offset) - i32::from(scroll);
            let bottom = top + i32::from(rows);
            let visible = rows > 0 && top < i32::from(text.height) && bottom > 0;
            visible.then(|| {
                let first = top.max(0);
                let last = bottom.min(i32::from(text.height));
                let y = text.y.saturating_add(u16::try_from(first).unwrap_or(0));
                let height = u16::try_from(last - first).unwrap_or(0);
                Area::new(band.x, y, band.width, height)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_keeps_the_focused_row_visible() {
        let rows: Vec<Element> = (0..20)
            .map(|i| Element::row(format!("r{i}"), format!("Row {i}")))
            .collect();
        assert_eq!(scroll_to_show(&rows, 30, 5, 0, Some(2)), 0);
        assert_eq!(scroll_to_show(&rows, 30, 5, 0, Some(7)), 3);
        assert_eq!(scroll_to_show(&rows, 30, 5, 10, Some(4)), 4);
        // Never past the end of the page.
        assert_eq!(scroll_to_show(&rows, 30, 5, 99, None), 15);
    }

    #[test]
    fn a_top_and_a_height_asked_for_alone_are_the_laid_out_ones() {
        let mut elements: Vec<Element> = (0..12)
            .map(|i| {
                Element::row(
                    format!("r{i}"),
                    format!("Row {i} with words enough to wrap"),
                )
            })
            .collect();
        elements[4] = Element::error("e", "The passwords don't match");
        for width in [10, 20, 60] {
            let (offsets, total) = element_offsets(&elements, width);
            for (index, offset) in offsets.iter().enumerate() {
                assert_eq!(element_top(&elements, index, width), *offset);
            }
            assert_eq!(element_top(&elements, 99, width), total);
            for height in [0, total - 1, total, total + 1] {
                assert_eq!(taller_than(&elements, width, height), total > height);
            }
        }
    }

    #[test]
    fn an_error_stays_in_sight_with_the_focused_field_when_both_fit() {
        let mut elements: Vec<Element> = (0..10)
            .map(|i| Element::row(format!("r{i}"), format!("Row {i}")))
            .collect();
        elements[6] = Element::error("e", "The passwords don't match");
        // Focus on row 3, error on line 6: a 5-line page shows lines 2..7.
        assert_eq!(scroll_to_show(&elements, 30, 5, 0, Some(3)), 2);
        // Too far apart to show both: the focus wins.
        assert_eq!(scroll_to_show(&elements, 30, 3, 0, Some(1)), 0);
    }
}
