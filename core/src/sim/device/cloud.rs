//! The simulated Xiaomi cloud's records: its accounts (their devices, sign-ins, storage and the
//! cloud copy of their data), the codes it sent, failed sign-ins, what other devices will do,
//! and the cost a stored password hash may ask for.

use chrono::{DateTime, Utc};
#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::data::{App, Item, LocalData};
use crate::sim::time;

/// The simulated Xiaomi cloud: accounts, the codes it has sent, and failed sign-ins.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Cloud {
    #[serde(default)]
    pub accounts: Vec<CloudAccount>,
    /// Verification codes sent by SMS or email, newest last.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub codes: Vec<VerificationCode>,
    /// Wrong passwords in a row, per account.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sign_in_failures: Vec<SignInFailures>,
    /// Sign-ins from other devices still to happen (see `ScheduledSignIn`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scheduled_sign_ins: Vec<ScheduledSignIn>,
    /// Items other devices of an account add to its Mi Cloud, still to happen (see
    /// `ScheduledChange`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scheduled_changes: Vec<ScheduledChange>,
    /// Items deleted from the accounts' Mi Cloud, newest last: i.mi.com's "Recently deleted",
    /// where each can be restored for a while (see `DeletedItem`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recently_deleted: Vec<DeletedItem>,
}

/// Another device of an account (a tablet, an old phone) adds an item to the account's Mi Cloud
/// when the clock passes `at` (seed 003 §8: several devices on one account). A phone signed in
/// to that account gets it at its next sync.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduledChange {
    #[serde(deserialize_with = "time::bounded")]
    pub at: DateTime<Utc>,
    pub mi_account_id: String,
    /// The device that adds it, by name.
    pub device: String,
    /// The app whose data it is (`contacts`, `notes` ...).
    pub app: App,
    pub item: Item,
}

/// An item deleted from an account's Mi Cloud, on whichever device: the cloud keeps it for
/// `sim::cloud::DELETED_KEPT_DAYS` days after `deleted_at`, when it can be restored on i.mi.com
/// (seed 000: "Check Mi Cloud for any deleted or accessed files"); after that it is gone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeletedItem {
    pub mi_account_id: String,
    /// The app whose data it was (`contacts`, `notes` ...).
    pub app: App,
    pub item: Item,
    #[serde(deserialize_with = "time::bounded")]
    pub deleted_at: DateTime<Utc>,
    /// The device it was deleted on, by name (as the login history names devices).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub device: String,
}

/// An account as the cloud knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CloudAccount {
    pub mi_account_id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub email: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    /// The password as an Argon2id PHC string, never the plain text. The simulation uses cheap
    /// parameters (1 MiB, 1 pass): the file is a teaching tool, not a vault, and replays must
    /// stay fast; the parameters are in each hash, so stronger ones would still verify, up to
    /// 64 MiB, 4 passes and 4 lanes: a costlier hash is refused when the file is read.
    #[serde(default, deserialize_with = "affordable_hash")]
    pub password_hash: String,
    /// Sign-in asks for a code sent to the phone number (or email) as well.
    #[serde(default)]
    pub two_step: bool,
    /// Set when a device-management policy (an employer's) forbids signing out on phones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub managed_by: Option<String>,
    /// Devices signed in to the account.
    #[serde(default)]
    pub devices: Vec<AccountDevice>,
    /// The id of every device that ever signed in to the account, removed ones too (a device in
    /// `devices` counts as known whether or not it is here): a sign-in from any other device is
    /// from a new device.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub known_devices: Vec<String>,
    /// Who is told when a new device signs in.
    #[serde(default)]
    pub login_notifications: LoginNotifications,
    /// Sign-ins to the account, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub login_history: Vec<LoginRecord>,
    /// The cloud storage plan, in GB (the free plan is 5).
    #[serde(default = "free_plan_gb")]
    pub storage_gb: u32,
    /// The cloud copy of what the account's phones synced.
    #[serde(default)]
    pub data: LocalData,
    /// Mi Cloud → Cloud backup: the last backup of each of the account's phones (seed 002:
    /// "back up your data" before signing out), offered back when the account signs in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub backups: Vec<DeviceBackup>,
}

