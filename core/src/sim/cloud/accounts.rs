//! The cloud's accounts: finding one by Mi Account ID, email or phone number, the one this
//! phone is signed in to, making a new one and setting its password.

use crate::sim::Env;
use crate::sim::device::{CloudAccount, DeviceFile, LocalData};

use super::passwords::hash_password;
use super::phone_numbers::{digits, find_number};

/// The free Mi Cloud plan, in GB.
pub const FREE_PLAN_GB: u32 = 5;

/// Whether a login text looks like an email address.
pub fn is_email(text: &str) -> bool {
    let text = text.trim();
    if text.chars().any(char::is_whitespace) {
        return false;
    }
    match text.split_once('@') {
        Some((user, domain)) => {
            !user.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }
        None => false,
    }
}

/// Whether a login text looks like a phone number (digits, spaces, +, -; 6 to 15 digits).
pub fn is_phone(text: &str) -> bool {
    let text = text.trim();
    let count = digits(text).len();
    (6..=15).contains(&count)
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '(' | ')'))
}

/// The account a login (Mi Account ID, email or phone number) names. An ID wins over a phone
/// number with the same digits, as it is the more specific of the two.
pub fn find_account(device: &DeviceFile, login: &str) -> Option<usize> {
    let login = login.trim();
    if login.is_empty() {
        return None;
    }
    device
        .cloud
        .accounts
        .iter()
        .position(|account| account.mi_account_id == login)
        .or_else(|| find_by_email(device, login))
        .or_else(|| find_by_phone(device, login))
}

/// How `login` names its account: `mi_account_id`, `email` or `phone` (as [`find_account`]
/// tries them), or `None` when it names none.
pub fn login_kind(device: &DeviceFile, login: &str) -> Option<&'static str> {
    let login = login.trim();
    if login.is_empty() {
        None
    } else if device
        .cloud
        .accounts
        .iter()
        .any(|account| account.mi_account_id == login)
    {
        Some("mi_account_id")
    } else if find_by_email(device, login).is_some() {
        Some("email")
    } else if find_by_phone(device, login).is_some() {
        Some("phone")
    } else {
        None
    }
}

/// The account registered with this email address (letter case does not matter).
pub fn find_by_email(device: &DeviceFile, email: &str) -> Option<usize> {
    let email = email.trim();
    device
        .cloud
        .accounts
        .iter()
        .position(|a| !a.email.is_empty() && a.email.eq_ignore_ascii_case(email))
}

/// The account registered with this phone number, typed as people type it (see
/// `phone_numbers`: with or without the country code, spaces or dashes).
pub fn find_by_phone(device: &DeviceFile, phone: &str) -> Option<usize> {
    if !is_phone(phone) {
        return None;
    }
    let numbers = device.cloud.accounts.iter().map(|a| a.phone.as_str());
    find_number(device, phone, numbers)
}

/// The account with this Mi Account ID.
pub fn index_of(device: &DeviceFile, mi_account_id: &str) -> Option<usize> {
    device
        .cloud
        .accounts
        .iter()
        .position(|a| a.mi_account_id == mi_account_id)
}

/// Makes a new account with a fresh numeric Mi Account ID; returns its index.
pub fn create_account(
    device: &mut DeviceFile,
    name: &str,
    email: &str,
    phone: &str,
    password: &str,
    env: &mut Env,
) -> usize {
    let id = loop {
        // Ten digits, never starting with 0, and unique in this cloud.
        let candidate = format!("{}{:09}", 1 + env.below(9), env.below(1_000_000_000));
        if !device
            .cloud
            .accounts
            .iter()
            .any(|a| a.mi_account_id == candidate)
        {
            break candidate;
        }
    };
    device.cloud.accounts.push(CloudAccount {
        mi_account_id: id,
        name: name.trim().to_string(),
        email: email.trim().to_string(),
        phone: phone.trim().to_string(),
        password_hash: hash_password(password, env),
        two_step: false,
        managed_by: None,
        devices: Vec::new(),
        known_devices: Vec::new(),
        data: LocalData::default(),
        storage_gb: FREE_PLAN_GB,
        login_notifications: Default::default(),
        login_history: Vec::new(),
        backups: Vec::new(),
    });
    device.cloud.accounts.len() - 1
}

/// Gives the account at `index` a new password; its count of wrong passwords starts over.
pub fn set_password(device: &mut DeviceFile, index: usize, password: &str, env: &mut Env) {
    let hash = hash_password(password, env);
    if let Some(account) = device.cloud.accounts.get_mut(index) {
        account.password_hash = hash;
        let id = account.mi_account_id.clone();
        device
            .cloud
            .sign_in_failures
            .retain(|f| f.mi_account_id != id);
    }
}

/// The cloud's record of the account signed in on this phone.
pub fn signed_in_account(device: &DeviceFile) -> Option<&CloudAccount> {
    signed_in_index(device).map(|index| &device.cloud.accounts[index])
}

/// Where the account signed in on this phone is in the cloud's list.
pub fn signed_in_index(device: &DeviceFile) -> Option<usize> {
    index_of(device, &device.account.as_ref()?.mi_account_id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::cloud::fixtures::{device_with_account, t0};

    #[test]
    fn accounts_are_found_by_id_email_or_phone_digits() {
        let mut env = Env::new(t0(), 1);
        let device = device_with_account(&mut env);
        let id = device.cloud.accounts[0].mi_account_id.clone();
        assert_eq!(id.len(), 10);
        assert!(id.chars().all(|c| c.is_ascii_digit()));
        assert_eq!(find_account(&device, &id), Some(0));
        assert_eq!(find_account(&device, "LEI.WANG@example.com"), Some(0));
        assert_eq!(find_account(&device, "8613800138000"), Some(0));
        assert_eq!(find_account(&device, "nobody@example.com"), None);
        assert_eq!(find_account(&device, ""), None);
    }

    #[test]
    fn email_and_phone_shapes_are_checked() {
        assert!(is_email("a.b@example.com"));
        assert!(!is_email("a b@c@d.e"));
        assert!(!is_email("a@b@c.d"));
        assert!(!is_email("@example.com"));
        assert!(!is_email("a@.com"));
        assert!(is_phone("+86 138 0013 8000"));
        assert!(!is_phone("12345"));
        assert!(!is_phone("138-abc-0000"));
    }

    #[test]
    fn an_account_id_is_not_taken_for_a_phone_number() {
        let device = DeviceFile::factory_default();
        assert_eq!(find_by_phone(&device, "7023456789"), None);
        assert_eq!(find_account(&device, "7023456789"), Some(1));
    }
}
