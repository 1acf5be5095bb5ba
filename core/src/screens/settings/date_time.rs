//! Additional settings → Date & time: "Set time automatically", or the date and time set by
//! hand. A clock far from the real time makes Mi Cloud's sync fail until it is put right
//! (seed 003 §9).

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{ClockPart, PhoneDialog};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateTime;

ids! {
    pub enum Id {
        Automatic = "date_time.automatic",
        Date = "date_time.date",
        Time = "date_time.time",
    }
}

impl Screen for DateTime {
    type Id = Id;

    fn name(&self) -> Text {
        "date_time".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let automatic = world.device().phone.auto_time;
        let local = world.local(world.now);
        // Set by hand only when the phone does not set it itself.
        let by_hand = |id: Id, label: S, value: String| {
            Element::row(id, tr.get(label))
                .value(value)
                .enabled(!automatic)
        };
        Content::new(
            tr.get(S::DateTime),
            vec![
                Element::switch(Id::Automatic, tr.get(S::SetTimeAutomatically), automatic),
                by_hand(
                    Id::Date,
                    S::Date,
                    local.format(tr.get(S::FormatDate)).to_string(),
                ),
                by_hand(Id::Time, S::Time, local.format("%H:%M").to_string()),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Automatic => {
                let phone = &mut cx.device_mut().phone;
                phone.auto_time = !phone.auto_time;
                // The network's time: the clock is right again.
                if phone.auto_time {
                    phone.clock_offset_minutes = 0;
                }
            }
            Id::Date => cx.dialog(PhoneDialog::set_clock(ClockPart::Date)),
            Id::Time => cx.dialog(PhoneDialog::set_clock(ClockPart::Time)),
        }
    }
}
