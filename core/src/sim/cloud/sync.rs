//! Mi Cloud sync: what stops it (a stuck cache, a clock set far off by hand, the network), and a
//! sync both ways within the plan's room, leaving out what came from another account.

use chrono::{DateTime, Utc};

use crate::sim::device::{App, Connection, DeviceFile};

use super::accounts::signed_in_index;
use super::item_ids::{ids, other_accounts_ids};

/// Why Mi Cloud cannot sync right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncBlock {
    /// Mi Cloud's sync is stuck until its cache is cleared.
    Stuck,
    /// The phone's clock is set by hand, far from the real time.
    WrongClock,
    /// On mobile data with "Sync over Wi-Fi only" on.
    MobileData,
    Offline,
}

/// How far a clock set by hand may be off before Mi Cloud refuses to sync with the phone.
pub const CLOCK_TOLERANCE_MINUTES: i64 = 60;

/// Whether the phone's clock, set by hand, is too far from the real time for the cloud.
pub fn clock_is_wrong(device: &DeviceFile) -> bool {
    let phone = &device.phone;
    !phone.auto_time && phone.clock_offset_minutes.abs() > CLOCK_TOLERANCE_MINUTES
}

/// What stops a sync now, if anything (`None` also when no account is signed in).
pub fn sync_block(device: &DeviceFile) -> Option<SyncBlock> {
    let account = device.account.as_ref()?;
    if device.phone.mi_cloud_stuck {
        return Some(SyncBlock::Stuck);
    }
    if clock_is_wrong(device) {
        return Some(SyncBlock::WrongClock);
    }
    match device.network.connection() {
        Connection::WiFi => None,
        Connection::Mobile if account.sync.wifi_only => Some(SyncBlock::MobileData),
        Connection::Mobile => None,
        Connection::Offline => Some(SyncBlock::Offline),
    }
}

/// Syncs the apps that are on, both ways: what the cloud has comes down, what the phone has goes
/// up while the plan has room. When the network does not allow it, the sync waits (`pending`)
/// and `false` is returned; it runs when the network allows (see `update`).
pub fn sync(device: &mut DeviceFile, now: DateTime<Utc>) -> bool {
    let Some(index) = signed_in_index(device) else {
        return false;
    };
    let blocked = sync_block(device).is_some();
    let plans: Vec<Option<Transfers>> = App::ALL
        .into_iter()
        .map(|app| {
            let on = device.account.as_ref().is_some_and(|a| a.sync.is_on(app));
            (on && !blocked).then(|| transfers(device, index, app))
        })
        .collect();
    let DeviceFile {
        data,
        cloud,
        account,
        ..
    } = device;
    let (Some(account), Some(cloud_account)) = (account.as_mut(), cloud.accounts.get_mut(index))
    else {
        return false;
    };
    let settings = &mut account.sync;
    if blocked {
        settings.pending = true;
        return false;
    }
    let capacity = u64::from(cloud_account.storage_gb) * 1_000_000_000;
    let mut used = cloud_account.data.total_bytes();
    let mut full = false;
    for (app, plan) in App::ALL.into_iter().zip(plans) {
        let Some(Transfers { down, up }) = plan else {
            continue;
        };
        let local = data.items_mut(app);
        let remote = cloud_account.data.items_mut(app);
        // Both lists only grow, so the positions found before stay true.
        local.extend(down.into_iter().filter_map(|at| remote.get(at).cloned()));
        for at in up {
            let Some(item) = local.get(at) else { continue };
            if used + item.size_bytes > capacity {
                full = true;
                continue;
            }
            used += item.size_bytes;
            remote.push(item.clone());
        }
        if let Some(entry) = settings.item_mut(app) {
            entry.last_synced = Some(now);
        }
    }
    settings.pending = false;
    settings.storage_full = full;
    // Talking to the cloud is activity: the account's device list shows the phone as active now.
    let phone_id = device.phone.id.to_string();
    if let Some(entry) = device.cloud.accounts[index]
        .devices
        .iter_mut()
        .find(|d| d.id == phone_id)
    {
        entry.last_active = now;
    }
    true
}

/// What one app's sync moves: positions in the cloud's list that come down to the phone, and
/// positions in the phone's list that go up.
struct Transfers {
    down: Vec<usize>,
    up: Vec<usize>,
}

