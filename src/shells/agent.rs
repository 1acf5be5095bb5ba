//! `mi-settings agent`: the agent environment (`crate::play::agent`) served over a JSON-lines
//! pipe — one request per line on stdin, one response per line on stdout — with each episode
//! written as a fixture into `--log-dir` when it ends.
//!
//! Answers are written in printable ASCII only, as Python's `json.dumps(..., ensure_ascii=True,
//! separators=(",", ":"))` would write them (`crate::play::agent::ascii_json`): a Python client can
//! hand the observation on as the text it came in.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use crate::play::agent::Agent;
use crate::play::agent::ascii_json;
use crate::play::agent::batch::Batch;
use crate::play::agent::log::EpisodeLog;
use crate::play::agent::protocol::{Response, Seen};
use crate::play::agent::shared_file;
use crate::shells::files;

/// The longest request line read; a longer one is answered with an error and skipped.
pub const LINE_BYTES: usize = 1024 * 1024;

/// The agent and the folder its episodes are logged into.
pub struct Server {
    pub agent: Agent,
    logs: Option<LogDir>,
}

/// Where episode logs go: `NNNNN-<task>-seed<seed>.json`, numbered after the logs already
/// there, each written whole under a name no writer has taken, never through a link.
struct LogDir {
    dir: PathBuf,
    next: u64,
}

impl Server {
    /// Serves `agent`, logging its episodes into `log_dir` (made if missing) when given.
    pub fn new(agent: Agent, log_dir: Option<PathBuf>) -> Result<Server, String> {
        let logs = LogDir::open(log_dir)?;
        let agent = agent.logging(logs.is_some());
        Ok(Server { agent, logs })
    }

    /// Answers one request line (and writes the logs of the episodes it ended), and whether it
    /// closed the session.
    pub fn answer(&mut self, line: &str) -> (Response, bool) {
        let answer = self.agent.answer(line);
        let ended = self.agent.take_logs();
        write_logs(&mut self.logs, ended);
        answer
    }

    /// The session ends: the running episode is logged.
    pub fn finish(&mut self) {
        let ended = self.agent.finish();
        write_logs(&mut self.logs, ended);
    }
}

impl LogDir {
    /// The folder `log_dir` (made if missing), when given.
    fn open(log_dir: Option<PathBuf>) -> Result<Option<LogDir>, String> {
        let Some(dir) = log_dir else {
            return Ok(None);
        };
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("--log-dir {}: cannot create it: {e}", dir.display()))?;
        files::remove_stale(&dir);
        let next = files::next_number(&dir, |name| name.split_once('-')?.0.parse().ok());
        Ok(Some(LogDir { dir, next }))
    }
}

/// Writes the logs of the episodes that ended into `logs`, if logging.
fn write_logs(logs: &mut Option<LogDir>, ended: Vec<EpisodeLog>) {
    let Some(logs) = logs else {
        return;
    };
    for log in ended {
        let mut json = serde_json::to_string_pretty(&log.fixture).unwrap_or_default();
        json.push('\n');
        let (task, seed) = (log.task, log.seed);
        let name = |n: u64| format!("{n:05}-{task}-seed{seed}.json");
        // A log that cannot be written must not end the agent's session: it is said on
        // stderr.
        match files::write_new(&logs.dir, name, logs.next, json.as_bytes()) {
            Ok((_, n)) => logs.next = n.saturating_add(1),
            Err(e) => eprintln!(
                "mi-settings agent: cannot write a log into {}: {e}",
                logs.dir.display()
            ),
        }
    }
}

/// What `serve` serves: one environment ([`Server`]) or a batch ([`BatchServer`]).
pub trait Session {
    /// Answers one request line (and writes the logs of the episodes it ended), and whether it
    /// closed the session.
    fn answer(&mut self, line: &str) -> (Response, bool);
    /// The session ends: the running episodes are logged.
    fn finish(&mut self);
    /// The pixels the last answer announced, which follow its line.
    fn pixels(&self) -> &[u8];
}

