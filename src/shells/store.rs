//! The device file on disk: finding it, reading it (with version checks and migrations),
//! checking it, and saving it so that a crash never leaves a half-written phone behind.
//!
//! One mi-settings at a time may own a device file: [`Store`] holds an exclusive lock on
//! `<path>.lock` for as long as it lives. Every write goes to a temporary file in the same folder
//! that is then renamed over the target, and the previous file is kept as `<path>.bak`.

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::sim::device::{CURRENT_VERSION, DeviceFile, Item, Preset};

/// Environment variable that, when set, names the device file to use instead of
/// [`default_path`]. The command line reads it; the store itself only ever gets a path.
pub const ENV_VAR: &str = "MI_SETTINGS_DEVICE";

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

/// Everything that can go wrong with a device file. `Display` is one line that names the file.
#[derive(Debug)]
pub enum StoreError {
    /// The platform has no per-user data folder (e.g. no home directory).
    NoDataDir,
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
    /// Another mi-settings holds the lock.
    Locked { path: PathBuf, lock: PathBuf },
    /// Something other than a regular file is at the path (a folder, a pipe, a device).
    NotAFile { path: PathBuf },
    /// A symbolic link to a file that does not exist.
    DanglingLink { path: PathBuf, target: PathBuf },
    /// The file has other hard links: each save replaces it, which would split them apart.
    HardLinked { path: PathBuf, links: u64 },
    /// The file is read-only: it is not saved over.
    ReadOnly { path: PathBuf },
    /// Larger than a device file may be.
    TooLarge { path: PathBuf, limit: u64 },
    /// The filesystem refused; `action` says what was being done.
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
}

impl StoreError {
    /// How to get going again when the file's content is the trouble (it is never changed
    /// without being asked): the exact commands, the last good copy first when there is one.
    pub fn recovery(&self) -> Option<String> {
        let path = match self {
            StoreError::Syntax { path, .. }
            | StoreError::Invalid { path, .. }
            | StoreError::NoVersion { path, .. }
            | StoreError::UnknownVersion { path, .. }
            | StoreError::Migration { path, .. } => path,
            // A newer file is fine for a newer mi-settings; the lock and the filesystem are
            // not about the content.
            StoreError::NoDataDir
            | StoreError::Newer { .. }
            | StoreError::Locked { .. }
            | StoreError::NotAFile { .. }
            | StoreError::DanglingLink { .. }
            | StoreError::HardLinked { .. }
            | StoreError::ReadOnly { .. }
            | StoreError::TooLarge { .. }
            | StoreError::Io { .. } => return None,
        };
        let backup = with_suffix(path, ".bak");
        let mut advice = String::from("The file was left as it is.");
        if load(&backup).is_ok() {
            advice.push_str(&format!(
                "\nIts last good copy can be put back:  cp {} {}",
                quoted(&backup),
                quoted(path)
            ));
        }
        advice.push_str(&format!(
            "\nOr start over with a fresh phone:  mi-settings --device {} device reset",
            quoted(path)
        ));
        Some(advice)
    }

