//! The account forms: sign in (with two-step verification), create account, and forgot
//! password. Each form's typing lives in its `Screen` variant, so leaving the form forgets it;
//! only what the cloud keeps (accounts, codes, failed tries) goes into the device file.

use chrono::{DateTime, Utc};

use super::Content;
use super::dialogs::{password_field, text_field};
use super::names::Names;
use crate::sim::cloud::{self, AGREE_FIRST, ENTER_ACCOUNT_ID, ENTER_PASSWORD, OFFLINE};
use crate::sim::device::{CodePurpose, Connection};
use crate::sim::{Env, Screen, Sim, Surface, TextInput};
use crate::view::{Element, Role};

pub const SIGN_IN_TITLE: &str = "Sign in to your Mi Account";
pub const AGREEMENT: &str = "I've read and agreed to Mi Account User Agreement and Privacy Policy.";
pub const PASSWORD_RULES: &str = "At least 8 characters with letters, numbers and symbols";

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SignInForm {
    pub login: TextInput,
    pub password: TextInput,
    pub show_password: bool,
    pub agreed: bool,
    pub error: Option<String>,
}

/// The code step shared by two-step sign-in, account creation and password reset.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CodeStep {
    /// The phone number or email the code went to.
    pub to: String,
    pub code: TextInput,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoStepForm {
    pub mi_account_id: String,
    pub step: CodeStep,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    Phone,
    Email,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreateForm {
    pub by: ContactKind,
    pub contact: TextInput,
    pub name: TextInput,
    pub password: TextInput,
    pub show_password: bool,
    pub agreed: bool,
    pub error: Option<String>,
    /// Set once the code is sent: the form then asks for it.
    pub code: Option<CodeStep>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ForgotForm {
    pub login: TextInput,
    pub error: Option<String>,
    /// Set once the account is found and a code sent.
    pub account: Option<(String, CodeStep)>,
    pub new_password: TextInput,
    pub show_password: bool,
}

impl CreateForm {
    pub fn new(by: ContactKind) -> CreateForm {
        CreateForm {
            by,
            contact: TextInput::default(),
            name: TextInput::default(),
            password: TextInput::default(),
            show_password: false,
            agreed: false,
            error: None,
            code: None,
        }
    }
}

pub fn error_text(id: &'static str, error: &Option<String>) -> Option<Element> {
    error.as_ref().map(|e| Element::error(id, e.clone()))
}

pub fn checkbox(id: &'static str, label: &'static str, on: bool) -> Element {
    Element::new(id, Role::Checkbox, label).checked(on)
}

/// "Resend code", or "Send in 42" (disabled) while the countdown runs.
fn resend_button(id: &'static str, sim: &Sim, to: &str, purpose: CodePurpose) -> Element {
    match cloud::resend_at(sim.device(), to, purpose).filter(|at| *at > sim.now) {
        Some(at) => {
            Element::button(id, format!("Send in {}", seconds_until(sim.now, at))).enabled(false)
        }
        None => Element::button(id, "Resend code"),
    }
}

fn seconds_until(now: DateTime<Utc>, at: DateTime<Utc>) -> i64 {
    // Round up, so the countdown never shows 0 while it still waits.
    let millis = (at - now).num_milliseconds().max(0);
    (millis + 999) / 1000
}

fn code_elements(
    prefix: &'static str,
    sim: &Sim,
    step: &CodeStep,
    purpose: CodePurpose,
) -> Vec<Element> {
    let (code_id, resend_id) = match prefix {
        "twostep" => ("twostep.code", "twostep.resend"),
        "create" => ("create.code", "create.resend"),
        _ => ("forgot.code", "forgot.resend"),
    };
    vec![
        Element::text(
            "code.sent",
            format!("Code sent to {}", cloud::masked(&step.to)),
        ),
        text_field(code_id, "Enter verification code", &step.code),
        resend_button(resend_id, sim, &step.to, purpose),
    ]
}

pub fn sign_in(form: &SignInForm) -> Content {
    let mut elements = vec![
        text_field(
            "signin.login",
            "Email/Phone number/Mi Account ID",
            &form.login,
        ),
        password_field(
            "signin.password",
            "Password",
            &form.password,
            form.show_password,
        ),
        checkbox("signin.show_password", "Show password", form.show_password),
        checkbox("signin.agree", AGREEMENT, form.agreed),
    ];
    elements.extend(error_text("signin.error", &form.error));
    elements.push(Element::button("signin.submit", "Sign in"));
    elements.push(Element::button("signin.forgot", "Forgot password?"));
    elements.push(Element::button("signin.create", "Create account"));
    Content::new(SIGN_IN_TITLE, elements)
}

pub fn two_step(sim: &Sim, form: &TwoStepForm) -> Content {
    let mut elements = code_elements("twostep", sim, &form.step, CodePurpose::SignIn);
    elements.extend(error_text("twostep.error", &form.error));
    elements.push(Element::button("twostep.next", "Next"));
    Content::new("2-step verification", elements)
}

pub fn create_choice() -> Content {
    Content::new(
        "Create account",
        vec![
            Element::row("create.phone", "Using phone number"),
            Element::row("create.email", "Email address"),
        ],
    )
}

pub fn create_account(sim: &Sim, form: &CreateForm) -> Content {
    let contact_label = match form.by {
        ContactKind::Phone => "Phone number",
        ContactKind::Email => "Email",
    };
    let mut elements = Vec::new();
    match &form.code {
        None => {
            elements.push(text_field("create.contact", contact_label, &form.contact));
            elements.push(text_field("create.name", "Name", &form.name));
            elements.push(password_field(
                "create.password",
                "Password",
                &form.password,
                form.show_password,
            ));
            elements.push(Element::text("create.rules", PASSWORD_RULES));
            elements.push(checkbox(
                "create.show_password",
                "Show password",
                form.show_password,
            ));
            elements.push(checkbox("create.agree", AGREEMENT, form.agreed));
            elements.extend(error_text("create.error", &form.error));
            elements.push(Element::button("create.get_code", "Get code"));
        }
        Some(step) => {
            elements.extend(code_elements(
                "create",
                sim,
                step,
                CodePurpose::CreateAccount,
            ));
            elements.extend(error_text("create.error", &form.error));
            elements.push(Element::button("create.submit", "Create account"));
        }
    }
    Content::new("Create account", elements)
}

pub fn forgot_password(sim: &Sim, form: &ForgotForm) -> Content {
    let mut elements = Vec::new();
    match &form.account {
        None => {
            elements.push(Element::text(
                "forgot.about",
                "Enter your account and we'll send a verification code to its phone number or email.",
            ));
            elements.push(text_field(
                "forgot.login",
                "Email/Phone number/Mi Account ID",
                &form.login,
            ));
            elements.extend(error_text("forgot.error", &form.error));
            elements.push(Element::button("forgot.next", "Next"));
        }
        Some((_, step)) => {
            elements.extend(code_elements(
                "forgot",
                sim,
                step,
                CodePurpose::ResetPassword,
            ));
            elements.push(password_field(
                "forgot.new_password",
                "New password",
                &form.new_password,
                form.show_password,
            ));
            elements.push(Element::text("forgot.rules", PASSWORD_RULES));
            elements.push(checkbox(
                "forgot.show_password",
                "Show password",
                form.show_password,
            ));
            elements.extend(error_text("forgot.error", &form.error));
            elements.push(Element::button("forgot.submit", "Reset password"));
        }
    }
    Content::new("Reset password", elements)
}

/// The text input behind a form's field, for editing.
pub fn input_mut<'a>(screen: &'a mut Screen, id: &str) -> Option<&'a mut TextInput> {
    match (screen, id) {
        (Screen::SignIn(form), "signin.login") => Some(&mut form.login),
        (Screen::SignIn(form), "signin.password") => Some(&mut form.password),
        (Screen::TwoStep(form), "twostep.code") => Some(&mut form.step.code),
        (Screen::CreateAccount(form), "create.contact") => Some(&mut form.contact),
        (Screen::CreateAccount(form), "create.name") => Some(&mut form.name),
        (Screen::CreateAccount(form), "create.password") => Some(&mut form.password),
        (Screen::CreateAccount(form), "create.code") => form.code.as_mut().map(|s| &mut s.code),
        (Screen::ForgotPassword(form), "forgot.login") => Some(&mut form.login),
        (Screen::ForgotPassword(form), "forgot.code") => {
            form.account.as_mut().map(|(_, s)| &mut s.code)
        }
        (Screen::ForgotPassword(form), "forgot.new_password") => Some(&mut form.new_password),
        (Screen::ActivationLock(form), "lock.password") => Some(&mut form.password),
        (Screen::LostMode(form), "lost.password") => Some(&mut form.password),
        (Screen::ChangePassword(form), "password.current") => Some(&mut form.current),
        (Screen::ChangePassword(form), "password.new") => Some(&mut form.new),
        (screen, id) => super::web::input_mut(screen, id),
    }
}

