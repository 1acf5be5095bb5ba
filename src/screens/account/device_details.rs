//! One device of the account (seed 000): its model, type, last login, location and first
//! sign-in, seed 000's advice for its kind, and "Remove" (for this phone, "Sign out").

use super::devices::{is_current, location};
use super::security::{account, account_index, title};
use crate::screens::dialogs::{Dialog, DialogId};
use crate::screens::ids::ids;
use crate::screens::widgets::local_date_time;
use crate::screens::{Content, Ctx, Screen, World, sign_out};
use crate::sim::cloud;
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
        let found = account(world).and_then(|a| a.devices.iter().find(|d| d.id == self.0));
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
        let remove = tr.get(if current { S::SignOut } else { S::Remove });
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
        Content::new(title(world, &device.name), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Remove => {
                let current = !cx.on_browser() && cx.device().phone.id.to_string() == self.0;
                if current {
                    // Removing this phone is signing out, with all its questions.
                    sign_out::pressed(cx);
                } else {
                    cx.dialog(Dialog::RemoveDevice {
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

/// "Remove" confirmed: the device leaves the account and its session ends. When that device is
/// the phone (removed from the website), the phone is signed out, keeping its data, and shows
/// "Sign in to Mi Account" the next time it is looked at.
pub fn remove_confirmed(cx: &mut Ctx, device_id: &str) {
    cx.close_dialog();
    cx.pop_if("device_details");
    let Some(index) = account_index(cx.world) else {
        return;
    };
    let account = &cx.device().cloud.accounts[index];
    if !account.devices.iter().any(|d| d.id == device_id) {
        cx.toast_t(S::AlreadyRemoved);
        return;
    }
    let account_id = account.mi_account_id.clone();
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
        // The phone was somewhere in its Mi Account pages: it is back at Settings.
        cx.phone_home();
    }
    cx.toast_t(S::SignedOut);
}