    /// The file the error is about; `None` only when no path could be worked out at all.
    pub fn path(&self) -> Option<&Path> {
        match self {
            StoreError::NoDataDir => None,
            StoreError::Syntax { path, .. }
            | StoreError::Invalid { path, .. }
            | StoreError::NoVersion { path, .. }
            | StoreError::UnknownVersion { path, .. }
            | StoreError::Newer { path, .. }
            | StoreError::Migration { path, .. }
            | StoreError::Locked { path, .. }
            | StoreError::NotAFile { path }
            | StoreError::DanglingLink { path, .. }
            | StoreError::HardLinked { path, .. }
            | StoreError::ReadOnly { path }
            | StoreError::TooLarge { path, .. }
            | StoreError::Io { path, .. } => Some(path),
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = self.path() {
            write!(f, "{}", path.display())?;
        }
        match self {
            StoreError::NoDataDir => write!(
                f,
                "no data folder for mi-settings (is HOME set?); set {ENV_VAR} to a device file path"
            ),
            StoreError::Syntax {
                line,
                column,
                message,
                ..
            } => {
                write!(f, ":{line}:{column}: {message}")
            }
            StoreError::Invalid {
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
            StoreError::NoVersion { found: None, .. } => {
                write!(f, ": no \"version\" field: not a mi-settings device file")
            }
            StoreError::NoVersion {
                found: Some(found), ..
            } => write!(
                f,
                ": \"version\" is {found}, not a whole number: not a mi-settings device file"
            ),
            StoreError::UnknownVersion { version, .. } => {
                write!(f, ": version {version} is not a known device-file version")
            }
            StoreError::Newer { version, .. } => write!(
                f,
                ": version {version} is newer than this mi-settings understands \
                 ({CURRENT_VERSION} at most); use a newer mi-settings or reset the device file"
            ),
            StoreError::Migration { from, message, .. } => {
                let to = from + 1;
                write!(f, ": cannot migrate from version {from} to {to}: {message}")
            }
            StoreError::Locked { lock, .. } => write!(
                f,
                ": in use by another mi-settings (lock {}); close it first",
                lock.display()
            ),
            StoreError::NotAFile { .. } => write!(
                f,
                ": not a regular file (a device file must be one); name a file with --device"
            ),
            StoreError::DanglingLink { target, .. } => write!(
                f,
                ": a symbolic link to {}, which does not exist",
                target.display()
            ),
            StoreError::HardLinked { links, .. } => write!(
                f,
                ": has {links} hard links; mi-settings saves by replacing the file, which would \
                 split them apart: use one path (or a symbolic link)"
            ),
            StoreError::ReadOnly { .. } => write!(
                f,
                ": read-only, so it is not saved over; make it writable, or use another device \
                 file with --device"
            ),
            StoreError::TooLarge { limit, .. } => write!(
                f,
                ": larger than {} MB, more than a device file may be",
                limit / (1024 * 1024)
            ),
            StoreError::Io { action, source, .. }
                if source.kind() == io::ErrorKind::PermissionDenied =>
            {
                write!(
                    f,
                    ": {action}: {source}; the folder must be writable (or use another device file \
                 with --device)"
                )
            }
            StoreError::Io { action, source, .. } => write!(f, ": {action}: {source}"),
        }
    }
}

// `source()` stays `None`: the one-line Display already ends with the cause, and reporters that
// walk the chain would print it twice. Callers that need the io::Error match on `Io`.
impl std::error::Error for StoreError {}

fn io_error(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        path,
        action,
        source,
    }
}

/// Where the device file lives when [`ENV_VAR`] is not set: `device.json` in the per-user data
/// folder (e.g. `~/.local/share/mi-settings/` on Linux).
pub fn default_path() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "mi-settings")
        .map(|dirs| dirs.data_dir().join("device.json"))
        .ok_or(StoreError::NoDataDir)
}

/// Reads a device file's text: checks the version, migrates older formats forward and parses
/// the result. `origin` only names the file in errors.
pub fn parse(text: &str, origin: &Path) -> Result<DeviceFile, StoreError> {
    parse_with(text, origin, MIGRATIONS)
}

fn parse_with(text: &str, origin: &Path, table: &[Migration]) -> Result<DeviceFile, StoreError> {
    let value: Value = serde_json::from_str(text).map_err(|e| StoreError::Syntax {
        path: origin.to_path_buf(),
        line: e.line(),
        column: e.column(),
        message: bare_message(&e),
    })?;
    typed(value, Some(text), origin, table)
}

/// Reads a device file given as a JSON value (an inline device in a fixture): the same version
/// checks and migrations as a file, with errors naming the JSON path but no line and column.
pub fn parse_value(value: Value, origin: &Path) -> Result<DeviceFile, StoreError> {
    typed(value, None, origin, MIGRATIONS)
}

