//! Templates: texts with named placeholders (`{device}`), filled in, and read back (which
//! values make a template read a given text).

use std::fmt;

/// A template's own words, between its placeholders.
pub(super) fn fixed_parts(template: &str) -> Vec<&str> {
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
pub(super) fn values_in<'t>(template: &'t str, text: &'t str) -> Option<Vec<(&'t str, &'t str)>> {
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
}
