//! A task's check, tried as an outsider would try to fool it: each near-miss the task lists must
//! end unrewarded, with the outcome it names; each other route must be rewarded; and every
//! clause of the goal must be checked by a condition that says it (or be listed as needing no
//! check, with why).

use super::Task;
use super::episode::{Episode, EpisodeOutcome};
use super::format::{Finish, OutcomeName};
use super::variant::{SolutionStep, read_steps};
use crate::sim::device::Language;

/// What is wrong with the task's audit at `seed` on a phone speaking `language`; empty when
/// every near-miss fails as it should and every route succeeds.
pub fn audit_variant(task: &Task, seed: u64, language: Language) -> Vec<String> {
    let mut problems = Vec::new();
    for (i, near) in task.audit.near_misses.iter().enumerate() {
        let at = format!("audit.near_misses[{i}] ({:?})", near.name);
        let mut episode = match super::episode_in(task, seed, language) {
            Ok(episode) => episode,
            Err(e) => return vec![e],
        };
        let steps = match read_steps(&near.steps, &episode.variant.values, "steps") {
            Ok(steps) => steps,
            Err(e) => {
                problems.push(format!("{at}: {e}"));
                continue;
            }
        };
        let judged_each_step = near.finish.unwrap_or_default() == Finish::OnSuccess;
        match play(&mut episode, &steps, judged_each_step) {
            Err(e) => problems.push(format!("{at}: {e}")),
            Ok(Some(step)) => problems.push(format!("{at}: rewarded after step {step}")),
            Ok(None) => {
                let outcome = episode.judge();
                if !same_outcome(&outcome, near.outcome) {
                    problems.push(format!(
                        "{at}: ends {:?}, not {:?}",
                        outcome.text(),
                        near.outcome
                    ));
                } else if let (Some(words), EpisodeOutcome::NotDone(said)) = (&near.says, &outcome)
                    && said.as_deref()
                        != Some(
                            super::variant::fill(words, &episode.variant.values, "says")
                                .unwrap_or_default()
                                .as_str(),
                        )
                {
                    problems.push(format!(
                        "{at}: the check names {said:?} as not done, not {words:?}"
                    ));
                }
            }
        }
    }
    for (i, route) in task.audit.routes.iter().enumerate() {
        let at = format!("audit.routes[{i}] ({:?})", route.name);
        let mut episode = match super::episode_in(task, seed, language) {
            Ok(episode) => episode,
            Err(e) => return vec![e],
        };
        let steps = match read_steps(&route.steps, &episode.variant.values, "steps") {
            Ok(steps) => steps,
            Err(e) => {
                problems.push(format!("{at}: {e}"));
                continue;
            }
        };
        if let Err(e) = play(&mut episode, &steps, false) {
            problems.push(format!("{at}: {e}"));
            continue;
        }
        if let Some(missing) = episode.missing() {
            problems.push(format!("{at}: not rewarded: {missing}"));
        } else if episode.steps > task.max_steps {
            problems.push(format!(
                "{at}: takes {} steps, more than max_steps {}",
                episode.steps, task.max_steps
            ));
        }
    }
    problems
}

/// Plays `steps`; with `judged_each_step`, the step after which the goal first held (an agent
/// would have been rewarded there), if any. An answer or "can't be done" ends the play, as it
/// ends an episode.
fn play(
    episode: &mut Episode,
    steps: &[SolutionStep],
    judged_each_step: bool,
) -> Result<Option<usize>, String> {
    for (j, step) in steps.iter().enumerate() {
        episode
            .solve_step(step)
            .map_err(|e| format!("step {}: {e}", j + 1))?;
        if judged_each_step && episode.done() {
            return Ok(Some(j + 1));
        }
        if judged_each_step && matches!(step, SolutionStep::Answer(_) | SolutionStep::CannotBeDone)
        {
            break;
        }
    }
    Ok(None)
}

fn same_outcome(outcome: &EpisodeOutcome, name: OutcomeName) -> bool {
    matches!(
        (outcome, name),
        (EpisodeOutcome::NotDone(_), OutcomeName::NotDone)
            | (EpisodeOutcome::NoAnswer, OutcomeName::NoAnswer)
            | (EpisodeOutcome::WrongAnswer, OutcomeName::WrongAnswer)
            | (
                EpisodeOutcome::ChangedWhileAnswering,
                OutcomeName::ChangedWhileAnswering
            )
            | (EpisodeOutcome::SayCannot, OutcomeName::SayCannot)
            | (EpisodeOutcome::CanBeDone, OutcomeName::CanBeDone)
    )
}

/// The clauses of `goal` (its English words, parameters filled in) that no `says` of the check
/// and no `unchecked` phrase covers: each clause must contain one, or lie within one.
pub fn unchecked_clauses(goal: &str, phrases: &[String]) -> Vec<String> {
    let phrases: Vec<String> = phrases.iter().map(|p| squeezed(p)).collect();
    clauses(goal)
        .into_iter()
        .filter(|clause| {
            let words = squeezed(clause);
            !phrases
                .iter()
                .any(|p| !p.is_empty() && (words.contains(p.as_str()) || p.contains(&words)))
        })
        .collect()
}

/// Lower case, single spaces.
fn squeezed(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A goal cut where its requirements part: at sentence ends, colons, semicolons, commas,
/// brackets, and "and" / "then" between clauses. A clause of one word is no requirement.
pub fn clauses(goal: &str) -> Vec<String> {
    let mut parts = vec![goal.to_string()];
    let cut = |parts: Vec<String>, by: &str| -> Vec<String> {
        parts
            .iter()
            .flat_map(|part| part.split(by).map(str::to_string).collect::<Vec<_>>())
            .collect()
    };
    for by in [
        ". ", "? ", "! ", ": ", "; ", ", ", " (", ")", " and ", " then ", " so ",
    ] {
        parts = cut(parts, by);
    }
    parts
        .into_iter()
        .map(|part| {
            let mut part = part
                .trim()
                .trim_end_matches(['.', '?', '!', ':', ';', ','])
                .trim();
            for joint in ["and ", "then ", "or ", "so "] {
                if let Some(rest) = part.strip_prefix(joint) {
                    part = rest.trim();
                }
            }
            part.to_string()
        })
        .filter(|part| part.split_whitespace().count() >= 2)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_goal_is_cut_into_clauses_and_each_must_be_covered() {
        let goal = "Change your password from A to B, and stay signed in on this phone.";
        assert_eq!(
            clauses(goal),
            vec![
                "Change your password from A to B",
                "stay signed in on this phone"
            ]
        );
        let covered = vec!["to B".to_string(), "stay signed in".to_string()];
        assert!(unchecked_clauses(goal, &covered).is_empty());
        let partly = vec!["to B".to_string()];
        assert_eq!(
            unchecked_clauses(goal, &partly),
            vec!["stay signed in on this phone"]
        );
    }
}
