//! The word tables of the quantity reader: the value of a spelled-out
//! number or ordinal (so that `vor zwanzig Jahren` says `20 years ago` and
//! `zum fünfzigsten Mal` is `for the 50th time`), scale words, articles that
//! count as 1 before a scale word, and vulgar fractions. French text is read
//! with the German words.
//!
//! German writes every number below a million as one word
//! (`dreihundertfünfundzwanzig`, `neunzehnhundertsechsundfünfzig`): tens
//! after the units, joined by `und`, then `hundert` and `tausend` as
//! multipliers. Ordinals add `t` (2nd–19th, with `erst`, `dritt`, `siebt`,
//! `acht`) or `st` (from 20th) and an adjective ending (`-e`, `-en`, `-er`,
//! `-es`, `-em`). English has one word up to `nineteen` and the tens, and
//! joins tens and units with a hyphen (`twenty-one`), which
//! [`crate::text::words`] splits: the caller joins those.
//!
//! All functions take comparison keys ([`crate::text::words::key`]: lower
//! case, `ß` as `ss`). `eins`/`one` and `null`/`zero` are never numbers here:
//! `ein`/`eine`/`one` are articles far more often than amounts.

use crate::text::numbers::NumLang;

/// German units as they appear inside compounds (`ein` in `einundzwanzig`).
const DE_UNITS: [(&str, u64); 9] = [
    ("ein", 1),
    ("zwei", 2),
    ("drei", 3),
    ("vier", 4),
    ("fünf", 5),
    ("sechs", 6),
    ("sieben", 7),
    ("acht", 8),
    ("neun", 9),
];

/// German 10–19, and the tens.
const DE_TEENS_AND_TENS: [(&str, u64); 18] = [
    ("zehn", 10),
    ("elf", 11),
    ("zwölf", 12),
    ("dreizehn", 13),
    ("vierzehn", 14),
    ("fünfzehn", 15),
    ("sechzehn", 16),
    ("siebzehn", 17),
    ("achtzehn", 18),
    ("neunzehn", 19),
    ("zwanzig", 20),
    ("dreissig", 30),
    ("vierzig", 40),
    ("fünfzig", 50),
    ("sechzig", 60),
    ("siebzig", 70),
    ("achtzig", 80),
    ("neunzig", 90),
];

/// English one-word numbers.
const EN_WORDS: [(&str, u64); 27] = [
    ("one", 1),
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
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// English ordinal words.
const EN_ORDINALS: [(&str, u64); 29] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
];

fn lookup(table: &[(&str, u64)], k: &str) -> Option<u64> {
    table.iter().find(|(w, _)| *w == k).map(|&(_, v)| v)
}

/// The value of one complete number word of at least 2 (`zwanzig`,
/// `dreihundertfünfundzwanzig`, `twenty`), or `None`.
pub(super) fn cardinal(lang: NumLang, k: &str) -> Option<u64> {
    let v = match lang {
        NumLang::En => lookup(&EN_WORDS, k)?,
        NumLang::De | NumLang::Fr => german(k)?,
    };
    (v >= 2).then_some(v)
}

/// The value of an English unit word 1–9 (the second part of `twenty-one`).
pub(super) fn english_unit(k: &str) -> Option<u64> {
    lookup(&EN_WORDS, k).filter(|&v| v < 10)
}

/// The tens of an English decade word: `fifties` gives 50 (`in her
/// mid-fifties` for `Mitte fünfzig`).
pub(super) fn english_decade(k: &str) -> Option<u64> {
    let tens = k.strip_suffix("ies")?;
    lookup(&EN_WORDS, &format!("{tens}y")).filter(|&v| v >= 20)
}

/// The value of the longest beginning of `k` that is a number word of at
/// least 2: `dreijährige` and `dreizehnjährige` give 3 and 13, `achtung` 8.
pub(super) fn cardinal_prefix(lang: NumLang, k: &str) -> Option<u64> {
    prefixes(k).find_map(|p| cardinal(lang, p))
}

/// Number words below a million have at most 67 bytes
/// (`siebenhundertsiebenunddreissigtausendsiebenhundertsiebenunddreissig`):
/// longer beginnings need no look, which keeps a pathological word from
/// costing quadratic time.
const LONGEST_NUMBER_WORD: usize = 72;

/// The non-empty beginnings of `k` of at most [`LONGEST_NUMBER_WORD`]
/// bytes, longest first, on char boundaries.
fn prefixes(k: &str) -> impl Iterator<Item = &str> {
    k.char_indices()
        .map(|(i, c)| i + c.len_utf8())
        .take_while(|&end| end <= LONGEST_NUMBER_WORD)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .filter_map(|end| k.get(..end))
}

