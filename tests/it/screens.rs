//! Snapshots of every screen and dialog, reached the way a person reaches them: from Settings,
//! through the real core (`sim::update`), drawn by the real renderer on a `TestBackend`.
//!
//! Each screen is shot at 60x24 (the usual size) and 40x12 (the smallest phone). Beside the
//! snapshots, plain assertions state the facts that matter most, so that a snapshot accepted
//! without reading still cannot hide them going wrong.

use crate::common::{start, t0};
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::sim::DeviceFile;
use mi_settings::sim::device::{Language, Rom, Skin};
use mi_settings::ui::{self, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub(crate) fn tap(id: &str) -> Action {
    Action::Tap(id.to_string())
}

/// The sizes every screen is shot at.
const SIZES: [(u16, u16); 2] = [(60, 24), (40, 12)];

/// What a run ended on: the screen's machine name and the terminal's text.
struct Shot {
    screen: String,
    text: String,
}

/// Starts a phone from the factory default changed by `setup`, tells the core the terminal size,
/// applies `actions`, and draws the result on a `width` x `height` terminal.
fn shoot(setup: impl Fn(&mut DeviceFile), actions: &[Action], width: u16, height: u16) -> Shot {
    let mut device = DeviceFile::factory_default();
    setup(&mut device);
    let mut engine = Engine::new(device, start(width, height));
    for action in actions {
        engine.apply(action.clone());
    }
    let view = engine.view().clone();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| {
            ui::draw(&view, frame, &Theme::miui());
        })
        .expect("draw");
    Shot {
        screen: view.screen,
        text: ui::buffer_text(terminal.backend().buffer()),
    }
}

/// Every row of a shot is exactly the terminal's width in cells (a two-cell character never
/// pushes the border out or leaves half of itself), and the phone's frame is whole.
fn assert_rows_fit(text: &str, width: u16, height: u16, name: &str) {
    use unicode_width::UnicodeWidthStr;
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows.len(), usize::from(height), "{name}: rows");
    for (y, row) in rows.iter().enumerate() {
        assert_eq!(
            row.width(),
            usize::from(width),
            "{name}: row {y} is {row:?}"
        );
        let (first, last) = (row.chars().next(), row.chars().next_back());
        assert!(
            first.is_some_and(|c| "│╭╰┌└".contains(c))
                && last.is_some_and(|c| "│╮╯┐┘┃".contains(c)),
            "{name}: row {y} lost the frame: {row:?}"
        );
    }
}

/// Shoots one screen at every size in `SIZES`, checks the route really ended on `screen`, and
/// snapshots each as `{name}_{width}x{height}`; then the same in Simplified Chinese, as
/// `{name}_zh-CN_{width}x{height}`, where every row must still fit and line up. Returns the
/// English texts, in `SIZES` order.
pub(crate) fn snap(
    name: &str,
    screen: &str,
    setup: impl Fn(&mut DeviceFile),
    actions: &[Action],
) -> Vec<String> {
    let chinese = |device: &mut DeviceFile| {
        setup(device);
        device.phone.language = Language::ZhCn;
    };
    for &(width, height) in &SIZES {
        let shot = shoot(chinese, actions, width, height);
        let full = format!("{name}_zh-CN_{width}x{height}");
        assert_eq!(shot.screen, screen, "{full}: the route ended elsewhere");
        assert_rows_fit(&shot.text, width, height, &full);
        insta::assert_snapshot!(full.as_str(), &shot.text);
    }
    SIZES
        .iter()
        .map(|&(width, height)| {
            let shot = shoot(&setup, actions, width, height);
            let full = format!("{name}_{width}x{height}");
            assert_eq!(shot.screen, screen, "{full}: the route ended elsewhere");
            insta::assert_snapshot!(full.as_str(), &shot.text);
            shot.text
        })
        .collect()
}

pub(crate) fn factory(_: &mut DeviceFile) {}

/// Signed in to the demo account Lei Wang, as the sign-in flow leaves the phone.
pub(crate) fn signed_in(device: &mut DeviceFile) {
    let at = "2026-11-15T09:30:00Z".parse().expect("time");
    mi_settings::sim::cloud::sign_in(device, 0, at);
}

fn china(device: &mut DeviceFile) {
    device.phone.rom = Rom::China;
}

