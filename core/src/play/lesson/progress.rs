//! The learner's progress (format version 1): per task, whether it was done, the best attempt,
//! the hints, how many attempts. A small JSON file beside the device file, read tolerantly
//! (fields it does not know are passed over, and not written back; missing ones are zero). The
//! file itself is the shells' (`crate::shells::progress`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use chrono::{DateTime, Utc};
#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::play::tasks::Task;

pub const PROGRESS_VERSION: u32 = 1;

/// A progress file is small; one larger than this is not one.
pub const FILE_LIMIT: u64 = 16 * 1024 * 1024;

/// A learner's progress through the lessons.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
pub struct Progress {
    /// Format version; this is version 1.
    pub version: u32,
    /// Per task id.
    #[serde(default)]
    pub tasks: BTreeMap<String, TaskProgress>,
}

impl Default for Progress {
    fn default() -> Progress {
        Progress {
            version: PROGRESS_VERSION,
            tasks: BTreeMap::new(),
        }
    }
}

/// One task's record.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
pub struct TaskProgress {
    /// Done at least once.
    #[serde(default)]
    pub done: bool,
    /// The fewest steps of an attempt that did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_steps: Option<u32>,
    /// The fewest hints of an attempt that did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hints: Option<u32>,
    /// Attempts ended: done, out of steps, or left after a step or more.
    #[serde(default)]
    pub attempts: u32,
    /// When it was last done (the wall clock).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_completed: Option<DateTime<Utc>>,
    /// The shortest time an attempt that did it took, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub best_seconds: Option<u64>,
}

/// How one attempt ended, to be added to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    pub done: bool,
    pub steps: u32,
    pub hints: u32,
    pub seconds: u64,
    pub at: DateTime<Utc>,
}

impl Progress {
    /// Adds an attempt to `task_id`'s record.
    pub fn add(&mut self, task_id: &str, attempt: &Attempt) {
        let record = self.tasks.entry(task_id.to_string()).or_default();
        record.attempts = record.attempts.saturating_add(1);
        if attempt.done {
            record.done = true;
            record.best_steps = Some(
                record
                    .best_steps
                    .map_or(attempt.steps, |b| b.min(attempt.steps)),
            );
            record.hints = Some(record.hints.map_or(attempt.hints, |h| h.min(attempt.hints)));
            record.best_seconds = Some(
                record
                    .best_seconds
                    .map_or(attempt.seconds, |s| s.min(attempt.seconds)),
            );
            record.last_completed = Some(attempt.at);
        }
    }

    pub fn done(&self, task_id: &str) -> bool {
        self.tasks.get(task_id).is_some_and(|t| t.done)
    }
}

/// Reads a progress file's text (`path` only names it in errors).
pub fn parse(text: &str, path: &Path) -> Result<Progress, String> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = crate::text::position(&e);
        refused(
            path,
            &format!("{line}:{column}: {}", crate::text::bare_message(&e)),
        )
    })?;
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(PROGRESS_VERSION) => {}
        Some(v) if v > u64::from(PROGRESS_VERSION) => {
            return Err(refused(
                path,
                &format!("version {v} is from a newer mi-settings (this one reads version 1)"),
            ));
        }
        _ => {
            return Err(refused(
                path,
                "no \"version\": 1 in it: it is not a progress file",
            ));
        }
    }
    let progress: Progress = serde_path_to_error::deserialize(value).map_err(|e| {
        let at = e.path().to_string();
        refused(
            path,
            &format!(
                "at {at}: {}",
                crate::text::shortened(&e.inner().to_string())
            ),
        )
    })?;
    Ok(progress)
}

/// The progress as its file holds it: pretty while it is small, compact when pretty would be
/// large, `None` when even compact it would pass the size a progress file is read at.
pub fn written(progress: &Progress) -> Option<String> {
    const PRETTY: usize = 1024 * 1024;
    let mut text = serde_json::to_string_pretty(progress).ok()?;
    if text.len() > PRETTY {
        text = serde_json::to_string(progress).ok()?;
    }
    text.push('\n');
    (text.len() as u64 <= FILE_LIMIT).then_some(text)
}

pub fn refused(path: &Path, why: &str) -> String {
    format!(
        "{}: {why}\nThe lesson progress file cannot be read, and is left as it is: fix it, or move \
         it away to start afresh.",
        path.display()
    )
}

/// `mi-settings learn --report`: a line per task of the catalogue, then those the progress
/// knows that the catalogue no longer has.
pub fn report(tasks: &[Task], progress: &Progress, path: &Path) -> String {
    let mut out = format!(
        "{:<44} {:<5} {:<7} {:<4} {:>5} {:>5} {:>8}\n",
        "task", "guide", "level", "done", "best", "hints", "attempts"
    );
    let number = |n: Option<u32>| n.map_or_else(|| "-".to_string(), |n| n.to_string());
    let mut done = 0;
    for task in tasks {
        let record = progress.tasks.get(&task.id).cloned().unwrap_or_default();
        done += usize::from(record.done);
        let _ = writeln!(
            out,
            "{:<44} {:<5} {:<7} {:<4} {:>5} {:>5} {:>8}",
            task.id,
            task.seed_doc.number(),
            task.difficulty.name(),
            if record.done { "yes" } else { "no" },
            number(record.best_steps),
            number(record.hints),
            record.attempts
        );
    }
    for (id, record) in &progress.tasks {
        if tasks.iter().all(|t| &t.id != id) {
            // An id from the file is anybody's text: no control character or reordering mark
            // reaches the terminal, and a long one is cut.
            let shown = crate::text::terminal_safe(id);
            let _ = writeln!(
                out,
                "{:<44} {:<5} {:<7} {:<4} {:>5} {:>5} {:>8}",
                crate::text::cut(&shown, 60),
                "?",
                "?",
                if record.done { "yes" } else { "no" },
                number(record.best_steps),
                number(record.hints),
                record.attempts
            );
        }
    }
    let _ = writeln!(
        out,
        "{done} of {} tasks done (progress: {})",
        tasks.len(),
        path.display()
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_keep_the_best() {
        let at = DateTime::<Utc>::default();
        let mut progress = Progress::default();
        let attempt = |done, steps, hints| Attempt {
            done,
            steps,
            hints,
            seconds: 10,
            at,
        };
        progress.add("a", &attempt(false, 9, 0));
        assert!(!progress.done("a"));
        progress.add("a", &attempt(true, 5, 2));
        progress.add("a", &attempt(true, 7, 0));
        let record = &progress.tasks["a"];
        assert_eq!(
            (
                record.done,
                record.best_steps,
                record.hints,
                record.attempts
            ),
            (true, Some(5), Some(0), 3)
        );
    }

    #[test]
    fn unknown_fields_are_tolerated_and_bad_files_refused_by_name() {
        let path = Path::new("/x/progress.json");
        let read = parse(
            r#"{"version": 1, "extra": 1, "tasks": {"a": {"done": true, "new": 2}}}"#,
            path,
        );
        assert!(read.is_ok_and(|p| p.done("a")));
        for bad in [
            "{",
            r#"{"tasks": {}}"#,
            r#"{"version": 2}"#,
            r#"{"version": 1, "tasks": {"a": {"done": 3}}}"#,
        ] {
            let error = parse(bad, path).expect_err(bad);
            assert!(error.starts_with("/x/progress.json: "), "{error}");
        }
    }
}
