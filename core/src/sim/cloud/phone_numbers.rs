//! Phone numbers as people type them: with or without the country code ("+86", "0086", "86"),
//! with spaces, dashes or brackets, and at home without it ("13800138000" in China, "0151 2345
//! 6789" with the trunk 0 in Germany). One rule for every look-up (sign-in, forgot password,
//! create account, on the phone and the website) and for where a code arrives.
//!
//! A number typed without a country code is read as at home for the account it names: the
//! account's own country code applies, as its owner types it there. When that leaves more than
//! one account (the same national number in two countries), the phone's region decides (a
//! China-ROM phone is in China); failing that, nobody is guessed: the country code is needed.

use crate::sim::device::{DeviceFile, Rom};

/// Country calling codes of one digit; the two-digit ones follow (ITU-T E.164). Every other
/// code has three digits.
const ONE_DIGIT_CODES: [&str; 2] = ["1", "7"];
const TWO_DIGIT_CODES: [&str; 44] = [
    "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47",
    "48", "49", "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65",
    "66", "81", "82", "84", "86", "90", "91", "92", "93", "94", "95", "98",
];

/// A text's digits, in order: phone numbers compare by them.
pub(super) fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// A number split into its country calling code (empty when it was kept without one) and its
/// national number, digits only.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PhoneNumber {
    country: String,
    national: String,
}

/// What follows an international prefix, "+" or "00" (brackets and spaces before it aside, as
/// in "(+86) 138…"), when `text` starts with one.
fn after_international_prefix(text: &str) -> Option<&str> {
    let text = text.trim_start_matches(|c: char| c == '(' || c.is_whitespace());
    text.strip_prefix('+').or_else(|| text.strip_prefix("00"))
}

impl PhoneNumber {
    /// An account's number as the cloud keeps it, "+86 138 0013 8000": the country code is the
    /// first group after "+" when a space or dash ends it, else read off the code lists. A
    /// number kept without "+" or "00" keeps all its digits as the national number.
    fn stored(text: &str) -> Option<PhoneNumber> {
        let Some(rest) = after_international_prefix(text) else {
            let all = digits(text);
            return (!all.is_empty()).then_some(PhoneNumber {
                country: String::new(),
                national: all,
            });
        };
        let all = digits(rest);
        if all.is_empty() {
            return None;
        }
        let first_group: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let grouped = (1..=3).contains(&first_group.len())
            && rest[first_group.len()..].starts_with([' ', '-', ')']);
        let code_length = if grouped {
            first_group.len()
        } else {
            country_code_length(&all)
        };
        let code_length = code_length.min(all.len());
        Some(PhoneNumber {
            country: all[..code_length].to_string(),
            national: all[code_length..].to_string(),
        })
    }

    fn full(&self) -> String {
        format!("{}{}", self.country, self.national)
    }
}

/// How many of a number's leading digits (after "+") are its country calling code.
fn country_code_length(digits: &str) -> usize {
    if ONE_DIGIT_CODES.iter().any(|code| digits.starts_with(code)) {
        1
    } else if TWO_DIGIT_CODES.iter().any(|code| digits.starts_with(code)) {
        2
    } else {
        3
    }
}

/// How a typed number names a kept one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NumberMatch {
    /// Country code and all (or the very digits the number was kept with).
    International,
    /// The national number alone, as typed at home (a trunk 0 before it allowed).
    National,
}

/// Whether `typed` names the kept number `stored`, and how. A different number, or a part of
/// one, never matches: all the national digits must be there.
pub(super) fn matches(typed: &str, stored: &str) -> Option<NumberMatch> {
    let stored = PhoneNumber::stored(stored)?;
    if let Some(rest) = after_international_prefix(typed) {
        return (digits(rest) == stored.full()).then_some(NumberMatch::International);
    }
    let typed_digits = digits(typed);
    if typed_digits.is_empty() {
        return None;
    }
    if typed_digits == stored.full() {
        return Some(NumberMatch::International);
    }
    let national = typed_digits
        .strip_prefix('0')
        .filter(|rest| !stored.national.starts_with('0') && !rest.is_empty())
        .unwrap_or(&typed_digits);
    (!stored.country.is_empty() && national == stored.national).then_some(NumberMatch::National)
}

/// The country calling code of the phone's region, for numbers typed without one: a China-ROM
/// phone is in China; a Global ROM is sold in many countries and says none.
pub fn home_country_code(device: &DeviceFile) -> Option<&'static str> {
    match device.phone.rom {
        Rom::China => Some("86"),
        Rom::Global => None,
    }
}

