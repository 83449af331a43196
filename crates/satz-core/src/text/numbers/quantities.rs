//! Quantities for the QA number check: [`find_quantities`] and
//! [`compare_quantities`].
//!
//! [`find_numbers`] reads numerals one by one; a translator's number check
//! needs a little more, so that what a careful translation writes
//! differently is not reported (every rule below answers a false alarm):
//!
//! * **Scales**: `5,5 Milliarden` and `5.5 billion` both read as 5.5e9
//!   ([`Quantity::scaled`]); German `Billion` is 10^12, English `billion`
//!   10^9. Spelled numbers and articles take scales too: `zwei Millionen`,
//!   `eine Milliarde` = `a billion` = 1e9. When both sides are scaled, only
//!   the scaled values are compared (`5,5 Milliarden` ≠ `5.5 million`).
//! * **Spelled-out numbers** ([`Quantity::spelled`]): every German number
//!   word below a million (`zwanzig`, `einundzwanzig`, `dreihundert`,
//!   `zweitausendvierundzwanzig`) and English number phrases (`twenty-one`,
//!   `six hundred and sixty-six`, `two thousand`); `ein`/`eine`/`one`/`a`
//!   alone never count (they are articles). A capitalised German number
//!   word counts only at the start of a sentence, since `Acht` (attention)
//!   and `Elf` (a team) are nouns; `einige hundert` is no number.
//!   `zweieinhalb` and `two and a half` read as 2.5, `eineinhalb` as 1.5.
//! * **Optional quantities** ([`Quantity::optional`]) need no counterpart but
//!   pair with one if there is: the month of a German numeric date
//!   (`18.05.1956` against `18 May 1956`), and a spelled number joined to a
//!   hyphen (`Drei-Punkte-Plan`, `three-year-old`, since German writes
//!   `dreijährig` as one word).
//! * **Times**: `14.30 Uhr`, `14:30`, `2.30pm`, `8 a.m.`, `20 Uhr` are
//!   [`QuantityKind::Time`] in minutes on a 12-hour clock (so `20 Uhr` =
//!   `8pm` = `8 o'clock`), compared only with times.
//! * **Fractions**: `1/2` = 0.5, `2 1/2` = `2½` = 2.5 (numerator smaller
//!   than a denominator of at most 10, so `1954/55` and `24/7` stay two
//!   numbers).
//! * **Ranges and decades**: a two-digit end after a year also reads as a
//!   year (`2023-24` and `1954/55` match `2024` and `1955`); a decade
//!   `90er`, `90s`, `'90s` also reads as 1990 and as 2090 (both centuries
//!   are offered, since `20er` may be the 1920s or the 2020s).
//! * Ordinals compare by value (`6.` = `6th` = `6`), so `6. Januar` =
//!   `January 6` = `6 January`; `1990er` = `1990s` by value.
//!
//! [`compare_quantities`] matches the two sides as multisets and returns
//! what is left over. A full-hour time also matches the plain hour (`9 Uhr`
//! = `at 9 in the morning`). An unmatched quantity is excused when the other
//! text has a word *starting with* that number's name (`dreijährige`
//! excuses `three`, `zwanzigmal` excuses `20 times`; the longest name, so
//! `dreizehnjährige` excuses 13, not 3); 2 also by `beide`/`both`; an
//! English decade by its tens (`mid-fifties` for `Mitte fünfzig`); an
//! ordinal by the ordinal word (`1. Liga` = `first division`, `50th` =
//! `fünfzigsten`, `75.` = `seventy-fifth`); a spelled one and a half by a
//! half (`eineinhalb Monate` = `a month and a half`).

//!
//! # Layout
//!
//! This file holds [`Quantity`] and [`find_quantities`], which puts the
//! readers together; each submodule reads or compares one thing:
//!
//! * `number_words`: the value of a number or ordinal word (German ones
//!   parsed by their grammar, `drei|hundert|fünf|und|zwanzig`), scale
//!   words, articles, vulgar fractions;
//! * `numerals`: adjacent digit numerals read as one (fractions, `14:30`,
//!   year ranges, date months) and decades;
//! * `times`: clock times (`14.30 Uhr`, `8 a.m.`);
//! * `spelled`: spelled-out numbers and article + scale word;
//! * `compare`: [`compare_quantities`], the matching of two sides.

