//! Answers to a task's question: what the right answer is (fixed by the task, or read from the
//! phone as it is when the person answers), and how a person's answer is compared with it — as
//! people write things: "5 GB" for "5.0 GB", "November 15" or "11月15日" for "Nov 15", "four
//! devices" for "4", "the Redmi 13C", a device by its model.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The expected answer as a task file writes it: a text, or a rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum AnswerSpec {
    /// The answer (parameters allowed), compared as text.
    Text(String),
    Rule(AnswerRule),
}

/// How to find and compare the expected answer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerRule {
    /// The answer, fixed by the task (parameters allowed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is: Option<String>,
    /// The answer is the value at this JSON Pointer of the device file when the person
    /// answers (a last segment `-` is an array's last element).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    /// The answer is how many elements the array at this pointer holds when the person answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<String>,
    /// With `count`: elements left out of the count (each matched like `contains`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<Value>,
    /// How answers are compared (default `text`).
    #[serde(default)]
    pub kind: AnswerKind,
    /// Other answers that are right too (parameters allowed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// With `number`: the words that may stand beside the number ("days", "天"); any other
    /// word makes the answer wrong ("3 hours" is not "3" days). None by default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// The question is about the phone as it is: changing the account, its Mi Cloud settings
    /// or removing data on the way makes the answer fail ("the phone was changed while
    /// answering"). Default `true`; `false` for questions about what a change did.
    #[serde(default = "yes")]
    pub steady: bool,
}

fn yes() -> bool {
    true
}

/// How a person's answer is compared with the expected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerKind {
    /// Letter case, spaces, quotes, a leading "the"/"a" and a closing full stop do not matter.
    #[default]
    Text,
    /// A whole number, in digits or words ("4", "four", "4 devices", "四台").
    Number,
    /// An amount of storage ("5 GB" is "5.0 GB"; "5000 MB" too).
    Size,
    /// A day of the year ("Nov 15", "November 15", "15 Nov", "11/15", "11月15日"), or a time of
    /// day ("14:05", "2:05 pm").
    Date,
    /// A device, by its name or its model.
    Device,
    /// A place: commas and full stops do not matter ("London United Kingdom").
    Place,
    /// An id: only its digits count ("661 234 5678").
    Id,
}

/// A variant's expected answer, its parameters filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub expected: Expected,
    pub kind: AnswerKind,
    pub also: Vec<String>,
    pub units: Vec<String>,
    pub steady: bool,
}

/// Where the expected answer comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Expected {
    Is(String),
    Pointer(String),
    Count { pointer: String, except: Vec<Value> },
}

impl Answer {
    /// The answer as `tasks show` and a lesson's result show it: the text, or where it is read.
    pub fn describe(&self) -> String {
        match &self.expected {
            Expected::Is(text) => text.clone(),
            Expected::Pointer(pointer) => format!("the value at {pointer} when answered"),
            Expected::Count { pointer, .. } => format!("how many {pointer} holds when answered"),
        }
    }

    /// The expected answer on the phone as `state` is now.
    pub fn expected_in(&self, state: &Value) -> Option<String> {
        match &self.expected {
            Expected::Is(text) => Some(text.clone()),
            Expected::Pointer(pointer) => match value_at(state, pointer)? {
                Value::String(text) => Some(text.clone()),
                Value::Null => None,
                other => Some(other.to_string()),
            },
            Expected::Count { pointer, except } => {
                let items = value_at(state, pointer)?.as_array()?;
                let counted = items
                    .iter()
                    .filter(|item| {
                        !except
                            .iter()
                            .any(|e| crate::play::condition::matches(item, e))
                    })
                    .count();
                Some(counted.to_string())
            }
        }
    }
}

/// The value at `pointer`, where a `-` segment is an array's last element.
pub fn value_at<'a>(state: &'a Value, pointer: &str) -> Option<&'a Value> {
    if !pointer.contains("/-") {
        return state.pointer(pointer);
    }
    let mut at = state;
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        at = match at {
            Value::Array(items) if segment == "-" => items.last()?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            Value::Object(fields) => fields.get(&segment)?,
            _ => return None,
        };
    }
    Some(at)
}

/// How answers are compared besides their kind: the phone's year (a date given with another
/// year is another day), other names of the expected device, the words a number may carry.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reading<'a> {
    pub year: i32,
    pub models: &'a [String],
    pub units: &'a [String],
}

