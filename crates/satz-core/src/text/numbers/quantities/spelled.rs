//! Spelled-out numbers: every German number word below a million
//! (`zwölf`, `einundzwanzig`, `dreihundert`), English number phrases
//! (`twenty-one`, `six hundred and sixty-six`, `two thousand`), never `ein`
//! or `one` alone (they are articles), with a half (`zweieinhalb`, `two and
//! a half`) and scale words (`zwei Millionen`, `four hundred million`), and
//! an article before a scale word (`eine Milliarde` = `a billion` = 1e9).
//!
//! A capitalised German number word counts only at the start of a sentence
//! (`Acht` is also a noun); a bare `hundert` or `tausend` after `einige`,
//! `mehrere`, `wenige` ... is no number (`einige hundert` = `a few hundred`);
//! a number joined to a hyphen (`Drei-Punkte-Plan`) is optional. English
//! `twenty-first` is an ordinal: it is no quantity and only excuses one
//! (see `compare.rs`).

use super::number_words::{cardinal, english_unit, is_one_article, ordinal};
use super::times::clock;
use super::{Quantity, QuantityKind};
use crate::text::numbers::NumLang;
use crate::text::numbers::scale_word;
use crate::text::words::{Word, is_hyphen, key, words};

/// German words that make a following bare `hundert`/`tausend` vague.
const DE_VAGUE: [&str; 11] = [
    "einige", "einigen", "mehrere", "mehreren", "wenige", "wenigen", "paar", "viele", "vielen",
    "etliche", "etlichen",
];

/// The words of a text with their keys, and how neighbours are joined.
struct Seq<'a> {
    text: &'a str,
    ws: Vec<Word<'a>>,
    keys: Vec<String>,
}

impl<'a> Seq<'a> {
    fn new(text: &'a str) -> Self {
        let ws = words(text);
        let keys = ws.iter().map(|w| key(w.text)).collect();
        Seq { text, ws, keys }
    }

    fn key(&self, j: usize) -> Option<&str> {
        self.keys.get(j).map(String::as_str)
    }

    /// The end of word `j`, a word a reading took (so `j < ws.len()`).
    #[allow(
        clippy::indexing_slicing,
        reason = "j is a word the reader got through key/next, which proved it in range"
    )]
    fn end_of(&self, j: usize) -> usize {
        self.ws[j].end
    }

    fn gap(&self, j: usize) -> Option<&str> {
        let (a, b) = (self.ws.get(j)?, self.ws.get(j + 1)?);
        self.text.get(a.end..b.start)
    }

    /// The key of word `j + 1` when only whitespace separates it from `j`.
    fn next(&self, j: usize) -> Option<&str> {
        let g = self.gap(j)?;
        if g.chars().all(char::is_whitespace) {
            self.key(j + 1)
        } else {
            None
        }
    }

    /// The key of word `j + 1` when a hyphen or one space joins it to `j`
    /// (`twenty-one`, `twenty one`).
    fn joined(&self, j: usize) -> Option<&str> {
        let g = self.gap(j)?;
        if g == " " || (!g.is_empty() && g.chars().all(is_hyphen)) {
            self.key(j + 1)
        } else {
            None
        }
    }
}

/// Spelled numbers (with scales, `einhalb`, `and a half`) and
/// article + scale word (`eine Milliarde`, `a billion`).
pub(super) fn spelled_quantities(text: &str, lang: NumLang) -> Vec<Quantity> {
    let seq = Seq::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < seq.ws.len() {
        let (quantity, last) = read_at(&seq, i, lang);
        if let Some(q) = quantity {
            // A clock phrase takes the minutes read before it.
            while out.last().is_some_and(|p: &Quantity| p.end > q.start) {
                out.pop();
            }
            out.push(q);
        }
        i = last.max(i) + 1;
    }
    out
}

