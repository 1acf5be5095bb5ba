//! `mi-settings agent`: the task catalogue as an environment for UI agents, over a JSON-lines
//! protocol (one request per line on stdin, one response per line on stdout). Episodes are the
//! tasks' episodes; observations are the view model; actions are AndroidWorld's words mapped
//! onto fixture steps, so that every episode can be written as a replayable fixture.

pub mod protocol;

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use serde_json::Value;

use protocol::{Action, Info, Observation, ObservedElement, Request, Response, TaskEntry};

use crate::layout::{Area, PhoneLayout, element_height, element_offsets};
use crate::shells::replay::fixture::{
    DEFAULT_HEIGHT, DEFAULT_WIDTH, Fixture, KeyName, ScrollDirection, Step, TerminalSize,
    WaitDuration,
};
use crate::shells::replay::predicate::Condition;
use crate::shells::tasks::episode::Outcome;
use crate::shells::tasks::format::Finish;
use crate::shells::tasks::variant::SolutionStep;
use crate::shells::tasks::{self, Episode, Task};
use crate::sim::device::Language;
use crate::ui::{self, TextGrid, Theme};
use crate::view::{Element, View};

/// The longest request line read; a longer one is answered with an error and skipped.
pub const LINE_BYTES: usize = 1024 * 1024;

/// The running episode.
struct Current {
    task: Task,
    seed: u64,
    episode: Episode,
    width: u16,
    height: u16,
    frame: bool,
    /// The phone as the reset's options changed it (skin, ROM, language).
    phone: PhoneChoice,
    steps: u32,
    ended: bool,
    /// The element ids of the last observation, by index.
    ids: Vec<String>,
    /// What the agent did, as fixture steps (for `--log-dir`).
    log: Vec<Step>,
    reward: f64,
    /// When the episode is judged.
    finish: Finish,
    /// How it ended, once it did.
    outcome: Option<String>,
    terminated: bool,
    /// Written to the log folder already.
    logged: bool,
    /// What was answered, said in the log's description.
    answered: Option<String>,
    /// Passwords typed that could not be written into the log (before which steps).
    left_out: Vec<usize>,
}

/// What a reset's options change of a task's phone.
#[derive(Debug, Clone, Copy)]
struct PhoneChoice {
    skin: Option<crate::sim::device::Skin>,
    rom: Option<crate::sim::device::Rom>,
    language: Language,
}

impl PhoneChoice {
    fn apply(self, device: &mut crate::sim::DeviceFile) {
        if let Some(skin) = self.skin {
            device.phone.skin = skin;
        }
        if let Some(rom) = self.rom {
            device.phone.rom = rom;
        }
        device.phone.language = self.language;
    }
}

pub struct Agent {
    tasks: Vec<Task>,
    current: Option<Current>,
    /// Whether `solution` answers (an oracle or a test), or is refused (an agent under
    /// evaluation).
    allow_solution: bool,
    /// The language of resets that name none.
    language: Language,
    log_dir: Option<PathBuf>,
    /// The number of the next log's name (after the logs already in the folder).
    next_log: u64,
    /// Logs carry the task's device file (with its password hashes) instead of naming the
    /// task.
    log_device: bool,
}

impl Agent {
    pub fn new(log_dir: Option<PathBuf>) -> Result<Agent, String> {
        let mut next_log = 1;
        if let Some(dir) = &log_dir {
            std::fs::create_dir_all(dir)
                .map_err(|e| format!("--log-dir {}: cannot create it: {e}", dir.display()))?;
            crate::shells::files::remove_stale(dir);
            next_log =
                crate::shells::files::next_number(dir, |name| name.split_once('-')?.0.parse().ok());
        }
        Ok(Agent {
            tasks: tasks::builtin()?,
            current: None,
            allow_solution: false,
            language: Language::En,
            log_dir,
            next_log,
            log_device: false,
        })
    }

    /// Resets that name no language play in `language`.
    pub fn speaking(mut self, language: Language) -> Agent {
        self.language = language;
        self
    }

    /// Logs carry each task's device file (password hashes and all) instead of naming the task.
    pub fn logging_devices(mut self, log_device: bool) -> Agent {
        self.log_device = log_device;
        self
    }

    /// `solution` answers with the reference solution (for oracle agents and tests).
    pub fn allowing_solution(mut self, allow: bool) -> Agent {
        self.allow_solution = allow;
        self
    }

