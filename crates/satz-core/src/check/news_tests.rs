#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

//! The severity model on the patterns real news translations showed (each
//! sentence written here, after the kinds the audit found; none copied).

use std::path::Path;

use super::*;
use crate::glossary::Glossary;

fn news_glossary() -> Glossary {
    let text = r#"
[[term]]
de = "Flüchtling"
en = ["refugee"]
forbidden = ["fugitive"]

[[term]]
de = "Handy"
en = ["mobile phone", "cell phone"]
forbidden = ["handy"]

[[term]]
de = "Chef"
en = ["head", "boss", "chief"]
forbidden = ["chef"]

[[term]]
de = "Polizist"
en = ["police officer", "policeman"]

[[term]]
de = "Abgeordneter"
en = ["MP", "lawmaker"]

[[term]]
de = "Gewerkschaft"
en = ["union"]

[[term]]
de = "Ermittlung"
en = ["investigation"]

[[term]]
de = "Bürgermeister"
en = ["mayor"]
"#;
    Glossary::parse(text, Path::new("glossary.toml")).unwrap()
}

/// (code, severity) of every finding, with the pair's languages.
fn findings_in(pair: (&str, &str), de: &str, en: &str) -> Vec<(Code, Severity)> {
    let g = news_glossary();
    Checker::for_pair(&g, pair.0, pair.1)
        .check(&[Pair::new("u", de, en)], &CheckOptions::default())
        .into_iter()
        .map(|f| (f.code, f.severity))
        .collect()
}

fn findings(de: &str, en: &str) -> Vec<(Code, Severity)> {
    findings_in(("de", "en"), de, en)
}

use Code::*;
use Severity::{Error, Warning};

#[test]
fn unit_conversions_for_english_readers_are_no_mismatch() {
    for (de, en) in [
        (
            "Die Strecke ist 42,2 Kilometer lang.",
            "The course is 26.2 miles long.",
        ),
        (
            "Sie hing 15 Meter über dem Boden.",
            "She hung 50ft above the ground.",
        ),
        (
            "Der Gang war 640 Meter lang.",
            "The passage was 700 yards long.",
        ),
        ("Es war 20 Grad warm.", "It was 68 degrees."),
        (
            "Der Schnee lag 5 bis 10 cm hoch.",
            "The snow lay 2 to 4 inches deep.",
        ),
        (
            "Der Tunnel misst 120 mal 90 Zentimeter.",
            "The tunnel measures four foot by three foot.",
        ),
        ("Er wartete eineinhalb Jahre.", "He waited 18 months."),
        (
            "Der Wald bedeckt 120 km² im Süden.",
            "The forest covers 30,000 acres in the south.",
        ),
    ] {
        assert_eq!(findings(de, en), [], "{de} | {en}");
    }
}

#[test]
fn a_unit_changed_with_the_figure_kept_is_an_error() {
    assert_eq!(
        findings("Er fuhr 10 Kilometer.", "He drove 10 miles."),
        [(NumberMismatch, Error)]
    );
    assert_eq!(
        findings("Sie trugen 70 Kilo.", "They carried 70 pounds."),
        [(NumberMismatch, Error)]
    );
    assert_eq!(
        findings("Der Arm ist 30 Meter lang.", "The arm is 58 feet long."),
        [(NumberMismatch, Error)]
    );
}

#[test]
fn clock_formats_are_the_same_time() {
    for en in [
        "It begins at 1530 hours.",
        "It begins at 3.30pm.",
        "It begins at 15:30.",
        "It begins at 15.30.",
    ] {
        assert_eq!(findings("Es beginnt um 15.30 Uhr.", en), [], "{en}");
    }
    assert_eq!(
        findings("Es beginnt um 15.30 Uhr.", "It begins at 4.30pm."),
        [(NumberMismatch, Error)]
    );
    assert_eq!(
        findings(
            "Führungen gibt es um 12 und 14 Uhr.",
            "Tours are at midday and 2pm."
        ),
        []
    );
    assert_eq!(
        findings("Sie kommen um zwanzig vor neun.", "They arrive at 8:40."),
        []
    );
    assert_eq!(
        findings(
            "Geöffnet von 10h bis 20.30h.",
            "Open from 1000 to 2030 hours."
        ),
        []
    );
}

#[test]
fn halves_quarters_and_dozens() {
    assert_eq!(
        findings(
            "Mehr als eine halbe Million Menschen kamen.",
            "More than half a million people came."
        ),
        []
    );
    assert_eq!(
        findings(
            "Eine Viertelmillion Einwohner protestierte.",
            "A quarter of a million residents protested."
        ),
        []
    );
    assert_eq!(
        findings("Er nannte zehn Namen.", "He named a dozen names."),
        [(NumberMismatch, Error)]
    );
    assert_eq!(
        findings("Sie kauften zwei Dutzend Eier.", "They bought 24 eggs."),
        []
    );
}

