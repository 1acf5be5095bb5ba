//! Whether a person's answer says the expected one, compared as the answer's kind says: as
//! text, a number, an amount of storage, a day or a time, a device, a place or an id.

use super::AnswerKind;
use super::date::moment;
use super::number::{beside_the_number, number, size};
use super::plain::{place, plain};

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

    /// Each of `right_answers` says `expected`, and none of `wrong_answers` does.
    fn judged(kind: AnswerKind, expected: &str, right_answers: &[&str], wrong_answers: &[&str]) {
        for given in right_answers {
            assert!(right(kind, expected, given), "{given} is right");
        }
        for given in wrong_answers {
            assert!(!right(kind, expected, given), "{given} is wrong");
        }
    }

    #[test]
    fn texts_forgive_case_spaces_quotes_and_an_article() {
        judged(
            AnswerKind::Text,
            "Redmi 12C",
            &[
                "Redmi 12C",
                "redmi 12c",
                " Redmi  12C. ",
                "the Redmi 12C",
                "\"Redmi 12C\"",
                "\"Redmi 12C\".",
                "“Redmi 12C”。",
            ],
            &["Redmi 12", "Redmi 12C Pro", "a Redmi"],
        );
    }

    #[test]
    fn numbers_in_digits_words_and_chinese() {
        judged(
            AnswerKind::Number,
            "4",
            &[
                "4",
                "four",
                "4 devices",
                "Four other devices",
                "四",
                "4台",
                "四台",
            ],
            &[
                "5",
                "4 or 5",
                "14",
                "forty",
                "",
                "4 hours",
                "4 contacts",
                "4个",
            ],
        );
        assert!(right(AnswerKind::Number, "12", "十二"));
        assert!(right(AnswerKind::Number, "20", "二十"));
    }

    #[test]
    fn sizes_compare_by_amount() {
        judged(
            AnswerKind::Size,
            "5.0 GB",
            &["5 GB", "5.0 GB", "5GB", "5.00 gb", "5000 MB", "5 gigabytes"],
            &["5", "5.1 GB", "5 MB", "50 GB"],
        );
        judged(AnswerKind::Size, "60.2 MB", &["60.2MB"], &["60 MB"]);
    }

    #[test]
    fn days_in_english_and_chinese_forms() {
        judged(
            AnswerKind::Date,
            "Nov 15",
            &[
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
            ],
            &[
                "Nov 16",
                "Oct 15",
                "Nov 15, 2025",
                "15",
                "November",
                "11月16日",
            ],
        );
        judged(AnswerKind::Date, "14:05", &["2:05 pm"], &["2:05 am"]);
    }

    #[test]
    fn devices_by_name_or_model_places_without_commas_ids_by_digits() {
        judged(
            AnswerKind::Device,
            "Redmi 13C",
            &["the Redmi 13C", "Redmi 13C 5G"],
            &["Redmi 13"],
        );
        judged(
            AnswerKind::Place,
            "London, United Kingdom",
            &["London United Kingdom"],
            &["London"],
        );
        judged(
            AnswerKind::Id,
            "6612345678",
            &["661 234 5678"],
            &["661234567", "6612345678 or 7023456789"],
        );
    }
}
