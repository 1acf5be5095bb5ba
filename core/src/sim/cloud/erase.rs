//! Erasing the phone: its data and settings back to new, and, with Find Device on, the
//! activation lock that keeps it tied to its account.

use crate::sim::device::{DeviceFile, LocalData};

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
    // Developer options are hidden again, and the bootloader's binding goes with the account.
    device.phone.developer_options = false;
    device.phone.unlock_account = None;
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
