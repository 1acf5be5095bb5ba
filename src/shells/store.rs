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

use crate::sim::device::{DeviceFile, Preset};
pub use crate::sim::file::{FormatError, check, to_json};

impl From<FormatError> for StoreError {
    fn from(e: FormatError) -> StoreError {
        StoreError::Format(e)
    }
}

/// Reads a device file's text (see [`crate::sim::file::parse`]), its errors as the store's.
pub fn parse(text: &str, origin: &Path) -> Result<DeviceFile, StoreError> {
    Ok(crate::sim::file::parse(text, origin)?)
}

/// Reads a device file given as a JSON value (see [`crate::sim::file::parse_value`]).
pub fn parse_value(value: Value, origin: &Path) -> Result<DeviceFile, StoreError> {
    Ok(crate::sim::file::parse_value(value, origin)?)
}

/// Environment variable that, when set, names the device file to use instead of
/// [`default_path`]. The command line reads it; the store itself only ever gets a path.
pub const ENV_VAR: &str = "MI_SETTINGS_DEVICE";

/// Everything that can go wrong with a device file. `Display` is one line that names the file.
#[derive(Debug)]
pub enum StoreError {
    /// The platform has no per-user data folder (e.g. no home directory).
    NoDataDir,
    /// The text is not a device file this program reads.
    Format(FormatError),
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
            StoreError::Format(e) if e.is_damage() => e.path(),
            // A newer file is fine for a newer mi-settings; the lock and the filesystem are
            // not about the content.
            StoreError::Format(_)
            | StoreError::NoDataDir
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
            StoreError::Format(e) => Some(e.path()),
            StoreError::Locked { path, .. }
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
        if let StoreError::Format(e) = self {
            return write!(f, "{e}");
        }
        if let Some(path) = self.path() {
            write!(f, "{}", path.display())?;
        }
        match self {
            StoreError::Format(_) => Ok(()),
            StoreError::NoDataDir => write!(
                f,
                "no data folder for mi-settings (is HOME set?); set {ENV_VAR} to a device file path"
            ),
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

/// Opens the lock file at `lock_path`, making it when there is none; it is never emptied, as
/// another process may hold a lock on it.
fn open_lock_file(lock_path: &Path) -> Result<File, StoreError> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(lock_path)
        .map_err(io_error(lock_path, "opening the lock file"))
}

/// Where the device file lives when [`ENV_VAR`] is not set: `device.json` in the per-user data
/// folder (e.g. `~/.local/share/mi-settings/` on Linux).
pub fn default_path() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "mi-settings")
        .map(|dirs| dirs.data_dir().join("device.json"))
        .ok_or(StoreError::NoDataDir)
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
        Err(e @ ReadError::NotUtf8 { line, column, .. }) => {
            Err(StoreError::Format(FormatError::Syntax {
                path: path.to_path_buf(),
                line,
                column,
                message: e.to_string(),
            }))
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
        let lock = open_lock_file(&lock_path)?;
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
    let lock = open_lock_file(&lock_path).map_err(|e| e.to_string())?;
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
