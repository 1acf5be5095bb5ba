//! Lost mode, set from i.mi.com: the phone shows the owner's message and number until the
//! account password is entered on it.

use crate::screens::ctx::Ctx;
use crate::screens::forms::{UnlockForm, UnlockIds, form_screen_methods};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Destination;
use crate::screens::world::World;
use crate::sim::cloud;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LostMode {
    pub form: UnlockForm,
}

ids! {
    pub enum Id {
        Message = "lost.message",
        Password = "lost.password",
        Error = "lost.error",
        Unlock = "lost.unlock",
    }
}

/// The form's password field and error line.
const UNLOCK: UnlockIds<Id> = UnlockIds::new(Id::Password, Id::Error);

impl Screen for LostMode {
    type Id = Id;

    fn name(&self) -> Text {
        "lost_mode".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let lost = world.device().phone.lost_mode.as_ref();
        let message = lost.map_or("", |l| l.message.trim_end_matches(['.', '。']));
        let call = lost.map_or("", |l| l.call.as_str());
        let mut elements = vec![Element::text(
            Id::Message,
            tr.fill(
                S::LostModeMessage,
                &[("message", &message), ("call", &call)],
            ),
        )];
        elements.extend(self.form.elements(tr, UNLOCK, S::AccountPasswordField));
        elements.push(Element::button(Id::Unlock, tr.get(S::Unlock)));
        Content::new(tr.get(S::DeviceIsLocked), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Unlock | Id::Password => {
                let hash = cloud::signed_in_account(cx.device())
                    .map(|a| a.password_hash.as_str())
                    .unwrap_or_default();
                if cloud::verify_password(hash, self.form.password.text()) {
                    cx.device_mut().phone.lost_mode = None;
                    cx.root(Destination::Settings, None);
                    cx.toast_t(S::Unlocked);
                } else {
                    self.form.refused(cx, S::IncorrectPassword, UNLOCK);
                }
            }
            Id::Message | Id::Error => {}
        }
    }

    form_screen_methods!(UNLOCK);
}