/// The page lines of a shot: what is between the title bar and the hint line.
fn page_lines(text: &str) -> Vec<&str> {
    let lines: Vec<&str> = text.lines().collect();
    // Frame top, status bar, title bar ... hint line, frame bottom.
    lines[3..lines.len() - 2].to_vec()
}

fn title_line(text: &str) -> &str {
    text.lines().nth(2).expect("title line")
}

// ---------------------------------------------------------------------------------------------
// Settings home

#[test]
fn settings_home_signed_out() {
    for text in snap("settings_home_signed_out", "settings", factory, &[]) {
        assert!(text.contains("Settings"), "{text}");
        assert!(text.contains("About phone"), "{text}");
        // On a Global ROM the account entry is near the bottom, not on the first page.
        assert!(!text.contains("Sign in to Mi Account"), "{text}");
        assert!(text.contains('▌'), "focus marker missing:\n{text}");
    }
}

#[test]
fn settings_home_signed_out_bottom() {
    let texts = snap(
        "settings_home_signed_out_bottom",
        "settings",
        factory,
        &[Action::FocusLast],
    );
    for text in &texts {
        assert!(text.contains("Sign in to Mi Account"), "{text}");
        assert!(text.contains("Accounts & sync"), "{text}");
    }
    assert!(
        texts[0].contains("All Mi services. One Mi Account."),
        "{}",
        texts[0]
    );
}

#[test]
fn settings_home_signed_in_bottom() {
    let texts = snap(
        "settings_home_signed_in_bottom",
        "settings",
        signed_in,
        &[Action::FocusLast],
    );
    for text in &texts {
        assert!(text.contains("Mi Account"), "{text}");
        assert!(text.contains("Lei Wang"), "{text}");
        assert!(!text.contains("Sign in to Mi Account"), "{text}");
    }
    assert!(
        texts[0].contains("Manage accounts, cloud services, payments, and more"),
        "{}",
        texts[0]
    );
}

#[test]
fn settings_home_china_signed_in() {
    let texts = snap(
        "settings_home_china_signed_in",
        "settings",
        |d| {
            china(d);
            signed_in(d);
        },
        &[],
    );
    for text in &texts {
        // The China ROM puts the account first: the first page line is the account's name.
        let first = page_lines(text)[0];
        assert!(
            first.contains("Lei Wang"),
            "first page line: {first:?}\n{text}"
        );
        assert!(first.contains('▌'), "the account entry has focus:\n{text}");
    }
    assert!(
        page_lines(&texts[0])[1].contains("Manage accounts, cloud services, payments, and more"),
        "{}",
        texts[0]
    );
}

#[test]
fn settings_home_china_signed_out() {
    let texts = snap("settings_home_china_signed_out", "settings", china, &[]);
    for text in &texts {
        let lines = page_lines(text);
        assert!(lines[0].contains("Sign in to Mi Account"), "{text}");
        assert!(
            lines[1].contains("All Mi services. One Mi Account."),
            "{text}"
        );
    }
}

#[test]
fn settings_home_hyperos_bottom() {
    for text in snap(
        "settings_home_hyperos_bottom",
        "settings",
        |d| d.phone.skin = Skin::Hyperos,
        &[Action::FocusLast],
    ) {
        assert!(text.contains("Sign in to Xiaomi Account"), "{text}");
        assert!(!text.contains("Sign in to Mi Account"), "{text}");
    }
}

#[test]
fn settings_home_wide_and_too_small() {
    // A wide terminal: the phone stays 60 columns wide, centred.
    let wide = shoot(factory, &[], 100, 30);
    insta::assert_snapshot!("settings_home_100x30", &wide.text);
    let top = wide.text.lines().next().expect("frame top");
    assert_eq!(top.find('╭'), Some(20), "phone centred:\n{}", wide.text);
    assert_eq!(top.chars().count(), 80, "phone 60 wide:\n{}", wide.text);

    for (width, height) in [(39, 12), (40, 11)] {
        let shot = shoot(factory, &[], width, height);
        let name = format!("settings_too_small_{width}x{height}");
        insta::assert_snapshot!(name.as_str(), &shot.text);
        assert!(shot.text.contains("too small"), "{}", shot.text);
        assert!(!shot.text.contains('╭'), "no phone drawn:\n{}", shot.text);
    }
}

// ---------------------------------------------------------------------------------------------
// Network

