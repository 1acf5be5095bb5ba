//! Every screen, declared once: [`AnyScreen`], its dispatch to each screen's
//! [`Screen`](super::screen::Screen) implementation, and the screen each
//! [`Destination`](super::target::Destination) opens. Screens never name each other; this
//! registry does.

use super::ctx::Ctx;
use super::ids::ElementId;
use super::screen::{Content, Screen};
use super::target::{Destination, Resume};
use super::text_input::TextInput;
use super::world::World;
use super::{account, apps, cloud, dialogs, settings, web};
use crate::view::Text;

/// Declares every screen once: the `AnyScreen` enum and its dispatch to each screen's `Screen`
/// implementation.
macro_rules! screens {
    ($($variant:ident($ty:ty),)*) => {
        /// Any screen of the phone or the browser.
        #[derive(Debug, Clone, PartialEq)]
        pub enum AnyScreen {
            $($variant($ty),)*
        }

        $(impl From<$ty> for AnyScreen {
            fn from(screen: $ty) -> AnyScreen {
                AnyScreen::$variant(screen)
            }
        })*

        impl AnyScreen {
            pub fn name(&self) -> Text {
                match self {
                    $(AnyScreen::$variant(screen) => screen.name(),)*
                }
            }

            pub fn content(&self, world: &World) -> Content {
                match self {
                    $(AnyScreen::$variant(screen) => screen.content(world),)*
                }
            }

            /// Hands a touch on `id` to the screen; an id that is not one of its own is ignored.
            pub fn tap(&mut self, id: &str, cx: &mut Ctx) {
                match self {
                    $(AnyScreen::$variant(screen) => {
                        if let Some(id) = <$ty as Screen>::Id::parse(id) {
                            screen.on_tap(id, cx);
                        }
                    })*
                }
            }

            pub fn field(&mut self, id: &str) -> Option<&mut TextInput> {
                match self {
                    $(AnyScreen::$variant(screen) => {
                        <$ty as Screen>::Id::parse(id).and_then(|id| screen.field(id))
                    })*
                }
            }

            pub fn edited(&mut self) {
                match self {
                    $(AnyScreen::$variant(screen) => screen.edited(),)*
                }
            }

            pub fn web_path(&self) -> &'static str {
                match self {
                    $(AnyScreen::$variant(screen) => screen.web_path(),)*
                }
            }

            pub fn resume(&mut self, message: &Resume) -> Option<Text> {
                match self {
                    $(AnyScreen::$variant(screen) => screen.resume(message),)*
                }
            }

            /// Every element id any screen, dialog or the browser's chrome declares, as
            /// patterns (`devices.*` for numbered rows), with who declares it.
            pub fn id_patterns() -> Vec<(&'static str, Vec<&'static str>)> {
                vec![
                    $((stringify!($variant), <<$ty as Screen>::Id as ElementId>::patterns()),)*
                    ("dialogs", <dialogs::DialogId as ElementId>::patterns()),
                    ("chrome", <web::ChromeId as ElementId>::patterns()),
                ]
            }
        }
    };
}

screens! {
    Settings(settings::home::Settings),
    WiFi(settings::wifi::WiFi),
    MobileNetworks(settings::mobile_networks::MobileNetworks),
    Bluetooth(settings::bluetooth::Bluetooth),
    ConnectionSharing(settings::connection_sharing::ConnectionSharing),
    AboutPhone(settings::about_phone::AboutPhone),
    SystemUpdate(settings::system_update::SystemUpdate),
    FactoryReset(settings::factory_reset::FactoryReset),
    AccountsSync(settings::accounts_sync::AccountsSync),
    Info(settings::info::Info),
    MiAccount(account::mi_account::MiAccount),
    SignIn(account::sign_in::SignIn),
    TwoStep(account::two_step::TwoStep),
    CreateChoice(account::create_choice::CreateChoice),
    CreateAccount(account::create_account::CreateAccount),
    ForgotPassword(account::forgot_password::ForgotPassword),
    AccountSecurity(account::security::AccountSecurity),
    ChangePassword(account::change_password::ChangePassword),
    LoginNotifications(account::login_notifications::LoginNotifications),
    LoginHistory(account::login_history::LoginHistory),
    Devices(account::devices::Devices),
    DeviceDetails(account::device_details::DeviceDetails),
    MiCloud(cloud::mi_cloud::MiCloud),
    Backup(cloud::backup::Backup),
    FindDevice(cloud::find_device::FindDevice),
    LostMode(cloud::lost_mode::LostMode),
    ActivationLock(cloud::activation_lock::ActivationLock),
    WebSignIn(web::sign_in::WebSignIn),
    WebFindDevice(web::find_device::WebFindDevice),
    WebLostMode(web::lost_mode::WebLostMode),
    WebAccount(web::account_home::WebAccount),
    WebCloudHome(web::cloud_home::WebCloudHome),
    WebCloudItems(web::cloud_items::WebCloudItems),
    WebRecentlyDeleted(web::recently_deleted::WebRecentlyDeleted),
    WebDeletedItem(web::deleted_item::WebDeletedItem),
    WebProfile(web::profile::WebProfile),
    WebStorage(web::storage::WebStorage),
    Launcher(apps::launcher::Launcher),
    Apps(settings::apps::Apps),
    AppInfo(settings::app_info::AppInfo),
    AdditionalSettings(settings::additional::AdditionalSettings),
    DateTime(settings::date_time::DateTime),
    DeveloperOptions(settings::developer_options::DeveloperOptions),
    MiUnlockStatus(settings::mi_unlock::MiUnlockStatus),
    DataApp(apps::data_app::DataApp),
}

