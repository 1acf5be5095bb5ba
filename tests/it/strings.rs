//! Every word the phone shows comes from the string table (`core/src/strings/`): a test reads the
//! code that builds what is shown (screens, engine, renderer) and fails on any literal that reads
//! as words. Ids, formats, addresses and glyphs are not words.

use std::path::Path;

use mi_settings::sim::device::{Language, Skin};
use mi_settings::strings::{self, S, Source, Tr, placeholders};

/// The folders whose code builds what a person sees.
const SHOWN_BY: &[&str] = &[
    "core/src/screens",
    "core/src/engine",
    "core/src/ui",
    "core/src/view.rs",
];

/// Files whose words are matched, never shown: the seed guides' words a tap may use.
const NEVER_SHOWN: &[&str] = &["core/src/engine/seed_words.rs"];

/// Words in the code that are not the phone's: messages for the people who write fixtures and
/// drive agents (in English, like a compiler's), the seed guides' words a tap may use, and the
/// key table of docs/keys.md. Each with its file and why.
const NOT_THE_PHONES: &[(&str, &str, &str)] = &[
    (
        "core/src/engine/tap.rs",
        "no element",
        "a tap error, for fixture and agent authors",
    ),
    (
        "core/src/engine/tap.rs",
        "element {id",
        "a tap error, for fixture and agent authors",
    ),
    (
        "core/src/engine/tap.rs",
        "{label:?}",
        "a tap error, for fixture and agent authors",
    ),
    (
        "core/src/engine/tap.rs",
        "{} elements",
        "a tap error, for fixture and agent authors",
    ),
    (
        "core/src/engine/mod.rs",
        "no account with",
        "a script error, for fixture authors",
    ),
    (
        "core/src/engine/keys.rs",
        "| keys |",
        "docs/keys.md's key table",
    ),
    (
        "core/src/ui/pixels/png.rs",
        "cannot write a PNG",
        "a file error, for whoever asked for pictures",
    ),
    (
        "core/src/ui/pixels/png.rs",
        "not a PNG",
        "a file error, for tools that compare pictures",
    ),
    (
        "core/src/ui/pixels/png.rs",
        "not an 8-bit RGB PNG",
        "a file error, for tools that compare pictures",
    ),
    (
        "core/src/ui/pixels/png.rs",
        "the PNG is too large",
        "a file error, for tools that compare pictures",
    ),
    (
        "core/src/screens/mod.rs",
        "empty navigation stack",
        "a panic that cannot happen",
    ),
];

/// Every string literal in `code` (outside comments), with its line.
fn literals(code: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let (mut i, mut line) = (0, 1);
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => line += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            // A char literal ('"', '\'') is not the start of a string.
            b'\'' if bytes.get(i + 2) == Some(&b'\'') => {
                i += 3;
                continue;
            }
            b'\'' if bytes.get(i + 1) == Some(&b'\\') => {
                i += 4;
                continue;
            }
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    if bytes[j] == b'\\' {
                        j += 1;
                    }
                    if bytes.get(j) == Some(&b'\n') {
                        line += 1;
                    }
                    j += 1;
                }
                found.push((line, code[start..j.min(code.len())].to_string()));
                i = j + 1;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Whether a literal reads as words a person would read (and so belongs in the table): two
/// letters or more in a row, and either a space between words or a capitalised word. Ids
/// (`settings.wifi`), formats (`{:02}`, `%b %-d`), addresses and glyphs are not.
fn reads_as_words(text: &str) -> bool {
    let letters: String = text
        .chars()
        .map(|c| if c.is_alphabetic() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = letters
        .split_whitespace()
        .filter(|w| w.len() >= 2)
        .collect();
    if words.is_empty() {
        return false;
    }
    let id_like = text
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-/:*{}".contains(c));
    if id_like {
        return false;
    }
    let prose = text.contains(' ') && words.len() >= 2;
    let capitalised = words.iter().any(|w| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
    });
    prose || capitalised
}

fn sources(root: &Path) -> Vec<std::path::PathBuf> {
    if root.is_file() {
        return vec![root.to_path_buf()];
    }
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root).expect("folder") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn no_word_is_shown_that_is_not_in_the_string_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut outside = Vec::new();
    for folder in SHOWN_BY {
        for path in sources(&root.join(folder)) {
            let text = std::fs::read_to_string(&path).expect("source");
            // Unit tests sit behind #[cfg(test)] at the end of a file.
            let code = text
                .find("#[cfg(test)]")
                .map_or(&text[..], |at| &text[..at]);
            let file = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .display()
                .to_string();
            if NEVER_SHOWN.contains(&file.as_str()) {
                continue;
            }
            for (line, literal) in literals(code) {
                let excused = NOT_THE_PHONES
                    .iter()
                    .any(|(f, start, _)| *f == file && literal.starts_with(start));
                // serde's attributes name functions (`Option::is_none`), not words.
                let a_path = literal.contains("::") && !literal.contains(' ');
                if reads_as_words(&literal) && !excused && !a_path {
                    outside.push(format!("{file}:{line}: {literal:?}"));
                }
            }
        }
    }
    assert!(
        outside.is_empty(),
        "words outside the string table (add them to core/src/strings/catalogue.rs):\n{}",
        outside.join("\n")
    );
}

