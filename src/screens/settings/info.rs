//! Rows of Settings that are on a real phone but outside what the simulation models. Each opens
//! a short page that says so, so that the home screen looks and scrolls like the phone's while
//! nobody mistakes a decoration for a working feature.

use crate::screens::ids::NoId;
use crate::screens::{Content, Ctx, Screen, World};
use crate::strings::S;
use crate::view::{Element, Text};

/// Declares the topics once: variant, stable key and title (the row's label, also the page's
/// title), and derives the rest, so the lists cannot disagree.
macro_rules! topics {
    ($($variant:ident => $key:literal, $title:ident;)*) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Topic {
            $($variant,)*
        }

        impl Topic {
            pub const ALL: &[Topic] = &[$(Topic::$variant,)*];

            /// A stable name used in element and screen ids.
            pub fn key(self) -> &'static str {
                match self {
                    $(Topic::$variant => $key,)*
                }
            }

            /// The row's label in Settings, which is also the page's title.
            pub fn title(self) -> S {
                match self {
                    $(Topic::$variant => S::$title,)*
                }
            }

            /// The id of the topic's row on Settings home.
            pub fn settings_id(self) -> &'static str {
                match self {
                    $(Topic::$variant => concat!("settings.", $key),)*
                }
            }
        }
    };
}

topics! {
    LockScreen => "lock_screen", TopicLockScreen;
    Display => "display", TopicDisplay;
    Sound => "sound", TopicSound;
    Notifications => "notifications", TopicNotifications;
    HomeScreen => "home_screen", TopicHomeScreen;
    Wallpaper => "wallpaper", TopicWallpaper;
    Themes => "themes", TopicThemes;
    PasswordsSecurity => "passwords_security", TopicPasswordsSecurity;
    Privacy => "privacy", TopicPrivacy;
    Battery => "battery", TopicBattery;
    Apps => "apps", TopicApps;
    AdditionalSettings => "additional_settings", TopicAdditionalSettings;
    Wellbeing => "wellbeing", TopicWellbeing;
    SpecialFeatures => "special_features", TopicSpecialFeatures;
    Google => "google", TopicGoogle;
    ServicesFeedback => "services_feedback", TopicServicesFeedback;
    AddAccount => "add_account", TopicAddAccount;
    PersonalInfo => "personal_info", TopicPersonalInfo;
}

impl Topic {
    pub fn from_key(key: &str) -> Option<Topic> {
        Topic::ALL.iter().copied().find(|t| t.key() == key)
    }
}

/// The page about one topic that is not simulated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Info(pub Topic);

impl Screen for Info {
    /// Nothing on the page can be touched: ‹ and Esc leave it.
    type Id = NoId;

    fn name(&self) -> Text {
        format!("info.{}", self.0.key()).into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        let topic = self.0;
        let about = tr.fill(S::NotSimulated, &[("topic", &tr.get(topic.title()))]);
        Content::new(
            tr.get(topic.title()),
            vec![
                Element::text(format!("info.{}.about", topic.key()), about),
                Element::text(format!("info.{}.back", topic.key()), tr.get(S::PressBack)),
            ],
        )
    }

    fn on_tap(&mut self, id: NoId, _cx: &mut Ctx) {
        match id {}
    }
}
