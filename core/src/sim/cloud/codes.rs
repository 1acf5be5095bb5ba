//! Verification codes: where they go, sending them (at most so many an hour), checking them (a
//! right one works once, too many wrong ones use it up), and how the phone shows where one went.

use chrono::{DateTime, Duration, Utc};

use crate::sim::device::{CloudAccount, CodePurpose, DeviceFile, VerificationCode};
use crate::sim::{Env, time};

use super::accounts::is_email;
use super::error::CloudError;
use super::phone_numbers::matches;

/// How many digits a verification code has.
pub const CODE_DIGITS: usize = 6;
/// How long a verification code works.
pub const CODE_MINUTES: i64 = 10;
/// How long before "Resend code" works again.
pub const RESEND_SECONDS: i64 = 60;
/// Codes one number or address may receive per hour.
pub const MAX_CODES_PER_HOUR: usize = 5;

/// Wrong tries after which a code stops working, so six digits cannot be guessed.
pub const MAX_CODE_TRIES: u32 = 5;

/// Where an account's verification codes go: its phone number, else its email address.
pub fn code_destination(account: &CloudAccount) -> String {
    if account.phone.is_empty() {
        account.email.clone()
    } else {
        account.phone.clone()
    }
}

/// Where else an account's code can go when the one at `to` is out of reach (seed 003 §9: "Use
/// the recovery email or phone number"): its other address, if it has one.
pub fn recovery_destination(account: &CloudAccount, to: &str) -> Option<String> {
    [&account.phone, &account.email]
        .into_iter()
        .find(|address| !address.is_empty() && address.as_str() != to)
        .cloned()
}

/// Sends a six-digit code to `to`; refuses when too many went there within the hour.
pub fn send_code(
    device: &mut DeviceFile,
    to: &str,
    purpose: CodePurpose,
    env: &mut Env,
) -> Result<String, CloudError> {
    let now = env.now();
    let recent = device
        .cloud
        .codes
        .iter()
        .filter(|c| c.to == to && c.sent_at > time::earlier(now, Duration::hours(1)))
        .count();
    if recent >= MAX_CODES_PER_HOUR {
        return Err(CloudError::TooManyCodes {
            email: is_email(to),
        });
    }
    let code = format!("{:0CODE_DIGITS$}", env.below(1_000_000));
    // Only the newest code for a purpose works, as with real SMS codes.
    for old in device
        .cloud
        .codes
        .iter_mut()
        .filter(|c| c.to == to && c.purpose == purpose)
    {
        old.used = true;
    }
    // Keep the list from growing without end: codes older than a day are of no use.
    device
        .cloud
        .codes
        .retain(|c| c.sent_at > time::earlier(now, Duration::days(1)));
    device.cloud.codes.push(VerificationCode {
        to: to.to_string(),
        purpose,
        code: code.clone(),
        sent_at: now,
        expires_at: time::later(now, Duration::minutes(CODE_MINUTES)),
        used: false,
        wrong_tries: 0,
    });
    Ok(code)
}

/// Checks a code typed for `to`; a right code works once.
pub fn check_code(
    device: &mut DeviceFile,
    to: &str,
    purpose: CodePurpose,
    typed: &str,
    now: DateTime<Utc>,
) -> Result<(), CloudError> {
    let Some(code) = device
        .cloud
        .codes
        .iter_mut()
        .rev()
        .find(|c| c.to == to && c.purpose == purpose && !c.used)
    else {
        return Err(CloudError::CodeIncorrect);
    };
    if code.code != typed.trim() {
        code.wrong_tries += 1;
        // Too many guesses use the code up: the person must ask for a new one.
        if code.wrong_tries >= MAX_CODE_TRIES {
            code.used = true;
            return Err(CloudError::CodeExpired);
        }
        return Err(CloudError::CodeIncorrect);
    }
    if code.expires_at <= now {
        return Err(CloudError::CodeExpired);
    }
    code.used = true;
    Ok(())
}

/// When "Resend code" works again for `to`, if it does not yet.
pub fn resend_at(device: &DeviceFile, to: &str, purpose: CodePurpose) -> Option<DateTime<Utc>> {
    device
        .cloud
        .codes
        .iter()
        .rev()
        .find(|c| c.to == to && c.purpose == purpose)
        .map(|c| time::later(c.sent_at, Duration::seconds(RESEND_SECONDS)))
}