/// The quantity that starts at word `i`, if any, and the last word it (or
/// an ordinal compound that is skipped) takes.
fn read_at(seq: &Seq, i: usize, lang: NumLang) -> (Option<Quantity>, usize) {
    let Some(k) = seq.key(i) else {
        return (None, i);
    };
    let Some(first) = seq.ws.get(i) else {
        return (None, i);
    };
    if let Some(found) = clock_or_fraction(seq, i, lang) {
        return found;
    }
    if let Some(decade) = german_decade(lang, k) {
        let mut q = spelled(seq.text, first.start, first.end, decade, None, false);
        q.values.extend([1900.0 + decade, 2000.0 + decade]);
        q.decade = true;
        return (Some(q), i);
    }
    let number = match lang {
        NumLang::En => {
            if cardinal(lang, k).is_some_and(|t| t >= 20 && t % 10 == 0)
                && seq
                    .joined(i)
                    .and_then(|n| ordinal(lang, n))
                    .is_some_and(|o| o < 10)
            {
                return (None, i + 1);
            }
            english_number(seq, i)
                .or_else(|| bare_english_hundred(seq, i))
                .map(|(v, last)| (v as f64, last))
        }
        NumLang::De | NumLang::Fr => german_number(seq, i, lang),
    };
    let Some((mut value, mut last)) = number else {
        // Article + scale word: eine Milliarde, a billion.
        if is_one_article(lang, k) && seq.next(i).and_then(|n| scale_word(lang, n)).is_some() {
            let (scaled, last) = scales(seq, i, 1.0, lang);
            let end = seq.end_of(last);
            return (
                Some(spelled(seq.text, first.start, end, 1.0, scaled, false)),
                last,
            );
        }
        return (None, i);
    };
    if lang == NumLang::En
        && seq.next(last) == Some("and")
        && seq.next(last + 1) == Some("a")
        && seq.next(last + 2) == Some("half")
    {
        value += 0.5;
        last += 3;
    }
    let (scaled, last) = scales(seq, last, value, lang);
    // One alone is an article (`one day`, `ein Tag`), not an amount.
    if value == 1.0 && scaled.is_none() {
        return (None, last);
    }
    let end = seq.end_of(last);
    let hyphen_before = seq
        .text
        .get(..first.start)
        .and_then(|b| b.chars().next_back())
        .is_some_and(is_hyphen);
    let hyphen_after = seq
        .text
        .get(end..)
        .and_then(|a| a.chars().next())
        .is_some_and(is_hyphen);
    let optional = (hyphen_before || hyphen_after) && scaled.is_none();
    let q = spelled(seq.text, first.start, end, value, scaled, optional);
    (Some(q), last)
}

/// A spelled clock time ending at word `i` (`zwanzig vor neun`, `halb
/// neun`) or a fraction of a scale word starting there (`half a million`,
/// `eine halbe Million`, `Viertelmillion`): the quantity and its last word.
fn clock_or_fraction(seq: &Seq, i: usize, lang: NumLang) -> Option<(Option<Quantity>, usize)> {
    let first = seq.ws.get(i)?;
    if let Some((minutes, from)) = clock_phrase(seq, i, lang)
        && let Some(start) = seq.ws.get(from)
    {
        // A phrase with a number for the minutes (`zwanzig vor neun`)
        // needs no counterpart: `fünf vor zwölf` is also an idiom.
        let numbered = seq.key(from).is_some_and(|k| cardinal(lang, k).is_some());
        let mut q = spelled(seq.text, start.start, first.end, minutes, None, numbered);
        q.kind = QuantityKind::Time;
        return Some((Some(q), i));
    }
    if let Some((fraction, scale_at)) = fraction_of_scale(seq, i, lang)
        && let Some(scale) = seq.key(scale_at).and_then(|w| scale_word(lang, w))
    {
        let end = seq.end_of(scale_at);
        let scaled = Some(fraction * scale);
        let q = spelled(seq.text, first.start, end, fraction, scaled, false);
        return Some((Some(q), scale_at));
    }
    let (fraction, scale) = fraction_scale_word(lang, seq.key(i)?)?;
    let q = spelled(
        seq.text,
        first.start,
        first.end,
        fraction,
        Some(fraction * scale),
        false,
    );
    Some((Some(q), i))
}

