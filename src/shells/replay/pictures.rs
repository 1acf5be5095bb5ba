//! `replay --png DIR`: the phone as a PNG picture at the start and after every step that moves
//! it (or only at the fixture's `snapshot` steps), each fixture's in `DIR/<fixture>/`, named so
//! they sort: `0000-start.png`, `0001-tap-mi-account.png`, … The pictures are drawn by
//! [`crate::ui::pixels`] from the same masked frame a transcript shows, so the same replay always
//! gives the same bytes. Each file is written whole or not at all (a temporary file renamed over
//! it), never through a symbolic link.

use std::fs;
use std::path::{Path, PathBuf};

use crate::play::player::Player;
use crate::ui::pixels::{self, Picture, png};

/// The largest scale `--scale` takes: a 500x200 terminal is then 8,000x6,400 pixels.
pub const SCALE_MAX: u32 = 2;

/// What `--png`, `--scale` and `--png-snapshots-only` asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PngOptions {
    /// Each fixture's pictures go to `dir/<fixture stem>/`.
    pub dir: PathBuf,
    /// Pixels a cell's pixel is drawn as (1: a cell is 8x16).
    pub scale: u32,
    /// Pictures only at the fixture's `snapshot` steps, none at the start or after other steps.
    pub snapshots_only: bool,
}

/// The longest a picture's name gets from its step's words.
const WORDS_CHARS: usize = 48;
/// The most entries of a fixture's picture folder looked at for old pictures to remove.
const OLD_ENTRIES_MAX: usize = 200_000;

/// One fixture's pictures, written as its replay goes.
pub struct Pictures {
    folder: PathBuf,
    scale: u32,
    snapshots_only: bool,
    /// Digits of a step's number in a name: 4, or more for a longer fixture.
    digits: usize,
    /// The picture drawn last, its memory reused.
    picture: Picture,
    written: usize,
}

impl Pictures {
    /// The pictures of the fixture `stem` with `steps` steps: its folder is made (a folder or
    /// file on the way that is a symbolic link is refused) and the pictures an earlier replay
    /// left there are removed, so that the folder holds this replay's only.
    pub fn new(options: &PngOptions, stem: &str, steps: usize) -> Result<Pictures, String> {
        if !(1..=SCALE_MAX).contains(&options.scale) {
            return Err(format!(
                "--scale {}: pictures are drawn at scale 1 or 2",
                options.scale
            ));
        }
        let folder = options.dir.join(stem);
        for path in [&options.dir, &folder] {
            no_link(path)?;
        }
        fs::create_dir_all(&folder)
            .map_err(|e| format!("{}: cannot create the folder: {e}", folder.display()))?;
        remove_old_pictures(&folder)?;
        Ok(Pictures {
            folder,
            scale: options.scale,
            snapshots_only: options.snapshots_only,
            digits: steps.to_string().len().max(4),
            picture: Picture::default(),
            written: 0,
        })
    }

    /// The folder the pictures go to.
    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// How many pictures were written.
    pub fn written(&self) -> usize {
        self.written
    }

    /// The phone before the first step (not when only snapshots are asked for).
    pub fn start(&mut self, player: &mut Player) -> Result<(), String> {
        if self.snapshots_only {
            return Ok(());
        }
        self.write(0, "start", player)
    }

    /// The phone after step `number` (from 1), described by `words`: written when the step
    /// moved the phone, or when it is a snapshot (`snapshot` its name) and only snapshots are
    /// asked for.
    pub fn step(
        &mut self,
        number: usize,
        words: &str,
        moved: bool,
        snapshot: Option<&str>,
        player: &mut Player,
    ) -> Result<(), String> {
        match (self.snapshots_only, snapshot) {
            (true, Some(name)) => self.write(number, name, player),
            (false, _) if moved => self.write(number, words, player),
            _ => Ok(()),
        }
    }

    fn write(&mut self, number: usize, words: &str, player: &mut Player) -> Result<(), String> {
        let name = file_name(number, self.digits, words);
        let path = self.folder.join(name);
        let Some(buffer) = player.buffer() else {
            return Err("the replay's phone is not drawn in colour".to_string());
        };
        pixels::draw_into(buffer, self.scale, &mut self.picture);
        let bytes = png::encode(&self.picture).map_err(|e| format!("{}: {e}", path.display()))?;
        write_atomic(&path, &bytes)?;
        self.written += 1;
        Ok(())
    }
}

