//! What the bench measures through the product's files: a replay as the command line runs it,
//! and saving the device file.

use std::hint::black_box;
use std::path::Path;

use super::measure::{Measure, ROUNDS};
use super::workloads::walk_fixture;
use crate::shells::replay::batch::{self, BatchOptions};
use crate::shells::store::Store;

/// Replay through the command line's own path: read and check the fixture, replay it, write its
/// transcript (both in `folder`). Per step.
pub(super) fn replay(folder: &Path, iterations: u32) -> std::io::Result<Measure> {
    let replay_steps = iterations.clamp(1_000, 200_000);
    let fixture_path = folder.join("walk.json");
    std::fs::write(&fixture_path, walk_fixture(replay_steps))?;
    let options = BatchOptions {
        ci: true,
        transcript_dir: Some(folder.join("transcripts")),
        jobs: Some(1),
        ..BatchOptions::default()
    };
    let whole_replay = Measure::time(
        "replay via the CLI path (parse + run + transcript), per step",
        ROUNDS,
        |_| {
            let mut printed = Vec::new();
            black_box(
                batch::run(std::slice::from_ref(&fixture_path), &options, &mut printed).is_ok(),
            );
        },
    );
    Ok(whole_replay.per_part(replay_steps))
}

/// Saving after a change: atomic write with fsync, plus the .bak copy (none when the file in
/// `folder` cannot be opened).
pub(super) fn save(folder: &Path, iterations: u32) -> Option<Measure> {
    let (mut store, mut device, _) = Store::open(&folder.join("saved.json")).ok()?;
    Some(Measure::time(
        "device file save (atomic, fsync, .bak)",
        (iterations / 100).clamp(1, 200),
        |i| {
            device.network.wifi = i % 2 == 0;
            black_box(store.save(&device).is_ok());
        },
    ))
}
