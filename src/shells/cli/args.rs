//! The command line's words: every subcommand, option and help text, as clap reads them.
//!
//! No doc comment goes on `Cli` itself: clap would print it as the long help.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::sim::device::Language;

#[derive(Parser)]
#[command(
    name = "mi-settings",
    version,
    about = "A Xiaomi phone's Settings → Mi Account, simulated in the terminal"
)]
pub(super) struct Cli {
    /// The device file (the phone's whole state). Default: the user's data folder
    /// (see `mi-settings device path`). Also after `run`, `device` and `learn`.
    #[arg(long, env = crate::shells::store::ENV_VAR, value_name = "PATH")]
    pub(super) device: Option<PathBuf>,

    /// Record the interactive session as a replayable fixture (version 1) in FILE.
    #[arg(long, value_name = "FILE")]
    pub(super) record: Option<PathBuf>,

    /// The phone's language, `en` or `zh-CN`: `run` and `learn` switch the phone to it (and
    /// save it so); `replay`, `tasks` and `agent` play every fixture and task in it. Also after
    /// those subcommands.
    #[arg(long, value_name = "LANGUAGE")]
    pub(super) language: Option<Language>,

    #[command(subcommand)]
    pub(super) command: Option<Command>,
}

/// `--device` after the subcommands that use the device file (before them it is the top
/// level's, which also reads `MI_SETTINGS_DEVICE`): only those list it in their help.
#[derive(clap::Args)]
pub(super) struct DeviceOption {
    /// The device file (the phone's whole state). Default: `MI_SETTINGS_DEVICE`, else the
    /// user's data folder (see `mi-settings device path`).
    #[arg(
        long = "device",
        id = "device_here",
        global = true,
        value_name = "PATH"
    )]
    pub(super) device: Option<PathBuf>,
}

/// `--language` after the subcommands it applies to.
#[derive(clap::Args)]
pub(super) struct LanguageOption {
    /// The phone's language, `en` or `zh-CN`.
    #[arg(
        long = "language",
        id = "language_here",
        global = true,
        value_name = "LANGUAGE"
    )]
    pub(super) language: Option<Language>,
}

#[derive(Subcommand)]
pub(super) enum Command {
    /// Start the interactive phone (what `mi-settings` alone does).
    Run {
        #[command(flatten)]
        device: DeviceOption,
        #[command(flatten)]
        language: LanguageOption,
    },
    /// Inspect, check or reset the device file.
    Device {
        #[command(subcommand)]
        action: DeviceCommand,
        #[command(flatten)]
        device: DeviceOption,
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
        /// Write a PNG picture of the phone at the start and after every step that moves it,
        /// to DIR/<fixture>/0000-start.png, 0001-<step>.png, … (a cell is 8x16 pixels; the
        /// same replay always gives the same bytes; see docs/pictures.md).
        #[arg(long, value_name = "DIR")]
        png: Option<PathBuf>,
        /// The pictures' scale: 1 (a 60x24 phone is 480x384 pixels) or 2.
        #[arg(long, value_name = "N", default_value_t = 1, requires = "png",
              value_parser = clap::value_parser!(u32).range(1..=2))]
        scale: u32,
        /// Pictures only at the fixture's `snapshot` steps (DIR/<fixture>/<step>-<name>.png).
        #[arg(long, requires = "png")]
        png_snapshots_only: bool,
        /// Write an illustrated guide of each fixture to DIR/<fixture>/index.html: one page,
        /// pictures inside, with each step a person does in words and the phone after it, in
        /// the phone's language, to print or share.
        #[arg(long, value_name = "DIR")]
        guide: Option<PathBuf>,
        /// How many fixtures to replay at once (default: the number of cores). The output keeps
        /// the fixtures' order.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
        jobs: Option<u16>,
        /// Also the task files in DIR, for fixtures that start from a task (agent logs). May
        /// be given more than once.
        #[arg(long = "tasks", value_name = "DIR")]
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        language: LanguageOption,
    },
    /// Print the JSON Schema of a file format.
    Schema {
        #[arg(value_enum)]
        format: crate::shells::schema::Format,
    },
    /// Serve the task catalogue to a UI agent: one JSON request per line on stdin, one response
    /// per line on stdout (see docs/agent-protocol.md).
    Agent(AgentArgs),
    /// List, show and check the task catalogue.
    Tasks {
        #[command(subcommand)]
        action: TasksCommand,
        /// Also the task files in DIR (each `<id>.json`; device files they name under
        /// `devices/` beside them). May be given more than once.
        #[arg(long = "tasks", value_name = "DIR", global = true)]
        dirs: Vec<PathBuf>,
        #[command(flatten)]
        language: LanguageOption,
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
        #[command(flatten)]
        device: DeviceOption,
        #[command(flatten)]
        language: LanguageOption,
    },
    /// Measure how fast the core, the renderer and the device file are.
    Bench {
        /// Iterations per measurement.
        #[arg(long, default_value_t = 20_000)]
        iterations: u32,
        /// Small workloads, to see that every measurement runs rather than how fast: 70
        /// iterations, and a large account of 1,000 items, devices and sign-ins instead of the
        /// 76 MB one.
        #[arg(long, conflicts_with = "iterations")]
        quick: bool,
    },
}

#[derive(Subcommand)]
pub(super) enum TasksCommand {
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

/// `tasks check --seeds`: START..END, from 1 to 10,000 seeds.
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
pub(super) enum DeviceCommand {
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
pub(super) enum PresetArg {
    Global,
    China,
}

/// `mi-settings agent`'s options (also what a host that runs the simulator in its own process
/// takes: `super::agent_session`).
#[derive(clap::Args)]
pub(super) struct AgentArgs {
    /// Write every episode as a replayable fixture into DIR.
    #[arg(long, value_name = "DIR")]
    pub(super) log_dir: Option<PathBuf>,
    /// Answer `solution` requests with the episode's reference solution (for oracle agents
    /// and tests; an agent under evaluation must not have it).
    #[arg(long)]
    pub(super) allow_solution: bool,
    /// Logs carry each episode's device file (with its accounts' password hashes) and
    /// replay without the task catalogue; by default they name the task instead.
    #[arg(long, requires = "log_dir")]
    pub(super) log_device: bool,
    /// Also the task files in DIR (as `tasks --tasks`). May be given more than once.
    #[arg(long = "tasks", value_name = "DIR")]
    pub(super) dirs: Vec<PathBuf>,
    #[command(flatten)]
    pub(super) language: LanguageOption,
    /// Serve N environments at once, asked together by `batch` requests and stepped in
    /// parallel threads (1 to 1024; see docs/agent-protocol.md).
    #[arg(long, value_name = "N")]
    pub(super) batch: Option<usize>,
    /// The threads a batch's work is shared over (default: as many as the machine runs at
    /// once, at most N).
    #[arg(long, value_name = "T", requires = "batch")]
    pub(super) threads: Option<usize>,
}
