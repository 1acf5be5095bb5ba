//! Hints that lead home from anywhere: a plan of steps that, played from where the person is now,
//! does the task — found by trying plans on copies of the episode and keeping the first that
//! works.
//!
//! A plan is the reference solution taken up where the person's screen meets it (from here, from
//! Settings, or from the browser), after undoing what the person changed that the task does not
//! want changed (a switch turned, an account signed out, a password changed). Each candidate is
//! played to the end on a copy of the episode, so a hint never promises a way that does not work
//! there. What cannot be undone (a device removed from the account, a phone erased) is said, with
//! the advice to start again.
//!
//! Here the planner: the reference played once, and the search for a plan from where the person
//! is; [`trial`] plays a candidate on a copy, [`ways`] finds the way back to Settings, the root
//! or the browser, and [`undo`] the steps that turn a change back.

mod trial;
mod undo;
mod ways;

use serde_json::Value;

pub use trial::{Planned, Whereabouts};
pub use ways::way_to_settings;

use super::episode::Episode;
use super::variant::SolutionStep;
use crate::play::fixture::Step;
use crate::sim::trace::{Change, Marks};
use trial::{Cached, Trial, Tried, fingerprint, play, verify};
use undo::{lasts, order};
use ways::{look_for, settle, way_to_the_browser, way_to_the_root};

/// What to do next.
#[derive(Debug, Clone, PartialEq)]
pub enum Way {
    /// The task is done.
    Done,
    Next(Planned),
    /// The task can no longer be done from here: these changes (as the trace writes them:
    /// `{"change": "device_removed", …}`) cannot be undone, or were made while a question about
    /// the phone as it was is open.
    StartOver(Vec<Value>),
    /// No plan was found (the planner's failure, not the person's).
    Lost,
}

/// The most steps a plan may take beyond the reference: the undoing, the way back.
const SLACK: usize = 60;

/// The reference solution, played once, and the plans made from it.
#[derive(Clone)]
pub struct Planner {
    /// The reference's moves (its checks left out; a back of several presses is as many).
    moves: Vec<SolutionStep>,
    /// Where the phone was before each move.
    places: Vec<Whereabouts>,
    /// The field in focus before each move (where its typing went).
    fields: Vec<Option<String>>,
    /// What the reference changed, in all.
    net: Vec<Change>,
    cached: Option<Cached>,
    /// Ways found from Settings to a screen, by the screen and whether the phone was signed in.
    paths: std::collections::HashMap<(String, bool), Option<Vec<SolutionStep>>>,
}

impl Planner {
    /// Plays the reference solution on `reference` (a fresh episode of the variant).
    pub fn new(mut reference: Episode) -> Planner {
        let start = Marks::of(reference.engine().device());
        let mut moves = Vec::new();
        let mut places = Vec::new();
        let mut fields = Vec::new();
        for step in reference.variant.solution.clone() {
            let expanded: Vec<SolutionStep> = match &step {
                SolutionStep::Step(Step::Back(times)) => (0..*times)
                    .map(|_| SolutionStep::Step(Step::Back(1)))
                    .collect(),
                SolutionStep::Step(step) if is_check(step) => Vec::new(),
                other => vec![other.clone()],
            };
            for step in expanded {
                let view = reference.engine().view();
                places.push(Whereabouts::of(view));
                fields.push(
                    view.focused()
                        .filter(|e| e.role.is_text_input())
                        .map(|e| e.id.to_string()),
                );
                if play(&mut reference, &step).is_err() {
                    break;
                }
                moves.push(step);
            }
        }
        places.truncate(moves.len());
        fields.truncate(moves.len());
        let net = Marks::of(reference.engine().device()).changes_since(&start);
        Planner {
            moves,
            places,
            fields,
            net,
            cached: None,
            paths: std::collections::HashMap::new(),
        }
    }

    /// The reference's length in moves (waits not counted).
    pub fn length(&self) -> u32 {
        let moves = self
            .moves
            .iter()
            .filter(|s| !matches!(s, SolutionStep::Step(Step::Wait(_))))
            .count();
        u32::try_from(moves).unwrap_or(u32::MAX)
    }

    /// The step of the plan after the one last told, if any.
    pub fn following(&self) -> Option<&Planned> {
        let cached = self.cached.as_ref()?;
        cached.steps.get(cached.told? + 1)
    }

