//! English: titles, initials, U.S., a.m., quotes, web text.

use super::*;

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

/// Issue 12: the same result list in English, and a byline and a bracketed
/// credit split as in German.
#[test]
fn en_result_lists_bylines_and_credits() {
    let s = "Air rifle, men: 1. Klimov (RUS) 555 - 2. Geiger (SUI) 416 - 3. Meier 400.";
    check_en(s, &[s]);
    check_en(
        "Basel won 3 - 2. Müller scored twice.",
        &["Basel won 3 - 2.", "Müller scored twice."],
    );
    check_en(
        "Basel beat Bern (1-0). (sda) Four times Basel has won.",
        &["Basel beat Bern (1-0).", "(sda) Four times Basel has won."],
    );
    check_en(
        "The match ended in a draw. lb",
        &["The match ended in a draw.", "lb"],
    );
}

/// Issue 12: "the top group of the 3. League West" (an ordinal written the
/// German way, as translations keep it) was split after `3.`. After a
/// determiner a short number with a period is an ordinal unless a sentence
/// opener follows.
#[test]
fn en_german_style_ordinal_after_a_determiner() {
    let s = "The club is in the top group of the 3. League West.";
    check_en(s, &[s]);
    check_en(
        "They play in the 3. Liga. The season starts soon.",
        &["They play in the 3. Liga.", "The season starts soon."],
    );
    check_en(
        "He finished in the top 10. Smith was 11th.",
        &["He finished in the top 10.", "Smith was 11th."],
    );
    check_en(
        "She won the 2. The others lost.",
        &["She won the 2.", "The others lost."],
    );
}
