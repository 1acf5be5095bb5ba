//! Every catalogue text as one language words it, indexed for lookups by whole wording, by
//! template, and by runs of characters (for pieces of messages).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Language, S, Tr};
use crate::sim::device::Skin;

/// The longest text looked up, in bytes: the longest of the phone's, in Chinese, with its
/// values, is well under it.
pub(super) const TRANSLATED_BYTES: usize = 1024;

/// Characters a piece of a message must share with it to count as a piece of it.
pub const PIECE_CHARS: usize = 16;

/// Every catalogue text as one language words it (in both skins), indexed for lookups: a
/// fixture may ask for thousands of them, and the table has hundreds of texts.
pub(super) struct Index {
    /// Whole wordings, lowercased.
    pub(super) whole: HashMap<String, Vec<S>>,
    /// Wordings with placeholders.
    pub(super) templates: Vec<(S, &'static str)>,
    /// Every run of [`PIECE_CHARS`] characters of every wording.
    pub(super) runs: HashMap<&'static str, Vec<S>>,
    /// Every wording, one per line, and where each begins: shorter pieces are found here.
    haystack: String,
    starts: Vec<(usize, S)>,
}

impl Index {
    pub(super) fn of(language: Language) -> &'static Index {
        static INDEXES: [OnceLock<Index>; 2] = [OnceLock::new(), OnceLock::new()];
        let slot = match language {
            Language::En => &INDEXES[0],
            Language::ZhCn => &INDEXES[1],
        };
        slot.get_or_init(|| Index::build(language))
    }

    fn build(language: Language) -> Index {
        let mut index = Index {
            whole: HashMap::new(),
            templates: Vec::new(),
            runs: HashMap::new(),
            haystack: String::new(),
            starts: Vec::new(),
        };
        for &id in S::ALL {
            let miui = Tr::speaking(Skin::Miui, language).get(id);
            let hyperos = Tr::speaking(Skin::Hyperos, language).get(id);
            let wordings = if miui == hyperos {
                vec![miui]
            } else {
                vec![miui, hyperos]
            };
            for wording in wordings {
                let ids = index.whole.entry(wording.to_lowercase()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
                if wording.contains('{') {
                    index.templates.push((id, wording));
                }
                let starts: Vec<usize> = wording.char_indices().map(|(at, _)| at).collect();
                for (n, &from) in starts.iter().enumerate() {
                    let Some(&to) = starts.get(n + PIECE_CHARS) else {
                        break;
                    };
                    if let Some(run) = wording.get(from..to) {
                        let ids = index.runs.entry(run).or_default();
                        if !ids.contains(&id) {
                            ids.push(id);
                        }
                    }
                }
                index.starts.push((index.haystack.len(), id));
                index.haystack.push_str(wording);
                index.haystack.push('\n');
            }
        }
        index
    }

    /// The ids whose wording holds `piece` (shorter than a run, no line break in it).
    pub(super) fn holding(&self, piece: &str) -> Vec<S> {
        let mut ids: Vec<S> = Vec::new();
        for (at, _) in self.haystack.match_indices(piece) {
            let n = self.starts.partition_point(|(start, _)| *start <= at);
            if let Some((_, id)) = n.checked_sub(1).and_then(|n| self.starts.get(n))
                && !ids.contains(id)
            {
                ids.push(*id);
            }
        }
        ids
    }
}

/// The indexes of the languages other than `tr`'s.
pub(super) fn others(tr: Tr) -> impl Iterator<Item = &'static Index> {
    Language::ALL
        .into_iter()
        .filter(move |l| *l != tr.language)
        .map(Index::of)
}
