//! Mi Cloud → Cloud backup (seed 002: "Before signing out of your Mi account, it's highly
//! recommended to back up your data. You can use the Mi Cloud service"): a backup of the
//! phone's apps' data kept in the account's cloud, one per phone, and restoring it when the
//! account signs in again.

use chrono::{DateTime, Utc};

use crate::sim::device::{DeviceBackup, DeviceFile};

use super::accounts::signed_in_index;
use super::item_ids::ids;
use super::sync::sync;

/// Backs the phone's apps' data up to the signed-in account's Mi Cloud, replacing this phone's
/// last backup. Whether the phone is online is the caller's to check. False when no account is
/// signed in (nothing is stored).
pub fn back_up(device: &mut DeviceFile, now: DateTime<Utc>) -> bool {
    let Some(index) = signed_in_index(device) else {
        return false;
    };
    let backup = DeviceBackup {
        device_id: device.phone.id.to_string(),
        device_name: device.phone.name.clone(),
        at: now,
        data: device.data.clone(),
    };
    let backups = &mut device.cloud.accounts[index].backups;
    backups.retain(|b| b.device_id != backup.device_id);
    backups.push(backup);
    true
}

/// This phone's backup in the signed-in account's Mi Cloud, if it has one.
pub fn backup_of_this_phone(device: &DeviceFile) -> Option<&DeviceBackup> {
    let index = signed_in_index(device)?;
    let id = device.phone.id.to_string();
    device.cloud.accounts[index]
        .backups
        .iter()
        .find(|b| b.device_id == id)
}

/// The backup a sign-in offers to restore: the signed-in account's newest one (this phone's,
/// or another phone's of the same account), when it holds something this phone lacks.
pub fn backup_to_offer(device: &DeviceFile) -> Option<&DeviceBackup> {
    let index = signed_in_index(device)?;
    let newest = device.cloud.accounts[index]
        .backups
        .iter()
        .max_by_key(|b| b.at)?;
    let missing =
        newest
            .data
            .apps()
            .into_iter()
            .zip(device.data.apps())
            .any(|(backed_up, here)| {
                let here = ids(here);
                backed_up
                    .iter()
                    .any(|item| !here.contains(item.id.as_str()))
            });
    missing.then_some(newest)
}

/// "Restore": the items of the offered backup that are not on the phone come back to it (what
/// is on the phone stays), then sync as the account's settings say. False when there was
/// nothing to restore.
pub fn restore(device: &mut DeviceFile, now: DateTime<Utc>) -> bool {
    let Some(backup) = backup_to_offer(device).cloned() else {
        return false;
    };
    let local = device.data.apps_mut();
    for (here, backed_up) in local.into_iter().zip(backup.data.apps()) {
        let missing: Vec<_> = {
            let present = ids(here);
            backed_up
                .iter()
                .filter(|item| !present.contains(item.id.as_str()))
                .cloned()
                .collect()
        };
        here.extend(missing);
    }
    if let Some(account) = device.account.as_mut() {
        account.sync.pending = true;
    }
    sync(device, now);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Env;
    use crate::sim::cloud::fixtures::{device_with_account, t0};
    use crate::sim::cloud::{sign_in, sign_out};

    fn signed_in() -> DeviceFile {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        sign_in(&mut device, 0, t0());
        device
    }

    #[test]
    fn a_backup_holds_the_apps_data_and_replaces_the_last_one() {
        let mut device = signed_in();
        assert!(backup_of_this_phone(&device).is_none());
        assert!(back_up(&mut device, t0()));
        device.data.notes.clear();
        let later = t0() + chrono::Duration::hours(1);
        assert!(back_up(&mut device, later));
        let backups = &device.cloud.accounts[0].backups;
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].at, later);
        assert!(backups[0].data.notes.is_empty());
        assert_eq!(backups[0].data.contacts, device.data.contacts);
    }

    #[test]
    fn signed_out_nothing_is_backed_up() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        assert!(!back_up(&mut device, t0()));
        assert!(device.cloud.accounts[0].backups.is_empty());
    }

    #[test]
    fn restore_brings_back_what_the_phone_lost_and_keeps_the_rest() {
        let mut device = signed_in();
        // Notes stop syncing, and a note written since is only on the phone and in the backup.
        if let Some(account) = device.account.as_mut()
            && let Some(item) = account.sync.item_mut(crate::sim::device::App::Notes)
        {
            item.on = false;
        }
        device.data.notes.push(crate::sim::device::Item {
            id: "note-only-here".into(),
            title: "Only on this phone".into(),
            detail: String::new(),
            size_bytes: 10,
        });
        back_up(&mut device, t0());
        assert!(backup_to_offer(&device).is_none(), "nothing is missing");
        sign_out(&mut device, false);
        device.data.notes.clear();
        sign_in(&mut device, 0, t0());
        let lost =
            |device: &DeviceFile| !device.data.notes.iter().any(|n| n.id == "note-only-here");
        assert!(lost(&device));
        assert!(backup_to_offer(&device).is_some());
        let contacts = device.data.contacts.clone();
        assert!(restore(&mut device, t0()));
        assert!(!lost(&device));
        assert_eq!(device.data.contacts, contacts, "nothing twice");
        assert!(!restore(&mut device, t0()), "twice restores nothing more");
    }
}
