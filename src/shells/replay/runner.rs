//! Replays a fixture headless through the engine, drawing each step once into a reused buffer
//! with the same renderer as the interactive phone, and checking each expectation as it comes.
//! Frames go to the transcript and the cast as they happen, and only when asked for, so memory
//! stays flat whatever the fixture's length.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use serde_json::Value;

use super::cast::CastWriter;
use super::fixture::TypeSource;
use super::fixture::{
    DEFAULT_CLOCK, DEFAULT_HEIGHT, DEFAULT_SEED, DEFAULT_WIDTH, LoadedFixture, ScrollDirection,
    Step, TaskRef, device_path_problem,
};
use super::predicate::{Condition, Facts};
use super::secrets::Secrets;
use crate::engine::{Engine, Start};
use crate::screens::Action;
use crate::shells::input::{cut, shortened};
use crate::shells::store;
use crate::sim::device::{DeviceFile, Language};
use crate::strings::Tr;
use crate::ui::{self, TextGrid, Theme};
use crate::view::{Role, View};

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
    pub tasks: Option<Tasks>,
}

/// The phone a task starts an episode on, for a fixture that names the task.
#[derive(Debug, Clone)]
pub struct TaskStart {
    /// The variant's device, before its set-up.
    pub device: DeviceFile,
    /// The set-up, run before the fixture's steps and not counted among them.
    pub setup: Vec<Step>,
    pub seed: u64,
    pub clock: DateTime<Utc>,
    /// The goal, in the phone's language (for `type_from: {"goal_word": n}`).
    pub goal: String,
    /// Its success condition (for `expect_task`).
    pub success: Option<Condition>,
}

/// What finds the tasks fixtures name: the task catalogue lies above replay, which only asks.
pub trait TaskStarts: Send + Sync {
    /// The phone `task` starts on, speaking `language` (else the task's own).
    fn start(&self, task: &TaskRef, language: Option<Language>) -> Result<TaskStart, String>;
}

/// A shared [`TaskStarts`].
#[derive(Clone)]
pub struct Tasks(pub std::sync::Arc<dyn TaskStarts>);

impl std::fmt::Debug for Tasks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tasks(…)")
    }
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

/// Where a replay draws: bare text when only the text is read, a styled buffer when a cast
/// needs the colours too. The same renderer draws both.
#[derive(Clone)]
enum Screen {
    Text(TextGrid),
    Styled(Buffer),
}

impl Screen {
    fn draw(&mut self, view: &View, theme: &Theme) {
        match self {
            Screen::Text(grid) => {
                ui::render_text(view, grid, theme);
            }
            Screen::Styled(buffer) => {
                let area = buffer.area;
                ui::render(view, area, buffer, theme);
            }
        }
    }

    fn text(&mut self) -> String {
        match self {
            Screen::Text(grid) => grid.text(),
            Screen::Styled(buffer) => ui::buffer_text(buffer),
        }
    }
}

/// The phone under replay, drawn into one reused screen.
#[derive(Clone)]
struct Replay {
    engine: Engine,
    screen: Screen,
    /// The text of `screen`, worked out when first needed after each drawing.
    frame: Option<String>,
    theme: Theme,
    quit: bool,
    /// The screen is out of date (see `redraw`).
    stale: bool,
    /// The device file at the start, and as JSON at the start and now (worked out when a
    /// condition asks: most steps of a task or an agent's episode never do).
    start_device: Box<DeviceFile>,
    start_state: std::cell::OnceCell<Value>,
    state_now: std::cell::OnceCell<Value>,
    /// Passwords checked against hashes: a task's check runs after every step.
    verified: crate::sim::cloud::Verified,
    /// The notifications shown so far, newest last: a code read on the phone is typed on the
    /// website after switching to it, as a person remembers it.
    seen: Vec<String>,
    /// The goal of the task the replay started from, if any.
    goal: Option<String>,
    /// That task's success condition, if it has one.
    success: Option<Condition>,
}

/// How many notifications a replay remembers.
const SEEN_KEPT: usize = 16;

