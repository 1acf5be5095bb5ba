//! Lesson mode (`mi-settings learn`) driven as the terminal drives it: scripted keys and clicks
//! on a `TestBackend`, through the interactive phone's own loop, with the progress file in a
//! temporary folder.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};

use crate::common::events::{click, ctrl, key, typed};
use crate::common::screen::{OnScreen, drawn_at};
use crate::common::t0;
use crossterm::event::{Event, KeyCode};
use mi_settings::play::lesson::progress;
use mi_settings::play::tasks::{self, Task};
use mi_settings::shells::lesson::{self, Learn};
use mi_settings::shells::progress::{ProgressFile, load as load_progress};
use mi_settings::shells::terminal::ScriptedEvents;
use mi_settings::sim::device::Language;
use mi_settings::ui::lesson::Pointer;
use mi_settings::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// A function key.
fn f(n: u8) -> Event {
    key(KeyCode::F(n))
}

/// The task `id`: one written for these tests, from `tests/data/lesson-tasks/` —
/// `name_of_the_phone` (an answer task: the answer is on About phone), `turn_on_nfc` (one that
/// cannot be done), `sign_in_lesson` (signing in, with a form and a password) — or else the
/// catalogue's, read from its file under `assets/tasks/` (the catalogue grows while others
/// work).
fn task(id: &str) -> Task {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let file = format!("{id}.json");
    let written = root.join("tests/data/lesson-tasks").join(&file);
    let path = if written.exists() {
        written
    } else {
        root.join("assets/tasks").join(&file)
    };
    let json = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    tasks::parse(&json, id).unwrap_or_else(|e| panic!("{id}: {e}"))
}

/// Two lessons: Bluetooth, then NFC (which cannot be done).
fn bluetooth_then_nfc() -> Vec<Task> {
    vec![task("turn_on_bluetooth"), task("turn_on_nfc")]
}

/// A task with almost no steps to spare.
fn quick_bluetooth() -> Task {
    let mut quick = task("turn_on_bluetooth");
    quick.id = "quick_bluetooth".into();
    quick.title = "Turn on Bluetooth in two steps".into();
    quick.max_steps = 2;
    quick
}

struct Harness {
    terminal: Terminal<TestBackend>,
    learn: Learn,
    path: PathBuf,
    _dir: tempfile::TempDir,
}

impl OnScreen for Harness {
    fn terminal(&self) -> &Terminal<TestBackend> {
        &self.terminal
    }
}

impl Harness {
    /// The lesson of task `id`, alone in the list, started.
    fn alone(width: u16, height: u16, id: &str) -> Harness {
        Harness::new(width, height, vec![task(id)], Some(id))
    }

    /// The same, its first frame drawn.
    fn drawn(width: u16, height: u16, id: &str) -> Harness {
        let mut lesson = Harness::alone(width, height, id);
        lesson.run(vec![]);
        lesson
    }

    fn new(width: u16, height: u16, tasks: Vec<Task>, open: Option<&str>) -> Harness {
        Harness::speaking(Language::En, width, height, tasks, open)
    }

    /// The same, on a phone (and a lesson) speaking Chinese.
    fn chinese(width: u16, height: u16, tasks: Vec<Task>, open: Option<&str>) -> Harness {
        Harness::speaking(Language::ZhCn, width, height, tasks, open)
    }

    /// Lesson mode speaking `language`, its progress in a new temporary folder.
    fn speaking(
        language: Language,
        width: u16,
        height: u16,
        tasks: Vec<Task>,
        open: Option<&str>,
    ) -> Harness {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("phone.progress.json");
        Harness::in_folder(language, width, height, tasks, open, dir, path)
    }

    /// Lesson mode with the progress file `path` in `dir`.
    fn in_folder(
        language: Language,
        width: u16,
        height: u16,
        tasks: Vec<Task>,
        open: Option<&str>,
        dir: tempfile::TempDir,
        path: PathBuf,
    ) -> Harness {
        let file = ProgressFile::open(path.clone()).expect("progress");
        let mut learn = Learn::new(tasks, file, Some(3), 0, t0()).speaking(language);
        if let Some(id) = open {
            learn.open(id).expect("lesson starts");
        }
        Harness {
            terminal: Terminal::new(TestBackend::new(width, height)).expect("terminal"),
            learn,
            path,
            _dir: dir,
        }
    }

    fn run(&mut self, events: Vec<Event>) {
        self.run_with_clock(events, &mut t0);
    }

    /// `events` handed to lesson mode's loop, which reads the time from `clock`.
    fn run_with_clock(
        &mut self,
        events: Vec<Event>,
        clock: &mut impl FnMut() -> chrono::DateTime<chrono::Utc>,
    ) {
        lesson::run(
            &mut self.terminal,
            &mut ScriptedEvents(VecDeque::from(events)),
            clock,
            &mut self.learn,
            &Theme::miui(),
        )
        .expect("lesson loop");
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resize(width, height);
        self.run(vec![Event::Resize(width, height)]);
    }

    /// The screen drawn afresh. `TestBackend` keeps the cell after a wide (Chinese) character
    /// as it was, where a terminal overwrites it, so a frame drawn over another may show stale
    /// letters there; a full redraw shows what a terminal does.
    fn fresh_screen(&mut self) -> String {
        self.terminal.clear().expect("clear");
        self.run(vec![]);
        self.screen()
    }

    /// The terminal's first line: the goal's, or the hint's, at 40x12.
    fn first_line(&self) -> String {
        self.screen().lines().next().unwrap_or_default().to_string()
    }

    /// The line the hint's pointer is on.
    fn pointed_line(&self) -> String {
        self.screen()
            .lines()
            // On the phone the pointer sits against what it points at; a hint's words follow
            // it after a space.
            .find(|l| l.contains("▶") && !l.contains("▶ "))
            .unwrap_or_else(|| panic!("no pointer:\n{}", self.screen()))
            .to_string()
    }

    fn screen_name(&self) -> String {
        self.learn.lesson().expect("a lesson").view().screen.clone()
    }

    /// The hint's pointer is on the element `id`.
    fn assert_points_at(&self, id: &str) {
        assert_eq!(
            self.pointer(),
            Some(Pointer::Element(id.into())),
            "{}",
            self.screen()
        );
    }

