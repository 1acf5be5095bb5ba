//! Rows of Settings that are on a real phone but outside what the simulation models. Each opens
//! a short page that says so, so that the home screen looks and scrolls like the phone's while
//! nobody mistakes a decoration for a working feature.

use crate::screens::ctx::Ctx;
use crate::screens::ids::NoId;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Topic;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

/// The page about one topic that is not simulated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info(pub Topic);

impl Screen for Info {
    /// Nothing on the page can be touched: ‹ and Esc leave it.
    type Id = NoId;

    fn name(&self) -> Text {
        format!("info.{}", self.0.key()).into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let topic = self.0;
        let about = tr.fill(S::NotSimulated, &[("topic", &tr.get(topic.title()))]);
        Content::new(
            tr.get(topic.title()),
            vec![
                Element::text(format!("info.{}.about", topic.key()), about),
                Element::text(format!("info.{}.back", topic.key()), tr.get(S::PressBack)),
            ],
        )
    }

    fn on_tap(&mut self, id: NoId, _cx: &mut Ctx) {
        match id {}
    }
}
