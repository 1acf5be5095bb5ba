//! The device file on disk: creation, round trips, refusing bad files without touching them,
//! locking, crash safety of saves, semantic checks and reset.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use mi_settings::shells::store::{self, Opened, SaveFault, Store};
use mi_settings::sim::device::{
    AccountDevice, CURRENT_VERSION, CloudAccount, DEFAULT_DEVICE_JSON, DeviceFile, DeviceKind,
    Item, ScheduledSignIn, SignedInAccount,
};

fn device_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("nested").join("device.json")
}

/// File names in the folder holding `path`, sorted.
fn listing(path: &Path) -> Vec<String> {
    let folder = path.parent().unwrap();
    let mut names: Vec<String> = fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// Writes `text` as the device file, checks that opening it fails, and that the failure changed
/// nothing on disk. Returns the error message.
fn open_fails_untouched(text: &str) -> (PathBuf, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = device_path(&dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, text).unwrap();
    let message = Store::open(&path).unwrap_err().to_string();
    assert_eq!(
        fs::read(&path).unwrap(),
        text.as_bytes(),
        "the file must be left byte for byte"
    );
    // Nothing appears beside it: no lock file left behind, no .bak, no temporary files.
    assert_eq!(listing(&path), ["device.json"]);
    // The folder goes now; the path is returned only to build the expected message.
    drop(dir);
    (path, message)
}

/// The 1-based line and column of the first `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).unwrap();
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = offset - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, column)
}

#[test]
fn round_trip_creates_then_loads_and_keeps_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = device_path(&dir);

    let (mut store, device, opened) = Store::open(&path).unwrap();
    assert_eq!(opened, Opened::Created);
    assert_eq!(store.path(), path);
    assert_eq!(device, DeviceFile::factory_default());
    assert_eq!(store::load(&path).unwrap(), DeviceFile::factory_default());
    let created = fs::read_to_string(&path).unwrap();

    let mut changed = device.clone();
    changed.network.wifi = false;
    store.save(&changed).unwrap();
    drop(store);

    let (_store, device, opened) = Store::open(&path).unwrap();
    assert_eq!(opened, Opened::Loaded);
    assert!(!device.network.wifi);
    assert_eq!(device, changed);
    assert_eq!(fs::read_to_string(sibling(&path, ".bak")).unwrap(), created);
    assert_eq!(
        listing(&path),
        ["device.json", "device.json.bak", "device.json.lock"]
    );
}

