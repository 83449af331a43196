//! Tests of term recognition against hand-built glossaries and the
//! project's glossary.

use std::path::Path;

use proptest::prelude::*;

use super::*;
use crate::glossary::{Glossary, MatchMode, Term};

pub(super) fn glossary(terms: Vec<Term>) -> Glossary {
    Glossary {
        terms,
        ..Glossary::default()
    }
}

pub(super) fn real() -> Glossary {
    let text = include_str!("../../../../tests/fixtures/check/glossary.toml");
    Glossary::parse(text, Path::new("glossary.toml")).unwrap()
}

/// (term de, matched text, kind) of every hit.
fn hits(g: &Glossary, text: &str) -> Vec<(String, String, HitKind)> {
    TermMatcher::new(g)
        .find_source(text)
        .into_iter()
        .map(|h| {
            (
                g.terms[h.term].de.clone(),
                text[h.start..h.end].to_string(),
                h.kind,
            )
        })
        .collect()
}

fn found(g: &Glossary, text: &str) -> Vec<(String, String)> {
    hits(g, text).into_iter().map(|(d, t, _)| (d, t)).collect()
}

fn pair(de: &str, t: &str) -> (String, String) {
    (de.to_string(), t.to_string())
}

#[test]
fn inflected_forms_of_the_real_glossary() {
    let g = real();
    assert_eq!(
        hits(
            &g,
            "Zwei Erbdiktaturen und des Kanonenfutters Panzerhaubitzen."
        ),
        vec![
            (
                "Erbdiktatur".into(),
                "Erbdiktaturen".into(),
                HitKind::Inflected
            ),
            (
                "Kanonenfutter".into(),
                "Kanonenfutters".into(),
                HitKind::Inflected
            ),
            (
                "Panzerhaubitze".into(),
                "Panzerhaubitzen".into(),
                HitKind::Inflected
            ),
        ]
    );
    assert_eq!(
        hits(&g, "Nordkorea ist eine Erbdiktatur."),
        vec![("Erbdiktatur".into(), "Erbdiktatur".into(), HitKind::Exact)]
    );
    assert_eq!(
        hits(&g, "mit Atomsprengköpfen"),
        vec![(
            "Atomsprengkopf".into(),
            "Atomsprengköpfen".into(),
            HitKind::Form
        )]
    );
}

#[test]
fn swiss_spelling_and_case() {
    let g = real();
    assert_eq!(
        found(&g, "ein PULVERFASS"),
        vec![pair("Pulverfass", "PULVERFASS")]
    );
    assert_eq!(
        found(&g, "das Pulverfaß"),
        vec![pair("Pulverfass", "Pulverfaß")]
    );
    assert_eq!(
        found(&g, "der Schulterschluß"),
        vec![pair("Schulterschluss", "Schulterschluß")]
    );
    let g = glossary(vec![Term::new("Straße", ["road"])]);
    assert_eq!(found(&g, "die Strassen"), vec![pair("Straße", "Strassen")]);
}

#[test]
fn hyphenated_and_closed_compounds() {
    let g = real();
    assert_eq!(
        hits(&g, "im Sinne der Kim-Diktatur"),
        vec![("Diktatur".into(), "Diktatur".into(), HitKind::Exact)]
    );
    assert_eq!(
        hits(&g, "die Militärdiktaturen"),
        vec![("Diktatur".into(), "diktaturen".into(), HitKind::Compound)]
    );
    // UN-Sanktionen: the head of a hyphenated word.
    assert_eq!(
        found(&g, "weitere UN-Sanktionen"),
        vec![pair("Sanktion", "Sanktionen")]
    );
    // Prefix of fewer than 3 letters: no compound.
    let g = glossary(vec![Term::new("Rakete", ["missile"])]);
    assert!(found(&g, "Die Ürakete").is_empty());
    assert_eq!(
        found(&g, "Die Hyperschallraketen"),
        vec![pair("Rakete", "raketen")]
    );
    // Compound-context stems: Rüstung inside Aufrüstung.
    let g = glossary(vec![Term::new("Rüstung", ["armament"])]);
    assert_eq!(
        hits(&g, "die Aufrüstung"),
        vec![("Rüstung".into(), "rüstung".into(), HitKind::Compound)]
    );
}

