//! Tapping by label, as a person reading the screen would: the exact label, else a unique
//! case-insensitive one, else a word the seed guides use for the element (`seed_words`), else
//! the label as the phone's language words it (a fixture written in English tapping a phone
//! that speaks Chinese). Shared by replay, lesson mode and the agent protocol, so all of them
//! tap alike.

use std::fmt;

use super::seed_words::SEED_WORDS;
use crate::strings::{Tr, exact_counterparts};
use crate::view::View;

/// Where a tap lands: the open dialog, else the screen.
fn place(view: &View) -> &str {
    view.top_dialog()
        .map_or(view.screen.as_str(), |dialog| dialog.id.as_str())
}

/// Why a tap found nothing to touch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TapError {
    /// No element has this id on screen.
    NoSuchId { id: String, on_screen: Vec<String> },
    /// The element is there but cannot be touched (text, a disabled button).
    IdNotTouchable { id: String },
    /// No touchable element answers to the label.
    NoSuchLabel {
        label: String,
        touchable: Vec<String>,
    },
    /// The label is on screen, but not on anything touchable.
    LabelNotTouchable {
        label: String,
        touchable: Vec<String>,
    },
    /// Several touchable elements answer to the label.
    Ambiguous { label: String, ids: Vec<String> },
}

impl fmt::Display for TapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TapError::NoSuchId { id, on_screen } => write!(
                f,
                "no element with id {id:?} on this screen; ids on screen: {}",
                quoted(on_screen)
            ),
            TapError::IdNotTouchable { id } => {
                write!(f, "element {id:?} is on screen but cannot be tapped")
            }
            TapError::NoSuchLabel { label, touchable } => write!(
                f,
                "no element labelled {label:?} on this screen; touchable: {}",
                quoted(touchable)
            ),
            TapError::LabelNotTouchable { label, touchable } => write!(
                f,
                "{label:?} is on screen but cannot be tapped; touchable: {}",
                quoted(touchable)
            ),
            TapError::Ambiguous { label, ids } => write!(
                f,
                "{} elements are labelled {label:?} ({}); use tap_id",
                ids.len(),
                quoted(ids)
            ),
        }
    }
}

impl std::error::Error for TapError {}

fn quoted(items: &[String]) -> String {
    items
        .iter()
        .map(|s| format!("{s:?}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Checks that `id` is a touchable element of what is in front.
pub fn check_id(view: &View, id: &str) -> Result<(), TapError> {
    match view.find(id) {
        Some(element) if element.interactive() => Ok(()),
        Some(_) => Err(TapError::IdNotTouchable { id: id.to_string() }),
        None => Err(TapError::NoSuchId {
            id: id.to_string(),
            on_screen: view
                .active_elements()
                .iter()
                .map(|e| e.id.to_string())
                .collect(),
        }),
    }
}

/// The id of the touchable element labelled `label`: an exact match, else a unique
/// case-insensitive one, else the element a seed guide calls by that word, else one labelled
/// as a phone speaking `tr` words `label` (see [`exact_counterparts`]).
pub fn resolve(view: &View, label: &str, tr: Tr) -> Result<String, TapError> {
    let elements = view.active_elements();
    let touchable: Vec<_> = elements.iter().filter(|e| e.interactive()).collect();
    let exact: Vec<_> = touchable.iter().filter(|e| e.label == label).collect();
    let matches = if !exact.is_empty() {
        exact
    } else {
        let lower = label.to_lowercase();
        let by_label: Vec<_> = touchable
            .iter()
            .filter(|e| e.label.to_lowercase() == lower)
            .collect();
        if by_label.is_empty() {
            let here = place(view);
            // The guides are English: a word of theirs in the phone's language counts too
            // ("小米账号" for the signed-out entry the guides call "Mi Account").
            let english = Tr::new(tr.skin);
            let words: Vec<String> = std::iter::once(lower.clone())
                .chain(
                    (tr.language != english.language)
                        .then(|| exact_counterparts(label, english))
                        .into_iter()
                        .flatten()
                        .map(|word| word.to_lowercase()),
                )
                .collect();
            let seed_ids: Vec<&str> = SEED_WORDS
                .iter()
                .filter(|w| w.on == here && words.contains(&w.word.to_lowercase()))
                .map(|w| w.id)
                .collect();
            let by_seed_word: Vec<_> = touchable
                .iter()
                .filter(|e| seed_ids.contains(&e.id.as_ref()))
                .collect();
            if by_seed_word.is_empty() {
                let translated = exact_counterparts(label, tr);
                touchable
                    .iter()
                    .filter(|e| translated.iter().any(|t| *t == e.label))
                    .collect()
            } else {
                by_seed_word
            }
        } else {
            by_label
        }
    };
    match matches.as_slice() {
        [one] => Ok(one.id.to_string()),
        [] => {
            let shown: Vec<String> = touchable.iter().map(|e| e.label.to_string()).collect();
            if elements.iter().any(|e| e.label == label) {
                Err(TapError::LabelNotTouchable {
                    label: label.to_string(),
                    touchable: shown,
                })
            } else {
                Err(TapError::NoSuchLabel {
                    label: label.to_string(),
                    touchable: shown,
                })
            }
        }
        several => Err(TapError::Ambiguous {
            label: label.to_string(),
            ids: several.iter().map(|e| e.id.to_string()).collect(),
        }),
    }
}
