//! "Forgot password?" (seeds 001, 003): the account → a code to its phone number or email → a
//! new password, typed twice; back on the sign-in form with the account filled in. Who lost
//! access to that number or address has the code sent to the account's other one, its recovery
//! email or phone number (seed 003 §9); an account with none is told to contact Xiaomi support.

use crate::screens::ctx::Ctx;
use crate::screens::flows::account::send_code;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{ForgotFrom, Resume};
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{
    CodeStep, NewPasswordIds, error_line, new_password_fields, text_field,
};
use crate::screens::world::World;
use crate::sim::cloud::{self, recovery_destination};
use crate::sim::device::CodePurpose;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ForgotPassword {
    pub login: TextInput,
    pub error: Option<S>,
    /// Set once the account is found and a code sent: its Mi Account ID and the code step.
    pub account: Option<(String, CodeStep)>,
    pub new_password: TextInput,
    pub confirm: TextInput,
    pub show_password: bool,
    pub from: ForgotFrom,
}

ids! {
    pub enum Id {
        About = "forgot.about",
        Login = "forgot.login",
        Error = "forgot.error",
        Next = "forgot.next",
        Sent = "code.sent",
        Code = "forgot.code",
        Resend = "forgot.resend",
        Recovery = "forgot.recovery",
        Support = "forgot.support",
        NewPassword = "forgot.new_password",
        Confirm = "forgot.confirm",
        Rules = "forgot.rules",
        ShowPassword = "forgot.show_password",
        Submit = "forgot.submit",
    }
}

impl ForgotPassword {
    /// The form with the login the person had typed already (or the phone knows).
    pub fn for_login(login: TextInput, from: ForgotFrom) -> ForgotPassword {
        ForgotPassword {
            login,
            from,
            ..ForgotPassword::default()
        }
    }

    fn find_account(&mut self, cx: &mut Ctx) {
        let login = self.login.text().trim().to_string();
        self.error = None;
        if login.is_empty() {
            self.error = Some(S::EnterAccountId);
            cx.focus(Id::Login);
            return;
        }
        // The account is looked up on the servers.
        if cx.world.offline() {
            self.error = Some(S::Offline);
            return;
        }
        let Some(index) = cloud::find_account(cx.device(), &login) else {
            self.error = Some(S::NoSuchAccount);
            cx.focus(Id::Login);
            return;
        };
        let account = &cx.device().cloud.accounts[index];
        let to = cloud::code_destination(account);
        let mi_account_id = account.mi_account_id.clone();
        match send_code(cx, &to, CodePurpose::ResetPassword) {
            Err(error) => self.error = Some(error),
            Ok(()) => {
                self.account = Some((mi_account_id, CodeStep::to(to)));
                cx.focus(Id::Code);
            }
        }
    }

    /// "Use recovery email" (or phone number): the code goes to the account's other address.
    fn use_recovery(&mut self, cx: &mut Ctx) {
        let Some((mi_account_id, step)) = &self.account else {
            return;
        };
        let Some(recovery) = cloud::index_of(cx.device(), mi_account_id)
            .and_then(|index| recovery_destination(&cx.device().cloud.accounts[index], &step.to))
        else {
            return;
        };
        let mi_account_id = mi_account_id.clone();
        match send_code(cx, &recovery, CodePurpose::ResetPassword) {
            Err(error) => self.error = Some(error),
            Ok(()) => {
                self.error = None;
                self.account = Some((mi_account_id, CodeStep::to(recovery)));
                cx.focus(Id::Code);
            }
        }
    }

