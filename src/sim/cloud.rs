//! The simulated Xiaomi cloud's rules: accounts and passwords, verification codes, failed
//! sign-ins, and what signing in and out does to the phone's data. Pure functions over the
//! device file, with time and randomness from the `Env`.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use foldhash::{HashSet, HashSetExt};

use chrono::{DateTime, Duration, Utc};

use super::device::{
    AccountDevice, App, CloudAccount, CodePurpose, Connection, DeviceFile, DeviceKind, Item,
    LocalData, LoginRecord, SignInFailures, SignedInAccount, SyncSettings, VerificationCode,
};
use super::{Env, time};

/// The free Mi Cloud plan, in GB.
pub const FREE_PLAN_GB: u32 = 5;
/// Wrong passwords in a row before sign-in is refused for a while.
pub const MAX_FAILURES: u32 = 5;
/// How long sign-in stays refused after too many wrong passwords.
pub const LOCKOUT_MINUTES: i64 = 2;
/// How long a verification code works.
pub const CODE_MINUTES: i64 = 10;
/// How long before "Resend code" works again.
pub const RESEND_SECONDS: i64 = 60;
/// Codes one number or address may receive per hour.
pub const MAX_CODES_PER_HOUR: usize = 5;

/// Wrong tries after which a code stops working, so six digits cannot be guessed.
pub const MAX_CODE_TRIES: u32 = 5;

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

/// What is wrong with a new password (seed 003: at least 8 characters with letters, numbers
/// and symbols), the first rule that fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    NoLetter,
    NoNumber,
    NoSymbol,
}

/// A new device signed in to the account this phone is signed in to, with login notifications
/// on: what the phone's alert is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSignIn {
    pub device: String,
    pub location: String,
}

