//! Regression tests with hand-made news sentences, invariants and property
//! tests.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::*;
use proptest::prelude::*;

fn de(text: &str) -> Vec<&str> {
    Segmenter::new(Lang::De).sentences(text)
}

fn en(text: &str) -> Vec<&str> {
    Segmenter::new(Lang::En).sentences(text)
}

/// Asserts that `text` splits into exactly `expected` (German).
#[track_caller]
fn check_de(text: &str, expected: &[&str]) {
    assert_eq!(de(text), expected, "input: {text:?}");
    check_invariants(text, &Segmenter::new(Lang::De).split(text));
}

/// Asserts that `text` splits into exactly `expected` (English).
#[track_caller]
fn check_en(text: &str, expected: &[&str]) {
    assert_eq!(en(text), expected, "input: {text:?}");
    check_invariants(text, &Segmenter::new(Lang::En).split(text));
}

// ---------------------------------------------------------------- German news

#[test]
fn de_blinken_quote_two_sentences() {
    check_de(
        "US-Aussenminister Antony Blinken warnte am 6. Januar: «Nordkorea erhält bereits russische Militärausrüstung und Ausbildung», sagte er. «Nun haben wir Grund zu der Annahme, dass Moskau beabsichtigt, fortschrittliche Weltraum- und Satellitentechnologie mit Pjöngjang zu teilen.»",
        &[
            "US-Aussenminister Antony Blinken warnte am 6. Januar: «Nordkorea erhält bereits russische Militärausrüstung und Ausbildung», sagte er.",
            "«Nun haben wir Grund zu der Annahme, dass Moskau beabsichtigt, fortschrittliche Weltraum- und Satellitentechnologie mit Pjöngjang zu teilen.»",
        ],
    );
}

#[test]
fn de_mig29_one_sentence() {
    let s = "Das modernste Kampfflugzeug der nordkoreanischen Luftwaffe – die MiG-29 – wurde im Jahr 1977 entwickelt, das Gros ihrer Ausrüstung ist gar noch älter.";
    check_de(s, &[s]);
}

#[test]
fn de_year_at_sentence_end_is_boundary() {
    check_de(
        "Das Flugzeug wurde im Jahr 1977 entwickelt. Das Gros der Ausrüstung ist älter.",
        &[
            "Das Flugzeug wurde im Jahr 1977 entwickelt.",
            "Das Gros der Ausrüstung ist älter.",
        ],
    );
    check_de(
        "Die Kämpfe endeten im Jahr 1953. Der Konflikt ist eingefroren.",
        &[
            "Die Kämpfe endeten im Jahr 1953.",
            "Der Konflikt ist eingefroren.",
        ],
    );
}

#[test]
fn de_dates_are_not_boundaries() {
    let s = "Die Abstimmung findet am 6. Januar statt, die Auszählung am 6. 1. 2025 abends.";
    check_de(s, &[s]);
    let s = "Die Ausgrabungszeit dauert vom 2. Juli bis 13. August.";
    check_de(s, &[s]);
    check_de(
        "Sie spielen am Samstag, dem 10. Juni. Das letzte Spiel war spannend.",
        &[
            "Sie spielen am Samstag, dem 10. Juni.",
            "Das letzte Spiel war spannend.",
        ],
    );
}

#[test]
fn de_ordinals_before_nouns() {
    let s =
        "Im 19. Jahrhundert begann die Industrialisierung, der 2. Weltkrieg brachte Zerstörung.";
    check_de(s, &[s]);
    let s = "Das Restaurant im 6. Stock ist neu, und in der 4. Klasse lernen sie Französisch.";
    check_de(s, &[s]);
    let s = "Trudeau wird den 45. Präsidenten der Vereinigten Staaten treffen.";
    check_de(s, &[s]);
    let s = "Wir haben den Gutschein zum 67. meines Vaters eingelöst.";
    check_de(s, &[s]);
}

