//! The word tables of the quantity reader: number words 2…12, scale words,
//! articles that count as 1 before a scale word, vulgar fractions, and the
//! ordinal words 1st…12th that excuse an unmatched ordinal. French text is
//! read with the German tables.

use crate::text::numbers::NumLang;

/// German number words 2–12 (keys: lower case, `ß` as `ss`).
const DE_WORDS: [(&str, u64); 11] = [
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
];

/// English number words 2–12.
const EN_WORDS: [(&str, u64); 11] = [
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
];

/// The number words 2–12 of `lang`, as (key, value).
pub(super) fn number_words(lang: NumLang) -> &'static [(&'static str, u64)] {
    match lang {
        NumLang::En => &EN_WORDS,
        NumLang::De | NumLang::Fr => &DE_WORDS,
    }
}

/// Scale words after a spelled number or an article (keys).
pub(super) fn scale_word(lang: NumLang, k: &str) -> Option<f64> {
    let table: &[(&str, f64)] = match lang {
        NumLang::De | NumLang::Fr => &[
            ("hundert", 1e2),
            ("tausend", 1e3),
            ("million", 1e6),
            ("millionen", 1e6),
            ("mio", 1e6),
            ("milliarde", 1e9),
            ("milliarden", 1e9),
            ("mrd", 1e9),
            ("billion", 1e12),
            ("billionen", 1e12),
        ],
        NumLang::En => &[
            ("hundred", 1e2),
            ("thousand", 1e3),
            ("million", 1e6),
            ("billion", 1e9),
            ("trillion", 1e12),
        ],
    };
    table.iter().find(|(w, _)| *w == k).map(|&(_, s)| s)
}

/// Articles that make a singular scale word a quantity of 1 (`eine Milliarde`).
pub(super) fn is_one_article(lang: NumLang, k: &str) -> bool {
    match lang {
        NumLang::De | NumLang::Fr => {
            matches!(
                k,
                "ein" | "eine" | "einer" | "einen" | "einem" | "un" | "une"
            )
        }
        NumLang::En => matches!(k, "a" | "one"),
    }
}

/// Unicode vulgar fractions.
pub(super) fn vulgar(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '⅕' => 0.2,
        '⅛' => 0.125,
        _ => return None,
    })
}

/// German ordinal stems 1st–12th (`erste`, `zweiten`, …).
pub(super) const DE_ORDINALS: [&str; 12] = [
    "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt",
    "elft", "zwölft",
];

/// English ordinals 1st–12th.
pub(super) const EN_ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];
