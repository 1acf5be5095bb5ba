//! The browser's pages by the guides' own words: seed 001's "Mi Account removal through website"
//! on account.xiaomi.com, and seed 000's "Check Mi Cloud for any deleted or accessed files" on
//! i.mi.com (its recently deleted items, and restoring one).

use crate::common::*;
use mi_settings::engine::Engine;
use mi_settings::screens::Action;

/// account.xiaomi.com's page of the intruder's Redmi 12C, reached by the words of a guide:
/// its word for the security settings, then Devices and the device.
fn web_device_page(settings: &str) -> Engine {
    let mut engine = signed_in_phone();
    web_account_site(&mut engine);
    engine.tap_label(settings).expect("the security settings");
    assert_eq!(engine.view().screen, "account_security");
    engine.tap_label("Devices").expect("the devices");
    engine
        .tap_label("Redmi 12C")
        .expect("a device under My Devices");
    engine
}

fn has_device(engine: &Engine, id: &str) -> bool {
    engine.device().cloud.accounts[0]
        .devices
        .iter()
        .any(|d| d.id == id)
}

/// Seed 001 word by word: "Tap settings", the device under "My Devices", "Delete device",
/// "Delete"; the website shows the words the guide quotes.
#[test]
fn seed_001_website_words_are_on_the_website() {
    let mut engine = web_device_page("settings");
    engine.apply(Action::Back);
    assert_eq!(label_of(&engine, "devices.all"), "My Devices");
    engine
        .tap_label("Redmi 12C")
        .expect("a device under My Devices");
    assert_eq!(label_of(&engine, "device.remove"), "Delete device");
    engine
        .tap_label("Delete device")
        .expect("seed 001's button");
    assert_eq!(label_of(&engine, "dialog.confirm"), "Delete");
    engine.tap_label("Delete").expect("seed 001's confirmation");
    assert!(
        !has_device(&engine, "phone-x-77e0"),
        "the device is removed"
    );
}

/// Seed 000's website words for the same pages still reach them: "Remove", then the
/// confirmation the site called "Delete device" before.
#[test]
fn seed_000_website_words_still_remove_a_device() {
    let mut engine = web_device_page("Security");
    engine.tap_label("Remove").expect("seed 000: Click Remove");
    engine
        .tap_label("Delete device")
        .expect("the former confirmation");
    assert!(
        !has_device(&engine, "phone-x-77e0"),
        "the device is removed"
    );
}

/// On the phone the words stay the phone's: "Remove", and "Remove" to confirm.
#[test]
fn the_phone_keeps_its_own_words_for_removing_a_device() {
    let mut engine = signed_in_phone();
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.security");
    tap(&mut engine, "security.devices");
    engine.tap_label("Redmi 12C").expect("the device");
    assert_eq!(label_of(&engine, "device.remove"), "Remove");
    engine.tap_label("Remove").expect("the phone's button");
    assert_eq!(label_of(&engine, "dialog.confirm"), "Remove");
}

fn summary_of(engine: &Engine, id: &str) -> String {
    engine
        .view()
        .find(id)
        .and_then(|e| e.summary.as_ref())
        .map(|s| s.to_string())
        .unwrap_or_default()
}

/// Every label, value and summary on the page, one per line.
fn page_text(engine: &Engine) -> String {
    let mut lines = Vec::new();
    for element in engine.view().active_elements() {
        lines.push(element.label.to_string());
        lines.extend(element.value.iter().map(|v| v.to_string()));
        lines.extend(element.summary.iter().map(|s| s.to_string()));
    }
    lines.join("\n")
}

/// Seed 000: "Check Mi Cloud for any deleted or accessed files". i.mi.com lists what was
/// deleted from the account's cloud in the last 30 days, when and on which device (the intruder's
/// Redmi 12C, in the demo file), the most recent first; what is older is gone.
#[test]
fn i_mi_com_shows_recently_deleted_items_with_when_and_where() {
    let mut engine = signed_in_phone();
    web_cloud_site(&mut engine);
    assert_eq!(
        label_of(&engine, "web.recently_deleted"),
        "Recently deleted"
    );
    assert_eq!(
        summary_of(&engine, "web.recently_deleted"),
        "2 in the last 30 days"
    );
    engine.tap_label("Recently deleted").expect("the row");
    assert_eq!(engine.view().screen, "web.cloud.recently_deleted");
    assert_eq!(
        label_of(&engine, "web.deleted.0"),
        "IMG_20261019_101010.jpg"
    );
    assert_eq!(
        summary_of(&engine, "web.deleted.0"),
        "Gallery · Deleted Nov 21, 2026 07:55 on Redmi 12C"
    );
    assert_eq!(label_of(&engine, "web.deleted.1"), "Li Na");
    assert!(
        !page_text(&engine).contains("Packing list"),
        "deleted in 2025: past the 30 days, gone"
    );
    engine.tap_label("Li Na").expect("an item");
    assert_eq!(label_of(&engine, "web.deleted_item.restore"), "Restore");
    let on = engine.view().find("web.deleted_item.deleted_on");
    assert_eq!(on.and_then(|e| e.value.as_deref()), Some("Redmi 12C"));

    // Past the keeping time, the list is empty.
    engine.wait(chrono::Duration::days(31));
    engine.apply(Action::Back);
    assert!(engine.view().find("web.deleted.0").is_none());
    assert!(engine.view().find("web.deleted.none").is_some());
}

/// "Restore" puts the item back in the account's Mi Cloud, and the phone gets it at its next
/// sync, as it gets any change made elsewhere.
#[test]
fn restoring_a_deleted_item_brings_it_back_to_the_cloud_and_the_phone() {
    let mut engine = signed_in_phone();
    assert!(
        !engine
            .device()
            .data
            .contacts
            .iter()
            .any(|c| c.title == "Li Na")
    );
    web_cloud_site(&mut engine);
    tap(&mut engine, "web.recently_deleted");
    engine.tap_label("Li Na").expect("an item");
    engine.tap_label("Restore").expect("the button");
    assert_eq!(engine.view().screen, "web.cloud.recently_deleted");
    assert_eq!(
        engine.view().toast.as_deref(),
        Some("Restored \"Li Na\" to Contacts in Mi Cloud.")
    );
    assert!(engine.resolve("Li Na").is_err(), "no longer deleted");
    let lei = &engine.device().cloud.accounts[0];
    assert!(lei.data.contacts.iter().any(|c| c.id == "contact-lw-2"));
    assert!(
        engine
            .device()
            .data
            .contacts
            .iter()
            .any(|c| c.id == "contact-lw-2"),
        "synced down to the phone"
    );
}

/// Seed 000: "Review login history for suspicious locations". Every sign-in names its device
/// and where it was; one whose place the cloud does not know says so rather than nothing.
#[test]
fn the_login_history_says_where_each_sign_in_was_from() {
    let mut engine = signed_in_phone();
    let who: mi_settings::sim::event::SignInElsewhere =
        serde_json::from_value(serde_json::json!({"account": "6612345678", "device": "POCO X6"}))
            .expect("a sign-in elsewhere");
    engine.sign_in_elsewhere(&who).expect("the account exists");
    engine.wait(chrono::Duration::seconds(1));
    web_account_site(&mut engine);
    engine.tap_label("Security").expect("Security");
    engine.tap_label("Login history").expect("Login history");
    let text = page_text(&engine);
    assert!(text.contains("POCO X6"), "{text}");
    assert!(
        text.contains("Nov 21, 2026 10:00 · Unknown location · New device"),
        "{text}"
    );
    assert!(
        text.contains("São Paulo, Brazil"),
        "the intruder's place: {text}"
    );
}
