//! A task's variant: its parameters drawn from a seed, every `{parameter}` of the task filled
//! in, and the steps and conditions read. The same seed always gives the same variant.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::sim::device::Language;

use super::answer::{Answer, AnswerRule, AnswerSpec, Expected};
use super::format::{Param, Task};
use crate::play::condition::Condition;
use crate::play::fixture::Step;
use crate::sim::DeviceFile;
use crate::sim::env::Env;

/// A step of a reference solution.
#[derive(Debug, Clone, PartialEq)]
pub enum SolutionStep {
    Step(Step),
    Answer(String),
    CannotBeDone,
}

impl Variant {
    /// The goal as a phone speaking `language` shows it (English where the task has no
    /// translation).
    pub fn goal_in(&self, language: Language) -> &str {
        self.translated_goals
            .get(&language)
            .map_or(self.goal.as_str(), String::as_str)
    }
}

impl SolutionStep {
    /// The step as the task file writes it.
    pub fn to_json(&self) -> String {
        match self {
            SolutionStep::Step(step) => serde_json::to_string(step).unwrap_or_default(),
            SolutionStep::Answer(text) => serde_json::json!({ "answer": text }).to_string(),
            SolutionStep::CannotBeDone => r#"{"cannot_be_done":true}"#.to_string(),
        }
    }
}

/// One variant of a task, ready to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub seed: u64,
    /// The case of a task with `cases`, by its value.
    pub case: Option<String>,
    pub values: BTreeMap<String, String>,
    /// The goal in the phone's language (English until the episode starts on its phone).
    pub goal: String,
    /// The goal in each language the task is translated into.
    pub translated_goals: BTreeMap<Language, String>,
    pub setup: Vec<Step>,
    pub success: Option<Condition>,
    pub answer: Option<Answer>,
    pub infeasible: Option<String>,
    pub solution: Vec<SolutionStep>,
}

