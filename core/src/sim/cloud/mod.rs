//! The simulated Xiaomi cloud's rules: accounts and passwords, verification codes, failed
//! sign-ins, and what signing in and out does to the phone's data. Pure functions over the
//! device file, with time and randomness from the `Env`.
//!
//! One child module per concern; this one only names them and re-exports their public items,
//! so callers say `sim::cloud::sign_in` whichever file it lives in.

mod accounts;
mod backup;
mod codes;
mod deleted;
mod devices;
mod erase;
mod error;
mod foreign;
mod item_ids;
mod passwords;
mod phone_numbers;
mod session;
mod sync;

pub use accounts::{
    FREE_PLAN_GB, create_account, find_account, find_by_email, find_by_phone, index_of, is_email,
    is_phone, login_kind, set_password, signed_in_account, signed_in_index,
};
pub use backup::{back_up, backup_of_this_phone, backup_to_offer, restore};
pub use codes::{
    CODE_DIGITS, CODE_MINUTES, MAX_CODE_TRIES, MAX_CODES_PER_HOUR, RESEND_SECONDS, check_code,
    code_destination, masked, reaches_phone, recovery_destination, resend_at, send_code,
};
pub use deleted::{
    DELETED_KEPT_DAYS, find_deleted, is_kept, kept_until, recently_deleted, restore_deleted,
};
pub use devices::{
    LOGIN_HISTORY_KEPT, NewSignIn, WEB_BROWSER_ID, run_scheduled_changes, run_scheduled_sign_ins,
    web_sign_in,
};
pub use erase::{erase_with_activation_lock, wipe};
pub use error::CloudError;
pub use foreign::{foreign_apps, merge_foreign};
pub use passwords::{
    PasswordProblem, hash_matches, hash_password, password_problem, verify_password,
};
pub use phone_numbers::{home_country_code, with_country_code};
pub use session::{LOCKOUT_MINUTES, MAX_FAILURES, check_password, sign_in, sign_out, synced_apps};
pub use sync::{CLOCK_TOLERANCE_MINUTES, SyncBlock, clock_is_wrong, sync, sync_block};

#[cfg(test)]
mod fixtures;