    fn submit(&mut self, cx: &mut Ctx) {
        let Some((mi_account_id, step)) = &mut self.account else {
            return;
        };
        // The cursor goes to the field to fix.
        if let Some(problem) = cloud::password_problem(self.new_password.text()) {
            self.error = Some(problem.into());
            cx.focus(Id::NewPassword);
            return;
        }
        if self.confirm.text() != self.new_password.text() {
            self.error = Some(S::PasswordsDontMatch);
            cx.focus(Id::Confirm);
            return;
        }
        if let Err(error) = step.check(cx.world, CodePurpose::ResetPassword) {
            self.error = Some(error);
            cx.focus(Id::Code);
            return;
        }
        if let Some(index) = cloud::index_of(cx.device(), mi_account_id) {
            let password = self.new_password.text().to_string();
            cloud::set_password(cx.world.device_mut(), index, &password, cx.env);
        }
        cx.clear_notification();
        cx.pop();
        match self.from {
            ForgotFrom::SignIn => {
                // Back on the sign-in form, with the account filled in.
                cx.resume(Resume::PasswordReset {
                    login: self.login.clone(),
                });
                cx.toast_t(S::PasswordResetDone);
            }
            // Back where the password was asked for, to enter the new one there.
            ForgotFrom::PasswordPrompt => cx.toast_t(S::PasswordResetUseIt),
        }
    }
}

impl Screen for ForgotPassword {
    type Id = Id;

    fn name(&self) -> Text {
        "forgot_password".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let error = error_line(Id::Error, self.error.map(|e| tr.get(e)));
        let mut elements = Vec::new();
        match &self.account {
            None => {
                elements.push(Element::text(Id::About, tr.get(S::ForgotAbout)));
                elements.push(text_field(Id::Login, tr.get(S::LoginField), &self.login));
                elements.extend(error);
                elements.push(Element::button(Id::Next, tr.get(S::Next)));
            }
            Some((mi_account_id, step)) => {
                elements.extend(step.elements(
                    world,
                    CodePurpose::ResetPassword,
                    Id::Sent,
                    Id::Code,
                    Id::Resend,
                ));
                let recovery = cloud::index_of(world.device(), mi_account_id).and_then(|index| {
                    recovery_destination(&world.device().cloud.accounts[index], &step.to)
                });
                elements.push(match recovery {
                    Some(to) => Element::button(
                        Id::Recovery,
                        tr.get(if cloud::is_email(&to) {
                            S::UseRecoveryEmail
                        } else {
                            S::UseRecoveryPhone
                        }),
                    ),
                    None => Element::text(Id::Support, tr.get(S::NoRecoveryAddress)),
                });
                elements.extend(new_password_fields(
                    tr,
                    NewPasswordIds {
                        password: Id::NewPassword,
                        rules: Id::Rules,
                        confirm: Id::Confirm,
                        show: Id::ShowPassword,
                    },
                    (S::NewPassword, S::ConfirmNewPassword),
                    &self.new_password,
                    &self.confirm,
                    self.show_password,
                ));
                elements.extend(error);
                elements.push(Element::button(Id::Submit, tr.get(S::ResetPassword)));
            }
        }
        Content::new(world.page_title(tr.get(S::ResetPassword)), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::ShowPassword => self.show_password = !self.show_password,
            Id::Login | Id::Next => self.find_account(cx),
            Id::Resend => {
                if let Some((_, step)) = &self.account {
                    let to = step.to.clone();
                    self.error = send_code(cx, &to, CodePurpose::ResetPassword).err();
                    cx.focus(Id::Code);
                }
            }
            Id::Recovery => self.use_recovery(cx),
            Id::Code => cx.focus(Id::NewPassword),
            Id::NewPassword => cx.focus(Id::Confirm),
            Id::Confirm | Id::Submit => self.submit(cx),
            Id::About | Id::Error | Id::Sent | Id::Rules | Id::Support => {}
        }
    }

    fn edited(&mut self) {
        self.error = None;
    }

    fn web_path(&self) -> &'static str {
        "pass/forgetPassword"
    }

    fn field(&mut self, id: Id) -> Option<&mut TextInput> {
        match id {
            Id::Login => Some(&mut self.login),
            Id::Code => self.account.as_mut().map(|(_, step)| &mut step.code),
            Id::NewPassword => Some(&mut self.new_password),
            Id::Confirm => Some(&mut self.confirm),
            _ => None,
        }
    }
}
