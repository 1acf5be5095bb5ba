//! i.mi.com once signed in: the account's Mi Cloud, with what it holds and what was recently
//! deleted from it (seed 000: "check Mi Cloud for any deleted or accessed files"), and Find
//! Device (seed 003 §6).

use crate::screens::ctx::Ctx;
use crate::screens::flows::web;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::widgets::{count_text, storage_text};
use crate::screens::world::World;
use crate::sim::device::App;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WebCloudHome;

ids! {
    pub enum Id {
        SignedIn = "web.signed_in",
        Storage = "web.storage",
        Data = "web.data",
        FindDevice = "web.find_device",
        End = "web.end",
        SignOut = "web.sign_out",
        Contacts = "web.contacts",
        Gallery = "web.gallery",
        Notes = "web.notes",
        Messages = "web.messages",
        RecentlyDeleted = "web.recently_deleted",
    }
}

/// Each listed app's row.
const ROWS: [(App, Id); 4] = [
    (App::Contacts, Id::Contacts),
    (App::Gallery, Id::Gallery),
    (App::Notes, Id::Notes),
    (App::Messages, Id::Messages),
];

impl Screen for WebCloudHome {
    type Id = Id;

    fn name(&self) -> Text {
        "web.cloud".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let mut elements = vec![super::signed_in_as(world, Id::SignedIn)];
        if let Some(account) = world.account() {
            let occupied = tr.fill(
                S::Occupied,
                &[
                    ("used", &storage_text(account.data.total_bytes())),
                    ("plan", &account.storage_gb),
                ],
            );
            elements.push(Element::info(Id::Storage, tr.get(S::CloudSpace), occupied));
            elements.push(Element::section(Id::Data, tr.get(S::InTheCloud)));
            for (app, id) in ROWS {
                let count = account.data.items(app).len();
                elements.push(
                    Element::row(id, tr.app(app))
                        .summary(tr.fill(S::InCloudCount, &[("count", &count_text(count))])),
                );
            }
            // Seed 000: "Check Mi Cloud for any deleted or accessed files".
            let deleted = super::recently_deleted::kept(world).len();
            elements.push(
                Element::row(Id::RecentlyDeleted, tr.get(S::RecentlyDeleted))
                    .summary(tr.fill(S::RecentlyDeletedCount, &[("count", &count_text(deleted))])),
            );
        }
        elements.push(Element::section(Id::End, ""));
        elements.push(Element::row(Id::FindDevice, tr.get(S::FindDevice)));
        elements.push(Element::button(Id::SignOut, tr.get(S::SignOut)));
        Content::new(tr.get(S::Cloud), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Contacts | Id::Gallery | Id::Notes | Id::Messages => {
                if let Some((app, _)) = ROWS.iter().find(|(_, row)| *row == id) {
                    cx.push(Destination::WebCloudItems(*app));
                }
            }
            Id::RecentlyDeleted => cx.push(Destination::WebRecentlyDeleted),
            Id::FindDevice => cx.push(Destination::WebFindDevice),
            Id::SignOut => web::sign_out(cx),
            Id::SignedIn | Id::Storage | Id::Data | Id::End => {}
        }
    }
}
