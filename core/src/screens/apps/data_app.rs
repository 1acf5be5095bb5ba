//! Contacts, Gallery, Notes and Messages on the phone, read-only: what the phone holds, and
//! which of it is in the signed-in account's Mi Cloud (what "Remove" takes off the phone when
//! signing out, and what signing in again brings back). A long list shows its first
//! [`LIST_SHOWN`](crate::screens::widgets::LIST_SHOWN) items and says how many there are.

use std::collections::HashSet;

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::{ItemListIds, item_list, listed};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::sim::device::App;
use crate::strings::S;
use crate::view::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataApp(pub App);

ids! {
    pub enum Id {
        Count = "app.count",
        None = "app.none",
        /// The last line of a list longer than the page lists.
        More = "app.more";
        numbered
        /// An item, by its place in the phone's list.
        Item = "app.item.",
    }
}

const ITEM_LIST: ItemListIds<Id> = ItemListIds {
    count: Id::Count,
    none: Id::None,
    item: Id::Item,
    more: Id::More,
};

impl Screen for DataApp {
    type Id = Id;

    fn name(&self) -> Text {
        format!("app.{}", self.0.key()).into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let app = self.0;
        let items = world.device().data.items(app);
        // While an account is signed in: the listed items its cloud copy has too, found in one
        // pass over the cloud's (a set of the few listed, not of the many in the cloud).
        let listed_ids: HashSet<&str> = listed(items).iter().map(|item| item.id.as_str()).collect();
        let synced: HashSet<&str> = cloud::signed_in_account(world.device())
            .map_or(&[][..], |account| account.data.items(app))
            .iter()
            .filter_map(|item| listed_ids.get(item.id.as_str()).copied())
            .collect();
        let in_cloud = tr.get(S::InCloudMark);
        let elements = item_list(tr, ITEM_LIST, S::OnPhoneCount, items, |item| {
            synced.contains(item.id.as_str()).then_some(in_cloud)
        });
        Content::new(tr.app(app), elements)
    }

    fn on_tap(&mut self, id: Id, _cx: &mut Ctx) {
        match id {
            Id::Count | Id::None | Id::Item(_) | Id::More => {}
        }
    }
}
