//! The counts, limits and lists the README and `docs/` state, read from the code.

use std::collections::BTreeSet;

use mi_settings::play::tasks;
use mi_settings::sim::device::{App, DeviceFile, Language, Skin};
use mi_settings::strings::{S, Source, Tr};

use super::{flat, page, root, says};

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
    assert_eq!(count(Source::Seed), 0, "no guide is in Chinese");
    let fixtures = fixture_count();
    let english_only = crate::replay::ENGLISH_ONLY.len();
    for language in Language::ALL {
        assert!(page("docs/languages.md").contains(&format!("(`{}`)", language.tag())));
    }
    says(&[
        (
            "docs/languages.md",
            format!("{} are Xiaomi's own words", count(Source::Doc)),
        ),
        (
            "docs/languages.md",
            format!(
                "The other {} are our guess at the phone's wording",
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

/// A picture of a screen in the docs that names its snapshot is that snapshot, as it is now.
#[test]
fn pictures_that_name_a_snapshot_are_the_snapshot() {
    let mut checked = 0;
    for name in ["README.md", "docs/languages.md"] {
        let text = page(name);
        let mut rest = text.as_str();
        while let Some(at) = rest.find("(`tests/it/snapshots/") {
            let from = &rest[at + 2..];
            let path = &from[..from.find('`').expect("a closing backtick")];
            let block = from
                .split_once("```\n")
                .map(|(_, after)| after)
                .and_then(|after| after.split_once("```"))
                .map(|(picture, _)| picture)
                .expect("a picture follows the snapshot's name");
            let snapshot = page(path);
            let shot = snapshot.splitn(3, "---\n").nth(2).expect("a snapshot body");
            assert_eq!(
                block.trim_end(),
                shot.trim_end(),
                "{name}: the picture of {path}"
            );
            checked += 1;
            rest = from;
        }
    }
    assert!(checked >= 1, "the docs name no snapshot");
}
