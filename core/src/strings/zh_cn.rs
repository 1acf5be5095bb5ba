//! The catalogue in Simplified Chinese, as China-ROM phones word it: one line per text, in the
//! English catalogue's order. `Name = source "MIUI wording", hyperos "HyperOS wording";` where
//! the second wording is given only when HyperOS says it differently. Sources: `doc` (the
//! wording of a real MIUI or HyperOS China build), `guess` (natural Chinese where the real
//! wording could not be found), `ours` (the simulation's own text), and `same` with no wording
//! for a name written as in English (a key).
//!
//! A `doc` line names its source after `//`, by the resource key of Xiaomi's own zh-CN strings:
//! `XA` the Xiaomi Account app (com.xiaomi.account, a 2024 global build, whose zh-CN strings
//! are the China wording), `M8` MIUI 8/9 Settings, and other Xiaomi apps by name (Gallery,
//! Health, SystemUIPlugin, MiuiHome, Backup, Contacts); the account website's pages by address.
//! Xiaomi's words win over a guess wherever they were found; no Xiaomi source writes
//! "Xiaomi 账号", so both skins say 小米账号 / 小米云服务 / 查找设备.
//!
//! The match below lists every id, so a text without a Chinese wording does not compile.

use super::Source;
use super::catalogue::S;
use crate::sim::device::Skin;

macro_rules! zh_cn {
    ($($id:ident = $source:ident $($miui:literal $(, hyperos $hyperos:literal)?)?;)*) => {
        impl S {
            /// The Simplified Chinese wording for `skin`.
            pub(super) fn zh_cn(self, skin: Skin) -> &'static str {
                match self {
                    $(S::$id => zh_wording!(self, skin, $source $(, $miui $(, $hyperos)?)?),)*
                }
            }

            /// Where the Simplified Chinese wording comes from.
            pub fn zh_cn_source(self) -> Source {
                match self {
                    $(S::$id => zh_source!($source),)*
                }
            }
        }
    };
}

/// `same`: a key's or a site's name, written as in English.
macro_rules! zh_wording {
    ($id:ident, $skin:ident, same) => {
        $id.en($skin)
    };
    ($id:ident, $skin:ident, $source:ident, $($wording:literal),+) => {
        pick!($skin, $($wording),+)
    };
}

macro_rules! zh_source {
    (same) => {
        Source::Ours
    };
    ($source:ident) => {
        source!($source)
    };
}

