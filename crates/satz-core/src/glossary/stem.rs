//! Snowball stemming for term recognition (`rust-stemmers`).
//!
//! German words are stemmed from their [`key`](crate::text::words::key)
//! with umlauts folded first (the Snowball German stemmer folds them at the
//! end anyway), so the stem is always a char-prefix of the folded key and a
//! position in the stem is a position in the key. English words are stemmed
//! from their key as well (`’` read as `'`, so `Russia’s` stems like
//! `Russia's`).

use rust_stemmers::{Algorithm, Stemmer};

use crate::text::words::{fold_umlauts, key};

/// Snowball stemmers for German and English.
pub(crate) struct Stemmers {
    de: Stemmer,
    en: Stemmer,
}

impl std::fmt::Debug for Stemmers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stemmers { de, en }")
    }
}

/// Prefix that puts a German word into the position of a compound's head:
/// Snowball's regions R1/R2 start later in a long word, so a compound loses
/// endings its head alone keeps (`Rüstung` → `rustung`, but `Aufrüstung` →
/// `aufrust`). Stemming `xaz` + head gives the head's stem as a compound
/// would have it (`xazrustung` → `xazrust`).
const COMPOUND_PREFIX: &str = "xaz";

impl Stemmers {
    /// Both stemmers.
    pub(crate) fn new() -> Stemmers {
        Stemmers {
            de: Stemmer::create(Algorithm::German),
            en: Stemmer::create(Algorithm::English),
        }
    }

    /// The German stem of a word given as its key (lower case, `ss`).
    pub(crate) fn de_key(&self, word_key: &str) -> String {
        self.de_folded(fold_umlauts(word_key))
    }

    /// [`Self::de_key`] of a key whose umlauts are folded already
    /// (`fold_umlauts` of the key).
    pub(crate) fn de_folded(&self, folded: String) -> String {
        let stem = self.de.stem(&folded).into_owned();
        // Snowball German only removes endings from the folded form; keep
        // that promise even if a future version does more.
        if folded.starts_with(&stem) {
            stem
        } else {
            folded
        }
    }

    /// The stem a German word (given as its key) has as the head of a
    /// closed compound; `None` when it equals [`Self::de_key`]'s result.
    pub(crate) fn de_compound_key(&self, word_key: &str) -> Option<String> {
        let folded = fold_umlauts(word_key);
        let long = format!("{COMPOUND_PREFIX}{folded}");
        let stem = self.de.stem(&long);
        let head = stem.strip_prefix(COMPOUND_PREFIX)?;
        (folded.starts_with(head) && head != self.de_key(word_key)).then(|| head.to_owned())
    }

    /// The plain Snowball stem of a word as given, German or English
    /// (concordance search, which folds case itself).
    pub(crate) fn snowball(&self, english: bool, word: &str) -> String {
        let stemmer = if english { &self.en } else { &self.de };
        stemmer.stem(word).into_owned()
    }

    /// The English stem of a word (any case). Plurals Snowball does not
    /// know are made singular first: an acronym's (`MPs`, `CEOs`, `MP's`),
    /// `-men` (`policemen`, `women`, `chairmen`), `children`, `people`.
    pub(crate) fn en(&self, word: &str) -> String {
        let acronym = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .or_else(|| word.strip_suffix('s'))
            .filter(|a| {
                a.chars().count() >= 2
                    && a.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            });
        let k = key(acronym.unwrap_or(word));
        let trimmed = k.trim_end_matches('\'');
        let singular = match trimmed {
            "children" => "child".to_owned(),
            "people" => "person".to_owned(),
            "men" => "man".to_owned(),
            t => match t.strip_suffix("men") {
                Some(stem) if !stem.is_empty() && t != "amen" => format!("{stem}man"),
                _ => t.to_owned(),
            },
        };
        self.en.stem(&singular).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_stems_are_prefixes_of_the_folded_key() {
        let s = Stemmers::new();
        assert_eq!(s.de_key("diktaturen"), "diktatur");
        assert_eq!(s.de_key(&key("Atomsprengköpfe")), "atomsprengkopf");
        assert_eq!(s.de_key(&key("Pulverfaß")), s.de_key(&key("Pulverfass")));
        assert_eq!(s.de_compound_key("rüstung").as_deref(), Some("rust"));
        assert_eq!(s.de_compound_key("diktatur"), None);
    }

    #[test]
    fn english_stems() {
        let s = Stemmers::new();
        assert_eq!(s.en("Missiles"), s.en("missile"));
        assert_eq!(s.en("howitzers"), s.en("howitzer"));
        assert_eq!(s.en("Russia’s"), s.en("Russia's"));
        assert_eq!(s.en("soldiers’"), s.en("soldiers"));
    }
}
