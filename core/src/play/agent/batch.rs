//! A batch of environments in one process (`mi-settings agent --batch N`): N agents, each with
//! its own episode (task, seed, phone, log), asked together by one request and answered by one
//! line, their work shared out over a few threads. Where the observations go (a row of a file the
//! client maps) is the shell's: it hands in a writer.
//!
//! The threads live as long as the batch and sleep between requests. The thread that reads the
//! requests works too, claiming environments one at a time as the others do, and waits only for
//! the environments another thread has claimed and not finished: a helper that has not woken up
//! yet (the machine is busy) is not waited for, and a batch is never slower than on one thread by
//! more than one environment's step.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;

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
pub type RowWriter = Arc<dyn Fn(usize, &[u8]) -> bool + Send + Sync>;

pub struct Batch {
    shared: Arc<Shared>,
    helpers: Vec<JoinHandle<()>>,
    threads: usize,
}

/// What the threads share: the environments, and the batch being worked.
struct Shared {
    slots: Vec<Mutex<Slot>>,
    job: Mutex<Job>,
    wake: Condvar,
    /// The batch's generation (high 32 bits) and the next of its environments to claim.
    claim: AtomicU64,
    /// Environments of the batch finished.
    done: AtomicUsize,
    /// An environment's request panicked (the batch then panics as one agent would).
    panicked: AtomicBool,
}

/// One environment: its agent, the request it was given and its answer.
struct Slot {
    agent: Agent,
    entry: Entry,
    answer: Option<Response>,
}

