//! Sign in on the browser (i.mi.com and account.xiaomi.com share it): a two-step account gets
//! its code on the phone, as on the phone's own sign-in.

use crate::screens::ctx::Ctx;
use crate::screens::flows::account::send_sign_in_code;
use crate::screens::flows::web;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{ForgotFrom, Resume, Target};
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{error_line, password_field, text_field};
use crate::screens::world::{WebSite, World};
use crate::sim::cloud;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebSignIn {
    pub login: TextInput,
    pub password: TextInput,
    pub error: Option<S>,
}

ids! {
    pub enum Id {
        About = "web.about",
        Login = "web.login",
        Password = "web.password",
        Error = "web.error",
        SignIn = "web.sign_in",
        Forgot = "web.forgot",
    }
}

impl WebSignIn {
    fn submit(&mut self, cx: &mut Ctx) {
        let login = self.login.text().trim().to_string();
        let result = if login.is_empty() {
            Err(S::EnterAccountId)
        } else if self.password.text().is_empty() {
            Err(S::EnterPassword)
        } else {
            let now = cx.now();
            let checked = cloud::check_password(cx.device_mut(), &login, self.password.text(), now)
                .map_err(S::from);
            if checked.is_ok() {
                cx.signing_in_with(&login);
            }
            checked
        };
        self.password = TextInput::default();
        // The cursor goes to the field to fix.
        if result.is_err() {
            cx.focus(if login.is_empty() {
                Id::Login
            } else {
                Id::Password
            });
        }
        match result {
            Ok(index) if cx.device().cloud.accounts[index].two_step => {
                match send_sign_in_code(cx, index) {
                    Ok(two_step) => cx.push(two_step),
                    Err(error) => self.error = Some(error),
                }
            }
            Ok(index) => web::signed_in(cx, index),
            Err(error) => self.error = Some(error),
        }
    }
}

impl Screen for WebSignIn {
    type Id = Id;

    fn name(&self) -> Text {
        "web.sign_in".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let (title, about) = match world.web.site {
            WebSite::MiCloud => (S::WebCloudSignInTitle, S::WebCloudSignInAbout),
            WebSite::Account => (S::WebAccountSignInTitle, S::WebAccountSignInAbout),
        };
        let mut elements = vec![
            Element::text(Id::About, tr.get(about)),
            text_field(Id::Login, tr.get(S::LoginField), &self.login),
            password_field(Id::Password, tr.get(S::Password), &self.password, false),
        ];
        elements.extend(error_line(Id::Error, self.error.map(|e| tr.get(e))));
        elements.push(Element::button(Id::SignIn, tr.get(S::SignIn)));
        // Seed 001: "click “forgot password ?” … the site will send a code to your mobile phone
        // number": the same flow as the phone's, its code arriving on the phone.
        elements.push(Element::button(Id::Forgot, tr.get(S::ForgotPassword)));
        Content::new(tr.get(title), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Login => cx.focus(Id::Password),
            Id::Password | Id::SignIn => self.submit(cx),
            Id::Forgot => cx.push(Target::ForgotPassword {
                login: self.login.clone(),
                from: ForgotFrom::SignIn,
            }),
            Id::About | Id::Error => {}
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
            // Back from "Forgot password?": the account filled in, ready for the new password.
            Resume::PasswordReset { login } => {
                self.login = login.clone();
                self.password = TextInput::default();
                self.error = None;
                Some(Id::Password.into())
            }
        }
    }

    fn web_path(&self) -> &'static str {
        "pass/serviceLogin"
    }
}