fn online(sim: &Sim) -> bool {
    sim.device().network.connection() != Connection::Offline
}

/// Shows the simulated SMS or email carrying a code, as a notification on the phone.
fn deliver(sim: &mut Sim, to: &str, code: &str) {
    let channel = if cloud::is_email(to) {
        "Email"
    } else {
        "Messages"
    };
    let names = Names::for_skin(sim.device().phone.skin);
    sim.notify(format!(
        "{channel}: {code} is your {} verification code. It expires in {} minutes.",
        names.account,
        cloud::CODE_MINUTES
    ));
}

/// Sends a code and shows it arriving; the error text when it cannot be sent.
fn send(sim: &mut Sim, to: &str, purpose: CodePurpose, env: &mut Env) -> Result<(), String> {
    // The browser's computer is online whatever the phone is.
    if sim.surface == Surface::Phone && !online(sim) {
        return Err(OFFLINE.to_string());
    }
    let code = cloud::send_code(sim.device_mut(), to, purpose, env)?;
    deliver(sim, to, &code);
    Ok(())
}

/// Sends a two-step account's sign-in code (the phone's SMS or email notification) and returns
/// the "2-step verification" form that asks for it.
pub fn send_sign_in_code(
    sim: &mut Sim,
    index: usize,
    env: &mut Env,
) -> Result<TwoStepForm, String> {
    let account = &sim.device().cloud.accounts[index];
    let to = cloud::code_destination(account);
    let mi_account_id = account.mi_account_id.clone();
    send(sim, &to, CodePurpose::SignIn, env)?;
    Ok(TwoStepForm {
        mi_account_id,
        step: CodeStep {
            to,
            code: TextInput::default(),
        },
        error: None,
    })
}