    fn pointer(&self) -> Option<Pointer> {
        self.learn.lesson().and_then(|l| l.pointer().cloned())
    }

    fn hint(&self) -> String {
        self.learn
            .lesson()
            .and_then(|l| l.hint())
            .unwrap_or_default()
    }
}

#[test]
fn the_goal_is_beside_the_phone_when_wide() {
    let lesson = Harness::drawn(100, 24, "turn_on_bluetooth");
    let screen = lesson.screen();
    let (column, _) = drawn_at(&screen, "Turn on Bluetooth.");
    assert!(column >= 60, "beside the 60-column phone:\n{screen}");
    insta::assert_snapshot!("bluetooth_start_100x24", screen);
}

#[test]
fn the_goal_is_below_the_phone_at_60x24() {
    let lesson = Harness::drawn(60, 24, "turn_on_bluetooth");
    let screen = lesson.screen();
    let (_, row) = drawn_at(&screen, "Goal: Turn on Bluetooth.");
    assert!(row >= 19, "under the phone:\n{screen}");
    assert!(screen.contains("F1 hint"), "{screen}");
    insta::assert_snapshot!("bluetooth_start_60x24", screen);
}

#[test]
fn the_goal_is_one_line_at_40x12_and_the_help_shows_it_whole() {
    let mut lesson = Harness::drawn(40, 12, "sign_in_lesson");
    let screen = lesson.screen();
    let first = screen.lines().next().expect("a line");
    assert!(first.contains("Goal: Sign in"), "{screen}");
    assert!(first.contains("…"), "cut to one line: {screen}");
    // The phone keeps its 12 rows.
    assert!(
        screen.lines().nth(11).expect("last row").contains("⌂"),
        "{screen}"
    );
    insta::assert_snapshot!("sign_in_start_40x12", screen);

    lesson.run(vec![key(KeyCode::Char('?'))]);
    let help = lesson.screen();
    let read = ui::reading(&help, &Theme::miui());
    assert!(
        read.contains("Goal: Sign in to Mi Account with lei.wang@example.com"),
        "{help}"
    );
    insta::assert_snapshot!("sign_in_help_40x12", help);
    // Scrolled to its end, it has every key: the lesson's and the phone's.
    lesson.run(vec![key(KeyCode::PageDown); 12]);
    let end = lesson.read();
    assert!(end.contains("A click taps what is under it"), "{end}");
    // Any other key closes it.
    lesson.run(vec![key(KeyCode::Char('x'))]);
    assert!(lesson.first_line().contains("Goal"), "{}", lesson.screen());
}

#[test]
fn the_hint_points_at_bluetooth_then_its_switch_and_back_when_off_the_way() {
    let mut lesson = Harness::alone(60, 24, "turn_on_bluetooth");
    lesson.run(vec![f(1)]);
    lesson.assert_points_at("settings.bluetooth");
    assert!(
        lesson.pointed_line().contains("▶Bluetooth"),
        "{}",
        lesson.screen()
    );
    lesson.assert_shows("Hint: Tap “Bluetooth”");
    insta::assert_snapshot!("bluetooth_hint_60x24", lesson.screen());

    lesson.run(vec![lesson.click_on("Bluetooth"), f(1)]);
    assert_eq!(lesson.screen_name(), "bluetooth");
    lesson.assert_points_at("bluetooth.toggle");
    let line = lesson.pointed_line();
    assert!(
        line.contains("▶Bluetooth") && line.contains("[OFF]"),
        "{line}"
    );
    assert_eq!(lesson.hint(), "Flip the switch “Bluetooth”");

    // Off the way: Wi-Fi is nowhere on the reference's path.
    lesson.run(vec![key(KeyCode::Esc)]);
    lesson.run(vec![lesson.click_on("Wi-Fi"), f(1)]);
    assert_eq!(lesson.screen_name(), "wifi");
    assert_eq!(lesson.pointer(), Some(Pointer::Back));
    assert!(
        lesson.pointed_line().contains("▶‹ Wi-Fi"),
        "{}",
        lesson.screen()
    );
    assert!(lesson.hint().starts_with("Go back"), "{}", lesson.hint());
    // Back at Settings, the hint is Bluetooth again, wherever the focus went.
    lesson.run(vec![key(KeyCode::Esc), key(KeyCode::Down), f(1)]);
    lesson.assert_points_at("settings.bluetooth");
    let mistakes = lesson.learn.lesson().expect("lesson").mistakes();
    assert_eq!((mistakes.wrong_turns, mistakes.backs), (1, 2));
}

#[test]
fn doing_the_task_shows_the_result_saves_progress_and_ticks_it_in_the_list() {
    let mut lesson = Harness::new(60, 24, bluetooth_then_nfc(), Some("turn_on_bluetooth"));
    lesson.run(vec![f(1)]);
    lesson.run(vec![lesson.click_on("Bluetooth")]);
    // The switch by the keyboard: focus is on it, Enter flips it.
    lesson.run(vec![key(KeyCode::Enter)]);
    let screen = lesson.screen();
    assert!(screen.contains("Well done!"), "{screen}");
    assert!(
        screen.contains("Steps: 2 (the shortest way: 2)"),
        "{screen}"
    );
    assert!(screen.contains("Hints: 1"), "{screen}");
    assert!(screen.contains("Mistakes: none"), "{screen}");
    insta::assert_snapshot!("bluetooth_done_60x24", screen);

    // Saved at once, and read back.
    let saved = load_progress(&lesson.path).expect("saved progress");
    let record = &saved.tasks["turn_on_bluetooth"];
    assert_eq!(
        (
            record.done,
            record.best_steps,
            record.hints,
            record.attempts
        ),
        (true, Some(2), Some(1), 1)
    );
    assert_eq!(record.last_completed, Some(t0()));
    let text = std::fs::read_to_string(&lesson.path).expect("file");
    assert!(text.contains("\"version\": 1"), "{text}");

    // Esc: back to the list, ticked.
    lesson.run(vec![key(KeyCode::Esc)]);
    let list = lesson.screen();
    assert!(list.contains("✓ Turn on Bluetooth"), "{list}");
    assert!(list.contains("1 of 2 done"), "{list}");
    assert!(list.contains("best 2 steps"), "{list}");

    // A new session reads the file: the tick is still there.
    let path = lesson.path.clone();
    let dir = std::mem::replace(&mut lesson._dir, tempfile::tempdir().expect("tempdir"));
    let mut again = Harness::in_folder(Language::En, 60, 24, bluetooth_then_nfc(), None, dir, path);
    again.run(vec![]);
    again.assert_shows("✓ Turn on Bluetooth");
    insta::assert_snapshot!("list_60x24", again.screen());
}

