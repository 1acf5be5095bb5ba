//! Reading a device file without locking or writing anything: its text (a regular file of
//! bounded size, in UTF-8) parsed, its errors as the store's, and, when its content is the
//! trouble, the advice on how to get going again.

use std::io;
use std::path::Path;

use serde_json::Value;

use crate::shells::input::{ReadError, read_text};
use crate::sim::device::DeviceFile;
use crate::sim::file::FormatError;

use super::error::{StoreError, io_error};
use super::names::{quoted, with_suffix};
use super::resolve::{Use, resolve};

/// The most a device file may hold: room for an account with 100,000 photos and as many
/// contacts, and a bound on what a hostile file can make the program read.
pub const FILE_LIMIT: u64 = 512 * 1024 * 1024;

/// Reads a device file's text (see [`crate::sim::file::parse`]), its errors as the store's.
pub fn parse(text: &str, origin: &Path) -> Result<DeviceFile, StoreError> {
    Ok(crate::sim::file::parse(text, origin)?)
}

/// Reads a device file given as a JSON value (see [`crate::sim::file::parse_value`]).
pub fn parse_value(value: Value, origin: &Path) -> Result<DeviceFile, StoreError> {
    Ok(crate::sim::file::parse_value(value, origin)?)
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

/// The device file's text, `None` when there is no file; only a regular file of at most
/// `FILE_LIMIT` bytes is read, and text that is not UTF-8 is an error at its position.
pub(super) fn read_device_text(path: &Path) -> Result<Option<String>, StoreError> {
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

// Here rather than beside the error: the advice depends on whether the backup reads.
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
        // With a good copy there are two ways, the copy first; without, one.
        let start_over = if load(&backup).is_ok() {
            advice.push_str(&format!(
                "\nIts last good copy can be put back:  cp {} {}",
                quoted(&backup),
                quoted(path)
            ));
            "Or start over"
        } else {
            "Start over"
        };
        advice.push_str(&format!(
            "\n{start_over} with a fresh phone:  mi-settings --device {} device reset",
            quoted(path)
        ));
        Some(advice)
    }
}