mod compare;
mod dates;
mod identifiers;
mod number_words;
mod numerals;
mod reconcile;
mod spelled;
mod times;
mod units;

pub use compare::{QuantityDiff, Side, WeakPair, compare_quantities, compare_sides};
pub use dates::{DateOrder, ENGLISH_MONTHS};
pub use units::{Dimension, Unit};

use super::{NumLang, find_numbers_as};

/// The value of one complete, comparison-keyed number word of at least 2
/// (`zwanzig`, `twenty`; never `ein`, `eins`, `one`), for
/// [`super::spelled`].
pub(crate) fn spelled_cardinal(lang: NumLang, key: &str) -> Option<u64> {
    number_words::cardinal(lang, key)
}

/// An English unit word 1 to 9 (the `one` of `twenty-one`).
pub(crate) fn spelled_unit(key: &str) -> Option<u64> {
    number_words::english_unit(key)
}

/// `v` (2 to 99) written as a word in `lang`.
pub(crate) fn spell(lang: NumLang, v: u64) -> Option<String> {
    number_words::spell(lang, v)
}
use number_words::vulgar;
use numerals::{mark_decade, merge_or_push};
use spelled::spelled_quantities;
use times::mark_time;

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuantityKind {
    /// A plain number (amount, year, percentage, day of a date).
    Number,
    /// A clock time, in minutes after midnight (compared on a 12-hour
    /// clock, since `8 Uhr` may be `8pm`).
    Time,
    /// The month of a date (`Juli`, `July`, the `05` of `18.05.1956`), 1 to 12.
    Month,
}

/// A number as the QA check compares it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte offset of the start (on a char boundary).
    pub start: usize,
    /// Byte offset one past the end (on a char boundary).
    pub end: usize,
    /// `&text[start..end]`.
    pub text: String,
    /// The readings, any of which may match (first the plain value).
    pub values: Vec<f64>,
    /// The value times a following scale word (`Milliarden`, `billion`).
    pub scaled: Option<f64>,
    /// Number, time or month.
    pub kind: QuantityKind,
    /// Needs no counterpart on the other side (see the module documentation).
    pub optional: bool,
    /// Spelled out as a word (`drei`, `three`).
    pub spelled: bool,
    /// An ordinal (`6.`, `6th`).
    pub ordinal: bool,
    /// The unit of measure after it (`km`, `%`, `Jahre`).
    pub unit: Option<Unit>,
    /// The day of a date (`15.` in `15. Juli`, `15` in `July 15`).
    pub day: bool,
    /// Part of a name or code (`MP3`, `CO2`, `777-300ER`, `@jemb123`).
    pub code: bool,
    /// In brackets right after another amount (`1.800 Pfund (2.000
    /// Euro)`): a conversion for the reader.
    pub gloss: bool,
    /// The clock time a decimal may also be (`20.30` is 20:30), in minutes.
    pub as_time: Option<f64>,
    /// After a word that makes it vague (`mehrere 10 Millionen` = `tens of
    /// millions`, `some 20`).
    pub vague: bool,
    /// A decade (`90er`, `neunziger Jahre`, `1990s`, `'90s`): it matches
    /// only a decade, since `the 1990s` is not `1990`.
    pub decade: bool,
    /// Written again elsewhere on the same side (`1956 ... im Herbst
    /// 1956`): set by the comparison on what it leaves over.
    pub repeated: bool,
}

