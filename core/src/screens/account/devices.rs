//! Mi Account → Devices (seed 000): the devices signed in to the account, this phone first with
//! seed 000's advice under the list; on account.xiaomi.com every device alike with its last
//! login. A long list shows its first [`LIST_SHOWN`] devices and says how many there are.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::widgets::{LIST_SHOWN, list_more, listed, local_date_time, relative_time};
use crate::screens::world::World;
use crate::sim::device::AccountDevice;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Devices;

ids! {
    pub enum Id {
        /// The website's heading over every device (seed 001: "under My Devices").
        All = "devices.all",
        Current = "devices.current",
        Others = "devices.others",
        None = "devices.none",
        /// The last line of a list longer than the page lists.
        More = "devices.more",
        AdviceGap = "devices.advice_gap",
        Advice = "devices.advice";
        numbered
        /// A device, by its index in the account's list.
        Device = "devices.",
    }
}

/// The phone in hand, when looking from it (the website has no "current device").
pub fn is_current(world: &World, device: &AccountDevice) -> bool {
    !world.on_browser() && device.id == world.device().phone.id.to_string()
}

/// Where a device is: the phone simulated here is where its own state says.
pub fn location(world: &World, device: &AccountDevice, current: bool) -> String {
    let phone = &world.device().phone;
    if current || (device.location.is_empty() && device.id == phone.id.to_string()) {
        phone.location.clone()
    } else {
        device.location.clone()
    }
}

fn summary(world: &World, device: &AccountDevice, current: bool) -> String {
    let tr = world.tr();
    let when = if current {
        tr.get(S::JustNow).to_string()
    } else if world.on_browser() {
        // The website lists "last login date and location" (seed 000).
        local_date_time(world, device.last_active)
    } else {
        relative_time(world, device.last_active)
    };
    let place = location(world, device, current);
    let mut parts = vec![tr.device_kind(device.kind).to_string(), when];
    if !place.is_empty() {
        parts.push(place);
    }
    parts.join(" · ")
}

impl Screen for Devices {
    type Id = Id;

    fn name(&self) -> Text {
        "devices".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let all = world.account().map_or(&[][..], |a| &a.devices[..]);
        let row = |index: usize, device: &AccountDevice, current: bool| {
            Element::row(Id::Device(index), device.name.clone())
                .summary(summary(world, device, current))
        };
        if world.on_browser() {
            let mut elements = vec![
                Element::text(Id::Advice, tr.get(S::WebDevicesAbout)),
                Element::section(Id::All, tr.get(S::WebMyDevices)),
            ];
            if all.is_empty() {
                elements.push(Element::text(Id::None, tr.get(S::NoDevices)));
            }
            let rows = listed(all).iter().enumerate();
            elements.extend(rows.map(|(i, d)| row(i, d, false)));
            elements.extend(list_more(tr, Id::More, all.len()));
            return Content::new(world.page_title(tr.get(S::Devices)), elements);
        }
        // The phone's id, once: `is_current` for every device of a long list would write it out
        // again for each.
        let phone_id = world.device().phone.id.to_string();
        let current = |device: &AccountDevice| device.id == phone_id;
        let mut elements = vec![Element::section(Id::Current, tr.get(S::CurrentDevice))];
        for (index, device) in all.iter().enumerate() {
            if current(device) {
                elements.push(row(index, device, true));
            }
        }
        elements.push(Element::section(Id::Others, tr.get(S::OtherDevices)));
        let others = all.iter().enumerate().filter(|(_, d)| !current(d));
        let total = others.clone().count();
        if total == 0 {
            elements.push(Element::text(Id::None, tr.get(S::NoOtherDevices)));
        }
        let shown = others.take(LIST_SHOWN).map(|(i, d)| row(i, d, false));
        elements.extend(shown);
        elements.extend(list_more(tr, Id::More, total));
        // Seed 000's "What to look for", under the list it is about: the devices come first.
        elements.push(Element::section(Id::AdviceGap, ""));
        elements.push(Element::text(Id::Advice, tr.get(S::DevicesAdvice)));
        Content::new(tr.get(S::MyDevices), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Device(index) => {
                let device = cx.world.account().and_then(|a| a.devices.get(index));
                if let Some(device) = device {
                    let details = Destination::DeviceDetails(device.id.clone());
                    cx.push(details);
                }
            }
            Id::All
            | Id::Current
            | Id::Others
            | Id::None
            | Id::More
            | Id::AdviceGap
            | Id::Advice => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "security/devices"
    }
}
