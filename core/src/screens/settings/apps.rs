//! Settings → Apps (seed 003 §9: "Settings → Apps → Mi Cloud → Clear cache and retry"): the
//! apps this simulation has, each opening its app info.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{Destination, InstalledApp};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Apps;

ids! {
    pub enum Id {
        MiCloud = "apps.mi_cloud",
        Contacts = "apps.contacts",
        Gallery = "apps.gallery",
        Notes = "apps.notes",
        Messages = "apps.messages",
        Browser = "apps.browser",
    }
}

/// Each app's row.
const ROWS: [(InstalledApp, Id); 6] = [
    (InstalledApp::MiCloud, Id::MiCloud),
    (InstalledApp::Contacts, Id::Contacts),
    (InstalledApp::Gallery, Id::Gallery),
    (InstalledApp::Notes, Id::Notes),
    (InstalledApp::Messages, Id::Messages),
    (InstalledApp::Browser, Id::Browser),
];

impl Screen for Apps {
    type Id = Id;

    fn name(&self) -> Text {
        "apps".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let elements = ROWS
            .iter()
            .map(|&(app, id)| Element::row(id, app.name(tr)))
            .collect();
        Content::new(tr.get(S::TopicApps), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        if let Some(&(app, _)) = ROWS.iter().find(|(_, row)| *row == id) {
            cx.push(Destination::AppInfo(app));
        }
    }
}
