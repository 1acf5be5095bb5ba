//! The renderer, seen from outside: snapshots of what a person sees, where clicks land, and that
//! no terminal size makes it panic.

use mi_settings::engine::keys::{self, Context};
use mi_settings::layout::{PhoneLayout, scroll_to_show};
use mi_settings::sim::device::Skin;
use mi_settings::strings::{S, Tr};
use mi_settings::ui::{HitMap, HitTarget, Theme, buffer_text, draw, render};
use mi_settings::view::{ChromeWords, Dialog, Element, Role, StatusBar, View};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn focused(mut element: Element) -> Element {
    element.focused = true;
    element
}

fn view(screen: &str, title: &str, back: bool, elements: Vec<Element>) -> View {
    View {
        screen: screen.into(),
        title: title.into(),
        back,
        home: true,
        status: StatusBar {
            time: "10:00".into(),
            network: "Wi-Fi".into(),
            battery_percent: 78,
        },
        elements,
        words: ChromeWords {
            browser: tr().get(S::BrowserLabel),
            too_small: tr().get(S::TooSmall),
            more_below: tr().get(S::MoreBelow),
            more_above: tr().get(S::MoreAbove),
            switch_on: tr().get(S::SwitchOn),
            switch_off: tr().get(S::SwitchOff),
        },
        ..View::empty()
    }
}

fn tr() -> Tr {
    Tr::new(Skin::Miui)
}

/// The key hints the engine gives a view like this one.
fn hinted(mut view: View) -> View {
    view.hints = keys::hints(&Context::of(&view), tr());
    view
}

/// The root Settings screen.
fn settings() -> View {
    view(
        "settings",
        "Settings",
        false,
        vec![
            focused(
                Element::new("settings.account", Role::Header, "Xiaomi User")
                    .summary("Mi Account, Xiaomi Cloud and more"),
            ),
            Element::section("settings.s1", ""),
            Element::row("settings.sim", "SIM cards & mobile networks"),
            Element::row("settings.wifi", "Wi-Fi").value("HomeNet"),
            Element::row("settings.bluetooth", "Bluetooth").value("Off"),
            Element::switch("settings.airplane", "Airplane mode", false),
            Element::section("settings.s2", "System"),
            Element::row("settings.about", "About phone").value("MIUI 14.0.3"),
        ],
    )
}

/// The Mi Account screen: every role at once, focus on a switch.
fn account() -> View {
    view(
        "mi_account",
        "Mi Account",
        true,
        vec![
            Element::new("account.profile", Role::Header, "Xiaomi User")
                .summary("ID 1234567890 · user@example.com"),
            Element::section("account.services", "Services"),
            Element::row("account.cloud", "Xiaomi Cloud")
                .value("5 GB")
                .summary("Last synced today at 09:41"),
            Element::row("account.find", "Find Device").value("On"),
            focused(
                Element::switch("account.sync_wifi", "Sync over Wi-Fi only", true)
                    .summary("Save mobile data"),
            ),
            Element::switch("account.backup", "Cloud backup", false),
            Element::section("account.security", "Security"),
            Element::row("account.password", "Password"),
            Element::row("account.devices", "Devices signed in to this account")
                .value("3 devices and a very long value"),
            Element::new("account.terms", Role::Checkbox, "Share usage statistics")
                .checked(true)
                .summary("Helps improve Xiaomi services"),
            Element::row("account.family", "Family sharing").enabled(false),
            Element::text(
                "account.note",
                "Signing out removes synced data from this phone; it stays in Xiaomi Cloud.",
            ),
            Element::button("account.sign_out", "Sign out"),
        ],
    )
}

/// Forty rows with summaries, scrolled so that the focused row sits in the middle and the rows
/// at the top and bottom edges are cut in half.
fn long_page(page_height: u16) -> View {
    let mut elements: Vec<Element> = (0..40)
        .map(|i| {
            Element::row(format!("row.{i}"), format!("Row {i}")).summary(format!("Summary {i}"))
        })
        .collect();
    elements[20].focused = true;
    let mut view = view("long", "Long page", true, elements);
    // Row 20 starts on line 40; centre it, on an odd line so the edges split rows.
    view.scroll = 41u16.saturating_sub(page_height / 2) | 1;
    view
}

