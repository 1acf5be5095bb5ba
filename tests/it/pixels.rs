//! The main screens as pictures: each reached the way a person reaches it (as the text
//! snapshots in `screens` reach them), drawn by the styled [`Player`] a replay uses, rasterized
//! by `ui::pixels` at 60x24 and scale 1, and kept as PNG snapshots in English and Chinese.
//! Look at a changed picture before accepting it: a snapshot is an assertion.

use crate::common::start;
use crate::screens::{factory, signed_in, tap, typed, web_sign_in};
use mi_settings::play::player::Player;
use mi_settings::screens::Action;
use mi_settings::sim::DeviceFile;
use mi_settings::sim::device::Language;
use mi_settings::ui::pixels::{self, CELL_HEIGHT, CELL_WIDTH, png};

const WIDTH: u16 = 60;
const HEIGHT: u16 = 24;

/// The phone from the factory default changed by `setup`, in `language`, after `actions`: its
/// screen's machine name and the frame as a PNG at `scale`.
fn picture(
    setup: fn(&mut DeviceFile),
    language: Language,
    actions: &[Action],
    scale: u32,
) -> (String, Vec<u8>) {
    let mut device = DeviceFile::factory_default();
    setup(&mut device);
    device.phone.language = language;
    let mut player = Player::styled(device, start(WIDTH, HEIGHT));
    for action in actions {
        player.apply(action.clone());
    }
    let screen = player.engine().view().screen.clone();
    let buffer = player.buffer().expect("a styled player has a buffer");
    let picture = pixels::draw(buffer, scale);
    assert_eq!(
        (picture.width, picture.height),
        (
            u32::from(WIDTH) * CELL_WIDTH * scale,
            u32::from(HEIGHT) * CELL_HEIGHT * scale
        ),
        "a cell is {CELL_WIDTH}x{CELL_HEIGHT} pixels at scale 1"
    );
    (
        screen,
        png::encode(&picture).expect("a 60x24 frame encodes"),
    )
}

/// One main screen: `name`, ended on `screen`, from `setup` through `actions`.
struct Shot {
    name: &'static str,
    screen: &'static str,
    setup: fn(&mut DeviceFile),
    actions: Vec<Action>,
}

fn shots() -> Vec<Shot> {
    let account = || tap("settings.account");
    let confirm = vec![account(), tap("account.sign_out")];
    let mut keep_or_remove = confirm.clone();
    keep_or_remove.extend([
        tap("dialog.confirm"),
        typed("Xiaomi#2026"),
        Action::Activate,
    ]);
    let find = vec![account(), tap("account.find_device")];
    let mut turn_off = find.clone();
    turn_off.push(tap("find_device.toggle"));
    let shot = |name, screen, setup, actions| Shot {
        name,
        screen,
        setup,
        actions,
    };
    // A page of Mi Account's, signed in: its name is its screen's.
    let page = |name, id| shot(name, name, signed_in, vec![account(), tap(id)]);
    vec![
        shot("settings_home_signed_out", "settings", factory, vec![]),
        // On a Global ROM the account entry is at the bottom of Settings.
        shot(
            "settings_home_signed_in_bottom",
            "settings",
            signed_in,
            vec![Action::FocusLast],
        ),
        shot("mi_account", "mi_account", signed_in, vec![account()]),
        shot(
            "sign_in",
            "sign_in",
            factory,
            vec![account(), tap("account.sign_in")],
        ),
        shot("sign_out_confirm", "mi_account", signed_in, confirm),
        shot(
            "sign_out_keep_or_remove",
            "mi_account",
            signed_in,
            keep_or_remove,
        ),
        page("mi_cloud", "account.cloud"),
        shot("find_device", "find_device", signed_in, find),
        shot("find_device_turn_off", "find_device", signed_in, turn_off),
        page("devices", "account.devices"),
        page("account_security", "account.security"),
        shot("browser_cloud", "web.cloud", signed_in, web_sign_in()),
    ]
}

