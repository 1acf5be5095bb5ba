//! The device file as text: read with version checks and migrations, checked for what the
//! types cannot say, and written as people read it. Reading and writing the file on disk is the
//! store's (a shell); this is the format alone.

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::sim::device::{CURRENT_VERSION, DeviceFile, Item};

/// One step forward in the file format: entry `i` of a table turns version `i + 1` into `i + 2`.
type Migration = fn(Value) -> Result<Value, String>;

/// Every step from the first format to the current one, oldest first.
const MIGRATIONS: &[Migration] = &[
    sync_items_by_key,
    accounts_remember_devices,
    phones_speak_a_language,
];

/// 1 -> 2: Mi Cloud's sync items name their app by a stable key (`call_history`) instead of
/// the English words the phone shows ("Call history"), so wording can change without touching
/// saved files.
fn sync_items_by_key(mut value: Value) -> Result<Value, String> {
    let items = value
        .pointer_mut("/account/sync/items")
        .and_then(Value::as_array_mut);
    for (index, item) in items.into_iter().flatten().enumerate() {
        let Some(app) = item.get_mut("app") else {
            continue;
        };
        let key = match app.as_str() {
            Some("Contacts") => "contacts",
            Some("Messages") => "messages",
            Some("Gallery") => "gallery",
            Some("Notes") => "notes",
            Some("Calendar") => "calendar",
            Some("Call history") => "call_history",
            Some("Recorder") => "recorder",
            Some("Wi-Fi") => "wifi",
            Some("Browser") => "browser",
            other => {
                return Err(format!(
                    "/account/sync/items/{index}/app: {} is not an app Mi Cloud syncs",
                    other.map_or_else(|| app.to_string(), |name| format!("{name:?}"))
                ));
            }
        };
        *app = Value::from(key);
    }
    Ok(value)
}

/// 2 -> 3: accounts remember every device that ever signed in (`known_devices`), so that "new
/// device" in the login history means new. A version-2 file knows only the devices still in each
/// account's list, and those count as known without being copied: nothing to rewrite.
fn accounts_remember_devices(value: Value) -> Result<Value, String> {
    Ok(value)
}

/// 3 -> 4: the phone has a language (`phone.language`). Every earlier phone spoke English.
fn phones_speak_a_language(mut value: Value) -> Result<Value, String> {
    if let Some(phone) = value.get_mut("phone").and_then(Value::as_object_mut) {
        phone.entry("language").or_insert_with(|| Value::from("en"));
    }
    Ok(value)
}

// A new CURRENT_VERSION without its migration step would make older files unreadable.
const _: () = assert!(MIGRATIONS.len() + 1 == CURRENT_VERSION as usize);

/// A device file's text that is not a device file this program can read. `Display` is one line
/// that names the file.
#[derive(Debug)]
pub enum FormatError {
    /// The text is not JSON.
    Syntax {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but a field is missing or has the wrong type. `position` is unknown only
    /// when the file was migrated first (the error then refers to the migrated document).
    Invalid {
        path: PathBuf,
        position: Option<(usize, usize)>,
        at: String,
        message: String,
    },
    /// No integer `version` at the top level; `found` is what was there instead, if anything.
    NoVersion {
        path: PathBuf,
        found: Option<String>,
    },
    /// A version older than any this program ever wrote.
    UnknownVersion { path: PathBuf, version: u64 },
    /// Written by a newer mi-settings.
    Newer { path: PathBuf, version: u64 },
    /// A migration step rejected the document.
    Migration {
        path: PathBuf,
        from: u32,
        message: String,
    },
}

impl FormatError {
    /// The file the text came from.
    pub fn path(&self) -> &Path {
        match self {
            FormatError::Syntax { path, .. }
            | FormatError::Invalid { path, .. }
            | FormatError::NoVersion { path, .. }
            | FormatError::UnknownVersion { path, .. }
            | FormatError::Newer { path, .. }
            | FormatError::Migration { path, .. } => path,
        }
    }

