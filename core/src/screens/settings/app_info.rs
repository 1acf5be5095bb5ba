//! Settings → Apps → an app: its "Clear cache". For Mi Cloud that is seed 003 §9's fix for a
//! sync that does not work: a stuck sync (set in the device file) goes, and what waited syncs.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::InstalledApp;
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppInfo(pub InstalledApp);

ids! {
    pub enum Id {
        Name = "app_info.name",
        About = "app_info.about",
        ClearCache = "app_info.clear_cache",
    }
}

impl Screen for AppInfo {
    type Id = Id;

    fn name(&self) -> Text {
        format!("app_info.{}", self.0.key()).into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        Content::new(
            tr.get(S::AppInfo),
            vec![
                Element::section(Id::Name, self.0.name(tr)),
                Element::text(Id::About, tr.get(S::ClearCacheAbout)),
                Element::button(Id::ClearCache, tr.get(S::ClearCache)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::ClearCache => {
                if self.0 == InstalledApp::MiCloud && cx.device().phone.mi_cloud_stuck {
                    cx.device_mut().phone.mi_cloud_stuck = false;
                }
                cx.toast_t(S::CacheCleared);
            }
            Id::Name | Id::About => {}
        }
    }
}
