//! The browser's sign-in, shared by i.mi.com and account.xiaomi.com, and what reaches the phone
//! from there.

use crate::screens::ctx::Ctx;
use crate::screens::target::Destination;
use crate::screens::widgets::device_name;
use crate::screens::world::WebSite;
use crate::sim::cloud;
use crate::sim::trace::Change;
use crate::strings::{S, Tr};
use crate::view::Text;

/// The first page of `site`: its home when signed in, else the sign-in form with the focus on
/// its first field (the tabs above it come first on the page).
pub fn home(site: WebSite, signed_in: bool) -> (Destination, Option<Text>) {
    match (site, signed_in) {
        (WebSite::MiCloud, true) => (Destination::WebCloudHome, None),
        (WebSite::Account, true) => (Destination::WebAccount, None),
        (_, false) => (Destination::WebSignIn, Some(Text::Borrowed("web.login"))),
    }
}

/// The browser is signed in to the account at `index`: the open site's home.
pub fn signed_in(cx: &mut Ctx, index: usize) {
    let account = cx.device().cloud.accounts[index].mi_account_id.clone();
    cx.did(Change::WebSignedIn {
        account: account.clone(),
        with: None,
    });
    cx.world.web.account = Some(account);
    cx.world.web.located = None;
    // The code's message has done its job.
    cx.clear_notification();
    // The sign-in is in the account's login history, as the phone's are. The account keeps
    // the name in English, as the server would: it is data, not the phone's words (each
    // phone shows it in its own language).
    let browser = Tr::new(cx.device().phone.skin)
        .get(S::WebBrowserDevice)
        .to_string();
    let now = cx.now();
    if let Some(alert) = cloud::web_sign_in(cx.device_mut(), index, &browser, now) {
        let text = cx.tr().fill(
            S::NewSignInAlert,
            &[
                ("device", &device_name(cx.tr(), &alert.device)),
                ("place", &alert.location),
            ],
        );
        cx.notify(text);
    }
    let (target, focus) = home(cx.world.web.site, true);
    cx.root(target, focus);
}

/// The browser signs out: the open site's sign-in form.
pub fn sign_out(cx: &mut Ctx) {
    if let Some(account) = cx.world.web.account.take() {
        cx.did(Change::WebSignedOut { account });
    }
    let (target, focus) = home(cx.world.web.site, false);
    cx.root(target, focus);
}

/// A remote action reaches the phone only while it is online; the toast says when it is not.
pub fn phone_online(cx: &mut Ctx) -> bool {
    if !cx.world.online() {
        let text = cx
            .tr()
            .fill(S::PhoneOffline, &[("name", &cx.device().phone.name)]);
        cx.toast(text);
        return false;
    }
    true
}
