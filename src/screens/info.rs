//! Rows of Settings that are on a real phone but outside what the simulation models. Each opens a
//! short page that says so, so that the home screen looks and scrolls like the phone's while
//! nobody mistakes a decoration for a working feature.

use crate::view::Element;

use super::Content;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    LockScreen,
    Display,
    Sound,
    Notifications,
    HomeScreen,
    Wallpaper,
    Themes,
    PasswordsSecurity,
    Privacy,
    Battery,
    Apps,
    AdditionalSettings,
    Wellbeing,
    SpecialFeatures,
    Google,
    ServicesFeedback,
    AddAccount,
}

impl Topic {
    pub const ALL: [Topic; 17] = [
        Topic::LockScreen,
        Topic::Display,
        Topic::Sound,
        Topic::Notifications,
        Topic::HomeScreen,
        Topic::Wallpaper,
        Topic::Themes,
        Topic::PasswordsSecurity,
        Topic::Privacy,
        Topic::Battery,
        Topic::Apps,
        Topic::AdditionalSettings,
        Topic::Wellbeing,
        Topic::SpecialFeatures,
        Topic::Google,
        Topic::ServicesFeedback,
        Topic::AddAccount,
    ];

    pub fn from_key(key: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The row's label in Settings, which is also the page's title.
    pub fn title(self) -> &'static str {
        match self {
            Topic::LockScreen => "Always-on display & Lock screen",
            Topic::Display => "Display",
            Topic::Sound => "Sound & vibration",
            Topic::Notifications => "Notifications & Control center",
            Topic::HomeScreen => "Home screen",
            Topic::Wallpaper => "Wallpaper",
            Topic::Themes => "Themes",
            Topic::PasswordsSecurity => "Passwords & security",
            Topic::Privacy => "Privacy protection",
            Topic::Battery => "Battery",
            Topic::Apps => "Apps",
            Topic::AdditionalSettings => "Additional settings",
            Topic::Wellbeing => "Digital Wellbeing & parental controls",
            Topic::SpecialFeatures => "Special features",
            Topic::Google => "Google",
            Topic::ServicesFeedback => "Services & feedback",
            Topic::AddAccount => "Add account",
        }
    }

    /// A stable name used in element and screen ids.
    pub fn key(self) -> &'static str {
        match self {
            Topic::LockScreen => "lock_screen",
            Topic::Display => "display",
            Topic::Sound => "sound",
            Topic::Notifications => "notifications",
            Topic::HomeScreen => "home_screen",
            Topic::Wallpaper => "wallpaper",
            Topic::Themes => "themes",
            Topic::PasswordsSecurity => "passwords_security",
            Topic::Privacy => "privacy",
            Topic::Battery => "battery",
            Topic::Apps => "apps",
            Topic::AdditionalSettings => "additional_settings",
            Topic::Wellbeing => "wellbeing",
            Topic::SpecialFeatures => "special_features",
            Topic::Google => "google",
            Topic::ServicesFeedback => "services_feedback",
            Topic::AddAccount => "add_account",
        }
    }
}

pub fn content(topic: Topic, account_word: &str) -> Content {
    let about = format!(
        "{} is not simulated. mi-settings reproduces Settings → {account_word}: signing in and \
         out, Mi Cloud sync, Find Device, devices and account security, plus the Wi-Fi and \
         mobile data switches they depend on.",
        topic.title()
    );
    Content {
        title: topic.title().to_string(),
        elements: vec![
            Element::text(format!("info.{}.about", topic.key()), about),
            Element::text(
                format!("info.{}.back", topic.key()),
                "Go back to return to Settings.",
            ),
        ],
    }
}
