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

use std::hash::{Hash, Hasher};

use serde_json::Value;

use super::episode::Episode;
use super::variant::SolutionStep;
use crate::engine::Context;
use crate::play::fixture::{KeyName, Step, WaitDuration};
use crate::sim::device::App;
use crate::sim::trace::{Change, Marks};
use crate::view::View;

/// Where the phone is: the surface, the screen, and the dialog over it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Place {
    pub surface: &'static str,
    pub screen: String,
    pub dialog: Option<String>,
}

impl Place {
    pub fn of(view: &View) -> Place {
        Place {
            surface: view.surface,
            screen: view.screen.clone(),
            dialog: view.dialog.as_ref().map(|d| d.id.clone()),
        }
    }
}

/// One step of a plan, and the change it helps undo, when it does.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub step: SolutionStep,
    pub undoing: Option<Change>,
    /// For typing: the field the reference typed into (the plan taps it first when the focus
    /// is elsewhere).
    pub field: Option<String>,
}

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
/// How many ways back to the Settings root are tried before giving up.
const WAY_BACK: usize = 40;

/// A plan found, with the state it expects before each of its steps.
#[derive(Debug, Clone)]
struct Cached {
    steps: Vec<Planned>,
    before: Vec<u64>,
    /// The step last told.
    told: Option<usize>,
}

/// The reference solution, played once, and the plans made from it.
#[derive(Clone)]
pub struct Planner {
    /// The reference's moves (its checks left out; a back of several presses is as many).
    moves: Vec<SolutionStep>,
    /// Where the phone was before each move.
    places: Vec<Place>,
    /// The field in focus before each move (where its typing went).
    fields: Vec<Option<String>>,
    /// What the reference changed, in all.
    net: Vec<Change>,
    cached: Option<Cached>,
    /// Passwords tried against hashes.
    verified: crate::sim::cloud::Verified,
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
                places.push(Place::of(view));
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
            verified: Default::default(),
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
                for steps in self.undo(&change, &state) {
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
            let place = Place::of(there.engine().view());
            for k in (0..=self.moves.len()).rev() {
                if k < self.moves.len() && self.places[k] != place {
                    continue;
                }
                let mut steps = prefix.clone();
                steps.extend(way.iter().cloned().map(|step| Planned {
                    step,
                    undoing: None,
                    field: None,
                }));
                steps.extend(self.moves[k..].iter().cloned().zip(&self.fields[k..]).map(
                    |(step, field)| Planned {
                        step,
                        undoing: None,
                        field: field.clone(),
                    },
                ));
                if let Some(found) = verify(origin, &steps, budget) {
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

    /// Ways to undo `change` from wherever `state` is, the shortest first: from the screen in
    /// front when the way there passes it, else from Settings.
    fn undo(&mut self, change: &Change, state: &Episode) -> Vec<Vec<SolutionStep>> {
        let Some((from_settings, recipe)) = self.recipe(change, state) else {
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
    fn recipe(&mut self, change: &Change, state: &Episode) -> Option<(bool, Vec<SolutionStep>)> {
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
                let password = self.password_of(state, &locked_to)?;
                return Some((
                    false,
                    vec![tap("lock.password"), typed(&password), tap("lock.activate")],
                ));
            }
            Change::LostMode { to: true } => {
                let account = device.account.as_ref()?.mi_account_id.clone();
                let password = self.password_of(state, &account)?;
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
                tap(&format!("cloud.item.{}", app_key(*app))),
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
                let password = self.password_of(state, &phone_account(state)?)?;
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
                let password = self.password_of(state, &phone_account(state)?)?;
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
                let password = self.password_of(state, account)?;
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
                        SolutionStep::Step(Step::TypeFrom(Box::new(
                            crate::play::fixture::TypeSource {
                                state: None,
                                digits_after: Some("Messages:".into()),
                                goal_word: None,
                            },
                        ))),
                        tap("twostep.next"),
                    ]);
                }
                steps
            }
            Change::SignedIn { account, .. } => {
                let password = self.password_of(state, account)?;
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
                let old = self.password_for_hash(state, &was)?;
                let now = self.password_of(state, account)?;
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
                let name = state.start_device().phone.name.clone();
                let now = device.phone.name.chars().count();
                let mut steps = vec![
                    tap("settings.about_phone"),
                    tap("about.device_name"),
                    SolutionStep::Step(Step::Key(key("end")?)),
                ];
                let backspace = SolutionStep::Step(Step::Key(key("backspace")?));
                steps.extend((0..now).map(|_| backspace.clone()));
                steps.extend([typed(&name), tap("dialog.ok")]);
                steps
            }
            _ => return None,
        };
        Some((true, recipe))
    }

