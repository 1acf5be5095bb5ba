//! The phone in Simplified Chinese, end to end: Chinese labels and English ones tap alike,
//! Chinese names are typed a character at a time and drawn two cells wide, every task is told
//! and done in Chinese, agents choose the language at reset, and the China-ROM preset is a
//! valid phone.

use crate::common::{phone_with_size, t0};
use mi_settings::engine::{Engine, Key};
use mi_settings::play::lesson::attempt::Lesson;
use mi_settings::play::tasks::{self, report};
use mi_settings::shells::agent::Server;
use mi_settings::shells::store;
use mi_settings::sim::DeviceFile;
use mi_settings::sim::device::{Language, Preset, Rom};
use mi_settings::strings::S;
use mi_settings::ui::{self, TextGrid, Theme};
use serde_json::{Value, json};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

fn chinese_phone(width: u16, height: u16) -> Engine {
    let mut device = DeviceFile::factory_default();
    device.phone.language = Language::ZhCn;
    phone_with_size(device, width, height)
}

fn frame(engine: &Engine, width: u16, height: u16) -> String {
    let mut grid = TextGrid::new(width, height);
    ui::render_text(engine.view(), &mut grid, &Theme::miui());
    grid.text()
}

/// Create account by email on a Chinese phone, by Chinese labels; the name 王小明 is three
/// characters (three cursor steps) and six cells.
#[test]
fn a_chinese_name_is_typed_a_character_at_a_time_and_drawn_two_cells_each() {
    let mut engine = chinese_phone(40, 12);
    for label in ["小米账号", "注册", "邮箱地址"] {
        engine.tap_label(label).expect(label);
    }
    let name_label = engine.tr().get(S::Name);
    let name_id = engine
        .view()
        .elements
        .iter()
        .find(|e| e.label == name_label)
        .map(|e| e.id.to_string())
        .expect("the name field");
    engine.tap_id(&name_id).expect("focus the name");
    engine.apply(mi_settings::screens::Action::Type("王小明".into()));
    engine.press(Key::Left);
    let field = engine.view().find(&name_id).expect("the field").clone();
    assert_eq!(field.value.as_deref(), Some("王小明"));
    assert_eq!(field.cursor, Some(2), "one step left of the end: after 小");
    let text = frame(&engine, 40, 12);
    let row = text
        .lines()
        .find(|row| row.contains('王'))
        .expect("the name on screen");
    assert!(row.contains("王小▏明"), "{row:?}");
    assert_eq!(row.width(), 40, "{row:?}");
    engine.press(Key::Backspace);
    let field = engine.view().find(&name_id).expect("the field");
    assert_eq!(
        field.value.as_deref(),
        Some("王明"),
        "Backspace takes one character"
    );
}

/// An English label finds its element on a Chinese phone, and a Chinese one on an English phone.
#[test]
fn english_labels_tap_a_chinese_phone_and_chinese_labels_an_english_one() {
    let mut chinese = chinese_phone(60, 24);
    chinese
        .tap_label("Bluetooth")
        .expect("Bluetooth on a Chinese phone");
    assert_eq!(chinese.view().title, "蓝牙");
    let mut english = phone_with_size(DeviceFile::factory_default(), 60, 24);
    english.tap_label("蓝牙").expect("蓝牙 on an English phone");
    assert_eq!(english.view().title, "Bluetooth");
    // What is no text of the phone's is still not found.
    assert!(chinese.tap_label("Blutooth").is_err());
}

/// Every task has a Chinese title and goal with its parameters filled, and the whole catalogue
/// checks in Chinese as in English: not done at the start, done by its reference solution.
#[test]
fn every_task_is_told_and_done_in_chinese() {
    let catalogue = tasks::builtin().expect("catalogue");
    for task in &catalogue {
        let translation = task
            .translations
            .get(&Language::ZhCn)
            .unwrap_or_else(|| panic!("{} has no zh-CN goal", task.id));
        assert!(!translation.title.is_empty() && !translation.goal.is_empty());
        let episode = tasks::episode_in(task, 3, Language::ZhCn).expect("episode");
        let goal = &episode.variant.goal;
        assert!(!goal.contains('{'), "{}: {goal}", task.id);
        assert!(
            goal.chars().any(|c| c.width() == Some(2)),
            "{}: {goal}",
            task.id
        );
    }
    let all: Vec<&tasks::Task> = catalogue.iter().collect();
    let (text, good) = report::check(&all, 0..3, 0, Language::ZhCn);
    assert!(good, "{text}");
}

