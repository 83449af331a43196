//! The shortcuts of German term recognition against their exhaustive
//! twins: a word is stemmed only when a stem of the tables occurs in it
//! (`TermMatcher::needs_stem`), a text is searched word by word only when
//! the text filter finds what a term needs in it
//! (`TermMatcher::may_hold_terms`), a sentence's words may come split already
//! (`TermMatcher::find_source_in`), and word caches are lent to parallel
//! jobs (`WordCaches`). Each must give exactly the hits of the plain path.

use std::path::Path;
use std::sync::LazyLock;

use proptest::prelude::*;
use rayon::prelude::*;

use super::tests::{german_like_text, real};
use super::*;
use crate::glossary::Glossary;
use crate::text::tokenize::tokenize;
use crate::text::words::{key, words_of_tokens};

/// The glossary `satz` ships (`glossary.toml` at the repository's root).
fn shipped() -> Glossary {
    let text = include_str!("../../../../glossary.toml");
    Glossary::parse(text, Path::new("glossary.toml")).unwrap()
}

/// (the matcher, its twin that stems every word) for the test glossary
/// and for the shipped one.
static MATCHERS: LazyLock<[(TermMatcher, TermMatcher); 2]> = LazyLock::new(|| {
    [real(), shipped()].map(|g| {
        (
            TermMatcher::new(&g),
            TermMatcher::new(&g).stemming_every_word(),
        )
    })
});

/// Words near the glossaries' stems: term words cut, joined, inflected,
/// with umlauts and `ß`, and random letters.
fn word() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(vec![
            "diktatur",
            "erb",
            "rüst",
            "rust",
            "ung",
            "atom",
            "programm",
            "macht",
            "kreml",
            "chef",
            "sanktion",
            "munition",
            "devise",
            "pari",
            "a",
            "sippe",
            "haft",
            "panzer",
            "haubitze",
            "kanonen",
            "futter",
            "pulverfass",
            "pulverfaß",
            "waffe",
            "lieferung",
            "en",
            "s",
            "er",
            "militär",
            "auf",
            "gefangen",
            "schaft",
            "kampf",
            "flugzeug",
            "e",
            "n",
        ])
        .prop_map(str::to_owned),
        "[a-zäöüß]{1,5}",
    ];
    proptest::collection::vec(piece, 1..5).prop_map(|p| p.concat())
}

proptest! {
    /// A word whose stem is skipped could not have matched by stem: it
    /// starts the same variants, is the head and holds the parts of the
    /// same terms as when stemmed, and its stem is no stem of the tables.
    #[test]
    fn a_word_skips_its_stem_only_when_no_stem_can_match(w in word(), upper in any::<bool>()) {
        let w = if upper { w.to_uppercase() } else { w };
        for (fast, every) in MATCHERS.iter() {
            let k = key(&w);
            let (a, b) = (fast.info(k.clone()), every.info(k));
            prop_assert_eq!(&a.first, &b.first);
            prop_assert_eq!(&a.compound, &b.compound);
            prop_assert_eq!(&a.parts, &b.parts);
            let stem = b.stem.clone().unwrap();
            let stem_of_tables = |p: &matcher::Pat| matches!(p, matcher::Pat::Stem { stem: s, .. } if *s == stem);
            match &a.stem {
                Some(s) => prop_assert_eq!(s, &stem),
                None => {
                    let matched = fast.variants.iter().flat_map(|v| &v.pats).any(stem_of_tables);
                    prop_assert!(!matched, "skipped the stem {} of a term word", stem);
                }
            }
        }
    }

    /// Skipping stems changes no hit, in text made of the glossary's words.
    #[test]
    fn skipping_stems_changes_no_hit(text in german_like_text(), w in word()) {
        let text = format!("{text} {w}, Militär{w} und {w}-Chef.");
        for (fast, every) in MATCHERS.iter() {
            prop_assert_eq!(fast.find_source(&text), every.find_source(&text));
        }
    }

    /// The text filter changes no hit: texts of the glossaries' words and
    /// pieces, joined by spaces, hyphens (`Kreml-Chef`), suspending hyphens
    /// (`Atom- und Raketenprogramm`), commas and other dashes, found by
    /// the filtering matcher exactly as by its twin that searches every
    /// text word by word.
    #[test]
    fn the_text_filter_changes_no_hit(
        parts in proptest::collection::vec(
            (
                prop_oneof![german_like_text(), word()],
                proptest::sample::select(vec![" ", "-", "- ", "-, ", " - ", " -", " und ", "\u{2010}", "\u{2011} ", " \u{2013} ", ", "]),
            ),
            1..6,
        ),
    ) {
        let text: String = parts.iter().flat_map(|(t, sep)| [t.as_str(), sep]).collect();
        for (fast, every) in MATCHERS.iter() {
            prop_assert_eq!(fast.find_source(&text), every.find_source(&text), "{}", text);
        }
    }

    /// Words split once (from the tokens of the fuzzy look-up) give the
    /// hits of the text.
    #[test]
    fn words_split_once_give_the_same_hits(text in german_like_text()) {
        let ws = words_of_tokens(&text, &tokenize(&text));
        for (m, _) in MATCHERS.iter() {
            prop_assert_eq!(m.find_source_in(&text, &ws, &mut WordCache::new()), m.find_source(&text));
        }
    }

    /// Caches lent to parallel jobs change no hit, whatever the split.
    #[test]
    fn lent_word_caches_change_no_hit(
        texts in proptest::collection::vec(german_like_text(), 1..40),
    ) {
        let (m, _) = &MATCHERS[1];
        let caches = WordCaches::new();
        let found: Vec<Vec<TermHit>> = texts
            .par_iter()
            .map_init(|| caches.take(), |cache, t| m.find_source_cached(t, cache))
            .collect();
        let plain: Vec<Vec<TermHit>> = texts.iter().map(|t| m.find_source(t)).collect();
        prop_assert_eq!(found, plain);
    }
}

