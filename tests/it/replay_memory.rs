//! M2 of the hardening issue, alone in its test binary: it measures this process's resident
//! memory, which other tests running beside it in the same process would disturb.

use std::path::Path;

/// M2: a replay keeps no frames it does not write: 1,000 steps at 500x200 (100,000 cells a
/// frame, and every frame was once kept, 1.33 GB for 20,000 steps) with the transcript going
/// nowhere stay within a few megabytes of where they started.
#[cfg(target_os = "linux")]
#[test]
fn a_long_replay_at_the_largest_size_keeps_no_frames() {
    use mi_settings::play::fixture;
    use mi_settings::shells::replay::run as runner;
    fn resident_kb() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }
    let steps = ["{\"key\": \"pagedown\"}", "{\"key\": \"pageup\"}"]
        .repeat(500)
        .join(", ");
    let text = format!(
        "{{\"version\": 1, \"name\": \"big\", \"terminal\": {{\"width\": 500, \"height\": 200}},\n \"steps\": [{steps}]}}"
    );
    let loaded = fixture::parse(&text, Path::new("big.json")).expect("parses");
    let before = resident_kb();
    let mut sink = std::io::sink();
    let report = runner::run(
        &loaded,
        &runner::Options::default(),
        runner::Outputs {
            transcript: Some(&mut sink),
            cast: None,
            each_step: None,
        },
    );
    assert!(report.failure.is_none());
    assert_eq!(report.steps_run, 1_000);
    let grown = resident_kb().saturating_sub(before);
    assert!(grown < 40_000, "grew by {grown} kB");
}
