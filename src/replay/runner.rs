//! Replays a fixture headless: the same `update`, `View` and renderer as the interactive phone,
//! on a test terminal, checking each expectation as it comes.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration as StdDuration, Instant};

use chrono::{DateTime, Utc};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use serde_json::Value;

use super::cast::CastWriter;
use super::fixture::{
    DEFAULT_CLOCK, DEFAULT_HEIGHT, DEFAULT_SEED, DEFAULT_WIDTH, KeyName, LoadedFixture,
    ScrollDirection, Step,
};
use crate::input;
use crate::layout::{self, PhoneLayout};
use crate::screens;
use crate::sim::{self, Action, DeviceFile, Effect, Env, Sim, cloud};
use crate::store;
use crate::ui;
use crate::view::{Role, View};

/// How a replay treats snapshots and what it writes besides checking.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Rewrite every snapshot with the current frame.
    pub update_snapshots: bool,
    /// Refuse to write missing snapshots (CI): a missing snapshot fails instead.
    pub ci: bool,
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
    /// Each step's description and frame, in order (passwords are masked in the view itself).
    pub transcript: Vec<(String, String)>,
    /// The asciicast v2 recording of the replay.
    pub cast: String,
    /// The device file at the end of the replay.
    pub final_device: Option<DeviceFile>,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.failure.is_none()
    }

    /// A failure as `file:line: step N (kind): message`, then the frame.
    pub fn failure_text(&self) -> Option<String> {
        let failure = self.failure.as_ref()?;
        if failure.step == 0 {
            // Nothing ran: the fixture's set-up (its device) is what failed.
            return Some(format!(
                "{}: {}: {}",
                self.path.display(),
                failure.kind,
                failure.message
            ));
        }
        let mut text = self.path.display().to_string();
        if let Some(line) = failure.line {
            let _ = write!(text, ":{line}");
        }
        let _ = write!(
            text,
            ": step {} ({}): {}\n{}",
            failure.step, failure.kind, failure.message, failure.frame
        );
        Some(text)
    }

    /// The transcript as one text: a heading per step, then its frame.
    pub fn transcript_text(&self) -> String {
        let mut text = format!("# {}\n", self.name);
        for (heading, frame) in &self.transcript {
            let _ = write!(text, "\n## {heading}\n{frame}\n");
        }
        text
    }
}

/// The phone under replay.
struct Replay {
    sim: Sim,
    env: Env,
    /// The screen, drawn straight into a buffer: a replay needs no terminal emulation.
    screen: Buffer,
    view: View,
    frame: String,
    cast: CastWriter,
    quit: bool,
}

impl Replay {
    fn apply(&mut self, action: Action) {
        for effect in sim::update(&mut self.sim, action, &mut self.env) {
            // Saving is the store's business; a replay checks the state in memory.
            if effect == Effect::Quit {
                self.quit = true;
            }
        }
    }

    fn redraw(&mut self) {
        self.view = screens::view(&self.sim);
        // What a replay writes out never carries a password, even one the person chose to show.
        self.view.redact_secrets();
        let area = self.screen.area;
        ui::render(&self.view, area, &mut self.screen);
        self.frame = ui::buffer_text(&self.screen);
        self.cast.frame(&self.screen);
    }
}

