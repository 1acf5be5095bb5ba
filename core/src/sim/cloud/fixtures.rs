//! What the cloud's unit tests start from: a fixed clock, and a phone whose cloud holds one
//! account. Compiled for tests only.

use chrono::{DateTime, Utc};

use crate::sim::{DeviceFile, Env};

use super::accounts::create_account;

pub(super) fn t0() -> DateTime<Utc> {
    "2026-11-21T10:00:00Z".parse().expect("time")
}

/// A fresh phone whose cloud holds only the account made here (index 0).
pub(super) fn device_with_account(env: &mut Env) -> DeviceFile {
    let mut device = DeviceFile::factory_default();
    device.cloud = Default::default();
    create_account(
        &mut device,
        "Lei Wang",
        "lei.wang@example.com",
        "+86 138 0013 8000",
        "Secret#2026",
        env,
    );
    device
}
