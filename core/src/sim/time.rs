//! The simulation's time: the range it supports (the years 1970 to 9999) and arithmetic that
//! never overflows. Every time read from a file is checked against the range, and every time
//! the simulation works out stays in it (clamped at its ends), so no input can make the phone
//! panic on a date.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Deserializer};

/// The first moment the simulation supports: 1970-01-01T00:00:00Z.
pub fn earliest() -> DateTime<Utc> {
    DateTime::UNIX_EPOCH
}

/// The last moment the simulation supports: 9999-12-31T23:59:59Z.
pub fn latest() -> DateTime<Utc> {
    DateTime::from_timestamp(253_402_300_799, 0).unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// `at` moved into the supported range.
pub fn clamp(at: DateTime<Utc>) -> DateTime<Utc> {
    at.clamp(earliest(), latest())
}

/// `at + by`, clamped into the supported range (a step past the end of time stays at its end).
pub fn later(at: DateTime<Utc>, by: Duration) -> DateTime<Utc> {
    match at.checked_add_signed(by) {
        Some(sum) => clamp(sum),
        None if by < Duration::zero() => earliest(),
        None => latest(),
    }
}

/// `at - by`, clamped into the supported range.
pub fn earlier(at: DateTime<Utc>, by: Duration) -> DateTime<Utc> {
    match at.checked_sub_signed(by) {
        Some(difference) => clamp(difference),
        None if by < Duration::zero() => latest(),
        None => earliest(),
    }
}

/// Why `at` cannot be used, if it is outside the supported range.
pub fn check(at: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    if (earliest()..=latest()).contains(&at) {
        Ok(at)
    } else {
        Err(format!(
            "{} is outside the supported years 1970 to 9999",
            at.to_rfc3339()
        ))
    }
}

/// Serde: a time that must lie in the supported range (the error carries the file's position).
pub fn bounded<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let at = DateTime::<Utc>::deserialize(deserializer)?;
    check(at).map_err(serde::de::Error::custom)
}

/// Serde: an optional time that must lie in the supported range.
pub fn bounded_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    Option::<DateTime<Utc>>::deserialize(deserializer)?
        .map(check)
        .transpose()
        .map_err(serde::de::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_stays_in_the_range_whatever_it_is_given() {
        let end = latest();
        assert_eq!(later(end, Duration::hours(1)), end);
        assert_eq!(later(end, Duration::MAX), end);
        assert_eq!(later(earliest(), Duration::MIN), earliest());
        assert_eq!(earlier(earliest(), Duration::MAX), earliest());
        assert_eq!(earlier(end, Duration::MIN), end);
        assert_eq!(clamp(DateTime::<Utc>::MAX_UTC), end);
        assert!(check(DateTime::<Utc>::MAX_UTC).is_err());
        assert!(check(earliest()).is_ok() && check(end).is_ok());
        let noon: DateTime<Utc> = "2026-11-21T12:00:00Z".parse().expect("time");
        assert_eq!(
            later(noon, Duration::minutes(5)),
            "2026-11-21T12:05:00Z"
                .parse::<DateTime<Utc>>()
                .expect("time")
        );
    }
}