/// The account (by index) whose number `typed` names among `numbers`: a number with its country
/// code first; else the national number, when one account alone has it (or one alone in the
/// phone's region).
pub(super) fn find_number<'a>(
    device: &DeviceFile,
    typed: &str,
    numbers: impl Iterator<Item = &'a str> + Clone,
) -> Option<usize> {
    let found = |wanted: NumberMatch| {
        numbers
            .clone()
            .enumerate()
            .filter(move |(_, stored)| matches(typed, stored) == Some(wanted))
    };
    if let Some((index, _)) = found(NumberMatch::International).next() {
        return Some(index);
    }
    let national: Vec<(usize, &str)> = found(NumberMatch::National).collect();
    if let [(index, _)] = national.as_slice() {
        return Some(*index);
    }
    let home = home_country_code(device)?;
    let at_home: Vec<usize> = national
        .iter()
        .filter(|(_, stored)| PhoneNumber::stored(stored).is_some_and(|n| n.country == home))
        .map(|(index, _)| *index)
        .collect();
    match at_home.as_slice() {
        [index] => Some(*index),
        _ => None,
    }
}

/// A number typed for a new account, as the account keeps it: one typed without a country code
/// gets the region's ("13900139000" on a China-ROM phone → "+86 13900139000"); any other is kept
/// as typed.
pub fn with_country_code(device: &DeviceFile, typed: &str) -> String {
    let typed = typed.trim();
    match home_country_code(device) {
        Some(code) if after_international_prefix(typed).is_none() => {
            let all = digits(typed);
            let national = all.strip_prefix('0').unwrap_or(&all);
            format!("+{code} {national}")
        }
        _ => typed.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_matches_with_or_without_its_country_code() {
        let lei = "+86 138 0013 8000";
        for typed in [
            "13800138000",
            "138 0013 8000",
            "138-0013-8000",
            "+8613800138000",
            "+86 138 0013 8000",
            "(+86) 138 0013 8000",
            "008613800138000",
            "8613800138000",
        ] {
            assert!(matches(typed, lei).is_some(), "{typed}");
        }
        let anna = "+49 151 2345 6789";
        for typed in [
            "0151 2345 6789",
            "151 23456789",
            "+49 151 23456789",
            "0049-151-2345-6789",
        ] {
            assert!(matches(typed, anna).is_some(), "{typed}");
        }
    }

    #[test]
    fn other_numbers_and_parts_of_one_do_not_match() {
        let lei = "+86 138 0013 8000";
        for typed in [
            "13800138001",
            "1380013800",
            "38000",
            "0013 8000",
            "+1 13800138000",
            "+49 13800138000",
            "0113800138000",
            "",
        ] {
            assert_eq!(matches(typed, lei), None, "{typed}");
        }
    }

    #[test]
    fn country_codes_are_read_off_with_or_without_a_space() {
        let split = |text| PhoneNumber::stored(text).map(|n| (n.country, n.national));
        assert_eq!(
            split("+8613800138000"),
            Some(("86".into(), "13800138000".into()))
        );
        assert_eq!(
            split("+1 650 555 0100"),
            Some(("1".into(), "6505550100".into()))
        );
        assert_eq!(
            split("+353871234567"),
            Some(("353".into(), "871234567".into()))
        );
        assert_eq!(
            split("+44 7700 900999"),
            Some(("44".into(), "7700900999".into()))
        );
    }

    #[test]
    fn the_region_gives_a_new_number_its_country_code() {
        let mut device = DeviceFile::factory_default();
        assert_eq!(
            with_country_code(&device, " 139 0013 9000 "),
            "139 0013 9000"
        );
        device.phone.rom = Rom::China;
        assert_eq!(
            with_country_code(&device, "139 0013 9000"),
            "+86 13900139000"
        );
        assert_eq!(
            with_country_code(&device, "+44 7700 900999"),
            "+44 7700 900999"
        );
    }

    #[test]
    fn the_same_national_number_in_two_countries_needs_the_region_or_the_code() {
        let mut device = DeviceFile::factory_default();
        let numbers = ["+44 13800138000", "+86 138 0013 8000"];
        assert_eq!(
            find_number(&device, "13800138000", numbers.into_iter()),
            None
        );
        assert_eq!(
            find_number(&device, "+86 13800138000", numbers.into_iter()),
            Some(1)
        );
        device.phone.rom = Rom::China;
        assert_eq!(
            find_number(&device, "13800138000", numbers.into_iter()),
            Some(1)
        );
    }
}
