//! Signing in: verification codes arriving as the phone's SMS or email, the two-step code step,
//! and landing on the Mi Account page once signed in.

use crate::screens::ctx::Ctx;
use crate::screens::dialogs::{Dialog, DialogId};
use crate::screens::target::{ForgotFrom, Target};
use crate::screens::text_input::TextInput;
use crate::sim::cloud;
use crate::sim::device::CodePurpose;
use crate::strings::S;

/// Sends a code and shows it arriving as the phone's SMS or email notification; why not when it
/// cannot be sent.
pub fn send_code(cx: &mut Ctx, to: &str, purpose: CodePurpose) -> Result<(), S> {
    // The browser's computer is online whatever the phone is.
    if !cx.on_browser() && !cx.world.online() {
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

/// Sends a two-step account's sign-in code; the "Two-step verification" screen that asks for it.
pub fn send_sign_in_code(cx: &mut Ctx, index: usize) -> Result<Target, S> {
    let account = &cx.device().cloud.accounts[index];
    let to = cloud::code_destination(account);
    let mi_account_id = account.mi_account_id.clone();
    send_code(cx, &to, CodePurpose::SignIn)?;
    Ok(Target::TwoStep { mi_account_id, to })
}

/// Finishes a sign-in on the phone: it joins the account, and the person lands on the Mi
/// Account page they started from.
pub fn finish_sign_in(cx: &mut Ctx, index: usize, toast: String) {
    let now = cx.now();
    cloud::sign_in(cx.device_mut(), index, now);
    cx.clear_notification();
    cx.land(Target::MiAccount);
    cx.toast(toast);
    // Data that came from another account is never merged silently: the person decides, and
    // until then (or on Esc) it stays on the phone only.
    let apps = cloud::foreign_apps(cx.device());
    if !apps.is_empty() {
        let account = cx.device().cloud.accounts[index].name.clone();
        cx.dialog(Dialog::Merge { account, apps });
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
    cx.push(Target::ForgotPassword {
        login: TextInput::new(login),
        from: ForgotFrom::PasswordPrompt,
    });
}
