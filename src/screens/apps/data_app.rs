//! Contacts, Gallery, Notes and Messages on the phone, read-only: what the phone holds, and
//! which of it is in the signed-in account's Mi Cloud (what "Remove" takes off the phone when
//! signing out, and what signing in again brings back). A long list shows its first
//! [`LIST_SHOWN`](crate::screens::widgets::LIST_SHOWN) items and says how many there are.

use std::collections::HashSet;

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::{count_text, item_rows, list_more, listed};
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
        None = "app.none",
        /// The last line of a list longer than the page lists.
        More = "app.more";
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
        let shown = listed(items);
        // While an account is signed in: the listed items its cloud copy has too, found in one
        // pass over the cloud's (a set of the few listed, not of the many in the cloud).
        let listed_ids: HashSet<&str> = shown.iter().map(|item| item.id.as_str()).collect();
        let synced: HashSet<&str> = cloud::signed_in_account(world.device())
            .map_or(&[][..], |account| account.data.items(app))
            .iter()
            .filter_map(|item| listed_ids.get(item.id.as_str()).copied())
            .collect();
        let in_cloud = tr.get(S::InCloudMark);
        let mut elements = vec![Element::text(
            Id::Count,
            tr.fill(S::OnPhoneCount, &[("count", &count_text(items.len()))]),
        )];
        if items.is_empty() {
            elements.push(Element::text(Id::None, tr.get(S::NothingHere)));
        }
        elements.extend(item_rows(shown, Id::Item, |item| {
            synced.contains(item.id.as_str()).then_some(in_cloud)
        }));
        elements.extend(list_more(tr, Id::More, items.len()));
        Content::new(tr.app(app), elements)
    }

    fn on_tap(&mut self, id: Id, _cx: &mut Ctx) {
        match id {
            Id::Count | Id::None | Id::Item(_) | Id::More => {}
        }
    }
}
