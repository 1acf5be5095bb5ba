//! The agent protocol as an agent sees it: this binary's `mi-settings agent` in a child
//! process, driven over its pipes by a Rust client, a line each way per request.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use super::measure::{Measure, ROUNDS};

/// A long task, so that steps rarely end the episode; scrolling keeps it going.
const RESET: &str = r#"{"op":"reset","task":"put_the_phone_in_lost_mode","seed":1}"#;
const STEPS: [&str; 2] = [
    r#"{"op":"step","action":{"action_type":"scroll","direction":"down"}}"#,
    r#"{"op":"step","action":{"action_type":"scroll","direction":"up"}}"#,
];
/// Requests sent ahead in one write: a reset and 99 steps.
const BLOCK: u32 = 100;

/// `mi-settings agent` running, with its pipes and the last answer read.
struct AgentPipe {
    child: Child,
    input: ChildStdin,
    output: BufReader<ChildStdout>,
    line: String,
}

impl AgentPipe {
    fn spawn() -> std::io::Result<AgentPipe> {
        let mut child = Command::new(std::env::current_exe()?)
            .arg("agent")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        let (Some(input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(std::io::Error::other("the agent's pipes"));
        };
        Ok(AgentPipe {
            child,
            input,
            output: BufReader::new(output),
            line: String::new(),
        })
    }

    /// Writes `lines` (each ending in a line break) and reads as many answers, the last of them
    /// left in `self.line`; says how many were refusals.
    fn exchange(&mut self, lines: &str) -> std::io::Result<usize> {
        self.input.write_all(lines.as_bytes())?;
        self.input.flush()?;
        let mut refused = 0;
        for _ in 0..lines.lines().count() {
            self.line.clear();
            self.output.read_line(&mut self.line)?;
            refused += usize::from(self.line.starts_with("{\"error\""));
        }
        Ok(refused)
    }

    /// One request on a line of its own.
    fn request(&mut self, request: &str) -> std::io::Result<usize> {
        self.exchange(&format!("{request}\n"))
    }

    fn close(mut self) {
        let _ = self.request(r#"{"op":"close"}"#);
        let _ = self.child.wait();
    }
}

/// A step, the pipe's floor (a line the agent only refuses), steps sent ahead and a reset.
pub(super) fn protocol(iterations: u32) -> std::io::Result<Vec<Measure>> {
    let mut agent = AgentPipe::spawn()?;
    agent.request(RESET)?;
    if !agent.line.contains("\"observation\"") {
        return Err(std::io::Error::other(format!(
            "the agent's reset: {}",
            agent.line
        )));
    }
    let mut failed = None;
    let step = Measure::time(
        "agent protocol, Rust client over a pipe: step (observation, no frame)",
        iterations,
        |i| {
            if agent.request(STEPS[i as usize % 2]).is_err() {
                failed = Some("a step");
            }
            if agent.line.contains("\"truncated\":true")
                || agent.line.contains("\"terminated\":true")
            {
                let _ = agent.request(RESET);
            }
        },
    );
    // The floor of any request: the same pipes carrying a line the agent only refuses.
    let floor = Measure::time(
        "agent protocol, Rust client over a pipe: a refused line (the pipe's floor)",
        iterations,
        |_| {
            if agent.request("x").is_err() {
                failed = Some("a refused line");
            }
        },
    );
    let pipelined = sent_ahead(&mut agent, iterations, &mut failed);
    let _ = agent.request(RESET);
    let resets = Measure::time(
        "agent protocol, Rust client over a pipe: reset",
        (iterations / 20).max(1),
        |_| {
            if agent.request(RESET).is_err() {
                failed = Some("a reset");
            }
        },
    );
    agent.close();
    match failed {
        Some(what) => Err(std::io::Error::other(format!("the agent failed {what}"))),
        None => Ok(vec![step, floor, pipelined, resets]),
    }
}

/// Requests sent ahead, as an oracle or a batch evaluator does: a block of one reset and 99
/// steps is written, then its 100 answers are read; per request. The block (7 KB) fits in the
/// pipe's buffer, so the writes never wait on the reads.
fn sent_ahead(
    agent: &mut AgentPipe,
    iterations: u32,
    failed: &mut Option<&'static str>,
) -> Measure {
    let mut block = String::with_capacity(8 * 1024);
    block.push_str(RESET);
    block.push('\n');
    for i in 1..BLOCK {
        block.push_str(STEPS[i as usize % 2]);
        block.push('\n');
    }
    Measure::time(
        "agent protocol, Rust client, requests sent ahead: a step (1 in 100 a reset)",
        (iterations / BLOCK).max(ROUNDS),
        |_| {
            // The last answer of the block is a step's: it shows how the block went.
            if !matches!(agent.exchange(&block), Ok(0)) {
                *failed = Some("a request sent ahead");
            }
        },
    )
    .per_part(BLOCK)
}
