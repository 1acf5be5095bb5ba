//! The task catalogue: every task checked over 10 seeds (not done at the start nor by Back
//! alone, done by its reference solution within max_steps, variants that differ), and the
//! catalogue's coverage of the seed guides.

use mi_settings::play::tasks::{self, Difficulty, check};
use mi_settings::sim::device::Language;

/// Every task of the catalogue passes its checks over 10 seeds on a phone speaking `language`.
fn every_task_passes_its_checks_in(language: Language) {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let chosen: Vec<&tasks::Task> = catalogue.iter().collect();
    let (report, good) = tasks::report::check(&chosen, 0..10, 0, language);
    assert!(good, "{report}");
}

#[test]
fn every_task_passes_its_checks_over_ten_seeds() {
    every_task_passes_its_checks_in(Language::En);
}

#[test]
fn a_task_is_the_same_variant_for_the_same_seed_and_a_broken_one_is_named() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    for task in &catalogue {
        let a = tasks::episode(task, 7).expect("starts").variant;
        let b = tasks::episode(task, 7).expect("starts").variant;
        assert_eq!(a, b, "{}", task.id);
    }
    let broken = r#"{"version": 1, "id": "x", "title": "X", "seed_doc": "003", "difficulty": "easy",
        "goal": "Remove the {devcie}.", "params": {"device": {"choices": ["TV"]}},
        "start": {}, "success": {"pointer": "/bluetooth", "equals": true},
        "solution": [], "max_steps": 5}"#;
    let task = tasks::parse(broken, "x").expect("shape is fine");
    let error = tasks::episode(&task, 0).err().expect("the typo is found");
    assert!(error.contains("no parameter {devcie}"), "{error}");
    let error = tasks::parse(
        &broken.replace("\"max_steps\": 5", "\"max_steps\": 5, \"colour\": 1"),
        "x",
    )
    .expect_err("unknown field");
    assert!(error.starts_with("x.json:"), "{error}");
    // One choice only: every seed gives the same goal, and the check says so.
    assert_eq!(
        check::variants_differ(&task, 0..5, Language::En),
        Some("every seed gives the same goal".to_string())
    );
}

/// The catalogue covers the four guides on both surfaces, with information tasks, tasks that
/// cannot be done, hard ones and seed 003's troubleshooting.
#[test]
fn the_catalogue_covers_the_guides() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    assert!(catalogue.len() >= 40, "{} tasks", catalogue.len());
    let count = |f: &dyn Fn(&tasks::Task) -> bool| catalogue.iter().filter(|t| f(t)).count();
    assert!(count(&|t| t.answer.is_some()) >= 6, "answer tasks");
    assert!(count(&|t| t.infeasible.is_some()) >= 5, "infeasible tasks");
    assert!(
        count(&|t| t.difficulty == Difficulty::Hard) >= 8,
        "hard tasks"
    );
    assert!(
        count(&|t| t.tags.iter().any(|tag| tag == "troubleshooting")) >= 6,
        "troubleshooting tasks"
    );
    for guide in ["000", "001", "002", "003"] {
        assert!(
            count(&|t| t.seed_doc.number() == guide) >= 3,
            "guide {guide}"
        );
    }
    for surface in ["phone", "website"] {
        assert!(
            count(&|t| t.tags.iter().any(|tag| tag == surface)) >= 5,
            "{surface}"
        );
    }
}

/// The reference solutions, the near-misses and the other routes hold on a phone that speaks
/// Chinese too.
#[test]
fn every_task_passes_its_checks_in_chinese() {
    every_task_passes_its_checks_in(Language::ZhCn);
}

