//! Events from outside the phone that the simulation plays: another device signing in.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use chrono::{DateTime, Utc};

use super::device::{AccountDevice, DeviceKind, ScheduledSignIn};

/// Who signs in elsewhere, as a fixture writes it:
/// `{"account": "6612345678", "device": "Redmi Note 12", "location": "Lagos, Nigeria"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