impl Replay {
    /// The phone `device` started at `start`, drawn on `screen` when something reads it.
    fn new(device: DeviceFile, start: Start, screen: Screen) -> Replay {
        let start_device = Box::new(device.clone());
        let mut replay = Replay {
            engine: Engine::new(device, start),
            screen,
            frame: None,
            theme: Theme::miui(),
            quit: false,
            stale: true,
            start_device,
            start_state: std::cell::OnceCell::new(),
            state_now: std::cell::OnceCell::new(),
            verified: Default::default(),
            seen: Vec::new(),
            goal: None,
            success: None,
        };
        replay.redraw();
        replay
    }

    /// From now on, `changed` and `unchanged` compare with the device as it is now, and the
    /// trace starts empty: what came before was the set-up.
    fn mark_start(&mut self) {
        *self.start_device = self.engine.device().clone();
        self.start_state = std::cell::OnceCell::new();
        self.engine.clear_trace();
        self.redraw();
    }

    /// Marks the screen out of date: it is drawn when something reads it (a transcript, a cast,
    /// a text expectation), not after every step whether read or not.
    fn redraw(&mut self) {
        self.stale = true;
        self.frame = None;
    }

    /// Draws what is on screen now, if it is out of date. What a replay writes out never
    /// carries a password, even one the person chose to show.
    fn drawn(&mut self) {
        if !self.stale {
            return;
        }
        self.stale = false;
        let view = self.engine.view();
        if shows_a_password(view) {
            let mut masked = view.clone();
            masked.redact_secrets();
            self.screen.draw(&masked, &self.theme);
        } else {
            self.screen.draw(view, &self.theme);
        }
        self.frame = None;
    }

    fn frame(&mut self) -> &str {
        self.drawn();
        let screen = &mut self.screen;
        self.frame.get_or_insert_with(|| screen.text())
    }

    /// Whether `text` is on screen: as drawn on one line, or as read across the lines it is
    /// wrapped over.
    /// Whether the screen shows `text`, or (written in another language than the phone's)
    /// one of its [`counterparts`](crate::strings::counterparts).
    fn shows(&mut self, text: &str) -> bool {
        self.shows_any(text, crate::strings::counterparts)
    }

    /// Whether the screen shows `text` or one of what `translate` makes of it.
    fn shows_any(&mut self, text: &str, translate: fn(&str, Tr) -> Vec<String>) -> bool {
        if self.frame().contains(text) {
            return true;
        }
        let theme = self.theme.clone();
        let reading = ui::reading(self.frame(), &theme);
        if reading.contains(&ui::as_read(text)) {
            return true;
        }
        // Written in another language than the phone's: its words as the phone says them.
        translate(text, self.engine.tr())
            .iter()
            .any(|ours| reading.contains(&ui::as_read(ours)))
    }

    /// Writes the frame's text to `out`, straight from the grid when nothing read it yet.
    fn write_frame(&mut self, out: &mut dyn Write, scratch: &mut Vec<u8>) -> io::Result<()> {
        self.drawn();
        match (&self.frame, &mut self.screen) {
            (Some(frame), _) => out.write_all(frame.as_bytes()),
            (None, Screen::Text(grid)) => {
                scratch.clear();
                grid.write_text(scratch);
                out.write_all(scratch)
            }
            (None, Screen::Styled(_)) => {
                let frame = self.frame();
                out.write_all(frame.as_bytes())
            }
        }
    }

    fn after(&mut self, outcome: crate::engine::Outcome) {
        self.quit |= outcome.quit;
        if let Some(text) = &self.engine.view().notification
            && self.seen.last() != Some(text)
        {
            if self.seen.len() >= SEEN_KEPT {
                self.seen.remove(0);
            }
            self.seen.push(text.clone());
        }
        // The device file as JSON is worked out again only when it changed: conditions are
        // checked after every step of a task, and a device file is large next to a step.
        if outcome.changed {
            self.state_now = std::cell::OnceCell::new();
        }
        self.redraw();
    }
}

impl Facts for Replay {
    fn state(&self) -> &Value {
        self.state_now
            .get_or_init(|| serde_json::to_value(self.engine.device()).unwrap_or_default())
    }