/// Version check, migration and typed parse of a document already known to be JSON. `text` is
/// its source, when there is one, so that errors can point at a line and column.
fn typed(
    value: Value,
    text: Option<&str>,
    origin: &Path,
    table: &[Migration],
) -> Result<DeviceFile, StoreError> {
    let path = origin.to_path_buf();
    let version = match value.get("version") {
        None => return Err(StoreError::NoVersion { path, found: None }),
        Some(v) => v.as_u64().ok_or_else(|| StoreError::NoVersion {
            path: path.clone(),
            found: Some(crate::shells::input::cut(&v.to_string(), 40)),
        })?,
    };
    let current = table.len() as u64 + 1;
    if version == 0 {
        return Err(StoreError::UnknownVersion { path, version });
    }
    if version > current {
        return Err(StoreError::Newer { path, version });
    }
    let typed = match text {
        // From the text rather than the Value, so that errors keep their line and column.
        Some(text) if version == current => {
            serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(text))
        }
        _ => {
            let migrated = migrate(value, version as u32, table).map_err(|(from, message)| {
                StoreError::Migration {
                    path: path.clone(),
                    from,
                    message,
                }
            })?;
            serde_path_to_error::deserialize(migrated)
        }
    };
    typed.map(kept_in_bounds).map_err(|e| {
        let inner = e.inner();
        StoreError::Invalid {
            path,
            // serde_json reports line 0 when it has no text to point into.
            position: (inner.line() > 0).then(|| (inner.line(), inner.column())),
            at: e.path().to_string(),
            message: bare_message(inner),
        }
    })
}

/// serde_json appends " at line L column C"; the file:line:column prefix already says that.
pub(crate) fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    crate::shells::input::shortened(full.strip_suffix(&suffix).unwrap_or(&full))
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

/// Reads and parses the device file at `path` without locking or writing anything.
pub fn load(path: &Path) -> Result<DeviceFile, StoreError> {
    let path = resolve(path, Use::Read)?;
    match read_device_text(&path)? {
        Some(text) => parse(&text, &path),
        None => Err(io_error(&path, "reading")(io::Error::new(
            io::ErrorKind::NotFound,
            "No such file or directory",
        ))),
    }
}

/// The most a device file may hold: room for an account with 100,000 photos and as many
/// contacts, and a bound on what a hostile file can make the program read.
pub const FILE_LIMIT: u64 = 512 * 1024 * 1024;

/// What a device file is resolved for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Use {
    Read,
    Write,
}

/// The file a device path names: a symbolic link is followed to the file it points at (so the
/// lock and every save go there, and two paths to one file are one file), and what is there
/// must be a regular file (or nothing yet). To be written, it must also have no other hard
/// links, which a save (a new file renamed into place) would split apart.
fn resolve(path: &Path, purpose: Use) -> Result<PathBuf, StoreError> {
    let metadata = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(path.to_path_buf()),
        Err(e) => return Err(io_error(path, "looking at the file")(e)),
        Ok(metadata) => metadata,
    };
    let resolved = if metadata.file_type().is_symlink() {
        match fs::canonicalize(path) {
            Ok(resolved) => resolved,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                let target = fs::read_link(path).unwrap_or_default();
                return Err(StoreError::DanglingLink {
                    path: path.to_path_buf(),
                    target: folder_of(path).join(target),
                });
            }
            Err(e) => return Err(io_error(path, "following the link")(e)),
        }
    } else {
        path.to_path_buf()
    };
    let metadata = fs::metadata(&resolved).map_err(io_error(&resolved, "looking at the file"))?;
    if !metadata.is_file() {
        // Named as the user wrote it: `/dev/stdin` rather than where it happens to lead.
        return Err(StoreError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if purpose == Use::Write && metadata.nlink() > 1 {
            return Err(StoreError::HardLinked {
                path: resolved,
                links: metadata.nlink(),
            });
        }
    }
    // Saving replaces the file by a rename, which a read-only file would not stop: its mode is
    // the owner's word that it is not to be changed.
    if purpose == Use::Write && metadata.permissions().readonly() {
        return Err(StoreError::ReadOnly { path: resolved });
    }
    Ok(resolved)
}

