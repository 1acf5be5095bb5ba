//! Text in terminal columns: display widths, word-wrapping (with the Chinese line-breaking
//! rules) and cutting with "…".

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How many columns `text` takes: printable ASCII (most labels) by its length, without looking
/// characters up in the width tables.
pub fn text_width(text: &str) -> usize {
    if printable_ascii(text.as_bytes()) {
        text.len()
    } else {
        text.width()
    }
}

/// Whether every byte is printable ASCII (0x20–0x7E). Folded 16 bytes at a time without an early
/// exit, so that a chunk is checked in a few vector instructions: widths are asked for every
/// label of every view, and the byte-by-byte check was a thirtieth of an agent's step.
fn printable_ascii(bytes: &[u8]) -> bool {
    // A printable byte less 0x20 is at most 0x5E; every other byte wraps or lands above it.
    let outside = |chunk: &[u8]| {
        chunk
            .iter()
            .fold(0u8, |acc, &b| acc | u8::from(b.wrapping_sub(0x20) > 0x5e))
    };
    let mut chunks = bytes.chunks_exact(16);
    chunks.all(|chunk| outside(chunk) == 0) && outside(chunks.remainder()) == 0
}

/// Word-wraps `text` to `width` columns (by display width, so wide characters count double).
/// Words longer than a line are broken. Always returns at least one line.
pub fn wrap(text: &str, width: u16) -> Vec<String> {
    let mut lines = Vec::new();
    wrap_each(text, width, |line| lines.push(line.to_string()));
    lines
}

/// How many lines `wrap` would give, without building them: heights are asked for on every
/// update and every frame.
pub fn wrapped_height(text: &str, width: u16) -> u16 {
    // A line that fits needs no breaking at all, and most do.
    if !text.contains('\n') && text_width(text) <= usize::from(width.max(1)) {
        return 1;
    }
    let mut count: u16 = 0;
    wrap_each(text, width, |_| count = count.saturating_add(1));
    count
}

/// Marks that never start a line in Chinese text.
const NO_LINE_START: &str = "，。、：；！？”’）》」』】…";
/// Marks that never end a line in Chinese text.
const NO_LINE_END: &str = "“‘（《「『【";

/// Where the part of `line` that must go down with `next` begins (`line.len()`: nothing goes
/// down). Chinese rules: a closing mark never starts a line, so what it closes goes down with
/// it (the Latin run that ends the line, from `run_start`, or the last character); an opening
/// mark never ends a line. Never the whole line, and never more than fits beside `next` on a
/// line `width` wide: a break against the rules is better than a line too long.
fn carried_from(line: &str, next: char, run_start: Option<usize>, width: usize) -> usize {
    let last = line.char_indices().next_back();
    let from = if NO_LINE_START.contains(next) {
        let unit = run_start.map_or(last.map(|(at, _)| at), Some);
        // An opening mark just before goes too: "（" never ends the line left behind.
        unit.map(|at| {
            line[..at]
                .char_indices()
                .next_back()
                .filter(|(_, c)| NO_LINE_END.contains(*c))
                .map_or(at, |(before, _)| before)
        })
    } else {
        last.filter(|(_, c)| NO_LINE_END.contains(*c))
            .map(|(at, _)| at)
    };
    let next_width = next.width().unwrap_or(0);
    from.filter(|at| *at > 0 && text_width(&line[*at..]) + next_width <= width)
        .unwrap_or(line.len())
}

/// The pieces a line may not break inside: a word of Latin text is one; in Chinese text, each
/// Chinese character is one and each run of other characters between them (an address, a
/// number) is one, and so is each short item of a list.
fn unbreakable_runs(word: &str, chinese: bool) -> Vec<&str> {
    if !chinese {
        return vec![word];
    }
    // A list written out ("联系人、短信、浏览器") keeps each short item whole, its "、" with it.
    if word.contains('、') {
        return word
            .split_inclusive('、')
            .flat_map(|item| {
                if text_width(item) <= LIST_ITEM_WIDTH {
                    vec![item]
                } else {
                    character_runs(item).collect()
                }
            })
            .collect();
    }
    character_runs(word).collect()
}

/// The widest item of a Chinese list kept whole (a longer one breaks as text does).
const LIST_ITEM_WIDTH: usize = 12;

/// Each Chinese character, and each run of other characters between them.
fn character_runs(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let end = if first.width() == Some(2) {
            first.len_utf8()
        } else {
            rest.char_indices()
                .find(|(_, c)| c.width() == Some(2))
                .map_or(rest.len(), |(at, _)| at)
        };
        let (run, after) = rest.split_at(end);
        rest = after;
        Some(run)
    })
}

