//! The browser beside the phone, on the same simulated cloud: i.mi.com's Find Device (seed 003
//! §6) and account.xiaomi.com's Security (seed 000). What it does lands in the device file, and
//! the phone shows it when looked at again.

pub mod account_home;
pub mod find_device;
pub mod lost_mode;
pub mod sign_in;

use super::ids::ids;
use super::{Ctx, Page, WebSite, World};
use crate::sim::device::Connection;
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

/// The first page of `site`: its home when signed in, else the sign-in form with the focus on
/// its first field (the tabs above it come first on the page).
pub fn home(site: WebSite, signed_in: bool) -> Page {
    match (site, signed_in) {
        (WebSite::MiCloud, true) => Page::new(find_device::WebFindDevice),
        (WebSite::Account, true) => Page::new(account_home::WebAccount),
        (_, false) => Page::focused(sign_in::WebSignIn::default(), sign_in::Id::Login),
    }
}

/// The browser is signed in to the account at `index`: the open site's home.
pub fn signed_in(cx: &mut Ctx, index: usize) {
    cx.world.web.account = Some(cx.device().cloud.accounts[index].mi_account_id.clone());
    cx.world.web.located = None;
    // The code's message has done its job.
    cx.clear_notification();
    let site = cx.world.web.site;
    cx.root(home(site, true));
}

/// The browser signs out: the open site's sign-in form.
pub fn sign_out(cx: &mut Ctx) {
    cx.world.web.account = None;
    let site = cx.world.web.site;
    cx.root(home(site, false));
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

/// A remote action reaches the phone only while it is online; the toast says when it is not.
pub fn phone_online(cx: &mut Ctx) -> bool {
    if cx.device().network.connection() == Connection::Offline {
        let text = cx
            .tr()
            .fill(S::PhoneOffline, &[("name", &cx.device().phone.name)]);
        cx.toast(text);
        return false;
    }
    true
}
