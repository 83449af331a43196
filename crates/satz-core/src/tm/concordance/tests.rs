use super::*;
use crate::tm::index::{Entry, Index};

/// The lexicon of a small memory: these words stand in for its German
/// vocabulary.
fn lexicon() -> Lexicon {
    Lexicon::new([
        "Stadt",
        "Sicherheit",
        "Herr",
        "Schüler",
        "Flug",
        "Kontrolle",
        "Luftfahrt",
        "Zahlung",
        "Räte",
        "Buch",
    ])
}

/// The words `query` finds in `text`, with how they matched.
fn found(query: &str, text: &str) -> Vec<(String, MatchKind)> {
    Concordance::new(query, false)
        .find(text, &lexicon())
        .into_iter()
        .map(|((a, b), k)| (text[a..b].to_owned(), k))
        .collect()
}

fn compound(w: &str) -> (String, MatchKind) {
    (w.to_owned(), MatchKind::Compound)
}

fn word(w: &str) -> (String, MatchKind) {
    (w.to_owned(), MatchKind::Word)
}

#[test]
fn inflected_forms_and_phrases_are_found() {
    assert_eq!(
        found("Diktatur", "Zwei Diktaturen, eine Diktatur."),
        [word("Diktaturen"), word("Diktatur")]
    );
    assert_eq!(
        found("koreanische Halbinsel", "auf der Koreanischen Halbinsel"),
        [word("Koreanischen Halbinsel")]
    );
    assert!(
        Concordance::new("", true)
            .find("anything", &lexicon())
            .is_empty()
    );
}

#[test]
fn compound_heads_with_inflection() {
    assert_eq!(
        found(
            "Rat",
            "Der Stadtrat und der Sicherheitsrat tagen, die Stadträte auch."
        ),
        [
            compound("Stadtrat"),
            compound("Sicherheitsrat"),
            compound("Stadträte")
        ]
    );
    assert_eq!(
        found("Gipfel", "Am Luftfahrtgipfel"),
        [compound("Luftfahrtgipfel")]
    );
}

#[test]
fn first_and_middle_parts_with_linking_elements() {
    assert_eq!(found("Rat", "Der Ratsherr"), [compound("Ratsherr")]);
    assert_eq!(
        found("Lotse", "Den Lotsen und Fluglotsenschülern"),
        [word("Lotsen"), compound("Fluglotsenschülern")]
    );
    assert_eq!(
        found("Grenze", "Eine Grenzkontrolle an der Grenze"),
        [compound("Grenzkontrolle"), word("Grenze")]
    );
}

#[test]
fn letters_inside_other_words_are_no_parts() {
    for text in [
        "Der Apparat",
        "Die Rate steigt",
        "Sie raten ab",
        "Die Beratung",
        "Die Ratenzahlung",
    ] {
        assert_eq!(found("Rat", text), [], "{text}");
    }
    // Without `Räte` in the memory, `Rate` could be `Rat`'s plural.
    let c = Concordance::new("Rat", false);
    let lex = Lexicon::new(["Zahlung"]);
    assert_eq!(c.find("Die Rate", &lex).len(), 1);
    // (`Tagebuch` is not found: beside the verb `tagen` in the frequent
    // words, `Tage-` is taken for its stem.)
    assert_eq!(
        found("Tag", "Drei Tage, ein Tagebuch, die Tageszeitung"),
        [word("Tage"), compound("Tageszeitung")]
    );
    // The Snowball stem alone would take `Rate` and `raten` for `Rat`; a
    // lower-case query keeps that looser match.
    assert_eq!(found("rat", "Sie raten ab"), [word("raten")]);
}

#[test]
fn wildcards_are_letter_patterns_over_one_word() {
    let text = "Lotse, Fluglotsen, Lotsendienst, Fluglotse, Lotsin";
    let words = |q: &str| -> Vec<String> { found(q, text).into_iter().map(|(w, _)| w).collect() };
    assert_eq!(
        words("*lotse*"),
        ["Lotse", "Fluglotsen", "Lotsendienst", "Fluglotse"]
    );
    assert_eq!(words("Lotse*"), ["Lotse", "Lotsendienst"]);
    assert_eq!(words("*lotse"), ["Lotse", "Fluglotse"]);
    assert_eq!(words("Lots?n"), ["Lotsin"]);
    // A pattern is never a compound match.
    assert!(
        found("*lotse*", text)
            .iter()
            .all(|(_, k)| *k == MatchKind::Word)
    );
}

#[test]
fn phrases_take_inflection_wildcards_and_compounds() {
    assert_eq!(
        found("\"neue Fluglotsen\"", "Die neuen Fluglotsen kommen"),
        [word("neuen Fluglotsen")]
    );
    assert_eq!(
        found("neue *lotse*", "Die neuen Fluglotsen kommen"),
        [word("neuen Fluglotsen")]
    );
    assert_eq!(
        found("neue Lotse", "Die neuen Fluglotsen kommen"),
        [compound("neuen Fluglotsen")]
    );
    assert_eq!(found("neue Lotse", "Die neuen Autos, Lotsen"), []);
}

