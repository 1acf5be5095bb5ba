//! mi-settings: a Xiaomi phone's Settings → Mi Account area, simulated in a terminal.
//!
//! The phone itself — the device file, the screens, the engine, what is played on it — is the
//! `mi-settings-core` crate, re-exported here under the same names. This crate adds the
//! `shells`: the drivers that do the I/O (the interactive terminal, the agent server, the
//! device-file store, the benchmarks, the command line), each reaching the phone through the
//! core alone.

pub use mi_settings_core::{engine, layout, play, screens, sim, strings, text, ui, view};

pub mod shells;