zh_cn! {
    // ---- Product names and the account entry -----------------------------------------------
    // The apps' own labels on China ROMs: com.xiaomi.account is 小米账号, com.miui.cloudservice
    // 小米云服务 (app lists read off phones, and app-rule catalogues naming them).
    Account = doc "小米账号";
    Cloud = doc "小米云服务"; // XA xiaomi_cloud_service
    FindDevice = doc "查找设备"; // XA find_device
    SignInToAccount = doc "登录小米账号"; // XA login_notification_title
    AccountTagline = guess "一个小米账号，畅享全部小米服务";
    AccountEntrySummary = guess "管理账号、云服务、支付等";
    AccountIdLine = doc "小米ID：{id}"; // XA passport_registered_phone_user_ID

    // ---- Settings home ----------------------------------------------------------------------
    Settings = doc "设置"; // M8 settings_label
    AboutPhone = doc "我的设备"; // M8 my_device
    SimCardsAndNetworks = guess "双卡与移动网络";
    WiFi = doc "WLAN"; // M8 wifi_settings_title
    Bluetooth = doc "蓝牙"; // SystemUIPlugin quick_settings_bluetooth_label
    ConnectionSharing = guess "连接与共享";
    AccountsSync = guess "账号与同步";
    On = doc "已开启"; // XA on
    Off = doc "已关闭"; // XA off
    TopicLockScreen = guess "息屏与锁屏";
    TopicDisplay = guess "显示";
    TopicSound = guess "声音与振动";
    TopicNotifications = doc "通知与控制中心"; // SystemUIPlugin notification_control_center
    TopicHomeScreen = guess "桌面";
    TopicWallpaper = guess "壁纸";
    TopicThemes = guess "主题";
    TopicPasswordsSecurity = guess "密码与安全";
    TopicPrivacy = guess "隐私保护";
    TopicBattery = guess "省电与电池";
    TopicApps = guess "应用设置";
    TopicAdditionalSettings = doc "更多设置"; // M8 other_advanced_settings; Backup new_more_settings_label
    TopicWellbeing = guess "健康使用设备";
    TopicSpecialFeatures = guess "特色功能";
    TopicGoogle = guess "Google";
    TopicServicesFeedback = guess "服务与反馈";
    TopicAddAccount = doc "添加账号"; // XA add_account
    TopicPersonalInfo = doc "个人信息"; // XA passport_account_user_details
    NotSimulated = ours "暂未模拟“{topic}”。本手机模拟的是设置 → 小米账号（登录与退出登录、小米云服务同步、查找设备、设备、登录与安全）、它所依赖的功能（WLAN、移动数据、应用设置、日期和时间）以及桌面上的应用。";
    PressBack = ours "按 ‹ 或 Esc 返回。";
    StatusWiFi = ours "WLAN";
    Status4G = ours "4G";
    StatusNoData = ours "无数据";
    StatusAirplane = ours "飞行模式";

    // ---- Network ----------------------------------------------------------------------------
    WiFiAirplaneOn = guess "飞行模式已开启，仍可开启WLAN。";
    ConnectedNetwork = guess "已连接的网络";
    Connected = guess "已连接";
    WiFiOthersNotSimulated = ours "未模拟其他网络。WLAN开启时，手机会自动连接已保存的网络。";
    WiFiTurnOn = guess "开启WLAN以查看可用网络。";
    WiFiTurnedOn = guess "WLAN已开启";
    WiFiTurnedOff = guess "WLAN已关闭";
    MobileAirplaneOn = guess "飞行模式已开启，移动网络已关闭。可在“连接与共享”中关闭飞行模式。";
    SimCards = guess "SIM卡";
    Sim1 = guess "SIM 1";
    NoSimCard = guess "未插入SIM卡";
    MobileData = doc "移动数据"; // SystemUIPlugin quick_settings_cellular_detail_title
    MobileDataSummary = guess "WLAN关闭时使用移动网络";
    MobileDataTurnedOn = guess "移动数据已开启";
    MobileDataTurnedOff = guess "移动数据已关闭";
    DeviceName = guess "设备名称";
    AirplaneMode = doc "飞行模式"; // M8 airplane_mode
    AirplaneModeSummary = guess "关闭移动网络和WLAN";
    HotspotNotSimulated = ours "个人热点、VPN和投屏未模拟。";

    // ---- About phone, system update, factory reset ------------------------------------------
    SystemUpdate = guess "系统更新";
    FactoryReset = doc "恢复出厂设置"; // M8 master_clear_title
    EraseAllData = guess "清除所有数据";
    Specs = guess "全部参数";
    Model = guess "型号";
    MiuiVersion = guess "MIUI版本";
    DeveloperStepsAway = guess "现在只需再执行 {steps} 步操作即可进入开发者模式。";
    DeveloperOneStepAway = guess "现在只需再执行 1 步操作即可进入开发者模式。";
    NowADeveloper = guess "您现在处于开发者模式！";
    AlreadyADeveloper = guess "您已处于开发者模式，无需进行此操作。";
    AndroidVersion = guess "Android版本";
    Storage = guess "存储空间";
    CloudSpace = doc "云空间"; // Gallery cloud_backup_space
    Battery = guess "电池";
    CurrentVersion = guess "当前版本";
    CheckForUpdates = guess "检查更新";
    UpToDate = guess "已是最新版本";
    FactoryResetAbout = guess "此操作将清除手机上的所有数据，包括小米账号、联系人、短信、照片、笔记和设置。";
    FactoryResetAccount = guess "本机已登录小米账号，需要输入该账号的密码才能清除手机数据。";
    EraseAllDataTitle = guess "确定清除所有数据？";
    FactoryResetConfirmBody = guess "本机上的所有内容都将被清除：账号、联系人、短信、照片、笔记和设置。此操作无法撤销。";
    PhoneErased = guess "手机数据已清除";
    DeviceNameBody = guess "其他设备通过蓝牙和WLAN看到的是此名称。";
    EnterDeviceName = guess "请输入设备名称";
    DeviceNameTooLong = guess "设备名称过长（最多 {max} 个字符）";

    // ---- Accounts & sync, the Mi Account page -----------------------------------------------
    Accounts = doc "账号"; // M8 header_category_accounts (帐号, the old spelling)
    SignIn = doc "登录"; // XA passport_login
    CreateAccount = doc "注册小米账号"; // XA passport_title_reg
    CreateAccountButton = doc "注册"; // XA passport_register
    Occupied = guess "已用 {used} / 共 {plan} GB";
    AccountSecurity = doc "登录与安全"; // XA account_security; path 设置/小米账号/登录与安全
    Devices = doc "登录设备管理"; // XA account_bind_devices
    DeviceManagement = guess "设备管理";
    SignOut = doc "退出登录"; // XA logout_account

    // ---- Sign in, two-step, create account, forgot password ---------------------------------
    SignInTitle = doc "登录小米账号"; // XA passport_login_title
    LoginField = doc "邮箱/手机号码/小米ID"; // XA passport_account_hint_text
    Password = doc "密码"; // XA passport_user_password_hint
    ShowPassword = doc "显示密码"; // XA passport_password_show
    Agreement = doc "已阅读并同意小米账号用户协议和隐私政策"; // XA user_license_with_out_3rd_app_no_operator
    ForgotPassword = doc "忘记密码"; // XA passport_to_forget_password
    EnterAccountId = doc "请输入账号"; // XA passport_error_empty_username
    EnterPassword = doc "密码不能为空"; // XA passport_error_empty_password
    InvalidCredentials = doc "用户名密码不匹配"; // XA passport_bad_authentication
    TooManyAttempts = doc "操作太频繁，请稍后再试"; // XA passport_frequency_try_later
    AgreeFirst = doc "请您同意用户条款"; // XA passport_error_user_agreement_error
    Offline = doc "网络异常，请检查网络是否连通"; // XA passport_network_error
    SignedIn = guess "已登录";
    TwoStepTitle = doc "小米登录保护"; // XA passport_quick_login_step2_title
    CodeSentTo = doc "已发送短信验证码至 {to}"; // XA passport_send_sms_to
    CodeSentToEmail = doc "验证码已发送至 {to}"; // XA passport_vcode_email_send_prompt
    EnterCode = doc "请输入短信验证码"; // XA passport_input_vcode_hint
    EnterEmailCode = guess "请输入验证码";
    ResendCode = doc "重新发送"; // XA passport_resend_ticket
    SendIn = doc "{seconds}秒后发送"; // XA passport_ticket_send_by_second
    Next = doc "下一步"; // XA passport_next
    CodeIncorrect = doc "验证码错误"; // XA passport_wrong_vcode
    CodeExpired = doc "验证已过期，请重试"; // XA passport_error_token_expired
    TooManyCodes = doc "已经发送了太多短信，请换个时间再试试"; // XA passport_error_sms_limit
    TooManyCodesEmail = guess "该邮箱获取验证码的次数过多，请稍后再试。";
    ChannelEmail = guess "邮件";
    ChannelMessages = guess "短信";
    CodeNotification = guess "{channel}：验证码 {code}，用于小米账号身份验证，{minutes} 分钟内有效。";
    UsingPhoneNumber = guess "使用手机号码";
    EmailAddress = guess "邮箱地址";
    PhoneNumber = doc "手机号"; // XA passport_user_name_phone_number
    Email = guess "邮箱";
    Name = doc "昵称"; // XA account_user_name
    PasswordRules = guess "至少 8 位，需包含字母、数字和符号";
    GetCode = doc "获取验证码"; // XA passport_get_verify_code
    EnterValidPhone = doc "手机号码格式错误"; // XA passport_wrong_phone_number_format
    EnterValidEmail = doc "邮箱格式不正确"; // XA passport_error_email
    PhoneRegistered = guess "该手机号码已注册";
    EmailRegistered = doc "该邮箱已被注册"; // XA passport_error_dup_email
    EnterYourName = guess "请输入昵称";
    PasswordTooShort = guess "密码至少需要 8 位";
    PasswordNoLetter = guess "至少包含一个字母";
    PasswordNoNumber = guess "至少包含一个数字";
    PasswordNoSymbol = guess "至少包含一个符号，例如 ! 或 #";
    AccountCreated = guess "小米账号注册成功";
    ResetPassword = doc "找回密码"; // XA get_back_pwd
    ForgotAbout = guess "输入账号，我们会向该账号绑定的手机号码或邮箱发送验证码。";
    NoSuchAccount = guess "该账号不存在，请检查小米ID、邮箱或手机号码";
    NewPassword = guess "新密码";
    ConfirmNewPassword = doc "确认新密码"; // XA confirm_new_pwd
    ConfirmPassword = guess "确认密码";
    PasswordsDontMatch = doc "密码输入不一致"; // XA inconsistent_pwd
    PasswordResetDone = guess "密码已修改，请使用新密码登录。";
    PasswordResetUseIt = guess "密码已修改，今后请使用新密码。";
    UseRecoveryEmail = guess "使用安全邮箱验证";
    UseRecoveryPhone = guess "使用安全手机验证";
    NoRecoveryAddress = guess "该账号未设置安全手机或安全邮箱，请联系小米客服。";

    // ---- Sign out ---------------------------------------------------------------------------
    ConfirmSignOutBody = guess "确定要在本机上退出小米账号吗？之后可随时重新登录。";
    Cancel = guess "取消";
    Ok = guess "确定";
    EnterPasswordTitle = doc "输入密码"; // XA input_ps
    PasswordForSignOut = guess "查找设备已开启。请输入小米账号密码，以关闭查找设备并退出登录。";
    WrongSignOutPassword = doc "关闭查找设备失败，需要您重新输入小米账号密码"; // XA find_device_error_password_not_confirmed
    WrongPassword = guess "密码错误，请重新输入小米账号密码。";
    KeepOrRemoveTitle = guess "从本机删除已同步的数据？";
    KeepOrRemoveBody = guess "以下应用中的部分内容已与小米云服务同步。可以从本机删除这些内容，云端仍会保留。";
    Remove = guess "删除数据";
    Keep = guess "保留数据";
    SigningOut = doc "正在退出账号…"; // XA removing_account
    CantSignOut = doc "退出账号失败"; // XA logout_failed
    BackUpBeforeSignOut = guess "退出登录前，建议先备份数据。可以使用小米云服务备份。";
    BackUpYourData = guess "备份数据";
    SignOutRefusedBody = guess "此小米账号由 {organisation} 管理，其设备管理策略不允许在本机上退出登录。请联系 IT 管理员。";

    // ---- Mi Cloud ---------------------------------------------------------------------------
    SyncAutomatically = doc "自动同步"; // Gallery backup_automatically_title
    SyncOverWiFiOnly = doc "仅在WLAN下同步"; // M8 sync_wifi_only
    SavesMobileData = guess "节省移动数据流量";
    SyncNow = doc "立即同步"; // Health sync_immediately; Gallery backup_immediately
    Syncing = doc "正在同步…"; // M8 sync_in_progress
    Sync = guess "同步";
    AutoSyncOff = guess "自动同步已关闭";
    PausedOnMobileData = guess "使用移动数据时已暂停同步";
    SyncOffline = guess "手机恢复联网后将继续同步";
    CloudBackup = guess "云备份";
    BackUpNow = guess "立即备份";
    BackingUp = guess "正在备份…";
    BackedUp = guess "备份完成";
    LastBackup = guess "上次备份：{when}";
    NotBackedUpYet = guess "尚未备份";
    BackupHoldsTitle = ours "备份包含的内容";
    BackupHolds = ours "本机各应用的数据：联系人、短信、照片、笔记、日程、通话记录、录音、WLAN网络和浏览器书签，包括未开启同步的应用。每台手机一份备份，保存在此账号的小米云服务中；新的备份会替换旧的。系统设置和应用本身不会备份。";
    RestoreFromBackup = guess "从备份恢复";
    NothingToRestore = guess "备份中的内容都已在本机上";
    RestoreTitle = guess "从备份恢复？";
    RestoreBody = guess "小米云服务中有 {device} 于 {when} 的备份。是否将其数据恢复到本机？本机现有的数据会保留。";
    Restore = guess "恢复";
    NotNow = guess "暂不";
    Restored = guess "已从备份恢复数据";
    ClearCache = guess "清除缓存";
    AppInfo = doc "应用信息"; // MiuiHome recents_app_info_button_label
    ClearCacheAbout = guess "清除缓存只会删除临时文件，不会删除数据，也不会退出登录。";
    CacheCleared = guess "缓存已清除";
    AppMiCloud = guess "小米云服务";
    DateTime = doc "日期和时间"; // M8 date_and_time_settings_title
    SetTimeAutomatically = guess "自动设置时间";
    Date = guess "日期";
    Time = guess "时间";
    EnterDateHint = ours "按“年-月-日”的格式输入日期，例如 2026-11-21。";
    EnterTimeHint = ours "按 24 小时制“时:分”的格式输入时间，例如 09:30。";
    EnterDateLike = ours "请输入日期，例如 2026-11-21";
    EnterTimeLike = ours "请输入时间，例如 09:30";
    ClockTooFarOff = ours "日期与当前时间相差超过一百年";
    AdditionalRestNotSimulated = ours "语言、无障碍等其他更多设置未模拟。";
    DeveloperOptions = guess "开发者选项";
    MiUnlockStatus = guess "设备解锁状态";
    DeveloperRestNotSimulated = ours "USB调试、OEM解锁等其他开发者选项未模拟。";
    Bootloader = guess "引导程序（Bootloader）";
    BootloaderLocked = guess "已锁定";
    UnlockAbout = guess "解锁Bootloader需要将本机登录的小米账号在此绑定，解锁本身需在电脑上使用小米解锁工具完成。";
    UnlockAccount = guess "账号和设备";
    UnlockNotAdded = guess "未绑定";
    AddAccountAndDevice = guess "绑定账号和设备";
    UnlockAdded = guess "绑定成功，小米账号已与本设备关联。";
    UnlockSignInFirst = guess "请先在本机登录小米账号：设置 → 小米账号。";
    SyncFailed = guess "同步失败，请稍后重试。";
    SyncFailedClock = guess "同步失败：本机的日期和时间不正确。请在“更多设置”中检查“日期和时间”。";
    SyncNowOnMobileData = guess "使用移动数据时已暂停同步。请连接WLAN，或关闭“仅在WLAN下同步”。";
    StorageFull = guess "云空间已满，新内容将不会上传。";
    NotSyncedYet = guess "尚未同步";
    LastSynced = doc "上次同步时间：{when}"; // M8 last_synced; Health last_sync_time
    AppContacts = guess "联系人";
    AppMessages = guess "短信";
    AppGallery = guess "相册";
    AppNotes = guess "笔记";
    AppCalendar = guess "日历";
    AppCallHistory = guess "通话记录";
    AppRecorder = guess "录音机";
    AppWiFi = guess "WLAN";
    AppBrowser = guess "浏览器";
    SyncsContacts = guess "联系人和头像";
    SyncsMessages = guess "短信和彩信";
    SyncsGallery = guess "照片和视频";
    SyncsNotes = guess "笔记和待办";
    SyncsCalendar = guess "日程";
    SyncsCallHistory = guess "拨出和接听的电话";
    SyncsRecorder = guess "录音和通话录音";
    SyncsWiFi = guess "WLAN设置";
    SyncsBrowser = guess "书签、历史记录和标签页";
    // ---- Find Device, lost mode, activation lock --------------------------------------------
    FindDeviceSummary = guess "远程定位、锁定设备以及清除数据";
    FindDeviceWeb = ours "开启后，可在 i.mi.com 上定位此手机、让其响铃、锁定或清除数据。";
    FindDeviceTurnedOn = guess "查找设备已开启。";
    FindDeviceTurnedOff = guess "查找设备已关闭。";
    TurnOffFindDeviceTitle = guess "关闭查找设备？";
    TurnOffFindDeviceBody = guess "关闭后，设备丢失时将无法对其定位、锁定或清除数据。";
    TurnOffAnyway = guess "仍然关闭";
    KeepOn = guess "保持开启";
    PasswordForFindDevice = guess "请输入小米账号密码以关闭查找设备。";
    PasswordForFactoryReset = guess "此手机已登录小米账号，请输入该账号密码以清除手机数据。";
    RingingBody = guess "♪ 机主正在通过查找设备让此手机响铃。";
    Stop = guess "停止";
    DeviceIsLocked = guess "设备已锁定";
    LostModeMessage = doc "当前设备已锁定，提示信息：{message}，联系电话：{call}。"; // XA find_device_message
    AccountPasswordField = guess "小米账号密码";
    Unlock = guess "解锁";
    Unlocked = guess "已解锁";
    IncorrectPassword = guess "密码错误，请重试。";
    ThisDeviceIsLocked = guess "此设备已锁定";
    ActivationLockAbout = guess "此设备已经关联到小米账号（{account}）。请输入密码以激活设备。"; // first sentence: XA login_find_device_bind
    Activate = doc "激活账号"; // XA find_device_activate_account
    DeviceActivated = guess "设备已激活";

    // ---- Account security -------------------------------------------------------------------
    Security = doc "账号安全"; // account.xiaomi.com security page (帐号安全, the old spelling)
    ChangePassword = doc "修改密码"; // XA change_password
    TwoStepVerification = doc "小米登录保护"; // XA passport_quick_login_step2_title
    TwoStepSummary = guess "在新设备上登录时需要输入验证码";
    LoginNotifications = guess "登录提醒";
    RecoveryPhone = doc "安全手机"; // XA account_user_phone
    RecoveryEmail = doc "安全邮箱"; // XA account_user_email
    LoginHistory = guess "登录记录";
    EmailAndSms = guess "邮件和短信";
    Sms = guess "短信";
    NotSet = doc "未设置"; // XA not_set
    CurrentPassword = guess "当前密码";
    PasswordChanged = guess "密码已修改。其他设备仍保持登录，请移除你不信任的设备。";
    WrongCurrentPassword = guess "当前密码错误";
    SamePassword = doc "新密码不能与原密码相同"; // XA same_new_and_old_pwd
    LoginNotificationsAbout = guess "有新设备登录你的小米账号时发送提醒。";
    LoginHistoryAbout = guess "留意是否有你不认识的地点和设备。";
    NoSignInsYet = guess "暂无登录记录。";
    NewDevice = guess "新设备";
    UnknownLocation = guess "未知位置";
    HistoryMore = ours "仅显示最近 {shown} 次登录。";
    PasswordForTwoStepOn = guess "请输入小米账号密码以开启小米登录保护。";
    PasswordForTwoStepOff = guess "请输入小米账号密码以关闭小米登录保护。";
    TwoStepIsOn = guess "小米登录保护已开启";
    TwoStepIsOff = guess "小米登录保护已关闭";
    NewSignInAlert = guess "您的小米账号正在登录新设备：{device}（{place}）。如非本人操作，请修改小米账号密码。"; // after XA push_notification_title, push_notify_dialog_message

    // ---- Devices ----------------------------------------------------------------------------
    MyDevices = doc "设备列表"; // XA device_list_title
    WebMyDevices = guess "我的设备";
    CurrentDevice = doc "当前设备"; // XA my_device_title
    OtherDevices = guess "其他设备";
    NoOtherDevices = guess "没有其他设备。";
    NoDevices = doc "未获取到信息"; // XA empty_device_list
    DevicesAdvice = guess "有不认识的设备？请移除它并修改密码。设备分布在相距很远的地方？请修改密码并开启双重验证。小米电视、手环、手表和平板也会显示在这里，除非打算出售，否则请保留。";
    WebDevicesAbout = guess "以下是登录过你账号的所有设备及其最近登录时间和位置。点击设备即可移除。有不认识的设备？请移除它并修改密码。";
    Device = guess "设备";
    Type = guess "类型";
    LastLogin = guess "最近登录";
    Location = guess "位置";
    FirstSignIn = guess "首次登录";
    AdviceThisPhone = guess "这是你正在使用的手机。移除后将退出登录。";
    AdviceKeepIt = guess "电视、手环、手表和智能家居设备显示在这里属于正常情况，除非打算出售，否则请保留。";
    AdviceUnknown = guess "如果不认识此设备，请移除它并修改密码。如果是已出售的旧手机，请将其移除，以免出现激活锁问题。";
    RemoveDevice = doc "删除设备"; // XA delete_device_btn
    RemoveDeviceTitle = guess "删除设备？";
    RemoveNotice = doc "删除设备后将会注销此设备的登录状态，在此设备上将无法访问账号云服务数据"; // XA delete_device_notice
    DeleteDevice = guess "删除设备";
    Delete = guess "删除";
    SignedOut = doc "此设备成功退出登录"; // XA device_delete_success_title
    AlreadyRemoved = guess "此设备已被移除。";
    WebBrowserDevice = guess "网页浏览器";
    DeviceRemoved = guess "已删除 {name}，该设备已退出小米账号。";
    MergeTitle = guess "合并此手机上的数据？";
    MergeBody = guess "此手机上的部分数据来自另一个小米账号。可将其合并到 {name} 的小米云服务，或仅保留在此手机上。";
    Merge = guess "合并";
    DontMerge = guess "不合并";
    Merged = guess "已合并到小米云服务";
    NotMerged = guess "仅保留在此手机上";
    SignedOutRemotelyTitle = guess "已退出小米账号";
    SignedOutRemotelyBody = guess "此手机已在其他设备上从 {name} 的小米账号中移除，因此已退出登录。手机上的数据仍然保留，重新登录即可同步。";
    KindPhone = guess "手机";
    KindTablet = guess "平板";
    KindTv = guess "电视";
    KindWatch = guess "手表";
    KindBand = guess "手环";
    KindSmartHome = guess "智能家居";
    JustNow = doc "刚刚"; // Contacts just_now
    OneMinAgo = guess "1 分钟前";
    MinsAgo = guess "{minutes} 分钟前";
    OneHourAgo = guess "1 小时前";
    HoursAgo = guess "{hours} 小时前";
    Yesterday = doc "昨天"; // XA yesterday
    FormatDate = ours "%Y年%-m月%-d日";
    FormatDateTime = ours "%Y年%-m月%-d日 %H:%M";
    FormatDayMonth = ours "%-m月%-d日";

    // ---- The browser ------------------------------------------------------------------------
    SiteCloud = ours "i.mi.com";
    SiteAccount = ours "account.xiaomi.com";
    WebPageTitle = ours "小米账号 - {page}";
    WebCloudPageTitle = ours "小米云服务 - {page}";
    InTheCloud = guess "云端数据";
    InCloudCount = guess "云端 {count} 项";
    NothingHere = guess "暂无内容。";
    RecentlyDeleted = guess "最近删除";
    RecentlyDeletedCount = guess "近 30 天 {count} 项";
    RecentlyDeletedAbout = guess "在你的任一设备上从小米云服务删除的内容会在此保留 30 天，之后将被永久删除。恢复后，内容会回到小米云服务，你的手机会在下次同步时取回。有不认识的设备删除了内容？请在 account.xiaomi.com 查看设备和登录记录。";
    DeletedSummary = guess "{app} · {when} 在 {device} 上删除";
    DeletedAt = guess "删除时间";
    DeletedOn = guess "删除设备";
    KeptUntil = guess "保留至";
    AppLabel = guess "应用";
    RestoredToCloud = guess "已将“{title}”恢复到小米云服务的{app}。";
    NoLongerDeleted = guess "此项已不在最近删除中：已被恢复，或已超过 30 天保留期。";
    ListMore = ours "仅显示前 {shown} 项，共 {total} 项。";
    HomeScreenTitle = ours "桌面";
    OnPhoneCount = guess "本机 {count} 项";
    InCloudMark = guess "已在云端";
    BrowserAppSummary = ours "i.mi.com 和 account.xiaomi.com";
    ProfileSummary = guess "昵称、小米ID、安全手机和安全邮箱";
    AccountIdLabel = doc "小米ID"; // XA account_user_id
    CloudStorage = doc "云空间"; // Gallery cloud_backup_space
    CloudStorageAbout = guess "各应用在小米云服务中保存的内容。可在 i.mi.com 上管理。";
    AppUsage = guess "{size} · {count} 项";
    WebCloudSignInTitle = guess "小米云服务 - 登录";
    WebCloudSignInAbout = guess "i.mi.com：登录小米账号，查找你的设备。";
    WebAccountSignInTitle = doc "小米账号 - 登录"; // account.xiaomi.com login page (小米帐号 - 登录, the old spelling)
    WebAccountSignInAbout = guess "account.xiaomi.com：登录后可管理小米账号的安全和设备。";
    SignedInAs = guess "已登录：{name}（{id}）";
    WebSecuritySummary = guess "修改密码、小米登录保护、登录提醒、设备、登录记录";
    WebFindDeviceTitle = guess "小米云服务 - 查找设备";
    Online = guess "在线";
    OfflineState = guess "离线";
    Located = guess "已定位：{place} · {time}";
    Locate = doc "查找定位"; // XA find_device_location
    PlaySound = doc "设备发声"; // XA find_device_play_sound
    LostMode = doc "丢失模式"; // XA find_device_set_lost_model
    EraseData = doc "清除数据"; // XA find_device_clear_data
    WebFindDeviceOff = guess "{name} 未开启查找设备，无法查找。";
    WebNoFindableDevice = guess "此账号下没有已开启查找设备的设备。";
    PhoneOffline = guess "{name} 当前离线，请在其联网后重试。";
    PlayingSound = guess "正在 {name} 上播放声音";
    LostModeDefaultMessage = guess "此手机已丢失，请与我联系。";
    WebLostModeTitle = guess "小米云服务 - 丢失模式";
    WebLostModeAbout = guess "手机将被锁定，并显示这条留言和号码，直到在手机上输入小米账号密码。";
    Message = guess "留言";
    LockDevice = guess "锁定设备";
    EnterLostMessage = guess "输入给拾获者的留言";
    PhoneIsLocked = guess "{name} 已锁定";
    EraseDataTitle = guess "清除设备数据？";
    WebEraseBody = guess "手机上的所有数据都将被清除。之后手机仍与你的小米账号绑定，需在手机上输入密码才能使用。";
    Erase = guess "清除";
    PhoneWasErased = guess "{name} 的数据已清除";

    // ---- Keys: the hint line, the `?` help and the README -----------------------------------
    KeyEnter = same;
    KeyEsc = same;
    KeyTab = same;
    KeyBackTab = same;
    KeyPageUp = same;
    KeyPageDown = same;
    KeyHome = same;
    KeyEnd = same;
    KeyBackspace = same;
    KeyDelete = same;
    KeyCtrl = same;
    KeySpace = same;
    KeyUpDown = same;
    KeyLeftRight = same;
    KeyQ = same;
    KeyQuestion = same;
    KeyF2 = same;
    KeyF3 = same;
    KeyAnyCharacter = ours "任意字符";
    KeyAny = ours "任意键";
    HintClose = ours "关闭";
    HintScroll = ours "滚动";
    HelpScrollUp = ours "向上滚动一行";
    HelpScrollDown = ours "向下滚动一行";
    HintWait = ours "请稍候";
    MoreBelow = same;
    MoreAbove = same;
    HelpWait = ours "无操作：手机正忙（Ctrl-C 仍可退出）";
    WhereBusy = ours "手机正忙时（如“正在退出登录…”）";
    HelpCloseHelp = ours "关闭此帮助";
    WhereHelp = ours "在此帮助中";
    HintType = ours "输入";
    HintNext = ours "下一项";
    HintDone = ours "完成";
    HintBack = ours "返回";
    HintCancel = ours "取消";
    HintMove = ours "移动";
    HintOpen = ours "打开";
    HintSelect = ours "选择";
    HintTurnOn = ours "开启";
    HintTurnOff = ours "关闭";
    HintTick = ours "勾选";
    HintUntick = ours "取消勾选";
    HintPress = ours "按下";
    HintMore = ours "更多";
    HintHelp = ours "帮助";
    HintQuit = ours "退出";
    HintBrowser = ours "浏览器";
    HintPhone = ours "手机";
    HintHome = ours "桌面";
    HelpType = ours "输入该字符";
    HelpNextField = ours "下一个输入框";
    HelpPreviousField = ours "上一个输入框";
    HelpDone = ours "完成：提交表单";
    HelpBack = ours "返回";
    HelpCancel = ours "取消（关闭对话框）";
    HelpDeleteBackward = ours "删除光标前的字符";
    HelpDeleteForward = ours "删除光标后的字符";
    HelpCursorLeft = ours "光标左移";
    HelpCursorRight = ours "光标右移";
    HelpCursorHome = ours "光标移到开头";
    HelpCursorEnd = ours "光标移到末尾";
    HelpClearField = ours "清空输入框";
    HelpFocusPrev = ours "焦点上移（在页面上，已到顶时滚动）";
    HelpFocusNext = ours "焦点下移（在页面上，已到底时滚动）";
    HelpFocusPrevButton = ours "上一个按钮或输入框";
    HelpFocusNextButton = ours "下一个按钮或输入框";
    HelpFocusFirst = ours "第一项";
    HelpFocusLast = ours "最后一项";
    HelpPageUp = ours "向上翻页（页面或对话框中的文字）";
    HelpPageDown = ours "向下翻页（页面或对话框中的文字）";
    HelpOpen = ours "打开一行、切换开关、按下按钮";
    HelpSelect = ours "按下当前选中的按钮";
    HelpQuit = ours "退出";
    HelpHelp = ours "这些按键";
    HelpToBrowser = ours "切换到浏览器（i.mi.com、account.xiaomi.com）";
    HelpToPhone = ours "切换回手机";
    HelpHome = ours "手机桌面：设置、联系人、相册、笔记、短信、浏览器";
    HelpQuitAnywhere = ours "在任何位置退出";
    HelpTitle = ours "按键";
    HelpClose = ours "关闭";
    HelpClick = ours "单击即点按其下方的内容（‹ 为返回）；滚轮用于滚动。";
    WhereAnywhere = ours "任何位置";
    WhereTyping = ours "在输入框中";
    WhereTypingWithBack = ours "在页面的输入框中";
    WhereTypingInDialog = ours "在对话框的输入框中";
    WherePage = ours "在页面或对话框中";
    WherePageNoDialog = ours "在页面上";
    WhereDialog = ours "在对话框中";
    WhereRoot = ours "在首页（设置、桌面、网站首页）";
    WherePhone = ours "在手机上";
    WhereBrowser = ours "在浏览器中";
    WherePhoneHome = ours "在手机上（锁定时除外）";

    ListSeparator = ours "、";
    // ---- The renderer -----------------------------------------------------------------------
    TooSmall = ours "终端窗口太小：{width}x{height}。mi-settings 至少需要 {min_width}x{min_height}。";
    SwitchOn = ours "[ 开]";
    SwitchOff = ours "[关 ]";
    BrowserLabel = ours "浏览器";
    NotSaved = ours "未保存：{reason}";
}
