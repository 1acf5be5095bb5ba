//! The words the seed guides use for elements the phone labels otherwise, in one place. A tap
//! by such a word reaches the element where the guide says it (and only there); the words are
//! matched, never shown, so they live outside the string table.

/// A word a seed guide uses for an element whose label on the phone is another (usually a doc
/// string): a tap by the guide's word reaches the element, but only where the guide says it.
pub struct SeedWord {
    /// The guide's word.
    pub word: &'static str,
    /// Where it is said: the open dialog's id, else the screen's name.
    pub on: &'static str,
    /// The element it means.
    pub id: &'static str,
    /// Which guide says it.
    pub seed: &'static str,
}

/// Every seed word, in one place.
pub const SEED_WORDS: &[SeedWord] = &[
    SeedWord {
        word: "Mi Account",
        on: "settings",
        id: "settings.account",
        seed: "000, 003 (\"Settings → Mi Account\", signed in or out)",
    },
    SeedWord {
        word: "Account & Sync",
        on: "settings",
        id: "settings.accounts_sync",
        seed: "002",
    },
    SeedWord {
        word: "settings",
        on: "web.account",
        id: "web.security",
        seed: "001 (the website: \"Tap settings\"; account.xiaomi.com calls them Security)",
    },
    SeedWord {
        word: "Remove device",
        on: "device_details",
        id: "device.remove",
        seed: "000",
    },
    SeedWord {
        word: "Remove",
        on: "device_details",
        id: "device.remove",
        seed: "000 (the website: \"Click Remove\", where the button reads \"Delete device\")",
    },
    SeedWord {
        word: "Delete device",
        on: "device_details",
        id: "device.remove",
        seed: "001 (the phone's \"Remove\")",
    },
    SeedWord {
        word: "Delete",
        on: "remove_device",
        id: "dialog.confirm",
        seed: "001 (the phone's \"Remove\")",
    },
    SeedWord {
        word: "Delete device",
        on: "remove_device",
        id: "dialog.confirm",
        seed: "000 (\"Remove → confirm\": the website's confirmation once read so)",
    },
    SeedWord {
        word: "back up your data",
        on: "mi_cloud",
        id: "cloud.backup",
        seed: "002 (\"back up your data. You can use the Mi Cloud service\")",
    },
    SeedWord {
        word: "MIUI version",
        on: "about_phone",
        id: "about.os_version",
        seed: "001's bootloader advice, as unlock guides word it (HyperOS says \"OS version\")",
    },
    SeedWord {
        word: "Forgot Password",
        on: "account_password",
        id: "dialog.forgot",
        seed: "002 (a wrong password when signing out)",
    },
    SeedWord {
        word: "forgot password ?",
        on: "web.sign_in",
        id: "web.forgot",
        seed: "001 (the website)",
    },
];
