//! The one key table. Keys are data: each binding says which keys, where they work (typing in a
//! field, a dialog, a page, the root), what they do, and how the hint line and the `?` help
//! name them. The same table turns key presses into actions, writes the hint line (so it cannot
//! name a key that does nothing), lists the keys in the help overlay, defines the key names
//! fixtures may press, and writes the README's key section (a test keeps it in step).

use std::fmt;

use crate::layout::{self, PhoneLayout};
use crate::screens::Action;
use crate::screens::dialogs::WORKING;
use crate::strings::{S, Tr};
use crate::view::{Dialog, Hint, Role, View};

/// A key press, as the phone understands it (terminal libraries' events are turned into this by
/// the shells).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
    /// A function key: `F(2)` is F2.
    F(u8),
    /// A letter with Ctrl held: `Ctrl('c')`.
    Ctrl(char),
    /// A character typed (space included).
    Char(char),
}

/// The named keys a fixture may press, besides any single character.
pub const KEY_NAMES: [(&str, Key); 19] = [
    ("enter", Key::Enter),
    ("esc", Key::Esc),
    ("tab", Key::Tab),
    ("backtab", Key::BackTab),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("pageup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("home", Key::Home),
    ("end", Key::End),
    ("backspace", Key::Backspace),
    ("delete", Key::Delete),
    ("space", Key::Char(' ')),
    ("ctrl+c", Key::Ctrl('c')),
    ("ctrl+u", Key::Ctrl('u')),
    ("f2", Key::F(2)),
    ("f3", Key::F(3)),
];

impl Key {
    /// The key a fixture names: one of [`KEY_NAMES`], or any single character.
    pub fn from_name(name: &str) -> Option<Key> {
        if let Some((_, key)) = KEY_NAMES.iter().find(|(n, _)| *n == name) {
            return Some(*key);
        }
        let mut chars = name.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => Some(Key::Char(c)),
            _ => None,
        }
    }

    /// The name a fixture writes for this key, when it has one.
    pub fn name(self) -> Option<String> {
        if let Some((name, _)) = KEY_NAMES.iter().find(|(_, k)| *k == self) {
            return Some((*name).to_string());
        }
        match self {
            Key::Char(c) => Some(c.to_string()),
            _ => None,
        }
    }

    /// The key as the help and the README write it.
    pub fn cap(self, tr: Tr) -> String {
        let cap = |id: S| tr.get(id).to_string();
        match self {
            Key::Enter => cap(S::KeyEnter),
            Key::Esc => cap(S::KeyEsc),
            Key::Tab => cap(S::KeyTab),
            Key::BackTab => cap(S::KeyBackTab),
            Key::Up => "↑".to_string(),
            Key::Down => "↓".to_string(),
            Key::Left => "←".to_string(),
            Key::Right => "→".to_string(),
            Key::PageUp => cap(S::KeyPageUp),
            Key::PageDown => cap(S::KeyPageDown),
            Key::Home => cap(S::KeyHome),
            Key::End => cap(S::KeyEnd),
            Key::Backspace => cap(S::KeyBackspace),
            Key::Delete => cap(S::KeyDelete),
            Key::F(n) => format!("F{n}"),
            Key::Ctrl(c) => format!("{}-{}", tr.get(S::KeyCtrl), c.to_ascii_uppercase()),
            Key::Char(' ') => cap(S::KeySpace),
            Key::Char(c) => c.to_string(),
        }
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => f.write_str(&name),
            None => write!(f, "{self:?}"),
        }
    }
}

/// What is in front, as far as keys care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Context {
    /// The focus is in a text field: keys type.
    pub typing: bool,
    /// A dialog is open.
    pub dialog: bool,
    /// Back (Esc) goes somewhere: a page to go up to, or a dialog to close.
    pub back: bool,
    /// Settings' root page (or a lock screen), with no dialog: nothing to go back to.
    pub root: bool,
    /// Something can take the focus.
    pub touchable: bool,
    /// More than one thing can: moving the focus goes somewhere.
    pub several: bool,
    /// The browser is in front.
    pub browser: bool,
    /// The `?` key help is over the screen.
    pub help: bool,
    /// The phone is busy ("Signing out…"): keys wait.
    pub busy: bool,
    /// The phone's Home key goes somewhere (not on the browser or a locked phone).
    pub home: bool,
    /// What the focused element is, when it can be touched now: what Enter does to it.
    pub focus: Option<Role>,
    /// Whether that element is on (a switch) or ticked (a checkbox).
    pub checked: bool,
    /// The page (no dialog in front) is taller than the screen: ↑↓ bring the rest into view.
    /// Only [`Context::sized`] knows it.
    pub taller: bool,
}

