//! What a person changed, told apart from what merely moved: the parts of the device file that a
//! person changes on purpose ([`Marks`]), and the [`Change`]s between two of them.
//!
//! A task's check asks not only "is the password different?" but "was it changed, and where?":
//! the layer above records each change with the surface and screens it was made on. This module
//! only compares: it knows nothing of screens.

use serde::Serialize;

use super::device::{App, DeviceFile};

/// One change a person made, as conditions read it (`{"change": "device_removed", ...}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// An account's password is another one now.
    PasswordChanged {
        account: String,
    },
    TwoStep {
        account: String,
        to: bool,
    },
    LoginNotifications {
        account: String,
        channel: &'static str,
        to: bool,
    },
    /// A device left an account's devices.
    DeviceRemoved {
        account: String,
        device: String,
    },
    /// A device joined an account's devices.
    DeviceAdded {
        account: String,
        device: String,
    },
    AccountCreated {
        account: String,
    },
    /// What an account's Mi Cloud holds for an app changed (items came or went).
    CloudData {
        account: String,
        app: App,
        before: usize,
        after: usize,
    },
    /// The phone signed in to an account; `with` says how the account was named (`email`,
    /// `phone` or `mi_account_id`), where a form did it.
    SignedIn {
        account: String,
        with: Option<&'static str>,
    },
    SignedOut {
        account: String,
    },
    FindDevice {
        to: bool,
    },
    AutoSync {
        to: bool,
    },
    WifiOnly {
        to: bool,
    },
    SyncItem {
        app: App,
        to: bool,
    },
    /// What the phone holds for an app changed.
    PhoneData {
        app: App,
        before: usize,
        after: usize,
    },
    Bluetooth {
        to: bool,
    },
    Wifi {
        to: bool,
    },
    MobileData {
        to: bool,
    },
    AirplaneMode {
        to: bool,
    },
    AutoTime {
        to: bool,
    },
    /// The phone's clock was set by hand.
    ClockSet,
    PhoneRenamed {
        name: String,
    },
    /// Mi Cloud's cache was cleared, and with it the stuck sync.
    CacheCleared,
    LostMode {
        to: bool,
    },
    Ringing {
        to: bool,
    },
    ActivationLock {
        to: bool,
    },
    /// The phone was erased from its own Settings (About phone → Factory reset).
    FactoryReset,
    /// The phone was erased from the website (i.mi.com's Find Device).
    RemoteErase,
    /// The website located the phone (i.mi.com's Find Device → Locate).
    Located,
    /// The browser signed in to an account; `with` as for `SignedIn`.
    WebSignedIn {
        account: String,
        with: Option<&'static str>,
    },
    WebSignedOut {
        account: String,
    },
}

impl Change {
    /// What the change is about: `account` (the Mi Account and its devices, the phone's
    /// sign-in, Find Device), `sync` (Mi Cloud's settings on the phone), `data` (items on the
    /// phone or in Mi Cloud), `phone` (the phone's own settings and state) or `browser` (the
    /// website's sign-in).
    pub fn about(&self) -> &'static str {
        match self {
            Change::PasswordChanged { .. }
            | Change::TwoStep { .. }
            | Change::LoginNotifications { .. }
            | Change::DeviceRemoved { .. }
            | Change::DeviceAdded { .. }
            | Change::AccountCreated { .. }
            | Change::SignedIn { .. }
            | Change::SignedOut { .. }
            | Change::FindDevice { .. }
            | Change::LostMode { .. }
            | Change::ActivationLock { .. } => "account",
            Change::AutoSync { .. } | Change::WifiOnly { .. } | Change::SyncItem { .. } => "sync",
            Change::CloudData { .. } | Change::PhoneData { .. } => "data",
            Change::Bluetooth { .. }
            | Change::Wifi { .. }
            | Change::MobileData { .. }
            | Change::AirplaneMode { .. }
            | Change::AutoTime { .. }
            | Change::ClockSet
            | Change::PhoneRenamed { .. }
            | Change::CacheCleared
            | Change::Ringing { .. }
            | Change::FactoryReset
            | Change::RemoteErase => "phone",
            Change::WebSignedIn { .. } | Change::WebSignedOut { .. } | Change::Located => "browser",
        }
    }
}

