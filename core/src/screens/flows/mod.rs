//! The phone's flows that span screens and dialogs: signing out, signing in (codes, two-step,
//! the landing page), removing a device, erasing the phone, the browser's sign-in. Screens and
//! confirmed dialogs start them; they change the device file and ask for navigation through
//! `Ctx`, never naming a screen's type.

pub mod account;
pub mod backup;
pub mod devices;
pub mod erase;
pub mod sign_out;
pub mod web;

use super::ctx::Ctx;
use super::dialogs::{Confirmed, PasswordPurpose};
use crate::strings::S;

/// Carries out what a dialog confirmed.
pub fn confirmed(what: Confirmed, cx: &mut Ctx) {
    match what {
        Confirmed::SignOut => sign_out::confirmed(cx),
        Confirmed::KeepData(keep) => sign_out::finish(cx, keep),
        Confirmed::SignOutNow { keep } => sign_out::now(cx, keep),
        Confirmed::Merge(merge) => account::merge_answered(cx, merge),
        Confirmed::RemoveDevice(device_id) => devices::remove_confirmed(cx, &device_id),
        Confirmed::WebErase => erase::web_erase_confirmed(cx),
        Confirmed::FactoryReset => erase::factory_reset_confirmed(cx),
        Confirmed::Password(purpose) => password_given(purpose, cx),
        Confirmed::ForgotPassword => account::forgot_password(cx),
        Confirmed::OpenBackup => backup::open_from_sign_out(cx),
        Confirmed::BackUpNow => backup::now(cx),
        Confirmed::Restore(restore) => backup::restore_answered(cx, restore),
    }
}

/// The account password was right: what it was asked for happens.
fn password_given(purpose: PasswordPurpose, cx: &mut Ctx) {
    match purpose {
        PasswordPurpose::SignOut => sign_out::ask_keep_or_remove(cx),
        PasswordPurpose::TurnOffFindDevice => {
            cx.close_dialog();
            if let Some(account) = cx.device_mut().account.as_mut() {
                account.find_device = false;
            }
            cx.toast_t(S::FindDeviceTurnedOff);
        }
        PasswordPurpose::FactoryReset => erase::erase(cx),
        PasswordPurpose::TwoStep { on } => {
            cx.close_dialog();
            if let Some(index) = cx.world.account_index() {
                cx.device_mut().cloud.accounts[index].two_step = on;
                cx.toast_t(if on { S::TwoStepIsOn } else { S::TwoStepIsOff });
            }
        }
    }
}
