//! Forms that several screens share: the sign-in form of the phone and the browser (the account
//! and the password), and the password that unlocks a locked phone (the activation lock, lost
//! mode); with the [`Screen`](super::screen::Screen) methods a page with such a form has.

use super::ctx::Ctx;
use super::target::{Destination, ForgotFrom, Resume};
use super::text_input::TextInput;
use super::widgets::{error_line, password_field, text_field};
use crate::strings::{S, Tr};
use crate::view::{Element, Text};

/// The ids of a sign-in form's account field and password field.
#[derive(Clone, Copy)]
pub struct LoginIds<I> {
    pub login: I,
    pub password: I,
}

impl<I> LoginIds<I> {
    pub const fn new(login: I, password: I) -> LoginIds<I> {
        LoginIds { login, password }
    }
}

/// The account and password that the phone's sign-in form and the browser's both ask for, and
/// the form's error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    pub login: TextInput,
    pub password: TextInput,
    pub error: Option<S>,
}

impl Credentials {
    /// The account field, then the password field (as typed when `revealed`).
    pub fn fields<I: Into<Text>>(&self, tr: Tr, ids: LoginIds<I>, revealed: bool) -> [Element; 2] {
        [
            text_field(ids.login, tr.get(S::LoginField), &self.login),
            password_field(ids.password, tr.get(S::Password), &self.password, revealed),
        ]
    }

    /// The text behind the field `id`, if it is one of the two.
    pub fn field<I: Eq>(&mut self, id: I, ids: LoginIds<I>) -> Option<&mut TextInput> {
        if id == ids.login {
            Some(&mut self.login)
        } else if id == ids.password {
            Some(&mut self.password)
        } else {
            None
        }
    }

    /// What is missing, with the field to fix it in: the account first, then the password.
    pub fn missing<I>(&self, ids: LoginIds<I>) -> Option<(S, I)> {
        if self.login().is_empty() {
            Some((S::EnterAccountId, ids.login))
        } else if self.password.text().is_empty() {
            Some((S::EnterPassword, ids.password))
        } else {
            None
        }
    }

    /// The account as typed, without the spaces around it.
    pub fn login(&self) -> &str {
        self.login.text().trim()
    }

    /// "Forgot password?", for the account typed so far; the form is filled in again when it
    /// comes back (see [`Credentials::resume`]).
    pub fn forgot_password(&self) -> Destination {
        Destination::ForgotPassword {
            login: self.login.clone(),
            from: ForgotFrom::SignIn,
        }
    }

    /// The screen above handed `message` back; returns the field to focus.
    pub fn resume<I: Into<Text>>(&mut self, message: &Resume, ids: LoginIds<I>) -> Option<Text> {
        match message {
            // Back from "Forgot password?": the account filled in and the cursor in the
            // password field, empty and ready for the new password.
            Resume::PasswordReset { login } => {
                self.login = login.clone();
                self.password = TextInput::default();
                self.error = None;
                Some(ids.password.into())
            }
        }
    }
}

/// The password of a locked phone (the activation lock, lost mode), and the form's error.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnlockForm {
    pub password: TextInput,
    pub error: Option<S>,
}

/// The ids of an [`UnlockForm`]'s password field and error line.
#[derive(Clone, Copy)]
pub struct UnlockIds<I> {
    pub password: I,
    pub error: I,
}

impl<I> UnlockIds<I> {
    pub const fn new(password: I, error: I) -> UnlockIds<I> {
        UnlockIds { password, error }
    }
}

impl UnlockForm {
    /// The password field (labelled `label`, never shown as typed), then the error, if any.
    pub fn elements<I: Into<Text>>(&self, tr: Tr, ids: UnlockIds<I>, label: S) -> Vec<Element> {
        let mut elements = vec![password_field(
            ids.password,
            tr.get(label),
            &self.password,
            false,
        )];
        elements.extend(error_line(ids.error, self.error.map(|e| tr.get(e))));
        elements
    }

    /// The text behind the field `id`, if it is the password.
    pub fn field<I: Eq>(&mut self, id: I, ids: UnlockIds<I>) -> Option<&mut TextInput> {
        (id == ids.password).then_some(&mut self.password)
    }

    /// The password did not unlock the phone: it is cleared, `error` says why, and the cursor
    /// goes back to the field for another try.
    pub fn refused<I: Into<Text>>(&mut self, cx: &mut Ctx, error: S, ids: UnlockIds<I>) {
        self.password = TextInput::default();
        self.error = Some(error);
        cx.focus(ids.password);
    }
}

/// The [`Screen`](super::screen::Screen) methods of a page whose `form` is one of these forms,
/// with the ids `$ids`: an edit clears the form's error, and typing goes to its fields. (A macro
/// because trait methods cannot be shared between implementations any other way.)
macro_rules! form_screen_methods {
    ($ids:expr) => {
        fn edited(&mut self) {
            self.form.error = None;
        }

        fn field(&mut self, id: Self::Id) -> Option<&mut $crate::screens::text_input::TextInput> {
            self.form.field(id, $ids)
        }
    };
}

pub(crate) use form_screen_methods;
