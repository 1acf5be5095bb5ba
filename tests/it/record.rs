//! `--record` as a property: any session on the interactive phone, recorded, replays green and
//! ends on the very same device file, at the same time and (without wheel scrolls, which are not
//! recorded) on the very same screen — random keys, clicks, wheel notches and pauses, at
//! wall-clock times with fractions of a second as a real clock gives them, signing in and out
//! with the demo account included (its password added back where the recording's description
//! says).

use std::cell::Cell;
use std::collections::{BTreeMap, VecDeque};
use std::io;
use std::path::Path;
use std::rc::Rc;
use std::time::Duration as StdDuration;

use crate::common::events::{click, ctrl, key, wheel};
use crate::common::t0;
use chrono::{DateTime, Duration, Utc};
use crossterm::event::KeyCode;
use mi_settings::engine::{Engine, Start};
use mi_settings::play::fixture::{self, LoadedFixture};
use mi_settings::screens::Action;
use mi_settings::shells::replay::record::Recorder;
use mi_settings::shells::replay::run::{self as runner, Options, Outputs, Report};
use mi_settings::shells::store;
use mi_settings::shells::terminal::{self, EventSource, Hooks, Next};
use mi_settings::sim::DeviceFile;
use mi_settings::ui::Theme;
use mi_settings::view::{Role, View};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The demo account on the factory-default phone.
const LOGIN: &str = "lei.wang@example.com";
const PASSWORD: &str = "Xiaomi#2026";
const WIDTH: u16 = 60;
const HEIGHT: u16 = 24;

/// What a person does next, after a pause of `pause_ms` milliseconds of wall-clock time.
#[derive(Debug, Clone)]
struct Timed {
    pause_ms: u64,
    gesture: Gesture,
}

#[derive(Debug, Clone)]
enum Gesture {
    Key(KeyCode),
    Ctrl(char),
    Click(u16, u16),
    /// A notch of the mouse wheel, down or up (not recorded).
    Wheel(bool, u16, u16),
    /// Nothing within the poll's timeout.
    Idle,
}

/// A scripted session: events at wall-clock times, and the clock the loop reads, which says the
/// time of the event it last handed out.
struct TimedEvents {
    script: VecDeque<(DateTime<Utc>, Gesture)>,
    now: Rc<Cell<DateTime<Utc>>>,
}

impl EventSource for TimedEvents {
    fn next(&mut self, _timeout: StdDuration) -> io::Result<Next> {
        let Some((at, gesture)) = self.script.pop_front() else {
            return Ok(Next::Closed);
        };
        self.now.set(at);
        Ok(match gesture {
            Gesture::Key(code) => Next::Event(key(code)),
            Gesture::Ctrl(letter) => Next::Event(ctrl(letter)),
            Gesture::Click(column, row) => Next::Event(click(column, row)),
            Gesture::Wheel(down, column, row) => Next::Event(wheel(down, column, row)),
            Gesture::Idle => Next::Idle,
        })
    }
}

/// Records as `--record` does, and keeps what it left out — the text typed into password
/// fields, by the step it goes before — so the test can put it back as a person would.
struct RecordingShell {
    recorder: Recorder,
    passwords: BTreeMap<usize, String>,
    ever_signed_in: bool,
}

impl Hooks for RecordingShell {
    fn save(&mut self, device: &DeviceFile) -> Result<(), String> {
        self.ever_signed_in |= device.account.is_some();
        Ok(())
    }

    fn observe(&mut self, action: &Action, view: &View, now: DateTime<Utc>) {
        self.recorder.record(action, view, now);
        let into_password = view
            .focused()
            .is_some_and(|e| e.role == Role::PasswordField);
        if let (Action::Type(text), true) = (action, into_password) {
            let before_step = *self
                .recorder
                .passwords_left_out()
                .last()
                .expect("a password typed is noted as left out");
            self.passwords
                .entry(before_step)
                .or_default()
                .push_str(text);
        }
    }

    fn time_passed(&mut self, now: DateTime<Utc>, changed: bool) {
        self.recorder.time_passed(now, changed);
    }
}

fn keys(codes: &[KeyCode]) -> Vec<Gesture> {
    codes.iter().copied().map(Gesture::Key).collect()
}

fn typed(text: &str) -> Vec<Gesture> {
    text.chars()
        .map(|c| Gesture::Key(KeyCode::Char(c)))
        .collect()
}