/// The value of an ordinal word (`zwanzigsten`, `dritte`, `twentieth`), or
/// `None`. English compounds (`twenty-first`) come as two words: the caller
/// adds the tens.
pub(super) fn ordinal(lang: NumLang, k: &str) -> Option<u64> {
    match lang {
        NumLang::En => lookup(&EN_ORDINALS, k),
        NumLang::De | NumLang::Fr => german_ordinal(k),
    }
}

fn german_ordinal(k: &str) -> Option<u64> {
    ["em", "en", "er", "es", "e"]
        .iter()
        .find_map(|e| k.strip_suffix(e))
        .and_then(german_ordinal_stem)
}

/// The value of a German ordinal stem, without its ending: `erst`,
/// `zwanzigst`, `dreizehnt`.
fn german_ordinal_stem(stem: &str) -> Option<u64> {
    match stem {
        "erst" => return Some(1),
        "dritt" => return Some(3),
        "siebt" | "siebent" => return Some(7),
        "acht" => return Some(8),
        _ => {}
    }
    if let Some(c) = stem.strip_suffix("st")
        && let Some(v) = german(c)
        && (v >= 20 || c.ends_with("hundert") || c.ends_with("tausend"))
    {
        return Some(v);
    }
    let c = stem.strip_suffix('t')?;
    german(c).filter(|&v| (2..20).contains(&v) || (v > 100 && v % 100 < 20))
}

/// The value of the longest beginning of `k` that is an ordinal (German:
/// its stem, so `erstmals` gives 1 and `zwanzigsten` 20; English: the
/// word, so `firstly` gives 1).
pub(super) fn ordinal_prefix(lang: NumLang, k: &str) -> Option<u64> {
    prefixes(k).find_map(|p| match lang {
        NumLang::En => lookup(&EN_ORDINALS, p),
        NumLang::De | NumLang::Fr => german_ordinal_stem(p),
    })
}

/// A German number word below a million.
fn german(k: &str) -> Option<u64> {
    if !may_be_german(k) {
        return None;
    }
    german_exhaustive(k)
}

/// [`german`] without its guard: every split tried.
fn german_exhaustive(k: &str) -> Option<u64> {
    if k.is_empty() {
        return None;
    }
    german_group(k, "tausend", 1000, german_below_1000)
}

/// Whether `k` begins with a word of [`DE_UNITS`] or
/// [`DE_TEENS_AND_TENS`], `hundert` or `tausend`: every German number word
/// does (a group is a multiplier, itself a number word, or `ein`, or
/// nothing, before `hundert`/`tausend`; below 100 a word is a table word,
/// `eins`, or a unit before `und`), so a word that does not is none, and
/// most words are turned away here by their first byte, before the splits
/// of [`german_group`] (which build a searcher each) are tried.
fn may_be_german(k: &str) -> bool {
    matches!(
        k.as_bytes().first(),
        Some(b'a' | b'd' | b'e' | b'f' | b'h' | b'n' | b's' | b't' | b'v' | b'z')
    ) && DE_UNITS
        .iter()
        .chain(&DE_TEENS_AND_TENS)
        .map(|&(w, _)| w)
        .chain(["hundert", "tausend"])
        .any(|w| k.starts_with(w))
}

fn german_below_1000(k: &str) -> Option<u64> {
    // The multiplier of `hundert` goes up to 99, for years: neunzehnhundert.
    german_group(k, "hundert", 100, german_below_100)
}

/// `k` as `[multiplier] word [rest]` (`dreihundertzwölf`), both parts read
/// by `below`; a missing multiplier or `ein` is 1; without `word`, `k` is
/// read by `below` whole.
fn german_group(k: &str, word: &str, factor: u64, below: fn(&str) -> Option<u64>) -> Option<u64> {
    let Some((multiplier, rest)) = k.split_once(word) else {
        return below(k);
    };
    let m = match multiplier {
        "" | "ein" => 1,
        _ => below(multiplier)?,
    };
    let r = if rest.is_empty() { 0 } else { below(rest)? };
    Some(m * factor + r)
}

fn german_below_100(k: &str) -> Option<u64> {
    if k == "eins" {
        return Some(1);
    }
    if let Some(v) = lookup(&DE_TEENS_AND_TENS, k) {
        return Some(v);
    }
    if let Some(v) = lookup(&DE_UNITS, k).filter(|&v| v > 1) {
        return Some(v);
    }
    let (unit, tens) = k.split_once("und")?;
    let u = lookup(&DE_UNITS, unit)?;
    let t = lookup(&DE_TEENS_AND_TENS, tens).filter(|&t| t >= 20)?;
    Some(t + u)
}

