//! What an agent sees: the view model as the protocol's observation, with where each element
//! is drawn and how far the page is scrolled.

use super::current::Current;
use super::protocol::{self, Observation, ObservedElement};
use crate::layout::{Area, DialogLayout, PhoneLayout, element_offsets, visible_boxes};
use crate::view::{Element, View};

/// The observation of the episode now, as the client asked for it: an object, or its JSON text.
pub(super) fn seen(current: &mut Current) -> protocol::Seen {
    let observation = observe(current);
    if !current.pixels.kind.has_text() {
        // Pixels only: the element ids are remembered all the same (for `index` targets).
        return protocol::Seen::Nothing {};
    }
    if current.as_text {
        // Room for a usual screen's observation (2–4 KB) at once, not grown in steps.
        let mut text = Vec::with_capacity(4096);
        // Writing into memory fails only for a value JSON cannot hold; an observation has none.
        let _ = super::ascii_json::to_writer(&mut text, &observation);
        // Printable ASCII by construction: taken as it is, not scanned and copied again.
        let observation_text = String::from_utf8(text)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        protocol::Seen::Text { observation_text }
    } else {
        protocol::Seen::Object {
            observation: Box::new(observation),
        }
    }
}

/// The observation of the episode now; remembers the element ids for `index` targets.
pub(super) fn observe(current: &mut Current) -> Observation {
    let (width, height) = (current.width, current.height);
    let view = current.episode.engine().view();
    let mut elements = Vec::with_capacity(view.elements.len());
    let boxes = page_boxes(view, width, height);
    // Under an open dialog the page is seen but cannot be touched.
    let page_touchable = view.top_dialog().is_none();
    for (element, bbox) in view.elements.iter().zip(boxes) {
        let mut seen = observed(elements.len(), element, false, bbox);
        seen.clickable &= page_touchable;
        elements.push(seen);
    }
    if let Some(dialog) = view.top_dialog() {
        let boxes = DialogLayout::over(view, (width, height))
            .map(|layout| layout.element_boxes(dialog))
            .unwrap_or_default();
        for (i, element) in dialog.elements.iter().enumerate() {
            let bbox = boxes.get(i).copied().flatten().map(corners);
            elements.push(observed(elements.len(), element, true, bbox));
        }
    }
    let mut observation = Observation {
        screen: view.screen.clone(),
        title: view.title.clone(),
        surface: view.surface.to_string(),
        address: view.address.clone(),
        status: view.status.clone(),
        elements,
        dialog: view.top_dialog().map(|d| protocol::ObservedDialog {
            id: d.id.clone(),
            title: d.title.clone(),
            text: d
                .body
                .iter()
                .filter(|p| !p.trim().is_empty())
                .cloned()
                .collect(),
        }),
        busy: crate::engine::Context::of(view).busy,
        scroll: page_scroll(view, width, height),
        toast: view.toast.clone(),
        notification: view.notification.clone(),
        frame: None,
    };
    current.ids.clear();
    current
        .ids
        .extend(observation.elements.iter().map(|e| e.id.clone()));
    current.boxes.clear();
    current
        .boxes
        .extend(observation.elements.iter().map(|e| e.bbox));
    if let Some(scale) = current.pixel_scale {
        for element in &mut observation.elements {
            element.bbox_pixels = element
                .bbox
                .map(|b| crate::ui::pixels::box_in_pixels(b, scale));
        }
    }
    if current.frame {
        observation.frame = Some(current.episode.frame().to_string());
    }
    observation
}

fn observed(
    index: usize,
    element: &Element,
    in_dialog: bool,
    bbox: Option<[u16; 4]>,
) -> ObservedElement {
    ObservedElement {
        index,
        id: element.id.to_string(),
        role: element.role,
        // Secrets are masked as in replay: a password field's value is bullets.
        label: element.label.to_string(),
        value: element.value.as_ref().map(|v| {
            if element.role == crate::view::Role::PasswordField {
                "•".repeat(v.chars().count())
            } else {
                v.to_string()
            }
        }),
        summary: element.summary.as_ref().map(|s| s.to_string()),
        checked: element.checked,
        enabled: element.enabled,
        focused: element.focused,
        clickable: element.interactive(),
        in_dialog,
        on_screen: bbox.is_some(),
        bbox,
        bbox_pixels: None,
    }
}

/// How far the page is scrolled, when it is longer than the screen.
fn page_scroll(view: &View, width: u16, height: u16) -> Option<protocol::ObservedScroll> {
    let (page_width, page_height) = PhoneLayout::page_size(width, height)?;
    let (_, lines) = element_offsets(&view.elements, page_width);
    (lines > page_height).then(|| protocol::ObservedScroll {
        position: view.scroll,
        lines,
        shown: page_height,
        more_above: view.scroll > 0,
        more_below: view.scroll.saturating_add(page_height) < lines,
    })
}

/// Where each page element is drawn, `None` when scrolled out of sight.
fn page_boxes(view: &View, width: u16, height: u16) -> Vec<Option<[u16; 4]>> {
    let Some(layout) = PhoneLayout::new(Area::new(0, 0, width, height)) else {
        return vec![None; view.elements.len()];
    };
    visible_boxes(&view.elements, view.scroll, layout.page, layout.page)
        .into_iter()
        .map(|area| area.map(corners))
        .collect()
}

/// An area as the protocol writes a box: x, y, width, height.
fn corners(area: Area) -> [u16; 4] {
    [area.x, area.y, area.width, area.height]
}
