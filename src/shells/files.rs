//! Files the product writes into a folder of the user's: new ones (agent episode logs) each
//! written whole or not at all, under a name no other writer has taken, never through a link
//! planted at that name, and readable by its owner only; and ones that replace a file of the
//! same name (pictures, guides), whole or not at all, never through a link.
//!
//! The content goes to a temporary file of this process's own (created exclusively, so a link
//! at its name is refused rather than followed), is flushed to disk, and is then given its name
//! by a hard link, which fails rather than replace anything already there; the next number is
//! then tried. A crash leaves at most a hidden temporary file, never a part of a log.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

/// Names tried for one file before giving up (another writer taking every one of them).
const NAMES_TRIED: u64 = 100_000;

/// The prefix of this module's temporary files.
const TEMPORARY: &str = ".mi-settings-";

/// Temporary files of a writer that died are removed when older than this.
const STALE: Duration = Duration::from_secs(60 * 60);

/// Writes `bytes` into `dir` under the first free name `name(n)` from `n = first`; returns the
/// path and `n`.
pub fn write_new(
    dir: &Path,
    name: impl Fn(u64) -> String,
    first: u64,
    bytes: &[u8],
) -> io::Result<(PathBuf, u64)> {
    let temp = temporary_in(dir);
    let written = create_new(&temp, true).and_then(|mut file| {
        file.write_all(bytes)?;
        file.sync_all()
    });
    if let Err(e) = written {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    let named = (first..first.saturating_add(NAMES_TRIED)).find_map(|n| {
        let target = dir.join(name(n));
        match fs::hard_link(&temp, &target) {
            Ok(()) => Some(Ok((target, n))),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => None,
            Err(e) => Some(Err(e)),
        }
    });
    let _ = fs::remove_file(&temp);
    let named = named.unwrap_or_else(|| {
        Err(io::Error::other(format!(
            "{NAMES_TRIED} names from {} are all taken",
            name(first)
        )))
    })?;
    sync_folder(dir)?;
    Ok(named)
}

/// The number after the highest `n` of the names in `dir` that `number_of` reads one from:
/// where a new writer's numbers start, after the files already there.
pub fn next_number(dir: &Path, number_of: impl Fn(&str) -> Option<u64>) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return 1;
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| number_of(&entry.file_name().to_string_lossy()))
        .max()
        .map_or(1, |n| n.saturating_add(1))
}

/// Removes this module's temporary files in `dir` left by a writer that died (older than an
/// hour: a live writer's exist for milliseconds).
pub fn remove_stale(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > STALE);
        if name.starts_with(TEMPORARY) && name.ends_with(".tmp") && old {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// A file that takes the place of `path` whole or not at all, for what the product writes to be
/// looked at and shared (pictures, guides): written to a temporary file of this module's beside
/// it, created exclusively (a link at its name is refused, not followed), then renamed over
/// `path`, which replaces a link there rather than writing through it. Dropped before
/// [`Replacement::finish`], the temporary file goes. Not flushed to disk: the same command makes
/// it again, and thousands of pictures would wait on the disk.
pub struct Replacement {
    out: Option<File>,
    temp: PathBuf,
    path: PathBuf,
}

impl Replacement {
    pub fn new(path: &Path) -> io::Result<Replacement> {
        let folder = path.parent().unwrap_or(Path::new("."));
        let temp = temporary_in(folder);
        let out = create_new(&temp, false)?;
        Ok(Replacement {
            out: Some(out),
            temp,
            path: path.to_path_buf(),
        })
    }

    /// Gives the file its name.
    pub fn finish(mut self) -> io::Result<()> {
        self.out = None;
        let renamed = fs::rename(&self.temp, &self.path);
        if renamed.is_err() {
            let _ = fs::remove_file(&self.temp);
        }
        renamed
    }
}

impl Write for Replacement {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match &mut self.out {
            Some(out) => out.write(bytes),
            None => Err(io::Error::other("the file is finished")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.as_mut().map_or(Ok(()), Write::flush)
    }
}

impl Drop for Replacement {
    fn drop(&mut self) {
        if self.out.take().is_some() {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// Writes `bytes` over `path` whole or not at all (see [`Replacement`]).
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = Replacement::new(path)?;
    file.write_all(bytes)?;
    file.finish()
}

/// A name in `dir` for a temporary file of this process's own ([`remove_stale`] knows them).
fn temporary_in(dir: &Path) -> PathBuf {
    static MADE: AtomicU64 = AtomicU64::new(0);
    dir.join(format!(
        "{TEMPORARY}{}-{}.tmp",
        std::process::id(),
        MADE.fetch_add(1, Ordering::Relaxed)
    ))
}

/// A new file, created exclusively: an existing file or a link at the name is an error, never
/// followed. `private`: readable by its owner only.
fn create_new(path: &Path, private: bool) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    options.open(path)
}

#[cfg(unix)]
fn sync_folder(folder: &Path) -> io::Result<()> {
    File::open(folder).and_then(|dir| dir.sync_all())
}

#[cfg(not(unix))]
fn sync_folder(_folder: &Path) -> io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_taken_name_is_skipped_and_a_link_never_followed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let name = |n: u64| format!("{n:05}.json");
        let (first, n) = write_new(dir.path(), name, 1, b"one").expect("writes");
        assert_eq!(
            (first.file_name().and_then(|n| n.to_str()), n),
            (Some("00001.json"), 1)
        );
        // A link planted at the next name: the file it leads to stays as it was.
        let target = dir.path().join("target.txt");
        fs::write(&target, "mine").expect("writes");
        #[cfg(unix)]
        std::os::unix::fs::symlink(&target, dir.path().join("00002.json")).expect("links");
        let (second, n) = write_new(dir.path(), name, 2, b"two").expect("writes");
        assert_eq!(n, 3, "{}", second.display());
        assert_eq!(fs::read_to_string(&target).expect("reads"), "mine");
        assert_eq!(fs::read(&second).expect("reads"), b"two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&second)
                .expect("metadata")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Nothing else is left behind.
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("lists")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(TEMPORARY))
            .collect();
        assert!(names.is_empty(), "{names:?}");
        assert_eq!(
            next_number(dir.path(), |name| name.get(..5)?.parse().ok()),
            4
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_replacement_takes_the_place_of_a_link_and_an_unfinished_one_leaves_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("target.txt");
        fs::write(&target, "mine").expect("writes");
        let link = dir.path().join("picture.png");
        std::os::unix::fs::symlink(&target, &link).expect("link");
        replace(&link, b"new").expect("replaces");
        assert_eq!(fs::read_to_string(&target).expect("reads"), "mine");
        assert_eq!(fs::read(&link).expect("reads"), b"new");
        assert!(!fs::symlink_metadata(&link).expect("stat").is_symlink());
        let mut unfinished = Replacement::new(&dir.path().join("guide.html")).expect("opens");
        unfinished.write_all(b"half").expect("writes");
        drop(unfinished);
        let mut names: Vec<String> = fs::read_dir(dir.path())
            .expect("lists")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["picture.png", "target.txt"]);
    }
}
