//! i.mi.com → Recently deleted → one item: what it is, when and on which device it was deleted,
//! until when it is kept, and "Restore", which puts it back in the account's Mi Cloud (the
//! phone gets it at its next sync, as any change made elsewhere).

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::{device_name, local_date_time};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::sim::device::{App, DeletedItem};
use crate::strings::S;
use crate::view::{Element, Text};

/// A recently deleted item of the browser's account, by its app and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebDeletedItem {
    pub app: App,
    pub id: String,
}

ids! {
    pub enum Id {
        Gone = "web.deleted_item.gone",
        Title = "web.deleted_item.title",
        App = "web.deleted_item.app",
        DeletedAt = "web.deleted_item.deleted_at",
        DeletedOn = "web.deleted_item.deleted_on",
        KeptUntil = "web.deleted_item.kept_until",
        Restore = "web.deleted_item.restore",
    }
}

impl WebDeletedItem {
    /// The item, while it is still kept.
    fn find<'w>(&self, world: &'w World) -> Option<&'w DeletedItem> {
        let account = world.account()?;
        let device = world.device();
        let at = cloud::find_deleted(
            device,
            &account.mi_account_id,
            self.app,
            &self.id,
            world.now,
        )?;
        device.cloud.recently_deleted.get(at)
    }
}

impl Screen for WebDeletedItem {
    type Id = Id;

    fn name(&self) -> Text {
        "web.cloud.deleted_item".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let Some(deleted) = self.find(world) else {
            let title = tr.fill(
                S::WebCloudPageTitle,
                &[("page", &tr.get(S::RecentlyDeleted))],
            );
            return Content::new(
                title,
                vec![Element::text(Id::Gone, tr.get(S::NoLongerDeleted))],
            );
        };
        let title = tr.fill(S::WebCloudPageTitle, &[("page", &deleted.item.title)]);
        let mut elements = Vec::new();
        if !deleted.item.detail.is_empty() {
            elements.push(Element::text(Id::Title, deleted.item.detail.clone()));
        }
        elements.extend([
            Element::info(Id::App, tr.get(S::AppLabel), tr.app(deleted.app)),
            Element::info(
                Id::DeletedAt,
                tr.get(S::DeletedAt),
                local_date_time(world, deleted.deleted_at),
            ),
            Element::info(
                Id::DeletedOn,
                tr.get(S::DeletedOn),
                device_name(tr, &deleted.device),
            ),
            Element::info(
                Id::KeptUntil,
                tr.get(S::KeptUntil),
                local_date_time(world, cloud::kept_until(deleted)),
            ),
            Element::button(Id::Restore, tr.get(S::Restore)),
        ]);
        Content::new(title, elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Restore => {
                let Some(account) = cx.world.account().map(|a| a.mi_account_id.clone()) else {
                    return;
                };
                let now = cx.now();
                match cloud::restore_deleted(cx.device_mut(), &account, self.app, &self.id, now) {
                    Some(restored) => {
                        let tr = cx.tr();
                        let text = tr.fill(
                            S::RestoredToCloud,
                            &[
                                ("title", &restored.item.title),
                                ("app", &tr.app(restored.app)),
                            ],
                        );
                        cx.pop();
                        cx.toast(text);
                    }
                    None => cx.toast_t(S::NoLongerDeleted),
                }
            }
            Id::Gone | Id::Title | Id::App | Id::DeletedAt | Id::DeletedOn | Id::KeptUntil => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "recently-deleted/item"
    }
}
