//! Every word lesson mode says, in one place: the lesson is the shell's, not the phone's, so its
//! words live here rather than in the phone's string table (whose texts change with the phone's
//! skin). And the lesson's keys, as data: one table gives the keys, the panel's buttons, the
//! help's lines and the README's.

use crate::engine::Key;

/// A key of lesson mode: what it is, the id of its button in the panel, how the panel and the
/// help name it, and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonKey {
    pub key: Key,
    pub id: &'static str,
    pub keys: &'static str,
    /// The panel's short words.
    pub does: &'static str,
    /// The help's longer words.
    pub help: &'static str,
}

pub const HINT: LessonKey = LessonKey {
    key: Key::F(1),
    id: "lesson.hint",
    keys: "F1",
    does: "hint",
    help: "a hint: what to touch next, marked on the screen",
};

pub const ANSWER: LessonKey = LessonKey {
    key: Key::F(4),
    id: "lesson.answer",
    keys: "F4",
    does: "answer",
    help: "type your answer to the question (Enter sends it)",
};

pub const CANNOT: LessonKey = LessonKey {
    key: Key::F(5),
    id: "lesson.cannot",
    keys: "F5",
    does: "can't be done",
    help: "say the task can't be done, and why if you like",
};

pub const HELP: LessonKey = LessonKey {
    key: Key::Char('?'),
    id: "lesson.help",
    keys: "?",
    does: "help",
    help: "the goal in full and every key (not while typing: then ? types)",
};

pub const LIST: LessonKey = LessonKey {
    key: Key::Char('q'),
    id: "lesson.list",
    keys: "q",
    does: "lessons",
    help: "on Settings (where q quits the phone): back to the list of lessons",
};

/// What q does on Settings in a lesson, on the phone's hint line.
pub const Q_LESSONS: &str = "lessons";

/// Quitting, which is no button.
pub const QUIT_HELP: &str = "Ctrl-C: quit (what you did so far counts as an attempt)";

/// The id of a click on the goal where only a line of it shows: the help, with all of it.
pub const GOAL_ID: &str = "lesson.goal";

// The panel.
pub const GOAL: &str = "Goal";
pub const HINT_LABEL: &str = "Hint";

pub fn steps_status(steps: u32, max: u32) -> String {
    format!("Steps {steps}/{max}")
}

pub fn hints_status(hints: u32) -> String {
    format!("Hints {hints}")
}

// Dialogs: their ids (and their buttons') and words.
pub const DIALOG_HELP: &str = "lesson.help_dialog";
pub const DIALOG_ANSWER: &str = "lesson.answer_dialog";
pub const DIALOG_CANNOT: &str = "lesson.cannot_dialog";
pub const DIALOG_DONE: &str = "lesson.done_dialog";
pub const DIALOG_OUT: &str = "lesson.out_dialog";

pub const FIELD: &str = "lesson.field";
pub const SEND: &str = "lesson.send";
pub const CANCEL: &str = "lesson.cancel";
pub const NEXT: &str = "lesson.next";
pub const TO_LIST: &str = "lesson.to_list";
pub const RETRY: &str = "lesson.retry";
pub const CLOSE: &str = "lesson.close";

pub const HELP_TITLE: &str = "Lesson";
pub const HELP_LESSON_KEYS: &str = "Lesson keys:";
pub const HELP_PHONE_KEYS: &str = "Phone keys here:";
pub const HELP_CLICK: &str =
    "A click taps what is under it; a click on a key in the panel presses it.";
pub const CLOSE_BUTTON: &str = "Close";

pub const ANSWER_TITLE: &str = "Your answer";
pub const ANSWER_FIELD: &str = "Answer";
pub const CANNOT_TITLE: &str = "This can't be done";
pub const CANNOT_BODY: &str = "Say that the task can't be done. Why? (You may leave it empty.)";
pub const CANNOT_FIELD: &str = "Reason";
// The hint line under a lesson dialog.
pub const KEY_ENTER: &str = "Enter";
pub const KEY_ESC: &str = "Esc";
pub const HINT_TYPE: &str = "Type";
pub const HINT_SEND: &str = "send";
pub const HINT_CANCEL: &str = "cancel";
pub const HINT_NEXT: &str = "next task";
pub const HINT_LIST: &str = "list";
pub const HINT_RETRY: &str = "try again";

pub const SEND_BUTTON: &str = "Send";
pub const CANCEL_BUTTON: &str = "Cancel";

pub const DONE_TITLE: &str = "Well done!";
pub const NEXT_BUTTON: &str = "Next task";
pub const LIST_BUTTON: &str = "Back to the list";
pub const OUT_TITLE: &str = "Out of steps";
pub const RETRY_BUTTON: &str = "Try again";

pub fn done_steps(steps: u32, shortest: u32) -> String {
    format!("Steps: {steps} (the shortest way: {shortest})")
}

