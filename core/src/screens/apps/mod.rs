//! The phone beyond Settings: its home screen, with the apps that hold the data Mi Cloud syncs,
//! so that what signing in and out (Keep, Remove) does to it can be seen on the phone.

pub mod data_app;
pub mod launcher;
