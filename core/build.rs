//! Lists the task catalogue (`assets/tasks/*.json` and the device files under
//! `assets/tasks/devices/`) for `include_str!`, so the binary carries every task and a new task
//! file needs no code.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/tasks");
    println!("cargo:rerun-if-changed={}", root.display());
    println!("cargo:rerun-if-changed={}", root.join("devices").display());
    let mut out = String::new();
    for (name, folder) in [("TASKS", root.clone()), ("DEVICES", root.join("devices"))] {
        let mut files: Vec<_> = std::fs::read_dir(&folder)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        let _ = writeln!(out, "pub const {name}: &[(&str, &str)] = &[");
        for file in files {
            let key = if name == "TASKS" {
                file.file_stem()
            } else {
                file.file_name()
            };
            let key = key
                .map(|k| k.to_string_lossy().into_owned())
                .unwrap_or_default();
            println!("cargo:rerun-if-changed={}", file.display());
            let _ = writeln!(
                out,
                "    ({key:?}, include_str!({:?})),",
                file.display().to_string()
            );
        }
        let _ = writeln!(out, "];");
    }
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("catalogue.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
