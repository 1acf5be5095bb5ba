//! The product names, which differ between the MIUI wording of the seed guides and HyperOS's.

use crate::sim::device::Skin;

pub struct Names {
    /// The brand in front of services: "Mi" or "Xiaomi".
    pub brand: &'static str,
    pub account: &'static str,
    pub cloud: &'static str,
    pub find_device: &'static str,
}

impl Names {
    pub fn for_skin(skin: Skin) -> Names {
        match skin {
            Skin::Miui => Names {
                brand: "Mi",
                account: "Mi Account",
                cloud: "Mi Cloud",
                find_device: "Find Device",
            },
            Skin::Hyperos => Names {
                brand: "Xiaomi",
                account: "Xiaomi Account",
                cloud: "Xiaomi Cloud",
                find_device: "Find device",
            },
        }
    }

    /// Rewrites MIUI's product names in `text` into this skin's. Screens are written in the
    /// seeds' MIUI words; HyperOS phones get theirs from this one place, so no string is missed.
    pub fn rebrand(&self, text: &str) -> Option<String> {
        if self.account == "Mi Account" || !(text.contains("Mi ") || text.contains("Find Device")) {
            return None;
        }
        let renamed = text
            .replace("Mi Account", self.account)
            .replace("Mi Cloud", self.cloud)
            .replace("Find Device", self.find_device)
            .replace("All Mi services", &format!("All {} services", self.brand));
        (renamed != text).then_some(renamed)
    }

    /// The signed-out tagline: "All Mi services. One Mi Account." (doc string, SCREENS.md; the
    /// HyperOS form follows the same pattern, a guess).
    pub fn tagline(&self) -> String {
        format!("All {} services. One {}.", self.brand, self.account)
    }
}