/// From Settings on the fresh phone (Global ROM, 60x24): the account entry (End, three up),
/// Sign in, the login and password, the agreement ticked, Sign in.
fn sign_in() -> Vec<Gesture> {
    use KeyCode::*;
    let mut gestures = keys(&[End, Up, Up, Up, Enter, Enter]);
    gestures.extend(typed(LOGIN));
    gestures.push(Gesture::Key(Enter));
    gestures.extend(typed(PASSWORD));
    gestures.extend(keys(&[Down, Down, Enter, Down, Enter]));
    gestures
}

/// From the Mi Account page just signed in to: Sign out, confirm, the password (Find Device is
/// on), Keep — then "Signing out…" for two seconds.
fn sign_out() -> Vec<Gesture> {
    use KeyCode::*;
    let mut gestures = keys(&[End, Enter, Right, Enter]);
    gestures.extend(typed(PASSWORD));
    gestures.extend(keys(&[Enter, Enter]));
    gestures
}

fn any_key() -> impl Strategy<Value = Gesture> {
    use KeyCode::*;
    let named = prop::sample::select(vec![
        Up,
        Down,
        Left,
        Right,
        Enter,
        Esc,
        Tab,
        BackTab,
        Home,
        End,
        PageUp,
        PageDown,
        Backspace,
        Delete,
        F(2),
        F(3),
    ]);
    // Letters and symbols that type, and the ones that are keys off a text field (j, k, g, G,
    // h, space, ? for the help, q to quit at the root).
    let character = prop::sample::select("ab1@. jkgGh?q".chars().collect::<Vec<_>>());
    prop_oneof![
        12 => named.prop_map(Gesture::Key),
        6 => character.prop_map(|c| Gesture::Key(KeyCode::Char(c))),
        6 => (0..WIDTH, 0..HEIGHT).prop_map(|(column, row)| Gesture::Click(column, row)),
        2 => (any::<bool>(), 0..WIDTH, 0..HEIGHT)
            .prop_map(|(down, column, row)| Gesture::Wheel(down, column, row)),
        4 => Just(Gesture::Idle),
        1 => Just(Gesture::Ctrl('c')),
    ]
}

/// Pauses as people make them: mostly quick, sometimes a few seconds, now and then minutes.
fn pause_ms() -> impl Strategy<Value = u64> {
    prop_oneof![
        6 => 0u64..1_500,
        3 => 1_500u64..8_000,
        1 => 8_000u64..200_000,
    ]
}

/// Scripted steps keep their order; the pauses between them are random, and so are the idle
/// polls among them (a person hesitating; "Signing out…" finishing while nobody types).
fn paced(gestures: Vec<Gesture>) -> impl Strategy<Value = Vec<Timed>> {
    let count = gestures.len();
    (
        prop::collection::vec(pause_ms(), count),
        prop::collection::vec(prop::option::weighted(0.2, pause_ms()), count),
    )
        .prop_map(move |(pauses, idles)| {
            let mut timed = Vec::new();
            for ((gesture, pause_ms), idle) in gestures.iter().zip(pauses).zip(idles) {
                if let Some(idle_ms) = idle {
                    timed.push(Timed {
                        pause_ms: idle_ms,
                        gesture: Gesture::Idle,
                    });
                }
                timed.push(Timed {
                    pause_ms,
                    gesture: gesture.clone(),
                });
            }
            timed
        })
}

fn random_gestures(most: usize) -> impl Strategy<Value = Vec<Timed>> {
    prop::collection::vec(
        (pause_ms(), any_key()).prop_map(|(pause_ms, gesture)| Timed { pause_ms, gesture }),
        0..most,
    )
}

/// A session: maybe signing in (and maybe out again), then random gestures.
fn session() -> impl Strategy<Value = Vec<Timed>> {
    let scripted = prop_oneof![
        2 => Just(Vec::new()),
        2 => Just(sign_in()),
        3 => Just([sign_in(), sign_out()].concat()),
    ];
    (scripted.prop_flat_map(paced), random_gestures(40))
        .prop_map(|(scripted, random)| [scripted, random].concat())
}

/// What the session ended as, and the fixture recorded from it (the passwords still left out).
struct Recorded {
    fixture: serde_json::Value,
    passwords: BTreeMap<usize, String>,
    ever_signed_in: bool,
    device: DeviceFile,
    now: DateTime<Utc>,
    title: String,
    view: View,
}

