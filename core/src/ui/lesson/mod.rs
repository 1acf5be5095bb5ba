//! A lesson around the phone, drawn: the goal panel (beside the phone on a wide terminal, under
//! it on a narrow one, or one line on the phone's top edge when there is no room), the pointer a
//! hint puts on what to touch next, and the list of lessons. The lesson shell describes each of
//! them as data, in its own words; this only lays them out and draws them, and registers what a
//! click on them touches (as elements with the ids the data gives).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::paint::{HitMap, HitTarget, area_of};
use super::theme::Theme;
use crate::layout::{MIN_HEIGHT, MIN_WIDTH, PHONE_MAX_WIDTH, PhoneLayout, wrap};
use crate::view::View;

mod frame;
mod goal;
mod picker;

pub use goal::{GoalPanel, PanelAction, Pointer};
use goal::{below, beside, on_edge};
pub use picker::{Picker, PickerRow, draw_picker, first_shown, rows_shown};

/// From this width the goal panel stands beside the phone; below it, under the phone.
pub const BESIDE_MIN_WIDTH: u16 = 90;
/// The panel beside the phone is at most this wide.
const PANEL_MAX_WIDTH: u16 = 48;
/// Lines of the goal the panel under the phone shows (the help shows it whole).
const GOAL_LINES_BELOW: usize = 3;

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