#[test]
fn the_scanner_knows_words_from_ids_and_formats() {
    for words in ["Sign out", "Off", "Wi-Fi turned off", "{name} is offline"] {
        assert!(reads_as_words(words), "{words}");
    }
    for not_words in [
        "settings.wifi",
        "{:02}:{:02}",
        "%b %-d, %Y",
        "security/devices",
        "i.mi.com",
        "GB",
        "▌",
        "[ ON]",
        "",
    ] {
        assert!(!reads_as_words(not_words), "{not_words}");
    }
    assert_eq!(
        literals("let a = \"x y\"; // \"comment\"\nlet b = '\"'; \"z\""),
        vec![(1, "x y".to_string()), (2, "z".to_string())]
    );
}

#[test]
fn every_text_has_its_source_and_every_skin_its_wording() {
    let miui = Tr::new(Skin::Miui);
    let hyperos = Tr::new(Skin::Hyperos);
    for &id in S::ALL {
        assert!(!miui.get(id).is_empty(), "{} is empty", id.name());
        assert_eq!(
            placeholders(miui.get(id)),
            placeholders(hyperos.get(id)),
            "{}",
            id.name()
        );
        // Doc strings are the phone's own words: they never speak of the simulation.
        if id.source() == Source::Doc {
            assert!(!miui.get(id).contains("mi-settings"), "{}", id.name());
        }
    }
}

