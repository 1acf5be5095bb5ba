//! The domain: the device file's model (the phone, its data, the signed-in account and the
//! simulated cloud), the cloud's rules, and the seeded environment (clock and randomness).
//!
//! Nothing here knows about screens, keys, terminals or files: it imports nothing from the
//! layers above it, so the rules can be read and tested on their own.

pub mod cloud;
pub mod device;
pub mod env;
pub mod event;
pub mod file;
pub mod time;
pub mod trace;

pub use device::DeviceFile;
pub use env::Env;
pub use event::{ChangeElsewhere, SignInElsewhere};
