//! Mi Cloud → Cloud backup (seed 002: "back up your data. You can use the Mi Cloud service"):
//! when this phone was last backed up, "Back up now", restoring what the phone lacks, and what a
//! backup holds.

use crate::screens::ctx::Ctx;
use crate::screens::flows::backup;
use crate::screens::ids::ids;
use crate::screens::screen::{Content, Screen};
use crate::screens::world::World;
use crate::sim::cloud;
use crate::strings::S;
use crate::view::{Element, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Backup;

ids! {
    pub enum Id {
        Last = "backup.last",
        BackUpNow = "backup.now",
        Restore = "backup.restore",
        HoldsTitle = "backup.holds_title",
        Holds = "backup.holds",
    }
}

impl Screen for Backup {
    type Id = Id;

    fn name(&self) -> Text {
        "cloud_backup".into()
    }

    fn content(&self, world: &World) -> Content {
        let tr = world.tr();
        // Opened from a signed-in account's Mi Cloud; signed out from elsewhere, it is empty.
        if world.device().account.is_none() {
            return Content::new(tr.get(S::CloudBackup), Vec::new());
        }
        let mut elements = vec![
            Element::text(Id::Last, backup::last_backup(world)),
            Element::button(Id::BackUpNow, tr.get(S::BackUpNow)),
        ];
        // A backup with data the phone lacks (the restore offered at sign-in was put off).
        if cloud::backup_to_offer(world.device()).is_some() {
            elements.push(Element::row(Id::Restore, tr.get(S::RestoreFromBackup)));
        }
        elements.push(Element::section(
            Id::HoldsTitle,
            tr.get(S::BackupHoldsTitle),
        ));
        elements.push(Element::text(Id::Holds, tr.get(S::BackupHolds)));
        Content::new(tr.get(S::CloudBackup), elements)
    }

    fn on_tap(&mut self, id: Id, cx: &mut Ctx) {
        match id {
            Id::BackUpNow => backup::pressed(cx),
            Id::Restore => backup::offer_restore(cx),
            Id::Last | Id::HoldsTitle | Id::Holds => {}
        }
    }
}