#[test]
fn english_inflection_only() {
    let c = Concordance::new("controller", true);
    let text = "The controller's view: controllers control what is controlled.";
    let words: Vec<&str> = c
        .find(text, &Lexicon::default())
        .into_iter()
        .map(|((a, b), _)| &text[a..b])
        .collect();
    assert_eq!(words, ["controller's", "controllers"]);
    let c = Concordance::new("control", true);
    let words: Vec<&str> = c
        .find(text, &Lexicon::default())
        .into_iter()
        .map(|((a, b), _)| &text[a..b])
        .collect();
    assert_eq!(words, ["control", "controlled"]);
}

#[test]
fn search_ranks_whole_words_before_compounds() {
    let entries: Vec<Entry> = [
        "Der Stadtrat tagt.",
        "Der Rat tagt.",
        "Die Rate steigt.",
        "Der Rat und der Stadtrat.",
        "Die Räte tagen.",
    ]
    .iter()
    .enumerate()
    .map(|(i, s)| Entry {
        source: (*s).to_owned(),
        target: String::new(),
        file: "m.tmx".into(),
        line: i as u32 + 1,
        ..Entry::default()
    })
    .collect();
    let index = Index::from_entries(&entries).unwrap();
    let hits = Concordance::new("Rat", false).search(&index.view());
    let got: Vec<(u32, MatchKind)> = hits.iter().map(|h| (h.line, h.kind)).collect();
    assert_eq!(
        got,
        [
            (2, MatchKind::Word),
            (4, MatchKind::Word),
            (5, MatchKind::Word),
            (1, MatchKind::Compound)
        ]
    );
    assert_eq!(hits[1].kinds, [MatchKind::Word, MatchKind::Compound]);
}

#[test]
fn a_pathological_word_is_no_compound_and_costs_little() {
    let long = format!("Stadt{}rat", "x".repeat(40_000));
    let started = std::time::Instant::now();
    assert_eq!(found("Rat", &long), []);
    assert_eq!(found("*rat", &long), [word(&long)]);
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn a_pattern_with_a_hyphen_or_punctuation_is_split_like_the_text() {
    assert_eq!(
        found("*-Krieg", "im Ukraine-Krieg, im Krieg"),
        [word("Ukraine-Krieg")]
    );
    assert_eq!(
        found("Ukraine-*", "im Ukraine-Krieg"),
        [word("Ukraine-Krieg")]
    );
    assert_eq!(found("Lotse*,", "Die Lotsen."), [word("Lotsen")]);
}

/// The compound hits of `query` in `text` against a lexicon of `words`.
fn compounds_in(words: &[&str], query: &str, text: &str) -> Vec<String> {
    Concordance::new(query, false)
        .find(text, &Lexicon::new(words.iter().copied()))
        .into_iter()
        .filter(|(_, k)| *k == MatchKind::Compound)
        .map(|((a, b), _)| text[a..b].to_owned())
        .collect()
}

#[test]
fn short_search_words_are_parts_only_on_the_short_list() {
    let words = ["Part", "Zunge", "Creme", "Preis"];
    // Two letters, or three not on the short list: no compound part.
    assert_eq!(compounds_in(&words, "Ei", "Die Partei"), [] as [String; 0]);
    assert_eq!(
        compounds_in(&words, "Kür", "Die Kürzungen"),
        [] as [String; 0]
    );
    // Three letters on the short list still are.
    assert_eq!(compounds_in(&words, "Eis", "Die Eiscreme"), ["Eiscreme"]);
    assert_eq!(compounds_in(&words, "Gas", "Der Gaspreis"), ["Gaspreis"]);
}

#[test]
fn a_question_mark_takes_sharp_s_as_one_letter() {
    let text = "Die Straße, die Strasse, die Strade";
    let words = |q: &str| -> Vec<String> { found(q, text).into_iter().map(|(w, _)| w).collect() };
    assert_eq!(words("Stra?e"), ["Straße", "Strade"]);
    // As `ss`, too, as before.
    assert_eq!(words("Stra??e"), ["Straße", "Strasse"]);
    assert_eq!(words("Strass*"), ["Straße", "Strasse"]);
}

#[test]
fn a_query_of_patterns_without_letters_is_letterless() {
    for q in ["*", "**", "?", "*?*", "* ?", "*-*"] {
        assert!(Concordance::new(q, false).letterless(), "{q}");
        assert!(Concordance::new(q, true).letterless(), "{q}");
    }
    for q in ["", "Rat", "R*", "*2*", "neue *"] {
        assert!(!Concordance::new(q, false).letterless(), "{q}");
    }
}
