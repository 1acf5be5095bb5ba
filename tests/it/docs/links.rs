//! Links, anchors, paths and task ids the README and `docs/` name, and the README's agent
//! example.

use std::collections::BTreeSet;
use std::path::PathBuf;

use mi_settings::play::tasks;

use super::{all_pages, docs_pages, page, root};

/// The lines of a Markdown page outside its code blocks.
fn prose_lines(markdown: &str) -> Vec<&str> {
    let mut in_code = false;
    markdown
        .lines()
        .filter(|line| {
            let fence = line.trim_start().starts_with("```");
            in_code ^= fence;
            !fence && !in_code
        })
        .collect()
}

/// Every `](target)` of a Markdown page, outside code.
fn links(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in prose_lines(markdown) {
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            rest = &rest[at + 2..];
            let end = rest.find(')').unwrap_or(rest.len());
            found.push(rest[..end].to_string());
            rest = &rest[end..];
        }
    }
    found
}

/// The anchors of a Markdown page's headings, as GitHub makes them.
fn anchors(markdown: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in prose_lines(markdown)
        .into_iter()
        .filter(|l| l.starts_with('#'))
    {
        let heading = line.trim_start_matches('#').trim().to_lowercase();
        let slug: String = heading
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        found.insert(slug);
    }
    found
}

#[test]
fn every_page_of_docs_is_linked_from_the_readme() {
    let linked: BTreeSet<String> = links(&page("README.md")).into_iter().collect();
    let missing: Vec<String> = docs_pages()
        .into_iter()
        .filter(|name| !linked.contains(name))
        .collect();
    assert!(missing.is_empty(), "the README links no {missing:?}");
}

#[test]
fn every_relative_link_resolves() {
    let mut broken = Vec::new();
    for name in all_pages() {
        let from = root().join(&name);
        let folder = from.parent().expect("a folder");
        for link in links(&page(&name)) {
            if link.starts_with("http://") || link.starts_with("https://") {
                continue;
            }
            let (file, anchor) = link.split_once('#').unwrap_or((&link, ""));
            let target: PathBuf = if file.is_empty() {
                from.clone()
            } else {
                folder.join(file)
            };
            // Within the repository: a page that leads outside it is a page others cannot follow.
            let inside = target
                .canonicalize()
                .is_ok_and(|t| t.starts_with(root().canonicalize().expect("root")));
            if !inside {
                broken.push(format!("{name}: {link} (no such file in the repository)"));
                continue;
            }
            if !anchor.is_empty()
                && !anchors(&std::fs::read_to_string(&target).unwrap_or_default()).contains(anchor)
            {
                broken.push(format!("{name}: {link} (no heading #{anchor})"));
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// A path of the repository a page names (`fixtures/…`, `src/…`), where it names one.
fn named_path(token: &str) -> Option<&str> {
    const TOP: &[&str] = &[
        "assets/",
        "docs/",
        "fixtures/",
        "python/",
        "src/",
        "tests/",
        ".ci/",
    ];
    let token = token.trim_end_matches(['.', ',', ':', ';']);
    let named = TOP.iter().any(|top| token.starts_with(top));
    // A pattern (`<stem>.snapshots/`, `*.json`, `…`) names no one file.
    let pattern = token.contains(['<', '*', '{', '…']);
    (named && !pattern).then_some(token)
}

#[test]
fn every_path_the_pages_name_exists() {
    let mut missing = Vec::new();
    for name in all_pages() {
        for token in page(&name).split(|c: char| c.is_whitespace() || "`\"'()[]|,;".contains(c)) {
            if let Some(path) = named_path(token)
                && !root().join(path).exists()
            {
                missing.push(format!("{name}: {path}"));
            }
        }
    }
    assert!(missing.is_empty(), "no such path:\n{}", missing.join("\n"));
}

/// Every task the pages name in a command or a request is in the catalogue.
#[test]
fn every_task_the_pages_name_is_in_the_catalogue() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let ids: BTreeSet<&str> = catalogue.iter().map(|t| t.id.as_str()).collect();
    let is_id = |word: &str| {
        word.contains('_') && word.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
    };
    let mut unknown = Vec::new();
    for name in all_pages() {
        let text = page(&name);
        let mut named = Vec::new();
        for before in [
            "learn ",
            "tasks show ",
            "tasks check ",
            "\"task\":\"",
            "\"task\": \"",
            "mi_settings/",
        ] {
            for (at, _) in text.match_indices(before) {
                let word: String = text[at + before.len()..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                named.push(word);
            }
        }
        for word in named.into_iter().filter(|w| is_id(w)) {
            if !ids.contains(word.as_str()) {
                unknown.push(format!("{name}: {word}"));
            }
        }
    }
    assert!(unknown.is_empty(), "no such task: {unknown:?}");
}

/// The README's agent example, line by line: it does its task.
#[test]
fn the_readme_agent_example_does_its_task() {
    let readme = page("README.md");
    let requests: Vec<&str> = readme
        .split('\'')
        .filter(|part| part.starts_with("{\"op\":"))
        .collect();
    assert!(
        requests.len() >= 2,
        "the README's agent example: {requests:?}"
    );
    let mut agent = crate::common::agent_server(None, false);
    let mut last = String::new();
    for request in requests {
        let (response, _) = agent.answer(request);
        last = serde_json::to_string(&response).expect("json");
    }
    assert!(
        last.contains("\"reward\":1.0,\"terminated\":true"),
        "the README says the last line holds \"reward\":1.0,\"terminated\":true: {last}"
    );
}
