//! Locale-aware number recognition and normalisation.
//!
//! [`find_numbers`] finds the numerals of a German, English or French text and
//! normalises them to an `f64`, so that `10'000`, `10’000`, `10.000`, `10 000`
//! (German, Swiss, French) and `10,000` (English) all read as `10000.0`, and
//! `5,5` (German/French) and `5.5` (English) both read as `5.5`.
//!
//! The aligner uses these values as language-independent anchors (Gale & Church
//! 1993 already noted that numbers, dates and names survive translation; hunalign,
//! Varga et al. 2005, treats them as dictionary-free cognates). Later the same
//! function serves the QA number check and the fuzzy-match placeables, so the
//! rules are deliberately conservative and documented here:
//!
//! * A numeral is a maximal run of ASCII digits, optionally followed by
//!   thousands groups and a decimal part.
//! * Thousands groups: the first digit group has 1–3 digits and every further
//!   group has exactly 3 digits, all joined by the same separator, and the
//!   group is not followed by another digit. German/French separators: `.`, `'`,
//!   `’`, space, no-break space, thin space, narrow no-break space. English:
//!   `,` and the space-like ones.
//! * Decimal separator: German/French `,` (and `.` when the dot is not a
//!   thousands separator, i.e. not followed by exactly 3 digits, so `3.5` is 3.5
//!   and `10'000.50` is 10000.5); English `.`. A `,` in English that is not a
//!   thousands separator is punctuation (`1,5` gives 1 and 5).
//! * German dates `18.05.1956` / `18.5.` give separate numbers (18, 5, 1956).
//! * German ordinals `6.` (digit run of at most 3 digits, followed by `.` and
//!   whitespace and more text) give value 6 with [`Number::ordinal`] set and
//!   the dot inside the span; English `6th`, French `2e`/`1er` likewise.
//! * A `-` or `−` directly before the digits is a minus sign only when it
//!   starts the text or follows whitespace or an opening bracket, so `147-151`
//!   gives 147 and 151, and `MiG-29` gives 29.
//! * Scale words right after the numeral (`scale_word`: `Tausend`,
//!   `Millionen`, `Mio.`, `Milliarden`, `Mrd.`, `Billionen` = 10^12 in
//!   German; `thousand`, `million`, `billion` = 10^9, `bn`, `trillion` in
//!   English; `mille`, `millions`, `milliards` in French) fill
//!   [`Number::scaled`]; the span still covers the numeral only.
//!
//! The QA number check builds on this with [`find_quantities`] and
//! [`compare_quantities`] (submodule `quantities`): spelled-out numbers,
//! times, fractions, year ranges, decades and optional date months.

mod quantities;

pub use quantities::{
    DateOrder, Dimension, Quantity, QuantityDiff, QuantityKind, Side, Unit, WeakPair,
    compare_quantities, compare_sides, find_quantities,
};

/// Number-formatting conventions of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NumLang {
    /// German (Germany, Austria, Switzerland): `10.000`, `10'000`, `5,5`.
    #[default]
    De,
    /// English: `10,000`, `5.5`.
    En,
    /// French: `10 000`, `5,5` (same reading rules as German, French scale words).
    Fr,
}

/// A numeral found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte offset of the first byte of the numeral (including a minus sign).
    pub start: usize,
    /// Byte offset one past the numeral (including an ordinal dot or suffix).
    pub end: usize,
    /// Normalised value, e.g. `10000.0` for `10.000` in German.
    pub value: f64,
    /// The text of the span, `&text[start..end]`.
    pub text: String,
    /// `value` multiplied by a following scale word (`5 Milliarden` gives `Some(5e9)`).
    pub scaled: Option<f64>,
    /// True for ordinals such as German `6.`, English `6th`, French `2e`.
    pub ordinal: bool,
}

/// Finds all numerals of `text` under the conventions of `lang`.
///
/// Never panics; spans are always on character boundaries and in increasing
/// order without overlap.
pub fn find_numbers(text: &str, lang: NumLang) -> Vec<Number> {
    find_numbers_as(text, lang, lang)
}

