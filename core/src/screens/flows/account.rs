//! Signing in: the account and password checked, verification codes arriving as the phone's SMS
//! or email, the two-step code step, and landing on the Mi Account page (or the site's home)
//! once signed in.

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{DialogId, PhoneDialog};
use crate::screens::flows::{backup, web};
use crate::screens::forms::Credentials;
use crate::screens::target::{Destination, ForgotFrom};
use crate::screens::text_input::TextInput;
use crate::sim::cloud;
use crate::sim::device::CodePurpose;
use crate::strings::S;

/// Sends a code and shows it arriving as the phone's SMS or email notification; why not when it
/// cannot be sent.
pub fn send_code(cx: &mut Ctx, to: &str, purpose: CodePurpose) -> Result<(), S> {
    if cx.world.offline() {
        return Err(S::Offline);
    }
    let tr = cx.tr();
    let code = cloud::send_code(cx.world.device_mut(), to, purpose, cx.env).map_err(S::from)?;
    // Sent somewhere this phone does not receive (a mistyped number): it never arrives here;
    // the form's "Code sent to …" says where it went.
    if !cloud::reaches_phone(cx.device(), to) {
        return Ok(());
    }
    let channel = tr.get(if cloud::is_email(to) {
        S::ChannelEmail
    } else {
        S::ChannelMessages
    });
    cx.notify(tr.fill(
        S::CodeNotification,
        &[
            ("channel", &channel),
            ("code", &code),
            ("minutes", &cloud::CODE_MINUTES),
        ],
    ));
    Ok(())
}

/// Checks a sign-in form's account and password (both typed) against the cloud: the account's
/// index when they are right, noting how the login named it for the trace.
pub fn check_sign_in(cx: &mut Ctx, form: &Credentials) -> Result<usize, S> {
    let login = form.login();
    let now = cx.now();
    let index = cloud::check_password(cx.device_mut(), login, form.password.text(), now)?;
    cx.signing_in_with(login);
    Ok(index)
}

/// What came of a right password (see [`password_right`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordAccepted {
    /// A two-step account: its code is sent and "Two-step verification" asks for it.
    CodeAsked,
    /// Any other account: signed in.
    SignedIn,
}

/// The password was right for the account at `index`: a two-step account is sent its code and
/// asked for it ("Two-step verification"), any other is signed in; why not when the code cannot
/// be sent.
pub fn password_right(cx: &mut Ctx, index: usize) -> Result<PasswordAccepted, S> {
    if cx.device().cloud.accounts[index].two_step {
        let two_step = send_sign_in_code(cx, index)?;
        cx.push(two_step);
        Ok(PasswordAccepted::CodeAsked)
    } else {
        signed_in(cx, index);
        Ok(PasswordAccepted::SignedIn)
    }
}

/// Signed in with the account at `index` where the person is: on the phone, "Signed in" and the
/// Mi Account page; on the browser, the site's home.
pub fn signed_in(cx: &mut Ctx, index: usize) {
    if cx.on_browser() {
        web::signed_in(cx, index);
    } else {
        let toast = cx.t(S::SignedIn).to_string();
        finish_sign_in(cx, index, toast);
    }
}

/// Sends a two-step account's sign-in code; the "Two-step verification" screen that asks for it.
pub fn send_sign_in_code(cx: &mut Ctx, index: usize) -> Result<Destination, S> {
    let account = &cx.device().cloud.accounts[index];
    let to = cloud::code_destination(account);
    let mi_account_id = account.mi_account_id.clone();
    send_code(cx, &to, CodePurpose::SignIn)?;
    Ok(Destination::TwoStep { mi_account_id, to })
}

/// Finishes a sign-in on the phone: it joins the account, and the person lands on the Mi
/// Account page they started from.
pub fn finish_sign_in(cx: &mut Ctx, index: usize, toast: String) {
    let now = cx.now();
    cloud::sign_in(cx.device_mut(), index, now);
    cx.clear_notification();
    cx.land(Destination::MiAccount);
    cx.toast(toast);
    // Data that came from another account is never merged silently: the person decides, and
    // until then (or on Esc) it stays on the phone only.
    let apps = cloud::foreign_apps(cx.device());
    if apps.is_empty() {
        backup::offer_restore(cx);
    } else {
        let account = cx.device().cloud.accounts[index].name.clone();
        cx.dialog(PhoneDialog::Merge { account, apps });
        cx.focus(DialogId::DontMerge);
    }
}

/// The answer to the merge question: "Merge" sends the other account's items up to this
/// account's cloud; "Don't merge" leaves them on the phone, out of it.
pub fn merge_answered(cx: &mut Ctx, merge: bool) {
    cx.close_dialog();
    if merge {
        let now = cx.now();
        cloud::merge_foreign(cx.device_mut(), now);
        cx.toast_t(S::Merged);
    } else {
        cx.toast_t(S::NotMerged);
    }
    // A backup is offered once what came from another account is settled.
    backup::offer_restore(cx);
}

/// "Forgot password?" under a prompt for the account password: the prompt closes and the reset
/// flow opens for the account it asked about, its login filled in; afterwards the person asks
/// again with the new password.
pub fn forgot_password(cx: &mut Ctx) {
    cx.close_dialog();
    let login = cx
        .world
        .account()
        .map(|a| {
            [&a.email, &a.phone, &a.mi_account_id]
                .into_iter()
                .find(|l| !l.is_empty())
                .cloned()
                .unwrap_or_default()
        })
        .unwrap_or_default();
    cx.push(Destination::ForgotPassword {
        login: TextInput::new(login),
        from: ForgotFrom::PasswordPrompt,
    });
}
