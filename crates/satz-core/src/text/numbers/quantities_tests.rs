//! Tests of the quantity reader and comparison.
use super::*;

fn vals(text: &str, lang: NumLang) -> Vec<(f64, bool)> {
    find_quantities(text, lang)
        .iter()
        .map(|q| (q.shown_value(), q.optional))
        .collect()
}

fn diff(de: &str, en: &str) -> (Vec<String>, Vec<String>) {
    let d = compare_quantities(de, NumLang::De, en, NumLang::En);
    (
        d.source.into_iter().map(|q| q.text).collect(),
        d.target.into_iter().map(|q| q.text).collect(),
    )
}

fn same(de: &str, en: &str) {
    assert_eq!(diff(de, en), (vec![], vec![]), "{de} | {en}");
}

#[test]
fn equal_quantities() {
    same("etwa 10'000 Soldaten", "about 10,000 soldiers");
    same("etwa 10.000 Soldaten", "about 10 000 soldiers");
    same("5,5 Prozent", "5.5%");
    same("bis zu 5,5 Milliarden Dollar", "up to $5.5 billion");
    same("bis zu 5,5 Milliarden Dollar", "up to $5,500,000,000");
    same("122-mm-Granaten", "122mm shells");
    same("122-mm-Granaten", "122 mm shells");
    same("am 6. Januar", "on January 6");
    same("am 6. Januar", "on 6 January");
    same("am 6. Januar", "on the 6th of January");
    same("im Jahr 1977", "in 1977");
    same("3 Prozent", "3 per cent");
    same("drei Soldaten", "three soldiers");
    same("drei Soldaten", "3 soldiers");
    same("zwölf Länder", "twelve countries");
    same("ein Soldat und eine Frau", "one soldier and a woman");
    same("Hwasong-11-Klasse", "Hwasong-11 class");
    same("2 1/2 Jahre", "2½ years");
    same("zweieinhalb Jahre", "two and a half years");
    same("zweieinhalb Jahre", "2.5 years");
    same("in den 1990er-Jahren", "in the 1990s");
    same("in den 90er-Jahren", "in the 1990s");
    same("in den 1990er-Jahren", "in the '90s");
    same("2023-2024", "2023-24");
    same("im Winter 1954/55", "in the winter of 1954-55");
    same("am 18.05.1956", "on 18 May 1956");
    same("um 14.30 Uhr", "at 2.30pm");
    same("um 14:30 Uhr", "at 14:30");
    same("um 20 Uhr", "at 8 p.m.");
    same("eine Milliarde Dollar", "$1 billion");
    same("zwei Millionen Menschen", "2 million people");
    same("ein Drei-Punkte-Plan", "a plan in three points");
    same("ein dreijähriges Kind", "a three-year-old child");
    same("ein dreijähriges Kind", "a child of three years");
    same("zweimal", "two times");
    same("Er gab Acht.", "He paid attention.");
    same("Die deutsche Elf", "The German team");
    same("Acht Soldaten", "Eight soldiers");
    same(
        "Dezember 2024 20'000 Container",
        "December 2024, 20,000 containers",
    );
    same("um 9 Uhr", "at 9 in the morning");
    same("Die beiden Koreas", "The two Koreas");
    same("Die zwei Länder", "Both countries");
    same("Die 1. Liga", "The first division");
    same("Der zweite Versuch", "The 2nd attempt");
}

