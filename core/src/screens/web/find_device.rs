//! i.mi.com: Find Device (seed 003 §6), with the account's phone and the remote actions:
//! Locate, Play sound, Lost mode and Erase data.

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{DialogId, PhoneDialog};
use crate::screens::flows::web::{self, phone_online};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::world::World;
use crate::sim::cloud;
use crate::sim::device::Connection;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WebFindDevice;

ids! {
    pub enum Id {
        SignedIn = "web.signed_in",
        Devices = "web.devices",
        Phone = "web.phone",
        Location = "web.location",
        Locate = "web.locate",
        Ring = "web.ring",
        LostMode = "web.lost_mode",
        Erase = "web.erase",
        Off = "web.off",
        None = "web.none",
        End = "web.end",
        SignOut = "web.sign_out",
    }
}

/// Whether this phone is one the signed-in web account can find.
fn phone_is_findable(world: &World) -> Option<bool> {
    let web = world.web.account.as_ref()?;
    let account = world.device().account.as_ref()?;
    (&account.mi_account_id == web).then_some(account.find_device)
}

impl Screen for WebFindDevice {
    type Id = Id;

    fn name(&self) -> Text {
        "web.find_device".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let phone = &world.device().phone;
        let mut elements = vec![super::signed_in_as(world, Id::SignedIn)];
        elements.push(Element::section(Id::Devices, tr.get(S::Devices)));
        match phone_is_findable(world) {
            Some(true) => {
                let online = world.device().network.connection() != Connection::Offline;
                elements.push(Element::info(
                    Id::Phone,
                    phone.name.clone(),
                    tr.get(if online { S::Online } else { S::OfflineState }),
                ));
                if let Some(at) = world.web.located {
                    let local = world.local(at);
                    let time = local.format("%H:%M").to_string();
                    elements.push(Element::text(
                        Id::Location,
                        tr.fill(S::Located, &[("place", &phone.location), ("time", &time)]),
                    ));
                }
                elements.push(Element::button(Id::Locate, tr.get(S::Locate)));
                elements.push(Element::button(Id::Ring, tr.get(S::PlaySound)));
                elements.push(Element::button(Id::LostMode, tr.get(S::LostMode)));
                elements.push(Element::button(Id::Erase, tr.get(S::EraseData)));
            }
            Some(false) => elements.push(Element::text(
                Id::Off,
                tr.fill(S::WebFindDeviceOff, &[("name", &phone.name)]),
            )),
            None => elements.push(Element::text(Id::None, tr.get(S::WebNoFindableDevice))),
        }
        elements.push(Element::section(Id::End, ""));
        elements.push(Element::button(Id::SignOut, tr.get(S::SignOut)));
        Content::new(tr.get(S::WebFindDeviceTitle), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::SignOut => web::sign_out(cx),
            // An offline phone is not reached: `phone_online` says so and nothing happens.
            Id::Locate => {
                if phone_online(cx) {
                    cx.world.web.located = Some(cx.now());
                    cx.did(crate::sim::trace::Change::Located);
                }
            }
            Id::Ring => {
                if phone_online(cx) {
                    cx.device_mut().phone.ringing = true;
                    let text = cx
                        .tr()
                        .fill(S::PlayingSound, &[("name", &cx.device().phone.name)]);
                    cx.toast(text);
                }
            }
            Id::LostMode => {
                let call = cloud::signed_in_account(cx.device())
                    .map(|a| a.phone.clone())
                    .unwrap_or_default();
                let message = cx.t(S::LostModeDefaultMessage).to_string();
                cx.push(Destination::WebLostMode { message, call });
            }
            Id::Erase => {
                cx.dialog(PhoneDialog::WebErase);
                cx.focus(DialogId::Cancel);
            }
            Id::SignedIn
            | Id::Devices
            | Id::Phone
            | Id::Location
            | Id::Off
            | Id::None
            | Id::End => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "mobile/find"
    }
}