    /// What to do next in `episode`: the next step of a plan that works from here.
    pub fn next(&mut self, episode: &mut Episode) -> Way {
        if episode.done() {
            return Way::Done;
        }
        let here = fingerprint(episode);
        if let Some(cached) = &mut self.cached {
            // The step after the one last told, when the person did it (a step that changes
            // nothing on screen leaves the same state before the next), else wherever the
            // person stands on the plan.
            let after = cached.told.map_or(0, |told| told + 1);
            let at = (after < cached.before.len() && cached.before[after] == here)
                .then_some(after)
                .or_else(|| cached.before.iter().position(|fp| *fp == here));
            if let Some(at) = at {
                cached.told = Some(at);
                return Way::Next(cached.steps[at].clone());
            }
        }
        self.cached = None;
        match self.plan(episode) {
            Ok(mut cached) => {
                let next = cached.steps.first().cloned();
                cached.told = Some(0);
                self.cached = Some(cached);
                next.map_or(Way::Lost, Way::Next)
            }
            Err(lasting) if !lasting.is_empty() => Way::StartOver(lasting),
            Err(_) => Way::Lost,
        }
    }

    /// A plan that does the task from `episode`, or the changes that stand in the way for good
    /// (none when no plan was found for another reason).
    fn plan(&mut self, episode: &Episode) -> Result<Cached, Vec<Value>> {
        // Work under way finishes first ("Signing out…"): plans start where it leaves the phone.
        let (settling, settled) = settle(episode);
        // A question about the phone as it is, asked while the person changed its account: no
        // answer is right any more.
        if settled.variant.answer.as_ref().is_some_and(|a| a.steady)
            && super::episode::changed_on_the_way(settled.engine().trace())
        {
            return Err(self.changed_while_answering(&settled));
        }
        // A change the task forbids, once made, stays made.
        if let Some(success) = &settled.variant.success {
            let forbidden = success.forbidden_in(settled.engine().trace());
            if !forbidden.is_empty() {
                return Err(forbidden);
            }
        }
        let budget = self.moves.len() + SLACK;
        if let Some(found) = self.taken_up(episode, &settled, settling.clone(), budget) {
            return Ok(found);
        }
        // Undo what the person changed that the task does not change, then take it up again.
        // What cannot be undone is said when no plan works, even where the task makes the same
        // change (it was made the wrong way: on the wrong surface, say).
        let start = Marks::of(settled.start_device());
        let net = Marks::of(settled.engine().device()).changes_since(&start);
        let lasting: Vec<Value> = net
            .iter()
            .filter(|change| lasts(change))
            .filter_map(|change| serde_json::to_value(change).ok())
            .collect();
        // First what the task does not change; then, if that is not enough, also what it does
        // change but the person changed another way (on the wrong surface, say), so that the
        // reference can make it its own way.
        let reversible: Vec<Change> = net.into_iter().filter(|c| !lasts(c)).collect();
        let theirs: Vec<Change> = reversible
            .iter()
            .filter(|change| !self.net.contains(change))
            .cloned()
            .collect();
        for undoing in [theirs, reversible] {
            let mut state = settled.clone();
            let mut prefix = settling.clone();
            let mut undone = false;
            for change in order(undoing) {
                for steps in undo::ways(&change, &state) {
                    let mut tried = state.clone();
                    if steps.iter().all(|step| play(&mut tried, step).is_ok()) {
                        state = tried;
                        prefix.extend(steps.into_iter().map(|step| Planned {
                            step,
                            undoing: Some(change.clone()),
                            field: None,
                        }));
                        undone = true;
                        break;
                    }
                }
            }
            if !undone {
                continue;
            }
            if let Some(found) = self.taken_up(episode, &state, prefix, budget) {
                return Ok(self.fewer_undos(episode, found, budget));
            }
        }
        Err(lasting)
    }

    /// The account's and Mi Cloud's changes the person made while a question was open, as the
    /// trace has them.
    fn changed_while_answering(&self, episode: &Episode) -> Vec<Value> {
        episode
            .engine()
            .trace()
            .iter()
            .filter(|entry| super::episode::changed_on_the_way(std::slice::from_ref(entry)))
            .cloned()
            .collect()
    }