    fn start(&self) -> &Value {
        self.start_state
            .get_or_init(|| serde_json::to_value(&*self.start_device).unwrap_or_default())
    }

    fn title(&self) -> &str {
        &self.engine.view().title
    }

    fn shows(&mut self, text: &str) -> bool {
        Replay::shows(self, text)
    }

    fn titled(&self, title: &str) -> bool {
        let found = &self.engine.view().title;
        found == title
            || crate::strings::exact_counterparts(title, self.engine.tr()).contains(found)
    }

    fn shows_exactly(&mut self, text: &str) -> bool {
        self.shows_any(text, crate::strings::exact_counterparts)
    }

    fn trace(&self) -> &[Value] {
        self.engine.trace()
    }

    fn verifies(&mut self, hash: &str, password: &str) -> bool {
        self.verified.check(hash, password)
    }
}

/// Whether a password field shows its text (the person ticked "Show password").
fn shows_a_password(view: &View) -> bool {
    let dialog = view.dialog.iter().flat_map(|d| d.elements.iter());
    view.elements.iter().chain(dialog).any(|e| {
        e.role == Role::PasswordField
            && e.value
                .as_deref()
                .is_some_and(|v| v.chars().any(|c| c != '•'))
    })
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
        (Some(task), Some(tasks)) => match tasks.0.start(task, language) {
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
        mut each_step,
    } = outputs;
    let screen = if cast.is_some() {
        Screen::Styled(Buffer::empty(Rect::new(0, 0, width, height)))
    } else {
        Screen::Text(TextGrid::new(width, height))
    };
    let mut secrets = Secrets::new(&device);
    let mut replay = Replay::new(device, start, screen);
    // A task's set-up runs first, as the task runs it: not the fixture's steps, not traced.
    if let Some(task_start) = &task_start {
        for (i, step) in task_start.setup.iter().enumerate() {
            if let Err(message) = run_step(&mut replay, step, loaded, options) {
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
        replay.mark_start();
        replay.goal = Some(task_start.goal.clone());
        replay.success.clone_from(&task_start.success);
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
            transcript.start(&fixture.name, &mut replay)?;
        }
        replay.drawn();
        if let (Some(cast), Screen::Styled(buffer)) = (&mut cast, &replay.screen) {
            cast.frame(buffer)?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        report.failure = Some(set_up_failure("output", e.to_string()));
        return report;
    }

    for (index, step) in fixture.steps.iter().enumerate() {
        if fixture.setup_steps == Some(index) {
            replay.mark_start();
        }
        if let Step::Type(text) = step
            && types_a_password(replay.engine.view())
        {
            secrets.typed_into_password(text);
        }
        let heading = (transcript.is_some() || cast.is_some()).then(|| {
            let described = describe(step, replay.engine.view());
            format!("step {}: {}", index + 1, secrets.mask(step, &described))
        });
        let outcome = (|| -> Result<(), String> {
            if let (Some(cast), Some(heading)) = (&mut cast, &heading) {
                cast.marker(heading).map_err(|e| e.to_string())?;
            }
            if replay.quit {
                return Err("the app has quit (ctrl+c) before this step".to_string());
            }
            let drew = run_step(&mut replay, step, loaded, options)?;
            if drew {
                replay.drawn();
            }
            if let (Some(cast), Screen::Styled(buffer), true) = (&mut cast, &replay.screen, drew) {
                cast.frame(buffer).map_err(|e| e.to_string())?;
            }
            Ok(())
        })();
        report.steps_run = index + 1;
        if let Some(each_step) = each_step.as_mut() {
            each_step(index + 1, &replay.engine);
        }
        if let (Some(transcript), Some(heading)) = (&mut transcript, &heading)
            && let Err(e) = transcript.step(heading, &mut replay)
        {
            report.failure = Some(set_up_failure("transcript", e.to_string()));
            break;
        }
        if let Err(message) = outcome {
            report.failure = Some(StepFailure {
                step: index + 1,
                kind: step.kind(),
                line: loaded.step_line(index),
                message: first_line_shortened(&secrets.mask(step, &message)),
                frame: replay.frame().to_string(),
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
    report.final_device = Some(replay.engine.device().clone());
    report.actions = replay.engine.applied();
    report.elapsed = started.elapsed();
    report
}

/// A replay with its transcript and cast kept in memory: for tests and short fixtures (a long
/// replay should stream to files through [`run`]).
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
            each_step: None,
        },
    );
    Captured {
        report,
        transcript: String::from_utf8_lossy(&transcript).into_owned(),
        cast: String::from_utf8_lossy(&cast).into_owned(),
    }
}

/// The transcript, written as the replay goes: a heading per step, then its frame.
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

    fn start(&mut self, name: &str, replay: &mut Replay) -> io::Result<()> {
        write!(self.out, "# {name}\n\n## start\n")?;
        replay.write_frame(self.out, &mut self.scratch)?;
        self.out.write_all(b"\n")
    }

    fn step(&mut self, heading: &str, replay: &mut Replay) -> io::Result<()> {
        self.out.write_all(b"\n## ")?;
        self.out.write_all(heading.as_bytes())?;
        self.out.write_all(b"\n")?;
        replay.write_frame(self.out, &mut self.scratch)?;
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

/// Whether typing now goes into a password field.
fn types_a_password(view: &View) -> bool {
    view.focused()
        .is_some_and(|e| e.role == Role::PasswordField)
}

/// A step's heading in transcripts and casts. Text typed into a password field is masked.
fn describe(step: &Step, view: &View) -> String {
    match step {
        Step::Type(text) => {
            if types_a_password(view) {
                format!("type {:?}", "•".repeat(text.chars().count()))
            } else {
                format!("type {text:?}")
            }
        }
        Step::Tap(label) => format!("tap {label:?}"),
        Step::TapId { id, .. } => format!("tap_id {id:?}"),
        Step::Key(key) => format!("key {:?}", key.name()),
        Step::Scroll(direction) => format!("scroll {direction:?}").to_lowercase(),
        Step::Back(times) => format!("back {times}"),
        Step::Wait(wait) => format!("wait {}", String::from(wait.clone())),
        Step::ExpectScreen(title) => format!("expect_screen {title:?}"),
        Step::ExpectText(text) => format!("expect_text {text:?}"),
        Step::ExpectNoText(text) => format!("expect_no_text {text:?}"),
        Step::ExpectState(pointers) => {
            format!("expect_state {}", Value::Object((**pointers).clone()))
        }
        Step::ExpectTask(holds) => format!("expect_task {holds}"),
        Step::Snapshot(name) => format!("snapshot {name:?}"),
        Step::Expect(condition) => format!("expect {}", condition.describe()),
        Step::TypeFrom(source) => match (&source.state, &source.digits_after) {
            (Some(pointer), _) => format!("type_from state {pointer:?}"),
            (_, Some(text)) => format!("type_from digits after {text:?}"),
            _ => "type_from".to_string(),
        },
        Step::SignInElsewhere(who) => format!(
            "sign_in_elsewhere {:?} on {:?} from {:?}",
            who.account, who.device, who.location
        ),
        Step::ChangeElsewhere(what) => format!(
            "change_elsewhere {:?}: {:?} adds {:?} to {}",
            what.account,
            what.device,
            what.title,
            what.app.key()
        ),
    }
}

/// Runs one step; says whether it drew a new frame.
fn run_step(
    replay: &mut Replay,
    step: &Step,
    loaded: &LoadedFixture,
    options: &Options,
) -> Result<bool, String> {
    let engine = &mut replay.engine;
    let outcome = match step {
        Step::Tap(label) => engine.tap_label(label).map_err(|e| e.to_string())?,
        Step::TapId { id, .. } => engine.tap_id(id).map_err(|e| e.to_string())?,
        Step::Type(text) => {
            needs_a_field(engine)?;
            engine.apply(Action::Type(text.clone()))
        }
        Step::TypeFrom(source) => {
            needs_a_field(engine)?;
            let text = read_value(replay, source)?;
            let engine = &mut replay.engine;
            engine.apply(Action::Type(text))
        }
        Step::Expect(condition) => {
            return match condition.why_not(replay) {
                None => Ok(false),
                Some(reason) => Err(format!("expected {}: {reason}", condition.describe())),
            };
        }
        Step::ExpectTask(holds) => {
            let condition = replay
                .success
                .clone()
                .ok_or("expect_task needs a fixture that starts from a task with a condition")?;
            // What does not hold is told in the goal's words, never the condition's values.
            return match (condition.unmet(replay), holds) {
                (None, true) | (Some(_), false) => Ok(false),
                (Some(words), true) => Err(format!(
                    "expected the task done; {}",
                    words.map_or("it is not".to_string(), |w| format!("not done: {w:?}"))
                )),
                (None, false) => Err("expected the task not done; it is done".into()),
            };
        }
        Step::Key(key) => engine.press(key.key()),
        Step::Scroll(direction) => engine.apply(match direction {
            ScrollDirection::Up => Action::PageUp,
            ScrollDirection::Down => Action::PageDown,
        }),
        Step::Back(times) => {
            let mut outcome = crate::engine::Outcome::default();
            for _ in 0..*times {
                let before = engine.view().clone();
                let once = engine.apply(Action::Back);
                outcome.quit |= once.quit;
                outcome.changed |= once.changed;
                // A back that changed nothing (at Settings' root) would change nothing again.
                if once.quit || (!once.changed && *engine.view() == before) {
                    break;
                }
            }
            outcome
        }
        Step::Wait(wait) => engine.wait(wait.duration()),
        Step::SignInElsewhere(who) => engine.sign_in_elsewhere(who)?,
        Step::ChangeElsewhere(what) => engine.change_elsewhere(what)?,
        Step::ExpectScreen(title) => {
            if !Facts::titled(replay, title) {
                let found = &replay.engine.view().title;
                return Err(format!("expected the screen {title:?}, found {found:?}"));
            }
            return Ok(false);
        }
        Step::ExpectText(text) => {
            if !replay.shows(text) {
                return Err(format!(
                    "expected the text {text:?} on screen; it is not there"
                ));
            }
            return Ok(false);
        }
        Step::ExpectNoText(text) => {
            if Facts::shows_exactly(replay, text) {
                return Err(format!("expected no {text:?} on screen; it is there"));
            }
            return Ok(false);
        }
        Step::ExpectState(pointers) => {
            check_state(engine.device(), pointers)?;
            return Ok(false);
        }
        Step::Snapshot(name) => {
            let frame = replay.frame().to_string();
            let language = replay.start_device.phone.language;
            check_snapshot(&frame, loaded, name, language, options)?;
            return Ok(false);
        }
    };
    replay.after(outcome);
    Ok(true)
}

fn needs_a_field(engine: &Engine) -> Result<(), String> {
    let focused = engine.view().focused();
    if focused.is_some_and(|e| e.role.is_text_input()) {
        return Ok(());
    }
    Err(format!(
        "no text field has focus (focus is on {})",
        focused.map_or("nothing".to_string(), |e| format!("{:?}", e.label))
    ))
}

/// What a `type_from` step types: a value of the device file, or digits read on screen.
fn read_value(replay: &mut Replay, source: &TypeSource) -> Result<String, String> {
    if let Some(pointer) = &source.state {
        let state = serde_json::to_value(replay.engine.device()).map_err(|e| e.to_string())?;
        return match state.pointer(pointer) {
            Some(Value::String(text)) => Ok(text.clone()),
            Some(Value::Number(number)) => Ok(number.to_string()),
            Some(other) => Err(format!("{pointer} holds {other}, not a text to type")),
            None => Err(format!("{pointer} is absent: nothing to type")),
        };
    }
    if let Some(n) = source.goal_word {
        let goal = replay
            .goal
            .as_deref()
            .ok_or("type_from goal_word needs a fixture that starts from a task")?;
        return goal_word(goal, n)
            .map(str::to_string)
            .ok_or_else(|| format!("the goal has no word {n}"));
    }
    let after = source.digits_after.as_deref().unwrap_or_default();
    let theme = replay.theme.clone();
    let reading = ui::reading(replay.frame(), &theme);
    // Written in another language than the phone's ("Messages:" on a phone that says 短信),
    // the words are looked for as the phone says them.
    let words = after.trim_end_matches([':', '：']);
    let spellings: Vec<String> = std::iter::once(ui::as_read(after))
        .chain(
            crate::strings::counterparts(words, replay.engine.tr())
                .iter()
                .map(|ours| ui::as_read(ours)),
        )
        .collect();
    // On screen now, else in a notification seen before (read on the phone, typed on the
    // website).
    let remembered: Vec<String> = replay.seen.iter().rev().map(|t| ui::as_read(t)).collect();
    let rest = std::iter::once(&reading)
        .chain(remembered.iter())
        .find_map(|text| {
            spellings.iter().find_map(|wanted| {
                text.find(wanted.as_str())
                    .map(|at| &text[at + wanted.len()..])
            })
        })
        .ok_or_else(|| format!("{after:?} is not on screen"))?;
    let digits: String = rest
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return Err(format!("no digits on screen after {after:?}"));
    }
    Ok(digits)
}

/// The `n`th word (from 0) of a goal, without the punctuation around it.
pub fn goal_word(goal: &str, n: usize) -> Option<&str> {
    goal_words(goal).nth(n)
}

/// A goal's words (what `goal_word` counts): its text cut at spaces and at the punctuation
/// that ends or sets off words, in English and in Chinese (which puts no spaces between words:
/// "密码 Xiaomi#2026）：那条" has the word `Xiaomi#2026`).
pub fn goal_words(goal: &str) -> impl Iterator<Item = &str> {
    goal.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';'
                    | '('
                    | ')'
                    | '"'
                    | '“'
                    | '”'
                    | '，'
                    | '。'
                    | '；'
                    | '：'
                    | '（'
                    | '）'
                    | '？'
                    | '！'
                    | '、'
            )
    })
    .map(|word| word.trim_end_matches(['.', ':', '?']))
    .filter(|word| !word.is_empty())
}

