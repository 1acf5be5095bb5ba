//! The command line: the interactive phone by default, plus device-file tools, replay, tasks,
//! lessons, the agent protocol and benchmarks. Each subcommand is parsed here and handed to the
//! shell that does it; `main.rs` only calls [`main`].

mod args;
mod device;
mod interactive;
mod learn;
mod tasks;

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use clap::Parser;

use crate::shells::replay::batch::{self, BatchOptions, BatchResult};
use crate::shells::replay::pictures::PngOptions;
use crate::shells::{agent, bench, schema, store, task_files};
use args::{AgentArgs, Cli, Command, DeviceOption, LanguageOption};

/// Parses the command line and runs it; an error is printed as `mi-settings: <message>` and
/// exits with failure.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match dispatch(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("mi-settings: {message}");
            ExitCode::FAILURE
        }
    }
}

fn device_path(cli_path: Option<PathBuf>) -> Result<PathBuf, String> {
    match cli_path {
        Some(path) => Ok(path),
        None => store::default_path().map_err(|e| e.to_string()),
    }
}

fn dispatch(cli: Cli) -> Result<ExitCode, String> {
    // An option after the subcommand is its own; before it, the top level's.
    let device = |here: DeviceOption| here.device.or(cli.device.clone());
    let language = |here: LanguageOption| here.language.or(cli.language);
    match cli.command {
        None => interactive::run(device_path(cli.device)?, cli.record, cli.language),
        Some(Command::Run {
            device: here,
            language: speech,
        }) => interactive::run(device_path(device(here))?, cli.record, language(speech)),
        Some(Command::Replay {
            paths,
            update,
            transcript,
            cast,
            png,
            scale,
            png_snapshots_only,
            guide,
            jobs,
            dirs,
            language: speech,
        }) => {
            let options = BatchOptions {
                tasks: Some(Arc::new(task_files::catalogue_with(&dirs)?)),
                update_snapshots: update,
                ci: std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0"),
                transcript_dir: transcript,
                cast,
                png: png.map(|dir| PngOptions {
                    dir,
                    scale,
                    snapshots_only: png_snapshots_only,
                }),
                guide,
                jobs: jobs.map(usize::from),
                language: language(speech),
            };
            replay(&paths, &options)
        }
        Some(Command::Schema { format }) => {
            print!("{}", schema::text(format));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Device {
            action,
            device: here,
        }) => device::run(action, device_path(device(here))?),
        Some(Command::Tasks {
            action,
            dirs,
            language: speech,
        }) => tasks::run(action, &dirs, language(speech)),
        Some(Command::Agent(options)) => {
            let speech = options.language.language.or(cli.language);
            serve_agent(open_agent(options, speech)?)
        }
        Some(Command::Learn {
            task,
            seed,
            report,
            dirs,
            device: here,
            language: speech,
        }) => learn::run(device(here), language(speech), task, seed, report, &dirs),
        Some(Command::Bench { iterations, quick }) => {
            let workload = if quick {
                bench::Workload::quick()
            } else {
                bench::Workload::full(iterations)
            };
            print!("{}", bench::run(&workload).map_err(|e| e.to_string())?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `mi-settings replay`: fails when a fixture does.
fn replay(paths: &[PathBuf], options: &BatchOptions) -> Result<ExitCode, String> {
    match batch::run(paths, options, &mut std::io::stdout())? {
        BatchResult::Ran { failed: 0, .. } => Ok(ExitCode::SUCCESS),
        BatchResult::Ran { .. } => Ok(ExitCode::FAILURE),
        // Malformed input is a usage error, as clap's own are.
        BatchResult::Malformed(_) => Ok(ExitCode::from(2)),
    }
}

/// The session `mi-settings agent` serves: one environment, or a batch of them, speaking
/// `language` (the subcommand's own, else the top level's).
fn open_agent(
    options: AgentArgs,
    language: Option<crate::sim::device::Language>,
) -> Result<Box<dyn agent::Session + Send>, String> {
    let tasks = task_files::catalogue_with(&options.dirs)?;
    let agent = crate::play::agent::Agent::new()?
        .speaking(language.unwrap_or_default())
        .allowing_solution(options.allow_solution)
        .logging_devices(options.log_device)
        .with_tasks(tasks);
    Ok(match options.batch {
        Some(envs) => Box::new(agent::BatchServer::new(
            agent,
            envs,
            options.threads,
            options.log_dir,
        )?),
        None => Box::new(agent::Server::new(agent, options.log_dir)?),
    })
}

/// The session `mi-settings agent ARGS` would serve, for a host that runs the simulator in its
/// own process and answers requests through [`agent::answer_line`] (the Python package's
/// in-process simulator): `args` are those after `agent`, refused as the command line refuses
/// them.
pub fn agent_session(args: &[String]) -> Result<Box<dyn agent::Session + Send>, String> {
    let words = ["mi-settings", "agent"].into_iter().map(String::from);
    let cli = Cli::try_parse_from(words.chain(args.iter().cloned())).map_err(|e| {
        let message = e.to_string();
        message.trim_start_matches("error: ").trim_end().to_string()
    })?;
    match cli.command {
        Some(Command::Agent(options)) => {
            let language = options.language.language;
            open_agent(options, language)
        }
        _ => Err("not an agent session".into()),
    }
}

/// `mi-settings agent`: serves stdin to stdout until the input ends or a signal stops it.
fn serve_agent(mut server: Box<dyn agent::Session + Send>) -> Result<ExitCode, String> {
    let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    // Answers go straight to the descriptor, not through stdout's line buffer, which would look
    // for a newline through every frame of pixels and copy it.
    #[cfg(unix)]
    let raw: Box<dyn std::io::Write> = {
        use std::os::fd::AsFd;
        match std::io::stdout().as_fd().try_clone_to_owned() {
            Ok(fd) => Box::new(std::fs::File::from(fd)),
            Err(_) => Box::new(std::io::stdout().lock()),
        }
    };
    #[cfg(not(unix))]
    let raw: Box<dyn std::io::Write> = Box::new(std::io::stdout().lock());
    let stdout = std::io::BufWriter::with_capacity(1 << 16, raw);
    // SIGTERM and SIGHUP end the session the way the end of input does: the running episode is
    // logged first.
    let stop = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    let signals = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP];
    #[cfg(not(unix))]
    let signals = [signal_hook::consts::SIGTERM];
    for signal in signals {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|e| format!("agent: cannot listen for signals: {e}"))?;
    }
    agent::serve(server.as_mut(), stdin, stdout, &stop).map_err(|e| format!("agent: {e}"))?;
    Ok(ExitCode::SUCCESS)
}
