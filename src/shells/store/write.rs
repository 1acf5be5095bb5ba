//! Writing a file whole or not at all: a temporary file beside it, flushed to disk, renamed over
//! it, and the folder flushed so that the rename survives a power cut. A new file is readable by
//! its owner only (a device file holds password hashes).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::error::{StoreError, io_error};
use super::names::{folder_of, with_suffix};

/// Test-only crash points for [`super::Store::save_with_fault`].
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFault {
    /// Stop once `<path>.bak` is written, before the new content exists anywhere.
    AfterBackup,
    /// Stop once the new content is complete in the temporary file, before the rename.
    AfterTempWrite,
}

/// What a save stopped at a [`SaveFault`] returns.
pub(super) fn simulated_crash(path: &Path) -> StoreError {
    io_error(path, "saving")(io::Error::other("simulated crash"))
}

/// Writes a small file of a shell's beside the device file (a lesson's progress) the way the
/// device file is written: all of it or nothing, never half (temporary file, flush, rename,
/// flush the folder). A new file is readable by its owner only.
pub fn write_file(target: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    write_atomic(target, bytes, None, None)
}

/// Writes `bytes` to `<target>.tmp`, flushes it to disk, renames it over `target` and flushes
/// the folder so the rename itself survives a power cut. Only the lock holder writes, so the
/// fixed temporary name cannot collide; a leftover from a crash is simply overwritten.
pub(super) fn write_atomic(
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