impl Quantity {
    /// A plain number over `text[start..end]` with one reading.
    #[allow(
        clippy::indexing_slicing,
        reason = "callers pass the span of a figure or words they found in text: char boundaries"
    )]
    pub(crate) fn number(text: &str, start: usize, end: usize, value: f64) -> Quantity {
        Quantity {
            start,
            end,
            text: text[start..end].to_string(),
            values: vec![value],
            scaled: None,
            kind: QuantityKind::Number,
            optional: false,
            spelled: false,
            ordinal: false,
            unit: None,
            day: false,
            code: false,
            gloss: false,
            as_time: None,
            vague: false,
            repeated: false,
            decade: false,
        }
    }

    /// The first reading, scaled if there is a scale word: the value a
    /// message shows.
    pub fn shown_value(&self) -> f64 {
        // No scale word: the plain reading.
        self.scaled.unwrap_or_else(|| self.value())
    }

    /// The plain value: the first reading.
    ///
    /// # Panics
    ///
    /// If `values` was emptied from outside: every quantity the crate
    /// makes has a reading (`Quantity::number` gives one, and readings
    /// are only added or replaced by non-empty lists).
    #[allow(
        clippy::indexing_slicing,
        reason = "values is never empty (see # Panics)"
    )]
    pub fn value(&self) -> f64 {
        self.values[0]
    }

    /// The text before the quantity.
    #[allow(
        clippy::indexing_slicing,
        reason = "start is a char boundary of the text the quantity was read from"
    )]
    pub(crate) fn before<'a>(&self, text: &'a str) -> &'a str {
        &text[..self.start]
    }

    /// The text from the quantity's start on.
    #[allow(
        clippy::indexing_slicing,
        reason = "start is a char boundary of the text the quantity was read from"
    )]
    pub(crate) fn onwards<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..]
    }

    /// The text after the quantity.
    #[allow(
        clippy::indexing_slicing,
        reason = "end is a char boundary of the text the quantity was read from"
    )]
    pub(crate) fn after<'a>(&self, text: &'a str) -> &'a str {
        &text[self.end..]
    }

    /// Moves the end to `end` (a char boundary of `text` after the start,
    /// where a quantity merged into this one ends) and re-reads the text.
    #[allow(
        clippy::indexing_slicing,
        reason = "start and the merged quantity's end are char boundaries of text, start first"
    )]
    pub(crate) fn extend_to(&mut self, text: &str, end: usize) {
        self.end = end;
        self.text = text[self.start..end].to_string();
    }

    /// Every reading: the values, then the scaled value.
    fn readings(&self) -> impl Iterator<Item = f64> + '_ {
        self.values.iter().copied().chain(self.scaled)
    }

    /// The first reading as a whole number, if it is one (below 10^15).
    pub fn int_value(&self) -> Option<u64> {
        let v = *self.values.first()?;
        (v >= 0.0 && v.fract() == 0.0 && v < 1e15).then_some(v as u64)
    }

    /// Whether the text is ASCII digits only (no sign, separator or suffix).
    fn is_plain_digits(&self) -> bool {
        !self.text.is_empty() && self.text.chars().all(|c| c.is_ascii_digit())
    }

    /// Whether it reads as a year: four plain digits from 1000 to 2100.
    pub fn is_year(&self) -> bool {
        self.kind == QuantityKind::Number
            && self.is_plain_digits()
            && self.text.len() == 4
            && self.int_value().is_some_and(|v| (1000..=2100).contains(&v))
    }

    /// Whether it is part of a date: a day or a month.
    pub fn in_date(&self) -> bool {
        self.day || self.kind == QuantityKind::Month
    }
}

/// The quantities of `text` (see the module documentation), sorted by start.
///
/// Never panics; spans are on char boundaries and inside `text`.
pub fn find_quantities(text: &str, lang: NumLang) -> Vec<Quantity> {
    find_quantities_in(text, lang, lang, DateOrder::Either)
}

