//! The product names, which differ between the MIUI wording of the seed guides and HyperOS's.

use crate::sim::device::Skin;

pub struct Names {
    pub account: &'static str,
    pub cloud: &'static str,
    pub find_device: &'static str,
}

impl Names {
    pub fn for_skin(skin: Skin) -> Names {
        match skin {
            Skin::Miui => Names {
                account: "Mi Account",
                cloud: "Mi Cloud",
                find_device: "Find Device",
            },
            Skin::Hyperos => Names {
                account: "Xiaomi Account",
                cloud: "Xiaomi Cloud",
                find_device: "Find device",
            },
        }
    }
}
