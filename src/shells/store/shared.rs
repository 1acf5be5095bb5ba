//! Files several processes share (lesson progress, which learners on one data folder share),
//! read and rewritten by the device file's rules, one process at a time.

use std::fs;
use std::io;
use std::path::Path;
use std::time::Duration;

use crate::shells::input::{ReadError, read_text};

use super::lock::LockFile;
use super::write::write_atomic;

/// How long a writer waits for another to finish with a shared file before it gives up.
const SHARED_WAIT: Duration = Duration::from_secs(10);

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
    let lock = LockFile::beside(path).map_err(|e| e.to_string())?;
    lock.wait(SHARED_WAIT)?;
    let resolved = &lock.target;
    let text = match read_text(resolved, limit) {
        Ok(text) => Some(text),
        Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => None,
        Err(e) => return Err(format!("{}: {e}", resolved.display())),
    };
    let bytes = update(text.as_deref())?;
    let permissions = fs::metadata(resolved).ok().map(|m| m.permissions());
    write_atomic(resolved, &bytes, None, permissions).map_err(|e| e.to_string())
}