/// The tens of a German decade word: `siebziger` (`in den siebziger
/// Jahren`), `Fünfzigern`, `dreissiger` give 70, 50, 30 (read also as the
/// years 1970, 2070 ... like `70er`).
fn german_decade(lang: NumLang, k: &str) -> Option<f64> {
    if lang == NumLang::En {
        return None;
    }
    let base = k.strip_suffix("ern").or_else(|| k.strip_suffix("er"))?;
    let tens = cardinal(lang, base).filter(|t| (20..=90).contains(t) && t % 10 == 0)?;
    Some(tens as f64)
}

/// A fraction of a scale word starting at word `i`: `half a million`, `a
/// quarter of a million`, `eine halbe Million`, `einer halben Milliarde`:
/// the fraction and the scale word's index.
fn fraction_of_scale(seq: &Seq, i: usize, lang: NumLang) -> Option<(f64, usize)> {
    let k = seq.key(i)?;
    match lang {
        NumLang::En => {
            let (fraction, a_at) = match k {
                "half" => (0.5, i + 1),
                "a" | "one" if seq.next(i) == Some("quarter") && seq.next(i + 1) == Some("of") => {
                    (0.25, i + 3)
                }
                "three" if seq.next(i) == Some("quarters") && seq.next(i + 1) == Some("of") => {
                    (0.75, i + 3)
                }
                _ => return None,
            };
            // `half a million`: the article, then the scale word.
            let joined = (i..a_at).all(|j| seq.next(j).is_some());
            (joined && seq.key(a_at) == Some("a") && seq.next(a_at).is_some())
                .then_some((fraction, a_at + 1))
        }
        NumLang::De | NumLang::Fr => {
            is_one_article(lang, k).then_some(())?;
            let half = seq.next(i)?;
            matches!(half, "halbe" | "halben")
                .then_some((0.5, i + 2))
                .filter(|_| seq.next(i + 1).is_some())
        }
    }
}

/// A German scale word with a fraction in it: `Viertelmillion` (0.25,
/// 10^6), `Dreiviertelmillion`, `Viertelmilliarde`.
fn fraction_scale_word(lang: NumLang, k: &str) -> Option<(f64, f64)> {
    if lang == NumLang::En {
        return None;
    }
    let (fraction, rest) = if let Some(r) = k.strip_prefix("dreiviertel") {
        (0.75, r)
    } else if let Some(r) = k.strip_prefix("viertel") {
        (0.25, r)
    } else {
        return None;
    };
    scale_word(lang, rest)
        .filter(|&s| s >= 1e6)
        .map(|s| (fraction, s))
}

