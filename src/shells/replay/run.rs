//! Replays a fixture headless: the steps played on a [`Player`] that draws into one reused
//! buffer with the same renderer as the interactive phone, each expectation checked as it
//! comes. Frames go to the transcript and the cast as they happen, and only when asked for, so
//! memory stays flat whatever the fixture's length. Snapshots are compared with (or written
//! to) files beside the fixture.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::cast::CastWriter;
use super::guide::Guide;
use super::pictures::Pictures;
use crate::engine::{Engine, Start};
use crate::play::fixture::{
    DEFAULT_CLOCK, DEFAULT_HEIGHT, DEFAULT_SEED, DEFAULT_WIDTH, LoadedFixture, Step,
    device_path_problem,
};
use crate::play::player::Player;
use crate::play::runner::{Stepped, describe, types_a_password};
use crate::play::secrets::Secrets;
use crate::play::tasks::{self, Task};
use crate::shells::store;
use crate::sim::device::{DeviceFile, Language};
use crate::text::{cut, shortened};

/// How a replay treats snapshots.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Rewrite every snapshot with the current frame.
    pub update_snapshots: bool,
    /// Running under CI: snapshots are never written (`update_snapshots` is refused).
    pub ci: bool,
    /// Play every fixture with the phone in this language (over the fixture's `language`).
    pub language: Option<Language>,
    /// Where fixtures that name a task find it.
    pub tasks: Option<Arc<Vec<Task>>>,
}

/// Called with each step's number (from 1) and the phone after it.
pub type StepWatcher<'a> = dyn FnMut(usize, &Engine) + 'a;

/// Where a replay writes as it goes; each only when asked for.
#[derive(Default)]
pub struct Outputs<'a> {
    /// Every step's heading and frame.
    pub transcript: Option<&'a mut dyn Write>,
    /// An asciicast v2 recording.
    pub cast: Option<&'a mut dyn Write>,
    /// PNG pictures of the phone (`replay --png`).
    pub pictures: Option<&'a mut Pictures>,
    /// An illustrated guide (`replay --guide`); finished by the caller.
    pub guide: Option<&'a mut Guide>,
    /// Called with the phone after each step (its 1-based number): tests look at every state a
    /// walkthrough passes through.
    pub each_step: Option<&'a mut StepWatcher<'a>>,
}

/// Why a step failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepFailure {
    /// 1-based step number.
    pub step: usize,
    pub kind: &'static str,
    pub line: Option<usize>,
    pub message: String,
    /// The frame when it failed.
    pub frame: String,
}

/// The result of replaying one fixture.
#[derive(Debug)]
pub struct Report {
    pub path: PathBuf,
    pub name: String,
    pub steps_run: usize,
    pub elapsed: StdDuration,
    pub failure: Option<StepFailure>,
    /// The device file at the end of the replay.
    pub final_device: Option<DeviceFile>,
    /// The phone's actions the replay applied (its work, which tests bound).
    pub actions: u64,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.failure.is_none()
    }

    /// A failure as `file:line: step N (kind): message`, then the frame.
    pub fn failure_text(&self) -> Option<String> {
        let failure = self.failure.as_ref()?;
        let mut text = self.path.display().to_string();
        if let Some(line) = failure.line {
            text.push_str(&format!(":{line}"));
        }
        if failure.step == 0 {
            // Nothing ran: the fixture's set-up (its device, an output) is what failed.
            return Some(format!("{text}: {}: {}", failure.kind, failure.message));
        }
        text.push_str(&format!(
            ": step {} ({}): {}\n{}",
            failure.step, failure.kind, failure.message, failure.frame
        ));
        Some(text)
    }
}

