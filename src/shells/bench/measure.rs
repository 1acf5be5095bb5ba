//! Timing: the fastest of several rounds, per iteration.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// How many rounds [`Measure::time`] splits its iterations into.
pub(super) const ROUNDS: u32 = 7;

/// One line of the report: what was measured and how long one iteration of it took.
pub(super) struct Measure {
    pub(super) name: &'static str,
    pub(super) per_iteration: Duration,
}

impl Measure {
    /// Times `body` over `iterations` calls split into rounds and keeps the fastest round: on a
    /// shared machine, slower rounds measure the neighbours, not the code.
    pub(super) fn time(name: &'static str, iterations: u32, mut body: impl FnMut(u32)) -> Measure {
        // One untimed pass warms caches and the allocator.
        body(0);
        let per_round = (iterations / ROUNDS).max(1);
        let mut best = Duration::MAX;
        let mut i = 0;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            for _ in 0..per_round {
                body(i);
                i += 1;
            }
            best = best.min(started.elapsed() / per_round);
        }
        Measure {
            name,
            per_iteration: best,
        }
    }

    /// Times `body` alone on what `setup` makes from `state`, `runs` times, and keeps the
    /// fastest run: for work too slow to repeat thousands of times, or on input it uses up (a
    /// device file it takes). What `body` returns is dropped outside the timing.
    pub(super) fn time_each<C, T, R>(
        name: &'static str,
        runs: u32,
        state: &mut C,
        mut setup: impl FnMut(&mut C) -> T,
        mut body: impl FnMut(&mut C, T) -> R,
    ) -> Measure {
        let mut best = Duration::MAX;
        for _ in 0..runs.max(1) {
            let input = setup(state);
            let started = Instant::now();
            let output = body(state, input);
            best = best.min(started.elapsed());
            drop(black_box(output));
        }
        Measure {
            name,
            per_iteration: best,
        }
    }

    /// Times walking the whole of `walk` (`step` on each of its steps in turn) `runs` times, as
    /// [`Measure::time`] does; per step.
    pub(super) fn walk<T>(
        name: &'static str,
        runs: u32,
        walk: &[T],
        mut step: impl FnMut(&T),
    ) -> Measure {
        let whole = Measure::time(name, runs, |_| walk.iter().for_each(&mut step));
        whole.per_part(u32::try_from(walk.len()).unwrap_or(u32::MAX))
    }

    /// The same figure for one of the `parts` an iteration is made of (a walk's steps).
    pub(super) fn per_part(self, parts: u32) -> Measure {
        Measure {
            per_iteration: self.per_iteration / parts.max(1),
            ..self
        }
    }

    pub(super) fn per_second(&self) -> f64 {
        1.0 / self.per_iteration.as_secs_f64().max(1e-12)
    }

    /// How many times as long as `other` this takes.
    pub(super) fn ratio_to(&self, other: &Measure) -> f64 {
        self.per_iteration.as_secs_f64() / other.per_iteration.as_secs_f64().max(1e-12)
    }
}