/// A spelled clock time ending at the hour word `i`: German `halb neun` =
/// 8:30, `Viertel nach acht` = 8:15, `Viertel vor neun` and `dreiviertel
/// neun` = 8:45; English `half past eight`, `quarter past eight`, `quarter
/// to nine`. Returns minutes on a 12-hour clock and the phrase's first word.
fn clock_phrase(seq: &Seq, i: usize, lang: NumLang) -> Option<(f64, usize)> {
    let hour = match seq.key(i)? {
        "eins" | "one" => 1,
        k => cardinal(lang, k).filter(|&h| h <= 12)?,
    };
    let before = |n: usize| -> Option<&str> {
        let j = i.checked_sub(n)?;
        // Only whitespace between the phrase's words.
        (j..i).all(|w| seq.next(w).is_some()).then(|| seq.key(j))?
    };
    let earlier = hour + 11; // the hour before, on a 12-hour clock
    let (minutes, from) = match (lang, before(2), before(1)?) {
        (NumLang::De | NumLang::Fr, _, "halb") => (clock(earlier, 30), i - 1),
        (NumLang::De | NumLang::Fr, _, "dreiviertel") => (clock(earlier, 45), i - 1),
        (NumLang::De | NumLang::Fr, Some("viertel"), "nach") => (clock(hour, 15), i - 2),
        (NumLang::De | NumLang::Fr, Some("viertel"), "vor") => (clock(earlier, 45), i - 2),
        (NumLang::En, Some("half"), "past") => (clock(hour, 30), i - 2),
        (NumLang::En, Some("quarter"), "past") => (clock(hour, 15), i - 2),
        (NumLang::En, Some("quarter"), "to") => (clock(earlier, 45), i - 2),
        // `zwanzig vor neun` = 8:40, `zehn nach acht`, `twenty past eight`
        // (optional: `fünf vor zwölf` is also an idiom).
        (NumLang::De | NumLang::Fr, Some(m), "nach") | (NumLang::En, Some(m), "past") => {
            let m = cardinal(lang, m).filter(|m| (1..30).contains(m))?;
            (clock(hour, m), i - 2)
        }
        (NumLang::De | NumLang::Fr, Some(m), "vor") => {
            let m = cardinal(lang, m).filter(|m| (1..30).contains(m))?;
            (clock(earlier, 60 - m), i - 2)
        }
        _ => return None,
    };
    Some((minutes, from))
}

/// A German number word at `i` (`zwanzig`, `zweieinhalb`): its value and
/// the word itself as the last word.
fn german_number(seq: &Seq, i: usize, lang: NumLang) -> Option<(f64, usize)> {
    let k = seq.key(i)?;
    let w = seq.ws.get(i)?;
    let value = match cardinal(lang, k) {
        Some(v) => v as f64,
        None => {
            let whole = k.strip_suffix("einhalb").filter(|_| lang == NumLang::De)?;
            let whole = if whole == "ein" {
                1
            } else {
                cardinal(lang, whole)?
            };
            whole as f64 + 0.5
        }
    };
    let capitalised = w.text.chars().next().is_some_and(char::is_uppercase);
    if capitalised && !sentence_start(seq.text, w.start) {
        return None;
    }
    let vague = matches!(k, "hundert" | "tausend")
        && i.checked_sub(1).is_some_and(|j| {
            seq.next(j).is_some() && seq.key(j).is_some_and(|p| DE_VAGUE.contains(&p))
        });
    (!vague).then_some((value, i))
}

/// An English number phrase at `i`: `seventeen`, `twenty-one`,
/// `six hundred and sixty-six`, `a hundred`, `two thousand five hundred`.
/// Returns its value and last word; `one` alone gives 1.
fn english_number(seq: &Seq, i: usize) -> Option<(u64, usize)> {
    english_group(seq, i, "thousand", 1000, english_below_1000)
}

fn english_below_1000(seq: &Seq, i: usize) -> Option<(u64, usize)> {
    english_group(seq, i, "hundred", 100, english_below_100_or_a)
}

/// A number below `factor` read by `below`, then optionally `word` and
/// (after `and`) another such number: `six hundred and sixty-six`.
fn english_group(
    seq: &Seq,
    i: usize,
    word: &str,
    factor: u64,
    below: fn(&Seq, usize) -> Option<(u64, usize)>,
) -> Option<(u64, usize)> {
    let (mut value, mut last) = below(seq, i)?;
    // `two hundred` and `two-hundred-thousand`
    if value < factor && seq.joined(last) == Some(word) {
        value *= factor;
        last += 1;
        if let Some((rest, l)) = after_and(seq, last, below) {
            value += rest;
            last = l;
        }
    }
    Some((value, last))
}