/// A sign-in dialog over the account page: body text, two fields, two buttons.
fn dialog() -> View {
    let mut view = account();
    for element in &mut view.elements {
        element.focused = false;
    }
    view.dialog = Some(Dialog {
        id: "sign_in".into(),
        title: "Sign in".into(),
        body: vec![
            "Use your Mi Account to sync across devices.".into(),
            "Forgot it? Reset it on the web.".into(),
        ],
        scroll: 0,
        elements: vec![
            focused(
                Element::new("sign_in.user", Role::TextField, "Account").value("user@example.com"),
            ),
            Element::new("sign_in.password", Role::PasswordField, "Password").value("••••••"),
            Element::button("sign_in.cancel", "Cancel"),
            Element::button("sign_in.ok", "Sign in"),
        ],
    });
    view
}

fn toast() -> View {
    let mut view = account();
    view.toast = Some("Cloud backup turned on".into());
    view
}

/// A page whose focused element is a text field, with a disabled button.
fn rename() -> View {
    view(
        "rename",
        "Device name",
        true,
        vec![
            Element::text("rename.note", "Other devices see this name."),
            focused(Element::new("rename.name", Role::TextField, "Name").value("Redmi Note 13")),
            Element::button("rename.save", "Save").enabled(false),
        ],
    )
}

fn draw_at(view: &View, width: u16, height: u16) -> (Buffer, HitMap) {
    let view = hinted(view.clone());
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    let hits = render(&view, buf.area, &mut buf, &Theme::miui());
    (buf, hits)
}

fn text_at(view: &View, width: u16, height: u16) -> String {
    buffer_text(&draw_at(view, width, height).0)
}

/// Where `needle` first appears in the buffer, as (column, row).
fn find(buf: &Buffer, needle: &str) -> Option<(u16, u16)> {
    for (row, line) in (0..).zip(buffer_text(buf).lines()) {
        if let Some(byte) = line.find(needle) {
            let column = line[..byte].chars().count();
            return Some((u16::try_from(column).ok()?, row));
        }
    }
    None
}

fn element(id: &str) -> HitTarget {
    HitTarget::Element(id.to_string().into())
}

#[test]
fn snapshots() {
    for (width, height) in [(60, 24), (40, 12)] {
        let (_, page_height) = PhoneLayout::page_size(width, height).expect("fits");
        let cases = [
            ("settings", settings()),
            ("account", account()),
            ("long_page", long_page(page_height)),
            ("dialog", dialog()),
            ("toast", toast()),
            ("text_field", rename()),
        ];
        for (name, view) in cases {
            let text = text_at(&view, width, height);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), text);
        }
    }
}

#[test]
fn toast_replaces_the_hint_and_is_highlighted() {
    let (buf, _) = draw_at(&toast(), 60, 24);
    let (x, y) = find(&buf, "Cloud backup turned on").expect("toast drawn");
    assert_eq!(y, 22);
    assert_eq!(buf.cell((x, y)).map(|c| c.bg), Theme::miui().toast.bg);
    // Highlighted as a pill around the text, not the whole line.
    assert_ne!(buf.cell((2, y)).map(|c| c.bg), Theme::miui().toast.bg);
    assert!(!buffer_text(&buf).contains("Esc back"));
}

/// A toast longer than the line wraps upwards over the page: every word of it is on screen, at
/// the smallest size too, and a reading of the frame finds the whole sentence.
#[test]
fn a_long_toast_wraps_upwards_and_is_read_whole() {
    let tip = "Password changed. Other devices stay signed in: remove the ones you don't trust.";
    let mut view = account();
    view.toast = Some(tip.into());
    for (width, height) in [(40, 12), (60, 24), (120, 30)] {
        let (buf, _) = draw_at(&view, width, height);
        let text = buffer_text(&buf);
        let reading = mi_settings::ui::reading(&text, &Theme::miui());
        assert!(reading.contains(tip), "{width}x{height}:\n{text}");
        // It ends on the hint line, just above the phone's bottom edge.
        let last_row: Vec<&str> = text.lines().collect();
        assert!(
            last_row[usize::from(height) - 2].contains("trust."),
            "{width}x{height}:\n{text}"
        );
    }
}