#[test]
fn next_task_starts_the_next_one_in_the_list() {
    let mut lesson = Harness::new(60, 24, bluetooth_then_nfc(), Some("turn_on_bluetooth"));
    let (column, row) = {
        lesson.run(vec![]);
        lesson.locate("Bluetooth")
    };
    lesson.run(vec![
        click(column, row),
        key(KeyCode::Enter),
        key(KeyCode::Enter),
    ]);
    let next = lesson.learn.lesson().expect("the next lesson");
    assert_eq!(next.task.id, "turn_on_nfc");
    assert_eq!(next.steps(), 0);
}

#[test]
fn a_corrupt_progress_file_is_refused_by_name_and_left_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("phone.progress.json");
    let broken = b"{\"version\": 1, \"tasks\": {\"turn_on_bluetooth\": {\"done\": tru";
    std::fs::write(&path, broken).expect("write");
    let error = ProgressFile::open(path.clone()).expect_err("refused");
    assert!(error.starts_with(&path.display().to_string()), "{error}");
    assert!(error.contains("left as it is"), "{error}");
    assert_eq!(std::fs::read(&path).expect("read"), broken);

    // Broken while a lesson runs: the result says so, and the file is not written over.
    std::fs::write(&path, "{\"version\": 1}").expect("write");
    let mut lesson = Harness::in_folder(
        Language::En,
        60,
        24,
        vec![task("turn_on_bluetooth")],
        Some("turn_on_bluetooth"),
        dir,
        path.clone(),
    );
    std::fs::write(&path, broken).expect("write");
    lesson.run(vec![]);
    lesson.run(vec![lesson.click_on("Bluetooth"), key(KeyCode::Enter)]);
    lesson.assert_reads("Progress not saved:");
    lesson.assert_reads("phone.progress.json");
    assert_eq!(std::fs::read(&path).expect("read"), broken);
    // The list shows the news too.
    lesson.run(vec![key(KeyCode::Esc)]);
    lesson.assert_shows("Progress not saved");
}

#[test]
fn an_answer_is_typed_in_its_dialog_and_only_the_right_one_does_it() {
    let mut lesson = Harness::alone(60, 24, "name_of_the_phone");
    lesson.run(vec![f(1)]);
    lesson.assert_points_at("settings.about_phone");
    lesson.run(vec![lesson.click_on("About phone"), f(1)]);
    // The hint says where the answer is, never what it is.
    assert!(lesson.hint().contains("F4"), "{}", lesson.hint());
    assert!(!lesson.hint().contains("Redmi"), "{}", lesson.hint());
    lesson.assert_shows("F4 answer");

    lesson.run([vec![f(4)], typed("Redmi")].concat());
    insta::assert_snapshot!("answer_dialog_60x24", lesson.screen());
    lesson.run(vec![key(KeyCode::Enter)]);
    lesson.assert_shows("That is not the answer");
    let current = lesson.learn.lesson().expect("lesson");
    assert!(!current.ended());
    assert_eq!(current.mistakes().wrong_answers, 1);

    // Case and spaces do not matter; Backspace edits.
    lesson.run(
        [
            vec![f(4)],
            typed("redmi  note 13 proo"),
            vec![key(KeyCode::Backspace), key(KeyCode::Enter)],
        ]
        .concat(),
    );
    lesson.assert_reads("Well done!");
    lesson.assert_reads("Mistakes: 1 wrong answer");
}

#[test]
fn f4_on_a_task_that_asks_nothing_says_so() {
    let mut lesson = Harness::alone(60, 24, "turn_on_bluetooth");
    lesson.run(vec![f(4)]);
    lesson.assert_shows("This task asks for no answer");
    assert!(!lesson.screen().contains("F4 answer"));
}

#[test]
fn cant_be_done_is_said_with_a_reason_and_refused_for_a_task_that_can() {
    let mut lesson = Harness::new(
        60,
        24,
        vec![task("turn_on_nfc"), task("turn_on_bluetooth")],
        Some("turn_on_nfc"),
    );
    lesson.run([vec![f(5)], typed("no NFC here")].concat());
    insta::assert_snapshot!("cannot_dialog_60x24", lesson.screen());
    lesson.run(vec![key(KeyCode::Enter)]);
    lesson.assert_reads("Well done!");
    lesson.assert_reads("Why it can't be done: This phone's Settings have no NFC switch.");
    lesson.assert_reads("Your reason: no NFC here");

    // Said of a task that can be done: refused, and the lesson goes on.
    let mut lesson = Harness::alone(60, 24, "turn_on_bluetooth");
    lesson.run(vec![f(5), key(KeyCode::Enter)]);
    lesson.assert_shows("It can be done");
    let current = lesson.learn.lesson().expect("lesson");
    assert!(!current.ended());
    assert_eq!(current.mistakes().wrong_claims, 1);
    // Esc closes the dialog without saying anything.
    lesson.run(vec![f(5), key(KeyCode::Esc)]);
    assert_eq!(lesson.learn.lesson().expect("lesson").steps(), 1);
}

#[test]
fn out_of_steps_offers_to_try_again() {
    let mut lesson = Harness::new(60, 24, vec![quick_bluetooth()], Some("quick_bluetooth"));
    lesson.run(vec![]);
    lesson.run(vec![lesson.click_on("Wi-Fi"), key(KeyCode::Esc)]);
    let screen = lesson.screen();
    assert!(screen.contains("Out of steps"), "{screen}");
    assert!(screen.contains("Try again"), "{screen}");
    let saved = load_progress(&lesson.path).expect("saved");
    assert_eq!(
        (
            saved.tasks["quick_bluetooth"].done,
            saved.tasks["quick_bluetooth"].attempts
        ),
        (false, 1)
    );
    lesson.run(vec![key(KeyCode::Enter)]);
    let again = lesson.learn.lesson().expect("again");
    assert_eq!((again.steps(), again.ended()), (0, false));
    assert_eq!(again.task.id, "quick_bluetooth");
}

