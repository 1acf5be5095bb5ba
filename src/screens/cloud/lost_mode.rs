//! Lost mode, set from i.mi.com: the phone shows the owner's message and number until the
//! account password is entered on it.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Target;
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{error_line, password_field};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LostMode {
    pub password: TextInput,
    pub error: Option<S>,
}

ids! {
    pub enum Id {
        Message = "lost.message",
        Password = "lost.password",
        Error = "lost.error",
        Unlock = "lost.unlock",
    }
}

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
        let mut elements = vec![
            Element::text(
                Id::Message,
                tr.fill(
                    S::LostModeMessage,
                    &[("message", &message), ("call", &call)],
                ),
            ),
            password_field(
                Id::Password,
                tr.get(S::AccountPasswordField),
                &self.password,
                false,
            ),
        ];
        elements.extend(error_line(Id::Error, self.error.map(|e| tr.get(e))));
        elements.push(Element::button(Id::Unlock, tr.get(S::Unlock)));
        Content::new(tr.get(S::DeviceIsLocked), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Unlock | Id::Password => {
                let hash = cloud::signed_in_account(cx.device())
                    .map(|a| a.password_hash.as_str())
                    .unwrap_or_default();
                if cloud::verify_password(hash, self.password.text()) {
                    cx.device_mut().phone.lost_mode = None;
                    cx.root(Target::Settings, None);
                    cx.toast_t(S::Unlocked);
                } else {
                    self.password = TextInput::default();
                    self.error = Some(S::IncorrectPassword);
                    cx.focus(Id::Password);
                }
            }
            Id::Message | Id::Error => {}
        }
    }

    fn edited(&mut self) {
        self.error = None;
    }

    fn field(&mut self, id: Id) -> Option<&mut TextInput> {
        match id {
            Id::Password => Some(&mut self.password),
            _ => None,
        }
    }
}
