//! The phone of mi-settings as a value: everything but the I/O, which the `mi-settings` crate's
//! shells do around it.
//!
//! Layers, each using only the ones below it:
//! - `play`: what is played on the phone — the step language, conditions, tasks, episodes,
//!   lessons, the agent protocol — with one step runner for them all;
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
pub mod sim;
pub mod strings;
pub mod text;
pub mod ui;
pub mod view;