/// Finds the numerals of a text in language `words` written with the
/// digit conventions of `format` (thousands and decimal separators): an
/// English text whose translator kept German figures (`17,5 tons`) is
/// `find_numbers_as(text, De, En)`. Ordinal suffixes, scale words and
/// money abbreviations are those of `words`.
pub fn find_numbers_as(text: &str, format: NumLang, words: NumLang) -> Vec<Number> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut k = 0usize;
    let conv = Conventions { format, words };
    while k < cs.len() {
        if !is_digit(&cs, k) {
            k += 1;
            continue;
        }
        let next = scan_at(text, &cs, k, conv, &mut out);
        k = next.max(k + 1);
    }
    out
}

/// How a text writes numbers: its digit conventions and its words.
#[derive(Debug, Clone, Copy)]
struct Conventions {
    format: NumLang,
    words: NumLang,
}

fn ch(cs: &[(usize, char)], k: usize) -> Option<char> {
    cs.get(k).map(|&(_, c)| c)
}

fn is_digit(cs: &[(usize, char)], k: usize) -> bool {
    ch(cs, k).is_some_and(|c| c.is_ascii_digit())
}

fn byte_at(text: &str, cs: &[(usize, char)], k: usize) -> usize {
    cs.get(k).map_or(text.len(), |&(b, _)| b)
}

/// End (exclusive char index) of the run of ASCII digits starting at `k`.
fn digit_run(cs: &[(usize, char)], k: usize) -> usize {
    let mut e = k;
    while is_digit(cs, e) {
        e += 1;
    }
    e
}

fn digits_of(cs: &[(usize, char)], from: usize, to: usize) -> String {
    cs.get(from..to)
        .map(|s| s.iter().map(|&(_, c)| c).collect())
        .unwrap_or_default()
}

/// Separator class for thousands grouping, or `None` if `c` cannot group.
fn group_class(lang: NumLang, c: char) -> Option<u8> {
    match (lang, c) {
        (NumLang::De | NumLang::Fr, '.') => Some(1),
        (NumLang::De | NumLang::Fr, '\'' | '’') => Some(2),
        (NumLang::En, ',') => Some(4),
        (_, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}') => Some(3),
        _ => None,
    }
}

fn is_opening(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '«' | '»' | '"' | '„' | '“' | '/' | '=')
}