#[test]
fn longest_match_wins() {
    let g = real();
    // Erbdiktatur contains Diktatur as its head; only the longer term is reported.
    assert_eq!(
        found(&g, "Erbdiktatur"),
        vec![pair("Erbdiktatur", "Erbdiktatur")]
    );
    let g = glossary(vec![
        Term::new("Halbinsel", ["peninsula"]),
        Term::new("koreanische Halbinsel", ["Korean peninsula"]),
    ]);
    assert_eq!(
        found(&g, "auf der koreanischen Halbinsel und einer Halbinsel"),
        vec![
            pair("koreanische Halbinsel", "koreanischen Halbinsel"),
            pair("Halbinsel", "Halbinsel")
        ]
    );
}

#[test]
fn multi_word_terms_need_adjacent_words() {
    let g = glossary(vec![Term::new(
        "koreanische Halbinsel",
        ["Korean peninsula"],
    )]);
    assert_eq!(
        found(&g, "Frieden auf der koreanischen Halbinsel."),
        vec![pair("koreanische Halbinsel", "koreanischen Halbinsel")]
    );
    assert!(found(&g, "koreanischen, Halbinsel").is_empty());
    assert!(found(&g, "koreanischen grossen Halbinsel").is_empty());
    assert!(found(&g, "koreanischen").is_empty());
}

#[test]
fn match_modes() {
    let exact = Term {
        match_mode: MatchMode::Exact,
        ..Term::new("Paria", ["pariah"])
    };
    let prefix = Term {
        match_mode: MatchMode::Prefix,
        ..Term::new("Atom", ["nuclear"])
    };
    let custom = Term {
        match_mode: MatchMode::CustomStem { stem: "Erb".into() },
        ..Term::new("Erbdiktatur", ["hereditary dictatorship"])
    };
    let g = glossary(vec![exact, prefix, custom]);
    assert_eq!(found(&g, "ein Paria"), vec![pair("Paria", "Paria")]);
    assert!(found(&g, "die Parias").is_empty());
    assert_eq!(
        hits(&g, "Atommacht und Atom"),
        vec![
            ("Atom".into(), "Atommacht".into(), HitKind::Inflected),
            ("Atom".into(), "Atom".into(), HitKind::Exact),
        ]
    );
    assert_eq!(
        found(&g, "Erbdiktaturen, Erbe"),
        vec![
            pair("Erbdiktatur", "Erbdiktaturen"),
            pair("Erbdiktatur", "Erbe")
        ]
    );
    // Prefix and exact terms are not looked for inside compounds.
    assert!(found(&g, "Kernatom Großparia").is_empty());
}

#[test]
fn forms_and_exact_mode() {
    let t = Term {
        match_mode: MatchMode::Exact,
        forms: vec!["Devisenreserven".into()],
        ..Term::new("Devisen", ["foreign currency"])
    };
    let g = glossary(vec![t]);
    assert_eq!(
        hits(&g, "Devisen und Devisenreserven"),
        vec![
            ("Devisen".into(), "Devisen".into(), HitKind::Exact),
            ("Devisen".into(), "Devisenreserven".into(), HitKind::Form),
        ]
    );
}

#[test]
fn case_sensitive_terms() {
    let t = Term {
        case_sensitive: true,
        ..Term::new("Arm", ["arm"])
    };
    let g = glossary(vec![t]);
    assert_eq!(
        found(&g, "der Arm und die Arme"),
        vec![pair("Arm", "Arm"), pair("Arm", "Arme")]
    );
    assert!(found(&g, "arm und reich").is_empty());
    // No compound matching for case-sensitive terms.
    assert!(found(&g, "der Wasserarm").is_empty());
    let g = glossary(vec![Term::new("Arm", ["arm"])]);
    assert_eq!(found(&g, "arm und reich"), vec![pair("Arm", "arm")]);
}