/// Draws the variant of `task` for `seed`; `device` is the start device (before set-up).
pub fn draw(task: &Task, seed: u64, device: &DeviceFile) -> Result<Variant, String> {
    // The device as JSON, only for parameters drawn `from` it: most tasks' draws never read it,
    // and an agent's reset should not pay for writing the whole phone out.
    let state = if task.params.values().any(|param| param.from.is_some()) {
        serde_json::to_value(device).map_err(|e| e.to_string())?
    } else {
        Value::Null
    };
    // A seed of its own for the draw, apart from the phone's: the same variant whatever the
    // phone does with its random numbers.
    let mut env = Env::new(crate::sim::time::earliest(), seed ^ 0x7a5c_0de5);
    let mut values = BTreeMap::new();
    for (name, param) in &task.params {
        let options = options(name, param, &state)?;
        let at = env.below(u32::try_from(options.len()).unwrap_or(u32::MAX)) as usize;
        let Some((value, extra)) = options.into_iter().nth(at) else {
            return Err(format!("params.{name}: nothing to choose from"));
        };
        values.insert(name.clone(), value);
        for (key, value) in extra {
            values.insert(format!("{name}.{key}"), value);
        }
    }
    let case = match &task.case_param {
        None => None,
        Some(param) => {
            let value = values
                .get(param)
                .ok_or_else(|| format!("case_param: no parameter {param:?}"))?;
            let case = task
                .cases
                .get(value)
                .ok_or_else(|| format!("cases: no case for {param} = {value:?}"))?;
            Some((value.clone(), case))
        }
    };
    let fill = |text: &str, at: &str| fill(text, &values, at);
    let goal = fill(&task.goal, "goal")?;
    let translated_goals = task
        .translations
        .iter()
        .map(|(language, translation)| {
            // Wording parameters read in the goal's language; data stays as drawn.
            let mut shown = values.clone();
            for (name, words) in &translation.params {
                if let Some(value) = shown.get_mut(name)
                    && let Some(word) = words.get(value.as_str())
                {
                    value.clone_from(word);
                }
            }
            let at = format!("translations.{language}.goal");
            Ok((*language, self::fill(&translation.goal, &shown, &at)?))
        })
        .collect::<Result<BTreeMap<_, _>, String>>()?;
    let case_setup = case.as_ref().map_or(&[][..], |(_, c)| c.setup.as_slice());
    let setup = task
        .start
        .setup
        .iter()
        .chain(case_setup)
        .enumerate()
        .map(|(i, step)| read_step(step, &values, &format!("setup[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let solution_source = match &case {
        Some((_, c)) if !c.solution.is_empty() => &c.solution,
        _ => &task.solution,
    };
    let success = match &task.success {
        None => None,
        Some(value) => {
            let filled = fill_value(value, &values, "success")?;
            Some(serde_json::from_value(filled).map_err(|e| format!("success: {e}"))?)
        }
    };
    let answer = task
        .answer
        .as_ref()
        .map(|spec| read_answer(spec, &values))
        .transpose()?;
    let infeasible = task
        .infeasible
        .as_deref()
        .map(|r| fill(r, "infeasible"))
        .transpose()?;
    let solution = read_steps(solution_source, &values, "solution")?;
    Ok(Variant {
        seed,
        case: case.map(|(value, _)| value),
        values,
        goal,
        translated_goals,
        setup,
        success,
        answer,
        infeasible,
        solution,
    })
}

/// The expected answer of a variant, its parameters filled in.
fn read_answer(spec: &AnswerSpec, values: &BTreeMap<String, String>) -> Result<Answer, String> {
    let rule = match spec {
        AnswerSpec::Text(text) => AnswerRule {
            is: Some(text.clone()),
            steady: true,
            ..AnswerRule::default()
        },
        AnswerSpec::Rule(rule) => rule.clone(),
    };
    let at = "answer";
    let expected = match (&rule.is, &rule.pointer, &rule.count) {
        (Some(text), None, None) => Expected::Is(fill(text, values, at)?),
        (None, Some(pointer), None) => Expected::Pointer(fill(pointer, values, at)?),
        (None, None, Some(pointer)) => Expected::Count {
            pointer: fill(pointer, values, at)?,
            except: rule
                .except
                .iter()
                .map(|e| fill_value(e, values, at))
                .collect::<Result<_, _>>()?,
        },
        _ => return Err("answer: give one of `is`, `pointer` or `count`".into()),
    };
    if !rule.except.is_empty() && rule.count.is_none() {
        return Err("answer: `except` goes with `count`".into());
    }
    Ok(Answer {
        expected,
        kind: rule.kind,
        also: rule
            .also
            .iter()
            .map(|a| fill(a, values, at))
            .collect::<Result<_, _>>()?,
        units: rule.units.clone(),
        steady: rule.steady,
    })
}

/// A parameter's value and its `also` values.
type Choice = (String, BTreeMap<String, String>);

/// A choice: a value, or an object of paired values — its `value`, and each other field as
/// `{name.field}` (`{"value": "notes", "count": "3"}` makes `{app}` and `{app.count}`).
fn paired(
    name: &str,
    choice: &Value,
    as_text: &dyn Fn(&Value) -> String,
) -> Result<Choice, String> {
    let Value::Object(fields) = choice else {
        return Ok((as_text(choice), BTreeMap::new()));
    };
    let value = fields
        .get("value")
        .ok_or_else(|| format!("params.{name}.choices: an object needs its \"value\""))?;
    let mut extra = BTreeMap::new();
    for (key, field) in fields.iter().filter(|(key, _)| *key != "value") {
        if field.is_object() || field.is_array() {
            return Err(format!(
                "params.{name}.choices: {key:?} is a text or a number, not a list or an object"
            ));
        }
        extra.insert(key.clone(), as_text(field));
    }
    Ok((as_text(value), extra))
}

/// The values a parameter may take, each with its `also` values.
fn options(name: &str, param: &Param, state: &Value) -> Result<Vec<Choice>, String> {
    let as_text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let except: Vec<String> = param.except.iter().map(as_text).collect();
    let mut found = Vec::new();
    match (&param.from, param.choices.is_empty()) {
        (None, false) => {
            for choice in &param.choices {
                found.push(paired(name, choice, &as_text)?);
            }
        }
        (Some(pointer), true) => {
            let (list, field) = pointer
                .split_once("/*")
                .ok_or_else(|| format!("params.{name}.from: {pointer:?} needs one `*`"))?;
            let items = state
                .pointer(list)
                .and_then(Value::as_array)
                .ok_or_else(|| format!("params.{name}.from: {list} is not a list"))?;
            for item in items {
                let Some(value) = item.pointer(field) else {
                    continue;
                };
                let mut extra = BTreeMap::new();
                for (key, at) in &param.also {
                    if let Some(v) = item.pointer(at) {
                        extra.insert(key.clone(), as_text(v));
                    }
                }
                found.push((as_text(value), extra));
            }
        }
        _ => {
            return Err(format!(
                "params.{name}: give either `choices` or `from` (with one `*`)"
            ));
        }
    }
    found.retain(|(value, _)| !except.contains(value));
    let pairs = found.iter().filter(|(_, extra)| !extra.is_empty()).count();
    if param.from.is_none() && pairs != 0 && pairs != found.len() {
        return Err(format!(
            "params.{name}.choices: either every choice pairs values or none does"
        ));
    }
    if found.is_empty() {
        return Err(format!("params.{name}: nothing to choose from"));
    }
    Ok(found)
}

/// Steps as a solution writes them (fixture steps, `{"answer": …}`, `{"cannot_be_done": true}`),
/// their parameters filled in; `at` names the list in messages.
pub fn read_steps(
    steps: &[Value],
    values: &BTreeMap<String, String>,
    at: &str,
) -> Result<Vec<SolutionStep>, String> {
    steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let at = format!("{at}[{i}]");
            match step {
                Value::Object(fields) if fields.contains_key("answer") => {
                    match fields.get("answer") {
                        Some(Value::String(text)) if fields.len() == 1 => {
                            Ok(SolutionStep::Answer(fill(text, values, &at)?))
                        }
                        _ => Err(format!("{at}: an answer step is {{\"answer\": \"text\"}}")),
                    }
                }
                Value::Object(fields) if fields.contains_key("cannot_be_done") => {
                    if fields.len() == 1 && fields.get("cannot_be_done") == Some(&Value::Bool(true))
                    {
                        Ok(SolutionStep::CannotBeDone)
                    } else {
                        Err(format!("{at}: write {{\"cannot_be_done\": true}}"))
                    }
                }
                _ => read_step(step, values, &at).map(SolutionStep::Step),
            }
        })
        .collect()
}

