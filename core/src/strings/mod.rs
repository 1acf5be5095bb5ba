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
//!
//! Here the phone's way of speaking ([`Tr`]); [`template`] fills placeholders, and
//! [`counterparts`](mod@counterparts) finds a text written in another language as this phone
//! words it, looking it up in an [`index`] of each language's texts, whole or, for a piece of a
//! message, by its [`pieces`].

// The catalogue's tables, in every language, read their sources and skins' wordings so.
macro_rules! source {
    (doc) => {
        Source::Doc
    };
    (seed) => {
        Source::Seed
    };
    (guess) => {
        Source::Guess
    };
    (ours) => {
        Source::Ours
    };
}

macro_rules! pick {
    ($skin:ident, $miui:literal) => {
        $miui
    };
    ($skin:ident, $miui:literal, $hyperos:literal) => {
        match $skin {
            Skin::Miui => $miui,
            Skin::Hyperos => $hyperos,
        }
    };
}

mod catalogue;
mod counterparts;
mod index;
mod pieces;
mod template;
mod zh_cn;

use std::fmt;

pub use catalogue::{S, Source};
pub use counterparts::{counterparts, exact_counterparts};
pub use index::PIECE_CHARS;
pub use template::{fill, placeholders};

use crate::sim::cloud::{CloudError, PasswordProblem};
pub use crate::sim::device::Language;
use crate::sim::device::{App, DeviceKind, Skin};

/// How the phone words things: its skin's names in its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub skin: Skin,
    pub language: Language,
}

impl Tr {
    /// The skin's words in English.
    pub fn new(skin: Skin) -> Tr {
        Tr::speaking(skin, Language::En)
    }

    pub fn speaking(skin: Skin, language: Language) -> Tr {
        Tr { skin, language }
    }

    /// The text of `id` as this phone words it.
    pub fn get(self, id: S) -> &'static str {
        match self.language {
            Language::En => id.en(self.skin),
            Language::ZhCn => id.zh_cn(self.skin),
        }
    }

    /// Where this phone's wording of `id` comes from.
    pub fn source(self, id: S) -> Source {
        match self.language {
            Language::En => id.source(),
            Language::ZhCn => id.zh_cn_source(),
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

#[cfg(test)]
mod tests {
    use super::*;

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