#[test]
fn different_quantities() {
    assert_eq!(
        diff("10'000 Soldaten", "1,000 soldiers"),
        (vec!["10'000".into()], vec!["1,000".into()])
    );
    assert_eq!(
        diff("5,5 Milliarden", "5.5 million"),
        (vec!["5,5".into()], vec!["5.5".into()])
    );
    // German Billion against English billion: a pair of its own.
    let d = compare_quantities(
        "1 Billion Euro",
        NumLang::De,
        "1 billion euros",
        NumLang::En,
    );
    assert!(d.source.is_empty() && d.target.is_empty());
    assert_eq!(d.weak_pairs.len(), 1);
    assert_eq!(d.weak_pairs[0].2, WeakPair::GermanBillion);
    assert_eq!(
        diff("drei Soldaten", "four soldiers"),
        (vec!["drei".into()], vec!["four".into()])
    );
    assert_eq!(
        diff("im Jahr 1977", "in 1979"),
        (vec!["1977".into()], vec!["1979".into()])
    );
    // German decimals copied into English match, written the German way.
    assert_eq!(diff("5,5 Prozent", "5,5 per cent"), (vec![], vec![]));
    let d = compare_quantities("5,5 Prozent", NumLang::De, "5,5 per cent", NumLang::En);
    assert_eq!(d.foreign_format.len(), 1);
    assert_eq!(d.foreign_format[0].text, "5,5");
    assert_eq!(
        diff("um 14.30 Uhr", "at 3.30pm"),
        (vec!["14.30".into()], vec!["3.30".into()])
    );
    assert_eq!(diff("", "in 2024"), (vec![], vec!["2024".into()]));
}

