//! Account security → Password: the current password, a new one under the account rules, typed
//! twice. Other devices stay signed in, as seed 000's pro tip says.

use crate::screens::ctx::Ctx;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{NewPasswordIds, error_line, new_password_fields, password_field};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChangePassword {
    pub current: TextInput,
    pub new: TextInput,
    pub confirm: TextInput,
    pub show_password: bool,
    pub error: Option<S>,
}

ids! {
    pub enum Id {
        Current = "password.current",
        New = "password.new",
        Confirm = "password.confirm",
        Rules = "password.rules",
        Show = "password.show",
        Error = "password.error",
        Submit = "password.submit",
    }
}

impl ChangePassword {
    fn submit(&mut self, cx: &mut Ctx) {
        let Some(index) = cx.world.account_index() else {
            return;
        };
        // The current password is the servers' to check: what was typed stays for a retry.
        if cx.world.offline() {
            self.error = Some(S::Offline);
            return;
        }
        let hash = &cx.device().cloud.accounts[index].password_hash;
        // The cursor goes to the field to fix.
        if !cloud::verify_password(hash, self.current.text()) {
            self.error = Some(S::WrongCurrentPassword);
            self.current = TextInput::default();
            cx.focus(Id::Current);
        } else if let Some(problem) = cloud::password_problem(self.new.text()) {
            self.error = Some(problem.into());
            cx.focus(Id::New);
        } else if self.new.text() == self.current.text() {
            self.error = Some(S::SamePassword);
            cx.focus(Id::New);
        } else if self.confirm.text() != self.new.text() {
            self.error = Some(S::PasswordsDontMatch);
            cx.focus(Id::Confirm);
        } else {
            let new = self.new.text().to_string();
            cloud::set_password(cx.world.device_mut(), index, &new, cx.env);
            cx.pop();
            cx.toast_t(S::PasswordChanged);
        }
    }
}

impl Screen for ChangePassword {
    type Id = Id;

    fn name(&self) -> Text {
        "change_password".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let mut elements = vec![password_field(
            Id::Current,
            tr.get(S::CurrentPassword),
            &self.current,
            self.show_password,
        )];
        elements.extend(new_password_fields(
            tr,
            NewPasswordIds {
                password: Id::New,
                rules: Id::Rules,
                confirm: Id::Confirm,
                show: Id::Show,
            },
            (S::NewPassword, S::ConfirmNewPassword),
            &self.new,
            &self.confirm,
            self.show_password,
        ));
        elements.extend(error_line(Id::Error, self.error.map(|e| tr.get(e))));
        elements.push(Element::button(Id::Submit, tr.get(S::ChangePassword)));
        Content::new(world.page_title(tr.get(S::ChangePassword)), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Show => self.show_password = !self.show_password,
            Id::Current => cx.focus(Id::New),
            Id::New => cx.focus(Id::Confirm),
            Id::Confirm | Id::Submit => self.submit(cx),
            Id::Rules | Id::Error => {}
        }
    }

    fn edited(&mut self) {
        self.error = None;
    }

    fn field(&mut self, id: Id) -> Option<&mut TextInput> {
        match id {
            Id::Current => Some(&mut self.current),
            Id::New => Some(&mut self.new),
            Id::Confirm => Some(&mut self.confirm),
            _ => None,
        }
    }

    fn web_path(&self) -> &'static str {
        "security/password"
    }
}