    /// The tasks that can be played (the catalogue, and a person's task files).
    pub fn with_tasks(mut self, tasks: Vec<Task>) -> Agent {
        self.tasks = tasks;
        self
    }

    /// Answers one request line. `None` after `close`.
    pub fn answer(&mut self, line: &str) -> (Response, bool) {
        let request: Request = match serde_json::from_str(line) {
            Ok(request) => request,
            Err(e) => {
                let message = crate::shells::input::shortened(&e.to_string());
                return (Response::Error { error: message }, false);
            }
        };
        match request {
            Request::Tasks {} => (
                Response::Tasks {
                    tasks: self.tasks.iter().map(entry).collect(),
                },
                false,
            ),
            Request::Reset {
                task,
                seed,
                options,
            } => (self.reset(&task, seed, options), false),
            Request::Step { action } => (self.step(&action), false),
            Request::Render {} => match &mut self.current {
                Some(current) => (
                    Response::Frame {
                        frame: current.episode.frame().to_string(),
                    },
                    false,
                ),
                None => (no_episode(), false),
            },
            Request::Solution {} if !self.allow_solution => (
                Response::Error {
                    error: "the reference solution is for oracle agents and tests: start \
                            `mi-settings agent --allow-solution` to have it"
                        .into(),
                },
                false,
            ),
            Request::Solution {} => match &self.current {
                Some(current) => (
                    Response::Solution {
                        actions: current
                            .episode
                            .variant
                            .solution
                            .iter()
                            .flat_map(solution_actions)
                            .collect(),
                    },
                    false,
                ),
                None => (no_episode(), false),
            },
            Request::Close {} => {
                self.write_log();
                (Response::Closed { closed: true }, true)
            }
        }
    }

    fn reset(&mut self, id: &str, seed: u64, options: protocol::ResetOptions) -> Response {
        // A refused reset leaves the running episode as it is: it is logged (and replaced)
        // only once the new one is made.
        let width = options.width.unwrap_or(DEFAULT_WIDTH);
        let height = options.height.unwrap_or(DEFAULT_HEIGHT);
        if !(30..=500).contains(&width) || !(10..=200).contains(&height) {
            return Response::Error {
                error: format!("a terminal of {width}x{height}: from 30x10 to 500x200"),
            };
        }
        let task = match tasks::find(&self.tasks, id) {
            Ok(task) => task.clone(),
            Err(e) => return Response::Error { error: e },
        };
        let phone = PhoneChoice {
            skin: options.skin,
            rom: options.rom,
            language: options.language.unwrap_or(self.language),
        };
        let adjust = move |device: &mut crate::sim::DeviceFile| phone.apply(device);
        if (phone.skin.is_some() || phone.rom.is_some()) && !self.allows(&task, seed, &adjust) {
            return Response::Error {
                error: format!(
                    "{} cannot be played with that skin or ROM: its reference solution does not \
                     do it there",
                    task.id
                ),
            };
        }
        let episode = match tasks::episode_on(&task, seed, Some((width, height)), &adjust) {
            Ok(episode) => episode,
            Err(e) => return Response::Error { error: e },
        };
        self.write_log();
        let mut current = Current {
            seed,
            episode,
            width,
            height,
            frame: options.frame,
            phone,
            steps: 0,
            ended: false,
            ids: Vec::new(),
            log: Vec::new(),
            reward: 0.0,
            finish: options.finish,
            outcome: None,
            terminated: false,
            logged: false,
            answered: None,
            left_out: Vec::new(),
            task,
        };
        let observation = observe(&mut current);
        let info = Info {
            goal: Some(current.episode.variant.goal.clone()),
            task: Some(current.task.id.clone()),
            seed: Some(seed),
            max_steps: Some(current.task.max_steps),
            kind: Some(kind(&current.task).to_string()),
            ..Info::default()
        };
        self.current = Some(current);
        Response::Reset {
            observation: Box::new(observation),
            info,
        }
    }

    /// Whether `task` allows the phone `adjust` makes: its reference solution still does it
    /// there (worked out once per task, seed and phone).
    fn allows(
        &mut self,
        task: &Task,
        seed: u64,
        adjust: &dyn Fn(&mut crate::sim::DeviceFile),
    ) -> bool {
        let Ok(mut probe) = tasks::episode_on(task, seed, None, adjust) else {
            return false;
        };
        let solution = probe.variant.solution.clone();
        solution.iter().all(|step| probe.solve_step(step).is_ok()) && probe.done()
    }