/// The device file's text, `None` when there is no file; only a regular file of at most
/// `FILE_LIMIT` bytes is read, and text that is not UTF-8 is an error at its position.
fn read_device_text(path: &Path) -> Result<Option<String>, StoreError> {
    use crate::shells::input::{ReadError, read_text};
    match read_text(path, FILE_LIMIT) {
        Ok(text) => Ok(Some(text)),
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(ReadError::Io(e)) => Err(io_error(path, "reading")(e)),
        Err(ReadError::NotAFile) => Err(StoreError::NotAFile {
            path: path.to_path_buf(),
        }),
        Err(ReadError::TooLarge { limit }) => Err(StoreError::TooLarge {
            path: path.to_path_buf(),
            limit,
        }),
        Err(e @ ReadError::NotUtf8 { line, column, .. }) => Err(StoreError::Syntax {
            path: path.to_path_buf(),
            line,
            column,
            message: e.to_string(),
        }),
    }
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

/// Whether [`Store::open`] found a device file or made a fresh one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Loaded,
    Created,
}

/// Test-only crash points for [`Store::save_with_fault`].
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFault {
    /// Stop once `<path>.bak` is written, before the new content exists anywhere.
    AfterBackup,
    /// Stop once the new content is complete in the temporary file, before the rename.
    AfterTempWrite,
}

/// Exclusive ownership of one device file for as long as this value lives.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    /// Never read: holding the handle is what keeps the lock; dropping it releases it.
    _lock: File,
    lock_path: PathBuf,
    /// The lock file was made by this store (and goes again if the file cannot be used).
    made_lock: bool,
}

impl Store {
    /// Locks the device file at `path` and loads it, or creates it from the factory default if
    /// it does not exist yet. A file that exists but cannot be used is an error and is left
    /// exactly as it is.
    pub fn open(path: &Path) -> Result<(Store, DeviceFile, Opened), StoreError> {
        let store = Store::lock_only(path)?;
        let read = read_device_text(&store.path)
            .and_then(|text| text.map(|text| parse(&text, &store.path)).transpose());
        match read {
            Ok(Some(device)) => Ok((store, device, Opened::Loaded)),
            Ok(None) => {
                let device = DeviceFile::factory_default();
                write_atomic(&store.path, to_json(&device).as_bytes(), None, None)?;
                Ok((store, device, Opened::Created))
            }
            Err(e) => {
                // A refused start leaves nothing behind beside the file.
                store.abandon();
                Err(e)
            }
        }
    }

    /// Lets go of the lock, and removes the lock file when this store made it.
    fn abandon(self) {
        if self.made_lock {
            let _ = fs::remove_file(&self.lock_path);
        }
    }

