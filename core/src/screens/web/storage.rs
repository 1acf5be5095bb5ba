//! account.xiaomi.com → Mi Cloud storage (seed 003 §7: "backups/storage"): what the plan holds
//! and what each app takes of it.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::{count_text, storage_text};
use crate::screens::world::World;
use crate::sim::device::App;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WebStorage;

ids! {
    pub enum Id {
        Occupied = "storage.occupied",
        About = "storage.about",
        Apps = "storage.apps";
        numbered
        /// An app's share, by its place in the phone's list of synced apps.
        App = "storage.app.",
    }
}

impl Screen for WebStorage {
    type Id = Id;

    fn name(&self) -> Text {
        "web.storage".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let title = world.page_title(tr.get(S::CloudStorage));
        let Some(account) = world.account() else {
            return Content::new(title, Vec::new());
        };
        let occupied = tr.fill(
            S::Occupied,
            &[
                ("used", &storage_text(account.data.total_bytes())),
                ("plan", &account.storage_gb),
            ],
        );
        let mut elements = vec![
            Element::info(Id::Occupied, tr.get(S::CloudSpace), occupied),
            Element::text(Id::About, tr.get(S::CloudStorageAbout)),
            Element::section(Id::Apps, ""),
        ];
        for (index, app) in App::ALL.into_iter().enumerate() {
            let items = account.data.items(app);
            let size: u64 = items.iter().map(|item| item.size_bytes).sum();
            let usage = tr.fill(
                S::AppUsage,
                &[
                    ("count", &count_text(items.len())),
                    ("size", &storage_text(size)),
                ],
            );
            elements.push(Element::info(Id::App(index), tr.app(app), usage));
        }
        Content::new(title, elements)
    }

    fn on_tap(&mut self, id: Id, _cx: &mut Ctx) {
        match id {
            Id::Occupied | Id::About | Id::Apps | Id::App(_) => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "storage"
    }
}