    /// Whether the text itself is the trouble (a newer file is fine for a newer mi-settings).
    pub fn is_damage(&self) -> bool {
        !matches!(self, FormatError::Newer { .. })
    }
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path().display())?;
        match self {
            FormatError::Syntax {
                line,
                column,
                message,
                ..
            } => {
                write!(f, ":{line}:{column}: {message}")
            }
            FormatError::Invalid {
                position,
                at,
                message,
                ..
            } => {
                if let Some((line, column)) = position {
                    write!(f, ":{line}:{column}")?;
                }
                // serde_path_to_error renders the document root as ".".
                if at != "." {
                    write!(f, ": at {at}")?;
                }
                write!(f, ": {message}")
            }
            FormatError::NoVersion { found: None, .. } => {
                write!(f, ": no \"version\" field: not a mi-settings device file")
            }
            FormatError::NoVersion {
                found: Some(found), ..
            } => write!(
                f,
                ": \"version\" is {found}, not a whole number: not a mi-settings device file"
            ),
            FormatError::UnknownVersion { version, .. } => {
                write!(f, ": version {version} is not a known device-file version")
            }
            FormatError::Newer { version, .. } => write!(
                f,
                ": version {version} is newer than this mi-settings understands \
                 ({CURRENT_VERSION} at most); use a newer mi-settings or reset the device file"
            ),
            FormatError::Migration { from, message, .. } => {
                let to = from + 1;
                write!(f, ": cannot migrate from version {from} to {to}: {message}")
            }
        }
    }
}

impl std::error::Error for FormatError {}

/// Reads a device file's text: checks the version, migrates older formats forward and parses
/// the result. `origin` only names the file in errors.
pub fn parse(text: &str, origin: &Path) -> Result<DeviceFile, FormatError> {
    parse_with(text, origin, MIGRATIONS)
}

fn parse_with(text: &str, origin: &Path, table: &[Migration]) -> Result<DeviceFile, FormatError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = crate::text::position(&e);
        FormatError::Syntax {
            path: origin.to_path_buf(),
            line,
            column,
            message: crate::text::bare_message(&e),
        }
    })?;
    typed(value, Some(text), origin, table)
}

/// Reads a device file given as a JSON value (an inline device in a fixture): the same version
/// checks and migrations as a file, with errors naming the JSON path but no line and column.
pub fn parse_value(value: Value, origin: &Path) -> Result<DeviceFile, FormatError> {
    typed(value, None, origin, MIGRATIONS)
}

/// Version check, migration and typed parse of a document already known to be JSON. `text` is
/// its source, when there is one, so that errors can point at a line and column.
fn typed(
    value: Value,
    text: Option<&str>,
    origin: &Path,
    table: &[Migration],
) -> Result<DeviceFile, FormatError> {
    let path = origin.to_path_buf();
    let version = match value.get("version") {
        None => return Err(FormatError::NoVersion { path, found: None }),
        Some(v) => v.as_u64().ok_or_else(|| FormatError::NoVersion {
            path: path.clone(),
            found: Some(crate::text::cut(&v.to_string(), 40)),
        })?,
    };
    let current = table.len() as u64 + 1;
    if version == 0 {
        return Err(FormatError::UnknownVersion { path, version });
    }
    if version > current {
        return Err(FormatError::Newer { path, version });
    }
    // Every device file is read from text, by one deserialiser: each one the file's types are
    // read through is compiled again for all of them. From the person's text when it is read as
    // it is, so that errors keep their line and column; a document without text of its own
    // (migrated, or inline in a fixture or a task) is written out first, and its errors name the
    // JSON path alone: no line of that text is the person's.
    let (typed, own_text) = match text {
        Some(text) if version == current => (super::device::from_text(text), true),
        _ => {
            let migrated = migrate(value, version as u32, table).map_err(|(from, message)| {
                FormatError::Migration {
                    path: path.clone(),
                    from,
                    message,
                }
            })?;
            (super::device::from_text(&migrated.to_string()), false)
        }
    };
    typed.map(kept_in_bounds).map_err(|e| {
        let inner = e.inner();
        FormatError::Invalid {
            path,
            position: own_text.then(|| crate::text::position(inner)),
            at: e.path().to_string(),
            message: crate::text::bare_message(inner),
        }
    })
}

/// A device file as the phone keeps it: a login history longer than the account keeps (a file
/// edited by hand, or from elsewhere) is cut to its newest entries.
fn kept_in_bounds(mut device: DeviceFile) -> DeviceFile {
    for account in &mut device.cloud.accounts {
        let history = &mut account.login_history;
        let excess = history
            .len()
            .saturating_sub(crate::sim::cloud::LOGIN_HISTORY_KEPT);
        history.drain(..excess);
    }
    device
}

/// Runs the steps of `table` from version `from` up to `table.len() + 1`, stamping each
/// intermediate version so a step never has to. Errors carry the version that failed to move on.
fn migrate(mut value: Value, from: u32, table: &[Migration]) -> Result<Value, (u32, String)> {
    for version in from..=table.len() as u32 {
        let step = (version as usize)
            .checked_sub(1)
            .and_then(|i| table.get(i))
            .ok_or((version, "no migration for this version".to_owned()))?;
        value = step(value).map_err(|message| (version, message))?;
        match value.as_object_mut() {
            Some(object) => object.insert("version".to_owned(), Value::from(version + 1)),
            None => return Err((version, "migration produced a non-object".to_owned())),
        };
    }
    Ok(value)
}

