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
    fn patterns() -> Vec<&'static str>;
}

/// Declares a screen's element ids: plain ones (`Toggle = "wifi.toggle"`), then optionally
/// ones made of another id type (`; nested Group(GroupId)`), then numbered rows
/// (`; numbered Device = "devices."`, so `Device(3)` is `devices.3`).
macro_rules! ids {
    (
        $(#[$meta:meta])* $vis:vis enum $name:ident {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal),* $(,)?
            $(; nested $($(#[$nmeta:meta])* $nested:ident($inner:ty)),* $(,)?)?
            $(; numbered $($(#[$rmeta:meta])* $row:ident = $prefix:literal),* $(,)?)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        $vis enum $name {
            $($(#[$vmeta])* $variant,)*
            $($($(#[$nmeta])* $nested($inner),)*)?
            $($($(#[$rmeta])* $row(usize),)*)?
        }

        impl $crate::screens::ids::ElementId for $name {
            fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => return Some($name::$variant),)*
                    _ => {}
                }
                $($(
                    if let Some(inner) =
                        <$inner as $crate::screens::ids::ElementId>::parse(text)
                    {
                        return Some($name::$nested(inner));
                    }
                )*)?
                $($(
                    if let Some(index) = $crate::screens::ids::parse_numbered($prefix, text) {
                        return Some($name::$row(index));
                    }
                )*)?
                None
            }

            fn text(self) -> $crate::view::Text {
                match self {
                    $($name::$variant => ::std::borrow::Cow::Borrowed($text),)*
                    $($($name::$nested(inner) => {
                        $crate::screens::ids::ElementId::text(inner)
                    })*)?
                    $($($name::$row(index) => {
                        $crate::screens::ids::numbered($prefix, index)
                    })*)?
                }
            }

            fn patterns() -> Vec<&'static str> {
                #[allow(unused_mut)]
                let mut all = vec![$($text,)*];
                $($(all.extend(<$inner as $crate::screens::ids::ElementId>::patterns());)*)?
                $($(all.push(concat!($prefix, "*"));)*)?
                all
            }
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

    fn patterns() -> Vec<&'static str> {
        Vec::new()
    }
}

/// `prefix` followed by a number: the id of a numbered row (`devices.3`).
pub fn numbered(prefix: &'static str, index: usize) -> Text {
    format!("{prefix}{index}").into()
}

/// The number after `prefix` in `text`, if `text` is a numbered row's id.
pub fn parse_numbered(prefix: &str, text: &str) -> Option<usize> {
    text.strip_prefix(prefix)?.parse().ok()
}