/// The line breaking behind `wrap`: calls `emit` with each line in turn.
fn wrap_each(text: &str, width: u16, mut emit: impl FnMut(&str)) {
    let width = usize::from(width.max(1));
    let mut line = String::new();
    for paragraph in text.split('\n') {
        let mut line_width = 0;
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let word_width = text_width(word);
            let gap = usize::from(line_width > 0);
            if line_width + gap + word_width <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_width += gap + word_width;
                continue;
            }
            // Chinese breaks between any two characters, so a Chinese run goes on from where
            // the line is; a long Latin word starts a line of its own.
            let chinese = word.chars().any(|c| c.width() == Some(2));
            if line_width > 0 && (!chinese || line_width + gap >= width) {
                emit(&line);
                line.clear();
                line_width = 0;
            } else if line_width > 0 {
                line.push(' ');
                line_width += 1;
            }
            // Where the Latin run that ends the line began (it goes down whole, if it must).
            let mut run_start: Option<usize> = None;
            for segment in unbreakable_runs(word, chinese) {
                let segment_width = text_width(segment);
                let latin = !segment.chars().any(|c| c.width() == Some(2));
                if line_width + segment_width <= width {
                    run_start = (latin && chinese).then_some(line.len());
                    line.push_str(segment);
                    line_width += segment_width;
                    continue;
                }
                // A Latin run inside Chinese text (an address, a number) or a list's item goes
                // down whole, with an opening mark before it.
                let whole = latin || segment.chars().nth(1).is_some();
                if whole && chinese && segment_width <= width && line_width > 0 {
                    let from = line
                        .char_indices()
                        .next_back()
                        .filter(|(at, c)| {
                            *at > 0
                                && NO_LINE_END.contains(*c)
                                && text_width(&line[*at..]) + segment_width <= width
                        })
                        .map_or(line.len(), |(at, _)| at);
                    let carried = line.split_off(from);
                    emit(line.trim_end_matches(' '));
                    line = carried;
                    run_start = Some(line.len());
                    line.push_str(segment);
                    line_width = text_width(&line);
                    continue;
                }
                for ch in segment.chars() {
                    let ch_width = ch.width().unwrap_or(0);
                    if line_width + ch_width > width && line_width > 0 {
                        let from = carried_from(&line, ch, run_start, width);
                        let carried = line.split_off(from);
                        emit(line.trim_end_matches(' '));
                        line = carried;
                        line_width = text_width(&line);
                    }
                    run_start = None;
                    line.push(ch);
                    line_width += ch_width;
                }
            }
        }
        emit(&line);
        line.clear();
    }
}

/// Cuts `text` to at most `width` columns, ending with "…" when something was cut.
pub fn truncate(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text_width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for ch in text.chars() {
        let ch_width = ch.width().unwrap_or(0);
        if used + ch_width + 1 > width {
            break;
        }
        out.push(ch);
        used += ch_width;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folded check agrees with the plain one for every byte, at every place in texts of
    /// every length up to three chunks.
    #[test]
    fn printable_ascii_agrees_with_the_plain_check() {
        for length in 1..=48 {
            for at in 0..length {
                for byte in 0..=u8::MAX {
                    let mut bytes = vec![b'a'; length];
                    bytes[at] = byte;
                    let plain = bytes.iter().all(|b| (0x20..0x7f).contains(b));
                    assert_eq!(
                        printable_ascii(&bytes),
                        plain,
                        "{byte:#x} at {at} of {length}"
                    );
                }
            }
        }
        assert!(printable_ascii(b""));
    }

    #[test]
    fn wrap_breaks_on_words_and_long_words() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
        for (text, width) in [
            ("one two three", 7),
            ("abcdefghij", 4),
            ("", 4),
            ("a\nb", 10),
        ] {
            assert_eq!(
                usize::from(wrapped_height(text, width)),
                wrap(text, width).len()
            );
        }
    }

    #[test]
    fn chinese_wraps_between_characters_by_the_chinese_rules() {
        assert_eq!(wrap("设置小米账号", 6), vec!["设置小", "米账号"]);
        // "。" may not start a line: "号" goes down with it.
        assert_eq!(wrap("小米账号。好", 8), vec!["小米账", "号。好"]);
        // "“" may not end a line: it goes down with what it opens.
        assert_eq!(wrap("检查“日期”", 6), vec!["检查", "“日期”"]);
        // The address stays whole, its opening bracket with it.
        assert_eq!(
            wrap("关联账号（le@example.com）好", 16),
            vec!["关联账号", "（le@example.com", "）好"]
        );
        assert_eq!(
            wrap("登录：Redmi Note 12（Lagos, Nigeria）。如非本人", 30),
            vec!["登录：Redmi Note 12（Lagos,", "Nigeria）。如非本人"]
        );
        // A list's items stay whole.
        assert_eq!(
            wrap("联系人、短信、相册、笔记、日历、通话记录、WLAN、浏览器", 52),
            vec!["联系人、短信、相册、笔记、日历、通话记录、WLAN、", "浏览器"]
        );
        for (text, width) in [("设置小米账号", 6), ("检查“日期”", 6)] {
            assert_eq!(
                usize::from(wrapped_height(text, width)),
                wrap(text, width).len()
            );
        }
    }

    #[test]
    fn truncate_marks_the_cut() {
        assert_eq!(truncate("Sign in to Mi Account", 10), "Sign in t…");
        assert_eq!(truncate("short", 10), "short");
    }
}
