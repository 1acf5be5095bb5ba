//! Scripted replay of fixtures: running them with their transcripts, casts, pictures, guides and snapshots,
//! many at once, and recording a person's session as one.

pub mod batch;
pub mod cast;
pub mod guide;
pub mod pictures;
pub mod record;
pub mod run;

use std::path::Path;

use crate::play::fixture::{self, FixtureError, LoadedFixture, limits};
use crate::shells::input::{ReadError, read_text};

/// Reads the fixture at `path` (a regular file, at most the size a fixture may be).
pub fn load(path: &Path) -> Result<LoadedFixture, FixtureError> {
    let text = read_text(path, limits::FILE_BYTES).map_err(|e| FixtureError {
        path: path.to_path_buf(),
        position: match e {
            ReadError::NotUtf8 { line, column, .. } => Some((line, column)),
            _ => None,
        },
        at: None,
        message: format!("cannot read the fixture: {e}"),
    })?;
    fixture::parse(&text, path)
}
