//! The account forms' details: phone numbers typed as people type them (sign-in, forgot password,
//! create account, on the phone and the website), verification code fields (cleared after a
//! wrong code, six digits at most), and a forgotten password's code to the recovery address.

use crate::common::*;
use mi_settings::engine::Engine;
use mi_settings::screens::Action;
use mi_settings::sim::device::{CodePurpose, Preset};
use mi_settings::strings::S;

fn china_phone() -> Engine {
    phone_with(Preset::China.device())
}

fn value_of(engine: &Engine, id: &str) -> Option<String> {
    engine
        .view()
        .find(id)
        .and_then(|e| e.value.as_deref().map(str::to_string))
}

fn text(engine: &Engine, id: S) -> &'static str {
    engine.tr().get(id)
}

/// The newest code sent for `purpose`.
fn newest_code(engine: &Engine, purpose: CodePurpose) -> (String, String) {
    let code = engine
        .device()
        .cloud
        .codes
        .iter()
        .rev()
        .find(|c| c.purpose == purpose)
        .expect("a code was sent");
    (code.to.clone(), code.code.clone())
}

/// Settings → Mi Account → Sign in, `login` and the password typed, agreed, submitted.
fn sign_in_on_the_phone(engine: &mut Engine, login: &str, password: &str) {
    tap(engine, "settings.account");
    tap(engine, "account.sign_in");
    type_into(engine, "signin.login", login);
    type_into(engine, "signin.password", password);
    tap(engine, "signin.agree");
    tap(engine, "signin.submit");
}

/// Forgot password for `login` on the phone: the code step is open.
fn forgot_on_the_phone(engine: &mut Engine, login: &str) {
    tap(engine, "settings.account");
    tap(engine, "account.sign_in");
    tap(engine, "signin.forgot");
    type_into(engine, "forgot.login", login);
    tap(engine, "forgot.next");
}

/// Forgot password for `login` on account.xiaomi.com: the code step is open.
fn forgot_on_the_website(engine: &mut Engine, login: &str) {
    engine.apply(Action::SwitchSurface);
    tap(engine, "web.tab.account");
    tap(engine, "web.forgot");
    type_into(engine, "forgot.login", login);
    tap(engine, "forgot.next");
}

#[test]
fn a_china_rom_phone_takes_the_eleven_digit_mobile_number() {
    for login in [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+8613800138000",
    ] {
        let mut engine = china_phone();
        sign_in_on_the_phone(&mut engine, login, LEI_PASSWORD);
        assert!(
            engine.device().account.is_some(),
            "{login}: {:?}",
            engine.view().find("signin.error")
        );
    }
}

#[test]
fn a_different_or_partial_number_is_not_taken_for_the_account() {
    for login in [
        "13800138001",
        "3800138000",
        "+1 13800138000",
        "0013800138000",
    ] {
        let mut engine = china_phone();
        sign_in_on_the_phone(&mut engine, login, LEI_PASSWORD);
        assert!(engine.device().account.is_none(), "{login}");
    }
}

#[test]
fn a_global_phone_and_the_website_take_a_number_without_its_country_code() {
    // Anna Schmidt's German number, as typed in Germany (trunk 0); two-step asks for the code.
    let mut engine = phone();
    sign_in_on_the_phone(&mut engine, "0151 2345 6789", "Anna#2026!");
    assert_eq!(engine.view().screen, "two_step");

    let mut engine = phone();
    engine.apply(Action::SwitchSurface);
    tap(&mut engine, "web.tab.account");
    type_into(&mut engine, "web.login", "138 0013 8000");
    type_into(&mut engine, "web.password", LEI_PASSWORD);
    tap(&mut engine, "web.sign_in");
    assert_eq!(engine.view().screen, "web.account");
}

#[test]
fn forgot_password_finds_the_account_by_its_national_number() {
    let mut engine = china_phone();
    forgot_on_the_phone(&mut engine, "13800138000");
    assert!(engine.view().find("forgot.code").is_some());
    assert_eq!(
        newest_code(&engine, CodePurpose::ResetPassword).0,
        "+86 138 0013 8000"
    );

    // On the website too.
    let mut engine = phone();
    forgot_on_the_website(&mut engine, "138-0013-8000");
    assert!(engine.view().find("forgot.code").is_some());
}

fn create_by_phone(engine: &mut Engine, number: &str) {
    tap(engine, "settings.account");
    tap(engine, "account.create");
    tap(engine, "create.phone");
    type_into(engine, "create.contact", number);
    type_into(engine, "create.name", "Xiao Ming");
    type_into(engine, "create.password", "Safer#2027");
    type_into(engine, "create.confirm", "Safer#2027");
    tap(engine, "create.agree");
    tap(engine, "create.get_code");
}

