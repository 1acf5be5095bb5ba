//! One device of the account (seed 000): its model, type, last login, location and first
//! sign-in, seed 000's advice for its kind, and "Remove" (for this phone, "Sign out"; on the
//! website "Delete device", seed 001).

use super::devices::{is_current, location};
use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{DialogId, PhoneDialog};
use crate::screens::flows::sign_out;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::local_date_time;
use crate::screens::world::World;
use crate::sim::device::DeviceKind;
use crate::strings::S;
use crate::view::{Element, Text};

/// A device of the account, by its id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceDetails(pub String);

ids! {
    pub enum Id {
        Gone = "device.gone",
        Model = "device.model",
        Kind = "device.type",
        LastLogin = "device.last_login",
        Location = "device.location",
        First = "device.first",
        Advice = "device.advice",
        Remove = "device.remove",
    }
}

impl Screen for DeviceDetails {
    type Id = Id;

    fn name(&self) -> Text {
        "device_details".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let found = world
            .account()
            .and_then(|a| a.devices.iter().find(|d| d.id == self.0));
        let Some(device) = found else {
            return Content::new(
                tr.get(S::Device),
                vec![Element::text(Id::Gone, tr.get(S::AlreadyRemoved))],
            );
        };
        let current = is_current(world, device);
        let last_login = if current {
            tr.get(S::JustNow).to_string()
        } else {
            local_date_time(world, device.last_active)
        };
        let advice = tr.get(match device.kind {
            _ if current => S::AdviceThisPhone,
            DeviceKind::Tv | DeviceKind::Band | DeviceKind::Watch | DeviceKind::SmartHome => {
                S::AdviceKeepIt
            }
            DeviceKind::Phone | DeviceKind::Tablet => S::AdviceUnknown,
        });
        // The website's button reads "Delete device" (seed 001 quotes it).
        let remove = tr.get(match (current, world.on_browser()) {
            (true, _) => S::SignOut,
            (false, true) => S::DeleteDevice,
            (false, false) => S::RemoveDevice,
        });
        let elements = vec![
            Element::info(Id::Model, tr.get(S::Model), device.model.clone()),
            Element::info(Id::Kind, tr.get(S::Type), tr.device_kind(device.kind)),
            Element::info(Id::LastLogin, tr.get(S::LastLogin), last_login),
            Element::info(
                Id::Location,
                tr.get(S::Location),
                location(world, device, current),
            ),
            Element::info(
                Id::First,
                tr.get(S::FirstSignIn),
                local_date_time(world, device.first_sign_in),
            ),
            Element::text(Id::Advice, advice),
            Element::button(Id::Remove, remove),
        ];
        Content::new(world.page_title(&device.name), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Remove => {
                let current = !cx.on_browser() && cx.device().phone.id.to_string() == self.0;
                if current {
                    // Removing this phone is signing out, with all its questions.
                    sign_out::pressed(cx);
                } else {
                    cx.dialog(PhoneDialog::RemoveDevice {
                        device_id: self.0.clone(),
                        web: cx.on_browser(),
                    });
                    cx.focus(DialogId::Cancel);
                }
            }
            Id::Gone
            | Id::Model
            | Id::Kind
            | Id::LastLogin
            | Id::Location
            | Id::First
            | Id::Advice => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "security/devices"
    }
}
