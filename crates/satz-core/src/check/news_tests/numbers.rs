//! News translations' figures: units converted for English readers, clock
//! times, halves and dozens, ranges, figures written the German way, and
//! what a translator rightly does with a number.

use super::*;
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
