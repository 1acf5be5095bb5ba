//! A text written in one language as a phone speaking another words it: whole, with values in
//! a text's placeholders, as a button, a checkbox, a row's parts or a list, as a date, or (for a
//! piece of a long message) as the message's longest fixed part.

use std::fmt;

use super::index::{TRANSLATED_BYTES, others};
use super::pieces::piece_counterparts;
use super::template::{fill, values_in};
use super::{Language, S, Tr};

/// How a phone speaking `tr` words a text written in another language, most exact first.
/// `text` is matched against every catalogue text as other languages word it (in either
/// skin): whole (ignoring case), or with values in a text's placeholders (the values are
/// translated too where they are catalogue texts themselves), or, for a piece of a long
/// message (at least [`PIECE_CHARS`] characters in common with it), as the longest fixed part
/// of the message in `tr`'s words. Parts of a row joined by " · " are translated each on its
/// own. Fixtures and tasks written in one language find their labels and messages on a phone
/// speaking another this way.
pub fn counterparts(text: &str, tr: Tr) -> Vec<String> {
    if text.len() > TRANSLATED_BYTES {
        return Vec::new();
    }
    let exact = exact_counterparts(text, tr);
    if exact.is_empty() {
        piece_counterparts(text.trim(), tr)
    } else {
        exact
    }
}

/// [`counterparts`] without pieces of messages: what a text that must not be on screen is
/// checked as (a piece is too loose a translation to forbid).
pub fn exact_counterparts(text: &str, tr: Tr) -> Vec<String> {
    let wanted = text.trim();
    // Longer than any text of the phone's (with room for values): nothing to look up, and a
    // fixture's 10,000-character text costs nothing here.
    if wanted.len() > TRANSLATED_BYTES {
        return Vec::new();
    }
    let whole = whole_counterparts(wanted, tr, true);
    if !whole.is_empty() {
        return whole;
    }
    // A button as drawn, "[ Sign in ]", or a checkbox, "[x] Show password".
    if let Some(label) = wanted
        .strip_prefix("[ ")
        .and_then(|rest| rest.strip_suffix(" ]"))
    {
        return whole_counterparts(label, tr, true)
            .into_iter()
            .map(|ours| format!("[ {ours} ]"))
            .collect();
    }
    for box_mark in ["[x] ", "[ ] "] {
        if let Some(label) = wanted.strip_prefix(box_mark) {
            return whole_counterparts(label, tr, true)
                .into_iter()
                .map(|ours| format!("{box_mark}{ours}"))
                .collect();
        }
    }
    // A row's parts ("Phone · Just now"), or a list written out ("Contacts, Messages"): each
    // part on its own, joined as the phone joins them.
    let lists = Language::ALL
        .into_iter()
        .filter(|l| *l != tr.language)
        .map(|l| {
            (
                Tr::speaking(tr.skin, l).get(S::ListSeparator),
                tr.get(S::ListSeparator),
            )
        });
    for (theirs, ours) in std::iter::once((JOINER, JOINER)).chain(lists) {
        if !wanted.contains(theirs) || wanted.matches(theirs).count() >= MAX_PARTS {
            continue;
        }
        // A row's parts may hold data (a place), a list's parts are all the phone's words.
        let every_part = theirs != JOINER;
        let mut translated = false;
        let mut untranslated = false;
        let parts: Vec<String> = wanted
            .split(theirs)
            .map(
                |part| match whole_counterparts(part, tr, true).into_iter().next() {
                    Some(ours) => {
                        translated = true;
                        ours
                    }
                    None => {
                        untranslated = true;
                        part.to_string()
                    }
                },
            )
            .collect();
        // A sentence with a comma in it is no list.
        if translated && !(every_part && untranslated) {
            return vec![parts.join(ours)];
        }
    }
    Vec::new()
}

/// The most parts of a row or a list translated one by one.
const MAX_PARTS: usize = 16;

/// How rows join their parts: "Phone · Just now · London".
const JOINER: &str = " · ";

/// Counterparts of `wanted` as a whole text, or a text with values in its placeholders
/// (translated themselves when `translate_values`).
fn whole_counterparts(wanted: &str, tr: Tr, translate_values: bool) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    if wanted.is_empty() {
        return found;
    }
    if let Some(date) = date_counterpart(wanted, tr) {
        found.push(date);
    }
    let mut push = |counterpart: String| {
        // A text the same in both languages is no translation.
        if !counterpart.eq_ignore_ascii_case(wanted) && !found.contains(&counterpart) {
            found.push(counterpart);
        }
    };
    for index in others(tr) {
        for &id in index
            .whole
            .get(&wanted.to_lowercase())
            .into_iter()
            .flatten()
        {
            push(tr.get(id).to_string());
        }
        for &(id, theirs) in &index.templates {
            let ours = tr.get(id);
            let Some(counterpart) = values_in(theirs, wanted).map(|values| {
                let values: Vec<(&str, String)> = values
                    .into_iter()
                    .map(|(name, value)| {
                        let translated = translate_values
                            .then(|| whole_counterparts(value, tr, false).into_iter().next())
                            .flatten();
                        (name, translated.unwrap_or_else(|| value.to_string()))
                    })
                    .collect();
                let args: Vec<(&str, &dyn fmt::Display)> = values
                    .iter()
                    .map(|(name, value)| (*name, value as &dyn fmt::Display))
                    .collect();
                fill(ours, &args)
            }) else {
                continue;
            };
            push(counterpart);
        }
    }
    found
}

/// A date or time as another language writes it ("Nov 21, 2026 08:05"), as `tr` writes it.
fn date_counterpart(wanted: &str, tr: Tr) -> Option<String> {
    use chrono::{NaiveDate, NaiveDateTime};
    if !wanted.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let others = Language::ALL.into_iter().filter(|l| *l != tr.language);
    for language in others {
        let theirs = Tr::speaking(tr.skin, language);
        // Parsing takes no `-` (unpadded) flags; it reads unpadded numbers anyway.
        let format = |id: S| theirs.get(id).replace("%-", "%");
        if let Ok(at) = NaiveDateTime::parse_from_str(wanted, &format(S::FormatDateTime)) {
            return Some(at.format(tr.get(S::FormatDateTime)).to_string());
        }
        if let Ok(day) = NaiveDate::parse_from_str(wanted, &format(S::FormatDate)) {
            return Some(day.format(tr.get(S::FormatDate)).to_string());
        }
        // A day and month alone, read in a leap year so that the 29th of February reads too.
        let with_year = format!("{wanted} 2000");
        let day_month = format!("{} %Y", format(S::FormatDayMonth));
        if let Ok(day) = NaiveDate::parse_from_str(&with_year, &day_month) {
            return Some(day.format(tr.get(S::FormatDayMonth)).to_string());
        }
    }
    None
}
