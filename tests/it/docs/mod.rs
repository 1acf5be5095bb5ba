//! The README and `docs/` stay true: every count and limit their prose states is read from the
//! code here, every page of `docs/` is linked from the README, every relative link (and its
//! `#anchor`) resolves, every path they name exists, every option they name is one the binary
//! has (and every option it has is in `docs/cli.md`), and the README's examples run.
//!
//! Elsewhere: `engine.rs` keeps `docs/keys.md`'s key table, `replay.rs` runs `docs/fixtures.md`'s
//! example fixture, `tasks.rs` counts the audit `docs/tasks.md` states and keeps `docs/checks.md`
//! current, `architecture.rs` keeps `docs/architecture.md`'s map.
//!
//! `counts`: the counts, limits and lists the prose states; `links`: links, anchors, paths, task
//! ids and the README's agent example; `options`: the command line the pages show.

mod counts;
mod links;
mod options;

use std::path::Path;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A page of the README or `docs/`, by its path from the repository's root.
pub fn page(name: &str) -> String {
    std::fs::read_to_string(root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `text` with every run of white space one space: prose wraps anywhere.
pub fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every page of `docs/`, as `docs/NAME.md`.
pub fn docs_pages() -> Vec<String> {
    let mut pages: Vec<String> = std::fs::read_dir(root().join("docs"))
        .expect("docs/")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".md"))
        .map(|name| format!("docs/{name}"))
        .collect();
    pages.sort();
    pages
}

/// The README and every page of `docs/`.
pub fn all_pages() -> Vec<String> {
    let mut pages = vec!["README.md".to_string()];
    pages.extend(docs_pages());
    pages
}

/// Each page says each of its phrases (white space aside).
pub fn says(stated: &[(&str, String)]) {
    let mut wrong = Vec::new();
    for (name, phrase) in stated {
        if !flat(&page(name)).contains(&flat(phrase)) {
            wrong.push(format!("{name} should say {phrase:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
