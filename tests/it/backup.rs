//! Mi Cloud → Cloud backup (seed 002: "Before signing out of your Mi account, it's highly
//! recommended to back up your data. You can use the Mi Cloud service"): backing up takes a
//! moment and needs the network, the sign-out confirmation points to it, and signing in offers
//! the backup back.

use chrono::Duration;
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::sim::DeviceFile;
use mi_settings::sim::cloud;
use mi_settings::sim::device::{App, Item};
use mi_settings::strings::S;

use crate::common::{LEI_PASSWORD, label_of, miui, phone_with, signed_in_device, t0, tap};
use crate::screens::{self, snap};

/// Lei's phone with a recording that Mi Cloud does not sync (Recorder's switch is off): only a
/// backup keeps it.
fn recording_not_synced() -> DeviceFile {
    let mut device = signed_in_device();
    not_synced(&mut device);
    device
}

fn not_synced(device: &mut DeviceFile) {
    if let Some(item) = device
        .account
        .as_mut()
        .and_then(|a| a.sync.item_mut(App::Recorder))
    {
        item.on = false;
    }
    device.data.recorder.push(Item {
        id: "rec-interview".into(),
        title: "Interview.m4a".into(),
        detail: String::new(),
        size_bytes: 1_200_000,
    });
}

fn open_backup(engine: &mut Engine) {
    tap(engine, "settings.account");
    tap(engine, "account.cloud");
    tap(engine, "cloud.backup");
    assert_eq!(engine.view().screen, "cloud_backup");
}

fn dialog_id(engine: &Engine) -> Option<String> {
    engine.view().dialog.as_ref().map(|d| d.id.clone())
}

#[test]
fn back_up_now_takes_a_moment_then_keeps_the_phones_data_in_mi_cloud() {
    let mut engine = phone_with(recording_not_synced());
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.cloud");
    let row = engine
        .view()
        .find("cloud.backup")
        .cloned()
        .expect("the row");
    assert_eq!(row.label, "Cloud backup");
    assert_eq!(row.summary.as_deref(), Some("Not backed up yet"));
    tap(&mut engine, "cloud.backup");
    assert_eq!(label_of(&engine, "backup.last"), "Not backed up yet");
    tap(&mut engine, "backup.now");
    let working = engine.view().dialog.clone().expect("backing up");
    assert_eq!(working.body, ["Backing up…"]);
    assert!(engine.device().cloud.accounts[0].backups.is_empty());
    engine.apply(Action::Back);
    assert_eq!(
        dialog_id(&engine).as_deref(),
        Some("working"),
        "nothing stops it"
    );
    engine.wait(Duration::seconds(3));
    assert!(engine.view().dialog.is_none());
    assert_eq!(engine.view().toast.as_deref(), Some("Backup complete"));
    let backups = &engine.device().cloud.accounts[0].backups;
    assert_eq!(backups.len(), 1);
    assert_eq!(backups[0].device_name, "Redmi Note 13 Pro");
    assert_eq!(backups[0].data, engine.device().data);
    assert!(
        label_of(&engine, "backup.last").starts_with("Last backup: Nov 21, 2026 "),
        "{}",
        label_of(&engine, "backup.last")
    );
}

#[test]
fn back_up_now_offline_refuses_and_changes_nothing() {
    let mut device = recording_not_synced();
    device.network.wifi = false;
    device.network.mobile_data = false;
    let mut engine = phone_with(device);
    open_backup(&mut engine);
    let before = engine.device().clone();
    tap(&mut engine, "backup.now");
    assert!(engine.view().dialog.is_none());
    assert_eq!(engine.view().toast.as_deref(), Some(miui(S::Offline)));
    engine.wait(Duration::seconds(5));
    assert_eq!(engine.device(), &before);
}

#[test]
fn the_sign_out_confirmation_points_to_cloud_backup() {
    let mut engine = phone_with(signed_in_device());
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    let dialog = engine.view().dialog.clone().expect("Sign out?");
    assert_eq!(dialog.body[1], miui(S::BackUpBeforeSignOut));
    // The safe choice keeps the first focus.
    assert_eq!(
        engine.view().focused().map(|e| e.id.to_string()).as_deref(),
        Some("dialog.cancel")
    );
    // Seed 002's own words reach the way to the backup.
    engine
        .tap_label("back up your data")
        .expect("seed 002's words");
    assert_eq!(engine.view().screen, "cloud_backup");
    assert!(engine.view().dialog.is_none());
    assert!(engine.device().account.is_some(), "not signed out");
    // Back on the Mi Account page, "Sign out" asks again.
    engine.apply(Action::Back);
    assert_eq!(engine.view().screen, "mi_account");
    tap(&mut engine, "account.sign_out");
    assert_eq!(dialog_id(&engine).as_deref(), Some("confirm_sign_out"));
}

