use super::*;
use crate::lang::LangPair;

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

fn doc(text: &str) -> Guess {
    identify(text)
}

const DE: &str = "Die Diktatur hat Putin also Kanonenfutter geschickt, und das ist nicht gut.";
const EN: &str = "So the dictatorship has sent Putin cannon fodder, and that is not good.";
const FR: &str = "La dictature a donc envoyé de la chair à canon à Poutine, et ce n'est pas bien.";

#[test]
fn a_pair_in_the_configured_order_is_fine() {
    let v = judge_pair(&doc(DE), &doc(EN), &LangPair::new("de", "en"));
    assert!(v.is_fine() && !v.swapped, "{v:?}");
    // Regions and case do not matter; unknown never objects.
    assert!(judge_pair(&doc(DE), &doc(EN), &LangPair::new("DE-ch", "en_GB")).is_fine());
    assert!(
        judge_pair(
            &doc("Kim Jong Un"),
            &doc("BBC Two"),
            &LangPair::new("de", "en")
        )
        .is_fine()
    );
}

#[test]
fn a_swapped_pair_is_both_sides_in_the_other_language() {
    let v = judge_pair(&doc(EN), &doc(DE), &LangPair::new("de", "en"));
    assert_eq!(
        v,
        PairVerdict {
            source: Some(Language::English),
            target: Some(Language::German),
            swapped: true
        }
    );
    // German-French too, and an English-German pair the other way round.
    assert!(judge_pair(&doc(FR), &doc(DE), &LangPair::new("de", "fr")).swapped);
    assert!(judge_pair(&doc(DE), &doc(EN), &LangPair::new("en", "de")).swapped);
    // One side unknown: not swapped, but that side is still a mismatch.
    let v = judge_pair(&doc(EN), &doc("Kim Jong Un"), &LangPair::new("de", "en"));
    assert_eq!(
        (v.source, v.target, v.swapped),
        (Some(Language::English), None, false)
    );
}

#[test]
fn a_third_language_is_a_mismatch_of_its_side_only() {
    let v = judge_pair(&doc(DE), &doc(FR), &LangPair::new("de", "en"));
    assert_eq!(
        (v.source, v.target, v.swapped),
        (None, Some(Language::French), false)
    );
    // Both sides the same language: the target is the mismatch.
    let v = judge_pair(&doc(DE), &doc(DE), &LangPair::new("de", "en"));
    assert_eq!(
        (v.source, v.target, v.swapped),
        (None, Some(Language::German), false)
    );
}

#[test]
fn a_language_satz_cannot_identify_objects_only_to_the_other_side() {
    // Italian is not identified: a target tagged `it` objects only to German.
    let it = Expected::new(&Lang::new("it"), Some(&Lang::new("de")));
    assert_eq!(it.mismatch(&doc(EN)), None);
    assert_eq!(it.mismatch(&doc(DE)), Some(Language::German));
    assert!(it.is_other(Language::German));
    // A single text: only its own language counts.
    let de = Expected::new(&Lang::new("de"), None);
    assert_eq!(de.mismatch(&doc(EN)), Some(Language::English));
    assert!(!de.is_other(Language::English));
    assert_eq!(
        Expected::new(&Lang::new("it"), None).mismatch(&doc(DE)),
        None
    );
}

proptest::proptest! {
    /// A text's evidence is the sum of its lines' evidence, each line
    /// trimmed and split on its own (how `suggest --segmented` reads a file
    /// of one sentence per line): no word spans a line break.
    #[test]
    fn a_text_is_judged_as_the_sum_of_its_lines(
        lines in proptest::collection::vec(
            "[ \t]{0,2}(der|the|le|l'homme|Straße|don't|in|était|[A-Za-zäöüé'’ ]{0,8}|[0-9., ]{0,4}|\r)( (der|the|la|qu'il|über|[a-zé]{1,6})){0,6}[ \t\r]{0,2}",
            0..20,
        ),
    ) {
        let text = lines.join("\n");
        let mut sum = Scores::default();
        for line in text.lines().map(str::trim) {
            sum.add(&Scores::of_tokens(line, crate::text::tokenize::tokenize(line)));
        }
        proptest::prop_assert_eq!(sum, Scores::of(&text));
    }
}