/// Finishes a sign-in: the phone joins the account, and the person lands on the Mi Account page
/// they started from.
fn finish_sign_in(sim: &mut Sim, index: usize, env: &mut Env, toast: &str) {
    cloud::sign_in(sim.device_mut(), index, env.now());
    sim.clear_notification();
    match sim.stack.iter().position(|p| p.screen == Screen::MiAccount) {
        Some(landing) => sim.stack.truncate(landing + 1),
        None => sim.push(Screen::MiAccount),
    }
    sim.show_toast(toast);
}

pub fn activate(sim: &mut Sim, id: &str, env: &mut Env) {
    let mut screen = sim.screen().clone();
    match &mut screen {
        Screen::SignIn(form) => sign_in_action(sim, form, id, env),
        Screen::TwoStep(form) => two_step_action(sim, form, id, env),
        Screen::CreateChoice => match id {
            "create.phone" => sim.push(Screen::CreateAccount(Box::new(CreateForm::new(
                ContactKind::Phone,
            )))),
            "create.email" => sim.push(Screen::CreateAccount(Box::new(CreateForm::new(
                ContactKind::Email,
            )))),
            _ => {}
        },
        Screen::CreateAccount(form) => create_action(sim, form, id, env),
        Screen::ForgotPassword(form) => forgot_action(sim, form, id, env),
        _ => {}
    }
}

/// Writes the edited form back over the screen it came from, if that screen is still on top.
fn put_back(sim: &mut Sim, before: &Screen, after: Screen) {
    if sim.screen() == before {
        sim.replace_screen(after);
    }
}

