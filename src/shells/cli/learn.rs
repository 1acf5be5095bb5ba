//! `mi-settings learn`: lessons on the real terminal, or the progress report.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;

use crate::shells::lesson::{self, Learn};
use crate::shells::terminal::{self, TerminalEvents};
use crate::shells::{progress, task_files};
use crate::sim::device::Language;
use crate::ui::Theme;

/// The progress file beside the device file (whose phone is not used: each lesson has the
/// task's own), then the list of lessons or one lesson, or the progress report.
pub(super) fn run(
    device: Option<PathBuf>,
    language: Option<Language>,
    task: Option<String>,
    seed: Option<u64>,
    report: bool,
    dirs: &[PathBuf],
) -> Result<ExitCode, String> {
    let catalogue = task_files::catalogue_with(dirs)?;
    let file = progress::ProgressFile::open(progress::path_for(device.as_deref())?)?;
    if report {
        print!(
            "{}",
            crate::play::lesson::progress::report(&catalogue, &file.progress, &file.path)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let now = Utc::now();
    let base_seed = now.timestamp_nanos_opt().unwrap_or_default() as u64;
    let mut learn =
        Learn::new(catalogue, file, seed, base_seed, now).speaking(language.unwrap_or_default());
    if let Some(id) = &task {
        learn.open(id)?;
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err("lessons need a terminal; `mi-settings learn --report` prints progress".into());
    }
    let ran = terminal::with_terminal(|real_terminal| {
        lesson::run(
            real_terminal,
            &mut TerminalEvents,
            &mut Utc::now,
            &mut learn,
            &Theme::miui(),
        )
    })?;
    if let Some(problem) = learn.close() {
        eprintln!("mi-settings: {problem}");
    }
    ran.map_err(|e| format!("terminal error: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
