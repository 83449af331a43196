//! The word knowledge extraction shares: the Snowball stemmers (German
//! words stemmed per hyphenated part with umlauts folded, English words by
//! key) and the reference frequency list of general German
//! (`src/terms/data/de-freq.txt`, from wordfreq, CC BY-SA 4.0: see
//! `de-freq.LICENSE.md` beside it), and the English nouns of ordinary made objects
//! (`src/terms/data/en-objects.txt`, from WordNet 3.1: see
//! `en-objects.LICENSE.md` beside it).

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use crate::glossary::stem::Stemmers;
use crate::text::words::{fold_umlauts, key};

/// General German word frequencies: `#` comments, then lines of a Zipf
/// value, a tab and the words with that value separated by spaces.
const DE_FREQ: &str = include_str!("../data/de-freq.txt");

/// English nouns of ordinary made objects (WordNet's `noun.artifact`
/// without weapons, instruments, structures, facilities and systems; see
/// `make-en-objects.py`): `#` comments, then one lemma a line.
const EN_OBJECTS: &str = include_str!("../data/en-objects.txt");

/// A word at least this frequent in general German (Zipf) is a common one:
/// an adjective that does not start a phrase candidate.
pub(super) const COMMON_ZIPF: f64 = 4.3;

/// The least Zipf value in the list: a word missing from it is rarer.
pub(super) const LIST_FLOOR: f64 = 2.5;

/// Stems and word lists shared by the passes.
pub(super) struct Lexicon {
    /// The Snowball German stemmer.
    de: Stemmer,
    /// The Snowball English stemmer.
    en: Stemmer,
    /// General German frequencies (Zipf) by key with umlauts folded.
    zipf: HashMap<String, f64>,
    /// The English stems (words of the glossary's English stemmer, which
    /// makes plurals singular, joined by a space) of the nouns of
    /// `en-objects.txt`.
    objects: HashSet<String>,
    /// The nouns of `en-objects.txt` as written.
    object_lemmas: HashSet<&'static str>,
    /// The glossary's stemmers, for the English nouns.
    stems: Stemmers,
}

impl Lexicon {
    /// Both stemmers and the reference list.
    pub(super) fn new() -> Lexicon {
        let mut zipf: HashMap<String, f64> = HashMap::with_capacity(90_000);
        for line in DE_FREQ.lines().filter(|l| !l.starts_with('#')) {
            let Some((value, list)) = line.split_once('\t') else {
                continue;
            };
            let Ok(z) = value.trim().parse::<f64>() else {
                continue;
            };
            for w in list.split(' ').filter(|w| !w.is_empty()) {
                // The list is lower case: most words are their own key.
                let k = if w.is_ascii() {
                    w.to_owned()
                } else {
                    fold_umlauts(&key(w))
                };
                let slot = zipf.entry(k).or_insert(z);
                *slot = slot.max(z);
            }
        }
        let stems = Stemmers::new();
        let object_lemmas: HashSet<&'static str> = EN_OBJECTS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        let objects = object_lemmas
            .iter()
            .map(|l| en_phrase_stem(&stems, l))
            .collect();
        Lexicon {
            de: Stemmer::create(Algorithm::German),
            en: Stemmer::create(Algorithm::English),
            zipf,
            objects,
            object_lemmas,
            stems,
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

    /// The Zipf frequency of `word` in general German, if the list has it.
    pub(super) fn zipf(&self, word: &str) -> Option<f64> {
        self.zipf.get(&fold_umlauts(&key(word))).copied()
    }

    /// Whether `word` (a key with umlauts folded) is in the list.
    pub(super) fn knows_folded(&self, folded: &str) -> bool {
        self.zipf.contains_key(folded)
    }

    /// Whether the word is a common one in general German.
    pub(super) fn is_common(&self, word: &str) -> bool {
        self.zipf(word).is_some_and(|z| z >= COMMON_ZIPF)
    }

    /// Whether the English noun phrase `en` names an ordinary made object:
    /// the whole phrase, maybe in the plural (the glossary's English
    /// stems), is a noun of `en-objects.txt` (`cellphones`, `petrol
    /// engine`, `computer screens`). A phrase WordNet does not list is
    /// none, whatever its last word (`trade ties`, `greenhouse gases`). A
    /// phrase ending in `-ing` counts only as listed, since the stemmer
    /// takes `mining` for `mine`, `shipping` for `ship` and `computing`
    /// for `computer`: industries and activities, not objects.
    pub(super) fn is_object(&self, en: &str) -> bool {
        let words: Vec<String> = en.split_whitespace().map(key).collect();
        if words.last().is_some_and(|w| w.ends_with("ing")) {
            return self.object_lemmas.contains(words.join(" ").as_str());
        }
        let phrase = en_phrase_stem(&self.stems, en);
        !phrase.is_empty() && self.objects.contains(&phrase)
    }
}

/// The English stems of the words of `phrase`, joined by a space.
fn en_phrase_stem(stems: &Stemmers, phrase: &str) -> String {
    phrase
        .split_whitespace()
        .map(|w| stems.en(w))
        .collect::<Vec<_>>()
        .join(" ")
}
