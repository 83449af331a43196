//! German news text: dates, ordinals, abbreviations, quotes, headings, the seed article.

use super::*;

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

/// Issue 12: a sports result list (`1. Klimow 555 - 2. Geiger 416`) was
/// split after every rank. A rank after a colon starts a list, and `n.`
/// after `n-1.` in the same sentence continues it; a score (`3 - 2.`) or a
/// rank before a sentence opener still ends the sentence.
#[test]
fn de_result_lists_stay_one_sentence() {
    let s = "Luftgewehr, Männer: 1. Klimow (RUS) 555 - 2. Geiger (SUI) 416 - 3. Meier 400.";
    check_de(s, &[s]);
    let s = "1. Klimow 555 - 2. Geiger 416 - 3. Meier 400 - 4. Roth 399.";
    check_de(s, &[s]);
    check_de(
        "Basel gewann 3 - 2. Müller traf zweimal.",
        &["Basel gewann 3 - 2.", "Müller traf zweimal."],
    );
    check_de(
        "Sie war 1. Danach fiel sie auf 2. Die Siegerin heisst Meier.",
        &[
            "Sie war 1.",
            "Danach fiel sie auf 2.",
            "Die Siegerin heisst Meier.",
        ],
    );
}

/// Issue 12: `... (1:0). (sda) Viermal ...` was not split: a bracketed
/// aside or agency credit after a full stop starts a new sentence even
/// when it is lowercase.
#[test]
fn de_bracket_after_a_full_stop_starts_a_sentence() {
    check_de(
        "Basel siegte gegen Bern (1:0). (sda) Viermal hat Basel gewonnen.",
        &[
            "Basel siegte gegen Bern (1:0).",
            "(sda) Viermal hat Basel gewonnen.",
        ],
    );
    check_de(
        "Der Bericht ist fertig. (vgl. Anhang) Er wird morgen publiziert.",
        &[
            "Der Bericht ist fertig.",
            "(vgl. Anhang) Er wird morgen publiziert.",
        ],
    );
    // Inside a sentence a lowercase bracket still continues it.
    let s = "Er kam (wie immer) zu spät.";
    check_de(s, &[s]);
}

/// Issue 12: a byline (`lb`) ending the article was split off in English
/// and not in German; now it is a sentence of its own in both.
#[test]
fn de_byline_at_paragraph_end_is_its_own_sentence() {
    for text in [
        "Das Spiel endete unentschieden. lb",
        "Das Spiel endete unentschieden.\nlb",
    ] {
        check_de(text, &["Das Spiel endete unentschieden.", "lb"]);
    }
    check_de(
        "Die Wahl ist am Sonntag. dpa/lb\n\nNeuer Absatz.",
        &["Die Wahl ist am Sonntag.", "dpa/lb", "Neuer Absatz."],
    );
    // Not at the paragraph's end, or not after a full stop: no byline.
    let s = "Das ist gut. und so weiter";
    check_de(s, &[s]);
    let s = "Wirklich... etc";
    check_de(s, &[s]);
}

/// The list rule looks back a bounded distance: a long sentence full of
/// numbers (`Er sah 2. und dann ...`, no boundary anywhere) stays linear.
/// Looking back to the sentence start took 110 s for 1 MB.
#[test]
fn de_numbers_without_boundaries_stay_linear() {
    let text = "Er sah 2. und dann ".repeat(20_000);
    let started = std::time::Instant::now();
    assert_eq!(de(&text).len(), 1);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}
