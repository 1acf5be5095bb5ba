//! The data on the phone (and its cloud copy): items, one list per app that Mi Cloud syncs, and
//! the apps themselves.

#[cfg(test)]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One piece of local data (a contact, a photo, a note ...). Kept generic so that sync, keep and
/// remove treat every app alike.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub detail: String,
    #[serde(default)]
    pub size_bytes: u64,
}

/// An app whose data Mi Cloud syncs: the device file's stable key for it (`contacts`), which
/// is also the name of its list in `LocalData`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(test, derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum App {
    Contacts,
    Messages,
    Gallery,
    Notes,
    Calendar,
    CallHistory,
    Recorder,
    #[serde(rename = "wifi")]
    WiFi,
    Browser,
}

/// One table pairs each synced app with its list in [`LocalData`] (whose name is the app's key
/// in the device file), in the order the phone lists them, so that the lists, the keys and the
/// accessors cannot disagree.
macro_rules! synced_apps {
    ($($app:ident: $list:ident),+ $(,)?) => {
        /// The phone's local data, one list per app that Mi Cloud can sync.
        #[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
        #[cfg_attr(test, derive(JsonSchema))]
        #[serde(deny_unknown_fields)]
        pub struct LocalData {
            $(
                #[serde(default)]
                pub $list: Vec<Item>,
            )+
        }

        impl App {
            /// Every synced app, in the order the phone lists them.
            pub const ALL: [App; 9] = [$(App::$app),+];

            /// The stable key, as the device file writes it.
            pub fn key(self) -> &'static str {
                match self {
                    $(App::$app => stringify!($list),)+
                }
            }
        }

        impl LocalData {
            /// The items of one app.
            pub fn items(&self, app: App) -> &Vec<Item> {
                match app {
                    $(App::$app => &self.$list,)+
                }
            }

            /// The items of one app, to change them.
            pub fn items_mut(&mut self, app: App) -> &mut Vec<Item> {
                match app {
                    $(App::$app => &mut self.$list,)+
                }
            }

            /// Each app's items, in `App::ALL` order.
            pub fn apps(&self) -> [&Vec<Item>; 9] {
                [$(&self.$list),+]
            }

            pub fn apps_mut(&mut self) -> [&mut Vec<Item>; 9] {
                [$(&mut self.$list),+]
            }
        }
    };
}

synced_apps! {
    Contacts: contacts,
    Messages: messages,
    Gallery: gallery,
    Notes: notes,
    Calendar: calendar,
    CallHistory: call_history,
    Recorder: recorder,
    WiFi: wifi,
    Browser: browser,
}

impl LocalData {
    pub fn total_bytes(&self) -> u64 {
        self.apps()
            .iter()
            .flat_map(|items| items.iter())
            .map(|item| item.size_bytes)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table gives each app its own list, under its key.
    #[test]
    fn each_app_has_its_own_list_named_by_its_key() {
        let mut data = LocalData::default();
        for (n, app) in App::ALL.into_iter().enumerate() {
            data.items_mut(app).extend((0..=n).map(|i| Item {
                id: format!("{}-{i}", app.key()),
                title: String::new(),
                detail: String::new(),
                size_bytes: 1,
            }));
        }
        let json = serde_json::to_value(&data).expect("serialises");
        for (n, app) in App::ALL.into_iter().enumerate() {
            assert_eq!(data.items(app).len(), n + 1);
            assert_eq!(data.apps()[n], data.items(app));
            assert_eq!(json[app.key()].as_array().map(Vec::len), Some(n + 1));
            assert_eq!(serde_json::to_value(app).ok(), Some(app.key().into()));
        }
        assert_eq!(data.total_bytes(), 45);
    }
}
