//! Helpers the integration tests share: a phone started the way fixtures start it, and taps
//! that first check the element is there; terminal events (`events`), what a test
//! terminal shows (`screen`) and replay batches (`batch`).
#![allow(dead_code)]

pub mod batch;
pub mod events;
pub mod screen;

use chrono::{DateTime, Utc};
use mi_settings::engine::{Engine, Outcome, Start};
use mi_settings::play::agent::Agent;
use mi_settings::screens::Action;
use mi_settings::shells::agent::Server;
use mi_settings::sim::cloud;
use mi_settings::sim::device::{DeviceFile, Skin};
use mi_settings::strings::{S, Tr};

pub fn t0() -> DateTime<Utc> {
    "2026-11-21T10:00:00Z".parse().expect("test time")
}

pub fn start(width: u16, height: u16) -> Start {
    Start {
        seed: 7,
        clock: t0(),
        width,
        height,
    }
}

/// A phone on a 60x24 terminal with `device`.
pub fn phone_with(device: DeviceFile) -> Engine {
    Engine::new(device, start(60, 24))
}

/// A phone with `device` on a `width` x `height` terminal.
pub fn phone_with_size(device: DeviceFile, width: u16, height: u16) -> Engine {
    Engine::new(device, start(width, height))
}

/// The fresh phone from `assets/`.
pub fn phone() -> Engine {
    phone_with(DeviceFile::factory_default())
}

/// The fresh phone signed in to the demo account Lei Wang (password "Xiaomi#2026"), whose
/// devices include an intruder (`phone-x-77e0`, São Paulo) and a TV.
pub fn signed_in_device() -> DeviceFile {
    let mut device = DeviceFile::factory_default();
    cloud::sign_in(&mut device, 0, t0());
    device
}

/// The demo account's password.
pub const LEI_PASSWORD: &str = "Xiaomi#2026";

/// The browser signed in to account.xiaomi.com as Lei Wang.
pub fn web_account_site(engine: &mut Engine) {
    web_site(engine, "web.tab.account", "web.account");
}

/// The browser signed in to i.mi.com as Lei Wang.
pub fn web_cloud_site(engine: &mut Engine) {
    web_site(engine, "web.tab.cloud", "web.cloud");
}

/// The browser, on the site of `tab`, signed in as Lei Wang: at that site's `home`.
fn web_site(engine: &mut Engine, tab: &str, home: &str) {
    engine.apply(Action::SwitchSurface);
    tap(engine, tab);
    type_into(engine, "web.login", "lei.wang@example.com");
    type_into(engine, "web.password", LEI_PASSWORD);
    tap(engine, "web.sign_in");
    assert_eq!(engine.view().screen, home);
}

pub fn signed_in_phone() -> Engine {
    phone_with(signed_in_device())
}

/// Touches the element `id`, which must be on screen (no scrolling: a touch where it is).
pub fn tap(engine: &mut Engine, id: &str) -> Outcome {
    assert!(
        engine.view().find(id).is_some(),
        "{id} is not on {}",
        engine.view().screen
    );
    engine.apply(Action::Tap(id.to_string()))
}

pub fn type_text(engine: &mut Engine, text: &str) -> Outcome {
    engine.apply(Action::Type(text.to_string()))
}

/// Touches a field and types into it.
pub fn type_into(engine: &mut Engine, id: &str, text: &str) {
    tap(engine, id);
    type_text(engine, text);
}

pub fn label_of(engine: &Engine, id: &str) -> String {
    engine
        .view()
        .find(id)
        .map(|e| e.label.to_string())
        .unwrap_or_else(|| panic!("no element {id} on {}", engine.view().screen))
}

pub fn focused_id(engine: &Engine) -> Option<String> {
    engine.view().focused().map(|e| e.id.to_string())
}

/// The English MIUI wording of a text.
pub fn miui(id: S) -> &'static str {
    Tr::new(Skin::Miui).get(id)
}

/// The agent as `mi-settings agent` serves it: logging into `log_dir` when given, handing out
/// reference solutions when `solution`.
pub fn agent_server(log_dir: Option<&std::path::Path>, solution: bool) -> Server {
    let agent = Agent::new()
        .expect("the catalogue")
        .allowing_solution(solution);
    Server::new(agent, log_dir.map(std::path::Path::to_path_buf)).expect("the log folder")
}

/// Asks `agent` one request, as a line would: its answer, as JSON.
pub fn ask(agent: &mut Server, request: serde_json::Value) -> serde_json::Value {
    let (response, _) = agent.answer(&request.to_string());
    serde_json::to_value(&response).expect("json")
}
