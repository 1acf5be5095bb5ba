//! The running episode of an agent: the task's episode, how it is drawn and observed, what was
//! done (for the log) and how it ended.

use crate::play::fixture::Step;
use crate::play::tasks::format::Finish;
use crate::play::tasks::{Episode, Task};
use crate::sim::device::Language;

/// The running episode.
pub(super) struct Current {
    pub(super) task: Task,
    pub(super) seed: u64,
    pub(super) episode: Episode,
    pub(super) width: u16,
    pub(super) height: u16,
    pub(super) frame: bool,
    /// Observations go as their JSON text (the reset's `observation_text`).
    pub(super) as_text: bool,
    /// The phone as the reset's options changed it (skin, ROM, language).
    pub(super) phone: PhoneChoice,
    pub(super) steps: u32,
    pub(super) ended: bool,
    /// The element ids of the last observation, by index.
    pub(super) ids: Vec<String>,
    /// Where each was drawn, in cells (for a double tap's second touch).
    pub(super) boxes: Vec<Option<[u16; 4]>>,
    /// Simulated seconds that pass after every action (the reset's `seconds_per_action`).
    pub(super) seconds_per_action: u64,
    /// In pixel terms (`"coordinates":"pixels"`): the scale of the picture `x`,`y` point into.
    pub(super) pixel_scale: Option<u32>,
    /// What the agent did, as fixture steps (for `--log-dir`).
    pub(super) log: Vec<Step>,
    pub(super) reward: f64,
    /// When the episode is judged.
    pub(super) finish: Finish,
    /// How it ended, once it did.
    pub(super) outcome: Option<String>,
    pub(super) terminated: bool,
    /// Written to the log folder already.
    pub(super) logged: bool,
    /// What was answered, said in the log's description.
    pub(super) answered: Option<String>,
    /// Passwords typed that could not be written into the log (before which steps).
    pub(super) left_out: Vec<usize>,
    /// Whether answers carry the frame as pixels, and its last drawing.
    pub(super) pixels: super::pixels::Pixels,
}

/// What a reset's options change of a task's phone.
#[derive(Debug, Clone, Copy)]
pub(super) struct PhoneChoice {
    pub(super) skin: Option<crate::sim::device::Skin>,
    pub(super) rom: Option<crate::sim::device::Rom>,
    pub(super) language: Language,
}

impl PhoneChoice {
    pub(super) fn apply(self, device: &mut crate::sim::DeviceFile) {
        if let Some(skin) = self.skin {
            device.phone.skin = skin;
        }
        if let Some(rom) = self.rom {
            device.phone.rom = rom;
        }
        device.phone.language = self.language;
    }
}
