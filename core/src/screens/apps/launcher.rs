//! The phone's home screen (its Home key, F3, or the ⌂ under the screen): the apps, with how
//! much each holds. The phone still starts in Settings.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::widgets::count_text;
use crate::screens::world::World;
use crate::sim::device::App;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Launcher;

ids! {
    pub enum Id {
        Settings = "home.settings",
        Contacts = "home.contacts",
        Gallery = "home.gallery",
        Notes = "home.notes",
        Messages = "home.messages",
        Browser = "home.browser",
    }
}

/// The apps that show the phone's data, with their tiles.
pub const DATA_APPS: [(App, Id); 4] = [
    (App::Contacts, Id::Contacts),
    (App::Gallery, Id::Gallery),
    (App::Notes, Id::Notes),
    (App::Messages, Id::Messages),
];

impl Screen for Launcher {
    type Id = Id;

    fn name(&self) -> Text {
        "home_screen".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let data = &world.device().data;
        let mut elements = vec![Element::row(Id::Settings, tr.get(S::Settings))];
        for (app, id) in DATA_APPS {
            let count = data.items(app).len();
            elements.push(
                Element::row(id, tr.app(app))
                    .summary(tr.fill(S::OnPhoneCount, &[("count", &count_text(count))])),
            );
        }
        elements.push(
            Element::row(Id::Browser, tr.app(App::Browser)).summary(tr.get(S::BrowserAppSummary)),
        );
        Content::new(tr.get(S::HomeScreenTitle), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            // Settings opens as the phone's first page, as it starts.
            Id::Settings => cx.root(Destination::Settings, None),
            Id::Browser => cx.switch_surface(),
            Id::Contacts | Id::Gallery | Id::Notes | Id::Messages => {
                if let Some((app, _)) = DATA_APPS.iter().find(|(_, tile)| *tile == id) {
                    cx.push(Destination::DataApp(*app));
                }
            }
        }
    }
}