/// Whether `given` says `expected`, compared as `kind` says.
pub fn same(given: &str, expected: &str, kind: AnswerKind, reading: Reading) -> bool {
    let Reading {
        year,
        models,
        units,
    } = reading;
    match kind {
        AnswerKind::Text => plain(given) == plain(expected),
        AnswerKind::Place => place(given) == place(expected),
        AnswerKind::Id => {
            let digits = |t: &str| t.chars().filter(char::is_ascii_digit).collect::<String>();
            !digits(expected).is_empty()
                && digits(given) == digits(expected)
                && plain(given).chars().all(|c| c.is_ascii_digit())
        }
        AnswerKind::Number => match (number(given), number(expected)) {
            (Some(a), Some(b)) => {
                a == b
                    && beside_the_number(given)
                        .iter()
                        .all(|word| units.iter().any(|unit| unit.to_lowercase() == *word))
            }
            _ => false,
        },
        AnswerKind::Size => match (size(given), size(expected)) {
            (Some(a), Some(b)) => (a - b).abs() <= b.abs() * 1e-9,
            _ => false,
        },
        AnswerKind::Date => match (moment(given, year), moment(expected, year)) {
            (Some(a), Some(b)) => a == b,
            _ => plain(given) == plain(expected),
        },
        AnswerKind::Device => {
            let given = plain(given);
            given == plain(expected) || models.iter().any(|model| plain(model) == given)
        }
    }
}

/// Text as compared: lower case, without spaces, quotes, a closing full stop, or a leading
/// article.
pub fn plain(text: &str) -> String {
    let quote = |c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」');
    let mut text = text.trim();
    // `"Backup codes".` and `“6612345678”。`: quotes and a closing stop, in either order.
    loop {
        let stripped = text
            .trim_matches(quote)
            .trim_end_matches(['.', '!', '。', '！'])
            .trim();
        if stripped == text {
            break;
        }
        text = stripped;
    }
    let lower = text.to_lowercase();
    let mut rest = lower.as_str();
    for article in ["the ", "a ", "an "] {
        if let Some(after) = rest.strip_prefix(article) {
            rest = after;
            break;
        }
    }
    rest.chars().filter(|c| !c.is_whitespace()).collect()
}

