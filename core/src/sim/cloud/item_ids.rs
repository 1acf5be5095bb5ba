//! Items by their ids, in sets, so that comparing the phone's lists with the clouds' costs time in
//! proportion to the items, not their square.

use foldhash::HashSet;

use crate::sim::device::{App, DeviceFile, Item};

/// The ids of `items`, for lookups that do not scan.
pub(super) fn ids(items: &[Item]) -> HashSet<&str> {
    items.iter().map(|item| item.id.as_str()).collect()
}

/// The ids of `app`'s items in the cloud copies of every account but the one at `index`: where
/// what came from another account is found.
pub(super) fn other_accounts_ids(device: &DeviceFile, index: usize, app: App) -> HashSet<&str> {
    device
        .cloud
        .accounts
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .flat_map(|(_, account)| account.data.items(app).iter())
        .map(|item| item.id.as_str())
        .collect()
}
