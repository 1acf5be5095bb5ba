//! The command line: the interactive phone by default, plus device-file tools and benchmarks.
//! Only argument parsing and terminal set-up live here; everything else is in the library.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;
use clap::{Parser, Subcommand};
use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::execute;

use mi_settings::engine::{Engine, Start};
use mi_settings::screens::Action;
use mi_settings::shells::replay::batch::{self, BatchOptions, BatchResult};
use mi_settings::shells::replay::record::{Recorder, check_record_path};
use mi_settings::shells::store::{self, Opened, Store};
use mi_settings::shells::terminal::{self, Hooks, TerminalEvents};
use mi_settings::sim::DeviceFile;
use mi_settings::sim::device::{Language, Preset};
use mi_settings::ui::Theme;
use mi_settings::view::View;

#[derive(Parser)]
#[command(
    name = "mi-settings",
    version,
    about = "A Xiaomi phone's Settings → Mi Account, simulated in the terminal"
)]
struct Cli {
    /// The device file (the phone's whole state). Default: the user's data folder
    /// (see `mi-settings device path`).
    #[arg(long, global = true, env = store::ENV_VAR, value_name = "PATH")]
    device: Option<PathBuf>,

    /// Record the interactive session as a replayable fixture (version 1) in FILE.
    #[arg(long, value_name = "FILE")]
    record: Option<PathBuf>,

    /// The phone's language, `en` or `zh-CN`: `run` and `learn` switch the phone to it (and
    /// save it so); `replay`, `tasks` and `agent` play every fixture and task in it.
    #[arg(long, global = true, value_name = "LANGUAGE")]
    language: Option<Language>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the interactive phone (what `mi-settings` alone does).
    Run,
    /// Inspect, check or reset the device file.
    Device {
        #[command(subcommand)]
        action: DeviceCommand,
    },
    /// Replay fixtures headless and check their expectations.
    Replay {
        /// Fixture files, or folders whose *.json files are fixtures.
        #[arg(required = true, value_name = "FIXTURE_OR_DIR")]
        paths: Vec<PathBuf>,
        /// Rewrite every snapshot with the current frame.
        #[arg(long)]
        update: bool,
        /// Write each fixture's frames, step by step, to DIR/<fixture>.txt.
        #[arg(long, value_name = "DIR")]
        transcript: Option<PathBuf>,
        /// Write an asciicast v2 recording: to FILE for one fixture, or FILE/<fixture>.cast
        /// (FILE being a folder) for several.
        #[arg(long, value_name = "FILE")]
        cast: Option<PathBuf>,
        /// How many fixtures to replay at once (default: the number of cores). The output keeps
        /// the fixtures' order.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
        jobs: Option<u16>,
        /// Also the task files in DIR, for fixtures that start from a task (agent logs). May
        /// be given more than once.
        #[arg(long = "tasks", value_name = "DIR")]
        dirs: Vec<PathBuf>,
    },
    /// Print the JSON Schema of a file format.
    Schema {
        #[arg(value_enum)]
        format: mi_settings::shells::schema::Format,
    },
    /// Serve the task catalogue to a UI agent: one JSON request per line on stdin, one response
    /// per line on stdout (see docs/agent-protocol.md).
    Agent {
        /// Write every episode as a replayable fixture into DIR.
        #[arg(long, value_name = "DIR")]
        log_dir: Option<PathBuf>,
        /// Answer `solution` requests with the episode's reference solution (for oracle agents
        /// and tests; an agent under evaluation must not have it).
        #[arg(long)]
        allow_solution: bool,
        /// Logs carry each episode's device file (with its accounts' password hashes) and
        /// replay without the task catalogue; by default they name the task instead.
        #[arg(long, requires = "log_dir")]
        log_device: bool,
        /// Also the task files in DIR (as `tasks --tasks`). May be given more than once.
        #[arg(long = "tasks", value_name = "DIR")]
        dirs: Vec<PathBuf>,
    },
    /// List, show and check the task catalogue.
    Tasks {
        #[command(subcommand)]
        action: TasksCommand,
        /// Also the task files in DIR (each `<id>.json`; device files they name under
        /// `devices/` beside them). May be given more than once.
        #[arg(long = "tasks", value_name = "DIR", global = true)]
        dirs: Vec<PathBuf>,
    },
    /// Learn the phone: the tasks as lessons, with the goal beside the phone, hints, and your
    /// progress kept beside the device file.
    Learn {
        /// Start this task's lesson (else: the list of lessons).
        task: Option<String>,
        /// Which variant of each task (the parameters are drawn from it; default: a new one
        /// each time).
        #[arg(long)]
        seed: Option<u64>,
        /// Print your progress as a table, and start nothing.
        #[arg(long)]
        report: bool,
        /// Also the task files in DIR (as `tasks --tasks`). May be given more than once.
        #[arg(long = "tasks", value_name = "DIR")]
        dirs: Vec<PathBuf>,
    },
    /// Measure how fast the core, the renderer and the device file are.
    Bench {
        /// Iterations per measurement.
        #[arg(long, default_value_t = 20_000)]
        iterations: u32,
    },
}