#[test]
fn de_roman_numerals() {
    check_de(
        "Friedrich II. regierte Preussen lange. Er starb 1786.",
        &["Friedrich II. regierte Preussen lange.", "Er starb 1786."],
    );
    let s = "Papst Benedikt XVI. trat 2013 zurück.";
    check_de(s, &[s]);
}

#[test]
fn de_numbers_with_points_and_swiss_numbers() {
    check_de(
        "Der Umsatz stieg um 3.5 Prozent auf 10.000 Franken. Das ist ein Rekord.",
        &[
            "Der Umsatz stieg um 3.5 Prozent auf 10.000 Franken.",
            "Das ist ein Rekord.",
        ],
    );
    check_de(
        "Kim opfert also 10'000 nordkoreanische Soldaten. Er wird von Putin hofiert.",
        &[
            "Kim opfert also 10'000 nordkoreanische Soldaten.",
            "Er wird von Putin hofiert.",
        ],
    );
}

#[test]
fn de_abbreviations_with_and_without_space() {
    let s =
        "Laut Prof. Dr. Müller sind z. B. Äpfel und z.B. Birnen gesund, d. h. man soll sie essen.";
    check_de(s, &[s]);
    let s = "Der Konzern meldete 2,5 Mio. Franken Gewinn bzw. ca. 3 Mrd. Euro Umsatz.";
    check_de(s, &[s]);
    let s = "Gemäss Art. 5 Abs. 2 der Verordnung (vgl. Nr. 7) gilt dies evtl. auch inkl. Zuschlag.";
    check_de(s, &[s]);
    let s = "Die vier Orte St. Pankraz, St. Walburg und St. Gertraud liegen im Tal.";
    check_de(s, &[s]);
}

#[test]
fn de_final_abbreviations() {
    check_de(
        "Er kaufte Äpfel, Birnen usw. Der Händler freute sich.",
        &["Er kaufte Äpfel, Birnen usw.", "Der Händler freute sich."],
    );
    let s = "Im 5. Jahrhundert v. Chr. lebten dort Kelten, u. a. Helvetier.";
    check_de(s, &[s]);
    check_de(
        "Die Stadt wurde 833 n. Chr. erobert. Danach wuchs sie.",
        &["Die Stadt wurde 833 n. Chr. erobert.", "Danach wuchs sie."],
    );
}

#[test]
fn de_initials() {
    check_de(
        "J. F. Kennedy wurde 1963 ermordet. Die Welt trauerte.",
        &["J. F. Kennedy wurde 1963 ermordet.", "Die Welt trauerte."],
    );
}

#[test]
fn de_quotes_guillemets_and_low_high() {
    check_de(
        "«Nun haben wir Grund.» sagte er. Dann ging er.",
        &["«Nun haben wir Grund.» sagte er.", "Dann ging er."],
    );
    check_de(
        "„Wir haben genug getan.“ Der Minister schwieg.",
        &["„Wir haben genug getan.“", "Der Minister schwieg."],
    );
    check_de(
        "Er sagte: „Das ist gut.“ Alle nickten.",
        &["Er sagte: „Das ist gut.“", "Alle nickten."],
    );
    let s = "«Kommst du?» fragte sie.";
    check_de(s, &[s]);
    check_de(
        "Er nannte es ‹einen Fehler›. Sie widersprach.",
        &["Er nannte es ‹einen Fehler›.", "Sie widersprach."],
    );
}

#[test]
fn de_quote_after_colon_and_names_in_quotes() {
    let s = "Die US-Zeitung «Wall Street Journal» (WSJ) berichtete, dass Nordkorea im Dezember 2024 20'000 Container mit Munition an Putin geschickt hat.";
    check_de(s, &[s]);
}

#[test]
fn de_dash_led_speech() {
    check_de(
        "– Kommst du mit? – Nein, ich bleibe hier. – Schade.",
        &["– Kommst du mit?", "– Nein, ich bleibe hier.", "– Schade."],
    );
}