impl Context {
    /// What is in front: an overlay, else the phone's dialog, else its page.
    pub fn of(view: &View) -> Context {
        Context::with(view, view.top_dialog())
    }

    /// The phone's own, under any overlay.
    pub fn of_phone(view: &View) -> Context {
        Context::with(view, view.dialog.as_ref())
    }

    /// What is in front, knowing the screen is `viewport` (columns, rows): whether the page is
    /// taller than it.
    pub fn sized(view: &View, viewport: (u16, u16)) -> Context {
        let mut context = Context::of(view);
        context.taller = view.top_dialog().is_none()
            && PhoneLayout::page_size(viewport.0, viewport.1)
                .is_some_and(|(width, height)| layout::taller_than(&view.elements, width, height));
        context
    }

    fn with(view: &View, front: Option<&Dialog>) -> Context {
        let dialog = front.is_some();
        let elements = front.map_or(view.elements.as_slice(), |d| d.elements.as_slice());
        let mut touchable = elements.iter().filter(|e| e.interactive());
        let focused = elements.iter().find(|e| e.focused && e.interactive());
        Context {
            typing: elements
                .iter()
                .find(|e| e.focused)
                .is_some_and(|e| e.role.is_text_input()),
            dialog,
            back: view.back || dialog,
            root: !view.back && !dialog,
            touchable: touchable.next().is_some(),
            several: touchable.next().is_some(),
            browser: view.surface == "browser",
            help: front.is_some_and(|d| d.id == HELP_DIALOG),
            busy: front.is_some_and(|d| d.id == WORKING),
            home: view.home,
            focus: focused.map(|e| e.role),
            checked: focused.and_then(|e| e.checked).unwrap_or(false),
            taller: false,
        }
    }

    /// What the hint line says Enter does to the focused element (`usual` for a row: open on
    /// a page, select in a dialog).
    fn enter_does(&self, usual: S) -> S {
        match (self.focus, self.checked) {
            (Some(Role::Switch), false) => S::HintTurnOn,
            (Some(Role::Switch), true) => S::HintTurnOff,
            (Some(Role::Checkbox), false) => S::HintTick,
            (Some(Role::Checkbox), true) => S::HintUntick,
            (Some(Role::Button), _) => S::HintPress,
            _ => usual,
        }
    }
}

/// The id of the help overlay's dialog.
pub const HELP_DIALOG: &str = "help";

/// What a key does: an action of the phone's, or one of the few things only keys do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Does {
    /// The phone's action.
    Act(Action),
    /// The character typed goes into the field.
    Type,
    /// The key help over the screen.
    Help,
    /// Closes the key help.
    CloseHelp,
    /// Nothing: the phone is busy.
    Wait,
}

impl Does {
    /// The action it is, for `key` (typing needs the character); `None` for what only keys
    /// do.
    pub fn action(&self, key: Key) -> Option<Action> {
        match self {
            Does::Act(action) => Some(action.clone()),
            Does::Type => match key {
                Key::Char(c) => Some(Action::Type(c.to_string())),
                _ => None,
            },
            Does::Help | Does::CloseHelp | Does::Wait => None,
        }
    }
}