    fn step(&mut self, action: &Value) -> Response {
        let Some(current) = &mut self.current else {
            return no_episode();
        };
        let action: Result<Action, String> = serde_json::from_value(action.clone()).map_err(|e| {
            format!(
                "a malformed action: {}",
                crate::shells::input::shortened(&e.to_string())
            )
        });
        if current.ended {
            // AndroidWorld finishes with `status complete` after an answer: the episode the
            // answer ended is told again, not refused.
            if let Ok(action) = &action
                && action.action_type == "status"
                && current.terminated
            {
                let info = Info {
                    steps: current.steps,
                    outcome: current.outcome.clone(),
                    ..Info::default()
                };
                return Response::Step {
                    observation: Box::new(observe(current)),
                    reward: 0.0,
                    terminated: true,
                    truncated: false,
                    info,
                };
            }
            return Response::Error {
                error: "the episode has ended: reset to start another".into(),
            };
        }
        current.steps = current.steps.saturating_add(1);
        let mut info = Info::default();
        let mut reward = 0.0;
        let mut terminated = false;
        let on_status = current.finish == Finish::OnStatus;
        match action.and_then(|action| perform(current, &action)) {
            Err(error) => info.error = Some(error),
            Ok(Said::Nothing) => {}
            // Judged at the status only: the answer waits for it.
            Ok(Said::Answer) if on_status => {}
            Ok(Said::Answer | Said::Status) => {
                // A status (or, unless judged at the status, an answer) ends the episode, right
                // or wrong.
                terminated = true;
                let outcome = current.episode.judge();
                if outcome == Outcome::Done {
                    reward = 1.0;
                }
                info.outcome = Some(outcome.text());
            }
        }
        if !terminated && !on_status && current.episode.done() {
            terminated = true;
            reward = 1.0;
            info.outcome = Some(Outcome::Done.text());
        }
        let truncated = !terminated && current.steps >= current.task.max_steps;
        if truncated {
            info.outcome = Some(format!("out of steps ({})", current.task.max_steps));
        }
        current.ended = terminated || truncated;
        current.terminated = terminated;
        current.reward = reward;
        if current.ended {
            current.outcome.clone_from(&info.outcome);
        }
        info.steps = current.steps;
        let observation = observe(current);
        let ended = current.ended;
        if ended {
            self.write_log();
        }
        Response::Step {
            observation: Box::new(observation),
            reward,
            terminated,
            truncated,
            info,
        }
    }

    /// Writes the running episode as a fixture into `--log-dir`, once.
    fn write_log(&mut self) {
        let (Some(dir), Some(current)) = (&self.log_dir, &mut self.current) else {
            return;
        };
        if current.logged || (current.log.is_empty() && current.steps == 0) {
            return;
        }
        let fixture = episode_fixture(current, self.log_device);
        current.log.clear();
        current.logged = true;
        let mut json = serde_json::to_string_pretty(&fixture).unwrap_or_default();
        json.push('\n');
        let (task, seed) = (current.task.id.clone(), current.seed);
        let name = |n: u64| format!("{n:05}-{task}-seed{seed}.json");
        // A log that cannot be written must not end the agent's session: it is said on stderr.
        match crate::shells::files::write_new(dir, name, self.next_log, json.as_bytes()) {
            Ok((_, n)) => self.next_log = n.saturating_add(1),
            Err(e) => eprintln!(
                "mi-settings agent: cannot write a log into {}: {e}",
                dir.display()
            ),
        }
    }
}

enum Said {
    Nothing,
    /// An answer: the episode ends on it, unless it is judged at the status.
    Answer,
    /// A status: the episode ends on it.
    Status,
}

fn no_episode() -> Response {
    Response::Error {
        error: "no episode: send {\"op\":\"reset\",\"task\":\"…\",\"seed\":0} first".into(),
    }
}

fn kind(task: &Task) -> &'static str {
    if task.answer.is_some() {
        "answer"
    } else if task.infeasible.is_some() {
        "infeasible"
    } else {
        "do"
    }
}

