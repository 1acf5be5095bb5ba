//! The command line the README and `docs/` show: the test command CI runs, every option, every
//! schema.

use std::collections::BTreeSet;
use std::process::Command;

use super::{all_pages, flat, page, root};

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
        ("--no-run", "cargo test --no-run"),
        ("--timings", "cargo test --no-run --timings"),
    ];
    let helps = every_help();
    let binary: BTreeSet<String> = helps.iter().flat_map(|(_, text)| options(text)).collect();
    let cli = options(&page("docs/cli.md"));
    let undocumented: Vec<&String> = binary.difference(&cli).collect();
    assert!(
        undocumented.is_empty(),
        "docs/cli.md does not name {undocumented:?}"
    );
    // Besides docs/checks.md: the pages of the Python package's evaluation runner name its
    // options, which python/tests/test_evaluate_docs.py checks against its parsers (and
    // python/tests/test_ray_dispatch.py those of docs/scale.md, with Ray's and the benchmark's).
    const SKIPPED: &[&str] = &[
        "docs/checks.md",
        "docs/evaluation.md",
        "docs/baselines.md",
        "docs/scale.md",
    ];
    let mut unknown = Vec::new();
    for name in all_pages()
        .into_iter()
        .filter(|n| !SKIPPED.contains(&n.as_str()))
    {
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

/// `--device` and `--language` are listed by the subcommands they mean something to, and only
/// those (docs/cli.md says which).
#[test]
fn the_device_and_language_options_are_only_where_they_apply() {
    let helps = every_help();
    let lists = |args: &str, option: &str| {
        let (_, text) = helps
            .iter()
            .find(|(a, _)| a == args)
            .unwrap_or_else(|| panic!("no help for {args:?}"));
        options(text).contains(option)
    };
    for args in ["", "run", "device", "device reset", "learn"] {
        assert!(lists(args, "--device"), "{args:?} --help lacks --device");
    }
    for args in [
        "",
        "run",
        "replay",
        "tasks",
        "tasks check",
        "agent",
        "learn",
    ] {
        assert!(
            lists(args, "--language"),
            "{args:?} --help lacks --language"
        );
    }
    for args in ["schema", "replay", "tasks", "tasks list", "agent", "bench"] {
        assert!(!lists(args, "--device"), "{args:?} --help lists --device");
    }
    for args in ["schema", "device", "device show", "bench"] {
        assert!(
            !lists(args, "--language"),
            "{args:?} --help lists --language"
        );
    }
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
