//! `mi-settings replay` run on files as the command line runs it: how the batch ended and what it
//! printed, and fixture files written for a test.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use mi_settings::play::tasks;
use mi_settings::shells::replay::batch::{self, BatchOptions, BatchResult};

/// How a batch ended, and what it printed.
pub type Replayed = (Result<BatchResult, String>, String);

/// Replays `paths` with `options`.
pub fn replay_with(paths: &[PathBuf], options: &BatchOptions) -> Replayed {
    let mut out = Vec::new();
    let result = batch::run(paths, options, &mut out);
    (result, String::from_utf8_lossy(&out).into_owned())
}

/// Replays `paths` as CI does (no snapshot written).
pub fn replay_in_ci(paths: &[PathBuf]) -> Replayed {
    let options = BatchOptions {
        ci: true,
        ..BatchOptions::default()
    };
    replay_with(paths, &options)
}

/// `options` that know the built-in task catalogue, which episode logs name their task in.
pub fn with_the_catalogue(options: BatchOptions) -> BatchOptions {
    BatchOptions {
        tasks: Some(Arc::new(tasks::builtin().expect("the catalogue"))),
        ..options
    }
}

/// The end of a batch in which `passed` fixtures passed and `failed` failed.
pub fn ran(passed: usize, failed: usize) -> Result<BatchResult, String> {
    Ok(BatchResult::Ran { passed, failed })
}

/// Writes `text` to the file `name` in `dir`, and says where.
pub fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}
