//! Geometry of the phone on a terminal, shared by the renderer (which draws there) and the core
//! (which scrolls the page so that focus stays visible). Pure arithmetic in plain numbers: no
//! drawing here, and no terminal library's types.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::view::{Dialog, Element, Role, View};

/// Smallest terminal the phone fits in; below it a "terminal too small" message is shown.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;
/// A phone is narrow: on wide terminals it stays this wide and is centred.
pub const PHONE_MAX_WIDTH: u16 = 60;
/// Columns of padding between the phone's frame and the page text, on each side.
const PAGE_PADDING: u16 = 1;

/// A rectangle of terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub const fn new(x: u16, y: u16, width: u16, height: u16) -> Area {
        Area {
            x,
            y,
            width,
            height,
        }
    }

    /// The first column to the right of the area.
    pub fn right(self) -> u16 {
        self.x.saturating_add(self.width)
    }

    /// The first row below the area.
    pub fn bottom(self) -> u16 {
        self.y.saturating_add(self.height)
    }

    pub fn is_empty(self) -> bool {
        self.width == 0 || self.height == 0
    }

    pub fn contains(self, column: u16, row: u16) -> bool {
        column >= self.x && column < self.right() && row >= self.y && row < self.bottom()
    }
}

/// Where each part of the phone goes on a terminal of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhoneLayout {
    /// The whole phone, frame included.
    pub phone: Area,
    /// Time, network and battery.
    pub status: Area,
    /// Back arrow and title.
    pub title: Area,
    /// The scrolling page.
    pub page: Area,
    /// Key hints, or the toast when there is one.
    pub hint: Area,
    /// Where a dialog may go: inside the frame, above the hint line (which stays readable: it
    /// says how to leave the dialog).
    pub dialog_room: Area,
}

impl PhoneLayout {
    /// The layout for a terminal area, or `None` when the area is too small for a usable phone.
    pub fn new(area: Area) -> Option<PhoneLayout> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let width = area.width.min(PHONE_MAX_WIDTH);
        let x = area.x + (area.width - width) / 2;
        let phone = Area::new(x, area.y, width, area.height);
        // Inside the rounded frame.
        let inner = Area::new(
            phone.x + 1,
            phone.y + 1,
            phone.width.saturating_sub(2),
            phone.height.saturating_sub(2),
        );
        let status = Area::new(inner.x, inner.y, inner.width, 1);
        let title = Area::new(inner.x, inner.y + 1, inner.width, 1);
        let hint = Area::new(inner.x, inner.bottom().saturating_sub(1), inner.width, 1);
        let page_top = title.bottom();
        let page = Area::new(
            inner.x + PAGE_PADDING,
            page_top,
            inner.width.saturating_sub(2 * PAGE_PADDING),
            hint.y.saturating_sub(page_top),
        );
        let dialog_room = Area::new(
            inner.x,
            status.y,
            inner.width,
            hint.y.saturating_sub(status.y),
        );
        Some(PhoneLayout {
            phone,
            status,
            title,
            page,
            hint,
            dialog_room,
        })
    }

    /// How many lines `toast` takes: wrapped to the hint line's width, it rises from the hint
    /// line over the page (never higher than the page's top).
    pub fn toast_lines(&self, toast: &str) -> u16 {
        wrapped_height(toast, self.hint.width.saturating_sub(2))
            .clamp(1, self.page.height.saturating_add(1))
    }

    /// Where a dialog goes while `toast` shows: above the toast, so that neither hides the
    /// other.
    pub fn room_for_dialog(&self, toast: Option<&str>) -> Area {
        let toast_rows = toast.map_or(1, |t| self.toast_lines(t)).saturating_sub(1);
        Area {
            height: self.dialog_room.height.saturating_sub(toast_rows),
            ..self.dialog_room
        }
    }

    /// The page size for a terminal of `width` x `height`, if the phone fits.
    pub fn page_size(width: u16, height: u16) -> Option<(u16, u16)> {
        PhoneLayout::new(Area::new(0, 0, width, height)).map(|l| (l.page.width, l.page.height))
    }
}

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

