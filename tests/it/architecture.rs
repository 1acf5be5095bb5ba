//! The shape of the code, checked: which module uses which, read from `core/src/` (the phone as
//! a value, the `mi-settings-core` crate) and `src/` (the shells around it, and the binary).
//!
//! - The layers only look down (see [`LAYERS`]): shells → play → engine and ui → screens →
//!   layout, view, strings → sim, with `text` at the bottom for everyone; `sim` (the domain)
//!   uses nothing of the crate above it.
//! - No circle between modules at any depth: every file is a module (`play::agent::act`), a
//!   path names the module that defines the item (a `pub use` is followed to where the item
//!   lives), and no module reaches itself by the modules it uses — a parent that uses its child
//!   is never used by it back.
//! - `docs/architecture.md`'s map names every module of both, and nothing else.
//! - The core is a crate of its own, so that it cannot use a shell (Cargo has no circles);
//!   the modules of both crates are one tree here, as the shells see them (`crate::engine` is
//!   the core's `engine`, re-exported).
//!
//! `cargo test --test it architecture -- --nocapture` prints the whole picture.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What each top-level module may use of the crate (besides itself), lowest first.
const LAYERS: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("sim", &["text"]),
    ("strings", &["text", "sim"]),
    ("view", &["text"]),
    ("layout", &["text", "view"]),
    ("screens", &["text", "sim", "strings", "view", "layout"]),
    (
        "engine",
        &["text", "sim", "strings", "view", "layout", "screens"],
    ),
    ("ui", &["text", "view", "layout", "strings"]),
    (
        "play",
        &[
            "text", "sim", "strings", "view", "layout", "screens", "engine", "ui",
        ],
    ),
    (
        "shells",
        &[
            "text", "sim", "strings", "view", "layout", "screens", "engine", "ui", "play",
        ],
    ),
    (
        "main",
        &[
            "text", "sim", "strings", "view", "layout", "screens", "engine", "ui", "play", "shells",
        ],
    ),
];

type Module = Vec<String>;

/// The folders the crates' sources are in: the core's, and the shells' and the binary's.
const SOURCE_FOLDERS: [&str; 2] = ["core/src", "src"];

/// Every source file's module path and text (its test code left out), in both crates.
fn sources() -> Vec<(Module, String)> {
    let mut files = Vec::new();
    for folder in SOURCE_FOLDERS {
        files.extend(sources_in(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(folder),
        ));
    }
    files.sort();
    files
}

fn sources_in(root: &Path) -> Vec<(Module, String)> {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(root).expect("under src");
                let mut module: Module = relative
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
    files.sort();
    files
}

/// The code without comments.
fn code_lines(code: &str) -> impl Iterator<Item = &str> {
    code.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
}

