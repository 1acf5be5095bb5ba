//! Scripted replay of fixtures: the format, the runner, casts and recording.

pub mod batch;
pub mod cast;
pub mod fixture;
pub mod predicate;
pub mod record;
pub mod runner;
pub mod secrets;

pub use fixture::{Fixture, FixtureError, LoadedFixture, Step};
pub use runner::{Options, Report};