#[test]
fn a_sign_in_counts_typing_as_one_step_never_shows_the_password_and_counts_a_wrong_one() {
    let mut lesson = Harness::alone(60, 24, "sign_in_lesson");
    lesson.run(vec![f(1)]);
    lesson.assert_points_at("settings.account");
    // The account row is below the fold: the hint says to scroll.
    assert!(lesson.hint().contains("scroll down"), "{}", lesson.hint());
    lesson.run(vec![key(KeyCode::PageDown), key(KeyCode::PageDown)]);
    // In sight now: the hint no longer says to scroll.
    assert_eq!(lesson.hint(), "Tap “Sign in to Mi Account”");
    lesson.run(vec![lesson.click_on("Sign in to Mi Account")]);
    lesson.run(vec![lesson.click_on("Sign in"), f(1)]);
    assert_eq!(lesson.screen_name(), "sign_in");
    lesson.assert_points_at("signin.login");
    // The goal gives the address: the hint may say it.
    assert_eq!(
        lesson.hint(),
        "Type “lei.wang@example.com” in “Email/Phone number/Mi Account ID”"
    );
    lesson.run([typed("lei.wang@example.com"), vec![f(1)]].concat());
    assert_eq!(lesson.learn.lesson().expect("lesson").steps(), 3);
    lesson.assert_points_at("signin.password");
    assert_eq!(lesson.hint(), "Type the password in “Password”");
    assert!(!lesson.screen().contains("Xiaomi#2026\u{201d}"));

    // A wrong password, sent: a mistake.
    lesson.run([vec![key(KeyCode::Tab)], typed("wrong#2026")].concat());
    lesson.run(vec![lesson.click_on("I've read")]);
    let (column, row) = lesson.locate("[ Sign in ]");
    lesson.run(vec![click(column + 2, row)]);
    lesson.assert_shows("Invalid username or password");
    assert_eq!(
        lesson
            .learn
            .lesson()
            .expect("lesson")
            .mistakes()
            .wrong_passwords,
        1
    );
    // The right one (the cursor is back in the emptied field): done.
    lesson.run([typed("Xiaomi#2026"), vec![key(KeyCode::Enter)]].concat());
    lesson.assert_reads("Well done!");
    lesson.assert_reads("1 wrong password");
}

#[test]
fn the_list_groups_by_guide_and_difficulty_and_starts_a_lesson_by_key_or_click() {
    let mut lesson = Harness::new(
        60,
        24,
        vec![
            task("turn_on_nfc"),
            task("turn_on_bluetooth"),
            task("name_of_the_phone"),
        ],
        None,
    );
    lesson.run(vec![]);
    let screen = lesson.screen();
    let easy = screen
        .find("Guide 003 · easy · account and Mi Cloud")
        .expect("easy");
    let medium = screen
        .find("Guide 003 · medium · account and Mi Cloud")
        .expect("medium");
    let bluetooth_at = screen.find("Turn on Bluetooth").expect("bluetooth");
    let nfc_at = screen.find("Turn on NFC").expect("nfc");
    assert!(
        easy < bluetooth_at && bluetooth_at < medium && medium < nfc_at,
        "{screen}"
    );

    // Down twice is the NFC lesson (the easy ones first); Enter starts it.
    lesson.run(vec![
        key(KeyCode::Down),
        key(KeyCode::Down),
        key(KeyCode::Enter),
    ]);
    assert_eq!(
        lesson.learn.lesson().expect("lesson").task.id,
        "turn_on_nfc"
    );
    // q on Settings: back to the list, which a click starts a lesson from.
    lesson.run(vec![key(KeyCode::Char('q'))]);
    assert!(lesson.learn.lesson().is_none());
    lesson.run(vec![lesson.click_on("The phone's name")]);
    assert_eq!(
        lesson.learn.lesson().expect("lesson").task.id,
        "name_of_the_phone"
    );
    // Ctrl-C quits from anywhere; the loop reads nothing after it.
    lesson.run(vec![ctrl('c'), f(1)]);
    assert!(lesson.learn.lesson().is_none());
}

#[test]
fn an_attempt_left_after_a_step_counts_as_an_attempt() {
    let mut lesson = Harness::drawn(60, 24, "turn_on_bluetooth");
    lesson.run(vec![lesson.click_on("Wi-Fi")]);
    assert_eq!(lesson.learn.close(), None);
    let saved = load_progress(&lesson.path).expect("saved");
    assert_eq!(saved.tasks["turn_on_bluetooth"].attempts, 1);
    assert!(!saved.tasks["turn_on_bluetooth"].done);
    // Left again without a step: nothing more.
    lesson.learn.open("turn_on_bluetooth").expect("open");
    assert_eq!(lesson.learn.close(), None);
    let saved = load_progress(&lesson.path).expect("saved");
    assert_eq!(saved.tasks["turn_on_bluetooth"].attempts, 1);
}

#[test]
fn any_terminal_size_draws_without_panicking() {
    for open in [None, Some("sign_in_lesson")] {
        let mut lesson = Harness::new(60, 24, vec![task("sign_in_lesson")], open);
        lesson.run(vec![f(1), key(KeyCode::Char('?'))]);
        for (width, height) in [
            (1, 1),
            (10, 5),
            (39, 12),
            (40, 11),
            (40, 12),
            (59, 14),
            (60, 15),
            (89, 30),
            (90, 12),
            (200, 60),
            (60, 24),
        ] {
            lesson.resize(width, height);
            lesson.run(vec![key(KeyCode::Esc), f(1), click(width / 2, height / 2)]);
            let screen = lesson.screen();
            if open.is_some() && width >= 40 && height >= 12 {
                assert!(
                    screen.contains("Goal") || screen.contains("Hint"),
                    "{width}x{height}:\n{screen}"
                );
            }
        }
    }
}

