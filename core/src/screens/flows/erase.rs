//! Erasing the phone: a factory reset from About phone (seed 001), or "Erase data" from
//! i.mi.com, which leaves the phone locked to its account.

use super::web::phone_online;
use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{PasswordPurpose, PhoneDialog};
use crate::sim::cloud;
use crate::sim::trace::Change;
use crate::strings::S;

/// "Erase" confirmed on the phone: a phone with an account asks for its password first (seed
/// 001), so that whoever erases it can also free it of the account.
pub fn factory_reset_confirmed(cx: &mut Ctx) {
    if cx.device().account.is_some() {
        cx.dialog(PhoneDialog::account_password(PasswordPurpose::FactoryReset));
    } else {
        erase(cx);
    }
}

/// Erases the phone as a factory reset does, the account's password having been given: the
/// account is signed out (so no activation lock follows) and every setting goes back to new.
pub fn erase(cx: &mut Ctx) {
    cx.did(Change::FactoryReset);
    let device = cx.device_mut();
    cloud::sign_out(device, true);
    cloud::wipe(device);
    cx.home();
    cx.toast_t(S::PhoneErased);
}

/// i.mi.com's "Erase data" confirmed: the phone is wiped and stays locked to the account.
pub fn web_erase_confirmed(cx: &mut Ctx) {
    cx.close_dialog();
    if !phone_online(cx) {
        return;
    }
    cx.did(Change::RemoteErase);
    cloud::erase_with_activation_lock(cx.device_mut());
    let text = cx
        .tr()
        .fill(S::PhoneWasErased, &[("name", &cx.device().phone.name)]);
    cx.toast(text);
}
