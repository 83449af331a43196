//! News translations' dates (compared by value, in the target's locale,
//! decades), untranslated German, and glossary terms in their inflected
//! and compound forms.

use super::*;
use Code::*;
use Severity::{Error, Warning};

#[test]
fn dates_are_compared_by_value() {
    for en in [
        "on July 15",
        "on 15 July",
        "on the 15th of July",
        "on July 15th",
    ] {
        assert_eq!(findings("am 15. Juli", en), [], "{en}");
    }
    assert_eq!(
        findings("am 15. Juli", "on August 15"),
        [(DateMismatch, Error)]
    );
    assert_eq!(
        findings("am 15. Juli", "on July 16"),
        [(DateMismatch, Error)]
    );
    assert_eq!(
        findings("am 6.1.2024", "on 6 February 2024"),
        [(DateMismatch, Error)]
    );
    assert_eq!(findings("am 18.12. um 9 Uhr", "on December 18 at 9am"), []);
    assert_eq!(
        findings(
            "nach den Anschlägen vom 11. September 2001",
            "after the attacks of September 2001"
        ),
        [(DateMismatch, Error)]
    );
    assert_eq!(
        findings("Im Juli stiegen die Preise.", "Last month prices rose."),
        [(DateMismatch, Warning)]
    );
    // A year stays a number.
    assert_eq!(
        findings("am 15. Juli 2024", "on July 15, 2025"),
        [(NumberMismatch, Error)]
    );
}

#[test]
fn numeric_dates_follow_the_target_locale() {
    let de = "Das Gesetz gilt seit dem 6. Januar 2024.";
    let en = "The law has applied since 6/1/2024.";
    assert_eq!(findings_in(("de", "en-GB"), de, en), []);
    assert_eq!(findings_in(("de", "en"), de, en), []);
    assert_eq!(
        findings_in(("de", "en-US"), de, en),
        [(DateMismatch, Error)]
    );
    assert_eq!(
        findings_in(("de", "en-US"), de, "The law has applied since 1/6/2024."),
        []
    );
}

#[test]
fn german_dates_and_ordinals_left_in_english() {
    for (de, en) in [
        (
            "Die Wahl ist am 5. Oktober.",
            "The election is on 5. October.",
        ),
        (
            "Er spielt in der 3. Liga West.",
            "He plays in the 3. League West.",
        ),
        (
            "Es ist die zweitgrösste Stadt.",
            "It is the 2. biggest city.",
        ),
    ] {
        assert_eq!(findings(de, en), [(DateFormat, Error)], "{en}");
    }
    assert_eq!(
        findings(
            "Er siegte 2008. Dann kam 2009.",
            "He won in 2008. Then came 2009."
        ),
        []
    );
}

#[test]
fn untranslated_means_the_english_is_german() {
    assert_eq!(
        findings("2. Fenster.", "2. Fenster."),
        [(Untranslated, Error)]
    );
    assert_eq!(
        findings(
            "Die Regierung hat die Steuern erhöht.",
            "Die Regierung hat die Steuern gesenkt."
        ),
        [(Untranslated, Error)]
    );
    // Not German at all: an English headline, a name.
    assert_eq!(findings("The show must go on", "The show must go on"), []);
    assert_eq!(findings("Ten Years Later", "Ten Years Later"), []);
    assert_eq!(findings("BBC Two", "BBC Two"), []);
}

#[test]
fn terms_in_feminine_plural_and_compound_forms() {
    assert_eq!(
        findings("Die Bürgermeisterin sagte Nein.", "The mayor said no."),
        []
    );
    assert_eq!(
        findings("Die Bürgermeisterin sagte Nein.", "The governor said no."),
        [(TermMissing, Warning)]
    );
    assert_eq!(
        findings("Sechs Polizisten kamen.", "Six policemen came."),
        []
    );
    assert_eq!(
        findings("Die Abgeordneten stimmten ab.", "The MPs voted."),
        []
    );
    assert_eq!(
        findings("Sie nahmen die Handys weg.", "They took the handys away."),
        [(TermForbidden, Error)]
    );
    assert_eq!(
        findings("Die Chefin der Partei sprach.", "The party chef spoke."),
        [(TermForbidden, Error)]
    );
    assert_eq!(
        findings(
            "Sie lebt im Flüchtlingslager.",
            "She lives in the fugitive camp."
        ),
        [(TermForbidden, Warning)]
    );
    assert_eq!(
        findings("Der Chefinspektor kam.", "The chef inspector came."),
        [(TermForbidden, Warning)]
    );
}

#[test]
fn derived_words_and_other_heads_are_not_the_term() {
    assert_eq!(
        findings(
            "Die Gewerkschafter streikten.",
            "The unionists went on strike."
        ),
        []
    );
    assert_eq!(
        findings("Der Sonderermittler sprach.", "The special counsel spoke."),
        []
    );
}

#[test]
fn every_finding_says_why() {
    let g = news_glossary();
    let pairs = [
        Pair::new("a", "Er fuhr 10 Kilometer.", "He drove 10 miles."),
        Pair::new("b", "am 15. Juli", "on August 15"),
        Pair::new(
            "c",
            "Die Wahl ist am 5. Oktober.",
            "The election is on 5. October.",
        ),
        Pair::new(
            "d",
            "Das Modul wiegt 17,5 Tonnen.",
            "The module weighs 17,5 tonnes.",
        ),
        Pair::new(
            "e",
            "Sie lebt im Flüchtlingslager.",
            "She lives in the fugitive camp.",
        ),
    ];
    let found = check_pairs(&pairs, &g, &CheckOptions::default());
    assert_eq!(found.len(), 5);
    for f in found {
        assert!(!f.evidence.is_empty(), "{f:?}");
        assert!(to_json_line(&f).contains("\"evidence\":\""));
    }
}

#[test]
fn a_decade_is_not_its_first_year() {
    assert_eq!(
        findings(
            "Ende der neunziger Jahre kam der Erfolg.",
            "Success came in the late 1990s."
        ),
        []
    );
    assert_eq!(
        findings(
            "In den 90er Jahren kam der Erfolg.",
            "Success came in the nineties."
        ),
        []
    );
    assert_eq!(
        findings(
            "Ende der neunziger Jahre kam der Erfolg.",
            "Success came at the end of 1990."
        ),
        [(NumberMismatch, Error)]
    );
}