/// `v` (2 to 99) written as a word: `twenty-one`, `einundzwanzig`,
/// `dreißig`; `None` for other values.
pub(super) fn spell(lang: NumLang, v: u64) -> Option<String> {
    if !(2..100).contains(&v) {
        return None;
    }
    let name = |table: &[(&'static str, u64)], v: u64| {
        table.iter().find(|&&(_, x)| x == v).map(|&(w, _)| w)
    };
    let (tens, unit) = (v - v % 10, v % 10);
    let word = match lang {
        NumLang::En if v < 20 || unit == 0 => name(&EN_WORDS, v)?.to_owned(),
        NumLang::En => format!("{}-{}", name(&EN_WORDS, tens)?, name(&EN_WORDS, unit)?),
        NumLang::De | NumLang::Fr if v < 10 => name(&DE_UNITS, v)?.to_owned(),
        NumLang::De | NumLang::Fr if v < 20 || unit == 0 => name(&DE_TEENS_AND_TENS, v)?.to_owned(),
        NumLang::De | NumLang::Fr => format!(
            "{}und{}",
            name(&DE_UNITS, unit)?,
            name(&DE_TEENS_AND_TENS, tens)?
        ),
    };
    // The tables hold comparison keys (`ss`); German writes `dreißig`.
    Some(word.replace("dreissig", "dreißig"))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn de(k: &str) -> Option<u64> {
        cardinal(NumLang::De, k)
    }

    #[test]
    fn german_cardinals() {
        for (w, v) in [
            ("zwei", 2),
            ("zwölf", 12),
            ("dreizehn", 13),
            ("siebzehn", 17),
            ("zwanzig", 20),
            ("einundzwanzig", 21),
            ("dreissig", 30),
            ("neunundneunzig", 99),
            ("hundert", 100),
            ("einhundert", 100),
            ("hunderteins", 101),
            ("zweihundertfünfzig", 250),
            ("dreihundertfünfundzwanzig", 325),
            ("tausend", 1000),
            ("zweitausend", 2000),
            ("zweitausendvierundzwanzig", 2024),
            ("neunzehnhundertsechsundfünfzig", 1956),
            ("zehntausend", 10_000),
            ("hunderttausend", 100_000),
            ("dreihunderttausendfünf", 300_005),
        ] {
            assert_eq!(de(w), Some(v), "{w}");
        }
    }

    #[test]
    fn words_that_only_look_like_numbers_are_not() {
        for w in [
            "ein",
            "eine",
            "eins",
            "null",
            "achtung",
            "elfmeter",
            "zweifel",
            "dreist",
            "und",
            "zwanzigund",
            "undzwanzig",
            "einund",
            "hundertelf1",
            "",
            "tausendtausend",
            "zweiundzehn",
            "einsundzwanzig",
        ] {
            assert_eq!(de(w), None, "{w}");
        }
        assert_eq!(cardinal(NumLang::En, "one"), None);
        assert_eq!(cardinal(NumLang::En, "hundred"), None);
    }

    #[test]
    fn spelled_words_read_back_as_their_value() {
        for v in 2..100 {
            for lang in [NumLang::De, NumLang::En] {
                let w = spell(lang, v).unwrap();
                let k = crate::text::words::key(&w);
                let back = match k.split_once('-') {
                    Some((t, u)) => cardinal(lang, t).unwrap() + english_unit(u).unwrap(),
                    None => cardinal(lang, &k).unwrap(),
                };
                assert_eq!(back, v, "{w}");
            }
        }
        assert_eq!(spell(NumLang::De, 31).as_deref(), Some("einunddreißig"));
        assert_eq!(spell(NumLang::En, 45).as_deref(), Some("forty-five"));
        assert_eq!(spell(NumLang::En, 1), None);
        assert_eq!(spell(NumLang::De, 100), None);
    }

    #[test]
    fn english_cardinals_and_units() {
        assert_eq!(cardinal(NumLang::En, "twenty"), Some(20));
        assert_eq!(cardinal(NumLang::En, "seventeen"), Some(17));
        assert_eq!(english_unit("one"), Some(1));
        assert_eq!(english_unit("twenty"), None);
        assert_eq!(english_decade("fifties"), Some(50));
        assert_eq!(english_decade("ties"), None);
        assert_eq!(english_decade("fifty"), None);
    }

    #[test]
    fn prefixes_take_the_longest_number() {
        assert_eq!(cardinal_prefix(NumLang::De, "dreijährige"), Some(3));
        assert_eq!(cardinal_prefix(NumLang::De, "dreizehnjährige"), Some(13));
        assert_eq!(cardinal_prefix(NumLang::De, "zwanzigmal"), Some(20));
        assert_eq!(cardinal_prefix(NumLang::En, "seventeen"), Some(17));
        assert_eq!(cardinal_prefix(NumLang::De, "jahr"), None);
        assert_eq!(cardinal_prefix(NumLang::De, "ä"), None);
        let long = format!(
            "neunhundertneunundneunzigtausendneunhundertneunundneunzig{}",
            "x".repeat(100_000)
        );
        assert_eq!(cardinal_prefix(NumLang::De, &long), Some(999_999));
    }

    #[test]
    fn ordinals() {
        for (w, v) in [
            ("erste", 1),
            ("zweiten", 2),
            ("dritter", 3),
            ("siebte", 7),
            ("siebenten", 7),
            ("achtes", 8),
            ("zwölften", 12),
            ("dreizehnte", 13),
            ("neunzehnten", 19),
            ("zwanzigste", 20),
            ("einundzwanzigsten", 21),
            ("fünfzigsten", 50),
            ("hundertste", 100),
            ("hundertzweite", 102),
            ("tausendsten", 1000),
        ] {
            assert_eq!(ordinal(NumLang::De, w), Some(v), "{w}");
        }
        for w in [
            "dreiste",
            "zweite1",
            "kiste",
            "beste",
            "erst",
            "zwanzigte",
            "zweiste",
        ] {
            assert_eq!(ordinal(NumLang::De, w), None, "{w}");
        }
        assert_eq!(ordinal(NumLang::En, "twentieth"), Some(20));
        assert_eq!(ordinal(NumLang::En, "first"), Some(1));
        assert_eq!(ordinal(NumLang::En, "firsts"), None);
        assert_eq!(ordinal_prefix(NumLang::De, "erstmals"), Some(1));
        assert_eq!(ordinal_prefix(NumLang::De, "zwanzigsten"), Some(20));
        assert_eq!(ordinal_prefix(NumLang::De, "dreiste"), None);
        assert_eq!(ordinal_prefix(NumLang::En, "firstly"), Some(1));
    }

    /// The words of the shared memory `tm.tsv` as keys, when
    /// `SATZ_SHARED_DATA` names it.
    fn shared_words() -> Vec<String> {
        let Ok(dir) = std::env::var("SATZ_SHARED_DATA") else {
            panic!("this test reads the shared data: set SATZ_SHARED_DATA (.ci/run sets it)");
        };
        let text = std::fs::read_to_string(std::path::Path::new(&dir).join("tm/tm.tsv")).unwrap();
        let mut seen: Vec<String> = crate::text::words::words(&text)
            .iter()
            .map(|w| w.text.to_owned())
            .collect();
        seen.sort_unstable();
        seen.dedup();
        seen
    }

    #[test]
    #[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
    fn the_guard_changes_no_word_of_the_shared_memory() {
        let words = shared_words();
        assert!(words.len() > 10_000);
        let mut numbers = 0;
        for w in &words {
            let k = crate::text::words::key(w);
            for p in prefixes(&k) {
                assert_eq!(german(p), german_exhaustive(p), "{p}");
                numbers += usize::from(german(p).is_some());
            }
        }
        assert!(numbers > 100, "{numbers}");
    }

    proptest::proptest! {
        /// Words glued from number morphemes and other letters: the guard
        /// turns away no number word, at any length.
        #[test]
        fn the_guard_changes_no_value(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "ein", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sech",
                "sieben", "sieb", "acht", "neun", "zehn", "elf", "zwölf", "zig",
                "ssig", "zwanzig", "dreissig", "und", "hundert", "tausend", "st",
                "t", "e", "en", "a", "x", "ä", "ß", "",
            ]), 0..7)
        ) {
            let k = parts.concat();
            for p in prefixes(&k) {
                proptest::prop_assert_eq!(german(p), german_exhaustive(p), "{}", p);
            }
            proptest::prop_assert_eq!(german(&k), german_exhaustive(&k));
            proptest::prop_assert_eq!(
                german_exhaustive(&k).is_some(),
                german_exhaustive(&k).is_some() && may_be_german(&k)
            );
        }
    }
}
