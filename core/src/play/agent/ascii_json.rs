//! Compact JSON in printable ASCII only, written exactly as Python's
//! `json.dumps(value, ensure_ascii=True, separators=(",", ":"))` writes it: every character
//! outside 0x20–0x7E (non-ASCII, control characters, DEL) is escaped as lowercase `\uXXXX`, a
//! pair of surrogates above U+FFFF, and `"`, `\`, backspace, form feed, newline, return and tab
//! take their short escapes.
//!
//! Why: the agent pipe writes its answers so, and an observation asked for as text
//! (`observation_text`) is this very text: the Python package hands it to its user as the
//! space's string without decoding and encoding it again (that took most of the time of a step
//! from Python). Objects keep their members in order (serde_json's `preserve_order`), as
//! Python's dicts do; the protocol's observation holds no floats, whose digits the two write
//! differently.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter, Serializer};

/// Writes `value` as compact, printable-ASCII JSON into `writer`.
pub fn to_writer<W: Write, T: ?Sized + Serialize>(writer: W, value: &T) -> serde_json::Result<()> {
    value.serialize(&mut Serializer::with_formatter(writer, AsciiFormatter))
}

/// serde_json's compact layout (the `Formatter` trait's defaults: no spaces, no newlines), with
/// Python's `ensure_ascii` escapes.
#[derive(Debug, Clone, Copy, Default)]
pub struct AsciiFormatter;

const HEX_DIGITS: [u8; 16] = *b"0123456789abcdef";

/// Whether a fragment serde_json hands over is printable ASCII as it is. Such a fragment holds
/// no control character, quote or backslash (serde_json escapes those itself), and a `str`
/// never holds 0xFF: a byte below 0x7F is printable, and `b + 1` has its high bit set exactly
/// for DEL and the bytes of non-ASCII characters. Folded 16 bytes at a time without an early
/// exit, so that the compiler can check a chunk in a few vector instructions: this check ran
/// on every string of every observation and was a tenth of a step's time.
fn all_printable(bytes: &[u8]) -> bool {
    let mut chunks = bytes.chunks_exact(16);
    let flagged = |chunk: &[u8]| chunk.iter().fold(0u8, |acc, &b| acc | b.wrapping_add(1)) & 0x80;
    chunks.all(|chunk| flagged(chunk) == 0) && flagged(chunks.remainder()) == 0
}

/// Writes `\uXXXX` for one UTF-16 code unit, in lowercase hex as Python does.
fn write_unit<W: ?Sized + Write>(writer: &mut W, unit: u16) -> io::Result<()> {
    let nibble = |shift: u16| HEX_DIGITS[usize::from((unit >> shift) & 0xf)];
    writer.write_all(&[b'\\', b'u', nibble(12), nibble(8), nibble(4), nibble(0)])
}

