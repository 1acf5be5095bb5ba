//! The README and `docs/` stay true: every count and limit their prose states is read from the
//! code here, every page of `docs/` is linked from the README, every relative link (and its
//! `#anchor`) resolves, every path they name exists, every option they name is one the binary
//! has (and every option it has is in `docs/cli.md`), and the README's examples run.
//!
//! Elsewhere: `engine.rs` keeps `docs/keys.md`'s key table, `replay.rs` runs `docs/fixtures.md`'s
//! example fixture, `tasks.rs` counts the audit `docs/tasks.md` states and keeps `docs/checks.md`
//! current, `architecture.rs` keeps `docs/architecture.md`'s map.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use mi_settings::play::tasks;
use mi_settings::sim::device::{App, DeviceFile, Language, Skin};
use mi_settings::strings::{S, Source, Tr};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A page of the README or `docs/`, by its path from the repository's root.
fn page(name: &str) -> String {
    std::fs::read_to_string(root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `text` with every run of white space one space: prose wraps anywhere.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every page of `docs/`, as `docs/NAME.md`.
fn docs_pages() -> Vec<String> {
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
fn all_pages() -> Vec<String> {
    let mut pages = vec!["README.md".to_string()];
    pages.extend(docs_pages());
    pages
}

/// `n` as the docs write it: digits in groups of three (`100,000`).
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A small count as a word, as prose writes it.
fn word(n: usize) -> &'static str {
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ]
    .get(n)
    .copied()
    .unwrap_or_else(|| panic!("{n}: write it in digits"))
}

/// Each page says each of its phrases (white space aside).
fn says(stated: &[(&str, String)]) {
    let mut wrong = Vec::new();
    for (name, phrase) in stated {
        if !flat(&page(name)).contains(&flat(phrase)) {
            wrong.push(format!("{name} should say {phrase:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The fixtures in `fixtures/`.
fn fixture_count() -> usize {
    std::fs::read_dir(root().join("fixtures"))
        .expect("fixtures/")
        .filter(|entry| {
            entry
                .as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "json"))
        })
        .count()
}

#[test]
fn the_readme_states_the_counts_of_the_code() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let guides: BTreeSet<&str> = catalogue.iter().map(|t| t.seed_doc.number()).collect();
    let fixtures = fixture_count();
    let cargo = page("Cargo.toml");
    let rust = cargo
        .lines()
        .find_map(|line| line.strip_prefix("rust-version = "))
        .expect("Cargo.toml's rust-version")
        .trim_matches('"');
    let python = page("python/pyproject.toml");
    let python = python
        .lines()
        .find_map(|line| line.strip_prefix("requires-python = \">="))
        .expect("pyproject.toml's requires-python")
        .trim_end_matches('"');
    assert_eq!(
        Language::ALL.map(Language::tag),
        ["en", "zh-CN"],
        "the README speaks of English and Simplified Chinese"
    );
    says(&[
        ("README.md", format!("Rust ≥ {rust}")),
        ("README.md", format!("Python ≥ {python}")),
        (
            "README.md",
            format!("It follows {} public Xiaomi guides", word(guides.len())),
        ),
        ("README.md", format!("`fixtures/` holds {fixtures} of them")),
        ("README.md", format!("\"{fixtures} passed, 0 failed\"")),
        (
            "README.md",
            format!("The {} tasks of the catalogue", catalogue.len()),
        ),
        (
            "README.md",
            "It speaks English and Simplified Chinese".to_string(),
        ),
    ]);
}

/// The README's test command is the one CI runs.
#[test]
fn the_readme_test_command_is_the_one_ci_runs() {
    let ci = page(".ci/run");
    let readme = page("README.md");
    for command in ["cargo test --locked", "python/run-tests"] {
        assert!(
            ci.lines().any(|line| line.starts_with(command)),
            ".ci/run no longer runs {command}"
        );
    }
    assert!(readme.contains("\ncargo test --locked && python/run-tests "));
}

#[test]
fn the_pages_state_the_limits_of_the_code() {
    use mi_settings::play::fixture::{self, limits};
    use mi_settings::sim::{cloud, device};
    const MB: u64 = 1024 * 1024;
    says(&[
        // The device file.
        (
            "docs/device-file.md",
            format!("this release writes version {}", device::CURRENT_VERSION),
        ),
        (
            "docs/device-file.md",
            format!("keeps the newest {} sign-ins", cloud::LOGIN_HISTORY_KEPT),
        ),
        (
            "docs/device-file.md",
            format!(
                "a file over {} MB",
                mi_settings::shells::store::FILE_LIMIT / MB
            ),
        ),
        (
            "docs/device-file.md",
            format!(
                "at most {} MiB, {} passes and {} lanes",
                device::HASH_MEMORY_KIB_MAX / 1024,
                device::HASH_PASSES_MAX,
                device::HASH_LANES_MAX
            ),
        ),
        (
            "docs/device-file.md",
            format!("more than {} minutes off", cloud::CLOCK_TOLERANCE_MINUTES),
        ),
        // Fixtures.
        (
            "docs/fixtures.md",
            format!(
                "{} MB per file, {} steps, {} characters per text, {} characters of `name`, {} of the `device` path, `back` at most {}",
                limits::FILE_BYTES / MB,
                grouped(limits::STEPS),
                grouped(limits::TEXT_CHARS),
                limits::NAME_CHARS,
                grouped(limits::PATH_CHARS),
                limits::BACKS
            ),
        ),
        (
            "docs/fixtures.md",
            format!("`terminal` 1x1 to {}x{}", limits::WIDTH, limits::HEIGHT),
        ),
        (
            "docs/fixtures.md",
            format!(
                "`terminal` (default {}x{})",
                fixture::DEFAULT_WIDTH,
                fixture::DEFAULT_HEIGHT
            ),
        ),
        (
            "docs/fixtures.md",
            format!("`seed` (default {})", fixture::DEFAULT_SEED),
        ),
        (
            "docs/fixtures.md",
            format!("`clock` (default `{}`", fixture::DEFAULT_CLOCK),
        ),
        // Tasks.
        (
            "docs/tasks.md",
            format!(
                "At least {} near-misses and {} route per task",
                tasks::check::NEAR_MISSES_WANTED,
                tasks::check::ROUTES_WANTED
            ),
        ),
        (
            "docs/tasks.md",
            format!(
                "| {} deep at most |",
                mi_settings::play::condition::DEPTH_MAX
            ),
        ),
        // The agent.
        (
            "docs/agent-protocol.md",
            format!(
                "lines over {} MB are refused",
                mi_settings::shells::agent::LINE_BYTES as u64 / MB
            ),
        ),
        // The screen.
        (
            "docs/keys.md",
            format!(
                "Any terminal from {}x{} up works",
                mi_settings::layout::MIN_WIDTH,
                mi_settings::layout::MIN_HEIGHT
            ),
        ),
        (
            "docs/lessons.md",
            format!(
                "on terminals {} columns wide or more",
                mi_settings::ui::lesson::BESIDE_MIN_WIDTH
            ),
        ),
        (
            "docs/languages.md",
            format!(
                "a piece of a long message ({} characters in common",
                mi_settings::strings::PIECE_CHARS
            ),
        ),
    ]);
}

#[test]
fn what_is_simulated_states_the_rules_of_the_code() {
    use mi_settings::sim::cloud;
    let tr = Tr::new(Skin::Miui);
    let apps: Vec<&str> = App::ALL.iter().map(|&app| tr.app(app)).collect();
    says(&[
        (
            "docs/what-is-simulated.md",
            format!(
                "{} wrong passwords in a row lock sign-in for {} simulated minutes",
                cloud::MAX_FAILURES,
                cloud::LOCKOUT_MINUTES
            ),
        ),
        (
            "docs/what-is-simulated.md",
            format!(
                "\"Resend code\" after a {}-second countdown; codes expire after {} minutes and at most {} go to one number an hour",
                cloud::RESEND_SECONDS,
                cloud::CODE_MINUTES,
                cloud::MAX_CODES_PER_HOUR
            ),
        ),
        (
            "docs/what-is-simulated.md",
            format!("\"Occupied: x/{} GB\"", cloud::FREE_PLAN_GB),
        ),
        (
            "docs/what-is-simulated.md",
            format!(
                "\"Signing out…\" for {} simulated seconds",
                mi_settings::screens::flows::sign_out::SIGNING_OUT_SECONDS
            ),
        ),
        (
            "docs/what-is-simulated.md",
            format!("a switch per app ({})", apps.join(", ")),
        ),
    ]);
}

/// The rows of Settings that open a "not simulated" page are the ones the page lists.
#[test]
fn what_is_not_simulated_names_every_topic_the_phone_does_not_simulate() {
    use mi_settings::screens::target::Topic;
    let tr = Tr::new(Skin::Miui);
    let docs = flat(&page("docs/what-is-simulated.md"));
    let section = docs
        .split("## What is not simulated")
        .nth(1)
        .and_then(|rest| rest.split(" ## ").next())
        .expect("a section \"What is not simulated\"");
    // These two rows open pages of their own: seed 003's troubleshooting goes there.
    let simulated = [Topic::Apps, Topic::AdditionalSettings];
    for &topic in Topic::ALL {
        let title = tr.get(topic.title());
        assert_eq!(
            section.contains(&format!("\"{title}\"")),
            !simulated.contains(&topic),
            "{title:?}: docs/what-is-simulated.md's \"What is not simulated\" is out of date"
        );
    }
}

#[test]
fn the_demo_accounts_are_the_default_device_files() {
    let device = DeviceFile::factory_default();
    let docs = page("docs/what-is-simulated.md");
    let rows: Vec<&str> = docs
        .split("## Demo accounts")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a section \"Demo accounts\"")
        .lines()
        .filter(|line| line.starts_with("| "))
        .skip(2)
        .collect();
    assert_eq!(rows.len(), device.cloud.accounts.len(), "{rows:#?}");
    for (row, account) in rows.iter().zip(&device.cloud.accounts) {
        let cells: Vec<&str> = row
            .split(" | ")
            .map(|c| c.trim_matches('|').trim())
            .collect();
        assert_eq!(cells[0], account.name);
        assert_eq!(cells[1], account.mi_account_id);
        assert!(cells[2].starts_with(&account.email), "{row}");
        let password = cells[3].trim_matches('`');
        assert!(
            mi_settings::sim::cloud::verify_password(&account.password_hash, password),
            "{}'s password is not {password:?}",
            account.name
        );
    }
}

/// The seed guides' table names every guide a task follows.
#[test]
fn the_guides_table_names_every_guide_of_the_tasks() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let guides: BTreeSet<&str> = catalogue.iter().map(|t| t.seed_doc.number()).collect();
    let docs = page("docs/what-is-simulated.md");
    let rows: BTreeSet<&str> = docs
        .lines()
        .filter_map(|line| line.strip_prefix("| "))
        .filter_map(|line| line.split(" | ").next())
        .filter(|cell| cell.len() == 3 && cell.bytes().all(|b| b.is_ascii_digit()))
        .collect();
    assert_eq!(rows, guides);
}

#[test]
fn languages_states_the_counts_of_the_string_table_and_the_fixtures() {
    let chinese = Tr::speaking(Skin::Miui, Language::ZhCn);
    let count = |source: Source| {
        S::ALL
            .iter()
            .filter(|&&s| chinese.source(s) == source)
            .count()
    };
    assert_eq!(
        count(Source::Doc),
        2,
        "docs/languages.md says the app names are the only confirmed Chinese wordings"
    );
    assert_eq!(count(Source::Seed), 0, "no guide is in Chinese");
    let fixtures = fixture_count();
    let english_only = crate::replay::ENGLISH_ONLY.len();
    for language in Language::ALL {
        assert!(page("docs/languages.md").contains(&format!("(`{}`)", language.tag())));
    }
    says(&[
        (
            "docs/languages.md",
            format!(
                "the other {} are our guess at the phone's wording",
                count(Source::Guess)
            ),
        ),
        (
            "docs/languages.md",
            format!("and {} are the simulation's own words", count(Source::Ours)),
        ),
        (
            "docs/languages.md",
            format!(
                "{} of the {fixtures} fixtures in `fixtures/` pass in both languages",
                fixtures - english_only
            ),
        ),
        (
            "docs/languages.md",
            format!("the {english_only} others check English wording on purpose"),
        ),
    ]);
}

#[test]
fn speed_describes_the_bench_it_measures() {
    use mi_settings::shells::bench;
    says(&[
        (
            "docs/speed.md",
            format!(
                "{} contacts and as many photos on the phone",
                grouped(bench::LARGE_ITEMS)
            ),
        ),
        (
            "docs/speed.md",
            format!(
                "{} devices and {} sign-ins on the account",
                grouped(bench::LARGE_DEVICES),
                grouped(bench::LARGE_HISTORY)
            ),
        ),
        (
            "docs/speed.md",
            format!(
                "Long lists show their first {} rows",
                mi_settings::screens::widgets::LIST_SHOWN
            ),
        ),
        (
            "docs/speed.md",
            format!(
                "(lists the newest {})",
                mi_settings::screens::account::login_history::HISTORY_SHOWN
            ),
        ),
    ]);
}

/// docs/lessons.md's key table is lesson mode's keys, word for word.
#[test]
fn the_lessons_doc_lists_the_lesson_keys() {
    use mi_settings::play::lesson::words::KEYS;
    let mut table = String::from("| keys | does |\n| --- | --- |\n");
    for key in KEYS {
        table.push_str(&format!("| {} | {} |\n", key.keys, key.help.en));
    }
    assert!(
        page("docs/lessons.md").contains(&table),
        "docs/lessons.md's key table is out of date; it should read:\n{table}"
    );
}

/// Every `](target)` of a Markdown page, outside code.
fn links(markdown: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
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
    let mut in_code = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || !line.starts_with('#') {
            continue;
        }
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

/// The binary's `--help`, and that of each command and subcommand.
fn every_help() -> Vec<(String, String)> {
    let help = |args: &[&str]| -> String {
        let output = Command::new(env!("CARGO_BIN_EXE_mi-settings"))
            .args(args)
            .arg("--help")
            .env_remove("MI_SETTINGS_DEVICE")
            .output()
            .expect("run mi-settings");
        assert!(output.status.success(), "{args:?} --help");
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let mut helps = Vec::new();
    let mut queue: Vec<Vec<String>> = vec![Vec::new()];
    while let Some(args) = queue.pop() {
        let words: Vec<&str> = args.iter().map(String::as_str).collect();
        let text = help(&words);
        // The commands it lists, each with its own help.
        let commands = text
            .split("Commands:\n")
            .nth(1)
            .map(|rest| rest.split("\n\n").next().unwrap_or_default())
            .unwrap_or_default();
        for line in commands.lines() {
            let command = line.split_whitespace().next().unwrap_or_default();
            if !command.is_empty() && command != "help" {
                let mut deeper = args.clone();
                deeper.push(command.to_string());
                queue.push(deeper);
            }
        }
        helps.push((words.join(" "), text));
    }
    helps
}

/// The long options in `text` (`--device`, `--log-dir`).
fn options(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("--") {
        let name: String = text[at + 2..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '-')
            .collect();
        let after_word = at == 0 || !text[..at].ends_with(|c: char| c.is_alphanumeric());
        if after_word && name.len() > 1 && !name.ends_with('-') {
            found.insert(format!("--{name}"));
        }
    }
    found
}

#[test]
fn the_options_the_pages_name_are_the_binarys() {
    // Options of other programs the pages show (cargo's), each with where.
    const OTHERS: &[(&str, &str)] = &[
        ("--release", "cargo run/build --release"),
        ("--locked", "cargo test --locked"),
        ("--test", "cargo test --test it"),
        ("--nocapture", "cargo test -- --nocapture"),
        ("--path", "cargo install --path ."),
    ];
    let helps = every_help();
    let binary: BTreeSet<String> = helps.iter().flat_map(|(_, text)| options(text)).collect();
    let cli = options(&page("docs/cli.md"));
    let undocumented: Vec<&String> = binary.difference(&cli).collect();
    assert!(
        undocumented.is_empty(),
        "docs/cli.md does not name {undocumented:?}"
    );
    let mut unknown = Vec::new();
    for name in all_pages().into_iter().filter(|n| n != "docs/checks.md") {
        for option in options(&page(&name)) {
            if !binary.contains(&option) && !OTHERS.iter().any(|(o, _)| *o == option) {
                unknown.push(format!("{name}: {option}"));
            }
        }
    }
    assert!(unknown.is_empty(), "mi-settings has no {unknown:?}");
    // The default docs/speed.md names.
    let bench = &helps
        .iter()
        .find(|(args, _)| args == "bench")
        .expect("bench")
        .1;
    assert!(bench.contains("[default: 20000]"));
    assert!(flat(&page("docs/speed.md")).contains("(default 20,000 iterations per measurement)"));
}

/// docs/cli.md names every schema `mi-settings schema` prints, and each has its committed copy.
#[test]
fn the_cli_doc_names_every_schema() {
    use clap::ValueEnum;
    use mi_settings::shells::schema::Format;
    let names: Vec<String> = Format::value_variants()
        .iter()
        .filter_map(|f| f.to_possible_value())
        .map(|v| v.get_name().to_string())
        .collect();
    let cli = page("docs/cli.md");
    let line = cli
        .lines()
        .find(|line| line.starts_with("| `mi-settings schema "))
        .expect("docs/cli.md's schema row");
    let listed: BTreeSet<&str> = line["| `mi-settings schema ".len()..]
        .split('`')
        .next()
        .unwrap_or_default()
        .split("\\|")
        .collect();
    let names_set: BTreeSet<&str> = names.iter().map(String::as_str).collect();
    assert_eq!(listed, names_set);
    for name in &names {
        assert!(
            root()
                .join(format!("assets/schema/{name}.schema.json"))
                .is_file(),
            "assets/schema/{name}.schema.json"
        );
    }
}

/// docs/fixtures.md's `key` step names every key a fixture may press, and no other.
#[test]
fn the_fixtures_doc_names_every_fixture_key() {
    use mi_settings::engine::keys::KEY_NAMES;
    let docs = page("docs/fixtures.md");
    let bullet = docs
        .split("\n- `key`:")
        .nth(1)
        .and_then(|rest| rest.split("\n- ").next())
        .expect("docs/fixtures.md's `key` step");
    let named: BTreeSet<&str> = bullet
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|name| *name != "?")
        .collect();
    let keys: BTreeSet<&str> = KEY_NAMES.iter().map(|(name, _)| *name).collect();
    assert_eq!(named, keys);
}
