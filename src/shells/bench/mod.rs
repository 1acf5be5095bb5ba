//! `mi-settings bench`: how fast the parts a person waits on are, measured in one run so the
//! figures compare. Wall-clock timing belongs here, never in tests.

mod agent;
mod files;
mod large;
mod measure;
mod phone;
mod report;
mod workloads;

pub use large::{AccountSize, LARGE_DEVICES, LARGE_HISTORY, LARGE_ITEMS};
pub use workloads::large_device;

use measure::Measure;

/// How much `mi-settings bench` does.
#[derive(Clone, Copy, Debug)]
pub struct Workload {
    /// Iterations per measurement (the slower measurements take a fraction of them).
    pub iterations: u32,
    /// The large account measured.
    pub large: AccountSize,
}

impl Workload {
    /// The bench whose figures are the product's: `iterations` per measurement, the 76 MB
    /// account.
    pub fn full(iterations: u32) -> Workload {
        Workload {
            iterations,
            large: AccountSize::FULL,
        }
    }

    /// `bench --quick`: every measurement run and reported, on small workloads (a round of 10
    /// iterations each, a small account), to see that it works rather than how fast.
    pub fn quick() -> Workload {
        Workload {
            iterations: 70,
            large: AccountSize::QUICK,
        }
    }
}

/// Runs every measurement of `workload` and returns the report as text.
pub fn run(workload: &Workload) -> std::io::Result<String> {
    let iterations = workload.iterations.max(1);
    let folder = std::env::temp_dir().join(format!("mi-settings-bench-{}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    let measured = measure_all(&folder, iterations);
    let large = measured.and_then(|measures| {
        large::measure(&folder, workload.large).map(|large| (measures, large))
    });
    let _ = std::fs::remove_dir_all(&folder);
    let (measures, large) = large?;
    Ok(report::write(iterations, &measures, workload.large, &large))
}

/// Every measurement but the large account's, in the report's order; their files in `folder`.
fn measure_all(folder: &std::path::Path, iterations: u32) -> std::io::Result<Vec<Measure>> {
    let mut measures = vec![phone::startup(folder, iterations)?];
    measures.extend(phone::steps(iterations));
    measures.extend(phone::frames(iterations));
    measures.extend(phone::walks(iterations));
    measures.push(files::replay(folder, iterations)?);
    measures.extend(files::save(folder, iterations));
    measures.extend(agent::protocol(iterations)?);
    Ok(measures)
}
