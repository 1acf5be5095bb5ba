//! The Mi Account: its page, signing in (with two-step verification), creating an account,
//! resetting a password, account security and the devices signed in to it.

pub mod change_password;
pub mod create_account;
pub mod create_choice;
pub mod device_details;
pub mod devices;
pub mod forgot_password;
pub mod login_history;
pub mod login_notifications;
pub mod mi_account;
pub mod security;
pub mod sign_in;
pub mod two_step;