/// Every main screen in English and in Simplified Chinese, as a PNG snapshot each.
#[test]
fn main_screens_in_both_languages() {
    let shots = shots();
    let mut pictures = std::collections::BTreeMap::new();
    for shot in &shots {
        for (language, suffix) in [(Language::En, ""), (Language::ZhCn, "_zh-CN")] {
            let name = format!("{}{suffix}", shot.name);
            let (screen, bytes) = picture(shot.setup, language, &shot.actions, 1);
            assert_eq!(screen, shot.screen, "{name}: the route ended elsewhere");
            assert!(
                bytes.len() < 16_000,
                "{name}: a 60x24 frame is a small PNG, not {} bytes",
                bytes.len()
            );
            if let Some(same) = pictures.insert(bytes.clone(), name.clone()) {
                panic!("{name} is the same picture as {same}");
            }
            insta::assert_binary_snapshot!(format!("{name}.png").as_str(), bytes);
        }
    }
    assert_eq!(pictures.len(), 24, "every picture differs from the others");
}

/// The same screen drawn twice, by two players, gives the same bytes; a picture decodes back to
/// what was drawn; scale 2 is scale 1 with each pixel a 2x2 square.
#[test]
fn pictures_are_deterministic_and_scale_by_repeating_pixels() {
    for shot in shots() {
        let (_, first) = picture(shot.setup, Language::ZhCn, &shot.actions, 1);
        let (_, again) = picture(shot.setup, Language::ZhCn, &shot.actions, 1);
        assert!(first == again, "{}: two drawings differ", shot.name);
    }
    let shot = &shots()[0];
    let (_, one) = picture(shot.setup, Language::En, &shot.actions, 1);
    let (_, two) = picture(shot.setup, Language::En, &shot.actions, 2);
    let (one, two) = (
        png::decode(&one).expect("decodes"),
        png::decode(&two).expect("decodes"),
    );
    assert_eq!((two.width, two.height), (one.width * 2, one.height * 2));
    let at = |p: &pixels::Picture, x: u32, y: u32| {
        let i = ((y * p.width + x) * 3) as usize;
        [p.rgb[i], p.rgb[i + 1], p.rgb[i + 2]]
    };
    let mut colours = std::collections::BTreeSet::new();
    for y in 0..one.height {
        for x in 0..one.width {
            let pixel = at(&one, x, y);
            colours.insert(pixel);
            for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                assert_eq!(at(&two, 2 * x + dx, 2 * y + dy), pixel, "({x}, {y})");
            }
        }
    }
    assert!(
        colours.len() >= 3,
        "text, background and an accent: {colours:?}"
    );
}

/// A password typed into a field is not in the picture: the frame a picture is drawn from is
/// the one a replay writes, masked. Typing a visible string instead changes the picture, so the
/// comparison can tell.
#[test]
fn a_typed_password_is_not_drawn() {
    let form = vec![
        tap("settings.account"),
        tap("account.sign_in"),
        tap("signin.password"),
    ];
    let with = |text: &str| {
        let mut actions = form.clone();
        actions.push(typed(text));
        picture(factory, Language::En, &actions, 1).1
    };
    let mut player = Player::styled(DeviceFile::factory_default(), start(WIDTH, HEIGHT));
    for action in &form {
        player.apply(action.clone());
    }
    player.apply(typed("Xiaomi#2026"));
    let frame = player.frame().to_string();
    assert!(!frame.contains("Xiaomi#2026"), "{frame}");
    // Two passwords of the same length look the same; a different length does not.
    assert!(with("Xiaomi#2026") == with("Secret#1234"));
    assert!(with("Xiaomi#2026") != with("Xiaomi#20266"));
}

// ---------------------------------------------------------------------------------------------
// `mi-settings replay --png DIR`

mod replay_png {
    use std::path::{Path, PathBuf};

    use crate::common::batch::{ran, replay_with, write};
    use mi_settings::shells::replay::batch::BatchOptions;
    use mi_settings::shells::replay::pictures::PngOptions;
    use mi_settings::ui::pixels::png;

    /// Replays `fixture` with pictures into `dir` (as CI does: no snapshot written): what the
    /// batch printed.
    fn replay_png(fixture: &Path, dir: &Path, scale: u32, snapshots_only: bool) -> String {
        let options = BatchOptions {
            ci: true,
            png: Some(PngOptions {
                dir: dir.to_path_buf(),
                scale,
                snapshots_only,
            }),
            ..BatchOptions::default()
        };
        let (result, out) = replay_with(&[fixture.to_path_buf()], &options);
        assert_eq!(result, ran(1, 0), "{out}");
        out
    }

