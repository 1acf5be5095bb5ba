//! `mi-settings device path | show | reset | validate`, and how a device-file error is told.

use std::path::PathBuf;
use std::process::ExitCode;

use super::args::{DeviceCommand, PresetArg};
use crate::shells::store::{self, Store};
use crate::sim::device::Preset;

/// A device-file error with how to recover from it, when its content is the trouble.
pub(super) fn explained(error: store::StoreError) -> String {
    match error.recovery() {
        Some(recovery) => format!("{error}\n{recovery}"),
        None => error.to_string(),
    }
}

/// Runs a `device` subcommand on the device file at `path`; `validate` fails when it finds a
/// problem.
pub(super) fn run(action: DeviceCommand, path: PathBuf) -> Result<ExitCode, String> {
    match action {
        DeviceCommand::Path => println!("{}", path.display()),
        DeviceCommand::Show => {
            let device = store::load(&path).map_err(explained)?;
            print!("{}", store::to_json(&device));
        }
        DeviceCommand::Reset { preset } => {
            let mut store = Store::lock_only(&path).map_err(|e| e.to_string())?;
            let preset = match preset {
                PresetArg::Global => Preset::Global,
                PresetArg::China => Preset::China,
            };
            let (_, kept) = store.reset_to(preset).map_err(|e| e.to_string())?;
            match kept {
                Some(kept) => println!(
                    "{}: reset to a fresh phone (the previous file is kept as {})",
                    path.display(),
                    kept.display()
                ),
                None => println!("{}: reset to a fresh phone", path.display()),
            }
        }
        DeviceCommand::Validate => {
            let device = store::load(&path).map_err(explained)?;
            let problems = store::check(&device);
            if problems.is_empty() {
                println!("{}: valid (version {})", path.display(), device.version);
            } else {
                for problem in &problems {
                    eprintln!("{}: {problem}", path.display());
                }
                return Ok(ExitCode::FAILURE);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
