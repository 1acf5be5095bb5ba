//! A one-line text field's content and cursor, edited by actions (never by the renderer).

/// The most characters a field holds, as a phone's fields have a limit: what is typed or pasted
/// beyond it is dropped, so no input can make editing or drawing slow.
pub const MAX_CHARS: usize = 256;

/// Text being typed, with a cursor counted in characters (not bytes) so that any Unicode input
/// edits safely.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    cursor: usize,
    accepts: Accepts,
}

/// What a field takes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Accepts {
    /// Any one-line text, up to `MAX_CHARS`.
    #[default]
    Text,
    /// A verification code: digits only, at most this many (a phone's number pad; what is typed
    /// or pasted beyond is dropped).
    Digits(usize),
}

impl TextInput {
    pub fn new(text: impl Into<String>) -> TextInput {
        let mut input = TextInput::default();
        input.insert(&text.into());
        input
    }

    /// An empty field for a verification code of `digits` digits.
    pub fn code(digits: usize) -> TextInput {
        TextInput {
            accepts: Accepts::Digits(digits.min(MAX_CHARS)),
            ..TextInput::default()
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_index(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Inserts at the cursor; control characters (a pasted newline, a tab) are dropped because a
    /// one-line field cannot hold them, and so is what goes past `MAX_CHARS` (or, in a code
    /// field, anything but digits and what goes past its length). The cost is linear in what is
    /// typed and what is there.
    pub fn insert(&mut self, typed: &str) {
        let (limit, digits_only) = match self.accepts {
            Accepts::Text => (MAX_CHARS, false),
            Accepts::Digits(digits) => (digits, true),
        };
        let room = limit.saturating_sub(self.text.chars().count());
        let kept: String = typed
            .chars()
            .filter(|c| !c.is_control() && (!digits_only || c.is_ascii_digit()))
            .take(room)
            .collect();
        if kept.is_empty() {
            return;
        }
        let at = self.byte_index(self.cursor);
        self.text.insert_str(at, &kept);
        self.cursor += kept.chars().count();
    }

    /// Empties the field; it takes what it took before.
    pub fn clear(&mut self) {
        self.text.clear();
        self.cursor = 0;
    }

    pub fn delete_backward(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_index(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn delete_forward(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_index(self.cursor);
            self.text.remove(at);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_at_the_cursor_with_wide_characters() {
        let mut input = TextInput::new("小米");
        input.left();
        input.insert("a\nb");
        assert_eq!(input.text(), "小ab米");
        input.delete_backward();
        assert_eq!(input.text(), "小a米");
        input.delete_forward();
        assert_eq!(input.text(), "小a");
        input.home();
        input.delete_backward();
        assert_eq!(input.text(), "小a");
        input.end();
        input.right();
        assert_eq!(input.cursor(), 2);
    }

    #[test]
    fn a_code_field_takes_its_digits_and_no_more_even_after_clearing() {
        let mut input = TextInput::code(6);
        input.insert("12a 3");
        assert_eq!(input.text(), "123");
        input.insert("4567890");
        assert_eq!(input.text(), "123456");
        input.insert("7");
        assert_eq!(input.text(), "123456");
        input.clear();
        input.insert("000000893211");
        assert_eq!(input.text(), "000000");
        assert_eq!(input.cursor(), 6);
    }
}