/// A switch before and after, and the change that names its turning.
type Flip = (bool, bool, fn(bool) -> Change);

/// An account as the trace compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct AccountMarks {
    id: String,
    password_hash: String,
    two_step: bool,
    notify_email: bool,
    notify_sms: bool,
    devices: Vec<String>,
    data: [usize; 9],
}

/// The phone's Mi Cloud settings as the trace compares them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct SyncMarks {
    auto: bool,
    wifi_only: bool,
    items: Vec<(App, bool)>,
}

/// The parts of a device file a person changes on purpose. Made after each change, so it holds
/// only what the next comparison needs (ids and counts, not the items themselves).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Marks {
    accounts: Vec<AccountMarks>,
    signed_in: Option<String>,
    find_device: bool,
    sync: Option<SyncMarks>,
    data: [usize; 9],
    bluetooth: bool,
    wifi: bool,
    mobile_data: bool,
    airplane_mode: bool,
    auto_time: bool,
    clock_offset_minutes: i64,
    name: String,
    mi_cloud_stuck: bool,
    lost_mode: bool,
    ringing: bool,
    activation_lock: bool,
}

fn counts(data: &super::device::LocalData) -> [usize; 9] {
    data.apps().map(Vec::len)
}

impl Marks {
    pub fn of(device: &DeviceFile) -> Marks {
        let phone = &device.phone;
        Marks {
            accounts: device
                .cloud
                .accounts
                .iter()
                .map(|account| AccountMarks {
                    id: account.mi_account_id.clone(),
                    password_hash: account.password_hash.clone(),
                    two_step: account.two_step,
                    notify_email: account.login_notifications.email,
                    notify_sms: account.login_notifications.sms,
                    devices: account.devices.iter().map(|d| d.id.clone()).collect(),
                    data: counts(&account.data),
                })
                .collect(),
            signed_in: device.account.as_ref().map(|a| a.mi_account_id.clone()),
            find_device: device.account.as_ref().is_some_and(|a| a.find_device),
            sync: device.account.as_ref().map(|a| SyncMarks {
                auto: a.sync.auto,
                wifi_only: a.sync.wifi_only,
                items: a.sync.items.iter().map(|i| (i.app, i.on)).collect(),
            }),
            data: counts(&device.data),
            bluetooth: device.bluetooth,
            wifi: device.network.wifi,
            mobile_data: device.network.mobile_data,
            airplane_mode: device.network.airplane_mode,
            auto_time: phone.auto_time,
            clock_offset_minutes: phone.clock_offset_minutes,
            name: phone.name.clone(),
            mi_cloud_stuck: phone.mi_cloud_stuck,
            lost_mode: phone.lost_mode.is_some(),
            ringing: phone.ringing,
            activation_lock: phone.activation_lock.is_some(),
        }
    }

