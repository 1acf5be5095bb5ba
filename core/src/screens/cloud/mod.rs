//! Mi Cloud (sync settings) and Find Device on the phone, with the states Find Device can put
//! the phone in: lost mode and the activation lock.

pub mod activation_lock;
pub mod backup;
pub mod find_device;
pub mod lost_mode;
pub mod mi_cloud;