fn place(text: &str) -> String {
    plain(text)
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | '，' | '、' | '-'))
        .collect()
}

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
        } else if "零〇一二两三四五六七八九十".contains(c) {
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
fn beside_the_number(text: &str) -> Vec<String> {
    let lower = plain_words(text);
    let mut words = Vec::new();
    for word in lower.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() || NUMBER_WORDS.contains(&word) {
            continue;
        }
        let mut latin = String::new();
        for c in word.chars() {
            if c.is_ascii_digit() || "零〇一二两三四五六七八九十".contains(c) {
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

/// Lower case, quotes and a closing stop gone, spaces kept.
fn plain_words(text: &str) -> String {
    let quote = |c: char| matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」');
    text.trim()
        .trim_matches(quote)
        .trim_end_matches(['.', '!', '。', '！'])
        .to_lowercase()
}

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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A day (month, day) or a time of day (hours, minutes) said in `text`: `Some((0, m, d))` for a
/// day, `Some((1, h, m))` for a time. A year given must be `year`.
fn moment(text: &str, year: i32) -> Option<(u8, u32, u32)> {
    let lower = text.trim().to_lowercase().replace(['.', ','], " ");
    // 14:05, 2:05 pm
    if let Some((h, rest)) = lower.split_once(':') {
        let h: u32 = h.trim().parse().ok()?;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let m: u32 = digits.parse().ok()?;
        let after = rest[digits.len()..].trim();
        let h = match after {
            "" => h,
            "am" | "a m" if h <= 12 => h % 12,
            "pm" | "p m" if h <= 12 => h % 12 + 12,
            _ => return None,
        };
        return (h < 24 && m < 60).then_some((1, h, m));
    }
    // 11月15日, 2026年11月15日
    if let Some((before, after)) = lower.split_once('月') {
        let before = match before.split_once('年') {
            Some((y, m)) => {
                if y.trim().parse::<i32>().ok()? != year {
                    return None;
                }
                m
            }
            None => before,
        };
        let month: u32 = before.trim().parse().ok()?;
        let day: String = after
            .trim()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let tail = after.trim()[day.len()..].trim();
        if !matches!(tail, "" | "日" | "号") {
            return None;
        }
        return day_of(month, day.parse().ok()?);
    }
    // 2026-11-15, 11/15, 15/11
    for separator in ['-', '/'] {
        let parts: Vec<&str> = lower.trim().split(separator).collect();
        let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.trim().parse().ok()).collect();
        if parts.len() < 2 {
            continue;
        }
        let numbers = numbers?;
        return match numbers.as_slice() {
            [y, m, d] if *y > 31 => {
                (i32::try_from(*y).ok()? == year).then_some(())?;
                day_of(*m, *d)
            }
            [m, d, y] | [d, m, y] if *y > 31 && i32::try_from(*y).ok()? != year => None,
            [a, b] | [a, b, _] if *a <= 12 && *b > 12 => day_of(*a, *b),
            [a, b] | [a, b, _] if *b <= 12 && *a > 12 => day_of(*b, *a),
            [a, b] | [a, b, _] if a == b => day_of(*a, *b),
            _ => None,
        };
    }
    // Nov 15, November 15th, 15 Nov, Nov 15 2026
    let words: Vec<&str> = lower.split_whitespace().collect();
    let mut month = None;
    let mut day = None;
    for word in &words {
        if let Some(m) = MONTHS
            .iter()
            .position(|name| *word == *name || (word.len() >= 3 && name.starts_with(word)))
        {
            month.get_or_insert(m as u32 + 1);
            continue;
        }
        let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
        let suffix = &word[digits.len()..];
        if digits.is_empty() || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
            return None;
        }
        let n: u32 = digits.parse().ok()?;
        if n > 31 {
            if i32::try_from(n).ok()? != year {
                return None;
            }
        } else if day.replace(n).is_some() {
            return None;
        }
    }
    day_of(month?, day?)
}

fn day_of(month: u32, day: u32) -> Option<(u8, u32, u32)> {
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((0, month, day))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn right(kind: AnswerKind, expected: &str, given: &str) -> bool {
        let models = ["Redmi 13C 5G".to_string()];
        let units = ["devices".to_string(), "other".to_string(), "台".to_string()];
        let reading = Reading {
            year: 2026,
            models: &models,
            units: &units,
        };
        same(given, expected, kind, reading)
    }

    #[test]
    fn texts_forgive_case_spaces_quotes_and_an_article() {
        for given in [
            "Redmi 12C",
            "redmi 12c",
            " Redmi  12C. ",
            "the Redmi 12C",
            "\"Redmi 12C\"",
            "\"Redmi 12C\".",
            "“Redmi 12C”。",
        ] {
            assert!(right(AnswerKind::Text, "Redmi 12C", given), "{given}");
        }
        for given in ["Redmi 12", "Redmi 12C Pro", "a Redmi"] {
            assert!(!right(AnswerKind::Text, "Redmi 12C", given), "{given}");
        }
    }

    #[test]
    fn numbers_in_digits_words_and_chinese() {
        for given in [
            "4",
            "four",
            "4 devices",
            "Four other devices",
            "四",
            "4台",
            "四台",
        ] {
            assert!(right(AnswerKind::Number, "4", given), "{given}");
        }
        for given in [
            "5",
            "4 or 5",
            "14",
            "forty",
            "",
            "4 hours",
            "4 contacts",
            "4个",
        ] {
            assert!(!right(AnswerKind::Number, "4", given), "{given}");
        }
        assert!(right(AnswerKind::Number, "12", "十二"));
        assert!(right(AnswerKind::Number, "20", "二十"));
    }

    #[test]
    fn sizes_compare_by_amount() {
        for given in ["5 GB", "5.0 GB", "5GB", "5.00 gb", "5000 MB", "5 gigabytes"] {
            assert!(right(AnswerKind::Size, "5.0 GB", given), "{given}");
        }
        for given in ["5", "5.1 GB", "5 MB", "50 GB"] {
            assert!(!right(AnswerKind::Size, "5.0 GB", given), "{given}");
        }
        assert!(right(AnswerKind::Size, "60.2 MB", "60.2MB"));
        assert!(!right(AnswerKind::Size, "60.2 MB", "60 MB"));
    }

    #[test]
    fn days_in_english_and_chinese_forms() {
        for given in [
            "Nov 15",
            "November 15",
            "15 November",
            "Nov. 15",
            "Nov 15th",
            "11/15",
            "15/11",
            "2026-11-15",
            "11月15日",
            "2026年11月15日",
            "Nov 15, 2026",
            "11月15号",
        ] {
            assert!(right(AnswerKind::Date, "Nov 15", given), "{given}");
        }
        for given in [
            "Nov 16",
            "Oct 15",
            "Nov 15, 2025",
            "15",
            "November",
            "11月16日",
        ] {
            assert!(!right(AnswerKind::Date, "Nov 15", given), "{given}");
        }
        assert!(right(AnswerKind::Date, "14:05", "2:05 pm"));
        assert!(!right(AnswerKind::Date, "14:05", "2:05 am"));
    }

    #[test]
    fn devices_by_name_or_model_places_without_commas_ids_by_digits() {
        assert!(right(AnswerKind::Device, "Redmi 13C", "the Redmi 13C"));
        assert!(right(AnswerKind::Device, "Redmi 13C", "Redmi 13C 5G"));
        assert!(!right(AnswerKind::Device, "Redmi 13C", "Redmi 13"));
        assert!(right(
            AnswerKind::Place,
            "London, United Kingdom",
            "London United Kingdom"
        ));
        assert!(!right(
            AnswerKind::Place,
            "London, United Kingdom",
            "London"
        ));
        assert!(right(AnswerKind::Id, "6612345678", "661 234 5678"));
        assert!(!right(AnswerKind::Id, "6612345678", "661234567"));
        assert!(!right(
            AnswerKind::Id,
            "6612345678",
            "6612345678 or 7023456789"
        ));
    }

    #[test]
    fn a_last_segment_dash_is_the_last_element() {
        let state = serde_json::json!({"list": [{"a": 1}, {"a": 2}]});
        assert_eq!(value_at(&state, "/list/-/a"), Some(&Value::from(2)));
        assert_eq!(value_at(&state, "/list/0/a"), Some(&Value::from(1)));
        assert_eq!(value_at(&state, "/none/-"), None);
    }
}
