//! `mi-settings replay FIXTURE_OR_DIR...`: finds the fixtures, reads them all (a malformed one
//! stops the run before anything replays), replays each, writes transcripts, casts and
//! pictures, and prints one line per fixture.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use super::guide::Guide;
use super::pictures::Pictures;
use super::run::{self as runner, Report};
use crate::play::fixture::{FixtureError, LoadedFixture};

#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub update_snapshots: bool,
    /// Running under CI (the `CI` environment variable): snapshots are never written.
    pub ci: bool,
    pub transcript_dir: Option<PathBuf>,
    pub cast: Option<PathBuf>,
    /// PNG pictures of each fixture's steps (`--png`).
    pub png: Option<super::pictures::PngOptions>,
    /// An illustrated guide of each fixture, in `DIR/<fixture>/index.html` (`--guide`).
    pub guide: Option<PathBuf>,
    /// How many fixtures replay at once (default: one per core).
    pub jobs: Option<usize>,
    /// Play every fixture with the phone in this language (over the fixtures' own).
    pub language: Option<crate::sim::device::Language>,
    /// Where fixtures that name a task find it.
    pub tasks: Option<std::sync::Arc<Vec<crate::play::tasks::Task>>>,
}

/// How a batch ended.
#[derive(Debug, PartialEq, Eq)]
pub enum BatchResult {
    /// Every fixture ran; these counts passed and failed.
    Ran { passed: usize, failed: usize },
    /// Some fixtures could not be read, so none ran.
    Malformed(usize),
}

/// The fixture files named by `paths`: files as given, folders by their `*.json` files (not
/// recursing, so device files kept in a subfolder are not mistaken for fixtures), sorted.
pub fn collect(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let entries = std::fs::read_dir(path)
                .map_err(|e| format!("{}: cannot list the folder: {e}", path.display()))?;
            let mut found: Vec<PathBuf> = entries
                .filter_map(|entry| entry.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
                .collect();
            if found.is_empty() {
                return Err(format!(
                    "{}: no *.json fixtures in this folder",
                    path.display()
                ));
            }
            found.sort();
            files.extend(found);
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return Err(format!(
                "{}: no such fixture file or folder",
                path.display()
            ));
        }
    }
    Ok(files)
}

/// Reads every fixture; all errors are returned together so one run shows them all.
pub fn load_all(files: &[PathBuf]) -> Result<Vec<LoadedFixture>, Vec<FixtureError>> {
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        match super::load(file) {
            Ok(fixture) => loaded.push(fixture),
            Err(error) => errors.push(error),
        }
    }
    if errors.is_empty() {
        Ok(loaded)
    } else {
        Err(errors)
    }
}

/// Runs the batch, printing one line per fixture to `out` in the order the fixtures were named,
/// whatever order the workers finish them in. Errors that stop it before any fixture runs (a
/// missing path) are returned as text.
pub fn run(
    paths: &[PathBuf],
    options: &BatchOptions,
    out: &mut impl Write,
) -> Result<BatchResult, String> {
    if options.ci && options.update_snapshots {
        return Err(
            "--update is refused while CI is set: snapshots are written on a developer's machine, \
             read, and committed"
                .to_string(),
        );
    }
    let files = collect(paths)?;
    let fixtures = match load_all(&files) {
        Ok(fixtures) => fixtures,
        Err(errors) => {
            for error in &errors {
                let _ = writeln!(out, "{error}");
            }
            let _ = writeln!(
                out,
                "{} malformed fixture(s): nothing was replayed",
                errors.len()
            );
            return Ok(BatchResult::Malformed(errors.len()));
        }
    };
    for dir in [
        options.png.as_ref().map(|png| &png.dir),
        options.guide.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        same_picture_folders(&fixtures, dir)?;
    }
    let runner_options = runner::Options {
        update_snapshots: options.update_snapshots,
        ci: options.ci,
        language: options.language,
        tasks: options.tasks.clone(),
    };
    let count = fixtures.len();
    let jobs = options
        .jobs
        .unwrap_or_else(default_jobs)
        .clamp(1, count.max(1));
    let next = AtomicUsize::new(0);
    let (sender, results) = mpsc::channel::<(usize, Result<(bool, String), String>)>();
    let (mut passed, mut failed) = (0, 0);
    let mut stopped: Option<String> = None;
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let (next, fixtures, runner_options) = (&next, &fixtures, &runner_options);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(loaded) = fixtures.get(index) else {
                        break;
                    };
                    let result = replay_one(loaded, runner_options, options, count);
                    if sender.send((index, result)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // Print in order: results that come early wait for the ones before them.
        let mut waiting = BTreeMap::new();
        let mut printed = 0;
        for (index, result) in results {
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&printed) {
                printed += 1;
                match result {
                    Ok((ok, text)) => {
                        let _ = write!(out, "{text}");
                        if ok {
                            passed += 1;
                        } else {
                            failed += 1;
                        }
                    }
                    Err(message) => {
                        stopped.get_or_insert(message);
                        // The others stop picking up fixtures.
                        next.store(count, Ordering::Relaxed);
                    }
                }
            }
        }
    });
    if let Some(message) = stopped {
        return Err(message);
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    Ok(BatchResult::Ran { passed, failed })
}

