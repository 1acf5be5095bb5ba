//! Settings home: the list every walkthrough starts from.
//!
//! The account entry is the first row on a China ROM and sits near the bottom, in the accounts
//! group, on a Global ROM (seed 001).

use crate::screens::ctx::Ctx;
use crate::screens::ids::{ElementId, ids};
use crate::screens::screen::{Content, Screen};
use crate::screens::target::{Destination, Topic};
use crate::screens::world::World;
use crate::sim::device::Rom;
use crate::strings::S;
use crate::view::{Element, Role, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings;

ids! {
    /// Settings home's elements. The rows that open a page about something not simulated are
    /// named by their topic (`settings.display`).
    pub enum Id {
        Account = "settings.account",
        AboutPhone = "settings.about_phone",
        Sim = "settings.sim",
        WiFi = "settings.wifi",
        Bluetooth = "settings.bluetooth",
        ConnectionSharing = "settings.connection_sharing",
        AccountsSync = "settings.accounts_sync";
        nested
        /// The blank gaps between groups of rows.
        Group(Group),
        Topic(Topic),
    }
}

ids! {
    pub enum Group {
        Network = "settings.group.network",
        Device = "settings.group.device",
        System = "settings.group.system",
        Features = "settings.group.features",
        Accounts = "settings.group.accounts",
        Services = "settings.group.services",
    }
}

/// A topic's row is `settings.<topic key>`.
impl ElementId for Topic {
    fn parse(text: &str) -> Option<Topic> {
        text.strip_prefix("settings.").and_then(Topic::from_key)
    }

    fn text(self) -> Text {
        Text::Borrowed(self.settings_id())
    }

    fn patterns() -> Vec<&'static str> {
        // Only the topics Settings home lists.
        DEVICE_GROUP
            .iter()
            .chain(&SYSTEM_GROUP)
            .chain(&[
                Topic::Battery,
                Topic::Wellbeing,
                Topic::SpecialFeatures,
                Topic::Google,
                Topic::ServicesFeedback,
            ])
            .map(|t| t.settings_id())
            .collect()
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
            Id::Account => cx.push(Destination::MiAccount),
            Id::AboutPhone => cx.push(Destination::AboutPhone),
            Id::Sim => cx.push(Destination::MobileNetworks),
            Id::WiFi => cx.push(Destination::WiFi),
            Id::Bluetooth => cx.push(Destination::Bluetooth),
            Id::ConnectionSharing => cx.push(Destination::ConnectionSharing),
            Id::AccountsSync => cx.push(Destination::AccountsSync),
            // Two rows open the pages seed 003 §9's troubleshooting goes to.
            Id::Topic(Topic::Apps) => cx.push(Destination::Apps),
            Id::Topic(Topic::AdditionalSettings) => cx.push(Destination::AdditionalSettings),
            Id::Topic(topic) => cx.push(Destination::Info(topic)),
            Id::Group(_) => {}
        }
    }
}