#[test]
fn wifi_on() {
    for text in snap("wifi_on", "wifi", factory, &[tap("settings.wifi")]) {
        assert!(title_line(&text).contains("‹ Wi-Fi"), "{text}");
        assert!(page_lines(&text)[0].contains("[ ON]"), "{text}");
        assert!(text.contains("HomeNet"), "{text}");
    }
}

#[test]
fn wifi_off() {
    for text in snap(
        "wifi_off",
        "wifi",
        factory,
        &[tap("settings.wifi"), tap("wifi.toggle")],
    ) {
        assert!(page_lines(&text)[0].contains("[OFF]"), "{text}");
        assert!(text.contains("Wi-Fi turned off"), "toast:\n{text}");
        assert!(!text.contains("HomeNet"), "{text}");
    }
}

#[test]
fn mobile_networks() {
    for text in snap(
        "mobile_networks",
        "mobile_networks",
        factory,
        &[tap("settings.sim")],
    ) {
        assert!(text.contains("Vodafone"), "{text}");
        let data = text
            .lines()
            .find(|l| l.contains("Mobile data") && l.contains('['))
            .expect("mobile data switch");
        assert!(data.contains("[ ON]"), "{text}");
    }
}

#[test]
fn mobile_networks_airplane() {
    let texts = snap(
        "mobile_networks_airplane",
        "mobile_networks",
        factory,
        &[
            tap("settings.connection_sharing"),
            tap("connection.airplane"),
            Action::Back,
            tap("settings.sim"),
        ],
    );
    for text in &texts {
        assert!(
            text.lines().nth(1).is_some_and(|l| l.contains("Airplane")),
            "status bar:\n{text}"
        );
    }
    assert!(
        texts[0].contains("Airplane mode is on: mobile networks are off"),
        "{}",
        texts[0]
    );
}

#[test]
fn bluetooth() {
    for text in snap(
        "bluetooth",
        "bluetooth",
        factory,
        &[tap("settings.bluetooth")],
    ) {
        assert!(page_lines(&text)[0].contains("[OFF]"), "{text}");
    }
}

#[test]
fn connection_sharing() {
    for text in snap(
        "connection_sharing",
        "connection_sharing",
        factory,
        &[tap("settings.connection_sharing")],
    ) {
        assert!(page_lines(&text)[0].contains("Airplane mode"), "{text}");
        assert!(page_lines(&text)[0].contains("[OFF]"), "{text}");
    }
}

// ---------------------------------------------------------------------------------------------
// About phone

#[test]
fn about_phone() {
    for text in snap(
        "about_phone",
        "about_phone",
        factory,
        &[tap("settings.about_phone")],
    ) {
        assert!(page_lines(&text)[0].contains("Device name"), "{text}");
    }
}

#[test]
fn system_update() {
    snap(
        "system_update",
        "system_update",
        factory,
        &[tap("settings.about_phone"), tap("about.system_update")],
    );
    for text in snap(
        "system_update_checked",
        "system_update",
        factory,
        &[
            tap("settings.about_phone"),
            tap("about.system_update"),
            tap("update.check"),
        ],
    ) {
        assert!(text.contains("Your system is up to date"), "toast:\n{text}");
    }
}

#[test]
fn device_name_dialog() {
    let open = [tap("settings.about_phone"), tap("about.device_name")];
    for text in snap("device_name_dialog", "about_phone", factory, &open) {
        let rows = dialog_rows(&text);
        // The field has focus, holds the current name, and the cursor sits after it.
        let label = rows
            .iter()
            .position(|r| r == "▌Device name")
            .unwrap_or_else(|| panic!("focused field label:\n{text}"));
        assert_eq!(rows[label + 1], "▌Redmi Note 13 Pro▏", "{text}");
        let buttons = rows.last().expect("button row");
        assert!(
            buttons.contains("[ Cancel ]") && buttons.contains("[ OK ]"),
            "{text}"
        );
    }

    let mut cleared = open.to_vec();
    cleared.push(tap("dialog.device_name"));
    cleared.push(Action::CursorEnd);
    cleared.extend(std::iter::repeat_n(Action::DeleteBackward, 20));
    cleared.push(tap("dialog.ok"));
    for text in snap("device_name_dialog_empty", "about_phone", factory, &cleared) {
        let rows = dialog_rows(&text);
        let label = rows
            .iter()
            .position(|r| r == "Device name")
            .unwrap_or_else(|| panic!("field label:\n{text}"));
        assert_eq!(rows[label + 1], "", "the field is empty:\n{text}");
        assert!(rows.iter().any(|r| r == "Enter a device name"), "{text}");
        // OK was pressed and refused: the dialog stays, with focus on OK.
        let buttons = rows.last().expect("button row");
        assert!(buttons.contains('▌'), "{text}");
    }
}

