//! The outside world as the core sees it: the current time and a seeded source of randomness.
//!
//! The core never reads the wall clock or the OS's randomness. The shells own an `Env` and move
//! its clock (interactive: from the wall clock; replay: from the fixture's clock and `wait`
//! steps), so the same device file, seed and steps always give the same frames.

use chrono::{DateTime, Duration, Utc};
use rand_chacha::ChaCha8Rng;
use rand_core::{RngCore, SeedableRng};
use uuid::Uuid;

use super::time;

#[derive(Debug, Clone)]
pub struct Env {
    now: DateTime<Utc>,
    rng: ChaCha8Rng,
}

impl Env {
    pub fn new(now: DateTime<Utc>, seed: u64) -> Env {
        Env {
            now: time::clamp(now),
            rng: ChaCha8Rng::seed_from_u64(seed),
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// Moves the clock to `now`; a clock never runs backwards, so earlier times are ignored.
    pub fn set_now(&mut self, now: DateTime<Utc>) {
        self.now = self.now.max(time::clamp(now));
    }

    /// Lets `by` pass (never backwards), stopping at the end of the supported years.
    pub fn advance(&mut self, by: Duration) {
        self.now = time::later(self.now, by.max(Duration::zero()));
    }

    /// A random (version 4) UUID drawn from the seeded generator.
    pub fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        self.rng.fill_bytes(&mut bytes);
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    /// A number below `bound` (0 when `bound` is 0), e.g. for verification codes.
    pub fn below(&mut self, bound: u32) -> u32 {
        if bound == 0 {
            return 0;
        }
        // Rejection sampling keeps the draw uniform.
        let zone = u32::MAX - (u32::MAX % bound);
        loop {
            let n = self.rng.next_u32();
            if n < zone {
                return n % bound;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().expect("test time")
    }

    #[test]
    fn same_seed_same_draws() {
        let mut a = Env::new(at("2026-11-21T10:00:00Z"), 7);
        let mut b = Env::new(at("2026-11-21T10:00:00Z"), 7);
        assert_eq!(a.uuid(), b.uuid());
        assert_eq!(a.below(1_000_000), b.below(1_000_000));
        let mut c = Env::new(at("2026-11-21T10:00:00Z"), 8);
        assert_ne!(a.uuid(), c.uuid());
    }

    #[test]
    fn clock_only_moves_forward() {
        let mut env = Env::new(at("2026-11-21T10:00:00Z"), 1);
        env.set_now(at("2026-11-21T09:00:00Z"));
        assert_eq!(env.now(), at("2026-11-21T10:00:00Z"));
        env.advance(Duration::minutes(2));
        assert_eq!(env.now(), at("2026-11-21T10:02:00Z"));
        env.advance(Duration::minutes(-5));
        assert_eq!(env.now(), at("2026-11-21T10:02:00Z"));
    }
}