#[test]
fn hyphen_joined_spelling() {
    let g = real();
    assert_eq!(
        found(&g, "der Kreml-Chef"),
        vec![pair("Kremlchef", "Kreml-Chef")]
    );
    assert_eq!(
        found(&g, "eine Hyperschall-Rakete"),
        vec![pair("Hyperschallrakete", "Hyperschall-Rakete")]
    );
}

#[test]
fn seed_article_sentences() {
    let g = real();
    let text = "Der Kremlchef wiederum wird weitere UN-Sanktionen gegen Nordkorea blockieren. \
                Die USA befürchten derweil, dass Moskau die Kim-Diktatur als Atommacht anerkennen würde.";
    let terms: Vec<String> = found(&g, text).into_iter().map(|(d, _)| d).collect();
    assert_eq!(terms, ["Kremlchef", "Sanktion", "Diktatur", "Atommacht"]);
    let text = "Eher minderwertige Munition wie 122-mm- und 152-mm-Artilleriegranaten.";
    let terms: Vec<String> = found(&g, text).into_iter().map(|(d, _)| d).collect();
    assert_eq!(terms, ["Munition", "Artilleriegranate"]);
}

#[test]
fn no_false_hits_on_neighbours() {
    let g = real();
    // A part of a compound is found, as the weakest kind of hit.
    assert_eq!(
        hits(&g, "Die Munitionsfabrik"),
        vec![("Munition".into(), "Munition".into(), HitKind::Part)]
    );
    for text in [
        "Diktator Kim Jong Un",
        "sanktionieren",
        "Der Arm des Gesetzes",
        "die Entwaffnung",
    ] {
        assert!(found(&g, text).is_empty(), "{text}: {:?}", found(&g, text));
    }
}

#[test]
fn english_phrases() {
    let m = TermMatcher::new(&real());
    let text = "Hypersonic missiles and self propelled howitzers, a self-propelled howitzer, \
                nuclear armed states; a military buildup.";
    let phrases = [
        "hypersonic missile",
        "self-propelled howitzer",
        "nuclear-armed state",
        "military build-up",
        "close ranks",
    ];
    let got: Vec<(usize, &str)> = m
        .find_target(text, &phrases)
        .into_iter()
        .map(|h| (h.phrase, &text[h.start..h.end]))
        .collect();
    assert_eq!(
        got,
        vec![
            (0, "Hypersonic missiles"),
            (1, "self propelled howitzers"),
            (1, "self-propelled howitzer"),
            (2, "nuclear armed states"),
            (3, "military buildup"),
        ]
    );
    // Regular inflection (Snowball strips -ing, -ed), not irregular forms.
    assert_eq!(m.find_target("closing ranks", &["close ranks"]).len(), 1);
    assert!(m.find_target("they went home", &["go home"]).is_empty());
    assert_eq!(
        m.find_target("they closed ranks", &["close ranks"]).len(),
        1
    );
    assert!(m.find_target("anything", &[]).is_empty());
    assert!(m.find_target("anything", &["", "--"]).is_empty());
}

