//! What the bench plays: the phones (factory-fresh, signed in, a large account) and the walks a
//! person's session is made of.

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use crate::engine::{Engine, Outcome, Start};
use crate::screens::Action;
use crate::screens::flows::sign_out::SIGNING_OUT_SECONDS;
use crate::sim::cloud;
use crate::sim::device::{AccountDevice, DeviceFile, Item, LoginRecord};

/// The terminal size every figure is drawn at.
pub(super) const WIDTH: u16 = 60;
pub(super) const HEIGHT: u16 = 24;

pub(super) fn start_time() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_795_780_800, 0).unwrap_or_default()
}

/// A walk that a person's session is made of: down the list, into a page and back out.
pub(super) const WALK: [Action; 8] = [
    Action::FocusNext,
    Action::FocusNext,
    Action::FocusNext,
    Action::Activate,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Back,
    Action::FocusPrev,
];

pub(super) fn start() -> Start {
    Start {
        seed: 7,
        clock: start_time(),
        width: WIDTH,
        height: HEIGHT,
    }
}

pub(super) fn new_engine() -> Engine {
    Engine::new(DeviceFile::factory_default(), start())
}

pub(super) fn test_terminal() -> Terminal<TestBackend> {
    match Terminal::new(TestBackend::new(WIDTH, HEIGHT)) {
        Ok(terminal) => terminal,
        Err(never) => match never {},
    }
}

/// A step of a walk: an action, or simulated time passing.
pub(super) enum Walk {
    Do(Action),
    Wait(chrono::Duration),
}

impl Walk {
    pub(super) fn play(&self, engine: &mut Engine) -> Outcome {
        match self {
            Walk::Do(action) => engine.apply(action.clone()),
            Walk::Wait(by) => engine.wait(*by),
        }
    }
}

/// Settings → Sign in → sign in as Lei Wang → Sign out → password → Keep → "Signing out…":
/// back where it began.
pub(super) fn sign_in_and_out() -> Vec<Walk> {
    let tap = |id: &str| Action::Tap(id.to_string());
    let actions = vec![
        tap("settings.account"),
        tap("account.sign_in"),
        tap("signin.login"),
        Action::Type("lei.wang@example.com".into()),
        tap("signin.password"),
        Action::Type("Xiaomi#2026".into()),
        tap("signin.agree"),
        tap("signin.submit"),
        tap("account.sign_out"),
        tap("dialog.confirm"),
        Action::Type("Xiaomi#2026".into()),
        Action::Activate,
        tap("dialog.keep"),
    ];
    let mut walk: Vec<Walk> = actions.into_iter().map(Walk::Do).collect();
    walk.push(Walk::Wait(chrono::Duration::seconds(SIGNING_OUT_SECONDS)));
    walk.push(Walk::Do(Action::FocusFirst));
    walk.push(Walk::Do(Action::FocusLast));
    walk
}

/// From Settings with Lei Wang signed in: Account security → Login history, back, Devices → the
/// intruder's details, back to Settings. No password is checked: it measures the pages.
pub(super) fn security_walk() -> Vec<Action> {
    let tap = |id: &str| Action::Tap(id.to_string());
    vec![
        tap("settings.account"),
        tap("account.security"),
        tap("security.history"),
        Action::Back,
        tap("security.devices"),
        tap("devices.4"),
        Action::Back,
        Action::Back,
        Action::Back,
        Action::Back,
    ]
}

/// The phone signed in to Lei Wang, whose login history holds `records` sign-ins.
pub(super) fn signed_in_engine(records: usize) -> Engine {
    let mut device = DeviceFile::factory_default();
    cloud::sign_in(&mut device, 0, start_time());
    let history = &mut device.cloud.accounts[0].login_history;
    if let Some(template) = history.first().cloned() {
        history.extend((history.len()..records).map(|i| LoginRecord {
            at: start_time() - chrono::Duration::hours(i as i64),
            new_device: i % 7 == 0,
            ..template.clone()
        }));
    }
    Engine::new(device, start())
}

/// A large account, as a heavy user's phone file may hold: Lei Wang signed in, the phone and
/// the cloud each with `items` contacts and as many photos (half of them in both), `devices`
/// devices on the account and `history` sign-ins in its login history.
pub fn large_device(items: usize, devices: usize, history: usize) -> DeviceFile {
    let mut device = DeviceFile::factory_default();
    cloud::sign_in(&mut device, 0, start_time());
    let item = |prefix: &str, i: usize, size_bytes: u64| Item {
        id: format!("{prefix}-{i}"),
        title: format!("{prefix} {i}"),
        detail: String::new(),
        size_bytes,
    };
    let (local, cloud_copy) = (items / 2, items - items / 2);
    device.data.contacts = (0..items).map(|i| item("contact", i, 100)).collect();
    device.data.gallery = (0..items).map(|i| item("photo", i, 1_000)).collect();
    let account = &mut device.cloud.accounts[0];
    account.storage_gb = 2_000;
    account.data.contacts = (local..local + cloud_copy + local)
        .map(|i| item("contact", i, 100))
        .collect();
    account.data.gallery = (local..local + cloud_copy + local)
        .map(|i| item("photo", i, 1_000))
        .collect();
    if let Some(template) = account.devices.first().cloned() {
        account
            .devices
            .extend((account.devices.len()..devices).map(|i| AccountDevice {
                id: format!("device-{i}"),
                name: format!("Device {i}"),
                ..template.clone()
            }));
    }
    if let Some(template) = account.login_history.first().cloned() {
        account
            .login_history
            .extend((account.login_history.len()..history).map(|i| LoginRecord {
                at: start_time() - chrono::Duration::minutes(i as i64),
                ..template.clone()
            }));
    }
    if let Some(signed_in) = device.account.as_mut() {
        signed_in.sync.pending = true;
    }
    device
}

/// A fixture of `steps` key presses walking Settings as `WALK` does.
pub(super) fn walk_fixture(steps: u32) -> String {
    let keys = ["down", "down", "down", "enter", "down", "up", "esc", "up"];
    let steps: Vec<String> = (0..steps as usize)
        .map(|i| format!("{{\"key\": \"{}\"}}", keys[i % keys.len()]))
        .collect();
    format!(
        "{{\"version\": 1, \"name\": \"walk\", \"steps\": [\n{}\n]}}\n",
        steps.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The security walk visits the pages it names and ends where it began.
    #[test]
    fn the_security_walk_opens_the_history_and_a_device_and_comes_back() {
        let mut engine = signed_in_engine(1_000);
        assert_eq!(engine.device().cloud.accounts[0].login_history.len(), 1_000);
        let mut seen = Vec::new();
        for action in security_walk() {
            engine.apply(action);
            seen.push(engine.view().screen.clone());
        }
        assert!(seen.iter().any(|s| s == "login_history"), "{seen:?}");
        assert!(seen.iter().any(|s| s == "device_details"), "{seen:?}");
        assert_eq!(seen.last().map(String::as_str), Some("settings"));
    }

    /// The walk must do what its name says, or its figure would measure nothing.
    #[test]
    fn the_sign_in_walk_signs_in_and_then_out() {
        let mut engine = new_engine();
        let walk = sign_in_and_out();
        for step in &walk[..8] {
            step.play(&mut engine);
        }
        assert!(engine.device().account.is_some());
        for step in &walk[8..] {
            step.play(&mut engine);
        }
        assert!(engine.device().account.is_none());
        assert!(!engine.view().back);
    }
}
