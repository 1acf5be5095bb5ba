//! Settings → About phone: the device name (which can be changed), System update, Factory reset
//! and the phone's specs; "MIUI version" tapped 7 times makes the person a developer, as on
//! Android (seed 001's way to Developer options → Mi Unlock status).

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::PhoneDialog;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

/// Taps on "MIUI version" that turn Developer options on (Android's `TAPS_TO_BE_A_DEVELOPER`).
pub const TAPS_TO_DEVELOPER: u8 = 7;
/// The countdown shows from this many steps left (Android: after the first two taps).
const COUNTDOWN_FROM: u8 = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AboutPhone {
    /// Taps on "MIUI version" since the page opened: leaving the page starts over, as Android's
    /// count does.
    version_taps: u8,
}

ids! {
    pub enum Id {
        DeviceName = "about.device_name",
        SystemUpdate = "about.system_update",
        FactoryReset = "about.factory_reset",
        SpecsSection = "about.specs_section",
        Model = "about.model",
        OsVersion = "about.os_version",
        AndroidVersion = "about.android_version",
        Storage = "about.storage",
        Battery = "about.battery",
    }
}

impl Screen for AboutPhone {
    type Id = Id;

    fn name(&self) -> Text {
        "about_phone".into()
    }

    fn content(&self, world: &World) -> Content {
        let phone = &world.device().phone;
        Content::new(
            world.t(S::AboutPhone),
            vec![
                Element::row(Id::DeviceName, world.t(S::DeviceName)).value(phone.name.clone()),
                Element::row(Id::SystemUpdate, world.t(S::SystemUpdate))
                    .value(phone.os_version.clone()),
                Element::row(Id::FactoryReset, world.t(S::FactoryReset))
                    .summary(world.t(S::EraseAllData)),
                Element::section(Id::SpecsSection, world.t(S::Specs)),
                Element::info(Id::Model, world.t(S::Model), phone.model.clone()),
                // A row, not a mere line: tapping it counts towards Developer options.
                Element::row(Id::OsVersion, world.t(S::MiuiVersion))
                    .value(phone.os_version.clone()),
                Element::info(
                    Id::AndroidVersion,
                    world.t(S::AndroidVersion),
                    phone.android_version.clone(),
                ),
                Element::info(
                    Id::Storage,
                    world.t(S::Storage),
                    format!("{} GB", phone.storage_gb),
                ),
                Element::info(
                    Id::Battery,
                    world.t(S::Battery),
                    format!("{}%", phone.battery_percent),
                ),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::DeviceName => {
                let name = cx.device().phone.name.clone();
                cx.dialog(PhoneDialog::rename_device(name));
            }
            Id::SystemUpdate => cx.push(Destination::SystemUpdate),
            Id::FactoryReset => cx.push(Destination::FactoryReset),
            Id::OsVersion => self.version_tapped(cx),
            Id::SpecsSection | Id::Model | Id::AndroidVersion | Id::Storage | Id::Battery => {}
        }
    }
}

impl AboutPhone {
    /// One more tap on "MIUI version": the countdown once 4 steps or fewer are left, then "You
    /// are now a developer!" and Developer options (kept in the device file).
    fn version_tapped(&mut self, cx: &mut Ctx) {
        if cx.device().phone.developer_options {
            cx.toast_t(S::AlreadyADeveloper);
            return;
        }
        self.version_taps = self.version_taps.saturating_add(1);
        match TAPS_TO_DEVELOPER.saturating_sub(self.version_taps) {
            0 => {
                self.version_taps = 0;
                cx.device_mut().phone.developer_options = true;
                cx.toast_t(S::NowADeveloper);
            }
            1 => cx.toast_t(S::DeveloperOneStepAway),
            left if left <= COUNTDOWN_FROM => {
                let text = cx.tr().fill(S::DeveloperStepsAway, &[("steps", &left)]);
                cx.toast(text);
            }
            _ => {}
        }
    }
}
