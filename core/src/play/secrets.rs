//! Passwords kept out of transcripts, casts and failure messages. Frames already show a
//! password field as bullets; a step's heading repeats the step's own text, so a password
//! typed into a field, or named in `expect_no_text "…"`, would otherwise be written out in full.
//! Masked: every text typed into a password field so far, and every text of a step that is the
//! password of an account on the starting phone (the demo accounts' passwords).

use std::collections::HashMap;

use super::fixture::Step;
use crate::sim::cloud::verify_password;
use crate::sim::device::DeviceFile;

/// The accounts whose passwords a step's text is checked against: the demo files hold a few; a
/// file with thousands must not make each heading cost seconds.
const ACCOUNTS_CHECKED: usize = 8;
/// Password checks in one replay (about a millisecond each). Past it, a text that could be a
/// password is masked without asking: a heading may hide too much, never too little.
const CHECKS_MAX: usize = 512;
/// Texts shorter than this are masked only in their own `type` step: masking two letters
/// everywhere would garble every heading, and they are no one's password.
const SHORTEST_MASKED_ELSEWHERE: usize = 4;

pub struct Secrets {
    hashes: Vec<String>,
    /// Texts typed into a password field, longest first (so a longer one is masked whole).
    typed: Vec<String>,
    /// A step's text → whether it is an account's password.
    checked: HashMap<String, bool>,
    checks: usize,
}

impl Secrets {
    pub fn new(device: &DeviceFile) -> Secrets {
        let hashes = device
            .cloud
            .accounts
            .iter()
            .take(ACCOUNTS_CHECKED)
            .map(|account| account.password_hash.clone())
            .filter(|hash| !hash.is_empty())
            .collect();
        Secrets {
            hashes,
            typed: Vec::new(),
            checked: HashMap::new(),
            checks: 0,
        }
    }

    /// `text` was typed into a password field.
    pub fn typed_into_password(&mut self, text: &str) {
        if text.chars().count() >= SHORTEST_MASKED_ELSEWHERE
            && !self.typed.iter().any(|t| t == text)
        {
            self.typed.push(text.to_string());
            self.typed
                .sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
        }
    }

    /// `text` with every secret in it (and the step's own text, if it is a password) masked.
    pub fn mask(&mut self, step: &Step, text: &str) -> String {
        let mut masked = text.to_string();
        for own in step_texts(step) {
            if masked.contains(own) && self.is_a_password(own) {
                masked = masked.replace(own, &bullets(own));
            }
        }
        for secret in &self.typed {
            if masked.contains(secret.as_str()) {
                masked = masked.replace(secret.as_str(), &bullets(secret));
            }
        }
        masked
    }

    fn is_a_password(&mut self, text: &str) -> bool {
        if !could_be_a_password(text) || self.hashes.is_empty() {
            return false;
        }
        if let Some(&known) = self.checked.get(text) {
            return known;
        }
        if self.checks + self.hashes.len() > CHECKS_MAX {
            return true;
        }
        self.checks += self.hashes.len();
        let is = self.hashes.iter().any(|hash| verify_password(hash, text));
        self.checked.insert(text.to_string(), is);
        is
    }
}

/// The texts a step carries, any of which could be a password.
fn step_texts(step: &Step) -> Vec<&str> {
    match step {
        Step::Type(text)
        | Step::Tap(text)
        | Step::ExpectText(text)
        | Step::ExpectNoText(text)
        | Step::ExpectScreen(text)
        | Step::Snapshot(text) => vec![text],
        Step::TapId { id, label } => [Some(id.as_str()), label.as_deref()]
            .into_iter()
            .flatten()
            .collect(),
        Step::SignInElsewhere(who) => vec![&who.account, &who.device, &who.location],
        Step::ChangeElsewhere(what) => {
            vec![&what.account, &what.device, &what.title, &what.detail]
        }
        Step::ExpectState(pointers) => pointers
            .iter()
            .flat_map(|(pointer, value)| [Some(pointer.as_str()), value.as_str()])
            .flatten()
            .collect(),
        Step::TypeFrom(source) => [source.state.as_deref(), source.digits_after.as_deref()]
            .into_iter()
            .flatten()
            .collect(),
        // A condition's texts are masked through the whole heading's typed secrets.
        Step::Expect(_) => Vec::new(),
        Step::Key(_) | Step::Scroll(_) | Step::Back(_) | Step::Wait(_) | Step::ExpectTask(_) => {
            Vec::new()
        }
    }
}

/// Passwords have no spaces and are a few characters to a few dozen long: labels and
/// sentences are never checked (each check costs a password hash).
fn could_be_a_password(text: &str) -> bool {
    let length = text.chars().count();
    (SHORTEST_MASKED_ELSEWHERE..=64).contains(&length) && !text.chars().any(char::is_whitespace)
}

fn bullets(text: &str) -> String {
    "•".repeat(text.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_demo_password_is_masked_wherever_a_step_names_it() {
        let mut secrets = Secrets::new(&DeviceFile::factory_default());
        let step = Step::ExpectNoText("Xiaomi#2026".into());
        assert_eq!(
            secrets.mask(&step, "expect_no_text \"Xiaomi#2026\""),
            "expect_no_text \"•••••••••••\""
        );
        let label = Step::ExpectText("Sign in".into());
        assert_eq!(
            secrets.mask(&label, "expect_text \"Sign in\""),
            "expect_text \"Sign in\""
        );
        let not_a_password = Step::Type("lei.wang@example.com".into());
        assert_eq!(
            secrets.mask(&not_a_password, "type \"lei.wang@example.com\""),
            "type \"lei.wang@example.com\""
        );
    }

    #[test]
    fn text_typed_into_a_password_field_is_masked_later_too() {
        let mut secrets = Secrets::new(&DeviceFile::factory_default());
        secrets.typed_into_password("New#Pass99");
        secrets.typed_into_password("ab");
        let step = Step::ExpectNoText("New#Pass99".into());
        assert_eq!(
            secrets.mask(&step, "expect_no_text \"New#Pass99\" (ab)"),
            "expect_no_text \"••••••••••\" (ab)"
        );
    }
}