#[test]
fn a_lent_cache_comes_back_with_what_it_learnt() {
    let (m, _) = &MATCHERS[1];
    let caches = WordCaches::new();
    {
        let mut cache = caches.take();
        assert_eq!(m.find_source_cached("Eine Diktatur.", &mut cache).len(), 1);
    }
    let cache = caches.take();
    assert_eq!(cache.infos.len(), 2);
    // Another is new while that one is lent.
    assert!(caches.take().infos.is_empty());
}

#[test]
fn stems_are_skipped_for_most_words_and_kept_for_term_words() {
    let (m, _) = &MATCHERS[1];
    assert!(m.info(key("Regierung")).stem.is_none());
    assert_eq!(m.info(key("Diktaturen")).stem.as_deref(), Some("diktatur"));
    // A compound head (`Aufrüstung` ends in the head `rust`).
    assert!(m.info(key("Aufrüstung")).stem.is_some());
}

#[test]
fn the_text_filter_lets_through_only_texts_that_may_hold_a_term() {
    let (m, _) = &MATCHERS[1];
    // Most sentences of news hold no term: their words are not looked at.
    for plain in [
        "Der Bundesrat hat am Mittwoch über die Vorlage entschieden.",
        "Die Zürcher Kantonalbank erzielte einen Gewinn von 10'000 Franken.",
        "Ein Fussball-Spiel in Bern.",
    ] {
        assert!(!m.may_hold_terms(plain), "{plain}");
        assert!(m.find_source(plain).is_empty());
    }
    // Inflected, in a compound, umlauts, hyphen-joined and suspended.
    for (text, term) in [
        ("Die Sanktionen wirken.", "Sanktion"),
        ("Eine neue Militärdiktatur entsteht.", "Diktatur"),
        ("Die Aufrüstung geht weiter.", "Aufrüstung"),
        ("Der Kreml-Chef sprach.", "Kremlchef"),
        (
            "Die Panzer- und Artilleriegranaten fehlen.",
            "Artilleriegranate",
        ),
    ] {
        assert!(m.may_hold_terms(text), "{text}");
        let hits = m.find_source(text);
        let g = shipped();
        assert!(
            hits.iter().any(|h| g.terms[h.term].de == term),
            "{term} in {text}: {hits:?}"
        );
    }
}

/// A word may hold a hyphen (Unicode joins a combining mark to the hyphen
/// before it): the text filter searches the text as it is before it drops
/// the hyphens that join two words (found in review).
#[test]
fn the_text_filter_keeps_words_that_hold_a_hyphen() {
    for de in ["-\u{345}", "-\u{93e}"] {
        let mut g = Glossary::default();
        g.terms.push(crate::glossary::Term::new(de, ["x"]));
        g.terms[0].validate().unwrap();
        let fast = TermMatcher::new(&g);
        let every = TermMatcher::new(&g).stemming_every_word();
        let text = format!("Text {de} hier");
        assert_eq!(every.find_source(&text).len(), 1, "{text:?}");
        assert_eq!(
            fast.find_source(&text),
            every.find_source(&text),
            "{text:?}"
        );
    }
}
