//! "Sign in to your Mi Account" (seed 003 §4): the account (Mi Account ID, email or phone
//! number), the password, the agreement, and the way to a forgotten password or a new account.

use crate::screens::ctx::Ctx;
use crate::screens::flows::account::{PasswordAccepted, check_sign_in, password_right};
use crate::screens::forms::{Credentials, LoginIds, form_screen_methods};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{Destination, Resume};
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{checkbox, error_line};
use crate::screens::world::World;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignIn {
    pub form: Credentials,
    pub show_password: bool,
    pub agreed: bool,
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

/// The form's account and password fields.
const LOGIN: LoginIds<Id> = LoginIds::new(Id::Login, Id::Password);

impl Screen for SignIn {
    type Id = Id;

    fn name(&self) -> Text {
        "sign_in".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let mut elements = Vec::from(self.form.fields(tr, LOGIN, self.show_password));
        elements.push(checkbox(
            Id::ShowPassword,
            tr.get(S::ShowPassword),
            self.show_password,
        ));
        elements.push(checkbox(Id::Agree, tr.get(S::Agreement), self.agreed));
        elements.extend(error_line(Id::Error, self.form.error.map(|e| tr.get(e))));
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
            Id::Forgot => cx.push(self.form.forgot_password()),
            Id::Create => cx.push(Destination::CreateChoice),
            Id::Password | Id::Submit => self.submit(cx),
            Id::Error => {}
        }
    }

    form_screen_methods!(LOGIN);

    fn resume(&mut self, message: &Resume) -> Option<Text> {
        self.form.resume(message, LOGIN)
    }
}

impl SignIn {
    fn submit(&mut self, cx: &mut Ctx) {
        self.form.error = None;
        // The cursor goes to the field to fix.
        let problem = match self.form.missing(LOGIN) {
            Some((error, fix_in)) => Some((error, Some(fix_in))),
            None if !self.agreed => Some((S::AgreeFirst, Some(Id::Agree))),
            None if cx.world.offline() => Some((S::Offline, None)),
            None => None,
        };
        if let Some((error, fix_in)) = problem {
            self.form.error = Some(error);
            if let Some(fix_in) = fix_in {
                cx.focus(fix_in);
            }
            return;
        }
        match check_sign_in(cx, &self.form) {
            Err(error) => {
                self.form.error = Some(error);
                self.form.password = TextInput::default();
                cx.focus(Id::Password);
            }
            Ok(index) => match password_right(cx, index) {
                Err(error) => self.form.error = Some(error),
                // The password has done its job: it is not kept around.
                Ok(PasswordAccepted::CodeAsked) => self.form.password = TextInput::default(),
                Ok(PasswordAccepted::SignedIn) => {}
            },
        }
    }
}