    /// The files in `dir`, sorted, with their bytes.
    fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut found: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
            .expect("the pictures' folder")
            .flatten()
            .map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                (name, std::fs::read(entry.path()).expect("reads"))
            })
            .collect();
        found.sort();
        found
    }

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(format!("{name}.json"))
    }

    /// A picture at the start and after each step that moves the phone, named by the step's
    /// number and words so they sort; the same replay gives the same bytes.
    #[test]
    fn a_picture_per_step_the_same_every_time() {
        let temp = tempfile::tempdir().expect("tempdir");
        let walk = fixture("global-rom-account-entry-at-the-bottom");
        let (one, two) = (temp.path().join("one"), temp.path().join("two"));
        replay_png(&walk, &one, 1, false);
        replay_png(&walk, &two, 1, false);
        let folder = "global-rom-account-entry-at-the-bottom";
        let (first, again) = (files(&one.join(folder)), files(&two.join(folder)));
        assert!(first == again, "two replays gave different pictures");
        let names: Vec<&str> = first.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            [
                "0000-start.png",
                "0004-scroll-down.png",
                "0005-scroll-down.png",
                "0009-tap-sign-in-to-mi-account.png",
                "0012-back-1.png",
            ]
        );
        for (name, bytes) in &first {
            let picture = png::decode(bytes).expect("a PNG");
            assert_eq!((picture.width, picture.height), (480, 384), "{name}");
        }
        // Again into the same folder, at scale 2: the old pictures are replaced, none left over.
        std::fs::write(one.join(folder).join("notes.txt"), "mine").expect("writes");
        std::fs::write(one.join(folder).join("0099-old.png"), "old").expect("writes");
        replay_png(&walk, &one, 2, false);
        let now = files(&one.join(folder));
        assert_eq!(
            now.len(),
            names.len() + 1,
            "the old picture is gone, notes kept"
        );
        let start = png::decode(&now[0].1).expect("a PNG");
        assert_eq!((start.width, start.height), (960, 768));
        assert!(now.iter().any(|(name, _)| name == "notes.txt"));
    }

    /// With `--png-snapshots-only`, a picture at each `snapshot` step only, named by it.
    #[test]
    fn only_at_snapshots() {
        let temp = tempfile::tempdir().expect("tempdir");
        let walk = fixture("create-account-by-email");
        replay_png(&walk, temp.path(), 1, true);
        let names: Vec<String> = files(&temp.path().join("create-account-by-email"))
            .into_iter()
            .map(|(name, _)| name)
            .collect();
        let text = std::fs::read_to_string(&walk).expect("reads");
        assert_eq!(
            names.len(),
            text.matches("\"snapshot\"").count(),
            "{names:?}"
        );
        assert!(
            names.iter().any(|n| n.ends_with("-empty-form.png")),
            "{names:?}"
        );
        assert!(names.iter().all(|n| !n.contains("start")), "{names:?}");
    }

    /// A password shown in clear on the phone ("Show password") is masked in the pictures: two
    /// replays typing different passwords of the same length give the same pictures.
    #[test]
    fn a_shown_password_is_masked() {
        let temp = tempfile::tempdir().expect("tempdir");
        let walk = |password: &str| {
            format!(
                r#"{{"version": 1, "name": "password", "steps": [
                    {{"tap_id": "settings.account"}},
                    {{"tap_id": "account.sign_in"}},
                    {{"tap_id": "signin.password"}},
                    {{"type": "{password}"}},
                    {{"tap_id": "signin.show_password"}},
                    {{"expect_text": "[x] Show password"}}
                ]}}"#
            )
        };
        let mut pictures = Vec::new();
        for (folder, password) in [("a", "Xiaomi#2026"), ("b", "Secret#1234")] {
            let dir = temp.path().join(folder);
            std::fs::create_dir(&dir).expect("mkdir");
            let path = write(&dir, "password.json", walk(password));
            replay_png(&path, &dir.join("pictures"), 1, false);
            pictures.push(files(&dir.join("pictures").join("password")));
        }
        assert_eq!(pictures[0].len(), 6, "start and five steps that move");
        assert!(pictures[0] == pictures[1], "a password shows in a picture");
    }

    /// A folder that is a symbolic link is refused with its path; nothing replays.
    #[cfg(unix)]
    #[test]
    fn a_linked_folder_is_refused() {
        let temp = tempfile::tempdir().expect("tempdir");
        let elsewhere = temp.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).expect("mkdir");
        let link = temp.path().join("pictures");
        std::os::unix::fs::symlink(&elsewhere, &link).expect("link");
        let options = BatchOptions {
            ci: true,
            png: Some(PngOptions {
                dir: link.clone(),
                scale: 1,
                snapshots_only: false,
            }),
            ..BatchOptions::default()
        };
        let (result, _) = replay_with(&[fixture("keyboard-walk")], &options);
        let message = result.expect_err("refused");
        assert!(
            message.contains("symbolic link") && message.contains(&link.display().to_string()),
            "{message}"
        );
        assert_eq!(std::fs::read_dir(&elsewhere).expect("lists").count(), 0);
    }

    /// The README's picture is what the command it names makes now: it never goes stale.
    #[test]
    fn the_readme_picture_is_what_its_command_makes() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let command = "mi-settings replay fixtures/seed-000-devices-on-the-phone.json \
                       --png docs/pictures --png-snapshots-only --scale 2";
        let committed = "docs/pictures/seed-000-devices-on-the-phone/0014-my-devices.png";
        let readme = std::fs::read_to_string(root.join("README.md")).expect("the README");
        assert!(
            readme.contains(&format!("]({committed})")),
            "the README shows {committed}"
        );
        assert!(
            readme.contains(command),
            "the README names the command: {command}"
        );
        let pictures = std::fs::read_to_string(root.join("docs/pictures.md")).expect("reads");
        assert!(
            pictures.contains(command),
            "docs/pictures.md names the command"
        );

        let temp = tempfile::tempdir().expect("tempdir");
        replay_png(
            &fixture("seed-000-devices-on-the-phone"),
            temp.path(),
            2,
            true,
        );
        let made = files(&temp.path().join("seed-000-devices-on-the-phone"));
        let kept = std::fs::read(root.join(committed)).expect("the committed picture");
        assert_eq!(made.len(), 1, "one snapshot step, one picture");
        assert_eq!(
            format!("docs/pictures/seed-000-devices-on-the-phone/{}", made[0].0),
            committed
        );
        assert!(
            made[0].1 == kept,
            "{committed} is stale: run `{command}` (from the repository's root) and look at it"
        );
        let picture = png::decode(&kept).expect("a PNG");
        assert_eq!((picture.width, picture.height), (960, 768));
    }
}

