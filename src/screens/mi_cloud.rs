//! Settings → Mi Account → Mi Cloud (seed 003 §5): storage, "Sync automatically", a switch per
//! app with its last sync, "Sync now", and "Sync over Wi-Fi only".

use chrono::{DateTime, Duration, Timelike, Utc};

use super::Content;
use super::accounts::{FREE_PLAN_GB, storage_text};
use crate::sim::cloud::{self, SyncBlock};
use crate::sim::device::{SYNCED_APPS, SyncSettings};
use crate::sim::{Env, Screen, Sim};
use crate::view::Element;

/// How long "Syncing…" shows after "Sync now".
pub const SYNC_SECONDS: i64 = 3;

// Doc strings (SCREENS.md) unless marked.
pub const AUTO_SYNC_OFF: &str = "Auto sync is off";
pub const PAUSED_ON_MOBILE_DATA: &str = "Sync is paused while you're using mobile data";
/// Guess.
pub const OFFLINE: &str = "Sync will resume when the phone is back online";
/// Guess.
pub const STORAGE_FULL: &str = "Mi Cloud storage is full. New items aren't uploaded.";

/// What each item syncs (doc strings; Notes and Call history are guesses).
const SUMMARIES: [&str; 9] = [
    "Contacts and profile photos",
    "SMS and MMS messages",
    "Photos and videos",
    "Notes and checklists",
    "Events",
    "Calls made and received",
    "Audio and call recordings",
    "Wi-Fi settings",
    "Bookmarks, history, and tabs",
];

/// Element ids of the item switches, in `SYNCED_APPS` order.
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

/// "Last synced: 10:05" today, "Last synced: Nov 20" before, in the phone's local time.
fn last_synced(sim: &Sim, at: Option<DateTime<Utc>>) -> String {
    let Some(at) = at else {
        return "Not synced yet".to_string();
    };
    let offset = Duration::minutes(i64::from(sim.device().phone.utc_offset_minutes));
    let (at, now) = (at + offset, sim.now + offset);
    if at.date_naive() == now.date_naive() {
        format!("Last synced: {:02}:{:02}", at.hour(), at.minute())
    } else {
        format!("Last synced: {}", at.format("%b %-d"))
    }
}

pub fn content(sim: &Sim) -> Content {
    let Some(account) = &sim.device().account else {
        // Mi Cloud needs an account: the page says so rather than vanishing.
        return Content::new(
            "Mi Cloud",
            vec![Element::text(
                "cloud.signed_out",
                "Sign in to your Mi Account to use Mi Cloud.",
            )],
        );
    };
    let sync = &account.sync;
    let occupied = cloud::signed_in_account(sim.device()).map_or(0, |a| a.data.total_bytes());
    let plan = cloud::signed_in_account(sim.device()).map_or(FREE_PLAN_GB, |a| a.storage_gb);
    let mut elements = vec![Element::info(
        "cloud.storage",
        "Storage",
        format!("Occupied: {}/{} GB", storage_text(occupied), plan),
    )];
    let status = match cloud::sync_block(sim.device()) {
        Some(SyncBlock::MobileData) => Some(PAUSED_ON_MOBILE_DATA),
        Some(SyncBlock::Offline) => Some(OFFLINE),
        None if sync.storage_full => Some(STORAGE_FULL),
        None if !sync.auto => Some(AUTO_SYNC_OFF),
        None => None,
    };
    if let Some(status) = status {
        elements.push(Element::error("cloud.status", status));
    }
    elements.push(Element::switch(
        "cloud.auto",
        "Sync automatically",
        sync.auto,
    ));
    elements.push(
        Element::switch("cloud.wifi_only", "Sync over Wi-Fi only", sync.wifi_only)
            .summary("Saves mobile data"),
    );
    let syncing = sim.syncing_until.is_some_and(|until| until > sim.now);
    elements.push(if syncing {
        Element::button("cloud.sync_now", "Syncing…").enabled(false)
    } else {
        Element::button("cloud.sync_now", "Sync now")
    });
    elements.push(Element::section("cloud.items", "Sync"));
    for (index, app) in SYNCED_APPS.iter().enumerate() {
        let item = sync.items.iter().find(|i| i.app == *app);
        let on = item.is_none_or(|i| i.on);
        let when = last_synced(sim, item.and_then(|i| i.last_synced));
        elements.push(
            Element::switch(ITEM_IDS[index], *app, on)
                .summary(format!("{}\n{when}", SUMMARIES[index])),
        );
    }
    elements.push(Element::section("cloud.more", ""));
    elements.push(Element::row("cloud.find_device", "Find Device"));
    Content::new("Mi Cloud", elements)
}

pub fn activate(sim: &mut Sim, id: &str, env: &mut Env) {
    if sim.device().account.is_none() {
        return;
    }
    let now = env.now();
    match id {
        "cloud.auto" => with_sync(sim, |sync| {
            sync.auto = !sync.auto;
            // Turning it on catches up with whatever waited.
            sync.pending |= sync.auto;
        }),
        "cloud.wifi_only" => with_sync(sim, |sync| sync.wifi_only = !sync.wifi_only),
        "cloud.sync_now" => {
            // When the network does not allow it, the status line says why instead.
            if cloud::sync(sim.device_mut(), now) {
                sim.syncing_until = Some(now + Duration::seconds(SYNC_SECONDS));
            }
        }
        "cloud.find_device" => sim.push(Screen::FindDevice),
        _ => {
            let Some(position) = ITEM_IDS.iter().position(|item| *item == id) else {
                return;
            };
            with_sync(sim, |sync| {
                if let Some(item) = sync
                    .items
                    .iter_mut()
                    .find(|i| i.app == SYNCED_APPS[position])
                {
                    // Off keeps what the cloud already has; on syncs it again.
                    item.on = !item.on;
                    sync.pending |= item.on;
                }
            });
        }
    }
}

/// Changes the phone's Mi Cloud settings (there are none when signed out).
fn with_sync(sim: &mut Sim, change: impl FnOnce(&mut SyncSettings)) {
    if let Some(account) = sim.device_mut().account.as_mut() {
        change(&mut account.sync);
    }
}