fn read_step(step: &Value, values: &BTreeMap<String, String>, at: &str) -> Result<Step, String> {
    let filled = fill_value(step, values, at)?;
    serde_json::from_value(filled).map_err(|e| format!("{at}: {e}"))
}

/// Every string in `value` filled in.
fn fill_value(value: &Value, values: &BTreeMap<String, String>, at: &str) -> Result<Value, String> {
    Ok(match value {
        Value::String(text) => Value::String(fill(text, values, at)?),
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|v| fill_value(v, values, at))
                .collect::<Result<_, _>>()?,
        ),
        Value::Object(fields) => {
            let mut filled = serde_json::Map::new();
            for (key, v) in fields {
                filled.insert(fill(key, values, at)?, fill_value(v, values, at)?);
            }
            Value::Object(filled)
        }
        other => other.clone(),
    })
}

/// `text` with each `{name}` replaced; an unknown name is an error (a typo would otherwise show
/// the learner "{devcie}"). `{{` and `}}` stand for braces.
pub fn fill(text: &str, values: &BTreeMap<String, String>, at: &str) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if let Some(after) = tail.strip_prefix("{{") {
            out.push('{');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            out.push('}');
            rest = after;
        } else if let Some(after) = tail.strip_prefix('{') {
            let close = after
                .find('}')
                .ok_or_else(|| format!("{at}: a `{{` without its `}}` in {text:?}"))?;
            let name = &after[..close];
            let value = values.get(name).ok_or_else(|| {
                format!(
                    "{at}: no parameter {{{name}}} (declared: {})",
                    names(values)
                )
            })?;
            out.push_str(value);
            rest = &after[close + 1..];
        } else {
            return Err(format!("{at}: a `}}` without its `{{` in {text:?}"));
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn names(values: &BTreeMap<String, String>) -> String {
    if values.is_empty() {
        return "none".into();
    }
    values
        .keys()
        .map(|k| format!("{{{k}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_unknown_ones_refused() {
        let values = BTreeMap::from([("device".to_string(), "TV".to_string())]);
        assert_eq!(
            fill("Remove the {device}.", &values, "goal"),
            Ok("Remove the TV.".into())
        );
        assert_eq!(fill("{{literal}}", &values, "goal"), Ok("{literal}".into()));
        let error = fill("Remove the {devcie}.", &values, "goal").expect_err("typo");
        assert!(error.contains("no parameter {devcie}"), "{error}");
        assert!(fill("a { b", &values, "goal").is_err());
    }
}
