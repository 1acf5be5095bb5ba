//! The large account (the "Large accounts stay fast"): start-up, a step on each page
//! that lists it, "Sync now", and saving and reading its device file.

use std::hint::black_box;
use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::measure::Measure;
use super::workloads::{HEIGHT, WIDTH, large_device, start};
use crate::engine::Engine;
use crate::screens::Action;
use crate::screens::cloud::mi_cloud;
use crate::shells::store::{self, Store};
use crate::ui::{self, Theme};

/// How large the large account is.
#[derive(Clone, Copy, Debug)]
pub struct AccountSize {
    /// Contacts and as many photos, on the phone and in the cloud (half of them in both).
    pub items: usize,
    /// Devices on the account.
    pub devices: usize,
    /// Sign-ins in its login history.
    pub history: usize,
}

/// The large account `mi-settings bench` measures (the "Large accounts stay fast"):
/// 100,000 contacts and as many photos, 10,000 devices, 100,000 sign-ins (a 76 MB device file).
pub const LARGE_ITEMS: usize = 100_000;
pub const LARGE_DEVICES: usize = 10_000;
pub const LARGE_HISTORY: usize = 100_000;

impl AccountSize {
    /// The large account the full bench measures, whose figures docs/speed.md gives.
    pub const FULL: AccountSize = AccountSize {
        items: LARGE_ITEMS,
        devices: LARGE_DEVICES,
        history: LARGE_HISTORY,
    };

    /// `bench --quick`'s: every page reached and measured, in a fraction of a second even in a
    /// debug build.
    pub const QUICK: AccountSize = AccountSize {
        items: 1_000,
        devices: 1_000,
        history: 1_000,
    };
}

/// Runs of a measurement too slow to repeat many times (the fastest is kept).
const RUNS: u32 = 3;
/// Steps on a page, in `Measure::time`'s rounds.
const STEPS: u32 = 14;

/// From Settings with the large account signed in: the account's Devices page.
const TO_DEVICES: [&str; 2] = ["settings.account", "account.devices"];
/// From Settings: Account security → Login history.
const TO_HISTORY: [&str; 3] = ["settings.account", "account.security", "security.history"];
/// From Settings: Mi Cloud, where "Sync now" is.
const TO_MI_CLOUD: [&str; 2] = ["settings.account", "account.cloud"];
/// From i.mi.com: account.xiaomi.com → Security → Devices.
const TO_WEB_DEVICES: [&str; 3] = ["web.tab.account", "web.security", "security.devices"];

/// The large account's figures: each step drawn as the interactive phone draws it, and the
/// saved device file's size.
pub(super) struct Large {
    pub(super) measures: Vec<Measure>,
    pub(super) file_bytes: u64,
}

/// Measures the large account of `size`, its device file written into `folder`.
pub(super) fn measure(folder: &Path, size: AccountSize) -> std::io::Result<Large> {
    let mut screen = Screen::new();
    let mut template = large_device(size.items, size.devices, size.history);
    let mut measures = vec![startup(&mut template, &screen.theme)];
    let mut engine = Engine::new(template, start());
    measures.extend(phone_lists(&mut engine, &mut screen)?);
    measures.push(sync_now(&mut engine, &mut screen)?);
    measures.extend(websites(&mut engine, &mut screen)?);
    let (file, file_bytes) = device_file(folder, engine)?;
    measures.extend(file);
    Ok(Large {
        measures,
        file_bytes,
    })
}

/// Where each step is drawn, as the interactive phone draws it.
struct Screen {
    buffer: Buffer,
    theme: Theme,
}

impl Screen {
    fn new() -> Screen {
        Screen {
            buffer: Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT)),
            theme: Theme::miui(),
        }
    }

    /// `action` on the phone, then its frame.
    fn step(&mut self, engine: &mut Engine, action: Action) {
        black_box(engine.apply(action));
        let area = self.buffer.area;
        black_box(ui::render(
            engine.view(),
            area,
            &mut self.buffer,
            &self.theme,
        ));
    }

    /// A step on a page that lists the account: down or up the list, in turn.
    fn list_steps(&mut self, name: &'static str, engine: &mut Engine) -> Measure {
        Measure::time(name, STEPS, |i| {
            let action = if i.is_multiple_of(2) {
                Action::FocusNext
            } else {
                Action::FocusPrev
            };
            self.step(engine, action);
        })
    }

    /// Opening a list from the page before it (`open`: the tap there; `list`: its screen), or
    /// going back from it, in turn; ends on the page before.
    fn open_or_back(
        &mut self,
        name: &'static str,
        engine: &mut Engine,
        open: &str,
        list: &str,
    ) -> Measure {
        let measure = Measure::time(name, STEPS, |_| {
            let action = if engine.view().screen == list {
                Action::Back
            } else {
                Action::Tap(open.to_string())
            };
            self.step(engine, action);
        });
        if engine.view().screen == list {
            engine.apply(Action::Back);
        }
        measure
    }
}

/// Start-up: the phone made from the device file (which catches up with its pending sync) and
/// its first frame.
fn startup(template: &mut crate::sim::DeviceFile, theme: &Theme) -> Measure {
    Measure::time_each(
        "start-up: Engine::new (with its sync) + first frame",
        RUNS,
        template,
        |template| template.clone(),
        |_, device| {
            let engine = Engine::new(device, start());
            let mut buffer = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
            ui::render(engine.view(), buffer.area, &mut buffer, theme);
            engine
        },
    )
}