/// Where a dialog and its parts go, shared by the renderer (which draws there) and the core
/// (which scrolls the dialog's text). The title sits on the top edge, cut with "…" when too long,
/// and then it is also the first line of the text, so that every word can be read. The text
/// (title, body, fields) scrolls when it does not fit; the buttons stay on the bottom line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DialogLayout {
    /// The box, border included.
    pub area: Area,
    /// The title as the top edge shows it.
    pub title: String,
    /// What scrolls: the title again when it was cut, the body's paragraphs, the fields.
    pub content: Vec<Element>,
    /// The content's rows and columns (inside the border and its gutters).
    pub text: Area,
    /// The content's rows across the whole inside, gutters included (focus is marked there).
    pub band: Area,
    /// The buttons' line, when there are buttons.
    pub buttons: Option<Area>,
    /// The content's whole height.
    pub content_height: u16,
}

/// The ids of the lines a dialog's text is made of (never touchable).
pub const DIALOG_TITLE_ID: &str = "dialog.title";
pub const DIALOG_BODY_ID: &str = "dialog.body";
const DIALOG_GAP_ID: &str = "dialog.gap";

impl DialogLayout {
    /// Where the dialog of `view` goes on a terminal of `viewport` (width, height), if a dialog
    /// is open and the phone fits: the one geometry the phone, its overlays, the renderer and
    /// the agent's boxes share.
    pub fn over(view: &View, viewport: (u16, u16)) -> Option<DialogLayout> {
        let dialog = view.dialog.as_ref()?;
        let phone = PhoneLayout::new(Area::new(0, 0, viewport.0, viewport.1))?;
        Some(DialogLayout::new(
            dialog,
            phone.room_for_dialog(view.toast.as_deref()),
        ))
    }

    /// Lays out `dialog` centred in `room` (see [`PhoneLayout::dialog_room`]).
    pub fn new(dialog: &Dialog, room: Area) -> DialogLayout {
        let width = room.width.saturating_sub(2).max(20).min(room.width);
        // Borders, then a gutter each side like the page's.
        let text_width = width.saturating_sub(4);
        let title_room = width.saturating_sub(4);
        let title_fits = text_width_u16(&dialog.title) <= title_room;
        let title = if title_fits {
            dialog.title.clone()
        } else {
            truncate(&dialog.title, title_room)
        };
        let mut content = Vec::new();
        if !title_fits {
            content.push(Element::text(DIALOG_TITLE_ID, dialog.title.clone()));
        }
        for paragraph in &dialog.body {
            if !content.is_empty() {
                content.push(Element::section(DIALOG_GAP_ID, ""));
            }
            content.push(Element::text(DIALOG_BODY_ID, paragraph.clone()));
        }
        let (fields, buttons): (Vec<&Element>, Vec<&Element>) =
            dialog.elements.iter().partition(|e| e.role != Role::Button);
        if !content.is_empty() && !fields.is_empty() {
            content.push(Element::section(DIALOG_GAP_ID, ""));
        }
        content.extend(fields.into_iter().cloned());
        let content_height = content.iter().fold(0u16, |sum, e| {
            sum.saturating_add(element_height(e, text_width))
        });
        let button_rows = u16::from(!buttons.is_empty());
        // A blank line between the text and the buttons, unless the phone is too short for it.
        let borders = 2;
        let mut gap = u16::from(button_rows > 0 && content_height > 0);
        let wanted = content_height
            .saturating_add(gap)
            .saturating_add(button_rows)
            .saturating_add(borders);
        if wanted > room.height {
            gap = 0;
        }
        let height = content_height
            .saturating_add(gap)
            .saturating_add(button_rows)
            .saturating_add(borders)
            .min(room.height);
        let area = Area::new(
            room.x + room.width.saturating_sub(width) / 2,
            room.y + room.height.saturating_sub(height) / 2,
            width,
            height,
        );
        let inside = Area::new(
            area.x.saturating_add(1),
            area.y.saturating_add(1),
            width.saturating_sub(2),
            height.saturating_sub(borders),
        );
        let content_rows = inside
            .height
            .saturating_sub(gap)
            .saturating_sub(button_rows);
        let band = Area::new(inside.x, inside.y, inside.width, content_rows);
        let text = Area::new(
            band.x.saturating_add(1),
            band.y,
            band.width.saturating_sub(2),
            band.height,
        );
        let buttons_line = (button_rows > 0 && inside.height > 0).then(|| {
            Area::new(
                inside.x.saturating_add(1),
                inside.bottom().saturating_sub(1),
                inside.width.saturating_sub(2),
                1,
            )
        });
        DialogLayout {
            area,
            title,
            content,
            text,
            band,
            buttons: buttons_line,
            content_height,
        }
    }