#[test]
fn a_frame_reads_without_its_borders_and_markers() {
    let frame = "╭──────╮\n│▌Find  ┃\n│ Device │\n│ ╭ Mi Account ─╮ │\n╰──────╯";
    assert_eq!(
        mi_settings::ui::reading(frame, &Theme::miui()),
        "Find Device Mi Account"
    );
}

#[test]
fn a_focused_field_keeps_its_end_and_cursor_in_sight() {
    let mut field = rename();
    field.elements[1].value = Some("A name far too long to fit on the input line".into());
    let text = text_at(&field, 40, 12);
    assert!(
        text.contains("▌… too long to fit on the input line▏"),
        "{text}"
    );
    field.elements[1].focused = false;
    let text = text_at(&field, 40, 12);
    assert!(
        text.contains(" A name far too long to fit on the i…"),
        "{text}"
    );
}

#[test]
fn too_small_terminals_show_a_message() {
    let cases = [(39, 12), (40, 11), (12, 3), (1, 1)];
    for (width, height) in cases {
        let (buf, hits) = draw_at(&account(), width, height);
        assert_eq!(hits, HitMap::default());
        let text = buffer_text(&buf);
        if width >= 39 {
            insta::assert_snapshot!(format!("too_small_{width}x{height}"), text);
        } else {
            assert!(!text.trim().is_empty(), "{width}x{height}");
            assert!(
                text.lines()
                    .all(|l| l.chars().count() <= usize::from(width))
            );
        }
    }
    let (buf, _) = draw_at(&account(), 0, 0);
    assert_eq!(buffer_text(&buf), "");
}

#[test]
fn buffer_text_trims_trailing_spaces() {
    let text = text_at(&settings(), 70, 14);
    assert!(text.lines().all(|l| !l.ends_with(' ')));
    // The phone is 60 wide and centred: the right margin is trimmed away.
    assert!(text.lines().all(|l| l.chars().count() <= 65));
    assert_eq!(text.lines().count(), 14);
}

#[test]
fn clicks_land_on_rows_and_the_back_arrow() {
    let (buf, hits) = draw_at(&account(), 60, 24);
    let (x, y) = find(&buf, "Find Device").expect("row drawn");
    assert_eq!(hits.at(x, y), Some(&element("account.find")));
    // The whole line of the row is touchable, up to the gutter.
    assert_eq!(hits.at(1, y), Some(&element("account.find")));
    assert_eq!(hits.at(58, y), Some(&element("account.find")));
    // Both lines of a row with a summary.
    let (x, y) = find(&buf, "Last synced").expect("summary drawn");
    assert_eq!(hits.at(x, y), Some(&element("account.cloud")));

    let (x, y) = find(&buf, "‹").expect("back arrow drawn");
    assert_eq!(hits.at(x, y), Some(&HitTarget::Back));
    assert_eq!(hits.at(x + 1, y), Some(&HitTarget::Back));

    // Section headings, text and disabled rows are not touchable; the frame is not either.
    let (x, y) = find(&buf, "Services").expect("section drawn");
    assert_eq!(hits.at(x, y), None);
    assert_eq!(hits.at(0, 5), None);
    let (x, y) = find(&buf, "Family sharing").expect("disabled row drawn");
    assert_eq!(hits.at(x, y), None);

    // The root screen has no back arrow.
    let (buf, hits) = draw_at(&settings(), 60, 24);
    assert!(find(&buf, "‹").is_none());
    assert!(hits.targets().all(|(_, t)| *t != HitTarget::Back));
}