#[test]
fn spelled_numbers_above_twelve_and_spelled_ordinals() {
    same("vor zwanzig Jahren", "20 years ago");
    same("Einundzwanzig Soldaten", "21 soldiers");
    same("rund dreihundert Menschen", "around 300 people");
    same("zweitausendvierundzwanzig", "2024");
    same("40 Minuten", "forty minutes");
    same("44 Minuten", "forty-four minutes");
    same("zwanzig Millionen", "20 million");
    same("400 Mio. Euro", "four hundred million euros");
    same("600000 Autofahrer", "Six hundred thousand drivers");
    same("70000 Slowaken", "70 thousand Slovaks");
    same("7 Milliarden Menschen", "7 thousand million human beings");
    same("für eineinhalb Tausend", "for one and a half thousand");
    same("seit eineinhalb Jahren", "for one and a half years");
    same("seit eineinhalb Jahren", "for 1.5 years");
    same("seit eineinhalb Monaten", "for a month and a half");
    same(
        "die anderthalbstündige Führung",
        "the one and a half hour tour",
    );
    same(
        "rund 150 Nachahmer",
        "little more than one hundred and fifty",
    );
    same("666", "six hundred and sixty six");
    same("244 Kilometer", "two hundred forty-four kilometers");
    same(
        "zweitausend Kilo und zwei Personen",
        "two thousand kilos and two people",
    );
    same("einhunderttausend Personen", "one hundred thousand people");
    same(
        "Einhundert Millionen fehlen",
        "a hundred million is lacking",
    );
    same("2500", "two thousand five hundred");
    same(
        "einige hundert Demonstranten",
        "several hundred demonstrators",
    );
    same("mehrere tausend Lichtjahre", "thousands of light years");
    same("mit Mitte fünfzig", "in her mid-fifties");
    same("Nach dreissig Jahren", "After three decades");
    same("seit zwei Jahrhunderten", "for 200 years");
    same(
        "Die Regierung feiert ihre ersten hundert Tage.",
        "The government marks its first hundred days.",
    );
    same(
        "Bis 2030 tausend neue Windräder.",
        "By 2030, a thousand new wind turbines.",
    );
    same("Es gibt 200 Bio-Betriebe.", "There are 200 organic farms.");
    same(
        "Die Zahl der Arbeitslosen stieg um 50.000 auf 2,5 Millionen.",
        "The number of unemployed rose by 50,000 to 2.5 million.",
    );
    same(
        "stieg von 800.000 auf 1,2 Millionen",
        "rose from 800,000 to 1,200,000",
    );
    same("auf 2,5 bis 3 Milliarden Euro", "at 2.5 to 3 billion euros");
    same(
        "Zehntausender Tonnen Munition",
        "tens of thousand tons of ammunition",
    );
    same("die 200000 Soldaten", "the two-hundred-thousand soldiers");
    same("in einem Jahrhundert", "in a hundred years");
    same(
        "Der Umsatz sank um 300 auf 1,2 Millionen Franken.",
        "Sales fell by 300 to 1.2 million francs.",
    );
    same(
        "Zwischen 5000 und 6000 Menschen",
        "Between five thousand and six thousand people",
    );
    same(
        "200 bis 300 Menschen",
        "two hundred and three hundred people",
    );
    same(
        "Er gewann zum zweiten Mal in Folge, zum ersten Mal seit 2010.",
        "He won for a second straight year, the first time since 2010.",
    );
    same("Jede dritte Person", "One in three people");
    same("Das Spiel endete 0:0.", "The match ended goalless.");
    same("um halb neun", "at 8.30am");
    same("um halb eins", "at 12.30pm");
    same("um Viertel nach acht", "at 8.15am");
    same("um Viertel vor neun", "at a quarter to nine");
    same("um Viertel vor neun", "at 8.45am");
    same("um 20.30 Uhr", "at half past eight");
    same("40 Mio. Franken", "CHF 40m");
    same("40 Millionen Franken", "40,000,000 francs");
    same("2 Millionen Einwohner", "2m inhabitants");
    same("5 Meter", "5m");
    same("2,5 Mrd. €", "€2.5bn");
    same(
        "von 4,2 auf 4,1 Milliarden Dollar",
        "to $4.1 billion from $4.2 billion",
    );
    same(
        "zwischen 1,2 und 1,4 Milliarden",
        "1.2 billion to 1.4 billion",
    );
    same("12 bis 16 Tausend Rubel", "from 12,000 to 16,000 rubles");
    same("Das 325-Millionen-Dollar-Paket", "The $325 million package");
    same(
        "bis 2015 auf 20 Milliarden Euro",
        "to 20 billion euros by 2015",
    );
    same("im Jahr 2009 auf eine Billion", "to a trillion in 2009");
    same("150 Millionen Kronen", "the 150-million-crown campaign");
    same("zum fünfzigsten Mal", "for the 50th time");
    same("der 75. Jahrestag", "the seventy-fifth anniversary");
    same("der 21. Jahrestag", "the twenty-first anniversary");
    same("die dreizehnjährige Tochter", "his 13-year-old daughter");
    same("zum ersten Mal", "for the 1st time");
    assert_eq!(
        diff("vor dreissig Jahren", "13 years ago"),
        (vec!["dreissig".into()], vec!["13".into()])
    );
    assert_eq!(
        diff("45 Minuten", "forty-four minutes"),
        (vec!["45".into()], vec!["forty-four".into()])
    );
    assert_eq!(
        diff("zweieinhalb Jahre", "three and a half years"),
        (vec!["zweieinhalb".into()], vec!["three and a half".into()])
    );
    // Spelled ordinals are compared when both sides have one.
    assert_eq!(
        diff("zum vierten Mal", "for the third time"),
        (vec!["vierten".into()], vec!["third".into()])
    );
    same("zum vierten Mal", "for the fourth time");
    same(
        "Im ersten Halbjahr sank der Umsatz um ein Zehntel.",
        "In the first half of the year, turnover fell by a tenth.",
    );
    same("zum zweiten Mal", "for a second time");
    assert_eq!(
        diff(
            "Drei Viertel der Gemeinden",
            "Two-thirds of the municipalities"
        ),
        (vec!["Drei".into()], vec![])
    );
    same("der einundzwanzigste Sieg", "the twenty-first win");
    same("die erste und die 2. Etappe", "the first and second stages");
    // A million on one side only must be the other side's value.
    assert_eq!(
        diff("40 Mio. Franken", "40 francs"),
        (vec!["40".into()], vec!["40".into()])
    );
    assert_eq!(
        diff("ein Verlust von 2,5 Mrd. €", "a loss of €2.5m"),
        (vec!["2,5".into()], vec!["2.5".into()])
    );
    // The seventeen of an English text is not a seven.
    assert_eq!(
        diff("sieben Soldaten", "seventeen soldiers"),
        (vec!["sieben".into()], vec!["seventeen".into()])
    );
}

