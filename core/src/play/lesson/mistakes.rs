//! The mistakes an attempt at a lesson counts, by kind.

/// Mistakes, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Mistakes {
    /// A password sent and refused (the field emptied, an error or message shown).
    pub wrong_passwords: u32,
    /// Steps onto a screen (or dialog) the reference solution never went to.
    pub wrong_turns: u32,
    pub backs: u32,
    pub wrong_answers: u32,
    /// "Can't be done" said of a task that can be done.
    pub wrong_claims: u32,
}