#[test]
fn what_translators_rightly_do_with_numbers_is_at_most_a_warning() {
    for (de, en) in [
        ("Dann flüchtete das Trio.", "The three then fled."),
        (
            "Sie finden sich zwischen den Fronten.",
            "They are caught between two fronts.",
        ),
        (
            "Die Inflationsrate bleibt stabil.",
            "The 12-month inflation rate is steady.",
        ),
        (
            "Die Hotline ist rund um die Uhr offen.",
            "The hotline is open 24 hours.",
        ),
        (
            "Er hört Musik auf dem Player.",
            "He listens on his MP3 player.",
        ),
        (
            "Sein Ziel sind alle vier Titel.",
            "His goal is all the titles.",
        ),
        ("Im Vorjahr stieg der Umsatz.", "In 2006, sales rose."),
        (
            "Er forderte 1.800 Pfund (2.000 Euro).",
            "He claimed £1,800.",
        ),
        (
            "Das Land hat 1,8 Billionen Euro Schulden.",
            "The country owes 1.8 billion euros.",
        ),
        ("Das Team von 1990 war stark.", "The 90 team was strong."),
    ] {
        let got = findings(de, en);
        assert!(
            got.iter().all(|&(_, s)| s == Warning) && !got.is_empty(),
            "{de} | {en}: {got:?}"
        );
    }
}

#[test]
fn an_article_is_a_one_and_twice_a_two() {
    assert_eq!(
        findings("Etwa ein Prozent erkrankt.", "About 1 per cent fall ill."),
        []
    );
    assert_eq!(
        findings(
            "Er war zwei Mal Weltmeister.",
            "He was twice world champion."
        ),
        []
    );
}

#[test]
fn changed_and_dropped_figures_are_errors() {
    assert_eq!(
        findings("Die Ausstellung war 1968.", "The exhibition was in 1969."),
        [(NumberMismatch, Error)]
    );
    assert_eq!(
        findings(
            "Er war 28 Jahre lang Mitglied.",
            "He was a member for 23 years."
        ),
        [(NumberMismatch, Error)]
    );
    assert_eq!(
        findings(
            "Die Gruppen schrieben 1945 an den Präsidenten.",
            "The groups wrote to the president."
        ),
        [(NumberMismatch, Error)]
    );
    assert_eq!(
        findings("Es kamen an die fünfzig Sänger.", "Fifteen singers came."),
        [(NumberMismatch, Error)]
    );
}

#[test]
fn figures_written_the_german_way_in_english_are_a_format_warning() {
    assert_eq!(
        findings(
            "Das Modul wiegt 17,5 Tonnen.",
            "The module weighs 17,5 tonnes."
        ),
        [(NumberFormat, Warning)]
    );
    assert_eq!(
        findings(
            "Beide erhielten 500.000 Forint.",
            "Both received HUF 500.000."
        ),
        [(NumberFormat, Warning)]
    );
    // German 30.000 is 30000; an English 30 is a real error.
    assert_eq!(
        findings("Es kamen 30.000 Soldaten.", "30 soldiers came."),
        [(NumberMismatch, Error)]
    );
    // A list reads the same in both languages.
    assert_eq!(findings("Ergebnis (12,5,4,4)", "Result (12,5,4,4)"), []);
    // A German text that writes the English way.
    assert_eq!(
        findings("Es kostet 480,000 Pfund.", "It costs £480,000."),
        []
    );
}

