//! The ratatui renderer: draws a [`View`] as a MIUI-looking phone and reports where each
//! touchable thing landed.
//!
//! It decides nothing about the phone: everything it shows comes from the `View`, and the
//! geometry it shares with the core (page size, element heights, wrapping) comes from
//! [`crate::layout`], so that what the core scrolls to is exactly what is drawn. It never panics
//! at any size and writes to the buffer only through bounds-checked calls.

pub mod canvas;
mod dialog;
pub mod lesson;
mod page;
mod paint;
pub mod pixels;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub use canvas::{Canvas, TextGrid, buffer_text};
pub use paint::{HitMap, HitTarget};
pub use theme::Theme;

use crate::layout::{Area, MIN_HEIGHT, MIN_WIDTH, PhoneLayout, element_offsets, truncate, wrap};
use crate::view::{Hint, View};
use paint::{area_of, line_of, padded, put_line, spanned, width_of};

/// The renderer's rectangles are ratatui's; the shared geometry speaks plain numbers.
impl From<Area> for Rect {
    fn from(area: Area) -> Rect {
        Rect::new(area.x, area.y, area.width, area.height)
    }
}

/// Where each part of the phone goes, in ratatui's rectangles.
struct Layout {
    phone: Rect,
    status: Rect,
    title: Rect,
    page: Rect,
    hint: Rect,
    /// The same, in the shared geometry's numbers.
    shared: PhoneLayout,
}

impl Layout {
    fn new(area: Rect) -> Option<Layout> {
        let layout = PhoneLayout::new(area_of(area))?;
        Some(Layout {
            phone: layout.phone.into(),
            status: layout.status.into(),
            title: layout.title.into(),
            page: layout.page.into(),
            hint: layout.hint.into(),
            shared: layout,
        })
    }
}

/// Draws the whole phone for `view` on the frame and returns where each touchable thing is.
pub fn draw(view: &View, frame: &mut Frame, theme: &Theme) -> HitMap {
    // A frame's buffer starts empty, so there is nothing to clear.
    let area = frame.area();
    render_fresh(view, area, frame.buffer_mut(), theme)
}

/// Draws the whole phone for `view` in `area` of `buf` and returns where each touchable thing is.
pub fn render(view: &View, area: Rect, buf: &mut Buffer, theme: &Theme) -> HitMap {
    render_on(view, area, buf, theme)
}

/// Draws the whole phone for `view` on a text grid (its whole area): the frame as text, for
/// replay transcripts and expectations.
pub fn render_text(view: &View, grid: &mut TextGrid, theme: &Theme) -> HitMap {
    let area = grid.area();
    render_on(view, area, grid, theme)
}

/// Draws the whole phone for `view` in `area` of any canvas.
pub fn render_on<C: Canvas>(view: &View, area: Rect, buf: &mut C, theme: &Theme) -> HitMap {
    // Whatever the caller passes, draw only where the canvas has cells.
    let area = area.intersection(buf.area());
    if area == buf.area() {
        // The whole canvas: resetting it in one pass is cheaper than clearing cell by cell.
        buf.reset();
    } else {
        buf.clear(area);
    }
    render_fresh(view, area, buf, theme)
}

/// `render` on an area known to be blank.
fn render_fresh<C: Canvas>(view: &View, area: Rect, buf: &mut C, theme: &Theme) -> HitMap {
    // The switches read in the phone's language ("[ 开]"), where the view says how.
    let spoken;
    let theme = if view.words.switch_on.is_empty() || view.words.switch_off.is_empty() {
        theme
    } else {
        spoken = theme.with_switches(view.words.switch_on, view.words.switch_off);
        &spoken
    };
    let area = area.intersection(buf.area());
    let mut hits = HitMap::default();
    let Some(layout) = Layout::new(area) else {
        too_small(view, area, buf);
        return hits;
    };
    phone_frame(layout.phone, view.surface == "browser", buf, theme);
    status_bar(view, layout.status, buf, theme);
    title_bar(view, layout.title, buf, &mut hits, theme);
    // The page's gutters (one column each side) belong to it: the focus marker lives there.
    let band = Rect {
        y: layout.page.y,
        height: layout.page.height,
        ..layout.status
    };
    page::draw_elements(
        &view.elements,
        layout.page,
        band,
        view.scroll,
        buf,
        &mut hits,
        theme,
    );
    scrollbar(view, &layout, buf, theme);

    if let Some(dialog) = view.top_dialog() {
        // Only the dialog can be touched while it is open.
        hits = HitMap::default();
        // The hint stays readable: it says how to leave the dialog.
        let behind = Rect {
            y: layout.status.y,
            height: layout.page.bottom().saturating_sub(layout.status.y),
            ..layout.status
        };
        buf.set_style(behind, theme.behind_dialog);
        // The hint line stays visible below it: it says how to leave the dialog.
        dialog::draw(
            dialog,
            Rect::from(layout.shared.room_for_dialog(view.toast.as_deref())),
            &view.words,
            buf,
            &mut hits,
            theme,
        );
    }
    // The Home button works over dialogs too, as a phone's does.
    if view.home {
        home_button(layout.phone, buf, &mut hits, theme);
    }
    // Last, so that a toast is over everything, dialogs too, as on the phone.
    hint_line(view, layout.hint, layout.page, buf, theme);
    hits
}