#[derive(Subcommand)]
enum TasksCommand {
    /// A table of the tasks: id, difficulty, seed guide, steps of the reference solution.
    List,
    /// One task's variant: its goal, start, success condition and solution.
    Show {
        /// A task's id, or a task file's path (`my-task.json`).
        id: String,
        /// Which variant (the parameters are drawn from it).
        #[arg(long, default_value_t = 0)]
        seed: u64,
    },
    /// For every task (or those named) and seed: not done at the start nor by Back alone, done
    /// by the reference solution within max_steps, and variants that differ.
    Check {
        /// Tasks' ids or task files' paths (default: every task).
        ids: Vec<String>,
        /// Seeds to check, as START..END.
        #[arg(long, default_value = "0..20", value_parser = seed_range)]
        seeds: std::ops::Range<u64>,
        /// Also play this many random episodes per task and print the success rate.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=1000))]
        baseline: u32,
        /// Also follow the hints from this many random states per task (random walks of 0 to
        /// 30 steps) and print how many they lead home.
        #[arg(long, default_value_t = 0, value_parser = clap::value_parser!(u32).range(0..=10000))]
        hints: u32,
    },
    /// Every task's goal and what checks each of its words, as Markdown (docs/checks.md).
    Checks,
    /// Play steps on one task's variant and tell, after each, how the task stands and what the
    /// trace holds: a task's author trying a near-miss or another route.
    Try {
        /// A task's id, or a task file's path.
        id: String,
        /// A JSON file with a list of steps, as a task's `solution` writes them.
        steps: PathBuf,
        /// Which variant (the parameters are drawn from it).
        #[arg(long, default_value_t = 0)]
        seed: u64,
    },
}

fn seed_range(text: &str) -> Result<std::ops::Range<u64>, String> {
    let (start, end) = text
        .split_once("..")
        .ok_or_else(|| format!("{text:?}: write START..END, e.g. 0..20"))?;
    let start: u64 = start
        .parse()
        .map_err(|_| format!("{start:?} is not a seed"))?;
    let end: u64 = end.parse().map_err(|_| format!("{end:?} is not a seed"))?;
    if end <= start || end - start > 10_000 {
        return Err(format!("{text:?}: from 1 to 10,000 seeds"));
    }
    Ok(start..end)
}

#[derive(Subcommand)]
enum DeviceCommand {
    /// Print where the device file is.
    Path,
    /// Print the device file (after checking that it can be read).
    Show,
    /// Replace the device file with a fresh phone; the old file is kept as `<file>.bak`.
    Reset {
        /// Which fresh phone: `global` (a Global ROM in English) or `china` (a China ROM in
        /// Simplified Chinese).
        #[arg(long, value_enum, default_value_t = PresetArg::Global)]
        preset: PresetArg,
    },
    /// Check the device file and report every problem found.
    Validate,
}

/// The fresh phones of `device reset --preset`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum PresetArg {
    Global,
    China,
}

/// The interactive shell: saves to the device file, and records when asked to.
struct Shell<'a> {
    store: &'a mut Store,
    recorder: Option<Recorder>,
}

