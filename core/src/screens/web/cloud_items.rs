//! i.mi.com → Contacts, Gallery, Notes or Messages: what the account's cloud holds of the app,
//! read-only (seed 000: "check Mi Cloud for any deleted or accessed files"). A long list shows
//! its first [`LIST_SHOWN`](crate::screens::widgets::LIST_SHOWN) items and says how many there
//! are.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::{ItemListIds, item_list};
use crate::screens::world::World;
use crate::sim::device::App;
use crate::strings::S;
use crate::view::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WebCloudItems(pub App);

ids! {
    pub enum Id {
        Count = "web.items.count",
        None = "web.items.none",
        /// The last line of a list longer than the page lists.
        More = "web.items.more";
        numbered
        /// An item, by its place in the cloud's list.
        Item = "web.items.",
    }
}

const ITEM_LIST: ItemListIds<Id> = ItemListIds {
    count: Id::Count,
    none: Id::None,
    item: Id::Item,
    more: Id::More,
};

impl Screen for WebCloudItems {
    type Id = Id;

    fn name(&self) -> Text {
        format!("web.cloud.{}", self.0.key()).into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let title = tr.fill(S::WebCloudPageTitle, &[("page", &tr.app(self.0))]);
        let Some(account) = world.account() else {
            return Content::new(title, Vec::new());
        };
        let items = account.data.items(self.0);
        let elements = item_list(tr, ITEM_LIST, S::InCloudCount, items, |_| None);
        Content::new(title, elements)
    }

    fn on_tap(&mut self, id: Id, _cx: &mut Ctx) {
        match id {
            Id::Count | Id::None | Id::Item(_) | Id::More => {}
        }
    }

    fn web_path(&self) -> &'static str {
        match self.0 {
            App::Contacts => "contacts",
            App::Gallery => "gallery",
            App::Notes => "note",
            App::Messages => "sms",
            App::Calendar => "calendar",
            App::CallHistory => "calllog",
            App::Recorder => "recorder",
            App::WiFi => "wifi",
            App::Browser => "browser",
        }
    }
}