/// `a::b::c` as written in `module` (`crate::`, `super::`, `self::`, `mi_settings::`,
/// `mi_settings_core::`, or a child module's name), as a path from the crate root; `None` when
/// it is not the crates'.
fn absolute(module: &[String], path: &str, modules: &BTreeSet<Module>) -> Option<Module> {
    let parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
    match parts.first() {
        Some(&"crate") | Some(&"mi_settings") | Some(&"mi_settings_core") => {
            Some(parts[1..].iter().map(|p| p.to_string()).collect())
        }
        Some(&"super") => {
            let mut base: Module = module.to_vec();
            let mut rest = &parts[..];
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
            base.extend(rest.iter().map(|p| p.to_string()));
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
        None => None,
    }
}

/// The `pub use` lines of a module: the names it re-exports and the paths they come from.
fn reexports(module: &[String], code: &str, modules: &BTreeSet<Module>) -> Vec<(String, Module)> {
    let mut found = Vec::new();
    let text: String = code_lines(code).collect::<Vec<_>>().join("\n");
    let mut rest = text.as_str();
    while let Some(at) = rest.find("pub use ") {
        rest = &rest[at + "pub use ".len()..];
        let end = rest.find(';').unwrap_or(rest.len());
        let statement: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
        rest = &rest[end..];
        let (base, names) = match statement.split_once("::{") {
            Some((base, names)) => (base.to_string(), names.trim_end_matches('}').to_string()),
            None => match statement.rsplit_once("::") {
                Some((base, name)) => (base.to_string(), name.to_string()),
                None => continue,
            },
        };
        for name in names.split(',').filter(|n| !n.is_empty()) {
            let name = name.split(" as ").next().unwrap_or(name);
            if name == "self" {
                continue;
            }
            if let Some(from) = absolute(module, &format!("{base}::{name}"), modules) {
                found.push((name.to_string(), from));
            }
        }
    }
    found
}

/// The crate paths a file names, as written (`crate::a::b`, `super::c`, `f::g`); a group
/// (`use a::{b, c::{d, e}}`) names each of its members.
fn paths(code: &str) -> Vec<String> {
    let text: String = code_lines(code).collect::<Vec<_>>().join("\n");
    let mut found = Vec::new();
    let mut rest = text.as_str();
    while let Some(at) = rest.find(|c: char| c.is_ascii_alphabetic() || c == '_') {
        rest = &rest[at..];
        let word_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == ':'))
            .unwrap_or(rest.len());
        let path = &rest[..word_end];
        rest = &rest[word_end..];
        if let (Some(base), true) = (path.strip_suffix("::"), rest.starts_with('{')) {
            let (group, after) = balanced(rest);
            expand(base, group, &mut found);
            rest = after;
        } else if path.contains("::") {
            // `pub(super)` and `pub(crate)` name no module: a path has `::` in it.
            found.push(path.to_string());
        }
    }
    found
}

/// The text inside the braces `text` starts with, and what follows them.
fn balanced(text: &str) -> (&str, &str) {
    let mut depth = 0;
    for (at, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return (&text[1..at], &text[at + 1..]);
                }
            }
            _ => {}
        }
    }
    (&text[1.min(text.len())..], "")
}