/// Replays one fixture, writing to `outputs` as it goes.
pub fn run(loaded: &LoadedFixture, options: &Options, outputs: Outputs) -> Report {
    let started = Instant::now();
    let fixture = &loaded.fixture;
    let mut report = Report {
        path: loaded.path.clone(),
        name: fixture.name.clone(),
        steps_run: 0,
        elapsed: StdDuration::ZERO,
        failure: None,
        final_device: None,
        actions: 0,
    };
    let set_up_failure = |kind: &'static str, message: String| StepFailure {
        step: 0,
        kind,
        line: None,
        message,
        frame: String::new(),
    };
    let language = options.language.or(fixture.language);
    let task_start = match (&fixture.task, &options.tasks) {
        (None, _) => None,
        (Some(task), Some(tasks)) => match tasks::opening(tasks, task, language) {
            Ok(start) => Some(start),
            Err(message) => {
                report.failure = Some(set_up_failure("task", cut(&message, MESSAGE_CHARS)));
                return report;
            }
        },
        (Some(task), None) => {
            report.failure = Some(set_up_failure(
                "task",
                format!(
                    "it starts from the task {:?}, and no task catalogue is at hand",
                    task.id
                ),
            ));
            return report;
        }
    };
    let device = match &task_start {
        Some(start) => Ok(start.device.clone()),
        None => starting_device(loaded),
    };
    let mut device = match device {
        Ok(device) => device,
        Err(message) => {
            report.failure = Some(StepFailure {
                line: loaded.device_line.map(|line| line as usize),
                ..set_up_failure("device", cut(&message, MESSAGE_CHARS))
            });
            return report;
        }
    };
    if let Some(language) = language {
        device.phone.language = language;
    }
    let width = fixture.terminal.map_or(DEFAULT_WIDTH, |t| t.width);
    let height = fixture.terminal.map_or(DEFAULT_HEIGHT, |t| t.height);
    let clock = fixture
        .clock
        .or(task_start.as_ref().map(|s| s.clock))
        .unwrap_or_else(default_clock);
    let start = Start {
        seed: fixture
            .seed
            .or(task_start.as_ref().map(|s| s.seed))
            .unwrap_or(DEFAULT_SEED),
        clock,
        width,
        height,
    };
    let Outputs {
        transcript,
        cast,
        mut pictures,
        mut guide,
        mut each_step,
    } = outputs;
    let mut secrets = Secrets::new(&device);
    let mut player = if cast.is_some() || pictures.is_some() || guide.is_some() {
        Player::styled(device, start)
    } else {
        Player::new(device, start)
    };
    // A task's set-up runs first, as the task runs it: not the fixture's steps, not traced.
    if let Some(task_start) = &task_start {
        for (i, step) in task_start.setup.iter().enumerate() {
            if let Err(message) = player.step_here(step) {
                report.failure = Some(set_up_failure(
                    "task",
                    format!(
                        "the task's set-up, step {}: {}",
                        i + 1,
                        cut(&message, MESSAGE_CHARS)
                    ),
                ));
                return report;
            }
        }
        player.mark_start();
        player.play_task(task_start.goal.clone(), task_start.success.clone());
    }
    let mut transcript = transcript.map(Transcript::new);
    let mut cast = match cast.map(|out| CastWriter::new(out, width, height, &fixture.name)) {
        Some(Ok(cast)) => Some(cast),
        Some(Err(e)) => {
            report.failure = Some(set_up_failure("cast", e.to_string()));
            return report;
        }
        None => None,
    };
    let written = (|| -> io::Result<()> {
        if let Some(transcript) = &mut transcript {
            transcript.start(&fixture.name, &mut player)?;
        }
        if let (Some(cast), Some(buffer)) = (&mut cast, player.buffer()) {
            cast.frame(buffer)?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        report.failure = Some(set_up_failure("output", e.to_string()));
        return report;
    }
    if let Some(pictures) = pictures.as_mut()
        && let Err(message) = pictures.start(&mut player)
    {
        report.failure = Some(set_up_failure("png", message));
        return report;
    }
    if let Some(guide) = guide.as_mut()
        && let Err(message) = guide.start(&fixture.name, &fixture.description, &mut player)
    {
        report.failure = Some(set_up_failure("guide", message));
        return report;
    }

    for (index, step) in fixture.steps.iter().enumerate() {
        if fixture.setup_steps == Some(index) {
            player.mark_start();
        }
        if let Step::Type(text) = step
            && types_a_password(player.engine().view())
        {
            secrets.typed_into_password(text);
        }
        let words = (transcript.is_some() || cast.is_some() || pictures.is_some()).then(|| {
            let described = describe(step, player.engine().view());
            secrets.mask(step, &described)
        });
        let heading = words
            .as_ref()
            .map(|words| format!("step {}: {words}", index + 1));
        let said = guide
            .as_ref()
            .and_then(|guide| guide.words(step, player.engine()))
            .map(|said| secrets.mask(step, &said));
        // What the step did, for its picture.
        let (mut moved, mut snapshot) = (false, None);
        let outcome = (|| -> Result<(), String> {
            if let (Some(cast), Some(heading)) = (&mut cast, &heading) {
                cast.marker(heading).map_err(|e| e.to_string())?;
            }
            if player.has_quit() {
                return Err("the app has quit (ctrl+c) before this step".to_string());
            }
            let drew = match player.step(step)? {
                Stepped::Moved => true,
                Stepped::Checked => false,
                Stepped::Snapshot(name) => {
                    let language = player.start_device().phone.language;
                    let frame = player.frame().to_string();
                    let checked = check_snapshot(&frame, loaded, &name, language, options);
                    snapshot = Some(name);
                    checked?;
                    false
                }
            };
            moved = drew;
            if drew && let (Some(cast), Some(buffer)) = (&mut cast, player.buffer()) {
                cast.frame(buffer).map_err(|e| e.to_string())?;
            }
            Ok(())
        })();
        report.steps_run = index + 1;
        if let Some(each_step) = each_step.as_mut() {
            each_step(index + 1, player.engine());
        }
        if let (Some(transcript), Some(heading)) = (&mut transcript, &heading)
            && let Err(e) = transcript.step(heading, &mut player)
        {
            report.failure = Some(set_up_failure("transcript", e.to_string()));
            break;
        }
        if let (Some(pictures), Some(words)) = (pictures.as_mut(), &words)
            && let Err(message) =
                pictures.step(index + 1, words, moved, snapshot.as_deref(), &mut player)
        {
            report.failure = Some(set_up_failure("png", message));
            break;
        }
        if let (Some(guide), Some(said), true) = (guide.as_mut(), &said, moved)
            && let Err(message) = guide.entry(Some(said), &mut player)
        {
            report.failure = Some(set_up_failure("guide", message));
            break;
        }
        if let Err(message) = outcome {
            report.failure = Some(StepFailure {
                step: index + 1,
                kind: step.kind(),
                line: loaded.step_line(index),
                message: first_line_shortened(&secrets.mask(step, &message)),
                frame: player.frame().to_string(),
            });
            break;
        }
    }
    let finished = (|| -> io::Result<()> {
        if let Some(cast) = cast {
            cast.finish()?;
        }
        if let Some(transcript) = transcript {
            transcript.out.flush()?;
        }
        Ok(())
    })();
    if let (Err(e), None) = (finished, &report.failure) {
        report.failure = Some(set_up_failure("output", e.to_string()));
    }
    report.final_device = Some(player.engine().device().clone());
    report.actions = player.engine().applied();
    report.elapsed = started.elapsed();
    report
}

/// A player with its transcript and cast kept in memory: for tests and short fixtures (a long
/// player should stream to files through [`run`]).
pub struct Captured {
    pub report: Report,
    pub transcript: String,
    pub cast: String,
}

pub fn run_captured(loaded: &LoadedFixture, options: &Options) -> Captured {
    let (mut transcript, mut cast) = (Vec::new(), Vec::new());
    let report = run(
        loaded,
        options,
        Outputs {
            transcript: Some(&mut transcript),
            cast: Some(&mut cast),
            pictures: None,
            guide: None,
            each_step: None,
        },
    );
    Captured {
        report,
        transcript: String::from_utf8_lossy(&transcript).into_owned(),
        cast: String::from_utf8_lossy(&cast).into_owned(),
    }
}

/// The transcript, written as the player goes: a heading per step, then its frame.
struct Transcript<'a> {
    out: &'a mut dyn Write,
    /// A frame's bytes, reused from step to step.
    scratch: Vec<u8>,
}