#[test]
fn only_the_dialog_and_the_home_button_are_touchable_while_it_is_open() {
    let (buf, hits) = draw_at(&dialog(), 60, 24);
    let ids: Vec<&HitTarget> = hits.targets().map(|(_, t)| t).collect();
    assert_eq!(
        ids,
        [
            &element("sign_in.user"),
            &element("sign_in.password"),
            &element("sign_in.cancel"),
            &element("sign_in.ok"),
            // The phone's Home button works over dialogs, as a phone's does.
            &HitTarget::Home,
        ]
    );
    let (x, y) = find(&buf, "[ Sign in ]").expect("button drawn");
    assert_eq!(hits.at(x, y), Some(&element("sign_in.ok")));
    let (x, y) = find(&buf, "[ Cancel ]").expect("button drawn");
    assert_eq!(hits.at(x, y), Some(&element("sign_in.cancel")));
    let (x, y) = find(&buf, "user@example.com▏").expect("field drawn");
    assert_eq!(hits.at(x, y), Some(&element("sign_in.user")));
    // The page's first row and the back arrow are still drawn but not touchable.
    assert!(hits.at(2, 2).is_none());
    assert!(hits.at(2, 3).is_none());
}

#[test]
fn scrolled_off_rows_are_not_touchable() {
    let (page_width, page_height) = PhoneLayout::page_size(60, 24).expect("fits");
    let view = long_page(page_height);
    let (buf, hits) = draw_at(&view, 60, 24);
    let targets: Vec<&HitTarget> = hits.targets().map(|(_, t)| t).collect();
    assert!(!targets.contains(&&element("row.0")));
    assert!(!targets.contains(&&element("row.39")));
    assert!(targets.contains(&&element("row.20")));
    // The core's scrolling agrees that the focused row is visible here.
    let scroll = scroll_to_show(
        &view.elements,
        page_width,
        page_height,
        view.scroll,
        Some(20),
    );
    assert_eq!(scroll, view.scroll);

    // A row cut by the top edge keeps its visible line touchable, and only that line.
    let page_top = 3;
    let first = hits.at(3, page_top).cloned().expect("a row at the top");
    let top_rect = hits
        .targets()
        .find(|(_, t)| *t == first)
        .map(|(r, _)| *r)
        .expect("registered");
    assert_eq!(top_rect.height, 1);
    assert!(!buffer_text(&buf).contains("Row 0\n"));

    // One line further up, the row at the bottom edge is the one cut.
    let mut view = view;
    view.scroll -= 1;
    let (_, hits) = draw_at(&view, 60, 24);
    let page_bottom = 3 + page_height - 1;
    let last = hits
        .at(3, page_bottom)
        .cloned()
        .expect("a row at the bottom");
    let bottom_rect = hits.targets().find(|(_, t)| *t == last).map(|(r, _)| *r);
    assert_eq!(bottom_rect.map(|r| (r.y, r.height)), Some((page_bottom, 1)));
}

#[test]
fn switch_state_shows_in_text_and_colour() {
    let (buf, _) = draw_at(&account(), 60, 24);
    let (x_on, y_on) = find(&buf, "[ ON]").expect("on switch");
    let (x_off, y_off) = find(&buf, "[OFF]").expect("off switch");
    let fg = |x: u16, y: u16| buf.cell((x + 2, y)).map(|c| c.fg);
    assert_eq!(fg(x_on, y_on), Theme::miui().switch_on.fg);
    assert_eq!(fg(x_off, y_off), Theme::miui().switch_off.fg);
    assert_ne!(fg(x_on, y_on), fg(x_off, y_off));
}

#[test]
fn focus_is_marked_in_the_gutter_and_highlighted() {
    let (buf, _) = draw_at(&account(), 60, 24);
    let (x, y) = find(&buf, "Sync over Wi-Fi only").expect("focused switch");
    for row in [y, y + 1] {
        assert_eq!(buf.cell((x - 1, row)).map(|c| c.symbol()), Some("▌"));
        assert_eq!(buf.cell((x + 5, row)).map(|c| c.bg), Theme::miui().focus.bg);
    }
    assert_ne!(buf.cell((x - 1, y + 2)).map(|c| c.symbol()), Some("▌"));
}

#[test]
fn draw_renders_the_whole_frame() {
    let mut terminal = Terminal::new(TestBackend::new(60, 24)).expect("test backend");
    let mut hits = HitMap::default();
    let view = hinted(account());
    terminal
        .draw(|frame| hits = draw(&view, frame, &Theme::miui()))
        .expect("draw");
    let (expected, expected_hits) = draw_at(&account(), 60, 24);
    assert_eq!(
        buffer_text(terminal.backend().buffer()),
        buffer_text(&expected)
    );
    assert_eq!(hits, expected_hits);
}

