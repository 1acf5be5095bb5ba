//! Pieces of messages: a text that is part of a longer message of the phone's (at least
//! [`PIECE_CHARS`] characters in common), found as the longest fixed part of the message in the
//! phone's words, or, where the message has values, the longest stretch of it the piece gives.

use super::index::{PIECE_CHARS, TRANSLATED_BYTES, others};
use super::template::{fixed_parts, placeholders};
use super::{S, Tr};

/// The longest fixed part, in `tr`'s words, of each message `wanted` is a piece of.
pub(super) fn piece_counterparts(wanted: &str, tr: Tr) -> Vec<String> {
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