/// Scans the numeral starting at char index `k` (a digit not preceded by a
/// digit), pushes what it finds, returns the char index to continue at.
fn scan_at(
    text: &str,
    cs: &[(usize, char)],
    k: usize,
    conv: Conventions,
    out: &mut Vec<Number>,
) -> usize {
    let lang = conv.format;
    let d0_end = digit_run(cs, k);
    let d0_len = d0_end - k;

    // German/French dates: 18.05.1956 or 18.5.; in English text only with
    // a four-digit year (`20.12.2012`), which no English figure looks like.
    if d0_len <= 2 && ch(cs, d0_end) == Some('.') && is_digit(cs, d0_end + 1) {
        let d1_end = digit_run(cs, d0_end + 1);
        let d1_len = d1_end - d0_end - 1;
        if d1_len <= 2 && ch(cs, d1_end) == Some('.') {
            let d2_end = digit_run(cs, d1_end + 1);
            let d2_len = d2_end - d1_end - 1;
            let day: f64 = digits_of(cs, k, d0_end).parse().unwrap_or(0.0);
            let month: f64 = digits_of(cs, d0_end + 1, d1_end).parse().unwrap_or(0.0);
            let plausible = (1.0..=31.0).contains(&day) && (1.0..=12.0).contains(&month);
            let year_ok = match lang {
                NumLang::De | NumLang::Fr => d2_len == 2 || d2_len == 4 || d2_len == 0,
                // `28.8.09` in English: two dots and a year.
                NumLang::En => d2_len == 4 || d2_len == 2,
            };
            if plausible && year_ok {
                push(text, cs, out, k, d0_end + 1, day, true, conv.words);
                push(
                    text,
                    cs,
                    out,
                    d0_end + 1,
                    d1_end + 1,
                    month,
                    true,
                    conv.words,
                );
                if d2_len > 0 {
                    let year: f64 = digits_of(cs, d1_end + 1, d2_end).parse().unwrap_or(0.0);
                    push(text, cs, out, d1_end + 1, d2_end, year, false, conv.words);
                    return d2_end;
                }
                return d1_end + 1;
            }
        }
    }

    let mut int_digits = digits_of(cs, k, d0_end);
    let mut j = d0_end;
    let mut class: Option<u8> = None;
    if d0_len <= 3 {
        while let Some(sep) = ch(cs, j) {
            let Some(c) = group_class(lang, sep) else {
                break;
            };
            if class.is_some_and(|cl| cl != c) {
                break;
            }
            let g_end = digit_run(cs, j + 1);
            if g_end - (j + 1) != 3 {
                break;
            }
            int_digits.push_str(&digits_of(cs, j + 1, g_end));
            class = Some(c);
            j = g_end;
        }
    }

    let mut frac_digits = String::new();
    if let Some(sep) = ch(cs, j) {
        let is_dec = match lang {
            NumLang::De | NumLang::Fr => sep == ',' || (sep == '.' && class != Some(1)),
            NumLang::En => sep == '.',
        };
        if is_dec && is_digit(cs, j + 1) {
            let f_end = digit_run(cs, j + 1);
            frac_digits = digits_of(cs, j + 1, f_end);
            j = f_end;
        }
    }

    let mut end = j;
    let mut ordinal = false;
    if class.is_none() && frac_digits.is_empty() {
        match conv.words {
            NumLang::De => {
                // "6. Juni", "1. Vom ..." : dot, whitespace, then more text.
                if d0_len <= 3 && ch(cs, j) == Some('.') {
                    let after = ch(cs, j + 1);
                    let more_text = cs
                        .get(j + 1..)
                        .is_some_and(|rest| rest.iter().any(|&(_, c)| !c.is_whitespace()));
                    if after.is_some_and(char::is_whitespace) && more_text {
                        ordinal = true;
                        end = j + 1;
                    }
                }
            }
            NumLang::En => {
                if let Some(len) = suffix_len(cs, j, &["st", "nd", "rd", "th"]) {
                    ordinal = true;
                    end = j + len;
                }
            }
            NumLang::Fr => {
                if let Some(len) = suffix_len(cs, j, &["ème", "eme", "ère", "er", "re", "e"]) {
                    ordinal = true;
                    end = j + len;
                }
            }
        }
    }

    let num_str = if frac_digits.is_empty() {
        int_digits
    } else {
        format!("{int_digits}.{frac_digits}")
    };
    let Ok(mut value) = num_str.parse::<f64>() else {
        return j;
    };
    if !value.is_finite() {
        return j;
    }

    // Minus sign directly before the digits.
    let mut start = k;
    if k >= 1
        && matches!(ch(cs, k - 1), Some('-' | '−'))
        && (k == 1 || ch(cs, k - 2).is_some_and(is_opening))
    {
        start = k - 1;
        value = -value;
    }
    if value == 0.0 {
        value = 0.0; // normalise -0.0
    }
    push(text, cs, out, start, end, value, ordinal, conv.words);
    end
}

