//! Rows of Settings that are on a real phone but outside what the simulation models. Each opens a
//! short page that says so, so that the home screen looks and scrolls like the phone's while
//! nobody mistakes a decoration for a working feature.

use crate::view::Element;

use super::names::Names;

use super::Content;

/// Declares the topics once: variant, stable key and title (the row's label, also the page's
/// title), and derives the rest, so the lists cannot disagree.
macro_rules! topics {
    ($($variant:ident => $key:literal, $title:literal;)*) => {
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
            pub fn title(self) -> &'static str {
                match self {
                    $(Topic::$variant => $title,)*
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
    LockScreen => "lock_screen", "Always-on display & Lock screen";
    Display => "display", "Display";
    Sound => "sound", "Sound & vibration";
    Notifications => "notifications", "Notifications & Control center";
    HomeScreen => "home_screen", "Home screen";
    Wallpaper => "wallpaper", "Wallpaper";
    Themes => "themes", "Themes";
    PasswordsSecurity => "passwords_security", "Passwords & security";
    Privacy => "privacy", "Privacy protection";
    Battery => "battery", "Battery";
    Apps => "apps", "Apps";
    AdditionalSettings => "additional_settings", "Additional settings";
    Wellbeing => "wellbeing", "Digital Wellbeing & parental controls";
    SpecialFeatures => "special_features", "Special features";
    Google => "google", "Google";
    ServicesFeedback => "services_feedback", "Services & feedback";
    AddAccount => "add_account", "Add account";
    PersonalInfo => "personal_info", "Personal info";
}

impl Topic {
    pub fn from_key(key: &str) -> Option<Topic> {
        Topic::ALL.iter().copied().find(|t| t.key() == key)
    }
}

pub fn content(topic: Topic, names: &Names) -> Content {
    let about = format!(
        "{} is not simulated. mi-settings reproduces Settings → {}: signing in and out, {} \
         sync, {}, devices and account security, plus the Wi-Fi and mobile data switches they \
         depend on.",
        topic.title(),
        names.account,
        names.cloud,
        names.find_device
    );
    Content {
        title: topic.title().to_string(),
        elements: vec![
            Element::text(format!("info.{}.about", topic.key()), about),
            Element::text(
                format!("info.{}.back", topic.key()),
                "Press ‹ or Esc to go back.",
            ),
        ],
    }
}
