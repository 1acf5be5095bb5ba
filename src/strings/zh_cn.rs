//! The catalogue in Simplified Chinese, as China-ROM phones word it: one line per text, in the
//! English catalogue's order. `Name = source "MIUI wording", hyperos "HyperOS wording";` where
//! the second wording is given only when HyperOS says it differently. Sources: `doc` (the
//! wording of a real MIUI or HyperOS China build), `guess` (natural Chinese where the real
//! wording could not be found), `ours` (the simulation's own text), and `same` with no wording
//! for a name written as in English (a key).
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
    Cloud = doc "小米云服务";
    FindDevice = guess "查找设备";
    SignInToAccount = guess "登录小米账号";
    AccountTagline = guess "一个小米账号，畅享全部小米服务";
    AccountEntrySummary = guess "管理账号、云服务、支付等";
    AccountIdLine = guess "小米ID：{id}";

    // ---- Settings home ----------------------------------------------------------------------
    Settings = guess "设置";
    AboutPhone = guess "我的设备";
    SimCardsAndNetworks = guess "双卡与移动网络";
    WiFi = guess "WLAN";
    Bluetooth = guess "蓝牙";
    ConnectionSharing = guess "连接与共享";
    AccountsSync = guess "账号与同步";
    On = guess "已开启";
    Off = guess "已关闭";
    TopicLockScreen = guess "息屏与锁屏";
    TopicDisplay = guess "显示";
    TopicSound = guess "声音与振动";
    TopicNotifications = guess "通知与控制中心";
    TopicHomeScreen = guess "桌面";
    TopicWallpaper = guess "壁纸";
    TopicThemes = guess "主题";
    TopicPasswordsSecurity = guess "密码与安全";
    TopicPrivacy = guess "隐私保护";
    TopicBattery = guess "省电与电池";
    TopicApps = guess "应用设置";
    TopicAdditionalSettings = guess "更多设置";
    TopicWellbeing = guess "健康使用设备";
    TopicSpecialFeatures = guess "特色功能";
    TopicGoogle = guess "Google";
    TopicServicesFeedback = guess "服务与反馈";
    TopicAddAccount = guess "添加账号";
    TopicPersonalInfo = guess "个人信息";
    NotSimulated = ours "暂未模拟“{topic}”。本手机模拟的是设置 → 小米账号（登录与退出登录、小米云服务同步、查找设备、设备、账号安全）、它所依赖的功能（WLAN、移动数据、应用设置、日期和时间）以及桌面上的应用。";
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
    MobileData = guess "移动数据";
    MobileDataSummary = guess "WLAN关闭时使用移动网络";
    MobileDataTurnedOn = guess "移动数据已开启";
    MobileDataTurnedOff = guess "移动数据已关闭";
    DeviceName = guess "设备名称";
    AirplaneMode = guess "飞行模式";
    AirplaneModeSummary = guess "关闭移动网络和WLAN";
    HotspotNotSimulated = ours "个人热点、VPN和投屏未模拟。";

    // ---- About phone, system update, factory reset ------------------------------------------
    SystemUpdate = guess "系统更新";
    FactoryReset = guess "恢复出厂设置";
    EraseAllData = guess "清除所有数据";
    Specs = guess "全部参数";
    Model = guess "型号";
    MiuiVersion = guess "MIUI版本";
    AndroidVersion = guess "Android版本";
    Storage = guess "存储空间";
    CloudSpace = guess "云空间";
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
    Accounts = guess "账号";
    SignIn = guess "登录";
    CreateAccount = guess "注册小米账号";
    CreateAccountButton = guess "注册";
    Occupied = guess "已用 {used} / 共 {plan} GB";
    AccountSecurity = guess "账号安全";
    Devices = guess "设备";
    DeviceManagement = guess "设备管理";
    SignOut = guess "退出登录";

    // ---- Sign in, two-step, create account, forgot password ---------------------------------
    SignInTitle = guess "登录小米账号";
    LoginField = guess "邮箱/手机号码/小米ID";
    Password = guess "密码";
    ShowPassword = guess "显示密码";
    Agreement = guess "我已阅读并同意《小米账号用户协议》和《隐私政策》";
    ForgotPassword = guess "忘记密码？";
    EnterAccountId = guess "请输入账号";
    EnterPassword = guess "请输入密码";
    InvalidCredentials = guess "账号或密码错误";
    TooManyAttempts = guess "尝试次数过多，请稍后再试。";
    AgreeFirst = guess "请先同意用户协议和隐私政策";
    Offline = guess "网络未连接，请检查WLAN或移动数据。";
    SignedIn = guess "已登录";
    TwoStepTitle = guess "双重验证";
    CodeSentTo = guess "验证码已发送至 {to}";
    EnterCode = guess "请输入验证码";
    ResendCode = guess "重新发送";
    SendIn = guess "{seconds} 秒后重新发送";
    Next = guess "下一步";
    CodeIncorrect = guess "验证码错误";
    CodeExpired = guess "验证码已过期，请重试。";
    TooManyCodes = guess "该手机号码获取验证码的次数过多，请稍后再试。";
    TooManyCodesEmail = guess "该邮箱获取验证码的次数过多，请稍后再试。";
    ChannelEmail = guess "邮件";
    ChannelMessages = guess "短信";
    CodeNotification = guess "{channel}：验证码 {code}，用于小米账号身份验证，{minutes} 分钟内有效。";
    UsingPhoneNumber = guess "使用手机号码";
    EmailAddress = guess "邮箱地址";
    PhoneNumber = guess "手机号码";
    Email = guess "邮箱";
    Name = guess "昵称";
    PasswordRules = guess "至少 8 位，需包含字母、数字和符号";
    GetCode = guess "获取验证码";
    EnterValidPhone = guess "请输入正确的手机号码";
    EnterValidEmail = guess "请输入正确的邮箱地址";
    PhoneRegistered = guess "该手机号码已注册";
    EmailRegistered = guess "该邮箱已注册";
    EnterYourName = guess "请输入昵称";
    PasswordTooShort = guess "密码至少需要 8 位";
    PasswordNoLetter = guess "至少包含一个字母";
    PasswordNoNumber = guess "至少包含一个数字";
    PasswordNoSymbol = guess "至少包含一个符号，例如 ! 或 #";
    AccountCreated = guess "小米账号注册成功";
    ResetPassword = guess "重置密码";
    ForgotAbout = guess "输入账号，我们会向该账号绑定的手机号码或邮箱发送验证码。";
    NoSuchAccount = guess "该账号不存在，请检查小米ID、邮箱或手机号码";
    NewPassword = guess "新密码";
    ConfirmNewPassword = guess "确认新密码";
    ConfirmPassword = guess "确认密码";
    PasswordsDontMatch = guess "两次输入的密码不一致";
    PasswordResetDone = guess "密码已修改，请使用新密码登录。";
    PasswordResetUseIt = guess "密码已修改，今后请使用新密码。";

    // ---- Sign out ---------------------------------------------------------------------------
    ConfirmSignOutBody = guess "确定要在本机上退出小米账号吗？之后可随时重新登录。";
    Cancel = guess "取消";
    Ok = guess "确定";
    EnterPasswordTitle = guess "输入密码";
    PasswordForSignOut = guess "查找设备已开启。请输入小米账号密码，以关闭查找设备并退出登录。";
    WrongSignOutPassword = guess "无法关闭查找设备，请重新输入小米账号密码。";
    WrongPassword = guess "密码错误，请重新输入小米账号密码。";
    KeepOrRemoveTitle = guess "从本机删除已同步的数据？";
    KeepOrRemoveBody = guess "以下应用中的部分内容已与小米云服务同步。可以从本机删除这些内容，云端仍会保留。";
    Remove = guess "删除数据";
    Keep = guess "保留数据";
    SigningOut = guess "正在退出登录…";
    CantSignOut = guess "无法退出登录";
    SignOutRefusedBody = guess "此小米账号由 {organisation} 管理，其设备管理策略不允许在本机上退出登录。请联系 IT 管理员。";

    // ---- Mi Cloud ---------------------------------------------------------------------------
    SyncAutomatically = guess "自动同步";
    SyncOverWiFiOnly = guess "仅在WLAN下同步";
    SavesMobileData = guess "节省移动数据流量";
    SyncNow = guess "立即同步";
    Syncing = guess "正在同步…";
    Sync = guess "同步";
    AutoSyncOff = guess "自动同步已关闭";
    PausedOnMobileData = guess "使用移动数据时已暂停同步";
    SyncOffline = guess "手机恢复联网后将继续同步";
    ClearCache = guess "清除缓存";
    AppInfo = guess "应用信息";
    ClearCacheAbout = guess "清除缓存只会删除临时文件，不会删除数据，也不会退出登录。";
    CacheCleared = guess "缓存已清除";
    AppMiCloud = guess "小米云服务";
    DateTime = guess "日期和时间";
    SetTimeAutomatically = guess "自动设置时间";
    Date = guess "日期";
    Time = guess "时间";
    EnterDateHint = ours "按“年-月-日”的格式输入日期，例如 2026-11-21。";
    EnterTimeHint = ours "按 24 小时制“时:分”的格式输入时间，例如 09:30。";
    EnterDateLike = ours "请输入日期，例如 2026-11-21";
    EnterTimeLike = ours "请输入时间，例如 09:30";
    ClockTooFarOff = ours "日期与当前时间相差超过一百年";
    AdditionalRestNotSimulated = ours "语言、无障碍等其他更多设置未模拟。";
    SyncFailed = guess "同步失败，请稍后重试。";
    SyncFailedClock = guess "同步失败：本机的日期和时间不正确。请在“更多设置”中检查“日期和时间”。";
    SyncNowOnMobileData = guess "使用移动数据时已暂停同步。请连接WLAN，或关闭“仅在WLAN下同步”。";
    StorageFull = guess "云空间已满，新内容将不会上传。";
    NotSyncedYet = guess "尚未同步";
    LastSynced = guess "上次同步：{when}";
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
    LostModeMessage = guess "留言：{message}。请拨打 {call}。";
    AccountPasswordField = guess "小米账号密码";
    Unlock = guess "解锁";
    Unlocked = guess "已解锁";
    IncorrectPassword = guess "密码错误，请重试。";
    ThisDeviceIsLocked = guess "此设备已锁定";
    ActivationLockAbout = guess "此设备已与小米账号（{account}）关联，请输入密码以激活设备。";
    Activate = guess "激活";
    DeviceActivated = guess "设备已激活";

    // ---- Account security -------------------------------------------------------------------
    Security = guess "账号安全";
    ChangePassword = guess "修改密码";
    TwoStepVerification = guess "双重验证";
    TwoStepSummary = guess "在新设备上登录时需要输入验证码";
    LoginNotifications = guess "登录提醒";
    RecoveryPhone = guess "安全手机";
    RecoveryEmail = guess "安全邮箱";
    LoginHistory = guess "登录记录";
    EmailAndSms = guess "邮件和短信";
    Sms = guess "短信";
    NotSet = guess "未设置";
    CurrentPassword = guess "当前密码";
    PasswordChanged = guess "密码已修改。其他设备仍保持登录，请移除你不信任的设备。";
    WrongCurrentPassword = guess "当前密码错误";
    SamePassword = guess "新密码不能与当前密码相同";
    LoginNotificationsAbout = guess "有新设备登录你的小米账号时发送提醒。";
    LoginHistoryAbout = guess "留意是否有你不认识的地点和设备。";
    NoSignInsYet = guess "暂无登录记录。";
    NewDevice = guess "新设备";
    HistoryMore = ours "仅显示最近 {shown} 次登录。";
    PasswordForTwoStepOn = guess "请输入小米账号密码以开启双重验证。";
    PasswordForTwoStepOff = guess "请输入小米账号密码以关闭双重验证。";
    TwoStepIsOn = guess "双重验证已开启";
    TwoStepIsOff = guess "双重验证已关闭";
    NewSignInAlert = guess "你的小米账号有新的登录：{device}（{place}）。如非本人操作，请修改密码。";

    // ---- Devices ----------------------------------------------------------------------------
    MyDevices = guess "设备管理";
    CurrentDevice = guess "本机";
    OtherDevices = guess "其他设备";
    NoOtherDevices = guess "没有其他设备。";
    NoDevices = guess "暂无设备。";
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
    RemoveDevice = guess "移除";
    RemoveDeviceTitle = guess "移除设备？";
    RemoveNotice = guess "移除设备后，该设备将自动退出小米账号。如需在该设备上继续使用此账号，请在该设备上重新登录。";
    DeleteDevice = guess "移除设备";
    SignedOut = guess "已退出登录";
    AlreadyRemoved = guess "此设备已被移除。";
    WebBrowserDevice = guess "网页浏览器";
    DeviceRemoved = guess "已移除 {name}，该设备已退出小米账号。";
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
    JustNow = guess "刚刚";
    OneMinAgo = guess "1 分钟前";
    MinsAgo = guess "{minutes} 分钟前";
    OneHourAgo = guess "1 小时前";
    HoursAgo = guess "{hours} 小时前";
    Yesterday = guess "昨天";
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
    ListMore = ours "仅显示前 {shown} 项，共 {total} 项。";
    HomeScreenTitle = ours "桌面";
    OnPhoneCount = guess "本机 {count} 项";
    InCloudMark = guess "已在云端";
    BrowserAppSummary = ours "i.mi.com 和 account.xiaomi.com";
    ProfileSummary = guess "昵称、小米ID、安全手机和安全邮箱";
    AccountIdLabel = guess "小米ID";
    CloudStorage = guess "云空间";
    CloudStorageAbout = guess "各应用在小米云服务中保存的内容。可在 i.mi.com 上管理。";
    AppUsage = guess "{size} · {count} 项";
    WebCloudSignInTitle = guess "小米云服务 - 登录";
    WebCloudSignInAbout = guess "i.mi.com：登录小米账号，查找你的设备。";
    WebAccountSignInTitle = guess "小米账号 - 登录";
    WebAccountSignInAbout = guess "account.xiaomi.com：登录后可管理小米账号的安全和设备。";
    SignedInAs = guess "已登录：{name}（{id}）";
    WebSecuritySummary = guess "修改密码、双重验证、登录提醒、设备、登录记录";
    WebFindDeviceTitle = guess "小米云服务 - 查找设备";
    Online = guess "在线";
    OfflineState = guess "离线";
    Located = guess "已定位：{place} · {time}";
    Locate = guess "定位";
    PlaySound = guess "播放声音";
    LostMode = guess "丢失模式";
    EraseData = guess "清除设备数据";
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
    HelpFocusPrev = ours "焦点上移";
    HelpFocusNext = ours "焦点下移";
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
