//! Events from outside the phone that the simulation plays: another device signing in, or adding
//! data to its account's Mi Cloud.

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};

use super::device::{AccountDevice, App, DeviceKind, Item, ScheduledChange, ScheduledSignIn};

/// Who signs in elsewhere, as a fixture writes it:
/// `{"account": "6612345678", "device": "Redmi Note 12", "location": "Lagos, Nigeria"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SignInElsewhere {
    /// The Mi Account ID signed in to.
    pub account: String,
    /// The device's name, as the account's device list will show it.
    pub device: String,
    /// Its model (default: the name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Phone, tablet, TV ... (default: phone).
    #[serde(default = "phone_kind")]
    pub kind: DeviceKind,
    /// Where it signs in from.
    #[serde(default)]
    pub location: String,
    /// The device's id (default: made from the name); the same id signing in again is a known
    /// device, not a new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

fn phone_kind() -> DeviceKind {
    DeviceKind::Phone
}

impl SignInElsewhere {
    /// The device's id: given, or the name in lower case with dashes.
    pub fn device_id(&self) -> String {
        self.id.clone().unwrap_or_else(|| {
            let slug: String = self
                .device
                .to_lowercase()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            format!("elsewhere-{slug}")
        })
    }
}

impl SignInElsewhere {
    /// The sign-in as the cloud schedules it, happening `now`: played like a device file's own
    /// scheduled sign-ins, the same way.
    pub fn at(&self, now: DateTime<Utc>) -> ScheduledSignIn {
        ScheduledSignIn {
            at: now,
            mi_account_id: self.account.clone(),
            device: AccountDevice {
                id: self.device_id(),
                name: self.device.clone(),
                model: self.model.clone().unwrap_or_else(|| self.device.clone()),
                kind: self.kind,
                location: self.location.clone(),
                first_sign_in: now,
                last_active: now,
            },
        }
    }
}

/// What another device of an account adds to the account's Mi Cloud, as a fixture writes it:
/// `{"account": "6612345678", "device": "Xiaomi Pad 6", "app": "contacts", "title": "Dr. Li",
/// "detail": "+86 139 0000 3333"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeElsewhere {
    /// The Mi Account ID whose cloud it goes to.
    pub account: String,
    /// The device that adds it, by name.
    pub device: String,
    /// The app whose data it is (`contacts`, `notes`, `gallery` ...).
    pub app: App,
    pub title: String,
    #[serde(default)]
    pub detail: String,
    /// Its size in bytes (default 1 KB).
    #[serde(default = "one_kilobyte")]
    pub size_bytes: u64,
    /// The item's id (default: made from the app and the title); the same id is one item.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
}

fn one_kilobyte() -> u64 {
    1_000
}

impl ChangeElsewhere {
    /// The change as the cloud schedules it, happening `now`: played like a device file's own
    /// scheduled changes, the same way.
    pub fn at(&self, now: DateTime<Utc>) -> ScheduledChange {
        let id = self.id.clone().unwrap_or_else(|| {
            let slug: String = self
                .title
                .to_lowercase()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            format!("elsewhere-{}-{slug}", self.app.key())
        });
        ScheduledChange {
            at: now,
            mi_account_id: self.account.clone(),
            device: self.device.clone(),
            app: self.app,
            item: Item {
                id,
                title: self.title.clone(),
                detail: self.detail.clone(),
                size_bytes: self.size_bytes,
            },
        }
    }
}