/// The device file as people read it: pretty JSON with two-space indents, fields in declaration
/// order, and a final newline.
pub fn to_json(device: &DeviceFile) -> String {
    // DeviceFile is plain structs, strings and numbers with no maps, so serialising cannot fail.
    let mut text = serde_json::to_string_pretty(device).expect("DeviceFile always serialises");
    text.push('\n');
    text
}

/// Problems the types cannot express, each as "<JSON pointer>: <what is wrong>". Empty when the
/// device file makes sense.
pub fn check(device: &DeviceFile) -> Vec<String> {
    let mut problems = Vec::new();
    let phone = &device.phone;
    if phone.battery_percent > 100 {
        problems.push(format!(
            "/phone/battery_percent: {} is not a percentage (0 to 100)",
            phone.battery_percent
        ));
    }
    // A clock set by hand within a century of the real time: beyond it, dates stop meaning
    // anything.
    const CENTURY_MINUTES: i64 = 100 * 366 * 24 * 60;
    if phone.clock_offset_minutes.abs() > CENTURY_MINUTES {
        problems.push(format!(
            "/phone/clock_offset_minutes: {} is more than a century off",
            phone.clock_offset_minutes
        ));
    }
    for (field, value) in [("name", &phone.name), ("model", &phone.model)] {
        if value.trim().is_empty() {
            problems.push(format!("/phone/{field}: must not be empty"));
        }
    }
    let data = &device.data;
    let lists: [(&str, &Vec<Item>); 9] = [
        ("contacts", &data.contacts),
        ("messages", &data.messages),
        ("gallery", &data.gallery),
        ("notes", &data.notes),
        ("calendar", &data.calendar),
        ("call_history", &data.call_history),
        ("recorder", &data.recorder),
        ("wifi", &data.wifi),
        ("browser", &data.browser),
    ];
    for (name, items) in lists {
        let ids = items.iter().map(|item| item.id.as_str());
        check_unique(&format!("/data/{name}"), "id", ids, &mut problems);
    }
    if let Some(account) = &device.account {
        check_account_id(
            "/account/mi_account_id",
            &account.mi_account_id,
            &mut problems,
        );
    }
    let accounts = &device.cloud.accounts;
    for (i, account) in accounts.iter().enumerate() {
        let pointer = format!("/cloud/accounts/{i}/mi_account_id");
        check_account_id(&pointer, &account.mi_account_id, &mut problems);
    }
    let ids = accounts
        .iter()
        .map(|account| account.mi_account_id.as_str());
    check_unique("/cloud/accounts", "mi_account_id", ids, &mut problems);
    for (i, account) in accounts.iter().enumerate() {
        let ids = account.devices.iter().map(|d| d.id.as_str());
        check_unique(
            &format!("/cloud/accounts/{i}/devices"),
            "id",
            ids,
            &mut problems,
        );
    }
    for (i, sign_in) in device.cloud.scheduled_sign_ins.iter().enumerate() {
        let id = &sign_in.mi_account_id;
        if !accounts.iter().any(|a| &a.mi_account_id == id) {
            problems.push(format!(
                "/cloud/scheduled_sign_ins/{i}/mi_account_id: no account {id:?} in /cloud/accounts"
            ));
        }
    }
    problems
}

fn check_account_id(pointer: &str, id: &str, problems: &mut Vec<String>) {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
        problems.push(format!(
            "{pointer}: {id:?} is not a Mi Account ID (digits only)"
        ));
    }
}

