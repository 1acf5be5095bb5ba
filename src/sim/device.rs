//! The device file's data model: the whole phone, its account and the simulated cloud it talks to.
//!
//! This is the one document that is saved to disk (see `crate::store`). Everything here is plain
//! data with serde derives; the rules that change it live in `crate::sim::update`.
//! Fields added after version 1 must carry `#[serde(default)]` so that older files still load.

use chrono::{DateTime, Utc};

use super::time;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The format version this binary writes. Older versions are migrated forward by `crate::store`;
/// newer ones are refused.
pub const CURRENT_VERSION: u32 = 4;

/// The whole state of one simulated phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeviceFile {
    /// Format version of this document (see [`CURRENT_VERSION`]).
    pub version: u32,
    pub phone: Phone,
    pub network: Network,
    #[serde(default)]
    pub bluetooth: bool,
    /// What is stored locally on the phone, per app that Mi Cloud can sync.
    #[serde(default)]
    pub data: LocalData,
    /// The Mi Account signed in on this phone, if any.
    #[serde(default)]
    pub account: Option<SignedInAccount>,
    /// The simulated Xiaomi cloud this phone talks to.
    #[serde(default)]
    pub cloud: Cloud,
}

/// Where the phone was sold: decides where Settings puts the account entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rom {
    /// China ROM: the account entry is the first row of Settings.
    China,
    /// Global ROM: the account entry sits near the bottom of Settings.
    Global,
}

/// Which generation of Xiaomi's wording the screens use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Skin {
    /// "Mi Account", "Mi Cloud", "Find Device": the words of the seed guides.
    #[default]
    Miui,
    /// "Xiaomi Account", "Xiaomi Cloud", "Find device".
    Hyperos,
}

/// The language the phone speaks (Settings → Additional settings → Languages & input).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
pub enum Language {
    /// English, as Global ROMs speak it.
    #[default]
    #[serde(rename = "en")]
    En,
    /// Simplified Chinese, as China ROMs speak it.
    #[serde(rename = "zh-CN")]
    ZhCn,
}

impl Language {
    /// Every language, in the order menus list them.
    pub const ALL: [Language; 2] = [Language::En, Language::ZhCn];

    /// The language's tag as files and the command line write it: `en`, `zh-CN`.
    pub fn tag(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::ZhCn => "zh-CN",
        }
    }

    /// The language named by `tag` (`en`, `zh-CN`; case and `_` for `-` are forgiven).
    pub fn from_tag(tag: &str) -> Option<Language> {
        let tag = tag.trim().replace('_', "-");
        Language::ALL
            .into_iter()
            .find(|language| language.tag().eq_ignore_ascii_case(&tag))
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.tag())
    }
}

impl std::str::FromStr for Language {
    type Err = String;

