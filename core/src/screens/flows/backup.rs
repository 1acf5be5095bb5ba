//! Mi Cloud → Cloud backup (seed 002: "Before signing out of your Mi account, it's highly
//! recommended to back up your data. You can use the Mi Cloud service"): backing up, which
//! needs the network and takes a moment, and restoring, offered when the account signs in.

use chrono::Duration;

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{Confirmed, DialogId, PhoneDialog};
use crate::screens::target::Destination;
use crate::screens::widgets::local_date_time;
use crate::screens::world::World;
use crate::sim::{cloud, time};
use crate::strings::S;

/// How long "Backing up…" shows before the backup is stored.
pub const BACKUP_SECONDS: i64 = 3;

/// "Last backup: Dec 7, 2026 09:30" for this phone's backup, or "Not backed up yet".
pub fn last_backup(world: &World) -> String {
    let tr = world.tr();
    match cloud::backup_of_this_phone(world.device()) {
        Some(backup) => tr.fill(
            S::LastBackup,
            &[("when", &local_date_time(world, backup.at))],
        ),
        None => tr.get(S::NotBackedUpYet).to_string(),
    }
}

/// "Back up now": offline it says so and changes nothing; else "Backing up…" shows until the
/// backup is stored.
pub fn pressed(cx: &mut Ctx) {
    if cx.device().account.is_none() {
        return;
    }
    if !cx.world.online() {
        cx.toast_t(S::Offline);
        return;
    }
    let until = time::later(cx.now(), Duration::seconds(BACKUP_SECONDS));
    cx.dialog(PhoneDialog::Working {
        doing: S::BackingUp,
        until,
        then: Confirmed::BackUpNow,
    });
}

/// "Backing up…" is over: the backup is in the account's Mi Cloud.
pub fn now(cx: &mut Ctx) {
    let now = cx.now();
    if cloud::back_up(cx.device_mut(), now) {
        cx.toast_t(S::BackedUp);
    }
}

/// "Back up your data" in "Sign out?": the sign-out waits, and Cloud backup opens.
pub fn open_from_sign_out(cx: &mut Ctx) {
    cx.close_dialog();
    cx.push(Destination::Backup);
}

/// Offers to restore the account's backup, when it holds something this phone lacks.
pub fn offer_restore(cx: &mut Ctx) {
    let Some(backup) = cloud::backup_to_offer(cx.device()) else {
        return;
    };
    let (device, at) = (backup.device_name.clone(), backup.at);
    cx.dialog(PhoneDialog::Restore { device, at });
    // Restoring adds to the phone, but the person chooses it.
    cx.focus(DialogId::NotNow);
}

/// "Restore" brings the backed-up data back (it comes from Mi Cloud, so offline it refuses and
/// changes nothing); "Not now" leaves it in the cloud, where Cloud backup offers it again.
pub fn restore_answered(cx: &mut Ctx, restore: bool) {
    cx.close_dialog();
    if !restore {
        return;
    }
    if !cx.world.online() {
        cx.toast_t(S::Offline);
        return;
    }
    let now = cx.now();
    if cloud::restore(cx.device_mut(), now) {
        cx.toast_t(S::Restored);
    } else {
        cx.toast_t(S::NothingToRestore);
    }
}