    /// Drops each group of undoing steps the plan does not need, the longest first (undoing
    /// Airplane mode may undo Wi-Fi's turning off with it, in one tap).
    fn fewer_undos(&mut self, episode: &Episode, found: Cached, budget: usize) -> Cached {
        let mut best = found;
        let changes: Vec<Change> = {
            let mut seen: Vec<(Change, usize)> = Vec::new();
            for planned in &best.steps {
                if let Some(change) = &planned.undoing {
                    match seen.iter_mut().find(|(c, _)| c == change) {
                        Some((_, steps)) => *steps += 1,
                        None => seen.push((change.clone(), 1)),
                    }
                }
            }
            seen.sort_by_key(|(_, steps)| std::cmp::Reverse(*steps));
            seen.into_iter().map(|(change, _)| change).collect()
        };
        for change in changes {
            let without: Vec<Planned> = best
                .steps
                .iter()
                .filter(|p| p.undoing.as_ref() != Some(&change))
                .cloned()
                .collect();
            if let Some(shorter) = verify(episode, &without, budget) {
                best = shorter;
            }
        }
        best
    }

    /// The reference taken up from `state` — which `prefix`, played from `origin`, led to —
    /// from where `state` is, from Settings, or from the browser, at the furthest move that
    /// works. The plan found is played from `origin`.
    fn taken_up(
        &mut self,
        origin: &Episode,
        state: &Episode,
        prefix: Vec<Planned>,
        budget: usize,
    ) -> Option<Cached> {
        let mut ways: Vec<Vec<SolutionStep>> = vec![Vec::new()];
        let home = way_to_settings(state);
        ways.extend(home.clone());
        ways.extend(way_to_the_root(state).filter(|root| Some(root) != home.as_ref()));
        ways.extend(way_to_the_browser(state));
        // Then from Settings to each screen the reference passes, the way found by looking.
        if let Some(home) = home {
            let mut at_settings = state.clone();
            if home.iter().all(|step| play(&mut at_settings, step).is_ok()) {
                let mut screens: Vec<String> = self
                    .places
                    .iter()
                    .filter(|p| p.surface == "phone" && p.dialog.is_none())
                    .map(|p| p.screen.clone())
                    .filter(|screen| screen != "settings")
                    .collect();
                screens.dedup();
                for screen in screens {
                    if let Some(path) = self.path_to(&at_settings, &screen) {
                        let mut way = home.clone();
                        way.extend(path);
                        ways.push(way);
                    }
                }
            }
        }
        for way in ways {
            let mut there = state.clone();
            if way.iter().any(|step| play(&mut there, step).is_err()) {
                continue;
            }
            let place = Whereabouts::of(there.engine().view());
            let takes: Vec<usize> = (0..=self.moves.len())
                .rev()
                .filter(|&k| k == self.moves.len() || self.places[k] == place)
                .collect();
            if takes.is_empty() {
                continue;
            }
            // The prefix and the way are the same for every move the reference is taken up
            // at: played from `origin` once.
            let mut lead = prefix.clone();
            lead.extend(way.iter().cloned().map(|step| Planned {
                step,
                undoing: None,
                field: None,
            }));
            let mut led = Trial::from(origin);
            match led.go_on(&lead, budget) {
                Tried::Done(found) => return Some(found),
                Tried::Failed => continue,
                Tried::Going => {}
            }
            for k in takes {
                let rest: Vec<Planned> = self.moves[k..]
                    .iter()
                    .cloned()
                    .zip(&self.fields[k..])
                    .map(|(step, field)| Planned {
                        step,
                        undoing: None,
                        field: field.clone(),
                    })
                    .collect();
                if let Tried::Done(found) = led.clone().go_on(&rest, budget) {
                    return Some(found);
                }
            }
        }
        None
    }

    /// A way from Settings (`from` is there) to `screen`, found by opening rows, up to four
    /// deep.
    fn path_to(&mut self, from: &Episode, screen: &str) -> Option<Vec<SolutionStep>> {
        let key = (screen.to_string(), from.engine().device().account.is_some());
        if let Some(known) = self.paths.get(&key) {
            return known.clone();
        }
        let found = look_for(from, screen);
        self.paths.insert(key, found.clone());
        found
    }
}

/// Whether a fixture step only checks (it changes nothing a plan needs).
fn is_check(step: &Step) -> bool {
    matches!(
        step,
        Step::ExpectScreen(_)
            | Step::ExpectText(_)
            | Step::ExpectNoText(_)
            | Step::ExpectState(_)
            | Step::Expect(_)
            | Step::Snapshot(_)
    )
}