/// Runs the interactive loop over `session` from the fresh phone, recording, wired as
/// `mi-settings --record` wires it.
fn record(started: DateTime<Utc>, seed: u64, session: &[Timed]) -> Recorded {
    let device = DeviceFile::factory_default();
    let start = terminal::whole_seconds(started);
    let mut engine = Engine::new(
        device.clone(),
        Start {
            seed,
            clock: start,
            width: WIDTH,
            height: HEIGHT,
        },
    );
    let mut shell = RecordingShell {
        recorder: Recorder::new(&device, start, seed, WIDTH, HEIGHT),
        passwords: BTreeMap::new(),
        ever_signed_in: false,
    };
    let mut at = started;
    let script = session
        .iter()
        .map(|timed| {
            at += Duration::milliseconds(timed.pause_ms as i64);
            (at, timed.gesture.clone())
        })
        .collect();
    let now = Rc::new(Cell::new(started));
    let mut events = TimedEvents {
        script,
        now: Rc::clone(&now),
    };
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("terminal");
    terminal::run(
        &mut terminal,
        &mut events,
        &mut || now.get(),
        &mut engine,
        &mut shell,
        &Theme::miui(),
    )
    .expect("session");
    // The key help is not recorded (it changes nothing); closing it shows the phone under it.
    if engine.context().help {
        engine.press(mi_settings::engine::Key::Esc);
    }
    let fixture = shell
        .recorder
        .fixture("recorded", &engine.view().title, engine.device());
    Recorded {
        fixture: serde_json::to_value(&fixture).expect("fixture json"),
        passwords: shell.passwords,
        ever_signed_in: shell.ever_signed_in,
        device: engine.device().clone(),
        now: engine.now(),
        title: engine.view().title.clone(),
        view: engine.view().clone(),
    }
}

/// The step numbers the description says to add a password before.
fn password_places(description: &str) -> Vec<usize> {
    let Some((_, places)) = description.split_once("add a `type` step with the password ") else {
        return Vec::new();
    };
    places
        .trim_end_matches('.')
        .split(", ")
        .map(|place| {
            place
                .strip_prefix("before step ")
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("cannot read the place {place:?} in {description:?}"))
        })
        .collect()
}