#[test]
fn renderings_of_the_glossary() {
    let g = real();
    let m = TermMatcher::new(&g);
    let text = "The Kremlin chef sent tank howitzers and Kremlin leaders.";
    let got: Vec<(String, Rendering, &str)> = m
        .find_renderings(text)
        .into_iter()
        .map(|h| {
            (
                g.terms[h.term].de.clone(),
                h.rendering,
                &text[h.start..h.end],
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("Kremlchef".into(), Rendering::Forbidden, "Kremlin chef"),
            (
                "Panzerhaubitze".into(),
                Rendering::Forbidden,
                "tank howitzers"
            ),
            ("Kremlchef".into(), Rendering::Approved, "Kremlin leaders"),
        ]
    );
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_valid(text in "\\PC{0,80}") {
        let g = real();
        let m = TermMatcher::new(&g);
        for h in m.find_source(&text) {
            prop_assert!(h.start < h.end && h.end <= text.len());
            prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
            prop_assert!(h.term < g.terms.len());
        }
        for h in m.find_renderings(&text) {
            prop_assert!(h.start < h.end && h.end <= text.len());
            prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        }
        for h in m.find_target(&text, &["self-propelled howitzer", &text]) {
            prop_assert!(h.start < h.end && h.end <= text.len());
            prop_assert!(text.is_char_boundary(h.start) && text.is_char_boundary(h.end));
        }
    }

    /// The bound on a compound head's length changes no result: the
    /// bounded search finds what looking up every rest of the word finds.
    #[test]
    fn compound_heads_match_the_unbounded_search(
        parts in proptest::collection::vec(prop_oneof![
            proptest::sample::select(vec![
                "atom", "waffen", "lieferung", "diktatur", "erb", "rüstung", "auf",
                "munition", "sanktion", "en", "s", "ß", "militär", "x",
            ]).prop_map(str::to_owned),
            "[a-zäöüß]{1,6}",
        ], 1..12),
    ) {
        static MATCHER: std::sync::LazyLock<TermMatcher> =
            std::sync::LazyLock::new(|| TermMatcher::new(&real()));
        let m = &*MATCHER;
        let key: String = parts.concat();
        let stem = m.stemmers.de_key(&key);
        prop_assert_eq!(m.compound_heads(&stem, &key), m.compound_heads_unbounded(&stem, &key));
    }

    #[test]
    fn german_like_text_never_panics(text in "[A-Za-zäöüÄÖÜß' \\-.,İ]{0,60}", de in "[A-Za-zäöüßİ]{1,12}( [a-zäöü]{1,8})?") {
        let cut = de.char_indices().nth(1).map_or(de.len(), |(b, _)| b);
        let terms = vec![
            Term::new(de.clone(), ["x"]),
            Term { match_mode: MatchMode::Prefix, ..Term::new(format!("{de}p"), ["y"]) },
            Term { match_mode: MatchMode::CustomStem { stem: de[..cut].to_string() }, ..Term::new(format!("{de}q"), ["z"]) },
            Term { case_sensitive: true, ..Term::new(format!("{de}r"), ["w"]) },
        ];
        let g = glossary(terms);
        let m = TermMatcher::new(&g);
        let probe = format!("{text} {de} {text}");
        let hs = m.find_source(&probe);
        prop_assert!(hs.iter().any(|h| h.term == 0), "{:?} not found in {:?}", de, probe);
        for h in hs {
            prop_assert!(probe.is_char_boundary(h.start) && probe.is_char_boundary(h.end));
            prop_assert!(h.start < h.end && h.end <= probe.len());
        }
    }
}

#[test]
fn a_shorter_noun_is_another_word_but_a_verb_of_the_stem_counts() {
    let g = glossary(vec![
        Term::new("Devisen", ["foreign currency"]),
        Term::new("Aufrüstung", ["arms build-up"]),
    ]);
    // Die Devise (motto) is not die Devisen (foreign currency).
    assert!(found(&g, "Die Devise des Trainers lautet: Geduld.").is_empty());
    assert_eq!(
        found(&g, "Der Handel mit Devisen brach ein."),
        vec![pair("Devisen", "Devisen")]
    );
    // The verb aufrüsten shares the noun's stem and still counts.
    assert_eq!(
        found(&g, "Sie wollen weiter aufrüsten."),
        vec![pair("Aufrüstung", "aufrüsten")]
    );
}

#[test]
fn terms_behind_a_suspended_hyphen() {
    let g = real();
    assert_eq!(
        found(&g, "Nordkorea treibt sein Atom- und Raketenprogramm voran."),
        vec![pair("Atomprogramm", "Atom-")]
    );
    assert_eq!(
        found(&g, "Die Waffen- und Munitionslieferungen werden geprüft."),
        vec![
            pair("Waffenlieferung", "Waffen-"),
            pair("Munition", "Munition")
        ]
    );
    assert_eq!(
        found(&g, "Neue Kampf-, Transport- und Schulflugzeuge."),
        vec![pair("Kampfflugzeug", "Kampf-")]
    );
    // A hyphen before a word (Nord-Süd) or at a line's end is no suspension.
    assert!(
        found(&g, "Der Atom-Streit.")
            .iter()
            .all(|(d, _)| d != "Atomprogramm")
    );
    assert!(found(&g, "Nord- und Südkorea").is_empty());
    // A pathological head word is not searched letter by letter.
    let long = format!("Atom- und {}programm", "x".repeat(100_000));
    assert!(found(&g, &long).is_empty());
}

#[test]
fn english_phrases_with_a_coordinated_modifier() {
    let m = TermMatcher::new(&real());
    let spans = |text: &str, phrase: &str| -> Vec<String> {
        m.find_target(text, &[phrase])
            .into_iter()
            .map(|h| text[h.start..h.end].to_string())
            .collect()
    };
    assert_eq!(
        spans("its nuclear and missile programmes", "nuclear programme"),
        ["nuclear and missile programmes"]
    );
    assert_eq!(
        spans("nuclear, chemical and biological weapons", "nuclear weapon"),
        ["nuclear, chemical and biological weapons"]
    );
    assert_eq!(
        spans("attack and transport aircraft", "attack aircraft"),
        ["attack and transport aircraft"]
    );
    // Not across a sentence or a clause.
    assert!(spans("nuclear. And missile programmes", "nuclear programme").is_empty());
    assert!(
        spans(
            "nuclear, we said, and missile programmes",
            "nuclear programme"
        )
        .is_empty()
    );
}

/// German-like text made of glossary words (inflected, compounded,
/// hyphenated, behind a suspended hyphen) and random words.
pub(super) fn german_like_text() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        proptest::sample::select(vec![
            "Atom",
            "Atomprogramm",
            "Atomprogramms",
            "Raketenprogramm",
            "Diktatur",
            "Diktaturen",
            "Erbdiktatur",
            "Militärdiktatur",
            "Kreml",
            "Chef",
            "Kremlchef",
            "Aufrüstung",
            "aufrüsten",
            "Devise",
            "Devisen",
            "Sanktionen",
            "Waffenlieferungen",
            "Munition",
            "Kanonenfutters",
            "Paria",
            "Sippenhaft",
            "Kampf",
            "Transport",
            "Schulflugzeuge",
            "Kampfflugzeuge",
            "der",
            "und",
            "die",
            "Gefangenschaft",
        ])
        .prop_map(str::to_owned),
        "[a-zäöüß]{1,8}",
        "[A-ZÄÖÜ][a-zäöüß]{1,10}",
    ];
    let gap = proptest::sample::select(vec![" ", " ", " ", "-", "- und ", ", ", ". "]);
    proptest::collection::vec((word, gap), 1..14)
        .prop_map(|parts| parts.into_iter().map(|(w, g)| format!("{w}{g}")).collect())
}

