//! Text as answers are compared: letter case, spaces, quotes, a closing full stop and a leading
//! article do not matter, and for a place neither do commas.

/// The quotes people put around an answer, in English and Chinese.
fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」')
}

/// The stops that may close an answer.
const CLOSING_STOPS: [char; 4] = ['.', '!', '。', '！'];

/// Text as compared: lower case, without spaces, quotes, a closing full stop, or a leading
/// article.
pub fn plain(text: &str) -> String {
    let mut text = text.trim();
    // `"Backup codes".` and `“6612345678”。`: quotes and a closing stop, in either order.
    loop {
        let stripped = text
            .trim_matches(is_quote)
            .trim_end_matches(CLOSING_STOPS)
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

/// A place as compared: plain, and commas, full stops and dashes left out.
pub fn place(text: &str) -> String {
    plain(text)
        .chars()
        .filter(|c| !matches!(c, ',' | '.' | '，' | '、' | '-'))
        .collect()
}

/// Lower case, quotes and a closing stop gone, spaces kept.
pub fn plain_words(text: &str) -> String {
    text.trim()
        .trim_matches(is_quote)
        .trim_end_matches(CLOSING_STOPS)
        .to_lowercase()
}
