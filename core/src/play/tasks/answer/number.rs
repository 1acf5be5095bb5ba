//! Numbers as people write them in answers: in digits, English words or Chinese numerals, with
//! the words beside them, and amounts of storage in decimal units.

use super::plain::{plain, plain_words};

/// Chinese numerals, as `number` reads them (`两` and `〇` among them).
const CHINESE_NUMERALS: &str = "零〇一二两三四五六七八九十";

const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

/// A whole number said once in `text`, in digits, English words (to twenty) or Chinese
/// numerals (to ninety-nine); `None` when the text says none or more than one.
pub fn number(text: &str) -> Option<u64> {
    let lower = text.trim().to_lowercase();
    let mut found: Vec<u64> = Vec::new();
    let mut digits = String::new();
    let mut chinese = String::new();
    let flush = |digits: &mut String, chinese: &mut String, found: &mut Vec<u64>| {
        if !digits.is_empty() {
            if let Ok(n) = digits.parse() {
                found.push(n);
            }
            digits.clear();
        }
        if !chinese.is_empty() {
            if let Some(n) = chinese_number(chinese) {
                found.push(n);
            }
            chinese.clear();
        }
    };
    for c in lower.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if CHINESE_NUMERALS.contains(c) {
            chinese.push(c);
        } else if c == ',' && !digits.is_empty() {
            // "1,024": a thousands separator, not two numbers.
        } else {
            flush(&mut digits, &mut chinese, &mut found);
        }
    }
    flush(&mut digits, &mut chinese, &mut found);
    for word in lower.split(|c: char| !c.is_alphabetic()) {
        if let Some(n) = NUMBER_WORDS.iter().position(|w| *w == word) {
            found.push(n as u64);
        }
    }
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The words of `text` besides its number (each Chinese character a word of its own).
pub fn beside_the_number(text: &str) -> Vec<String> {
    let lower = plain_words(text);
    let mut words = Vec::new();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || NUMBER_WORDS.contains(&word) {
            continue;
        }
        let mut latin = String::new();
        for c in word.chars() {
            if c.is_ascii_digit() || CHINESE_NUMERALS.contains(c) {
                continue;
            }
            if c.is_ascii() {
                latin.push(c);
            } else {
                words.push(c.to_string());
            }
        }
        if !latin.is_empty() {
            words.push(latin);
        }
    }
    words
}

/// A Chinese numeral from zero to ninety-nine (`十二`, `二十`, `两`).
fn chinese_number(text: &str) -> Option<u64> {
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|at| (at / 3) as u64);
    let value = |c: char| match c {
        '〇' => Some(0),
        '两' => Some(2),
        other => digit(other),
    };
    let chars: Vec<char> = text.chars().collect();
    match chars.as_slice() {
        [one] if *one == '十' => Some(10),
        [one] => value(*one),
        ['十', ones] => Some(10 + value(*ones)?),
        [tens, '十'] => Some(value(*tens)? * 10),
        [tens, '十', ones] => Some(value(*tens)? * 10 + value(*ones)?),
        _ => None,
    }
}

/// An amount of storage in bytes (decimal units, as the phone shows them).
pub fn size(text: &str) -> Option<f64> {
    let lower = plain(text);
    let split = lower
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.' || *c == ','))
        .map_or(lower.len(), |(at, _)| at);
    let (amount, unit) = lower.split_at(split);
    let amount: f64 = amount.replace(',', "").parse().ok()?;
    let scale = match unit {
        "b" | "bytes" | "byte" => 1.0,
        "kb" | "kilobytes" | "kilobyte" => 1e3,
        "mb" | "megabytes" | "megabyte" => 1e6,
        "gb" | "gigabytes" | "gigabyte" => 1e9,
        "tb" | "terabytes" | "terabyte" => 1e12,
        _ => return None,
    };
    Some(amount * scale)
}
