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

pub mod placeables;
mod quantities;

pub use quantities::{
    DateOrder, Dimension, ENGLISH_MONTHS, Quantity, QuantityDiff, QuantityKind, Side, Unit,
    WeakPair, compare_quantities, compare_sides, find_quantities,
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
    // k may be one past the last char (a number ending the text): the end.
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

#[allow(
    clippy::indexing_slicing,
    reason = "callers pass a digit run, to = digit_run(cs, from), from a char index or one past a char: from ≤ to ≤ cs.len()"
)]
fn digits_of(cs: &[(usize, char)], from: usize, to: usize) -> String {
    cs[from..to].iter().map(|&(_, c)| c).collect()
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
    if let Some(next) = scan_dotted_date(text, cs, k, conv, out) {
        return next;
    }
    let d0_end = digit_run(cs, k);
    let (int_digits, class, j) = scan_groups(cs, k, conv.format);
    let (frac_digits, j) = scan_fraction(cs, j, conv.format, class);
    let (ordinal, end) = if class.is_none() && frac_digits.is_empty() {
        ordinal_suffix(cs, j, d0_end - k, conv.words)
    } else {
        (false, j)
    };
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

/// A date written with dots at `k` (`18.05.1956`, `18.5.`; in English text
/// only with a year, `20.12.2012`, `28.8.09`, which no English figure looks
/// like): pushes day, month and year, returns where to go on.
fn scan_dotted_date(
    text: &str,
    cs: &[(usize, char)],
    k: usize,
    conv: Conventions,
    out: &mut Vec<Number>,
) -> Option<usize> {
    let d0_end = digit_run(cs, k);
    if d0_end - k > 2 || ch(cs, d0_end) != Some('.') || !is_digit(cs, d0_end + 1) {
        return None;
    }
    let d1_end = digit_run(cs, d0_end + 1);
    if d1_end - d0_end - 1 > 2 || ch(cs, d1_end) != Some('.') {
        return None;
    }
    let d2_end = digit_run(cs, d1_end + 1);
    let d2_len = d2_end - d1_end - 1;
    let day: f64 = digits_of(cs, k, d0_end).parse().ok()?;
    let month: f64 = digits_of(cs, d0_end + 1, d1_end).parse().ok()?;
    let plausible = (1.0..=31.0).contains(&day) && (1.0..=12.0).contains(&month);
    let year_ok = match conv.format {
        NumLang::De | NumLang::Fr => matches!(d2_len, 0 | 2 | 4),
        NumLang::En => matches!(d2_len, 2 | 4),
    };
    if !plausible || !year_ok {
        return None;
    }
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
    if d2_len == 0 {
        return Some(d1_end + 1);
    }
    let year: f64 = digits_of(cs, d1_end + 1, d2_end).parse().ok()?;
    push(text, cs, out, d1_end + 1, d2_end, year, false, conv.words);
    Some(d2_end)
}

/// The integer digits from `k` with their thousands groups (groups of
/// three after a first group of at most three, one separator class), the
/// class, and where they end.
fn scan_groups(cs: &[(usize, char)], k: usize, lang: NumLang) -> (String, Option<u8>, usize) {
    let d0_end = digit_run(cs, k);
    let mut int_digits = digits_of(cs, k, d0_end);
    let mut j = d0_end;
    let mut class: Option<u8> = None;
    if d0_end - k <= 3 {
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
    (int_digits, class, j)
}

/// The decimal digits after `j`, if a decimal separator of `lang` is
/// there, and where they end.
fn scan_fraction(
    cs: &[(usize, char)],
    j: usize,
    lang: NumLang,
    class: Option<u8>,
) -> (String, usize) {
    let Some(sep) = ch(cs, j) else {
        return (String::new(), j);
    };
    let is_dec = match lang {
        NumLang::De | NumLang::Fr => sep == ',' || (sep == '.' && class != Some(1)),
        NumLang::En => sep == '.',
    };
    if is_dec && is_digit(cs, j + 1) {
        let f_end = digit_run(cs, j + 1);
        (digits_of(cs, j + 1, f_end), f_end)
    } else {
        (String::new(), j)
    }
}

/// Whether an ordinal mark follows at `j` (German `6.` before more text,
/// English `6th`, French `2e`), and where the numeral ends.
fn ordinal_suffix(cs: &[(usize, char)], j: usize, digits: usize, words: NumLang) -> (bool, usize) {
    let suffix = match words {
        NumLang::De => {
            // "6. Juni", "1. Vom ..." : dot, whitespace, then more text.
            let more_text = cs
                .get(j + 1..)
                .is_some_and(|rest| rest.iter().any(|&(_, c)| !c.is_whitespace()));
            let ordinal = digits <= 3
                && ch(cs, j) == Some('.')
                && ch(cs, j + 1).is_some_and(char::is_whitespace)
                && more_text;
            ordinal.then_some(1)
        }
        NumLang::En => suffix_len(cs, j, &["st", "nd", "rd", "th"]),
        NumLang::Fr => suffix_len(cs, j, &["ème", "eme", "ère", "er", "re", "e"]),
    };
    // No ordinal suffix: a cardinal, ending at j.
    suffix.map_or((false, j), |len| (true, j + len))
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
            // to_lowercase yields at least one char: the fallback is never taken.
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
mod tests;