    /// The password of the account `mi_account_id` now, if the goal or what was typed gives it.
    fn password_of(&mut self, state: &Episode, mi_account_id: &str) -> Option<String> {
        let hash = state
            .engine()
            .device()
            .cloud
            .accounts
            .iter()
            .find(|a| a.mi_account_id == mi_account_id)?
            .password_hash
            .clone();
        self.password_for_hash(state, &hash)
    }

    /// The password whose hash is `hash`, among the goal's words and the texts typed.
    fn password_for_hash(&mut self, state: &Episode, hash: &str) -> Option<String> {
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
            .find(|candidate| self.verified.check(hash, candidate))
    }
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
fn lasts(change: &Change) -> bool {
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
fn order(mut changes: Vec<Change>) -> Vec<Change> {
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

fn app_key(app: App) -> &'static str {
    app.key()
}

/// A key the key table names (every one a plan presses has a name).
fn key(name: &str) -> Option<KeyName> {
    KeyName::try_from(name.to_string()).ok()
}

fn wait(text: &str) -> WaitDuration {
    WaitDuration::try_from(text.to_string()).unwrap_or_else(|_| WaitDuration::from_seconds(5))
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

/// Plays one step of a plan: an answer says what the phone shows now.
fn play(episode: &mut Episode, step: &SolutionStep) -> Result<(), String> {
    match step {
        SolutionStep::Answer(_) => {
            let answer = episode.expected_answer().unwrap_or_default();
            episode.answer(&answer);
            Ok(())
        }
        other => episode.solve_step(other),
    }
}

/// Breadth first from `from`, tapping rows and buttons (never a switch or a field), for the
/// screen named `screen`. A way that changes more than it should fails when the plan is tried.
fn look_for(from: &Episode, screen: &str) -> Option<Vec<SolutionStep>> {
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
fn settle(episode: &Episode) -> (Vec<Planned>, Episode) {
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

/// Plays `steps` from `start` on a copy: the plan up to the step after which the task is done,
/// with the state before each, or `None` when it does not do the task within `budget` steps.
fn verify(start: &Episode, steps: &[Planned], budget: usize) -> Option<Cached> {
    let mut episode = start.clone();
    let mut before = Vec::new();
    let mut played: Vec<Planned> = Vec::new();
    for planned in steps {
        // Typing goes into an empty field: what is there already is cleared first.
        let types = matches!(
            planned.step,
            SolutionStep::Step(Step::Type(_) | Step::TypeFrom(_))
        );
        let filled = episode.engine().view().focused().is_some_and(|e| {
            e.role.is_text_input() && e.value.as_deref().is_some_and(|v| !v.is_empty())
        });
        let mut now = Vec::new();
        // The reference's field, when the focus is elsewhere: a tap on it first.
        let view = episode.engine().view();
        let elsewhere = |field: &String| {
            view.focused().is_none_or(|e| e.id != *field) && view.find(field).is_some()
        };
        let mut filled = filled;
        if let (true, Some(field)) = (types, planned.field.as_ref().filter(|f| elsewhere(f))) {
            filled = view
                .find(field)
                .and_then(|e| e.value.as_deref())
                .is_some_and(|v| !v.is_empty());
            now.push(Planned {
                step: SolutionStep::Step(Step::TapId {
                    id: field.clone(),
                    label: None,
                }),
                undoing: planned.undoing.clone(),
                field: None,
            });
        }
        if types && filled {
            now.push(Planned {
                step: SolutionStep::Step(Step::Key(key("ctrl+u")?)),
                undoing: planned.undoing.clone(),
                field: None,
            });
        }
        now.push(planned.clone());
        for planned in now {
            if played.len() >= budget {
                return None;
            }
            before.push(fingerprint(&episode));
            play(&mut episode, &planned.step).ok()?;
            played.push(planned);
            if episode.done() {
                return Some(Cached {
                    steps: played,
                    before,
                    told: None,
                });
            }
        }
    }
    None
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
fn way_to_the_root(state: &Episode) -> Option<Vec<SolutionStep>> {
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
fn way_to_the_browser(state: &Episode) -> Option<Vec<SolutionStep>> {
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

/// A digest of where the episode stands, as the plan's next step depends on it: the place, the
/// changes made, and what each element shows.
fn fingerprint(episode: &Episode) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let view = episode.engine().view();
    Place::of(view).hash(&mut hasher);
    episode.engine().trace().len().hash(&mut hasher);
    episode.answered.hash(&mut hasher);
    episode.said_impossible.hash(&mut hasher);
    let dialog = view.dialog.iter().flat_map(|d| d.elements.iter());
    for element in view.elements.iter().chain(dialog) {
        element.id.hash(&mut hasher);
        element.value.hash(&mut hasher);
        element.checked.hash(&mut hasher);
        element.focused.hash(&mut hasher);
        element.enabled.hash(&mut hasher);
    }
    hasher.finish()
}
