//! Reading what a user hands the program as hostile: only regular files, never more than a
//! limit, text that must be UTF-8 (an error names the line and column of the first bad byte),
//! and messages that never repeat a long value in full.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Why a file could not be read as text.
#[derive(Debug)]
pub enum ReadError {
    /// Not a regular file (a folder, a pipe, a device such as `/dev/zero`).
    NotAFile,
    /// Larger than `limit` bytes.
    TooLarge {
        limit: u64,
    },
    /// Not UTF-8: the position of the first bad byte.
    NotUtf8 {
        line: usize,
        column: usize,
        offset: usize,
    },
    Io(io::Error),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::NotAFile => write!(f, "not a regular file"),
            ReadError::TooLarge { limit } => {
                write!(
                    f,
                    "larger than {} MB, more than it can hold",
                    limit / (1024 * 1024)
                )
            }
            ReadError::NotUtf8 { offset, .. } => {
                write!(f, "not UTF-8 text (the byte at offset {offset} is not)")
            }
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Reads the regular file at `path` (symbolic links followed) as UTF-8 text of at most `limit`
/// bytes. Pipes and devices are refused before anything is read, so none can block or fill the
/// memory.
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let metadata = std::fs::metadata(path).map_err(ReadError::Io)?;
    if !metadata.is_file() {
        return Err(ReadError::NotAFile);
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge { limit });
    }
    let file = File::open(path).map_err(ReadError::Io)?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // The file may grow between the check and the read: never read past the limit.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge { limit });
    }
    text_of(bytes)
}

/// `bytes` as text, or where the first byte that is not UTF-8 is.
pub fn text_of(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let before = &e.as_bytes()[..offset];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |at| at + 1);
        let column = String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1;
        ReadError::NotUtf8 {
            line,
            column,
            offset,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_byte_is_found_by_line_and_column() {
        let mut bytes = b"{\n  \"name\": \"caf".to_vec();
        bytes.push(0xff);
        match text_of(bytes) {
            Err(ReadError::NotUtf8 {
                line,
                column,
                offset,
            }) => assert_eq!((line, column, offset), (2, 15, 16)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn pipes_and_devices_are_refused_unread() {
        #[cfg(unix)]
        assert!(matches!(
            read_text(Path::new("/dev/zero"), 1024),
            Err(ReadError::NotAFile)
        ));
        let dir = std::env::temp_dir();
        assert!(matches!(read_text(&dir, 1024), Err(ReadError::NotAFile)));
    }
}