#[test]
fn de_brackets() {
    check_de(
        "Die Firma expandiert. (Der Entscheid fiel im Mai.) Danach folgt die Umsetzung.",
        &[
            "Die Firma expandiert.",
            "(Der Entscheid fiel im Mai.)",
            "Danach folgt die Umsetzung.",
        ],
    );
    let s = "Das Hotel (mit freundlichem Personal!) bietet auch Massagen an.";
    check_de(s, &[s]);
}

#[test]
fn de_ellipses() {
    check_de(
        "Er wartete und wartete … Dann ging er.",
        &["Er wartete und wartete …", "Dann ging er."],
    );
    let s = "Ich hatte mich gefreut... aber es kam anders.";
    check_de(s, &[s]);
}

#[test]
fn de_strong_punctuation() {
    check_de(
        "Wirklich?! Das glaube ich nicht! Wer sagt das?",
        &["Wirklich?!", "Das glaube ich nicht!", "Wer sagt das?"],
    );
}

#[test]
fn de_urls_and_mail() {
    check_de(
        "Mehr Infos gibt es auf www.example.ch. Dort steht alles.",
        &[
            "Mehr Infos gibt es auf www.example.ch.",
            "Dort steht alles.",
        ],
    );
    check_de(
        "Schreiben Sie an info@example.ch. Wir antworten rasch.",
        &["Schreiben Sie an info@example.ch.", "Wir antworten rasch."],
    );
    let s = "Die Seite https://www.admin.ch/gov/de/start.html?x=1 ist offiziell.";
    check_de(s, &[s]);
}

#[test]
fn de_headline_and_byline_lines() {
    check_de(
        "Putin verliert sein Gesicht\nKim Jong Un schickt Russland Kanonenfutter.",
        &[
            "Putin verliert sein Gesicht",
            "Kim Jong Un schickt Russland Kanonenfutter.",
        ],
    );
    check_de(
        "Patrick Diekmann / t-online\nEs sind immer noch sehr seltene Bilder.",
        &[
            "Patrick Diekmann / t-online",
            "Es sind immer noch sehr seltene Bilder.",
        ],
    );
    check_de(
        "Zwei blutrünstige Despoten. Bild: keystone\n«Wir kommen», sagte er.",
        &[
            "Zwei blutrünstige Despoten.",
            "Bild: keystone",
            "«Wir kommen», sagte er.",
        ],
    );
}

#[test]
fn de_line_ending_with_colon_or_comma_joins() {
    let s = "Er sagte:\n«Wir kommen morgen.»";
    check_de(s, &[s]);
    let s = "Die Ware wurde geliefert,\nDie Rechnung folgt.";
    check_de(s, &[s]);
}

#[test]
fn de_hard_wrapped_paragraph_is_joined() {
    let text = "Die Wahrheit hinter der Propaganda ist\nbitter. Die Touristen erleben Touren, die\nNordkorea modern darstellen.";
    check_de(
        text,
        &[
            "Die Wahrheit hinter der Propaganda ist\nbitter.",
            "Die Touristen erleben Touren, die\nNordkorea modern darstellen.",
        ],
    );
}

#[test]
fn de_blank_line_starts_new_paragraph() {
    let text = "Erster Absatz ohne Punkt\n\nZweiter Absatz. Mit zwei Sätzen.\n \t\nDritter";
    let seg = Segmenter::new(Lang::De);
    let spans = seg.split(text);
    let got: Vec<(&str, usize)> = spans.iter().map(|s| (s.text(text), s.paragraph)).collect();
    assert_eq!(
        got,
        vec![
            ("Erster Absatz ohne Punkt", 0),
            ("Zweiter Absatz.", 1),
            ("Mit zwei Sätzen.", 1),
            ("Dritter", 2),
        ]
    );
    check_invariants(text, &spans);
}