/// Where a binding works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Where {
    /// While the key help is over the screen (and nowhere else).
    Help,
    /// While the phone is busy (and nowhere else).
    Busy,
    /// Anywhere but under the key help.
    Anywhere,
    /// In a text field.
    Typing,
    /// In a text field with a page to go back to (no dialog).
    TypingWithBack,
    /// In a text field inside a dialog.
    TypingInDialog,
    /// Not in a text field.
    Page,
    /// On a page (no dialog, not typing), with something to focus.
    PageTouchable,
    /// On a page (no dialog, not typing): the arrows move the focus, or scroll where it goes
    /// no further.
    PageArrows,
    /// On a page (no dialog, not typing) with something focused to touch.
    PageNoDialog,
    /// Not typing, with a page to go back to (no dialog).
    PageWithBack,
    /// In a dialog, not typing.
    Dialog,
    /// In a dialog with more than one button or field, not typing.
    DialogChoices,
    /// At the root page, not typing.
    Root,
    /// On the phone.
    Phone,
    /// On the browser.
    Browser,
    /// Where the phone's Home key goes somewhere.
    PhoneHome,
}

impl Where {
    pub fn holds(self, cx: &Context) -> bool {
        // The key help takes every key for itself.
        if cx.help {
            return self == Where::Help;
        }
        // Work in progress takes every key but Ctrl-C.
        if cx.busy {
            return matches!(self, Where::Busy | Where::Anywhere);
        }
        match self {
            Where::Help | Where::Busy => false,
            Where::Anywhere => true,
            Where::Typing => cx.typing,
            Where::TypingWithBack => cx.typing && cx.back && !cx.dialog,
            Where::TypingInDialog => cx.typing && cx.dialog,
            Where::Page => !cx.typing,
            Where::PageTouchable => !cx.typing && cx.several && !cx.dialog,
            Where::PageArrows => !cx.typing && !cx.dialog,
            Where::PageNoDialog => !cx.typing && cx.focus.is_some() && !cx.dialog,
            Where::PageWithBack => !cx.typing && cx.back && !cx.dialog,
            Where::Dialog => !cx.typing && cx.dialog,
            Where::DialogChoices => !cx.typing && cx.dialog && cx.several,
            Where::Root => !cx.typing && cx.root,
            Where::Phone => !cx.browser,
            Where::Browser => cx.browser,
            Where::PhoneHome => cx.home,
        }
    }

    /// Where it works, as the README says it.
    fn describe(self, tr: Tr) -> &'static str {
        tr.get(match self {
            Where::Help => S::WhereHelp,
            Where::Busy => S::WhereBusy,
            Where::Anywhere => S::WhereAnywhere,
            Where::Typing => S::WhereTyping,
            Where::TypingWithBack => S::WhereTypingWithBack,
            Where::TypingInDialog => S::WhereTypingInDialog,
            Where::Page | Where::PageTouchable | Where::PageArrows => S::WherePage,
            Where::PageNoDialog | Where::PageWithBack => S::WherePageNoDialog,
            Where::Dialog | Where::DialogChoices => S::WhereDialog,
            Where::Root => S::WhereRoot,
            Where::Phone => S::WherePhone,
            Where::Browser => S::WhereBrowser,
            Where::PhoneHome => S::WherePhoneHome,
        })
    }
}

/// One line of the key table.
pub struct Binding {
    pub keys: &'static [Key],
    /// Any character (typing): the keys are then only what the help shows.
    pub any_char: bool,
    /// Any key at all.
    pub any_key: bool,
    pub when: Where,
    pub does: Does,
    /// What the help says it does.
    pub help: S,
    /// How the hint line names it, if it does: the keys (none for typing), what they do, and
    /// when the line drops it if short of room (0: never; from 2 up, the highest first, before
    /// the dots between hints go; 1: [`Hint::LAST_RESORT`]).
    pub hint: Option<(Option<S>, S, u8)>,
}

/// A line of the key table: `bind!(keys, where, does, help)`, then optionally `hint KEYS,
/// DOES` (named on the hint line as `keys does`) and `drops RANK` (named only when there is
/// room: when the line is short, hints go by rank, the highest first. What a person cannot do
/// without — moving, going back, the way back from the browser, and `?`, whose help names
/// every other key — never goes. The first to go is q's quit (Ctrl-C also quits), then the
/// Home key's F3, then the browser's F2, then the extras of typing and dialogs; Enter's only
/// when nothing else makes room).
macro_rules! bind {
    ($keys:expr, $when:expr, $does:expr, $help:expr) => {
        bind!(@ $keys, $when, $does, $help, None)
    };
    ($keys:expr, $when:expr, $does:expr, $help:expr, hint $hint_keys:expr, $hint_does:expr) => {
        bind!(@ $keys, $when, $does, $help, Some((Some($hint_keys), $hint_does, 0)))
    };
    ($keys:expr, $when:expr, $does:expr, $help:expr, hint $hint_keys:expr, $hint_does:expr,
     drops $rank:expr) => {
        bind!(@ $keys, $when, $does, $help, Some((Some($hint_keys), $hint_does, $rank)))
    };
    (@ $keys:expr, $when:expr, $does:expr, $help:expr, $hint:expr) => {
        Binding {
            keys: $keys,
            any_char: false,
            any_key: false,
            when: $when,
            does: $does,
            help: $help,
            hint: $hint,
        }
    };
}