/// The Argon2id parameters of every hash the simulation makes: cheap on purpose (see
/// `CloudAccount::password_hash`).
fn hasher() -> Argon2<'static> {
    let params = Params::new(1024, 1, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A PHC string for `password`, salted from the seeded generator (so replays are repeatable).
pub fn hash_password(password: &str, env: &mut Env) -> String {
    let mut salt = [0u8; 16];
    for chunk in salt.chunks_mut(4) {
        chunk.copy_from_slice(&env.below(u32::MAX).to_le_bytes());
    }
    match SaltString::encode_b64(&salt) {
        Ok(salt) => hasher()
            .hash_password(password.as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Whether `password` matches the PHC string (an empty or broken hash, or one that asks for
/// more than `device::HASH_MEMORY_KIB_MAX` and the like, matches nothing).
pub fn verify_password(hash: &str, password: &str) -> bool {
    if super::device::hash_cost_problem(hash).is_some() {
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

/// Password checks remembered: a task's check and a hint's plan ask the same ones over and over,
/// and a hash takes far longer than a step.
#[derive(Debug, Clone, Default)]
pub struct Verified {
    answers: Vec<(String, String, bool)>,
}

impl Verified {
    /// How many checks are remembered.
    const KEPT: usize = 64;

    /// Whether `password` matches `hash`, remembered.
    pub fn check(&mut self, hash: &str, password: &str) -> bool {
        if let Some((_, _, answer)) = self
            .answers
            .iter()
            .find(|(h, p, _)| h == hash && p == password)
        {
            return *answer;
        }
        let answer = verify_password(hash, password);
        if self.answers.len() >= Self::KEPT {
            self.answers.remove(0);
        }
        self.answers
            .push((hash.to_string(), password.to_string(), answer));
        answer
    }
}

/// Phone numbers compare by their digits, so "+86 138 0013 8000" and "8613800138000" match.
fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

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

/// The account registered with this phone number (compared by digits).
pub fn find_by_phone(device: &DeviceFile, phone: &str) -> Option<usize> {
    if !is_phone(phone) {
        return None;
    }
    let wanted = digits(phone);
    device
        .cloud
        .accounts
        .iter()
        .position(|a| !a.phone.is_empty() && digits(&a.phone) == wanted)
}

/// The account with this Mi Account ID.
pub fn index_of(device: &DeviceFile, mi_account_id: &str) -> Option<usize> {
    device
        .cloud
        .accounts
        .iter()
        .position(|a| a.mi_account_id == mi_account_id)
}

/// Where an account's verification codes go: its phone number, else its email address.
pub fn code_destination(account: &CloudAccount) -> String {
    if account.phone.is_empty() {
        account.email.clone()
    } else {
        account.phone.clone()
    }
}

/// Checks a login and password as the cloud does, counting wrong passwords. An unknown account
/// gets the same answer as a wrong password, so the form does not reveal who has an account.
pub fn check_password(
    device: &mut DeviceFile,
    login: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<usize, CloudError> {
    let Some(index) = find_account(device, login) else {
        return Err(CloudError::InvalidCredentials);
    };
    let id = device.cloud.accounts[index].mi_account_id.clone();
    let failures = &mut device.cloud.sign_in_failures;
    if let Some(entry) = failures.iter_mut().find(|f| f.mi_account_id == id) {
        match entry.locked_until {
            Some(until) if until > now => return Err(CloudError::TooManyAttempts),
            Some(_) => {
                // The wait is over: a fresh set of tries.
                entry.locked_until = None;
                entry.count = 0;
            }
            None => {}
        }
    }
    if verify_password(&device.cloud.accounts[index].password_hash, password) {
        failures.retain(|f| f.mi_account_id != id);
        return Ok(index);
    }
    let position = match failures.iter().position(|f| f.mi_account_id == id) {
        Some(position) => position,
        None => {
            failures.push(SignInFailures {
                mi_account_id: id,
                count: 0,
                locked_until: None,
            });
            failures.len() - 1
        }
    };
    let entry = &mut failures[position];
    entry.count += 1;
    if entry.count >= MAX_FAILURES {
        entry.locked_until = Some(time::later(now, Duration::minutes(LOCKOUT_MINUTES)));
        return Err(CloudError::TooManyAttempts);
    }
    Err(CloudError::InvalidCredentials)
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
    let code = format!("{:06}", env.below(1_000_000));
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
    });
    device.cloud.accounts.len() - 1
}

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

/// Signs this phone in to the account at `index`: the phone joins the account's devices, Mi
/// Cloud sync starts with MIUI's defaults (everything, automatically), so the phone's data goes
/// up and the cloud's comes down, and Find Device is turned on, as MIUI does at sign-in.
pub fn sign_in(device: &mut DeviceFile, index: usize, now: DateTime<Utc>) {
    let phone = device.phone.clone();
    let Some(account) = device.cloud.accounts.get_mut(index) else {
        return;
    };
    let id = phone.id.to_string();
    let new_device = remember_device(account, &id);
    record_login(
        account,
        LoginRecord {
            at: now,
            device: phone.name.clone(),
            location: phone.location.clone(),
            new_device,
        },
    );
    match account.devices.iter_mut().find(|d| d.id == id) {
        Some(known) => known.last_active = now,
        None => account.devices.insert(
            0,
            AccountDevice {
                id,
                name: phone.name.clone(),
                model: phone.model.clone(),
                kind: DeviceKind::Phone,
                location: String::new(),
                first_sign_in: now,
                last_active: now,
            },
        ),
    }
    device.account = Some(SignedInAccount {
        mi_account_id: account.mi_account_id.clone(),
        name: account.name.clone(),
        find_device: true,
        signed_in_at: Some(now),
        sync: SyncSettings {
            pending: true,
            ..SyncSettings::default()
        },
    });
    sync(device, now);
}

/// Whether the device `id` signs in to `account` for the first time ever (a device still in the
/// list, or one the account remembers from before it was removed, is not new); remembers it.
fn remember_device(account: &mut CloudAccount, id: &str) -> bool {
    let known = account.known_devices.iter().any(|known| known == id)
        || account.devices.iter().any(|d| d.id == id);
    if !account.known_devices.iter().any(|known| known == id) {
        account.known_devices.push(id.to_string());
    }
    !known
}

/// The id the website's sign-ins are known by among an account's devices: one browser, the
/// one beside the phone.
pub const WEB_BROWSER_ID: &str = "web-browser";

/// The browser beside the phone signed in to the account at `index` (named `browser` in the
/// history, where the phone is): the sign-in joins the login history; it is from a new device
/// the first time. Returns the phone's alert when the phone is signed in to that account and
/// login notifications are on.
pub fn web_sign_in(
    device: &mut DeviceFile,
    index: usize,
    browser: &str,
    now: DateTime<Utc>,
) -> Option<NewSignIn> {
    let location = device.phone.location.clone();
    let phone_account = device.account.as_ref().map(|a| a.mi_account_id.clone());
    let account = device.cloud.accounts.get_mut(index)?;
    let new_device = remember_device(account, WEB_BROWSER_ID);
    record_login(
        account,
        LoginRecord {
            at: now,
            device: browser.to_string(),
            location: location.clone(),
            new_device,
        },
    );
    let notify = account.login_notifications.email || account.login_notifications.sms;
    let here = phone_account.as_deref() == Some(account.mi_account_id.as_str());
    (here && notify && new_device).then(|| NewSignIn {
        device: browser.to_string(),
        location,
    })
}

/// Sign-ins an account's history keeps; older ones are dropped, as account sites keep a
/// limited history, so a long-lived device file does not grow without end.
pub const LOGIN_HISTORY_KEPT: usize = 500;

fn record_login(account: &mut CloudAccount, record: LoginRecord) {
    account.login_history.push(record);
    let excess = account
        .login_history
        .len()
        .saturating_sub(LOGIN_HISTORY_KEPT);
    account.login_history.drain(..excess);
}

/// Plays the sign-ins from other devices that are due: each joins the account's devices and its
/// login history, and, when this phone is signed in to that account with login notifications
/// on, returns what the phone's alert is about.
pub fn run_scheduled_sign_ins(device: &mut DeviceFile, now: DateTime<Utc>) -> Vec<NewSignIn> {
    let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut device.cloud.scheduled_sign_ins)
        .into_iter()
        .partition(|s| s.at <= now);
    device.cloud.scheduled_sign_ins = later;
    let mut alerts = Vec::new();
    for sign_in in due {
        let Some(index) = index_of(device, &sign_in.mi_account_id) else {
            continue;
        };
        let here = device
            .account
            .as_ref()
            .is_some_and(|a| a.mi_account_id == sign_in.mi_account_id);
        let account = &mut device.cloud.accounts[index];
        let new_device = remember_device(account, &sign_in.device.id);
        record_login(
            account,
            LoginRecord {
                at: sign_in.at,
                device: sign_in.device.name.clone(),
                location: sign_in.device.location.clone(),
                new_device,
            },
        );
        let notify = account.login_notifications.email || account.login_notifications.sms;
        match account
            .devices
            .iter_mut()
            .find(|d| d.id == sign_in.device.id)
        {
            Some(known) => known.last_active = sign_in.at,
            None => account.devices.push(sign_in.device.clone()),
        }
        if here && notify && new_device {
            alerts.push(NewSignIn {
                device: sign_in.device.name.clone(),
                location: sign_in.device.location.clone(),
            });
        }
    }
    alerts
}

/// Plays what other devices add to their accounts' clouds when the clock passes it: each item
/// joins the cloud copy (once), and a phone signed in to that account is told there is new data
/// (its sync is pending, and runs when it may). Returns whether this phone was told.
pub fn run_scheduled_changes(device: &mut DeviceFile, now: DateTime<Utc>) -> bool {
    let (due, later): (Vec<_>, Vec<_>) = std::mem::take(&mut device.cloud.scheduled_changes)
        .into_iter()
        .partition(|change| change.at <= now);
    device.cloud.scheduled_changes = later;
    let mut told = false;
    for change in due {
        let Some(index) = index_of(device, &change.mi_account_id) else {
            continue;
        };
        let items = device.cloud.accounts[index].data.items_mut(change.app);
        if items.iter().any(|item| item.id == change.item.id) {
            continue;
        }
        items.push(change.item);
        if let Some(account) = device
            .account
            .as_mut()
            .filter(|a| a.mi_account_id == change.mi_account_id)
        {
            account.sync.pending = true;
            told = true;
        }
    }
    told
}

/// Why Mi Cloud cannot sync right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncBlock {
    /// Mi Cloud's sync is stuck until its cache is cleared.
    Stuck,
    /// The phone's clock is set by hand, far from the real time.
    WrongClock,
    /// On mobile data with "Sync over Wi-Fi only" on.
    MobileData,
    Offline,
}

/// How far a clock set by hand may be off before Mi Cloud refuses to sync with the phone.
pub const CLOCK_TOLERANCE_MINUTES: i64 = 60;

/// Whether the phone's clock, set by hand, is too far from the real time for the cloud.
pub fn clock_is_wrong(device: &DeviceFile) -> bool {
    let phone = &device.phone;
    !phone.auto_time && phone.clock_offset_minutes.abs() > CLOCK_TOLERANCE_MINUTES
}

/// Whether a message sent to `to` (a phone number or an email address) arrives on this phone.
pub fn reaches_phone(device: &DeviceFile, to: &str) -> bool {
    let inboxes = &device.phone.inboxes;
    let same = |inbox: &str| {
        if is_email(to) {
            inbox.trim().eq_ignore_ascii_case(to.trim())
        } else {
            let digits = |text: &str| {
                text.chars()
                    .filter(char::is_ascii_digit)
                    .collect::<String>()
            };
            !digits(to).is_empty() && digits(inbox) == digits(to)
        }
    };
    inboxes.is_empty() || inboxes.iter().any(|inbox| same(inbox))
}

/// What stops a sync now, if anything (`None` also when no account is signed in).
pub fn sync_block(device: &DeviceFile) -> Option<SyncBlock> {
    let account = device.account.as_ref()?;
    if device.phone.mi_cloud_stuck {
        return Some(SyncBlock::Stuck);
    }
    if clock_is_wrong(device) {
        return Some(SyncBlock::WrongClock);
    }
    match device.network.connection() {
        Connection::WiFi => None,
        Connection::Mobile if account.sync.wifi_only => Some(SyncBlock::MobileData),
        Connection::Mobile => None,
        Connection::Offline => Some(SyncBlock::Offline),
    }
}

/// Syncs the apps that are on, both ways: what the cloud has comes down, what the phone has goes
/// up while the plan has room. When the network does not allow it, the sync waits (`pending`)
/// and `false` is returned; it runs when the network allows (see `update`).
pub fn sync(device: &mut DeviceFile, now: DateTime<Utc>) -> bool {
    let Some(index) = signed_in_index(device) else {
        return false;
    };
    let blocked = sync_block(device).is_some();
    let plans: Vec<Option<Transfers>> = App::ALL
        .into_iter()
        .map(|app| {
            let on = device.account.as_ref().is_some_and(|a| a.sync.is_on(app));
            (on && !blocked).then(|| transfers(device, index, app))
        })
        .collect();
    let DeviceFile {
        data,
        cloud,
        account,
        ..
    } = device;
    let (Some(account), Some(cloud_account)) = (account.as_mut(), cloud.accounts.get_mut(index))
    else {
        return false;
    };
    let settings = &mut account.sync;
    if blocked {
        settings.pending = true;
        return false;
    }
    let capacity = u64::from(cloud_account.storage_gb) * 1_000_000_000;
    let mut used = cloud_account.data.total_bytes();
    let mut full = false;
    for (app, plan) in App::ALL.into_iter().zip(plans) {
        let Some(Transfers { down, up }) = plan else {
            continue;
        };
        let local = data.items_mut(app);
        let remote = cloud_account.data.items_mut(app);
        // Both lists only grow, so the positions found before stay true.
        local.extend(down.into_iter().filter_map(|at| remote.get(at).cloned()));
        for at in up {
            let Some(item) = local.get(at) else { continue };
            if used + item.size_bytes > capacity {
                full = true;
                continue;
            }
            used += item.size_bytes;
            remote.push(item.clone());
        }
        if let Some(entry) = settings.item_mut(app) {
            entry.last_synced = Some(now);
        }
    }
    settings.pending = false;
    settings.storage_full = full;
    // Talking to the cloud is activity: the account's device list shows the phone as active now.
    let phone_id = device.phone.id.to_string();
    if let Some(entry) = device.cloud.accounts[index]
        .devices
        .iter_mut()
        .find(|d| d.id == phone_id)
    {
        entry.last_active = now;
    }
    true
}

/// What one app's sync moves: positions in the cloud's list that come down to the phone, and
/// positions in the phone's list that go up.
struct Transfers {
    down: Vec<usize>,
    up: Vec<usize>,
}

/// Finds one app's transfers with each side's ids in a set: a sync costs time in proportion to
/// the items, not their square. What came from another account (in another account's cloud copy,
/// not in this one's) stays out of this one's cloud until the person merges it; that set is
/// built only when something would go up.
fn transfers(device: &DeviceFile, index: usize, app: App) -> Transfers {
    let local = device.data.items(app);
    let remote = device
        .cloud
        .accounts
        .get(index)
        .map_or(&[][..], |account| account.data.items(app));
    let on_phone = ids(local);
    let down = remote
        .iter()
        .enumerate()
        .filter(|(_, item)| !on_phone.contains(item.id.as_str()))
        .map(|(at, _)| at)
        .collect();
    drop(on_phone);
    let in_cloud = ids(remote);
    let mut up: Vec<usize> = local
        .iter()
        .enumerate()
        .filter(|(_, item)| !in_cloud.contains(item.id.as_str()))
        .map(|(at, _)| at)
        .collect();
    if !up.is_empty() {
        let theirs: HashSet<&str> = device
            .cloud
            .accounts
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != index)
            .flat_map(|(_, account)| account.data.items(app).iter())
            .map(|item| item.id.as_str())
            .collect();
        up.retain(|&at| {
            local
                .get(at)
                .is_none_or(|item| !theirs.contains(item.id.as_str()))
        });
    }
    Transfers { down, up }
}

/// The ids of the phone's items, per app in `App::ALL` order, that came from another account
/// than the one at `index`: in another account's cloud copy and not in this one's. Merging them
/// into this account's cloud is the person's choice, never silent.
fn foreign_ids(device: &DeviceFile, index: usize) -> Vec<HashSet<String>> {
    let accounts = &device.cloud.accounts;
    let Some(this) = accounts.get(index) else {
        return vec![HashSet::new(); App::ALL.len()];
    };
    App::ALL
        .into_iter()
        .map(|app| {
            let local = device.data.items(app);
            if local.is_empty() {
                return HashSet::new();
            }
            let theirs: HashSet<&str> = accounts
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != index)
                .flat_map(|(_, account)| account.data.items(app).iter())
                .map(|item| item.id.as_str())
                .collect();
            // Nothing of another account's: nothing on the phone can be foreign.
            if theirs.is_empty() {
                return HashSet::new();
            }
            let ours = ids(this.data.items(app));
            local
                .iter()
                .map(|item| item.id.as_str())
                .filter(|id| !ours.contains(id) && theirs.contains(id))
                .map(str::to_string)
                .collect()
        })
        .collect()
}

/// The ids of `items`, for lookups that do not scan.
fn ids(items: &[Item]) -> HashSet<&str> {
    items.iter().map(|item| item.id.as_str()).collect()
}

/// The apps with items on the phone that came from another Mi Account than the one signed in:
/// what the merge question lists.
pub fn foreign_apps(device: &DeviceFile) -> Vec<App> {
    let Some(index) = signed_in_index(device) else {
        return Vec::new();
    };
    App::ALL
        .into_iter()
        .zip(foreign_ids(device, index))
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(app, _)| app)
        .collect()
}

/// "Merge": the items that came from another account go up to the signed-in account's cloud
/// too (while the plan has room), and sync with it from then on.
pub fn merge_foreign(device: &mut DeviceFile, now: DateTime<Utc>) {
    let Some(index) = signed_in_index(device) else {
        return;
    };
    let foreign = foreign_ids(device, index);
    let DeviceFile { data, cloud, .. } = device;
    let Some(account) = cloud.accounts.get_mut(index) else {
        return;
    };
    let capacity = u64::from(account.storage_gb) * 1_000_000_000;
    let mut used = account.data.total_bytes();
    let apps = data.apps().into_iter().zip(account.data.apps_mut());
    for ((local, remote), ids) in apps.zip(&foreign) {
        for item in local.iter().filter(|item| ids.contains(&item.id)) {
            if used + item.size_bytes <= capacity {
                used += item.size_bytes;
                remote.push(item.clone());
            }
        }
    }
    sync(device, now);
}

/// The apps that have items on this phone that are also in the account's cloud copy: what the
/// keep-or-remove dialog lists.
pub fn synced_apps(device: &DeviceFile) -> Vec<App> {
    let Some(account) = signed_in_account(device) else {
        return Vec::new();
    };
    App::ALL
        .into_iter()
        .zip(device.data.apps().into_iter().zip(account.data.apps()))
        .filter(|(_, (local, cloud))| is_synced_somewhere(local, cloud))
        .map(|(name, _)| name)
        .collect()
}

fn is_synced_somewhere(local: &[Item], cloud: &[Item]) -> bool {
    let cloud = ids(cloud);
    local.iter().any(|item| cloud.contains(item.id.as_str()))
}

/// The cloud's record of the account signed in on this phone.
pub fn signed_in_account(device: &DeviceFile) -> Option<&CloudAccount> {
    signed_in_index(device).map(|index| &device.cloud.accounts[index])
}

/// Where the account signed in on this phone is in the cloud's list.
pub fn signed_in_index(device: &DeviceFile) -> Option<usize> {
    index_of(device, &device.account.as_ref()?.mi_account_id)
}

/// Signs this phone out. `keep` leaves synced data on the phone; otherwise what the cloud holds
/// is removed from the phone (the cloud keeps it). The phone leaves the account's devices and
/// Find Device is off.
pub fn sign_out(device: &mut DeviceFile, keep: bool) {
    let phone_id = device.phone.id.to_string();
    if let Some(index) = signed_in_index(device) {
        let account = &mut device.cloud.accounts[index];
        account.devices.retain(|d| d.id != phone_id);
        if !keep {
            let cloud_copy = account.data.clone();
            for (local, cloud) in device.data.apps_mut().into_iter().zip(cloud_copy.apps()) {
                let cloud = ids(cloud);
                local.retain(|item| !cloud.contains(item.id.as_str()));
            }
        }
    }
    device.account = None;
}

/// Wipes the phone's data and settings back to new (what an erase does, whatever asked for it).
/// The account stays as it is: `sign_out` first to free the phone, or leave it for the
/// activation lock.
pub fn wipe(device: &mut DeviceFile) {
    device.data = LocalData::default();
    device.phone.name = device.phone.model.clone();
    // A new phone knows no Wi-Fi network and has every radio at its default.
    device.network.wifi = false;
    device.network.mobile_data = true;
    device.network.airplane_mode = false;
    device.bluetooth = false;
    // The clock is set automatically again, and Mi Cloud starts with an empty cache.
    device.phone.auto_time = true;
    device.phone.clock_offset_minutes = 0;
    device.phone.mi_cloud_stuck = false;
}

/// Erases the phone remotely or from recovery while an account with Find Device is on it: the
/// data goes, and the phone stays locked to the account until its password is entered.
pub fn erase_with_activation_lock(device: &mut DeviceFile) {
    let Some(account) = device.account.take() else {
        wipe(device);
        return;
    };
    wipe(device);
    if account.find_device {
        device.phone.activation_lock = Some(account.mi_account_id);
    } else {
        device.account = None;
    }
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
    use crate::sim::device::ScheduledChange;

    fn t0() -> DateTime<Utc> {
        "2026-11-21T10:00:00Z".parse().expect("time")
    }

    /// A fresh phone whose cloud holds only the account made here (index 0).
    fn device_with_account(env: &mut Env) -> DeviceFile {
        let mut device = DeviceFile::factory_default();
        device.cloud = Default::default();
        create_account(
            &mut device,
            "Lei Wang",
            "lei.wang@example.com",
            "+86 138 0013 8000",
            "Secret#2026",
            env,
        );
        device
    }

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
    fn five_wrong_passwords_lock_sign_in_until_the_clock_moves_on() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        let now = t0();
        for _ in 0..4 {
            assert_eq!(
                check_password(&mut device, "lei.wang@example.com", "wrong", now),
                Err(CloudError::InvalidCredentials)
            );
        }
        assert_eq!(
            check_password(&mut device, "lei.wang@example.com", "wrong", now),
            Err(CloudError::TooManyAttempts)
        );
        // Even the right password waits.
        assert_eq!(
            check_password(&mut device, "lei.wang@example.com", "Secret#2026", now),
            Err(CloudError::TooManyAttempts)
        );
        let later = now + Duration::minutes(LOCKOUT_MINUTES);
        assert_eq!(
            check_password(&mut device, "lei.wang@example.com", "Secret#2026", later),
            Ok(0)
        );
        assert!(device.cloud.sign_in_failures.is_empty());
        assert_eq!(
            check_password(&mut device, "nobody", "x", later),
            Err(CloudError::InvalidCredentials)
        );
    }

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

    /// An item another device adds joins the account's cloud once, when its time comes, and
    /// tells only a phone signed in to that account.
    #[test]
    fn changes_from_other_devices_join_the_cloud_and_tell_the_phone() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        let change = |account: &str, id: &str, minutes: i64| ScheduledChange {
            at: t0() + chrono::Duration::minutes(minutes),
            mi_account_id: account.into(),
            device: "Xiaomi Pad 6".into(),
            app: App::Notes,
            item: Item {
                id: id.into(),
                title: "From the tablet".into(),
                detail: String::new(),
                size_bytes: 10,
            },
        };
        let lei = device.cloud.accounts[0].mi_account_id.clone();
        let anna = device.cloud.accounts[1].mi_account_id.clone();
        device.cloud.scheduled_changes = vec![
            change(&lei, "pad-1", 5),
            change(&lei, "pad-1", 6),
            change(&anna, "pad-2", 5),
            change(&lei, "pad-3", 60),
        ];
        assert!(!run_scheduled_changes(&mut device, t0()), "nothing due yet");
        assert!(run_scheduled_changes(
            &mut device,
            t0() + chrono::Duration::minutes(10)
        ));
        let notes = |i: usize| -> Vec<String> {
            device.cloud.accounts[i]
                .data
                .notes
                .iter()
                .map(|n| n.id.clone())
                .collect()
        };
        assert_eq!(
            notes(0).iter().filter(|id| *id == "pad-1").count(),
            1,
            "once"
        );
        assert!(notes(1).contains(&"pad-2".to_string()));
        assert!(!notes(0).contains(&"pad-3".to_string()), "later");
        assert_eq!(device.cloud.scheduled_changes.len(), 1);
        assert!(device.account.as_ref().is_some_and(|a| a.sync.pending));
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
    fn a_clock_set_far_off_by_hand_stops_sync() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        device.phone.clock_offset_minutes = 24 * 60;
        assert_eq!(
            sync_block(&device),
            None,
            "set automatically: the offset is ignored"
        );
        device.phone.auto_time = false;
        assert_eq!(sync_block(&device), Some(SyncBlock::WrongClock));
        device.phone.clock_offset_minutes = CLOCK_TOLERANCE_MINUTES;
        assert_eq!(sync_block(&device), None, "within the tolerance");
        device.phone.mi_cloud_stuck = true;
        assert_eq!(sync_block(&device), Some(SyncBlock::Stuck));
        assert!(!sync(&mut device, t0()));
    }

    /// What came from one account's cloud is not uploaded into another's unless merged; the
    /// phone's own data, never synced anywhere, is.
    #[test]
    fn another_accounts_data_is_merged_only_when_asked() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        create_account(
            &mut device,
            "Other",
            "other@example.com",
            "",
            "Other#2026",
            &mut env,
        );
        sign_in(&mut device, 0, t0());
        let from_first = device.data.contacts.len();
        assert!(from_first > 0);
        sign_out(&mut device, true);
        device.data.notes.push(Item {
            id: "new-note".into(),
            title: "Written signed out".into(),
            detail: String::new(),
            size_bytes: 10,
        });
        sign_in(&mut device, 1, t0());
        let other = &device.cloud.accounts[1];
        assert!(other.data.contacts.is_empty(), "not merged silently");
        assert!(
            other.data.notes.iter().any(|n| n.id == "new-note"),
            "never synced: goes up"
        );
        assert!(foreign_apps(&device).contains(&App::Contacts));
        assert!(!foreign_apps(&device).contains(&App::Recorder));
        // A later sync still leaves them out.
        sync(&mut device, t0());
        assert!(device.cloud.accounts[1].data.contacts.is_empty());
        merge_foreign(&mut device, t0());
        assert_eq!(device.cloud.accounts[1].data.contacts.len(), from_first);
        assert!(foreign_apps(&device).is_empty());
    }

    #[test]
    fn sign_in_syncs_both_ways_and_sign_out_keeps_or_removes() {
        let mut env = Env::new(t0(), 1);
        let mut device = device_with_account(&mut env);
        device.cloud.accounts[0].data.notes.push(Item {
            id: "cloud-note".into(),
            title: "From the cloud".into(),
            detail: String::new(),
            size_bytes: 10,
        });
        let local_contacts = device.data.contacts.len();
        sign_in(&mut device, 0, t0());
        let account = &device.cloud.accounts[0];
        assert_eq!(account.devices.len(), 1);
        assert_eq!(account.devices[0].id, device.phone.id.to_string());
        assert_eq!(account.data.contacts.len(), local_contacts);
        assert!(device.data.notes.iter().any(|n| n.id == "cloud-note"));
        assert!(device.account.as_ref().is_some_and(|a| a.find_device));
        assert!(synced_apps(&device).contains(&App::Contacts));
        assert!(!synced_apps(&device).contains(&App::Recorder));

        let mut removed = device.clone();
        sign_out(&mut removed, false);
        assert!(removed.account.is_none());
        assert!(removed.data.contacts.is_empty());
        assert!(removed.cloud.accounts[0].devices.is_empty());
        assert_eq!(
            removed.cloud.accounts[0].data.contacts.len(),
            local_contacts
        );
        // Signing in again brings it back.
        sign_in(&mut removed, 0, t0());
        assert_eq!(removed.data.contacts.len(), local_contacts);

        sign_out(&mut device, true);
        assert_eq!(device.data.contacts.len(), local_contacts);
        assert!(device.data.notes.iter().any(|n| n.id == "cloud-note"));
    }

    #[test]
    fn sync_waits_for_the_network_and_respects_items_and_storage() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        let photo = Item {
            id: "new-photo".into(),
            title: "IMG.jpg".into(),
            detail: String::new(),
            size_bytes: 1_000,
        };
        device.data.gallery.push(photo.clone());
        let in_cloud = |d: &DeviceFile| {
            d.cloud.accounts[0]
                .data
                .gallery
                .iter()
                .any(|i| i.id == "new-photo")
        };

        // Wi-Fi only, on mobile data: the sync waits.
        fn settings(device: &mut DeviceFile) -> &mut SyncSettings {
            &mut device.account.as_mut().expect("signed in").sync
        }
        settings(&mut device).wifi_only = true;
        device.network.wifi = false;
        assert_eq!(sync_block(&device), Some(SyncBlock::MobileData));
        assert!(!sync(&mut device, t0()));
        assert!(device.account.as_ref().is_some_and(|a| a.sync.pending));
        assert!(!in_cloud(&device));
        // Offline too.
        device.network.mobile_data = false;
        assert_eq!(sync_block(&device), Some(SyncBlock::Offline));
        // Back on Wi-Fi it goes up.
        device.network.wifi = true;
        assert!(sync(&mut device, t0()));
        assert!(in_cloud(&device));

        // An item that is off neither uploads nor downloads, and the cloud keeps its copy.
        let gallery = 2;
        assert_eq!(settings(&mut device).items[gallery].app, App::Gallery);
        settings(&mut device).items[gallery].on = false;
        device.data.gallery.push(Item {
            id: "off-photo".into(),
            ..photo.clone()
        });
        sync(&mut device, t0());
        assert!(
            !device.cloud.accounts[0]
                .data
                .gallery
                .iter()
                .any(|i| i.id == "off-photo")
        );
        assert!(in_cloud(&device));

        // A full plan stops uploads and says so.
        settings(&mut device).items[gallery].on = true;
        device.cloud.accounts[0].storage_gb = 0;
        sync(&mut device, t0());
        assert!(device.account.as_ref().is_some_and(|a| a.sync.storage_full));
        assert!(
            !device.cloud.accounts[0]
                .data
                .gallery
                .iter()
                .any(|i| i.id == "off-photo")
        );
    }

    #[test]
    fn a_sync_shows_the_phone_as_active_in_the_accounts_device_list() {
        let mut device = DeviceFile::factory_default();
        sign_in(&mut device, 0, t0());
        let later = t0() + Duration::hours(3);
        assert!(sync(&mut device, later));
        let phone_id = device.phone.id.to_string();
        let entry = device.cloud.accounts[0]
            .devices
            .iter()
            .find(|d| d.id == phone_id);
        assert_eq!(entry.map(|d| d.last_active), Some(later));
    }

    #[test]
    fn where_a_code_went_is_masked() {
        assert_eq!(masked("+86 138 0013 8000"), "+86 *** **** 8000");
        assert_eq!(masked("lei.wang@example.com"), "le******@example.com");
    }
}
