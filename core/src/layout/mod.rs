//! Geometry of the phone on a terminal, shared by the renderer (which draws there) and the core
//! (which scrolls the page so that focus stays visible). Pure arithmetic in plain numbers: no
//! drawing here, and no terminal library's types.

mod dialog;
mod rows;
mod wrap;

pub use dialog::{DIALOG_BODY_ID, DIALOG_TITLE_ID, DialogLayout, button_cells};
pub use rows::{
    CHEVRON_WIDTH, RowText, SWITCH_WIDTH, element_height, element_offsets, element_top, row_text,
    row_text_of, scroll_to_show, summary_lines, taller_than, visible_boxes,
};
pub use wrap::{text_width, truncate, wrap, wrapped_height};

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
}
