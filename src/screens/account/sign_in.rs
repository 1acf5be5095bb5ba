//! "Sign in to your Mi Account" (seed 003 §4): the account (Mi Account ID, email or phone
//! number), the password, the agreement, and the way to a forgotten password or a new account.

use crate::screens::ctx::Ctx;
use crate::screens::flows::account::{finish_sign_in, send_sign_in_code};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{ForgotFrom, Resume, Target};
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{checkbox, error_line, password_field, text_field};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignIn {
    pub login: TextInput,
    pub password: TextInput,
    pub show_password: bool,
    pub agreed: bool,
    pub error: Option<S>,
}

ids! {
    pub enum Id {
        Login = "signin.login",
        Password = "signin.password",
        ShowPassword = "signin.show_password",
        Agree = "signin.agree",
        Error = "signin.error",
        Submit = "signin.submit",
        Forgot = "signin.forgot",
        Create = "signin.create",
    }
}

impl Screen for SignIn {
    type Id = Id;

    fn name(&self) -> Text {
        "sign_in".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let mut elements = vec![
            text_field(Id::Login, tr.get(S::LoginField), &self.login),
            password_field(
                Id::Password,
                tr.get(S::Password),
                &self.password,
                self.show_password,
            ),
            checkbox(
                Id::ShowPassword,
                tr.get(S::ShowPassword),
                self.show_password,
            ),
            checkbox(Id::Agree, tr.get(S::Agreement), self.agreed),
        ];
        elements.extend(error_line(Id::Error, self.error.map(|e| tr.get(e))));
        elements.push(Element::button(Id::Submit, tr.get(S::SignIn)));
        elements.push(Element::button(Id::Forgot, tr.get(S::ForgotPassword)));
        elements.push(Element::button(Id::Create, tr.get(S::CreateAccountButton)));
        Content::new(tr.get(S::SignInTitle), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Login => cx.focus(Id::Password),
            Id::ShowPassword => self.show_password = !self.show_password,
            Id::Agree => {
                self.agreed = !self.agreed;
                self.edited();
            }
            Id::Forgot => cx.push(Target::ForgotPassword {
                login: self.login.clone(),
                from: ForgotFrom::SignIn,
            }),
            Id::Create => cx.push(Target::CreateChoice),
            Id::Password | Id::Submit => self.submit(cx),
            Id::Error => {}
        }
    }

    fn edited(&mut self) {
        self.error = None;
    }

    fn field(&mut self, id: Id) -> Option<&mut TextInput> {
        match id {
            Id::Login => Some(&mut self.login),
            Id::Password => Some(&mut self.password),
            _ => None,
        }
    }

    fn resume(&mut self, message: &Resume) -> Option<Text> {
        match message {
            // Back from "Forgot password?": the account filled in and the cursor in the password
            // field, ready for the new password.
            Resume::PasswordReset { login } => {
                self.login = login.clone();
                self.password = TextInput::default();
                self.error = None;
                Some(Id::Password.into())
            }
        }
    }
}

impl SignIn {
    fn submit(&mut self, cx: &mut Ctx) {
        self.error = None;
        let login = self.login.text().trim().to_string();
        // The cursor goes to the field to fix.
        let problem = if login.is_empty() {
            Some((S::EnterAccountId, Some(Id::Login)))
        } else if self.password.text().is_empty() {
            Some((S::EnterPassword, Some(Id::Password)))
        } else if !self.agreed {
            Some((S::AgreeFirst, Some(Id::Agree)))
        } else if !cx.world.online() {
            Some((S::Offline, None))
        } else {
            None
        };
        if let Some((error, fix_in)) = problem {
            self.error = Some(error);
            if let Some(fix_in) = fix_in {
                cx.focus(fix_in);
            }
            return;
        }
        let now = cx.now();
        let result = cloud::check_password(cx.device_mut(), &login, self.password.text(), now);
        if result.is_ok() {
            cx.signing_in_with(&login);
        }
        match result {
            Err(error) => {
                self.error = Some(error.into());
                self.password = TextInput::default();
                cx.focus(Id::Password);
            }
            Ok(index) if cx.device().cloud.accounts[index].two_step => {
                match send_sign_in_code(cx, index) {
                    Err(error) => self.error = Some(error),
                    Ok(two_step) => {
                        // The password has done its job: it is not kept around.
                        self.password = TextInput::default();
                        cx.push(two_step);
                    }
                }
            }
            Ok(index) => {
                let toast = cx.t(S::SignedIn).to_string();
                finish_sign_in(cx, index, toast);
            }
        }
    }
}
