//! The names of the store's files: the variable that names the device file, the files beside a
//! file (`<file>.bak`, `.lock`, `.tmp`), the folder that holds it, and a path as a command line
//! needs it. Pure functions on paths: nothing here touches the disk.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// Environment variable that, when set, names the device file to use instead of
/// [`super::default_path`]. The command line reads it; the store itself only ever gets a path.
pub const ENV_VAR: &str = "MI_SETTINGS_DEVICE";

/// The folder holding `path`; "." for a bare file name, whose parent is the empty path.
pub(super) fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// A path as a shell command line needs it: quoted when it holds anything but plain characters.
pub(super) fn quoted(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "/._-~+:@".contains(c));
    if plain {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// `path` with `suffix` appended to its file name: device.json -> device.json.bak.
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = OsString::from(path.as_os_str());
    name.push(suffix);
    PathBuf::from(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_build_sibling_paths() {
        assert_eq!(
            with_suffix(Path::new("a/device.json"), ".bak"),
            Path::new("a/device.json.bak")
        );
        assert_eq!(folder_of(Path::new("device.json")), Path::new("."));
        assert_eq!(folder_of(Path::new("a/device.json")), Path::new("a"));
    }
}