/// A lesson on a Chinese phone tells its goal in Chinese.
#[test]
fn lessons_tell_the_goal_in_the_phones_language() {
    let catalogue = tasks::builtin().expect("catalogue");
    let task = tasks::find(&catalogue, "turn_on_bluetooth").expect("task");
    let lesson = Lesson::start(task, 1, Language::ZhCn, t0(), false, |_| (60, 24)).expect("start");
    let view = lesson.view();
    let words: String = view.elements.iter().map(|e| e.label.to_string()).collect();
    assert!(words.contains("蓝牙"), "{words}");
}

/// `reset` takes the language: the goal and the observation are Chinese; another reset without
/// it is English again.
#[test]
fn agents_choose_the_language_at_reset() {
    let mut agent = crate::common::agent_server(None, true);
    let ask = |agent: &mut Server, request: Value| -> Value {
        let (response, _) = agent.answer(&request.to_string());
        serde_json::to_value(response).expect("json")
    };
    let reset = ask(
        &mut agent,
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 1, "options": {"language": "zh-CN"}}),
    );
    let goal = reset["info"]["goal"].as_str().expect("goal");
    assert!(goal.contains("蓝牙"), "{goal}");
    assert_eq!(reset["observation"]["title"], "设置");
    let step = ask(
        &mut agent,
        json!({"op": "step", "action": {"action_type": "click", "label": "Bluetooth"}}),
    );
    assert_eq!(step["observation"]["title"], "蓝牙", "{step}");
    let english = ask(
        &mut agent,
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 1}),
    );
    assert_eq!(english["observation"]["title"], "Settings");
    let refused = ask(
        &mut agent,
        json!({"op": "reset", "task": "turn_on_bluetooth", "seed": 1, "options": {"language": "fr"}}),
    );
    assert!(
        refused["error"].as_str().is_some_and(|e| e.contains("fr")),
        "{refused}"
    );
}

/// `device reset --preset china` gives a valid China-ROM phone speaking Chinese, and a device
/// file from before languages reads as English.
#[test]
fn the_china_preset_is_a_valid_chinese_phone_and_old_files_speak_english() {
    let china = Preset::China.device();
    assert_eq!(china.phone.language, Language::ZhCn);
    assert_eq!(china.phone.rom, Rom::China);
    assert!(
        store::check(&china).is_empty(),
        "{:?}",
        store::check(&china)
    );
    let mut old: Value =
        serde_json::from_str(mi_settings::sim::device::DEFAULT_DEVICE_JSON).expect("json");
    old["version"] = json!(3);
    old["phone"]
        .as_object_mut()
        .expect("phone")
        .remove("language");
    let device = store::parse_value(old, std::path::Path::new("old.json")).expect("migrates");
    assert_eq!(device.phone.language, Language::En);
    let saved: Value = serde_json::from_str(&store::to_json(&device)).expect("json");
    assert_eq!(saved["phone"]["language"], "en");
    assert_eq!(
        saved["version"],
        json!(mi_settings::sim::device::CURRENT_VERSION)
    );
}

/// Where Xiaomi's own zh-CN strings were found, the phone says them (issue 23's comparison with
/// the Xiaomi Account app's resources): the texts most read on the way through the account.
#[test]
fn the_chinese_phone_says_xiaomis_own_words_where_they_are_known() {
    use mi_settings::sim::device::Skin;
    use mi_settings::strings::{Source, Tr};
    let real = [
        (S::AccountSecurity, "登录与安全"),
        (S::TwoStepVerification, "小米登录保护"),
        (S::TwoStepTitle, "小米登录保护"),
        (S::Devices, "登录设备管理"),
        (S::MyDevices, "设备列表"),
        (S::CurrentDevice, "当前设备"),
        (S::RemoveDevice, "删除设备"),
        (S::SignedOut, "此设备成功退出登录"),
        (S::SigningOut, "正在退出账号…"),
        (S::InvalidCredentials, "用户名密码不匹配"),
        (S::AgreeFirst, "请您同意用户条款"),
        (S::EnterPassword, "密码不能为空"),
        (S::CodeSentTo, "已发送短信验证码至 {to}"),
        (S::SendIn, "{seconds}秒后发送"),
        (S::Agreement, "已阅读并同意小米账号用户协议和隐私政策"),
        (S::ForgotPassword, "忘记密码"),
    ];
    for skin in [Skin::Miui, Skin::Hyperos] {
        let tr = Tr::speaking(skin, Language::ZhCn);
        for (id, words) in real {
            assert_eq!(tr.get(id), words, "{id:?} on {skin:?}");
            assert_eq!(tr.source(id), Source::Doc, "{id:?}: its source is recorded");
        }
        // The product names stay the same on both skins: no Xiaomi source says "Xiaomi 账号".
        assert_eq!(tr.get(S::Account), "小米账号");
        assert_eq!(tr.get(S::Cloud), "小米云服务");
        assert_eq!(tr.get(S::FindDevice), "查找设备");
    }
}