/// Replays one fixture.
pub fn run(loaded: &LoadedFixture, options: &Options) -> Report {
    let started = Instant::now();
    let fixture = &loaded.fixture;
    let mut report = Report {
        path: loaded.path.clone(),
        name: fixture.name.clone(),
        steps_run: 0,
        elapsed: StdDuration::ZERO,
        failure: None,
        transcript: Vec::new(),
        cast: String::new(),
        final_device: None,
    };
    let device = match starting_device(loaded) {
        Ok(device) => device,
        Err(message) => {
            report.failure = Some(StepFailure {
                step: 0,
                kind: "device",
                line: None,
                message,
                frame: String::new(),
            });
            return report;
        }
    };
    let width = fixture.terminal.map_or(DEFAULT_WIDTH, |t| t.width);
    let height = fixture.terminal.map_or(DEFAULT_HEIGHT, |t| t.height);
    let clock = fixture.clock.unwrap_or_else(default_clock);
    let mut replay = Replay {
        sim: Sim::new(device, clock),
        env: Env::new(clock, fixture.seed.unwrap_or(DEFAULT_SEED)),
        screen: Buffer::empty(Rect::new(0, 0, width, height)),
        view: View::empty(),
        frame: String::new(),
        cast: CastWriter::new(width, height, &fixture.name),
        quit: false,
    };
    replay.apply(Action::Resize { width, height });
    replay.redraw();
    report
        .transcript
        .push(("start".into(), replay.frame.clone()));

    for (index, step) in fixture.steps.iter().enumerate() {
        let heading = describe(step, &replay.view);
        replay
            .cast
            .marker(&format!("step {}: {heading}", index + 1));
        let outcome = if replay.quit {
            Err("the app has quit (ctrl+c) before this step".to_string())
        } else {
            run_step(&mut replay, step, loaded, options)
        };
        report.steps_run = index + 1;
        report.transcript.push((
            format!("step {}: {heading}", index + 1),
            replay.frame.clone(),
        ));
        if let Err(message) = outcome {
            report.failure = Some(StepFailure {
                step: index + 1,
                kind: step.kind(),
                line: loaded.step_line(index),
                message,
                frame: replay.frame.clone(),
            });
            break;
        }
    }
    report.cast = replay.cast.finish();
    report.final_device = Some(replay.sim.device().clone());
    report.elapsed = started.elapsed();
    report
}

fn default_clock() -> DateTime<Utc> {
    DEFAULT_CLOCK.parse().unwrap_or_default()
}

fn starting_device(loaded: &LoadedFixture) -> Result<DeviceFile, String> {
    match &loaded.fixture.device {
        None => Ok(DeviceFile::factory_default()),
        Some(Value::String(relative)) => {
            let folder = loaded.path.parent().unwrap_or(Path::new("."));
            store::load(&folder.join(relative)).map_err(|e| e.to_string())
        }
        Some(inline @ Value::Object(_)) => {
            store::parse_value(inline.clone(), &loaded.path).map_err(|e| e.to_string())
        }
        Some(other) => Err(format!(
            "device must be a path or a device-file object, not {other}"
        )),
    }
}

/// A step's heading in transcripts and casts. Text typed into a password field is shown masked.
fn describe(step: &Step, view: &View) -> String {
    match step {
        Step::Type(text) => {
            let secret = view
                .focused()
                .is_some_and(|e| e.role == Role::PasswordField);
            if secret {
                format!("type {:?}", "•".repeat(text.chars().count()))
            } else {
                format!("type {text:?}")
            }
        }
        Step::Tap(label) => format!("tap {label:?}"),
        Step::TapId { id, .. } => format!("tap_id {id:?}"),
        Step::Key(key) => format!("key {:?}", key.as_str()),
        Step::Scroll(direction) => format!("scroll {direction:?}").to_lowercase(),
        Step::Back(times) => format!("back {times}"),
        Step::Wait(wait) => format!("wait {}", String::from(wait.clone())),
        Step::ExpectScreen(title) => format!("expect_screen {title:?}"),
        Step::ExpectText(text) => format!("expect_text {text:?}"),
        Step::ExpectNoText(text) => format!("expect_no_text {text:?}"),
        Step::ExpectState(pointers) => {
            format!("expect_state {}", Value::Object(pointers.clone()))
        }
        Step::Snapshot(name) => format!("snapshot {name:?}"),
        Step::SignInElsewhere(who) => format!(
            "sign_in_elsewhere {:?} on {:?} from {:?}",
            who.account, who.device, who.location
        ),
    }
}