#[test]
fn de_enumerations() {
    check_de(
        "Die Punkte sind klar. 2. Soziale Bewegungen spielen eine Rolle.",
        &[
            "Die Punkte sind klar.",
            "2. Soziale Bewegungen spielen eine Rolle.",
        ],
    );
}

#[test]
fn de_number_before_capital_after_plain_word() {
    check_de(
        "Er wurde 1977 geboren. 1980 zog er nach Bern.",
        &["Er wurde 1977 geboren.", "1980 zog er nach Bern."],
    );
    check_de(
        "Die Zahl der Opfer stieg auf 45. Präsident Biden äusserte sich.",
        &[
            "Die Zahl der Opfer stieg auf 45.",
            "Präsident Biden äusserte sich.",
        ],
    );
}

#[test]
fn de_emoticons_end_sentences() {
    check_de(
        "Kann ich nur weiterempfehlen ;-) So eben war ich wieder dort.",
        &[
            "Kann ich nur weiterempfehlen ;-)",
            "So eben war ich wieder dort.",
        ],
    );
    check_de(
        "Toller Service. :) Wir kommen wieder.",
        &["Toller Service. :)", "Wir kommen wieder."],
    );
}

#[test]
fn de_seed_article_paragraph() {
    check_de(
        "Kims Truppen wussten angeblich nicht einmal, in welches Land sie gebracht wurden. Sie sind überfordert, schiessen teilweise auf russische Stellungen. Und bevor sie in Gefangenschaft geraten, müssen sie sich selbst töten.",
        &[
            "Kims Truppen wussten angeblich nicht einmal, in welches Land sie gebracht wurden.",
            "Sie sind überfordert, schiessen teilweise auf russische Stellungen.",
            "Und bevor sie in Gefangenschaft geraten, müssen sie sich selbst töten.",
        ],
    );
    check_de(
        "Eher minderwertige Munition wie 122-mm- und 152-mm-Artilleriegranaten. Bisher soll Nordkorea laut «WSJ» bis zu 5,5 Milliarden Dollar verdient haben.",
        &[
            "Eher minderwertige Munition wie 122-mm- und 152-mm-Artilleriegranaten.",
            "Bisher soll Nordkorea laut «WSJ» bis zu 5,5 Milliarden Dollar verdient haben.",
        ],
    );
}

#[test]
fn de_gsd_style_quotes() {
    check_de(
        "Das ist vielschichtig. ``Leider gibt es keine Lösung'', sagte er. ``Wir prüfen das.''",
        &[
            "Das ist vielschichtig.",
            "``Leider gibt es keine Lösung'', sagte er.",
            "``Wir prüfen das.''",
        ],
    );
}

#[test]
fn de_user_rules() {
    let rules = UserRules::from_toml_str(
        "[de]\nabbreviations = [\"Bst.\"]\nno_break_before = [\"Vereinsjubiläum\"]\n",
    )
    .unwrap();
    let seg = Segmenter::with_rules(Lang::De, &rules);
    let s = "Der Bst. Meier kam. Sie feierten 100. Vereinsjubiläum mit Musik.";
    assert_eq!(
        seg.sentences(s),
        vec![
            "Der Bst. Meier kam.",
            "Sie feierten 100. Vereinsjubiläum mit Musik."
        ]
    );
    // Without the rules both periods are boundaries.
    assert_eq!(de(s).len(), 4);
    // The English section does not affect German.
    let en_only = UserRules::from_toml_str("[en]\nabbreviations = [\"Bst.\"]\n").unwrap();
    assert_eq!(
        Segmenter::with_rules(Lang::De, &en_only).sentences(s).len(),
        4
    );
}