impl AnyScreen {
    /// Whether two screens are the same kind of screen, whatever their state.
    pub fn same_kind(&self, other: &AnyScreen) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }

    /// The screen a target names, as it first shows.
    pub fn open(target: Destination) -> AnyScreen {
        use account::create_account::CreateAccount;
        use account::forgot_password::ForgotPassword;
        use web::lost_mode::WebLostMode;
        match target {
            Destination::Settings => settings::home::Settings.into(),
            Destination::WiFi => settings::wifi::WiFi.into(),
            Destination::MobileNetworks => settings::mobile_networks::MobileNetworks.into(),
            Destination::Bluetooth => settings::bluetooth::Bluetooth.into(),
            Destination::ConnectionSharing => {
                settings::connection_sharing::ConnectionSharing.into()
            }
            Destination::AboutPhone => settings::about_phone::AboutPhone::default().into(),
            Destination::SystemUpdate => settings::system_update::SystemUpdate.into(),
            Destination::FactoryReset => settings::factory_reset::FactoryReset.into(),
            Destination::AccountsSync => settings::accounts_sync::AccountsSync.into(),
            Destination::Info(topic) => settings::info::Info(topic).into(),
            Destination::MiAccount => account::mi_account::MiAccount.into(),
            Destination::SignIn => account::sign_in::SignIn::default().into(),
            Destination::TwoStep { mi_account_id, to } => {
                account::two_step::TwoStep::new(mi_account_id, to).into()
            }
            Destination::CreateChoice => account::create_choice::CreateChoice.into(),
            Destination::CreateAccount(kind) => CreateAccount::new(kind).into(),
            Destination::ForgotPassword { login, from } => {
                ForgotPassword::for_login(login, from).into()
            }
            Destination::AccountSecurity => account::security::AccountSecurity.into(),
            Destination::ChangePassword => {
                account::change_password::ChangePassword::default().into()
            }
            Destination::LoginNotifications => {
                account::login_notifications::LoginNotifications.into()
            }
            Destination::LoginHistory => account::login_history::LoginHistory.into(),
            Destination::Devices => account::devices::Devices.into(),
            Destination::DeviceDetails(id) => account::device_details::DeviceDetails(id).into(),
            Destination::MiCloud => cloud::mi_cloud::MiCloud.into(),
            Destination::Backup => cloud::backup::Backup.into(),
            Destination::FindDevice => cloud::find_device::FindDevice.into(),
            Destination::LostMode => cloud::lost_mode::LostMode::default().into(),
            Destination::ActivationLock => cloud::activation_lock::ActivationLock::default().into(),
            Destination::WebSignIn => web::sign_in::WebSignIn::default().into(),
            Destination::WebFindDevice => web::find_device::WebFindDevice.into(),
            Destination::WebLostMode { message, call } => WebLostMode::new(&message, call).into(),
            Destination::WebAccount => web::account_home::WebAccount.into(),
            Destination::WebCloudHome => web::cloud_home::WebCloudHome.into(),
            Destination::WebCloudItems(app) => web::cloud_items::WebCloudItems(app).into(),
            Destination::WebRecentlyDeleted => web::recently_deleted::WebRecentlyDeleted.into(),
            Destination::WebDeletedItem { app, id } => {
                web::deleted_item::WebDeletedItem { app, id }.into()
            }
            Destination::WebProfile => web::profile::WebProfile.into(),
            Destination::WebStorage => web::storage::WebStorage.into(),
            Destination::HomeScreen => apps::launcher::Launcher.into(),
            Destination::Apps => settings::apps::Apps.into(),
            Destination::AppInfo(app) => settings::app_info::AppInfo(app).into(),
            Destination::AdditionalSettings => settings::additional::AdditionalSettings.into(),
            Destination::DateTime => settings::date_time::DateTime.into(),
            Destination::DeveloperOptions => settings::developer_options::DeveloperOptions.into(),
            Destination::MiUnlockStatus => settings::mi_unlock::MiUnlockStatus.into(),
            Destination::DataApp(app) => apps::data_app::DataApp(app).into(),
        }
    }
}
