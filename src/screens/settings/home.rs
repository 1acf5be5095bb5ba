//! Settings home: the list every walkthrough starts from.
//!
//! The account entry is the first row on a China ROM and sits near the bottom, in the accounts
//! group, on a Global ROM (seed 001).

use crate::screens::ctx::Ctx;
use crate::screens::ids::ElementId;
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{Target, Topic};
use crate::screens::world::World;
use crate::sim::device::Rom;
use crate::strings::S;
use crate::view::{Element, Role, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings;

/// Settings home's elements. The rows that open a page about something not simulated are
/// named by their topic (`settings.display`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id {
    Account,
    AboutPhone,
    Sim,
    WiFi,
    Bluetooth,
    ConnectionSharing,
    AccountsSync,
    Topic(Topic),
    /// The blank gaps between groups of rows.
    Group(Group),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Network,
    Device,
    System,
    Features,
    Accounts,
    Services,
}

impl Group {
    const ALL: [(Group, &'static str); 6] = [
        (Group::Network, "settings.group.network"),
        (Group::Device, "settings.group.device"),
        (Group::System, "settings.group.system"),
        (Group::Features, "settings.group.features"),
        (Group::Accounts, "settings.group.accounts"),
        (Group::Services, "settings.group.services"),
    ];
}

const FIXED: [(Id, &str); 7] = [
    (Id::Account, "settings.account"),
    (Id::AboutPhone, "settings.about_phone"),
    (Id::Sim, "settings.sim"),
    (Id::WiFi, "settings.wifi"),
    (Id::Bluetooth, "settings.bluetooth"),
    (Id::ConnectionSharing, "settings.connection_sharing"),
    (Id::AccountsSync, "settings.accounts_sync"),
];

impl ElementId for Id {
    fn parse(text: &str) -> Option<Id> {
        FIXED
            .iter()
            .find(|(_, t)| *t == text)
            .map(|(id, _)| *id)
            .or_else(|| {
                Group::ALL
                    .iter()
                    .find(|(_, t)| *t == text)
                    .map(|(g, _)| Id::Group(*g))
            })
            .or_else(|| {
                text.strip_prefix("settings.")
                    .and_then(Topic::from_key)
                    .map(Id::Topic)
            })
    }

    fn text(self) -> Text {
        Text::Borrowed(match self {
            Id::Topic(topic) => topic.settings_id(),
            Id::Group(group) => Group::ALL
                .iter()
                .find(|(g, _)| *g == group)
                .map_or("settings.group", |(_, t)| t),
            fixed => FIXED
                .iter()
                .find(|(id, _)| *id == fixed)
                .map_or("settings", |(_, t)| t),
        })
    }

    const PATTERNS: &'static [&'static str] = &[
        "settings.account",
        "settings.about_phone",
        "settings.sim",
        "settings.wifi",
        "settings.bluetooth",
        "settings.connection_sharing",
        "settings.accounts_sync",
        "settings.group.network",
        "settings.group.device",
        "settings.group.system",
        "settings.group.features",
        "settings.group.accounts",
        "settings.group.services",
        "settings.*",
    ];
}

impl From<Id> for Text {
    fn from(id: Id) -> Text {
        id.text()
    }
}

/// Rows that only open an info page, grouped as on a MIUI phone.
const DEVICE_GROUP: [Topic; 7] = [
    Topic::LockScreen,
    Topic::Display,
    Topic::Sound,
    Topic::Notifications,
    Topic::HomeScreen,
    Topic::Wallpaper,
    Topic::Themes,
];
const SYSTEM_GROUP: [Topic; 4] = [
    Topic::PasswordsSecurity,
    Topic::Privacy,
    Topic::Apps,
    Topic::AdditionalSettings,
];

fn topic_row(world: &World, topic: Topic) -> Element {
    Element::row(Id::Topic(topic), world.t(topic.title()))
}

/// The account entry: "Sign in to Mi Account" when signed out; the account when signed in.
fn account_entry(world: &World) -> Element {
    let device = world.device();
    match (&device.account, device.phone.rom) {
        (None, _) => Element::row(Id::Account, world.t(S::SignInToAccount))
            .summary(world.t(S::AccountTagline)),
        // China ROM: a profile header at the very top, the name in large type.
        (Some(account), Rom::China) => {
            Element::new(Id::Account, Role::Header, account.name.clone())
                .summary(world.t(S::AccountEntrySummary))
                .value(world.t(S::Account))
        }
        // Global ROM: a row named for the service, the account's name beside it, so that guides
        // saying "tap Mi Account" still find it.
        (Some(account), Rom::Global) => Element::row(Id::Account, world.t(S::Account))
            .value(account.name.clone())
            .summary(world.t(S::AccountEntrySummary)),
    }
}

impl Screen for Settings {
    type Id = Id;

    fn name(&self) -> Text {
        "settings".into()
    }

    fn content(&self, world: &World) -> Content {
        let device = world.device();
        let china = device.phone.rom == Rom::China;
        let mut elements = Vec::with_capacity(32);
        if china {
            elements.push(account_entry(world));
        }
        elements.push(
            Element::row(Id::AboutPhone, world.t(S::AboutPhone))
                .value(device.phone.os_version.clone()),
        );

        elements.push(Element::section(Id::Group(Group::Network), ""));
        elements.push(Element::row(Id::Sim, world.t(S::SimCardsAndNetworks)));
        let wifi_value = if device.network.wifi {
            device.network.wifi_network.clone()
        } else {
            world.t(S::Off).to_string()
        };
        elements.push(Element::row(Id::WiFi, world.t(S::WiFi)).value(wifi_value));
        elements.push(
            Element::row(Id::Bluetooth, world.t(S::Bluetooth))
                .value(world.tr().on_off(device.bluetooth)),
        );
        elements.push(Element::row(
            Id::ConnectionSharing,
            world.t(S::ConnectionSharing),
        ));

        elements.push(Element::section(Id::Group(Group::Device), ""));
        elements.extend(DEVICE_GROUP.into_iter().map(|t| topic_row(world, t)));

        elements.push(Element::section(Id::Group(Group::System), ""));
        elements.extend(SYSTEM_GROUP[..2].iter().map(|&t| topic_row(world, t)));
        elements.push(
            topic_row(world, Topic::Battery).value(format!("{}%", device.phone.battery_percent)),
        );
        elements.extend(SYSTEM_GROUP[2..].iter().map(|&t| topic_row(world, t)));

        elements.push(Element::section(Id::Group(Group::Features), ""));
        elements.push(topic_row(world, Topic::Wellbeing));
        elements.push(topic_row(world, Topic::SpecialFeatures));

        elements.push(Element::section(Id::Group(Group::Accounts), ""));
        if !china {
            elements.push(account_entry(world));
            elements.push(topic_row(world, Topic::Google));
        }
        elements.push(Element::row(Id::AccountsSync, world.t(S::AccountsSync)));

        elements.push(Element::section(Id::Group(Group::Services), ""));
        elements.push(topic_row(world, Topic::ServicesFeedback));
        Content::new(world.t(S::Settings), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::Account => cx.push(Target::MiAccount),
            Id::AboutPhone => cx.push(Target::AboutPhone),
            Id::Sim => cx.push(Target::MobileNetworks),
            Id::WiFi => cx.push(Target::WiFi),
            Id::Bluetooth => cx.push(Target::Bluetooth),
            Id::ConnectionSharing => cx.push(Target::ConnectionSharing),
            Id::AccountsSync => cx.push(Target::AccountsSync),
            Id::Topic(topic) => cx.push(Target::Info(topic)),
            Id::Group(_) => {}
        }
    }
}