#[test]
fn de_addresses_titles_brands() {
    check_de(
        "Er wohnt an der Bahnhofstr. 5 in Bern. Die Wohnung ist klein.",
        &[
            "Er wohnt an der Bahnhofstr. 5 in Bern.",
            "Die Wohnung ist klein.",
        ],
    );
    let s = "Dr. med. Hans Müller und Dipl.-Ing. Eva Meier kamen.";
    check_de(s, &[s]);
    check_de(
        "Er kaufte ein Handy. iPhones sind teuer.",
        &["Er kaufte ein Handy.", "iPhones sind teuer."],
    );
}

#[test]
fn de_currency_and_weekday_abbreviations() {
    check_de(
        "Das kostet 7 Fr. Die Preise steigen. Er erhielt 2000 Fr. Entschädigung.",
        &[
            "Das kostet 7 Fr.",
            "Die Preise steigen.",
            "Er erhielt 2000 Fr. Entschädigung.",
        ],
    );
    let s = "Geöffnet Mo. bis Fr. von 8 bis 17 Uhr, der Bund zahlt 5 Mia. Franken.";
    check_de(s, &[s]);
}

#[test]
fn de_ranks_and_clubs() {
    check_de(
        "Sie ist 3. geworden. Er landete auf Platz 3. Die Siegerin jubelte. Der 1. FC Köln gewann.",
        &[
            "Sie ist 3. geworden.",
            "Er landete auf Platz 3.",
            "Die Siegerin jubelte.",
            "Der 1. FC Köln gewann.",
        ],
    );
}

#[test]
fn de_dateline_and_list_after_colon() {
    check_de(
        "Bern, 6. Januar 2025\nDer Bundesrat hat entschieden.",
        &["Bern, 6. Januar 2025", "Der Bundesrat hat entschieden."],
    );
    check_de(
        "Die Vorteile:\n- Schnell\n- Günstig",
        &["Die Vorteile:", "- Schnell", "- Günstig"],
    );
}

#[test]
fn de_reversed_guillemets() {
    check_de(
        "»Ich komme morgen«, sagte er. »Bis dann.« Sie nickte.",
        &[
            "»Ich komme morgen«, sagte er.",
            "»Bis dann.«",
            "Sie nickte.",
        ],
    );
}

// ---------------------------------------------------------------- English

#[test]
fn en_titles_and_times() {
    check_en(
        "Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.",
        &[
            "Mr. Smith went to Washington.",
            "He arrived at 5 p.m. on Monday.",
        ],
    );
    check_en(
        "The meeting starts at 10 a.m. The CEO will speak.",
        &["The meeting starts at 10 a.m.", "The CEO will speak."],
    );
    check_en(
        "Gov. Brown signed the bill. Sen. Smith objected.",
        &["Gov. Brown signed the bill.", "Sen. Smith objected."],
    );
}

#[test]
fn en_us_at_sentence_end() {
    check_en(
        "He moved to the U.S. The move was hard.",
        &["He moved to the U.S.", "The move was hard."],
    );
    let s = "The U.S. Department of State and the U.K. government agreed.";
    check_en(s, &[s]);
    let s = "They evacuated U.S. citizens from the area.";
    check_en(s, &[s]);
}

#[test]
fn en_companies_and_latin() {
    check_en(
        "Apple Inc. reported profits. It grew, e.g. in China, i.e. in Asia.",
        &[
            "Apple Inc. reported profits.",
            "It grew, e.g. in China, i.e. in Asia.",
        ],
    );
    let s = "The closing price of Enron Corp. common stock fell.";
    check_en(s, &[s]);
}

#[test]
fn en_months_numbers_initials() {
    let s = "On Sept. 10, 2002, the rate was 3.5 percent.";
    check_en(s, &[s]);
    let s = "Bush nominated Jennifer M. Anderson and J. R. R. Tolkien fans cheered.";
    check_en(s, &[s]);
    check_en(
        "It happened in May. The rest is history.",
        &["It happened in May.", "The rest is history."],
    );
}