impl Session for Server {
    fn answer(&mut self, line: &str) -> (Response, bool) {
        Server::answer(self, line)
    }

    fn finish(&mut self) {
        Server::finish(self);
    }

    fn pixels(&self) -> &[u8] {
        self.agent.pixels()
    }
}

/// A batch session (`mi-settings agent --batch N`): N environments, and the file their
/// observations are written into (`observations_file`), if the client gave one.
pub struct BatchServer {
    batch: Batch,
    logs: Option<LogDir>,
}

/// The client's file of observations: row `i` (`row_bytes` long) is environment `i`'s.
struct RowsFile {
    file: std::fs::File,
    row_bytes: usize,
}

/// The smallest and largest row of an observations file.
const ROW_BYTES: std::ops::RangeInclusive<usize> = 1024..=16 * 1024 * 1024;

impl BatchServer {
    /// `envs` environments like `agent`, their work shared over `threads` threads (default:
    /// as many as the machine runs at once, at most one per environment).
    pub fn new(
        agent: Agent,
        envs: usize,
        threads: Option<usize>,
        log_dir: Option<PathBuf>,
    ) -> Result<BatchServer, String> {
        let logs = LogDir::open(log_dir)?;
        let agent = agent.logging(logs.is_some());
        let threads = threads.unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map_or(1, std::num::NonZero::get)
                .min(envs.max(1))
        });
        Ok(BatchServer {
            batch: Batch::new(&agent, envs, threads)?,
            logs,
        })
    }

    /// Takes the client's observations file: a regular file (not a link), at least N rows.
    fn open_rows(&mut self, path: &std::path::Path, row_bytes: usize) -> Response {
        let named =
            |e: &dyn std::fmt::Display| format!("observations_file {}: {e}", path.display());
        if !ROW_BYTES.contains(&row_bytes) {
            return Response::Error {
                error: format!(
                    "row_bytes {row_bytes}: from {} to {}",
                    ROW_BYTES.start(),
                    ROW_BYTES.end()
                ),
            };
        }
        let file = match shared_file::open(path) {
            Ok(file) => file,
            Err(e) => return Response::Error { error: named(&e) },
        };
        let rows = self.batch.len();
        let needed = rows.saturating_mul(row_bytes) as u64;
        match file.metadata() {
            Ok(meta) if meta.len() >= needed => {}
            Ok(meta) => {
                return Response::Error {
                    error: named(&format!(
                        "{} bytes, less than {rows} rows of {row_bytes} ({needed})",
                        meta.len()
                    )),
                };
            }
            Err(e) => return Response::Error { error: named(&e) },
        }
        let file = RowsFile { file, row_bytes };
        self.batch
            .write_rows(std::sync::Arc::new(move |i, text| file.write(i, text)));
        Response::Rows { rows, row_bytes }
    }
}

impl RowsFile {
    /// Writes row `i`: the observation's length (4 bytes, little-endian), then the observation.
    fn write(&self, i: usize, text: &[u8]) -> bool {
        let Ok(length) = u32::try_from(text.len()) else {
            return false;
        };
        if text.len() + 4 > self.row_bytes {
            return false;
        }
        let mut row = Vec::with_capacity(text.len() + 4);
        row.extend_from_slice(&length.to_le_bytes());
        row.extend_from_slice(text);
        shared_file::write_at(&self.file, &row, (i * self.row_bytes) as u64)
    }
}

impl Session for BatchServer {
    fn answer(&mut self, line: &str) -> (Response, bool) {
        let request = match crate::play::agent::parse(line) {
            Ok(request) => request,
            Err(error) => return (Response::Error { error }, false),
        };
        if let crate::play::agent::protocol::Request::ObservationsFile { file, row_bytes } = request
        {
            return (self.open_rows(&file, row_bytes), false);
        }
        let answer = self.batch.answer(request);
        let ended = self.batch.take_logs();
        write_logs(&mut self.logs, ended);
        answer
    }

    fn finish(&mut self) {
        let ended = self.batch.finish();
        write_logs(&mut self.logs, ended);
    }