#[test]
fn ranges_and_split_figures() {
    assert_eq!(
        findings(
            "der Präsident (2000 -2004) trat ab",
            "the president between 2000 and 2004 resigned"
        ),
        []
    );
    assert_eq!(
        findings("75% der 40. 000 Befragten", "75% of the 40 000 respondents"),
        []
    );
}

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
fn more_ways_news_writes_the_same_numbers() {
    for (de, en) in [
        // decades, Roman numerals, race times
        (
            "In den siebziger Jahren wuchs die Stadt.",
            "In the 1970s the city grew.",
        ),
        (
            "Die Autos der Fünfziger fahren noch.",
            "The cars of the 1950s still run.",
        ),
        ("Er wohnt im XXII. Bezirk.", "He lives in District 22."),
        ("Sie lief 2:21:31 Stunden.", "She ran 2:21.31."),
        // month ranges in both languages
        (
            "Von Januar bis März stiegen die Preise.",
            "From January to March prices rose.",
        ),
        (
            "Der Test läuft von Dezember bis nächsten Juni.",
            "The test runs from next December to June.",
        ),
        // names with figures, cents, feet and inches
        (
            "Der CAC verlor 1,4 Prozent.",
            "The CAC 40 lost 1.4 percent.",
        ),
        ("Der Liter kostet 30 Cent.", "A litre costs 0.30 euros."),
        ("Er ist ein 2 m großer Spieler.", "He is a 6'7\" player."),
        // a scale a few words away, signs in words
        (
            "Die 750 von Europa mobilisierten Milliarden reichen.",
            "The 750 billion mobilised by Europe suffice.",
        ),
        (
            "Es wird -5 bis -10 °C kalt.",
            "It gets five to ten degrees below zero.",
        ),
        ("Es hat minus 3 Grad.", "It is -3 degrees."),
        // numbers words hold
        (
            "Sie erreichten das Achtelfinale.",
            "They reached the last 16.",
        ),
        ("Die Hälfte der Kunden ging.", "50% of the customers left."),
        // range shorthand, minutes after Uhr, a gloss after a unit
        (
            "Häuser um 50-100.000 Euro",
            "houses for 50,000 to 100,000 euros",
        ),
        ("Um 5 Uhr 13 fährt der Zug.", "The train leaves at 5.13."),
        (
            "Ein zusätzliches Zoll (2,54 cm) hilft.",
            "An extra inch helps.",
        ),
        // a list of names left as it is
        (
            "Winston Churchill, Ava Gardner, Frank Sinatra.",
            "Winston Churchill, Ava Gardner, Frank Sinatra.",
        ),
        // a stray space in a figure
        ("Es kostet 80000 Kronen.", "It costs 80, 000 crowns."),
    ] {
        let got = findings(de, en);
        assert!(
            got.iter().all(|&(_, s)| s == Warning),
            "{de} | {en}: {got:?}"
        );
    }
}

#[test]
fn weak_one_sided_figures_in_more_shapes() {
    for (de, en) in [
        (
            "Der Schaden beträgt mehrere 10 Millionen Kronen.",
            "The damage is tens of millions of crowns.",
        ),
        (
            "Sie essen rein pflanzlich.",
            "They eat a 100% vegetable diet.",
        ),
        (
            "Zum diesjährigen Wettbewerb kamen viele.",
            "Many came to the 2010 competition.",
        ),
        (
            "Sie kam 1956 an und wurde im Herbst 1956 Mitglied.",
            "She arrived in 1956 and became a member by autumn.",
        ),
        (
            "Es fehlen 17 Milliarden Dollar.",
            "17 billion dollars (almost 300 billion crowns) are missing.",
        ),
    ] {
        let got = findings(de, en);
        assert!(
            got.iter().all(|&(_, s)| s == Warning),
            "{de} | {en}: {got:?}"
        );
    }
    // A changed race time or a changed month range is still an error.
    assert_eq!(
        findings("Sie lief 2:21:31 Stunden.", "She ran 2:25.31."),
        [(NumberMismatch, Error)]
    );
    assert_eq!(
        findings(
            "Von Januar bis März stiegen die Preise.",
            "From January to May prices rose."
        ),
        [(DateMismatch, Error)]
    );
    assert_eq!(
        findings("Es hat minus 3 Grad.", "It is 3 degrees."),
        [(NumberMismatch, Error)]
    );
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

#[test]
fn references_footnotes_lists_and_fractions() {
    for (de, en) in [
        (
            "Im Kino der 50er und 60er Jahre.",
            "In the cinema of the 50's and 60's.",
        ),
        (
            "Der Rest erreicht nicht einmal die 20er-Grenze.",
            "The rest does not reach the 20.",
        ),
        (
            "Gemäß § 117 Absatz 2 AO leisten sie Amtshilfe.",
            "Under Article 117.2 of the Code they provide assistance.",
        ),
        (
            "Im Jahre 200620 empfahl die Kommission mehr Sorgfalt.",
            "In its report of 2006 the Commission recommended more care.",
        ),
        (
            "Tesco erhöht um fast ein Fünftel.",
            "Tesco is up by almost 20 percent.",
        ),
        (
            "Das Bad ist 365 Tage im Jahr geöffnet.",
            "The spa is open every day of the year.",
        ),
        (
            "2. Die Amtshilfe wird nur auf Antrag geleistet;",
            "2. assistance is provided only upon request;",
        ),
    ] {
        let got = findings(de, en);
        assert!(
            got.iter().all(|&(_, s)| s == Warning),
            "{de} | {en}: {got:?}"
        );
    }
    // A year is still not its decade.
    assert_eq!(
        findings("Mitte der 1990er wechselte er.", "He switched in 1990."),
        [(NumberMismatch, Error)]
    );
}
