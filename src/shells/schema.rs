//! JSON Schemas of the file formats: the copies committed in `assets/schema/`, which a test of
//! the core generates from the types that read each format and keeps equal to them, so a schema
//! can never drift from its parser.

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
pub fn text(format: Format) -> &'static str {
    match format {
        Format::Fixture => include_str!("../../assets/schema/fixture.schema.json"),
        Format::Device => include_str!("../../assets/schema/device.schema.json"),
        Format::Task => include_str!("../../assets/schema/task.schema.json"),
        Format::Agent => include_str!("../../assets/schema/agent.schema.json"),
        Format::Progress => include_str!("../../assets/schema/progress.schema.json"),
    }
}
