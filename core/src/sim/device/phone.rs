//! The phone itself: its identity, ROM, skin and language, its clock and its locks, and its
//! network.

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Where the phone was sold: decides where Settings puts the account entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rom {
    /// China ROM: the account entry is the first row of Settings.
    China,
    /// Global ROM: the account entry sits near the bottom of Settings.
    Global,
}

/// Which generation of Xiaomi's wording the screens use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(test, derive(JsonSchema))]
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

// Named `Handset` in the code, where `screens::Phone` is the UI state shown on it; the device
// file and its schema call it `phone`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(test, schemars(rename = "Phone"))]
pub struct Handset {
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
    /// About phone → "MIUI version" tapped 7 times: Additional settings shows Developer
    /// options (seed 001: unlocking the bootloader needs a Mi Account). An erase turns it off.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub developer_options: bool,
    /// Developer options → Mi Unlock status → "Add account and device": the Mi Account ID
    /// bound to this phone for unlocking its bootloader.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unlock_account: Option<String>,
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LostMode {
    pub message: String,
    /// The number the finder should call.
    pub call: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_follows_the_switches() {
        let mut network = crate::sim::DeviceFile::factory_default().network;
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