/// The phone's rounded outline. Drawn by hand rather than with a `Block`, which styles every
/// cell inside it too: this is drawn on every frame, and the inside is drawn over anyway.
fn phone_frame<C: Canvas>(area: Rect, browser: bool, buf: &mut C, theme: &Theme) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    // A browser window has square corners, the phone round ones: the two never look alike.
    let glyphs = &theme.glyphs;
    let [top_left, top_right, bottom_left, bottom_right] = if browser {
        glyphs.browser_corners
    } else {
        glyphs.phone_corners
    };
    for (y, left, right) in [
        (area.y, top_left, top_right),
        (area.bottom() - 1, bottom_left, bottom_right),
    ] {
        for x in area.x..area.right() {
            let ch = if x == area.x {
                left
            } else if x == area.right() - 1 {
                right
            } else {
                glyphs.horizontal
            };
            buf.put_char(x, y, ch, theme.frame);
        }
    }
    for y in area.y + 1..area.bottom() - 1 {
        for x in [area.x, area.right() - 1] {
            buf.put(x, y, glyphs.vertical, theme.frame);
        }
    }
}

/// The phone's Home button, centred on the bottom edge, as under a phone's screen.
fn home_button<C: Canvas>(phone: Rect, buf: &mut C, hits: &mut HitMap, theme: &Theme) {
    let label = theme.glyphs.home;
    let width = width_of(label);
    if phone.height < 2 || phone.width < width.saturating_add(4) {
        return;
    }
    let at = Rect::new(
        phone.x + (phone.width - width) / 2,
        phone.bottom() - 1,
        width,
        1,
    );
    put_line(&spanned(label, theme.bold), at, buf);
    hits.push(at, HitTarget::Home);
}

fn too_small<C: Canvas>(view: &View, area: Rect, buf: &mut C) {
    if area.is_empty() {
        return;
    }
    let message = crate::strings::fill(
        view.words.too_small,
        &[
            ("width", &area.width),
            ("height", &area.height),
            ("min_width", &MIN_WIDTH),
            ("min_height", &MIN_HEIGHT),
        ],
    );
    let mut lines = wrap(&message, area.width);
    if lines.len() > usize::from(area.height) {
        lines.truncate(usize::from(area.height));
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last}…"), area.width);
        }
    }
    let count = u16::try_from(lines.len()).unwrap_or(area.height);
    let top = area.height.saturating_sub(count) / 2;
    for (row, text) in (top..).zip(&lines) {
        put_line(
            &Line::from(truncate(text, area.width)).centered(),
            line_of(area, row),
            buf,
        );
    }
}

fn status_bar<C: Canvas>(view: &View, area: Rect, buf: &mut C, theme: &Theme) {
    let area = padded(area);
    // The browser has an address bar where the phone has its status bar.
    if view.surface == "browser" {
        let address = view.address.as_deref().unwrap_or("");
        let label = view.words.browser;
        let room = area.width.saturating_sub(width_of(label) + 1);
        let full = format!("{}{address}", theme.glyphs.address);
        // Too narrow for the whole address: the site alone, as phone browsers show it (the
        // page's title names the page).
        let shown = if width_of(&full) <= room {
            full
        } else {
            let site = address.split('/').next().unwrap_or(address);
            format!("{}{site}", theme.glyphs.site)
        };
        if width_of(&shown) <= room {
            put_line(&spanned(label, theme.faint).right_aligned(), area, buf);
        }
        put_line(
            &spanned(truncate(&shown, area.width), theme.bold),
            area,
            buf,
        );
        return;
    }
    let status = &view.status;
    let battery_style = if status.battery_percent <= 15 {
        theme.battery_low
    } else {
        theme.bold
    };
    let right = Line::from(vec![
        Span::raw(status.network.clone()),
        Span::raw("  "),
        Span::styled(
            format!("{}{}%", theme.glyphs.battery, status.battery_percent),
            battery_style,
        ),
    ])
    .right_aligned();
    let time_width = area
        .width
        .saturating_sub(width_of_line(&right).saturating_add(1));
    put_line(
        &spanned(truncate(&status.time, time_width), theme.bold),
        area,
        buf,
    );
    put_line(&right, area, buf);
}

fn title_bar<C: Canvas>(view: &View, area: Rect, buf: &mut C, hits: &mut HitMap, theme: &Theme) {
    let text = padded(area);
    let mut spans = Vec::new();
    if view.back {
        spans.push(Span::styled(format!("{} ", theme.glyphs.back), theme.bold));
        // Generous, as on a phone: the gutter, the arrow and the space after it, and one more.
        hits.push(
            area.intersection(Rect { width: 4, ..area }),
            HitTarget::Back,
        );
    }
    let used = spans.iter().map(|s| width_of(&s.content)).sum::<u16>();
    let title = truncate(&view.title, text.width.saturating_sub(used));
    spans.push(Span::styled(title, theme.bold));
    put_line(&Line::from(spans), text, buf);
}