/// The number of fixtures replayed at once when `--jobs` is not given: one per core.
pub fn default_jobs() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Replays one fixture with its transcript and cast files; returns whether it passed and what
/// to print, or an error that stops the batch (an output that cannot be written).
fn replay_one(
    loaded: &LoadedFixture,
    runner_options: &runner::Options,
    options: &BatchOptions,
    fixture_count: usize,
) -> Result<(bool, String), String> {
    let open = |path: &Path| -> Result<BufWriter<File>, String> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("{}: cannot create the folder: {e}", folder.display()))?;
        }
        // Frames are kilobytes each: a large buffer spares the system calls.
        File::create(path)
            .map(|file| BufWriter::with_capacity(1 << 18, file))
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    let mut transcript = match &options.transcript_dir {
        Some(dir) => Some(open(&dir.join(format!("{}.txt", stem(&loaded.path))))?),
        None => None,
    };
    let mut cast = match &options.cast {
        Some(cast) if fixture_count == 1 => Some(open(cast)?),
        Some(dir) => Some(open(&dir.join(format!("{}.cast", stem(&loaded.path))))?),
        None => None,
    };
    let mut pictures = match &options.png {
        Some(png) => Some(Pictures::new(
            png,
            &stem(&loaded.path),
            loaded.fixture.steps.len(),
        )?),
        None => None,
    };
    let mut guide = match &options.guide {
        Some(dir) => Some(Guide::new(dir, &stem(&loaded.path))?),
        None => None,
    };
    let outputs = runner::Outputs {
        transcript: transcript.as_mut().map(|w| w as &mut dyn Write),
        cast: cast.as_mut().map(|w| w as &mut dyn Write),
        pictures: pictures.as_mut(),
        guide: guide.as_mut(),
        each_step: None,
    };
    let report = runner::run(loaded, runner_options, outputs);
    if let Some(guide) = guide {
        guide.finish()?;
    }
    let mut text = summary_line(&report, loaded);
    text.push('\n');
    if let Some(failure) = report.failure_text() {
        text.push_str(&failure);
        text.push('\n');
    }
    Ok((report.passed(), text))
}

fn summary_line(report: &Report, loaded: &LoadedFixture) -> String {
    let total = loaded.fixture.steps.len();
    let mut line = String::new();
    let verdict = if report.passed() { "pass" } else { "FAIL" };
    let _ = write!(line, "{verdict}  {}  ", report.path.display());
    if report.passed() {
        let _ = write!(line, "({total} steps");
    } else {
        let _ = write!(line, "({} of {total} steps", report.steps_run);
    }
    let _ = write!(
        line,
        ", {:.1} ms)  {}",
        report.elapsed.as_secs_f64() * 1000.0,
        report.name
    );
    line
}

/// Two fixtures of the same name (from two folders) would write their pictures (or guides) into
/// the same `DIR/<name>/`: refused before anything replays.
fn same_picture_folders(fixtures: &[LoadedFixture], dir: &Path) -> Result<(), String> {
    let mut seen = BTreeMap::new();
    for loaded in fixtures {
        let name = stem(&loaded.path);
        if let Some(first) = seen.insert(name.clone(), &loaded.path) {
            return Err(format!(
                "{} and {} would both write their pictures to {}: replay them one at a time",
                first.display(),
                loaded.path.display(),
                dir.join(name).display()
            ));
        }
    }
    Ok(())
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "fixture".into(), |s| s.to_string_lossy().into_owned())
}