    fn from_str(tag: &str) -> Result<Language, String> {
        Language::from_tag(tag).ok_or_else(|| {
            format!(
                "{:?} is not a language this phone speaks (en, zh-CN)",
                tag.chars().take(20).collect::<String>()
            )
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Phone {
    /// Stable identity of this phone in the cloud's device lists.
    pub id: Uuid,
    /// The name the user gave the phone (About phone → Device name).
    pub name: String,
    /// Marketing model name, e.g. "Redmi Note 13 Pro".
    pub model: String,
    pub rom: Rom,
    #[serde(default)]
    pub skin: Skin,
    /// The language of every screen: `en` or `zh-CN`.
    #[serde(default)]
    pub language: Language,
    /// e.g. "MIUI Global 14.0.6".
    pub os_version: String,
    pub android_version: String,
    pub battery_percent: u8,
    pub storage_gb: u32,
    /// Offset of the phone's local time from UTC, in minutes (the status bar shows local time).
    #[serde(default)]
    pub utc_offset_minutes: i32,
    /// Set when the phone was erased while an account was on it with Find Device on: it stays
    /// locked to that account until the account's password is entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation_lock: Option<String>,
    /// Where the phone is, as Find Device's "Locate" reports it.
    #[serde(default = "default_location")]
    pub location: String,
    /// Find Device's "Play sound": the phone rings until someone stops it.
    #[serde(default)]
    pub ringing: bool,
    /// Find Device's "Lost mode": the phone shows the owner's message until the account password
    /// is entered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_mode: Option<LostMode>,
    /// Set when the phone was signed out from elsewhere (removed from the account on
    /// account.xiaomi.com): the account's name. The phone says so the next time it is looked
    /// at, and the notice clears when it is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_out_remotely: Option<String>,
    /// Additional settings → Date & time → "Set time automatically". Off, the phone keeps its
    /// own clock, `clock_offset_minutes` away from the real time.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub auto_time: bool,
    /// How far the phone's clock is from the real time when it is set by hand (minutes; a
    /// clock far off makes Mi Cloud's sync fail, as seed 003 §9 warns).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub clock_offset_minutes: i64,
    /// Mi Cloud's sync is stuck (a broken cache): it fails until Settings → Apps → Mi Cloud →
    /// "Clear cache" (seed 003 §9), which trainers set here to rehearse the fix.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mi_cloud_stuck: bool,
    /// The phone numbers and email addresses whose messages this phone receives. A code sent
    /// anywhere else never arrives here (seed 003 §9: "Verification code not received"). Empty:
    /// every code arrives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inboxes: Vec<String>,
}

fn yes() -> bool {
    true
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_zero(value: &i64) -> bool {
    *value == 0
}

fn default_location() -> String {
    "London, United Kingdom".to_string()
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LostMode {
    pub message: String,
    /// The number the finder should call.
    pub call: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Network {
    pub wifi: bool,
    /// The saved network the phone joins when Wi-Fi is on.
    pub wifi_network: String,
    pub mobile_data: bool,
    /// Carrier of the SIM in slot 1; empty when there is no SIM.
    pub carrier: String,
    #[serde(default)]
    pub airplane_mode: bool,
}

impl Network {
    /// Whether the phone can reach the (simulated) internet, and how.
    pub fn connection(&self) -> Connection {
        // Airplane mode switches the radios off, but Wi-Fi may be turned back on by hand.
        if self.wifi {
            Connection::WiFi
        } else if self.mobile_data && !self.carrier.is_empty() && !self.airplane_mode {
            Connection::Mobile
        } else {
            Connection::Offline
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    WiFi,
    Mobile,
    Offline,
}

/// One piece of local data (a contact, a photo, a note ...). Kept generic so that sync, keep and
/// remove treat every app alike.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    #[serde(default)]
    pub size_bytes: u64,
}

/// The phone's local data, one list per app that Mi Cloud can sync.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LocalData {
    #[serde(default)]
    pub contacts: Vec<Item>,
    #[serde(default)]
    pub messages: Vec<Item>,
    #[serde(default)]
    pub gallery: Vec<Item>,
    #[serde(default)]
    pub notes: Vec<Item>,
    #[serde(default)]
    pub calendar: Vec<Item>,
    #[serde(default)]
    pub call_history: Vec<Item>,
    #[serde(default)]
    pub recorder: Vec<Item>,
    #[serde(default)]
    pub wifi: Vec<Item>,
    #[serde(default)]
    pub browser: Vec<Item>,
}

/// The Mi Account signed in on this phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

/// The simulated Xiaomi cloud: accounts, the codes it has sent, and failed sign-ins.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
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
}

/// Another device of an account (a tablet, an old phone) adds an item to the account's Mi Cloud
/// when the clock passes `at` (seed 003 §8: several devices on one account). A phone signed in
/// to that account gets it at its next sync.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

/// An account as the cloud knows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
}

fn free_plan_gb() -> u32 {
    5
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginNotifications {
    #[serde(default)]
    pub email: bool,
    #[serde(default)]
    pub sms: bool,
}

/// One sign-in to an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduledSignIn {
    #[serde(deserialize_with = "time::bounded")]
    pub at: DateTime<Utc>,
    pub mi_account_id: String,
    pub device: AccountDevice,
}

/// What kind of device a signed-in device is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CodePurpose {
    SignIn,
    CreateAccount,
    ResetPassword,
}

/// A verification code as the simulated SMS or email carried it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

/// An app whose data Mi Cloud syncs: the device file's stable key for it (`contacts`), which
/// is also the name of its list in `LocalData`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum App {
    Contacts,
    Messages,
    Gallery,
    Notes,
    Calendar,
    CallHistory,
    Recorder,
    #[serde(rename = "wifi")]
    WiFi,
    Browser,
}

impl App {
    /// Every synced app, in the order the phone lists them.
    pub const ALL: [App; 9] = [
        App::Contacts,
        App::Messages,
        App::Gallery,
        App::Notes,
        App::Calendar,
        App::CallHistory,
        App::Recorder,
        App::WiFi,
        App::Browser,
    ];

    /// The stable key, as the device file writes it.
    pub fn key(self) -> &'static str {
        match self {
            App::Contacts => "contacts",
            App::Messages => "messages",
            App::Gallery => "gallery",
            App::Notes => "notes",
            App::Calendar => "calendar",
            App::CallHistory => "call_history",
            App::Recorder => "recorder",
            App::WiFi => "wifi",
            App::Browser => "browser",
        }
    }
}

impl LocalData {
    /// The items of one app.
    pub fn items(&self, app: App) -> &Vec<Item> {
        match app {
            App::Contacts => &self.contacts,
            App::Messages => &self.messages,
            App::Gallery => &self.gallery,
            App::Notes => &self.notes,
            App::Calendar => &self.calendar,
            App::CallHistory => &self.call_history,
            App::Recorder => &self.recorder,
            App::WiFi => &self.wifi,
            App::Browser => &self.browser,
        }
    }

    /// The items of one app, to change them.
    pub fn items_mut(&mut self, app: App) -> &mut Vec<Item> {
        match app {
            App::Contacts => &mut self.contacts,
            App::Messages => &mut self.messages,
            App::Gallery => &mut self.gallery,
            App::Notes => &mut self.notes,
            App::Calendar => &mut self.calendar,
            App::CallHistory => &mut self.call_history,
            App::Recorder => &mut self.recorder,
            App::WiFi => &mut self.wifi,
            App::Browser => &mut self.browser,
        }
    }

    /// Each app's items, in `App::ALL` order.
    pub fn apps(&self) -> [&Vec<Item>; 9] {
        [
            &self.contacts,
            &self.messages,
            &self.gallery,
            &self.notes,
            &self.calendar,
            &self.call_history,
            &self.recorder,
            &self.wifi,
            &self.browser,
        ]
    }

    pub fn apps_mut(&mut self) -> [&mut Vec<Item>; 9] {
        [
            &mut self.contacts,
            &mut self.messages,
            &mut self.gallery,
            &mut self.notes,
            &mut self.calendar,
            &mut self.call_history,
            &mut self.recorder,
            &mut self.wifi,
            &mut self.browser,
        ]
    }

    pub fn total_bytes(&self) -> u64 {
        self.apps()
            .iter()
            .flat_map(|items| items.iter())
            .map(|item| item.size_bytes)
            .sum()
    }
}

impl DeviceFile {
    /// The fresh phone every first run starts from (a Global-ROM phone, signed out, with some
    /// local data so that keeping or removing synced data matters).
    pub fn factory_default() -> DeviceFile {
        // The asset is part of the binary and covered by a test, so a parse failure here is a
        // build defect, not user input.
        serde_json::from_str(DEFAULT_DEVICE_JSON).expect("assets/default-device.json is valid")
    }
}

/// The default device file shipped in `assets/`, compiled into the binary so that a first run
/// needs nothing beside the executable.
pub const DEFAULT_DEVICE_JSON: &str = include_str!("../../assets/default-device.json");

/// A China-ROM phone speaking Simplified Chinese, with Chinese contacts and notes
/// (`mi-settings device reset --preset china`).
pub const CHINA_DEVICE_JSON: &str = include_str!("../../assets/china-device.json");

/// The fresh phones `device reset` offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    /// A Global-ROM phone in English (the default device file).
    #[default]
    Global,
    /// A China-ROM phone in Simplified Chinese.
    China,
}

impl Preset {
    pub fn device(self) -> DeviceFile {
        match self {
            Preset::Global => DeviceFile::factory_default(),
            // Part of the binary and covered by a test, as the default is.
            Preset::China => {
                serde_json::from_str(CHINA_DEVICE_JSON).expect("assets/china-device.json is valid")
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_asset_is_a_signed_out_global_phone_with_local_data() {
        let device = DeviceFile::factory_default();
        assert_eq!(device.version, CURRENT_VERSION);
        assert_eq!(device.phone.rom, Rom::Global);
        assert!(device.account.is_none());
        assert!(!device.data.contacts.is_empty());
        assert!(!device.data.gallery.is_empty());
        assert!(!device.data.notes.is_empty());
    }

    #[test]
    fn connection_follows_the_switches() {
        let mut network = DeviceFile::factory_default().network;
        network.wifi = true;
        assert_eq!(network.connection(), Connection::WiFi);
        network.wifi = false;
        network.mobile_data = true;
        assert_eq!(network.connection(), Connection::Mobile);
        network.mobile_data = false;
        assert_eq!(network.connection(), Connection::Offline);
        network.mobile_data = true;
        network.airplane_mode = true;
        assert_eq!(network.connection(), Connection::Offline);
        network.wifi = true;
        assert_eq!(network.connection(), Connection::WiFi);
    }
}