pub fn done_hints(hints: u32) -> String {
    format!("Hints: {hints}")
}

pub fn done_time(seconds: i64) -> String {
    format!("Time: {}", clock_text(seconds))
}

/// `m:ss`, or `h:mm:ss` from an hour.
pub fn clock_text(seconds: i64) -> String {
    let seconds = seconds.max(0);
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// The mistakes, counted: `Mistakes: none`, or the kinds there were.
pub fn done_mistakes(mistakes: &super::attempt::Mistakes) -> String {
    let mut parts = Vec::new();
    let mut add = |count: u32, one: &str, many: &str| {
        if count > 0 {
            parts.push(format!("{count} {}", if count == 1 { one } else { many }));
        }
    };
    add(
        mistakes.wrong_passwords,
        "wrong password",
        "wrong passwords",
    );
    add(mistakes.wrong_turns, "wrong turn", "wrong turns");
    add(mistakes.backs, "back", "backs");
    add(mistakes.wrong_answers, "wrong answer", "wrong answers");
    add(
        mistakes.wrong_claims,
        "claim it can't be done",
        "claims it can't be done",
    );
    if parts.is_empty() {
        "Mistakes: none".to_string()
    } else {
        format!("Mistakes: {}", parts.join(", "))
    }
}

pub fn why_it_cannot(reason: &str) -> String {
    format!("Why it can't be done: {reason}")
}

pub fn your_reason(reason: &str) -> String {
    format!("Your reason: {reason}")
}

pub fn out_of_steps(max: u32) -> String {
    format!("You have taken all {max} steps this task allows, and it is not done yet.")
}

pub fn progress_not_saved(error: &str) -> String {
    format!("Progress not saved: {error}")
}

// What the lesson says after the learner answers or claims.
pub const WRONG_ANSWER: &str = "That is not the answer. Look again, then F4.";
pub const CAN_BE_DONE: &str = "It can be done: keep going (F1 for a hint).";
pub const NOT_YET: &str = "Not yet: the phone is not as the task needs it.";
pub const NO_QUESTION: &str = "This task asks for no answer: do it on the phone.";

// Hints.
pub fn tap(role: crate::view::Role, label: &str) -> String {
    use crate::view::Role;
    match role {
        Role::Switch => format!("Flip the switch “{label}”"),
        Role::Checkbox => format!("Tick “{label}”"),
        Role::Button => format!("Press “{label}”"),
        Role::TextField | Role::PasswordField => format!("Tap the field “{label}”"),
        Role::Tab => format!("Open the tab “{label}”"),
        _ => format!("Tap “{label}”"),
    }
}

pub fn scroll_to(hint: String, down: bool) -> String {
    if down {
        format!("{hint} (scroll down to it)")
    } else {
        format!("{hint} (scroll up to it)")
    }
}

pub fn type_password(label: &str) -> String {
    format!("Type the password in “{label}”")
}

pub fn type_text(text: &str, label: &str) -> String {
    format!("Type “{text}” in “{label}”")
}

pub fn fill_in(label: &str) -> String {
    format!("Fill in “{label}”")
}

pub fn press(key: &str) -> String {
    format!("Press {key}")
}

pub const GO_BACK: &str = "Go back: tap ‹ (or press Esc)";
pub const CLOSE_DIALOG: &str = "Close this: press Esc";
pub const SCROLL_DOWN: &str = "Scroll down";
pub const SCROLL_UP: &str = "Scroll up";
pub const WAIT: &str = "Wait a moment";
pub const ANSWER_HERE: &str = "The answer is on this screen: press F4 and type it";
pub const CANNOT_HINT: &str = "This can't be done: press F5 and say why";
pub const TO_PHONE: &str = "Back to the phone: press F2";
pub const OPEN_SETTINGS: &str = "Open Settings";
pub const LOST: &str = "Nothing here leads to the goal: go back to Settings";

// The list of lessons.
pub const PICKER_TITLE: &str = "Lessons";
pub const PICKER_KEYS: &str = "↑↓ choose · Enter start · q quit";
pub const TOO_SMALL: &str = "Terminal too small for the list of lessons";

pub fn picker_summary(done: usize, all: usize) -> String {
    format!("{done} of {all} done")
}

pub fn group(guide: &str, about: &str, difficulty: &str) -> String {
    format!("Guide {guide} · {difficulty} · {about}")
}

/// What each seed guide is about, in a few words.
pub fn guide_about(guide: &str) -> &'static str {
    match guide {
        "000" => "devices on the account",
        "001" => "signing out",
        "002" => "accounts & sync",
        _ => "account and Mi Cloud",
    }
}

pub fn best(steps: u32) -> String {
    format!("best {steps} steps")
}

pub fn tried(attempts: u32) -> String {
    if attempts == 1 {
        "1 try".to_string()
    } else {
        format!("{attempts} tries")
    }
}
