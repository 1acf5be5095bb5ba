//! `mi-settings replay FIXTURE_OR_DIR...`: finds the fixtures, reads them all (a malformed one
//! stops the run before anything replays), replays each, writes transcripts and casts, and
//! prints one line per fixture.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::fixture::{self, FixtureError, LoadedFixture};
use super::runner::{self, Report};

#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub update_snapshots: bool,
    /// Refuse to write missing snapshots (set from the `CI` environment variable).
    pub ci: bool,
    pub transcript_dir: Option<PathBuf>,
    pub cast: Option<PathBuf>,
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
        match fixture::load(file) {
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

/// Runs the batch, printing progress to `out`. Errors that stop it before any fixture runs
/// (a missing path) are returned as text.
pub fn run(
    paths: &[PathBuf],
    options: &BatchOptions,
    out: &mut impl Write,
) -> Result<BatchResult, String> {
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
    let runner_options = runner::Options {
        update_snapshots: options.update_snapshots,
        ci: options.ci,
    };
    let (mut passed, mut failed) = (0, 0);
    for loaded in &fixtures {
        let report = runner::run(loaded, &runner_options);
        let _ = writeln!(out, "{}", summary_line(&report, loaded));
        if let Some(text) = report.failure_text() {
            let _ = writeln!(out, "{text}");
        }
        write_outputs(&report, loaded, options, fixtures.len())?;
        if report.passed() {
            passed += 1;
        } else {
            failed += 1;
        }
    }
    let _ = writeln!(out, "{passed} passed, {failed} failed");
    Ok(BatchResult::Ran { passed, failed })
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

fn stem(path: &Path) -> String {
    path.file_stem()
        .map_or_else(|| "fixture".into(), |s| s.to_string_lossy().into_owned())
}

fn write_outputs(
    report: &Report,
    loaded: &LoadedFixture,
    options: &BatchOptions,
    fixture_count: usize,
) -> Result<(), String> {
    let write = |path: &Path, text: &str| -> Result<(), String> {
        if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("{}: cannot create the folder: {e}", folder.display()))?;
        }
        std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
    };
    if let Some(dir) = &options.transcript_dir {
        write(
            &dir.join(format!("{}.txt", stem(&loaded.path))),
            &report.transcript_text(),
        )?;
    }
    if let Some(cast) = &options.cast {
        let target = if fixture_count == 1 {
            cast.clone()
        } else {
            cast.join(format!("{}.cast", stem(&loaded.path)))
        };
        write(&target, &report.cast)?;
    }
    Ok(())
}
