//! Every word the phone shows, in one catalogue.
//!
//! Each user-visible text has an id ([`S`]) and its wording per skin where the skin changes it
//! (MIUI's "Mi Account", HyperOS's "Xiaomi Account"), chosen in the table rather than by
//! replacing words in finished labels. Screens, dialogs, toasts, hints and errors all read it
//! through a [`Tr`], the phone's way of speaking. Texts with parts filled in at run time use named
//! placeholders (`{device}`), so a translation can put them in its own order.
//!
//! Where each wording comes from is kept beside it ([`Source`]): a real phone's string, the seed
//! guides' words, our guess at the phone's wording, or the simulation's own text.

// The catalogue's tables, in every language, read their sources and skins' wordings so.
macro_rules! source {
    (doc) => {
        Source::Doc
    };
    (seed) => {
        Source::Seed
    };
    (guess) => {
        Source::Guess
    };
    (ours) => {
        Source::Ours
    };
}

macro_rules! pick {
    ($skin:ident, $miui:literal) => {
        $miui
    };
    ($skin:ident, $miui:literal, $hyperos:literal) => {
        match $skin {
            Skin::Miui => $miui,
            Skin::Hyperos => $hyperos,
        }
    };
}

mod catalogue;

mod zh_cn;

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

pub use catalogue::{S, Source};

use crate::sim::cloud::{CloudError, PasswordProblem};
pub use crate::sim::device::Language;
use crate::sim::device::{App, DeviceKind, Skin};

/// How the phone words things: its skin's names in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub skin: Skin,
    pub language: Language,
}

impl Tr {
    /// The skin's words in English.
    pub fn new(skin: Skin) -> Tr {
        Tr::speaking(skin, Language::En)
    }

    pub fn speaking(skin: Skin, language: Language) -> Tr {
        Tr { skin, language }
    }

    /// The text of `id` as this phone words it.
    pub fn get(self, id: S) -> &'static str {
        match self.language {
            Language::En => id.en(self.skin),
            Language::ZhCn => id.zh_cn(self.skin),
        }
    }

    /// Where this phone's wording of `id` comes from.
    pub fn source(self, id: S) -> Source {
        match self.language {
            Language::En => id.source(),
            Language::ZhCn => id.zh_cn_source(),
        }
    }

    /// The text of `id` with its `{name}` placeholders filled from `args`. A placeholder with no
    /// value is left as written, so a missing argument shows instead of vanishing.
    pub fn fill(self, id: S, args: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.get(id), args)
    }

    pub fn on_off(self, on: bool) -> &'static str {
        self.get(if on { S::On } else { S::Off })
    }

    /// The app's name as Mi Cloud lists it.
    pub fn app(self, app: App) -> &'static str {
        self.get(match app {
            App::Contacts => S::AppContacts,
            App::Messages => S::AppMessages,
            App::Gallery => S::AppGallery,
            App::Notes => S::AppNotes,
            App::Calendar => S::AppCalendar,
            App::CallHistory => S::AppCallHistory,
            App::Recorder => S::AppRecorder,
            App::WiFi => S::AppWiFi,
            App::Browser => S::AppBrowser,
        })
    }

    /// What Mi Cloud syncs of the app.
    pub fn app_summary(self, app: App) -> &'static str {
        self.get(match app {
            App::Contacts => S::SyncsContacts,
            App::Messages => S::SyncsMessages,
            App::Gallery => S::SyncsGallery,
            App::Notes => S::SyncsNotes,
            App::Calendar => S::SyncsCalendar,
            App::CallHistory => S::SyncsCallHistory,
            App::Recorder => S::SyncsRecorder,
            App::WiFi => S::SyncsWiFi,
            App::Browser => S::SyncsBrowser,
        })
    }

    pub fn device_kind(self, kind: DeviceKind) -> &'static str {
        self.get(match kind {
            DeviceKind::Phone => S::KindPhone,
            DeviceKind::Tablet => S::KindTablet,
            DeviceKind::Tv => S::KindTv,
            DeviceKind::Watch => S::KindWatch,
            DeviceKind::Band => S::KindBand,
            DeviceKind::SmartHome => S::KindSmartHome,
        })
    }
}