#[test]
fn the_report_is_a_table_of_every_task() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("phone.progress.json");
    let mut file = ProgressFile::open(path.clone()).expect("open");
    file.record(
        "turn_on_bluetooth",
        &progress::Attempt {
            done: true,
            steps: 3,
            hints: 1,
            seconds: 20,
            at: t0(),
        },
    )
    .expect("saved");
    let report = progress::report(
        &[task("turn_on_bluetooth"), task("turn_on_nfc")],
        &file.progress,
        &path,
    );
    let lines: Vec<&str> = report.lines().collect();
    assert!(lines[0].starts_with("task"), "{report}");
    assert!(lines[0].contains("attempts"), "{report}");
    let words = |line: &str| {
        line.split_whitespace()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        words(lines[1]),
        ["turn_on_bluetooth", "003", "easy", "yes", "3", "1", "1"]
    );
    assert_eq!(
        words(lines[2]),
        ["turn_on_nfc", "003", "medium", "no", "-", "-", "0"]
    );
    assert!(lines[3].starts_with("1 of 2 tasks done"), "{report}");
}

fn mi_settings(device: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_mi-settings"))
        .arg("--device")
        .arg(device)
        .args(args)
        .env_remove("MI_SETTINGS_DEVICE")
        .output()
        .expect("run mi-settings")
}

#[test]
fn learn_report_prints_the_table_and_refuses_a_corrupt_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let device = dir.path().join("phone.json");
    let output = mi_settings(&device, &["learn", "--report"]);
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{printed}");
    assert!(printed.contains("turn_on_bluetooth"), "{printed}");
    assert!(printed.contains("phone.progress.json"), "{printed}");
    // Nothing is written by a report, and the device file is not made.
    assert!(!dir.path().join("phone.progress.json").exists());
    assert!(!device.exists());

    let progress = dir.path().join("phone.progress.json");
    std::fs::write(&progress, "[1, 2").expect("write");
    let output = mi_settings(&device, &["learn", "--report"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(said.contains(&progress.display().to_string()), "{said}");
    assert_eq!(std::fs::read_to_string(&progress).expect("read"), "[1, 2");

    // A task that is not there is named, before any terminal is needed.
    std::fs::remove_file(&progress).expect("remove");
    let output = mi_settings(&device, &["learn", "no_such_task"]);
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success());
    assert!(said.contains("no task \"no_such_task\""), "{said}");
}

#[test]
fn at_40x12_the_hint_takes_the_goals_line_and_the_pointer_is_on_the_phone() {
    let mut lesson = Harness::alone(40, 12, "turn_on_bluetooth");
    lesson.run(vec![f(1)]);
    let screen = lesson.screen();
    let first = screen.lines().next().expect("a line");
    assert!(first.contains("▶ Tap “Bluetooth”"), "{screen}");
    assert!(lesson.pointed_line().contains("▶Bluetooth"), "{screen}");
    insta::assert_snapshot!("bluetooth_hint_40x12", screen);
    // After the step the goal is back.
    lesson.run(vec![lesson.click_on("Bluetooth")]);
    assert!(
        lesson.first_line().contains("Goal: Turn on"),
        "{}",
        lesson.screen()
    );
}

#[test]
fn the_result_beside_a_wide_phone() {
    let mut lesson = Harness::drawn(100, 24, "turn_on_bluetooth");
    // The row's "Off" (the panel names Bluetooth too).
    lesson.run(vec![lesson.click_on("Off ›"), f(1)]);
    insta::assert_snapshot!("bluetooth_switch_hint_100x24", lesson.screen());
    lesson.run(vec![lesson.click_on("[OFF]")]);
    insta::assert_snapshot!("bluetooth_done_100x24", lesson.screen());
}
/// Every task of the catalogue, three variants each, is done within its steps by doing what the
/// hints say (reading codes off the phone as a person would, and typing the answer it knows).
#[test]
fn following_the_hints_does_every_task_of_the_catalogue() {
    use mi_settings::engine::Key;
    use mi_settings::play::fixture::ScrollDirection;
    use mi_settings::play::lesson::attempt::Lesson;
    use mi_settings::play::lesson::guide::{Advice, Move};
    use mi_settings::screens::Action;
    let catalogue = tasks::builtin().expect("catalogue");
    let mut failed = Vec::new();
    for task in &catalogue {
        for seed in 0..3 {
            let mut lesson =
                Lesson::start(task, seed, Language::En, t0(), false, |_| (60, 24)).expect("start");
            let answer = lesson_answer(task, seed);
            let mut trail = Vec::new();
            let mut gave_up = None;
            // A code seen on the phone is remembered, as a person would.
            let mut code = String::new();
            for _ in 0..task.max_steps * 3 {
                if lesson.ended() {
                    break;
                }
                let seen = code_on_screen(lesson.view());
                if !seen.is_empty() {
                    code = seen;
                }
                // The words of every hint on the way keep the answer to themselves.
                lesson.key(Key::F(1), t0());
                let hint = words(&lesson.hint().unwrap_or_default());
                let (secret, goal) = (words(&answer), words(lesson.goal()));
                assert!(
                    secret.trim().is_empty() || goal.contains(&secret) || !hint.contains(&secret),
                    "{}: the hint {hint:?} gives the answer away",
                    task.id
                );
                let advice = match lesson.advice() {
                    // Undoing is done as any other move.
                    Advice::Undo(_, made) => Advice::Do(made),
                    other => other,
                };
                trail.push(format!("{}:{advice:?}", lesson.view().screen));
                match advice {
                    Advice::Do(Move::Tap(id)) => {
                        lesson.action(Action::Tap(id), t0());
                    }
                    Advice::Do(Move::Type { field, text: None }) => {
                        // A code, as read on the phone.
                        if lesson.view().focused().map(|e| e.id.to_string()) != Some(field.clone())
                        {
                            lesson.action(Action::Tap(field), t0());
                        }
                        lesson.action(Action::Type(code.clone()), t0());
                    }
                    Advice::Do(Move::Type {
                        field,
                        text: Some(text),
                    }) => {
                        if lesson.view().focused().map(|e| e.id.to_string()) != Some(field.clone())
                        {
                            lesson.action(Action::Tap(field), t0());
                        }
                        lesson.action(Action::Type(text), t0());
                    }
                    Advice::Do(Move::Key(key)) => {
                        lesson.key(key, t0());
                    }
                    Advice::Do(Move::Back) => {
                        lesson.action(Action::Back, t0());
                    }
                    Advice::Do(Move::Scroll(ScrollDirection::Down)) => {
                        lesson.action(Action::PageDown, t0());
                    }
                    Advice::Do(Move::Scroll(ScrollDirection::Up)) => {
                        lesson.action(Action::PageUp, t0());
                    }
                    Advice::Do(Move::Wait) => {
                        lesson.pass_time(5, t0() + chrono::Duration::seconds(5))
                    }
                    Advice::Do(Move::Answer) => {
                        lesson.key(Key::F(4), t0());
                        for c in answer.chars() {
                            lesson.key(Key::Char(c), t0());
                        }
                        lesson.key(Key::Enter, t0());
                    }
                    Advice::Do(Move::CannotBeDone) => {
                        lesson.key(Key::F(5), t0());
                        lesson.key(Key::Enter, t0());
                    }
                    other => {
                        gave_up = Some(format!("{other:?}"));
                        break;
                    }
                }
            }
            if !lesson.done() {
                failed.push(format!(
                    "{} seed {seed}: {gave_up:?}\n   {}",
                    task.id,
                    trail.join("\n   ")
                ));
            }
        }
    }
    assert!(
        failed.is_empty(),
        "{} failed:\n{}",
        failed.len(),
        failed.join("\n")
    );
}