#[test]
fn create_account_knows_a_registered_number_typed_without_its_country_code() {
    let mut engine = china_phone();
    create_by_phone(&mut engine, "138 0013 8000");
    assert_eq!(
        engine
            .view()
            .find("create.error")
            .map(|e| e.label.to_string()),
        Some(text(&engine, S::PhoneRegistered).to_string())
    );

    // A new number gets the region's country code, and signs in as typed at home.
    let mut engine = china_phone();
    create_by_phone(&mut engine, "139 0013 9000");
    let (to, code) = newest_code(&engine, CodePurpose::CreateAccount);
    assert_eq!(to, "+86 13900139000");
    type_into(&mut engine, "create.code", &code);
    tap(&mut engine, "create.submit");
    let account = engine.device().cloud.accounts.last().expect("created");
    assert_eq!(account.phone, "+86 13900139000");
    assert!(engine.device().account.is_some());
}

/// Anna Schmidt (two-step) signs in on the fresh phone: the code step is open.
fn anna_two_step() -> Engine {
    let mut engine = phone();
    sign_in_on_the_phone(&mut engine, "anna.schmidt@example.com", "Anna#2026!");
    assert_eq!(engine.view().screen, "two_step");
    engine
}

#[test]
fn a_wrong_code_is_cleared_and_the_field_holds_six_digits() {
    let mut engine = anna_two_step();
    let (_, code) = newest_code(&engine, CodePurpose::SignIn);
    type_into(&mut engine, "twostep.code", "000000");
    engine.apply(Action::Activate);
    assert_eq!(
        engine
            .view()
            .find("twostep.error")
            .map(|e| e.label.to_string()),
        Some("The code you entered is incorrect".into())
    );
    assert_eq!(value_of(&engine, "twostep.code").as_deref(), Some(""));
    // Seven digits and a letter: six digits stay.
    type_text(&mut engine, &format!("{code}9x"));
    assert_eq!(value_of(&engine, "twostep.code"), Some(code));
    engine.apply(Action::Activate);
    assert!(engine.device().account.is_some());
}

#[test]
fn every_code_field_is_cleared_after_a_wrong_code() {
    // Forgot password.
    let mut engine = phone();
    forgot_on_the_phone(&mut engine, "lei.wang@example.com");
    type_into(&mut engine, "forgot.code", "0000001234");
    assert_eq!(value_of(&engine, "forgot.code").as_deref(), Some("000000"));
    type_into(&mut engine, "forgot.new_password", "Safer#2027");
    type_into(&mut engine, "forgot.confirm", "Safer#2027");
    tap(&mut engine, "forgot.submit");
    assert_eq!(value_of(&engine, "forgot.code").as_deref(), Some(""));

    // Create account.
    let mut engine = phone();
    create_by_phone(&mut engine, "+44 7700 900123");
    type_into(&mut engine, "create.code", "000000");
    tap(&mut engine, "create.submit");
    assert_eq!(value_of(&engine, "create.code").as_deref(), Some(""));
    assert_eq!(engine.view().screen, "create_account");
}

#[test]
fn lost_access_to_the_phone_a_code_to_the_recovery_email_resets_the_password() {
    let mut engine = phone();
    forgot_on_the_phone(&mut engine, "lei.wang@example.com");
    assert_eq!(
        newest_code(&engine, CodePurpose::ResetPassword).0,
        "+86 138 0013 8000"
    );
    assert!(engine.view().find("forgot.support").is_none());
    tap(&mut engine, "forgot.recovery");
    let (to, code) = newest_code(&engine, CodePurpose::ResetPassword);
    assert_eq!(to, "lei.wang@example.com");
    assert!(label_of(&engine, "code.sent").contains("le******@example.com"));
    // The way back to the phone number is offered the same way.
    assert_eq!(
        label_of(&engine, "forgot.recovery"),
        "Use recovery phone number"
    );
    type_into(&mut engine, "forgot.code", &code);
    type_into(&mut engine, "forgot.new_password", "Safer#2027");
    type_into(&mut engine, "forgot.confirm", "Safer#2027");
    tap(&mut engine, "forgot.submit");
    assert_eq!(engine.view().screen, "sign_in");
    let hash = &engine.device().cloud.accounts[0].password_hash;
    assert!(mi_settings::sim::cloud::verify_password(hash, "Safer#2027"));
}

#[test]
fn an_account_without_a_recovery_address_says_to_contact_xiaomi_support() {
    let mut engine = phone();
    forgot_on_the_phone(&mut engine, "it-fleet@contoso.example");
    assert!(engine.view().find("forgot.recovery").is_none());
    assert_eq!(
        label_of(&engine, "forgot.support"),
        "This account has no recovery phone or email. Contact Xiaomi support for assistance."
    );

    // The website's forgot password says the same.
    let mut engine = phone();
    forgot_on_the_website(&mut engine, "it-fleet@contoso.example");
    assert!(engine.view().find("forgot.support").is_some());
}

#[test]
fn the_website_offers_the_recovery_phone_number_too() {
    let mut engine = phone();
    forgot_on_the_website(&mut engine, "anna.schmidt@example.com");
    assert_eq!(label_of(&engine, "forgot.recovery"), "Use recovery email");
    tap(&mut engine, "forgot.recovery");
    assert_eq!(
        newest_code(&engine, CodePurpose::ResetPassword).0,
        "anna.schmidt@example.com"
    );
}
