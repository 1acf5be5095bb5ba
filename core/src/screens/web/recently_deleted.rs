//! i.mi.com → Recently deleted (seed 000: "Check Mi Cloud for any deleted or accessed files"):
//! what was deleted from the account's Mi Cloud in the last
//! [`DELETED_KEPT_DAYS`](crate::sim::cloud::DELETED_KEPT_DAYS) days, on which device and when,
//! the most recent first; older items are gone. A long list shows its first
//! [`LIST_SHOWN`](crate::screens::widgets::LIST_SHOWN) items and says how many there are.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::widgets::{device_name, list_more, listed, local_date_time};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::sim::device::DeletedItem;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WebRecentlyDeleted;

ids! {
    pub enum Id {
        About = "web.deleted.about",
        None = "web.deleted.none",
        /// The last line of a list longer than the page lists.
        More = "web.deleted.more";
        numbered
        /// An item, by its place in the list, the most recently deleted first.
        Item = "web.deleted.",
    }
}

/// The recently deleted items of the browser's account, the most recent first.
pub fn kept(world: &World) -> Vec<&DeletedItem> {
    let Some(account) = world.account() else {
        return Vec::new();
    };
    let device = world.device();
    cloud::recently_deleted(device, &account.mi_account_id, world.now)
        .into_iter()
        .filter_map(|at| device.cloud.recently_deleted.get(at))
        .collect()
}

/// "Notes · Deleted Nov 21, 2026 07:55 on Redmi 12C".
pub fn summary(world: &World, deleted: &DeletedItem) -> String {
    let tr = world.tr();
    world.tr().fill(
        S::DeletedSummary,
        &[
            ("app", &tr.app(deleted.app)),
            ("when", &local_date_time(world, deleted.deleted_at)),
            ("device", &device_name(tr, &deleted.device)),
        ],
    )
}

impl Screen for WebRecentlyDeleted {
    type Id = Id;

    fn name(&self) -> Text {
        "web.cloud.recently_deleted".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let title = tr.fill(
            S::WebCloudPageTitle,
            &[("page", &tr.get(S::RecentlyDeleted))],
        );
        let items = kept(world);
        let mut elements = vec![Element::text(Id::About, tr.get(S::RecentlyDeletedAbout))];
        if items.is_empty() {
            elements.push(Element::text(Id::None, tr.get(S::NothingHere)));
        }
        elements.extend(listed(&items).iter().enumerate().map(|(index, deleted)| {
            Element::row(Id::Item(index), deleted.item.title.clone())
                .summary(summary(world, deleted))
        }));
        elements.extend(list_more(tr, Id::More, items.len()));
        Content::new(title, elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Item(index) => {
                let target = kept(cx.world)
                    .get(index)
                    .map(|deleted| Destination::WebDeletedItem {
                        app: deleted.app,
                        id: deleted.item.id.clone(),
                    });
                if let Some(target) = target {
                    cx.push(target);
                }
            }
            Id::About | Id::None | Id::More => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "recently-deleted"
    }
}