/// The cloud's refusals, in words.
impl From<CloudError> for S {
    fn from(error: CloudError) -> S {
        match error {
            CloudError::InvalidCredentials => S::InvalidCredentials,
            CloudError::TooManyAttempts => S::TooManyAttempts,
            CloudError::CodeIncorrect => S::CodeIncorrect,
            CloudError::CodeExpired => S::CodeExpired,
            CloudError::TooManyCodes { email: false } => S::TooManyCodes,
            CloudError::TooManyCodes { email: true } => S::TooManyCodesEmail,
        }
    }
}

/// The password rules, in words: the rule that fails, by name.
impl From<PasswordProblem> for S {
    fn from(problem: PasswordProblem) -> S {
        match problem {
            PasswordProblem::TooShort => S::PasswordTooShort,
            PasswordProblem::NoLetter => S::PasswordNoLetter,
            PasswordProblem::NoNumber => S::PasswordNoNumber,
            PasswordProblem::NoSymbol => S::PasswordNoSymbol,
        }
    }
}

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

/// The longest text looked up, in bytes: the longest of the phone's, in Chinese, with its
/// values, is well under it.
const TRANSLATED_BYTES: usize = 1024;

/// The most parts of a row or a list translated one by one.
const MAX_PARTS: usize = 16;

/// How rows join their parts: "Phone · Just now · London".
const JOINER: &str = " · ";

/// Characters a piece of a message must share with it to count as a piece of it.
pub const PIECE_CHARS: usize = 16;

/// Every catalogue text as one language words it (in both skins), indexed for lookups: a
/// fixture may ask for thousands of them, and the table has hundreds of texts.
struct Index {
    /// Whole wordings, lowercased.
    whole: HashMap<String, Vec<S>>,
    /// Wordings with placeholders.
    templates: Vec<(S, &'static str)>,
    /// Every run of [`PIECE_CHARS`] characters of every wording.
    runs: HashMap<&'static str, Vec<S>>,
    /// Every wording, one per line, and where each begins: shorter pieces are found here.
    haystack: String,
    starts: Vec<(usize, S)>,
}

impl Index {
    fn of(language: Language) -> &'static Index {
        static INDEXES: [OnceLock<Index>; 2] = [OnceLock::new(), OnceLock::new()];
        let slot = match language {
            Language::En => &INDEXES[0],
            Language::ZhCn => &INDEXES[1],
        };
        slot.get_or_init(|| Index::build(language))
    }