    /// How far the content can scroll.
    pub fn max_scroll(&self) -> u16 {
        self.content_height.saturating_sub(self.text.height)
    }

    /// The scroll offset that keeps the focused field (if the focus is on one) in sight.
    pub fn scroll_to_focus(&self, scroll: u16) -> u16 {
        let focus = self.content.iter().position(|e| e.focused);
        scroll_to_show(
            &self.content,
            self.text.width,
            self.text.height,
            scroll,
            focus,
        )
    }
}

fn text_width_u16(text: &str) -> u16 {
    u16::try_from(text_width(text)).unwrap_or(u16::MAX)
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
    let (offsets, total) = element_offsets(elements, width);
    let max_scroll = total.saturating_sub(page_height);
    let mut scroll = scroll.min(max_scroll);
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
        for role in [Role::Error, Role::Notice] {
            if let Some(other) = elements.iter().position(|e| e.role == role)
                && let Some(&other_top) = offsets.get(other)
            {
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
    scroll.min(max_scroll)
}

/// How many columns `text` takes: printable ASCII (most labels) by its length, without looking
/// characters up in the width tables.
pub fn text_width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        text.len()
    } else {
        text.width()
    }
}

/// Word-wraps `text` to `width` columns (by display width, so wide characters count double).
/// Words longer than a line are broken. Always returns at least one line.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let mut lines = Vec::new();
    wrap_each(text, width, |line| lines.push(line.to_string()));
    lines
}

/// How many lines `wrap` would give, without building them: heights are asked for on every
/// update and every frame.
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    // A line that fits needs no breaking at all, and most do.
    if !text.contains('\n') && text_width(text) <= usize::from(width.max(1)) {
        return 1;
    }
    let mut count: u16 = 0;
    wrap_each(text, width, |_| count = count.saturating_add(1));
    count
}

/// Marks that never start a line in Chinese text.
const NO_LINE_START: &str = "，。、：；！？”’）》」』】…";
/// Marks that never end a line in Chinese text.
const NO_LINE_END: &str = "“‘（《「『【";

/// Where the part of `line` that must go down with `next` begins (`line.len()`: nothing goes
/// down). Chinese rules: a closing mark never starts a line, so what it closes goes down with
/// it (the Latin run that ends the line, from `run_start`, or the last character); an opening
/// mark never ends a line. Never the whole line, and never more than fits beside `next` on a
/// line `width` wide: a break against the rules is better than a line too long.
fn carried_from(line: &str, next: char, run_start: Option<usize>, width: usize) -> usize {
    let last = line.char_indices().next_back();
    let from = if NO_LINE_START.contains(next) {
        let unit = run_start.map_or(last.map(|(at, _)| at), Some);
        // An opening mark just before goes too: "（" never ends the line left behind.
        unit.map(|at| {
            line[..at]
                .char_indices()
                .next_back()
                .filter(|(_, c)| NO_LINE_END.contains(*c))
                .map_or(at, |(before, _)| before)
        })
    } else {
        last.filter(|(_, c)| NO_LINE_END.contains(*c))
            .map(|(at, _)| at)
    };
    let next_width = next.width().unwrap_or(0);
    from.filter(|at| *at > 0 && text_width(&line[*at..]) + next_width <= width)
        .unwrap_or(line.len())
}

/// The pieces a line may not break inside: a word of Latin text is one; in Chinese text, each
/// Chinese character is one and each run of other characters between them (an address, a
/// number) is one, and so is each short item of a list.
fn unbreakable_runs(word: &str, chinese: bool) -> Vec<&str> {
    if !chinese {
        return vec![word];
    }
    // A list written out ("联系人、短信、浏览器") keeps each short item whole, its "、" with it.
    if word.contains('、') {
        return word
            .split_inclusive('、')
            .flat_map(|item| {
                if text_width(item) <= LIST_ITEM_WIDTH {
                    vec![item]
                } else {
                    character_runs(item).collect()
                }
            })
            .collect();
    }
    character_runs(word).collect()
}