/// `text`'s words, lower case, each between spaces: "4" is not in "F4".
fn words(text: &str) -> String {
    let mut out = String::from(" ");
    for word in text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        out.push_str(word);
        out.push(' ');
    }
    out
}

/// The last run of six digits in the notification or on the page.
fn code_on_screen(view: &mi_settings::view::View) -> String {
    let mut texts: Vec<String> = view.notification.iter().cloned().collect();
    texts.extend(view.elements.iter().map(|e| e.label.to_string()));
    let mut found = String::new();
    for text in texts {
        for word in text.split(|c: char| !c.is_ascii_digit()) {
            if word.len() == 6 {
                found = word.to_string();
            }
        }
    }
    found
}

fn lesson_answer(task: &Task, seed: u64) -> String {
    tasks::episode(task, seed)
        .expect("episode")
        .expected_answer()
        .unwrap_or_default()
}

#[test]
fn the_time_taken_is_the_wall_clocks_and_the_phones_clock_follows_it() {
    let mut lesson = Harness::alone(60, 24, "turn_on_bluetooth");
    let mut seconds = 0;
    // Every look at the clock finds it 20 seconds later.
    let mut clock = || {
        seconds += 20;
        t0() + chrono::Duration::seconds(seconds)
    };
    lesson.run_with_clock(vec![key(KeyCode::Char('j'))], &mut clock);
    lesson.run_with_clock(
        vec![lesson.click_on("Bluetooth"), key(KeyCode::Enter)],
        &mut clock,
    );
    let screen = lesson.screen();
    // Started at 10:00:00; five looks at the clock later it is 10:01:40.
    assert!(screen.contains("Time: 1:40"), "{screen}");
    assert!(
        screen.contains("10:01"),
        "the phone's clock moved on too:\n{screen}"
    );
    let saved = load_progress(&lesson.path).expect("saved");
    assert_eq!(saved.tasks["turn_on_bluetooth"].best_seconds, Some(100));
}

/// The lesson's own English words: none may be left on a Chinese lesson's screen (key names and
/// the task's data aside).
const ENGLISH_FRAME_WORDS: &[&str] = &[
    "Goal",
    "Hint",
    "hint",
    "help",
    "answer",
    "lessons",
    "Steps",
    "Tap",
    "Press",
    "Flip",
    "Well done",
    "Next task",
    "Back to the list",
    "Try again",
    "Out of steps",
    "Your answer",
    "can't be done",
    "Mistakes",
    "Time:",
    "Lesson",
    "Close",
    "Type",
    "send",
    "cancel",
    "list",
    "choose",
    "start",
    "quit",
    "Guide",
    "easy",
    "medium",
    "done",
    "Reason",
    "Send",
    "Cancel",
];

fn assert_no_english_frame_words(screen: &str) {
    for word in ENGLISH_FRAME_WORDS {
        assert!(
            !screen.contains(word),
            "{word:?} left in English:\n{screen}"
        );
    }
}

/// Every row of the screen is as wide as the terminal: nothing spills over or is cut in half
/// (a Chinese character is two cells).
fn assert_rows_fit(lesson: &Harness, width: u16) {
    let buffer = lesson.terminal.backend().buffer();
    assert_eq!(buffer.area.width, width);
    for line in lesson.screen().lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= usize::from(width),
            "{line:?} is wider than {width}"
        );
    }
}

#[test]
fn a_chinese_lesson_speaks_chinese_at_60x24() {
    let mut lesson = Harness::chinese(60, 24, bluetooth_then_nfc(), Some("turn_on_bluetooth"));
    lesson.run(vec![f(1)]);
    let screen = lesson.fresh_screen();
    assert!(screen.contains("目标：开启蓝牙。"), "{screen}");
    assert!(screen.contains("提示：点按“蓝牙”"), "{screen}");
    assert!(screen.contains("F1 提示"), "{screen}");
    assert!(screen.contains("步数 0/10"), "{screen}");
    assert!(screen.contains("q 课程"), "{screen}");
    assert_no_english_frame_words(&screen);
    assert_rows_fit(&lesson, 60);
    insta::assert_snapshot!("bluetooth_hint_zh-CN_60x24", screen);

    // Down to Bluetooth, into it, and its switch on: the result.
    lesson.run(vec![key(KeyCode::Down); 3]);
    lesson.run(vec![key(KeyCode::Enter)]);
    assert_eq!(lesson.screen_name(), "bluetooth");
    lesson.run(vec![f(1)]);
    assert_eq!(lesson.hint(), "拨动开关“蓝牙”");
    lesson.run(vec![key(KeyCode::Enter)]);
    let done = lesson.fresh_screen();
    assert!(done.contains("做得好！"), "{done}");
    assert!(done.contains("步数：2（最少 2 步）"), "{done}");
    assert!(done.contains("失误：无"), "{done}");
    assert!(done.contains("Enter 下一个任务 · Esc 列表"), "{done}");
    assert_no_english_frame_words(&done);
    assert_rows_fit(&lesson, 60);
    insta::assert_snapshot!("bluetooth_done_zh-CN_60x24", done);

    // The list, ticked, in Chinese.
    lesson.run(vec![key(KeyCode::Esc)]);
    let list = lesson.fresh_screen();
    assert!(list.contains("已完成 1/2"), "{list}");
    assert!(list.contains("最少 2 步"), "{list}");
    assert_no_english_frame_words(&list);
    assert_rows_fit(&lesson, 60);
    insta::assert_snapshot!("list_zh-CN_60x24", list);

    // "Can't be done", with a reason.
    lesson.run(vec![key(KeyCode::Down), key(KeyCode::Enter), f(5)]);
    lesson.run(typed("no NFC"));
    let cannot = lesson.fresh_screen();
    assert!(cannot.contains("此任务无法完成"), "{cannot}");
    assert!(cannot.contains("原因"), "{cannot}");
    assert_rows_fit(&lesson, 60);
    insta::assert_snapshot!("cannot_dialog_zh-CN_60x24", cannot);
}