/// `0007-tap-mi-account.png`: the step's number, then its words as ASCII letters and digits
/// joined by `-` (a typed password's dots and other characters left out).
pub fn file_name(number: usize, digits: usize, words: &str) -> String {
    let mut slug = String::new();
    for c in words.chars() {
        if slug.len() >= WORDS_CHARS {
            break;
        }
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("{number:0digits$}.png")
    } else {
        format!("{number:0digits$}-{slug}.png")
    }
}

/// Whether `name` is a picture this module writes: digits, then `-` and words or nothing, `.png`.
fn is_picture_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".png") else {
        return false;
    };
    let digits = stem.chars().take_while(char::is_ascii_digit).count();
    let rest = &stem[digits..];
    digits >= 4
        && (rest.is_empty()
            || rest.strip_prefix('-').is_some_and(|words| {
                words
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            }))
}

/// Removes the pictures an earlier replay wrote into `folder` (only names this module gives;
/// anything else is left as it is).
fn remove_old_pictures(folder: &Path) -> Result<(), String> {
    let entries =
        fs::read_dir(folder).map_err(|e| format!("{}: cannot list: {e}", folder.display()))?;
    for entry in entries.take(OLD_ENTRIES_MAX).flatten() {
        let name = entry.file_name();
        if name.to_str().is_some_and(is_picture_name) {
            let path = entry.path();
            fs::remove_file(&path)
                .map_err(|e| format!("{}: cannot remove the old picture: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// A path that is a symbolic link is refused: pictures and guides are written only where they
/// are asked for, never where a link leads.
pub(super) fn no_link(path: &Path) -> Result<(), String> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(format!(
            "{} is a symbolic link: replay writes pictures and guides only into a plain folder",
            path.display()
        ));
    }
    Ok(())
}

/// Writes `bytes` over `path` whole or not at all, refusing a link at `path`.
fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    no_link(path)?;
    crate::shells::files::replace(path, bytes)
        .map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_and_say_the_step() {
        assert_eq!(file_name(0, 4, "start"), "0000-start.png");
        assert_eq!(
            file_name(7, 4, "step 7: tap \"Mi Account\""),
            "0007-step-7-tap-mi-account.png"
        );
        assert_eq!(file_name(12, 6, "type \"••••\""), "000012-type.png");
        assert_eq!(file_name(3, 4, "点 “小米账号”"), "0003.png");
        let long = file_name(1, 4, &"word ".repeat(100));
        assert!(long.len() <= 4 + 1 + WORDS_CHARS + 4, "{long}");
        for name in ["0000-start.png", "0003.png", &long, "000012-type.png"] {
            assert!(is_picture_name(name), "{name}");
        }
        for name in [
            "notes.png",
            "0001-Mine.png",
            "12-a.png",
            "0001-a.txt",
            "0001x.png",
        ] {
            assert!(!is_picture_name(name), "{name}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_refused_and_a_file_replaced_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("mine.txt");
        fs::write(&target, "mine").expect("writes");
        let link = dir.path().join("0001-start.png");
        std::os::unix::fs::symlink(&target, &link).expect("link");
        let error = write_atomic(&link, b"picture").expect_err("a link is refused");
        assert!(error.contains("symbolic link"), "{error}");
        assert_eq!(fs::read_to_string(&target).expect("reads"), "mine");

        let plain = dir.path().join("0002-start.png");
        fs::write(&plain, "old").expect("writes");
        write_atomic(&plain, b"new").expect("writes");
        assert_eq!(fs::read(&plain).expect("reads"), b"new");
        let left: Vec<_> = fs::read_dir(dir.path())
            .expect("lists")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 3, "no temporary file left: {left:?}");

        let linked_folder = dir.path().join("pictures");
        std::os::unix::fs::symlink(dir.path(), &linked_folder).expect("link");
        let options = PngOptions {
            dir: linked_folder,
            scale: 1,
            snapshots_only: false,
        };
        let error = Pictures::new(&options, "f", 3)
            .err()
            .expect("a linked folder is refused");
        assert!(error.contains("symbolic link"), "{error}");
        let options = PngOptions {
            dir: dir.path().to_path_buf(),
            scale: 3,
            snapshots_only: false,
        };
        let error = Pictures::new(&options, "f", 3).err().expect("scale 3");
        assert!(error.contains("--scale 3"), "{error}");
    }
}
