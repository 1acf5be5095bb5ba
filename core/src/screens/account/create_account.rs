//! Create account (seed 003 §3): phone number or email, name and a password under the rules
//! (typed twice) → a code to that number or address → the new account, signed in.

use crate::screens::ctx::Ctx;
use crate::screens::flows::account::{finish_sign_in, send_code};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::ContactKind;
use crate::screens::text_input::TextInput;
use crate::screens::widgets::{
    CodeStep, NewPasswordIds, checkbox, error_line, new_password_fields, text_field,
};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::sim::device::CodePurpose;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateAccount {
    pub by: ContactKind,
    pub contact: TextInput,
    pub name: TextInput,
    pub password: TextInput,
    pub confirm: TextInput,
    pub show_password: bool,
    pub agreed: bool,
    pub error: Option<S>,
    /// Set once the code is sent: the form then asks for it.
    pub code: Option<CodeStep>,
}

ids! {
    pub enum Id {
        Contact = "create.contact",
        Name = "create.name",
        Password = "create.password",
        Confirm = "create.confirm",
        Rules = "create.rules",
        ShowPassword = "create.show_password",
        Agree = "create.agree",
        Error = "create.error",
        GetCode = "create.get_code",
        Sent = "code.sent",
        Code = "create.code",
        Resend = "create.resend",
        Submit = "create.submit",
    }
}

impl CreateAccount {
    pub fn new(by: ContactKind) -> CreateAccount {
        CreateAccount {
            by,
            contact: TextInput::default(),
            name: TextInput::default(),
            password: TextInput::default(),
            confirm: TextInput::default(),
            show_password: false,
            agreed: false,
            error: None,
            code: None,
        }
    }

    /// The first thing wrong with the details, if anything, and the element to fix it in.
    fn problem(&self, cx: &Ctx) -> Option<(S, Id)> {
        let contact = self.contact.text().trim();
        let (valid, invalid, registered, taken) = match self.by {
            ContactKind::Phone => (
                cloud::is_phone(contact),
                S::EnterValidPhone,
                // Offline the servers are not asked: sending the code says so.
                !cx.world.offline() && cloud::find_by_phone(cx.device(), contact).is_some(),
                S::PhoneRegistered,
            ),
            ContactKind::Email => (
                cloud::is_email(contact),
                S::EnterValidEmail,
                !cx.world.offline() && cloud::find_by_email(cx.device(), contact).is_some(),
                S::EmailRegistered,
            ),
        };
        if !valid {
            Some((invalid, Id::Contact))
        } else if registered {
            Some((taken, Id::Contact))
        } else if self.name.text().trim().is_empty() {
            Some((S::EnterYourName, Id::Name))
        } else if let Some(problem) = cloud::password_problem(self.password.text()) {
            Some((problem.into(), Id::Password))
        } else if self.confirm.text() != self.password.text() {
            Some((S::PasswordsDontMatch, Id::Confirm))
        } else if !self.agreed {
            Some((S::AgreeFirst, Id::Agree))
        } else {
            None
        }
    }

    fn get_code(&mut self, cx: &mut Ctx) {
        let contact = match self.by {
            // Kept with its country code where the phone's region gives one.
            ContactKind::Phone => cloud::with_country_code(cx.device(), self.contact.text()),
            ContactKind::Email => self.contact.text().trim().to_string(),
        };
        if let Some((problem, fix_in)) = self.problem(cx) {
            self.error = Some(problem);
            // The cursor goes to the field to fix.
            cx.focus(fix_in);
            return;
        }
        self.error = send_code(cx, &contact, CodePurpose::CreateAccount).err();
        if self.error.is_none() {
            self.code = Some(CodeStep::to(contact));
            cx.focus(Id::Code);
        }
    }

    fn submit(&mut self, cx: &mut Ctx) {
        let Some(step) = &mut self.code else {
            return;
        };
        if let Err(error) = step.check(cx.world, CodePurpose::CreateAccount) {
            self.error = Some(error);
            cx.focus(Id::Code);
            return;
        }
        let (email, phone) = match self.by {
            ContactKind::Phone => ("", step.to.as_str()),
            ContactKind::Email => (step.to.as_str(), ""),
        };
        // A new account is named by no sign-in form: an earlier form's way does not carry over.
        cx.world.login_with = None;
        let index = cloud::create_account(
            cx.world.device_mut(),
            self.name.text(),
            email,
            phone,
            self.password.text(),
            cx.env,
        );
        let toast = cx.t(S::AccountCreated).to_string();
        finish_sign_in(cx, index, toast);
    }
}

impl Screen for CreateAccount {
    type Id = Id;

    fn name(&self) -> Text {
        "create_account".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let contact_label = tr.get(match self.by {
            ContactKind::Phone => S::PhoneNumber,
            ContactKind::Email => S::Email,
        });
        let error = error_line(Id::Error, self.error.map(|e| tr.get(e)));
        let mut elements = Vec::new();
        match &self.code {
            None => {
                elements.push(text_field(Id::Contact, contact_label, &self.contact));
                elements.push(text_field(Id::Name, tr.get(S::Name), &self.name));
                elements.extend(new_password_fields(
                    tr,
                    NewPasswordIds {
                        password: Id::Password,
                        rules: Id::Rules,
                        confirm: Id::Confirm,
                        show: Id::ShowPassword,
                    },
                    (S::Password, S::ConfirmPassword),
                    &self.password,
                    &self.confirm,
                    self.show_password,
                ));
                elements.push(checkbox(Id::Agree, tr.get(S::Agreement), self.agreed));
                elements.extend(error);
                elements.push(Element::button(Id::GetCode, tr.get(S::GetCode)));
            }
            Some(step) => {
                elements.extend(step.elements(
                    world,
                    CodePurpose::CreateAccount,
                    Id::Sent,
                    Id::Code,
                    Id::Resend,
                ));
                elements.extend(error);
                elements.push(Element::button(Id::Submit, tr.get(S::CreateAccountButton)));
            }
        }
        Content::new(tr.get(S::CreateAccount), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Contact => cx.focus(Id::Name),
            Id::Name => cx.focus(Id::Password),
            Id::ShowPassword => self.show_password = !self.show_password,
            Id::Agree => {
                self.agreed = !self.agreed;
                self.edited();
            }
            Id::Password => cx.focus(Id::Confirm),
            Id::Confirm | Id::GetCode => self.get_code(cx),
            Id::Resend => {
                if let Some(step) = &self.code {
                    let to = step.to.clone();
                    self.error = send_code(cx, &to, CodePurpose::CreateAccount).err();
                    cx.focus(Id::Code);
                }
            }
            Id::Code | Id::Submit => self.submit(cx),
            Id::Rules | Id::Error | Id::Sent => {}
        }
    }

    fn edited(&mut self) {
        self.error = None;
    }

    fn field(&mut self, id: Id) -> Option<&mut TextInput> {
        match id {
            Id::Contact => Some(&mut self.contact),
            Id::Name => Some(&mut self.name),
            Id::Password => Some(&mut self.password),
            Id::Confirm => Some(&mut self.confirm),
            Id::Code => self.code.as_mut().map(|step| &mut step.code),
            _ => None,
        }
    }
}
