//! `replay --guide DIR`: an illustrated guide from a fixture, for a trainer to print or share.
//! One self-contained page, `DIR/<fixture>/index.html`: the fixture's name and description, then
//! each step that moves the phone in words a person follows ("Tap “Mi Account”", in the phone's
//! language), each with the picture of the phone after it (a PNG inside the page). Checks
//! (`expect_*`, snapshots) are not steps a person does and are left out. The page is written as
//! the replay goes, to a temporary file renamed into place at the end, so memory stays flat and
//! a half-written guide never stands under the name.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::pictures::no_link;
use crate::engine::Engine;
use crate::play::fixture::{ScrollDirection, Step};
use crate::play::player::Player;
use crate::play::runner::types_a_password;
use crate::shells::files::Replacement;
use crate::sim::device::Language;
use crate::strings::counterparts;
use crate::ui::pixels::{self, Picture, png};

/// The guide's pictures' scale: a 60x24 phone is 480x384 pixels, shown at that size.
const SCALE: u32 = 1;

/// A guide being written.
pub struct Guide {
    out: BufWriter<Replacement>,
    path: PathBuf,
    language: Language,
    picture: Picture,
    /// The step entries written.
    steps: usize,
    /// Base64 of a picture, reused.
    text: String,
}

impl Guide {
    /// Opens the guide of the fixture `stem` in `dir` (a folder on the way, or the page, that
    /// is a symbolic link is refused); [`Guide::start`] writes its head.
    pub fn new(dir: &Path, stem: &str) -> Result<Guide, String> {
        let folder = dir.join(stem);
        let path = folder.join("index.html");
        for at in [dir, &folder, &path] {
            no_link(at)?;
        }
        fs::create_dir_all(&folder)
            .map_err(|e| format!("{}: cannot create the folder: {e}", folder.display()))?;
        let file = Replacement::new(&path)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        Ok(Guide {
            out: BufWriter::with_capacity(1 << 16, file),
            path,
            language: Language::En,
            picture: Picture::default(),
            steps: 0,
            text: String::new(),
        })
    }

    /// The page's head, titled `title`, in the language of the phone under `player`, and the
    /// picture of the phone at the start.
    pub fn start(
        &mut self,
        title: &str,
        description: &str,
        player: &mut Player,
    ) -> Result<(), String> {
        self.language = player.start_device().phone.language;
        self.head(title, description).map_err(|e| self.error(&e))?;
        self.entry(None, player)
    }

    fn error(&self, e: &io::Error) -> String {
        format!("{}: cannot write: {e}", self.path.display())
    }

    fn head(&mut self, title: &str, description: &str) -> io::Result<()> {
        let lang = match self.language {
            Language::En => "en",
            Language::ZhCn => "zh-CN",
        };
        let title = escape(title);
        write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
        )?;
        if !description.is_empty() {
            writeln!(
                self.out,
                "<p class=\"description\">{}</p>",
                escape(description)
            )?;
        }
        self.out.write_all(b"<ol class=\"steps\">\n")
    }

    /// The words a person follows for `step`, done on the phone of `engine`, in the guide's
    /// language; `None` for a check, which is not done but seen.
    pub fn words(&self, step: &Step, engine: &Engine) -> Option<String> {
        say(step, engine, self.language)
    }

    /// The phone as it is now, under `words` (the start when `words` is `None`).
    pub fn entry(&mut self, words: Option<&str>, player: &mut Player) -> Result<(), String> {
        let Some(buffer) = player.buffer() else {
            return Err("the replay's phone is not drawn in colour".to_string());
        };
        pixels::draw_into(buffer, SCALE, &mut self.picture);
        let bytes = png::encode(&self.picture).map_err(|e| format!("the guide's picture: {e}"))?;
        self.text.clear();
        base64(&bytes, &mut self.text);
        let (width, height) = (self.picture.width, self.picture.height);
        let start = match self.language {
            Language::En => "The phone at the start",
            Language::ZhCn => "开始时的手机",
        };
        let written = (|| -> io::Result<()> {
            match words {
                Some(words) => {
                    self.steps += 1;
                    writeln!(self.out, "<li><p>{}</p>", escape(words))?;
                }
                None => writeln!(self.out, "<li class=\"start\"><p>{start}</p>")?,
            }
            let alt = escape(words.unwrap_or(start));
            writeln!(
                self.out,
                "<img alt=\"{alt}\" width=\"{width}\" height=\"{height}\" \
                 src=\"data:image/png;base64,{}\"></li>",
                self.text
            )
        })();
        written.map_err(|e| self.error(&e))
    }

    /// Ends the page and gives it its name; returns where it is and how many steps it shows.
    pub fn finish(mut self) -> Result<(PathBuf, usize), String> {
        // Unfinished (an error on the way), the temporary file goes with the writer.
        let named = (|| -> io::Result<()> {
            self.out.write_all(b"</ol>\n</body>\n</html>\n")?;
            self.out.into_inner().map_err(|e| e.into_error())?.finish()
        })();
        named.map_err(|e| format!("{}: cannot write: {e}", self.path.display()))?;
        Ok((self.path, self.steps))
    }
}