fn entry(task: &Task) -> TaskEntry {
    TaskEntry {
        id: task.id.clone(),
        title: task.title.clone(),
        goal: task.goal.clone(),
        difficulty: task.difficulty.name().into(),
        seed_doc: task.seed_doc.number().into(),
        tags: task.tags.clone(),
        max_steps: task.max_steps,
        kind: kind(task).into(),
    }
}

/// Carries out an action: the fixture steps it means, run on the episode. An impossible action
/// changes nothing and says why.
fn perform(current: &mut Current, action: &Action) -> Result<Said, String> {
    let steps = steps_for(current, action)?;
    match action.action_type.as_str() {
        "status" => {
            return match action.goal_status.as_deref() {
                Some("complete") => Ok(Said::Status),
                Some("infeasible") => {
                    current.episode.say_impossible();
                    Ok(Said::Status)
                }
                other => Err(format!(
                    "status needs goal_status \"complete\" or \"infeasible\", not {other:?}"
                )),
            };
        }
        "answer" => {
            let text = action
                .text
                .as_deref()
                .ok_or("answer needs its text: {\"action_type\":\"answer\",\"text\":\"…\"}")?;
            current.episode.answer(text);
            current.answered = Some(text.to_string());
            return Ok(Said::Answer);
        }
        _ => {}
    }
    for step in steps {
        let logged = loggable(current, &step);
        current.episode.step(&step)?;
        // A key that asks the app to quit does nothing to an episode, and a replay would stop
        // at it: it is not logged.
        if current.episode.take_quit() {
            continue;
        }
        match logged {
            Some(step) => current.log.push(step),
            None => {
                let before = current.log.len() + 1;
                if current.left_out.last() != Some(&before) {
                    current.left_out.push(before);
                }
            }
        }
    }
    Ok(Said::Nothing)
}

/// A step as the log writes it. Text typed into a password field never goes into a log as it
/// is: a word of the goal (the password the task gives) is written as that word of the goal;
/// the password of an account the goal does not give is left out (`None`), as recordings leave
/// passwords out; any other text (a wrong guess) is no password, and is written.
fn loggable(current: &mut Current, step: &Step) -> Option<Step> {
    let Step::Type(text) = step else {
        return Some(step.clone());
    };
    let view = current.episode.engine().view();
    let into_password = view
        .focused()
        .is_some_and(|e| e.role == crate::view::Role::PasswordField);
    if !into_password {
        return Some(step.clone());
    }
    let goal = current.episode.variant.goal.clone();
    if let Some(n) = crate::shells::replay::runner::goal_words(&goal).position(|w| w == text) {
        return Some(Step::TypeFrom(Box::new(
            crate::shells::replay::fixture::TypeSource {
                goal_word: Some(n),
                ..Default::default()
            },
        )));
    }
    let device = current.episode.engine().device();
    let secret = device
        .cloud
        .accounts
        .iter()
        .any(|a| crate::sim::cloud::verify_password(&a.password_hash, text));
    (!secret).then(|| step.clone())
}

