//! What `mi-settings tasks list | show | check` print.

use crate::sim::device::Language;
use std::fmt::Write as _;
use std::ops::Range;

use super::Task;
use super::audit::audit_variant;
use super::check::{check_variant, coverage, random_success_rate, variants_differ};

/// One line per task: id, difficulty, seed guide, steps of the reference solution, title.
pub fn list(tasks: &[Task]) -> String {
    let mut out = format!(
        "{:<44} {:<7} {:<5} {:>5}  {}\n",
        "id", "level", "guide", "steps", "title"
    );
    for task in tasks {
        let _ = writeln!(
            out,
            "{:<44} {:<7} {:<5} {:>5}  {}",
            task.id,
            task.difficulty.name(),
            task.seed_doc.number(),
            task.solution.len().max(
                task.cases
                    .values()
                    .map(|c| c.solution.len())
                    .max()
                    .unwrap_or(0)
            ),
            task.title
        );
    }
    let _ = writeln!(out, "{} tasks", tasks.len());
    out
}

/// The variant of `task` for `seed` on a phone speaking `language`: its goal, how it starts,
/// what counts as done, and the reference solution.
pub fn show(task: &Task, seed: u64, language: Language) -> Result<String, String> {
    let episode = super::episode_in(task, seed, language)?;
    let variant = &episode.variant;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} (seed {seed}): {}",
        task.id,
        task.title_in(language)
    );
    let _ = writeln!(
        out,
        "guide {} · {} · at most {} steps · tags: {}",
        task.seed_doc.number(),
        task.difficulty.name(),
        task.max_steps,
        task.tags.join(", ")
    );
    let _ = writeln!(out, "\nGoal: {}", variant.goal);
    if !variant.values.is_empty() {
        let values: Vec<String> = variant
            .values
            .iter()
            .map(|(k, v)| format!("{k} = {v:?}"))
            .collect();
        let _ = writeln!(out, "Parameters: {}", values.join(", "));
    }
    let case_device = variant
        .case
        .as_ref()
        .and_then(|case| task.cases.get(case))
        .and_then(|case| case.device.as_ref());
    let device = match case_device.or(task.start.device.as_ref()) {
        None => "the fresh phone".to_string(),
        Some(serde_json::Value::String(path)) => path.clone(),
        Some(_) => "an inline device file".to_string(),
    };
    let _ = writeln!(
        out,
        "\nStart: {device}, then {} set-up step(s)",
        variant.setup.len()
    );
    if let Some(success) = &variant.success {
        let _ = writeln!(out, "Success: {}", success.describe());
    }
    let _ = write!(out, "{}", checks(task, variant));
    if let Some(answer) = &variant.answer {
        let _ = writeln!(
            out,
            "Answer: {} (compared as {:?}{})",
            answer.describe(),
            answer.kind,
            if answer.steady {
                "; the phone must not change on the way"
            } else {
                ""
            }
        );
    }
    if let Some(reason) = &variant.infeasible {
        let _ = writeln!(out, "Cannot be done: {reason}");
    }
    if let Some(case) = &variant.case {
        let _ = writeln!(out, "Case: {case}");
    }
    let _ = writeln!(out, "\nSolution ({} steps):", variant.solution.len());
    for (i, step) in variant.solution.iter().enumerate() {
        let _ = writeln!(out, "  {:>2}. {}", i + 1, step.to_json());
    }
    Ok(out)
}

