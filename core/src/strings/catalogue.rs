//! The catalogue: one line per text. `Name = source "MIUI wording", hyperos "HyperOS wording";`
//! where the second wording is given only when HyperOS says it differently. Sources: `doc` (a
//! real phone's string), `seed` (the guides' words), `guess` (our guess at the phone's wording),
//! `ours` (the simulation's own text).

use crate::sim::device::Skin;

/// Where a wording comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A string of the real phone (MIUI or HyperOS string resources).
    Doc,
    /// The words of the seed guides that people follow.
    Seed,
    /// Our guess at what the phone says; free to improve.
    Guess,
    /// The simulation's own words (key hints, what is not simulated).
    Ours,
}

macro_rules! catalogue {
    ($($(#[$meta:meta])* $id:ident = $source:ident $miui:literal $(, hyperos $hyperos:literal)?;)*) => {
        /// A user-visible text, by id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum S {
            $($(#[$meta])* $id,)*
        }

        impl S {
            /// Every text, in catalogue order.
            pub const ALL: &'static [S] = &[$(S::$id,)*];

            /// The id's name, as written in the catalogue.
            pub fn name(self) -> &'static str {
                match self {
                    $(S::$id => stringify!($id),)*
                }
            }

            /// Where the wording comes from.
            pub fn source(self) -> Source {
                match self {
                    $(S::$id => source!($source),)*
                }
            }

            /// The English wording for `skin`.
            pub(super) fn en(self, skin: Skin) -> &'static str {
                match self {
                    $(S::$id => pick!(skin, $miui $(, $hyperos)?),)*
                }
            }
        }
    };
}

catalogue! {
    // ---- Product names and the account entry -----------------------------------------------
    Account = doc "Mi Account", hyperos "Xiaomi Account";
    Cloud = doc "Mi Cloud", hyperos "Xiaomi Cloud";
    FindDevice = doc "Find Device", hyperos "Find device";
    SignInToAccount = doc "Sign in to Mi Account", hyperos "Sign in to Xiaomi Account";
    /// Signed out, under the account entry (the HyperOS form follows the same pattern).
    AccountTagline = doc "All Mi services. One Mi Account.", hyperos "All Xiaomi services. One Xiaomi Account.";
    AccountEntrySummary = doc "Manage accounts, cloud services, payments, and more";
    AccountIdLine = doc "Mi Account ID: {id}", hyperos "Xiaomi Account ID: {id}";

    // ---- Settings home ----------------------------------------------------------------------
    Settings = doc "Settings";
    AboutPhone = doc "About phone";
    SimCardsAndNetworks = doc "SIM cards & mobile networks";
    WiFi = doc "Wi-Fi";
    Bluetooth = doc "Bluetooth";
    ConnectionSharing = doc "Connection & sharing";
    AccountsSync = doc "Accounts & sync";
    On = doc "On";
    Off = doc "Off";
    TopicLockScreen = doc "Always-on display & Lock screen";
    TopicDisplay = doc "Display";
    TopicSound = doc "Sound & vibration";
    TopicNotifications = doc "Notifications & Control center";
    TopicHomeScreen = doc "Home screen";
    TopicWallpaper = doc "Wallpaper";
    TopicThemes = doc "Themes";
    TopicPasswordsSecurity = doc "Passwords & security";
    TopicPrivacy = doc "Privacy protection";
    TopicBattery = doc "Battery";
    TopicApps = doc "Apps";
    TopicAdditionalSettings = doc "Additional settings";
    TopicWellbeing = doc "Digital Wellbeing & parental controls";
    TopicSpecialFeatures = doc "Special features";
    TopicGoogle = doc "Google";
    TopicServicesFeedback = doc "Services & feedback";
    TopicAddAccount = doc "Add account";
    TopicPersonalInfo = doc "Personal info";
    NotSimulated = ours "{topic} is not simulated. This phone covers Settings → Mi Account (signing in and out, Mi Cloud sync, Find Device, devices, account security), what it depends on (Wi-Fi, mobile data, Apps, Date & time), and the home screen's apps.", hyperos "{topic} is not simulated. This phone covers Settings → Xiaomi Account (signing in and out, Xiaomi Cloud sync, Find device, devices, account security), what it depends on (Wi-Fi, mobile data, Apps, Date & time), and the home screen's apps.";
    PressBack = ours "Press ‹ or Esc to go back.";
    StatusWiFi = ours "Wi-Fi";
    Status4G = ours "4G";
    StatusNoData = ours "No data";
    StatusAirplane = ours "Airplane";

    // ---- Network ----------------------------------------------------------------------------
    WiFiAirplaneOn = guess "Airplane mode is on. You can still turn on Wi-Fi.";
    ConnectedNetwork = guess "Connected network";
    Connected = doc "Connected";
    WiFiOthersNotSimulated = ours "Other networks are not simulated: the phone joins its saved network whenever Wi-Fi is on.";
    WiFiTurnOn = guess "Turn on Wi-Fi to see available networks.";
    WiFiTurnedOn = guess "Wi-Fi turned on";
    WiFiTurnedOff = guess "Wi-Fi turned off";
    MobileAirplaneOn = guess "Airplane mode is on: mobile networks are off until you turn it off in Connection & sharing.";
    SimCards = doc "SIM cards";
    Sim1 = doc "SIM 1";
    NoSimCard = doc "No SIM card";
    MobileData = doc "Mobile data";
    MobileDataSummary = guess "Use mobile networks when Wi-Fi is off";
    MobileDataTurnedOn = guess "Mobile data turned on";
    MobileDataTurnedOff = guess "Mobile data turned off";
    DeviceName = doc "Device name";
    AirplaneMode = doc "Airplane mode";
    AirplaneModeSummary = guess "Turns off mobile networks and Wi-Fi";
    HotspotNotSimulated = ours "Hotspot, VPN and casting are not simulated.";

    // ---- About phone, system update, factory reset ------------------------------------------
    SystemUpdate = doc "System update";
    FactoryReset = doc "Factory reset";
    EraseAllData = doc "Erase all data";
    Specs = guess "Specs";
    Model = doc "Model";
    MiuiVersion = doc "MIUI version", hyperos "OS version";
    /// Tapping "MIUI version" in About phone, as Android's Settings counts down (AOSP
    /// `show_dev_countdown`, `show_dev_on`, `show_dev_already`; MIUI keeps them).
    DeveloperStepsAway = doc "You are now {steps} steps away from being a developer.";
    DeveloperOneStepAway = doc "You are now 1 step away from being a developer.";
    NowADeveloper = doc "You are now a developer!";
    AlreadyADeveloper = doc "No need, you are already a developer.";
    AndroidVersion = doc "Android version";
    Storage = doc "Storage";
    /// Mi Cloud's storage, on its pages (Chinese tells it from the phone's own).
    CloudSpace = doc "Storage";
    Battery = doc "Battery";
    CurrentVersion = guess "Current version";
    CheckForUpdates = seed "Check for updates";
    UpToDate = guess "Your system is up to date";
    FactoryResetAbout = guess "This will erase all data from your phone, including your Mi Account, contacts, messages, photos, notes, and settings.", hyperos "This will erase all data from your phone, including your Xiaomi Account, contacts, messages, photos, notes, and settings.";
    FactoryResetAccount = guess "This phone has a Mi Account: its password is needed to erase the phone.", hyperos "This phone has a Xiaomi Account: its password is needed to erase the phone.";
    EraseAllDataTitle = guess "Erase all data?";
    FactoryResetConfirmBody = guess "Everything on this phone will be erased: accounts, contacts, messages, photos, notes and settings. This can't be undone.";
    PhoneErased = guess "Phone erased";
    DeviceNameBody = guess "Other devices see this name over Bluetooth and Wi-Fi.";
    EnterDeviceName = guess "Enter a device name";
    DeviceNameTooLong = guess "Device name is too long ({max} characters at most)";

    // ---- Accounts & sync, the Mi Account page -----------------------------------------------
    Accounts = doc "Accounts";
    SignIn = doc "Sign in";
    CreateAccount = doc "Create account";
    /// The button that opens or finishes Create account (Chinese says just "Register").
    CreateAccountButton = doc "Create account";
    Occupied = doc "Occupied: {used}/{plan} GB";
    AccountSecurity = doc "Account security";
    Devices = doc "Devices";
    DeviceManagement = seed "Device management";
    SignOut = doc "Sign out";

    // ---- Sign in, two-step, create account, forgot password ---------------------------------
    SignInTitle = doc "Sign in to your Mi Account", hyperos "Sign in to your Xiaomi Account";
    LoginField = doc "Email/Phone number/Mi Account ID", hyperos "Email/Phone number/Xiaomi Account ID";
    Password = doc "Password";
    ShowPassword = doc "Show password";
    Agreement = doc "I've read and agreed to Mi Account User Agreement and Privacy Policy.", hyperos "I've read and agreed to Xiaomi Account User Agreement and Privacy Policy.";
    ForgotPassword = doc "Forgot password?";
    EnterAccountId = doc "Enter your account ID";
    EnterPassword = doc "Enter your password";
    InvalidCredentials = doc "Invalid username or password";
    TooManyAttempts = doc "Too many attempts. Wait a minute or two and try again.";
    AgreeFirst = doc "Agree to the terms and conditions first";
    Offline = guess "No network connection. Check your Wi-Fi or mobile data.";
    SignedIn = guess "Signed in";
    /// The doc says "2-step verification" here but "Two-step verification" in the settings and the
    /// seeds: one name per thing, the one people are told to look for.
    TwoStepTitle = seed "Two-step verification";
    CodeSentTo = doc "Code sent to {to}";
    // The same words for a code by email: Chinese says which (短信 is a text message).
    CodeSentToEmail = doc "Code sent to {to}";
    EnterCode = doc "Enter verification code";
    EnterEmailCode = doc "Enter verification code";
    ResendCode = doc "Resend code";
    SendIn = doc "Send in {seconds}";
    Next = doc "Next";
    CodeIncorrect = doc "The code you entered is incorrect";
    CodeExpired = doc "Code expired. Try again.";
    TooManyCodes = doc "Too many verification codes have been sent to this number. Try again later.";
    /// The email form of the doc string above.
    TooManyCodesEmail = guess "Too many verification codes have been sent to this email address. Try again later.";
    ChannelEmail = guess "Email";
    ChannelMessages = guess "Messages";
    CodeNotification = guess "{channel}: {code} is your Mi Account verification code. It expires in {minutes} minutes.", hyperos "{channel}: {code} is your Xiaomi Account verification code. It expires in {minutes} minutes.";
    UsingPhoneNumber = seed "Using phone number";
    EmailAddress = seed "Email address";
    PhoneNumber = doc "Phone number";
    Email = doc "Email";
    Name = guess "Name";
    PasswordRules = seed "At least 8 characters with letters, numbers and symbols";
    GetCode = doc "Get code";
    EnterValidPhone = guess "Enter a valid phone number";
    EnterValidEmail = guess "Enter a valid email address";
    PhoneRegistered = guess "This phone number is already registered";
    EmailRegistered = guess "This email is already registered";
    EnterYourName = guess "Enter your name";
    PasswordTooShort = seed "Use at least 8 characters";
    PasswordNoLetter = seed "Include at least one letter";
    PasswordNoNumber = seed "Include at least one number";
    PasswordNoSymbol = seed "Include at least one symbol, such as ! or #";
    AccountCreated = guess "Mi Account created", hyperos "Xiaomi Account created";
    ResetPassword = guess "Reset password";
    ForgotAbout = guess "Enter your account and we'll send a verification code to its phone number or email.";
    NoSuchAccount = guess "No account uses this ID, email or phone number";
    NewPassword = guess "New password";
    ConfirmNewPassword = guess "Confirm new password";
    ConfirmPassword = guess "Confirm password";
    PasswordsDontMatch = guess "The passwords don't match";
    PasswordResetDone = guess "Password changed. Sign in with your new password.";
    PasswordResetUseIt = guess "Password changed. Use your new password from now on.";
    /// Seed 003 §9, lost access to the linked phone or email: the code to the other address.
    UseRecoveryEmail = guess "Use recovery email";
    UseRecoveryPhone = guess "Use recovery phone number";
    NoRecoveryAddress = guess "This account has no recovery phone or email. Contact Xiaomi support for assistance.";

    // ---- Sign out ---------------------------------------------------------------------------
    ConfirmSignOutBody = guess "Sign out of your Mi Account on this device? You can sign in again at any time.", hyperos "Sign out of your Xiaomi Account on this device? You can sign in again at any time.";
    Cancel = doc "Cancel";
    Ok = doc "OK";
    EnterPasswordTitle = doc "Enter password";
    PasswordForSignOut = guess "Find Device is on. Enter your Mi Account password to turn it off and sign out.", hyperos "Find device is on. Enter your Xiaomi Account password to turn it off and sign out.";
    /// The doc's sentence with the skin's one name for the feature ("Find Device" on MIUI).
    WrongSignOutPassword = seed "Can't turn off Find Device. Enter your Mi Account password again.", hyperos "Can't turn off Find device. Enter your Xiaomi Account password again.";
    /// A wrong password where Find Device is not involved, after the doc's sign-out wording.
    WrongPassword = guess "Wrong password. Enter your Mi Account password again.", hyperos "Wrong password. Enter your Xiaomi Account password again.";
    KeepOrRemoveTitle = doc "Delete synced items from this device?";
    KeepOrRemoveBody = doc "Some items from the following apps are synced with Mi Cloud. You can delete them from this device still keeping them in the cloud.", hyperos "Some items from the following apps are synced with Xiaomi Cloud. You can delete them from this device still keeping them in the cloud.";
    Remove = doc "Remove";
    Keep = doc "Keep";
    SigningOut = doc "Signing out…";
    /// Seed 002's advice in the "Sign out" confirmation, and its way to Cloud backup.
    BackUpBeforeSignOut = seed "Before signing out, back up your data. You can use the Mi Cloud service.", hyperos "Before signing out, back up your data. You can use the Xiaomi Cloud service.";
    BackUpYourData = seed "Back up your data";
    CantSignOut = guess "Can't sign out";
    SignOutRefusedBody = guess "This Mi Account is managed by {organisation}. Its device management policy doesn't allow signing out on this device. Contact your IT administrator.", hyperos "This Xiaomi Account is managed by {organisation}. Its device management policy doesn't allow signing out on this device. Contact your IT administrator.";

    // ---- Mi Cloud ---------------------------------------------------------------------------
    SyncAutomatically = doc "Sync automatically";
    SyncOverWiFiOnly = seed "Sync over Wi-Fi only";
    SavesMobileData = seed "Saves mobile data";
    SyncNow = doc "Sync now";
    Syncing = doc "Syncing…";
    Sync = doc "Sync";
    AutoSyncOff = doc "Auto sync is off";
    PausedOnMobileData = doc "Sync is paused while you're using mobile data";
    SyncOffline = guess "Sync will resume when the phone is back online";
    /// Mi Cloud → Cloud backup (seed 002: "back up your data … You can use the Mi Cloud
    /// service"); restoring it when the account signs in.
    CloudBackup = guess "Cloud backup";
    BackUpNow = guess "Back up now";
    BackingUp = guess "Backing up…";
    BackedUp = guess "Backup complete";
    LastBackup = guess "Last backup: {when}";
    NotBackedUpYet = guess "Not backed up yet";
    BackupHoldsTitle = ours "What a backup holds";
    BackupHolds = ours "The data of this phone's apps: contacts, messages, photos, notes, events, call history, recordings, Wi-Fi networks and browser bookmarks, including apps that don't sync. One backup per phone, kept in this account's Mi Cloud; a new backup replaces it. Settings and the apps themselves are not backed up.", hyperos "The data of this phone's apps: contacts, messages, photos, notes, events, call history, recordings, Wi-Fi networks and browser bookmarks, including apps that don't sync. One backup per phone, kept in this account's Xiaomi Cloud; a new backup replaces it. Settings and the apps themselves are not backed up.";
    RestoreFromBackup = guess "Restore from backup";
    NothingToRestore = guess "Everything in the backup is on this phone";
    RestoreTitle = guess "Restore from backup?";
    RestoreBody = guess "Mi Cloud has a backup of {device} from {when}. Restore its data to this phone? What is on the phone now stays.", hyperos "Xiaomi Cloud has a backup of {device} from {when}. Restore its data to this phone? What is on the phone now stays.";
    Restore = guess "Restore";
    NotNow = guess "Not now";
    Restored = guess "Data restored from backup";
    /// Settings → Apps, an app's info, Additional settings → Date & time.
    ClearCache = doc "Clear cache";
    AppInfo = doc "App info";
    ClearCacheAbout = guess "Clearing the cache removes temporary files. It does not delete your data or sign you out.";
    CacheCleared = guess "Cache cleared";
    AppMiCloud = doc "Mi Cloud", hyperos "Xiaomi Cloud";
    DateTime = doc "Date & time";
    SetTimeAutomatically = doc "Set time automatically";
    Date = doc "Date";
    Time = doc "Time";
    EnterDateHint = ours "Type the date as year-month-day, such as 2026-11-21.";
    EnterTimeHint = ours "Type the time as hours:minutes, 24-hour, such as 09:30.";
    EnterDateLike = ours "Enter a date such as 2026-11-21";
    EnterTimeLike = ours "Enter a time such as 09:30";
    ClockTooFarOff = ours "That is more than a century away";
    AdditionalRestNotSimulated = ours "Languages, accessibility and the other additional settings are not simulated.";
    /// Additional settings → Developer options → Mi Unlock status (seed 001: "if you want unlock
    /// bootloader you must have a Mi account"); bootloader guides quote the page's words.
    DeveloperOptions = doc "Developer options";
    MiUnlockStatus = doc "Mi Unlock status";
    DeveloperRestNotSimulated = ours "USB debugging, OEM unlocking and the other developer options are not simulated.";
    Bootloader = guess "Bootloader";
    BootloaderLocked = guess "Locked";
    UnlockAbout = guess "Unlocking the bootloader needs the Mi Account signed in on this phone, added here. The unlock itself is done with Mi Unlock on a computer.", hyperos "Unlocking the bootloader needs the Xiaomi Account signed in on this phone, added here. The unlock itself is done with Mi Unlock on a computer.";
    UnlockAccount = guess "Account and device";
    UnlockNotAdded = guess "Not added";
    AddAccountAndDevice = doc "Add account and device";
    UnlockAdded = guess "Added successfully. Mi Account is associated with this device now.", hyperos "Added successfully. Xiaomi Account is associated with this device now.";
    UnlockSignInFirst = guess "Add a Mi Account to this phone first: Settings → Mi Account.", hyperos "Add a Xiaomi Account to this phone first: Settings → Xiaomi Account.";
    /// A stuck sync (a broken cache), as a phone says it: nothing about why.
    SyncFailed = guess "Couldn't sync. Try again later.";
    SyncFailedClock = guess "Couldn't sync: this phone's date and time are wrong. Check Date & time in Additional settings.";
    /// "Sync now" on mobile data with "Sync over Wi-Fi only" on: why nothing happens, and the way out.
    SyncNowOnMobileData = guess "Sync is paused while you're using mobile data. Connect to Wi-Fi, or turn off \"Sync over Wi-Fi only\".";
    StorageFull = guess "Mi Cloud storage is full. New items aren't uploaded.", hyperos "Xiaomi Cloud storage is full. New items aren't uploaded.";
    NotSyncedYet = guess "Not synced yet";
    LastSynced = doc "Last synced: {when}";
    AppContacts = doc "Contacts";
    AppMessages = doc "Messages";
    AppGallery = doc "Gallery";
    AppNotes = doc "Notes";
    AppCalendar = doc "Calendar";
    AppCallHistory = doc "Call history";
    AppRecorder = doc "Recorder";
    AppWiFi = doc "Wi-Fi";
    AppBrowser = doc "Browser";
    SyncsContacts = doc "Contacts and profile photos";
    SyncsMessages = doc "SMS and MMS messages";
    SyncsGallery = doc "Photos and videos";
    SyncsNotes = guess "Notes and checklists";
    SyncsCalendar = doc "Events";
    SyncsCallHistory = guess "Calls made and received";
    SyncsRecorder = doc "Audio and call recordings";
    SyncsWiFi = doc "Wi-Fi settings";
    SyncsBrowser = doc "Bookmarks, history, and tabs";

    // ---- Find Device, lost mode, activation lock --------------------------------------------
    FindDeviceSummary = doc "Locate and lock your device, as well as erase data remotely";
    FindDeviceWeb = ours "When it's on, the account can locate, ring, lock and erase this phone from i.mi.com.";
    /// The doc's sentence with the skin's one name for the feature ("Find Device" on MIUI).
    FindDeviceTurnedOn = seed "Find Device is on.", hyperos "Find device is on.";
    FindDeviceTurnedOff = guess "Find Device is off.", hyperos "Find device is off.";
    /// The doc's sentence with the skin's one name for the feature ("Find Device" on MIUI).
    TurnOffFindDeviceTitle = seed "Turn off Find Device?", hyperos "Turn off Find device?";
    TurnOffFindDeviceBody = guess "You won't be able to locate, lock or erase this device if you lose it.";
    TurnOffAnyway = doc "Turn off anyway";
    KeepOn = doc "Keep on";
    PasswordForFindDevice = guess "Enter your Mi Account password to turn off Find Device.", hyperos "Enter your Xiaomi Account password to turn off Find device.";
    PasswordForFactoryReset = guess "This phone has a Mi Account. Enter its password to erase the phone.", hyperos "This phone has a Xiaomi Account. Enter its password to erase the phone.";
    RingingBody = guess "♪ This phone is ringing: its owner asked Find Device to play a sound.", hyperos "♪ This phone is ringing: its owner asked Find device to play a sound.";
    Stop = guess "Stop";
    DeviceIsLocked = doc "Device is locked";
    LostModeMessage = doc "Device is locked. Message: {message}. Call {call}.";
    AccountPasswordField = guess "Mi Account password", hyperos "Xiaomi Account password";
    Unlock = guess "Unlock";
    Unlocked = guess "Unlocked";
    IncorrectPassword = guess "Incorrect password. Try again.";
    ThisDeviceIsLocked = doc "This device is locked";
    ActivationLockAbout = doc "This device is associated with a Mi Account ({account}). Enter password to activate device.", hyperos "This device is associated with a Xiaomi Account ({account}). Enter password to activate device.";
    Activate = doc "Activate";
    DeviceActivated = guess "Device activated";

    // ---- Account security -------------------------------------------------------------------
    Security = seed "Security";
    ChangePassword = seed "Change password";
    TwoStepVerification = seed "Two-step verification";
    TwoStepSummary = guess "Ask for a code when signing in on a new device";
    LoginNotifications = seed "Login notifications";
    RecoveryPhone = doc "Recovery phone";
    RecoveryEmail = doc "Recovery email";
    LoginHistory = seed "Login history";
    EmailAndSms = guess "Email and SMS";
    Sms = seed "SMS";
    NotSet = guess "Not set";
    CurrentPassword = guess "Current password";
    /// Seed 000's pro tip, said where the password is changed.
    PasswordChanged = seed "Password changed. Other devices stay signed in: remove the ones you don't trust.";
    WrongCurrentPassword = guess "The current password is incorrect";
    SamePassword = guess "The new password must be different from the current one";
    LoginNotificationsAbout = guess "Get an alert when a new device signs in to your Mi Account.", hyperos "Get an alert when a new device signs in to your Xiaomi Account.";
    LoginHistoryAbout = guess "Look for places and devices you don't recognize.";
    NoSignInsYet = guess "No sign-ins recorded yet.";
    NewDevice = guess "New device";
    /// A sign-in whose place the cloud does not know (seed 000: "review login history for
    /// suspicious locations": an entry says where, or that nobody knows).
    UnknownLocation = guess "Unknown location";
    HistoryMore = ours "The {shown} most recent sign-ins are shown.";
    PasswordForTwoStepOn = guess "Enter your Mi Account password to turn on two-step verification.", hyperos "Enter your Xiaomi Account password to turn on two-step verification.";
    PasswordForTwoStepOff = guess "Enter your Mi Account password to turn off two-step verification.", hyperos "Enter your Xiaomi Account password to turn off two-step verification.";
    TwoStepIsOn = guess "Two-step verification is on";
    TwoStepIsOff = guess "Two-step verification is off";
    NewSignInAlert = guess "New sign-in to your Mi Account: {device} in {place}. If this wasn't you, change your password.", hyperos "New sign-in to your Xiaomi Account: {device} in {place}. If this wasn't you, change your password.";

    // ---- Devices ----------------------------------------------------------------------------
    MyDevices = doc "My devices";
    /// account.xiaomi.com's heading over the devices (seed 001: "under My Devices").
    WebMyDevices = seed "My Devices";
    CurrentDevice = doc "Current device";
    OtherDevices = guess "Other devices";
    NoOtherDevices = guess "No other devices.";
    NoDevices = guess "No devices.";
    DevicesAdvice = seed "Don't recognize a device? Remove it and change your password. Devices in places far apart? Change your password and turn on two-step verification. Xiaomi TVs, bands, watches and tablets appear here too: keep them unless you're selling them.";
    WebDevicesAbout = seed "Every device signed in to your account, with its last login and location. Click one to remove it. Don't recognize one? Remove it and change your password.";
    Device = guess "Device";
    Type = guess "Type";
    LastLogin = seed "Last login";
    Location = seed "Location";
    FirstSignIn = guess "First sign-in";
    AdviceThisPhone = guess "This is the phone you're using. Removing it signs it out.";
    AdviceKeepIt = seed "TVs, bands, watches and smart home devices belong here: keep it unless you're selling it.";
    AdviceUnknown = seed "If you don't recognize this device, remove it and change your password. If it's an old phone you sold, remove it to prevent activation lock problems.";
    RemoveDeviceTitle = guess "Remove device?";
    /// A device page's and the remove dialog's button (the sign-out dialog's "Remove" removes
    /// data, and Chinese words the two apart).
    RemoveDevice = doc "Remove";
    RemoveNotice = doc "After device is removed, it will be signed out of your Mi Account automatically. To use it with this account again, sign in on it.", hyperos "After device is removed, it will be signed out of your Xiaomi Account automatically. To use it with this account again, sign in on it.";
    /// account.xiaomi.com's button on a device's page (seed 001: "Click Delete device").
    DeleteDevice = seed "Delete device";
    /// account.xiaomi.com's confirmation of removing a device (seed 001: "Click Delete").
    Delete = seed "Delete";
    SignedOut = doc "Signed out";
    AlreadyRemoved = guess "This device has already been removed.";
    /// Another device removed from the account: not "Signed out", which reads as this phone.
    /// The browser beside the phone, as the login history names it.
    WebBrowserDevice = guess "Web browser";
    DeviceRemoved = guess "{name} was removed and signed out of your Mi Account.", hyperos "{name} was removed and signed out of your Xiaomi Account.";
    /// Signing in with data on the phone from another account (MIUI asks whether to merge).
    MergeTitle = guess "Merge data on this phone?";
    MergeBody = guess "Some items on this phone came from another Mi Account. Merge them into {name}'s Mi Cloud, or keep them on this phone only.", hyperos "Some items on this phone came from another Xiaomi Account. Merge them into {name}'s Xiaomi Cloud, or keep them on this phone only.";
    Merge = guess "Merge";
    DontMerge = guess "Don't merge";
    Merged = guess "Merged into Mi Cloud", hyperos "Merged into Xiaomi Cloud";
    NotMerged = guess "Kept on this phone only";
    SignedOutRemotelyTitle = guess "Signed out of Mi Account", hyperos "Signed out of Xiaomi Account";
    SignedOutRemotelyBody = guess "This phone was removed from {name}'s Mi Account on another device, so it was signed out. Its data is still on the phone. Sign in again to sync it.", hyperos "This phone was removed from {name}'s Xiaomi Account on another device, so it was signed out. Its data is still on the phone. Sign in again to sync it.";
    KindPhone = doc "Phone";
    KindTablet = doc "Tablet";
    KindTv = doc "TV";
    KindWatch = doc "Watch";
    KindBand = doc "Band";
    KindSmartHome = doc "Smart home";
    JustNow = doc "Just now";
    OneMinAgo = doc "1 min ago";
    MinsAgo = doc "{minutes} mins ago";
    OneHourAgo = guess "1 hour ago";
    HoursAgo = guess "{hours} hours ago";
    Yesterday = doc "Yesterday";
    /// A date as chrono formats it: "Nov 20, 2026".
    FormatDate = ours "%b %-d, %Y";
    /// A date and time: "Nov 20, 2026 09:12".
    FormatDateTime = ours "%b %-d, %Y %H:%M";
    /// A day: "Nov 20".
    FormatDayMonth = ours "%b %-d";

    // ---- The browser ------------------------------------------------------------------------
    SiteCloud = ours "i.mi.com";
    SiteAccount = ours "account.xiaomi.com";
    WebPageTitle = ours "Mi Account — {page}", hyperos "Xiaomi Account — {page}";
    WebCloudPageTitle = ours "Mi Cloud — {page}", hyperos "Xiaomi Cloud — {page}";
    /// i.mi.com: the heading over what the account's cloud holds.
    InTheCloud = guess "In the cloud";
    InCloudCount = guess "{count} in Mi Cloud", hyperos "{count} in Xiaomi Cloud";
    NothingHere = guess "Nothing here.";
    /// i.mi.com's recently deleted items (seed 000: "Check Mi Cloud for any deleted or accessed
    /// files"), kept `DELETED_KEPT_DAYS` days.
    RecentlyDeleted = guess "Recently deleted";
    RecentlyDeletedCount = guess "{count} in the last 30 days";
    RecentlyDeletedAbout = guess "Items deleted from Mi Cloud, on any of your devices, stay here for 30 days, then they are deleted for good. Restore one to put it back in Mi Cloud: your phones get it at their next sync. Don't recognize the device that deleted something? Check Devices and Login history on account.xiaomi.com.", hyperos "Items deleted from Xiaomi Cloud, on any of your devices, stay here for 30 days, then they are deleted for good. Restore one to put it back in Xiaomi Cloud: your phones get it at their next sync. Don't recognize the device that deleted something? Check Devices and Login history on account.xiaomi.com.";
    /// A recently deleted item's line: "Notes · Deleted Nov 21, 2026 07:55 on Redmi 12C".
    DeletedSummary = guess "{app} · Deleted {when} on {device}";
    DeletedAt = guess "Deleted";
    DeletedOn = guess "Deleted on";
    KeptUntil = guess "Kept until";
    AppLabel = guess "App";
    RestoredToCloud = guess "Restored \"{title}\" to {app} in Mi Cloud.", hyperos "Restored \"{title}\" to {app} in Xiaomi Cloud.";
    NoLongerDeleted = guess "This item is no longer in Recently deleted: it was restored, or kept past 30 days.";
    /// The last line of a long list cut short (devices, contacts, photos): its first rows only.
    ListMore = ours "The first {shown} of {total} are shown.";
    /// The phone's home screen and its apps.
    HomeScreenTitle = ours "Home";
    OnPhoneCount = guess "{count} on this phone";
    InCloudMark = guess "In Mi Cloud", hyperos "In Xiaomi Cloud";
    BrowserAppSummary = ours "i.mi.com and account.xiaomi.com";
    /// account.xiaomi.com's profile and storage (seed 003 §7).
    ProfileSummary = guess "Name, Mi Account ID, recovery phone and email", hyperos "Name, Xiaomi Account ID, recovery phone and email";
    AccountIdLabel = doc "Mi Account ID", hyperos "Xiaomi Account ID";
    CloudStorage = guess "Mi Cloud storage", hyperos "Xiaomi Cloud storage";
    CloudStorageAbout = guess "What each app keeps in Mi Cloud. Manage it on i.mi.com.", hyperos "What each app keeps in Xiaomi Cloud. Manage it on i.mi.com.";
    AppUsage = guess "{size} · items: {count}";
    WebCloudSignInTitle = guess "Mi Cloud — Sign in", hyperos "Xiaomi Cloud — Sign in";
    WebCloudSignInAbout = guess "i.mi.com — sign in with your Mi Account to find your device.", hyperos "i.mi.com — sign in with your Xiaomi Account to find your device.";
    WebAccountSignInTitle = guess "Mi Account — Sign in", hyperos "Xiaomi Account — Sign in";
    WebAccountSignInAbout = guess "account.xiaomi.com — sign in to manage your Mi Account's security and devices.", hyperos "account.xiaomi.com — sign in to manage your Xiaomi Account's security and devices.";
    SignedInAs = guess "Signed in as {name} ({id})";
    WebSecuritySummary = seed "Change password, Two-step verification, Login notifications, Devices, Login history";
    WebFindDeviceTitle = guess "Mi Cloud — Find Device", hyperos "Xiaomi Cloud — Find device";
    Online = guess "Online";
    OfflineState = guess "Offline";
    Located = guess "Located: {place} · {time}";
    Locate = doc "Locate";
    PlaySound = doc "Play sound";
    LostMode = doc "Lost mode";
    EraseData = doc "Erase data";
    WebFindDeviceOff = guess "Find Device is off on {name}, so it can't be found.", hyperos "Find device is off on {name}, so it can't be found.";
    WebNoFindableDevice = guess "No devices with Find Device on are signed in to this account.", hyperos "No devices with Find device on are signed in to this account.";
    PhoneOffline = guess "{name} is offline. Try again when it's connected.";
    PlayingSound = guess "Playing a sound on {name}";
    LostModeDefaultMessage = guess "This phone is lost. Please call me.";
    WebLostModeTitle = guess "Mi Cloud — Lost mode", hyperos "Xiaomi Cloud — Lost mode";
    WebLostModeAbout = guess "The phone will be locked and show this message and number until your Mi Account password is entered on it.", hyperos "The phone will be locked and show this message and number until your Xiaomi Account password is entered on it.";
    Message = guess "Message";
    LockDevice = guess "Lock device";
    EnterLostMessage = guess "Enter a message for whoever finds the phone";
    PhoneIsLocked = guess "{name} is locked";
    EraseDataTitle = guess "Erase data?";
    WebEraseBody = guess "Everything on the phone will be erased. It stays locked to your Mi Account until your password is entered on it.", hyperos "Everything on the phone will be erased. It stays locked to your Xiaomi Account until your password is entered on it.";
    Erase = doc "Erase";
    PhoneWasErased = guess "{name} was erased";

    // ---- Keys: the hint line, the `?` help and the README -----------------------------------
    KeyEnter = ours "Enter";
    KeyEsc = ours "Esc";
    KeyTab = ours "Tab";
    KeyBackTab = ours "Shift-Tab";
    KeyPageUp = ours "PageUp";
    KeyPageDown = ours "PageDown";
    KeyHome = ours "Home";
    KeyEnd = ours "End";
    KeyBackspace = ours "Backspace";
    KeyDelete = ours "Delete";
    KeyCtrl = ours "Ctrl";
    KeySpace = ours "Space";
    KeyUpDown = ours "↑↓";
    KeyLeftRight = ours "←→";
    KeyQ = ours "q";
    KeyQuestion = ours "?";
    KeyF2 = ours "F2";
    KeyF3 = ours "F3";
    KeyAnyCharacter = ours "any character";
    KeyAny = ours "any key";
    HintClose = ours "close";
    HintScroll = ours "scroll";
    HelpScrollUp = ours "scroll up a line";
    HelpScrollDown = ours "scroll down a line";
    HintWait = ours "Please wait";
    /// On a dialog's bottom edge when its text goes on below: the key that scrolls it.
    MoreBelow = ours "PgDn ↓";
    MoreAbove = ours "PgUp ↑";
    HelpWait = ours "nothing: the phone is busy (Ctrl-C still quits)";
    WhereBusy = ours "while the phone is busy (\"Signing out…\")";
    HelpCloseHelp = ours "closes this help";
    WhereHelp = ours "in this help";
    HintType = ours "Type";
    HintNext = ours "next";
    HintDone = ours "done";
    HintBack = ours "back";
    HintCancel = ours "cancel";
    HintMove = ours "move";
    HintOpen = ours "open";
    HintSelect = ours "select";
    /// Enter on a switch that is off, or on: what it turns it to ("Enter off"), one word so the
    /// line keeps `? help` at 40 columns.
    HintTurnOn = ours "on";
    HintTurnOff = ours "off";
    /// Enter on a checkbox not ticked, or ticked.
    HintTick = ours "tick";
    HintUntick = ours "untick";
    /// Enter on a button.
    HintPress = ours "press";
    /// ↑↓ on a page taller than the screen: they bring the rest into view.
    HintMore = ours "more";
    HintHelp = ours "help";
    HintQuit = ours "quit";
    HintBrowser = ours "browser";
    HintPhone = ours "phone";
    HintHome = ours "home";
    HelpType = ours "types it";
    HelpNextField = ours "next field";
    HelpPreviousField = ours "previous field";
    HelpDone = ours "done: submits the form";
    HelpBack = ours "back";
    HelpCancel = ours "cancel (closes the dialog)";
    HelpDeleteBackward = ours "deletes before the cursor";
    HelpDeleteForward = ours "deletes after the cursor";
    HelpCursorLeft = ours "cursor left";
    HelpCursorRight = ours "cursor right";
    HelpCursorHome = ours "cursor to the start";
    HelpCursorEnd = ours "cursor to the end";
    HelpClearField = ours "empties the field";
    HelpFocusPrev = ours "move focus up (on a page, scroll where it can go no further)";
    HelpFocusNext = ours "move focus down (on a page, scroll where it can go no further)";
    HelpFocusPrevButton = ours "the button or field before";
    HelpFocusNextButton = ours "the button or field after";
    HelpFocusFirst = ours "first item";
    HelpFocusLast = ours "last item";
    HelpPageUp = ours "scroll a page up (the page, or a dialog's text)";
    HelpPageDown = ours "scroll a page down (the page, or a dialog's text)";
    HelpOpen = ours "open a row, flip a switch, press a button";
    HelpSelect = ours "press the focused button";
    HelpQuit = ours "quit";
    HelpHelp = ours "these keys";
    HelpToBrowser = ours "switch to the browser (i.mi.com, account.xiaomi.com)";
    HelpToPhone = ours "switch back to the phone";
    HelpHome = ours "the phone's home screen: Settings, Contacts, Gallery, Notes, Messages, Browser";
    HelpQuitAnywhere = ours "quit from anywhere";
    HelpTitle = ours "Keys";
    HelpClose = ours "Close";
    HelpClick = ours "A click taps what is under it (‹ goes back); the wheel scrolls.";
    WhereAnywhere = ours "anywhere";
    WhereTyping = ours "in a text field";
    WhereTypingWithBack = ours "in a text field on a page";
    WhereTypingInDialog = ours "in a text field in a dialog";
    WherePage = ours "on a page or in a dialog";
    WherePageNoDialog = ours "on a page";
    WhereDialog = ours "in a dialog";
    WhereRoot = ours "on a first page (Settings, the home screen, a website's home)";
    WherePhone = ours "on the phone";
    WhereBrowser = ours "on the browser";
    WherePhoneHome = ours "on the phone, unless it is locked";

    /// Between the items of a list written out in a sentence ("Contacts, Messages").
    ListSeparator = ours ", ";
    // ---- The renderer -----------------------------------------------------------------------
    TooSmall = ours "Terminal too small: {width}x{height}. mi-settings needs at least {min_width}x{min_height}.";
    BrowserLabel = ours "Browser";
    /// A switch, on and off: five cells wide in every language.
    SwitchOn = ours "[ ON]";
    SwitchOff = ours "[OFF]";
    NotSaved = ours "Not saved: {reason}";
}