/// The fixture steps an action means, checked before anything runs.
fn steps_for(current: &Current, action: &Action) -> Result<Vec<Step>, String> {
    let tap = |id: String| Step::TapId { id, label: None };
    let target = |current: &Current| -> Result<Step, String> {
        if let Some(index) = action.index {
            return current.ids.get(index).cloned().map(tap).ok_or_else(|| {
                format!(
                    "index {index} is out of range: the observation has {} elements",
                    current.ids.len()
                )
            });
        }
        if let Some(id) = &action.id {
            return Ok(tap(id.clone()));
        }
        if let Some(label) = &action.label {
            return Ok(Step::Tap(label.clone()));
        }
        if let (Some(x), Some(y)) = (action.x, action.y) {
            return cell_target(current, x, y);
        }
        Err(format!(
            "{} needs a target: index, id, label, or x and y",
            action.action_type
        ))
    };
    let key =
        |name: &str| -> Result<Step, String> { KeyName::try_from(name.to_string()).map(Step::Key) };
    Ok(match action.action_type.as_str() {
        "click" | "long_press" => vec![target(current)?],
        "input_text" => {
            let mut steps = Vec::new();
            if action.index.is_some() || action.id.is_some() || action.label.is_some() {
                steps.push(target(current)?);
            }
            match (&action.text, &action.text_from) {
                (Some(text), None) => {
                    if text.chars().count() > 10_000 {
                        return Err("a text of more than 10,000 characters".into());
                    }
                    steps.push(Step::Type(text.clone()));
                }
                (None, Some(source)) if source.state.is_some() => {
                    return Err(
                        "text_from reads the screen (`digits_after`), not the device \
                                file: an agent sees what a person sees"
                            .into(),
                    );
                }
                (None, Some(source)) => steps.push(Step::TypeFrom(Box::new(source.clone()))),
                _ => return Err("input_text needs `text` (or `text_from`)".into()),
            }
            steps
        }
        "keyboard_enter" => vec![key("enter")?],
        "navigate_back" => vec![Step::Back(1)],
        "navigate_home" => {
            let mut steps = to_the_phone(current)?;
            steps.push(key("f3")?);
            steps
        }
        "scroll" => match action.direction.as_deref() {
            Some("down") => vec![Step::Scroll(ScrollDirection::Down)],
            Some("up") => vec![Step::Scroll(ScrollDirection::Up)],
            other => {
                return Err(format!(
                    "scroll needs direction \"up\" or \"down\", not {other:?}"
                ));
            }
        },
        "open_app" => {
            let name = action
                .app_name
                .as_deref()
                .ok_or("open_app needs app_name (Settings, Browser, Contacts …)")?;
            if name.eq_ignore_ascii_case("browser")
                && current.episode.engine().view().surface != "browser"
            {
                vec![key("f2")?]
            } else {
                vec![key("f3")?, Step::Tap(name.to_string())]
            }
        }
        "wait" => {
            let seconds = action.seconds.ok_or("wait needs seconds")?;
            let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
            let text = String::from(WaitDuration::from_seconds(seconds));
            vec![Step::Wait(WaitDuration::try_from(text)?)]
        }
        "key" => {
            let name = action
                .key
                .as_deref()
                .ok_or("key needs key (enter, esc, f2 …)")?;
            vec![key(name)?]
        }
        "status" | "answer" => Vec::new(),
        other => {
            return Err(format!(
                "unknown action_type {:?}; one of click, long_press, input_text, keyboard_enter, \
                 navigate_back, navigate_home, scroll, open_app, wait, status, answer, key",
                crate::shells::input::cut(other, 40)
            ));
        }
    })
}

/// From the browser, the steps back to the phone (F2); none on the phone.
fn to_the_phone(current: &Current) -> Result<Vec<Step>, String> {
    if current.episode.engine().view().surface == "browser" {
        Ok(vec![KeyName::try_from("f2".to_string()).map(Step::Key)?])
    } else {
        Ok(Vec::new())
    }
}

/// What a click on a terminal cell touches, found on the frame as drawn.
fn cell_target(current: &Current, x: u16, y: u16) -> Result<Step, String> {
    let view = current.episode.engine().view();
    let mut grid = TextGrid::new(current.width, current.height);
    let hits = ui::render_text(view, &mut grid, &Theme::miui());
    match hits.at(x, y) {
        Some(ui::Target::Element(id)) => Ok(Step::TapId {
            id: id.to_string(),
            label: None,
        }),
        Some(ui::Target::Back) => Ok(Step::Back(1)),
        Some(ui::Target::Home) => KeyName::try_from("f3".to_string()).map(Step::Key),
        None => Err(format!("nothing to touch at x {x}, y {y}")),
    }
}