/// The batch being worked: which environments have a request, where observations go.
#[derive(Default)]
struct Job {
    generation: u32,
    work: Arc<Vec<usize>>,
    rows: Option<RowWriter>,
    stop: bool,
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
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
        let shared = Arc::new(Shared {
            slots: (0..envs)
                .map(|_| {
                    Mutex::new(Slot {
                        agent: agent.twin(),
                        entry: None,
                        answer: None,
                    })
                })
                .collect(),
            job: Mutex::new(Job::default()),
            wake: Condvar::new(),
            claim: AtomicU64::new(0),
            done: AtomicUsize::new(0),
            panicked: AtomicBool::new(false),
        });
        let mut helpers = Vec::new();
        for n in 1..threads.min(envs) {
            let shared = Arc::clone(&shared);
            let helper = std::thread::Builder::new()
                .name(format!("batch-{n}"))
                .spawn(move || help(&shared))
                .map_err(|e| format!("--threads {threads}: cannot start a thread: {e}"))?;
            helpers.push(helper);
        }
        Ok(Batch {
            shared,
            helpers,
            threads,
        })
    }

    /// How many environments the batch holds.
    pub fn len(&self) -> usize {
        self.shared.slots.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shared.slots.is_empty()
    }

    /// Observations go through `rows` from now on.
    pub fn write_rows(&mut self, rows: RowWriter) {
        locked(&self.shared.job).rows = Some(rows);
    }

    /// How many threads share the work.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Answers a request of a batch session (all but `observations_file`, which the shell
    /// takes: see [`Batch::write_rows`]), and whether it closed the session.
    pub fn answer(&mut self, request: Request) -> (Response, bool) {
        match request {
            Request::Tasks {} => locked(&self.shared.slots[0])
                .agent
                .answer_request(Request::Tasks {}),
            Request::Close {} => {
                for slot in &self.shared.slots {
                    locked(slot).agent.end_log();
                }
                (Response::Closed { closed: true }, true)
            }
            Request::Batch { envs } => (self.run(envs), false),
            Request::ObservationsFile { .. } => (
                Response::Error {
                    error: "observations_file is taken by the shell, not the batch".into(),
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
        self.logs(Agent::take_logs)
    }

    /// The session ends: every running episode is logged.
    pub fn finish(&mut self) -> Vec<EpisodeLog> {
        self.logs(Agent::finish)
    }

    /// Every environment's logs that `take` takes, in order.
    fn logs(&mut self, take: fn(&mut Agent) -> Vec<EpisodeLog>) -> Vec<EpisodeLog> {
        let slots = &self.shared.slots;
        slots
            .iter()
            .flat_map(|s| take(&mut locked(s).agent))
            .collect()
    }

    fn run(&mut self, envs: Vec<Value>) -> Response {
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
        let shared = &*self.shared;
        let mut work = Vec::new();
        for (i, value) in envs.into_iter().enumerate() {
            let entry = entry((i, value));
            if entry.is_some() {
                work.push(i);
            }
            let mut slot = locked(&shared.slots[i]);
            slot.entry = entry;
            slot.answer = None;
        }
        let work = Arc::new(work);
        let (generation, rows) = {
            let mut job = locked(&shared.job);
            job.generation = job.generation.wrapping_add(1);
            job.work = Arc::clone(&work);
            shared.done.store(0, Ordering::SeqCst);
            shared
                .claim
                .store(u64::from(job.generation) << 32, Ordering::SeqCst);
            (job.generation, job.rows.clone())
        };
        if !self.helpers.is_empty() && work.len() > 1 {
            shared.wake.notify_all();
        }
        claim_and_work(shared, generation, &work, rows.as_ref());
        // What the helpers claimed is being worked: wait for it (only that).
        while shared.done.load(Ordering::SeqCst) < work.len() {
            std::thread::yield_now();
        }
        if shared.panicked.load(Ordering::SeqCst) {
            panic!("an environment of the batch failed");
        }
        Response::Batch {
            envs: shared
                .slots
                .iter()
                .map(|slot| locked(slot).answer.take())
                .collect(),
        }
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        locked(&self.shared.job).stop = true;
        self.shared.wake.notify_all();
        for helper in self.helpers.drain(..) {
            // A helper that panicked has said so already.
            let _ = helper.join();
        }
    }
}

/// How many times a helper looks for the next batch before it sleeps (a few hundred µs).
const SPINS: u32 = 5_000;

/// A helper thread: sleeps until a batch comes, works on it, and again, until the batch ends.
fn help(shared: &Shared) {
    let mut seen = 0;
    loop {
        // The next batch mostly comes within the client's turn (tens of µs): looking for it a
        // while first costs less than being woken, which on a virtual machine can take as
        // long as a batch's work. Bounded: then the helper sleeps until woken.
        for _ in 0..SPINS {
            if (shared.claim.load(Ordering::Acquire) >> 32) as u32 != seen {
                break;
            }
            std::hint::spin_loop();
        }
        let (generation, work, rows) = {
            let mut job = locked(&shared.job);
            while job.generation == seen && !job.stop {
                job = shared
                    .wake
                    .wait(job)
                    .unwrap_or_else(PoisonError::into_inner);
            }
            if job.stop {
                return;
            }
            seen = job.generation;
            (job.generation, Arc::clone(&job.work), job.rows.clone())
        };
        claim_and_work(shared, generation, &work, rows.as_ref());
    }
}

/// Claims the batch's environments one at a time and answers each, until none is left (or the
/// batch is another one already).
fn claim_and_work(shared: &Shared, generation: u32, work: &[usize], rows: Option<&RowWriter>) {
    loop {
        let claim = shared.claim.load(Ordering::SeqCst);
        let k = (claim & u64::from(u32::MAX)) as usize;
        if (claim >> 32) as u32 != generation || k >= work.len() {
            return;
        }
        if shared
            .claim
            .compare_exchange(claim, claim + 1, Ordering::SeqCst, Ordering::SeqCst)
            .is_err()
        {
            continue;
        }
        let i = work[k];
        let worked = catch_unwind(AssertUnwindSafe(|| {
            let mut slot = locked(&shared.slots[i]);
            let Slot {
                agent,
                entry,
                answer,
            } = &mut *slot;
            if let Some(entry) = entry.take() {
                *answer = Some(answered(i, agent, entry, rows));
            }
        }));
        if worked.is_err() {
            shared.panicked.store(true, Ordering::SeqCst);
        }
        shared.done.fetch_add(1, Ordering::SeqCst);
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
    rows: Option<&RowWriter>,
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
