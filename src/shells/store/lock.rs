//! The lock file beside each file the store writes (`<file>.lock`): whoever holds its lock is
//! that file's one writer. The lock is taken at once (the device file: a second mi-settings is
//! refused) or waited for (a file several processes share).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::{StoreError, io_error};
use super::names::{folder_of, with_suffix};
use super::resolve::{Use, resolve};

/// The open lock file of one file the store writes; its lock, once taken, is held for as long
/// as this value lives.
#[derive(Debug)]
pub(super) struct LockFile {
    /// The file the lock is for, as [`resolve`] found it for writing.
    pub(super) target: PathBuf,
    /// `<target>.lock`.
    lock_path: PathBuf,
    /// Never read: holding the handle is what keeps the lock; dropping it releases it.
    file: File,
    /// The lock file was made here (and goes again if the file cannot be used).
    made: bool,
}

impl LockFile {
    /// Opens the lock file of the file `path` names, to write it (see [`resolve`]): its folder
    /// is made, and the lock file when there is none; a lock file is never emptied, as another
    /// process may hold a lock on it. The lock lives beside the file, not on it: each save
    /// renames a new inode into place, which would silently drop a lock held on the old one.
    pub(super) fn beside(path: &Path) -> Result<LockFile, StoreError> {
        let target = resolve(path, Use::Write)?;
        let folder = folder_of(&target);
        fs::create_dir_all(folder).map_err(io_error(folder, "creating the folder"))?;
        let lock_path = with_suffix(&target, ".lock");
        let made = !lock_path.exists();
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lock_path)
            .map_err(io_error(&lock_path, "opening the lock file"))?;
        Ok(LockFile {
            target,
            lock_path,
            file,
            made,
        })
    }

    /// Takes the lock now; refused when another process holds it.
    pub(super) fn take(&self) -> Result<(), StoreError> {
        match self.file.try_lock() {
            Ok(()) => Ok(()),
            Err(TryLockError::WouldBlock) => Err(StoreError::Locked {
                path: self.target.clone(),
                lock: self.lock_path.clone(),
            }),
            Err(TryLockError::Error(e)) => Err(io_error(&self.lock_path, "locking")(e)),
        }
    }

    /// Takes the lock, waiting up to `patience` for another process to let it go; the error is
    /// one line that names the file.
    pub(super) fn wait(&self, patience: Duration) -> Result<(), String> {
        let waited_since = Instant::now();
        loop {
            match self.file.try_lock() {
                Ok(()) => return Ok(()),
                Err(TryLockError::WouldBlock) if waited_since.elapsed() < patience => {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(format!(
                        "{}: another process has held it for {} s: try again",
                        self.target.display(),
                        patience.as_secs()
                    ));
                }
                Err(TryLockError::Error(e)) => {
                    return Err(io_error(&self.lock_path, "locking")(e).to_string());
                }
            }
        }
    }

    /// Lets go of the lock, and removes the lock file when it was made here.
    pub(super) fn abandon(self) {
        if self.made {
            let _ = fs::remove_file(&self.lock_path);
        }
    }
}