/// The widest item of a Chinese list kept whole (a longer one breaks as text does).
const LIST_ITEM_WIDTH: usize = 12;

/// Each Chinese character, and each run of other characters between them.
fn character_runs(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let end = if first.width() == Some(2) {
            first.len_utf8()
        } else {
            rest.char_indices()
                .find(|(_, c)| c.width() == Some(2))
                .map_or(rest.len(), |(at, _)| at)
        };
        let (run, after) = rest.split_at(end);
        rest = after;
        Some(run)
    })
}

/// The line breaking behind `wrap`: calls `emit` with each line in turn.
fn wrap_each(text: &str, width: u16, mut emit: impl FnMut(&str)) {
    let width = usize::from(width.max(1));
    let mut line = String::new();
    for paragraph in text.split('\n') {
        let mut line_width = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_width = text_width(word);
            let gap = usize::from(line_width > 0);
            if line_width + gap + word_width <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                continue;
            }
            // Chinese breaks between any two characters, so a Chinese run goes on from where
            // the line is; a long Latin word starts a line of its own.
            let chinese = word.chars().any(|c| c.width() == Some(2));
            if line_width > 0 && (!chinese || line_width + gap >= width) {
                emit(&line);
                line.clear();
                line_width = 0;
            } else if line_width > 0 {
                line.push(' ');
                line_width += 1;
            }
            // Where the Latin run that ends the line began (it goes down whole, if it must).
            let mut run_start: Option<usize> = None;
            for segment in unbreakable_runs(word, chinese) {
                let segment_width = text_width(segment);
                let latin = !segment.chars().any(|c| c.width() == Some(2));
                if line_width + segment_width <= width {
                    run_start = (latin && chinese).then_some(line.len());
                    line.push_str(segment);
                    line_width += segment_width;
                    continue;
                }
                // A Latin run inside Chinese text (an address, a number) or a list's item goes
                // down whole, with an opening mark before it.
                let whole = latin || segment.chars().nth(1).is_some();
                if whole && chinese && segment_width <= width && line_width > 0 {
                    let from = line
                        .char_indices()
                        .next_back()
                        .filter(|(at, c)| {
                            *at > 0
                                && NO_LINE_END.contains(*c)
                                && text_width(&line[*at..]) + segment_width <= width
                        })
                        .map_or(line.len(), |(at, _)| at);
                    let carried = line.split_off(from);
                    emit(line.trim_end_matches(' '));
                    line = carried;
                    run_start = Some(line.len());
                    line.push_str(segment);
                    line_width = text_width(&line);
                    continue;
                }
                for ch in segment.chars() {
                    let ch_width = ch.width().unwrap_or(0);
                    if line_width + ch_width > width && line_width > 0 {
                        let from = carried_from(&line, ch, run_start, width);
                        let carried = line.split_off(from);
                        emit(line.trim_end_matches(' '));
                        line = carried;
                        line_width = text_width(&line);
                    }
                    run_start = None;
                    line.push(ch);
                    line_width += ch_width;
                }
            }
        }
        emit(&line);
        line.clear();
    }
}

