//! `mi-settings` (or `mi-settings run`): the interactive phone on the real terminal, saving to
//! the device file, and recording the session with `--record FILE`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};

use super::device::explained;
use crate::engine::{Engine, Start};
use crate::screens::Action;
use crate::shells::replay::record::{Recorder, check_record_path};
use crate::shells::store::{Opened, Store};
use crate::shells::terminal::{self, Hooks, TerminalEvents};
use crate::sim::DeviceFile;
use crate::sim::device::Language;
use crate::ui::Theme;
use crate::view::View;

/// The interactive shell: saves to the device file, and records when asked to.
struct Shell<'a> {
    store: &'a mut Store,
    recorder: Option<Recorder>,
}

impl Hooks for Shell<'_> {
    fn save(&mut self, device: &DeviceFile) -> Result<(), String> {
        self.store.save(device).map_err(|e| e.to_string())
    }

    fn observe(&mut self, action: &Action, view: &View, now: DateTime<Utc>) {
        if let Some(recorder) = &mut self.recorder {
            recorder.record(action, view, now);
        }
    }

    fn time_passed(&mut self, now: DateTime<Utc>, changed: bool) {
        if let Some(recorder) = &mut self.recorder {
            recorder.time_passed(now, changed);
        }
    }
}

/// Opens the device file at `path` (making a fresh phone there if there is none), switches it
/// to `language` if given, runs the phone until the person quits, then writes the recording.
pub(super) fn run(
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

    let recording = record.is_some();
    let (result, engine, recorder) = terminal::with_terminal(|real_terminal| {
        let size = real_terminal.size().unwrap_or_default();
        let start = Start {
            seed,
            clock: now,
            width: size.width,
            height: size.height,
        };
        let mut shell = Shell {
            store: &mut store,
            recorder: recording.then(|| Recorder::new(&device, now, seed, size.width, size.height)),
        };
        let mut engine = Engine::new(device, start);
        let result = terminal::run(
            real_terminal,
            &mut TerminalEvents,
            &mut Utc::now,
            &mut engine,
            &mut shell,
            &Theme::miui(),
        );
        (result, engine, shell.recorder)
    })?;

    if let (Some(file), Some(recorder)) = (&record, &recorder) {
        write_recording(file, recorder, &engine)?;
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

/// Writes the session as a fixture to `file`, named after the file.
fn write_recording(file: &Path, recorder: &Recorder, engine: &Engine) -> Result<(), String> {
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
    Ok(())
}
