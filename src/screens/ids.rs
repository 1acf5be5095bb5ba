//! Typed element ids. Each screen declares its elements' ids once, as an enum; its view builds
//! elements from the enum and its handler matches on it with no catch-all, so an element shown
//! but not handled (or a typo in an id) does not compile. The strings (`wifi.toggle`) are what
//! fixtures, agents and the View see.

use crate::view::Text;

/// An element id a screen understands.
pub trait ElementId: Copy + Eq + std::fmt::Debug + 'static {
    /// The id behind `text`, if it is one of this screen's.
    fn parse(text: &str) -> Option<Self>;
    /// The id as the View carries it.
    fn text(self) -> Text;
    /// Every id this type can produce, as patterns (`devices.*` for numbered rows): a test checks
    /// that each is shown somewhere.
    const PATTERNS: &'static [&'static str];
}

/// Declares a screen's element ids: `ids! { pub enum Id { Toggle = "wifi.toggle", } }`.
macro_rules! ids {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $crate::screens::ids::ElementId for $name {
            fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)*
                    _ => None,
                }
            }

            fn text(self) -> $crate::view::Text {
                ::std::borrow::Cow::Borrowed(match self {
                    $($name::$variant => $text,)*
                })
            }

            const PATTERNS: &'static [&'static str] = &[$($text,)*];
        }

        impl From<$name> for $crate::view::Text {
            fn from(id: $name) -> $crate::view::Text {
                $crate::screens::ids::ElementId::text(id)
            }
        }
    };
}

pub(crate) use ids;

/// A screen with no elements of its own to handle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoId {}

impl ElementId for NoId {
    fn parse(_: &str) -> Option<Self> {
        None
    }

    fn text(self) -> Text {
        match self {}
    }

    const PATTERNS: &'static [&'static str] = &[];
}

/// `prefix` followed by a number: the id of a numbered row (`devices.3`).
pub fn numbered(prefix: &'static str, index: usize) -> Text {
    format!("{prefix}{index}").into()
}

/// The number after `prefix` in `text`, if `text` is a numbered row's id.
pub fn parse_numbered(prefix: &str, text: &str) -> Option<usize> {
    text.strip_prefix(prefix)?.parse().ok()
}