/// A phone's backup in the account's Mi Cloud: what its apps held when it was backed up,
/// whether those apps sync or not. One per phone; a new backup replaces the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeviceBackup {
    /// The phone's `phone.id`.
    pub device_id: String,
    /// The phone's name when it was backed up.
    pub device_name: String,
    #[serde(deserialize_with = "time::bounded")]
    pub at: DateTime<Utc>,
    /// The apps' data on the phone.
    #[serde(default)]
    pub data: LocalData,
}

fn free_plan_gb() -> u32 {
    5
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginNotifications {
    #[serde(default)]
    pub email: bool,
    #[serde(default)]
    pub sms: bool,
}

/// One sign-in to an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRecord {
    #[serde(deserialize_with = "time::bounded")]
    pub at: DateTime<Utc>,
    pub device: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// The device had never signed in before.
    #[serde(default)]
    pub new_device: bool,
}

/// A sign-in from another device that happens at a set time: how the simulation plays someone
/// else (or the owner elsewhere) signing in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScheduledSignIn {
    #[serde(deserialize_with = "time::bounded")]
    pub at: DateTime<Utc>,
    pub mi_account_id: String,
    pub device: AccountDevice,
}

/// What kind of device a signed-in device is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeviceKind {
    Phone,
    Tablet,
    Tv,
    Watch,
    Band,
    SmartHome,
}

/// A device signed in to an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountDevice {
    /// The phone's `phone.id` for phones simulated here; any unique text for the others.
    pub id: String,
    pub name: String,
    pub model: String,
    pub kind: DeviceKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    #[serde(deserialize_with = "time::bounded")]
    pub first_sign_in: DateTime<Utc>,
    #[serde(deserialize_with = "time::bounded")]
    pub last_active: DateTime<Utc>,
}

/// Why a code was sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CodePurpose {
    SignIn,
    CreateAccount,
    ResetPassword,
}

/// A verification code as the simulated SMS or email carried it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct VerificationCode {
    /// The phone number or email it went to.
    pub to: String,
    pub purpose: CodePurpose,
    pub code: String,
    #[serde(deserialize_with = "time::bounded")]
    pub sent_at: DateTime<Utc>,
    #[serde(deserialize_with = "time::bounded")]
    pub expires_at: DateTime<Utc>,
    #[serde(default)]
    pub used: bool,
    /// Wrong codes typed against it; it stops working after a few.
    #[serde(default)]
    pub wrong_tries: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SignInFailures {
    pub mi_account_id: String,
    pub count: u32,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "time::bounded_option"
    )]
    pub locked_until: Option<DateTime<Utc>>,
}

/// The costliest Argon2 parameters a stored hash may ask for (memory in KiB, passes, lanes):
/// the hash comes from a device file, and a hostile one could otherwise ask each check for
/// gigabytes and minutes. The simulation's own hashes use 1 MiB and one pass.
pub const HASH_MEMORY_KIB_MAX: u32 = 64 * 1024;
pub const HASH_PASSES_MAX: u32 = 4;
pub const HASH_LANES_MAX: u32 = 4;

/// What is wrong with a stored password hash's cost, if anything.
pub fn hash_cost_problem(hash: &str) -> Option<String> {
    let parsed = argon2::PasswordHash::new(hash).ok()?;
    let params = argon2::Params::try_from(&parsed).ok()?;
    (params.m_cost() > HASH_MEMORY_KIB_MAX
        || params.t_cost() > HASH_PASSES_MAX
        || params.p_cost() > HASH_LANES_MAX)
        .then(|| {
            format!(
                "the password hash asks for m={} KiB, t={}, p={}; at most m={HASH_MEMORY_KIB_MAX}, \
                 t={HASH_PASSES_MAX}, p={HASH_LANES_MAX} are checked",
                params.m_cost(),
                params.t_cost(),
                params.p_cost()
            )
        })
}

fn affordable_hash<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let hash = String::deserialize(deserializer)?;
    match hash_cost_problem(&hash) {
        Some(problem) => Err(serde::de::Error::custom(problem)),
        None => Ok(hash),
    }
}
