//! i.mi.com → Lost mode: the message and number the phone will show while it is locked.

use crate::screens::ctx::Ctx;
use crate::screens::flows::web::phone_online;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{error_line, text_field};
use crate::screens::world::World;
use crate::sim::device::LostMode;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebLostMode {
    pub message: TextInput,
    pub call: TextInput,
    pub error: Option<S>,
}

ids! {
    pub enum Id {
        About = "web.lost_about",
        Message = "web.lost_message",
        Call = "web.lost_call",
        Error = "web.error",
        Lock = "web.lock",
    }
}

impl WebLostMode {
    pub fn new(message: &str, call: String) -> WebLostMode {
        WebLostMode {
            message: TextInput::new(message),
            call: TextInput::new(call),
            error: None,
        }
    }

    fn lock(&mut self, cx: &mut Ctx) {
        if self.message.text().trim().is_empty() {
            self.error = Some(S::EnterLostMessage);
        } else if phone_online(cx) {
            cx.device_mut().phone.lost_mode = Some(LostMode {
                message: self.message.text().trim().to_string(),
                call: self.call.text().trim().to_string(),
            });
            cx.pop();
            let text = cx
                .tr()
                .fill(S::PhoneIsLocked, &[("name", &cx.device().phone.name)]);
            cx.toast(text);
        }
    }
}

impl Screen for WebLostMode {
    type Id = Id;

    fn name(&self) -> Text {
        "web.lost_mode".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let mut elements = vec![
            Element::text(Id::About, tr.get(S::WebLostModeAbout)),
            text_field(Id::Message, tr.get(S::Message), &self.message),
            text_field(Id::Call, tr.get(S::PhoneNumber), &self.call),
        ];
        elements.extend(error_line(Id::Error, self.error.map(|e| tr.get(e))));
        elements.push(Element::button(Id::Lock, tr.get(S::LockDevice)));
        Content::new(tr.get(S::WebLostModeTitle), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Message => cx.focus(Id::Call),
            Id::Call | Id::Lock => self.lock(cx),
            Id::About | Id::Error => {}
        }
    }

    fn edited(&mut self) {
        self.error = None;
    }

    fn field(&mut self, id: Id) -> Option<&mut TextInput> {
        match id {
            Id::Message => Some(&mut self.message),
            Id::Call => Some(&mut self.call),
            _ => None,
        }
    }

    fn web_path(&self) -> &'static str {
        "mobile/find/lost"
    }
}