#[test]
fn en_quotes() {
    let s = "\"Why?\" she asked.";
    check_en(s, &[s]);
    check_en(
        "\"We staged this fair,\" he said. \"They can write anything.\"",
        &[
            "\"We staged this fair,\" he said.",
            "\"They can write anything.\"",
        ],
    );
    let s = "They want to extend a big \"Welcome!\" to Darin.";
    check_en(s, &[s]);
}

#[test]
fn en_lowercase_web_text() {
    check_en(
        "the food is mediocre at best. the waitress took forever.",
        &[
            "the food is mediocre at best.",
            "the waitress took forever.",
        ],
    );
    check_en(
        "where did you grow up? india?",
        &["where did you grow up?", "india?"],
    );
}

#[test]
fn en_degrees_streets_suffixes() {
    check_en(
        "She has a Ph.D. in physics. He earned his Ph.D. He then moved.",
        &[
            "She has a Ph.D. in physics.",
            "He earned his Ph.D.",
            "He then moved.",
        ],
    );
    let s = "I live on Elm St. in Boston and Washington, D.C. is the capital.";
    check_en(s, &[s]);
    check_en(
        "He met King Jr. He smiled. Smith & Co. Ltd. reported results.",
        &[
            "He met King Jr.",
            "He smiled.",
            "Smith & Co. Ltd. reported results.",
        ],
    );
}

#[test]
fn en_ellipsis_and_strong() {
    check_en(
        "Then he left... and never came back. Wait... What happened?",
        &[
            "Then he left... and never came back.",
            "Wait...",
            "What happened?",
        ],
    );
    check_en(
        "Dr. Who? Never heard of him. The results (see Fig. 3) were clear.",
        &[
            "Dr. Who?",
            "Never heard of him.",
            "The results (see Fig. 3) were clear.",
        ],
    );
}

#[test]
fn en_no_as_answer_and_number() {
    check_en(
        "No. I do not think so. See No. 5 on the list.",
        &["No.", "I do not think so.", "See No. 5 on the list."],
    );
}

#[test]
fn en_user_final_abbreviations() {
    let rules = UserRules::from_toml_str("[en]\nfinal_abbreviations = [\"Bldg.\"]\n").unwrap();
    let seg = Segmenter::with_rules(Lang::En, &rules);
    assert_eq!(
        seg.sentences("Meet at Bldg. Four. It is near Bldg. The lobby is open."),
        vec![
            "Meet at Bldg. Four.",
            "It is near Bldg.",
            "The lobby is open."
        ]
    );
}

// ---------------------------------------------------------------- misc API

#[test]
fn lang_parsing_and_display() {
    assert_eq!("de".parse::<Lang>().ok(), Some(Lang::De));
    assert_eq!("DE".parse::<Lang>().ok(), Some(Lang::De));
    assert_eq!("de-CH".parse::<Lang>().ok(), Some(Lang::De));
    assert_eq!("en_US".parse::<Lang>().ok(), Some(Lang::En));
    assert_eq!("En-gb".parse::<Lang>().ok(), Some(Lang::En));
    assert!("fr".parse::<Lang>().is_err());
    assert!("".parse::<Lang>().is_err());
    assert_eq!(Lang::De.to_string(), "de");
    assert_eq!(Lang::En.to_string(), "en");
}

#[test]
fn rules_parse_ok() {
    let r = UserRules::from_toml_str(
        "# comment\n[de]\nabbreviations = [\"Kdt.\", \"Bst.\"]\nno_break_before = [\"Jahrhundert\"]\n[en]\nabbreviations = [\"Gov.\"]\nfinal_abbreviations = [\"Bldg.\"]\n",
    )
    .unwrap();
    assert_eq!(r.de.abbreviations, vec!["Kdt.", "Bst."]);
    assert_eq!(r.de.no_break_before, vec!["Jahrhundert"]);
    assert_eq!(r.en.abbreviations, vec!["Gov."]);
    assert_eq!(r.en.final_abbreviations, vec!["Bldg."]);
    assert_eq!(UserRules::from_toml_str("").unwrap(), UserRules::default());
}

