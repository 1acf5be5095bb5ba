//! M2 of the hardening issue: a replay's resident memory, measured in a process of its own —
//! this test binary run again for this one test — so that no other test's allocations, made
//! side by side in the same process, count.

/// Set in the process that measures: the test then replays instead of starting that process.
#[cfg(target_os = "linux")]
const MEASURING: &str = "MI_SETTINGS_TEST_MEASURING_A_REPLAY";

/// M2: a replay keeps no frames it does not write: 1,000 steps at 500x200 (100,000 cells a
/// frame, and every frame was once kept, 1.33 GB for 20,000 steps) with the transcript going
/// nowhere stay within a few megabytes of where they started.
#[cfg(target_os = "linux")]
#[test]
fn a_long_replay_at_the_largest_size_keeps_no_frames() {
    if std::env::var_os(MEASURING).is_some() {
        let grown = replay_growth_kb();
        assert!(grown < 40_000, "grew by {grown} kB");
        return;
    }
    let module = module_path!()
        .split_once("::")
        .map_or(module_path!(), |(_, module)| module);
    let name = format!("{module}::a_long_replay_at_the_largest_size_keeps_no_frames");
    let output = std::process::Command::new(std::env::current_exe().expect("the test binary"))
        .args([name.as_str(), "--exact", "--test-threads=1", "--nocapture"])
        .env(MEASURING, "1")
        .output()
        .expect("the test binary runs again");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{printed}");
    // The measuring process ran this test, and only it.
    assert!(printed.contains("1 passed; 0 failed"), "{printed}");
}

/// How much this process's resident memory grew over the replay of 1,000 steps at 500x200.
#[cfg(target_os = "linux")]
fn replay_growth_kb() -> u64 {
    use mi_settings::play::fixture;
    use mi_settings::shells::replay::run as runner;
    use std::path::Path;
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
            pictures: None,
            guide: None,
            each_step: None,
        },
    );
    assert!(report.failure.is_none());
    assert_eq!(report.steps_run, 1_000);
    resident_kb().saturating_sub(before)
}

/// This process's resident memory, from /proc.
#[cfg(target_os = "linux")]
fn resident_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmRSS in /proc/self/status")
}
