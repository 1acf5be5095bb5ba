//! The illustrated guide (`replay --guide`) in a real browser: headless Chromium loads it, shows
//! every picture, and prints it to a PDF that has every step's words. `.ci/run` installs Debian's
//! chromium, poppler-utils (pdftotext) and a Chinese font; elsewhere the test says it was skipped, except under
//! CI, where a missing browser fails it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The browser, where one is installed.
fn chromium() -> Option<PathBuf> {
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
}

/// Whether a font with Chinese is installed (a page in Chinese prints boxes without one).
fn chinese_font() -> bool {
    Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .is_ok_and(|listed| !listed.stdout.is_empty())
}

/// The browser, where it and what the check needs are installed (`language`'s font too).
fn tools(language: &str) -> Option<PathBuf> {
    let found = chromium()
        .filter(|_| Command::new("pdftotext").arg("-v").output().is_ok())
        .filter(|_| language == "en" || chinese_font());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium, pdftotext and a Chinese font (.ci/run installs them)"
        );
        eprintln!("skipped: the guide's browser check needs chromium, pdftotext and fonts");
    }
    found
}

/// Chromium headless as this machine allows it: no sandbox as root, no network chatter, a
/// profile of its own; `timeout` bounds a browser that hangs.
fn run_chromium(browser: &Path, profile: &Path, args: &[&str]) -> String {
    let output = Command::new("timeout")
        .arg("120")
        .arg(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--allow-file-access-from-files",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The words of each step as the page writes them (`<li …><p>words</p>`), unescaped.
fn step_words(html: &str) -> Vec<String> {
    html.split("<li")
        .skip(1)
        .filter_map(|item| {
            let start = item.find("<p>")? + 3;
            let end = item[start..].find("</p>")? + start;
            Some(
                item[start..end]
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&"),
            )
        })
        .collect()
}

/// Text without any white space: a PDF's text breaks lines where the page did.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn guide_in_browser(language: &str) {
    let Some(browser) = tools(language) else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = dir.path().join("guide");
    let status = Command::new(env!("CARGO_BIN_EXE_mi-settings"))
        .args([
            "replay",
            "fixtures/seed-000-devices-on-the-phone.json",
            "--language",
        ])
        .arg(language)
        .arg("--guide")
        .arg(&out)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("replay runs");
    assert!(status.status.success(), "{status:?}");
    let page = out.join("seed-000-devices-on-the-phone").join("index.html");
    let html = std::fs::read_to_string(&page).expect("the guide");
    let pictures = html.matches("<img").count();
    let steps = step_words(&html);
    assert!(pictures >= 10, "only {pictures} pictures");
    assert_eq!(steps.len(), pictures, "a picture per step");

    // Loaded: a copy of the page reports, once loaded, how many of its pictures are shown.
    let probe = dir.path().join("probe.html");
    let script = "<script>addEventListener('load', () => { const all = [...document.images]; \
                  const shown = all.filter(i => i.complete && i.naturalWidth > 0 \
                  && i.getBoundingClientRect().width > 0); \
                  document.title = `shown ${shown.length} of ${all.length}`; });</script>";
    std::fs::write(&probe, html.replace("</body>", &format!("{script}</body>")))
        .expect("the probe page");
    let profile = dir.path().join("profile");
    let dom = run_chromium(
        &browser,
        &profile,
        &[
            "--virtual-time-budget=10000",
            "--dump-dom",
            &format!("file://{}", probe.display()),
        ],
    );
    let wanted = format!("<title>shown {pictures} of {pictures}</title>");
    assert!(dom.contains(&wanted), "not every picture was shown: {}", {
        let at = dom.find("<title>").unwrap_or(0);
        &dom[at..(at + 80).min(dom.len())]
    });

    // Printed: the PDF has every step's words.
    let pdf = dir.path().join("guide.pdf");
    run_chromium(
        &browser,
        &profile,
        &[
            "--no-pdf-header-footer",
            &format!("--print-to-pdf={}", pdf.display()),
            &format!("file://{}", page.display()),
        ],
    );
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = squeezed(&String::from_utf8_lossy(&text.stdout));
    let missing: Vec<&String> = steps
        .iter()
        .filter(|words| !text.contains(&squeezed(words)))
        .collect();
    assert!(missing.is_empty(), "the printed guide lacks {missing:?}");
}

#[test]
fn the_guide_shows_every_picture_in_a_browser_and_prints_every_step() {
    guide_in_browser("en");
}

#[test]
fn the_chinese_guide_shows_every_picture_in_a_browser_and_prints_every_step() {
    guide_in_browser("zh-CN");
}

#[test]
fn step_words_are_read_from_the_page() {
    let html = "<ol><li class=\"start\"><p>The phone at the start</p><img></li>\
                <li><p>Tap &quot;Mi Account&quot; &amp; wait</p><img></li></ol>";
    assert_eq!(
        step_words(html),
        ["The phone at the start", "Tap \"Mi Account\" & wait"]
    );
    assert_eq!(squeezed(" a b\nc "), "abc");
}