#[test]
fn a_syntax_error_is_reported_at_its_line_and_column_and_left_alone() {
    let good = store::to_json(&DeviceFile::factory_default());
    let mut lines: Vec<String> = good.lines().map(str::to_owned).collect();
    assert_eq!(lines[4], r#"    "name": "Redmi Note 13 Pro","#);
    lines[4] = lines[4].replace(',', ";");
    let bad = lines.join("\n") + "\n";

    let (path, message) = open_fails_untouched(&bad);
    let (line, column) = position_of(&bad, ";");
    assert_eq!(line, 5);
    assert_eq!(
        message,
        format!("{}:5:{column}: expected `,` or `}}`", path.display())
    );
}

/// A file cut off after a line break is at line 2, column 1 (as editors number columns, from
/// 1; serde_json says 0 there), and with no `.bak` the advice starts with the way that is left.
#[test]
fn a_file_cut_off_is_reported_at_column_1_and_the_advice_reads_right_without_a_backup() {
    let (path, message) = open_fails_untouched("{\n");
    assert_eq!(
        message,
        format!("{}:2:1: EOF while parsing an object", path.display())
    );
    let dir = tempfile::tempdir().unwrap();
    let path = device_path(&dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, "{\n").unwrap();
    let error = Store::open(&path).unwrap_err();
    let advice = error.recovery().expect("advice");
    assert!(
        advice.contains("\nStart over with a fresh phone:") && !advice.contains("Or "),
        "{advice}"
    );
    // With a good backup: put it back, or start over.
    fs::write(
        sibling(&path, ".bak"),
        store::to_json(&DeviceFile::factory_default()),
    )
    .unwrap();
    let advice = Store::open(&path).unwrap_err().recovery().expect("advice");
    assert!(
        advice.contains("last good copy") && advice.contains("\nOr start over with a fresh phone:"),
        "{advice}"
    );
}

#[test]
fn a_wrong_type_is_reported_with_position_and_field_path_and_left_alone() {
    let good = store::to_json(&DeviceFile::factory_default());
    let bad = good.replace(r#""battery_percent": 78"#, r#""battery_percent": "full""#);
    assert_ne!(good, bad);

    let (path, message) = open_fails_untouched(&bad);
    // serde_json points at the last character of the offending value.
    let (line, start) = position_of(&bad, r#""full""#);
    let column = start + r#""full""#.len() - 1;
    assert_eq!(
        message,
        format!(
            "{}:{line}:{column}: at phone.battery_percent: invalid type: string \"full\", expected u8",
            path.display()
        )
    );
}

#[test]
fn a_newer_version_is_refused_and_left_alone() {
    let good = store::to_json(&DeviceFile::factory_default());
    let current = format!("\"version\": {CURRENT_VERSION}");
    let newer = good.replacen(&current, r#""version": 99"#, 1);
    let (path, message) = open_fails_untouched(&newer);
    assert_eq!(
        message,
        format!(
            "{}: version 99 is newer than this mi-settings understands ({CURRENT_VERSION} at most); use a newer mi-settings or reset the device file",
            path.display()
        )
    );
}

#[test]
fn a_second_store_on_the_same_file_is_refused_until_the_first_is_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let path = device_path(&dir);
    let (first, _, _) = Store::open(&path).unwrap();

    // Linux flock() conflicts between separate open files even within one process.
    let message = Store::open(&path).unwrap_err().to_string();
    assert_eq!(
        message,
        format!(
            "{}: in use by another mi-settings (lock {}.lock); close it first",
            path.display(),
            path.display()
        )
    );
    assert!(Store::lock_only(&path).is_err());

    drop(first);
    let (_second, _, opened) = Store::open(&path).unwrap();
    assert_eq!(opened, Opened::Loaded);
}

#[test]
fn a_crash_at_any_stage_of_a_save_leaves_a_complete_file() {
    for fault in [SaveFault::AfterBackup, SaveFault::AfterTempWrite] {
        let dir = tempfile::tempdir().unwrap();
        let path = device_path(&dir);
        let (mut store, old, _) = Store::open(&path).unwrap();
        let old_text = fs::read_to_string(&path).unwrap();
        let mut new = old.clone();
        new.phone.battery_percent = 5;

        let err = store.save_with_fault(&new, Some(fault)).unwrap_err();
        assert!(err.to_string().contains("simulated crash"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), old_text, "{fault:?}");
        assert_eq!(store::load(&path).unwrap(), old, "{fault:?}");
        assert_eq!(
            fs::read_to_string(sibling(&path, ".bak")).unwrap(),
            old_text
        );

        // The next save recovers whatever the crash left behind.
        store.save(&new).unwrap();
        assert_eq!(store::load(&path).unwrap(), new, "{fault:?}");
        assert_eq!(
            listing(&path),
            ["device.json", "device.json.bak", "device.json.lock"]
        );
    }
}

#[test]
fn a_reader_never_sees_a_partial_file_while_saves_run() {
    let dir = tempfile::tempdir().unwrap();
    let path = device_path(&dir);
    let (mut store, device, _) = Store::open(&path).unwrap();

    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (done, path) = (Arc::clone(&done), path.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(Ordering::Relaxed) {
                let device = store::load(&path).unwrap();
                assert!(matches!(device.phone.battery_percent, 10 | 90 | 78));
                reads += 1;
            }
            reads
        })
    };
    let mut changed = device;
    for i in 0..100 {
        changed.phone.battery_percent = if i % 2 == 0 { 10 } else { 90 };
        store.save(&changed).unwrap();
    }
    done.store(true, Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);
}

#[test]
fn check_names_each_problem_by_its_pointer() {
    assert_eq!(
        store::check(&DeviceFile::factory_default()),
        Vec::<String>::new()
    );

    let mut device = DeviceFile::factory_default();
    device.phone.battery_percent = 140;
    device.phone.name = String::new();
    device.phone.model = "  ".to_owned();
    let duplicate = Item {
        id: "note-1".to_owned(),
        title: "Again".to_owned(),
        detail: String::new(),
        size_bytes: 1,
    };
    device.data.notes.push(duplicate);
    device.account = Some(SignedInAccount {
        mi_account_id: "12a".to_owned(),
        name: "Me".to_owned(),
        find_device: false,
        signed_in_at: None,
        sync: Default::default(),
    });
    let cloud = |id: &str| CloudAccount {
        mi_account_id: id.to_owned(),
        name: "Someone".to_owned(),
        email: String::new(),
        phone: String::new(),
        password_hash: String::new(),
        two_step: false,
        managed_by: None,
        devices: Vec::new(),
        known_devices: Vec::new(),
        data: Default::default(),
        storage_gb: 5,
        login_notifications: Default::default(),
        login_history: Vec::new(),
        backups: Vec::new(),
    };
    device.cloud.accounts = vec![cloud("6123456789"), cloud(""), cloud("6123456789")];
    let tv = AccountDevice {
        id: "tv-1".to_owned(),
        name: "TV".to_owned(),
        model: "Xiaomi TV A2".to_owned(),
        kind: DeviceKind::Tv,
        location: String::new(),
        first_sign_in: "2026-01-01T00:00:00Z".parse().expect("time"),
        last_active: "2026-01-01T00:00:00Z".parse().expect("time"),
    };
    device.cloud.accounts[0].devices = vec![tv.clone(), tv.clone()];
    device.cloud.scheduled_sign_ins = vec![ScheduledSignIn {
        at: "2026-01-01T00:00:00Z".parse().expect("time"),
        mi_account_id: "999".to_owned(),
        device: tv,
    }];

    assert_eq!(
        store::check(&device),
        [
            "/phone/battery_percent: 140 is not a percentage (0 to 100)",
            "/phone/name: must not be empty",
            "/phone/model: must not be empty",
            "/data/notes/2/id: \"note-1\" is also used by /data/notes/0",
            "/account/mi_account_id: \"12a\" is not a Mi Account ID (digits only)",
            "/cloud/accounts/1/mi_account_id: \"\" is not a Mi Account ID (digits only)",
            "/cloud/accounts/2/mi_account_id: \"6123456789\" is also used by /cloud/accounts/0",
            "/cloud/accounts/0/devices/1/id: \"tv-1\" is also used by /cloud/accounts/0/devices/0",
            "/cloud/scheduled_sign_ins/0/mi_account_id: no account \"999\" in /cloud/accounts",
        ]
    );
}

#[test]
fn reset_keeps_a_corrupt_file_as_the_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = device_path(&dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let garbage = b"{ \"version\": 1, \"phone\": \xff oops";
    fs::write(&path, garbage).unwrap();
    assert!(Store::open(&path).is_err());

    let mut store = Store::lock_only(&path).unwrap();
    let (device, kept) = store.reset().unwrap();
    assert_eq!(kept, Some(sibling(&path, ".bak")));
    assert_eq!(device, DeviceFile::factory_default());
    assert_eq!(fs::read(sibling(&path, ".bak")).unwrap(), garbage);
    assert_eq!(store::load(&path).unwrap(), device);
    assert_eq!(
        listing(&path),
        ["device.json", "device.json.bak", "device.json.lock"]
    );
}

#[test]
fn to_json_is_stable_and_ends_with_a_newline() {
    let mut device = DeviceFile::factory_default();
    device.account = Some(SignedInAccount {
        mi_account_id: "6123456789".to_owned(),
        name: "Me".to_owned(),
        find_device: false,
        signed_in_at: None,
        sync: Default::default(),
    });
    let text = store::to_json(&device);
    assert!(text.ends_with("}\n"));
    assert!(text.starts_with(&format!(
        "{{\n  \"version\": {CURRENT_VERSION},\n  \"phone\": {{\n    \"id\""
    )));
    let again = store::to_json(&store::parse(&text, Path::new("x.json")).unwrap());
    assert_eq!(again, text);
}

#[test]
fn load_reads_without_creating_anything() {
    let dir = tempfile::tempdir().unwrap();
    let path = device_path(&dir);
    let message = store::load(&path).unwrap_err().to_string();
    assert!(
        message.starts_with(&format!("{}: reading: ", path.display())),
        "{message}"
    );
    assert!(!path.parent().unwrap().exists());
}

#[test]
fn the_default_path_is_device_json_in_the_data_folder() {
    // Only a machine without a home directory has no default; nothing to check there.
    if let Ok(path) = store::default_path() {
        assert!(path.ends_with("device.json"));
        assert!(
            path.parent()
                .unwrap()
                .to_string_lossy()
                .contains("mi-settings")
        );
    }
}

#[test]
fn versions_are_checked_before_the_fields() {
    let origin = Path::new("/tmp/x/device.json");
    let not_ours = "/tmp/x/device.json: no \"version\" field: not a mi-settings device file";
    let cases = [
        (
            r#"{"version": 0}"#,
            "/tmp/x/device.json: version 0 is not a known device-file version",
        ),
        (r#"{"phone": {}}"#, not_ours),
        (r#"[1, 2]"#, not_ours),
        (
            r#"{"version": "1"}"#,
            "/tmp/x/device.json: \"version\" is \"1\", not a whole number: not a mi-settings device file",
        ),
        // An older file is migrated first: the error names the field, not a position.
        (
            r#"{"version": 1}"#,
            "/tmp/x/device.json: missing field `phone`",
        ),
        // An empty file: line 1, column 1, as an editor puts the cursor there.
        ("", "/tmp/x/device.json:1:1: EOF while parsing a value"),
    ];
    let newer = CURRENT_VERSION + 1;
    let current = format!(r#"{{"version": {CURRENT_VERSION}}}"#);
    let by_version = [
        (
            format!(r#"{{"version": {newer}}}"#),
            format!(
                "/tmp/x/device.json: version {newer} is newer than this mi-settings understands ({CURRENT_VERSION} at most); use a newer mi-settings or reset the device file"
            ),
        ),
        (
            current.clone(),
            format!(
                "/tmp/x/device.json:1:{}: missing field `phone`",
                current.len()
            ),
        ),
    ];
    let cases = cases
        .iter()
        .map(|(text, expected)| (text.to_string(), expected.to_string()))
        .chain(by_version);
    for (text, expected) in cases {
        assert_eq!(
            store::parse(&text, origin).unwrap_err().to_string(),
            expected,
            "{text}"
        );
    }
}

#[test]
fn the_shipped_default_parses_and_is_sound() {
    let device = store::parse(DEFAULT_DEVICE_JSON, Path::new("default-device.json")).unwrap();
    assert_eq!(device, DeviceFile::factory_default());
    assert_eq!(store::check(&device), Vec::<String>::new());
}

#[test]
fn a_missing_field_points_at_its_object() {
    let text = store::to_json(&DeviceFile::factory_default())
        .replace("    \"model\": \"Redmi Note 13 Pro\",\n", "");
    let message = store::parse(&text, Path::new("d.json"))
        .unwrap_err()
        .to_string();
    assert!(message.starts_with("d.json:"), "{message}");
    assert!(
        message.ends_with(": at phone: missing field `model`"),
        "{message}"
    );
}

/// A reset never overwrites the last good copy: when the file cannot be read and its `.bak`
/// can, the unreadable file goes beside them as `.broken`.
#[test]
fn reset_keeps_a_good_backup_and_the_broken_file_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = device_path(&dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let good = store::to_json(&DeviceFile::factory_default());
    fs::write(sibling(&path, ".bak"), &good).unwrap();
    fs::write(&path, "{ broken").unwrap();

    let mut store = Store::lock_only(&path).unwrap();
    let (_, kept) = store.reset().unwrap();
    assert_eq!(kept, Some(sibling(&path, ".broken")));
    assert_eq!(fs::read_to_string(sibling(&path, ".bak")).unwrap(), good);
    assert_eq!(
        fs::read_to_string(sibling(&path, ".broken")).unwrap(),
        "{ broken"
    );
    assert!(store::load(&path).is_ok());
}

/// Links, permissions and leftovers (the hardening issue's D1–D3, D6 and litter): each once lost
/// data or split one phone into two.
#[cfg(unix)]
mod files {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn mode(path: &Path) -> u32 {
        fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    fn a_phone_at(path: &Path) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, DEFAULT_DEVICE_JSON).unwrap();
    }

    fn changed(device: &DeviceFile) -> DeviceFile {
        let mut device = device.clone();
        device.bluetooth = !device.bluetooth;
        device
    }

    #[test]
    fn saves_keep_the_files_permissions_and_a_new_file_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = device_path(&dir);
        a_phone_at(&path);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let (mut store, device, _) = Store::open(&path).unwrap();
        store.save(&changed(&device)).unwrap();
        store.save(&device).unwrap();
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&sibling(&path, ".bak")), 0o600);
        drop(store);
        let fresh = dir.path().join("fresh.json");
        let (mut store, device, _) = Store::open(&fresh).unwrap();
        store.save(&changed(&device)).unwrap();
        assert_eq!(mode(&fresh), 0o600, "it holds password hashes");
    }

    #[test]
    fn a_read_only_file_is_refused_not_saved_over() {
        let dir = tempfile::tempdir().unwrap();
        let path = device_path(&dir);
        a_phone_at(&path);
        fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).unwrap();
        let message = Store::open(&path).unwrap_err().to_string();
        assert!(message.contains("read-only"), "{message}");
        assert_eq!(fs::read_to_string(&path).unwrap(), DEFAULT_DEVICE_JSON);
        assert_eq!(listing(&path), ["device.json"], "no lock is left");
    }

    #[test]
    fn a_symbolic_link_is_followed_saved_through_and_locked_as_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = device_path(&dir);
        a_phone_at(&path);
        let link = dir.path().join("link.json");
        symlink(&path, &link).unwrap();
        let (mut store, device, _) = Store::open(&link).unwrap();
        let new = changed(&device);
        store.save(&new).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(store::load(&path).unwrap().bluetooth, new.bluetooth);
        // The file by its own name is the same phone: a second instance is refused.
        let second = Store::open(&path).unwrap_err().to_string();
        assert!(second.contains("in use by another mi-settings"), "{second}");
        drop(store);
        // A link to nothing is named, not replaced by a fresh phone.
        let dangling = dir.path().join("dangling.json");
        symlink(dir.path().join("gone.json"), &dangling).unwrap();
        let message = Store::open(&dangling).unwrap_err().to_string();
        assert!(message.contains("which does not exist"), "{message}");
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert!(!dir.path().join("gone.json").exists());
    }

    #[test]
    fn a_hard_linked_file_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = device_path(&dir);
        a_phone_at(&path);
        let other = dir.path().join("other-name.json");
        fs::hard_link(&path, &other).unwrap();
        let message = Store::open(&other).unwrap_err().to_string();
        assert!(message.contains("has 2 hard links"), "{message}");
        assert_eq!(fs::read_to_string(&path).unwrap(), DEFAULT_DEVICE_JSON);
    }

    #[test]
    fn stale_temporary_files_of_this_file_are_removed_and_no_others() {
        let dir = tempfile::tempdir().unwrap();
        let path = device_path(&dir);
        a_phone_at(&path);
        for suffix in [".tmp", ".bak.tmp", ".broken.tmp"] {
            fs::write(sibling(&path, suffix), "half a save").unwrap();
        }
        let others = path.with_file_name("another.json.tmp");
        fs::write(&others, "someone else's").unwrap();
        let (_store, _, _) = Store::open(&path).unwrap();
        assert_eq!(
            listing(&path),
            ["another.json.tmp", "device.json", "device.json.lock"]
        );
    }

    #[test]
    fn only_a_regular_file_is_ever_replaced_by_a_reset() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("a-folder.json");
        fs::create_dir(&folder).unwrap();
        let message = Store::lock_only(&folder).unwrap_err().to_string();
        assert!(message.contains("not a regular file"), "{message}");
        assert!(folder.is_dir());
        assert!(!sibling(&folder, ".lock").exists(), "no lock is left");
    }
}