/// At most this many differing values are listed when an `expect_state` fails; the rest are
/// counted. A whole list of devices or accounts differs in dozens of places when one is added.
const DIFFERENCES_SHOWN: usize = 12;

/// A value longer than this is cut when shown in a difference.
const VALUE_SHOWN_CHARS: usize = 120;

fn check_state(
    device: &DeviceFile,
    pointers: &serde_json::Map<String, Value>,
) -> Result<(), String> {
    let state = serde_json::to_value(device).map_err(|e| e.to_string())?;
    let differences: Vec<String> = pointers
        .iter()
        .flat_map(|(pointer, expected)| match state.pointer(pointer) {
            // A field the file leaves out when empty reads as null.
            None if expected.is_null() => Vec::new(),
            found => differing_values(pointer, Some(expected), found),
        })
        .collect();
    match differences.as_slice() {
        [] => Ok(()),
        [one] => Err(one.clone()),
        several => {
            let mut text = format!("{} values differ:", several.len());
            for difference in several.iter().take(DIFFERENCES_SHOWN) {
                text.push_str("\n  ");
                text.push_str(difference);
            }
            if several.len() > DIFFERENCES_SHOWN {
                let more = several.len() - DIFFERENCES_SHOWN;
                text.push_str(&format!("\n  … and {more} more"));
            }
            Err(text)
        }
    }
}

