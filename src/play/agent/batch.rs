//! A batch of environments in one process (`mi-settings agent --batch N`): N agents, each with
//! its own episode (task, seed, phone, log), asked together by one request and answered by one
//! line, their work shared out over a few threads. Where the observations go (a row of a file the
//! client maps) is the shell's: it hands in a writer.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

use super::Agent;
use super::ascii_json;
use super::log::EpisodeLog;
use super::protocol::{AgentAction, Parsed, Request, Response, Seen};

/// The most environments a batch holds.
pub const MAX_ENVS: usize = 1024;
/// The most threads a batch's work is shared over.
pub const MAX_THREADS: usize = 64;

/// Writes environment `i`'s observation (compact printable-ASCII JSON) where the client reads
/// it; whether it did (else the observation stays in the answer).
pub type RowWriter<'a> = &'a (dyn Fn(usize, &[u8]) -> bool + Sync);

pub struct Batch {
    agents: Vec<Agent>,
    threads: usize,
}

/// One environment's part of a batch request.
type Entry = Option<Result<Request, String>>;

impl Batch {
    /// `envs` environments like `agent` (1 to [`MAX_ENVS`]), their work shared over `threads`
    /// threads (1 to [`MAX_THREADS`]).
    pub fn new(agent: &Agent, envs: usize, threads: usize) -> Result<Batch, String> {
        if !(1..=MAX_ENVS).contains(&envs) {
            return Err(format!("--batch {envs}: from 1 to {MAX_ENVS} environments"));
        }
        if !(1..=MAX_THREADS).contains(&threads) {
            return Err(format!("--threads {threads}: from 1 to {MAX_THREADS}"));
        }
        Ok(Batch {
            agents: (0..envs).map(|_| agent.twin()).collect(),
            threads,
        })
    }

    /// How many environments the batch holds.
    pub fn len(&self) -> usize {
        self.agents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.agents.is_empty()
    }

    /// How many threads share the work.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Answers a request of a batch session (all but `observations_file`, which is the
    /// shell's), and whether it closed the session. Observations go through `rows` when given.
    pub fn answer(&mut self, request: Request, rows: Option<RowWriter<'_>>) -> (Response, bool) {
        match request {
            Request::Tasks {} => self.agents[0].answer_request(Request::Tasks {}),
            Request::Close {} => {
                for agent in &mut self.agents {
                    agent.end_log();
                }
                (Response::Closed { closed: true }, true)
            }
            Request::Batch { envs } => (self.run(envs, rows), false),
            Request::ObservationsFile { .. } => (
                Response::Error {
                    error: "observations_file: not here".into(),
                },
                false,
            ),
            Request::Reset { .. }
            | Request::Step { .. }
            | Request::Render { .. }
            | Request::Solution {} => (
                Response::Error {
                    error: format!(
                        "a batch session of {} environments takes \
                         {{\"op\":\"batch\",\"envs\":[…]}} with one entry (or null) for each",
                        self.len()
                    ),
                },
                false,
            ),
        }
    }

    /// The logs of the episodes that ended since the last call.
    pub fn take_logs(&mut self) -> Vec<EpisodeLog> {
        self.agents.iter_mut().flat_map(Agent::take_logs).collect()
    }

    /// The session ends: every running episode is logged.
    pub fn finish(&mut self) -> Vec<EpisodeLog> {
        self.agents.iter_mut().flat_map(Agent::finish).collect()
    }