/// The page's look: steps numbered, each with its picture at its pixel size (crisp, never
/// smoothed), a step never split over two printed pages.
const STYLE: &str = "body { font-family: system-ui, \"PingFang SC\", \"Microsoft YaHei\", \"Noto Sans CJK SC\", \"WenQuanYi Micro Hei\", sans-serif; max-width: 44rem; margin: 2rem auto; \
padding: 0 1rem; color: #1c1c1e; }\n\
h1 { font-size: 1.5rem; }\n\
.description { color: #48484a; }\n\
ol.steps { padding-left: 2rem; }\n\
ol.steps li { margin: 0 0 2rem; break-inside: avoid; page-break-inside: avoid; }\n\
ol.steps li.start { list-style: none; }\n\
ol.steps p { font-size: 1.1rem; margin: 0 0 0.5rem; }\n\
img { image-rendering: pixelated; max-width: 100%; height: auto; border-radius: 6px; }\n";

/// A step in a person's words in `language`: a label as the phone shows it, even when the
/// fixture names it in another language.
fn say(step: &Step, engine: &Engine, language: Language) -> Option<String> {
    let zh = language == Language::ZhCn;
    let view = engine.view();
    let shown = |label: &str| -> String {
        let on_screen = |text: &str| view.elements.iter().any(|e| e.label.as_ref() == text);
        if on_screen(label) {
            return label.to_string();
        }
        let ours = counterparts(label, engine.tr());
        ours.iter()
            .find(|text| on_screen(text))
            .or(ours.first())
            .map_or_else(|| label.to_string(), String::clone)
    };
    let label_of = |id: &str| {
        view.find(id)
            .map(|e| e.label.to_string())
            .filter(|l| !l.trim().is_empty())
    };
    Some(match step {
        Step::Tap(label) => tap(&shown(label), zh),
        Step::TapId { id, label } => match label.as_deref().map(str::to_string).or(label_of(id)) {
            Some(label) => tap(&shown(&label), zh),
            None if zh => format!("点按 {id}"),
            None => format!("Tap {id}"),
        },
        Step::Type(_) | Step::TypeFrom(_) if types_a_password(view) => if zh {
            "输入密码"
        } else {
            "Type the password"
        }
        .to_string(),
        Step::Type(text) if zh => format!("输入“{text}”"),
        Step::Type(text) => format!("Type “{text}”"),
        Step::TypeFrom(_) if zh => "输入屏幕上显示的号码".to_string(),
        Step::TypeFrom(_) => "Type the number shown on screen".to_string(),
        Step::Key(key) => {
            let name = key_name(&key.name());
            if zh {
                format!("按 {name}")
            } else {
                format!("Press {name}")
            }
        }
        Step::Scroll(ScrollDirection::Up) if zh => "向上滚动".to_string(),
        Step::Scroll(ScrollDirection::Down) if zh => "向下滚动".to_string(),
        Step::Scroll(ScrollDirection::Up) => "Scroll up".to_string(),
        Step::Scroll(ScrollDirection::Down) => "Scroll down".to_string(),
        Step::Back(1) if zh => "返回".to_string(),
        Step::Back(times) if zh => format!("返回 {times} 次"),
        Step::Back(1) => "Go back".to_string(),
        Step::Back(times) => format!("Go back {times} times"),
        Step::Wait(wait) => wait_words(wait.duration().num_seconds(), zh),
        Step::SignInElsewhere(_) if zh => "与此同时，有人在另一台设备上登录了这个账号".to_string(),
        Step::SignInElsewhere(_) => {
            "Meanwhile, someone signs in to the account elsewhere".to_string()
        }
        Step::ChangeElsewhere(_) if zh => "与此同时，账号在别处被更改".to_string(),
        Step::ChangeElsewhere(_) => "Meanwhile, the account is changed elsewhere".to_string(),
        Step::ExpectScreen(_)
        | Step::ExpectText(_)
        | Step::ExpectNoText(_)
        | Step::ExpectState(_)
        | Step::Snapshot(_)
        | Step::Expect(_)
        | Step::ExpectTask(_) => return None,
    })
}

