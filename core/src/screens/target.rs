//! Where a screen asks to go, as data: screens never name each other's types, so none of them
//! depends on another; the registry (`screens::AnyScreen::open`) makes the screen a target names.

use super::text_input::TextInput;
use crate::sim::device::App;
use crate::strings::S;

/// A screen to open, with what it starts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Settings,
    WiFi,
    MobileNetworks,
    Bluetooth,
    ConnectionSharing,
    AboutPhone,
    SystemUpdate,
    FactoryReset,
    AccountsSync,
    /// A row of Settings the simulation shows but does not model.
    Info(Topic),
    MiAccount,
    SignIn,
    /// The code step of a two-step sign-in: the account and where its code went.
    TwoStep {
        mi_account_id: String,
        to: String,
    },
    CreateChoice,
    CreateAccount(ContactKind),
    /// "Forgot password?" with the login typed (or known) so far, and where it was asked from.
    ForgotPassword {
        login: TextInput,
        from: ForgotFrom,
    },
    AccountSecurity,
    ChangePassword,
    LoginNotifications,
    LoginHistory,
    Devices,
    /// One device of the account, by its id.
    DeviceDetails(String),
    MiCloud,
    /// Mi Cloud → Cloud backup.
    Backup,
    FindDevice,
    LostMode,
    ActivationLock,
    WebSignIn,
    WebFindDevice,
    /// i.mi.com's lost mode form, filled in with a message and a number to call.
    WebLostMode {
        message: String,
        call: String,
    },
    WebAccount,
    /// i.mi.com's home: the account's cloud and Find Device.
    WebCloudHome,
    /// What the account's cloud holds of one app.
    WebCloudItems(App),
    /// i.mi.com's recently deleted items, and one of them by its app and id.
    WebRecentlyDeleted,
    WebDeletedItem {
        app: App,
        id: String,
    },
    WebProfile,
    WebStorage,
    /// The phone's home screen.
    HomeScreen,
    /// Settings → Apps, and one app's info.
    Apps,
    AppInfo(InstalledApp),
    /// Settings → Additional settings → Date & time.
    AdditionalSettings,
    DateTime,
    /// Additional settings → Developer options (once About phone made the person a
    /// developer), and its Mi Unlock status.
    DeveloperOptions,
    MiUnlockStatus,
    /// Contacts, Gallery, Notes or Messages on the phone.
    DataApp(App),
}

/// What a screen that finished hands to the one below it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resume {
    /// "Forgot password?" set a new password for this login: sign in with it.
    PasswordReset { login: TextInput },
}

/// Where "Forgot password?" was asked from, which decides what the person does next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ForgotFrom {
    /// A sign-in form (phone or website): it is filled in, ready for the new password.
    #[default]
    SignIn,
    /// A prompt for the account password (signing out, Find Device, a reset) or the
    /// activation lock: the person goes back and enters the new password there.
    PasswordPrompt,
}

/// The apps Settings → Apps lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstalledApp {
    MiCloud,
    Contacts,
    Gallery,
    Notes,
    Messages,
    Browser,
}

impl InstalledApp {
    /// A stable name for ids.
    pub fn key(self) -> &'static str {
        match self {
            InstalledApp::MiCloud => "mi_cloud",
            InstalledApp::Contacts => "contacts",
            InstalledApp::Gallery => "gallery",
            InstalledApp::Notes => "notes",
            InstalledApp::Messages => "messages",
            InstalledApp::Browser => "browser",
        }
    }

    /// The app's name, as the phone shows it.
    pub fn name(self, tr: crate::strings::Tr) -> &'static str {
        match self {
            InstalledApp::MiCloud => tr.get(S::AppMiCloud),
            InstalledApp::Contacts => tr.app(App::Contacts),
            InstalledApp::Gallery => tr.app(App::Gallery),
            InstalledApp::Notes => tr.app(App::Notes),
            InstalledApp::Messages => tr.app(App::Messages),
            InstalledApp::Browser => tr.app(App::Browser),
        }
    }
}

/// How an account is created: by phone number or by email address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactKind {
    Phone,
    Email,
}

/// Declares the topics once: variant, stable key and title (the row's label, also the page's
/// title), and derives the rest, so the lists cannot disagree.
macro_rules! topics {
    ($($variant:ident => $key:literal, $title:ident;)*) => {
        /// Rows of Settings that are on a real phone but outside what the simulation models.
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
