//! The file formats' JSON Schemas, generated from the types that read them and compared with the
//! copies committed in `assets/schema/` (which `mi-settings schema` prints): a schema can never
//! drift from its parser. After a change to a format, write them again with
//! `MI_SETTINGS_WRITE_SCHEMAS=1 cargo test -p mi-settings-core schemas`.

use std::path::PathBuf;

use schemars::{Schema, schema_for};

use crate::play::agent::protocol::{AgentProtocol, Observation};
use crate::play::fixture::Fixture;
use crate::play::lesson::progress::Progress;
use crate::play::tasks::Task;
use crate::sim::DeviceFile;

/// Each format's committed file and its schema as generated now.
fn generated() -> [(&'static str, Schema); 5] {
    [
        ("fixture.schema.json", schema_for!(Fixture)),
        ("device.schema.json", schema_for!(DeviceFile)),
        ("task.schema.json", schema_for!(Task)),
        ("agent.schema.json", schema_for!(AgentProtocol)),
        ("progress.schema.json", schema_for!(Progress)),
    ]
}

/// As the files are written: pretty JSON with a trailing newline.
fn text(schema: &Schema) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema is JSON");
    text.push('\n');
    text
}

#[test]
fn committed_schemas_equal_the_generated_ones() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../assets/schema");
    let write = std::env::var_os("MI_SETTINGS_WRITE_SCHEMAS").is_some();
    for (file, schema) in generated() {
        let path = folder.join(file);
        let now = text(&schema);
        if write {
            std::fs::write(&path, &now).expect("writes the schema");
        }
        let committed = std::fs::read_to_string(&path).expect("the committed schema");
        assert!(
            committed == now,
            "assets/schema/{file} is stale: write it again with \
             `MI_SETTINGS_WRITE_SCHEMAS=1 cargo test -p mi-settings-core schemas`"
        );
    }
}

/// The Python package adds the goal to an observation as its last member: an observation has
/// none of its own.
#[test]
fn an_observation_has_no_goal_of_its_own() {
    let observation = serde_json::to_value(schema_for!(Observation)).expect("JSON");
    let top = observation["properties"].as_object().expect("properties");
    assert!(top.contains_key("status"), "{top:?}");
    assert!(
        !top.contains_key("goal"),
        "an observation has a goal of its own"
    );
}
