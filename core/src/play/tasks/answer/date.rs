//! Days of the year and times of day as people write them in answers, in English and Chinese
//! forms ("Nov 15", "15/11", "11月15日", "2:05 pm").

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
pub fn moment(text: &str, year: i32) -> Option<(u8, u32, u32)> {
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

/// A day of the year, when the month and day are possible.
fn day_of(month: u32, day: u32) -> Option<(u8, u32, u32)> {
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((0, month, day))
}
