//! An asciicast v2 recording of a replay (playable with `asciinema play`): a header, the frames
//! as terminal output, and a marker at each step, written as they happen. Times are derived
//! from the step count, never from the wall clock, so the same fixture always gives the same
//! file.

use std::io::{self, Write};

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use serde_json::json;

/// Seconds of cast time per step, so that a viewer can follow along.
const STEP_SECONDS: f64 = 1.0;
/// Delay between a step's marker and the frame it produced.
const FRAME_DELAY: f64 = 0.1;

pub struct CastWriter<W: Write> {
    out: W,
    /// The last frame written, to send only what changed.
    previous: Buffer,
    time: f64,
    first_frame: bool,
    /// Terminal output of one frame, reused.
    bytes: Vec<u8>,
}

impl<W: Write> CastWriter<W> {
    /// Starts a recording: writes its header to `out`.
    pub fn new(mut out: W, width: u16, height: u16, title: &str) -> io::Result<CastWriter<W>> {
        let header = json!({
            "version": 2,
            "width": width,
            "height": height,
            "title": title,
            "env": {"TERM": "xterm-256color"},
        });
        writeln!(out, "{header}")?;
        Ok(CastWriter {
            out,
            previous: Buffer::empty(Rect::new(0, 0, width, height)),
            time: 0.0,
            first_frame: true,
            bytes: Vec::new(),
        })
    }

    pub fn marker(&mut self, label: &str) -> io::Result<()> {
        self.time += STEP_SECONDS;
        writeln!(self.out, "{}", json!([round(self.time), "m", label]))
    }

    /// Records what changed on screen since the last frame, as the terminal would receive it.
    pub fn frame(&mut self, buffer: &Buffer) -> io::Result<()> {
        if buffer.area != self.previous.area {
            self.previous = Buffer::empty(buffer.area);
            self.first_frame = true;
        }
        self.bytes.clear();
        {
            let mut backend = CrosstermBackend::new(&mut self.bytes);
            let updates = self.previous.diff(buffer);
            backend.draw(updates.into_iter())?;
            Backend::flush(&mut backend)?;
        }
        let mut output = String::new();
        if std::mem::take(&mut self.first_frame) {
            // Clear the player's screen and hide its cursor before the first frame.
            output.push_str("\u{1b}[?25l\u{1b}[2J");
        }
        output.push_str(&String::from_utf8_lossy(&self.bytes));
        self.previous.clone_from(buffer);
        if !output.is_empty() {
            writeln!(
                self.out,
                "{}",
                json!([round(self.time + FRAME_DELAY), "o", output])
            )?;
        }
        Ok(())
    }

    /// Flushes what is written and hands the output back.
    pub fn finish(mut self) -> io::Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

/// Times with a fixed number of decimals, so the text never depends on float formatting noise.
fn round(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}
