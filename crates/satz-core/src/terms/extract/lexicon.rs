//! The word knowledge extraction shares: the Snowball stemmers (German
//! words stemmed per hyphenated part with umlauts folded, English words by
//! key) and the reference frequency list of general German
//! (`src/terms/data/de-freq.txt`, from wordfreq, CC BY-SA 4.0: see
//! `de-freq.LICENSE.md` beside it), and the English nouns of made objects
//! (`src/terms/data/en-objects.txt`, from WordNet 3.1: see
//! `en-objects.LICENSE.md` beside it).

use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::words::{fold_umlauts, key};

/// General German word frequencies: `#` comments, then lines of a Zipf
/// value, a tab and the words with that value separated by spaces.
const DE_FREQ: &str = include_str!("../data/de-freq.txt");

/// English nouns whose first WordNet sense is an artifact: `#` comments,
/// then lines of a lemma, a tab and `*` when at least half of its senses
/// are artifacts, else `-`; or `!` for a phrase that is no artifact
/// though its last word is a `*` noun (`slipped disc`).
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
    /// English nouns of made objects by their mark in `en-objects.txt`
    /// (`*`, `-` or `!`).
    objects: HashMap<&'static str, &'static str>,
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
        let objects = EN_OBJECTS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect();
        Lexicon {
            de: Stemmer::create(Algorithm::German),
            en: Stemmer::create(Algorithm::English),
            zipf,
            objects,
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

    /// Whether the English noun phrase `en` names a made object (WordNet's
    /// `noun.artifact`): the whole phrase, maybe in the plural, is a noun
    /// whose first sense is one (`cellphones`, `petrol engine`, `police
    /// station`); or, not listed, its head (the word before `of`, else the
    /// last word) is a noun whose first sense and at least half of whose
    /// senses are (`cardboard boxes`; not `financial system`, since most
    /// senses of `system` are not objects, nor `slipped disc`, which
    /// WordNet lists as no object).
    pub(super) fn is_object(&self, en: &str) -> bool {
        let mark = |w: &str| self.objects.get(w).copied();
        let words: Vec<String> = en.split_whitespace().map(key).collect();
        let phrase = words.join(" ");
        if any_singular(&phrase, |w| matches!(mark(w), Some("*" | "-"))) {
            return true;
        }
        if words.len() < 2 || any_singular(&phrase, |w| mark(w) == Some("!")) {
            return false;
        }
        let head = words
            .iter()
            .skip(1)
            .position(|w| w == "of")
            .and_then(|i| words.get(i))
            .or_else(|| words.last());
        head.is_some_and(|h| any_singular(h, |w| mark(w) == Some("*")))
    }
}

/// Whether `test` holds for `word` or one of the singulars it may be the
/// plural of (without `-s` or `-es`, `-ies` as `-y`).
fn any_singular(word: &str, test: impl Fn(&str) -> bool) -> bool {
    let forms = [
        Some(word.to_owned()),
        word.strip_suffix('s').map(str::to_owned),
        word.strip_suffix("es").map(str::to_owned),
        word.strip_suffix("ies").map(|w| format!("{w}y")),
    ];
    forms
        .into_iter()
        .flatten()
        .any(|f| !f.is_empty() && test(&f))
}
