//! Signing this phone in and out: the password check with its lockout, what signing in starts
//! (the device list, sync, Find Device), and what signing out keeps or removes.

use chrono::{DateTime, Duration, Utc};

use crate::sim::device::{
    AccountDevice, App, DeviceFile, DeviceKind, Item, LoginRecord, SignInFailures, SignedInAccount,
    SyncSettings,
};
use crate::sim::time;

use super::accounts::{find_account, signed_in_account, signed_in_index};
use super::devices::{record_login, remember_device};
use super::error::CloudError;
use super::item_ids::ids;
use super::passwords::verify_password;
use super::sync::sync;

/// Wrong passwords in a row before sign-in is refused for a while.
pub const MAX_FAILURES: u32 = 5;
/// How long sign-in stays refused after too many wrong passwords.
pub const LOCKOUT_MINUTES: i64 = 2;

/// Checks a login and password as the cloud does, counting wrong passwords. An unknown account
/// gets the same answer as a wrong password, so the form does not reveal who has an account.
pub fn check_password(
    device: &mut DeviceFile,
    login: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<usize, CloudError> {
    let Some(index) = find_account(device, login) else {
        return Err(CloudError::InvalidCredentials);
    };
    let id = device.cloud.accounts[index].mi_account_id.clone();
    let failures = &mut device.cloud.sign_in_failures;
    if let Some(entry) = failures.iter_mut().find(|f| f.mi_account_id == id) {
        match entry.locked_until {
            Some(until) if until > now => return Err(CloudError::TooManyAttempts),
            Some(_) => {
                // The wait is over: a fresh set of tries.
                entry.locked_until = None;
                entry.count = 0;
            }
            None => {}
        }
    }
    if verify_password(&device.cloud.accounts[index].password_hash, password) {
        failures.retain(|f| f.mi_account_id != id);
        return Ok(index);
    }
    let position = match failures.iter().position(|f| f.mi_account_id == id) {
        Some(position) => position,
        None => {
            failures.push(SignInFailures {
                mi_account_id: id,
                count: 0,
                locked_until: None,
            });
            failures.len() - 1
        }
    };
    let entry = &mut failures[position];
    entry.count += 1;
    if entry.count >= MAX_FAILURES {
        entry.locked_until = Some(time::later(now, Duration::minutes(LOCKOUT_MINUTES)));
        return Err(CloudError::TooManyAttempts);
    }
    Err(CloudError::InvalidCredentials)
}

/// Signs this phone in to the account at `index`: the phone joins the account's devices, Mi
/// Cloud sync starts with MIUI's defaults (everything, automatically), so the phone's data goes
/// up and the cloud's comes down, and Find Device is turned on, as MIUI does at sign-in.
pub fn sign_in(device: &mut DeviceFile, index: usize, now: DateTime<Utc>) {
    let phone = device.phone.clone();
    let Some(account) = device.cloud.accounts.get_mut(index) else {
        return;
    };
    let id = phone.id.to_string();
    let new_device = remember_device(account, &id);
    record_login(
        account,
        LoginRecord {
            at: now,
            device: phone.name.clone(),
            location: phone.location.clone(),
            new_device,
        },
    );
    match account.devices.iter_mut().find(|d| d.id == id) {
        Some(known) => known.last_active = now,
        None => account.devices.insert(
            0,
            AccountDevice {
                id,
                name: phone.name.clone(),
                model: phone.model.clone(),
                kind: DeviceKind::Phone,
                location: String::new(),
                first_sign_in: now,
                last_active: now,
            },
        ),
    }
    device.account = Some(SignedInAccount {
        mi_account_id: account.mi_account_id.clone(),
        name: account.name.clone(),
        find_device: true,
        signed_in_at: Some(now),
        sync: SyncSettings {
            pending: true,
            ..SyncSettings::default()
        },
    });
    sync(device, now);
}

/// The apps that have items on this phone that are also in the account's cloud copy: what the
/// keep-or-remove dialog lists.
pub fn synced_apps(device: &DeviceFile) -> Vec<App> {
    let Some(account) = signed_in_account(device) else {
        return Vec::new();
    };
    App::ALL
        .into_iter()
        .zip(device.data.apps().into_iter().zip(account.data.apps()))
        .filter(|(_, (local, cloud))| is_synced_somewhere(local, cloud))
        .map(|(name, _)| name)
        .collect()
}

fn is_synced_somewhere(local: &[Item], cloud: &[Item]) -> bool {
    let cloud = ids(cloud);
    local.iter().any(|item| cloud.contains(item.id.as_str()))
}

/// Signs this phone out. `keep` leaves synced data on the phone; otherwise what the cloud holds
/// is removed from the phone (the cloud keeps it). The phone leaves the account's devices and
/// Find Device is off.
pub fn sign_out(device: &mut DeviceFile, keep: bool) {
    let phone_id = device.phone.id.to_string();
    if let Some(index) = signed_in_index(device) {
        let account = &mut device.cloud.accounts[index];
        account.devices.retain(|d| d.id != phone_id);
        if !keep {
            let cloud_copy = account.data.clone();
            for (local, cloud) in device.data.apps_mut().into_iter().zip(cloud_copy.apps()) {
                let cloud = ids(cloud);
                local.retain(|item| !cloud.contains(item.id.as_str()));
            }
        }
    }
    device.account = None;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Env;
    use crate::sim::cloud::fixtures::{device_with_account, t0};

    #[test]
    fn five_wrong_passwords_lock_sign_in_until_the_clock_moves_on() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        let now = t0();
        for _ in 0..4 {
            assert_eq!(
                check_password(&mut device, "lei.wang@example.com", "wrong", now),
                Err(CloudError::InvalidCredentials)
            );
        }
        assert_eq!(
            check_password(&mut device, "lei.wang@example.com", "wrong", now),
            Err(CloudError::TooManyAttempts)
        );
        // Even the right password waits.
        assert_eq!(
            check_password(&mut device, "lei.wang@example.com", "Secret#2026", now),
            Err(CloudError::TooManyAttempts)
        );
        let later = now + Duration::minutes(LOCKOUT_MINUTES);
        assert_eq!(
            check_password(&mut device, "lei.wang@example.com", "Secret#2026", later),
            Ok(0)
        );
        assert!(device.cloud.sign_in_failures.is_empty());
        assert_eq!(
            check_password(&mut device, "nobody", "x", later),
            Err(CloudError::InvalidCredentials)
        );
    }

    #[test]
    fn sign_in_syncs_both_ways_and_sign_out_keeps_or_removes() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        device.cloud.accounts[0].data.notes.push(Item {
            id: "cloud-note".into(),
            title: "From the cloud".into(),
            detail: String::new(),
            size_bytes: 10,
        });
        let local_contacts = device.data.contacts.len();
        sign_in(&mut device, 0, t0());
        let account = &device.cloud.accounts[0];
        assert_eq!(account.devices.len(), 1);
        assert_eq!(account.devices[0].id, device.phone.id.to_string());
        assert_eq!(account.data.contacts.len(), local_contacts);
        assert!(device.data.notes.iter().any(|n| n.id == "cloud-note"));
        assert!(device.account.as_ref().is_some_and(|a| a.find_device));
        assert!(synced_apps(&device).contains(&App::Contacts));
        assert!(!synced_apps(&device).contains(&App::Recorder));

        let mut removed = device.clone();
        sign_out(&mut removed, false);
        assert!(removed.account.is_none());
        assert!(removed.data.contacts.is_empty());
        assert!(removed.cloud.accounts[0].devices.is_empty());
        assert_eq!(
            removed.cloud.accounts[0].data.contacts.len(),
            local_contacts
        );
        // Signing in again brings it back.
        sign_in(&mut removed, 0, t0());
        assert_eq!(removed.data.contacts.len(), local_contacts);

        sign_out(&mut device, true);
        assert_eq!(device.data.contacts.len(), local_contacts);
        assert!(device.data.notes.iter().any(|n| n.id == "cloud-note"));
    }
}
