//! What is played on the phone: the step language fixtures, tasks, lessons and agents share,
//! the conditions they check, the one step runner they all use, the task catalogue, episodes
//! and their scoring, the lesson's logic and the agent's episodes. No terminal and no files:
//! the shells read and write what this layer plays.

pub mod agent;
pub mod condition;
pub mod device_json;
pub mod fixture;
pub mod lesson;
pub mod one_kind;
pub mod player;
pub mod runner;
#[cfg(test)]
mod schemas;
pub mod secrets;
pub mod tasks;
