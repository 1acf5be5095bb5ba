//! The whole view of the phone as it is now: the page in front with its focus, the dialog over
//! it, the browser's tabs and address, the status bar, the notification and the toast.

use chrono::Timelike;

use super::{Phone, Surface, Timed, web};
use crate::sim::device::Connection;
use crate::strings::S;
use crate::view::{ChromeWords, Element, Role, StatusBar, Text, View};

/// The page size for the current viewport (a fallback keeps scrolling sane when the terminal
/// is too small to draw the phone at all).
pub fn page_size(phone: &Phone) -> (u16, u16) {
    let (width, height) = phone.world.viewport;
    crate::layout::PhoneLayout::page_size(width, height).unwrap_or((36, 7))
}

pub fn view(phone: &Phone) -> View {
    let world = &phone.world;
    let page = phone.page();
    let browser = world.surface == Surface::Browser;
    let content = page.screen.content(world);
    let mut elements = content.elements;
    let dialog = phone.dialog().map(|state| {
        let mut dialog = state.dialog.view(world);
        mark_focus(&mut dialog.elements, state.focus.as_deref());
        dialog.scroll = state.scroll;
        dialog
    });
    // A notification (the simulated SMS with a code) shows at the top of the page, as the
    // phone's heads-up banner does, pushing the page down rather than hiding what it covers.
    // It is the phone's: the browser never shows it (a code sent for a web sign-in is read on
    // the phone).
    let notification = live(&world.notification, world.now).filter(|_| !browser);
    if let Some(text) = &notification {
        elements.insert(
            0,
            Element::new(
                web::ChromeId::Notification,
                Role::Notice,
                format!("✉ {text}"),
            ),
        );
    }
    if browser {
        elements.splice(0..0, web::tabs(world));
    }
    if dialog.is_none() {
        let (width, height) = page_size(phone);
        mark_page_focus(
            &mut elements,
            page.focus.as_deref(),
            width,
            (page.scroll, height),
        );
    }
    let local = world.local(world.now);
    let mut view = View {
        screen: page.screen.name().into_owned(),
        surface: if browser { "browser" } else { "phone" },
        address: browser.then(|| web::address(world.web.site, page.screen.web_path())),
        title: content.title,
        back: phone.stack().len() > 1,
        home: phone.has_home(),
        status: StatusBar {
            time: format!("{:02}:{:02}", local.hour(), local.minute()),
            network: network_indicator(phone).to_string(),
            battery_percent: world.device().phone.battery_percent,
        },
        elements,
        dialog,
        overlay: None,
        toast: live(&world.toast, world.now),
        notification,
        scroll: page.scroll,
        hints: Vec::new(),
        words: ChromeWords {
            browser: world.t(S::BrowserLabel),
            too_small: world.t(S::TooSmall),
            more_below: world.t(S::MoreBelow),
            more_above: world.t(S::MoreAbove),
            switch_on: world.t(S::SwitchOn),
            switch_off: world.t(S::SwitchOff),
        },
    };
    printable(&mut view);
    view
}

/// Every text of `view` without control characters (a tab becomes a space; a line break stays,
/// as the line break the layout wraps at): names and items come from the device file, and a
/// control character would be counted in a row's width and then not drawn, shifting what
/// follows it.
fn printable(view: &mut View) {
    fn clean(text: &mut Text) {
        if text.chars().any(|c| c.is_control() && c != '\n') {
            let cleaned: String = text
                .chars()
                .filter_map(|c| match c {
                    '\t' => Some(' '),
                    '\n' => Some('\n'),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect();
            *text = cleaned.into();
        }
    }
    fn clean_string(text: &mut String) {
        if text.chars().any(|c| c.is_control() && c != '\n') {
            let mut owned: Text = std::mem::take(text).into();
            clean(&mut owned);
            *text = owned.into_owned();
        }
    }
    let dialog = view.dialog.iter_mut().flat_map(|d| d.elements.iter_mut());
    for element in view.elements.iter_mut().chain(dialog) {
        clean(&mut element.label);
        for text in [&mut element.value, &mut element.summary]
            .into_iter()
            .flatten()
        {
            clean(text);
        }
    }
    clean_string(&mut view.title);
    if let Some(dialog) = view.dialog.as_mut() {
        clean_string(&mut dialog.title);
        dialog.body.iter_mut().for_each(clean_string);
    }
    for text in [&mut view.toast, &mut view.notification]
        .into_iter()
        .flatten()
    {
        clean_string(text);
    }
}

fn live(message: &Option<Timed>, now: chrono::DateTime<chrono::Utc>) -> Option<String> {
    message
        .as_ref()
        .filter(|t| t.until > now)
        .map(|t| t.text.clone())
}

/// What the status bar says about the network.
fn network_indicator(phone: &Phone) -> &'static str {
    let world = &phone.world;
    let network = &world.device().network;
    if network.airplane_mode {
        return world.t(S::StatusAirplane);
    }
    world.t(match network.connection() {
        Connection::WiFi => S::StatusWiFi,
        Connection::Mobile => S::Status4G,
        Connection::Offline => S::StatusNoData,
    })
}

/// Marks the page's focused element as [`mark_focus`] does, but a page that has not chosen
/// one gets its first touchable element only when that is whole in sight (of the page `width`
/// columns wide, `shown` being its scroll and height): a page opens at its top, and its first
/// button far below (a device's Remove under its model, type and last login) waits for ↓.
fn mark_page_focus(elements: &mut [Element], focus: Option<&str>, width: u16, shown: (u16, u16)) {
    mark_focus(elements, focus);
    if focus.is_some_and(|id| elements.iter().any(|e| e.focused && e.id == id)) {
        return;
    }
    let (offsets, _) = crate::layout::element_offsets(elements, width);
    let (scroll, height) = shown;
    let in_sight = |index: usize, elements: &[Element]| {
        let top = offsets.get(index).copied().unwrap_or(0);
        let bottom = top.saturating_add(crate::layout::element_height(&elements[index], width));
        top >= scroll && bottom <= scroll.saturating_add(height)
    };
    if let Some(index) = elements.iter().position(|e| e.focused)
        && !in_sight(index, elements)
    {
        elements[index].focused = false;
        // Scrolled down the page: the first touchable element in sight, if any.
        let seen = (0..elements.len()).find(|&i| {
            elements[i].interactive() && elements[i].role != Role::Tab && in_sight(i, elements)
        });
        if let Some(seen) = seen {
            elements[seen].focused = true;
        }
    }
}

/// Marks the focused element: the one with `focus` as id while it is on screen, even when it
/// cannot be touched just now (a button greyed out while it works keeps the focus: focus never
/// moves because time passed), else the first touchable one, so there is a visible cursor
/// wherever there is anything to touch.
fn mark_focus(elements: &mut [Element], focus: Option<&str>) {
    let wanted = focus.and_then(|id| {
        elements
            .iter()
            .position(|e| e.id == id && e.role.focusable())
    });
    // The browser's tabs come first on its pages but are not where a page starts.
    let first = || {
        let page = elements
            .iter()
            .position(|e| e.interactive() && e.role != Role::Tab);
        page.or_else(|| elements.iter().position(|e| e.interactive()))
    };
    if let Some(index) = wanted.or_else(first) {
        elements[index].focused = true;
    }
}
