//! "Two-step verification": the code sent to the account's phone (or email) after the password,
//! on the phone and on the browser's sign-in alike.

use crate::screens::ctx::Ctx;
use crate::screens::flows::account::{send_code, signed_in};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{CodeStep, error_line};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::sim::device::CodePurpose;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoStep {
    pub mi_account_id: String,
    pub step: CodeStep,
    pub error: Option<S>,
}

ids! {
    pub enum Id {
        Sent = "code.sent",
        Code = "twostep.code",
        Resend = "twostep.resend",
        Error = "twostep.error",
        Next = "twostep.next",
    }
}

impl TwoStep {
    pub fn new(mi_account_id: String, to: String) -> TwoStep {
        TwoStep {
            mi_account_id,
            step: CodeStep::to(to),
            error: None,
        }
    }
}

impl Screen for TwoStep {
    type Id = Id;

    fn name(&self) -> Text {
        "two_step".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let mut elements = Vec::from(self.step.elements(
            world,
            CodePurpose::SignIn,
            Id::Sent,
            Id::Code,
            Id::Resend,
        ));
        elements.extend(error_line(Id::Error, self.error.map(|e| tr.get(e))));
        elements.push(Element::button(Id::Next, tr.get(S::Next)));
        Content::new(tr.get(S::TwoStepTitle), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Resend => {
                let to = self.step.to.clone();
                self.error = send_code(cx, &to, CodePurpose::SignIn).err();
                // The new code goes where the old one went: the cursor is there for it.
                cx.focus(Id::Code);
            }
            Id::Code | Id::Next => match self.step.check(cx.world, CodePurpose::SignIn) {
                Err(error) => {
                    self.error = Some(error);
                    cx.focus(Id::Code);
                }
                Ok(()) => {
                    if let Some(index) = cloud::index_of(cx.device(), &self.mi_account_id) {
                        signed_in(cx, index);
                    }
                }
            },
            Id::Sent | Id::Error => {}
        }
    }

    fn edited(&mut self) {
        self.error = None;
    }

    fn field(&mut self, id: Id) -> Option<&mut TextInput> {
        match id {
            Id::Code => Some(&mut self.step.code),
            _ => None,
        }
    }

    fn web_path(&self) -> &'static str {
        "pass/serviceLogin"
    }
}