/// The inside of the dialog box, one trimmed string per line, from its title line (excluded)
/// down to its bottom border (excluded).
fn dialog_rows(text: &str) -> Vec<String> {
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    let top = lines
        .iter()
        .position(|l| {
            l.contains(&'╭') && l.iter().filter(|&&c| c == '╭').count() == 1 && l[0] != '╭'
        })
        .unwrap_or_else(|| panic!("no dialog:\n{text}"));
    let left = lines[top]
        .iter()
        .position(|&c| c == '╭')
        .expect("left corner");
    let right = lines[top]
        .iter()
        .position(|&c| c == '╮')
        .expect("right corner");
    lines[top + 1..]
        .iter()
        .take_while(|l| l.get(left) != Some(&'╰'))
        .map(|l| {
            l.get(left + 1..right.min(l.len()))
                .unwrap_or_default()
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Accounts

#[test]
fn accounts_sync() {
    for text in snap(
        "accounts_sync_signed_out",
        "accounts_sync",
        factory,
        &[tap("settings.accounts_sync")],
    ) {
        assert!(title_line(&text).contains("Accounts & sync"), "{text}");
        let row = text
            .lines()
            .find(|l| l.contains("Mi Account"))
            .expect("Mi Account row");
        assert!(row.contains("Sign in"), "{text}");
    }
    for text in snap(
        "accounts_sync_signed_in",
        "accounts_sync",
        signed_in,
        &[tap("settings.accounts_sync")],
    ) {
        let row = text
            .lines()
            .find(|l| l.contains("Mi Account"))
            .expect("Mi Account row");
        assert!(row.contains("Lei Wang"), "{text}");
    }
}

#[test]
fn mi_account() {
    for text in snap(
        "mi_account_signed_out",
        "mi_account",
        factory,
        &[tap("settings.account")],
    ) {
        assert!(title_line(&text).contains("‹ Mi Account"), "{text}");
        assert!(text.contains("All Mi services. One Mi Account."), "{text}");
    }
    for text in snap(
        "mi_account_signed_in",
        "mi_account",
        signed_in,
        &[tap("settings.account")],
    ) {
        assert!(title_line(&text).contains("‹ Mi Account"), "{text}");
        assert!(page_lines(&text)[0].contains("Lei Wang"), "{text}");
        assert!(text.contains("Mi Account ID: 6612345678"), "{text}");
    }
    // Seed 002's route reaches the same page.
    let shot = shoot(
        signed_in,
        &[tap("settings.accounts_sync"), tap("accounts.mi_account")],
        60,
        24,
    );
    assert_eq!(shot.screen, "mi_account");
}

// ---------------------------------------------------------------------------------------------
// Info pages

#[test]
fn info_display() {
    for text in snap(
        "info_display",
        "info.display",
        factory,
        &[tap("settings.display")],
    ) {
        assert!(title_line(&text).contains("‹ Display"), "{text}");
        assert!(text.contains("Display is not simulated."), "{text}");
    }
}

pub(crate) fn typed(text: &str) -> Action {
    Action::Type(text.to_string())
}

fn two_step(device: &mut DeviceFile) {
    // Anna Schmidt's account has two-step verification on.
    device.cloud.accounts.swap(0, 1);
}

#[test]
fn sign_in_form_and_its_errors() {
    let open = [tap("settings.account"), tap("account.sign_in")];
    let texts = snap("sign_in", "sign_in", factory, &open);
    assert!(texts[0].contains("Sign in to your Mi Account"));
    assert!(texts[0].contains("Email/Phone number/Mi Account ID"));
    assert!(texts[0].contains("[ ] I've read and agreed to Mi Account User Agreement"));

    let mut wrong = open.to_vec();
    wrong.extend([
        tap("signin.login"),
        typed("lei.wang@example.com"),
        tap("signin.password"),
        typed("not-it"),
        tap("signin.agree"),
        tap("signin.submit"),
    ]);
    let texts = snap("sign_in_wrong_password", "sign_in", factory, &wrong);
    assert!(texts[0].contains("Invalid username or password"));
    assert!(!texts[0].contains("not-it"));
}

#[test]
fn two_step_verification_page() {
    let actions = [
        tap("settings.account"),
        tap("account.sign_in"),
        tap("signin.login"),
        typed("anna.schmidt@example.com"),
        tap("signin.password"),
        typed("Anna#2026!"),
        tap("signin.agree"),
        tap("signin.submit"),
    ];
    let texts = snap("two_step", "two_step", two_step, &actions);
    assert!(texts[0].contains("Two-step verification"));
    assert!(texts[0].contains("is your Mi Account verification code"));
    assert!(texts[0].contains("Code sent to +49 *** **** 6789"));
    assert!(texts[0].contains("[ Send in 60 ]"));
}

#[test]
fn create_account_pages() {
    let choose = [tap("settings.account"), tap("account.create")];
    let texts = snap("create_choice", "create_choice", factory, &choose);
    assert!(texts[0].contains("Using phone number"));
    assert!(texts[0].contains("Email address"));

    let mut form = choose.to_vec();
    form.extend([
        tap("create.phone"),
        tap("create.contact"),
        typed("+44 7700 900999"),
        tap("create.name"),
        typed("Sam Lee"),
        tap("create.password"),
        typed("short"),
        tap("create.agree"),
        tap("create.get_code"),
    ]);
    let texts = snap(
        "create_account_weak_password",
        "create_account",
        factory,
        &form,
    );
    assert!(texts[0].contains("Use at least 8 characters"));

    form.extend([
        tap("create.password"),
        typed("er#2026x"),
        tap("create.confirm"),
        typed("shorter#2026x"),
        tap("create.get_code"),
    ]);
    let texts = snap("create_account_code", "create_account", factory, &form);
    assert!(
        texts[0].contains("Code sent to +44 **** **0999"),
        "{}",
        texts[0]
    );
    // On the smallest phone too, the SMS with the code stays in sight with the field for it.
    assert!(texts[1].contains("✉ Messages: 310139"), "{}", texts[1]);
}

#[test]
fn forgot_password_pages() {
    let mut actions = vec![
        tap("settings.account"),
        tap("account.sign_in"),
        tap("signin.login"),
        typed("6612345678"),
        tap("signin.forgot"),
    ];
    let texts = snap("forgot_password", "forgot_password", factory, &actions);
    assert!(texts[0].contains("Reset password"));
    actions.push(tap("forgot.next"));
    let texts = snap("forgot_password_code", "forgot_password", factory, &actions);
    assert!(texts[0].contains("Code sent to +86 *** **** 8000"));
    assert!(texts[0].contains("New password"));
    assert!(texts.iter().any(|t| t.contains("[ Use recovery email ]")));
    actions.push(tap("forgot.recovery"));
    let texts = snap(
        "forgot_password_recovery",
        "forgot_password",
        factory,
        &actions,
    );
    assert!(texts[0].contains("Code sent to le******@example.com"));

    // An account with no second address: Xiaomi support is the way left (seed 003 §9).
    let fleet = [
        tap("settings.account"),
        tap("account.sign_in"),
        tap("signin.forgot"),
        typed("it-fleet@contoso.example"),
        tap("forgot.next"),
    ];
    let texts = snap(
        "forgot_password_no_recovery",
        "forgot_password",
        factory,
        &fleet,
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Xiaomi support for assistance."))
    );
}

#[test]
fn sign_out_dialogs() {
    let confirm = [tap("settings.account"), tap("account.sign_out")];
    let texts = snap("sign_out_confirm", "mi_account", signed_in, &confirm);
    assert!(texts[0].contains("Sign out of your Mi Account on this device?"));

    let mut password = confirm.to_vec();
    password.push(tap("dialog.confirm"));
    let texts = snap("sign_out_password", "mi_account", signed_in, &password);
    assert!(texts[0].contains("Enter password"));

    let mut wrong = password.clone();
    wrong.extend([typed("guess"), Action::Activate]);
    let texts = snap("sign_out_wrong_password", "mi_account", signed_in, &wrong);
    assert!(texts[0].contains("Can't turn off Find Device."));

    let mut keep_or_remove = password.clone();
    keep_or_remove.extend([typed("Xiaomi#2026"), Action::Activate]);
    let texts = snap(
        "sign_out_keep_or_remove",
        "mi_account",
        signed_in,
        &keep_or_remove,
    );
    assert!(texts[0].contains("Delete synced items from this"));
    assert!(texts[0].contains("[ Remove ]") && texts[0].contains("[ Keep ]"));
    // On the smallest phone the title is cut on the edge but read whole above the text, and the
    // edge says there is more; PageDown shows the apps whose data is at stake.
    assert!(
        texts[1].contains("Delete synced items from this d…"),
        "{}",
        texts[1]
    );
    assert!(texts[1].contains("device?"), "{}", texts[1]);
    assert!(texts[1].contains("PgDn ↓"), "{}", texts[1]);
    let mut scrolled = keep_or_remove.clone();
    scrolled.push(Action::PageDown);
    let texts = snap(
        "sign_out_keep_or_remove_scrolled",
        "mi_account",
        signed_in,
        &scrolled,
    );
    assert!(texts[1].contains("Contacts, Messages"), "{}", texts[1]);
    let reading = mi_settings::ui::reading(&texts[1], &Theme::miui());
    assert!(
        reading.contains("still keeping them in the cloud."),
        "{reading}"
    );
    assert!(texts[1].contains("[ Keep ]"), "{}", texts[1]);

    let managed = |device: &mut DeviceFile| {
        mi_settings::sim::cloud::sign_in(device, 2, t0());
    };
    let texts = snap("sign_out_refused", "mi_account", managed, &confirm);
    assert!(texts[0].contains("Can't sign out"));
}

#[test]
fn mi_cloud_page() {
    let open = [tap("settings.account"), tap("account.cloud")];
    let texts = snap("mi_cloud", "mi_cloud", signed_in, &open);
    assert!(texts[0].contains("Occupied: 60.2 MB/5 GB"));
    assert!(texts[0].contains("Sync automatically"));
    assert!(texts[0].contains("Contacts and profile photos"));
    let paused = |device: &mut DeviceFile| {
        signed_in(device);
        device.network.wifi = false;
        if let Some(account) = device.account.as_mut() {
            account.sync.wifi_only = true;
        }
    };
    let texts = snap("mi_cloud_paused", "mi_cloud", paused, &open);
    assert!(texts[0].contains("Sync is paused while you're using mobile data"));
}

#[test]
fn find_device_factory_reset_and_activation_lock() {
    let find = [tap("settings.account"), tap("account.find_device")];
    let texts = snap("find_device", "find_device", signed_in, &find);
    assert!(texts[0].contains("[ ON]"));
    let mut turn_off = find.to_vec();
    turn_off.push(tap("find_device.toggle"));
    let texts = snap("find_device_turn_off", "find_device", signed_in, &turn_off);
    assert!(texts[0].contains("Turn off Find Device?"));
    assert!(texts[0].contains("[ Turn off anyway ]"));

    let reset = [tap("settings.about_phone"), tap("about.factory_reset")];
    let texts = snap("factory_reset", "factory_reset", signed_in, &reset);
    assert!(texts[0].contains("[ Erase all data ]"));
    let mut confirm = reset.to_vec();
    confirm.push(tap("reset.erase"));
    let texts = snap(
        "factory_reset_confirm",
        "factory_reset",
        signed_in,
        &confirm,
    );
    assert!(texts[0].contains("Erase all data?"));

    let locked = |device: &mut DeviceFile| {
        signed_in(device);
        mi_settings::sim::cloud::erase_with_activation_lock(device);
    };
    let texts = snap("activation_lock", "activation_lock", locked, &[]);
    assert!(texts[0].contains("This device is locked"));
    assert!(texts[0].contains("[ Activate ]"));
}

/// To the browser, and signed in there as Lei Wang.
pub(crate) fn web_sign_in() -> Vec<Action> {
    vec![
        Action::SwitchSurface,
        tap("web.login"),
        typed("6612345678"),
        tap("web.password"),
        typed("Xiaomi#2026"),
        tap("web.sign_in"),
    ]
}

#[test]
fn the_browser_side_and_what_it_does_to_the_phone() {
    let texts = snap(
        "web_sign_in",
        "web.sign_in",
        signed_in,
        &[Action::SwitchSurface],
    );
    assert!(texts[0].contains("https://i.mi.com"));
    assert!(texts[0].starts_with('┌'), "a browser has square corners");
    let texts = snap("web_cloud_home", "web.cloud", signed_in, &web_sign_in());
    assert!(texts[0].contains("4 in Mi Cloud"), "{}", texts[0]);
    let mut contacts = web_sign_in();
    contacts.push(tap("web.contacts"));
    let texts = snap(
        "web_cloud_contacts",
        "web.cloud.contacts",
        signed_in,
        &contacts,
    );
    assert!(texts[0].contains("Wang Fang"), "{}", texts[0]);
    // Seed 000: "Check Mi Cloud for any deleted or accessed files".
    let mut deleted = web_sign_in();
    deleted.push(tap("web.recently_deleted"));
    let texts = snap(
        "web_recently_deleted",
        "web.cloud.recently_deleted",
        signed_in,
        &deleted,
    );
    assert!(texts[0].contains("on Redmi 12C"), "{}", texts[0]);
    deleted.push(tap("web.deleted.1"));
    let texts = snap(
        "web_deleted_item",
        "web.cloud.deleted_item",
        signed_in,
        &deleted,
    );
    assert!(texts[0].contains("[ Restore ]"), "{}", texts[0]);
    let mut signed_in_web = web_sign_in();
    signed_in_web.push(tap("web.find_device"));
    let texts = snap(
        "web_find_device",
        "web.find_device",
        signed_in,
        &signed_in_web,
    );
    assert!(texts[0].contains("[ Play sound ]"));
    let mut lost = signed_in_web.to_vec();
    lost.push(tap("web.lost_mode"));
    let texts = snap("web_lost_mode", "web.lost_mode", signed_in, &lost);
    assert!(texts[0].contains("Lock device"));
    lost.extend([tap("web.lock"), Action::SwitchSurface]);
    let texts = snap("phone_lost_mode", "lost_mode", signed_in, &lost);
    assert!(texts[0].contains("Device is locked. Message:"));
    let mut ring = signed_in_web.to_vec();
    ring.extend([tap("web.ring"), Action::SwitchSurface]);
    let texts = snap("phone_ringing", "settings", signed_in, &ring);
    assert!(texts[0].contains("This phone is ringing"));
}

#[test]
fn erase_dialogs_ask_first() {
    let mut web_erase = web_sign_in();
    web_erase.extend([tap("web.find_device"), tap("web.erase")]);
    let texts = snap(
        "web_erase_confirm",
        "web.find_device",
        signed_in,
        &web_erase,
    );
    assert!(texts[0].contains("Erase data?"));
    let reset_password = [
        tap("settings.about_phone"),
        tap("about.factory_reset"),
        tap("reset.erase"),
        tap("dialog.confirm"),
    ];
    let texts = snap(
        "factory_reset_password",
        "factory_reset",
        signed_in,
        &reset_password,
    );
    assert!(texts[0].contains("Enter its password to"));
}

#[test]
fn devices_signed_in_to_the_account() {
    let list = [tap("settings.account"), tap("account.devices")];
    let texts = snap("devices", "devices", signed_in, &list);
    assert!(texts[0].contains("Current device"));
    let mut intruder = list.to_vec();
    intruder.push(tap("devices.4"));
    let texts = snap("device_details", "device_details", signed_in, &intruder);
    assert!(texts[0].contains("São Paulo, Brazil"));
    intruder.push(tap("device.remove"));
    let texts = snap("device_remove", "device_details", signed_in, &intruder);
    assert!(texts[0].contains("Remove device?"));
}

// ---------------------------------------------------------------------------------------------
// Account security (seeds 000, 003) and account.xiaomi.com

#[test]
fn account_security_pages() {
    let security = [tap("settings.account"), tap("account.security")];
    let texts = snap("account_security", "account_security", signed_in, &security);
    assert!(texts[0].contains("Two-step verification"));
    assert!(
        texts[0].contains("+86 *** **** 8000"),
        "the recovery phone, masked"
    );

    let mut password = security.to_vec();
    password.extend([
        tap("security.password"),
        tap("password.current"),
        typed("Xiaomi#2026"),
        tap("password.new"),
        typed("weakpassword"),
        tap("password.submit"),
    ]);
    let texts = snap(
        "change_password_weak",
        "change_password",
        signed_in,
        &password,
    );
    assert!(texts[0].contains("Include at least one number"));
    assert!(
        !texts[0].contains("weakpassword"),
        "the new password is masked"
    );

    let mut notifications = security.to_vec();
    notifications.extend([tap("security.notifications"), tap("notify.email")]);
    let texts = snap(
        "login_notifications",
        "login_notifications",
        signed_in,
        &notifications,
    );
    assert!(texts[0].contains("le******@example.com"));

    let mut history = security.to_vec();
    history.push(tap("security.history"));
    let texts = snap("login_history", "login_history", signed_in, &history);
    assert!(texts[0].contains("Redmi Note 13 Pro"));

    let mut two_step = security.to_vec();
    two_step.push(tap("security.two_step"));
    let texts = snap(
        "two_step_password",
        "account_security",
        signed_in,
        &two_step,
    );
    assert!(texts[0].contains("to turn on two-step"));
}

/// The browser on account.xiaomi.com, signed in as Lei Wang.
fn account_site_signed_in() -> Vec<Action> {
    let mut actions = vec![Action::SwitchSurface, tap("web.tab.account")];
    actions.extend(web_sign_in().into_iter().skip(1));
    actions
}

#[test]
fn the_account_website() {
    let texts = snap(
        "web_account_sign_in",
        "web.sign_in",
        signed_in,
        &[Action::SwitchSurface, tap("web.tab.account")],
    );
    assert!(texts[0].contains("https://account.xiaomi.com"));
    let home = account_site_signed_in();
    let texts = snap("web_account_home", "web.account", signed_in, &home);
    assert!(texts[0].contains("Signed in as Lei Wang (6612345678)"));
    let mut security = home.clone();
    security.push(tap("web.security"));
    let texts = snap("web_security", "account_security", signed_in, &security);
    assert!(texts[0].contains("Change password"));
    let mut devices = security.clone();
    devices.push(tap("security.devices"));
    let texts = snap("web_devices", "devices", signed_in, &devices);
    assert!(!texts[0].contains("Current device"), "the website has none");
    devices.extend([tap("devices.4"), tap("device.remove")]);
    let texts = snap("web_delete_device", "device_details", signed_in, &devices);
    assert!(texts[0].contains("[ Delete ]"), "seed 001's confirmation");
    let mut profile = home.clone();
    profile.push(tap("web.profile"));
    let texts = snap("web_profile", "web.profile", signed_in, &profile);
    assert!(texts[0].contains("le******@example.com"), "{}", texts[0]);
    assert!(!texts[0].contains("lei.wang@example.com"), "masked");
    let mut storage = home.clone();
    storage.push(tap("web.storage"));
    let texts = snap("web_storage", "web.storage", signed_in, &storage);
    assert!(texts[0].contains("Occupied: 60.2 MB/5 GB"), "{}", texts[0]);
}

#[test]
fn the_home_screen_and_its_data_apps() {
    let texts = snap("home_screen", "home_screen", signed_in, &[Action::Home]);
    assert!(texts[0].contains("4 on this phone"), "{}", texts[0]);
    assert!(
        texts[0].contains("╰─────────────────────────── ⌂ ─"),
        "{}",
        texts[0]
    );
    let texts = snap(
        "data_app_gallery",
        "app.gallery",
        signed_in,
        &[Action::Home, tap("home.gallery")],
    );
    assert!(texts[0].contains("In Mi Cloud"), "{}", texts[0]);
    let texts = snap(
        "data_app_notes_signed_out",
        "app.notes",
        factory,
        &[Action::Home, tap("home.notes")],
    );
    assert!(
        !texts[0].contains("In Mi Cloud"),
        "no account: {}",
        texts[0]
    );
}

#[test]
fn apps_and_date_and_time() {
    let texts = snap("apps", "apps", factory, &[tap("settings.apps")]);
    assert!(texts[0].contains("Mi Cloud"), "{}", texts[0]);
    let texts = snap(
        "app_info_mi_cloud",
        "app_info.mi_cloud",
        factory,
        &[tap("settings.apps"), tap("apps.mi_cloud")],
    );
    assert!(texts[0].contains("[ Clear cache ]"), "{}", texts[0]);
    let to_date_time = [
        tap("settings.additional_settings"),
        tap("additional.date_time"),
    ];
    let texts = snap("date_time", "date_time", factory, &to_date_time);
    assert!(texts[0].contains("Set time automatically"), "{}", texts[0]);
    let mut by_hand = to_date_time.to_vec();
    by_hand.extend([tap("date_time.automatic"), tap("date_time.date")]);
    let texts = snap("date_time_set_date", "date_time", factory, &by_hand);
    assert!(texts[0].contains("2026-11-21"), "{}", texts[0]);
}