/// The audit can fail: a task whose check asks only that the password changed (the check an
/// outside evaluation fooled) is caught by its own near-misses.
#[test]
fn a_loose_check_is_caught_by_its_near_misses() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let mut loose = tasks::find(&catalogue, "change_the_password")
        .expect("task")
        .clone();
    loose.success = Some(serde_json::json!(
        {"pointer": "/cloud/accounts/0/password_hash", "changed": true}
    ));
    let problems = tasks::audit::audit_variant(&loose, 0, Language::En);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("another new password") && p.contains("rewarded")),
        "{problems:?}"
    );
    // And a check that refuses a right route is caught by the routes.
    let mut strict = tasks::find(&catalogue, "change_the_password")
        .expect("task")
        .clone();
    strict.success = Some(serde_json::json!(
        {"did": {"change": "password_changed", "on": "phone", "via": "change_password"}}
    ));
    let problems = tasks::audit::audit_variant(&strict, 0, Language::En);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("on account.xiaomi.com") && p.contains("not rewarded")),
        "{problems:?}"
    );
}

/// Every task's audit is thick enough: at least two near-misses and one other route, and
/// every clause of its goal checked or said to need no check.
#[test]
fn every_task_is_audited() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    for task in &catalogue {
        assert!(
            task.audit.near_misses.len() >= check::NEAR_MISSES_WANTED,
            "{}",
            task.id
        );
        assert!(
            task.audit.routes.len() >= check::ROUTES_WANTED,
            "{}",
            task.id
        );
        let problems = check::coverage(task, 0);
        assert!(problems.is_empty(), "{}: {problems:?}", task.id);
    }
}

/// How many random states each task's hints are followed from, and the share of tasks each
/// test takes (they run side by side).
const HINT_STATES: u32 = 200;
const SHARES: usize = 4;

fn hints_lead_home(share: usize) {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let mut failed = Vec::new();
    for task in catalogue.iter().skip(share).step_by(SHARES) {
        let walks = check::hint_walks(task, HINT_STATES, 0, Language::En).expect("walks");
        // Random walks of up to 30 steps seldom do a task by chance: most states are left.
        assert!(
            walks.states >= HINT_STATES * 9 / 10,
            "{}: {walks:?}",
            task.id
        );
        if !walks.failed.is_empty() {
            failed.push(format!("{}: {:?}", task.id, walks.failed));
        }
        // Starting over is said only of what cannot be undone: never more than a tenth.
        assert!(
            walks.start_over.len() as u32 <= walks.states / 10,
            "{}: {:?}",
            task.id,
            walks.start_over
        );
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// From 200 random states of every task (random walks of 0 to 30 steps from the start),
/// following the hints alone does the task within its steps, or says (rightly) that a change
/// cannot be undone.
#[test]
fn hints_lead_home_from_random_states_1() {
    hints_lead_home(0);
}

#[test]
fn hints_lead_home_from_random_states_2() {
    hints_lead_home(1);
}

#[test]
fn hints_lead_home_from_random_states_3() {
    hints_lead_home(2);
}

#[test]
fn hints_lead_home_from_random_states_4() {
    hints_lead_home(3);
}

/// A random player does no task often: over 200 episodes a task, none above 20%.
#[test]
fn a_random_player_seldom_does_a_task() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    for task in &catalogue {
        let rate = check::random_success_rate(task, 200, 0, Language::En).expect("plays");
        assert!(
            rate <= 0.2,
            "{}: a random player does it {:.0}% of the time",
            task.id,
            rate * 100.0
        );
    }
}

/// docs/tasks.md's counts of the catalogue's audit are the catalogue's.
#[test]
fn the_docs_count_the_audit_right() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let near: usize = catalogue.iter().map(|t| t.audit.near_misses.len()).sum();
    let routes: usize = catalogue.iter().map(|t| t.audit.routes.len()).sum();
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/tasks.md"))
        .expect("docs/tasks.md");
    let said = format!(
        "{} tasks list {near} near-misses and {routes} other routes",
        catalogue.len()
    );
    assert!(docs.contains(&said), "docs/tasks.md should say {said:?}");
}

/// docs/checks.md is what `mi-settings tasks checks` writes now.
#[test]
fn the_list_of_checks_in_the_docs_is_current() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let written = tasks::report::all_checks(&catalogue).expect("writes");
    let docs = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/checks.md"))
        .expect("docs/checks.md");
    assert!(
        docs == written,
        "docs/checks.md is out of date: write it again with `mi-settings tasks checks > docs/checks.md`"
    );
}