#[test]
fn rules_doc_example_parses() {
    let doc = include_str!("mod.rs");
    let start = doc.find("//! ```toml\n").unwrap() + "//! ```toml\n".len();
    let len = doc[start..].find("//! ```\n").unwrap();
    let toml: String = doc[start..start + len]
        .lines()
        .map(|l| l.trim_start_matches("//!").trim_start())
        .collect::<Vec<_>>()
        .join("\n");
    let r = UserRules::from_toml_str(&toml).unwrap();
    assert_eq!(r.de.abbreviations, vec!["Kdt.", "Bst."]);
    assert_eq!(r.de.final_abbreviations, vec!["Ztr."]);
    assert_eq!(r.de.no_break_before, vec!["Jahrhundert", "Saison"]);
    assert_eq!(r.en.abbreviations, vec!["Gov."]);
}

#[test]
fn rules_unknown_key_has_position() {
    let e = UserRules::from_toml_str("[de]\nabbreviations = [\"Kdt.\"]\n  foo = 1\n").unwrap_err();
    assert_eq!((e.line, e.column), (3, 3), "{e}");
    assert!(e.message.contains("foo"), "{e}");
    let e = UserRules::from_toml_str("[fr]\nabbreviations = []\n").unwrap_err();
    assert_eq!((e.line, e.column), (1, 2), "{e}");
    assert!(e.to_string().starts_with("line 1, column 2: "), "{e}");
}

