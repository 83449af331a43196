//! The word knowledge extraction shares: the Snowball stemmers (German
//! words stemmed per hyphenated part with umlauts folded, English words by
//! key) and the list of the ~1,200 most frequent German words
//! (`src/terms/data/de-common.txt`), which stands in for a reference corpus.

use std::collections::HashSet;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::words::{fold_umlauts, key};

/// The frequent German words (one per line, `#` comments).
pub(crate) const DE_COMMON: &str = include_str!("../data/de-common.txt");

/// Stems and word lists shared by the passes.
pub(super) struct Lexicon {
    /// The Snowball German stemmer.
    de: Stemmer,
    /// The Snowball English stemmer.
    en: Stemmer,
    /// The frequent German words (keys).
    pub(super) common: HashSet<String>,
    /// Their German stems.
    common_stems: HashSet<String>,
}

impl Lexicon {
    /// Both stemmers and the frequent-word list.
    pub(super) fn new() -> Lexicon {
        let common: HashSet<String> = DE_COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(key)
            .collect();
        let de = Stemmer::create(Algorithm::German);
        let common_stems = common
            .iter()
            .map(|w| de.stem(&fold_umlauts(w)).into_owned())
            .collect();
        Lexicon {
            de,
            en: Stemmer::create(Algorithm::English),
            common,
            common_stems,
        }
    }

    /// The German stem of each hyphenated part of `word` (umlauts folded),
    /// joined by `-`.
    pub(super) fn de_stem(&self, word: &str) -> String {
        word.split(['-', '\u{2010}', '\u{2011}'])
            .map(|p| self.de.stem(&fold_umlauts(&key(p))).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// The English stem of `word`'s key.
    pub(super) fn en_stem(&self, word: &str) -> String {
        self.en.stem(&key(word)).into_owned()
    }

    /// Whether the word, or a word with its stem, is a frequent one.
    pub(super) fn is_common(&self, word: &str) -> bool {
        self.common.contains(&key(word)) || self.common_stems.contains(&self.de_stem(word))
    }
}