    /// What changed from `before` to `self`, in a fixed order: the accounts first (by their
    /// order in the cloud), then the phone's sign-in, its settings, its data.
    pub fn changes_since(&self, before: &Marks) -> Vec<Change> {
        let mut changes = Vec::new();
        for now in &self.accounts {
            let Some(then) = before.accounts.iter().find(|a| a.id == now.id) else {
                changes.push(Change::AccountCreated {
                    account: now.id.clone(),
                });
                continue;
            };
            account_changes(then, now, &mut changes);
        }
        match (&before.signed_in, &self.signed_in) {
            (Some(then), Some(now)) if then != now => {
                changes.push(Change::SignedOut {
                    account: then.clone(),
                });
                changes.push(Change::SignedIn {
                    account: now.clone(),
                    with: None,
                });
            }
            (Some(then), None) => changes.push(Change::SignedOut {
                account: then.clone(),
            }),
            (None, Some(now)) => changes.push(Change::SignedIn {
                account: now.clone(),
                with: None,
            }),
            _ => {}
        }
        // Settings that go with a sign-in are compared only while the same account stays.
        if before.signed_in.is_some() && before.signed_in == self.signed_in {
            if before.find_device != self.find_device {
                changes.push(Change::FindDevice {
                    to: self.find_device,
                });
            }
            if let (Some(then), Some(now)) = (&before.sync, &self.sync) {
                sync_changes(then, now, &mut changes);
            }
        }
        let flips: [Flip; 8] = [
            (before.bluetooth, self.bluetooth, |to| Change::Bluetooth {
                to,
            }),
            (before.wifi, self.wifi, |to| Change::Wifi { to }),
            (before.mobile_data, self.mobile_data, |to| {
                Change::MobileData { to }
            }),
            (before.airplane_mode, self.airplane_mode, |to| {
                Change::AirplaneMode { to }
            }),
            (before.auto_time, self.auto_time, |to| Change::AutoTime {
                to,
            }),
            (before.lost_mode, self.lost_mode, |to| Change::LostMode {
                to,
            }),
            (before.ringing, self.ringing, |to| Change::Ringing { to }),
            (before.activation_lock, self.activation_lock, |to| {
                Change::ActivationLock { to }
            }),
        ];
        for (then, now, change) in flips {
            if then != now {
                changes.push(change(now));
            }
        }
        if before.clock_offset_minutes != self.clock_offset_minutes && !self.auto_time {
            changes.push(Change::ClockSet);
        }
        if before.name != self.name {
            changes.push(Change::PhoneRenamed {
                name: self.name.clone(),
            });
        }
        if before.mi_cloud_stuck && !self.mi_cloud_stuck {
            changes.push(Change::CacheCleared);
        }
        for (app, (then, now)) in App::ALL
            .into_iter()
            .zip(before.data.iter().zip(self.data.iter()))
        {
            if then != now {
                changes.push(Change::PhoneData {
                    app,
                    before: *then,
                    after: *now,
                });
            }
        }
        changes
    }
}

fn account_changes(then: &AccountMarks, now: &AccountMarks, changes: &mut Vec<Change>) {
    let account = || now.id.clone();
    if then.password_hash != now.password_hash {
        changes.push(Change::PasswordChanged { account: account() });
    }
    if then.two_step != now.two_step {
        changes.push(Change::TwoStep {
            account: account(),
            to: now.two_step,
        });
    }
    for (channel, was, is) in [
        ("email", then.notify_email, now.notify_email),
        ("sms", then.notify_sms, now.notify_sms),
    ] {
        if was != is {
            changes.push(Change::LoginNotifications {
                account: account(),
                channel,
                to: is,
            });
        }
    }
    if then.devices != now.devices {
        for gone in then.devices.iter().filter(|d| !now.devices.contains(d)) {
            changes.push(Change::DeviceRemoved {
                account: account(),
                device: gone.clone(),
            });
        }
        for new in now.devices.iter().filter(|d| !then.devices.contains(d)) {
            changes.push(Change::DeviceAdded {
                account: account(),
                device: new.clone(),
            });
        }
    }
    for (app, (was, is)) in App::ALL
        .into_iter()
        .zip(then.data.iter().zip(now.data.iter()))
    {
        if was != is {
            changes.push(Change::CloudData {
                account: account(),
                app,
                before: *was,
                after: *is,
            });
        }
    }
}

fn sync_changes(then: &SyncMarks, now: &SyncMarks, changes: &mut Vec<Change>) {
    if then.auto != now.auto {
        changes.push(Change::AutoSync { to: now.auto });
    }
    if then.wifi_only != now.wifi_only {
        changes.push(Change::WifiOnly { to: now.wifi_only });
    }
    for (app, on) in &now.items {
        let was = then.items.iter().find(|(a, _)| a == app).map(|(_, on)| *on);
        if was != Some(*on) {
            changes.push(Change::SyncItem { app: *app, to: *on });
        }
    }
}