fn run_step(
    replay: &mut Replay,
    step: &Step,
    loaded: &LoadedFixture,
    options: &Options,
) -> Result<(), String> {
    match step {
        Step::Tap(label) => {
            let id = resolve_label(&replay.view, label)?;
            tap(replay, &id);
        }
        Step::TapId { id, .. } => {
            let view = &replay.view;
            match view.find(id) {
                Some(element) if element.interactive() => {}
                Some(_) => return Err(format!("element {id:?} is on screen but cannot be tapped")),
                None => {
                    return Err(format!(
                        "no element with id {id:?} on this screen; ids on screen: {}",
                        quoted(view.active_elements().iter().map(|e| e.id.as_ref()))
                    ));
                }
            }
            tap(replay, id);
        }
        Step::Type(text) => {
            let focused = replay.view.focused();
            if !focused.is_some_and(|e| e.role.is_text_input()) {
                return Err(format!(
                    "no text field has focus (focus is on {})",
                    focused.map_or("nothing".to_string(), |e| format!("{:?}", e.label))
                ));
            }
            replay.apply(Action::Type(text.clone()));
            replay.redraw();
        }
        Step::Key(key) => {
            if let Some(action) = input::key_action(&key_event(key), &replay.view) {
                replay.apply(action);
            }
            replay.redraw();
        }
        Step::Scroll(direction) => {
            replay.apply(match direction {
                ScrollDirection::Up => Action::PageUp,
                ScrollDirection::Down => Action::PageDown,
            });
            replay.redraw();
        }
        Step::Back(times) => {
            for _ in 0..*times {
                replay.apply(Action::Back);
            }
            replay.redraw();
        }
        Step::Wait(wait) => {
            replay.env.advance(wait.duration());
            replay.apply(Action::Tick);
            replay.redraw();
        }
        Step::SignInElsewhere(who) => {
            if cloud::index_of(replay.sim.device(), &who.account).is_none() {
                return Err(format!(
                    "no account with Mi Account ID {:?} in the device file's cloud",
                    who.account
                ));
            }
            replay.apply(Action::SignInElsewhere(who.clone()));
            replay.redraw();
        }
        Step::ExpectScreen(title) => {
            if replay.view.title != *title {
                return Err(format!(
                    "expected the screen {title:?}, found {:?}",
                    replay.view.title
                ));
            }
        }
        Step::ExpectText(text) => {
            if !replay.frame.contains(text.as_str()) {
                return Err(format!(
                    "expected the text {text:?} on screen; it is not there"
                ));
            }
        }
        Step::ExpectNoText(text) => {
            if replay.frame.contains(text.as_str()) {
                return Err(format!("expected no {text:?} on screen; it is there"));
            }
        }
        Step::ExpectState(pointers) => check_state(replay.sim.device(), pointers)?,
        Step::Snapshot(name) => check_snapshot(&replay.frame, loaded, name, options)?,
    }
    Ok(())
}

/// Taps an element, first scrolling it into view if the page hides it, as a person would.
fn tap(replay: &mut Replay, id: &str) {
    if replay.view.dialog.is_none()
        && let Some(lines) = scroll_needed(&replay.view, id, replay.sim.viewport)
    {
        replay.apply(Action::Scroll(lines));
    }
    replay.apply(Action::Tap(id.to_string()));
    replay.redraw();
}

/// How many lines to scroll (negative: up) so that element `id` is fully on the page.
fn scroll_needed(view: &View, id: &str, viewport: (u16, u16)) -> Option<i32> {
    let (width, height) = PhoneLayout::page_size(viewport.0, viewport.1)?;
    let index = view.elements.iter().position(|e| e.id == id)?;
    let (offsets, _) = layout::element_offsets(&view.elements, width);
    let top = i32::from(*offsets.get(index)?);
    let bottom = top + i32::from(layout::element_height(&view.elements[index], width));
    let (scroll, height) = (i32::from(view.scroll), i32::from(height));
    if top < scroll {
        Some(top - scroll)
    } else if bottom > scroll + height {
        Some(bottom - (scroll + height))
    } else {
        None
    }
}