    fn pixels(&self) -> &[u8] {
        // Nothing follows a batch's line: its frames go into files.
        &[]
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
    agent: &mut dyn Session,
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
                        agent.finish();
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
                agent.finish();
                return Ok(());
            }
            Incoming::Failed(e) => {
                agent.finish();
                return Err(e);
            }
        };
        let Answered { closed, pixels } = answer_line(agent, &line, read, &mut text)?;
        // Flushed when no whole request waits: the next one, if any, is held for the next turn.
        next = lines.try_recv().ok();
        let written = output.write_all(&text).and_then(|()| match pixels {
            Some(bytes) => output.write_all(agent.pixels().get(..bytes).unwrap_or(&[])),
            None => Ok(()),
        });
        let written = written.and_then(|()| {
            if closed || next.is_none() {
                output.flush()
            } else {
                Ok(())
            }
        });
        if let Err(e) = written {
            // The reader of the answers is gone: the episode is kept all the same.
            agent.finish();
            return Err(e);
        }
        if closed {
            return Ok(());
        }
        if stop.load(Ordering::Relaxed) {
            agent.finish();
            return Ok(());
        }
    }
}

/// What answering one request line gave, besides the answer's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answered {
    /// The request closed the session.
    pub closed: bool,
    /// How many bytes of the session's [`Session::pixels`] follow the line.
    pub pixels: Option<usize>,
}

/// Answers one request line into `text` (cleared first): the answer as one line of printable
/// ASCII JSON, its newline included. `line` is the request's first bytes (at most
/// `LINE_BYTES + 1`) and `read` how long it really was: a longer line, an empty one or one that
/// is not UTF-8 is answered with an error. The pipe (`serve`) and a host that runs the simulator
/// in its own process (the Python package's) answer through this one function.
pub fn answer_line(
    agent: &mut dyn Session,
    line: &[u8],
    read: usize,
    text: &mut Vec<u8>,
) -> io::Result<Answered> {
    let (response, closed) = respond(agent, line, read);
    write_answer(&response, closed, text)
}

/// As [`answer_line`], with each observation asked for as text (`observation_text`) handed back
/// apart instead of written into the line as a string: the line is the answer without that
/// member, and each text is exactly the string it would have held. One text for an answer to a
/// reset or a step, one for each environment of a batch's answer (in order; `None` where it has
/// none). A host in the same process is spared escaping the observations and reading the escapes
/// back.
pub fn answer_line_apart(
    agent: &mut dyn Session,
    line: &[u8],
    read: usize,
    text: &mut Vec<u8>,
) -> io::Result<(Answered, Vec<Option<String>>)> {
    let (mut response, closed) = respond(agent, line, read);
    let observations = match &mut response {
        Response::Batch { envs } => envs
            .iter_mut()
            .map(|env| env.as_mut().and_then(take_observation_text))
            .collect(),
        single => vec![take_observation_text(single)],
    };
    Ok((write_answer(&response, closed, text)?, observations))
}

/// The observation text of an answer to a reset or a step, taken out of it.
fn take_observation_text(response: &mut Response) -> Option<String> {
    let (Response::Step { observation, .. } | Response::Reset { observation, .. }) = response
    else {
        return None;
    };
    match std::mem::replace(observation, Seen::Nothing {}) {
        Seen::Text { observation_text } => Some(observation_text),
        other => {
            *observation = other;
            None
        }
    }
}

/// The response to one request line, and whether it closed the session.
fn respond(agent: &mut dyn Session, line: &[u8], read: usize) -> (Response, bool) {
    match std::str::from_utf8(line) {
        _ if read > LINE_BYTES => (
            Response::Error {
                error: format!("a line longer than {LINE_BYTES} bytes"),
            },
            false,
        ),
        Ok(request) if request.trim().is_empty() => (
            Response::Error {
                error: "an empty line: send one JSON request per line".into(),
            },
            false,
        ),
        Ok(request) => agent.answer(request),
        Err(e) => (
            Response::Error {
                error: format!("not UTF-8 text: {e}"),
            },
            false,
        ),
    }
}

