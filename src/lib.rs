//! mi-settings: a Xiaomi phone's Settings → Mi Account area, simulated in a terminal.
//!
//! The layout follows the architecture: one pure core (`sim`, `screens`, `view`) and thin shells
//! around it (`ui` draws, `input` maps keys and clicks, `runtime` runs the interactive loop,
//! `store` keeps the device file).

pub mod bench;
pub mod input;
pub mod layout;
pub mod replay;
pub mod runtime;
pub mod schema;
pub mod screens;
pub mod sim;
pub mod store;
pub mod ui;
pub mod view;
