//! The file a device path names: a symbolic link followed to the file it points at, anything
//! but a regular file refused, and, for writing, a file with other hard links or a read-only
//! one refused too.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::error::{StoreError, io_error};
use super::names::folder_of;

/// What a device file is resolved for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Use {
    Read,
    Write,
}

/// The file a device path names: a symbolic link is followed to the file it points at (so the
/// lock and every save go there, and two paths to one file are one file), and what is there
/// must be a regular file (or nothing yet). To be written, it must also have no other hard
/// links, which a save (a new file renamed into place) would split apart.
pub(super) fn resolve(path: &Path, purpose: Use) -> Result<PathBuf, StoreError> {
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
