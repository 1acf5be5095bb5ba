//! Tasks: a goal, a phone set up for it, a check on the result and a reference solution
//! (`assets/tasks/`). `mi-settings tasks` lists, shows and checks them; lessons and the agent
//! protocol run them as episodes.

pub mod answer;
pub mod audit;
pub mod catalogue;
pub mod check;
pub mod episode;
pub mod format;
pub mod plan;
pub mod report;
pub mod variant;

use std::path::Path;
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use serde_json::Value;

pub use episode::Episode;
pub use format::{Difficulty, SeedDoc, Task};
pub use variant::Variant;

use crate::play::condition::Condition;
use crate::play::fixture::{Step, TaskRef};
use crate::sim::DeviceFile;
use crate::sim::device::Language;

/// Longest goal, title and answer texts: they are read on a phone-sized screen.
const TEXT_CHARS: usize = 600;

/// Every task of the catalogue, read and checked for shape (ids, versions, texts); an error
/// names the file.
pub fn builtin() -> Result<Vec<Task>, String> {
    let mut tasks: Vec<Task> = Vec::new();
    for (name, text) in catalogue::TASKS {
        let task = parse(text, name)?;
        if tasks.iter().any(|t| t.id == task.id) {
            return Err(format!("{name}.json: the id {:?} is used twice", task.id));
        }
        tasks.push(task);
    }
    Ok(tasks)
}

/// Reads one task file's text (`name` is the file's stem, which must be the id).
pub fn parse(text: &str, name: &str) -> Result<Task, String> {
    let task: Task = serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_str(
        text,
    ))
    .map_err(|e| {
        let inner = e.inner();
        let (line, column) = crate::text::position(inner);
        format!(
            "{name}.json:{line}:{column}: at {}: {}",
            e.path(),
            crate::text::bare_message(inner)
        )
    })?;
    let problem = |what: String| Err(format!("{name}.json: {what}"));
    if task.version != format::TASK_VERSION {
        return problem(format!(
            "version {} is not supported (this reads 1)",
            task.version
        ));
    }
    if task.id != name {
        return problem(format!("the id {:?} is not the file's name", task.id));
    }
    let snake = !task.id.is_empty()
        && task
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if !snake {
        return problem(format!("the id {:?} is not snake_case", task.id));
    }
    for (what, text) in [("title", &task.title), ("goal", &task.goal)] {
        if text.trim().is_empty() || text.chars().count() > TEXT_CHARS {
            return problem(format!(
                "the {what} is empty or longer than {TEXT_CHARS} characters"
            ));
        }
    }
    if task.answer.is_some() && task.infeasible.is_some() {
        return problem("a task expects an answer or is infeasible, not both".into());
    }
    if task.success.is_none() && task.answer.is_none() && task.infeasible.is_none() {
        return problem("a task needs a success condition, an answer or infeasible".into());
    }
    if task.max_steps == 0 || task.max_steps > 1_000 {
        return problem("max_steps is 1 to 1000".into());
    }
    Ok(task)
}

/// The phone a task starts from, before its set-up steps (and before a case changes it).
pub fn start_device(task: &Task) -> Result<DeviceFile, String> {
    device_from(task, task.start.device.as_ref())
}

/// The catalogue's device file at `index`, parsed once per process: an agent's thousands of
/// resets clone the parsed phone instead of reading its JSON again.
fn catalogue_device(index: usize, path: &str) -> &'static Result<DeviceFile, String> {
    static PARSED: OnceLock<Vec<OnceLock<Result<DeviceFile, String>>>> = OnceLock::new();
    let parsed =
        PARSED.get_or_init(|| catalogue::DEVICES.iter().map(|_| OnceLock::new()).collect());
    match parsed.get(index) {
        Some(slot) => slot.get_or_init(|| {
            let text = catalogue::DEVICES.get(index).map_or("", |(_, text)| *text);
            crate::sim::file::parse(text, Path::new(path)).map_err(|e| e.to_string())
        }),
        None => {
            static MISSING: OnceLock<Result<DeviceFile, String>> = OnceLock::new();
            MISSING.get_or_init(|| Err("not one of the catalogue's devices".into()))
        }
    }
}

fn device_from(task: &Task, device: Option<&Value>) -> Result<DeviceFile, String> {
    let at = |e: crate::sim::file::FormatError| format!("{}: start.device: {e}", task.id);
    match device {
        None => Ok(DeviceFile::factory_default()),
        Some(Value::String(path)) => {
            if let Some(found) = task.beside.get(path.as_str()) {
                return Ok((**found).clone());
            }
            let name = path.strip_prefix("devices/").unwrap_or(path);
            let index = catalogue::DEVICES
                .iter()
                .position(|(file, _)| *file == name)
                .ok_or_else(|| {
                    format!(
                        "{}: start.device: {path:?} is not one of the catalogue's devices",
                        task.id
                    )
                })?;
            catalogue_device(index, path)
                .clone()
                .map_err(|e| format!("{}: start.device: {e}", task.id))
        }
        Some(inline @ Value::Object(_)) => {
            crate::sim::file::parse_value(inline.clone(), Path::new(&task.id)).map_err(at)
        }
        Some(other) => Err(format!(
            "{}: start.device must be a path or a device file, not {other}",
            task.id
        )),
    }
}

