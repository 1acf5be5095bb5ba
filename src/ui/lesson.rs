//! A lesson around the phone, drawn: the goal panel (beside the phone on a wide terminal, under
//! it on a narrow one, or one line on the phone's top edge when there is no room), the pointer a
//! hint puts on what to touch next, and the list of lessons. The lesson shell describes each of
//! them as data, in its own words; this only lays them out and draws them, and registers what a
//! click on them touches (as elements with the ids the data gives).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::canvas::Canvas;
use super::paint::{HitMap, HitTarget, area_of, put_line, spanned, width_of};
use super::theme::Theme;
use crate::layout::{MIN_HEIGHT, MIN_WIDTH, PHONE_MAX_WIDTH, PhoneLayout, truncate, wrap};
use crate::view::View;

/// From this width the goal panel stands beside the phone; below it, under the phone.
pub const BESIDE_MIN_WIDTH: u16 = 90;
/// The panel beside the phone is at most this wide.
const PANEL_MAX_WIDTH: u16 = 48;
/// Lines of the goal the panel under the phone shows (the help shows it whole).
const GOAL_LINES_BELOW: usize = 3;
/// The list of lessons is at most this wide, centred.
const PICKER_MAX_WIDTH: u16 = 84;

/// What the goal panel says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GoalPanel {
    /// The lesson's name (the task's title).
    pub heading: String,
    /// The word before the goal ("Goal").
    pub goal_label: String,
    /// What goes between a label and its text (": ", or a full-width "：").
    pub colon: String,
    pub goal: String,
    /// The id a click on the goal touches (where there is room for only a line of it: the
    /// whole goal, in the help).
    pub goal_id: String,
    /// The word before a hint ("Hint").
    pub hint_label: String,
    /// The hint asked for, until the next step.
    pub hint: Option<String>,
    /// What the lesson says about the last thing done ("That is not the answer").
    pub message: Option<String>,
    /// Steps, hints: one short line each.
    pub status: Vec<String>,
    /// The lesson's own keys, each also a button.
    pub actions: Vec<PanelAction>,
}

/// A lesson key, drawn as `keys does` and touchable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelAction {
    pub id: String,
    pub keys: String,
    pub does: String,
}

/// What a hint points at on the phone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pointer {
    /// An element, by id.
    Element(String),
    /// The title bar's back arrow.
    Back,
}

/// Where the goal goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// A panel to the right of the phone.
    Beside,
    /// A few lines under the phone.
    Below,
    /// One line on the phone's top edge.
    OnEdge,
}

/// The phone's rectangle and the goal's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonLayout {
    pub phone: Rect,
    pub panel: Rect,
    pub placement: Placement,
}

impl LessonLayout {
    /// The layout of a lesson on `area` for a goal of these words. The phone keeps at least the
    /// smallest size it is usable at: where a panel would take that from it, the goal goes on
    /// the phone's top edge.
    pub fn new(area: Rect, goal: &str) -> LessonLayout {
        let on_edge = LessonLayout {
            phone: area,
            panel: Rect { height: 1, ..area }.intersection(area),
            placement: Placement::OnEdge,
        };
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return on_edge;
        }
        if area.width >= BESIDE_MIN_WIDTH {
            let panel_width = (area.width - PHONE_MAX_WIDTH).min(PANEL_MAX_WIDTH);
            let phone_width = (area.width - panel_width).min(PHONE_MAX_WIDTH);
            let x = area.x + (area.width - phone_width - panel_width) / 2;
            return LessonLayout {
                phone: Rect::new(x, area.y, phone_width, area.height),
                panel: Rect::new(x + phone_width, area.y, panel_width, area.height),
                placement: Placement::Beside,
            };
        }
        let goal_lines = wrap(goal, area.width.saturating_sub(2))
            .len()
            .clamp(1, GOAL_LINES_BELOW);
        // A rule, the goal, a line for the hint and one for the keys.
        let wanted = u16::try_from(goal_lines + 3).unwrap_or(u16::MAX);
        let room = area.height - MIN_HEIGHT;
        if room < 3 {
            return on_edge;
        }
        let rows = wanted.min(room);
        LessonLayout {
            phone: Rect {
                height: area.height - rows,
                ..area
            },
            panel: Rect::new(area.x, area.bottom() - rows, area.width, rows),
            placement: Placement::Below,
        }
    }
}