proptest! {
    /// A [`WordCache`] kept across texts changes no hit: every text gives
    /// what a fresh look-up gives, whatever texts came before it.
    #[test]
    fn a_word_cache_across_texts_changes_no_hit(
        texts in proptest::collection::vec(german_like_text(), 1..8),
    ) {
        static MATCHER: std::sync::LazyLock<TermMatcher> =
            std::sync::LazyLock::new(|| TermMatcher::new(&real()));
        let m = &*MATCHER;
        let mut cache = WordCache::new();
        for text in &texts {
            prop_assert_eq!(m.find_source_cached(text, &mut cache), m.find_source(text));
        }
    }
}

#[test]
fn a_word_cache_used_with_another_matcher_starts_afresh() {
    let one = TermMatcher::new(&real());
    let other = TermMatcher::new(&glossary(vec![Term::new("Panzer", ["tank"])]));
    let mut cache = WordCache::new();
    let text = "Die Diktatur schickt Panzer und Kanonenfutter.";
    for _ in 0..2 {
        assert_eq!(
            one.find_source_cached(text, &mut cache),
            one.find_source(text)
        );
        assert_eq!(
            other.find_source_cached(text, &mut cache),
            other.find_source(text)
        );
    }
    assert_eq!(other.find_source(text).len(), 1);
}
