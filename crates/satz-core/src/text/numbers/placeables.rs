//! Numbers as fuzzy-match placeables: the digits [`super::find_numbers`]
//! reads and the spelled-out cardinals `zwei` to `neunundneunzig`,
//! `hundert`, `zweitausend` ..., `two` to `ninety-nine`, so that
//! `vier Jahre` -> `drei Jahre` counts like `4 Jahre` -> `3 Jahre`.
//!
//! A word counts as a number only when it is unambiguous:
//!
//! * it is a complete cardinal of at least 2 (the quantity reader's table:
//!   `ein`, `eine`, `eins` and `one` are never numbers, they are articles
//!   and pronouns far more often; ordinals such as `dritte` are not
//!   placeables);
//! * it is written in lower case, or it is the first word of the text with
//!   only its first letter capitalised (`Vier Soldaten ...`): a capitalised
//!   word inside a German sentence is a noun (`die Acht`, `außer Acht`).
//!
//! English `twenty-one` (tens, hyphen, unit) is one number. Matching reads
//! the words of both languages ([`is_number_word`]: the index knows no
//! language), adaptation reads the words of the text's language
//! ([`find_placeables`]).

use super::quantities::{spell, spelled_cardinal, spelled_unit};
use super::{NumLang, find_numbers, same_value};
use crate::text::words::{Word, is_hyphen_gap, key, key_into, words};

/// A number in a text: digits or a number word.
#[derive(Debug, Clone, PartialEq)]
pub struct Placeable {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// `&text[start..end]`.
    pub text: String,
    /// Spelled out (`drei`, `twenty-one`) rather than digits.
    pub word: bool,
    /// An ordinal written with digits (`6.`, `6th`).
    pub ordinal: bool,
}

/// Whether the letters of `w` are lower case, or (for the first word of a
/// text) lower case but for the first.
fn number_case(w: &str, first: bool) -> bool {
    let mut cs = w.chars();
    let head_ok = cs
        .next()
        .is_some_and(|c| c.is_lowercase() || (first && c.is_uppercase()));
    head_ok && cs.all(char::is_lowercase)
}

/// Whether word `w` (the first word of its text when `first`) is a number
/// word of German or English under the rules of the module documentation.
pub fn is_number_word(w: &str, first: bool) -> bool {
    if !number_case(w, first) || !may_begin_number(w) {
        return false;
    }
    thread_local! {
        /// The key of the word asked about: one buffer per thread, not an
        /// allocation per word (every word of every text is asked about).
        static KEY: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    let number = |k: &str| {
        spelled_cardinal(NumLang::De, k).is_some() || spelled_cardinal(NumLang::En, k).is_some()
    };
    KEY.with(|cell| match cell.try_borrow_mut() {
        Ok(mut k) => {
            key_into(w, &mut k);
            number(&k)
        }
        // Asked again while asking (never, but not a panic): a fresh key.
        Err(_) => number(&key(w)),
    })
}

/// Whether `w` may be a number word by its first letter: every German and
/// English number word's key begins with one of `adefhnostvz`, and the key
/// of a word with an ASCII first letter begins with that letter in lower
/// case, so the other words need no key (an allocation) and no look-up.
/// A word with another first char is not turned away here.
fn may_begin_number(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => matches!(
            b.to_ascii_lowercase(),
            b'a' | b'd' | b'e' | b'f' | b'h' | b'n' | b'o' | b's' | b't' | b'v' | b'z'
        ),
        _ => true,
    }
}

/// The numbers of `text` in language `lang`, digits and words, in order.
pub fn find_placeables(text: &str, lang: NumLang) -> Vec<Placeable> {
    find_placeables_in(text, &words(text), lang)
}

