//! Signing this phone out (seeds 001 and 002): refused under a device-management policy, else
//! confirmed; the account password when Find Device is on; then keep or remove the synced data.
//! Each step is a dialog that carries the pending sign-out, so Esc at any step changes nothing.
//! It needs Xiaomi's servers: offline it is refused, changing nothing.

use crate::screens::ctx::Ctx;
use chrono::Duration;

use crate::screens::dialogs::{Confirmed, DialogId, PasswordPurpose, PhoneDialog};
use crate::sim::{cloud, time};
use crate::strings::S;

/// "Sign out" on the Mi Account page (or for this phone in its device list).
pub fn pressed(cx: &mut Ctx) {
    match cloud::signed_in_account(cx.device()).and_then(|a| a.managed_by.clone()) {
        Some(managed_by) => cx.dialog(PhoneDialog::SignOutRefused { managed_by }),
        None => cx.dialog(PhoneDialog::ConfirmSignOut),
    }
}

/// After "Sign out" is confirmed: the password when Find Device is on, else keep or remove.
pub fn confirmed(cx: &mut Ctx) {
    // Signing out (and Find Device going off with it) is the servers' to record: offline, not
    // even the password is asked.
    if cx.refused_offline() {
        return;
    }
    let find_device = cx.device().account.as_ref().is_some_and(|a| a.find_device);
    if find_device {
        cx.dialog(PhoneDialog::account_password(PasswordPurpose::SignOut));
    } else {
        ask_keep_or_remove(cx);
    }
}

/// Asks whether to keep synced data on the phone, when there is any; signs out directly when
/// nothing on the phone is synced.
pub fn ask_keep_or_remove(cx: &mut Ctx) {
    let apps = cloud::synced_apps(cx.device());
    if apps.is_empty() {
        finish(cx, true);
    } else {
        cx.dialog(PhoneDialog::KeepOrRemove { apps });
        // The safe choice has the focus, so a hasty Enter does not delete anything.
        cx.focus(DialogId::Keep);
    }
}

/// How long "Signing out…" shows before the phone is signed out.
pub const SIGNING_OUT_SECONDS: i64 = 2;

/// Everything is decided: "Signing out…" shows while the phone signs out.
pub fn finish(cx: &mut Ctx, keep: bool) {
    let until = time::later(cx.now(), Duration::seconds(SIGNING_OUT_SECONDS));
    cx.dialog(PhoneDialog::Working {
        doing: S::SigningOut,
        until,
        then: Confirmed::SignOutNow { keep },
    });
}

/// Signs out (Find Device goes off with it) and returns to Settings, which says so.
pub fn now(cx: &mut Ctx, keep: bool) {
    // The connection went while "Signing out…" showed: still signed in.
    if cx.refused_offline() {
        return;
    }
    cloud::sign_out(cx.device_mut(), keep);
    cx.home();
    cx.toast_t(S::SignedOut);
}
