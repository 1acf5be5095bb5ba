//! Ways around the phone a plan takes before it takes up the reference: back to Settings, to
//! the first page of what is open, over to the browser, down to a screen found by opening rows,
//! and the waits that let work under way finish.

use super::trial::{Planned, key, play, wait};
use crate::engine::Context;
use crate::play::fixture::Step;
use crate::play::tasks::episode::Episode;
use crate::play::tasks::variant::SolutionStep;

/// How many ways back to the Settings root are tried before giving up.
const WAY_BACK: usize = 40;

/// Breadth first from `from`, tapping rows and buttons (never a switch or a field), for the
/// screen named `screen`. A way that changes more than it should fails when the plan is tried.
pub(super) fn look_for(from: &Episode, screen: &str) -> Option<Vec<SolutionStep>> {
    use crate::view::Role;
    let mut seen: Vec<String> = vec![from.engine().view().screen.clone()];
    let mut frontier: Vec<(Episode, Vec<SolutionStep>)> = vec![(from.clone(), Vec::new())];
    for _ in 0..4 {
        let mut next = Vec::new();
        for (episode, path) in frontier {
            let ids: Vec<String> = episode
                .engine()
                .view()
                .active_elements()
                .iter()
                .filter(|e| {
                    e.interactive() && matches!(e.role, Role::Row | Role::Header | Role::Button)
                })
                .map(|e| e.id.to_string())
                .collect();
            for id in ids {
                let step = SolutionStep::Step(Step::TapId { id, label: None });
                let mut there = episode.clone();
                if play(&mut there, &step).is_err() {
                    continue;
                }
                let view = there.engine().view();
                if view.dialog.is_some() || view.surface != "phone" {
                    continue;
                }
                let mut way = path.clone();
                way.push(step);
                if view.screen == screen {
                    return Some(way);
                }
                if !seen.contains(&view.screen) {
                    seen.push(view.screen.clone());
                    next.push((there, way));
                }
            }
        }
        frontier = next;
    }
    None
}

/// The waits that let work under way finish ("Signing out…"), and the episode after them.
pub(super) fn settle(episode: &Episode) -> (Vec<Planned>, Episode) {
    let mut settled = episode.clone();
    let mut waits = Vec::new();
    for _ in 0..12 {
        if !Context::of(settled.engine().view()).busy {
            break;
        }
        let step = SolutionStep::Step(Step::Wait(wait("5s")));
        if play(&mut settled, &step).is_err() {
            break;
        }
        waits.push(Planned {
            step,
            undoing: None,
            field: None,
        });
    }
    (waits, settled)
}

/// Back to Settings on the phone: closing dialogs, going back, leaving the browser or the home
/// screen; `None` when there is no way (a locked phone).
pub fn way_to_settings(state: &Episode) -> Option<Vec<SolutionStep>> {
    let mut episode = state.clone();
    let mut steps = Vec::new();
    for _ in 0..WAY_BACK {
        let view = episode.engine().view();
        let step = if Context::of(view).busy {
            SolutionStep::Step(Step::Wait(wait("5s")))
        } else if view.dialog.is_some() || view.back {
            SolutionStep::Step(Step::Back(1))
        } else if view.surface != "phone" {
            SolutionStep::Step(Step::Key(key("f2")?))
        } else if view.screen == "home_screen" {
            SolutionStep::Step(Step::TapId {
                id: "home.settings".into(),
                label: None,
            })
        } else {
            break;
        };
        play(&mut episode, &step).ok()?;
        steps.push(step);
    }
    let view = episode.engine().view();
    (view.surface == "phone" && view.screen == "settings" && view.dialog.is_none()).then_some(steps)
}

/// Back to the first page of the screens open (a lock screen's, say), closing dialogs.
pub(super) fn way_to_the_root(state: &Episode) -> Option<Vec<SolutionStep>> {
    let mut episode = state.clone();
    let mut steps = Vec::new();
    for _ in 0..WAY_BACK {
        let view = episode.engine().view();
        if Context::of(view).busy || !(view.dialog.is_some() || view.back) {
            break;
        }
        let step = SolutionStep::Step(Step::Back(1));
        play(&mut episode, &step).ok()?;
        steps.push(step);
    }
    (!steps.is_empty()).then_some(steps)
}

/// Over to the browser, at its first page; `None` when it is in front already or cannot be.
pub(super) fn way_to_the_browser(state: &Episode) -> Option<Vec<SolutionStep>> {
    let mut episode = state.clone();
    let mut steps = Vec::new();
    if episode.engine().view().surface == "phone" {
        let step = SolutionStep::Step(Step::Key(key("f2")?));
        play(&mut episode, &step).ok()?;
        steps.push(step);
    }
    for _ in 0..WAY_BACK {
        let view = episode.engine().view();
        if view.surface != "browser" || !(view.dialog.is_some() || view.back) {
            break;
        }
        let step = SolutionStep::Step(Step::Back(1));
        play(&mut episode, &step).ok()?;
        steps.push(step);
    }
    (episode.engine().view().surface == "browser" && !steps.is_empty()).then_some(steps)
}
