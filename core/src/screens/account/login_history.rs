//! Account security → Login history (seed 000: "review login history for suspicious
//! locations"): the newest sign-ins first.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::widgets::{device_name, local_date_time};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Role, Text};

/// How many sign-ins the page lists, newest first.
pub const HISTORY_SHOWN: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LoginHistory;

ids! {
    pub enum Id {
        About = "history.about",
        None = "history.none",
        More = "history.more";
        numbered
        /// A sign-in, by its index in the account's history.
        Record = "history.",
    }
}

impl Screen for LoginHistory {
    type Id = Id;

    fn name(&self) -> Text {
        "login_history".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let page_title = world.page_title(tr.get(S::LoginHistory));
        let Some(account) = world.account() else {
            return Content::new(page_title, Vec::new());
        };
        let history = &account.login_history;
        let mut elements = vec![Element::text(Id::About, tr.get(S::LoginHistoryAbout))];
        if history.is_empty() {
            elements.push(Element::text(Id::None, tr.get(S::NoSignInsYet)));
        }
        let shown = history.len().min(HISTORY_SHOWN);
        for (index, record) in history.iter().enumerate().rev().take(shown) {
            let mut summary = local_date_time(world, record.at);
            summary.push_str(" · ");
            if record.location.is_empty() {
                summary.push_str(tr.get(S::UnknownLocation));
            } else {
                summary.push_str(&record.location);
            }
            if record.new_device {
                summary.push_str(" · ");
                summary.push_str(tr.get(S::NewDevice));
            }
            elements.push(
                Element::new(
                    Id::Record(index),
                    Role::Info,
                    device_name(tr, &record.device),
                )
                .summary(summary),
            );
        }
        if history.len() > shown {
            elements.push(Element::text(
                Id::More,
                tr.fill(S::HistoryMore, &[("shown", &HISTORY_SHOWN)]),
            ));
        }
        Content::new(page_title, elements)
    }

    fn on_tap(&mut self, id: Id, _cx: &mut Ctx) {
        match id {
            Id::About | Id::None | Id::Record(_) | Id::More => {}
        }
    }

    fn web_path(&self) -> &'static str {
        "security/history"
    }
}
