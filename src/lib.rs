//! mi-settings: a Xiaomi phone's Settings → Mi Account area, simulated in a terminal.
//!
//! Layers, each using only the ones below it:
//! - `shells`: the drivers — the interactive terminal, replay, the device-file store, the
//!   benchmarks — each reaching the phone through `engine` alone;
//! - `ui`: the ratatui renderer, which draws a `View` and nothing else;
//! - `engine`: the phone as a value (actions, keys, taps by label, the view);
//! - `screens`: the UI state — pages, forms, dialogs, focus, navigation;
//! - `view` and `layout`: the view model every consumer reads, and its geometry in plain numbers;
//! - `strings`: every word the phone shows;
//! - `sim`: the domain — the device file, the cloud's rules, the seeded clock and randomness.

pub mod engine;
pub mod layout;
pub mod play;
pub mod screens;
pub mod shells;
pub mod sim;
pub mod strings;
pub mod text;
pub mod ui;
pub mod view;