/// The key hints for what the view shows, or the toast when there is one: a long toast wraps
/// upwards over the page, so every word of it is read (`above` is the page's rows).
fn hint_line<C: Canvas>(view: &View, area: Rect, above: Rect, buf: &mut C, theme: &Theme) {
    if let Some(toast) = &view.toast {
        let mut lines = wrap(toast, area.width.saturating_sub(2));
        let room = usize::from(above.height) + 1;
        if lines.len() > room {
            lines.truncate(room);
            if let Some(last) = lines.last_mut() {
                *last = truncate(&format!("{last}…"), area.width.saturating_sub(2));
            }
        }
        let count = u16::try_from(lines.len()).unwrap_or(1);
        let top = area.y.saturating_sub(count.saturating_sub(1));
        for (y, text) in (top..).zip(&lines) {
            let row = Rect {
                y,
                height: 1,
                ..area
            };
            // A toast's row over the page is the toast's alone: no word of the page beside it.
            buf.clear(row);
            put_line(
                &spanned(format!(" {text} "), theme.toast).centered(),
                row,
                buf,
            );
        }
        return;
    }
    let room = area.width.saturating_sub(2);
    // Every hint when they fit; else they give way one at a time by their drop rank, the
    // highest first (the last of equals first), keeping the dots between them; then the dots go
    // (and, for those left, the second space); and only then the last-resort hints, never those
    // ranked 0.
    let mut shown: Vec<(String, u8)> = view.hints.iter().map(|h| (h.text(), h.drop_rank)).collect();
    let droppable = |shown: &[(String, u8)], lowest: u8| {
        shown
            .iter()
            .enumerate()
            .filter(|(_, (_, rank))| *rank >= lowest)
            .max_by_key(|(index, (_, rank))| (*rank, *index))
            .map(|(index, _)| index)
    };
    let hint = loop {
        let texts: Vec<&str> = shown.iter().map(|(text, _)| text.as_str()).collect();
        let dotted = texts.join(" · ");
        if width_of(&dotted) <= room {
            break dotted;
        }
        if let Some(index) = droppable(&shown, Hint::LAST_RESORT + 1) {
            shown.remove(index);
            continue;
        }
        let spaced = texts.join("  ");
        if width_of(&spaced) <= room {
            break spaced;
        }
        let close = texts.join(" ");
        if width_of(&close) <= room {
            break close;
        }
        match droppable(&shown, Hint::LAST_RESORT) {
            Some(index) => {
                shown.remove(index);
            }
            None => break close,
        }
    };
    put_line(
        &spanned(truncate(&hint, room), theme.faint).centered(),
        area,
        buf,
    );
}

/// A thumb on the phone's right border beside the page, when the page does not fit.
fn scrollbar<C: Canvas>(view: &View, layout: &Layout, buf: &mut C, theme: &Theme) {
    let page = layout.page;
    let (_, total) = element_offsets(&view.elements, page.width);
    let (height, total) = (u32::from(page.height), u32::from(total));
    if height == 0 || total <= height {
        return;
    }
    let thumb = (height * height / total).max(1);
    let max_scroll = total - height;
    let scroll = u32::from(view.scroll).min(max_scroll);
    let top = scroll * (height - thumb) / max_scroll;
    let column = layout.phone.right().saturating_sub(1);
    for row in top..top + thumb {
        let y = page
            .y
            .saturating_add(u16::try_from(row).unwrap_or(u16::MAX));
        buf.put(column, y, theme.glyphs.scroll_thumb, theme.scroll_thumb);
    }
}

/// A frame as a person reads it: each line without the frame, borders and markers around it,
/// the lines joined by one space and runs of spaces made one. So text wrapped over several
/// lines reads as the one sentence it is. Chinese, which wraps between any two characters and
/// has no spaces, joins its lines with none.
pub fn reading(frame: &str, theme: &Theme) -> String {
    let glyphs = &theme.glyphs;
    let mut out = String::with_capacity(frame.len());
    for line in frame.lines() {
        let text = line.trim_matches(|c: char| c.is_whitespace() || glyphs.is_drawing(c));
        let mut first_word = true;
        for word in text.split_whitespace() {
            let wide_join = first_word
                && out.chars().next_back().is_some_and(is_wide)
                && word.chars().next().is_some_and(is_wide);
            if !out.is_empty() && !wide_join {
                out.push(' ');
            }
            out.push_str(word);
            first_word = false;
        }
    }
    out
}

/// A character of Chinese text: two cells wide, or a quotation mark Chinese uses.
fn is_wide(c: char) -> bool {
    unicode_width::UnicodeWidthChar::width(c) == Some(2) || matches!(c, '“' | '”' | '‘' | '’')
}

/// `text` with its runs of whitespace made one space, to be found in a [`reading`].
pub fn as_read(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn width_of_line(line: &Line) -> u16 {
    u16::try_from(line.width()).unwrap_or(u16::MAX)
}
