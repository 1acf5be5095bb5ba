//! The bench's report: a line per measurement, the ratios that compare them to their
//! yardsticks, then the large account's figures.

use std::fmt::Write as _;

use super::large::{AccountSize, Large};
use super::measure::Measure;
use crate::screens::widgets::count_text;

/// The whole report, as `mi-settings bench` prints it.
pub(super) fn write(
    iterations: u32,
    measures: &[Measure],
    size: AccountSize,
    large: &Large,
) -> String {
    let mut report = String::new();
    let _ = writeln!(
        report,
        "mi-settings bench ({iterations} iterations per line in 7 rounds, fastest round; one thread)"
    );
    for measure in measures {
        let _ = writeln!(
            report,
            "  {:<56} {:>10.2} µs  {:>12.0} /s",
            measure.name,
            measure.per_iteration.as_secs_f64() * 1e6,
            measure.per_second()
        );
    }
    ratios(&mut report, measures);
    large_account(&mut report, size, large);
    report
}

/// How the replay, a step in Chinese and a rendered step compare to their yardsticks, measured
/// in the same run.
fn ratios(report: &mut String, measures: &[Measure]) {
    let find = |prefix: &str| measures.iter().find(|m| m.name.starts_with(prefix));
    if let (Some(replay), Some(baseline)) = (
        find("replay via the CLI path"),
        find("ratatui baseline: same List"),
    ) {
        let _ = writeln!(
            report,
            "  replay speed / ratatui List into a buffer + frame text          {:.2}x",
            baseline.ratio_to(replay)
        );
    }
    if let (Some(english), Some(chinese)) =
        (find("rendered step: "), find("rendered step in zh-CN"))
    {
        let _ = writeln!(
            report,
            "  rendered step in zh-CN / in English                              {:.2}x",
            chinese.ratio_to(english)
        );
    }
    if let Some(rendered) = find("rendered step: ") {
        for baseline in measures
            .iter()
            .filter(|m| m.name.starts_with("ratatui baseline"))
        {
            let _ = writeln!(
                report,
                "  rendered step / {:<50} {:.2}x",
                baseline.name.trim_start_matches("ratatui baseline: "),
                rendered.ratio_to(baseline)
            );
        }
    }
}

/// The large account's section: its size, a line per measurement in milliseconds, and the
/// device file's size.
fn large_account(report: &mut String, size: AccountSize, large: &Large) {
    let _ = writeln!(
        report,
        "large account: {items} contacts and as many photos, {devices} devices, {history} \
         sign-ins (fastest of 3 runs, or of 7 rounds of 2 steps)",
        items = count_text(size.items),
        devices = count_text(size.devices),
        history = count_text(size.history),
    );
    for measure in &large.measures {
        let _ = writeln!(
            report,
            "  {:<56} {:>10.2} ms",
            measure.name,
            measure.per_iteration.as_secs_f64() * 1e3
        );
    }
    let _ = writeln!(
        report,
        "  {:<56} {:>10.1} MB",
        "device file size",
        large.file_bytes as f64 / 1e6
    );
}
