//! Undoing what the person changed that the task does not want changed: the steps that turn
//! each change back (from Settings, or from a lock screen where the phone is locked), the order
//! they go in, what cannot be undone, and the passwords undoing needs, found among the goal's
//! words and what was typed.

use super::trial::{key, wait};
use super::ways::way_to_settings;
use crate::play::fixture::{Step, TypeSource};
use crate::play::tasks::episode::Episode;
use crate::play::tasks::variant::SolutionStep;
use crate::sim::trace::Change;

/// Ways to undo `change` from wherever `state` is, the shortest first: from the screen in
/// front when the way there passes it, else from Settings.
pub(super) fn ways(change: &Change, state: &Episode) -> Vec<Vec<SolutionStep>> {
    let Some((from_settings, recipe)) = recipe(change, state) else {
        return Vec::new();
    };
    let mut ways = Vec::new();
    if from_settings {
        let view = state.engine().view();
        let shortcut = (0..recipe.len()).rev().find(|&j| match &recipe[j] {
            SolutionStep::Step(Step::TapId { id, .. }) => view.find(id).is_some(),
            _ => false,
        });
        if let Some(j) = shortcut {
            ways.push(recipe[j..].to_vec());
        }
        if let Some(mut home) = way_to_settings(state) {
            home.extend(recipe);
            ways.push(home);
        }
    } else {
        ways.push(recipe);
    }
    ways
}

/// The steps that undo `change`, and whether they start from Settings (else from where
/// `state` is: a lock screen, a ringing phone).
fn recipe(change: &Change, state: &Episode) -> Option<(bool, Vec<SolutionStep>)> {
    let tap = |id: &str| {
        SolutionStep::Step(Step::TapId {
            id: id.to_string(),
            label: None,
        })
    };
    let typed = |text: &str| SolutionStep::Step(Step::Type(text.to_string()));
    let device = state.engine().device();
    // Undoing on a lock screen happens there; everything else from Settings.
    match change {
        Change::ActivationLock { to: true } => {
            let locked_to = device.phone.activation_lock.clone()?;
            let password = password_of(state, &locked_to)?;
            return Some((
                false,
                vec![tap("lock.password"), typed(&password), tap("lock.activate")],
            ));
        }
        Change::LostMode { to: true } => {
            let account = device.account.as_ref()?.mi_account_id.clone();
            let password = password_of(state, &account)?;
            return Some((
                false,
                vec![tap("lost.password"), typed(&password), tap("lost.unlock")],
            ));
        }
        Change::Ringing { to: true } => {
            return Some((false, vec![SolutionStep::Step(Step::Back(1))]));
        }
        _ => {}
    }
    let enter = SolutionStep::Step(Step::Key(key("enter")?));
    let password_dialog =
        |password: String| vec![tap("dialog.password"), typed(&password), enter.clone()];
    let recipe: Vec<SolutionStep> = match change {
        Change::Bluetooth { .. } => vec![tap("settings.bluetooth"), tap("bluetooth.toggle")],
        Change::Wifi { .. } => vec![tap("settings.wifi"), tap("wifi.toggle")],
        Change::MobileData { .. } => vec![tap("settings.sim"), tap("sim.mobile_data")],
        Change::AirplaneMode { .. } => {
            vec![
                tap("settings.connection_sharing"),
                tap("connection.airplane"),
            ]
        }
        Change::AutoTime { .. } | Change::ClockSet => vec![
            tap("settings.additional_settings"),
            tap("additional.date_time"),
            tap("date_time.automatic"),
        ],
        Change::SyncItem { app, .. } => vec![
            tap("settings.account"),
            tap("account.cloud"),
            tap(&format!("cloud.item.{}", app.key())),
        ],
        Change::AutoSync { .. } => {
            vec![
                tap("settings.account"),
                tap("account.cloud"),
                tap("cloud.auto"),
            ]
        }
        Change::WifiOnly { .. } => vec![
            tap("settings.account"),
            tap("account.cloud"),
            tap("cloud.wifi_only"),
        ],
        Change::FindDevice { to: false } => vec![
            tap("settings.account"),
            tap("account.find_device"),
            tap("find_device.toggle"),
        ],
        Change::FindDevice { to: true } => {
            let password = password_of(state, &phone_account(state)?)?;
            let mut steps = vec![
                tap("settings.account"),
                tap("account.find_device"),
                tap("find_device.toggle"),
                tap("dialog.confirm"),
            ];
            steps.extend(password_dialog(password));
            steps
        }
        Change::LoginNotifications { channel, .. } => vec![
            tap("settings.account"),
            tap("account.security"),
            tap("security.notifications"),
            tap(&format!("notify.{channel}")),
        ],
        Change::TwoStep { .. } => {
            let password = password_of(state, &phone_account(state)?)?;
            let mut steps = vec![
                tap("settings.account"),
                tap("account.security"),
                tap("security.two_step"),
            ];
            steps.extend(password_dialog(password));
            steps
        }
        Change::SignedOut { account } => {
            let cloud = &device.cloud.accounts;
            let found = cloud.iter().find(|a| a.mi_account_id == *account)?;
            let login = if found.email.is_empty() {
                found.mi_account_id.clone()
            } else {
                found.email.clone()
            };
            let password = password_of(state, account)?;
            let mut steps = vec![
                tap("settings.account"),
                tap("account.sign_in"),
                tap("signin.login"),
                typed(&login),
                tap("signin.password"),
                typed(&password),
                tap("signin.agree"),
                tap("signin.submit"),
            ];
            if found.two_step {
                steps.extend([
                    tap("twostep.code"),
                    SolutionStep::Step(Step::TypeFrom(Box::new(TypeSource {
                        state: None,
                        digits_after: Some("Messages:".into()),
                        goal_word: None,
                    }))),
                    tap("twostep.next"),
                ]);
            }
            steps
        }
        Change::SignedIn { account, .. } => {
            let password = password_of(state, account)?;
            let mut steps = vec![
                tap("settings.account"),
                tap("account.sign_out"),
                tap("dialog.confirm"),
            ];
            if device.account.as_ref().is_some_and(|a| a.find_device) {
                steps.extend(password_dialog(password));
            }
            steps.extend([
                tap("dialog.keep"),
                SolutionStep::Step(Step::Wait(wait("5s"))),
            ]);
            steps
        }
        Change::PasswordChanged { account } => {
            let start = state.start_device();
            let was = start
                .cloud
                .accounts
                .iter()
                .find(|a| a.mi_account_id == *account)?
                .password_hash
                .clone();
            let old = password_for_hash(state, &was)?;
            let now = password_of(state, account)?;
            // Only the phone's own account's password is changed from its Settings.
            if phone_account(state).as_deref() != Some(account.as_str()) {
                return None;
            }
            vec![
                tap("settings.account"),
                tap("account.security"),
                tap("security.password"),
                tap("password.current"),
                typed(&now),
                tap("password.new"),
                typed(&old),
                tap("password.confirm"),
                typed(&old),
                tap("password.submit"),
            ]
        }
        Change::PhoneRenamed { .. } => {
            // Ctrl-U clears the field in one step, however long the name typed there.
            let name = state.start_device().phone.name.clone();
            vec![
                tap("settings.about_phone"),
                tap("about.device_name"),
                SolutionStep::Step(Step::Key(key("ctrl+u")?)),
                typed(&name),
                tap("dialog.ok"),
            ]
        }
        _ => return None,
    };
    Some((true, recipe))
}

