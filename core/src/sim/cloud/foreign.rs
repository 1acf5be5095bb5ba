//! Other accounts' items: what is on the phone from another Mi Account than the one signed in,
//! kept out of this account's cloud until the person chooses to merge it.

use chrono::{DateTime, Utc};
use foldhash::{HashSet, HashSetExt};

use crate::sim::device::{App, DeviceFile};

use super::accounts::signed_in_index;
use super::item_ids::{ids, other_accounts_ids};
use super::sync::sync;

/// The ids of the phone's items, per app in `App::ALL` order, that came from another account
/// than the one at `index`: in another account's cloud copy and not in this one's. Merging them
/// into this account's cloud is the person's choice, never silent.
fn foreign_ids(device: &DeviceFile, index: usize) -> Vec<HashSet<String>> {
    let accounts = &device.cloud.accounts;
    let Some(this) = accounts.get(index) else {
        return vec![HashSet::new(); App::ALL.len()];
    };
    App::ALL
        .into_iter()
        .map(|app| {
            let local = device.data.items(app);
            if local.is_empty() {
                return HashSet::new();
            }
            let theirs = other_accounts_ids(device, index, app);
            // Nothing of another account's: nothing on the phone can be foreign.
            if theirs.is_empty() {
                return HashSet::new();
            }
            let ours = ids(this.data.items(app));
            local
                .iter()
                .map(|item| item.id.as_str())
                .filter(|id| !ours.contains(id) && theirs.contains(id))
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The apps with items on the phone that came from another Mi Account than the one signed in:
/// what the merge question lists.
pub fn foreign_apps(device: &DeviceFile) -> Vec<App> {
    let Some(index) = signed_in_index(device) else {
        return Vec::new();
    };
    App::ALL
        .into_iter()
        .zip(foreign_ids(device, index))
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(app, _)| app)
        .collect()
}

/// "Merge": the items that came from another account go up to the signed-in account's cloud
/// too (while the plan has room), and sync with it from then on.
pub fn merge_foreign(device: &mut DeviceFile, now: DateTime<Utc>) {
    let Some(index) = signed_in_index(device) else {
        return;
    };
    let foreign = foreign_ids(device, index);
    let DeviceFile { data, cloud, .. } = device;
    let Some(account) = cloud.accounts.get_mut(index) else {
        return;
    };
    let capacity = u64::from(account.storage_gb) * 1_000_000_000;
    let mut used = account.data.total_bytes();
    let apps = data.apps().into_iter().zip(account.data.apps_mut());
    for ((local, remote), ids) in apps.zip(&foreign) {
        for item in local.iter().filter(|item| ids.contains(&item.id)) {
            if used + item.size_bytes <= capacity {
                used += item.size_bytes;
                remote.push(item.clone());
            }
        }
    }
    sync(device, now);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Env;
    use crate::sim::cloud::accounts::create_account;
    use crate::sim::cloud::fixtures::{device_with_account, t0};
    use crate::sim::cloud::session::{sign_in, sign_out};
    use crate::sim::device::Item;

    /// What came from one account's cloud is not uploaded into another's unless merged; the
    /// phone's own data, never synced anywhere, is.
    #[test]
    fn another_accounts_data_is_merged_only_when_asked() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        create_account(
            &mut device,
            "Other",
            "other@example.com",
            "",
            "Other#2026",
            &mut env,
        );
        sign_in(&mut device, 0, t0());
        let from_first = device.data.contacts.len();
        assert!(from_first > 0);
        sign_out(&mut device, true);
        device.data.notes.push(Item {
            id: "new-note".into(),
            title: "Written signed out".into(),
            detail: String::new(),
            size_bytes: 10,
        });
        sign_in(&mut device, 1, t0());
        let other = &device.cloud.accounts[1];
        assert!(other.data.contacts.is_empty(), "not merged silently");
        assert!(
            other.data.notes.iter().any(|n| n.id == "new-note"),
            "never synced: goes up"
        );
        assert!(foreign_apps(&device).contains(&App::Contacts));
        assert!(!foreign_apps(&device).contains(&App::Recorder));
        // A later sync still leaves them out.
        sync(&mut device, t0());
        assert!(device.cloud.accounts[1].data.contacts.is_empty());
        merge_foreign(&mut device, t0());
        assert_eq!(device.cloud.accounts[1].data.contacts.len(), from_first);
        assert!(foreign_apps(&device).is_empty());
    }
}
