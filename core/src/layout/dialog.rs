//! Where a dialog and its parts go: its box, its title, the text that scrolls, the fields and
//! the buttons' cells.

use super::rows::{element_height, scroll_to_show, visible_boxes};
use super::wrap::{text_width, truncate};
use super::{Area, PhoneLayout};
use crate::view::{Dialog, Element, Role, View};

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
        let dialog = view.top_dialog()?;
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

impl DialogLayout {
    /// Where each of `dialog`'s elements is, in order (`dialog` is the one this was laid out
    /// for): a field's visible rows at the text's `scroll`, a button's cell on the buttons' line;
    /// `None` for what is out of sight.
    pub fn element_boxes(&self, dialog: &Dialog) -> Vec<Option<Area>> {
        let scroll = dialog.scroll.min(self.max_scroll());
        let content = visible_boxes(&self.content, scroll, self.text, self.band);
        let buttons: Vec<&Element> = dialog
            .elements
            .iter()
            .filter(|e| e.role == Role::Button)
            .collect();
        let mut cells = match self.buttons {
            Some(row) => button_cells(&buttons, row),
            None => Vec::new(),
        }
        .into_iter();
        dialog
            .elements
            .iter()
            .map(|element| {
                if element.role == Role::Button {
                    return cells.next();
                }
                let at = self.content.iter().position(|c| c.id == element.id)?;
                content.get(at).copied().flatten()
            })
            .collect()
    }
}

/// Each button's cell on the buttons' line `row`: equal shares, unless a label would be cut
/// while another button has room to give; the last takes what is left.
pub fn button_cells(buttons: &[&Element], row: Area) -> Vec<Area> {
    let count = buttons.len();
    let mut x = row.x;
    button_shares(buttons, row.width)
        .into_iter()
        .enumerate()
        .map(|(i, share)| {
            let width = if i + 1 == count {
                row.x.saturating_add(row.width).saturating_sub(x)
            } else {
                share
            };
            let cell = Area::new(x, row.y, width, 1);
            x = x.saturating_add(share);
            cell
        })
        .collect()
}

fn button_shares(buttons: &[&Element], width: u16) -> Vec<u16> {
    let count = u16::try_from(buttons.len()).unwrap_or(u16::MAX).max(1);
    let equal = width / count;
    for room in [6, 5] {
        let needed: Vec<u16> = buttons
            .iter()
            .map(|b| text_width_u16(&b.label).saturating_add(room))
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

#[cfg(test)]
mod tests {
    use super::*;

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