/// Fields that the simulation moves on its own, with time or as the cloud's bookkeeping, and
/// that "unchanged" therefore leaves out of its comparison (unless a condition points at one of
/// them directly): when items last synced, when a device was last active, the codes sent, the
/// failed sign-ins counted, the login history and the devices an account remembers, what is
/// still scheduled, whether a sync is waiting, and the backups Mi Cloud keeps of a phone (a copy
/// of what is on it: backing up changes nothing on the phone or in the account's settings).
pub const BOOKKEEPING: [&str; 10] = [
    "last_synced",
    "last_active",
    "codes",
    "sign_in_failures",
    "login_history",
    "known_devices",
    "scheduled_sign_ins",
    "scheduled_changes",
    "pending",
    "backups",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn signed_in() -> DeviceFile {
        let mut device = DeviceFile::factory_default();
        let now = crate::sim::time::earliest();
        super::super::cloud::sign_in(&mut device, 0, now);
        let id = device.cloud.accounts[0].mi_account_id.clone();
        for n in 0..3 {
            device.cloud.accounts[0]
                .devices
                .push(super::super::device::AccountDevice {
                    id: format!("other-{n}"),
                    name: format!("Other {n}"),
                    model: "Redmi".into(),
                    kind: super::super::device::DeviceKind::Phone,
                    location: String::new(),
                    first_sign_in: now,
                    last_active: now,
                });
        }
        assert_eq!(
            device.account.as_ref().map(|a| a.mi_account_id.clone()),
            Some(id)
        );
        device
    }

    #[test]
    fn nothing_changed_says_nothing() {
        let device = signed_in();
        assert!(
            Marks::of(&device)
                .changes_since(&Marks::of(&device))
                .is_empty()
        );
    }

    #[test]
    fn each_kind_of_change_is_named() {
        let device = signed_in();
        let before = Marks::of(&device);
        let mut after = device.clone();
        after.cloud.accounts[0].two_step = true;
        after.cloud.accounts[0].devices.remove(1);
        let removed = device.cloud.accounts[0].devices[1].id.clone();
        after.bluetooth = !after.bluetooth;
        if let Some(account) = after.account.as_mut() {
            account.sync.items[0].on = !account.sync.items[0].on;
        }
        let changes = Marks::of(&after).changes_since(&before);
        assert!(changes.contains(&Change::TwoStep {
            account: device.cloud.accounts[0].mi_account_id.clone(),
            to: true
        }));
        assert!(changes.contains(&Change::DeviceRemoved {
            account: device.cloud.accounts[0].mi_account_id.clone(),
            device: removed
        }));
        assert!(
            changes
                .iter()
                .any(|c| matches!(c, Change::Bluetooth { .. }))
        );
        assert!(changes.iter().any(|c| matches!(c, Change::SyncItem { .. })));
        assert_eq!(changes.len(), 4, "{changes:?}");
    }

    #[test]
    fn signing_out_is_one_change_not_every_setting() {
        let device = signed_in();
        let before = Marks::of(&device);
        let mut after = device.clone();
        after.account = None;
        let changes = Marks::of(&after).changes_since(&before);
        assert_eq!(
            changes,
            vec![Change::SignedOut {
                account: device.cloud.accounts[0].mi_account_id.clone()
            }]
        );
    }

    #[test]
    fn changes_read_as_conditions_write_them() {
        let change = Change::SyncItem {
            app: App::Notes,
            to: false,
        };
        let json = serde_json::to_value(&change).expect("serialises");
        assert_eq!(
            json,
            serde_json::json!({"change": "sync_item", "app": "notes", "to": false})
        );
        assert_eq!(change.about(), "sync");
    }
}