/// [`find_placeables`] of `text` whose [`words`] `ws` are split already
/// (so a caller that has them does not split the text again).
pub(crate) fn find_placeables_in(text: &str, ws: &[Word<'_>], lang: NumLang) -> Vec<Placeable> {
    let mut out: Vec<Placeable> = find_numbers(text, lang)
        .into_iter()
        .map(|n| Placeable {
            start: n.start,
            end: n.end,
            value: n.value,
            text: n.text,
            word: false,
            ordinal: n.ordinal,
        })
        .collect();
    let mut i = 0;
    let mut k = String::new();
    while let Some(w) = ws.get(i) {
        i += 1;
        let value = if number_case(w.text, i == 1) {
            key_into(w.text, &mut k);
            spelled_cardinal(lang, &k)
        } else {
            None
        };
        let Some(mut value) = value else { continue };
        let mut end = w.end;
        // English `twenty-one`: tens, one hyphen, a unit.
        if lang == NumLang::En
            && value >= 20
            && value.is_multiple_of(10)
            && let Some(u) = ws.get(i)
            && text.get(w.end..u.start).is_some_and(is_hyphen_gap)
            && let Some(unit) = spelled_unit(&key(u.text)).filter(|_| number_case(u.text, false))
        {
            value += unit;
            end = u.end;
            i += 1;
        }
        out.push(Placeable {
            start: w.start,
            end,
            value: value as f64,
            text: text.get(w.start..end).unwrap_or_default().to_owned(),
            word: true,
            ordinal: false,
        });
    }
    out.sort_by_key(|p| p.start);
    out
}

/// The number `value` written as a word in `lang` with the capitalisation
/// of `model` (`Four` -> `Three`, `FOUR` -> `THREE`), or `None` when it is
/// no whole number from 2 to 99.
pub fn spell_like(value: f64, lang: NumLang, model: &str) -> Option<String> {
    if value.fract() != 0.0 || !(2.0..100.0).contains(&value) {
        return None;
    }
    // A whole number from 2 to 99: the cast is exact.
    let word = spell(lang, value as u64)?;
    let upper = |c: &char| c.is_uppercase();
    let letters: Vec<char> = model.chars().filter(|c| c.is_alphabetic()).collect();
    Some(if letters.len() > 1 && letters.iter().all(upper) {
        word.to_uppercase()
    } else if letters.first().is_some_and(upper) {
        let mut cs = word.chars();
        cs.next()
            .map(|c| c.to_uppercase().chain(cs).collect())
            .unwrap_or_default()
    } else {
        word
    })
}

/// A whole number `value` written with digits in the conventions of
/// `lang`: `10000` as `10,000` (English) or `10.000` (German, French);
/// below 10,000 without a separator. `None` when it is no whole number.
pub fn digits(value: f64, lang: NumLang) -> Option<String> {
    if value.fract() != 0.0 || !(0.0..1e15).contains(&value) {
        return None;
    }
    // Whole and below 10^15: the cast is exact.
    let plain = (value as u64).to_string();
    if value < 10_000.0 {
        return Some(plain);
    }
    let sep = if lang == NumLang::En { ',' } else { '.' };
    let mut out = String::new();
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (plain.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    Some(out)
}

/// Whether two placeables have the same value.
pub fn same(a: &Placeable, b: &Placeable) -> bool {
    same_value(a.value, b.value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, lang: NumLang) -> Vec<(String, f64, bool)> {
        find_placeables(text, lang)
            .into_iter()
            .map(|p| (p.text, p.value, p.word))
            .collect()
    }

    #[test]
    fn words_and_digits_in_order() {
        assert_eq!(
            found("vier bis fünf Jahre und 120 Tage", NumLang::De),
            [
                ("vier".to_owned(), 4.0, true),
                ("fünf".to_owned(), 5.0, true),
                ("120".to_owned(), 120.0, false)
            ]
        );
        assert_eq!(
            found("Twenty-one of the twenty-two soldiers", NumLang::En),
            [
                ("Twenty-one".to_owned(), 21.0, true),
                ("twenty-two".to_owned(), 22.0, true)
            ]
        );
        assert_eq!(
            found("dreißig Tage", NumLang::De),
            [("dreißig".to_owned(), 30.0, true)]
        );
    }

    #[test]
    fn ambiguous_words_are_no_numbers() {
        // Articles and pronouns.
        assert!(found("Ein Soldat und eine Frau, eins", NumLang::De).is_empty());
        assert!(found("One of them had one", NumLang::En).is_empty());
        // A capitalised word inside a sentence is a noun.
        assert!(found("Sie ließ es außer Acht.", NumLang::De).is_empty());
        // Ordinals are no placeables.
        assert!(found("zum dritten Mal", NumLang::De).is_empty());
        assert!(!is_number_word("Acht", false));
        assert!(is_number_word("Acht", true));
        assert!(is_number_word("four", false));
        assert!(!is_number_word("one", true));
        assert!(!is_number_word("VIER", true));
    }

    #[test]
    fn spelled_in_the_models_case() {
        assert_eq!(
            spell_like(3.0, NumLang::En, "four").as_deref(),
            Some("three")
        );
        assert_eq!(
            spell_like(3.0, NumLang::En, "Four").as_deref(),
            Some("Three")
        );
        assert_eq!(
            spell_like(21.0, NumLang::En, "FOUR").as_deref(),
            Some("TWENTY-ONE")
        );
        assert_eq!(
            spell_like(3.0, NumLang::De, "vier").as_deref(),
            Some("drei")
        );
        assert_eq!(spell_like(1.0, NumLang::En, "four"), None);
        assert_eq!(spell_like(2.5, NumLang::En, "four"), None);
        assert_eq!(spell_like(120.0, NumLang::En, "four"), None);
    }

    #[test]
    fn digits_follow_the_convention() {
        assert_eq!(digits(3.0, NumLang::En).as_deref(), Some("3"));
        assert_eq!(digits(2024.0, NumLang::En).as_deref(), Some("2024"));
        assert_eq!(digits(20_000.0, NumLang::En).as_deref(), Some("20,000"));
        assert_eq!(digits(300_000.0, NumLang::De).as_deref(), Some("300.000"));
        assert_eq!(digits(2.5, NumLang::De), None);
    }

    /// [`is_number_word`] without its first-letter guard.
    fn unguarded(w: &str, first: bool) -> bool {
        number_case(w, first) && {
            let k = key(w);
            spelled_cardinal(NumLang::De, &k).is_some()
                || spelled_cardinal(NumLang::En, &k).is_some()
        }
    }

    #[test]
    #[ignore = "needs SATZ_SHARED_DATA; .ci/run runs it"]
    fn the_first_letter_guard_changes_no_word_of_the_shared_memory() {
        let Ok(dir) = std::env::var("SATZ_SHARED_DATA") else {
            panic!("this test reads the shared data: set SATZ_SHARED_DATA (.ci/run sets it)");
        };
        let text = std::fs::read_to_string(std::path::Path::new(&dir).join("tm/tm.tsv")).unwrap();
        let mut words: Vec<&str> = words(&text).iter().map(|w| w.text).collect();
        words.sort_unstable();
        words.dedup();
        assert!(words.len() > 10_000);
        let mut numbers = 0;
        for w in &words {
            for first in [false, true] {
                assert_eq!(is_number_word(w, first), unguarded(w, first), "{w}");
                numbers += usize::from(is_number_word(w, first));
            }
        }
        assert!(numbers > 100, "{numbers}");
    }

    proptest::proptest! {
        #[test]
        fn the_first_letter_guard_changes_no_word(
            w in "[A-Za-zäöüÄÖÜßẞKİ]{0,3}(ein|zwei|drei|zwanzig|hundert|one|two|twenty|ninety|und)?[a-zß]{0,3}",
            first: bool,
        ) {
            proptest::prop_assert_eq!(is_number_word(&w, first), unguarded(&w, first));
        }
    }
}