/// Cuts `text` to at most `width` columns, ending with "…" when something was cut.
pub fn truncate(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let ch_width = ch.width().unwrap_or(0);
        if used + ch_width + 1 > width {
            break;
        }
        out.push(ch);
        used += ch_width;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_small_terminals_have_no_layout() {
        assert!(PhoneLayout::new(Area::new(0, 0, 39, 24)).is_none());
        assert!(PhoneLayout::new(Area::new(0, 0, 60, 11)).is_none());
        assert!(PhoneLayout::new(Area::new(0, 0, 40, 12)).is_some());
    }

    #[test]
    fn phone_is_centred_and_capped_on_wide_terminals() {
        let layout = PhoneLayout::new(Area::new(0, 0, 100, 30)).expect("fits");
        assert_eq!(layout.phone, Area::new(20, 0, 60, 30));
        assert_eq!(layout.page.width, 56);
        assert_eq!(layout.page.height, 30 - 2 - 3);
    }

    #[test]
    fn wrap_breaks_on_words_and_long_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        for (text, width) in [
            ("one two three", 7),
            ("abcdefghij", 4),
            ("", 4),
            ("a\nb", 10),
        ] {
            assert_eq!(
                usize::from(wrapped_height(text, width)),
                wrap(text, width).len()
            );
        }
    }

    /// Chinese breaks between characters, never before a closing mark nor after an opening
    /// one, and keeps a Latin run (an address, a place) whole.
    #[test]
    fn chinese_wraps_between_characters_by_the_chinese_rules() {
        assert_eq!(wrap("设置小米账号", 6), vec!["设置小", "米账号"]);
        // "。" may not start a line: "号" goes down with it.
        assert_eq!(wrap("小米账号。好", 8), vec!["小米账", "号。好"]);
        // "“" may not end a line: it goes down with what it opens.
        assert_eq!(wrap("检查“日期”", 6), vec!["检查", "“日期”"]);
        // The address stays whole, its opening bracket with it.
        assert_eq!(
            wrap("关联账号（le@example.com）好", 16),
            vec!["关联账号", "（le@example.com", "）好"]
        );
        assert_eq!(
            wrap("登录：Redmi Note 12（Lagos, Nigeria）。如非本人", 30),
            vec!["登录：Redmi Note 12（Lagos,", "Nigeria）。如非本人"]
        );
        // A list's items stay whole.
        assert_eq!(
            wrap("联系人、短信、相册、笔记、日历、通话记录、WLAN、浏览器", 52),
            vec!["联系人、短信、相册、笔记、日历、通话记录、WLAN、", "浏览器"]
        );
        for (text, width) in [("设置小米账号", 6), ("检查“日期”", 6)] {
            assert_eq!(
                usize::from(wrapped_height(text, width)),
                wrap(text, width).len()
            );
        }
    }

    proptest::proptest! {
        /// Any mix of Chinese, Latin, marks and spaces wraps into lines that fit, loses no
        /// character, and is counted as it is wrapped.
        #[test]
        fn wrapping_any_mix_fits_and_keeps_every_character(
            text in "[a-z @.（）“”，。、！？设置小米账号 ]{0,80}",
            width in 2u16..30,
        ) {
            let lines = wrap(&text, width);
            for line in &lines {
                proptest::prop_assert!(text_width(line) <= usize::from(width), "{:?}", lines);
            }
            let kept: String = lines.concat().chars().filter(|c| *c != ' ').collect();
            let given: String = text.chars().filter(|c| *c != ' ').collect();
            proptest::prop_assert_eq!(kept, given);
            proptest::prop_assert_eq!(usize::from(wrapped_height(&text, width)), lines.len());
        }
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("Sign in to Mi Account", 10), "Sign in t…");
        assert_eq!(truncate("short", 10), "short");
    }

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

    #[test]
    fn a_dialog_too_long_for_the_phone_scrolls_and_shows_a_cut_title_whole() {
        let dialog = Dialog {
            id: "d".into(),
            title: "Delete synced items from this device?".into(),
            body: vec!["Some items from the following apps are synced with Mi Cloud. You can delete them from this device still keeping them in the cloud.".into(), "Contacts, Gallery".into()],
            elements: vec![Element::button("b1", "Remove"), Element::button("b2", "Keep")],
            scroll: 0,
        };
        let room = PhoneLayout::new(Area::new(0, 0, 40, 12))
            .expect("fits")
            .dialog_room;
        let layout = DialogLayout::new(&dialog, room);
        assert!(layout.title.ends_with('…'), "{}", layout.title);
        assert_eq!(layout.content[0].label.as_ref(), dialog.title);
        assert!(layout.max_scroll() > 0);
        assert!(layout.buttons.is_some());
        assert!(layout.area.bottom() <= room.bottom());
        // On a tall phone it all shows, title on the edge.
        let room = PhoneLayout::new(Area::new(0, 0, 60, 24))
            .expect("fits")
            .dialog_room;
        let layout = DialogLayout::new(&dialog, room);
        assert_eq!(layout.title, dialog.title);
        assert_eq!(layout.max_scroll(), 0);
    }
}