/// Checks every task over `seeds` on a phone speaking `language`; with `baseline` episodes,
/// adds each task's random success rate. Returns the report and whether everything passed.
pub fn check(
    tasks: &[&Task],
    seeds: Range<u64>,
    baseline: u32,
    language: Language,
) -> (String, bool) {
    let mut out = String::new();
    let mut all_good = true;
    for task in tasks {
        let mut problems: Vec<String> = Vec::new();
        for problem in coverage(task, seeds.start) {
            problems.push(problem);
        }
        for seed in seeds.clone() {
            for problem in check_variant(task, seed, language)
                .into_iter()
                .chain(audit_variant(task, seed, language))
            {
                problems.push(format!("seed {seed}: {problem}"));
            }
            // One seed's problems say enough; the others usually repeat them.
            if problems.len() >= 3 {
                break;
            }
        }
        // Seeds make variants whatever range is checked: 20 seeds from its start tell.
        let drawn = seeds.start..seeds.start.saturating_add(20);
        if let Some(problem) = variants_differ(task, drawn, language) {
            problems.push(problem);
        }
        let rate = if baseline > 0 {
            match random_success_rate(task, baseline, 0, language) {
                Ok(rate) => format!("  random {:>3.0}%", rate * 100.0),
                Err(e) => {
                    problems.push(e);
                    String::new()
                }
            }
        } else {
            String::new()
        };
        let verdict = if problems.is_empty() { "ok  " } else { "FAIL" };
        let _ = writeln!(out, "{verdict}  {:<44}{rate}", task.id);
        for problem in &problems {
            let _ = writeln!(out, "      {problem}");
        }
        all_good &= problems.is_empty();
    }
    if language != Language::En {
        for task in tasks
            .iter()
            .filter(|t| !t.translations.contains_key(&language))
        {
            let _ = writeln!(out, "FAIL  {}: no {language} goal", task.id);
            all_good = false;
        }
    }
    let seeds_text = format!("seeds {}..{}, {language}", seeds.start, seeds.end);
    let _ = writeln!(
        out,
        "{} task(s) checked over {seeds_text}: {}",
        tasks.len(),
        if all_good { "all good" } else { "some fail" }
    );
    (out, all_good)
}

/// Plays `steps` (a JSON list, as a task's solution writes them) on `task`'s variant for
/// `seed`: after each step, how the task stands; at the end, what the trace holds and why the
/// task is not done, if it is not. Returns the report and whether the task ended done.
pub fn try_steps(
    task: &Task,
    seed: u64,
    language: Language,
    text: &str,
    origin: &str,
) -> Result<(String, bool), String> {
    let steps: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| {
        let (line, column) = crate::text::position(&e);
        format!(
            "{origin}:{line}:{column}: {}",
            crate::text::bare_message(&e)
        )
    })?;
    let mut episode = super::episode_in(task, seed, language)?;
    let steps = super::variant::read_steps(&steps, &episode.variant.values, origin)?;
    let mut out = String::new();
    let _ = writeln!(out, "{} (seed {seed}): {}", task.id, episode.variant.goal);
    for (i, step) in steps.iter().enumerate() {
        let result = episode.solve_step(step);
        let outcome = episode.judge();
        let _ = writeln!(
            out,
            "{:>3}. {}  ->  {}{}",
            i + 1,
            crate::text::cut(&step.to_json(), 70),
            outcome.text(),
            match &result {
                Err(e) => format!("  (the step failed: {})", crate::text::cut(e, 120)),
                Ok(()) => String::new(),
            }
        );
        if result.is_err() {
            break;
        }
    }
    let _ = writeln!(
        out,
        "\nTrace ({} change(s)):",
        episode.engine().trace().len()
    );
    for entry in episode.engine().trace() {
        let _ = writeln!(out, "  {entry}");
    }
    let missing = episode.missing();
    match &missing {
        None => {
            let _ = writeln!(out, "\nDone in {} step(s).", episode.steps);
        }
        Some(why) => {
            let _ = writeln!(out, "\nNot done: {why}");
        }
    }
    Ok((out, missing.is_none()))
}

