//! The shape of the code, checked: which module uses which, read from `src/`.
//!
//! - The layers only look down: shells → engine and ui → screens → layout, view, strings → sim;
//!   `sim` (the domain) uses nothing of the crate above it.
//! - No cycle between modules, taken two levels deep (`screens::account`, `shells::replay`,
//!   `sim::cloud` ...): a module's parent may use it, it never uses its parent back.
//!
//! `cargo test --test architecture -- --nocapture` prints the whole picture.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What each top-level module may use of the crate (besides itself).
const LAYERS: &[(&str, &[&str])] = &[
    ("sim", &[]),
    ("strings", &["sim"]),
    ("view", &[]),
    ("layout", &["view"]),
    ("screens", &["sim", "strings", "view", "layout"]),
    ("engine", &["sim", "strings", "view", "layout", "screens"]),
    ("ui", &["view", "layout", "strings"]),
    (
        "shells",
        &[
            "sim", "strings", "view", "layout", "screens", "engine", "ui",
        ],
    ),
    (
        "main",
        &[
            "sim", "strings", "view", "layout", "screens", "engine", "ui", "shells",
        ],
    ),
];

/// Every source file's module path and text (its test code left out).
fn sources() -> Vec<(Vec<String>, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).expect("under src");
                let mut module: Vec<String> = relative
                    .with_extension("")
                    .iter()
                    .map(|part| part.to_string_lossy().into_owned())
                    .collect();
                if module.last().is_some_and(|m| m == "mod" || m == "lib") {
                    module.pop();
                }
                let text = std::fs::read_to_string(&path).expect("source");
                // Unit tests sit at the end of a file, behind #[cfg(test)]; they may reach
                // anywhere.
                let code = text
                    .find("#[cfg(test)]")
                    .map_or(text.as_str(), |at| &text[..at]);
                files.push((module, code.to_string()));
            }
        }
    }
    files
}

/// The crate paths a file names (`crate::a::b`, `super::c`, `self::d`, `mi_settings::e`, or a
/// child module's `f::g`), as module paths from the crate root, without comments.
fn references(module: &[String], code: &str, modules: &BTreeSet<Vec<String>>) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for line in code.lines() {
        let line = line.split("//").next().unwrap_or("");
        let mut rest = line;
        while let Some(at) = rest.find(|c: char| c.is_ascii_alphabetic()) {
            rest = &rest[at..];
            let word_end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
                .unwrap_or(rest.len());
            let path = &rest[..word_end];
            rest = &rest[word_end..];
            // `pub(super)` and `pub(crate)` name no module: a path has `::` in it.
            if !path.contains("::") {
                continue;
            }
            let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
            let resolved: Option<Vec<String>> = match parts.first() {
                Some(&"crate") | Some(&"mi_settings") => {
                    Some(parts[1..].iter().map(|p| p.to_string()).collect())
                }
                Some(&"super") => {
                    // A `mod.rs` is its folder's module: `super` is the folder's parent.
                    let mut base: Vec<String> = module.to_vec();
                    let mut rest_parts = &parts[..];
                    while rest_parts.first() == Some(&"super") {
                        base.pop();
                        rest_parts = &rest_parts[1..];
                    }
                    base.extend(rest_parts.iter().map(|p| p.to_string()));
                    Some(base)
                }
                Some(&"self") => {
                    let mut base = module.to_vec();
                    base.extend(parts[1..].iter().map(|p| p.to_string()));
                    Some(base)
                }
                // A child module named by its own name (`keys::resolve` in `engine`).
                Some(first) => {
                    let mut child = module.to_vec();
                    child.push(first.to_string());
                    modules.contains(&child).then(|| {
                        child.extend(parts[1..].iter().map(|p| p.to_string()));
                        child
                    })
                }
                _ => None,
            };
            if let Some(path) = resolved {
                found.push(path);
            }
        }
    }
    found
}

/// A module path cut to at most two levels: the unit the cycle check works on.
fn unit(path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<String> {
    // The longest prefix that is a module of the crate.
    let known = (1..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains(prefix))?;
    Some(known[..known.len().min(2)].join("::"))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = sources();
    let mut modules: BTreeSet<Vec<String>> = BTreeSet::new();
    for (module, _) in &files {
        for n in 1..=module.len() {
            modules.insert(module[..n].to_vec());
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in &files {
        let Some(from) = unit(module, &modules) else {
            continue;
        };
        let entry = edges.entry(from.clone()).or_default();
        for reference in references(module, code, &modules) {
            if let Some(to) = unit(&reference, &modules)
                && to != from
            {
                if std::env::var("ARCH_DEBUG").is_ok() {
                    eprintln!("{from} -> {to} by {reference:?}");
                }
                entry.insert(to);
            }
        }
    }
    edges
}

fn top(unit: &str) -> &str {
    unit.split("::").next().unwrap_or(unit)
}

#[test]
fn the_layers_only_look_down() {
    let edges = graph();
    let mut wrong = Vec::new();
    for (from, tos) in &edges {
        let allowed = LAYERS
            .iter()
            .find(|(layer, _)| *layer == top(from))
            .map(|(_, allowed)| *allowed);
        let Some(allowed) = allowed else {
            wrong.push(format!("{from}: not in any layer"));
            continue;
        };
        for to in tos {
            if top(to) != top(from) && !allowed.contains(&top(to)) {
                wrong.push(format!("{from} uses {to}"));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "against the layers:\n{}",
        wrong.join("\n")
    );
    // The domain uses nothing of the crate outside itself.
    for (from, tos) in &edges {
        if top(from) == "sim" {
            assert!(tos.iter().all(|t| top(t) == "sim"), "{from} uses {tos:?}");
        }
    }
}

#[test]
fn no_module_uses_one_that_uses_it_back() {
    let edges = graph();
    for (from, tos) in &edges {
        println!(
            "{from} -> {}",
            tos.iter().cloned().collect::<Vec<_>>().join(", ")
        );
    }
    // Depth-first search for a cycle, reporting it whole.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for node in edges.keys() {
        if let Some(cycle) = visit(node, &edges, &mut Vec::new(), &mut done) {
            panic!("a cycle: {}", cycle.join(" -> "));
        }
    }
}
