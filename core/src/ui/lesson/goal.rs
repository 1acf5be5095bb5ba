//! The goal panel: the goal, the hint, the steps and the lesson's keys, beside the phone, under
//! it, or on its top edge; what a click on its keys touches.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::frame::{cut_lines, frame};
use crate::layout::{truncate, wrap};
use crate::ui::canvas::Canvas;
use crate::ui::paint::{HitMap, HitTarget, put_line, spanned, width_of};
use crate::ui::theme::Theme;

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

/// The lesson's keys on one line, `F1 hint · ? help`, each touchable; as many as fit.
pub(super) fn actions_line(
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

pub(super) fn key_and_words<'a>(keys: &'a str, does: &'a str, theme: &Theme) -> Line<'a> {
    Line::from(vec![
        Span::styled(keys, theme.bold),
        Span::raw(" "),
        Span::styled(does, theme.secondary),
    ])
}

/// The hint (in the pointer's colour) or else the lesson's message.
pub(super) fn feedback(panel: &GoalPanel, theme: &Theme) -> Option<(String, Style)> {
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

/// The panel under the phone: a rule with the lesson's name and status, the goal, the hint or
/// message, and the keys.
pub(super) fn below(
    panel: &GoalPanel,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
    theme: &Theme,
) {
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
pub(super) fn rule(panel: &GoalPanel, area: Rect, buf: &mut Buffer, theme: &Theme) {
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
pub(super) fn beside(
    panel: &GoalPanel,
    area: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
    theme: &Theme,
) {
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

/// The goal as one line on the phone's top edge (or the hint, or the message, while there is
/// one), with the first lesson key at its right end when there is room. A click on the words
/// opens what `goal_id` opens: the help, with the whole goal.
pub(super) fn on_edge(
    panel: &GoalPanel,
    phone: Rect,
    buf: &mut Buffer,
    hits: &mut HitMap,
    theme: &Theme,
) {
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
