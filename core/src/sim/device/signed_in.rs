//! The account signed in on the phone, and Mi Cloud's sync settings there.

use chrono::{DateTime, Utc};
#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::data::App;
use crate::sim::time;

/// The Mi Account signed in on this phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedInAccount {
    /// The numeric Mi Account ID, kept as text (it is an identifier, not a quantity).
    pub mi_account_id: String,
    pub name: String,
    /// Find Device on this phone. Signing out with it on asks for the account password.
    #[serde(default)]
    pub find_device: bool,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "time::bounded_option"
    )]
    pub signed_in_at: Option<DateTime<Utc>>,
    /// Mi Cloud sync on this phone.
    #[serde(default)]
    pub sync: SyncSettings,
}

/// Mi Cloud's settings on the phone, and where syncing stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SyncSettings {
    /// "Sync automatically".
    pub auto: bool,
    /// "Sync over Wi-Fi only".
    #[serde(default)]
    pub wifi_only: bool,
    /// One entry per app in `App::ALL` order.
    pub items: Vec<SyncItem>,
    /// Something is waiting to sync (the network did not allow it yet).
    #[serde(default)]
    pub pending: bool,
    /// The last sync could not upload everything: the cloud is full.
    #[serde(default)]
    pub storage_full: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SyncItem {
    /// The app, by its stable key (`contacts`, `gallery` ...), never by a display name.
    pub app: App,
    pub on: bool,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "time::bounded_option"
    )]
    pub last_synced: Option<DateTime<Utc>>,
}

impl Default for SyncSettings {
    /// As MIUI sets it up at sign-in: everything syncs, automatically, over any network.
    fn default() -> SyncSettings {
        SyncSettings {
            auto: true,
            wifi_only: false,
            items: App::ALL
                .iter()
                .map(|&app| SyncItem {
                    app,
                    on: true,
                    last_synced: None,
                })
                .collect(),
            pending: false,
            storage_full: false,
        }
    }
}

impl SyncSettings {
    /// Whether `app` syncs (an app the file does not list syncs, as MIUI's default is on).
    pub fn is_on(&self, app: App) -> bool {
        self.item(app).is_none_or(|item| item.on)
    }

    pub fn item(&self, app: App) -> Option<&SyncItem> {
        self.items.iter().find(|i| i.app == app)
    }

    pub fn item_mut(&mut self, app: App) -> Option<&mut SyncItem> {
        self.items.iter_mut().find(|i| i.app == app)
    }
}