const ENTER: &[Key] = &[Key::Enter, Key::Char(' ')];
const BACK: &[Key] = &[Key::Esc, Key::Backspace, Key::Left, Key::Char('h')];
// In a dialog the buttons sit side by side: ← and → go between them, and only Esc cancels.
const DIALOG_PREVIOUS: &[Key] = &[Key::Left, Key::Up, Key::Char('k'), Key::BackTab];
const DIALOG_NEXT: &[Key] = &[Key::Right, Key::Down, Key::Char('j'), Key::Tab];

use Action as A;
use Does::Act;
use Where as W;

/// The key table, in the order keys are resolved and hints are shown.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    // The key help: the arrows and pages scroll it, any other key closes it.
    bind!(&[Key::Up, Key::Char('k')], W::Help, Act(A::Scroll(-1)), S::HelpScrollUp,
        hint S::KeyUpDown, S::HintScroll),
    bind!(&[Key::Down, Key::Char('j')], W::Help, Act(A::Scroll(1)), S::HelpScrollDown,
        hint S::KeyUpDown, S::HintScroll),
    bind!(&[Key::PageUp], W::Help, Act(A::PageUp), S::HelpPageUp),
    bind!(&[Key::PageDown], W::Help, Act(A::PageDown), S::HelpPageDown),
    Binding { keys: &[], any_char: false, any_key: true, when: W::Help, does: Does::CloseHelp,
        help: S::HelpCloseHelp, hint: Some((Some(S::KeyAny), S::HintClose, 0)) },
    // Typing in a text field.
    Binding { keys: &[], any_char: true, any_key: false, when: W::Typing, does: Does::Type,
        help: S::HelpType, hint: Some((None, S::HintType, 3)) },
    bind!(&[Key::Tab, Key::Down], W::Typing, Act(A::FocusNext), S::HelpNextField,
        hint S::KeyTab, S::HintNext, drops 2),
    bind!(&[Key::BackTab, Key::Up], W::Typing, Act(A::FocusPrev), S::HelpPreviousField,
        hint S::KeyUpDown, S::HintMore),
    bind!(&[Key::Enter], W::Typing, Act(A::Activate), S::HelpDone,
        hint S::KeyEnter, S::HintDone),
    bind!(&[Key::Esc], W::TypingWithBack, Act(A::Back), S::HelpBack,
        hint S::KeyEsc, S::HintBack),
    bind!(&[Key::Esc], W::TypingInDialog, Act(A::Back), S::HelpCancel,
        hint S::KeyEsc, S::HintCancel),
    bind!(&[Key::Backspace], W::Typing, Act(A::DeleteBackward), S::HelpDeleteBackward),
    bind!(&[Key::Delete], W::Typing, Act(A::DeleteForward), S::HelpDeleteForward),
    bind!(&[Key::Left], W::Typing, Act(A::CursorLeft), S::HelpCursorLeft),
    bind!(&[Key::Right], W::Typing, Act(A::CursorRight), S::HelpCursorRight),
    bind!(&[Key::Home], W::Typing, Act(A::CursorHome), S::HelpCursorHome),
    bind!(&[Key::End], W::Typing, Act(A::CursorEnd), S::HelpCursorEnd),
    bind!(&[Key::Ctrl('u')], W::Typing, Act(A::ClearField), S::HelpClearField),
    // Pages and dialogs.
    bind!(&[Key::Up, Key::Char('k'), Key::BackTab],
        W::PageArrows, Act(A::FocusPrev), S::HelpFocusPrev,
        hint S::KeyUpDown, S::HintMove),
    bind!(&[Key::Down, Key::Char('j'), Key::Tab],
        W::PageArrows, Act(A::FocusNext), S::HelpFocusNext,
        hint S::KeyUpDown, S::HintMove),
    bind!(DIALOG_PREVIOUS, W::DialogChoices, Act(A::FocusPrev), S::HelpFocusPrevButton,
        hint S::KeyLeftRight, S::HintMove, drops 2),
    bind!(DIALOG_NEXT, W::DialogChoices, Act(A::FocusNext), S::HelpFocusNextButton,
        hint S::KeyLeftRight, S::HintMove, drops 2),
    bind!(&[Key::Home, Key::Char('g')], W::PageTouchable, Act(A::FocusFirst), S::HelpFocusFirst),
    bind!(&[Key::End, Key::Char('G')], W::PageTouchable, Act(A::FocusLast), S::HelpFocusLast),
    bind!(&[Key::PageUp], W::Anywhere, Act(A::PageUp), S::HelpPageUp),
    bind!(&[Key::PageDown], W::Anywhere, Act(A::PageDown), S::HelpPageDown),
    bind!(ENTER, W::PageNoDialog, Act(A::Activate), S::HelpOpen,
        hint S::KeyEnter, S::HintOpen),
    bind!(ENTER, W::Dialog, Act(A::Activate), S::HelpSelect,
        hint S::KeyEnter, S::HintSelect),
    bind!(BACK, W::PageWithBack, Act(A::Back), S::HelpBack, hint S::KeyEsc, S::HintBack),
    bind!(&[Key::Esc], W::Dialog, Act(A::Back), S::HelpCancel,
        hint S::KeyEsc, S::HintCancel),
    bind!(&[Key::Char('?')], W::Page, Does::Help, S::HelpHelp, hint S::KeyQuestion, S::HintHelp),
    bind!(&[Key::Char('q')], W::Root, Act(A::Quit), S::HelpQuit,
        hint S::KeyQ, S::HintQuit, drops 5),
    // Anywhere.
    bind!(&[Key::F(2)], W::Phone, Act(A::SwitchSurface), S::HelpToBrowser,
        hint S::KeyF2, S::HintBrowser, drops 3),
    bind!(&[Key::F(2)], W::Browser, Act(A::SwitchSurface), S::HelpToPhone,
        hint S::KeyF2, S::HintPhone),
    bind!(&[Key::F(3)], W::PhoneHome, Act(A::Home), S::HelpHome,
        hint S::KeyF3, S::HintHome, drops 4),
    bind!(&[Key::Ctrl('c')], W::Anywhere, Act(A::Quit), S::HelpQuitAnywhere),
    // Busy: every other key waits.
    Binding { keys: &[], any_char: false, any_key: true, when: W::Busy, does: Does::Wait,
        help: S::HelpWait, hint: Some((None, S::HintWait, 0)) },
];

