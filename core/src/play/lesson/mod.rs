//! A lesson's logic: an attempt at a task with hints, mistakes counted and the learner's
//! progress, in the learner's words.

pub mod attempt;
pub mod guide;
pub mod mistakes;
pub mod progress;
pub mod words;