/// The id of the touchable element labelled `label`: an exact match, else a unique
/// case-insensitive one, else the element that answers to it as a seed's word (`Element::also`).
fn resolve_label(view: &View, label: &str) -> Result<String, String> {
    let elements = view.active_elements();
    let touchable: Vec<_> = elements.iter().filter(|e| e.interactive()).collect();
    let exact: Vec<_> = touchable.iter().filter(|e| e.label == label).collect();
    let matches = if !exact.is_empty() {
        exact
    } else {
        let lower = label.to_lowercase();
        let by_label: Vec<_> = touchable
            .iter()
            .filter(|e| e.label.to_lowercase() == lower)
            .collect();
        if by_label.is_empty() {
            touchable.iter().filter(|e| e.answers_to(label)).collect()
        } else {
            by_label
        }
    };
    match matches.as_slice() {
        [one] => Ok(one.id.to_string()),
        [] => {
            let shown = quoted(touchable.iter().map(|e| e.label.as_ref()));
            if elements.iter().any(|e| e.label == label) {
                Err(format!(
                    "{label:?} is on screen but cannot be tapped; touchable: {shown}"
                ))
            } else {
                Err(format!(
                    "no element labelled {label:?} on this screen; touchable: {shown}"
                ))
            }
        }
        several => Err(format!(
            "{} elements are labelled {label:?} ({}); use tap_id",
            several.len(),
            quoted(several.iter().map(|e| e.id.as_ref()))
        )),
    }
}

fn quoted<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The key event a fixture's key name stands for.
pub fn key_event(key: &KeyName) -> KeyEvent {
    let code = match key.as_str() {
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backtab" => KeyCode::BackTab,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pageup" => KeyCode::PageUp,
        "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "backspace" => KeyCode::Backspace,
        "delete" => KeyCode::Delete,
        "space" => KeyCode::Char(' '),
        "ctrl+c" => return KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL),
        "f2" => KeyCode::F(2),
        other => KeyCode::Char(other.chars().next().unwrap_or(' ')),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn check_state(
    device: &DeviceFile,
    pointers: &serde_json::Map<String, Value>,
) -> Result<(), String> {
    let state = serde_json::to_value(device).map_err(|e| e.to_string())?;
    let mismatches: Vec<String> = pointers
        .iter()
        .filter_map(|(pointer, expected)| match state.pointer(pointer) {
            Some(found) if found == expected => None,
            // A field the file leaves out when empty reads as null.
            None if expected.is_null() => None,
            Some(found) => Some(format!("{pointer}: expected {expected}, found {found}")),
            None => Some(format!(
                "{pointer}: expected {expected}, found nothing (no such field)"
            )),
        })
        .collect();
    if mismatches.is_empty() {
        Ok(())
    } else {
        Err(mismatches.join("; "))
    }
}

/// Where a fixture's snapshot lives: `<stem>.snapshots/<name>.txt` beside the fixture.
pub fn snapshot_path(fixture: &Path, name: &str) -> PathBuf {
    let stem = fixture
        .file_stem()
        .map_or_else(|| "fixture".into(), |s| s.to_string_lossy().into_owned());
    fixture
        .with_file_name(format!("{stem}.snapshots"))
        .join(format!("{name}.txt"))
}

fn check_snapshot(
    frame: &str,
    loaded: &LoadedFixture,
    name: &str,
    options: &Options,
) -> Result<(), String> {
    let path = snapshot_path(&loaded.path, name);
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
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if options.ci && !options.update_snapshots {
                Err(format!(
                    "{} is missing (CI does not write snapshots: run `mi-settings replay --update` and commit it)",
                    path.display()
                ))
            } else {
                write(&path)
            }
        }
        Err(e) => Err(format!("cannot read {}: {e}", path.display())),
    }
}

/// The lines that differ, as `-stored` / `+now` pairs.
fn line_diff(stored: &str, now: &str) -> String {
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