// ---------------------------------------------------------------------------------------------
// `mi-settings replay --guide DIR`

mod guide {
    use std::path::{Path, PathBuf};

    use crate::common::batch::{ran, replay_with};
    use mi_settings::shells::replay::batch::BatchOptions;
    use mi_settings::shells::replay::pictures::PngOptions;
    use mi_settings::sim::device::Language;

    const WALK: &str = "seed-001-sign-out-keep";

    /// Replays the walk with its guide (and its pictures) into `dir`: the guide's page.
    fn guide(dir: &Path, language: Option<Language>) -> String {
        let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures")
            .join(format!("{WALK}.json"));
        let options = BatchOptions {
            ci: true,
            guide: Some(dir.to_path_buf()),
            png: Some(PngOptions {
                dir: dir.join("png"),
                scale: 1,
                snapshots_only: false,
            }),
            language,
            ..BatchOptions::default()
        };
        let (result, out) = replay_with(&[fixture], &options);
        assert_eq!(result, ran(1, 0), "{out}");
        std::fs::read_to_string(dir.join(WALK).join("index.html")).expect("the guide")
    }

    /// The pictures inside a page, in order.
    fn pictures(page: &str) -> Vec<Vec<u8>> {
        page.split("src=\"data:image/png;base64,")
            .skip(1)
            .map(|rest| decode(rest.split('"').next().expect("a quoted picture")))
            .collect()
    }

    fn decode(text: &str) -> Vec<u8> {
        const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut bits = Vec::new();
        for c in text.bytes().filter(|&c| c != b'=') {
            let value = ALPHABET.iter().position(|&a| a == c).expect("base64");
            bits.extend((0..6).rev().map(|i| (value >> i) & 1));
        }
        bits.chunks_exact(8)
            .map(|byte| byte.iter().fold(0u8, |n, &bit| n << 1 | bit as u8))
            .collect()
    }