/// [`find_quantities`] with the figures read with the digit conventions of
/// `format` (see [`find_numbers_as`]) and numeric dates in `order`.
pub(crate) fn find_quantities_in(
    text: &str,
    format: NumLang,
    lang: NumLang,
    order: DateOrder,
) -> Vec<Quantity> {
    let mut raw: Vec<Quantity> = find_numbers_as(text, format, lang)
        .into_iter()
        .map(|n| Quantity {
            scaled: n.scaled,
            ordinal: n.ordinal,
            ..Quantity::number(text, n.start, n.end, n.value)
        })
        .collect();
    for (start, c) in text.char_indices() {
        if let Some(v) = vulgar(c) {
            raw.push(Quantity::number(text, start, start + c.len_utf8(), v));
        }
    }
    raw.sort_by_key(|q| q.start);

    let mut out: Vec<Quantity> = Vec::with_capacity(raw.len());
    for q in raw {
        merge_or_push(text, lang, order, &mut out, q);
    }
    for q in &mut out {
        mark_time(text, lang, q);
        mark_decade(text, lang, q);
    }
    out.extend(spelled_quantities(text, lang));
    out.extend(dates::month_names(text));
    out.extend(identifiers::roman_numerals(text));
    out.sort_by_key(|q| q.start);
    out.retain(|q| !units::inside_unit(text, q));
    share_range_scales(text, &mut out);
    for q in &mut out {
        mark_decades_and_centuries(text, q);
    }
    units::mark_units(text, &mut out);
    mark_signs_and_far_scales(text, lang, &mut out);
    for q in &mut out {
        mark_footnoted_year(q);
    }
    times::share_clock(text, lang, &mut out);
    dates::mark_days(text, lang, &mut out);
    identifiers::mark_codes_and_glosses(text, &mut out);
    out
}

/// A year with a footnote mark glued to it (`200811` is 2008 and note 11,
/// in text taken from a PDF) also reads as the year.
fn mark_footnoted_year(q: &mut Quantity) {
    if q.kind != QuantityKind::Number || !q.is_plain_digits() || !(5..=6).contains(&q.text.len()) {
        return;
    }
    if let Some(year) = q.text.get(..4).and_then(|y| y.parse::<u32>().ok())
        && (1900..=2099).contains(&year)
    {
        q.values.push(f64::from(year));
    }
}

/// Words before a number that make it vague.
const VAGUE_WORDS: [&str; 12] = [
    "mehrere",
    "mehreren",
    "einige",
    "einigen",
    "etliche",
    "etlichen",
    "several",
    "some",
    "few",
    "ungefähr",
    "paar",
    "various",
];

/// Signs in words and scales a few words away: a number after `minus`
/// (`minus three`, `minus 28 Grad`) or before `below zero` / `unter Null`
/// is negative; an unscaled figure whose scale word follows a few
/// words later in the same clause (`die 750 durch Europa mobilisierten
/// Milliarden`, `deren 4 versprochenen Milliarden`) also reads scaled; a
/// number after `mehrere`, `several`, `some` is vague.
fn mark_signs_and_far_scales(text: &str, lang: NumLang, qs: &mut [Quantity]) {
    use crate::text::words::{key, words};
    let ws = words(text);
    let keys: Vec<String> = ws.iter().map(|w| key(w.text)).collect();
    let word_at = |byte: usize| ws.iter().position(|w| w.start >= byte);
    for q in qs.iter_mut() {
        if q.kind != QuantityKind::Number {
            continue;
        }
        let first = ws.iter().position(|w| w.start >= q.start);
        let before = first
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| keys.get(i));
        q.vague |= before.is_some_and(|b| VAGUE_WORDS.contains(&b.as_str()));
        // No word after the number: nothing follows it.
        let after = word_at(q.end).unwrap_or(ws.len());
        let next: Vec<&str> = keys
            .iter()
            .skip(after)
            .take(5)
            .map(String::as_str)
            .collect();
        let below_zero = next
            .windows(2)
            .any(|p| matches!(p, ["below", "zero"] | ["unter", "null"]));
        if (before.is_some_and(|b| b == "minus") || below_zero)
            && q.values.first().is_some_and(|&v| v > 0.0)
        {
            q.values = q.values.iter().map(|v| -v).collect();
        }
        if q.scaled.is_none() && !q.spelled && !q.is_year() && q.unit.is_none() {
            let far = keys
                .iter()
                .enumerate()
                .skip(after + 1)
                .take(7)
                .take_while(|(j, _)| {
                    // Stop at the next number or at a clause boundary.
                    ws.get(*j)
                        .is_some_and(|w| !w.text.starts_with(|c: char| c.is_ascii_digit()))
                })
                .find_map(|(_, k)| super::scale_word(lang, k).filter(|&m| m >= 1e6));
            if let (Some(m), Some(&v)) = (far, q.values.first()) {
                q.values.push(v * m);
            }
        }
    }
}

