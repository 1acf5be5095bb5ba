//! The browser beside the phone, on the same simulated cloud: i.mi.com's Find Device (seed 003
//! §6) and account.xiaomi.com's Security (seed 000). What it does lands in the device file, and
//! the phone shows it when looked at again.

pub mod account_home;
pub mod cloud_home;
pub mod cloud_items;
pub mod deleted_item;
pub mod find_device;
pub mod lost_mode;
pub mod profile;
pub mod recently_deleted;
pub mod sign_in;
pub mod storage;

use super::ctx::Ctx;
use super::ids::ids;
use super::world::{WebSite, World};
use crate::strings::S;
use crate::view::{Element, Role};

ids! {
    /// What the phone and the browser show around every page: the browser's tabs, and the
    /// notification banner.
    pub enum ChromeId {
        TabCloud = "web.tab.cloud",
        TabAccount = "web.tab.account",
        Notification = "notification",
    }
}

/// The browser's two tabs, above every page: the sites a seed tells people to visit.
pub fn tabs(world: &World) -> [Element; 2] {
    let site = world.web.site;
    [
        Element::new(ChromeId::TabCloud, Role::Tab, world.t(S::SiteCloud))
            .checked(site == WebSite::MiCloud),
        Element::new(ChromeId::TabAccount, Role::Tab, world.t(S::SiteAccount))
            .checked(site == WebSite::Account),
    ]
}

pub fn on_chrome(id: ChromeId, cx: &mut Ctx) {
    match id {
        ChromeId::TabCloud => cx.open_site(WebSite::MiCloud),
        ChromeId::TabAccount => cx.open_site(WebSite::Account),
        ChromeId::Notification => {}
    }
}

/// What the address bar shows for a page at `path` on `site`.
pub fn address(site: WebSite, path: &str) -> String {
    let host = match site {
        WebSite::MiCloud => "i.mi.com",
        WebSite::Account => "account.xiaomi.com",
    };
    if path.is_empty() {
        host.to_string()
    } else {
        format!("{host}/{path}")
    }
}

/// "Signed in as Lei Wang (6612345678)".
pub fn signed_in_as(world: &World, id: impl Into<crate::view::Text>) -> Element {
    let web = world.web.account.clone().unwrap_or_default();
    let name = crate::sim::cloud::index_of(world.device(), &web)
        .map(|i| world.device().cloud.accounts[i].name.clone())
        .unwrap_or_default();
    Element::text(
        id,
        world
            .tr()
            .fill(S::SignedInAs, &[("name", &name), ("id", &web)]),
    )
}
