//! What the cloud refuses: shared by the password check and the verification codes.

/// What the cloud refuses, and why. The words a person reads come from the string table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CloudError {
    /// Unknown account or wrong password: the same answer, so the form reveals nobody.
    InvalidCredentials,
    /// Too many wrong passwords in a row: sign-in waits for a while.
    TooManyAttempts,
    CodeIncorrect,
    CodeExpired,
    /// Too many codes went to this destination within the hour.
    TooManyCodes {
        email: bool,
    },
}
