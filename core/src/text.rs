//! Texts made short enough to show: a message repeating a megabyte of bad value helps nobody.
//! And the file names that work on every system.

/// `text` cut to `chars` characters, with "…" when something was cut.
pub fn cut(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// `text` safe to print on a terminal: control characters, and the marks that reorder or hide
/// text (bidirectional overrides and isolates, direction marks, zero-width joiners), become
/// "?", so a text from a file can neither send escape sequences nor disguise itself.
pub fn terminal_safe(text: &str) -> String {
    let hidden = |c: char| {
        matches!(
            c,
            '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
    };
    text.chars()
        .map(|c| if c.is_control() || hidden(c) { '?' } else { c })
        .collect()
}

/// A message about a value, its quoted parts cut: a parser's message repeats the bad value, and
/// a megabyte of it helps nobody.
pub fn shortened(message: &str) -> String {
    const QUOTED: usize = 60;
    const WHOLE: usize = 400;
    let mut out = String::with_capacity(message.len().min(WHOLE * 4));
    let mut quoted = String::new();
    let mut in_quotes = false;
    for ch in message.chars() {
        if ch == '"' {
            if in_quotes {
                out.push_str(&cut(&quoted, QUOTED));
                quoted.clear();
            }
            in_quotes = !in_quotes;
            out.push(ch);
        } else if in_quotes {
            quoted.push(ch);
        } else {
            out.push(ch);
        }
    }
    out.push_str(&cut(&quoted, QUOTED));
    cut(&out, WHOLE)
}

/// Whether `name` is a file name that works on every system: letters, digits, `.`, `_` and
/// `-`, not starting with a dot, at most 100 characters, and not one of the names Windows keeps
/// for devices (`CON`, `NUL`, `COM1` …).
pub fn portable_name(name: &str) -> Result<(), String> {
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-');
    if name.is_empty() || name.chars().count() > 100 {
        return Err("a name must have 1 to 100 characters".into());
    }
    if name.starts_with('.') || !name.chars().all(allowed) {
        return Err(format!(
            "{:?} is not a portable name: use letters, digits, '.', '_' and '-', not starting with '.'",
            cut(name, 40)
        ));
    }
    let stem = name.split('.').next().unwrap_or(name).to_ascii_uppercase();
    let reserved = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.ends_with(|c: char| c.is_ascii_digit()));
    if reserved {
        return Err(format!(
            "{name:?} is a device name on Windows: choose another"
        ));
    }
    Ok(())
}

/// Where a JSON error is, as editors number it: line and column from 1. serde_json says column
/// 0 for an error just after a line break (the file ending there, most often); an editor's
/// cursor there is in column 1.
pub fn position(e: &serde_json::Error) -> (usize, usize) {
    (e.line(), e.column().max(1))
}

/// serde_json appends " at line L column C"; the file:line:column prefix already says that.
pub fn bare_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    shortened(full.strip_suffix(&suffix).unwrap_or(&full))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_text_has_no_escapes_and_no_reordering_marks() {
        assert_eq!(terminal_safe("a\u{1b}[31mb"), "a?[31mb");
        assert_eq!(terminal_safe("evil\u{202E}gpj.exe"), "evil?gpj.exe");
        assert_eq!(terminal_safe("x\u{2067}y\u{200F}z"), "x?y?z");
        assert_eq!(terminal_safe("蓝牙 Wi-Fi"), "蓝牙 Wi-Fi");
    }

    #[test]
    fn long_values_are_cut_in_messages() {
        let long = "x".repeat(1_000_000);
        let message = shortened(&format!("invalid type: string \"{long}\", expected u8"));
        assert!(message.len() < 200, "{}", message.len());
        assert!(message.contains("x…\", expected u8"), "{message}");
        assert_eq!(shortened("short \"value\" here"), "short \"value\" here");
    }

    #[test]
    fn portable_names_only() {
        for good in ["code-sent", "a.b_c-1", "X"] {
            assert!(portable_name(good).is_ok(), "{good}");
        }
        for bad in [
            "", ".hidden", "a/b", "a\\b", "CON", "nul.txt", "com1", "a*b", "a\nb", "é",
        ] {
            assert!(portable_name(bad).is_err(), "{bad:?}");
        }
        assert!(portable_name("COM10").is_ok());
    }
}
