//! Removing a device from the account (seed 000), on the phone or on account.xiaomi.com.

use crate::screens::ctx::Ctx;
use crate::sim::cloud;
use crate::strings::S;

/// "Remove" confirmed: the device leaves the account and its session ends, and the toast names
/// it. When that device is the phone (removed from the website), the phone is signed out,
/// keeping its data, and says so, over "Sign in to Mi Account", the next time it is looked at.
pub fn remove_confirmed(cx: &mut Ctx, device_id: &str) {
    // The device stays listed, its page open.
    if cx.refused_offline() {
        return;
    }
    cx.close_dialog();
    cx.pop_if("device_details");
    let Some(index) = cx.world.account_index() else {
        return;
    };
    let account = &cx.device().cloud.accounts[index];
    if !account.devices.iter().any(|d| d.id == device_id) {
        cx.toast_t(S::AlreadyRemoved);
        return;
    }
    let account_id = account.mi_account_id.clone();
    let account_name = account.name.clone();
    let name = account
        .devices
        .iter()
        .find(|d| d.id == device_id)
        .map(|d| d.name.clone())
        .unwrap_or_default();
    cx.device_mut().cloud.accounts[index]
        .devices
        .retain(|d| d.id != device_id);
    let phone = cx.device().phone.id.to_string() == device_id;
    let phone_signed_in = cx
        .device()
        .account
        .as_ref()
        .is_some_and(|a| a.mi_account_id == account_id);
    if phone && phone_signed_in {
        cloud::sign_out(cx.device_mut(), true);
        // The phone says so when it is next looked at.
        cx.device_mut().phone.signed_out_remotely = Some(account_name);
        // The phone was somewhere in its Mi Account pages: it is back at Settings.
        cx.phone_home();
    }
    let removed = cx.tr().fill(S::DeviceRemoved, &[("name", &name)]);
    cx.toast(removed);
}
