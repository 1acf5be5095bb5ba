//! Settings home and the pages it opens directly: the network switches, About phone (device
//! name, system update, factory reset), Accounts & sync, and the rows the simulation shows but
//! does not model.

pub mod about_phone;
pub mod accounts_sync;
pub mod additional;
pub mod app_info;
pub mod apps;
pub mod bluetooth;
pub mod connection_sharing;
pub mod date_time;
pub mod developer_options;
pub mod factory_reset;
pub mod home;
pub mod info;
pub mod mi_unlock;
pub mod mobile_networks;
pub mod system_update;
pub mod wifi;
