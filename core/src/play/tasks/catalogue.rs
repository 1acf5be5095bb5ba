//! The task catalogue, compiled into the binary so that `mi-settings tasks` and `learn` need
//! nothing beside the executable: `build.rs` lists `assets/tasks/*.json` (each task's file stem
//! and text) and `assets/tasks/devices/*.json` (the device files tasks start from, by name).

include!(concat!(env!("OUT_DIR"), "/catalogue.rs"));