impl Formatter for AsciiFormatter {
    /// A run of a string that serde_json would write as it is: printable ASCII goes out as it
    /// is, anything else (DEL, non-ASCII) as its UTF-16 code units escaped.
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let bytes = fragment.as_bytes();
        let printable = |b: &u8| (0x20..=0x7e).contains(b);
        // The common case, written in one go: all of it printable ASCII.
        if all_printable(bytes) {
            return writer.write_all(bytes);
        }
        let mut rest = fragment;
        while !rest.is_empty() {
            let run = rest.bytes().take_while(printable).count();
            let (plain, tail) = rest.split_at(run);
            writer.write_all(plain.as_bytes())?;
            let mut chars = tail.chars();
            if let Some(c) = chars.next() {
                let mut units = [0u16; 2];
                for &unit in c.encode_utf16(&mut units).iter() {
                    write_unit(writer, unit)?;
                }
            }
            rest = chars.as_str();
        }
        Ok(())
    }

    /// The characters serde_json escapes itself (quote, backslash, controls): Python's escapes
    /// for them, which are the short ones and lowercase `\u00XX`.
    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        char_escape: CharEscape,
    ) -> io::Result<()> {
        let letter = match char_escape {
            CharEscape::Quote => b'"',
            CharEscape::ReverseSolidus => b'\\',
            // Python never escapes '/': written as it is.
            CharEscape::Solidus => return writer.write_all(b"/"),
            CharEscape::Backspace => b'b',
            CharEscape::FormFeed => b'f',
            CharEscape::LineFeed => b'n',
            CharEscape::CarriageReturn => b'r',
            CharEscape::Tab => b't',
            CharEscape::AsciiControl(byte) => return write_unit(writer, u16::from(byte)),
        };
        writer.write_all(&[b'\\', letter])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn ascii(value: &Value) -> String {
        let mut out = Vec::new();
        to_writer(&mut out, value).expect("writes");
        String::from_utf8(out).expect("ASCII is UTF-8")
    }

    /// Each string as Python's `json.dumps(s, ensure_ascii=True)` writes it (checked against
    /// CPython 3).
    #[test]
    fn strings_are_escaped_as_python_escapes_them() {
        let cases = [
            ("Bluetooth", r#""Bluetooth""#),
            ("蓝牙", r#""\u84dd\u7259""#),
            ("设置 → 蓝牙", r#""\u8bbe\u7f6e \u2192 \u84dd\u7259""#),
            ("é", r#""\u00e9""#),
            ("😀", r#""\ud83d\ude00""#),
            ("a😀b𝄞", r#""a\ud83d\ude00b\ud834\udd1e""#),
            ("\u{10ffff}", r#""\udbff\udfff""#),
            ("\u{ffff}", r#""\uffff""#),
            ("line\nnext\ttab\rret", r#""line\nnext\ttab\rret""#),
            ("\u{8}\u{c}", r#""\b\f""#),
            ("\u{0}\u{1}\u{1f}", r#""\u0000\u0001\u001f""#),
            ("del \u{7f}", r#""del \u007f""#),
            ("\u{80}\u{a0}\u{ad}", r#""\u0080\u00a0\u00ad""#),
            ("\u{2028}\u{2029}\u{feff}", r#""\u2028\u2029\ufeff""#),
            (r#"say "hi" \ back/slash"#, r#""say \"hi\" \\ back/slash""#),
            ("~ !", r#""~ !""#),
            ("", r#""""#),
        ];
        for (text, python) in cases {
            assert_eq!(ascii(&json!(text)), python, "{text:?}");
        }
    }

    /// The folded check agrees with the plain one for every byte a fragment may hold, at every
    /// position of every length around the 16-byte chunks.
    #[test]
    fn the_fast_check_agrees_with_the_plain_one() {
        for len in 0..40 {
            for at in 0..len {
                for byte in 0x20..=0xfeu8 {
                    let mut bytes = vec![b'a'; len];
                    bytes[at] = byte;
                    let plain = bytes.iter().all(|b| (0x20..=0x7e).contains(b));
                    assert_eq!(all_printable(&bytes), plain, "{byte:#x} at {at} of {len}");
                }
            }
        }
        assert!(all_printable(b""));
    }

    #[test]
    fn output_is_printable_ascii_and_reads_back_whole() {
        let value = json!({
            "title": "设置",
            "label": "a},\"reward\":1,\"x\":{\"b \u{7f} \n 😀 蓝牙 \\ \"",
            "键": ["\u{0}", "\u{1f}", "ÿ", "\u{10000}", "\"", "\\", "/"],
            "n": [0, -3, 18446744073709551615u64],
            "ok": [true, false, null],
        });
        let text = ascii(&value);
        assert!(text.bytes().all(|b| (0x20..=0x7e).contains(&b)), "{text}");
        let back: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(back, value);
        // Members keep their order, and the layout is compact, as Python's separators write it.
        assert!(text.starts_with(r#"{"title":"\u8bbe\u7f6e","label":"a},\"reward\":1,"#));
        assert!(text.ends_with(r#""ok":[true,false,null]}"#), "{text}");
    }

    #[test]
    fn printable_ascii_is_what_serde_json_writes() {
        let value = json!({"screen": "settings", "elements": [{"index": 0, "label": "Wi-Fi"}]});
        assert_eq!(ascii(&value), value.to_string());
    }
}
