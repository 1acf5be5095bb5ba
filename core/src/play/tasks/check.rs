//! `mi-settings tasks check`: for each task and seed, the task is not done at the start, its
//! reference solution does it within `max_steps`, doing nothing or only pressing Back does
//! not, and different seeds give different variants. And a random player's success rate, to
//! find tasks checked too loosely.

use std::collections::BTreeSet;

use serde_json::Value;

use super::Task;
use super::episode::Episode;
use super::variant::SolutionStep;
use crate::play::fixture::Step;
use crate::screens::Action;
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
    for _ in 0..max_steps {
        let step = random_step(episode, env);
        let _ = episode.step(&step);
        if episode.done() {
            return true;
        }
    }
    false
}

/// A random player's next step: a tap on a random touchable element, Back, or (in a text
/// field) one of a few words a person might type there.
pub fn random_step(episode: &Episode, env: &mut Env) -> Step {
    const WORDS: [&str; 4] = ["Xiaomi#2026", "lei.wang@example.com", "123456", "hello"];
    let view = episode.engine().view();
    let in_field = view.focused().is_some_and(|e| e.role.is_text_input());
    let touchable: Vec<&str> = view
        .active_elements()
        .iter()
        .filter(|e| e.interactive() && e.role != Role::Text)
        .map(|e| &*e.id)
        .collect();
    let roll = env.below(10);
    if in_field && roll < 3 {
        Step::Type(WORDS[env.below(WORDS.len() as u32) as usize].to_string())
    } else if roll == 9 || touchable.is_empty() {
        Step::Back(1)
    } else {
        let at = env.below(touchable.len() as u32) as usize;
        Step::TapId {
            id: touchable[at].to_string(),
            label: None,
        }
    }
}

/// How following the hints went from random states of one task.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HintWalks {
    /// States the random walks left the task in (done by the walk itself not counted).
    pub states: u32,
    /// Of those, the ones the hints led to success within `max_steps`.
    pub led_home: u32,
    /// The ones the hints said could no longer be done, and why (what cannot be undone).
    pub start_over: Vec<(u64, String)>,
    /// The ones the hints did not lead home: the seed and what happened.
    pub failed: Vec<(u64, String)>,
    /// The most steps the hints took.
    pub longest: u32,
}

/// From `states` random states of `task` (random walks of 0 to 30 steps from the start, seeds
/// from `seed`), follows the hints alone and counts where they lead.
pub fn hint_walks(
    task: &Task,
    states: u32,
    seed: u64,
    language: Language,
) -> Result<HintWalks, String> {
    let mut walks = HintWalks::default();
    let mut planners: std::collections::HashMap<u64, super::plan::Planner> =
        std::collections::HashMap::new();
    for n in 0..states {
        let variant_seed = seed.wrapping_add(u64::from(n) % 10);
        let mut episode = super::episode_in(task, variant_seed, language)?;
        let mut env = Env::new(crate::sim::time::earliest(), seed ^ u64::from(n) ^ 0x417e);
        let length = env.below(31);
        for _ in 0..length {
            let step = random_step(&episode, &mut env);
            let _ = episode.step(&step);
        }
        if episode.done() {
            continue;
        }
        walks.states += 1;
        let planner = match planners.entry(variant_seed) {
            std::collections::hash_map::Entry::Occupied(found) => found.into_mut(),
            std::collections::hash_map::Entry::Vacant(slot) => {
                let fresh = super::episode_in(task, variant_seed, language)?;
                slot.insert(super::plan::Planner::new(fresh))
            }
        };
        let mut moves = 0u32;
        let budget = task.max_steps.saturating_mul(3);
        let mut outcome = None;
        for _ in 0..budget {
            match planner.next(&mut episode) {
                super::plan::Way::Done => {
                    outcome = Some(Ok(()));
                    break;
                }
                super::plan::Way::Next(planned) => {
                    if !matches!(planned.step, SolutionStep::Step(Step::Wait(_))) {
                        moves += 1;
                    }
                    let result = match &planned.step {
                        SolutionStep::Answer(_) => {
                            let answer = episode.expected_answer().unwrap_or_default();
                            episode.answer(&answer);
                            Ok(())
                        }
                        other => episode.solve_step(other),
                    };
                    if let Err(e) = result {
                        outcome = Some(Err(format!(
                            "the hint {} failed: {e}",
                            planned.step.to_json()
                        )));
                        break;
                    }
                }
                super::plan::Way::StartOver(changes) => {
                    let why: Vec<String> = changes.iter().map(Value::to_string).collect();
                    walks.start_over.push((variant_seed, why.join(", ")));
                    outcome = Some(Err(String::new()));
                    break;
                }
                super::plan::Way::Lost => {
                    outcome = Some(Err(format!(
                        "lost after {length} random steps and {moves} hint(s), on {:?}",
                        episode.engine().view().screen
                    )));
                    break;
                }
            }
        }
        match outcome {
            Some(Ok(())) if moves <= task.max_steps => {
                walks.led_home += 1;
                walks.longest = walks.longest.max(moves);
            }
            Some(Ok(())) => walks.failed.push((
                variant_seed,
                format!(
                    "led home in {moves} steps, more than max_steps {}",
                    task.max_steps
                ),
            )),
            Some(Err(why)) if why.is_empty() => {}
            Some(Err(why)) => walks.failed.push((variant_seed, why)),
            None => walks
                .failed
                .push((variant_seed, format!("not home after {budget} hints"))),
        }
    }
    Ok(walks)
}
