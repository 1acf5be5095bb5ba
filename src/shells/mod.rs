//! The thin shells around the engine: each drives the phone through `crate::engine` and does the
//! I/O the core never does.

pub mod agent;
pub mod bench;
pub mod cli;
pub mod files;
pub mod input;
pub mod lesson;
pub mod progress;
pub mod replay;
pub mod schema;
pub mod store;
pub mod task_files;
pub mod terminal;
