//! Adaptation of a match's translation: numbers, months, names, spans.

use super::*;

fn adapt(query: &str, source: &str, target: &str) -> Option<String> {
    let adapted = super::adapt(query, source, target, &LangPair::default())?;
    // Every span is a replaced part: it holds new text.
    for &(a, b) in &adapted.spans {
        assert!(a < b && adapted.text.get(a..b).is_some());
    }
    Some(adapted.text)
}

fn adapt_pair(query: &str, source: &str, target: &str, pair: &LangPair) -> Option<String> {
    super::adapt(query, source, target, pair).map(|a| a.text)
}

fn spans(query: &str, source: &str, target: &str) -> Vec<String> {
    let a = super::adapt(query, source, target, &LangPair::default()).unwrap();
    a.spans
        .iter()
        .map(|&(s, e)| a.text[s..e].to_owned())
        .collect()
}

#[test]
fn spans_are_exactly_the_replaced_parts() {
    assert_eq!(
        spans(
            "Nordkorea schickte 30'000 Soldaten und 150 Raketen.",
            "Nordkorea schickte 20'000 Soldaten und 120 Raketen.",
            "North Korea sent 20,000 soldiers and 120 missiles.",
        ),
        ["30,000", "150"]
    );
    assert_eq!(
        spans(
            "Blinken warnte am 14. Februar vor Russland.",
            "Blinken warnte am 6. Januar vor Russland.",
            "Blinken warned about Russia on 6 January.",
        ),
        ["14", "February"]
    );
}

#[test]
fn number_words_are_adapted_in_the_targets_form() {
    assert_eq!(
        adapt(
            "Die Sanktionen gelten drei bis fünf Jahre.",
            "Die Sanktionen gelten vier bis fünf Jahre.",
            "The sanctions apply for four to five years.",
        )
        .as_deref(),
        Some("The sanctions apply for three to five years.")
    );
    assert_eq!(
        spans(
            "Drei bis fünf Jahre dauert es.",
            "Vier bis fünf Jahre dauert es.",
            "Four to five years, it takes.",
        ),
        ["Three"]
    );
    // A digit in the target stays a digit.
    assert_eq!(
        adapt(
            "Es dauert drei Jahre.",
            "Es dauert vier Jahre.",
            "It takes 4 years."
        )
        .as_deref(),
        Some("It takes 3 years.")
    );
    // A digit in the query, a word in the target.
    assert_eq!(
        adapt(
            "Es dauert 21 Jahre.",
            "Es dauert vier Jahre.",
            "It takes four years."
        )
        .as_deref(),
        Some("It takes twenty-one years.")
    );
    // Not writable as one word (above 99): left alone.
    assert_eq!(
        adapt(
            "Es dauert 120 Jahre.",
            "Es dauert vier Jahre.",
            "It takes four years."
        ),
        None
    );
    // An article is no number: nothing to map.
    assert_eq!(
        adapt(
            "Es kam ein Soldat.",
            "Es kam eine Soldatin.",
            "One soldier came."
        ),
        None
    );
}

#[test]
fn numbers_follow_the_language_pair() {
    let en_de = LangPair::new("en-GB", "de-CH");
    assert_eq!(
        adapt_pair(
            "They paid 7.5 million.",
            "They paid 5.5 million.",
            "Sie zahlten 5,5 Millionen.",
            &en_de
        )
        .as_deref(),
        Some("Sie zahlten 7,5 Millionen.")
    );
    let de_fr = LangPair::new("deu", "fra");
    assert_eq!(
        adapt_pair(
            "Es kamen 12,5 Tonnen.",
            "Es kamen 10,5 Tonnen.",
            "Il est venu 10,5 tonnes.",
            &de_fr
        )
        .as_deref(),
        Some("Il est venu 12,5 tonnes.")
    );
    // Month names are German-to-English only.
    assert_eq!(adapt_pair("im Mai", "im Juni", "en juin", &de_fr), None);
}

#[test]
fn swiss_and_german_numbers_are_carried_over_in_english_format() {
    assert_eq!(
        adapt(
            "Nordkorea schickte im Dezember 2024 30'000 Container.",
            "Nordkorea schickte im Dezember 2024 20'000 Container.",
            "In December 2024 North Korea sent 20,000 containers.",
        )
        .as_deref(),
        Some("In December 2024 North Korea sent 30,000 containers.")
    );
    assert_eq!(
        adapt(
            "Pjöngjang soll bis zu 7,5 Milliarden Dollar verdient haben.",
            "Pjöngjang soll bis zu 5,5 Milliarden Dollar verdient haben.",
            "Pyongyang is said to have earned up to $5.5 billion.",
        )
        .as_deref(),
        Some("Pyongyang is said to have earned up to $7.5 billion.")
    );
}

