//! `mi-settings bench`: how fast the parts a person waits on are, measured in one run so the
//! figures compare. Wall-clock timing belongs here, never in tests.

use std::fmt::Write as _;
use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, List, Widget};

use super::replay::batch::{self, BatchOptions};
use super::store::{self, Store};
use crate::engine::{Engine, Start};
use crate::screens::Action;
use crate::screens::cloud::mi_cloud;
use crate::screens::flows::sign_out::SIGNING_OUT_SECONDS;
use crate::screens::widgets::count_text;
use crate::sim::cloud;
use crate::sim::device::{AccountDevice, DeviceFile, Item, Language, LoginRecord};
use crate::ui::{self, Theme};

const WIDTH: u16 = 60;
const HEIGHT: u16 = 24;

fn start_time() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_795_780_800, 0).unwrap_or_default()
}

/// A walk that a person's session is made of: down the list, into a page and back out.
const WALK: [Action; 8] = [
    Action::FocusNext,
    Action::FocusNext,
    Action::FocusNext,
    Action::Activate,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Back,
    Action::FocusPrev,
];

struct Measure {
    name: &'static str,
    per_iteration: Duration,
}

impl Measure {
    /// Times `body` over `iterations` calls split into rounds and keeps the fastest round: on a
    /// shared machine, slower rounds measure the neighbours, not the code.
    fn time(name: &'static str, iterations: u32, mut body: impl FnMut(u32)) -> Measure {
        const ROUNDS: u32 = 7;
        // One untimed pass warms caches and the allocator.
        body(0);
        let per_round = (iterations / ROUNDS).max(1);
        let mut best = Duration::MAX;
        let mut i = 0;
        for _ in 0..ROUNDS {
            let started = Instant::now();
            for _ in 0..per_round {
                body(i);
                i += 1;
            }
            best = best.min(started.elapsed() / per_round);
        }
        Measure {
            name,
            per_iteration: best,
        }
    }

    /// Times `body` alone on what `setup` makes from `state`, `runs` times, and keeps the
    /// fastest run: for work too slow to repeat thousands of times, or on input it uses up (a
    /// device file it takes). What `body` returns is dropped outside the timing.
    fn time_each<C, T, R>(
        name: &'static str,
        runs: u32,
        state: &mut C,
        mut setup: impl FnMut(&mut C) -> T,
        mut body: impl FnMut(&mut C, T) -> R,
    ) -> Measure {
        let mut best = Duration::MAX;
        for _ in 0..runs.max(1) {
            let input = setup(state);
            let started = Instant::now();
            let output = body(state, input);
            best = best.min(started.elapsed());
            drop(black_box(output));
        }
        Measure {
            name,
            per_iteration: best,
        }
    }

    fn per_second(&self) -> f64 {
        1.0 / self.per_iteration.as_secs_f64().max(1e-12)
    }
}

fn start() -> Start {
    Start {
        seed: 7,
        clock: start_time(),
        width: WIDTH,
        height: HEIGHT,
    }
}

fn new_engine() -> Engine {
    Engine::new(DeviceFile::factory_default(), start())
}

fn test_terminal() -> Terminal<TestBackend> {
    match Terminal::new(TestBackend::new(WIDTH, HEIGHT)) {
        Ok(terminal) => terminal,
        Err(never) => match never {},
    }
}

/// A step of a walk: an action, or simulated time passing.
enum Walk {
    Do(Action),
    Wait(chrono::Duration),
}

impl Walk {
    fn play(&self, engine: &mut Engine) -> crate::engine::Outcome {
        match self {
            Walk::Do(action) => engine.apply(action.clone()),
            Walk::Wait(by) => engine.wait(*by),
        }
    }
}