/// Where `found` differs from `expected`, leaf by leaf, as `pointer: expected …, found …`:
/// objects and lists are walked into, so a changed timestamp deep in a list of devices is one
/// line naming it, not two copies of the list. `None` is a field that is not there.
pub fn differing_values(
    pointer: &str,
    expected: Option<&Value>,
    found: Option<&Value>,
) -> Vec<String> {
    let mut differences = Vec::new();
    walk_differences(pointer.to_string(), expected, found, &mut differences);
    differences
}

fn walk_differences(
    pointer: String,
    expected: Option<&Value>,
    found: Option<&Value>,
    out: &mut Vec<String>,
) {
    let child = |key: &str| format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
    match (expected, found) {
        (Some(expected), Some(found)) if expected == found => {}
        (Some(Value::Object(expected)), Some(Value::Object(found))) => {
            for (key, value) in expected {
                walk_differences(child(key), Some(value), found.get(key), out);
            }
            for (key, value) in found {
                if !expected.contains_key(key) {
                    walk_differences(child(key), None, Some(value), out);
                }
            }
        }
        (Some(Value::Array(expected)), Some(Value::Array(found))) => {
            for index in 0..expected.len().max(found.len()) {
                walk_differences(
                    format!("{pointer}/{index}"),
                    expected.get(index),
                    found.get(index),
                    out,
                );
            }
        }
        (expected, found) => out.push(format!(
            "{pointer}: expected {}, found {}",
            shown(expected),
            shown(found)
        )),
    }
}