/// A `hundred` or `thousand` with no number before it (`the first hundred
/// days`), as German writes `hundert`; not after `few`, `several`, `many`,
/// `some` (`a few hundred` is vague) nor after digits (their scale).
fn bare_english_hundred(seq: &Seq, i: usize) -> Option<(u64, usize)> {
    let v = match seq.key(i)? {
        "hundred" => 100,
        "thousand" => 1000,
        _ => return None,
    };
    // After digits (`70 thousand`) the word is the digits' scale; after a
    // hyphen it is part of a compound (`two-hundred-thousand`).
    let taken = i
        .checked_sub(1)
        .filter(|&j| seq.joined(j).is_some())
        .and_then(|j| seq.key(j))
        .is_some_and(|p| {
            matches!(
                p,
                "few" | "several" | "many" | "some" | "of" | "tens" | "hundreds"
            ) || p.chars().any(|c| c.is_ascii_digit())
                || cardinal(NumLang::En, p).is_some()
        });
    (!taken).then_some((v, i))
}

/// `a` before `hundred` or `thousand` is 1; otherwise a number below 100.
fn english_below_100_or_a(seq: &Seq, i: usize) -> Option<(u64, usize)> {
    if seq.key(i) == Some("a") && matches!(seq.next(i), Some("hundred" | "thousand")) {
        return Some((1, i));
    }
    english_below_100(seq, i)
}

fn english_below_100(seq: &Seq, i: usize) -> Option<(u64, usize)> {
    let k = seq.key(i)?;
    let v = english_unit(k).or_else(|| cardinal(NumLang::En, k))?;
    if v >= 20
        && v % 10 == 0
        && let Some(u) = seq.joined(i).and_then(english_unit)
    {
        return Some((v + u, i + 1));
    }
    Some((v, i))
}

/// The number that follows word `j`, directly or after `and`.
fn after_and(
    seq: &Seq,
    j: usize,
    read: fn(&Seq, usize) -> Option<(u64, usize)>,
) -> Option<(u64, usize)> {
    let (v, last) = match seq.next(j)? {
        "and" => {
            seq.next(j + 1)?;
            read(seq, j + 2)?
        }
        _ => read(seq, j + 1)?,
    };
    // `two hundred and three hundred` is two numbers, not 203 hundred.
    let scaled_again = seq
        .next(last)
        .and_then(|n| scale_word(NumLang::En, n))
        .is_some();
    (!scaled_again).then_some((v, last))
}

/// Scale words after word `last` multiply `value`, a larger one after a
/// smaller one too (`zwei Millionen`, `hundert Millionen`): the scaled value,
/// if any, and the last word taken.
fn scales(seq: &Seq, mut last: usize, value: f64, lang: NumLang) -> (Option<f64>, usize) {
    let mut scaled: Option<f64> = None;
    while let Some(scale) = seq.next(last).and_then(|n| scale_word(lang, n))
        && scaled.is_none_or(|v| scale > v / value)
    {
        // The first scale word multiplies the plain value.
        scaled = Some(scaled.unwrap_or(value) * scale);
        last += 1;
    }
    (scaled, last)
}

/// A spelled quantity over `text[start..end]`.
fn spelled(
    text: &str,
    start: usize,
    end: usize,
    value: f64,
    scaled: Option<f64>,
    optional: bool,
) -> Quantity {
    Quantity {
        scaled,
        optional,
        spelled: true,
        ..Quantity::number(text, start, end, value)
    }
}

/// Whether byte `at` starts a sentence: only spaces, opening quotes and
/// brackets since the text start or since `.`, `!`, `?`, `:`, `;`.
#[allow(
    clippy::indexing_slicing,
    reason = "at is the start of a word of text: a char boundary"
)]
fn sentence_start(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let trimmed = before.trim_end_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '«' | '»' | '„' | '“' | '"' | '(' | '[' | '‹' | '›' | '‚' | '\''
            )
    });
    trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', ':', ';', '–', '—'])
}