fn sign_in_action(sim: &mut Sim, form: &mut Box<SignInForm>, id: &str, env: &mut Env) {
    let before = Screen::SignIn(form.clone());
    match id {
        "signin.login" => sim.set_focus("signin.password"),
        "signin.show_password" => form.show_password = !form.show_password,
        "signin.agree" => form.agreed = !form.agreed,
        "signin.forgot" => {
            let login = form.login.clone();
            sim.push(Screen::ForgotPassword(Box::new(ForgotForm {
                login,
                ..ForgotForm::default()
            })));
            return;
        }
        "signin.create" => {
            sim.push(Screen::CreateChoice);
            return;
        }
        "signin.password" | "signin.submit" => {
            form.error = None;
            let login = form.login.text().trim().to_string();
            let problem = if login.is_empty() {
                Some(ENTER_ACCOUNT_ID.to_string())
            } else if form.password.text().is_empty() {
                Some(ENTER_PASSWORD.to_string())
            } else if !form.agreed {
                Some(AGREE_FIRST.to_string())
            } else if !online(sim) {
                Some(OFFLINE.to_string())
            } else {
                None
            };
            if problem.is_some() {
                form.error = problem;
            } else {
                let now = env.now();
                match cloud::check_password(sim.device_mut(), &login, form.password.text(), now) {
                    Err(message) => {
                        form.error = Some(message.to_string());
                        form.password = TextInput::default();
                    }
                    Ok(index) => {
                        if sim.device().cloud.accounts[index].two_step {
                            match send_sign_in_code(sim, index, env) {
                                Err(message) => form.error = Some(message),
                                Ok(two_step) => {
                                    // The password has done its job: it is not kept around.
                                    form.password = TextInput::default();
                                    put_back(sim, &before, Screen::SignIn(form.clone()));
                                    sim.push(Screen::TwoStep(Box::new(two_step)));
                                    return;
                                }
                            }
                        } else {
                            finish_sign_in(sim, index, env, "Signed in");
                            return;
                        }
                    }
                }
            }
        }
        _ => return,
    }
    put_back(sim, &before, Screen::SignIn(form.clone()));
}

fn two_step_action(sim: &mut Sim, form: &mut Box<TwoStepForm>, id: &str, env: &mut Env) {
    let before = Screen::TwoStep(form.clone());
    match id {
        "twostep.resend" => {
            let to = form.step.to.clone();
            form.error = send(sim, &to, CodePurpose::SignIn, env).err();
        }
        "twostep.code" | "twostep.next" => {
            let to = form.step.to.clone();
            let now = env.now();
            match cloud::check_code(
                sim.device_mut(),
                &to,
                CodePurpose::SignIn,
                form.step.code.text(),
                now,
            ) {
                Err(message) => form.error = Some(message.to_string()),
                Ok(()) => {
                    let index = cloud::index_of(sim.device(), &form.mi_account_id);
                    match (index, sim.surface) {
                        (Some(index), Surface::Phone) => {
                            finish_sign_in(sim, index, env, "Signed in")
                        }
                        (Some(index), Surface::Browser) => super::web::signed_in(sim, index),
                        (None, _) => {}
                    }
                    return;
                }
            }
        }
        _ => return,
    }
    put_back(sim, &before, Screen::TwoStep(form.clone()));
}

fn create_action(sim: &mut Sim, form: &mut Box<CreateForm>, id: &str, env: &mut Env) {
    let before = Screen::CreateAccount(form.clone());
    match id {
        "create.contact" => sim.set_focus("create.name"),
        "create.name" => sim.set_focus("create.password"),
        "create.show_password" => form.show_password = !form.show_password,
        "create.agree" => form.agreed = !form.agreed,
        "create.password" | "create.get_code" => {
            let contact = form.contact.text().trim().to_string();
            let (valid, taken) = match form.by {
                ContactKind::Phone => (
                    cloud::is_phone(&contact),
                    "This phone number is already registered",
                ),
                ContactKind::Email => (
                    cloud::is_email(&contact),
                    "This email is already registered",
                ),
            };
            form.error = if !valid {
                Some(match form.by {
                    ContactKind::Phone => "Enter a valid phone number".to_string(),
                    ContactKind::Email => "Enter a valid email address".to_string(),
                })
            } else if match form.by {
                ContactKind::Phone => cloud::find_by_phone(sim.device(), &contact),
                ContactKind::Email => cloud::find_by_email(sim.device(), &contact),
            }
            .is_some()
            {
                Some(taken.to_string())
            } else if form.name.text().trim().is_empty() {
                Some("Enter your name".to_string())
            } else if let Some(problem) = cloud::password_problem(form.password.text()) {
                Some(problem.to_string())
            } else if !form.agreed {
                Some(AGREE_FIRST.to_string())
            } else {
                send(sim, &contact, CodePurpose::CreateAccount, env).err()
            };
            if form.error.is_none() {
                form.code = Some(CodeStep {
                    to: contact,
                    code: TextInput::default(),
                });
                put_back(sim, &before, Screen::CreateAccount(form.clone()));
                sim.set_focus("create.code");
                return;
            }
        }
        "create.resend" => {
            if let Some(step) = &form.code {
                let to = step.to.clone();
                form.error = send(sim, &to, CodePurpose::CreateAccount, env).err();
            }
        }
        "create.code" | "create.submit" => {
            let Some(step) = form.code.clone() else {
                return;
            };
            let now = env.now();
            match cloud::check_code(
                sim.device_mut(),
                &step.to,
                CodePurpose::CreateAccount,
                step.code.text(),
                now,
            ) {
                Err(message) => form.error = Some(message.to_string()),
                Ok(()) => {
                    let (email, phone) = match form.by {
                        ContactKind::Phone => ("", step.to.as_str()),
                        ContactKind::Email => (step.to.as_str(), ""),
                    };
                    let index = cloud::create_account(
                        sim.device_mut(),
                        form.name.text(),
                        email,
                        phone,
                        form.password.text(),
                        env,
                    );
                    let names = Names::for_skin(sim.device().phone.skin);
                    finish_sign_in(sim, index, env, &format!("{} created", names.account));
                    return;
                }
            }
        }
        _ => return,
    }
    put_back(sim, &before, Screen::CreateAccount(form.clone()));
}