impl Hooks for Shell<'_> {
    fn save(&mut self, device: &DeviceFile) -> Result<(), String> {
        self.store.save(device).map_err(|e| e.to_string())
    }

    fn observe(&mut self, action: &Action, view: &View, now: chrono::DateTime<Utc>) {
        if let Some(recorder) = &mut self.recorder {
            recorder.record(action, view, now);
        }
    }

    fn time_passed(&mut self, now: chrono::DateTime<Utc>, changed: bool) {
        if let Some(recorder) = &mut self.recorder {
            recorder.time_passed(now, changed);
        }
    }
}

fn main() -> ExitCode {
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
    match cli.command {
        None | Some(Command::Run) => {
            run_interactive(device_path(cli.device)?, cli.record, cli.language)
        }
        Some(Command::Replay {
            paths,
            update,
            transcript,
            cast,
            jobs,
            dirs,
        }) => {
            let catalogue = mi_settings::shells::task_files::catalogue_with(&dirs)?;
            let options = BatchOptions {
                tasks: Some(std::sync::Arc::new(catalogue)),
                update_snapshots: update,
                ci: std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0"),
                transcript_dir: transcript,
                cast,
                jobs: jobs.map(usize::from),
                language: cli.language,
            };
            match batch::run(&paths, &options, &mut std::io::stdout())? {
                BatchResult::Ran { failed: 0, .. } => Ok(ExitCode::SUCCESS),
                BatchResult::Ran { .. } => Ok(ExitCode::FAILURE),
                // Malformed input is a usage error, as clap's own are.
                BatchResult::Malformed(_) => Ok(ExitCode::from(2)),
            }
        }
        Some(Command::Schema { format }) => {
            print!("{}", mi_settings::shells::schema::generate(format));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Device { action }) => device_command(action, device_path(cli.device)?),
        Some(Command::Tasks { action, dirs }) => tasks_command(action, &dirs, cli.language),
        Some(Command::Agent {
            log_dir,
            allow_solution,
            log_device,
            dirs,
        }) => {
            use mi_settings::shells::agent;
            let tasks = mi_settings::shells::task_files::catalogue_with(&dirs)?;
            let agent = mi_settings::play::agent::Agent::new()?
                .speaking(cli.language.unwrap_or_default())
                .allowing_solution(allow_solution)
                .logging_devices(log_device)
                .with_tasks(tasks);
            let mut server = agent::Server::new(agent, log_dir)?;
            let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
            let stdout = std::io::BufWriter::new(std::io::stdout().lock());
            // SIGTERM and SIGHUP end the session the way the end of input does: the running
            // episode is logged first.
            let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            #[cfg(unix)]
            let signals = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP];
            #[cfg(not(unix))]
            let signals = [signal_hook::consts::SIGTERM];
            for signal in signals {
                signal_hook::flag::register(signal, std::sync::Arc::clone(&stop))
                    .map_err(|e| format!("agent: cannot listen for signals: {e}"))?;
            }
            agent::serve(&mut server, stdin, stdout, &stop).map_err(|e| format!("agent: {e}"))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Learn {
            task,
            seed,
            report,
            dirs,
        }) => learn(cli.device, cli.language, task, seed, report, &dirs),
        Some(Command::Bench { iterations }) => {
            let report = mi_settings::shells::bench::run(iterations).map_err(|e| e.to_string())?;
            print!("{report}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn tasks_command(
    action: TasksCommand,
    dirs: &[PathBuf],
    language: Option<Language>,
) -> Result<ExitCode, String> {
    use mi_settings::play::tasks::{self, report};
    use mi_settings::shells::task_files;
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
            let text = mi_settings::shells::input::read_text(&steps, 8 * 1024 * 1024)
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

/// `mi-settings learn`: the progress file beside the device file (whose phone is not used: each
/// lesson has the task's own), then the list of lessons or one lesson, or the progress report.
fn learn(
    device: Option<PathBuf>,
    language: Option<Language>,
    task: Option<String>,
    seed: Option<u64>,
    report: bool,
    dirs: &[PathBuf],
) -> Result<ExitCode, String> {
    use mi_settings::shells::lesson::{self, Learn};
    use mi_settings::shells::progress;
    let catalogue = mi_settings::shells::task_files::catalogue_with(dirs)?;
    let file = progress::ProgressFile::open(progress::path_for(device.as_deref())?)?;
    if report {
        print!(
            "{}",
            mi_settings::play::lesson::progress::report(&catalogue, &file.progress, &file.path)
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
    let ran = terminal::with_terminal(|t| {
        lesson::run(
            t,
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

/// A device-file error with how to recover from it, when its content is the trouble.
fn explained(error: store::StoreError) -> String {
    match error.recovery() {
        Some(recovery) => format!("{error}\n{recovery}"),
        None => error.to_string(),
    }
}

fn device_command(action: DeviceCommand, path: PathBuf) -> Result<ExitCode, String> {
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

fn run_interactive(
    path: PathBuf,
    record: Option<PathBuf>,
    language: Option<Language>,
) -> Result<ExitCode, String> {
    // Before anything else: a recording that could not be written would be lost at the end.
    if let Some(record) = &record {
        check_record_path(record, &path)?;
    }
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(
            "the interactive phone needs a terminal; for scripted use see `mi-settings --help`"
                .to_string(),
        );
    }
    let (mut store, mut device, opened) = Store::open(&path).map_err(explained)?;
    // `--language` switches the phone, as its Languages setting would, and the phone keeps it.
    if let Some(language) = language
        && device.phone.language != language
    {
        device.phone.language = language;
        store
            .save(&device)
            .map_err(|e| format!("cannot switch the phone to {language}: {e}"))?;
    }
    // Said now, before the phone takes the screen: it stays above it once the phone is closed.
    if opened == Opened::Created {
        eprintln!("Created a fresh phone at {}", path.display());
    }
    let wall_clock = Utc::now();
    // Interactive sessions need no repeatability, so the seed comes from the clock.
    let seed = wall_clock.timestamp_nanos_opt().unwrap_or_default() as u64;
    // The phone keeps whole seconds from the start (see `terminal::whole_seconds`).
    let now = terminal::whole_seconds(wall_clock);

    let mut terminal = ratatui::try_init().map_err(|e| {
        // A half-done set-up (raw mode on, no alternate screen) must not outlive us either.
        ratatui::restore();
        format!("cannot set up the terminal: {e}")
    })?;
    // ratatui::try_init restores the screen on panic; mouse capture must be released too, or the
    // shell is left printing escape codes on every click.
    let ratatui_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
        ratatui_hook(info);
    }));
    let _ = execute!(std::io::stdout(), EnableMouseCapture);

    let size = terminal.size().unwrap_or_default();
    let start = Start {
        seed,
        clock: now,
        width: size.width,
        height: size.height,
    };
    let mut shell = Shell {
        store: &mut store,
        recorder: record
            .as_ref()
            .map(|_| Recorder::new(&device, now, seed, size.width, size.height)),
    };
    let mut engine = Engine::new(device, start);
    let result = terminal::run(
        &mut terminal,
        &mut TerminalEvents,
        &mut Utc::now,
        &mut engine,
        &mut shell,
        &Theme::miui(),
    );

    let _ = execute!(std::io::stdout(), DisableMouseCapture);
    ratatui::restore();
    let _ = std::io::stdout().flush();

    if let (Some(file), Some(recorder)) = (&record, &shell.recorder) {
        let name = file.file_stem().map_or_else(
            || "Recorded session".into(),
            |s| s.to_string_lossy().into_owned(),
        );
        let fixture = recorder.fixture(&name, &engine.view().title, engine.device());
        let mut json = serde_json::to_string_pretty(&fixture).map_err(|e| e.to_string())?;
        json.push('\n');
        std::fs::write(file, json)
            .map_err(|e| format!("{}: cannot write the recording: {e}", file.display()))?;
        eprintln!(
            "Recorded {} step(s) to {}",
            fixture.steps.len(),
            file.display()
        );
    }
    let outcome = result.map_err(|e| format!("terminal error: {e}"))?;
    if let Some(last) = outcome.save_errors.last() {
        return Err(format!(
            "{} change(s) could not be saved; last error: {last}",
            outcome.save_errors.len()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
