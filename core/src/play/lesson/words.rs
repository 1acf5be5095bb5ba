//! Every word lesson mode says, in one place and in each language it speaks: the lesson is the
//! shell's, not the phone's, so its words live here rather than in the phone's string table
//! (whose texts change with the phone's skin). Each text has its English and its Chinese side by
//! side ([`Said`]); one without both does not compile. Key names (F1, Esc, Enter, q, ?) are the
//! same in both. And the lesson's keys, as data: one table gives the keys, the panel's buttons,
//! the help's lines and the README's.

use super::mistakes::Mistakes;
use crate::engine::Key;
use crate::play::tasks::format::Difficulty;
use crate::sim::device::Language;
use crate::view::Role;
use serde_json::Value;

/// A text lesson mode shows, in English and in Simplified Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Said {
    pub en: &'static str,
    pub zh_cn: &'static str,
}

impl Said {
    /// The text in `language`.
    pub const fn get(self, language: Language) -> &'static str {
        match language {
            Language::En => self.en,
            Language::ZhCn => self.zh_cn,
        }
    }
}

/// The fixed texts, each as `NAME = "English", "中文";`, and [`ALL`] of them by name.
macro_rules! said {
    ($($(#[$doc:meta])* $name:ident = $en:literal, $zh_cn:literal;)*) => {
        $($(#[$doc])* pub const $name: Said = Said { en: $en, zh_cn: $zh_cn };)*
        /// Every fixed text of lesson mode, by name.
        pub const ALL: &[(&str, Said)] = &[$((stringify!($name), $name)),*];
    };
}

said! {
    // The lesson's keys: the panel's short words, and the help's longer ones.
    HINT_DOES = "hint", "提示";
    HINT_HELP = "a hint: what to touch next, marked on the screen", "提示下一步点哪里，并在屏幕上标出";
    ANSWER_DOES = "answer", "回答";
    ANSWER_HELP = "type your answer to the question (Enter sends it)", "输入问题的答案（Enter 发送）";
    CANNOT_DOES = "can't be done", "无法完成";
    CANNOT_HELP = "say the task can't be done, and why if you like", "说明任务无法完成，可附上原因";
    HELP_DOES = "help", "帮助";
    HELP_HELP = "the goal in full and every key (not while typing: then ? types)",
        "完整目标和所有按键（输入文字时 ? 就是输入 ?）";
    LIST_DOES = "lessons", "课程";
    LIST_HELP = "on Settings (where q quits the phone): back to the list of lessons",
        "在设置首页（手机在此按 q 会退出）：返回课程列表";
    /// What q does on Settings in a lesson, on the phone's hint line.
    Q_LESSONS = "lessons", "课程";
    /// Quitting, which is no button.
    QUIT_HELP = "Ctrl-C: quit (what you did so far counts as an attempt)",
        "Ctrl-C：退出（已做的部分算作一次尝试）";

    // The panel.
    GOAL = "Goal", "目标";
    HINT_LABEL = "Hint", "提示";

    // The help.
    HELP_TITLE = "Lesson", "课程";
    HELP_LESSON_KEYS = "Lesson keys:", "课程按键：";
    HELP_PHONE_KEYS = "Phone keys here:", "此处的手机按键：";
    HELP_CLICK = "A click taps what is under it; a click on a key in the panel presses it.",
        "单击即点按其下方的内容；单击面板中的按键即按下该键。";
    CLOSE_BUTTON = "Close", "关闭";

    // The answer and "can't be done" dialogs.
    ANSWER_TITLE = "Your answer", "你的回答";
    ANSWER_FIELD = "Answer", "答案";
    CANNOT_TITLE = "This can't be done", "此任务无法完成";
    CANNOT_BODY = "Say that the task can't be done. Why? (You may leave it empty.)",
        "说明此任务无法完成。原因是？（可以不填。）";
    CANNOT_FIELD = "Reason", "原因";
    SEND_BUTTON = "Send", "发送";
    CANCEL_BUTTON = "Cancel", "取消";

    // The hint line under a lesson dialog (after a key name, or alone).
    HINT_TYPE = "Type", "输入";
    HINT_SEND = "send", "发送";
    HINT_CANCEL = "cancel", "取消";
    HINT_NEXT = "next task", "下一个任务";
    HINT_LIST = "list", "列表";
    HINT_RETRY = "try again", "重试";

    // The result.
    DONE_TITLE = "Well done!", "做得好！";
    NEXT_BUTTON = "Next task", "下一个任务";
    LIST_BUTTON = "Back to the list", "返回列表";
    OUT_TITLE = "Out of steps", "步数已用完";
    RETRY_BUTTON = "Try again", "再试一次";
    NO_MISTAKES = "Mistakes: none", "失误：无";

    // What the lesson says after the learner answers or claims.
    WRONG_ANSWER = "That is not the answer. Look again, then F4.", "答案不对。再找找，然后按 F4。";
    CAN_BE_DONE = "It can be done: keep going (F1 for a hint).", "此任务可以完成：继续吧（F1 看提示）。";
    NOT_YET = "Not yet: the phone is not as the task needs it.", "还没完成：手机还不是任务要求的样子。";
    NO_QUESTION = "This task asks for no answer: do it on the phone.", "此任务无需回答：请在手机上完成。";

    // Hints.
    GO_BACK = "Go back: tap ‹ (or press Esc)", "返回：点按 ‹（或按 Esc）";
    CLOSE_DIALOG = "Close this: press Esc", "关闭此对话框：按 Esc";
    SCROLL_DOWN = "Scroll down", "向下滚动";
    SCROLL_UP = "Scroll up", "向上滚动";
    WAIT = "Wait a moment", "请稍候";
    ANSWER_HERE = "The answer is on this screen: press F4 and type it", "答案就在此屏幕上：按 F4 输入";
    CANNOT_HINT = "This can't be done: press F5 and say why", "此任务无法完成：按 F5 说明原因";
    LOST = "Nothing here leads to the goal: go back to Settings", "这里无法通往目标：请回到设置";
    START_OVER_TAIL = "Go back to the lessons (q on Settings) and start this one again.",
        "请返回课程列表（在设置首页按 q），重新开始本课。";

    // The list of lessons.
    PICKER_TITLE = "Lessons", "课程";
    PICKER_KEYS = "↑↓ choose · Enter start · q quit", "↑↓ 选择 · Enter 开始 · q 退出";
    TOO_SMALL = "Terminal too small for the list of lessons", "终端窗口太小，无法显示课程列表";
}

/// A key of lesson mode: what it is, the id of its button in the panel, how the panel and the
/// help name it, and what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonKey {
    pub key: Key,
    pub id: &'static str,
    pub keys: &'static str,
    /// The panel's short words.
    pub does: Said,
    /// The help's longer words.
    pub help: Said,
}

pub const HINT: LessonKey = LessonKey {
    key: Key::F(1),
    id: "lesson.hint",
    keys: "F1",
    does: HINT_DOES,
    help: HINT_HELP,
};

pub const ANSWER: LessonKey = LessonKey {
    key: Key::F(4),
    id: "lesson.answer",
    keys: "F4",
    does: ANSWER_DOES,
    help: ANSWER_HELP,
};

pub const CANNOT: LessonKey = LessonKey {
    key: Key::F(5),
    id: "lesson.cannot",
    keys: "F5",
    does: CANNOT_DOES,
    help: CANNOT_HELP,
};

pub const HELP: LessonKey = LessonKey {
    key: Key::Char('?'),
    id: "lesson.help",
    keys: "?",
    does: HELP_DOES,
    help: HELP_HELP,
};

pub const LIST: LessonKey = LessonKey {
    key: Key::Char('q'),
    id: "lesson.list",
    keys: "q",
    does: LIST_DOES,
    help: LIST_HELP,
};

/// Every lesson key.
pub const KEYS: [LessonKey; 5] = [HINT, ANSWER, CANNOT, HELP, LIST];

/// The id of a click on the goal where only a line of it shows: the help, with all of it.
pub const GOAL_ID: &str = "lesson.goal";

// Dialogs: their ids (and their buttons').
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

// Key names on the hint line under a lesson dialog: the same in every language.
pub const KEY_ENTER: &str = "Enter";
pub const KEY_ESC: &str = "Esc";

/// `label: text`, with the colon `language` writes.
pub fn labelled(language: Language, label: &str, text: &str) -> String {
    format!("{label}{}{text}", colon(language))
}

/// What goes between a label and its text: ": ", or a full-width "：".
pub fn colon(language: Language) -> &'static str {
    match language {
        Language::En => ": ",
        Language::ZhCn => "：",
    }
}

// The panel.
pub fn steps_status(language: Language, steps: u32, max: u32) -> String {
    match language {
        Language::En => format!("Steps {steps}/{max}"),
        Language::ZhCn => format!("步数 {steps}/{max}"),
    }
}

pub fn hints_status(language: Language, hints: u32) -> String {
    match language {
        Language::En => format!("Hints {hints}"),
        Language::ZhCn => format!("提示 {hints} 次"),
    }
}

// The result.
pub fn done_steps(language: Language, steps: u32, shortest: u32) -> String {
    match language {
        Language::En => format!("Steps: {steps} (the shortest way: {shortest})"),
        Language::ZhCn => format!("步数：{steps}（最少 {shortest} 步）"),
    }
}

/// Steps of a task that asks a question or cannot be done: the reference's count is how far it
/// looked, not a way to compare with.
pub fn looked_steps(language: Language, steps: u32, looked: u32) -> String {
    match language {
        Language::En => format!("Steps: {steps} (the reference looked in {looked})"),
        Language::ZhCn => format!("步数：{steps}（参考做法查看了 {looked} 步）"),
    }
}

pub fn done_hints(language: Language, hints: u32) -> String {
    match language {
        Language::En => format!("Hints: {hints}"),
        Language::ZhCn => format!("提示：{hints} 次"),
    }
}

pub fn done_time(language: Language, seconds: i64) -> String {
    match language {
        Language::En => format!("Time: {}", clock_text(seconds)),
        Language::ZhCn => format!("用时：{}", clock_text(seconds)),
    }
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
pub fn done_mistakes(language: Language, mistakes: &Mistakes) -> String {
    // Each kind: its count, and how English says one and many, and Chinese.
    let kinds = [
        (
            mistakes.wrong_passwords,
            "wrong password",
            "wrong passwords",
            "密码错误",
        ),
        (mistakes.wrong_turns, "wrong turn", "wrong turns", "走错"),
        (mistakes.backs, "back", "backs", "返回"),
        (
            mistakes.wrong_answers,
            "wrong answer",
            "wrong answers",
            "答错",
        ),
        (
            mistakes.wrong_claims,
            "claim it can't be done",
            "claims it can't be done",
            "误判无法完成",
        ),
    ];
    let parts: Vec<String> = kinds
        .into_iter()
        .filter(|(count, ..)| *count > 0)
        .map(|(count, one, many, zh_cn)| match language {
            Language::En => format!("{count} {}", if count == 1 { one } else { many }),
            Language::ZhCn => format!("{zh_cn} {count} 次"),
        })
        .collect();
    if parts.is_empty() {
        return NO_MISTAKES.get(language).to_string();
    }
    match language {
        Language::En => format!("Mistakes: {}", parts.join(", ")),
        Language::ZhCn => format!("失误：{}", parts.join("、")),
    }
}

pub fn why_it_cannot(language: Language, reason: &str) -> String {
    match language {
        Language::En => format!("Why it can't be done: {reason}"),
        Language::ZhCn => format!("无法完成的原因：{reason}"),
    }
}

pub fn your_reason(language: Language, reason: &str) -> String {
    match language {
        Language::En => format!("Your reason: {reason}"),
        Language::ZhCn => format!("你的原因：{reason}"),
    }
}

pub fn out_of_steps(language: Language, max: u32) -> String {
    match language {
        Language::En => {
            format!("You have taken all {max} steps this task allows, and it is not done yet.")
        }
        Language::ZhCn => format!("本任务允许的 {max} 步已全部用完，任务还没有完成。"),
    }
}

pub fn progress_not_saved(language: Language, error: &str) -> String {
    match language {
        Language::En => format!("Progress not saved: {error}"),
        Language::ZhCn => format!("进度未保存：{error}"),
    }
}

// Hints.
pub fn tap(language: Language, role: Role, label: &str) -> String {
    match (language, role) {
        (Language::En, Role::Switch) => format!("Flip the switch “{label}”"),
        (Language::En, Role::Checkbox) => format!("Tick “{label}”"),
        (Language::En, Role::Button) => format!("Press “{label}”"),
        (Language::En, Role::TextField | Role::PasswordField) => {
            format!("Tap the field “{label}”")
        }
        (Language::En, Role::Tab) => format!("Open the tab “{label}”"),
        (Language::En, _) => format!("Tap “{label}”"),
        (Language::ZhCn, Role::Switch) => format!("拨动开关“{label}”"),
        (Language::ZhCn, Role::Checkbox) => format!("勾选“{label}”"),
        (Language::ZhCn, Role::Button) => format!("点按按钮“{label}”"),
        (Language::ZhCn, Role::TextField | Role::PasswordField) => {
            format!("点按输入框“{label}”")
        }
        (Language::ZhCn, Role::Tab) => format!("打开标签“{label}”"),
        (Language::ZhCn, _) => format!("点按“{label}”"),
    }
}

pub fn scroll_to(language: Language, hint: String, down: bool) -> String {
    match (language, down) {
        (Language::En, true) => format!("{hint} (scroll down to it)"),
        (Language::En, false) => format!("{hint} (scroll up to it)"),
        (Language::ZhCn, true) => format!("{hint}（向下滚动可见）"),
        (Language::ZhCn, false) => format!("{hint}（向上滚动可见）"),
    }
}

pub fn type_password(language: Language, label: &str) -> String {
    match language {
        Language::En => format!("Type the password in “{label}”"),
        Language::ZhCn => format!("在“{label}”中输入密码"),
    }
}

pub fn type_text(language: Language, text: &str, label: &str) -> String {
    match language {
        Language::En => format!("Type “{text}” in “{label}”"),
        Language::ZhCn => format!("在“{label}”中输入“{text}”"),
    }
}

pub fn fill_in(language: Language, label: &str) -> String {
    match language {
        Language::En => format!("Fill in “{label}”"),
        Language::ZhCn => format!("填写“{label}”"),
    }
}

pub fn press(language: Language, key: &str) -> String {
    match language {
        Language::En => format!("Press {key}"),
        Language::ZhCn => format!("按 {key}"),
    }
}

// The list of lessons.
pub fn picker_summary(language: Language, done: usize, all: usize) -> String {
    match language {
        Language::En => format!("{done} of {all} done"),
        Language::ZhCn => format!("已完成 {done}/{all}"),
    }
}

pub fn group(language: Language, guide: &str, about: &str, difficulty: &str) -> String {
    match language {
        Language::En => format!("Guide {guide} · {difficulty} · {about}"),
        Language::ZhCn => format!("指南 {guide} · {difficulty} · {about}"),
    }
}

/// What each seed guide is about, in a few words.
pub fn guide_about(language: Language, guide: &str) -> &'static str {
    let about = match guide {
        "000" => Said {
            en: "devices on the account",
            zh_cn: "账号上的设备",
        },
        "001" => Said {
            en: "signing out",
            zh_cn: "退出登录",
        },
        "002" => Said {
            en: "accounts & sync",
            zh_cn: "账号与同步",
        },
        _ => Said {
            en: "account and Mi Cloud",
            zh_cn: "小米账号与小米云服务",
        },
    };
    about.get(language)
}

/// How hard a task is, as the list says it.
pub fn difficulty(language: Language, difficulty: Difficulty) -> &'static str {
    let said = match difficulty {
        Difficulty::Easy => Said {
            en: "easy",
            zh_cn: "简单",
        },
        Difficulty::Medium => Said {
            en: "medium",
            zh_cn: "中等",
        },
        Difficulty::Hard => Said {
            en: "hard",
            zh_cn: "困难",
        },
    };
    said.get(language)
}

pub fn best(language: Language, steps: u32) -> String {
    match language {
        Language::En if steps == 1 => "best 1 step".to_string(),
        Language::En => format!("best {steps} steps"),
        Language::ZhCn => format!("最少 {steps} 步"),
    }
}

pub fn tried(language: Language, attempts: u32) -> String {
    match language {
        Language::En if attempts == 1 => "1 try".to_string(),
        Language::En => format!("{attempts} tries"),
        Language::ZhCn => format!("试过 {attempts} 次"),
    }
}

/// A hint that first undoes a change the task does not want: what was changed, then the move.
/// `change` is as the trace writes it (`{"change": "bluetooth", "to": true}`).
pub fn undo_first(
    language: Language,
    tr: crate::strings::Tr,
    change: &Value,
    then: &str,
) -> String {
    let what = changed(language, tr, change);
    match language {
        Language::En => format!("Undo first: {what}. {then}"),
        Language::ZhCn => format!("先撤销：{what}。{then}"),
    }
}

/// A hint that says the task can no longer be done, and why.
pub fn start_over(language: Language, question: bool, changes: &[Value]) -> String {
    let tail = START_OVER_TAIL.get(language);
    let kinds: Vec<&str> = changes
        .iter()
        .filter_map(|c| c.get("change").and_then(Value::as_str))
        .collect();
    let why = if kinds
        .iter()
        .any(|k| matches!(*k, "device_removed" | "device_added"))
    {
        match language {
            Language::En => "a device was removed from the account, which can't be undone here",
            Language::ZhCn => "账号中的设备已被移除，这里无法撤销",
        }
    } else if kinds.iter().any(|k| {
        matches!(
            *k,
            "phone_data" | "factory_reset" | "remote_erase" | "cloud_data"
        )
    }) {
        match language {
            Language::En => "data was erased, which can't be undone here",
            Language::ZhCn => "数据已被清除，这里无法撤销",
        }
    } else if question {
        match language {
            Language::En => {
                "the account was changed while you answered a question about it as it was"
            }
            Language::ZhCn => "回答问题期间账号被更改了，而问题问的是更改之前的样子",
        }
    } else {
        match language {
            Language::En => "something the task forbids was done, and it stays done",
            Language::ZhCn => "做了任务不允许的操作，且无法撤销",
        }
    };
    match language {
        Language::En => format!("This can no longer be done: {why}. {tail}"),
        Language::ZhCn => format!("此任务已无法完成：{why}。{tail}"),
    }
}

/// A change in a few words: "Bluetooth was turned on".
fn changed(language: Language, tr: crate::strings::Tr, change: &Value) -> String {
    use crate::strings::S;
    let kind = change
        .get("change")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let to = change.get("to").and_then(Value::as_bool);
    let app = change
        .get("app")
        .and_then(|a| serde_json::from_value::<crate::sim::device::App>(a.clone()).ok());
    let name = match kind {
        "bluetooth" => tr.get(S::Bluetooth).to_string(),
        "wifi" => tr.get(S::WiFi).to_string(),
        "mobile_data" => tr.get(S::MobileData).to_string(),
        "airplane_mode" => tr.get(S::AirplaneMode).to_string(),
        "auto_time" | "clock_set" => tr.get(S::SetTimeAutomatically).to_string(),
        "sync_item" => app.map(|a| tr.app(a).to_string()).unwrap_or_default(),
        "auto_sync" => tr.get(S::SyncAutomatically).to_string(),
        "wifi_only" => tr.get(S::SyncOverWiFiOnly).to_string(),
        "find_device" => tr.get(S::FindDevice).to_string(),
        "two_step" => tr.get(S::TwoStepVerification).to_string(),
        "login_notifications" => tr.get(S::LoginNotifications).to_string(),
        _ => String::new(),
    };
    let switched = |on: bool| match (language, on) {
        (Language::En, true) => format!("{name} was turned on"),
        (Language::En, false) => format!("{name} was turned off"),
        (Language::ZhCn, true) => format!("“{name}”被打开了"),
        (Language::ZhCn, false) => format!("“{name}”被关闭了"),
    };
    match (kind, to) {
        (_, Some(on)) if !name.is_empty() => switched(on),
        ("clock_set", _) => switched(false),
        _ => {
            let (en, zh) = match kind {
                "signed_out" => ("you signed out of the account", "你退出了账号"),
                "signed_in" => ("you signed in to an account", "你登录了一个账号"),
                "password_changed" => ("the password was changed", "密码被更改了"),
                "phone_renamed" => ("the phone's name was changed", "手机名称被更改了"),
                "lost_mode" => ("the phone is in Lost mode", "手机处于丢失模式"),
                "ringing" => ("the phone is ringing", "手机正在响铃"),
                "activation_lock" => ("the phone is locked", "手机已锁定"),
                _ => ("something was changed", "有设置被更改了"),
            };
            match language {
                Language::En => en.to_string(),
                Language::ZhCn => zh.to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_step_is_one_step() {
        assert_eq!(best(Language::En, 1), "best 1 step");
        assert_eq!(best(Language::En, 7), "best 7 steps");
    }
}