    /// One page, the same every time: each step a person does in words, with the very picture
    /// `--png` writes after it; the checks left out; the password never written.
    #[test]
    fn a_page_of_steps_and_pictures() {
        let temp = tempfile::tempdir().expect("tempdir");
        let page = guide(&temp.path().join("one"), None);
        let again = guide(&temp.path().join("two"), None);
        assert!(page == again, "two replays gave different guides");
        assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
        assert!(page.ends_with("</ol>\n</body>\n</html>\n"));
        assert!(page.contains("<h1>Seed 001: sign out of the Mi Account and keep the data</h1>"));
        for words in [
            "<p>Tap “Mi Account”</p>",
            "<p>Type the password</p>",
            "<p>Tap “Keep”</p>",
        ] {
            assert!(page.contains(words), "{words}");
        }
        assert!(
            !page.contains("Xiaomi#2026"),
            "the password is in the guide"
        );
        assert!(!page.contains("expect"), "a check is in the guide");
        let mut files: Vec<PathBuf> = std::fs::read_dir(temp.path().join("one/png").join(WALK))
            .expect("the pictures")
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        let written: Vec<Vec<u8>> = files
            .iter()
            .map(|f| std::fs::read(f).expect("reads"))
            .collect();
        let shown = pictures(&page);
        assert!(shown.len() > 10, "{} pictures", shown.len());
        assert_eq!(
            page.matches("<li>").count() + 1,
            shown.len(),
            "a picture a step"
        );
        assert!(shown == written, "the guide's pictures are not --png's");
    }

    /// In the phone's language: the page, its steps and the labels as the phone shows them,
    /// though the fixture names them in English.
    #[test]
    fn in_the_phones_language() {
        let temp = tempfile::tempdir().expect("tempdir");
        let page = guide(temp.path(), Some(Language::ZhCn));
        assert!(page.contains("<html lang=\"zh-CN\">"));
        for words in [
            "<p>开始时的手机</p>",
            "<p>点按“小米账号”</p>",
            "<p>输入密码</p>",
            "<p>按 Esc</p>",
        ] {
            assert!(page.contains(words), "{words}");
        }
        assert!(!page.contains("<p>Tap"), "an English step");
    }

    /// A guide's folder that is a symbolic link is refused, naming it.
    #[cfg(unix)]
    #[test]
    fn a_linked_folder_is_refused() {
        let temp = tempfile::tempdir().expect("tempdir");
        let link = temp.path().join("guide");
        std::os::unix::fs::symlink(temp.path(), &link).expect("link");
        let options = BatchOptions {
            ci: true,
            guide: Some(link.clone()),
            ..BatchOptions::default()
        };
        let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/keyboard-walk.json");
        let (result, _) = replay_with(&[fixture], &options);
        let message = result.expect_err("refused");
        assert!(
            message.contains("symbolic link") && message.contains(&link.display().to_string()),
            "{message}"
        );
    }
}

/// The command line's pictures: `--png`, `--scale` and `--guide` as a person types them, and
/// the scale and the options that need `--png` checked before anything replays.
#[test]
fn the_command_line_takes_pictures_and_guides() {
    use std::process::Command;
    let temp = tempfile::tempdir().expect("tempdir");
    let out = temp.path().to_str().expect("a UTF-8 path");
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/keyboard-walk.json");
    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_mi-settings"))
            .arg("replay")
            .arg(fixture)
            .args(args)
            .env("CI", "true")
            .output()
            .expect("runs");
        (
            output.status.code(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let (code, stderr) = run(&["--png", out, "--scale", "2", "--guide", out]);
    assert_eq!(code, Some(0), "{stderr}");
    let folder = temp.path().join("keyboard-walk");
    let start = std::fs::read(folder.join("0000-start.png")).expect("the start");
    let start = png::decode(&start).expect("a PNG");
    assert_eq!((start.width, start.height), (960, 768));
    assert!(folder.join("index.html").is_file());
    for (args, says) in [
        (&["--png", out, "--scale", "3"][..], "--scale"),
        (&["--scale", "2"][..], "--png"),
        (&["--png-snapshots-only"][..], "--png"),
    ] {
        let (code, stderr) = run(args);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains(says), "{args:?}: {stderr}");
    }
}