    fn run(&mut self, envs: Vec<Value>, rows: Option<RowWriter<'_>>) -> Response {
        if envs.len() != self.len() {
            return Response::Error {
                error: format!(
                    "a batch of {} entries for {} environments: send exactly one (or null) for \
                     each",
                    envs.len(),
                    self.len()
                ),
            };
        }
        let entries: Vec<Entry> = envs.into_iter().enumerate().map(entry).collect();
        let work: Vec<usize> = (0..entries.len())
            .filter(|&i| entries[i].is_some())
            .collect();
        let slots: Vec<Mutex<(&mut Agent, Entry, Option<Response>)>> = self
            .agents
            .iter_mut()
            .zip(entries)
            .map(|(agent, entry)| Mutex::new((agent, entry, None)))
            .collect();
        let next = AtomicUsize::new(0);
        let worker = || {
            loop {
                let k = next.fetch_add(1, Ordering::Relaxed);
                let Some(&i) = work.get(k) else {
                    return;
                };
                // A slot is taken by one worker only; a poisoned one (a panic) is still read.
                let mut slot = slots[i]
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                let (agent, entry, answer) = &mut *slot;
                if let Some(entry) = entry.take() {
                    *answer = Some(answered(i, agent, entry, rows));
                }
            }
        };
        let threads = self.threads.min(work.len());
        if threads <= 1 {
            worker();
        } else {
            std::thread::scope(|scope| {
                for _ in 1..threads {
                    scope.spawn(worker);
                }
                worker();
            });
        }
        Response::Batch {
            envs: slots
                .into_iter()
                .map(|slot| {
                    slot.into_inner()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .2
                })
                .collect(),
        }
    }
}

/// Environment `i`'s entry read: nothing, a request, or why it cannot be taken.
fn entry((i, value): (usize, Value)) -> Entry {
    let request = match value {
        Value::Null => return None,
        // A step's action as its JSON text; a text that is not JSON is the action as a string.
        Value::String(text) => {
            let action = serde_json::from_str::<Value>(&text).unwrap_or(Value::String(text));
            serde_json::from_value::<Parsed<AgentAction>>(action)
                .map(|action| Request::Step { action })
                .map_err(|e| crate::text::shortened(&e.to_string()))
        }
        value @ Value::Object(_) => serde_json::from_value::<Request>(value)
            .map_err(|e| crate::text::shortened(&e.to_string())),
        _ => Err("an entry is a request object, a step's action as JSON text, or null".into()),
    };
    Some(
        request
            .and_then(|request| match request {
                Request::Reset { ref options, .. }
                    if options.observation.has_pixels() && options.pixels_file.is_none() =>
                {
                    Err("in a batch, pixels come through options.pixels_file only".into())
                }
                Request::Reset { .. }
                | Request::Step { .. }
                | Request::Render { .. }
                | Request::Solution {} => Ok(request),
                _ => Err(
                    "an environment takes reset, step, render or solution; tasks and close are \
                     the session's"
                        .into(),
                ),
            })
            .map_err(|e| format!("envs[{i}]: {e}")),
    )
}

/// Environment `i`'s answer to its entry, its observation moved into its row when it can be.
fn answered(
    i: usize,
    agent: &mut Agent,
    entry: Result<Request, String>,
    rows: Option<RowWriter<'_>>,
) -> Response {
    let mut response = match entry {
        Ok(request) => agent.answer_request(request).0,
        Err(error) => return Response::Error { error },
    };
    match &mut response {
        Response::Error { error } => *error = format!("envs[{i}]: {error}"),
        Response::Reset {
            observation,
            pixels,
            ..
        }
        | Response::Step {
            observation,
            pixels,
            ..
        } => {
            if pixels.is_some_and(|frame| !frame.file) {
                // Nothing may follow a batch's line: the frame the file could not take is lost.
                return Response::Error {
                    error: format!(
                        "envs[{i}]: the frame could not be written into its pixels_file"
                    ),
                };
            }
            if let Some(rows) = rows {
                let written = match observation {
                    Seen::Text { observation_text } => rows(i, observation_text.as_bytes()),
                    Seen::Object {
                        observation: object,
                    } => {
                        let mut text = Vec::new();
                        ascii_json::to_writer(&mut text, object).is_ok() && rows(i, &text)
                    }
                    Seen::Row { .. } | Seen::Nothing {} => false,
                };
                if written {
                    *observation = Seen::Row { observation_row: i };
                }
            }
        }
        _ => {}
    }
    response
}
