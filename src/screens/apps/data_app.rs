//! Contacts, Gallery, Notes and Messages on the phone, read-only: what the phone holds, and
//! which of it is in the signed-in account's Mi Cloud (what "Remove" takes off the phone when
//! signing out, and what signing in again brings back).

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::item_rows;
use crate::screens::world::World;
use crate::sim::cloud;
use crate::sim::device::App;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataApp(pub App);

ids! {
    pub enum Id {
        Count = "app.count",
        None = "app.none";
        numbered
        /// An item, by its place in the phone's list.
        Item = "app.item.",
    }
}

impl Screen for DataApp {
    type Id = Id;

    fn name(&self) -> Text {
        format!("app.{}", self.0.key()).into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let app = self.0;
        let items = world.device().data.items(app);
        // While an account is signed in: the items its cloud copy has too.
        let synced =
            cloud::signed_in_account(world.device()).map(|account| account.data.items(app));
        let in_cloud = tr.get(S::InCloudMark);
        let mut elements = vec![Element::text(
            Id::Count,
            tr.fill(S::OnPhoneCount, &[("count", &items.len())]),
        )];
        if items.is_empty() {
            elements.push(Element::text(Id::None, tr.get(S::NothingHere)));
        }
        elements.extend(item_rows(items, Id::Item, move |item| {
            synced
                .is_some_and(|cloud| cloud.iter().any(|c| c.id == item.id))
                .then_some(in_cloud)
        }));
        Content::new(tr.app(app), elements)
    }

    fn on_tap(&mut self, id: Id, _cx: &mut Ctx) {
        match id {
            Id::Count | Id::None | Id::Item(_) => {}
        }
    }
}
