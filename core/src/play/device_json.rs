//! A device file as JSON, worked out a part at a time. Conditions are checked after every step
//! that changed the phone and each asks for one pointer (`/account/two_step`,
//! `/cloud/accounts/0/devices`), while the whole file, with a cloud of several accounts and
//! their data, is large next to a step: serialising it all was a fifth of a random episode.

use std::sync::{Arc, OnceLock};

use serde_json::Value;

use crate::sim::device::DeviceFile;

/// The device file's top-level fields, as its JSON names them (a test keeps the list whole).
const FIELDS: [&str; 7] = [
    "version",
    "phone",
    "network",
    "bluetooth",
    "data",
    "account",
    "cloud",
];

/// The JSON of one device file, each part serialised when first asked for. Answers are those
/// of the whole file's JSON, pointer for pointer. A copy shares what was worked out, and what
/// either works out later: the hints try many moves each on a copy of the same episode.
#[derive(Debug, Clone, Default)]
pub struct DeviceJson(Arc<Parts>);

#[derive(Debug, Default)]
struct Parts {
    whole: OnceLock<Value>,
    fields: [OnceLock<Value>; FIELDS.len()],
    accounts: OnceLock<Vec<OnceLock<Value>>>,
}

impl DeviceJson {
    /// The whole file as JSON.
    pub fn whole(&self, device: &DeviceFile) -> &Value {
        self.0
            .whole
            .get_or_init(|| serde_json::to_value(device).unwrap_or_default())
    }

    /// What `pointer` (RFC 6901) points at in the file's JSON.
    pub fn at(&self, device: &DeviceFile, pointer: &str) -> Option<&Value> {
        if let Some(whole) = self.0.whole.get() {
            return whole.pointer(pointer);
        }
        let Some((name, rest)) = pointer.strip_prefix('/').map(split_first) else {
            return self.whole(device).pointer(pointer);
        };
        if name == "cloud"
            && let Some((index, rest)) = rest.strip_prefix("/accounts/").map(split_first)
            && let Some(index) = array_index(index)
        {
            return self.account(device, index)?.pointer(rest);
        }
        let Some(at) = FIELDS.iter().position(|field| *field == name) else {
            // Not a field (or written with escapes): the whole file answers.
            return self.whole(device).pointer(pointer);
        };
        self.0.fields[at]
            .get_or_init(|| field_json(device, at))
            .pointer(rest)
    }

    fn account(&self, device: &DeviceFile, index: usize) -> Option<&Value> {
        let accounts = self.0.accounts.get_or_init(|| {
            device
                .cloud
                .accounts
                .iter()
                .map(|_| OnceLock::new())
                .collect()
        });
        let account = device.cloud.accounts.get(index)?;
        let cell = accounts.get(index)?;
        Some(cell.get_or_init(|| serde_json::to_value(account).unwrap_or_default()))
    }
}

/// `pointer` without its leading `/`, cut at its next `/`: the first token and the rest (the
/// rest keeps its `/`, or is empty).
fn split_first(pointer: &str) -> (&str, &str) {
    pointer
        .find('/')
        .map_or((pointer, ""), |at| pointer.split_at(at))
}

/// A token as a JSON pointer indexes an array: digits, no leading zero.
fn array_index(token: &str) -> Option<usize> {
    let canonical = token == "0" || (!token.starts_with('0') && !token.is_empty());
    (canonical && token.bytes().all(|b| b.is_ascii_digit()))
        .then(|| token.parse().ok())
        .flatten()
}

fn field_json(device: &DeviceFile, at: usize) -> Value {
    let json = match FIELDS.get(at) {
        Some(&"version") => serde_json::to_value(device.version),
        Some(&"phone") => serde_json::to_value(&device.phone),
        Some(&"network") => serde_json::to_value(&device.network),
        Some(&"bluetooth") => serde_json::to_value(device.bluetooth),
        Some(&"data") => serde_json::to_value(&device.data),
        Some(&"account") => serde_json::to_value(&device.account),
        Some(&"cloud") => serde_json::to_value(&device.cloud),
        _ => Ok(Value::Null),
    };
    json.unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn devices() -> Vec<DeviceFile> {
        crate::play::tasks::catalogue::DEVICES
            .iter()
            .map(|(name, text)| {
                crate::sim::file::parse(text, std::path::Path::new(name)).expect("parses")
            })
            .chain([DeviceFile::factory_default()])
            .collect()
    }

    /// Every pointer into every catalogue device (down to three levels) answers as the whole
    /// file's JSON does, and the field list is the file's.
    #[test]
    fn parts_answer_as_the_whole_file_does() {
        let mut asked = 0;
        for device in devices() {
            let whole = serde_json::to_value(&device).expect("serialises");
            let names: Vec<&str> = whole
                .as_object()
                .expect("an object")
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(names, FIELDS, "DeviceFile's fields changed: update FIELDS");
            let mut pointers = vec![
                String::new(),
                "/nothing".into(),
                "/cloud/accounts/01".into(),
            ];
            let mut level = vec![(String::new(), &whole)];
            for _ in 0..5 {
                let mut next = Vec::new();
                for (at, value) in level {
                    let children: Vec<(String, &Value)> = match value {
                        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
                        Value::Array(list) => list
                            .iter()
                            .take(3)
                            .enumerate()
                            .map(|(i, v)| (i.to_string(), v))
                            .collect(),
                        _ => Vec::new(),
                    };
                    for (key, child) in children {
                        let pointer = format!("{at}/{key}");
                        pointers.push(pointer.clone());
                        pointers.push(format!("{pointer}/99"));
                        next.push((pointer, child));
                    }
                }
                level = next;
            }
            // Asked fresh, and again once parts are known.
            let parts = DeviceJson::default();
            for pointer in pointers.iter().chain(&pointers) {
                assert_eq!(
                    parts.at(&device, pointer),
                    whole.pointer(pointer),
                    "{pointer}"
                );
                asked += 1;
            }
        }
        assert!(asked > 1_000, "only {asked} pointers asked");
    }

    #[test]
    fn only_canonical_indexes_index() {
        assert_eq!(array_index("0"), Some(0));
        assert_eq!(array_index("12"), Some(12));
        for bad in ["", "01", "-", "+1", "1a", "-1"] {
            assert_eq!(array_index(bad), None, "{bad:?}");
        }
    }
}