/// The passwords undoing needs: found among the goal's words and the texts typed, each tried
/// against the account's hash.
/// The password of the account `mi_account_id` now, if the goal or what was typed gives it.
fn password_of(state: &Episode, mi_account_id: &str) -> Option<String> {
    let hash = state
        .engine()
        .device()
        .cloud
        .accounts
        .iter()
        .find(|a| a.mi_account_id == mi_account_id)?
        .password_hash
        .clone();
    password_for_hash(state, &hash)
}

/// The password whose hash is `hash`, among the goal's words and the texts typed.
fn password_for_hash(state: &Episode, hash: &str) -> Option<String> {
    let goal = state.variant.goal.clone();
    let words = goal
        .split_whitespace()
        .map(|w| w.trim_end_matches([',', '.', ';', ':', ')', '"', '”']))
        .map(|w| w.trim_start_matches(['(', '"', '“']))
        .map(str::to_string);
    let typed = state.typed().into_iter().rev().map(str::to_string);
    let candidates: Vec<String> = typed
        .chain(words)
        .filter(|w| w.chars().count() >= 6)
        .collect();
    candidates
        .into_iter()
        .find(|candidate| crate::sim::cloud::verify_password(hash, candidate))
}

/// The account the phone is signed in to.
fn phone_account(state: &Episode) -> Option<String> {
    Some(
        state
            .engine()
            .device()
            .account
            .as_ref()?
            .mi_account_id
            .clone(),
    )
}

/// Whether `change` cannot be undone on the phone or the website: a device gone from an
/// account, an account made, data gone, the phone erased.
pub(super) fn lasts(change: &Change) -> bool {
    match change {
        Change::DeviceRemoved { .. }
        | Change::DeviceAdded { .. }
        | Change::AccountCreated { .. }
        | Change::CloudData { .. }
        | Change::FactoryReset
        | Change::RemoteErase => true,
        Change::PhoneData { before, after, .. } => after < before,
        _ => false,
    }
}

/// The order undoing goes in: what locks the phone, then the network, the clock, the account,
/// then the rest.
pub(super) fn order(mut changes: Vec<Change>) -> Vec<Change> {
    let rank = |change: &Change| match change {
        Change::ActivationLock { .. } | Change::LostMode { .. } | Change::Ringing { .. } => 0,
        // Airplane mode first: turning it off may bring the radios back.
        Change::AirplaneMode { .. } => 1,
        Change::Wifi { .. } | Change::MobileData { .. } => 2,
        Change::AutoTime { .. } | Change::ClockSet => 3,
        Change::SignedOut { .. } | Change::SignedIn { .. } => 4,
        Change::PasswordChanged { .. } => 5,
        Change::FindDevice { .. } | Change::TwoStep { .. } => 6,
        _ => 7,
    };
    changes.sort_by_key(rank);
    changes
}
