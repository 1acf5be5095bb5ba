//! Find Device on the phone (seed 003 §6): the switch; turning it off asks first, then the
//! account password.

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{DialogId, PhoneDialog};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FindDevice;

ids! {
    pub enum Id {
        Toggle = "find_device.toggle",
        Web = "find_device.web",
    }
}

impl Screen for FindDevice {
    type Id = Id;

    fn name(&self) -> Text {
        "find_device".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let on = world
            .device()
            .account
            .as_ref()
            .is_some_and(|a| a.find_device);
        Content::new(
            tr.get(S::FindDevice),
            vec![
                Element::switch(Id::Toggle, tr.get(S::FindDevice), on)
                    .summary(tr.get(S::FindDeviceSummary)),
                Element::text(Id::Web, tr.get(S::FindDeviceWeb)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Toggle => {
                // The switch is the cloud's record as much as the phone's: it needs a connection.
                if cx.refused_offline() {
                    return;
                }
                let on = cx.device().account.as_ref().is_some_and(|a| a.find_device);
                if on {
                    // Off asks first, then the password (see `dialogs`).
                    cx.dialog(PhoneDialog::TurnOffFindDevice);
                    cx.focus(DialogId::Cancel);
                } else if let Some(account) = cx.device_mut().account.as_mut() {
                    account.find_device = true;
                    cx.toast_t(S::FindDeviceTurnedOn);
                }
            }
            Id::Web => {}
        }
    }
}
