//! Developer options → Mi Unlock status (seed 001: "if you want unlock bootloader you must have
//! a Mi account"): the bootloader stays locked; "Add account and device" binds the Mi Account
//! signed in on the phone to it, which needs the account and the network.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MiUnlockStatus;

ids! {
    pub enum Id {
        Bootloader = "unlock.bootloader",
        Account = "unlock.account",
        About = "unlock.about",
        Add = "unlock.add",
    }
}

/// The account bound to this phone, as the page names it: only the signed-in account counts
/// (signing in with another one leaves the phone unbound for it).
fn bound_account(world: &World) -> Option<String> {
    let account = world.device().account.as_ref()?;
    let bound = world.device().phone.unlock_account.as_deref()?;
    (bound == account.mi_account_id).then(|| format!("{} ({})", account.name, bound))
}

impl Screen for MiUnlockStatus {
    type Id = Id;

    fn name(&self) -> Text {
        "mi_unlock_status".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let signed_in = world.device().account.is_some();
        let account = bound_account(world).unwrap_or_else(|| tr.get(S::UnlockNotAdded).into());
        let about = if signed_in {
            Element::text(Id::About, tr.get(S::UnlockAbout))
        } else {
            Element::error(Id::About, tr.get(S::UnlockSignInFirst))
        };
        Content::new(
            tr.get(S::MiUnlockStatus),
            vec![
                Element::info(
                    Id::Bootloader,
                    tr.get(S::Bootloader),
                    tr.get(S::BootloaderLocked),
                ),
                Element::info(Id::Account, tr.get(S::UnlockAccount), account),
                about,
                Element::button(Id::Add, tr.get(S::AddAccountAndDevice)),
            ],
        )
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Add => add_account_and_device(cx),
            Id::Bootloader | Id::Account | Id::About => {}
        }
    }
}

/// "Add account and device": signed out it asks for an account first; offline it says so;
/// else the signed-in account is bound to this phone. Nothing changes when it is refused.
fn add_account_and_device(cx: &mut Ctx) {
    let Some(id) = cx
        .device()
        .account
        .as_ref()
        .map(|a| a.mi_account_id.clone())
    else {
        cx.toast_t(S::UnlockSignInFirst);
        return;
    };
    if !cx.world.online() {
        cx.toast_t(S::Offline);
        return;
    }
    if cx.device().phone.unlock_account.as_deref() != Some(id.as_str()) {
        cx.device_mut().phone.unlock_account = Some(id);
    }
    cx.toast_t(S::UnlockAdded);
}
