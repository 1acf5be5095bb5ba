//! An asciicast v2 recording of a replay (playable with `asciinema play`): a header, the frames
//! as terminal output, and a marker at each step. Times are derived from the step count, never
//! from the wall clock, so the same fixture always gives the same file.

use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use serde_json::json;

/// Seconds of cast time per step, so that a viewer can follow along.
const STEP_SECONDS: f64 = 1.0;
/// Delay between a step's marker and the frame it produced.
const FRAME_DELAY: f64 = 0.1;

pub struct CastWriter {
    lines: Vec<String>,
    previous: Buffer,
    time: f64,
    first_frame: bool,
}

impl CastWriter {
    pub fn new(width: u16, height: u16, title: &str) -> CastWriter {
        let header = json!({
            "version": 2,
            "width": width,
            "height": height,
            "title": title,
            "env": {"TERM": "xterm-256color"},
        });
        CastWriter {
            lines: vec![header.to_string()],
            previous: Buffer::empty(Rect::new(0, 0, width, height)),
            time: 0.0,
            first_frame: true,
        }
    }

    pub fn marker(&mut self, label: &str) {
        self.time += STEP_SECONDS;
        self.lines
            .push(json!([round(self.time), "m", label]).to_string());
    }

    /// Records what changed on screen since the last frame, as the terminal would receive it.
    pub fn frame(&mut self, buffer: &Buffer) {
        if buffer.area != self.previous.area {
            self.previous = Buffer::empty(buffer.area);
            self.first_frame = true;
        }
        let mut bytes = Vec::new();
        let mut backend = CrosstermBackend::new(&mut bytes);
        let updates = self.previous.diff(buffer);
        if backend.draw(updates.into_iter()).is_err() || backend.flush().is_err() {
            return;
        }
        let mut output = String::new();
        if std::mem::take(&mut self.first_frame) {
            // Clear the player's screen and hide its cursor before the first frame.
            output.push_str("\u{1b}[?25l\u{1b}[2J");
        }
        output.push_str(&String::from_utf8_lossy(&bytes));
        self.previous = buffer.clone();
        if !output.is_empty() {
            self.lines
                .push(json!([round(self.time + FRAME_DELAY), "o", output]).to_string());
        }
    }

    pub fn finish(self) -> String {
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

/// Times with a fixed number of decimals, so the text never depends on float formatting noise.
fn round(seconds: f64) -> f64 {
    (seconds * 1000.0).round() / 1000.0
}