/// Adds each password back as a `type` step where the description says, as a person replaying
/// the recording would.
fn add_passwords(recorded: &Recorded) -> serde_json::Value {
    let mut fixture = recorded.fixture.clone();
    let description = fixture["description"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let places = password_places(&description);
    assert_eq!(
        places,
        recorded.passwords.keys().copied().collect::<Vec<_>>(),
        "the description names other places than where passwords were typed: {description}"
    );
    let steps = fixture["steps"].as_array_mut().expect("steps");
    for (before_step, password) in recorded.passwords.iter().rev() {
        steps.insert(before_step - 1, serde_json::json!({ "type": password }));
    }
    fixture
}

/// Replays `loaded` as `mi-settings replay` does: the report, and the phone's clock and view
/// after the last step.
fn replay_to_the_end(loaded: &LoadedFixture) -> (Report, Option<(DateTime<Utc>, View)>) {
    let mut last = None;
    let mut watch = |_step: usize, engine: &Engine| {
        last = Some((engine.now(), engine.view().clone()));
    };
    let report = runner::run(
        loaded,
        &Options::default(),
        Outputs {
            each_step: Some(&mut watch),
            ..Outputs::default()
        },
    );
    (report, last)
}

fn check_round_trip(started: DateTime<Utc>, seed: u64, session: &[Timed]) {
    let recorded = record(started, seed, session);
    let text = serde_json::to_string_pretty(&recorded.fixture).expect("json");
    assert!(
        !text.contains(PASSWORD),
        "the recording holds the password:\n{text}"
    );
    let fixture_text = serde_json::to_string_pretty(&add_passwords(&recorded)).expect("json");
    let loaded = fixture::parse(&fixture_text, Path::new("recorded.json"))
        .unwrap_or_else(|e| panic!("the recording is no fixture: {e:?}\n{fixture_text}"));
    let (report, replayed_end) = replay_to_the_end(&loaded);
    let (replayed_until, replayed_view) = replayed_end.unzip();
    assert!(
        report.passed(),
        "{}\n{fixture_text}",
        report.failure_text().unwrap_or_default()
    );
    let replayed = report.final_device.as_ref().expect("final device");
    assert_eq!(
        store::to_json(replayed),
        store::to_json(&recorded.device),
        "the replay ended on another device file\n{fixture_text}"
    );
    assert_eq!(
        replayed_until,
        Some(recorded.now),
        "the replay ended at another time (on {:?})\n{fixture_text}",
        recorded.title
    );
    // Not only the device: the phone ends as it was left, down to a toast still showing or
    // gone, which only holds if every second that changed something came at the same time.
    // (A wheel scroll is not recorded, so after one the page may sit elsewhere.)
    if session
        .iter()
        .any(|t| matches!(t.gesture, Gesture::Wheel(..)))
    {
        return;
    }
    let as_json = |view: &View| serde_json::to_value(view).expect("view json");
    let differences = mi_settings::play::runner::differing_values(
        "",
        Some(&as_json(&recorded.view)),
        replayed_view.as_ref().map(as_json).as_ref(),
    );
    assert!(
        differences.is_empty(),
        "the replay ended on another screen:\n{}\n{fixture_text}",
        differences.join("\n")
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn any_recorded_session_replays_to_the_same_device(
        session in session(),
        start_ms in 0u64..1_000,
        seed in any::<u64>(),
    ) {
        // A wall clock with a fraction of a second, as a real one has.
        let started = t0() + Duration::milliseconds(start_ms as i64);
        check_round_trip(started, seed, &session);
    }
}

/// The scripted sign-in and sign-out really sign in and out, so the property covers them.
#[test]
fn the_scripted_sign_in_and_out_sign_in_and_out() {
    let started = "2026-11-21T10:00:00.7Z".parse().expect("time");
    let quick = |gestures: Vec<Gesture>| -> Vec<Timed> {
        gestures
            .into_iter()
            .map(|gesture| Timed {
                pause_ms: 400,
                gesture,
            })
            .collect()
    };
    let signed_in = record(started, 1, &quick(sign_in()));
    assert!(signed_in.device.account.is_some(), "not signed in");
    assert_eq!(signed_in.passwords.values().collect::<Vec<_>>(), [PASSWORD]);

    let mut session = quick([sign_in(), sign_out()].concat());
    // Three seconds of nobody typing: "Signing out…" finishes on its own.
    session.extend((0..6).map(|_| Timed {
        pause_ms: 500,
        gesture: Gesture::Idle,
    }));
    let signed_out = record(started, 1, &session);
    assert!(signed_out.ever_signed_in);
    assert!(signed_out.device.account.is_none(), "not signed out");
    assert_eq!(signed_out.title, "Settings");
    check_round_trip(started, 1, &session);
}

/// The case from the issue: a session with fractions of a second and a sign-in, whose recording
/// failed its own replay.
#[test]
fn a_recorded_sign_in_at_odd_fractions_of_a_second_replays() {
    let started = "2026-11-23T17:22:10.424018296Z".parse().expect("time");
    let session: Vec<Timed> = sign_in()
        .into_iter()
        .map(|gesture| Timed {
            pause_ms: 1_337,
            gesture,
        })
        .collect();
    check_round_trip(started, 7, &session);
}

/// A wheel scroll is not recorded, yet it can move the focus (off a field scrolled out of
/// sight): the next keys in a text field must still go into the same field on replay.
#[test]
fn typing_after_a_wheel_scroll_goes_into_the_same_field_on_replay() {
    let device = DeviceFile::factory_default();
    // At 40x12 the create-account form is taller than the screen.
    let (width, height) = (40, 12);
    let mut engine = Engine::new(
        device.clone(),
        Start {
            seed: 3,
            ..crate::common::start(width, height)
        },
    );
    let mut recorder = Recorder::new(&device, t0(), 3, width, height);
    let steps = [
        Action::Tap("settings.account".into()),
        Action::Tap("account.create".into()),
        Action::Tap("create.email".into()),
        Action::Tap("create.contact".into()),
        // Down three lines the first field goes out of sight and the focus with it, up again
        // the focus stays where it went; one field up from there is the name.
        Action::Scroll(3),
        Action::Scroll(-3),
        Action::FocusPrev,
        Action::Type("Bob".into()),
    ];
    for action in steps {
        // As the interactive loop does: the hook hears of the action with the view it was
        // applied to.
        let view = engine.view().clone();
        engine.apply(action.clone());
        recorder.record(&action, &view, engine.now());
    }
    let field = |view: &View, id: &str| view.find(id).and_then(|e| e.value.clone());
    assert_eq!(field(engine.view(), "create.name").as_deref(), Some("Bob"));

    let fixture = recorder.fixture("wheel", &engine.view().title, engine.device());
    let text = serde_json::to_string_pretty(&fixture).expect("json");
    let loaded = fixture::parse(&text, Path::new("wheel.json")).expect("fixture");
    let (report, replayed) = replay_to_the_end(&loaded);
    assert!(report.passed(), "{:?}", report.failure_text());
    let (_, replayed) = replayed.expect("a view");
    assert_eq!(
        (
            field(&replayed, "create.contact"),
            field(&replayed, "create.name")
        ),
        (
            field(engine.view(), "create.contact"),
            field(engine.view(), "create.name")
        ),
        "{text}"
    );
}