/// The observation of the episode now; remembers the element ids for `index` targets.
fn observe(current: &mut Current) -> Observation {
    let (width, height) = (current.width, current.height);
    let view = current.episode.engine().view();
    let mut elements = Vec::with_capacity(view.elements.len());
    let boxes = page_boxes(view, width, height);
    // Under an open dialog the page is seen but cannot be touched.
    let page_touchable = view.dialog.is_none();
    for (element, bbox) in view.elements.iter().zip(boxes) {
        let mut seen = observed(elements.len(), element, false, bbox);
        seen.clickable &= page_touchable;
        elements.push(seen);
    }
    if let Some(dialog) = &view.dialog {
        let hits = {
            let mut grid = TextGrid::new(width, height);
            ui::render_text(view, &mut grid, &Theme::miui())
        };
        for element in &dialog.elements {
            let bbox = hits.targets().find_map(|(rect, target)| match target {
                ui::Target::Element(id) if *id == element.id => {
                    Some([rect.x, rect.y, rect.width, rect.height])
                }
                _ => None,
            });
            elements.push(observed(elements.len(), element, true, bbox));
        }
    }
    let mut observation = Observation {
        screen: view.screen.clone(),
        title: view.title.clone(),
        surface: view.surface.to_string(),
        address: view.address.clone(),
        status: view.status.clone(),
        elements,
        dialog: view.dialog.as_ref().map(|d| protocol::ObservedDialog {
            id: d.id.clone(),
            title: d.title.clone(),
            text: d
                .body
                .iter()
                .filter(|p| !p.trim().is_empty())
                .cloned()
                .collect(),
        }),
        busy: crate::engine::Context::of(view).busy,
        scroll: page_scroll(view, width, height),
        toast: view.toast.clone(),
        notification: view.notification.clone(),
        frame: None,
    };
    current.ids.clear();
    current
        .ids
        .extend(observation.elements.iter().map(|e| e.id.clone()));
    if current.frame {
        observation.frame = Some(current.episode.frame().to_string());
    }
    observation
}

fn observed(
    index: usize,
    element: &Element,
    in_dialog: bool,
    bbox: Option<[u16; 4]>,
) -> ObservedElement {
    ObservedElement {
        index,
        id: element.id.to_string(),
        role: element.role,
        // Secrets are masked as in replay: a password field's value is bullets.
        label: element.label.to_string(),
        value: element.value.as_ref().map(|v| {
            if element.role == crate::view::Role::PasswordField {
                "•".repeat(v.chars().count())
            } else {
                v.to_string()
            }
        }),
        summary: element.summary.as_ref().map(|s| s.to_string()),
        checked: element.checked,
        enabled: element.enabled,
        focused: element.focused,
        clickable: element.interactive(),
        in_dialog,
        on_screen: bbox.is_some(),
        bbox,
    }
}

/// How far the page is scrolled, when it is longer than the screen.
fn page_scroll(view: &View, width: u16, height: u16) -> Option<protocol::ObservedScroll> {
    let (page_width, page_height) = PhoneLayout::page_size(width, height)?;
    let (_, lines) = element_offsets(&view.elements, page_width);
    (lines > page_height).then(|| protocol::ObservedScroll {
        position: view.scroll,
        lines,
        shown: page_height,
        more_above: view.scroll > 0,
        more_below: view.scroll.saturating_add(page_height) < lines,
    })
}

/// Where each page element is drawn, `None` when scrolled out of sight.
fn page_boxes(view: &View, width: u16, height: u16) -> Vec<Option<[u16; 4]>> {
    let Some(layout) = PhoneLayout::new(Area::new(0, 0, width, height)) else {
        return vec![None; view.elements.len()];
    };
    let page = layout.page;
    let (offsets, _) = element_offsets(&view.elements, page.width);
    view.elements
        .iter()
        .zip(offsets)
        .map(|(element, offset)| {
            let rows = element_height(element, page.width);
            let top = i32::from(offset) - i32::from(view.scroll);
            let bottom = top + i32::from(rows);
            let visible = rows > 0 && top < i32::from(page.height) && bottom > 0;
            visible.then(|| {
                let first = top.max(0);
                let last = bottom.min(i32::from(page.height));
                let y = page.y + u16::try_from(first).unwrap_or(0);
                let h = u16::try_from(last - first).unwrap_or(0);
                [page.x, y, page.width, h]
            })
        })
        .collect()
}

/// A reference solution step as actions: a back of several presses is that many; steps that
/// only check (`expect…`) are left out.
fn solution_actions(step: &SolutionStep) -> Vec<Action> {
    match step {
        SolutionStep::Step(Step::Back(times)) => (0..*times)
            .map(|_| Action {
                action_type: "navigate_back".into(),
                ..Action::default()
            })
            .collect(),
        other => solution_action(other).into_iter().collect(),
    }
}

