//! Passwords: Argon2id hashes salted from the seeded generator, their checks (remembered, as a
//! hash is slow), and the rules a new password must meet.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::sim::Env;

/// What is wrong with a new password (seed 003: at least 8 characters with letters, numbers
/// and symbols), the first rule that fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    NoLetter,
    NoNumber,
    NoSymbol,
}

/// The Argon2id parameters of every hash the simulation makes: cheap on purpose (see
/// `CloudAccount::password_hash`).
fn hasher() -> Argon2<'static> {
    let params = Params::new(1024, 1, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A PHC string for `password`, salted from the seeded generator (so replays are repeatable).
/// Hashes are remembered for the process, as checks are: a hint's plan sets the same new
/// password from the same state again and again.
pub fn hash_password(password: &str, env: &mut Env) -> String {
    let mut salt = [0u8; 16];
    for chunk in salt.chunks_mut(4) {
        chunk.copy_from_slice(&env.below(u32::MAX).to_le_bytes());
    }
    remembered(
        &HASHED,
        (salt, password.to_string()),
        || match SaltString::encode_b64(&salt) {
            Ok(salt) => hasher()
                .hash_password(password.as_bytes(), &salt)
                .map(|hash| hash.to_string())
                .unwrap_or_default(),
            Err(_) => String::new(),
        },
    )
}

/// Whether `password` matches the PHC string (an empty or broken hash, or one that asks for
/// more than `device::HASH_MEMORY_KIB_MAX` and the like, matches nothing). Answers are
/// remembered for the process: plans, checks and replays ask the same ones over and over, and
/// each costs a hash.
pub fn verify_password(hash: &str, password: &str) -> bool {
    remembered(&CHECKED, (hash.to_string(), password.to_string()), || {
        hash_matches(hash, password)
    })
}

/// How many hashes and checks are remembered, each (a bound on the memory and on a look-up; a
/// hint's plan needs a handful).
const REMEMBERED_MAX: usize = 128;

/// Answers remembered, oldest first. Memory only, never written.
type Memo<K, V> = std::sync::Mutex<Vec<(K, V)>>;

/// The checks remembered: (the hash, the password tried) and the answer.
static CHECKED: Memo<(String, String), bool> = std::sync::Mutex::new(Vec::new());
/// The hashes remembered: (the salt, the password) and the PHC string.
static HASHED: Memo<([u8; 16], String), String> = std::sync::Mutex::new(Vec::new());

/// The answer for `key`, from `memo` or worked out and remembered (the oldest forgotten past
/// `REMEMBERED_MAX`).
fn remembered<K: PartialEq, V: Clone>(memo: &Memo<K, V>, key: K, work: impl FnOnce() -> V) -> V {
    let known = memo.lock().ok().and_then(|answers| {
        answers
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    });
    if let Some(answer) = known {
        return answer;
    }
    let answer = work();
    if let Ok(mut answers) = memo.lock() {
        if answers.len() >= REMEMBERED_MAX {
            answers.remove(0);
        }
        answers.push((key, answer.clone()));
    }
    answer
}

/// The check itself, a hash every time (what the bench measures).
pub fn hash_matches(hash: &str, password: &str) -> bool {
    if crate::sim::device::hash_cost_problem(hash).is_some() {
        return false;
    }
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// What is wrong with a new password, if anything (seed 003: at least 8 characters with letters,
/// numbers and symbols).
pub fn password_problem(password: &str) -> Option<PasswordProblem> {
    if password.chars().count() < 8 {
        Some(PasswordProblem::TooShort)
    } else if !password.chars().any(char::is_alphabetic) {
        Some(PasswordProblem::NoLetter)
    } else if !password.chars().any(|c| c.is_ascii_digit()) {
        Some(PasswordProblem::NoNumber)
    } else if !password
        .chars()
        .any(|c| !c.is_alphanumeric() && !c.is_whitespace())
    {
        Some(PasswordProblem::NoSymbol)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::DeviceFile;
    use crate::sim::cloud::fixtures::t0;

    #[test]
    fn the_demo_accounts_passwords_are_the_ones_the_readme_lists() {
        let device = DeviceFile::factory_default();
        let accounts = &device.cloud.accounts;
        assert!(verify_password(&accounts[0].password_hash, "Xiaomi#2026"));
        assert!(verify_password(&accounts[1].password_hash, "Anna#2026!"));
        assert!(accounts[1].two_step);
        assert!(verify_password(&accounts[2].password_hash, "Fleet#2026"));
        assert_eq!(accounts[2].managed_by.as_deref(), Some("Contoso Ltd"));
    }

    #[test]
    fn passwords_are_stored_as_argon2id_hashes_and_verify() {
        let mut env = Env::new(t0(), 1);
        let hash = hash_password("Secret#2026", &mut env);
        assert!(hash.starts_with("$argon2id$v=19$m=1024,t=1,p=1$"), "{hash}");
        assert!(!hash.contains("Secret"));
        assert!(verify_password(&hash, "Secret#2026"));
        assert!(!verify_password(&hash, "secret#2026"));
        assert!(!verify_password("", "anything"));
        assert!(!verify_password("not a hash", "anything"));
    }

    #[test]
    fn password_rules_say_which_rule_fails() {
        assert_eq!(password_problem("a1!"), Some(PasswordProblem::TooShort));
        assert_eq!(
            password_problem("12345678!"),
            Some(PasswordProblem::NoLetter)
        );
        assert_eq!(
            password_problem("abcdefgh!"),
            Some(PasswordProblem::NoNumber)
        );
        assert_eq!(
            password_problem("abcdefgh1"),
            Some(PasswordProblem::NoSymbol)
        );
        assert_eq!(password_problem("abcdefg1!"), None);
    }
}
