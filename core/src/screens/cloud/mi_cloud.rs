//! Settings → Mi Account → Mi Cloud (seed 003 §5): storage, "Sync automatically", a switch per
//! app with its last sync, "Sync now", "Sync over Wi-Fi only", and Cloud backup.

use chrono::{DateTime, Duration, Timelike, Utc};

use crate::screens::ctx::Ctx;
use crate::screens::flows::backup;
use crate::screens::ids::{ElementId, ids};
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::widgets::storage_text;
use crate::screens::world::World;
use crate::sim::cloud::{self, SyncBlock};
use crate::sim::device::{App, SyncSettings};
use crate::sim::time;
use crate::strings::S;
use crate::view::{Element, Text};

/// How long "Syncing…" shows after "Sync now".
pub const SYNC_SECONDS: i64 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MiCloud;

ids! {
    pub enum Id {
        Storage = "cloud.storage",
        Status = "cloud.status",
        Auto = "cloud.auto",
        WifiOnly = "cloud.wifi_only",
        SyncNow = "cloud.sync_now",
        Items = "cloud.items",
        More = "cloud.more",
        Backup = "cloud.backup",
        FindDevice = "cloud.find_device";
        nested
        /// The switch of one app.
        Item(App),
    }
}

/// The item switches' ids, in `App::ALL` order.
const ITEM_IDS: [&str; 9] = [
    "cloud.item.contacts",
    "cloud.item.messages",
    "cloud.item.gallery",
    "cloud.item.notes",
    "cloud.item.calendar",
    "cloud.item.call_history",
    "cloud.item.recorder",
    "cloud.item.wifi",
    "cloud.item.browser",
];

/// An app's switch is `cloud.item.<app key>`.
impl ElementId for App {
    fn parse(text: &str) -> Option<App> {
        let index = ITEM_IDS.iter().position(|t| *t == text)?;
        App::ALL.get(index).copied()
    }

    fn text(self) -> Text {
        let index = App::ALL.iter().position(|a| *a == self).unwrap_or(0);
        Text::Borrowed(ITEM_IDS[index])
    }

    fn patterns() -> Vec<&'static str> {
        ITEM_IDS.to_vec()
    }
}

/// "Last synced: 10:05" today, "Last synced: Nov 20" before, in the phone's local time.
fn last_synced(world: &World, at: Option<DateTime<Utc>>) -> String {
    let tr = world.tr();
    let Some(at) = at else {
        return tr.get(S::NotSyncedYet).to_string();
    };
    let (at, now) = (world.local(at), world.local(world.now));
    let when = if at.date_naive() == now.date_naive() {
        format!("{:02}:{:02}", at.hour(), at.minute())
    } else {
        at.format(tr.get(S::FormatDayMonth)).to_string()
    };
    tr.fill(S::LastSynced, &[("when", &when)])
}

impl Screen for MiCloud {
    type Id = Id;

    fn name(&self) -> Text {
        "mi_cloud".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        // Mi Cloud opens only from a signed-in Mi Account page, and a phone signed out from
        // elsewhere goes back to Settings: without an account there is nothing to show.
        let Some(account) = &world.device().account else {
            return Content::new(tr.get(S::Cloud), Vec::new());
        };
        let sync = &account.sync;
        let cloud_account = cloud::signed_in_account(world.device());
        let occupied = cloud_account.map_or(0, |a| a.data.total_bytes());
        let plan = cloud_account.map_or(cloud::FREE_PLAN_GB, |a| a.storage_gb);
        let mut elements = vec![Element::info(
            Id::Storage,
            tr.get(S::CloudSpace),
            tr.fill(
                S::Occupied,
                &[("used", &storage_text(occupied)), ("plan", &plan)],
            ),
        )];
        let status = match cloud::sync_block(world.device()) {
            Some(SyncBlock::Stuck) => Some(S::SyncFailed),
            Some(SyncBlock::WrongClock) => Some(S::SyncFailedClock),
            Some(SyncBlock::MobileData) => Some(S::PausedOnMobileData),
            Some(SyncBlock::Offline) => Some(S::SyncOffline),
            None if sync.storage_full => Some(S::StorageFull),
            None if !sync.auto => Some(S::AutoSyncOff),
            None => None,
        };
        if let Some(status) = status {
            elements.push(Element::error(Id::Status, tr.get(status)));
        }
        elements.push(Element::switch(
            Id::Auto,
            tr.get(S::SyncAutomatically),
            sync.auto,
        ));
        elements.push(
            Element::switch(Id::WifiOnly, tr.get(S::SyncOverWiFiOnly), sync.wifi_only)
                .summary(tr.get(S::SavesMobileData)),
        );
        let syncing = world.syncing_until.is_some_and(|until| until > world.now);
        elements.push(if syncing {
            Element::button(Id::SyncNow, tr.get(S::Syncing)).enabled(false)
        } else {
            Element::button(Id::SyncNow, tr.get(S::SyncNow))
        });
        elements.push(Element::section(Id::Items, tr.get(S::Sync)));
        for app in App::ALL {
            let item = sync.item(app);
            let on = item.is_none_or(|i| i.on);
            let when = last_synced(world, item.and_then(|i| i.last_synced));
            elements.push(
                Element::switch(Id::Item(app), tr.app(app), on)
                    .summary(format!("{}\n{when}", tr.app_summary(app))),
            );
        }
        elements.push(Element::section(Id::More, ""));
        elements.push(
            Element::row(Id::Backup, tr.get(S::CloudBackup)).summary(backup::last_backup(world)),
        );
        elements.push(Element::row(Id::FindDevice, tr.get(S::FindDevice)));
        Content::new(tr.get(S::Cloud), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        if cx.device().account.is_none() {
            return;
        }
        let now = cx.now();
        match id {
            Id::Auto => with_sync(cx, |sync| {
                sync.auto = !sync.auto;
                // Turning it on catches up with whatever waited.
                sync.pending |= sync.auto;
            }),
            Id::WifiOnly => with_sync(cx, |sync| sync.wifi_only = !sync.wifi_only),
            Id::SyncNow => {
                let block = cloud::sync_block(cx.device());
                if cloud::sync(cx.device_mut(), now) {
                    cx.world.syncing_until =
                        Some(time::later(now, Duration::seconds(SYNC_SECONDS)));
                } else {
                    // A press that cannot sync says why, and what would let it.
                    cx.toast_t(match block {
                        Some(SyncBlock::Stuck) => S::SyncFailed,
                        Some(SyncBlock::WrongClock) => S::SyncFailedClock,
                        Some(SyncBlock::MobileData) => S::SyncNowOnMobileData,
                        Some(SyncBlock::Offline) | None => S::Offline,
                    });
                }
            }
            Id::FindDevice => cx.push(Destination::FindDevice),
            Id::Backup => cx.push(Destination::Backup),
            Id::Item(app) => with_sync(cx, |sync| {
                if let Some(item) = sync.item_mut(app) {
                    // Off keeps what the cloud already has; on syncs it again.
                    item.on = !item.on;
                    sync.pending |= item.on;
                }
            }),
            Id::Storage | Id::Status | Id::Items | Id::More => {}
        }
    }
}

/// Changes the phone's Mi Cloud settings (there are none when signed out).
fn with_sync(cx: &mut Ctx, change: impl FnOnce(&mut SyncSettings)) {
    if let Some(account) = cx.device_mut().account.as_mut() {
        change(&mut account.sync);
    }
}