impl Binding {
    fn matches(&self, key: Key) -> bool {
        self.any_key || self.keys.contains(&key) || (self.any_char && matches!(key, Key::Char(_)))
    }
}

/// What `key` does in `context`, if anything.
pub fn resolve(key: Key, context: &Context) -> Option<&'static Does> {
    BINDINGS
        .iter()
        .find(|b| b.when.holds(context) && b.matches(key))
        .map(|b| &b.does)
}

/// The hint line's hints for `context`, in table order, each once.
pub fn hints(context: &Context, tr: Tr) -> Vec<Hint> {
    let mut hints: Vec<Hint> = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.when.holds(context)) {
        let Some((keys, does, drop_rank)) = binding.hint else {
            continue;
        };
        let keys = keys.map_or("", |k| tr.get(k));
        if !keys.is_empty() && hints.iter().any(|h| h.keys == keys) {
            continue;
        }
        let mut drop_rank = drop_rank;
        let does = match binding.when {
            // The arrows are worth naming when they move the focus or bring more into view.
            Where::PageArrows if context.taller => S::HintMore,
            Where::PageArrows if !context.several => continue,
            // While typing, Tab names the next field; ↑↓ are named when there is more to see.
            Where::Typing if binding.does == Act(Action::FocusPrev) && !context.taller => {
                continue;
            }
            Where::PageNoDialog | Where::Dialog if binding.does == Act(Action::Activate) => {
                // Enter is the key a person guesses first: the last to go.
                drop_rank = Hint::LAST_RESORT;
                context.enter_does(does)
            }
            _ => does,
        };
        hints.push(Hint {
            keys,
            does: tr.get(does),
            drop_rank,
        });
    }
    hints
}

