//! Settings → About phone: the device name (which can be changed), System update, Factory reset
//! and the phone's specs.

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::PhoneDialog;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AboutPhone;

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
                Element::info(
                    Id::OsVersion,
                    world.t(S::MiuiVersion),
                    phone.os_version.clone(),
                ),
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
            Id::SpecsSection
            | Id::Model
            | Id::OsVersion
            | Id::AndroidVersion
            | Id::Storage
            | Id::Battery => {}
        }
    }
}