/// A number of decades or centuries also reads as years: `drei Jahrzehnte`
/// = `30 years`, `three decades` = `dreissig Jahre`, `zwei Jahrhunderte` =
/// `200 years`.
fn mark_decades_and_centuries(text: &str, q: &mut Quantity) {
    if q.kind != QuantityKind::Number || q.scaled.is_some() || q.ordinal {
        return;
    }
    let next: String = q
        .after(text)
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let factor = if next.starts_with("decade") || next.starts_with("jahrzehnt") {
        10.0
    } else if next.starts_with("centur") || next.starts_with("jahrhundert") {
        100.0
    } else {
        return;
    };
    if let Some(&v) = q.values.first() {
        q.values.push(v * factor);
    }
}

/// Words that join the two ends of a range; `auf` only after `von`, `to`
/// not after `by` (`um 300 auf 1,2 Millionen`, `by 300 to 1.2 million` are
/// a rise by 300).
const RANGE_JOINS: [&str; 7] = ["-", "–", "bis", "und", "oder", "and", "or"];

/// A range whose second end carries the scale gives it to the first:
/// `zwischen 1,2 und 1,4 Milliarden`, `von 4,2 auf 4,1 Milliarden`, `12 bis
/// 16 Tausend`, `2.5 to 3 billion`. Only a first end below 1000;
/// not a year (`bis 2015 auf 20 Milliarden`), not before an article with a
/// scale (`2009 auf eine Billion`).
fn share_range_scales(text: &str, qs: &mut [Quantity]) {
    for i in (1..qs.len()).rev() {
        let (Some(first), Some(second)) = (qs.get(i - 1), qs.get(i)) else {
            continue;
        };
        let (Some(&a), Some(&b), Some(scaled)) =
            (first.values.first(), second.values.first(), second.scaled)
        else {
            continue;
        };
        // The word before the first number (`von`, `from`), read from the
        // end so a long text costs nothing.
        let word_before = || {
            let b = first.before(text).trim_end();
            b.rsplit_once(char::is_whitespace).map_or(b, |(_, w)| w)
        };
        let joined = text.get(first.end..second.start).is_some_and(|gap| {
            let gap = gap.trim();
            RANGE_JOINS.contains(&gap)
                || (gap == "auf" && word_before().eq_ignore_ascii_case("von"))
                || (gap == "to" && !word_before().eq_ignore_ascii_case("by"))
        });
        let year = first.is_plain_digits() && (1000.0..=2100.0).contains(&a);
        // Only a short first end takes the scale (`1,2 und 1,4 Milliarden`,
        // not `800.000 auf 1,2 Millionen`).
        if first.scaled.is_none()
            && a.abs() < 1000.0
            && !year
            && !(second.spelled && b == 1.0)
            && first.kind == QuantityKind::Number
            && second.kind == QuantityKind::Number
            && b != 0.0
            && joined
            && let Some(q) = qs.get_mut(i - 1)
        {
            // The scale is a power of ten: take it whole, so `4,2` becomes
            // exactly what `4,2 Milliarden` would.
            let scale = 10f64.powi((scaled / b).log10().round() as i32);
            q.scaled = Some(a * scale);
        }
    }
}

#[cfg(test)]
#[path = "quantities_tests.rs"]
mod tests;