/// Follows the hints from `states` random states of each task: how many they lead home, how
/// many they rightly say must start over, and the ones they fail (which must be none).
pub fn hints(tasks: &[&Task], states: u32, seed: u64, language: Language) -> (String, bool) {
    let mut out = String::new();
    let (mut all_states, mut home, mut over, mut failed) = (0u32, 0u32, 0usize, 0usize);
    for task in tasks {
        match super::check::hint_walks(task, states, seed, language) {
            Err(e) => {
                let _ = writeln!(out, "FAIL  {:<44} {e}", task.id);
                failed += 1;
            }
            Ok(walks) => {
                all_states += walks.states;
                home += walks.led_home;
                over += walks.start_over.len();
                failed += walks.failed.len();
                let verdict = if walks.failed.is_empty() {
                    "ok  "
                } else {
                    "FAIL"
                };
                let _ = writeln!(
                    out,
                    "{verdict}  {:<44} {:>4} states: {:>4} led home (longest {:>3} steps), {:>3} start over",
                    task.id,
                    walks.states,
                    walks.led_home,
                    walks.longest,
                    walks.start_over.len()
                );
                for (seed, why) in walks.failed.iter().take(5) {
                    let _ = writeln!(out, "      seed {seed}: {why}");
                }
                for (seed, why) in walks.start_over.iter().take(2) {
                    let _ = writeln!(
                        out,
                        "      start over (seed {seed}): {}",
                        crate::text::cut(why, 160)
                    );
                }
            }
        }
    }
    let _ = writeln!(
        out,
        "{} task(s), {all_states} states: {home} led home, {over} start over (a change that cannot be undone), {failed} not led home",
        tasks.len()
    );
    (out, failed == 0)
}

/// The goal's words and what checks each, the words that need none (and why), and the audit's
/// attempts, as `tasks show` and `tasks checks` print them.
fn checks(task: &Task, variant: &super::Variant) -> String {
    let mut out = String::new();
    if let Some(success) = &variant.success {
        let phrases = success.phrases();
        if !phrases.is_empty() {
            let _ = writeln!(out, "Checks (the goal's words: what checks them):");
        }
        for (phrase, check) in phrases {
            let _ = writeln!(out, "  \"{phrase}\": {}", check.describe());
        }
    }
    if !task.audit.unchecked.is_empty() {
        let _ = writeln!(out, "Needs no check:");
        for (phrase, why) in &task.audit.unchecked {
            let phrase = super::variant::fill(phrase, &variant.values, "unchecked")
                .unwrap_or_else(|_| phrase.clone());
            let _ = writeln!(out, "  \"{phrase}\": {why}");
        }
    }
    if !task.audit.near_misses.is_empty() {
        let _ = writeln!(out, "Near-misses (must not be rewarded):");
        for near in &task.audit.near_misses {
            let outcome = serde_json::to_value(near.outcome).unwrap_or_default();
            let _ = writeln!(
                out,
                "  {} → {}",
                near.name,
                outcome.as_str().unwrap_or_default()
            );
        }
    }
    if !task.audit.routes.is_empty() {
        let _ = writeln!(out, "Other routes (must be rewarded):");
        for route in &task.audit.routes {
            let _ = writeln!(out, "  {}", route.name);
        }
    }
    out
}

/// Every task's goal (seed 0) and its checks, as Markdown: what `docs/checks.md` holds.
pub fn all_checks(tasks: &[Task]) -> Result<String, String> {
    let mut out = String::from(
        "# Every task's goal and what checks it\n\n\
         Written by `mi-settings tasks checks` (a test keeps it current): each task's goal (its \
         variant for seed 0), the words of the goal and the condition that checks each, the \
         words that need no check and why, and the audit's near-misses (each with the outcome it \
         must end with) and other routes.\n",
    );
    for task in tasks {
        let device = super::start_device(task)?;
        let variant =
            super::variant::draw(task, 0, &device).map_err(|e| format!("{}: {e}", task.id))?;
        let _ = writeln!(out, "\n## {}\n\n{}\n\n```text", task.id, variant.goal);
        let _ = write!(out, "{}", checks(task, &variant));
        if let Some(answer) = &variant.answer {
            let _ = writeln!(out, "Answer: {} (as {:?})", answer.describe(), answer.kind);
        }
        if let Some(why) = &variant.infeasible {
            let _ = writeln!(out, "Cannot be done: {why}");
        }
        let _ = writeln!(out, "```");
    }
    Ok(out)
}