#[test]
fn a_chinese_lesson_speaks_chinese_at_40x12() {
    let mut lesson = Harness::chinese(
        40,
        12,
        vec![task("turn_on_bluetooth")],
        Some("turn_on_bluetooth"),
    );
    lesson.run(vec![]);
    let screen = lesson.fresh_screen();
    let first = screen.lines().next().expect("a line");
    assert!(first.contains("目标：开启蓝牙。"), "{screen}");
    assert!(first.contains("F1 提示"), "{screen}");
    assert_no_english_frame_words(&screen);
    assert_rows_fit(&lesson, 40);
    insta::assert_snapshot!("bluetooth_start_zh-CN_40x12", screen);

    lesson.run(vec![f(1)]);
    let hint = lesson.fresh_screen();
    assert!(
        hint.lines()
            .next()
            .expect("a line")
            .contains("▶ 点按“蓝牙”"),
        "{hint}"
    );
    assert_no_english_frame_words(&hint);
    assert_rows_fit(&lesson, 40);
    insta::assert_snapshot!("bluetooth_hint_zh-CN_40x12", hint);

    lesson.run(vec![key(KeyCode::Char('?'))]);
    let help = lesson.fresh_screen();
    assert!(help.contains("课程"), "{help}");
    assert_no_english_frame_words(&help);
    assert_rows_fit(&lesson, 40);
    insta::assert_snapshot!("bluetooth_help_zh-CN_40x12", help);
    lesson.run(vec![key(KeyCode::PageDown); 12]);
    let end = lesson.read();
    assert!(end.contains("单击面板中的按键即按下该键"), "{end}");
}

/// Each of lesson mode's words has a Chinese wording of its own: none is the English left as it
/// is. Only key names (F1, Esc, Enter, q, ?) are the same in both.
#[test]
fn no_lesson_word_is_the_same_in_both_languages() {
    use mi_settings::play::lesson::mistakes::Mistakes;
    use mi_settings::play::lesson::words as w;
    use mi_settings::play::tasks::Difficulty;
    use mi_settings::view::Role;

    let (en, zh) = (Language::En, Language::ZhCn);
    let mut pairs: Vec<(String, String, String)> = w::ALL
        .iter()
        .map(|(name, said)| {
            (
                name.to_string(),
                said.en.to_string(),
                said.zh_cn.to_string(),
            )
        })
        .collect();
    for key in w::KEYS {
        assert_eq!(key.keys, key.keys.trim(), "a key name");
        pairs.push((
            format!("{} does", key.keys),
            key.does.en.into(),
            key.does.zh_cn.into(),
        ));
        pairs.push((
            format!("{} help", key.keys),
            key.help.en.into(),
            key.help.zh_cn.into(),
        ));
    }
    let mistakes = Mistakes {
        wrong_passwords: 1,
        wrong_turns: 2,
        backs: 1,
        wrong_answers: 3,
        wrong_claims: 1,
    };
    let both = |f: &dyn Fn(Language) -> String| (f(en), f(zh));
    let formatted = [
        ("colon", both(&|l| w::colon(l).to_string())),
        ("labelled", both(&|l| w::labelled(l, "x", "y"))),
        ("steps_status", both(&|l| w::steps_status(l, 2, 10))),
        ("hints_status", both(&|l| w::hints_status(l, 1))),
        ("done_steps", both(&|l| w::done_steps(l, 2, 2))),
        ("done_hints", both(&|l| w::done_hints(l, 1))),
        ("done_time", both(&|l| w::done_time(l, 100))),
        ("done_mistakes", both(&|l| w::done_mistakes(l, &mistakes))),
        ("why_it_cannot", both(&|l| w::why_it_cannot(l, "x"))),
        ("your_reason", both(&|l| w::your_reason(l, "x"))),
        ("out_of_steps", both(&|l| w::out_of_steps(l, 10))),
        (
            "progress_not_saved",
            both(&|l| w::progress_not_saved(l, "x")),
        ),
        (
            "scroll_to down",
            both(&|l| w::scroll_to(l, "x".into(), true)),
        ),
        (
            "scroll_to up",
            both(&|l| w::scroll_to(l, "x".into(), false)),
        ),
        ("type_password", both(&|l| w::type_password(l, "x"))),
        ("type_text", both(&|l| w::type_text(l, "x", "y"))),
        ("fill_in", both(&|l| w::fill_in(l, "x"))),
        ("press", both(&|l| w::press(l, "F2"))),
        ("picker_summary", both(&|l| w::picker_summary(l, 1, 2))),
        ("group", both(&|l| w::group(l, "000", "x", "y"))),
        ("best", both(&|l| w::best(l, 2))),
        ("tried 1", both(&|l| w::tried(l, 1))),
        ("tried 2", both(&|l| w::tried(l, 2))),
    ];
    pairs.extend(
        formatted
            .into_iter()
            .map(|(name, (en, zh))| (name.to_string(), en, zh)),
    );
    for role in [
        Role::Switch,
        Role::Checkbox,
        Role::Button,
        Role::TextField,
        Role::Tab,
        Role::Row,
    ] {
        let (a, b) = both(&|l| w::tap(l, role, "x"));
        pairs.push((format!("tap {role:?}"), a, b));
    }
    for guide in ["000", "001", "002", "003"] {
        let (a, b) = both(&|l| w::guide_about(l, guide).to_string());
        pairs.push((format!("guide {guide}"), a, b));
    }
    for difficulty in [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard] {
        let (a, b) = both(&|l| w::difficulty(l, difficulty).to_string());
        pairs.push((format!("{difficulty:?}"), a, b));
    }
    assert!(pairs.len() > 90, "{} words", pairs.len());
    for (name, en, zh) in &pairs {
        assert_ne!(en, zh, "{name} is not in Chinese");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                || ["colon", "labelled"].contains(&name.as_str()),
            "{name}: {zh:?} has no Chinese"
        );
        // Chinese sentences take full-width punctuation (a clock's "1:40" is data).
        let words = zh.replace(&w::clock_text(100), "");
        for ascii in [':', ',', ';', '(', ')', '!'] {
            assert!(
                !words.contains(ascii),
                "{name}: {zh:?} has an ASCII {ascii:?}"
            );
        }
    }
}

