//! The activation lock (seed 001): a phone erased while its account and Find Device were on it
//! stays locked to that account until the account's password is entered.

use crate::screens::ctx::Ctx;
use crate::screens::forms::{UnlockForm, UnlockIds, form_screen_methods};
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{Destination, ForgotFrom};
use crate::screens::text_input::TextInput;
use crate::screens::world::World;
use crate::sim::cloud::{self, CloudError};
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActivationLock {
    pub form: UnlockForm,
}

ids! {
    pub enum Id {
        About = "lock.about",
        Password = "lock.password",
        Error = "lock.error",
        Activate = "lock.activate",
        Forgot = "lock.forgot",
    }
}

/// The form's password field and error line.
const UNLOCK: UnlockIds<Id> = UnlockIds::new(Id::Password, Id::Error);

impl Screen for ActivationLock {
    type Id = Id;

    fn name(&self) -> Text {
        "activation_lock".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let device = world.device();
        let locked_to = device.phone.activation_lock.as_deref().unwrap_or_default();
        let shown = cloud::index_of(device, locked_to)
            .map(|i| &device.cloud.accounts[i])
            .map_or(locked_to.to_string(), |a| {
                if a.email.is_empty() {
                    a.mi_account_id.clone()
                } else {
                    cloud::masked(&a.email)
                }
            });
        let mut elements = vec![Element::text(
            Id::About,
            tr.fill(S::ActivationLockAbout, &[("account", &shown)]),
        )];
        elements.extend(self.form.elements(tr, UNLOCK, S::Password));
        elements.push(Element::button(Id::Activate, tr.get(S::Activate)));
        elements.push(Element::button(Id::Forgot, tr.get(S::ForgotPassword)));
        Content::new(tr.get(S::ThisDeviceIsLocked), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Activate | Id::Password => {
                let Some(locked_to) = cx.device().phone.activation_lock.clone() else {
                    return;
                };
                let now = cx.now();
                let password = self.form.password.text();
                match cloud::check_password(cx.device_mut(), &locked_to, password, now) {
                    Ok(_) => {
                        // The owner proved it is theirs: the phone starts fresh, signed out.
                        cx.device_mut().phone.activation_lock = None;
                        cx.root(Destination::Settings, None);
                        cx.toast_t(S::DeviceActivated);
                    }
                    Err(error) => {
                        let error = match error {
                            CloudError::InvalidCredentials => S::IncorrectPassword,
                            other => other.into(),
                        };
                        self.form.refused(cx, error, UNLOCK);
                    }
                }
            }
            // The login is not filled in: whoever holds a locked phone must know the account.
            Id::Forgot => cx.push(Destination::ForgotPassword {
                login: TextInput::default(),
                from: ForgotFrom::PasswordPrompt,
            }),
            Id::About | Id::Error => {}
        }
    }

    form_screen_methods!(UNLOCK);
}
