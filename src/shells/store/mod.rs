//! The device file on disk: finding it, reading it (with version checks and migrations),
//! checking it, and saving it so that a crash never leaves a half-written phone behind.
//!
//! One mi-settings at a time may own a device file: [`Store`] holds an exclusive lock on
//! `<path>.lock` for as long as it lives. Every write goes to a temporary file in the same folder
//! that is then renamed over the target, and the previous file is kept as `<path>.bak`.
//!
//! This module is the store itself; one child module per concern holds the rest (the files'
//! names, the errors, resolving a path, reading, writing, the lock, shared files), and their
//! public items are re-exported here, so callers say `store::load` whichever file it lives in.

mod error;
mod lock;
mod names;
mod read;
mod resolve;
mod shared;
mod write;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::sim::device::{DeviceFile, Preset};
pub use crate::sim::file::{FormatError, check, to_json};
pub use error::StoreError;
pub use names::ENV_VAR;
pub use read::{FILE_LIMIT, load, parse, parse_value};
pub use shared::update_shared;
pub use write::{SaveFault, write_file};

use error::io_error;
use lock::LockFile;
use names::with_suffix;
use read::read_device_text;
use write::{simulated_crash, write_atomic};

/// Where the device file lives when [`ENV_VAR`] is not set: `device.json` in the per-user data
/// folder (e.g. `~/.local/share/mi-settings/` on Linux).
pub fn default_path() -> Result<PathBuf, StoreError> {
    directories::ProjectDirs::from("", "", "mi-settings")
        .map(|dirs| dirs.data_dir().join("device.json"))
        .ok_or(StoreError::NoDataDir)
}

/// Whether [`Store::open`] found a device file or made a fresh one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Loaded,
    Created,
}

/// Exclusive ownership of one device file for as long as this value lives.
#[derive(Debug)]
pub struct Store {
    /// The lock on the device file, held; its `target` is the device file.
    lock: LockFile,
}

impl Store {
    /// Locks the device file at `path` and loads it, or creates it from the factory default if
    /// it does not exist yet. A file that exists but cannot be used is an error and is left
    /// exactly as it is.
    pub fn open(path: &Path) -> Result<(Store, DeviceFile, Opened), StoreError> {
        let store = Store::lock_only(path)?;
        let path = store.path();
        let read =
            read_device_text(path).and_then(|text| text.map(|text| parse(&text, path)).transpose());
        match read {
            Ok(Some(device)) => Ok((store, device, Opened::Loaded)),
            Ok(None) => {
                let device = DeviceFile::factory_default();
                write_atomic(path, to_json(&device).as_bytes(), None, None)?;
                Ok((store, device, Opened::Created))
            }
            Err(e) => {
                // A refused start leaves nothing behind beside the file.
                store.lock.abandon();
                Err(e)
            }
        }
    }

    /// Takes the lock without reading the file, so that even an unreadable file can be reset.
    pub fn lock_only(path: &Path) -> Result<Store, StoreError> {
        let lock = LockFile::beside(path)?;
        lock.take()?;
        // Temporary files of an interrupted save of this file (never another's): the lock says
        // no save of it is under way.
        for suffix in [".tmp", ".bak.tmp", ".broken.tmp"] {
            let leftover = with_suffix(&lock.target, suffix);
            if fs::symlink_metadata(&leftover).is_ok_and(|m| m.is_file()) {
                let _ = fs::remove_file(&leftover);
            }
        }
        Ok(Store { lock })
    }

    /// The device file this store owns.
    pub fn path(&self) -> &Path {
        &self.lock.target
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
        let path = self.path();
        // The file keeps its permissions (it holds password hashes), and a read-only one is
        // not saved over.
        let permissions = match fs::metadata(path) {
            Ok(metadata) if metadata.permissions().readonly() => {
                return Err(StoreError::ReadOnly {
                    path: path.to_path_buf(),
                });
            }
            Ok(metadata) => Some(metadata.permissions()),
            Err(_) => None,
        };
        // Copy whatever is there, even text edited by hand meanwhile: it is what gets replaced.
        match fs::read(path) {
            Ok(old) => write_atomic(&with_suffix(path, ".bak"), &old, None, permissions.clone())?,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(io_error(path, "reading for the backup")(e)),
        }
        if fault == Some(SaveFault::AfterBackup) {
            return Err(simulated_crash(path));
        }
        write_atomic(path, to_json(device).as_bytes(), fault, permissions)
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
        let path = self.path();
        if !path.exists() {
            write_atomic(path, to_json(&device).as_bytes(), None, None)?;
            return Ok((device, None));
        }
        let backup = with_suffix(path, ".bak");
        if load(path).is_err() && load(&backup).is_ok() {
            let broken = with_suffix(path, ".broken");
            let old = fs::read(path).map_err(io_error(path, "reading"))?;
            let permissions = fs::metadata(path).ok().map(|m| m.permissions());
            write_atomic(&broken, &old, None, permissions.clone())?;
            write_atomic(path, to_json(&device).as_bytes(), None, permissions)?;
            return Ok((device, Some(broken)));
        }
        self.save(&device)?;
        Ok((device, Some(backup)))
    }
}