/// Draws a lesson: the phone for `view` (with the lesson's dialog in it, if one is open), the
/// pointer on what a hint names, and the goal panel. Returns where clicks land.
pub fn draw_lesson(
    view: &View,
    panel: &GoalPanel,
    pointer: Option<&Pointer>,
    area: Rect,
    buf: &mut Buffer,
    theme: &Theme,
) -> HitMap {
    let area = area.intersection(buf.area);
    let layout = LessonLayout::new(area, &panel.goal);
    let mut hits = super::render(view, layout.phone, buf, theme);
    // Too small for a phone: it says so, and there is no room for anything else.
    let Some(phone) = PhoneLayout::new(area_of(layout.phone)) else {
        return hits;
    };
    if let Some(pointer) = pointer {
        point_at(buf, &hits, pointer, theme);
    }
    match layout.placement {
        Placement::Beside => beside(panel, layout.panel, buf, &mut hits, theme),
        Placement::Below => below(panel, layout.panel, buf, &mut hits, theme),
        Placement::OnEdge => on_edge(panel, Rect::from(phone.phone), buf, &mut hits, theme),
    }
    hits
}

/// Marks every place `pointer` names: the pointer glyph just before it and the pointer style
/// over it.
fn point_at(buf: &mut Buffer, hits: &HitMap, pointer: &Pointer, theme: &Theme) {
    let rects: Vec<Rect> = hits
        .targets()
        .filter(|(_, target)| match (pointer, target) {
            (Pointer::Element(id), HitTarget::Element(at)) => id == at,
            (Pointer::Back, HitTarget::Back) => true,
            _ => false,
        })
        .map(|(rect, _)| *rect)
        .collect();
    for rect in rects {
        mark(buf, rect, theme);
    }
}

/// Whether the cell at `x`, `y` shows nothing (or only the focus marker).
fn blank(buf: &Buffer, x: u16, y: u16, theme: &Theme) -> bool {
    buf.cell((x, y))
        .is_none_or(|cell| cell.symbol() == " " || cell.symbol() == theme.glyphs.focus)
}

fn mark(buf: &mut Buffer, rect: Rect, theme: &Theme) {
    let rect = rect.intersection(buf.area);
    let Some(first) = (rect.left()..rect.right()).find(|&x| !blank(buf, x, rect.y, theme)) else {
        return;
    };
    let last = (rect.top()..rect.bottom())
        .filter_map(|y| {
            (rect.left()..rect.right())
                .rev()
                .find(|&x| !blank(buf, x, y, theme))
        })
        .max()
        .unwrap_or(first);
    let start = if first > rect.x { first - 1 } else { first };
    let span = Rect::new(
        start,
        rect.y,
        last.saturating_sub(start).saturating_add(1),
        rect.height,
    );
    buf.set_style(span, theme.pointer);
    if start < first
        && let Some(cell) = buf.cell_mut((start, rect.y))
    {
        cell.set_symbol(theme.glyphs.pointer)
            .set_style(theme.pointer);
    }
}

/// The lesson's keys on one line, `F1 hint · ? help`, each touchable; as many as fit.
fn actions_line(
    actions: &[PanelAction],
    row: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
    theme: &Theme,
) {
    let mut x = row.x;
    for (i, action) in actions.iter().enumerate() {
        let gap = if i == 0 { "" } else { " · " };
        let text = format!("{} {}", action.keys, action.does);
        let needed = width_of(gap).saturating_add(width_of(&text));
        if x.saturating_add(needed) > row.right() {
            break;
        }
        put_line(&spanned(gap, theme.faint), Rect { x, ..row }, buf);
        x += width_of(gap);
        let at = Rect::new(x, row.y, width_of(&text), 1);
        put_line(&key_and_words(&action.keys, &action.does, theme), at, buf);
        hits.push(at, HitTarget::Element(action.id.clone().into()));
        x += at.width;
    }
}

fn key_and_words<'a>(keys: &'a str, does: &'a str, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(keys, theme.bold),
        Span::raw(" "),
        Span::styled(does, theme.secondary),
    ])
}

/// The hint (in the pointer's colour) or else the lesson's message.
fn feedback(panel: &GoalPanel, theme: &Theme) -> Option<(String, Style)> {
    match (&panel.hint, &panel.message) {
        (Some(hint), _) => Some((
            format!(
                "{} {}{}{hint}",
                theme.glyphs.pointer, panel.hint_label, panel.colon
            ),
            theme.pointer_marker,
        )),
        (None, Some(message)) => Some((message.clone(), theme.bold)),
        (None, None) => None,
    }
}

