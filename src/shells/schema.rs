//! JSON Schemas of the file formats, generated from the types that read them, so the schema can
//! never drift from the parser. Committed copies live in `assets/schema/` (a test keeps them equal).

use crate::play::fixture::Fixture;
use crate::play::lesson::progress::Progress;
use crate::play::tasks::Task;
use crate::sim::DeviceFile;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A replay fixture (version 1).
    Fixture,
    /// The device file.
    Device,
    /// A task of the catalogue (version 1).
    Task,
    /// The agent protocol's requests and responses.
    Agent,
    /// A learner's progress through the lessons (version 1).
    Progress,
}

/// The schema as pretty JSON with a trailing newline.
pub fn generate(format: Format) -> String {
    let schema = match format {
        Format::Fixture => schemars::schema_for!(Fixture),
        Format::Device => schemars::schema_for!(DeviceFile),
        Format::Task => schemars::schema_for!(Task),
        Format::Agent => schemars::schema_for!(crate::play::agent::protocol::AgentProtocol),
        Format::Progress => schemars::schema_for!(Progress),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