/// Settings → Sign in → sign in as Lei Wang → Sign out → password → Keep → "Signing out…":
/// back where it began.
fn sign_in_and_out() -> Vec<Walk> {
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
fn security_walk() -> Vec<Action> {
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
fn signed_in_engine(records: usize) -> Engine {
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

/// At least a round of blocks each in `Measure::time`'s rounds.
const ROUNDS_OF_BLOCKS: u32 = 7;

/// The agent protocol as an agent sees it: this binary's `mi-settings agent` in a child
/// process, driven over its pipes by a Rust client, a line each way per request.
fn agent_protocol(iterations: u32) -> std::io::Result<Vec<Measure>> {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};
    let mut child = Command::new(std::env::current_exe()?)
        .arg("agent")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let (Some(mut input), Some(output)) = (child.stdin.take(), child.stdout.take()) else {
        return Err(std::io::Error::other("the agent's pipes"));
    };
    let mut output = BufReader::new(output);
    let mut line = String::new();
    // Writes `lines` (each ending in a line break) and reads as many answers, the last of them
    // left in `line`; says how many were refusals.
    let mut exchange = |lines: &str, line: &mut String| -> std::io::Result<usize> {
        input.write_all(lines.as_bytes())?;
        input.flush()?;
        let mut refused = 0;
        for _ in 0..lines.lines().count() {
            line.clear();
            output.read_line(line)?;
            refused += usize::from(line.starts_with("{\"error\""));
        }
        Ok(refused)
    };
    let line_of = |request: &str| format!("{request}\n");
    // A long task, so that steps rarely end the episode; scrolling keeps it going.
    let reset = r#"{"op":"reset","task":"put_the_phone_in_lost_mode","seed":1}"#;
    let steps = [
        r#"{"op":"step","action":{"action_type":"scroll","direction":"down"}}"#,
        r#"{"op":"step","action":{"action_type":"scroll","direction":"up"}}"#,
    ];
    exchange(&line_of(reset), &mut line)?;
    if !line.contains("\"observation\"") {
        return Err(std::io::Error::other(format!("the agent's reset: {line}")));
    }
    let mut failed = None;
    let step = Measure::time(
        "agent protocol, Rust client over a pipe: step (observation, no frame)",
        iterations,
        |i| {
            if exchange(&line_of(steps[i as usize % 2]), &mut line).is_err() {
                failed = Some("a step");
            }
            if line.contains("\"truncated\":true") || line.contains("\"terminated\":true") {
                let _ = exchange(&line_of(reset), &mut line);
            }
        },
    );
    // The floor of any request: the same pipes carrying a line the agent only refuses.
    let floor = Measure::time(
        "agent protocol, Rust client over a pipe: a refused line (the pipe's floor)",
        iterations,
        |_| {
            if exchange(&line_of("x"), &mut line).is_err() {
                failed = Some("a refused line");
            }
        },
    );
    // Requests sent ahead, as an oracle or a batch evaluator does: a block of one reset and
    // 99 steps is written, then its 100 answers are read. The block (7 KB) fits in the pipe's
    // buffer, so the writes never wait on the reads.
    const BLOCK: u32 = 100;
    let mut block = String::with_capacity(8 * 1024);
    block.push_str(reset);
    block.push('\n');
    for i in 1..BLOCK {
        block.push_str(steps[i as usize % 2]);
        block.push('\n');
    }
    let blocks = Measure::time("", (iterations / BLOCK).max(ROUNDS_OF_BLOCKS), |_| {
        // The last answer of the block is a step's: it shows how the block went.
        if !matches!(exchange(&block, &mut line), Ok(0)) {
            failed = Some("a request sent ahead");
        }
    });
    let pipelined = Measure {
        name: "agent protocol, Rust client, requests sent ahead: a step (1 in 100 a reset)",
        per_iteration: blocks.per_iteration / BLOCK,
    };
    let _ = exchange(&line_of(reset), &mut line);
    let resets = Measure::time(
        "agent protocol, Rust client over a pipe: reset",
        (iterations / 20).max(1),
        |_| {
            if exchange(&line_of(reset), &mut line).is_err() {
                failed = Some("a reset");
            }
        },
    );
    let _ = exchange(&line_of(r#"{"op":"close"}"#), &mut line);
    let _ = child.wait();
    match failed {
        Some(what) => Err(std::io::Error::other(format!("the agent failed {what}"))),
        None => Ok(vec![step, floor, pipelined, resets]),
    }
}

/// The large account `mi-settings bench` measures (the issue's "Large accounts stay fast"):
/// 100,000 contacts and as many photos, 10,000 devices, 100,000 sign-ins.
pub const LARGE_ITEMS: usize = 100_000;
pub const LARGE_DEVICES: usize = 10_000;
pub const LARGE_HISTORY: usize = 100_000;

/// Taps each of `ids` in turn, scrolling it into view as a person would, and says whether the
/// phone ended on `screen`: a walk that went elsewhere would measure another page.
fn walk_to(engine: &mut Engine, ids: &[&str], screen: &str) -> std::io::Result<()> {
    for id in ids {
        let _ = engine.tap_id(id);
    }
    on(engine, screen)
}

/// Whether the phone shows `screen`, as an error saying where it is instead.
fn on(engine: &Engine, screen: &str) -> std::io::Result<()> {
    let now = &engine.view().screen;
    if now == screen {
        Ok(())
    } else {
        Err(std::io::Error::other(format!(
            "the large-account bench expected {screen}, the phone shows {now}"
        )))
    }
}

/// Back from the page in front to Settings, where each walk below begins.
fn back_to_settings(engine: &mut Engine) -> std::io::Result<()> {
    for _ in 0..8 {
        if engine.view().screen == "settings" {
            break;
        }
        engine.apply(Action::Back);
    }
    on(engine, "settings")
}

/// From Settings with the large account signed in: the account's Devices page.
const TO_DEVICES: [&str; 2] = ["settings.account", "account.devices"];
/// From Settings: Account security → Login history.
const TO_HISTORY: [&str; 3] = ["settings.account", "account.security", "security.history"];
/// From Settings: Mi Cloud, where "Sync now" is.
const TO_MI_CLOUD: [&str; 2] = ["settings.account", "account.cloud"];
/// From i.mi.com: account.xiaomi.com → Security → Devices.
const TO_WEB_DEVICES: [&str; 3] = ["web.tab.account", "web.security", "security.devices"];

/// From Settings: the browser, signed in to i.mi.com as Lei Wang.
fn web_sign_in(engine: &mut Engine) -> std::io::Result<()> {
    engine.apply(Action::SwitchSurface);
    let _ = engine.tap_id("web.login");
    engine.apply(Action::Type("lei.wang@example.com".into()));
    let _ = engine.tap_id("web.password");
    engine.apply(Action::Type("Xiaomi#2026".into()));
    walk_to(engine, &["web.sign_in"], "web.cloud")
}

/// The large account's figures: each step drawn as the interactive phone draws it, and the
/// saved device file's size.
struct Large {
    measures: Vec<Measure>,
    file_bytes: u64,
}

/// Measures the large account of `items` data items, `devices` devices and `history` sign-ins:
/// start-up, a step on each page that lists them, "Sync now", and saving and reading the file.
fn large_account(
    folder: &std::path::Path,
    items: usize,
    devices: usize,
    history: usize,
) -> std::io::Result<Large> {
    const RUNS: u32 = 3;
    const STEPS: u32 = 14;
    let theme = Theme::miui();
    let mut screen = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    let mut measures = Vec::new();
    let mut template = large_device(items, devices, history);

    // Start-up: the phone made from the device file (which catches up with its pending sync)
    // and its first frame.
    measures.push(Measure::time_each(
        "start-up: Engine::new (with its sync) + first frame",
        RUNS,
        &mut template,
        |template| template.clone(),
        |_, device| {
            let engine = Engine::new(device, start());
            let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
            ui::render(engine.view(), buffer.area, &mut buffer, &theme);
            engine
        },
    ));
    let mut engine = Engine::new(template, start());
    let mut draw = |engine: &mut Engine, action: Action| {
        black_box(engine.apply(action));
        black_box(ui::render(engine.view(), screen.area, &mut screen, &theme));
    };
    // A step on a page that lists the account: down or up the list.
    let up_or_down = |i: u32| {
        if i.is_multiple_of(2) {
            Action::FocusNext
        } else {
            Action::FocusPrev
        }
    };
    // Opening a list from the page before it (`list`: its screen), or going back from it.
    let open_or_back = |engine: &Engine, open: &str, list: &str| {
        if engine.view().screen == list {
            Action::Back
        } else {
            Action::Tap(open.to_string())
        }
    };

    walk_to(&mut engine, &TO_DEVICES, "devices")?;
    measures.push(Measure::time(
        "Devices page: a step (↓ or ↑), drawn",
        STEPS,
        |i| draw(&mut engine, up_or_down(i)),
    ));
    back_to_settings(&mut engine)?;
    walk_to(&mut engine, &TO_HISTORY, "login_history")?;
    measures.push(Measure::time(
        "Login history: a step (↓ or ↑), drawn",
        STEPS,
        |i| draw(&mut engine, up_or_down(i)),
    ));
    back_to_settings(&mut engine)?;

    // Opening a data list: Contacts from the home screen, and back.
    engine.apply(Action::Home);
    measures.push(Measure::time(
        "Contacts app: open it or go back, drawn",
        STEPS,
        |_| {
            let action = open_or_back(&engine, "home.contacts", "app.contacts");
            draw(&mut engine, action);
        },
    ));
    if engine.view().screen == "app.contacts" {
        engine.apply(Action::Back);
    }
    walk_to(&mut engine, &["home.settings"], "settings")?;

    // "Sync now" on Mi Cloud: a step that syncs every item both ways. The clock moves on between
    // presses, past "Syncing…", untimed.
    walk_to(&mut engine, &TO_MI_CLOUD, "mi_cloud")?;
    measures.push(Measure::time_each(
        "Mi Cloud: Sync now (a step with a sync), drawn",
        RUNS,
        &mut engine,
        |engine| {
            let wait = mi_cloud::SYNC_SECONDS + 1;
            engine.wait(chrono::Duration::seconds(wait));
        },
        |engine, ()| draw(engine, Action::Tap("cloud.sync_now".into())),
    ));
    // The button says "Syncing…" only after a sync that went through.
    if engine
        .view()
        .find("cloud.sync_now")
        .is_none_or(|e| e.enabled)
    {
        return Err(std::io::Error::other(
            "the large-account bench's Sync now did not sync",
        ));
    }
    back_to_settings(&mut engine)?;

    // The websites: i.mi.com's Contacts, account.xiaomi.com's Devices.
    web_sign_in(&mut engine)?;
    measures.push(Measure::time(
        "i.mi.com Contacts: open it or go back, drawn",
        STEPS,
        |_| {
            let action = open_or_back(&engine, "web.contacts", "web.cloud.contacts");
            draw(&mut engine, action);
        },
    ));
    if engine.view().screen == "web.cloud.contacts" {
        engine.apply(Action::Back);
    }
    walk_to(&mut engine, &TO_WEB_DEVICES, "devices")?;
    measures.push(Measure::time(
        "account.xiaomi.com Devices: a step (↓ or ↑), drawn",
        STEPS,
        |i| draw(&mut engine, up_or_down(i)),
    ));

    // Saving the device file after a change (atomic, fsync, the .bak copy), then reading it
    // back as the next start-up does.
    let path = folder.join("large.json");
    let (mut store, _, _) = Store::open(&path).map_err(std::io::Error::other)?;
    let device = engine.device().clone();
    drop(engine);
    // The first save's .bak copies the small factory file: not the save that repeats.
    store.save(&device).map_err(std::io::Error::other)?;
    measures.push(Measure::time_each(
        "device file save (atomic, fsync, .bak)",
        RUNS,
        &mut store,
        |_| (),
        |store, ()| store.save(&device).is_ok(),
    ));
    let file_bytes = std::fs::metadata(&path)?.len();
    drop(store);
    measures.push(Measure::time_each(
        "device file read (load, check, parse)",
        RUNS,
        &mut (),
        |_| (),
        |_, ()| store::load(&path).is_ok(),
    ));
    Ok(Large {
        measures,
        file_bytes,
    })
}

/// A fixture of `steps` key presses walking Settings as `WALK` does.
fn walk_fixture(steps: u32) -> String {
    let keys = ["down", "down", "down", "enter", "down", "up", "esc", "up"];
    let steps: Vec<String> = (0..steps as usize)
        .map(|i| format!("{{\"key\": \"{}\"}}", keys[i % keys.len()]))
        .collect();
    format!(
        "{{\"version\": 1, \"name\": \"walk\", \"steps\": [\n{}\n]}}\n",
        steps.join(",\n")
    )
}

/// Runs every measurement and returns the report as text.
pub fn run(iterations: u32) -> std::io::Result<String> {
    let iterations = iterations.max(1);
    let mut measures = Vec::new();

    // Start-up as the interactive app does it: read the device file, build the phone, draw the
    // first frame (the terminal's own set-up is not ours to speed up).
    let folder = std::env::temp_dir().join(format!("mi-settings-bench-{}", std::process::id()));
    std::fs::create_dir_all(&folder)?;
    let path = folder.join("device.json");
    std::fs::write(&path, store::to_json(&DeviceFile::factory_default()))?;
    let startup_runs = (iterations / 20).max(1);
    let theme = Theme::miui();
    measures.push(Measure::time(
        "start-up to first frame",
        startup_runs,
        |_| {
            if let Ok(device) = store::load(&path) {
                let engine = Engine::new(device, start());
                let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
                black_box(ui::render(engine.view(), buffer.area, &mut buffer, &theme));
            }
        },
    ));

    let mut engine = new_engine();
    measures.push(Measure::time("step: update + view", iterations, |i| {
        let action = WALK[i as usize % WALK.len()].clone();
        black_box(engine.apply(action));
        black_box(engine.view());
    }));

    // What a replay step costs: the runner draws straight into a buffer and reads it as text.
    // The same walk on a phone that speaks Chinese: two-cell characters, Chinese line breaking.
    for (language, name) in [
        (
            Language::En,
            "rendered step: update + view + draw 60x24 + frame text",
        ),
        (
            Language::ZhCn,
            "rendered step in zh-CN: update + view + draw 60x24 + frame text",
        ),
    ] {
        let mut device = DeviceFile::factory_default();
        device.phone.language = language;
        let mut engine = Engine::new(device, start());
        let mut screen = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
        measures.push(Measure::time(name, iterations, |i| {
            let action = WALK[i as usize % WALK.len()].clone();
            black_box(engine.apply(action));
            black_box(ui::render(engine.view(), screen.area, &mut screen, &theme));
            black_box(ui::buffer_text(&screen));
        }));
    }

    // What an English fixture's text costs on a Chinese phone when it is not on screen as
    // written: its counterparts in the string table (a piece of a message, and a text that is
    // none of the phone's, which costs the most).
    let chinese = crate::strings::Tr::speaking(crate::sim::device::Skin::Miui, Language::ZhCn);
    let texts = [
        "After device is removed, it will be signed out of",
        "Lagos, Nigeria · not a text of the phone's at all",
    ];
    measures.push(Measure::time(
        "an English text looked up on a Chinese phone",
        iterations,
        |i| {
            black_box(crate::strings::counterparts(
                texts[i as usize % texts.len()],
                chinese,
            ));
        },
    ));

    // What the interactive phone does on a key: the same, through a ratatui Terminal (double
    // buffer and diff), minus the terminal's own I/O.
    let mut engine = new_engine();
    let mut terminal = test_terminal();
    measures.push(Measure::time(
        "interactive redraw: update + view + Terminal::draw 60x24",
        iterations,
        |i| {
            let action = WALK[i as usize % WALK.len()].clone();
            black_box(engine.apply(action));
            let view = engine.view();
            let _ = terminal.draw(|frame| {
                black_box(ui::draw(view, frame, &theme));
            });
        },
    ));

    // The yardsticks: ratatui itself drawing a bordered 20-row List at the same size, through a
    // Terminal as an app does, and straight into a buffer read back as text as a replay does.
    let items: Vec<String> = (1..=20).map(|i| format!("Row {i}")).collect();
    let list = || {
        List::new(items.iter().map(String::as_str)).block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .title("Settings"),
        )
    };
    let mut terminal = test_terminal();
    measures.push(Measure::time(
        "ratatui baseline: bordered 20-row List, Terminal::draw",
        iterations,
        |_| {
            let _ = terminal.draw(|frame| frame.render_widget(list(), frame.area()));
        },
    ));
    let mut screen = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    measures.push(Measure::time(
        "ratatui baseline: same List into a buffer + frame text",
        iterations,
        |_| {
            screen.reset();
            list().render(screen.area, &mut screen);
            black_box(ui::buffer_text(&screen));
        },
    ));

    // Signing in and out checks the password hash twice (sign in, then sign out with Find Device
    // on): the costliest walk the core has.
    let hash = DeviceFile::factory_default().cloud.accounts[0]
        .password_hash
        .clone();
    let verify_runs = (iterations / 50).max(7);
    measures.push(Measure::time(
        "password check (Argon2id, 1 MiB, 1 pass)",
        verify_runs,
        |_| {
            black_box(cloud::verify_password(&hash, "Xiaomi#2026"));
        },
    ));
    let mut engine = new_engine();
    let walk = sign_in_and_out();
    let walk_runs = (iterations / 500).max(7);
    measures.push(Measure::time(
        "sign in + sign out walk (16 steps, 2 hash checks), per step",
        walk_runs,
        |_| {
            for step in &walk {
                black_box(step.play(&mut engine));
                black_box(engine.view());
            }
        },
    ));
    if let Some(last) = measures.last_mut() {
        last.per_iteration /= walk.len() as u32;
    }

    // Account security and devices, drawn as a replay draws them.
    let mut engine = signed_in_engine(0);
    let walk = security_walk();
    let mut screen = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    measures.push(Measure::time(
        "security + devices walk (10 steps), rendered, per step",
        (iterations / 10).max(7),
        |_| {
            for action in &walk {
                black_box(engine.apply(action.clone()));
                black_box(ui::render(engine.view(), screen.area, &mut screen, &theme));
                black_box(ui::buffer_text(&screen));
            }
        },
    ));
    if let Some(last) = measures.last_mut() {
        last.per_iteration /= walk.len() as u32;
    }
    // A long-lived account: its login history page holds every sign-in.
    let mut engine = signed_in_engine(1_000);
    for action in &walk[..3] {
        engine.apply(action.clone());
    }
    measures.push(Measure::time(
        "login history page, 1,000 sign-ins on file, drawn",
        (iterations / 10).max(7),
        |_| {
            black_box(engine.apply(Action::Tick));
            black_box(ui::render(engine.view(), screen.area, &mut screen, &theme));
        },
    ));

    // Replay through the command line's own path: read and check the fixture, replay it, write
    // its transcript. Per step.
    let replay_steps = iterations.clamp(1_000, 200_000);
    let fixture_path = folder.join("walk.json");
    std::fs::write(&fixture_path, walk_fixture(replay_steps))?;
    let transcripts = folder.join("transcripts");
    let options = BatchOptions {
        ci: true,
        transcript_dir: Some(transcripts),
        jobs: Some(1),
        ..BatchOptions::default()
    };
    measures.push(Measure::time(
        "replay via the CLI path (parse + run + transcript), per step",
        7,
        |_| {
            let mut printed = Vec::new();
            black_box(
                batch::run(std::slice::from_ref(&fixture_path), &options, &mut printed).is_ok(),
            );
        },
    ));
    if let Some(last) = measures.last_mut() {
        last.per_iteration /= replay_steps;
    }

    // Saving after a change: atomic write with fsync, plus the .bak copy.
    let save_runs = (iterations / 100).clamp(1, 200);
    let save_path = folder.join("saved.json");
    let save = match Store::open(&save_path) {
        Ok((mut store, mut device, _)) => Some(Measure::time(
            "device file save (atomic, fsync, .bak)",
            save_runs,
            |i| {
                device.network.wifi = i % 2 == 0;
                black_box(store.save(&device).is_ok());
            },
        )),
        Err(_) => None,
    };
    measures.extend(save);
    measures.extend(agent_protocol(iterations)?);
    let large = large_account(&folder, LARGE_ITEMS, LARGE_DEVICES, LARGE_HISTORY);
    let _ = std::fs::remove_dir_all(&folder);
    let large = large?;

    let mut report = String::new();
    let _ = writeln!(
        report,
        "mi-settings bench ({iterations} iterations per line in 7 rounds, fastest round; one thread)"
    );
    for measure in &measures {
        let _ = writeln!(
            report,
            "  {:<56} {:>10.2} µs  {:>12.0} /s",
            measure.name,
            measure.per_iteration.as_secs_f64() * 1e6,
            measure.per_second()
        );
    }
    let find = |prefix: &str| measures.iter().find(|m| m.name.starts_with(prefix));
    if let (Some(replay), Some(baseline)) = (
        find("replay via the CLI path"),
        find("ratatui baseline: same List"),
    ) {
        let _ = writeln!(
            report,
            "  replay speed / ratatui List into a buffer + frame text          {:.2}x",
            baseline.per_iteration.as_secs_f64() / replay.per_iteration.as_secs_f64().max(1e-12)
        );
    }
    if let (Some(english), Some(chinese)) =
        (find("rendered step: "), find("rendered step in zh-CN"))
    {
        let _ = writeln!(
            report,
            "  rendered step in zh-CN / in English                              {:.2}x",
            chinese.per_iteration.as_secs_f64() / english.per_iteration.as_secs_f64().max(1e-12)
        );
    }
    if let Some(rendered) = find("rendered step: ") {
        for baseline in measures
            .iter()
            .filter(|m| m.name.starts_with("ratatui baseline"))
        {
            let _ = writeln!(
                report,
                "  rendered step / {:<50} {:.2}x",
                baseline.name.trim_start_matches("ratatui baseline: "),
                rendered.per_iteration.as_secs_f64()
                    / baseline.per_iteration.as_secs_f64().max(1e-12)
            );
        }
    }
    let _ = writeln!(
        report,
        "large account: {items} contacts and as many photos, {devices} devices, {history} \
         sign-ins (fastest of 3 runs, or of 7 rounds of 2 steps)",
        items = count_text(LARGE_ITEMS),
        devices = count_text(LARGE_DEVICES),
        history = count_text(LARGE_HISTORY),
    );
    for measure in &large.measures {
        let _ = writeln!(
            report,
            "  {:<56} {:>10.2} ms",
            measure.name,
            measure.per_iteration.as_secs_f64() * 1e3
        );
    }
    let _ = writeln!(
        report,
        "  {:<56} {:>10.1} MB",
        "device file size",
        large.file_bytes as f64 / 1e6
    );
    Ok(report)
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

    /// The large-account bench reaches every page it names (it says so when it does not) and
    /// measures each; here on a small large account, quickly.
    #[test]
    fn the_large_account_bench_reaches_its_pages() {
        let folder =
            std::env::temp_dir().join(format!("mi-settings-bench-test-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("folder");
        let large = large_account(&folder, 300, 300, 300);
        let _ = std::fs::remove_dir_all(&folder);
        let large = large.expect("every page reached");
        assert_eq!(large.measures.len(), 9);
        assert!(large.file_bytes > 0);
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