fn forgot_action(sim: &mut Sim, form: &mut Box<ForgotForm>, id: &str, env: &mut Env) {
    let before = Screen::ForgotPassword(form.clone());
    match id {
        "forgot.show_password" => form.show_password = !form.show_password,
        "forgot.login" | "forgot.next" => {
            let login = form.login.text().trim().to_string();
            form.error = None;
            if login.is_empty() {
                form.error = Some(ENTER_ACCOUNT_ID.to_string());
            } else if let Some(index) = cloud::find_account(sim.device(), &login) {
                let account = &sim.device().cloud.accounts[index];
                let to = cloud::code_destination(account);
                let mi_account_id = account.mi_account_id.clone();
                match send(sim, &to, CodePurpose::ResetPassword, env) {
                    Err(message) => form.error = Some(message),
                    Ok(()) => {
                        form.account = Some((
                            mi_account_id,
                            CodeStep {
                                to,
                                code: TextInput::default(),
                            },
                        ));
                        put_back(sim, &before, Screen::ForgotPassword(form.clone()));
                        sim.set_focus("forgot.code");
                        return;
                    }
                }
            } else {
                form.error = Some("No account uses this ID, email or phone number".to_string());
            }
        }
        "forgot.resend" => {
            if let Some((_, step)) = &form.account {
                let to = step.to.clone();
                form.error = send(sim, &to, CodePurpose::ResetPassword, env).err();
            }
        }
        "forgot.code" => sim.set_focus("forgot.new_password"),
        "forgot.new_password" | "forgot.submit" => {
            let Some((mi_account_id, step)) = form.account.clone() else {
                return;
            };
            if let Some(problem) = cloud::password_problem(form.new_password.text()) {
                form.error = Some(problem.to_string());
            } else {
                let now = env.now();
                match cloud::check_code(
                    sim.device_mut(),
                    &step.to,
                    CodePurpose::ResetPassword,
                    step.code.text(),
                    now,
                ) {
                    Err(message) => form.error = Some(message.to_string()),
                    Ok(()) => {
                        let index = cloud::index_of(sim.device(), &mi_account_id);
                        if let Some(index) = index {
                            let password = form.new_password.text().to_string();
                            cloud::set_password(sim.device_mut(), index, &password, env);
                        }
                        sim.clear_notification();
                        sim.stack.pop();
                        // Back on the sign-in form, with the account filled in and the cursor in
                        // the password field, ready for the new password.
                        if let Screen::SignIn(sign_in) = sim.screen().clone() {
                            let mut sign_in = sign_in;
                            sign_in.login = form.login.clone();
                            sign_in.password = TextInput::default();
                            sign_in.error = None;
                            sim.replace_screen(Screen::SignIn(sign_in));
                            sim.set_focus("signin.password");
                        }
                        sim.show_toast("Password changed. Sign in with your new password.");
                        return;
                    }
                }
            }
        }
        _ => return,
    }
    put_back(sim, &before, Screen::ForgotPassword(form.clone()));
}