/// The paths of a group's members, `base::member` each.
fn expand(base: &str, group: &str, found: &mut Vec<String>) {
    let mut depth = 0;
    let mut start = 0;
    let mut members = Vec::new();
    for (at, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                members.push(&group[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    members.push(&group[start..]);
    for member in members {
        let member = member.trim();
        let member = member.split(" as ").next().unwrap_or(member).trim();
        if member.is_empty() {
            continue;
        }
        if member == "self" {
            found.push(format!("{base}::"));
        } else if let Some((inner_base, inner)) = member.split_once("::{") {
            let inner = inner.strip_suffix('}').unwrap_or(inner);
            expand(&format!("{base}::{inner_base}"), inner, found);
        } else {
            found.push(format!("{base}::{member}"));
        }
    }
}

/// `code` without its `pub use` statements.
fn without_reexports(code: &str) -> String {
    let mut kept = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("pub use ") {
        kept.push_str(&rest[..at]);
        rest = &rest[at..];
        rest = rest.find(';').map_or("", |end| &rest[end + 1..]);
    }
    kept.push_str(rest);
    kept
}

/// The module graph at file depth: each module and the modules its code uses (the modules that
/// define what it names).
fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let files = sources();
    let mut modules: BTreeSet<Module> = BTreeSet::new();
    for (module, _) in &files {
        for n in 1..=module.len() {
            modules.insert(module[..n].to_vec());
        }
    }
    let mut exported: BTreeMap<(Module, String), Module> = BTreeMap::new();
    for (module, code) in &files {
        for (name, from) in reexports(module, code, &modules) {
            exported.insert((module.clone(), name), from);
        }
    }
    // Where a path leads: the longest module prefix, followed through re-exports.
    let resolve = |path: &Module| -> Option<Module> {
        let mut path = path.clone();
        for _ in 0..8 {
            let known = (1..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|prefix| modules.contains(prefix))?;
            match path.get(known.len()) {
                Some(name) => match exported.get(&(known.clone(), name.clone())) {
                    Some(from) => {
                        let mut next = from.clone();
                        next.extend(path[known.len() + 1..].iter().cloned());
                        path = next;
                    }
                    None => return Some(known),
                },
                None => return Some(known),
            }
        }
        None
    };
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, code) in &files {
        let entry = edges.entry(module.clone()).or_default();
        // A `pub use` is the module's face, followed where a path leads, not a use of its own.
        for written in paths(&without_reexports(code)) {
            let Some(path) = absolute(module, &written, &modules) else {
                continue;
            };
            if let Some(to) = resolve(&path)
                && to != *module
            {
                entry.insert(to);
            }
        }
    }
    edges
}

fn name(module: &[String]) -> String {
    if module.is_empty() {
        "crate".to_string()
    } else {
        module.join("::")
    }
}

#[test]
fn the_layers_only_look_down() {
    let edges = graph();
    let mut wrong = Vec::new();
    for (from, tos) in &edges {
        let Some(top) = from.first() else { continue };
        let Some((_, allowed)) = LAYERS.iter().find(|(layer, _)| layer == top) else {
            wrong.push(format!("{}: not in any layer", name(from)));
            continue;
        };
        for to in tos {
            let Some(to_top) = to.first() else { continue };
            if to_top != top && !allowed.contains(&to_top.as_str()) {
                wrong.push(format!("{} uses {}", name(from), name(to)));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "against the layers:\n{}",
        wrong.join("\n")
    );
}

/// Every circle of modules, each found once.
fn circles(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    // Tarjan's strongly connected components: a component of more than one module is a circle.
    struct Walk<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        found: Vec<Vec<Module>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a Module) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            let edges = self.edges;
            for next in edges.get(node).into_iter().flatten() {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut component = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    component.push(top.clone());
                    if top == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !walk.index.contains_key(node) {
            walk.visit(node);
        }
    }
    walk.found
}

#[test]
fn no_module_uses_one_that_uses_it_back() {
    let edges = graph();
    for (from, tos) in &edges {
        println!(
            "{} -> {}",
            name(from),
            tos.iter().map(|t| name(t)).collect::<Vec<_>>().join(", ")
        );
    }
    let found = circles(&edges);
    let shown: Vec<String> = found
        .iter()
        .map(|circle| {
            circle
                .iter()
                .map(|m| name(m))
                .collect::<Vec<_>>()
                .join(" ⇄ ")
        })
        .collect();
    assert!(found.is_empty(), "circles:\n{}", shown.join("\n"));
}

/// The check itself: a circle planted two folders deep is found.
#[test]
fn a_circle_deep_down_is_found() {
    let module = |path: &str| -> Module { path.split("::").map(str::to_string).collect() };
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    edges
        .entry(module("play::lesson::attempt"))
        .or_default()
        .insert(module("play::lesson::words"));
    edges
        .entry(module("play::lesson::words"))
        .or_default()
        .insert(module("play::lesson::attempt"));
    edges
        .entry(module("play::tasks"))
        .or_default()
        .insert(module("sim"));
    assert_eq!(
        circles(&edges),
        vec![vec![
            module("play::lesson::attempt"),
            module("play::lesson::words")
        ]]
    );
}

/// `docs/architecture.md` maps every module of `core/src/` and `src/` (a line starting with its
/// path in backticks), and no module that is not there.
#[test]
fn the_architecture_doc_maps_every_module() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md"))
            .expect("docs/architecture.md");
    let mapped: BTreeSet<String> = doc
        .lines()
        .filter_map(|line| {
            let line = line.trim_start().trim_start_matches("- ");
            let rest = line.strip_prefix('`')?;
            let end = rest.find('`')?;
            let path = &rest[..end];
            let path = path.strip_prefix("core/").unwrap_or(path);
            path.strip_prefix("src/").map(|p| {
                p.trim_end_matches('/')
                    .trim_end_matches(".rs")
                    .replace('/', "::")
            })
        })
        .collect();
    let modules: BTreeSet<String> = sources()
        .into_iter()
        .map(|(module, _)| module.join("::"))
        .filter(|m| !m.is_empty())
        .collect();
    let missing: Vec<&String> = modules.difference(&mapped).collect();
    let stale: Vec<&String> = mapped.difference(&modules).collect();
    assert!(
        missing.is_empty() && stale.is_empty(),
        "docs/architecture.md leaves out {missing:?} and names {stale:?}, which the sources do not have"
    );
}