/// The variant of `task` for `seed`, with its phone set up, drawn at 60x24.
pub fn episode(task: &Task, seed: u64) -> Result<Episode, String> {
    episode_at(task, seed, None)
}

/// The phone a variant starts from (before its set-up steps): the task's device, or its case's.
pub fn variant_device(task: &Task, variant: &Variant) -> Result<DeviceFile, String> {
    match case_device(task, variant) {
        Some(other) => device_from(task, Some(other)),
        None => start_device(task),
    }
}

/// The device of the variant's case, where its case has one of its own.
fn case_device<'a>(task: &'a Task, variant: &Variant) -> Option<&'a Value> {
    variant
        .case
        .as_ref()
        .and_then(|value| task.cases.get(value))
        .and_then(|case| case.device.as_ref())
}

/// [`episode`] drawn at `size` (columns, rows) instead of 60x24.
pub fn episode_at(task: &Task, seed: u64, size: Option<(u16, u16)>) -> Result<Episode, String> {
    episode_on(task, seed, size, &|_| {})
}

/// [`episode`] on a phone speaking `language`.
pub fn episode_in(task: &Task, seed: u64, language: Language) -> Result<Episode, String> {
    episode_on(task, seed, None, &|device| device.phone.language = language)
}

/// [`episode_at`] on the task's phone changed by `adjust` (another skin or ROM) before its
/// set-up.
pub fn episode_on(
    task: &Task,
    seed: u64,
    size: Option<(u16, u16)>,
    adjust: &dyn Fn(&mut DeviceFile),
) -> Result<Episode, String> {
    let device = start_device(task)?;
    let variant = variant::draw(task, seed, &device).map_err(|e| format!("{}: {e}", task.id))?;
    let mut device = match case_device(task, &variant) {
        Some(other) => device_from(task, Some(other))?,
        None => device,
    };
    adjust(&mut device);
    let mut start = episode::default_start(seed, task.start.clock);
    if let Some((width, height)) = size {
        start.width = width;
        start.height = height;
    }
    Episode::start(variant, device, start).map_err(|e| format!("{}: {e}", task.id))
}

pub fn find<'a>(tasks: &'a [Task], id: &str) -> Result<&'a Task, String> {
    tasks.iter().find(|t| t.id == id).ok_or_else(|| {
        // The id is the asker's text: a long one is cut, as every message cuts values.
        let shown = crate::text::cut(id, 60);
        let near: Vec<&str> = tasks
            .iter()
            .map(|t| t.id.as_str())
            .filter(|other| !id.is_empty() && (other.contains(id) || id.contains(*other)))
            .take(5)
            .collect();
        if near.is_empty() {
            format!("no task {shown:?}; `mi-settings tasks list` lists them")
        } else {
            format!("no task {shown:?}; did you mean {}?", near.join(", "))
        }
    })
}

/// The phone a task starts an episode on, for a fixture that names the task (agent logs name
/// their task instead of carrying a device file).
#[derive(Debug, Clone)]
pub struct TaskOpening {
    /// The variant's device, before its set-up.
    pub device: DeviceFile,
    /// The set-up, run before the fixture's steps and not counted among them.
    pub setup: Vec<Step>,
    pub seed: u64,
    pub clock: DateTime<Utc>,
    /// The goal, in the phone's language (for `type_from: {"goal_word": n}`).
    pub goal: String,
    /// Its success condition (for `expect_task`).
    pub success: Option<Condition>,
}

/// How `task` (of `tasks`) opens: its variant for the seed, on the skin and ROM it names,
/// speaking `language` (else the task's own).
pub fn opening(
    tasks: &[Task],
    task: &TaskRef,
    language: Option<Language>,
) -> Result<TaskOpening, String> {
    let found = find(tasks, &task.id)?;
    let device = start_device(found)?;
    let drawn =
        variant::draw(found, task.seed, &device).map_err(|e| format!("{}: {e}", found.id))?;
    let mut device = variant_device(found, &drawn)?;
    if let Some(skin) = task.skin {
        device.phone.skin = skin;
    }
    if let Some(rom) = task.rom {
        device.phone.rom = rom;
    }
    if let Some(language) = language {
        device.phone.language = language;
    }
    let start = episode::default_start(task.seed, found.start.clock);
    Ok(TaskOpening {
        goal: drawn.goal_in(device.phone.language).to_string(),
        success: drawn.success.clone(),
        device,
        setup: drawn.setup,
        seed: start.seed,
        clock: start.clock,
    })
}