/// The phone's pages that list the account (Devices, Login history) and the Contacts app; from
/// Settings back to Settings.
fn phone_lists(engine: &mut Engine, screen: &mut Screen) -> std::io::Result<Vec<Measure>> {
    walk_to(engine, &TO_DEVICES, "devices")?;
    let devices = screen.list_steps("Devices page: a step (↓ or ↑), drawn", engine);
    back_to_settings(engine)?;
    walk_to(engine, &TO_HISTORY, "login_history")?;
    let history = screen.list_steps("Login history: a step (↓ or ↑), drawn", engine);
    back_to_settings(engine)?;
    // Opening a data list: Contacts from the home screen, and back.
    engine.apply(Action::Home);
    let contacts = screen.open_or_back(
        "Contacts app: open it or go back, drawn",
        engine,
        "home.contacts",
        "app.contacts",
    );
    walk_to(engine, &["home.settings"], "settings")?;
    Ok(vec![devices, history, contacts])
}

/// "Sync now" on Mi Cloud: a step that syncs every item both ways. The clock moves on between
/// presses, past "Syncing…", untimed. Ends on Settings.
fn sync_now(engine: &mut Engine, screen: &mut Screen) -> std::io::Result<Measure> {
    walk_to(engine, &TO_MI_CLOUD, "mi_cloud")?;
    let measure = Measure::time_each(
        "Mi Cloud: Sync now (a step with a sync), drawn",
        RUNS,
        engine,
        |engine| {
            let wait = mi_cloud::SYNC_SECONDS + 1;
            engine.wait(chrono::Duration::seconds(wait));
        },
        |engine, ()| screen.step(engine, Action::Tap("cloud.sync_now".into())),
    );
    // The button says "Syncing…" only after a sync that went through.
    if engine
        .view()
        .find("cloud.sync_now")
        .is_none_or(|e| e.enabled)
    {
        return Err(std::io::Error::other(
            "the large-account bench's Sync now did not sync",
        ));
    }
    back_to_settings(engine)?;
    Ok(measure)
}

/// The websites: i.mi.com's Contacts, account.xiaomi.com's Devices.
fn websites(engine: &mut Engine, screen: &mut Screen) -> std::io::Result<Vec<Measure>> {
    web_sign_in(engine)?;
    let contacts = screen.open_or_back(
        "i.mi.com Contacts: open it or go back, drawn",
        engine,
        "web.contacts",
        "web.cloud.contacts",
    );
    walk_to(engine, &TO_WEB_DEVICES, "devices")?;
    let devices = screen.list_steps("account.xiaomi.com Devices: a step (↓ or ↑), drawn", engine);
    Ok(vec![contacts, devices])
}

/// Saving the device file after a change (atomic, fsync, the .bak copy), then reading it back
/// as the next start-up does; and the file's size.
fn device_file(folder: &Path, engine: Engine) -> std::io::Result<(Vec<Measure>, u64)> {
    let path = folder.join("large.json");
    let (mut store, _, _) = Store::open(&path).map_err(std::io::Error::other)?;
    let device = engine.device().clone();
    drop(engine);
    // The first save's .bak copies the small factory file: not the save that repeats.
    store.save(&device).map_err(std::io::Error::other)?;
    let save = Measure::time_each(
        "device file save (atomic, fsync, .bak)",
        RUNS,
        &mut store,
        |_| (),
        |store, ()| store.save(&device).is_ok(),
    );
    let file_bytes = std::fs::metadata(&path)?.len();
    drop(store);
    let read = Measure::time_each(
        "device file read (load, check, parse)",
        RUNS,
        &mut (),
        |_| (),
        |_, ()| store::load(&path).is_ok(),
    );
    Ok((vec![save, read], file_bytes))
}

/// Taps each of `ids` in turn, scrolling it into view as a person would, and says whether the
/// phone ended on `screen`: a walk that went elsewhere would measure another page.
fn walk_to(engine: &mut Engine, ids: &[&str], screen: &str) -> std::io::Result<()> {
    for id in ids {
        let _ = engine.tap_id(id);
    }
    on(engine, screen)
}

/// Whether the phone shows `screen`, as an error saying where it is instead.
fn on(engine: &Engine, screen: &str) -> std::io::Result<()> {
    let now = &engine.view().screen;
    if now == screen {
        Ok(())
    } else {
        Err(std::io::Error::other(format!(
            "the large-account bench expected {screen}, the phone shows {now}"
        )))
    }
}

/// Back from the page in front to Settings, where each walk above begins.
fn back_to_settings(engine: &mut Engine) -> std::io::Result<()> {
    for _ in 0..8 {
        if engine.view().screen == "settings" {
            break;
        }
        engine.apply(Action::Back);
    }
    on(engine, "settings")
}

/// From Settings: the browser, signed in to i.mi.com as Lei Wang.
fn web_sign_in(engine: &mut Engine) -> std::io::Result<()> {
    engine.apply(Action::SwitchSurface);
    let _ = engine.tap_id("web.login");
    engine.apply(Action::Type("lei.wang@example.com".into()));
    let _ = engine.tap_id("web.password");
    engine.apply(Action::Type("Xiaomi#2026".into()));
    walk_to(engine, &["web.sign_in"], "web.cloud")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The large-account bench reaches every page it names (it says so when it does not) and
    /// measures each; here on a small large account, quickly.
    #[test]
    fn the_large_account_bench_reaches_its_pages() {
        let folder =
            std::env::temp_dir().join(format!("mi-settings-bench-test-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("folder");
        let size = AccountSize {
            items: 300,
            devices: 300,
            history: 300,
        };
        let large = measure(&folder, size);
        let _ = std::fs::remove_dir_all(&folder);
        let large = large.expect("every page reached");
        assert_eq!(large.measures.len(), 9);
        assert!(large.file_bytes > 0);
    }
}
