//! Every integration test, in one binary (linked once): a module per area, sharing the helpers
//! in `common`.

mod account_forms;
mod agent;
mod agent_pixels;
mod android_world;
mod architecture;
mod backup;
mod browser;
mod chinese;
mod cli;
mod common;
mod developer_options;
mod docs;
mod durable;
mod engine;
mod fuzz;
mod hostile;
mod large_accounts;
mod lesson;
mod offline;
mod opening;
mod passwords;
mod phone;
mod pixels;
mod reading;
mod record;
mod replay;
mod replay_memory;
mod runtime;
mod screens;
mod security;
mod store;
mod strings;
mod tasks;
mod ui;
mod website;
