//! The device file's data model: the whole phone, its account and the simulated cloud it talks to.
//!
//! This is the one document that is saved to disk (see `shells::store`). Everything here is plain
//! data with serde derives; the rules that change it live in `sim::cloud`, its text in
//! `sim::file`. Fields added after version 1 must carry `#[serde(default)]` so that older files
//! still load.
//!
//! Here the document and the fresh phones it starts as; its parts are the phone ([`phone`]),
//! the data on it ([`data`]), the account signed in on it ([`signed_in`]) and the cloud
//! ([`cloud`]).

pub mod cloud;
pub mod data;
pub mod phone;
pub mod signed_in;

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use cloud::{
    AccountDevice, Cloud, CloudAccount, CodePurpose, DeletedItem, DeviceBackup, DeviceKind,
    HASH_LANES_MAX, HASH_MEMORY_KIB_MAX, HASH_PASSES_MAX, LoginNotifications, LoginRecord,
    ScheduledChange, ScheduledSignIn, SignInFailures, VerificationCode, hash_cost_problem,
};
pub use data::{App, Item, LocalData};
pub use phone::{Connection, Handset, Language, LostMode, Network, Rom, Skin};
pub use signed_in::{SignedInAccount, SyncItem, SyncSettings};

/// The format version this binary writes. Older versions are migrated forward by `sim::file`;
/// newer ones are refused.
pub const CURRENT_VERSION: u32 = 4;

/// The whole state of one simulated phone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DeviceFile {
    /// Format version of this document (see [`CURRENT_VERSION`]).
    pub version: u32,
    pub phone: Handset,
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

impl DeviceFile {
    /// The fresh phone every first run starts from (a Global-ROM phone, signed out, with some
    /// local data so that keeping or removing synced data matters).
    pub fn factory_default() -> DeviceFile {
        // Parsed once per process: tasks and agents start thousands of episodes on it.
        static PARSED: std::sync::OnceLock<DeviceFile> = std::sync::OnceLock::new();
        PARSED
            .get_or_init(|| {
                // The asset is part of the binary and covered by a test, so a parse failure
                // here is a build defect, not user input.
                from_text(DEFAULT_DEVICE_JSON).expect("assets/default-device.json is valid")
            })
            .clone()
    }
}

/// The device file in `text` (its errors with the JSON path they are at), by the one
/// deserialiser every device file is read by: the shipped ones here, any other in `sim::file`.
/// Each deserialiser the file's types are read through is compiled again for all of them, and
/// the device file is most of the crate's deserialising code.
pub(crate) fn from_text(
    text: &str,
) -> Result<DeviceFile, serde_path_to_error::Error<serde_json::Error>> {
    serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text))
}

/// The default device file shipped in `assets/`, compiled into the binary so that a first run
/// needs nothing beside the executable.
pub const DEFAULT_DEVICE_JSON: &str = include_str!("../../../../assets/default-device.json");

/// A China-ROM phone speaking Simplified Chinese, with Chinese contacts and notes
/// (`mi-settings device reset --preset china`).
pub const CHINA_DEVICE_JSON: &str = include_str!("../../../../assets/china-device.json");

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
                from_text(CHINA_DEVICE_JSON).expect("assets/china-device.json is valid")
            }
        }
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
}
