//! Every word the phone shows, in one catalogue.
//!
//! Each user-visible text has an id ([`S`]) and its wording per skin where the skin changes it
//! (MIUI's "Mi Account", HyperOS's "Xiaomi Account"), chosen in the table rather than by
//! replacing words in finished labels. Screens, dialogs, toasts, hints and errors all read it
//! through a [`Tr`], the phone's way of speaking. Texts with parts filled in at run time use named
//! placeholders (`{device}`), so a translation can put them in its own order.
//!
//! Where each wording comes from is kept beside it ([`Source`]): a real phone's string, the seed
//! guides' words, our guess at the phone's wording, or the simulation's own text.

mod catalogue;

use std::fmt;

pub use catalogue::{S, Source};

use crate::sim::cloud::{CloudError, PasswordProblem};
use crate::sim::device::{App, DeviceKind, Skin};

/// The languages the phone speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

/// How the phone words things: its skin's names in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub skin: Skin,
    pub lang: Lang,
}

impl Tr {
    pub fn new(skin: Skin) -> Tr {
        Tr {
            skin,
            lang: Lang::En,
        }
    }

    /// The text of `id` as this phone words it.
    pub fn get(self, id: S) -> &'static str {
        match self.lang {
            Lang::En => id.en(self.skin),
        }
    }

    /// The text of `id` with its `{name}` placeholders filled from `args`. A placeholder with no
    /// value is left as written, so a missing argument shows instead of vanishing.
    pub fn fill(self, id: S, args: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.get(id), args)
    }

    pub fn on_off(self, on: bool) -> &'static str {
        self.get(if on { S::On } else { S::Off })
    }

    /// The app's name as Mi Cloud lists it.
    pub fn app(self, app: App) -> &'static str {
        self.get(match app {
            App::Contacts => S::AppContacts,
            App::Messages => S::AppMessages,
            App::Gallery => S::AppGallery,
            App::Notes => S::AppNotes,
            App::Calendar => S::AppCalendar,
            App::CallHistory => S::AppCallHistory,
            App::Recorder => S::AppRecorder,
            App::WiFi => S::AppWiFi,
            App::Browser => S::AppBrowser,
        })
    }

    /// What Mi Cloud syncs of the app.
    pub fn app_summary(self, app: App) -> &'static str {
        self.get(match app {
            App::Contacts => S::SyncsContacts,
            App::Messages => S::SyncsMessages,
            App::Gallery => S::SyncsGallery,
            App::Notes => S::SyncsNotes,
            App::Calendar => S::SyncsCalendar,
            App::CallHistory => S::SyncsCallHistory,
            App::Recorder => S::SyncsRecorder,
            App::WiFi => S::SyncsWiFi,
            App::Browser => S::SyncsBrowser,
        })
    }

    pub fn device_kind(self, kind: DeviceKind) -> &'static str {
        self.get(match kind {
            DeviceKind::Phone => S::KindPhone,
            DeviceKind::Tablet => S::KindTablet,
            DeviceKind::Tv => S::KindTv,
            DeviceKind::Watch => S::KindWatch,
            DeviceKind::Band => S::KindBand,
            DeviceKind::SmartHome => S::KindSmartHome,
        })
    }
}

/// The cloud's refusals, in words.
impl From<CloudError> for S {
    fn from(error: CloudError) -> S {
        match error {
            CloudError::InvalidCredentials => S::InvalidCredentials,
            CloudError::TooManyAttempts => S::TooManyAttempts,
            CloudError::CodeIncorrect => S::CodeIncorrect,
            CloudError::CodeExpired => S::CodeExpired,
            CloudError::TooManyCodes { email: false } => S::TooManyCodes,
            CloudError::TooManyCodes { email: true } => S::TooManyCodesEmail,
        }
    }
}

/// The password rules, in words: the rule that fails, by name.
impl From<PasswordProblem> for S {
    fn from(problem: PasswordProblem) -> S {
        match problem {
            PasswordProblem::TooShort => S::PasswordTooShort,
            PasswordProblem::NoLetter => S::PasswordNoLetter,
            PasswordProblem::NoNumber => S::PasswordNoNumber,
            PasswordProblem::NoSymbol => S::PasswordNoSymbol,
        }
    }
}

/// `template` with each `{name}` replaced by its value in `args`.
pub fn fill(template: &str, args: &[(&str, &dyn fmt::Display)]) -> String {
    use fmt::Write as _;
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (close, *value))
        });
        match value {
            Some((close, value)) => {
                let _ = write!(out, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The placeholder names of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                names.push(&after[..close]);
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_by_name_and_missing_ones_stay_visible() {
        let name: &dyn fmt::Display = &"Redmi";
        let place: &dyn fmt::Display = &"Lagos";
        assert_eq!(
            fill(
                "{device} in {place}.",
                &[("place", place), ("device", name)]
            ),
            "Redmi in Lagos."
        );
        assert_eq!(fill("{device} {x}", &[("device", name)]), "Redmi {x}");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
        assert_eq!(placeholders("{a} and {b}."), vec!["a", "b"]);
    }

    /// Every skin's wording of a text has the same placeholders, so no skin drops a value.
    #[test]
    fn skins_agree_on_placeholders() {
        for &id in S::ALL {
            let miui = placeholders(id.en(Skin::Miui));
            let hyperos = placeholders(id.en(Skin::Hyperos));
            assert_eq!(miui, hyperos, "{}", id.name());
        }
    }

    /// One name per thing within a skin: a HyperOS text never says MIUI's product names.
    #[test]
    fn hyperos_never_says_mi_account_mi_cloud_or_find_device() {
        for &id in S::ALL {
            let text = id.en(Skin::Hyperos);
            for miui in ["Mi Account", "Mi Cloud", "Find Device", "All Mi "] {
                assert!(!text.contains(miui), "{}: {text:?}", id.name());
            }
        }
    }
}
