//! An episode as the log writes it: a fixture that replays it, naming its task (or carrying
//! the task's phone), with the agent's steps and what held at the end. Passwords are never
//! written as they were typed.

use super::current::Current;
use crate::play::condition::Condition;
use crate::play::fixture::{Fixture, Step, TerminalSize};
use crate::play::tasks;

/// A finished episode's log, for the shell to write.
#[derive(Debug, Clone)]
pub struct EpisodeLog {
    pub task: String,
    pub seed: u64,
    pub fixture: Fixture,
}

/// A step as the log writes it. Text typed into a password field never goes into a log as it
/// is: a word of the goal (the password the task gives) is written as that word of the goal;
/// the password of an account the goal does not give is left out (`None`), as recordings leave
/// passwords out; any other text (a wrong guess) is no password, and is written.
pub(super) fn loggable(current: &mut Current, step: &Step) -> Option<Step> {
    let Step::Type(text) = step else {
        return Some(step.clone());
    };
    let view = current.episode.engine().view();
    let into_password = view
        .focused()
        .is_some_and(|e| e.role == crate::view::Role::PasswordField);
    if !into_password {
        return Some(step.clone());
    }
    let goal = current.episode.variant.goal.clone();
    if let Some(n) = crate::play::runner::goal_words(&goal).position(|w| w == text) {
        return Some(Step::TypeFrom(Box::new(crate::play::fixture::TypeSource {
            goal_word: Some(n),
            ..Default::default()
        })));
    }
    let device = current.episode.engine().device();
    let secret = device
        .cloud
        .accounts
        .iter()
        .any(|a| crate::sim::cloud::verify_password(&a.password_hash, text));
    (!secret).then(|| step.clone())
}

/// The episode as a fixture: the task's phone before set-up, the set-up and the agent's steps,
/// and what held at the end.
pub(super) fn episode_fixture(current: &mut Current, with_device: bool) -> Fixture {
    // By default the log names the task (no device file, no password hash in it); with
    // `--log-device` it carries the device file and the set-up, and replays without the task.
    let device = with_device
        .then(|| tasks::variant_device(&current.task, &current.episode.variant).ok())
        .flatten()
        .and_then(|mut device| {
            current.phone.apply(&mut device);
            serde_json::to_value(device).ok()
        });
    let mut steps: Vec<Step> = if with_device {
        current.episode.variant.setup.clone()
    } else {
        Vec::new()
    };
    steps.extend(current.log.iter().cloned());
    steps.push(Step::ExpectScreen(
        current.episode.engine().view().title.clone(),
    ));
    // What the success condition says now, whatever the reward (a task that cannot be done
    // and was never said so has its phone unchanged, and no reward): the replay must agree.
    if let (Some(success), Some(holds)) = (
        current.episode.variant.success.clone(),
        current.episode.success_holds(),
    ) {
        // A log that names its task says so without spelling the condition out (it holds the
        // passwords the goal names); one that carries its device carries the condition.
        steps.push(if with_device {
            Step::Expect(Box::new(if holds {
                success
            } else {
                Condition::Not(Box::new(success))
            }))
        } else {
            Step::ExpectTask(holds)
        });
    }
    let mut description = format!(
        "Reward {}{}.",
        current.reward,
        current
            .outcome
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default()
    );
    if let Some(answer) = &current.answered {
        let device = current.episode.engine().device();
        let a_password = device
            .cloud
            .accounts
            .iter()
            .any(|a| crate::sim::cloud::verify_password(&a.password_hash, answer));
        if a_password {
            description.push_str(" It answered with a password, left out here.");
        } else {
            description.push_str(&format!(
                " It answered {:?}.",
                crate::text::cut(answer, 200)
            ));
        }
    }
    if !current.left_out.is_empty() {
        let places: Vec<String> = current.left_out.iter().map(|n| n.to_string()).collect();
        description.push_str(&format!(
            " A password (of an account, not given by the goal) was typed before step(s) {} \
             and is left out.",
            places.join(", ")
        ));
    }
    let task = (!with_device).then(|| crate::play::fixture::TaskRef {
        id: current.task.id.clone(),
        seed: current.seed,
        skin: current.phone.skin,
        rom: current.phone.rom,
    });
    Fixture {
        task,
        setup_steps: with_device.then_some(current.episode.variant.setup.len()),
        version: crate::play::fixture::FIXTURE_VERSION,
        name: format!(
            "{} (seed {}), an agent's episode",
            current.task.id, current.seed
        ),
        description,
        terminal: Some(TerminalSize {
            width: current.width,
            height: current.height,
        }),
        device,
        seed: with_device.then_some(current.seed),
        language: Some(current.phone.language),
        clock: if with_device {
            current.task.start.clock
        } else {
            None
        },
        steps,
    }
}