    /// Takes the lock without reading the file, so that even an unreadable file can be reset.
    pub fn lock_only(path: &Path) -> Result<Store, StoreError> {
        let path = &resolve(path, Use::Write)?;
        let folder = folder_of(path);
        fs::create_dir_all(folder).map_err(io_error(folder, "creating the folder"))?;
        // The lock lives beside the data file, not on it: each save renames a new inode into
        // place, which would silently drop a lock held on the old one.
        let lock_path = with_suffix(path, ".lock");
        let made_lock = !lock_path.exists();
        let lock = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(io_error(&lock_path, "opening the lock file"))?;
        match lock.try_lock() {
            Ok(()) => {
                // Temporary files of an interrupted save of this file (never another's): the
                // lock says no save of it is under way.
                for suffix in [".tmp", ".bak.tmp", ".broken.tmp"] {
                    let leftover = with_suffix(path, suffix);
                    if fs::symlink_metadata(&leftover).is_ok_and(|m| m.is_file()) {
                        let _ = fs::remove_file(&leftover);
                    }
                }
                Ok(Store {
                    path: path.to_path_buf(),
                    _lock: lock,
                    lock_path,
                    made_lock,
                })
            }
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
                path: path.to_path_buf(),
                lock: lock_path,
            }),
            Err(TryLockError::Error(e)) => Err(io_error(&lock_path, "locking")(e)),
        }
    }

    /// The device file this store owns.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Replaces the device file with `device`, keeping the previous file as `<path>.bak`. At
    /// every instant `path` holds either the complete old file or the complete new one.
    pub fn save(&mut self, device: &DeviceFile) -> Result<(), StoreError> {
        self.save_with_fault(device, None)
    }

    /// [`Store::save`] that can stop at a chosen point, to test what a crash there leaves.
    #[doc(hidden)]
    pub fn save_with_fault(
        &mut self,
        device: &DeviceFile,
        fault: Option<SaveFault>,
    ) -> Result<(), StoreError> {
        // The file keeps its permissions (it holds password hashes), and a read-only one is
        // not saved over.
        let permissions = match fs::metadata(&self.path) {
            Ok(metadata) if metadata.permissions().readonly() => {
                return Err(StoreError::ReadOnly {
                    path: self.path.clone(),
                });
            }
            Ok(metadata) => Some(metadata.permissions()),
            Err(_) => None,
        };
        // Copy whatever is there, even text edited by hand meanwhile: it is what gets replaced.
        match fs::read(&self.path) {
            Ok(old) => write_atomic(
                &with_suffix(&self.path, ".bak"),
                &old,
                None,
                permissions.clone(),
            )?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(&self.path, "reading for the backup")(e)),
        }
        if fault == Some(SaveFault::AfterBackup) {
            return Err(simulated_crash(&self.path));
        }
        write_atomic(&self.path, to_json(device).as_bytes(), fault, permissions)
    }

    /// Starts over from the factory default, which is returned with where the previous file
    /// went: `<path>.bak` as on every save, except when the file cannot be read and its `.bak`
    /// can (the last good copy is never overwritten): then `<path>.broken`.
    pub fn reset(&mut self) -> Result<(DeviceFile, Option<PathBuf>), StoreError> {
        self.reset_to(Preset::Global)
    }

    /// [`Store::reset`] to the fresh phone `preset`.
    pub fn reset_to(
        &mut self,
        preset: Preset,
    ) -> Result<(DeviceFile, Option<PathBuf>), StoreError> {
        let device = preset.device();
        if !self.path.exists() {
            write_atomic(&self.path, to_json(&device).as_bytes(), None, None)?;
            return Ok((device, None));
        }
        let backup = with_suffix(&self.path, ".bak");
        if load(&self.path).is_err() && load(&backup).is_ok() {
            let broken = with_suffix(&self.path, ".broken");
            let old = fs::read(&self.path).map_err(io_error(&self.path, "reading"))?;
            let permissions = fs::metadata(&self.path).ok().map(|m| m.permissions());
            write_atomic(&broken, &old, None, permissions.clone())?;
            write_atomic(&self.path, to_json(&device).as_bytes(), None, permissions)?;
            return Ok((device, Some(broken)));
        }
        self.save(&device)?;
        Ok((device, Some(backup)))
    }
}

fn simulated_crash(path: &Path) -> StoreError {
    io_error(path, "saving")(io::Error::other("simulated crash"))
}

/// Writes a small file of a shell's beside the device file (a lesson's progress) the way the
/// device file is written: all of it or nothing, never half (temporary file, flush, rename,
/// flush the folder). A new file is readable by its owner only.
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic(target, bytes, None, None)
}