/// Whether a message sent to `to` (a phone number or an email address) arrives on this phone.
pub fn reaches_phone(device: &DeviceFile, to: &str) -> bool {
    let inboxes = &device.phone.inboxes;
    let same = |inbox: &str| {
        if is_email(to) {
            inbox.trim().eq_ignore_ascii_case(to.trim())
        } else {
            // The phone's own number, however the code's address was typed.
            matches(to, inbox).is_some()
        }
    };
    inboxes.is_empty() || inboxes.iter().any(|inbox| same(inbox))
}

/// "+86 138 0013 8000" → "+86 *** **** 8000"; "lei.wang@example.com" → "le*****@example.com":
/// how the phone says where a code went without showing it all.
pub fn masked(to: &str) -> String {
    if let Some((user, domain)) = to.split_once('@') {
        let shown: String = user.chars().take(2).collect();
        let hidden = user.chars().count().saturating_sub(2);
        return format!("{shown}{}@{domain}", "*".repeat(hidden.max(1)));
    }
    let total = to.chars().filter(char::is_ascii_digit).count();
    let mut seen = 0;
    to.chars()
        .map(|c| {
            if c.is_ascii_digit() {
                seen += 1;
                // Keep a country code (after '+') and the last four digits.
                if seen + 4 > total && seen > total.saturating_sub(4) {
                    return c;
                }
                if to.starts_with('+') && seen <= 2 {
                    return c;
                }
                '*'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::cloud::fixtures::{device_with_account, t0};

    #[test]
    fn codes_work_once_expire_and_are_rate_limited() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        let to = "+86 138 0013 8000";
        let code = send_code(&mut device, to, CodePurpose::SignIn, &mut env).expect("sent");
        assert_eq!(code.len(), 6);
        assert_eq!(
            check_code(&mut device, to, CodePurpose::SignIn, "000000x", t0()),
            Err(CloudError::CodeIncorrect)
        );
        assert_eq!(
            check_code(&mut device, to, CodePurpose::SignIn, &code, t0()),
            Ok(())
        );
        assert_eq!(
            check_code(&mut device, to, CodePurpose::SignIn, &code, t0()),
            Err(CloudError::CodeIncorrect)
        );
        let code = send_code(&mut device, to, CodePurpose::SignIn, &mut env).expect("sent");
        let late = t0() + Duration::minutes(CODE_MINUTES);
        assert_eq!(
            check_code(&mut device, to, CodePurpose::SignIn, &code, late),
            Err(CloudError::CodeExpired)
        );
        for _ in 0..3 {
            send_code(&mut device, to, CodePurpose::SignIn, &mut env).expect("sent");
        }
        assert_eq!(
            send_code(&mut device, to, CodePurpose::SignIn, &mut env),
            Err(CloudError::TooManyCodes { email: false })
        );
    }

    #[test]
    fn five_wrong_codes_use_the_code_up() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        let to = "lei.wang@example.com";
        let code = send_code(&mut device, to, CodePurpose::SignIn, &mut env).expect("sent");
        for _ in 0..MAX_CODE_TRIES - 1 {
            assert_eq!(
                check_code(&mut device, to, CodePurpose::SignIn, "000000x", t0()),
                Err(CloudError::CodeIncorrect)
            );
        }
        assert_eq!(
            check_code(&mut device, to, CodePurpose::SignIn, "000000x", t0()),
            Err(CloudError::CodeExpired)
        );
        assert_eq!(
            check_code(&mut device, to, CodePurpose::SignIn, &code, t0()),
            Err(CloudError::CodeIncorrect)
        );
    }

    #[test]
    fn codes_reach_the_phone_only_at_its_own_numbers_and_addresses() {
        let mut device = DeviceFile::factory_default();
        assert!(
            reaches_phone(&device, "+49 151 0000"),
            "no inboxes: all arrive"
        );
        device.phone.inboxes = vec!["+44 7700 900999".into(), "Me@Example.com".into()];
        assert!(reaches_phone(&device, "+447700900999"));
        assert!(reaches_phone(&device, "me@example.com"));
        assert!(!reaches_phone(&device, "+44 7700 900998"));
        assert!(!reaches_phone(&device, "you@example.com"));
        assert!(!reaches_phone(&device, "no digits"));
    }

    #[test]
    fn where_a_code_went_is_masked() {
        assert_eq!(masked("+86 138 0013 8000"), "+86 *** **** 8000");
        assert_eq!(masked("lei.wang@example.com"), "le******@example.com");
    }
}
