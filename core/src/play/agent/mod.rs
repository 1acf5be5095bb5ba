//! The task catalogue as an environment for UI agents: episodes of the tasks, observed as the
//! view model, acted on with AndroidWorld's words mapped onto fixture steps (so that every
//! episode can be written as a replayable fixture), scored by the task's check. The JSON-lines
//! server around it is a shell (`crate::shells::agent`).

mod act;
pub mod ascii_json;
pub mod batch;
mod current;
pub mod log;
mod observe;
pub mod pixels;
pub mod protocol;
pub mod shared_file;

use current::{Current, PhoneChoice};
use log::EpisodeLog;
use protocol::{AgentAction, EpisodeInfo, GoalStatus, Request, Response, TaskEntry};

use crate::play::fixture::{DEFAULT_HEIGHT, DEFAULT_WIDTH};
use crate::play::tasks::episode::EpisodeOutcome;
use crate::play::tasks::format::Finish;
use crate::play::tasks::{self, Task};
use crate::sim::device::Language;

pub struct Agent {
    /// Shared by the environments of a batch.
    tasks: std::sync::Arc<[Task]>,
    current: Option<Current>,
    /// Whether `solution` answers (an oracle or a test), or is refused (an agent under
    /// evaluation).
    allow_solution: bool,
    /// The language of resets that name none.
    language: Language,
    /// Whether episodes are logged (kept for the shell to write).
    logging: bool,
    /// Logs of episodes that ended, not yet taken.
    finished: Vec<EpisodeLog>,
    /// Logs carry the task's device file (with its password hashes) instead of naming the
    /// task.
    log_device: bool,
}

impl Agent {
    /// An agent on the task catalogue, logging nothing.
    pub fn new() -> Result<Agent, String> {
        Ok(Agent {
            tasks: tasks::builtin()?.into(),
            current: None,
            allow_solution: false,
            language: Language::En,
            logging: false,
            finished: Vec::new(),
            log_device: false,
        })
    }

    /// Every episode is logged as a fixture when it ends (see [`Agent::take_logs`]).
    pub fn logging(mut self, logging: bool) -> Agent {
        self.logging = logging;
        self
    }

    /// The logs of the episodes that ended since the last call, oldest first.
    pub fn take_logs(&mut self) -> Vec<EpisodeLog> {
        std::mem::take(&mut self.finished)
    }

    /// Ends the log of the running episode (the session is ending: a close, the end of input,
    /// a signal, a broken pipe) and takes every log not yet taken.
    pub fn finish(&mut self) -> Vec<EpisodeLog> {
        self.end_log();
        self.take_logs()
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
        self.tasks = tasks.into();
        self
    }

    /// Another agent like this one (the same tasks, shared, language and settings), with no
    /// episode: one environment more of a batch.
    pub fn twin(&self) -> Agent {
        Agent {
            tasks: std::sync::Arc::clone(&self.tasks),
            current: None,
            allow_solution: self.allow_solution,
            language: self.language,
            logging: self.logging,
            finished: Vec::new(),
            log_device: self.log_device,
        }
    }

    /// Answers one request line, and whether it closed the session.
    pub fn answer(&mut self, line: &str) -> (Response, bool) {
        match parse(line) {
            Ok(request) => self.answer_request(request),
            Err(error) => (Response::Error { error }, false),
        }
    }

