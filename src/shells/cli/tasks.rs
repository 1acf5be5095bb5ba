//! `mi-settings tasks list | show | check | checks | try`: the reports of `play::tasks`, printed.

use std::path::PathBuf;
use std::process::ExitCode;

use super::args::TasksCommand;
use crate::play::tasks::{self, report};
use crate::shells::task_files;
use crate::sim::device::Language;

/// Runs a `tasks` subcommand on the catalogue and the task files in `dirs`; `check` and `try`
/// fail when a task does not pass.
pub(super) fn run(
    action: TasksCommand,
    dirs: &[PathBuf],
    language: Option<Language>,
) -> Result<ExitCode, String> {
    let catalogue = task_files::catalogue_with(dirs)?;
    match action {
        TasksCommand::List => print!("{}", report::list(&catalogue)),
        TasksCommand::Show { id, seed } => {
            let task = task_files::find_or_load(&catalogue, &id)?;
            print!(
                "{}",
                report::show(&task, seed, language.unwrap_or_default())?
            );
        }
        TasksCommand::Check {
            ids,
            seeds,
            baseline,
            hints,
        } => {
            let named: Vec<tasks::Task> = ids
                .iter()
                .map(|id| task_files::find_or_load(&catalogue, id))
                .collect::<Result<_, _>>()?;
            let chosen: Vec<&tasks::Task> = if ids.is_empty() {
                catalogue.iter().collect()
            } else {
                named.iter().collect()
            };
            let language = language.unwrap_or_default();
            let (text, good) = if hints > 0 {
                report::hints(&chosen, hints, seeds.start, language)
            } else {
                report::check(&chosen, seeds, baseline, language)
            };
            print!("{text}");
            if !good {
                return Ok(ExitCode::FAILURE);
            }
        }
        TasksCommand::Checks => print!("{}", report::all_checks(&catalogue)?),
        TasksCommand::Try { id, steps, seed } => {
            let task = task_files::find_or_load(&catalogue, &id)?;
            let text = crate::shells::input::read_text(&steps, 8 * 1024 * 1024)
                .map_err(|e| format!("{}: {e}", steps.display()))?;
            let (out, good) = report::try_steps(
                &task,
                seed,
                language.unwrap_or_default(),
                &text,
                &steps.display().to_string(),
            )?;
            print!("{out}");
            if !good {
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