fn tap(label: &str, zh: bool) -> String {
    if zh {
        format!("点按“{label}”")
    } else {
        format!("Tap “{label}”")
    }
}

/// "Wait 2 minutes", in the largest whole unit.
fn wait_words(seconds: i64, zh: bool) -> String {
    let (n, unit) = match seconds {
        s if s >= 3600 && s % 3600 == 0 => (s / 3600, ["hour", "小时"]),
        s if s >= 60 && s % 60 == 0 => (s / 60, ["minute", "分钟"]),
        s => (s, ["second", "秒"]),
    };
    match (zh, n) {
        (true, n) => format!("等待 {n} {}", unit[1]),
        (false, 1) => format!("Wait 1 {}", unit[0]),
        (false, n) => format!("Wait {n} {}s", unit[0]),
    }
}

/// A key as its keycap reads: `esc` → `Esc`, `ctrl+c` → `Ctrl+C`, `f2` → `F2`.
fn key_name(name: &str) -> String {
    match name {
        "pageup" => "Page Up".to_string(),
        "pagedown" => "Page Down".to_string(),
        "backtab" => "Shift+Tab".to_string(),
        "ctrl+c" => "Ctrl+C".to_string(),
        _ if name.chars().count() == 1 => format!("“{name}”"),
        _ => {
            let mut chars = name.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect()
            })
        }
    }
}

/// `text` safe inside HTML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Standard base64 (RFC 4648, padded) of `bytes`, appended to `out`.
fn base64(bytes: &[u8], out: &mut String) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_rfc_4648_writes_it() {
        for (bytes, written) in [
            (&b""[..], ""),
            (b"f", "Zg=="),
            (b"fo", "Zm8="),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg=="),
            (b"fooba", "Zm9vYmE="),
            (b"foobar", "Zm9vYmFy"),
            (&[0xff, 0xfe, 0x00], "//4A"),
        ] {
            let mut out = String::new();
            base64(bytes, &mut out);
            assert_eq!(out, written, "{bytes:?}");
        }
    }

    #[test]
    fn text_is_escaped_and_keys_read_as_keycaps() {
        assert_eq!(
            escape(r#"<b>"Tom" & 'Jerry'</b>"#),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
        assert_eq!(key_name("esc"), "Esc");
        assert_eq!(key_name("f2"), "F2");
        assert_eq!(key_name("pagedown"), "Page Down");
        assert_eq!(key_name("q"), "“q”");
        assert_eq!(wait_words(2, false), "Wait 2 seconds");
        assert_eq!(wait_words(60, false), "Wait 1 minute");
        assert_eq!(wait_words(90, false), "Wait 90 seconds");
        assert_eq!(wait_words(7200, true), "等待 2 小时");
    }
}
