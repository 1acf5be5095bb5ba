//! Large accounts stay fast: a page lists the first `LIST_SHOWN` rows of a long list (the
//! account's devices, a data app's items, i.mi.com's copy of them) and says how many there are,
//! so that a step costs the same with 100,000 items as with 200. The counts elsewhere stay the
//! true totals. How fast it is, `mi-settings bench` measures; here, what is shown.

use crate::common::{LEI_PASSWORD, phone_with, phone_with_size, tap, type_into};
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::screens::widgets::{LIST_SHOWN, count_text};
use mi_settings::shells::bench::large_device;
use mi_settings::sim::device::DeviceFile;
use mi_settings::ui::{self, Theme};
use mi_settings::view::View;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// Elements a list page has besides its rows: headings, the count, the "first 200" line, advice.
const BESIDE_THE_ROWS: usize = 8;

/// A large account whose phone and cloud have not synced yet (`large_device` leaves a sync
/// pending; here the phone keeps what it holds, so that what is in the cloud can be told apart).
fn unsynced(items: usize, devices: usize) -> DeviceFile {
    let mut device = large_device(items, devices, 0);
    if let Some(account) = device.account.as_mut() {
        account.sync.pending = false;
    }
    device
}

/// The rows of `view` whose ids start with `prefix` and go on with a number.
fn rows<'a>(view: &'a View, prefix: &str) -> Vec<&'a str> {
    view.elements
        .iter()
        .map(|e| e.id.as_ref())
        .filter(|id| {
            id.strip_prefix(prefix)
                .is_some_and(|n| n.parse::<usize>().is_ok())
        })
        .collect()
}

fn label(view: &View, id: &str) -> String {
    view.find(id)
        .map(|e| e.label.to_string())
        .unwrap_or_else(|| panic!("no {id} on {}", view.screen))
}

fn summary(view: &View, id: &str) -> String {
    view.find(id)
        .and_then(|e| e.summary.as_ref())
        .map(ToString::to_string)
        .unwrap_or_else(|| panic!("no summary on {id} on {}", view.screen))
}

/// The screen as drawn on a `width` x `height` terminal.
fn drawn(engine: &Engine, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| {
            ui::draw(engine.view(), frame, &Theme::miui());
        })
        .expect("draw");
    ui::buffer_text(terminal.backend().buffer())
}

#[test]
fn counts_are_written_with_their_thousands_grouped() {
    let cases = [
        (0, "0"),
        (999, "999"),
        (1_000, "1,000"),
        (9_999, "9,999"),
        (100_000, "100,000"),
        (1_234_567, "1,234,567"),
    ];
    for (count, text) in cases {
        assert_eq!(count_text(count), text);
    }
}

/// A cut list says how many it lists, and lists that many: the words follow the cap, whatever
/// it is (the tests below write it out: 200).
#[test]
fn a_cut_list_says_how_many_it_lists() {
    let mut engine = phone_with(unsynced(1_000, 0));
    engine.apply(Action::Home);
    tap(&mut engine, "home.contacts");
    let listed = rows(engine.view(), "app.item.").len();
    assert_eq!(
        label(engine.view(), "app.more"),
        format!("The first {} of 1,000 are shown.", count_text(listed))
    );
    let mut engine = phone_with(unsynced(0, 1_000));
    tap(&mut engine, "settings.account");
    engine.tap_id("account.devices").expect("Devices");
    // This phone, then the others: the line counts the others.
    let others = rows(engine.view(), "devices.").len().saturating_sub(1);
    assert_eq!(
        label(engine.view(), "devices.more"),
        format!("The first {} of 999 are shown.", count_text(others))
    );
}

#[test]
fn the_devices_page_lists_the_first_200_of_10_000_devices() {
    let mut engine = phone_with(unsynced(0, 10_000));
    tap(&mut engine, "settings.account");
    engine.tap_id("account.devices").expect("Devices");
    let view = engine.view();
    assert_eq!(view.screen, "devices");
    // This phone, then 200 of the other 9,999.
    let listed = rows(view, "devices.");
    assert_eq!(listed.len(), 1 + LIST_SHOWN, "{listed:?}");
    assert!(view.elements.len() <= 1 + LIST_SHOWN + BESIDE_THE_ROWS);
    assert_eq!(
        label(view, "devices.more"),
        "The first 200 of 9,999 are shown."
    );
    let more = view.find("devices.more").expect("more");
    assert!(!more.interactive(), "the line is read, not touched");
    // It closes the list: the advice about the list comes after it.
    let at = |id: &str| view.elements.iter().position(|e| e.id == id);
    assert!(at("devices.more") < at("devices.advice"));
    // The last device listed opens as any other does.
    let last = listed.last().expect("a device").to_string();
    engine.tap_id(&last).expect("the last device listed");
    assert_eq!(engine.view().screen, "device_details");
}