fn solution_action(step: &SolutionStep) -> Option<Action> {
    let action = |kind: &str| Action {
        action_type: kind.to_string(),
        ..Action::default()
    };
    Some(match step {
        SolutionStep::Answer(text) => Action {
            text: Some(text.clone()),
            ..action("answer")
        },
        SolutionStep::CannotBeDone => Action {
            goal_status: Some("infeasible".into()),
            ..action("status")
        },
        SolutionStep::Step(step) => match step {
            Step::Tap(label) => Action {
                label: Some(label.clone()),
                ..action("click")
            },
            Step::TapId { id, .. } => Action {
                id: Some(id.clone()),
                ..action("click")
            },
            Step::Type(text) => Action {
                text: Some(text.clone()),
                ..action("input_text")
            },
            Step::TypeFrom(source) => Action {
                text_from: Some((**source).clone()),
                ..action("input_text")
            },
            Step::Key(key) => Action {
                key: Some(String::from(*key)),
                ..action("key")
            },
            Step::Scroll(direction) => Action {
                direction: Some(
                    match direction {
                        ScrollDirection::Up => "up",
                        ScrollDirection::Down => "down",
                    }
                    .into(),
                ),
                ..action("scroll")
            },
            Step::Wait(wait) => Action {
                seconds: Some(u64::try_from(wait.duration().num_seconds()).unwrap_or(0)),
                ..action("wait")
            },
            _ => return None,
        },
    })
}

/// The episode as a fixture: the task's phone before set-up, the set-up and the agent's steps,
/// and what held at the end.
fn episode_fixture(current: &mut Current, with_device: bool) -> Fixture {
    // By default the log names the task (no device file, no password hash in it); with
    // `--log-device` it carries the device file and the set-up, and replays without the task.
    let device = with_device
        .then(|| tasks::variant_device(&current.task, &current.episode.variant).ok())
        .flatten()
        .and_then(|mut device| {
            current.phone.apply(&mut device);
            serde_json::to_value(device).ok()
        });
    let mut steps: Vec<Step> = if with_device {
        current.episode.variant.setup.clone()
    } else {
        Vec::new()
    };
    steps.extend(current.log.iter().cloned());
    steps.push(Step::ExpectScreen(
        current.episode.engine().view().title.clone(),
    ));
    // What the success condition says now, whatever the reward (a task that cannot be done
    // and was never said so has its phone unchanged, and no reward): the replay must agree.
    if let (Some(success), Some(holds)) = (
        current.episode.variant.success.clone(),
        current.episode.success_holds(),
    ) {
        // A log that names its task says so without spelling the condition out (it holds the
        // passwords the goal names); one that carries its device carries the condition.
        steps.push(if with_device {
            Step::Expect(Box::new(if holds {
                success
            } else {
                Condition::Not(Box::new(success))
            }))
        } else {
            Step::ExpectTask(holds)
        });
    }
    let mut description = format!(
        "Reward {}{}.",
        current.reward,
        current
            .outcome
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default()
    );
    if let Some(answer) = &current.answered {
        let device = current.episode.engine().device();
        let a_password = device
            .cloud
            .accounts
            .iter()
            .any(|a| crate::sim::cloud::verify_password(&a.password_hash, answer));
        if a_password {
            description.push_str(" It answered with a password, left out here.");
        } else {
            description.push_str(&format!(
                " It answered {:?}.",
                crate::shells::input::cut(answer, 200)
            ));
        }
    }
    if !current.left_out.is_empty() {
        let places: Vec<String> = current.left_out.iter().map(|n| n.to_string()).collect();
        description.push_str(&format!(
            " A password (of an account, not given by the goal) was typed before step(s) {} \
             and is left out.",
            places.join(", ")
        ));
    }
    let task = (!with_device).then(|| crate::shells::replay::fixture::TaskRef {
        id: current.task.id.clone(),
        seed: current.seed,
        skin: current.phone.skin,
        rom: current.phone.rom,
    });
    Fixture {
        task,
        setup_steps: with_device.then_some(current.episode.variant.setup.len()),
        version: crate::shells::replay::fixture::FIXTURE_VERSION,
        name: format!(
            "{} (seed {}), an agent's episode",
            current.task.id, current.seed
        ),
        description,
        terminal: Some(TerminalSize {
            width: current.width,
            height: current.height,
        }),
        device,
        seed: with_device.then_some(current.seed),
        language: Some(current.phone.language),
        clock: if with_device {
            current.task.start.clock
        } else {
            None
        },
        steps,
    }
}

/// A line read from the agent's input, by the reader thread.
enum Incoming {
    /// A line's bytes (at most `LINE_BYTES + 1` of them) and how long it really was.
    Line(Vec<u8>, usize),
    End,
    Failed(io::Error),
}

