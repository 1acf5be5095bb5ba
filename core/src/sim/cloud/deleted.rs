//! Mi Cloud's recently deleted items: what was deleted from an account's cloud, on whichever
//! device, stays restorable for [`DELETED_KEPT_DAYS`] days, then is gone. Restoring one puts it
//! back in the account's cloud, and a phone signed in to that account gets it at its next sync,
//! as it gets any change made elsewhere.

use chrono::{DateTime, Duration, Utc};

use crate::sim::device::{App, DeletedItem, DeviceFile};

/// How long Mi Cloud keeps a deleted item restorable.
pub const DELETED_KEPT_DAYS: i64 = 30;

/// When `deleted` stops being restorable.
pub fn kept_until(deleted: &DeletedItem) -> DateTime<Utc> {
    deleted
        .deleted_at
        .checked_add_signed(Duration::days(DELETED_KEPT_DAYS))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// Whether `deleted` can still be restored at `now`.
pub fn is_kept(deleted: &DeletedItem, now: DateTime<Utc>) -> bool {
    now < kept_until(deleted)
}

/// The positions (in `cloud.recently_deleted`) of the account's items still kept at `now`, the
/// most recently deleted first.
pub fn recently_deleted(
    device: &DeviceFile,
    mi_account_id: &str,
    now: DateTime<Utc>,
) -> Vec<usize> {
    let mut kept: Vec<usize> = device
        .cloud
        .recently_deleted
        .iter()
        .enumerate()
        .filter(|(_, d)| d.mi_account_id == mi_account_id && is_kept(d, now))
        .map(|(at, _)| at)
        .collect();
    kept.sort_by_key(|&at| std::cmp::Reverse(device.cloud.recently_deleted[at].deleted_at));
    kept
}

/// The item of the account's app with `id` that is still kept at `now`, by its position.
pub fn find_deleted(
    device: &DeviceFile,
    mi_account_id: &str,
    app: App,
    id: &str,
    now: DateTime<Utc>,
) -> Option<usize> {
    device.cloud.recently_deleted.iter().position(|d| {
        d.mi_account_id == mi_account_id && d.app == app && d.item.id == id && is_kept(d, now)
    })
}

/// Restores the account's deleted item of `app` with `id`: it leaves the recently deleted and
/// is back in the account's cloud (once: an item with its id already there stays as it is), and
/// a phone signed in to that account is told there is new data. What is past its keeping time
/// is dropped on the way. Returns the item restored, or `None` when it is no longer kept.
pub fn restore_deleted(
    device: &mut DeviceFile,
    mi_account_id: &str,
    app: App,
    id: &str,
    now: DateTime<Utc>,
) -> Option<DeletedItem> {
    let at = find_deleted(device, mi_account_id, app, id, now)?;
    let account = super::index_of(device, mi_account_id)?;
    let restored = device.cloud.recently_deleted.remove(at);
    device.cloud.recently_deleted.retain(|d| is_kept(d, now));
    let items = device.cloud.accounts[account].data.items_mut(app);
    if !items.iter().any(|item| item.id == restored.item.id) {
        items.push(restored.item.clone());
    }
    if let Some(phone_account) = device
        .account
        .as_mut()
        .filter(|a| a.mi_account_id == mi_account_id)
    {
        phone_account.sync.pending = true;
    }
    Some(restored)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::cloud::fixtures::t0;
    use crate::sim::cloud::{sign_in, sync};
    use crate::sim::device::Item;

    fn deleted(id: &str, days_ago: i64) -> DeletedItem {
        DeletedItem {
            mi_account_id: "6612345678".into(),
            app: App::Notes,
            item: Item {
                id: id.into(),
                title: format!("Note {id}"),
                detail: String::new(),
                size_bytes: 100,
            },
            deleted_at: t0() - Duration::days(days_ago),
            device: "Redmi 12C".into(),
        }
    }

    /// Items deleted within the last 30 days are listed, newest first; older ones are gone.
    #[test]
    fn deleted_items_are_kept_for_thirty_days() {
        let mut device = DeviceFile::factory_default();
        device.cloud.recently_deleted = vec![
            deleted("a", 29),
            deleted("b", 31),
            deleted("c", 1),
            DeletedItem {
                mi_account_id: "7023456789".into(),
                ..deleted("d", 1)
            },
        ];
        assert_eq!(recently_deleted(&device, "6612345678", t0()), vec![2, 0]);
        let last_moment = kept_until(&device.cloud.recently_deleted[0]) - Duration::seconds(1);
        assert!(is_kept(&device.cloud.recently_deleted[0], last_moment));
        assert!(!is_kept(
            &device.cloud.recently_deleted[0],
            kept_until(&device.cloud.recently_deleted[0])
        ));
        assert_eq!(
            restore_deleted(&mut device, "6612345678", App::Notes, "b", t0()),
            None,
            "past its keeping time"
        );
    }

    /// A restored item is back in the account's cloud and comes down to the phone at its sync;
    /// it can be restored once.
    #[test]
    fn a_restored_item_returns_to_the_cloud_and_the_phone() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        sync(&mut device, t0());
        device.cloud.recently_deleted = vec![deleted("gone", 40), deleted("back", 2)];
        let restored = restore_deleted(&mut device, "6612345678", App::Notes, "back", t0());
        assert_eq!(
            restored.map(|d| d.item.title),
            Some("Note back".to_string())
        );
        assert!(
            device.cloud.accounts[0]
                .data
                .notes
                .iter()
                .any(|i| i.id == "back")
        );
        assert!(
            device.cloud.recently_deleted.is_empty(),
            "restored, and the expired one dropped"
        );
        assert!(device.account.as_ref().is_some_and(|a| a.sync.pending));
        assert!(!device.data.notes.iter().any(|i| i.id == "back"));
        sync(&mut device, t0());
        assert!(
            device.data.notes.iter().any(|i| i.id == "back"),
            "synced down"
        );
        assert_eq!(
            restore_deleted(&mut device, "6612345678", App::Notes, "back", t0()),
            None
        );
    }
}
