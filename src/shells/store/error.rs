//! Everything that can go wrong with a device file, each as one line that names the file.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::sim::file::FormatError;

use super::names::ENV_VAR;

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

impl From<FormatError> for StoreError {
    fn from(e: FormatError) -> StoreError {
        StoreError::Format(e)
    }
}

impl StoreError {
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

/// What the filesystem's refusal becomes: [`StoreError::Io`] about `path`, `action` saying what
/// was being done.
pub(super) fn io_error(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        path,
        action,
        source,
    }
}
