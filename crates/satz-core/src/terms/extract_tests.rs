//! Tests of the term-candidate extraction.
use std::collections::HashSet;

use super::candidates::{is_adjective, is_noun, tokens};
use super::equivalents::ngrams;
use super::lexicon::Lexicon;
use super::score::{cognate, compound_parts};
use crate::text::words::words;

#[test]
fn nouns_adjectives_and_compounds() {
    assert!(is_noun("Erbdiktatur"));
    assert!(is_noun("UN-Sanktionen"));
    assert!(!is_noun("UN"));
    assert!(!is_noun("Kim"));
    assert!(!is_noun("sprengen"));
    assert!(!is_noun("G7-Staaten"));
    assert!(is_adjective("koreanische"));
    assert!(!is_adjective("schickt"));
    let vocab: HashSet<String> = ["kanone", "futter", "schall", "rakete", "hyper"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(compound_parts("Kanonenfutter", &vocab), Some(2));
    assert_eq!(compound_parts("Hyperschallrakete", &vocab), Some(3));
    assert_eq!(compound_parts("Sippenhaft", &vocab), None);
}

#[test]
fn english_ngrams_skip_function_words_and_punctuation() {
    let lex = Lexicon::new();
    let g = ngrams(&lex, "Russia uses them as cannon fodder, says Kiev.");
    let keys: HashSet<&str> = g.keys().map(String::as_str).collect();
    assert!(keys.contains("cannon fodder"), "{keys:?}");
    assert!(keys.contains("cannon"));
    assert!(!keys.contains("as cannon fodder"));
    assert!(!keys.contains("fodder say"), "not across the comma");
    assert!(cognate("Nordkorea", "North Korea"));
    assert!(cognate("Putin", "Putin"));
    assert!(!cognate("Kanonenfutter", "cannon fodder"));
}

#[test]
fn tokens_join_hyphens_and_know_sentence_starts() {
    let text = "Die UN-Sanktionen wirken. Sanktionen auch: Neue Wege";
    let ws = words(text);
    let t = tokens(text, &ws);
    let v: Vec<(&str, bool)> = t.iter().map(|t| (t.text, t.initial)).collect();
    assert_eq!(
        v,
        [
            ("Die", true),
            ("UN-Sanktionen", false),
            ("wirken", false),
            ("Sanktionen", true),
            ("auch", false),
            ("Neue", true),
            ("Wege", false)
        ]
    );
}