#[test]
fn account_xiaomi_com_lists_the_first_200_of_10_000_devices() {
    let mut engine = phone_with(unsynced(0, 10_000));
    crate::common::web_account_site(&mut engine);
    tap(&mut engine, "web.security");
    tap(&mut engine, "security.devices");
    let view = engine.view();
    assert_eq!(view.screen, "devices");
    assert_eq!(rows(view, "devices.").len(), LIST_SHOWN);
    assert!(view.elements.len() <= LIST_SHOWN + BESIDE_THE_ROWS);
    assert_eq!(
        label(view, "devices.more"),
        "The first 200 of 10,000 are shown."
    );
}

#[test]
fn contacts_lists_the_first_200_of_100_000_and_counts_them_all() {
    let mut engine = phone_with(unsynced(100_000, 0));
    engine.apply(Action::Home);
    assert_eq!(
        summary(engine.view(), "home.contacts"),
        "100,000 on this phone"
    );
    tap(&mut engine, "home.contacts");
    let view = engine.view();
    assert_eq!(view.screen, "app.contacts");
    assert_eq!(label(view, "app.count"), "100,000 on this phone");
    assert_eq!(rows(view, "app.item.").len(), LIST_SHOWN);
    assert!(view.elements.len() <= LIST_SHOWN + BESIDE_THE_ROWS);
    assert_eq!(
        label(view, "app.more"),
        "The first 200 of 100,000 are shown."
    );
    assert_eq!(
        view.elements.last().map(|e| e.id.as_ref()),
        Some("app.more")
    );
}

/// The "In Mi Cloud" mark still says which listed item the cloud has (`large_device` puts the
/// second half of the phone's items, and as many more, in the cloud).
#[test]
fn the_in_cloud_mark_is_right_for_the_listed_items() {
    let mut engine = phone_with(unsynced(300, 0));
    engine.apply(Action::Home);
    tap(&mut engine, "home.contacts");
    let view = engine.view();
    let marked = |i: usize| {
        view.find(&format!("app.item.{i}"))
            .expect("row")
            .summary
            .is_some()
    };
    assert!(
        !marked(0) && !marked(149),
        "the first half is on the phone only"
    );
    assert!(
        marked(150) && marked(199),
        "the second half is in the cloud too"
    );
    assert_eq!(summary(view, "app.item.150"), "In Mi Cloud");
    assert_eq!(label(view, "app.more"), "The first 200 of 300 are shown.");
}

#[test]
fn i_mi_com_lists_the_first_200_of_100_000_contacts() {
    let mut engine = phone_with(unsynced(100_000, 0));
    engine.apply(Action::SwitchSurface);
    type_into(&mut engine, "web.login", "lei.wang@example.com");
    type_into(&mut engine, "web.password", LEI_PASSWORD);
    tap(&mut engine, "web.sign_in");
    assert_eq!(engine.view().screen, "web.cloud");
    assert_eq!(
        summary(engine.view(), "web.contacts"),
        "100,000 in Mi Cloud"
    );
    tap(&mut engine, "web.contacts");
    let view = engine.view();
    assert_eq!(view.screen, "web.cloud.contacts");
    assert_eq!(label(view, "web.items.count"), "100,000 in Mi Cloud");
    assert_eq!(rows(view, "web.items.").len(), LIST_SHOWN);
    assert!(view.elements.len() <= LIST_SHOWN + BESIDE_THE_ROWS);
    assert_eq!(
        label(view, "web.items.more"),
        "The first 200 of 100,000 are shown."
    );
}

/// A list that fits says nothing more (every fixture's lists are short).
#[test]
fn a_list_of_200_or_fewer_is_listed_whole() {
    let mut engine = phone_with(unsynced(200, 201));
    tap(&mut engine, "settings.account");
    engine.tap_id("account.devices").expect("Devices");
    // This phone and 200 others: all listed.
    assert_eq!(rows(engine.view(), "devices.").len(), 201);
    assert!(engine.view().find("devices.more").is_none());
    engine.apply(Action::Home);
    tap(&mut engine, "home.contacts");
    assert_eq!(rows(engine.view(), "app.item.").len(), 200);
    assert!(engine.view().find("app.more").is_none());
}

/// The end of the Devices page of an account with 250 devices: the last rows listed, the line
/// saying how many there are, and the advice.
#[test]
fn the_end_of_a_long_devices_page() {
    let mut engine = phone_with_size(unsynced(0, 250), 60, 24);
    tap(&mut engine, "settings.account");
    engine.tap_id("account.devices").expect("Devices");
    engine.apply(Action::Scroll(100_000));
    let text = drawn(&engine, 60, 24);
    assert!(text.contains("The first 200 of 249 are shown."), "{text}");
    insta::assert_snapshot!("devices_250_end_60x24", text);
}

/// The end of Contacts with 250 on the phone, half of them in the cloud.
#[test]
fn the_end_of_a_long_contacts_list() {
    let mut engine = phone_with_size(unsynced(250, 0), 60, 24);
    engine.apply(Action::Home);
    tap(&mut engine, "home.contacts");
    engine.apply(Action::Scroll(100_000));
    let text = drawn(&engine, 60, 24);
    assert!(text.contains("The first 200 of 250 are shown."), "{text}");
    insta::assert_snapshot!("contacts_250_end_60x24", text);
}