/// The help overlay's lines for `context`: each binding that works here, its keys and what it
/// does.
pub fn help_lines(context: &Context, tr: Tr) -> Vec<String> {
    BINDINGS
        .iter()
        .filter(|b| b.when.holds(context))
        .map(|b| format!("{}: {}", keys_text(b, tr), tr.get(b.help)))
        .collect()
}

fn keys_text(binding: &Binding, tr: Tr) -> String {
    if binding.any_key {
        return tr.get(S::KeyAny).to_string();
    }
    if binding.any_char {
        return tr.get(S::KeyAnyCharacter).to_string();
    }
    binding
        .keys
        .iter()
        .map(|k| k.cap(tr))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The README's key section: a Markdown table of every binding.
pub fn readme_table(tr: Tr) -> String {
    let mut table = String::from("| keys | where | does |\n| --- | --- | --- |\n");
    for binding in BINDINGS {
        table.push_str(&format!(
            "| {} | {} | {} |\n",
            keys_text(binding, tr),
            binding.when.describe(tr),
            tr.get(binding.help)
        ));
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::device::Skin;

    fn cx(typing: bool, dialog: bool, back: bool) -> Context {
        Context {
            typing,
            dialog,
            back: back || dialog,
            root: !back && !dialog,
            touchable: true,
            several: true,
            browser: false,
            help: false,
            busy: false,
            home: true,
            focus: Some(Role::Row),
            checked: false,
            taller: false,
        }
    }

    #[test]
    fn keys_mean_what_the_context_says() {
        let page = cx(false, false, true);
        assert_eq!(
            resolve(Key::Char('j'), &page),
            Some(&Does::Act(Action::FocusNext))
        );
        assert_eq!(resolve(Key::Left, &page), Some(&Does::Act(Action::Back)));
        assert_eq!(resolve(Key::Char('q'), &page), None);
        let root = cx(false, false, false);
        assert_eq!(
            resolve(Key::Char('q'), &root),
            Some(&Does::Act(Action::Quit))
        );
        assert_eq!(resolve(Key::Esc, &root), None);
        let typing = cx(true, false, true);
        assert_eq!(resolve(Key::Char('q'), &typing), Some(&Does::Type));
        assert_eq!(
            resolve(Key::Left, &typing),
            Some(&Does::Act(Action::CursorLeft))
        );
        assert_eq!(
            resolve(Key::Ctrl('c'), &typing),
            Some(&Does::Act(Action::Quit))
        );
        assert_eq!(
            resolve(Key::F(2), &typing),
            Some(&Does::Act(Action::SwitchSurface))
        );
    }

    #[test]
    fn every_hint_names_a_key_that_works_there() {
        let tr = Tr::new(Skin::Miui);
        for typing in [false, true] {
            for dialog in [false, true] {
                for back in [false, true] {
                    let context = cx(typing, dialog, back);
                    for binding in BINDINGS.iter().filter(|b| b.when.holds(&context)) {
                        let command = binding.keys.first().and_then(|&key| resolve(key, &context));
                        if binding.hint.is_some() && !binding.any_char {
                            assert_eq!(command, Some(&binding.does), "{:?}", binding.keys);
                        }
                    }
                    assert!(!hints(&context, tr).is_empty());
                }
            }
        }
    }

    #[test]
    fn key_names_round_trip() {
        for (name, key) in KEY_NAMES {
            assert_eq!(Key::from_name(name), Some(key));
            assert_eq!(key.name().as_deref(), Some(name));
        }
        assert_eq!(Key::from_name("x"), Some(Key::Char('x')));
        assert_eq!(Key::from_name("entr"), None);
        assert_eq!(Key::from_name(""), None);
    }
}