/// Backed up, signed out, erased, signed in again: the sign-in offers the backup, and "Restore"
/// brings back what sync could not (the recording Mi Cloud did not sync).
fn erased_after_a_backup() -> Engine {
    let mut device = recording_not_synced();
    cloud::back_up(&mut device, t0());
    cloud::sign_out(&mut device, false);
    cloud::wipe(&mut device);
    let mut engine = phone_with(device);
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_in");
    tap(&mut engine, "signin.login");
    engine.apply(Action::Type("lei.wang@example.com".into()));
    tap(&mut engine, "signin.password");
    engine.apply(Action::Type(LEI_PASSWORD.into()));
    tap(&mut engine, "signin.agree");
    tap(&mut engine, "signin.submit");
    engine
}

fn has_recording(engine: &Engine) -> bool {
    engine
        .device()
        .data
        .recorder
        .iter()
        .any(|item| item.id == "rec-interview")
}

#[test]
fn signing_in_offers_the_backup_and_restore_brings_the_data_back() {
    let mut engine = erased_after_a_backup();
    assert_eq!(engine.view().screen, "mi_account");
    let dialog = engine.view().dialog.clone().expect("the offer");
    assert_eq!(dialog.title, "Restore from backup?");
    assert!(dialog.body[0].contains("a backup of Redmi Note 13 Pro from Nov 21, 2026"));
    assert!(!has_recording(&engine));
    assert_eq!(
        engine.view().focused().map(|e| e.id.to_string()).as_deref(),
        Some("dialog.not_now")
    );
    tap(&mut engine, "dialog.restore");
    assert!(has_recording(&engine));
    assert_eq!(
        engine.view().toast.as_deref(),
        Some("Data restored from backup")
    );
    // The synced apps came back by sync, and nothing twice.
    let contacts = &engine.device().data.contacts;
    assert_eq!(contacts.len(), 4, "{contacts:?}");
}

#[test]
fn not_now_leaves_the_backup_for_later_on_the_backup_page() {
    let mut engine = erased_after_a_backup();
    let before = engine.device().data.clone();
    tap(&mut engine, "dialog.not_now");
    assert!(engine.view().dialog.is_none());
    assert_eq!(engine.device().data, before);
    tap(&mut engine, "account.cloud");
    tap(&mut engine, "cloud.backup");
    tap(&mut engine, "backup.restore");
    assert_eq!(dialog_id(&engine).as_deref(), Some("restore"));
    tap(&mut engine, "dialog.restore");
    assert!(has_recording(&engine));
    // Nothing is left to restore: the row goes.
    assert!(engine.view().find("backup.restore").is_none());
}

#[test]
fn snapshots_of_cloud_backup_and_the_restore_offer() {
    let open = [
        screens::tap("settings.account"),
        screens::tap("account.cloud"),
        screens::tap("cloud.backup"),
    ];
    let texts = snap("cloud_backup", "cloud_backup", screens::signed_in, &open);
    assert!(texts[0].contains("Not backed up yet"));
    assert!(texts[0].contains("[ Back up now ]"), "{}", texts[0]);
    let backed_up = |device: &mut DeviceFile| {
        screens::signed_in(device);
        not_synced(device);
        cloud::back_up(device, t0());
        device.data.recorder.clear();
    };
    let texts = snap("cloud_backup_done", "cloud_backup", backed_up, &open);
    assert!(
        texts[0].contains("Last backup: Nov 21, 2026"),
        "{}",
        texts[0]
    );
    assert!(texts[0].contains("Restore from backup"), "{}", texts[0]);
    let mut offer = open.to_vec();
    offer.push(screens::tap("backup.restore"));
    let texts = snap("restore_offer", "cloud_backup", backed_up, &offer);
    assert!(texts[0].contains("Restore from backup?"), "{}", texts[0]);
}

/// The way to Cloud backup is the dialog's last stop, after "Sign out", so a hasty Enter still
/// lands on "Cancel".
#[test]
fn the_way_to_cloud_backup_is_reached_by_keys_too() {
    use mi_settings::engine::Key;
    let mut engine = phone_with(signed_in_device());
    tap(&mut engine, "settings.account");
    tap(&mut engine, "account.sign_out");
    let mut seen = Vec::new();
    for key in [Key::Right, Key::Right] {
        engine.press(key);
        seen.push(engine.view().focused().map(|e| e.id.to_string()));
    }
    assert_eq!(
        seen,
        [Some("dialog.confirm".into()), Some("dialog.backup".into())]
    );
    engine.press(Key::Enter);
    assert_eq!(engine.view().screen, "cloud_backup");
    assert!(engine.device().account.is_some());
}