#[test]
fn years_keep_their_form() {
    assert_eq!(
        adapt(
            "Im Jahr 1953 endete der Krieg.",
            "Im Jahr 1950 endete der Krieg.",
            "The war ended in 1950."
        )
        .as_deref(),
        Some("The war ended in 1953.")
    );
}

#[test]
fn ambiguous_or_unchanged_numbers_are_not_adapted() {
    // 10 occurs twice in the target: which one?
    assert_eq!(
        adapt(
            "Es waren 12 von 10.",
            "Es waren 10 von 10.",
            "It was 10 out of 10."
        ),
        None
    );
    // nothing differs
    assert_eq!(
        adapt("Es waren 10.", "Es waren 10.", "There were 10."),
        None
    );
    // the translation lacks the number
    assert_eq!(
        adapt("Es waren 12.", "Es waren 10.", "There were a dozen."),
        None
    );
    // (a number word is the number: `ten` is written as a word)
    assert_eq!(
        adapt("Es waren 12.", "Es waren 10.", "There were ten.").as_deref(),
        Some("There were twelve.")
    );
    // counts differ
    assert_eq!(adapt("12 und 13", "12", "12"), None);
}

#[test]
fn dates_carry_over_day_and_month() {
    assert_eq!(
        adapt(
            "Blinken warnte am 14. Februar vor Russland.",
            "Blinken warnte am 6. Januar vor Russland.",
            "Blinken warned about Russia on 6 January.",
        )
        .as_deref(),
        Some("Blinken warned about Russia on 14 February.")
    );
}

#[test]
fn names_that_stand_verbatim_in_the_translation_carry_over() {
    assert_eq!(
        adapt(
            "US-Sicherheitsberater Sullivan warnte Pjöngjang.",
            "US-Sicherheitsberater Blinken warnte Pjöngjang.",
            "US security adviser Blinken warned Pyongyang.",
        )
        .as_deref(),
        Some("US security adviser Sullivan warned Pyongyang.")
    );
    // A translated noun is not a name: "Soldaten" is not in the English.
    assert_eq!(
        adapt(
            "Die Truppen kamen.",
            "Die Soldaten kamen.",
            "The soldiers came."
        ),
        None
    );
    // The first word is capitalised anyway: never taken for a name.
    assert_eq!(adapt("Kim kam.", "Putin kam.", "Putin came."), None);
}

#[test]
fn written_in_the_target_format() {
    assert_eq!(written_as("10.000,5", NumLang::De, NumLang::En), "10,000.5");
    assert_eq!(written_as("10,000.5", NumLang::En, NumLang::De), "10.000,5");
    assert_eq!(written_as("6.", NumLang::De, NumLang::De), "6");
    assert_eq!(written_as("2024", NumLang::En, NumLang::En), "2024");
}

#[test]
fn english_format() {
    assert_eq!(english("10'000"), "10,000");
    assert_eq!(english("10.000"), "10,000");
    assert_eq!(english("5,5"), "5.5");
    assert_eq!(english("2024"), "2024");
    assert_eq!(english("6."), "6");
}

proptest::proptest! {
    /// The query's tokens handed in give what splitting it again gives;
    /// another text's tokens never panic.
    #[test]
    fn adapting_with_the_query_split_once_is_adapting(
        q in "[A-Za-zä0-9'., -]{0,30}",
        s in "[A-Za-zä0-9'., -]{0,30}",
        t in "[A-Za-z0-9'., -]{0,30}",
    ) {
        let pair = LangPair::default();
        let once = adapt_split((&q, &tokenize(&q)), (&s, &tokenize(&s)), &t, &pair);
        proptest::prop_assert_eq!(once, super::adapt(&q, &s, &t, &pair));
        let _ = adapt_split((&q, &tokenize(&t)), (&s, &tokenize(&q)), &t, &pair);
    }

    /// A query equal to the source has nothing to adapt, whatever the
    /// target (what `adapt_split`'s shortcut answers without looking).
    #[test]
    fn a_query_equal_to_its_source_adapts_nothing(
        q in "[A-Za-zäöüß0-9'., -]{0,40}|(am [0-9]{1,2}\\. (Januar|Mai) (Kim|Putin) [a-z]{1,5})",
        t in "[A-Za-z0-9'., -]{0,30}|([0-9]{1,2} (January|May) (Kim|Putin))",
    ) {
        for pair in [LangPair::default(), LangPair::new("de", "fr"), LangPair::new("en", "de")] {
            let split = (q.as_str(), tokenize(&q));
            let split = (split.0, split.1.as_slice());
            proptest::prop_assert_eq!(adapt_differing(split, split, &t, &pair), None);
        }
    }
}
