use super::*;

fn lang(text: &str) -> Option<Language> {
    identify(text).language
}

#[test]
fn news_sentences_in_each_language() {
    assert_eq!(
        lang("Die Diktatur hat Putin also Kanonenfutter geschickt."),
        Some(Language::German)
    );
    assert_eq!(
        lang("So the dictatorship has sent Putin cannon fodder."),
        Some(Language::English)
    );
    assert_eq!(
        lang("L'alpinisme est une passion qui ne se discute pas."),
        Some(Language::French)
    );
}

#[test]
fn a_german_sentence_about_english_things_is_german() {
    assert_eq!(
        lang("Der Premierminister von Grossbritannien hat die Wahl in London gewonnen."),
        Some(Language::German)
    );
    assert_eq!(
        lang("The German Bundestag voted on the Haushalt in Berlin."),
        Some(Language::English)
    );
}

#[test]
fn names_numbers_and_short_headlines_are_unknown() {
    for text in [
        "",
        "Kim Jong Un",
        "Patrick Diekmann / t-online",
        "1. Klimow 555 - 2. Geiger 416",
        "BBC Two",
        "Lebensmittel",
        "12:39",
    ] {
        assert_eq!(lang(text), None, "{text}");
    }
}

#[test]
fn words_in_two_lists_count_half_for_each() {
    // `in`, `an`, `was` are German and English: alone they decide nothing.
    assert_eq!(lang("in an was"), None);
    let s = Scores::of("in");
    assert_eq!(s.score(Language::German), 0.5);
    assert_eq!(s.score(Language::English), 0.5);
}

#[test]
fn evidence_adds_up_over_a_document() {
    let lines = [
        "Kim Jong Un",
        "Die Lage bleibt angespannt.",
        "Pjöngjang schickt Soldaten.",
        "Moskau braucht sie.",
    ];
    // No line alone is clear (too little evidence) ...
    for line in lines {
        assert_eq!(lang(line), None, "{line}");
    }
    // ... the document is.
    let mut doc = Scores::default();
    for line in lines {
        doc.add(&Scores::of(line));
    }
    assert_eq!(doc.guess().language, Some(Language::German));
    assert_eq!(doc.words, 13);
    assert!(doc.guess().evidence().contains("over 13 words"));
}

#[test]
fn tags_name_languages() {
    assert_eq!(Language::from_tag("de-CH"), Some(Language::German));
    assert_eq!(Language::from_tag("DEU"), Some(Language::German));
    assert_eq!(Language::from_tag("en_GB"), Some(Language::English));
    assert_eq!(Language::from_tag("fr"), Some(Language::French));
    assert_eq!(Language::from_tag("it"), None);
    assert_eq!(Language::from_tag(""), None);
}