/// Finds one app's transfers with each side's ids in a set: a sync costs time in proportion to
/// the items, not their square. What came from another account (in another account's cloud copy,
/// not in this one's) stays out of this one's cloud until the person merges it; that set is
/// built only when something would go up.
fn transfers(device: &DeviceFile, index: usize, app: App) -> Transfers {
    let local = device.data.items(app);
    let remote = device
        .cloud
        .accounts
        .get(index)
        .map_or(&[][..], |account| account.data.items(app));
    let on_phone = ids(local);
    let down = remote
        .iter()
        .enumerate()
        .filter(|(_, item)| !on_phone.contains(item.id.as_str()))
        .map(|(at, _)| at)
        .collect();
    drop(on_phone);
    let in_cloud = ids(remote);
    let mut up: Vec<usize> = local
        .iter()
        .enumerate()
        .filter(|(_, item)| !in_cloud.contains(item.id.as_str()))
        .map(|(at, _)| at)
        .collect();
    if !up.is_empty() {
        let theirs = other_accounts_ids(device, index, app);
        up.retain(|&at| {
            local
                .get(at)
                .is_none_or(|item| !theirs.contains(item.id.as_str()))
        });
    }
    Transfers { down, up }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::cloud::fixtures::t0;
    use crate::sim::cloud::session::sign_in;
    use crate::sim::device::{Item, SyncSettings};
    use chrono::Duration;

    #[test]
    fn a_clock_set_far_off_by_hand_stops_sync() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        device.phone.clock_offset_minutes = 24 * 60;
        assert_eq!(
            sync_block(&device),
            None,
            "set automatically: the offset is ignored"
        );
        device.phone.auto_time = false;
        assert_eq!(sync_block(&device), Some(SyncBlock::WrongClock));
        device.phone.clock_offset_minutes = CLOCK_TOLERANCE_MINUTES;
        assert_eq!(sync_block(&device), None, "within the tolerance");
        device.phone.mi_cloud_stuck = true;
        assert_eq!(sync_block(&device), Some(SyncBlock::Stuck));
        assert!(!sync(&mut device, t0()));
    }

    #[test]
    fn sync_waits_for_the_network_and_respects_items_and_storage() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        let photo = Item {
            id: "new-photo".into(),
            title: "IMG.jpg".into(),
            detail: String::new(),
            size_bytes: 1_000,
        };
        device.data.gallery.push(photo.clone());
        let in_cloud =
            |d: &DeviceFile, id: &str| d.cloud.accounts[0].data.gallery.iter().any(|i| i.id == id);

        // Wi-Fi only, on mobile data: the sync waits.
        fn settings(device: &mut DeviceFile) -> &mut SyncSettings {
            &mut device.account.as_mut().expect("signed in").sync
        }
        settings(&mut device).wifi_only = true;
        device.network.wifi = false;
        assert_eq!(sync_block(&device), Some(SyncBlock::MobileData));
        assert!(!sync(&mut device, t0()));
        assert!(device.account.as_ref().is_some_and(|a| a.sync.pending));
        assert!(!in_cloud(&device, "new-photo"));
        // Offline too.
        device.network.mobile_data = false;
        assert_eq!(sync_block(&device), Some(SyncBlock::Offline));
        // Back on Wi-Fi it goes up.
        device.network.wifi = true;
        assert!(sync(&mut device, t0()));
        assert!(in_cloud(&device, "new-photo"));

        // An item that is off neither uploads nor downloads, and the cloud keeps its copy.
        let gallery = 2;
        assert_eq!(settings(&mut device).items[gallery].app, App::Gallery);
        settings(&mut device).items[gallery].on = false;
        device.data.gallery.push(Item {
            id: "off-photo".into(),
            ..photo.clone()
        });
        sync(&mut device, t0());
        assert!(!in_cloud(&device, "off-photo"));
        assert!(in_cloud(&device, "new-photo"));

        // A full plan stops uploads and says so.
        settings(&mut device).items[gallery].on = true;
        device.cloud.accounts[0].storage_gb = 0;
        sync(&mut device, t0());
        assert!(device.account.as_ref().is_some_and(|a| a.sync.storage_full));
        assert!(!in_cloud(&device, "off-photo"));
    }

    #[test]
    fn a_sync_shows_the_phone_as_active_in_the_accounts_device_list() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        let later = t0() + Duration::hours(3);
        assert!(sync(&mut device, later));
        let phone_id = device.phone.id.to_string();
        let entry = device.cloud.accounts[0]
            .devices
            .iter()
            .find(|d| d.id == phone_id);
        assert_eq!(entry.map(|d| d.last_active), Some(later));
    }
}