    fn build(language: Language) -> Index {
        let mut index = Index {
            whole: HashMap::new(),
            templates: Vec::new(),
            runs: HashMap::new(),
            haystack: String::new(),
            starts: Vec::new(),
        };
        for &id in S::ALL {
            let miui = Tr::speaking(Skin::Miui, language).get(id);
            let hyperos = Tr::speaking(Skin::Hyperos, language).get(id);
            let wordings = if miui == hyperos {
                vec![miui]
            } else {
                vec![miui, hyperos]
            };
            for wording in wordings {
                let ids = index.whole.entry(wording.to_lowercase()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
                if wording.contains('{') {
                    index.templates.push((id, wording));
                }
                let starts: Vec<usize> = wording.char_indices().map(|(at, _)| at).collect();
                for (n, &from) in starts.iter().enumerate() {
                    let Some(&to) = starts.get(n + PIECE_CHARS) else {
                        break;
                    };
                    if let Some(run) = wording.get(from..to) {
                        let ids = index.runs.entry(run).or_default();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
                index.starts.push((index.haystack.len(), id));
                index.haystack.push_str(wording);
                index.haystack.push('\n');
            }
        }
        index
    }

    /// The ids whose wording holds `piece` (shorter than a run, no line break in it).
    fn holding(&self, piece: &str) -> Vec<S> {
        let mut ids: Vec<S> = Vec::new();
        for (at, _) in self.haystack.match_indices(piece) {
            let n = self.starts.partition_point(|(start, _)| *start <= at);
            if let Some((_, id)) = n.checked_sub(1).and_then(|n| self.starts.get(n))
                && !ids.contains(id)
            {
                ids.push(*id);
            }
        }
        ids
    }
}

/// The indexes of the languages other than `tr`'s.
fn others(tr: Tr) -> impl Iterator<Item = &'static Index> {
    Language::ALL
        .into_iter()
        .filter(move |l| *l != tr.language)
        .map(Index::of)
}

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

/// The longest fixed part, in `tr`'s words, of each message `wanted` is a piece of.
fn piece_counterparts(wanted: &str, tr: Tr) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let chars: Vec<(usize, char)> = wanted.char_indices().collect();
    let window = PIECE_CHARS.min(chars.len());
    if chars.len() < 8 {
        return found;
    }
    // Every fourth window of a longer text, which bounds the work: 19 characters in common
    // (16 and up to 3 on either side) then always hold one whole; a shorter text is tried at
    // every start.
    let stride = if chars.len() >= PIECE_CHARS + 3 { 4 } else { 1 };
    let windows: Vec<&str> = (0..=chars.len() - window)
        .step_by(stride)
        .filter_map(|start| {
            let from = chars.get(start)?.0;
            let to = chars
                .get(start + window)
                .map_or(wanted.len(), |(at, _)| *at);
            wanted.get(from..to)
        })
        .collect();
    let mut ids: Vec<S> = Vec::new();
    for index in others(tr) {
        let found_here = if window < PIECE_CHARS {
            index.holding(wanted)
        } else {
            windows
                .iter()
                .filter_map(|run| index.runs.get(run))
                .flatten()
                .copied()
                .collect()
        };
        for id in found_here {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    for id in ids {
        let ours = tr.get(id);
        let longest = fixed_parts(ours)
            .into_iter()
            .map(str::trim)
            .max_by_key(|part| part.chars().count())
            .filter(|part| part.chars().count() >= 2)
            .map(str::to_string);
        if let Some(part) = longest
            && !found.contains(&part)
        {
            found.push(part);
        }
    }
    // A piece of a message with values in it ("It expires in 10 minutes.", "Signed in as
    // Anna"): the longest stretch of the phone's wording that holds only values the piece
    // gives.
    for index in others(tr) {
        for &(id, theirs) in &index.templates {
            let Some(values) = values_in_piece(theirs, wanted) else {
                continue;
            };
            if let Some(stretch) = known_stretch(tr.get(id), &values)
                && !found.contains(&stretch)
            {
                found.push(stretch);
            }
        }
    }
    found
}

/// The values a piece of a filled-in `template` gives: `piece` begins anywhere in the
/// template's words (or in a value just before them) and ends anywhere after. At least
/// [`PIECE_FIXED_CHARS`] of its characters must be the template's own words, so that a name
/// alone matches nothing.
fn values_in_piece<'t>(template: &'t str, piece: &'t str) -> Option<Vec<(&'t str, &'t str)>> {
    let names = placeholders(template);
    if names.is_empty() || piece.len() > TRANSLATED_BYTES {
        return None;
    }
    let literals = fixed_parts(template);
    let first = piece.chars().next()?;
    // Where the piece may start: inside literal `i` where the piece's first character is,
    // with `literal[k..]` beginning the piece.
    for (i, literal) in literals.iter().enumerate() {
        for (k, _) in literal.match_indices(first) {
            let head = &literal[k..];
            if let Some(values) = follow(&literals[i..], &names[i..], head, piece) {
                return Some(values);
            }
        }
    }
    None
}

/// Matches `piece` from its start against `head` (the rest of a literal), then values and the
/// literals after them, as far as the piece goes.
fn follow<'t>(
    literals: &[&'t str],
    names: &[&'t str],
    head: &str,
    piece: &'t str,
) -> Option<Vec<(&'t str, &'t str)>> {
    let mut values = Vec::new();
    let mut fixed = 0;
    // The piece may end inside the first literal: then it holds no value, and is no piece of
    // a message with values.
    let mut rest = piece.strip_prefix(head)?;
    fixed += head.chars().count();
    for (n, name) in names.iter().enumerate() {
        let next = literals.get(n + 1).copied().unwrap_or("");
        // The value runs to the next literal, or to the end of the piece.
        match rest.find(next).filter(|at| *at > 0 && !next.is_empty()) {
            Some(at) => {
                values.push((*name, &rest[..at]));
                rest = &rest[at + next.len()..];
                fixed += next.chars().count();
            }
            None => {
                // The piece ends in this value, or in the literal after it.
                let cut = (1..=next.len())
                    .rev()
                    .filter(|len| next.is_char_boundary(*len))
                    .find_map(|len| rest.strip_suffix(&next[..len]).map(|value| (value, len)));
                let (value, matched) = cut.unwrap_or((rest, 0));
                if value.is_empty() {
                    return None;
                }
                values.push((*name, value));
                fixed += next[..matched].chars().count();
                rest = "";
                break;
            }
        }
        if rest.is_empty() {
            break;
        }
    }
    (rest.is_empty() && !values.is_empty() && fixed >= PIECE_FIXED_CHARS).then_some(values)
}

/// Characters of a template's own words a piece of it must hold.
const PIECE_FIXED_CHARS: usize = 8;

/// The longest stretch of `template` between placeholders whose values are unknown, with the
/// known ones filled in, trimmed of spaces and marks at its edges; `None` when it is short.
fn known_stretch(template: &str, values: &[(&str, &str)]) -> Option<String> {
    let names = placeholders(template);
    let literals = fixed_parts(template);
    let mut stretches: Vec<String> = vec![String::new()];
    for (n, literal) in literals.iter().enumerate() {
        if let Some(stretch) = stretches.last_mut() {
            stretch.push_str(literal);
        }
        let Some(name) = names.get(n) else { break };
        match values.iter().find(|(known, _)| known == name) {
            Some((_, value)) => {
                if let Some(stretch) = stretches.last_mut() {
                    stretch.push_str(value);
                }
            }
            None => stretches.push(String::new()),
        }
    }
    let edges = |c: char| c.is_whitespace() || "，。、：；！？（）“”.,:;!?()".contains(c);
    stretches
        .iter()
        .map(|stretch| stretch.trim_matches(edges).to_string())
        .max_by_key(|stretch| stretch.chars().count())
        .filter(|stretch| stretch.chars().count() >= 4)
}

/// A template's own words, between its placeholders.
fn fixed_parts(template: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        parts.push(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    parts.push(rest);
    parts
}

/// The values of `template`'s placeholders that make it read `text`, if any do. Templates
/// with fewer than 3 characters of their own words match nothing: "{topic}" alone would
/// match every text.
fn values_in<'t>(template: &'t str, text: &'t str) -> Option<Vec<(&'t str, &'t str)>> {
    let names = placeholders(template);
    if names.is_empty() {
        return None;
    }
    let mut literals: Vec<&str> = Vec::with_capacity(names.len() + 1);
    let mut rest = template;
    for name in &names {
        let marker = format!("{{{name}}}");
        let (before, after) = rest.split_once(marker.as_str())?;
        literals.push(before);
        rest = after;
    }
    literals.push(rest);
    if literals.iter().map(|l| l.chars().count()).sum::<usize>() < 3 {
        return None;
    }
    let first = literals.first()?;
    let mut remaining = text.strip_prefix(first)?;
    let mut values = Vec::with_capacity(names.len());
    for (name, literal) in names.iter().zip(literals.iter().skip(1)) {
        let is_last = values.len() + 1 == names.len();
        let end = if is_last {
            if !remaining.ends_with(literal) {
                return None;
            }
            remaining.len() - literal.len()
        } else if literal.is_empty() {
            return None;
        } else {
            remaining.find(literal)?
        };
        let value = &remaining[..end];
        if value.is_empty() {
            return None;
        }
        values.push((*name, value));
        remaining = &remaining[end + literal.len()..];
    }
    Some(values)
}

/// `template` with each `{name}` replaced by its value in `args`.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    use fmt::Write as _;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (close, *value))
        });
        match value {
            Some((close, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_and_missing_ones_stay_visible() {
        let name: &dyn fmt::Display = &"Redmi";
        let place: &dyn fmt::Display = &"Lagos";
        assert_eq!(
            fill(
                "{device} in {place}.",
                &[("place", place), ("device", name)]
            ),
            "Redmi in Lagos."
        );
        assert_eq!(fill("{device} {x}", &[("device", name)]), "Redmi {x}");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
        assert_eq!(placeholders("{a} and {b}."), vec!["a", "b"]);
    }

    /// Every skin's wording of a text has the same placeholders, so no skin drops a value.
    #[test]
    fn skins_agree_on_placeholders() {
        for &id in S::ALL {
            let miui = placeholders(id.en(Skin::Miui));
            let hyperos = placeholders(id.en(Skin::Hyperos));
            assert_eq!(miui, hyperos, "{}", id.name());
        }
    }

    /// One name per thing within a skin: a HyperOS text never says MIUI's product names.
    #[test]
    fn hyperos_never_says_mi_account_mi_cloud_or_find_device() {
        for &id in S::ALL {
            let text = id.en(Skin::Hyperos);
            for miui in ["Mi Account", "Mi Cloud", "Find Device", "All Mi "] {
                assert!(!text.contains(miui), "{}: {text:?}", id.name());
            }
        }
    }
}
