//! What every screen is: its state, what it shows, and what its elements do.

use std::fmt;

use super::ctx::Ctx;
use super::ids::ElementId;
use super::target::Resume;
use super::text_input::TextInput;
use super::world::World;
use crate::view::{Element, Text};

/// A page's own part of the view: its title and elements.
pub struct Content {
    pub title: String,
    pub elements: Vec<Element>,
}

impl Content {
    pub fn new(title: impl Into<String>, elements: Vec<Element>) -> Content {
        Content {
            title: title.into(),
            elements,
        }
    }
}

/// One screen: its state, what it shows, and what its elements do.
pub trait Screen: fmt::Debug + Clone + PartialEq {
    /// The ids of its elements; the handler matches them all.
    type Id: ElementId;

    /// The stable machine name agents and tooling see (`settings`, `info.display`).
    fn name(&self) -> Text;

    /// Its title and elements, from the world as it is now.
    fn content(&self, world: &World) -> Content;

    /// A touch on one of its elements (Enter, a click, a fixture's tap).
    fn on_tap(&mut self, id: Self::Id, cx: &mut Ctx);

    /// The text behind one of its fields, for typing.
    fn field(&mut self, id: Self::Id) -> Option<&mut TextInput> {
        let _ = id;
        None
    }

    /// One of its fields was edited: an error about what was there no longer applies.
    fn edited(&mut self) {}

    /// Its path on the browser's address bar (after the host), for the web's pages.
    fn web_path(&self) -> &'static str {
        ""
    }

    /// The screen above it finished and handed this back; returns the element to focus.
    fn resume(&mut self, message: &Resume) -> Option<Text> {
        let _ = message;
        None
    }
}
