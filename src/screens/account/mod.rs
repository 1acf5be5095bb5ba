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

use crate::screens::world::Ctx;
use crate::sim::cloud;
use crate::sim::device::{CodePurpose, Connection};
use crate::strings::S;

use super::World;

/// Whether the phone can reach the cloud.
pub fn online(world: &World) -> bool {
    world.device().network.connection() != Connection::Offline
}

/// Sends a code and shows it arriving as the phone's SMS or email notification; why not when it
/// cannot be sent.
pub fn send_code(cx: &mut Ctx, to: &str, purpose: CodePurpose) -> Result<(), S> {
    // The browser's computer is online whatever the phone is.
    if !cx.on_browser() && !online(cx.world) {
        return Err(S::Offline);
    }
    let tr = cx.tr();
    let code = cloud::send_code(cx.world.device_mut(), to, purpose, cx.env).map_err(S::from)?;
    let channel = tr.get(if cloud::is_email(to) {
        S::ChannelEmail
    } else {
        S::ChannelMessages
    });
    cx.notify(tr.fill(
        S::CodeNotification,
        &[
            ("channel", &channel),
            ("code", &code),
            ("minutes", &cloud::CODE_MINUTES),
        ],
    ));
    Ok(())
}

/// Sends a two-step account's sign-in code and returns the "2-step verification" form that asks
/// for it.
pub fn send_sign_in_code(cx: &mut Ctx, index: usize) -> Result<two_step::TwoStep, S> {
    let account = &cx.device().cloud.accounts[index];
    let to = cloud::code_destination(account);
    let mi_account_id = account.mi_account_id.clone();
    send_code(cx, &to, CodePurpose::SignIn)?;
    Ok(two_step::TwoStep::new(mi_account_id, to))
}

/// Finishes a sign-in on the phone: it joins the account, and the person lands on the Mi
/// Account page they started from.
pub fn finish_sign_in(cx: &mut Ctx, index: usize, toast: String) {
    let now = cx.now();
    cloud::sign_in(cx.device_mut(), index, now);
    cx.clear_notification();
    cx.land(mi_account::MiAccount);
    cx.toast(toast);
}