/// Reports every repeat of a key in `list`, pointing at the repeat and naming the first use.
fn check_unique<'a>(
    list: &str,
    field: &str,
    keys: impl Iterator<Item = &'a str>,
    problems: &mut Vec<String>,
) {
    let mut first_seen = std::collections::HashMap::new();
    for (i, key) in keys.enumerate() {
        match first_seen.get(key) {
            Some(first) => problems.push(format!(
                "{list}/{i}/{field}: {key:?} is also used by {list}/{first}"
            )),
            None => {
                first_seen.insert(key, i);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::device::DEFAULT_DEVICE_JSON;

    fn origin() -> &'static Path {
        Path::new("/tmp/x/device.json")
    }

    /// 1 -> 2 renames phone.label to phone.name; 2 -> 3 adds a field.
    fn fake_table() -> [Migration; 2] {
        fn rename_label(mut v: Value) -> Result<Value, String> {
            let phone = v["phone"].as_object_mut().ok_or("no phone")?;
            let label = phone.remove("label").ok_or("no phone.label")?;
            phone.insert("name".to_owned(), label);
            Ok(v)
        }
        fn add_bluetooth(mut v: Value) -> Result<Value, String> {
            v["bluetooth"] = Value::Bool(true);
            Ok(v)
        }
        [rename_label, add_bluetooth]
    }

    #[test]
    fn migrate_runs_every_step_from_the_file_version_and_stamps_versions() {
        let old = serde_json::json!({ "version": 1, "phone": { "label": "Mine" } });
        let v = migrate(old, 1, &fake_table()).unwrap();
        assert_eq!(v["version"], 3);
        assert_eq!(v["phone"]["name"], "Mine");
        assert!(v["phone"].get("label").is_none());
        assert_eq!(v["bluetooth"], true);

        let mid = serde_json::json!({ "version": 2, "phone": { "label": "Kept" } });
        let v = migrate(mid, 2, &fake_table()).unwrap();
        assert_eq!(v["version"], 3);
        assert_eq!(
            v["phone"]["label"], "Kept",
            "step 1 -> 2 must not run on a version 2 file"
        );
    }

    #[test]
    fn a_failing_migration_names_its_version_and_the_file() {
        let err = migrate(serde_json::json!({ "version": 1 }), 1, &fake_table()).unwrap_err();
        assert_eq!(err, (1, "no phone".to_owned()));

        let text = r#"{ "version": 1 }"#;
        let msg = parse_with(text, origin(), &fake_table())
            .unwrap_err()
            .to_string();
        assert_eq!(
            msg,
            "/tmp/x/device.json: cannot migrate from version 1 to 2: no phone"
        );
    }

    #[test]
    fn a_migrated_file_is_parsed_as_the_current_version() {
        // Pretend today's format is version 2 and the file on disk is the old version 1.
        let mut old: Value = serde_json::from_str(DEFAULT_DEVICE_JSON).unwrap();
        let name = old["phone"]
            .as_object_mut()
            .unwrap()
            .remove("name")
            .unwrap();
        old["phone"]["label"] = name;
        old["version"] = Value::from(1);
        let rename_only = [fake_table()[0]];
        let device = parse_with(&old.to_string(), origin(), &rename_only).unwrap();
        assert_eq!(device.version, 2);
        assert_eq!(device.phone.name, DeviceFile::factory_default().phone.name);
    }

    /// A device file saved by the release before stable app keys (version 1, sync items named
    /// "Contacts", "Call history" ...) loads with the keys, nothing else changed.
    #[test]
    fn a_version_1_file_from_the_previous_release_migrates_to_stable_app_keys() {
        let text = include_str!("../../../tests/data/device-v1-release.json");
        let before: Value = serde_json::from_str(text).unwrap();
        assert_eq!(before["version"], 1);
        assert_eq!(before["account"]["sync"]["items"][5]["app"], "Call history");
        let device = parse(text, origin()).unwrap();
        assert_eq!(device.version, CURRENT_VERSION);
        let after: Value = serde_json::to_value(&device).unwrap();
        let keys: Vec<&str> = after["account"]["sync"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["app"].as_str().unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "contacts",
                "messages",
                "gallery",
                "notes",
                "calendar",
                "call_history",
                "recorder",
                "wifi",
                "browser"
            ]
        );
        // The gallery was off and Wi-Fi only on in that file: still so.
        assert_eq!(after["account"]["sync"]["items"][2]["on"], false);
        assert_eq!(after["account"]["sync"]["wifi_only"], true);
        let mut expected = before.clone();
        expected["version"] = Value::from(CURRENT_VERSION);
        for (i, key) in keys.iter().enumerate() {
            expected["account"]["sync"]["items"][i]["app"] = Value::from(*key);
        }
        // Version 4 gave phones a language; every earlier one spoke English.
        expected["phone"]["language"] = Value::from("en");
        assert_eq!(
            after, expected,
            "only the version, the keys and the language changed"
        );
    }

    #[test]
    fn an_unknown_app_name_in_a_version_1_file_is_named_by_pointer() {
        let mut value: Value =
            serde_json::from_str(include_str!("../../../tests/data/device-v1-release.json"))
                .unwrap();
        value["account"]["sync"]["items"][3]["app"] = Value::from("Diary");
        let message = parse(&value.to_string(), origin()).unwrap_err().to_string();
        assert_eq!(
            message,
            "/tmp/x/device.json: cannot migrate from version 1 to 2: \
             /account/sync/items/3/app: \"Diary\" is not an app Mi Cloud syncs"
        );
    }
}
