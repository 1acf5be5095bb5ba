//! The task catalogue: every task checked over 10 seeds (not done at the start nor by Back
//! alone, done by its reference solution within max_steps, variants that differ), and the
//! catalogue's coverage of the seed guides.

use mi_settings::shells::tasks::{self, Difficulty, check};
use mi_settings::sim::device::Language;

#[test]
fn every_task_passes_its_checks_over_ten_seeds() {
    let catalogue = tasks::builtin().expect("the catalogue reads");
    let chosen: Vec<&tasks::Task> = catalogue.iter().collect();
    let (report, good) = tasks::report::check(&chosen, 0..10, 0, Language::En);
    assert!(good, "{report}");
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
    let _ = check::variants_differ(&task, 0..5, Language::En);
    let _ = Difficulty::Hard;
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