/// How long a writer waits for another to finish with a shared file before it gives up.
const SHARED_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Reads and rewrites a file that several processes share (lesson progress, which learners on
/// one data folder share) by the device file's rules: a symbolic link is followed and the file
/// it leads to is written; a file with other hard links, a read-only file or anything but a
/// regular file is refused; the file keeps its permissions (a new one is its owner's only);
/// all of it or nothing is written. `<file>.lock` is held from the read to the rename, so that
/// of two writers the second reads what the first wrote: `update` gets the file's text as it is
/// (`None`: there is none yet) and returns the new one.
pub fn update_shared(
    path: &Path,
    limit: u64,
    update: impl FnOnce(Option<&str>) -> Result<Vec<u8>, String>,
) -> Result<(), String> {
    use crate::shells::input::{ReadError, read_text};
    let resolved = resolve(path, Use::Write).map_err(|e| e.to_string())?;
    let folder = folder_of(&resolved);
    fs::create_dir_all(folder)
        .map_err(|e| io_error(folder, "creating the folder")(e).to_string())?;
    let lock_path = with_suffix(&resolved, ".lock");
    let lock = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|e| io_error(&lock_path, "opening the lock file")(e).to_string())?;
    let waited_since = std::time::Instant::now();
    loop {
        match lock.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) if waited_since.elapsed() < SHARED_WAIT => {
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(TryLockError::WouldBlock) => {
                return Err(format!(
                    "{}: another process has held it for {} s: try again",
                    resolved.display(),
                    SHARED_WAIT.as_secs()
                ));
            }
            Err(TryLockError::Error(e)) => {
                return Err(io_error(&lock_path, "locking")(e).to_string());
            }
        }
    }
    let text = match read_text(&resolved, limit) {
        Ok(text) => Some(text),
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: {e}", resolved.display())),
    };
    let bytes = update(text.as_deref())?;
    let permissions = fs::metadata(&resolved).ok().map(|m| m.permissions());
    write_atomic(&resolved, &bytes, None, permissions).map_err(|e| e.to_string())
}

/// Writes `bytes` to `<target>.tmp`, flushes it to disk, renames it over `target` and flushes
/// the folder so the rename itself survives a power cut. Only the lock holder writes, so the
/// fixed temporary name cannot collide; a leftover from a crash is simply overwritten.
fn write_atomic(
    target: &Path,
    bytes: &[u8],
    fault: Option<SaveFault>,
    permissions: Option<fs::Permissions>,
) -> Result<(), StoreError> {
    let temp = with_suffix(target, ".tmp");
    let written = create_private(&temp).and_then(|mut file| {
        // The permissions are set before the content exists, so it is never more readable.
        if let Some(permissions) = permissions {
            file.set_permissions(permissions)?;
        }
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(e) = written {
        // Best effort: a partial temp file is harmless, only untidy.
        let _ = fs::remove_file(&temp);
        return Err(io_error(&temp, "writing")(e));
    }
    if fault == Some(SaveFault::AfterTempWrite) {
        return Err(simulated_crash(target));
    }
    fs::rename(&temp, target).map_err(io_error(target, "replacing the file"))?;
    sync_folder(folder_of(target))
}

/// A new file only its owner can read (unix): a device file holds password hashes.
fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> Result<(), StoreError> {
    File::open(folder)
        .and_then(|dir| dir.sync_all())
        .map_err(io_error(folder, "syncing the folder"))
}

// Elsewhere a folder cannot be opened as a file to flush it; the rename is as durable as the
// platform makes it.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> Result<(), StoreError> {
    Ok(())
}

/// The folder holding `path`; "." for a bare file name, whose parent is the empty path.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A path as a shell command line needs it: quoted when it holds anything but plain characters.
fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-~+:@".contains(c));
    if plain {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// `path` with `suffix` appended to its file name: device.json -> device.json.bak.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
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
        let text = include_str!("../../tests/data/device-v1-release.json");
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
            serde_json::from_str(include_str!("../../tests/data/device-v1-release.json")).unwrap();
        value["account"]["sync"]["items"][3]["app"] = Value::from("Diary");
        let message = parse(&value.to_string(), origin()).unwrap_err().to_string();
        assert_eq!(
            message,
            "/tmp/x/device.json: cannot migrate from version 1 to 2: \
             /account/sync/items/3/app: \"Diary\" is not an app Mi Cloud syncs"
        );
    }

    #[test]
    fn helpers_build_sibling_paths() {
        assert_eq!(
            with_suffix(Path::new("a/device.json"), ".bak"),
            Path::new("a/device.json.bak")
        );
        assert_eq!(folder_of(Path::new("device.json")), Path::new("."));
        assert_eq!(folder_of(Path::new("a/device.json")), Path::new("a"));
    }
}
