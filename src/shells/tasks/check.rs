//! `mi-settings tasks check`: for each task and seed, the task is not done at the start, its
//! reference solution does it within `max_steps`, doing nothing or only pressing Back does
//! not, and different seeds give different variants. And a random player's success rate, to
//! find tasks checked too loosely.

use std::collections::BTreeSet;

use super::Task;
use super::episode::Episode;
use crate::screens::Action;
use crate::shells::replay::fixture::Step;
use crate::sim::device::Language;
use crate::sim::env::Env;
use crate::view::Role;

/// What is wrong with `task` at `seed` on a phone speaking `language`; empty when nothing is.
pub fn check_variant(task: &Task, seed: u64, language: Language) -> Vec<String> {
    let mut problems = Vec::new();
    let mut at_start = match super::episode_in(task, seed, language) {
        Ok(episode) => episode,
        Err(e) => return vec![e],
    };
    if at_start.variant.goal.contains('{') {
        problems.push(format!(
            "the goal still holds a brace: {:?}",
            at_start.variant.goal
        ));
    }
    // Not done before anything is done, nor by pressing Back.
    if at_start.done() {
        problems.push("done at the start, before any step".into());
    }
    for _ in 0..10 {
        at_start.apply(Action::Back);
    }
    if at_start.done() {
        problems.push("done by pressing Back alone".into());
    }
    // The reference solution does it.
    let mut episode = match super::episode_in(task, seed, language) {
        Ok(episode) => episode,
        Err(e) => return vec![e],
    };
    let solution = episode.variant.solution.clone();
    for (i, step) in solution.iter().enumerate() {
        if let Err(e) = episode.solve_step(step) {
            problems.push(format!("solution[{i}]: {e}"));
            return problems;
        }
    }
    if let Some(missing) = episode.missing() {
        problems.push(format!("the solution does not do it: {missing}"));
    }
    if episode.steps > task.max_steps {
        problems.push(format!(
            "the solution takes {} steps, more than max_steps {}",
            episode.steps, task.max_steps
        ));
    }
    problems
}

/// Near-misses and routes an audit must list at the least.
pub const NEAR_MISSES_WANTED: usize = 2;
pub const ROUTES_WANTED: usize = 1;

/// What is wrong with how `task` maps its goal to its check, for `seed`: a `says` that is not
/// words of the goal, a clause of the goal that nothing checks, an audit too thin.
pub fn coverage(task: &Task, seed: u64) -> Vec<String> {
    let mut problems = Vec::new();
    let Ok(device) = super::start_device(task) else {
        return problems;
    };
    let variant = match super::variant::draw(task, seed, &device) {
        Ok(variant) => variant,
        Err(e) => return vec![e],
    };
    let goal = variant.goal.to_lowercase();
    let mut phrases: Vec<String> = Vec::new();
    if let Some(success) = &variant.success {
        for (phrase, _) in success.phrases() {
            if !goal.contains(&phrase.to_lowercase()) {
                problems.push(format!("says {phrase:?}: these are not words of the goal"));
            }
            phrases.push(phrase.to_string());
        }
    }
    for phrase in task.audit.unchecked.keys() {
        let filled = super::variant::fill(phrase, &variant.values, "audit.unchecked")
            .unwrap_or_else(|_| phrase.clone());
        if !goal.contains(&filled.to_lowercase()) {
            problems.push(format!(
                "audit.unchecked {phrase:?}: these are not words of the goal"
            ));
        }
        phrases.push(filled);
    }
    for clause in super::audit::unchecked_clauses(&variant.goal, &phrases) {
        problems.push(format!(
            "nothing checks {clause:?}: add a condition that says it, or list it under \
             audit.unchecked with why"
        ));
    }
    if task.audit.near_misses.len() < NEAR_MISSES_WANTED {
        problems.push(format!(
            "the audit lists {} near-miss(es); at least {NEAR_MISSES_WANTED} are wanted",
            task.audit.near_misses.len()
        ));
    }
    if task.audit.routes.len() < ROUTES_WANTED {
        problems.push(format!(
            "the audit lists {} other route(s); at least {ROUTES_WANTED} is wanted",
            task.audit.routes.len()
        ));
    }
    problems
}

/// Whether seeds give different variants: a task with parameters must show at least two goals
/// over `seeds`, in `language`.
pub fn variants_differ(
    task: &Task,
    seeds: std::ops::Range<u64>,
    language: Language,
) -> Option<String> {
    if task.params.is_empty() {
        return None;
    }
    let device = super::start_device(task).ok()?;
    let goals: BTreeSet<String> = seeds
        .filter_map(|seed| super::variant::draw(task, seed, &device).ok())
        .map(|variant| variant.goal_in(language).to_string())
        .collect();
    (goals.len() < 2).then(|| "every seed gives the same goal".to_string())
}

/// The share of `episodes` a random player finishes: each step a tap on a random touchable
/// element, Back, or (in a text field) a random word, up to `max_steps`.
pub fn random_success_rate(
    task: &Task,
    episodes: u32,
    seed: u64,
    language: Language,
) -> Result<f64, String> {
    let mut done = 0;
    for n in 0..episodes {
        let mut episode = super::episode_in(task, seed.wrapping_add(u64::from(n)), language)?;
        let mut env = Env::new(crate::sim::time::earliest(), seed ^ u64::from(n) ^ 0x5eed);
        if random_play(&mut episode, task.max_steps, &mut env) {
            done += 1;
        }
    }
    Ok(f64::from(done) / f64::from(episodes.max(1)))
}

fn random_play(episode: &mut Episode, max_steps: u32, env: &mut Env) -> bool {
    const WORDS: [&str; 4] = ["Xiaomi#2026", "lei.wang@example.com", "123456", "hello"];
    for _ in 0..max_steps {
        let view = episode.engine().view();
        let in_field = view.focused().is_some_and(|e| e.role.is_text_input());
        let touchable: Vec<String> = view
            .active_elements()
            .iter()
            .filter(|e| e.interactive() && e.role != Role::Text)
            .map(|e| e.id.to_string())
            .collect();
        let roll = env.below(10);
        let step = if in_field && roll < 3 {
            Step::Type(WORDS[env.below(WORDS.len() as u32) as usize].to_string())
        } else if roll == 9 || touchable.is_empty() {
            Step::Back(1)
        } else {
            let at = env.below(touchable.len() as u32) as usize;
            Step::TapId {
                id: touchable[at].clone(),
                label: None,
            }
        };
        let _ = episode.step(&step);
        if episode.done() {
            return true;
        }
    }
    false
}