/// How often a waiting agent looks whether it was asked to stop (SIGTERM).
const STOP_POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// Serves requests from `input` until `close`, the end of input, or `stop` (set by a signal).
/// A bad line is answered with an error and the session goes on.
///
/// A thread reads `input` all the while, so a client may send requests ahead without limit:
/// however far ahead it writes, its requests are taken in while its answers wait to be read.
/// Answers are flushed when no whole request is already waiting, so an agent that waits for
/// each answer gets it at once, and one that sends requests ahead (an oracle, a batch) gets its
/// answers in as few writes as the pipe allows. The running episode is logged whatever ends the
/// session: a close, the end of input, a stop, or a reader of the answers gone (a broken pipe).
pub fn serve<R: Read + Send + 'static>(
    agent: &mut Agent,
    input: BufReader<R>,
    mut output: impl Write,
    stop: &AtomicBool,
) -> io::Result<()> {
    let (sender, lines) = mpsc::channel::<Incoming>();
    std::thread::spawn(move || {
        let mut input = input;
        loop {
            let mut line = Vec::new();
            let incoming = match read_line_bounded(&mut input, &mut line) {
                Ok(0) => Incoming::End,
                Ok(read) => Incoming::Line(line, read),
                Err(e) => Incoming::Failed(e),
            };
            let last = !matches!(incoming, Incoming::Line(..));
            // The server has gone: nobody wants the rest.
            if sender.send(incoming).is_err() || last {
                return;
            }
        }
    });
    let mut text = Vec::new();
    let mut next: Option<Incoming> = None;
    loop {
        let incoming = match next.take() {
            Some(incoming) => incoming,
            None => loop {
                match lines.recv_timeout(STOP_POLL) {
                    Ok(incoming) => break incoming,
                    Err(mpsc::RecvTimeoutError::Timeout) if stop.load(Ordering::Relaxed) => {
                        agent.write_log();
                        return Ok(());
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => break Incoming::End,
                }
            },
        };
        let (line, read) = match incoming {
            Incoming::Line(line, read) => (line, read),
            Incoming::End => {
                agent.write_log();
                return Ok(());
            }
            Incoming::Failed(e) => {
                agent.write_log();
                return Err(e);
            }
        };
        let (response, closed) = match std::str::from_utf8(&line) {
            _ if read > LINE_BYTES => (
                Response::Error {
                    error: format!("a line longer than {LINE_BYTES} bytes"),
                },
                false,
            ),
            Ok(text) if text.trim().is_empty() => (
                Response::Error {
                    error: "an empty line: send one JSON request per line".into(),
                },
                false,
            ),
            Ok(text) => agent.answer(text),
            Err(e) => (
                Response::Error {
                    error: format!("not UTF-8 text: {e}"),
                },
                false,
            ),
        };
        // One buffer for every response, written whole: a response that cannot be written as
        // JSON is replaced by an error, never sent in part.
        text.clear();
        if let Err(e) = serde_json::to_writer(&mut text, &response) {
            text.clear();
            let error = Response::Error {
                error: format!("cannot write the response: {e}"),
            };
            serde_json::to_writer(&mut text, &error).map_err(io::Error::other)?;
        }
        text.push(b'\n');
        // Flushed when no whole request waits: the next one, if any, is held for the next turn.
        next = lines.try_recv().ok();
        let written = output.write_all(&text).and_then(|()| {
            if closed || next.is_none() {
                output.flush()
            } else {
                Ok(())
            }
        });
        if let Err(e) = written {
            // The reader of the answers is gone: the episode is kept all the same.
            agent.write_log();
            return Err(e);
        }
        if closed {
            return Ok(());
        }
        if stop.load(Ordering::Relaxed) {
            agent.write_log();
            return Ok(());
        }
    }
}

/// Reads one line, keeping at most `LINE_BYTES + 1` bytes of it; returns how many bytes the
/// line had (0 at the end of input).
fn read_line_bounded(input: &mut impl BufRead, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut total = 0;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(total);
        }
        let (chunk, found) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (&buffer[..at], Some(at)),
            None => (buffer, None),
        };
        let room = (LINE_BYTES + 1).saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        total += chunk.len();
        let used = found.map_or(chunk.len(), |at| at + 1);
        input.consume(used);
        if found.is_some() {
            return Ok(total.max(1));
        }
    }
}