impl<'a> Transcript<'a> {
    fn new(out: &'a mut dyn Write) -> Transcript<'a> {
        Transcript {
            out,
            scratch: Vec::new(),
        }
    }

    fn start(&mut self, name: &str, player: &mut Player) -> io::Result<()> {
        write!(self.out, "# {name}\n\n## start\n")?;
        player.write_frame(self.out, &mut self.scratch)?;
        self.out.write_all(b"\n")
    }

    fn step(&mut self, heading: &str, player: &mut Player) -> io::Result<()> {
        self.out.write_all(b"\n## ")?;
        self.out.write_all(heading.as_bytes())?;
        self.out.write_all(b"\n")?;
        player.write_frame(self.out, &mut self.scratch)?;
        self.out.write_all(b"\n")
    }
}

fn default_clock() -> DateTime<Utc> {
    DEFAULT_CLOCK.parse().unwrap_or_default()
}

fn starting_device(loaded: &LoadedFixture) -> Result<DeviceFile, String> {
    match &loaded.fixture.device {
        None => Ok(DeviceFile::factory_default()),
        Some(Value::String(written)) => {
            if let Some(problem) = device_path_problem(written) {
                return Err(problem);
            }
            let folder = loaded.path.parent().unwrap_or(Path::new("."));
            let path = folder.join(written);
            if Path::new(written).is_relative() {
                stays_in_the_folder(folder, &path)?;
            }
            store::load(&path).map_err(|e| e.to_string())
        }
        Some(inline @ Value::Object(_)) => {
            store::parse_value(inline.clone(), &loaded.path).map_err(|e| e.to_string())
        }
        Some(other) => Err(format!(
            "device must be a path or a device-file object, not {other}"
        )),
    }
}

/// The longest set-up failure message: a device file's path or a value in its error is the
/// fixture author's, and may be long.
const MESSAGE_CHARS: usize = 600;

/// A relative `device` path that a symbolic link takes out of the fixture's folder is refused
/// like one that leaves with `..`. (A path that does not exist is left to the loader to name.)
fn stays_in_the_folder(folder: &Path, path: &Path) -> Result<(), String> {
    let folder_for_real = std::fs::canonicalize(if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    });
    match (folder_for_real, std::fs::canonicalize(path)) {
        (Ok(folder), Ok(target)) if !target.starts_with(&folder) => Err(format!(
            "{} leads out of the fixture's folder through a symbolic link (to {}): name a \
             device file in the folder or below it, or write an absolute path",
            path.display(),
            target.display()
        )),
        _ => Ok(()),
    }
}