/// Writes `response` into `text` (cleared first) as one line, written whole: a response that
/// cannot be written as JSON is replaced by an error, never sent in part.
fn write_answer(response: &Response, closed: bool, text: &mut Vec<u8>) -> io::Result<Answered> {
    text.clear();
    // The frame as pixels follows the line, as many bytes as the line announces.
    let mut pixels = announced(response);
    if let Err(e) = ascii_json::to_writer(&mut *text, response) {
        pixels = None;
        text.clear();
        let error = Response::Error {
            error: format!("cannot write the response: {e}"),
        };
        ascii_json::to_writer(&mut *text, &error).map_err(io::Error::other)?;
    }
    text.push(b'\n');
    Ok(Answered { closed, pixels })
}

/// How many bytes of pixels follow the answer's line (none when they went into the file).
fn announced(response: &Response) -> Option<usize> {
    match response {
        Response::Step {
            pixels: Some(frame),
            ..
        }
        | Response::Reset {
            pixels: Some(frame),
            ..
        } if !frame.file => Some(frame.bytes),
        _ => None,
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

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;

    /// The answers of a session that `requests` make, as lines.
    fn session(requests: &[Value]) -> Vec<String> {
        let input: String = requests.iter().map(|r| format!("{r}\n")).collect();
        let mut server = Server::new(Agent::new().expect("the catalogue"), None).expect("server");
        let mut output = Vec::new();
        let never = AtomicBool::new(false);
        serve(
            &mut server,
            BufReader::new(io::Cursor::new(input.into_bytes())),
            &mut output,
            &never,
        )
        .expect("serves");
        let text = String::from_utf8(output).expect("UTF-8");
        text.lines().map(str::to_string).collect()
    }

    /// The answers on the pipe are printable ASCII; an observation asked for as text is the
    /// object written as Python's `json.dumps(ensure_ascii=True, separators=(",", ":"))` writes
    /// it, and the rest of the answer is the same.
    #[test]
    fn answers_are_ascii_and_an_observation_as_text_is_the_object_written_so() {
        let requests = |as_text: bool| {
            vec![
                json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 0,
                       "options": {"language": "zh-CN", "frame": true,
                                   "observation_text": as_text}}),
                json!({"op": "step", "action": {"action_type": "click", "label": "蓝牙"}}),
                json!({"op": "step", "action": {"action_type": "input_text",
                       "text": "\"reward\":1,\"info\":{} 😀 \u{7f}"}}),
                json!({"op": "step", "action": {"action_type": "bogus"}}),
                json!({"op": "render"}),
                json!({"op": "tasks"}),
            ]
        };
        let objects = session(&requests(false));
        let texts = session(&requests(true));
        assert_eq!(objects.len(), 6, "{objects:?}");
        assert_eq!(texts.len(), 6, "{texts:?}");
        let mut compared = 0;
        for (object, text) in objects.iter().zip(&texts) {
            for line in [object, text] {
                assert!(line.bytes().all(|b| (0x20..=0x7e).contains(&b)), "{line}");
            }
            let mut object: Value = serde_json::from_str(object).expect("JSON");
            let mut text: Value = serde_json::from_str(text).expect("JSON");
            let Some(observation) = object.as_object_mut().and_then(|o| o.remove("observation"))
            else {
                assert_eq!(object, text);
                continue;
            };
            let mut written = Vec::new();
            ascii_json::to_writer(&mut written, &observation).expect("writes");
            let said = text
                .as_object_mut()
                .and_then(|o| o.remove("observation_text"))
                .expect("the observation as text");
            assert_eq!(
                said,
                Value::String(String::from_utf8(written).expect("ASCII"))
            );
            assert_eq!(object, text, "the rest of the answer");
            compared += 1;
        }
        assert_eq!(compared, 4, "a reset and three steps");
        assert!(texts[0].contains(r"\\u84dd\\u7259"), "{}", texts[0]);
        assert!(texts[3].contains("bogus"), "{}", texts[3]);
    }
}
