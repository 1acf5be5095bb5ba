//! Sign in on the browser (i.mi.com and account.xiaomi.com share it): a two-step account gets
//! its code on the phone, as on the phone's own sign-in.

use crate::screens::ctx::Ctx;
use crate::screens::flows::account::{check_sign_in, password_right};
use crate::screens::forms::{Credentials, LoginIds, form_screen_methods};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::Resume;
use crate::screens::text_input::TextInput;
use crate::screens::widgets::error_line;
use crate::screens::world::{WebSite, World};
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebSignIn {
    pub form: Credentials,
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

/// The form's account and password fields.
const LOGIN: LoginIds<Id> = LoginIds::new(Id::Login, Id::Password);

impl WebSignIn {
    fn submit(&mut self, cx: &mut Ctx) {
        let checked = match self.form.missing(LOGIN) {
            Some(missing) => Err(missing),
            None => check_sign_in(cx, &self.form).map_err(|error| (error, Id::Password)),
        };
        // The page comes back with the password field empty, whatever the answer.
        self.form.password = TextInput::default();
        match checked {
            Ok(index) => {
                if let Err(error) = password_right(cx, index) {
                    self.form.error = Some(error);
                }
            }
            Err((error, fix_in)) => {
                self.form.error = Some(error);
                // The cursor goes to the field to fix.
                cx.focus(fix_in);
            }
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
        let mut elements = vec![Element::text(Id::About, tr.get(about))];
        elements.extend(self.form.fields(tr, LOGIN, false));
        elements.extend(error_line(Id::Error, self.form.error.map(|e| tr.get(e))));
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
            Id::Forgot => cx.push(self.form.forgot_password()),
            Id::About | Id::Error => {}
        }
    }

    form_screen_methods!(LOGIN);

    fn resume(&mut self, message: &Resume) -> Option<Text> {
        self.form.resume(message, LOGIN)
    }

    fn web_path(&self) -> &'static str {
        "pass/serviceLogin"
    }
}