#[test]
fn never_panics_at_any_size() {
    let mut toast = long_page(10);
    toast.toast = Some("A toast long enough to need cutting on a narrow phone".into());
    let mut scrolled_too_far = account();
    scrolled_too_far.scroll = u16::MAX;
    let views = [long_page(19), dialog(), toast, scrolled_too_far];
    for width in 0..=70 {
        for height in 0..=30 {
            for view in &views {
                let (buf, hits) = draw_at(view, width, height);
                let area = buf.area;
                assert!(hits.targets().all(|(r, _)| area.contains(r.as_position())));
            }
        }
    }
    // Huge terminals, areas away from the origin, and areas larger than the buffer.
    for view in &views {
        draw_at(view, 400, 200);
        let mut buf = Buffer::empty(Rect::new(30, 40, 50, 20));
        let theme = Theme::miui();
        render(view, Rect::new(35, 45, 100, 100), &mut buf, &theme);
        render(view, Rect::new(0, 0, 10, 10), &mut buf, &theme);
        render(
            view,
            Rect::new(u16::MAX - 5, u16::MAX - 5, 500, 500),
            &mut buf,
            &theme,
        );
    }
}

mod text_grid {
    use super::*;
    use mi_settings::ui::{TextGrid, render_text};
    use proptest::prelude::*;