/// The phone speaks as a phone: no text of any screen, dialog, toast or notification talks about
/// the simulator itself or promises something for later. Only the terminal's own message (too
/// small to draw the phone) names the program.
#[test]
fn no_text_of_the_phone_talks_about_the_simulator_or_later_versions() {
    const ABOUT_THE_PROGRAM: &[S] = &[S::TooSmall];
    const STALE: &[&str] = &[
        "mi-settings",
        "next version",
        "not yet",
        "coming soon",
        "later version",
        "future version",
        "in a later",
        "to do",
        "todo",
    ];
    let mut found = Vec::new();
    for skin in [Skin::Miui, Skin::Hyperos] {
        let tr = Tr::new(skin);
        for &id in S::ALL.iter().filter(|id| !ABOUT_THE_PROGRAM.contains(id)) {
            let text = tr.get(id).to_lowercase();
            for stale in STALE.iter().filter(|stale| text.contains(*stale)) {
                found.push(format!("{} ({skin:?}): {stale:?}", id.name()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// One name per thing within a skin: wherever a text names the account, the cloud, Find Device
/// or two-step verification, it spells the name as the skin's own entry does (seed guides are
/// followed word by word, so "Find device" beside "Find Device" reads as two things).
#[test]
fn each_skin_spells_each_name_one_way() {
    let mut found = Vec::new();
    for skin in [Skin::Miui, Skin::Hyperos] {
        let tr = Tr::new(skin);
        let names = [
            tr.get(S::FindDevice),
            tr.get(S::Cloud),
            tr.get(S::Account),
            tr.get(S::TwoStepVerification),
        ];
        for &id in S::ALL {
            let text = tr.get(id);
            for name in names {
                // Every case-insensitive occurrence is the name exactly, or the name lowercased
                // after its first word where a sentence runs on ("turn on two-step verification").
                let lower_text = text.to_lowercase();
                let lower_name = name.to_lowercase();
                let mut from = 0;
                while let Some(at) = lower_text[from..].find(&lower_name) {
                    let start = from + at;
                    let written = &text[start..start + name.len()];
                    let runs_on = written == lower_name && name == tr.get(S::TwoStepVerification);
                    if written != name && !runs_on {
                        found.push(format!(
                            "{} ({skin:?}): {written:?} for {name:?}",
                            id.name()
                        ));
                    }
                    from = start + name.len();
                }
            }
            if text.contains("2-step") {
                found.push(format!("{} ({skin:?}): \"2-step\"", id.name()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// Texts that read the same on a Chinese phone: key names, network and site names.
const SAME_IN_CHINESE: &[S] = &[
    S::TopicGoogle,
    S::Status4G,
    S::Sim1,
    S::SiteCloud,
    S::SiteAccount,
    S::KeyEnter,
    S::KeyEsc,
    S::KeyTab,
    S::KeyBackTab,
    S::KeyPageUp,
    S::KeyPageDown,
    S::KeyHome,
    S::KeyEnd,
    S::KeyBackspace,
    S::KeyDelete,
    S::KeyCtrl,
    S::KeySpace,
    S::KeyUpDown,
    S::KeyLeftRight,
    S::KeyQ,
    S::KeyQuestion,
    S::KeyF2,
    S::KeyF3,
    S::MoreBelow,
    S::MoreAbove,
];

/// Every text has a Simplified Chinese wording in both skins (a missing one does not even
/// compile: the table's match lists every id), with the English placeholders, said in Chinese
/// unless it is a name that reads the same, and marked as confirmed, a guess or our own.
#[test]
fn every_text_has_a_chinese_wording_with_the_same_placeholders() {
    let mut counts = [0usize; 3];
    for &id in S::ALL {
        for skin in [Skin::Miui, Skin::Hyperos] {
            let english = Tr::new(skin).get(id);
            let chinese = Tr::speaking(skin, Language::ZhCn).get(id);
            assert!(!chinese.trim().is_empty(), "{} is empty", id.name());
            let mut wanted = placeholders(english);
            let mut found = placeholders(chinese);
            wanted.sort_unstable();
            found.sort_unstable();
            assert_eq!(wanted, found, "{}: {chinese:?}", id.name());
            if SAME_IN_CHINESE.contains(&id) {
                assert_eq!(chinese, english, "{}", id.name());
            } else {
                assert_ne!(chinese, english, "{} is not said in Chinese", id.name());
            }
            for english_name in ["Mi Account", "Mi Cloud", "Find Device", "Xiaomi Account"] {
                assert!(
                    !chinese.contains(english_name),
                    "{}: {chinese:?}",
                    id.name()
                );
            }
        }
        let source = Tr::speaking(Skin::Miui, Language::ZhCn).source(id);
        assert_ne!(
            source,
            Source::Seed,
            "{}: the guides are English",
            id.name()
        );
        counts[match source {
            Source::Doc => 0,
            Source::Guess | Source::Seed => 1,
            Source::Ours => 2,
        }] += 1;
        // The simulation's own words stay its own in Chinese.
        if id.source() == Source::Ours {
            assert_eq!(source, Source::Ours, "{}", id.name());
        }
    }
    println!(
        "zh-CN: {} confirmed, {} guesses, {} the simulation's own",
        counts[0], counts[1], counts[2]
    );
}

/// The switch is as wide in every language: the layout counts on it.
#[test]
fn switches_are_five_cells_in_every_language() {
    use unicode_width::UnicodeWidthStr;
    for language in Language::ALL {
        let tr = Tr::speaking(Skin::Miui, language);
        assert_eq!(tr.get(S::SwitchOn).width(), 5, "{language}");
        assert_eq!(tr.get(S::SwitchOff).width(), 5, "{language}");
    }
}

/// A text written for a phone in one language, as a phone in another says it.
#[test]
fn texts_are_found_across_languages() {
    let chinese = Tr::speaking(Skin::Miui, Language::ZhCn);
    let english = Tr::new(Skin::Miui);
    let counterparts = |text: &str, tr: Tr| strings::counterparts(text, tr);
    // Whole texts, either way round, ignoring case.
    assert!(counterparts("Sign out", chinese).contains(&"退出登录".to_string()));
    assert!(counterparts("sign out", chinese).contains(&"退出登录".to_string()));
    assert!(counterparts("退出登录", english).contains(&"Sign out".to_string()));
    // A HyperOS phone's English word on a MIUI phone is not another language.
    assert!(counterparts("Xiaomi Account", english).is_empty());
    // Placeholders keep their values, translated where they are texts themselves.
    assert_eq!(
        counterparts("Last synced: Nov 15", chinese),
        vec!["上次同步时间：11月15日".to_string()]
    );
    // Dates, a row's parts, a list, a button and a checkbox.
    assert_eq!(
        counterparts("Nov 21, 2026 08:05 · São Paulo, Brazil", chinese),
        vec!["2026年11月21日 08:05 · São Paulo, Brazil".to_string()]
    );
    assert_eq!(
        counterparts("Contacts, Messages, Gallery", chinese),
        vec!["联系人、短信、相册".to_string()]
    );
    assert_eq!(
        counterparts("[ OK ]", chinese),
        vec!["[ 确定 ]".to_string()]
    );
    assert_eq!(
        counterparts("[x] Show password", chinese),
        vec![format!("[x] {}", chinese.get(S::ShowPassword))]
    );
    // A piece of a long message: the message's own words in Chinese.
    let piece = counterparts("After device is removed, it will be signed out of", chinese);
    assert_eq!(piece, vec![chinese.get(S::RemoveNotice).to_string()]);
    // A piece of a message with a value in it: the stretch of the Chinese that holds only
    // the values the piece gives.
    assert!(
        counterparts("It expires in 10 minutes.", chinese)
            .contains(&"用于小米账号身份验证，10 分钟内有效".to_string()),
        "{:?}",
        counterparts("It expires in 10 minutes.", chinese)
    );
    assert!(
        counterparts("Signed in as Anna Schmidt", chinese)
            .contains(&"已登录：Anna Schmidt".to_string())
    );
    // A sentence with a comma is not a list, and nothing is made of what is no text.
    assert!(strings::exact_counterparts("After device is removed, it will be", chinese).is_empty());
    assert!(counterparts("Lei Wang", chinese).is_empty());
    assert!(counterparts("", chinese).is_empty());
    // What must not be on screen is translated only when whole.
    assert!(strings::exact_counterparts("verification code.", chinese).is_empty());
}