/// Length in chars of one of `suffixes` at `j` when it ends a word.
fn suffix_len(cs: &[(usize, char)], j: usize, suffixes: &[&str]) -> Option<usize> {
    for s in suffixes {
        let n = s.chars().count();
        let Some(slice) = cs.get(j..j + n) else {
            continue;
        };
        let matches = slice
            .iter()
            .map(|&(_, c)| c.to_lowercase().next().unwrap_or(c))
            .eq(s.chars());
        let word_ends = !ch(cs, j + n).is_some_and(char::is_alphanumeric);
        if matches && word_ends {
            return Some(n);
        }
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn push(
    text: &str,
    cs: &[(usize, char)],
    out: &mut Vec<Number>,
    from: usize,
    to: usize,
    value: f64,
    ordinal: bool,
    lang: NumLang,
) {
    let start = byte_at(text, cs, from);
    let end = byte_at(text, cs, to);
    let Some(span) = text.get(start..end) else {
        return;
    };
    // A year takes no `hundert`/`tausend` (`Bis 2030 tausend neue Windräder`).
    let year = (1000.0..=2100.0).contains(&value) && span.len() == 4;
    let scaled = scale_after(text, end, lang)
        .filter(|&s| !(year && s < 1e6))
        .or_else(|| money_abbreviation(text, start, end, lang))
        .map(|s| value * s);
    out.push(Number {
        start,
        end,
        value,
        text: span.to_string(),
        scaled,
        ordinal,
    });
}

/// English money written `€2.5m`, `$40bn`, `CHF 3k`, `£1.2tn`: `m` and `k`
/// glued to a number are millions and thousands only after a currency
/// (otherwise `5m` is five metres).
fn money_abbreviation(text: &str, start: usize, end: usize, lang: NumLang) -> Option<f64> {
    if lang != NumLang::En {
        return None;
    }
    let rest = text.get(end..)?;
    let scale = match rest
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .as_str()
    {
        "m" => 1e6,
        "k" => 1e3,
        "tn" => 1e12,
        _ => return None,
    };
    let before = text
        .get(..start)?
        .trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    let currency = before.ends_with(['€', '$', '£', '¥'])
        || ["CHF", "EUR", "USD", "GBP", "Fr.", "SFr."]
            .iter()
            .any(|c| before.ends_with(c));
    currency.then_some(scale)
}

/// Multiplier of the scale words following byte offset `end` (after
/// optional spaces): a larger one after a smaller one multiplies too, so
/// `7 thousand million` is 7e9.
fn scale_after(text: &str, end: usize, lang: NumLang) -> Option<f64> {
    let (mut scale, mut at) = scale_word_after(text, end, lang)?;
    while let Some((next, next_at)) = scale_word_after(text, at, lang)
        && next > scale
    {
        scale *= next;
        at = next_at;
    }
    Some(scale)
}

/// The scale word following byte offset `end` (after optional spaces): its
/// multiplier and the byte offset after it.
fn scale_word_after(text: &str, end: usize, lang: NumLang) -> Option<(f64, usize)> {
    let rest = text.get(end..)?;
    // `150-million-crown`, `325-Millionen-Dollar-Paket`: one hyphen counts
    // as a space.
    let trimmed = rest
        .strip_prefix('-')
        .unwrap_or(rest)
        .trim_start_matches([' ', '\u{a0}', '\u{2009}', '\u{202f}']);
    if trimmed.len() == rest.len() && !rest.starts_with(['M', 'm', 'B', 'b', 'T', 't']) {
        return None;
    }
    let word: String = trimmed
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let word_len: usize = trimmed
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let after = end + (rest.len() - trimmed.len()) + word_len;
    scale_word(lang, &word).map(|m| (m, after))
}

/// The multiplier of a scale word, given in lower case: German `Billion` is
/// 10^12, English `billion` 10^9; abbreviations (`Mio`, `Mrd`, `bn`) count.
/// Used after digits (`5 Milliarden`) and after spelled numbers (`zwei
/// Millionen`, `four hundred million`).
pub(crate) fn scale_word(lang: NumLang, word: &str) -> Option<f64> {
    let table: &[(&str, f64)] = match lang {
        NumLang::De => &[
            ("dutzend", 12.0),
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
            ("billiarde", 1e15),
            ("billiarden", 1e15),
        ],
        NumLang::En => &[
            ("dozen", 12.0),
            ("hundred", 1e2),
            ("thousand", 1e3),
            ("thousands", 1e3),
            ("million", 1e6),
            ("millions", 1e6),
            ("mn", 1e6),
            ("mln", 1e6),
            ("milliard", 1e9),
            ("milliards", 1e9),
            ("billion", 1e9),
            ("billions", 1e9),
            ("bn", 1e9),
            ("trillion", 1e12),
            ("trillions", 1e12),
        ],
        NumLang::Fr => &[
            ("cent", 1e2),
            ("mille", 1e3),
            ("million", 1e6),
            ("millions", 1e6),
            ("milliard", 1e9),
            ("milliards", 1e9),
            ("md", 1e9),
            ("mrd", 1e9),
            ("billion", 1e12),
            ("billions", 1e12),
        ],
    };
    table.iter().find(|(w, _)| *w == word).map(|&(_, m)| m)
}

/// Whether two normalised values denote the same number (relative tolerance 1e-9).
pub fn same_value(a: f64, b: f64) -> bool {
    let scale = a.abs().max(b.abs()).max(1.0);
    (a - b).abs() <= 1e-9 * scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn vals(text: &str, lang: NumLang) -> Vec<f64> {
        find_numbers(text, lang).iter().map(|n| n.value).collect()
    }

    #[test]
    fn german_thousands_variants() {
        for s in [
            "10'000",
            "10’000",
            "10.000",
            "10 000",
            "10\u{2009}000",
            "10\u{202f}000",
            "10\u{a0}000",
        ] {
            let ns = find_numbers(s, NumLang::De);
            assert_eq!(ns.len(), 1, "{s}");
            assert_eq!(ns[0].value, 10000.0, "{s}");
            assert_eq!(ns[0].text, s);
            assert_eq!((ns[0].start, ns[0].end), (0, s.len()));
        }
        assert_eq!(vals("1.234.567 Einwohner", NumLang::De), vec![1_234_567.0]);
        assert_eq!(vals("10.000,50 Franken", NumLang::De), vec![10000.5]);
        assert_eq!(vals("10'000.50 Franken", NumLang::De), vec![10000.5]);
    }

    #[test]
    fn german_decimals() {
        assert_eq!(vals("5,5 Prozent", NumLang::De), vec![5.5]);
        assert_eq!(vals("8839,8 m", NumLang::De), vec![8839.8]);
        assert_eq!(vals("3.5 Tonnen", NumLang::De), vec![3.5]);
        assert_eq!(vals("8847.60 m", NumLang::De), vec![8847.6]);
        assert_eq!(vals("0,25", NumLang::De), vec![0.25]);
    }

    #[test]
    fn german_years_ordinals_and_words() {
        assert_eq!(vals("im Jahr 1977", NumLang::De), vec![1977.0]);
        let ns = find_numbers("am 6. Juni", NumLang::De);
        assert_eq!(ns.len(), 1);
        assert_eq!(ns[0].value, 6.0);
        assert!(ns[0].ordinal);
        assert_eq!(ns[0].text, "6.");
        assert_eq!(vals("122-mm-Geschütz", NumLang::De), vec![122.0]);
        assert_eq!(vals("MiG-29 und Hwasong-11", NumLang::De), vec![29.0, 11.0]);
        assert_eq!(vals("S. 147-151", NumLang::De), vec![147.0, 151.0]);
        assert_eq!(vals("1954/55", NumLang::De), vec![1954.0, 55.0]);
        assert_eq!(vals("200.- Rupies", NumLang::De), vec![200.0]);
        // sentence-final year is not an ordinal
        let ns = find_numbers("erstiegen 1956.", NumLang::De);
        assert!(!ns[0].ordinal);
        assert_eq!(ns[0].text, "1956");
    }

    #[test]
    fn german_dates() {
        assert_eq!(vals("am 18.05.1956", NumLang::De), vec![18.0, 5.0, 1956.0]);
        assert_eq!(vals("am 18.5. abgereist", NumLang::De), vec![18.0, 5.0]);
    }

    #[test]
    fn years_in_sequence_do_not_group() {
        assert_eq!(vals("1849 und 1850", NumLang::De), vec![1849.0, 1850.0]);
        assert_eq!(vals("seit 1952 200 Mann", NumLang::De), vec![1952.0, 200.0]);
    }

    #[test]
    fn english_rules() {
        assert_eq!(vals("10,000 people", NumLang::En), vec![10000.0]);
        assert_eq!(vals("5.5 percent", NumLang::En), vec![5.5]);
        assert_eq!(vals("1,500", NumLang::En), vec![1500.0]);
        assert_eq!(vals("1,234,567.89", NumLang::En), vec![1_234_567.89]);
        assert_eq!(vals("1,5", NumLang::En), vec![1.0, 5.0]);
        assert_eq!(
            vals("in 2005 and 2006, the", NumLang::En),
            vec![2005.0, 2006.0]
        );
        let ns = find_numbers("the 6th fleet", NumLang::En);
        assert!(ns[0].ordinal);
        assert_eq!(ns[0].text, "6th");
    }

    #[test]
    fn french_rules() {
        assert_eq!(vals("8839,8 m", NumLang::Fr), vec![8839.8]);
        assert_eq!(vals("10 000 habitants", NumLang::Fr), vec![10000.0]);
        let ns = find_numbers("les 2e et 3e ascensions", NumLang::Fr);
        assert_eq!(
            ns.iter().map(|n| n.value).collect::<Vec<_>>(),
            vec![2.0, 3.0]
        );
        assert!(ns.iter().all(|n| n.ordinal));
    }

    #[test]
    fn negative_numbers() {
        assert_eq!(vals("bei -5 Grad", NumLang::De), vec![-5.0]);
        assert_eq!(vals("−12,5", NumLang::De), vec![-12.5]);
        assert_eq!(vals("Nr.-5", NumLang::De), vec![5.0]);
    }

    #[test]
    fn scale_words() {
        let ns = find_numbers("5 Milliarden Euro", NumLang::De);
        assert_eq!(ns[0].scaled, Some(5e9));
        let ns = find_numbers("2,5 Mio. Franken", NumLang::De);
        assert_eq!(ns[0].scaled, Some(2.5e6));
        let ns = find_numbers("5 billion dollars", NumLang::En);
        assert_eq!(ns[0].scaled, Some(5e9));
        let ns = find_numbers("3 Billionen", NumLang::De);
        assert_eq!(ns[0].scaled, Some(3e12));
        let ns = find_numbers("3 million", NumLang::En);
        assert_eq!(ns[0].scaled, Some(3e6));
        let ns = find_numbers("8848 m", NumLang::De);
        assert_eq!(ns[0].scaled, None);
    }

    #[test]
    fn cross_language_equivalence() {
        let de = vals("10.000 und 5,5 und 10'000", NumLang::De);
        let en = vals("10,000 and 5.5 and 10,000", NumLang::En);
        assert_eq!(de, en);
    }

    #[test]
    fn empty_and_no_digits() {
        assert!(find_numbers("", NumLang::De).is_empty());
        assert!(find_numbers("keine Zahl hier", NumLang::En).is_empty());
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_valid(s in "\\PC{0,60}", lang in 0u8..3) {
            let lang = [NumLang::De, NumLang::En, NumLang::Fr][lang as usize];
            let ns = find_numbers(&s, lang);
            let mut last = 0;
            for n in &ns {
                prop_assert!(n.start >= last);
                prop_assert!(n.start < n.end);
                prop_assert_eq!(s.get(n.start..n.end), Some(n.text.as_str()));
                prop_assert!(n.value.is_finite());
                last = n.end;
            }
        }

        #[test]
        fn digit_heavy_strings(s in "[0-9.,' \\-a-z’]{0,40}", lang in 0u8..3) {
            let lang = [NumLang::De, NumLang::En, NumLang::Fr][lang as usize];
            let ns = find_numbers(&s, lang);
            for n in &ns {
                prop_assert_eq!(s.get(n.start..n.end), Some(n.text.as_str()));
            }
        }

        #[test]
        fn integers_roundtrip(v in 0u64..10_000_000_000) {
            let plain = v.to_string();
            let mut grouped = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    grouped.push('#');
                }
                grouped.push(c);
            }
            let cases = [
                (grouped.replace('#', "."), NumLang::De),
                (grouped.replace('#', "'"), NumLang::De),
                (grouped.replace('#', "\u{2009}"), NumLang::De),
                (grouped.replace('#', ","), NumLang::En),
                (grouped.replace('#', "\u{202f}"), NumLang::Fr),
            ];
            for (text, lang) in cases {
                let ns = find_numbers(&format!("rund {text} Stück"), lang);
                prop_assert_eq!(ns.len(), 1, "{}", text);
                prop_assert_eq!(ns[0].value, v as f64);
            }
        }

        #[test]
        fn decimals_roundtrip(i in 0u32..100_000, f in 1u32..100) {
            let de = find_numbers(&format!("x {i},{f:02} y"), NumLang::De);
            let en = find_numbers(&format!("x {i}.{f:02} y"), NumLang::En);
            prop_assert_eq!(de.len(), 1);
            prop_assert_eq!(en.len(), 1);
            prop_assert!(same_value(de[0].value, en[0].value));
        }
    }
}