/// A step's failure message with the values on its first line cut: a step may carry 10,000
/// characters, and a message repeating them helps nobody. What follows (a frame's differences, a
/// list of values) is bounded where it is made.
fn first_line_shortened(message: &str) -> String {
    match message.split_once('\n') {
        Some((first, rest)) => format!("{}\n{rest}", shortened(first)),
        None => shortened(message),
    }
}

/// Where a fixture's snapshot lives: `<stem>.snapshots/<name>.txt` beside the fixture, or
/// `<name>.<language>.txt` when the phone spoke another language than English.
pub fn snapshot_path(fixture: &Path, name: &str, language: Language) -> PathBuf {
    let stem = fixture
        .file_stem()
        .map_or_else(|| "fixture".into(), |s| s.to_string_lossy().into_owned());
    fixture
        .with_file_name(format!("{stem}.snapshots"))
        .join(match language {
            Language::En => format!("{name}.txt"),
            other => format!("{name}.{other}.txt"),
        })
}

/// Replay writes snapshots only into the fixture's own `<stem>.snapshots/` folder: a folder or
/// snapshot that is a symbolic link could lead anywhere, so it is refused, not followed.
fn no_link_out(snapshot: &Path) -> Result<(), String> {
    let folder = snapshot.parent().unwrap_or(Path::new("."));
    for path in [folder, snapshot] {
        if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(format!(
                "{} is a symbolic link: snapshots are read and written only in the fixture's own \
                 folder; make it a plain folder or file",
                path.display()
            ));
        }
    }
    Ok(())
}

fn check_snapshot(
    frame: &str,
    loaded: &LoadedFixture,
    name: &str,
    language: Language,
    options: &Options,
) -> Result<(), String> {
    let path = snapshot_path(&loaded.path, name, language);
    no_link_out(&path)?;
    let wanted = format!("{frame}\n");
    let write = |path: &Path| -> Result<(), String> {
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        std::fs::write(path, &wanted).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    match std::fs::read_to_string(&path) {
        Ok(_) if options.update_snapshots => write(&path),
        Ok(stored) if stored == wanted => Ok(()),
        Ok(stored) => Err(format!(
            "the frame differs from {}:\n{}",
            path.display(),
            line_diff(&stored, &wanted)
        )),
        // A snapshot is written only when asked: a deleted one must not pass unnoticed.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if options.update_snapshots {
                write(&path)
            } else {
                Err(format!(
                    "{} is missing: run `mi-settings replay --update {}` to write it, read it, \
                     and commit it",
                    path.display(),
                    loaded.path.display()
                ))
            }
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// The lines that differ, as `-stored` / `+now` pairs.
fn line_diff(stored: &str, now: &str) -> String {
    use std::fmt::Write as _;
    let stored: Vec<&str> = stored.lines().collect();
    let now: Vec<&str> = now.lines().collect();
    let mut out = String::new();
    for i in 0..stored.len().max(now.len()) {
        let (a, b) = (stored.get(i), now.get(i));
        if a != b {
            let _ = writeln!(out, "  line {}:", i + 1);
            if let Some(a) = a {
                let _ = writeln!(out, "  - {a}");
            }
            if let Some(b) = b {
                let _ = writeln!(out, "  + {b}");
            }
        }
    }
    out
}