    /// Answers one request, and whether it closed the session.
    pub fn answer_request(&mut self, request: Request) -> (Response, bool) {
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
            Request::Step { action } => (self.step(&action.0), false),
            Request::Render {
                format: Some(protocol::RenderFormat::Png),
            } => match &mut self.current {
                Some(current) => (
                    pixels::png(
                        current.pixels.scale,
                        &mut current.episode,
                        (current.width, current.height),
                    ),
                    false,
                ),
                None => (no_episode(), false),
            },
            Request::Render { .. } => match &mut self.current {
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
                            .flat_map(act::solution_actions)
                            .collect(),
                    },
                    false,
                ),
                None => (no_episode(), false),
            },
            Request::Close {} => {
                self.end_log();
                (Response::Closed { closed: true }, true)
            }
            Request::Batch { .. } | Request::ObservationsFile { .. } => (
                Response::Error {
                    error: "batch requests are for a batch session: start `mi-settings agent \
                            --batch N`"
                        .into(),
                },
                false,
            ),
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
        let seconds_per_action = options.seconds_per_action.unwrap_or(0);
        if seconds_per_action > MAX_SECONDS_PER_ACTION {
            return Response::Error {
                error: format!(
                    "seconds_per_action {seconds_per_action}: at most {MAX_SECONDS_PER_ACTION} \
                     (an hour)"
                ),
            };
        }
        let pixels = match pixels::Pixels::new(
            options.observation,
            options.scale,
            (width, height),
            options.pixels_file.as_deref(),
        ) {
            Ok(pixels) => pixels,
            Err(error) => return Response::Error { error },
        };
        // One scale for the pictures and the pixels `x`,`y` point into (checked: 1 to 4).
        let pixel_scale =
            (options.coordinates == protocol::Coordinates::Pixels).then_some(pixels.scale);
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
        self.end_log();
        let mut current = Current {
            seed,
            episode,
            width,
            height,
            frame: options.frame,
            as_text: options.observation_text,
            phone,
            steps: 0,
            ended: false,
            ids: Vec::new(),
            boxes: Vec::new(),
            seconds_per_action,
            pixel_scale,
            log: Vec::new(),
            reward: 0.0,
            finish: options.finish,
            outcome: None,
            terminated: false,
            logged: false,
            answered: None,
            left_out: Vec::new(),
            pixels,
            task,
        };
        let observation = observe::seen(&mut current);
        let pixels = pixels::drawn(
            &mut current.pixels,
            &mut current.episode,
            (current.width, current.height),
        );
        let info = EpisodeInfo {
            goal: Some(current.episode.variant.goal.clone()),
            task: Some(current.task.id.clone()),
            seed: Some(seed),
            max_steps: Some(current.task.max_steps),
            kind: Some(kind(&current.task).to_string()),
            ..EpisodeInfo::default()
        };
        self.current = Some(current);
        Response::Reset {
            observation,
            info,
            pixels,
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

    fn step(&mut self, action: &Result<AgentAction, String>) -> Response {
        let Some(current) = &mut self.current else {
            return no_episode();
        };
        if current.ended {
            // AndroidWorld finishes with `status complete` after an answer: the episode the
            // answer ended is told again, not refused.
            if let Ok(AgentAction::Status { .. }) = action
                && current.terminated
            {
                let info = EpisodeInfo {
                    steps: current.steps,
                    outcome: current.outcome.clone(),
                    ..EpisodeInfo::default()
                };
                return Response::Step {
                    observation: observe::seen(current),
                    reward: 0.0,
                    terminated: true,
                    truncated: false,
                    info,
                    pixels: pixels::drawn(
                        &mut current.pixels,
                        &mut current.episode,
                        (current.width, current.height),
                    ),
                };
            }
            return Response::Error {
                error: "the episode has ended: reset to start another".into(),
            };
        }
        current.steps = current.steps.saturating_add(1);
        let mut info = EpisodeInfo::default();
        let mut reward = 0.0;
        let mut terminated = false;
        let on_status = current.finish == Finish::OnStatus;
        let verdict = action
            .as_ref()
            .map_err(Clone::clone)
            .and_then(|action| perform(current, action));
        // Time passes while the agent looks and thinks, whatever it did (not after the word
        // that ends the episode: a status, or an answer unless it waits for the status).
        let ends = match verdict {
            Ok(Verdict::Status) => true,
            Ok(Verdict::Answer) => !on_status,
            _ => false,
        };
        if current.seconds_per_action > 0
            && !ends
            && let Ok(wait) =
                crate::play::fixture::WaitDuration::seconds(current.seconds_per_action)
        {
            let step = crate::play::fixture::Step::Wait(wait);
            if current.episode.step(&step).is_ok() {
                current.log.push(step);
            }
        }
        match verdict {
            Err(error) => info.error = Some(error),
            Ok(Verdict::Nothing) => {}
            // Judged at the status only: the answer waits for it.
            Ok(Verdict::Answer) if on_status => {}
            Ok(Verdict::Answer | Verdict::Status) => {
                // A status (or, unless judged at the status, an answer) ends the episode, right
                // or wrong.
                terminated = true;
                let outcome = current.episode.judge();
                if outcome == EpisodeOutcome::Done {
                    reward = 1.0;
                }
                info.outcome = Some(outcome.text());
            }
        }
        if !terminated && !on_status && current.episode.done() {
            terminated = true;
            reward = 1.0;
            info.outcome = Some(EpisodeOutcome::Done.text());
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
        let observation = observe::seen(current);
        let pixels = pixels::drawn(
            &mut current.pixels,
            &mut current.episode,
            (current.width, current.height),
        );
        let ended = current.ended;
        if ended {
            self.end_log();
        }
        Response::Step {
            observation,
            reward,
            terminated,
            truncated,
            info,
            pixels,
        }
    }

    /// The pixels a reset's or a step's answer announced (`pixels`): the bytes that follow its
    /// line.
    pub fn pixels(&self) -> &[u8] {
        self.current
            .as_ref()
            .map_or(&[], |current| current.pixels.rgb())
    }

    /// Ends the running episode's log, once: it waits in `finished` for the shell.
    fn end_log(&mut self) {
        let (true, Some(current)) = (self.logging, &mut self.current) else {
            return;
        };
        if current.logged || (current.log.is_empty() && current.steps == 0) {
            return;
        }
        let fixture = log::episode_fixture(current, self.log_device);
        current.log.clear();
        current.logged = true;
        self.finished.push(EpisodeLog {
            task: current.task.id.clone(),
            seed: current.seed,
            fixture,
        });
    }
}

/// The most simulated time that passes after each action (`seconds_per_action`).
const MAX_SECONDS_PER_ACTION: u64 = 3_600;

/// What the agent told the episode with its action: nothing, an answer, or a status.
enum Verdict {
    Nothing,
    /// An answer: the episode ends on it, unless it is judged at the status.
    Answer,
    /// A status: the episode ends on it.
    Status,
}

/// A request line read, or why it cannot be.
pub fn parse(line: &str) -> Result<Request, String> {
    serde_json::from_str(line).map_err(|e| crate::text::shortened(&e.to_string()))
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
fn perform(current: &mut Current, action: &AgentAction) -> Result<Verdict, String> {
    match action {
        AgentAction::Status { goal_status } => {
            if *goal_status == GoalStatus::Infeasible {
                current.episode.say_impossible();
            }
            return Ok(Verdict::Status);
        }
        AgentAction::Answer { text } => {
            current.episode.answer(text);
            current.answered = Some(text.clone());
            return Ok(Verdict::Answer);
        }
        _ => {}
    }
    let steps = act::steps_for(current, action)?;
    let double_tap = match action {
        AgentAction::DoubleTap(target) => Some((target, act::touch_point(current, target))),
        _ => None,
    };
    run_steps(current, steps)?;
    if let Some((target, point)) = double_tap
        && let Some(second) = act::second_tap(current, target, point)
    {
        // The second touch lands on whatever is there now; on nothing, it does nothing.
        let _ = run_steps(current, vec![second]);
    }
    Ok(Verdict::Nothing)
}

/// Runs steps on the episode, logging each as a replay will play it.
fn run_steps(current: &mut Current, steps: Vec<crate::play::fixture::Step>) -> Result<(), String> {
    for step in steps {
        let logged = log::loggable(current, &step);
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
    Ok(())
}
