//! The lesson progress file: beside the device file, saved atomically under a lock from what it
//! holds now (other learners' attempts kept), and never written over when it cannot be read:
//! then it is refused, by name.

use std::path::{Path, PathBuf};

use crate::play::lesson::progress::{Attempt, FILE_LIMIT, Progress, parse, refused, written};
use crate::shells::input::{ReadError, read_text};
use crate::shells::store;

/// Where the progress of the phone in `device` is kept: `progress.json` beside the default
/// device file, else `<stem>.progress.json` beside the one named (`/tmp/phone.json` →
/// `/tmp/phone.progress.json`), so that two phones' learners never share one.
pub fn path_for(device: Option<&Path>) -> Result<PathBuf, String> {
    let default = store::default_path().map_err(|e| e.to_string());
    let device = match device {
        Some(path) => path.to_path_buf(),
        None => default.clone()?,
    };
    if default.as_ref().is_ok_and(|d| *d == device) {
        return Ok(device.with_file_name("progress.json"));
    }
    let stem = device
        .file_stem()
        .map_or_else(|| "device".into(), |s| s.to_string_lossy().into_owned());
    Ok(device.with_file_name(format!("{stem}.progress.json")))
}

/// Reads the progress file at `path`; a missing file is no progress yet. Anything else that
/// cannot be read is an error naming the file, which is left as it is.
pub fn load(path: &Path) -> Result<Progress, String> {
    let text = match read_text(path, FILE_LIMIT) {
        Ok(text) => text,
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Progress::default());
        }
        Err(e) => return Err(refused(path, &e.to_string())),
    };
    parse(&text, path)
}

/// The progress file: what was read from it, and where it goes.
#[derive(Debug, Clone)]
pub struct ProgressFile {
    pub path: PathBuf,
    pub progress: Progress,
}

impl ProgressFile {
    /// Reads the file at `path` (none yet is no progress).
    pub fn open(path: PathBuf) -> Result<ProgressFile, String> {
        let progress = load(&path)?;
        Ok(ProgressFile { path, progress })
    }

    /// Adds `attempt` to the record of `task_id` and saves it. The file is read again first, so
    /// that another lesson's progress saved meanwhile is kept; a file that has become unreadable
    /// is not written over (the error says so), though the attempt still counts in memory.
    pub fn record(&mut self, task_id: &str, attempt: &Attempt) -> Result<(), String> {
        self.progress.add(task_id, attempt);
        let path = self.path.clone();
        let mut saved = None;
        // Under the file's lock, from what is in it now: other learners' attempts are kept.
        store::update_shared(&self.path, FILE_LIMIT, |text| {
            let mut on_disk = match text {
                Some(text) => parse(text, &path)?,
                None => Progress::default(),
            };
            on_disk.add(task_id, attempt);
            let text =
                written(&on_disk).ok_or_else(|| refused(&path, "it would grow past 16 MB"))?;
            saved = Some(on_disk);
            Ok(text.into_bytes())
        })?;
        if let Some(on_disk) = saved {
            self.progress = on_disk;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sit_beside_the_device_file() {
        assert_eq!(
            path_for(Some(Path::new("/tmp/phone.json"))),
            Ok(PathBuf::from("/tmp/phone.progress.json"))
        );
        if let Ok(default) = store::default_path() {
            assert_eq!(path_for(None), Ok(default.with_file_name("progress.json")));
        }
    }
}