    /// Labels from every kind of script the phone may show: ASCII, CJK (two cells wide), emoji,
    /// an accent that combines with the letter before it, and box drawing.
    fn label() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("Wi-Fi".to_string()),
                Just("小米账号".to_string()),
                Just("设置 ".to_string()),
                Just("🌐".to_string()),
                Just("e\u{301}".to_string()),
                Just("─│".to_string()),
                "[a-zA-Z ]{0,12}",
            ],
            0..5,
        )
        .prop_map(|parts| parts.concat())
    }

    fn element() -> impl Strategy<Value = Element> {
        (0usize..8, label(), label(), any::<bool>()).prop_map(|(kind, text, extra, on)| {
            let id = format!("e.{kind}");
            match kind {
                0 => Element::row(id, text).value(extra),
                1 => Element::text(id, text),
                2 => Element::switch(id, text, on).summary(extra),
                3 => Element::button(id, text),
                4 => Element::new(id, Role::TextField, text).value(extra),
                5 => Element::section(id, text),
                6 => Element::info(id, text, extra),
                _ => Element::new(id, Role::Checkbox, text).checked(on),
            }
        })
    }

    fn a_view() -> impl Strategy<Value = View> {
        (
            label(),
            proptest::collection::vec(element(), 0..14),
            proptest::option::of(label()),
            any::<bool>(),
            0u16..30,
        )
            .prop_map(|(title, elements, toast, dialog, scroll)| {
                let mut view = hinted(view("random", &title, true, elements));
                view.toast = toast;
                view.scroll = scroll;
                if dialog {
                    view.dialog = Some(Dialog {
                        id: "d".into(),
                        title: title.clone(),
                        body: vec![title],
                        elements: vec![Element::button("d.ok", "OK")],
                        scroll: 0,
                    });
                }
                view
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// The grid a replay draws on reads exactly as ratatui's buffer does, frame after frame
        /// (the grid reuses rows that did not change, so consecutive frames are drawn on one).
        #[test]
        fn the_text_grid_reads_as_the_buffer(
            views in proptest::collection::vec(a_view(), 1..4),
            width in 1u16..90,
            height in 1u16..30,
        ) {
            let theme = Theme::miui();
            let mut grid = TextGrid::new(width, height);
            for view in &views {
                let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
                let hits = render(view, buffer.area, &mut buffer, &theme);
                let grid_hits = render_text(view, &mut grid, &theme);
                prop_assert_eq!(grid.text(), buffer_text(&buffer));
                prop_assert_eq!(grid_hits, hits);
                for line in buffer_text(&buffer).lines() {
                    prop_assert!(unicode_width::UnicodeWidthStr::width(line) <= usize::from(width));
                }
            }
        }

        /// Random mixes of ASCII, Chinese and emoji labels at random phone widths: every row is
        /// exactly the phone's width, the phone's frame stays whole on every row, and every
        /// two-cell character keeps both its cells (nothing is drawn over its second half, and
        /// none starts on the last column).
        #[test]
        fn chinese_and_emoji_rows_fit_and_wide_characters_stay_whole(
            view in a_view(),
            // From the smallest phone up (smaller terminals show a message instead).
            width in 40u16..100,
            height in 12u16..30,
        ) {
            use unicode_width::UnicodeWidthStr;
            let theme = Theme::miui();
            let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
            render(&view, buffer.area, &mut buffer, &theme);
            let text = buffer_text(&buffer);
            let rows: Vec<&str> = text.lines().collect();
            prop_assert!(rows.len() <= usize::from(height));
            // Every row of the phone is as wide as its top edge, and no wider than the terminal.
            let phone_width = rows.first().map_or(0, |row| row.width());
            prop_assert!(phone_width <= usize::from(width));
            for (y, row) in rows.iter().enumerate() {
                prop_assert_eq!(row.width(), phone_width, "row {}: {:?}", y, row);
                // The phone is centred in a wider terminal: its frame is what is not margin.
                let phone = row.trim_matches(' ');
                prop_assert!(
                    phone.chars().next().is_some_and(|c| "│╭╰".contains(c))
                        && phone.chars().next_back().is_some_and(|c| "│╮╯┃".contains(c)),
                    "row {} lost the frame: {:?}", y, row
                );
            }
            for y in 0..height {
                for x in 0..width {
                    let Some(cell) = buffer.cell((x, y)) else { continue };
                    if cell.symbol().width() < 2 {
                        continue;
                    }
                    prop_assert!(x + 1 < width, "{:?} starts on the last column", cell.symbol());
                    let covered = buffer.cell((x + 1, y)).map(|c| c.symbol().to_string());
                    prop_assert!(
                        covered.as_deref().is_some_and(|s| s.trim().is_empty()),
                        "{:?} at {},{} has {:?} drawn over its second half", cell.symbol(), x, y, covered
                    );
                }
            }
        }
    }
}

/// The phone's Home button sits on the middle of the bottom edge and a click there is Home;
/// the browser (square corners) has none.
#[test]
fn the_home_button_is_under_the_screen_and_touchable() {
    let (buf, hits) = draw_at(&account(), 60, 24);
    let text = buffer_text(&buf);
    let bottom = text.lines().last().expect("a bottom edge");
    assert!(bottom.contains("⌂"), "{bottom}");
    let (x, y) = find(&buf, "⌂").expect("drawn");
    assert_eq!(hits.at(x, y), Some(&mi_settings::ui::HitTarget::Home));
    let mut browser = account();
    browser.surface = "browser";
    browser.home = false;
    assert!(!text_at(&browser, 60, 24).contains("⌂"));
}

/// The rows a wrapped toast takes over the page hold the toast alone: once a word of the page
/// was left beside it ("Don Device 195 was removed…").
#[test]
fn a_wrapped_toast_hides_the_page_text_on_its_rows() {
    let mut view = long_page(20);
    for element in &mut view.elements {
        element.label = "Don't recognize a device? Remove it and change your password".into();
    }
    view.toast = Some("Device 195 was removed and signed out of your Mi Account.".into());
    // Each scroll puts another line of the page under the toast.
    for scroll in 30..36 {
        view.scroll = scroll;
        let (buf, _) = draw_at(&view, 60, 24);
        let text = buffer_text(&buf);
        let rows: Vec<&str> = text.lines().collect();
        for row in &rows[21..23] {
            let inner = row.trim_matches(|c| c == '│' || c == '┃' || c == ' ');
            assert!(
                !inner.contains("Don") && !inner.contains("password") && !inner.contains("Summ"),
                "{row:?} in\n{text}"
            );
        }
        assert!(rows[21].contains("Device 195 was removed"), "{text}");
    }
}