#[test]
fn readings() {
    assert_eq!(vals("zwei Millionen", NumLang::De), vec![(2e6, false)]);
    assert_eq!(
        vals("am 18.05.1956", NumLang::De),
        vec![(18.0, false), (5.0, false), (1956.0, false)]
    );
    assert_eq!(vals("three-year-old", NumLang::En), vec![(3.0, true)]);
    assert_eq!(vals("twenty-one-year-old", NumLang::En), vec![(21.0, true)]);
    assert_eq!(vals("twenty-first", NumLang::En), vec![]);
    assert_eq!(vals("one", NumLang::En), vec![]);
    assert_eq!(vals("a hundred", NumLang::En), vec![(100.0, false)]);
    assert_eq!(vals("one million", NumLang::En), vec![(1e6, false)]);
    // One quantity: the scale word is not read again as a number.
    assert_eq!(vals("zwei hundert", NumLang::De), vec![(200.0, false)]);
    assert_eq!(vals("1/2", NumLang::En), vec![(0.5, false)]);
    assert_eq!(vals("24/7", NumLang::En), vec![(24.0, false), (7.0, false)]);
    let t = find_quantities("um 14.30 Uhr", NumLang::De);
    assert_eq!(t[0].kind, QuantityKind::Time);
    assert_eq!(t[0].values, vec![870.0]);
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_are_valid(s in "\\PC{0,60}", t in "[0-9.,:/'½ \\-a-zA-Z]{0,40}") {
        for text in [&s, &t] {
            for lang in [NumLang::De, NumLang::En, NumLang::Fr] {
                for q in find_quantities(text, lang) {
                    proptest::prop_assert!(q.start < q.end && q.end <= text.len());
                    proptest::prop_assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
                }
            }
        }
        let _ = compare_quantities(&s, NumLang::De, &t, NumLang::En);
    }

    /// Sentences made of number words, ordinals, scales, clock words and
    /// joins: every quantity's span is its text, and a text compared with
    /// itself leaves nothing over.
    #[test]
    fn number_word_sentences_have_valid_spans_and_match_themselves(
        words in proptest::collection::vec(proptest::sample::select(vec![
            "zwei", "zwanzig", "einundzwanzig", "dreihundert", "hundert", "Tausend", "Millionen",
            "Mio.", "eineinhalb", "zweiten", "dritte", "halb", "Viertel", "nach", "vor", "neun",
            "und", "bis", "von", "auf", "einige", "minus", "0:0", "4,2", "12", "2015", "-", "–",
            "two", "twenty", "twenty-one", "hundred", "thousand", "million", "a", "one", "and",
            "half", "past", "quarter", "to", "third", "first", "twenty-first", "fifties", "€2.5m",
            "CHF", "40m", "7", "0", ",", ".", "Der", "the",
        ]), 0..16),
        seps in proptest::collection::vec(proptest::sample::select(vec![" ", "-", ", ", "  "]), 16),
    ) {
        let mut text = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                text.push_str(seps[i % seps.len()]);
            }
            text.push_str(w);
        }
        for lang in [NumLang::De, NumLang::En] {
            for q in find_quantities(&text, lang) {
                proptest::prop_assert!(q.start < q.end && q.end <= text.len());
                proptest::prop_assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()));
            }
            let d = compare_quantities(&text, lang, &text, lang);
            proptest::prop_assert!(d.is_empty(), "{:?} against itself: {:?}", text, d);
        }
    }
}

#[test]
fn feet_and_inches_with_typographic_marks_keep_char_boundaries() {
    // Regression: the inch mark `”` is three bytes, not one.
    for text in ["He is 6’7” tall.", "He is 6'7\" tall.", "0’0”"] {
        let qs = find_quantities(text, NumLang::En);
        for q in &qs {
            assert_eq!(text.get(q.start..q.end), Some(q.text.as_str()), "{text}");
        }
    }
    let qs = find_quantities("He is 6’7” tall.", NumLang::En);
    assert_eq!(qs.len(), 1);
    assert_eq!(qs[0].text, "6’7”");
    assert!((qs[0].values[0] - (6.0 + 7.0 / 12.0)).abs() < 1e-9);
}
