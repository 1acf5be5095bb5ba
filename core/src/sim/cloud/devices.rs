//! Other devices on the accounts: sign-ins from other devices and from the browser beside the
//! phone, the login history they leave, the alert the phone shows for a new one, and what other
//! devices add to their accounts' clouds.

use chrono::{DateTime, Utc};

use crate::sim::device::{CloudAccount, DeviceFile, LoginRecord};

use super::accounts::index_of;

/// A new device signed in to the account this phone is signed in to, with login notifications
/// on: what the phone's alert is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSignIn {
    pub device: String,
    pub location: String,
}

/// Whether the device `id` signs in to `account` for the first time ever (a device still in the
/// list, or one the account remembers from before it was removed, is not new); remembers it.
pub(super) fn remember_device(account: &mut CloudAccount, id: &str) -> bool {
    let known = account.known_devices.iter().any(|known| known == id)
        || account.devices.iter().any(|d| d.id == id);
    if !account.known_devices.iter().any(|known| known == id) {
        account.known_devices.push(id.to_string());
    }
    !known
}

/// The id the website's sign-ins are known by among an account's devices: one browser, the
/// one beside the phone.
pub const WEB_BROWSER_ID: &str = "web-browser";

/// The browser beside the phone signed in to the account at `index` (named `browser` in the
/// history, where the phone is): the sign-in joins the login history; it is from a new device
/// the first time. Returns the phone's alert when the phone is signed in to that account and
/// login notifications are on.
pub fn web_sign_in(
    device: &mut DeviceFile,
    index: usize,
    browser: &str,
    now: DateTime<Utc>,
) -> Option<NewSignIn> {
    let location = device.phone.location.clone();
    let phone_account = device.account.as_ref().map(|a| a.mi_account_id.clone());
    let account = device.cloud.accounts.get_mut(index)?;
    let new_device = remember_device(account, WEB_BROWSER_ID);
    record_login(
        account,
        LoginRecord {
            at: now,
            device: browser.to_string(),
            location: location.clone(),
            new_device,
        },
    );
    let notify = account.login_notifications.email || account.login_notifications.sms;
    let here = phone_account.as_deref() == Some(account.mi_account_id.as_str());
    (here && notify && new_device).then(|| NewSignIn {
        device: browser.to_string(),
        location,
    })
}

/// Sign-ins an account's history keeps; older ones are dropped, as account sites keep a
/// limited history, so a long-lived device file does not grow without end.
pub const LOGIN_HISTORY_KEPT: usize = 500;

pub(super) fn record_login(account: &mut CloudAccount, record: LoginRecord) {
    account.login_history.push(record);
    let excess = account
        .login_history
        .len()
        .saturating_sub(LOGIN_HISTORY_KEPT);
    account.login_history.drain(..excess);
}

/// Plays the sign-ins from other devices that are due: each joins the account's devices and its
/// login history, and, when this phone is signed in to that account with login notifications
/// on, returns what the phone's alert is about.
pub fn run_scheduled_sign_ins(device: &mut DeviceFile, now: DateTime<Utc>) -> Vec<NewSignIn> {
    let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut device.cloud.scheduled_sign_ins)
        .into_iter()
        .partition(|s| s.at <= now);
    device.cloud.scheduled_sign_ins = later;
    let mut alerts = Vec::new();
    for sign_in in due {
        let Some(index) = index_of(device, &sign_in.mi_account_id) else {
            continue;
        };
        let here = device
            .account
            .as_ref()
            .is_some_and(|a| a.mi_account_id == sign_in.mi_account_id);
        let account = &mut device.cloud.accounts[index];
        let new_device = remember_device(account, &sign_in.device.id);
        record_login(
            account,
            LoginRecord {
                at: sign_in.at,
                device: sign_in.device.name.clone(),
                location: sign_in.device.location.clone(),
                new_device,
            },
        );
        let notify = account.login_notifications.email || account.login_notifications.sms;
        match account
            .devices
            .iter_mut()
            .find(|d| d.id == sign_in.device.id)
        {
            Some(known) => known.last_active = sign_in.at,
            None => account.devices.push(sign_in.device.clone()),
        }
        if here && notify && new_device {
            alerts.push(NewSignIn {
                device: sign_in.device.name.clone(),
                location: sign_in.device.location.clone(),
            });
        }
    }
    alerts
}

/// Plays what other devices add to their accounts' clouds when the clock passes it: each item
/// joins the cloud copy (once), and a phone signed in to that account is told there is new data
/// (its sync is pending, and runs when it may). Returns whether this phone was told.
pub fn run_scheduled_changes(device: &mut DeviceFile, now: DateTime<Utc>) -> bool {
    let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut device.cloud.scheduled_changes)
        .into_iter()
        .partition(|change| change.at <= now);
    device.cloud.scheduled_changes = later;
    let mut told = false;
    for change in due {
        let Some(index) = index_of(device, &change.mi_account_id) else {
            continue;
        };
        let items = device.cloud.accounts[index].data.items_mut(change.app);
        if items.iter().any(|item| item.id == change.item.id) {
            continue;
        }
        items.push(change.item);
        if let Some(account) = device
            .account
            .as_mut()
            .filter(|a| a.mi_account_id == change.mi_account_id)
        {
            account.sync.pending = true;
            told = true;
        }
    }
    told
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::cloud::fixtures::t0;
    use crate::sim::cloud::session::sign_in;
    use crate::sim::device::{App, Item, ScheduledChange};

    /// An item another device adds joins the account's cloud once, when its time comes, and
    /// tells only a phone signed in to that account.
    #[test]
    fn changes_from_other_devices_join_the_cloud_and_tell_the_phone() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        let change = |account: &str, id: &str, minutes: i64| ScheduledChange {
            at: t0() + chrono::Duration::minutes(minutes),
            mi_account_id: account.into(),
            device: "Xiaomi Pad 6".into(),
            app: App::Notes,
            item: Item {
                id: id.into(),
                title: "From the tablet".into(),
                detail: String::new(),
                size_bytes: 10,
            },
        };
        let lei = device.cloud.accounts[0].mi_account_id.clone();
        let anna = device.cloud.accounts[1].mi_account_id.clone();
        device.cloud.scheduled_changes = vec![
            change(&lei, "pad-1", 5),
            change(&lei, "pad-1", 6),
            change(&anna, "pad-2", 5),
            change(&lei, "pad-3", 60),
        ];
        assert!(!run_scheduled_changes(&mut device, t0()), "nothing due yet");
        assert!(run_scheduled_changes(
            &mut device,
            t0() + chrono::Duration::minutes(10)
        ));
        let notes = |i: usize| -> Vec<String> {
            device.cloud.accounts[i]
                .data
                .notes
                .iter()
                .map(|n| n.id.clone())
                .collect()
        };
        assert_eq!(
            notes(0).iter().filter(|id| *id == "pad-1").count(),
            1,
            "once"
        );
        assert!(notes(1).contains(&"pad-2".to_string()));
        assert!(!notes(0).contains(&"pad-3".to_string()), "later");
        assert_eq!(device.cloud.scheduled_changes.len(), 1);
        assert!(device.account.as_ref().is_some_and(|a| a.sync.pending));
    }
}