/// A value as a difference shows it: compact JSON, cut when long.
fn shown(value: Option<&Value>) -> String {
    let Some(value) = value else {
        return "nothing (no such field)".to_string();
    };
    let text = value.to_string();
    match text.char_indices().nth(VALUE_SHOWN_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
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

/// A phone driven step by step in the fixture language, outside a fixture: what tasks (their
/// set-up, their reference solutions, their success conditions) and lessons run on. Drawn as
/// bare text at the given size, so that `text` and `screen` conditions read what a person sees.
#[derive(Clone)]
pub struct Session {
    replay: Replay,
    /// Where snapshot steps would look (tasks have none; set for messages).
    origin: LoadedFixture,
}

impl Session {
    pub fn new(device: DeviceFile, start: Start, origin: &Path) -> Session {
        let screen = Screen::Text(TextGrid::new(start.width, start.height));
        let replay = Replay::new(device, start, screen);
        let origin = LoadedFixture {
            path: origin.to_path_buf(),
            fixture: crate::shells::replay::Fixture {
                task: None,
                setup_steps: None,
                version: super::fixture::FIXTURE_VERSION,
                name: String::new(),
                description: String::new(),
                terminal: None,
                device: None,
                seed: None,
                language: None,
                clock: None,
                steps: Vec::new(),
            },
            step_lines: Vec::new(),
            device_line: None,
        };
        Session { replay, origin }
    }

    /// Runs one step; an expectation that does not hold, or a tap on nothing, is an error.
    pub fn step(&mut self, step: &Step) -> Result<(), String> {
        run_step(&mut self.replay, step, &self.origin, &Options::default()).map(|_| ())
    }

    /// Applies an action straight to the phone (a key, a tap by id), as a person's input.
    pub fn apply(&mut self, action: Action) -> crate::engine::Outcome {
        let outcome = self.replay.engine.apply(action);
        self.replay.after(outcome.clone());
        outcome
    }

    /// Whether a step since the last call asked the app to quit (`q` on Settings, Ctrl-C): a
    /// replay stops there; a task's episode goes on.
    pub fn take_quit(&mut self) -> bool {
        std::mem::take(&mut self.replay.quit)
    }

    /// From now on, `changed` and `unchanged` compare with the device as it is now.
    pub fn mark_start(&mut self) {
        self.replay.mark_start();
    }

    /// `None` when `condition` holds; else why not.
    pub fn why_not(&mut self, condition: &Condition) -> Option<String> {
        condition.why_not(&mut self.replay)
    }

    /// `None` when `condition` holds; else the words of the goal that are not done, when it
    /// says them (see [`Condition::unmet`]).
    pub fn unmet(&mut self, condition: &Condition) -> Option<Option<String>> {
        condition.unmet(&mut self.replay)
    }

    /// The device file now, as JSON.
    pub fn state(&self) -> &Value {
        Facts::state(&self.replay)
    }

    pub fn engine(&self) -> &Engine {
        &self.replay.engine
    }

    /// The frame as text.
    pub fn frame(&mut self) -> &str {
        self.replay.frame()
    }

    /// The device file as it was when the episode started.
    pub fn start_state(&self) -> &Value {
        self.replay.start()
    }

    /// The device file when the episode started, as the phone holds it.
    pub fn start_device(&self) -> &DeviceFile {
        &self.replay.start_device
    }
}