/// A hint says what it undoes first, in the phone's language, and says to start over where a
/// change cannot be undone; the result of an instant "can't be done" does not compare it with
/// the reference's looking around.
#[test]
fn hints_undo_first_and_say_when_to_start_over() {
    use mi_settings::engine::Key;
    use mi_settings::play::lesson::attempt::Lesson;
    use mi_settings::play::lesson::guide::Advice;
    use mi_settings::screens::Action;
    let catalogue = tasks::builtin().expect("catalogue");
    let task = tasks::find(&catalogue, "turn_off_sync_for_an_app").expect("task");
    for (language, undo) in [(Language::En, "Undo first:"), (Language::ZhCn, "先撤销：")] {
        let mut lesson =
            Lesson::start(task, 0, language, t0(), false, |_| (60, 24)).expect("start");
        // Bluetooth has nothing to do with it; Airplane mode stops Mi Cloud.
        lesson.action(Action::Tap("settings.connection_sharing".into()), t0());
        lesson.action(Action::Tap("connection.airplane".into()), t0());
        assert!(
            matches!(lesson.advice(), Advice::Undo(..)),
            "{:?}",
            lesson.advice()
        );
        lesson.key(Key::F(1), t0());
        let hint = lesson.hint().unwrap_or_default();
        assert!(hint.starts_with(undo), "{hint}");
    }
    let task = tasks::find(&catalogue, "remove_a_device_on_the_website").expect("task");
    let mut lesson =
        Lesson::start(task, 3, Language::En, t0(), false, |_| (60, 24)).expect("start");
    for id in [
        "settings.account",
        "account.devices",
        "devices.2",
        "device.remove",
        "dialog.confirm",
    ] {
        lesson.action(Action::Tap(id.into()), t0());
    }
    assert!(
        matches!(lesson.advice(), Advice::StartOver(_)),
        "{:?}",
        lesson.advice()
    );
    lesson.key(Key::F(1), t0());
    let hint = lesson.hint().unwrap_or_default();
    assert!(
        hint.contains("can no longer be done") && hint.contains("start this one again"),
        "{hint}"
    );
    // "Can't be done" said at once, and right.
    let task = tasks::find(&catalogue, "find_the_ip_address_of_a_device").expect("task");
    let mut lesson =
        Lesson::start(task, 0, Language::En, t0(), false, |_| (60, 24)).expect("start");
    lesson.key(Key::F(5), t0());
    lesson.key(Key::Enter, t0());
    assert!(lesson.done());
    let result = lesson
        .view_to_draw()
        .overlay
        .expect("the result")
        .body
        .join("\n");
    // Saying so is the shortest way there: one step, not the reference's look elsewhere.
    assert!(
        result.contains("Steps: 1 (the shortest way: 1)"),
        "{result}"
    );
    assert!(!result.contains("looked"), "{result}");
}

/// The list of lessons at 40x12, the whole catalogue in it: two lessons alike at the start show
/// what tells them apart; End shows the last rows with no blank ones under them, and PageUp then
/// scrolls the list with the choice, which stays in sight.
#[test]
fn the_list_at_40_columns_tells_lessons_apart_and_scrolls_full() {
    let catalogue = tasks::builtin().expect("catalogue");
    let mut list = Harness::new(40, 12, catalogue, None);
    list.run(vec![]);
    let mut seen: Vec<String> = Vec::new();
    let mut screens = Vec::new();
    for _ in 0..60 {
        let screen = list.screen();
        seen.extend(screen.lines().map(str::to_string));
        screens.push(screen);
        list.run(vec![key(KeyCode::PageDown)]);
    }
    let removes: Vec<&String> = seen
        .iter()
        .filter(|line| line.contains("Remove a device") || line.contains("xiaomi.com"))
        .collect();
    let mut distinct: Vec<String> = removes
        .iter()
        .map(|line| line.replace('▌', " ").trim().to_string())
        .collect();
    distinct.sort();
    distinct.dedup();
    assert!(distinct.len() >= 3, "the removes read alike: {distinct:#?}");
    assert!(
        removes.iter().any(|line| line.contains("the phone")),
        "{removes:#?}"
    );
    list.run(vec![key(KeyCode::End)]);
    let end = list.screen();
    let inner: Vec<&str> = end.lines().skip(1).take(10).collect();
    assert!(
        inner.iter().all(|line| line
            .trim_matches(['│', ' '])
            .chars()
            .any(|c| c.is_alphanumeric())),
        "blank rows at the end:\n{end}"
    );
    assert!(end.contains('▌'), "the choice in sight:\n{end}");
    list.run(vec![key(KeyCode::PageUp)]);
    let up = list.screen();
    assert_ne!(up, end, "PageUp scrolls the list");
    assert!(up.contains('▌'), "the choice in sight:\n{up}");
    insta::assert_snapshot!("lesson_list_end_40x12", end);
}