#[test]
fn rules_bad_entries_have_position() {
    let e = UserRules::from_toml_str("[en]\nabbreviations = [\"Gov.\", \"Bldg\"]\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 26), "{e}");
    let e = UserRules::from_toml_str("[de]\nno_break_before = [\"zwei Wörter\"]\n").unwrap_err();
    assert_eq!((e.line, e.column), (2, 20), "{e}");
    let e = UserRules::from_toml_str("[de]\nabbreviations = \"Kdt.\"\n").unwrap_err();
    assert_eq!(e.line, 2, "{e}");
    let e = UserRules::from_toml_str("[de\n").unwrap_err();
    assert_eq!(e.line, 1, "{e}");
}

#[test]
fn empty_and_whitespace_inputs() {
    let seg = Segmenter::new(Lang::De);
    assert!(seg.split("").is_empty());
    assert!(seg.split(" \n\t\r\n ").is_empty());
    assert_eq!(seg.sentences("  Hallo  "), vec!["Hallo"]);
    assert_eq!(seg.sentences("..."), vec!["..."]);
}

#[test]
fn crlf_and_lone_cr() {
    let text = "Erster Satz.\r\n\r\nZweiter Satz.\rDritter Satz.";
    let spans = Segmenter::new(Lang::De).split(text);
    let got: Vec<(&str, usize)> = spans.iter().map(|s| (s.text(text), s.paragraph)).collect();
    assert_eq!(
        got,
        vec![
            ("Erster Satz.", 0),
            ("Zweiter Satz.", 1),
            ("Dritter Satz.", 1)
        ]
    );
}

#[test]
fn eval_scores_simple_block() {
    let seg = Segmenter::new(Lang::De);
    let block = eval::GoldBlock {
        text: "Äpfel sind gut. Birnen auch. Ende".to_string(),
        offsets: vec![(0, 28), (29, 33)],
    };
    let s = eval::evaluate(&seg, std::slice::from_ref(&block));
    assert_eq!(
        (s.true_positives, s.false_positives, s.false_negatives),
        (1, 1, 0)
    );
    assert_eq!(s.exact_sentences, 1);
    assert_eq!(s.exact_blocks, 0);
    assert!((s.precision() - 0.5).abs() < 1e-9);
    assert!((s.recall() - 1.0).abs() < 1e-9);
    let d = eval::diff_block(&seg, &block);
    assert_eq!((d.missed, d.spurious), (vec![], vec![16]));
    let ok = eval::GoldBlock {
        text: "Äpfel sind gut. Birnen auch.".to_string(),
        offsets: vec![(0, 15), (16, 28)],
    };
    let s = eval::evaluate(&seg, &[ok]);
    assert_eq!((s.exact_sentences, s.exact_blocks), (2, 1));
    assert!((s.f1() - 1.0).abs() < 1e-9);
}

// ---------------------------------------------------------------- invariants

/// Splits `s` into lines by `\n`, `\r\n` or a lone `\r`.
fn lines(s: &str) -> Vec<&str> {
    s.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .collect()
}

/// Number of line terminators in `s` (`\r\n` counts once).
fn line_breaks(s: &str) -> usize {
    s.replace("\r\n", "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\r')
        .count()
}

fn check_invariants(text: &str, spans: &[Sentence]) {
    let mut prev_end = 0;
    let mut prev_para: Option<usize> = None;
    for (k, s) in spans.iter().enumerate() {
        assert!(s.start < s.end, "empty span {k}: {s:?}");
        assert!(s.start >= prev_end, "overlap/order at {k}: {s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        let t = &text[s.start..s.end];
        assert_eq!(t, t.trim(), "span {k} not trimmed: {t:?}");
        let gap = &text[prev_end..s.start];
        assert!(gap.trim().is_empty(), "lost text {gap:?} before span {k}");
        let ls = lines(t);
        for l in ls.iter().skip(1).take(ls.len().saturating_sub(2)) {
            assert!(
                !l.trim().is_empty(),
                "span {k} contains a blank line: {t:?}"
            );
        }
        match prev_para {
            None => assert_eq!(s.paragraph, 0),
            Some(p) => {
                let expected = if line_breaks(gap) >= 2 { p + 1 } else { p };
                assert_eq!(s.paragraph, expected, "paragraph of span {k} in {text:?}");
            }
        }
        prev_para = Some(s.paragraph);
        prev_end = s.end;
    }
    assert!(text[prev_end..].trim().is_empty(), "lost text at the end");
}

fn mix_strategy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        ".",
        ". ",
        "! ",
        "? ",
        "?!",
        "…",
        "...",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\n \n",
        "\r\n",
        "\r",
        "\t",
        "\u{a0}",
        "\u{2029}",
        "«",
        "»",
        "„",
        "“",
        "”",
        "‹",
        "›",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        "-",
        "–",
        ":",
        ";",
        ",",
        ":-)",
        "3",
        "19",
        "2024",
        "10'000",
        "3.5",
        "6.",
        "II.",
        "Dr.",
        "z. B.",
        "z.B.",
        "usw.",
        "U.S.",
        "a.m.",
        "Nr.",
        "v. Chr.",
        "J.",
        "Januar",
        "Mai",
        "Jahrhundert",
        "Das",
        "der",
        "The",
        "it",
        "Er",
        "sagte",
        "Haus",
        "www.x.ch",
        "a@b.de",
        "http://x.org/a?b",
        "é",
        "ß",
        "日本",
        "🙂",
        "\u{301}",
        "I",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, .. ProptestConfig::default() })]

    #[test]
    fn prop_invariants_random_unicode(text in "\\PC{0,200}|[\\s\\S]{0,200}") {
        for lang in [Lang::De, Lang::En] {
            let seg = Segmenter::new(lang);
            let spans = seg.split(&text);
            check_invariants(&text, &spans);
            prop_assert_eq!(seg.sentences(&text).len(), spans.len());
        }
    }

    #[test]
    fn prop_invariants_punctuation_mix(text in mix_strategy()) {
        for lang in [Lang::De, Lang::En] {
            let spans = Segmenter::new(lang).split(&text);
            check_invariants(&text, &spans);
        }
    }

    #[test]
    fn prop_rules_parser_never_panics(src in "[\\[\\]a-z_=\" .,\\n#]{0,80}") {
        let _ = UserRules::from_toml_str(&src);
    }
}
