//! A file the client made for the agent to write into (a frame's pixels, a batch's
//! observations), typically in `/dev/shm`: opened to write only when it is a regular file and
//! not a link (checked against what was opened), and written in place at an offset.

use std::fs::File;
use std::path::Path;

/// Opens the client's file to write; why not, without the path (the caller names it).
#[cfg(unix)]
pub fn open(path: &Path) -> Result<File, String> {
    use std::os::unix::fs::MetadataExt;
    let seen = std::fs::symlink_metadata(path).map_err(|e| e.to_string())?;
    if !seen.file_type().is_file() {
        return Err("not a regular file (make it first; a link is refused)".into());
    }
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| e.to_string())?;
    let opened = file.metadata().map_err(|e| e.to_string())?;
    if (opened.dev(), opened.ino()) != (seen.dev(), seen.ino()) {
        return Err("it changed while it was opened".into());
    }
    Ok(file)
}

#[cfg(not(unix))]
pub fn open(_: &Path) -> Result<File, String> {
    Err("shared files are written on Unix only".into())
}

/// Writes `bytes` at `offset` of `file`; whether it did.
#[cfg(unix)]
pub fn write_at(file: &File, bytes: &[u8], offset: u64) -> bool {
    use std::os::unix::fs::FileExt;
    file.write_all_at(bytes, offset).is_ok()
}

#[cfg(not(unix))]
pub fn write_at(_: &File, _: &[u8], _: u64) -> bool {
    false
}