/// `text` wrapped to `width` in at most `rows` lines, the last ending in "…" when cut.
fn cut_lines(text: &str, width: u16, rows: u16) -> Vec<String> {
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

/// The panel under the phone: a rule with the lesson's name and status, the goal, the hint or
/// message, and the keys.
fn below(panel: &GoalPanel, area: Rect, buf: &mut Buffer, hits: &mut HitMap, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    rule(panel, Rect { height: 1, ..area }, buf, theme);
    let inner = Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(1),
    };
    let feedback = feedback(panel, theme);
    let rows = inner.height;
    // The goal keeps a line; then the hint or message, on as many lines as it needs while the
    // goal keeps one; then the keys when there is room.
    let feedback_row = feedback.is_some() && rows >= 2;
    let keys_row = rows >= 2 + u16::from(feedback_row);
    let feedback_rows = match &feedback {
        Some((text, _)) if feedback_row => {
            let needed = u16::try_from(wrap(text, inner.width).len()).unwrap_or(u16::MAX);
            needed.clamp(1, rows.saturating_sub(1 + u16::from(keys_row)).max(1))
        }
        _ => 0,
    };
    let goal_rows = rows
        .saturating_sub(u16::from(keys_row))
        .saturating_sub(feedback_rows);
    let goal = format!("{}{}{}", panel.goal_label, panel.colon, panel.goal);
    for (y, line) in (inner.y..).zip(cut_lines(&goal, inner.width, goal_rows)) {
        put_line(
            &Line::from(line),
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }

    let mut bottom = inner.bottom();
    if keys_row {
        bottom -= 1;
        let row = Rect {
            y: bottom,
            height: 1,
            ..inner
        };
        actions_line(&panel.actions, row, buf, hits, theme);
    }
    if feedback_row && let Some((text, style)) = feedback {
        let top = bottom.saturating_sub(feedback_rows);
        for (y, line) in (top..).zip(cut_lines(&text, inner.width, feedback_rows)) {
            let row = Rect {
                y,
                height: 1,
                ..inner
            };
            put_line(&spanned(line, style), row, buf);
        }
    }
}

/// A line across `area`: the lesson's name on the left, its status on the right when both fit.
fn rule(panel: &GoalPanel, area: Rect, buf: &mut Buffer, theme: &Theme) {
    for x in area.left()..area.right() {
        buf.put_char(x, area.y, theme.glyphs.horizontal, theme.frame);
    }
    let room = area.width.saturating_sub(2);
    let status = format!(" {} ", panel.status.join(" · "));
    // The status goes when it would leave the lesson's name fewer than 12 columns.
    let with_status = width_of(&status).saturating_add(12) <= room;
    if with_status {
        let right = Rect {
            width: area.width.saturating_sub(1),
            ..area
        };
        put_line(
            &spanned(status.clone(), theme.secondary).right_aligned(),
            right,
            buf,
        );
    }
    let heading_room = if with_status {
        room.saturating_sub(width_of(&status).saturating_add(1))
    } else {
        room
    };
    let heading = format!(
        " {} ",
        truncate(&panel.heading, heading_room.saturating_sub(2))
    );
    let left = Rect {
        x: area.x.saturating_add(1),
        width: heading_room,
        ..area
    };
    put_line(&spanned(heading, theme.bold), left, buf);
}

/// The panel beside the phone, in a box named after the lesson: the goal, the hint or message,
/// the status, and the keys at the bottom, one a line.
fn beside(panel: &GoalPanel, area: Rect, buf: &mut Buffer, hits: &mut HitMap, theme: &Theme) {
    if area.width < 8 || area.height < 4 {
        return;
    }
    let boxed = Rect {
        x: area.x.saturating_add(1),
        width: area.width.saturating_sub(1),
        ..area
    };
    frame(boxed, &panel.heading, buf, theme);
    let inner = Rect {
        x: boxed.x.saturating_add(2),
        y: boxed.y.saturating_add(1),
        width: boxed.width.saturating_sub(4),
        height: boxed.height.saturating_sub(2),
    };
    // The keys, from the bottom up.
    let keys_height = u16::try_from(panel.actions.len())
        .unwrap_or(u16::MAX)
        .min(inner.height.saturating_sub(2));
    let keys_top = inner.bottom().saturating_sub(keys_height);
    for (y, action) in (keys_top..inner.bottom()).zip(&panel.actions) {
        let row = Rect {
            y,
            height: 1,
            ..inner
        };
        let keys_width = panel
            .actions
            .iter()
            .map(|a| width_of(&a.keys))
            .max()
            .unwrap_or(0);
        let padded = format!("{:<width$}", action.keys, width = usize::from(keys_width));
        let line = Line::from(vec![
            Span::styled(padded, theme.bold),
            Span::raw(" "),
            Span::styled(
                truncate(&action.does, row.width.saturating_sub(keys_width + 1)),
                theme.secondary,
            ),
        ]);
        put_line(&line, row, buf);
        hits.push(row, HitTarget::Element(action.id.clone().into()));
    }
    // Everything else, from the top down, cut where the keys begin (a blank line above them).
    let mut lines: Vec<(String, Style)> = Vec::new();
    let width = inner.width;
    lines.push((panel.goal_label.clone(), theme.faint));
    lines.extend(
        wrap(&panel.goal, width)
            .into_iter()
            .map(|l| (l, Style::new())),
    );
    if let Some(hint) = &panel.hint {
        lines.push((String::new(), Style::new()));
        lines.push((panel.hint_label.clone(), theme.faint));
        let text = format!("{} {hint}", theme.glyphs.pointer);
        lines.extend(
            wrap(&text, width)
                .into_iter()
                .map(|l| (l, theme.pointer_marker)),
        );
    }
    if let Some(message) = &panel.message {
        lines.push((String::new(), Style::new()));
        lines.extend(wrap(message, width).into_iter().map(|l| (l, theme.bold)));
    }
    if !panel.status.is_empty() {
        lines.push((String::new(), Style::new()));
        for status in &panel.status {
            lines.extend(
                wrap(status, width)
                    .into_iter()
                    .map(|l| (l, theme.secondary)),
            );
        }
    }
    let room = usize::from(keys_top.saturating_sub(inner.y).saturating_sub(1));
    if lines.len() > room {
        lines.truncate(room);
        if let Some((last, _)) = lines.last_mut() {
            *last = truncate(&format!("{last}…"), width);
        }
    }
    for (y, (text, style)) in (inner.y..).zip(lines) {
        put_line(
            &spanned(text, style),
            Rect {
                y,
                height: 1,
                ..inner
            },
            buf,
        );
    }
}

/// A rounded box over `area` with `title` on its top edge.
fn frame(area: Rect, title: &str, buf: &mut Buffer, theme: &Theme) {
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

/// The goal as one line on the phone's top edge (or the hint, or the message, while there is
/// one), with the first lesson key at its right end when there is room. A click on the words
/// opens what `goal_id` opens: the help, with the whole goal.
fn on_edge(panel: &GoalPanel, phone: Rect, buf: &mut Buffer, hits: &mut HitMap, theme: &Theme) {
    if phone.width < 6 || phone.height == 0 {
        return;
    }
    let row = Rect::new(phone.x + 2, phone.y, phone.width - 4, 1);
    let key = panel
        .actions
        .first()
        .map(|a| (a, format!(" {} {} ", a.keys, a.does)));
    // A hint or message takes the whole line (the pointer glyph says it is a hint).
    let (text, style, news) = match (&panel.hint, &panel.message) {
        (Some(hint), _) => (
            format!("{} {hint}", theme.glyphs.pointer),
            theme.pointer_marker,
            true,
        ),
        (None, Some(message)) => (message.clone(), theme.bold, true),
        (None, None) => (
            format!("{}{}{}", panel.goal_label, panel.colon, panel.goal),
            theme.bold,
            false,
        ),
    };
    let key_width = key.as_ref().map_or(0, |(_, k)| width_of(k));
    // Beside the goal, the first key, when the goal keeps 20 columns or more.
    let show_key = !news && key_width > 0 && key_width.saturating_add(21) <= row.width;
    let room = if show_key {
        row.width.saturating_sub(key_width.saturating_add(1))
    } else {
        row.width
    };
    let words = format!(" {} ", truncate(&text, room.saturating_sub(2)));
    let at = Rect::new(row.x, row.y, width_of(&words).min(room), 1);
    put_line(&spanned(words, style), at, buf);
    hits.push(at, HitTarget::Element(panel.goal_id.clone().into()));
    if let (true, Some((action, key))) = (show_key, key) {
        let width = width_of(&key);
        let at = Rect::new(row.right().saturating_sub(width), row.y, width, 1);
        let line = Line::from(vec![
            Span::raw(" "),
            Span::styled(action.keys.as_str(), theme.bold),
            Span::raw(" "),
            Span::styled(action.does.as_str(), theme.secondary),
            Span::raw(" "),
        ]);
        put_line(&line, at, buf);
        hits.push(at, HitTarget::Element(action.id.clone().into()));
    }
}

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
