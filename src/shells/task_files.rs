//! A person's task files: read from anywhere, or every one in a folder, beside the catalogue
//! built into the binary. The device files a task names beside it are read with it, never from
//! outside its folder.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::play::tasks::{self, Task};
use crate::shells::input::read_text;
use crate::shells::store;
use crate::sim::DeviceFile;

/// The largest task file read (the catalogue's largest is a few KB).
pub const TASK_FILE_BYTES: u64 = 1024 * 1024;
/// The most task files read from one folder.
pub const TASK_FILES_MAX: usize = 10_000;

/// A task file of a person's, anywhere: its name must be its id. The device files it names
/// under `devices/` are looked for beside it first, then in the catalogue.
pub fn load_file(path: &Path) -> Result<Task, String> {
    let shown = path.display();
    let text = read_text(path, TASK_FILE_BYTES).map_err(|e| format!("{shown}: {e}"))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut task = tasks::parse(&text, &name).map_err(|e| {
        // The message names `<id>.json`; the person wrote a path.
        match e.strip_prefix(&format!("{name}.json")) {
            Some(rest) => format!("{shown}{rest}"),
            None => e,
        }
    })?;
    task.origin = Some(path.to_path_buf());
    let paths: Vec<String> = task.device_paths().map(str::to_string).collect();
    for device in paths {
        if let Some(found) = beside(&task, &device) {
            task.beside.insert(device, Arc::new(found?));
        }
    }
    Ok(task)
}

/// Every `*.json` task file in `dir` (not its subfolders), by name.
pub fn load_dir(dir: &Path) -> Result<Vec<Task>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files: Vec<PathBuf> = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.extension().is_some_and(|x| x == "json") && path.is_file() {
            files.push(path);
            if files.len() > TASK_FILES_MAX {
                return Err(format!(
                    "{}: more than {TASK_FILES_MAX} task files",
                    dir.display()
                ));
            }
        }
    }
    files.sort();
    files.iter().map(|file| load_file(file)).collect()
}

/// The catalogue and the task files of `dirs`: an id used twice is an error that names both.
pub fn catalogue_with(dirs: &[PathBuf]) -> Result<Vec<Task>, String> {
    let mut tasks = tasks::builtin()?;
    for dir in dirs {
        for task in load_dir(dir)? {
            if let Some(other) = tasks.iter().find(|t| t.id == task.id) {
                let there = other
                    .origin
                    .as_ref()
                    .map_or("the catalogue".to_string(), |p| p.display().to_string());
                return Err(format!(
                    "{}: the id {:?} is already used by {there}",
                    task.origin
                        .as_ref()
                        .map_or(String::new(), |p| p.display().to_string()),
                    task.id
                ));
            }
            tasks.push(task);
        }
    }
    Ok(tasks)
}

/// The task `what` names: a task file's path (ending in `.json`), else an id of `tasks`.
pub fn find_or_load(tasks: &[Task], what: &str) -> Result<Task, String> {
    if what.ends_with(".json") {
        load_file(Path::new(what))
    } else {
        tasks::find(tasks, what).cloned()
    }
}

/// A device file beside a person's task file, when `path` names one there (never outside its
/// folder: no `..`, no absolute path, no link out).
fn beside(task: &Task, path: &str) -> Option<Result<DeviceFile, String>> {
    let folder = task.origin.as_ref()?.parent()?;
    let relative = Path::new(path);
    if !relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)))
    {
        return Some(Err(format!(
            "{}: start.device: {path:?} must lie in the task file's folder",
            task.id
        )));
    }
    let file = folder.join(relative);
    if !file.exists() {
        return None;
    }
    let inside = match (file.canonicalize(), folder.canonicalize()) {
        (Ok(file), Ok(folder)) => file.starts_with(folder),
        _ => false,
    };
    if !inside {
        return Some(Err(format!(
            "{}: start.device: {path:?} leads out of the task file's folder",
            task.id
        )));
    }
    Some(
        read_text(&file, 64 * 1024 * 1024)
            .map_err(|e| format!("{}: {e}", file.display()))
            .and_then(|text| store::parse(&text, &file).map_err(|e| e.to_string())),
    )
}
