//! Units of measure after a quantity, so that a translation that converts
//! for English readers is not a mismatch (`42,2 Kilometer` = `26.2 miles`,
//! `15 Meter` = `50ft`, `120 km²` = `30,000 acres`, `20 Grad` = `68
//! degrees`, `eineinhalb Jahre` = `18 months`) and one that keeps the
//! number but changes the unit is (`10 Kilometer` ≠ `10 miles`).
//!
//! A unit is read right after the number: after spaces, one hyphen
//! (`58-foot`, `26.2-mile`, `7-tägigen`) or glued (`13m`, `50ft`, `1kg`).
//! A range shares the unit of its second end (`5 bis 10 cm`, `120 mal 90
//! Zentimeter`, `2 to 4 inches`).
//!
//! The table holds the units of news text: length, area, volume, mass,
//! temperature, speed, durations, and percentages (which convert to
//! nothing but tell what a number is). Currencies are not units here:
//! exchange rates change. Ambiguous words are read the way news uses them:
//! a `ton` is 907 to 1016 kg (short, metric or long; [`convert`] allows the
//! span), `degrees` in English are Celsius or Fahrenheit, German `Grad` is
//! Celsius; `pound`/`Pfund` is not read at all (a currency as often as a
//! weight).
//!
//! [`agrees`]: two quantities with units of one dimension agree when the
//! converted value is within a translator's rounding: 10% of the value,
//! or half a unit in the last significant digit of the figure written
//! (`4 inches` covers 3.5 to 4.5, `30,000 acres` covers 25,000 to 35,000).

use super::{Quantity, QuantityKind};
use crate::text::words::{is_hyphen, key, trailing_letters, words};

/// What a unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Metres.
    Length,
    /// Square metres.
    Area,
    /// Cubic metres.
    Volume,
    /// Kilograms.
    Mass,
    /// Degrees Celsius.
    Temperature,
    /// Kilometres per hour.
    Speed,
    /// Seconds.
    Duration,
    /// Percent (and percentage points).
    Percent,
    /// Money: a currency's unit or its hundredth (`Cent`, `Rappen`,
    /// `pence`); currencies are not converted into each other.
    Money,
}

/// A unit: its dimension and how to reach the dimension's base unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    /// What it measures.
    pub dimension: Dimension,
    /// Base units per unit (`mile` 1609.344 metres).
    pub factor: f64,
    /// A second factor the word may also mean (`ton`: short 907 kg or
    /// long 1016 kg besides metric 1000), or `None`.
    pub alt_factor: Option<f64>,
    /// Temperature scale (Celsius, Fahrenheit, or either).
    pub scale: TempScale,
}

/// Which temperature scale a degree word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TempScale {
    /// Not a temperature.
    None,
    /// Celsius.
    Celsius,
    /// Fahrenheit.
    Fahrenheit,
    /// English `degrees`: either.
    Either,
}

const fn unit(dimension: Dimension, factor: f64) -> Unit {
    Unit {
        dimension,
        factor,
        alt_factor: None,
        scale: TempScale::None,
    }
}

const fn temp(scale: TempScale) -> Unit {
    Unit {
        dimension: Dimension::Temperature,
        factor: 1.0,
        alt_factor: None,
        scale,
    }
}

use Dimension::{Duration, Length, Money, Percent};

/// The foot, for lengths written `6'7"`.
pub(super) const FOOT_UNIT: Unit = unit(Length, FOOT);

const MILE: f64 = 1609.344;
const FOOT: f64 = 0.3048;
const INCH: f64 = 0.0254;
const YARD: f64 = 0.9144;
const ACRE: f64 = 4046.856;
const LB: f64 = 0.453_592;
const DAY: f64 = 86_400.0;

/// `100-prozentig`: a percentage as a German adjective.
const PERCENT_ADJECTIVE: &str = "prozentig";

/// German adjective stems of durations written after a hyphen
/// (`7-tägige`, `12-stündigen`, `3-jährige`, `6-monatige`, `2-wöchige`).
const DE_DURATION_ADJECTIVES: [(&str, f64); 6] = [
    ("sekündig", 1.0),
    ("minütig", 60.0),
    ("stündig", 3600.0),
    ("tägig", DAY),
    ("wöchig", 7.0 * DAY),
    ("jährig", 365.25 * DAY),
];

mod table;

use table::UNITS;

fn lookup(words: &str) -> Option<Unit> {
    UNITS.iter().find(|(w, _)| *w == words).map(|&(_, u)| u)
}

/// The unit written right after byte `end` of `text` (see the module
/// documentation), and the byte offset after it.
pub(super) fn unit_after(text: &str, end: usize) -> Option<(Unit, usize)> {
    let rest = text.get(end..)?;
    // `%` and `°C` need no word boundary; glued `13m` and spaced `13 m`
    // both count, and one hyphen (`58-foot`).
    let mut skipped = rest.len() - rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']).len();
    if skipped == 0
        && let Some(hyphen) = rest.chars().next().filter(|&c| is_hyphen(c))
    {
        skipped = hyphen.len_utf8();
    }
    let after = rest.get(skipped..)?;
    for symbol in ["%", "°C", "°F", "°", "km²", "m²", "m³", "km/h"] {
        if after.starts_with(symbol) && !continues_word(after, symbol.len()) {
            let u = lookup(&symbol.to_lowercase())?;
            return Some((u, end + skipped + symbol.len()));
        }
    }
    let ws = words(after);
    let first = ws.first()?;
    if first.start != 0 {
        return None;
    }
    // The longest unit phrase of up to three words joined by single spaces.
    let mut best = None;
    let mut phrase = String::new();
    for (i, w) in ws.iter().take(3).enumerate() {
        if i > 0 {
            let gap = after.get(ws.get(i - 1)?.end..w.start)?;
            if gap != " " && !(gap.chars().count() == 1 && gap.starts_with(is_hyphen)) {
                break;
            }
            phrase.push(' ');
        }
        phrase.push_str(&key(w.text));
        if let Some(u) = lookup(&phrase) {
            best = Some((u, end + skipped + w.end));
        }
    }
    if best.is_none() && skipped > 0 && rest.starts_with(is_hyphen) {
        let k = key(first.text);
        if k.starts_with(PERCENT_ADJECTIVE) {
            best = Some((unit(Percent, 1.0), end + skipped + first.end));
        }
        for (stem, factor) in DE_DURATION_ADJECTIVES {
            if k.starts_with(&key(stem)) {
                best = Some((unit(Duration, factor), end + skipped + first.end));
            }
        }
    }
    best
}

/// Whether `q` is the exponent of a unit written with a digit (`m2`,
/// `km2`, `cm3`): no quantity of its own.
pub(super) fn inside_unit(text: &str, q: &Quantity) -> bool {
    if q.spelled || !matches!(q.text.as_str(), "2" | "3") {
        return false;
    }
    let before = trailing_letters(q.before(text));
    let ends_word = !continues_word(q.onwards(text), q.text.len());
    ends_word && matches!(before, "m" | "km" | "cm" | "mm" | "qm")
}

/// Sets the unit of every number followed by one; a range's first end
/// takes the unit of its second (`5 bis 10 cm`, `120 mal 90 Zentimeter`,
/// `2 to 4 inches`). Not after money abbreviations (`€2.5m` is millions).
pub(super) fn mark_units(text: &str, qs: &mut [Quantity]) {
    for q in qs.iter_mut() {
        if q.kind != QuantityKind::Number || q.scaled.is_some_and(|_| glued_letter(text, q.end)) {
            continue;
        }
        let from = if q.scaled.is_some() {
            scale_end(text, q.end)
        } else {
            q.end
        };
        if let Some((u, _)) = unit_after(text, from) {
            q.unit = Some(u);
            // `30 Cent` is also 0.30 of the currency written without a unit.
            if u.dimension == Money && u.factor != 1.0 {
                let whole: Vec<f64> = q.values.iter().map(|v| v * u.factor).collect();
                q.values.extend(whole);
            }
        }
    }
    for i in (0..qs.len().saturating_sub(1)).rev() {
        let (Some(a), Some(b)) = (qs.get(i), qs.get(i + 1)) else {
            continue;
        };
        let joined = text.get(a.end..b.start).is_some_and(|g| {
            matches!(
                g.trim(),
                "-" | "–" | "bis" | "und" | "oder" | "mal" | "x" | "×" | "to" | "and" | "or" | "by"
            )
        });
        if joined && a.unit.is_none() && a.kind == QuantityKind::Number && !a.day {
            let u = b.unit;
            if let Some(q) = qs.get_mut(i) {
                q.unit = u;
            }
        }
    }
}

/// Whether a letter follows byte `at` directly (`2.5m`).
fn glued_letter(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphabetic)
}

/// The byte offset after the scale words that follow byte `at`
/// (`62,3 Milliarden Kubikmeter`: the unit comes after the scale).
#[allow(
    clippy::indexing_slicing,
    reason = "at is a quantity's end (a char boundary); offset is 0 or the end of the word before w (and a `.` after it)"
)]
fn scale_end(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let mut end = at;
    let mut offset = 0;
    for w in words(rest).into_iter().take(3) {
        let gap = &rest[offset..w.start];
        if !gap
            .chars()
            .all(|c| c.is_whitespace() || is_hyphen(c) || c == '.')
        {
            break;
        }
        let k = key(w.text);
        let scale = [
            "hundert",
            "tausend",
            "million",
            "millionen",
            "mio",
            "milliarde",
            "milliarden",
            "mrd",
            "billion",
            "billionen",
            "hundred",
            "thousand",
            "millions",
            "mn",
            "bn",
            "billions",
            "trillion",
            "trillions",
            "thousands",
        ]
        .contains(&k.as_str());
        if !scale {
            break;
        }
        offset = w.end;
        end = at + w.end;
        if rest.get(offset..).is_some_and(|r| r.starts_with('.')) {
            offset += 1;
            end += 1;
        }
    }
    end
}

/// Whether the character after `len` bytes of `s` continues a word.
fn continues_word(s: &str, len: usize) -> bool {
    s.get(len..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphanumeric)
}

/// The value of `v` units `u` in the dimension's base unit (Celsius for
/// temperatures), with base units per unit, once per meaning the unit has.
fn in_base(v: f64, u: &Unit) -> Vec<(f64, f64)> {
    if u.dimension == Dimension::Temperature {
        let celsius = (v, 1.0);
        let fahrenheit = ((v - 32.0) * 5.0 / 9.0, 5.0 / 9.0);
        return match u.scale {
            TempScale::Fahrenheit => vec![fahrenheit],
            TempScale::Either => vec![celsius, fahrenheit],
            _ => vec![celsius],
        };
    }
    std::iter::once(u.factor)
        .chain(u.alt_factor)
        .map(|f| (v * f, f))
        .collect()
}

/// Half a unit in the last significant digit of the figure `written`
/// (`4` 0.5, `30,000` 5000, `1.5` 0.05), read from its digits.
fn rounding(written: &str, v: f64) -> f64 {
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    if let Some((_, decimals)) = written.rsplit_once(['.', ',']) {
        let frac = decimals.chars().filter(char::is_ascii_digit).count();
        // A decimal part (not a thousands group) fixes the precision.
        let thousands = frac == 3 && v.fract() == 0.0;
        if !thousands {
            return 0.5 * 10f64.powi(-(frac as i32));
        }
    }
    // Trailing zeros of a figure of three digits or more are rounding
    // (`700 yards`, `30,000 acres`); `10` and `50` may be exact.
    let trailing_zeros = if digits.len() >= 3 {
        digits.len() - digits.trim_end_matches('0').len()
    } else {
        0
    };
    0.5 * 10f64.powi(trailing_zeros as i32)
}

/// Whether `a` of unit `ua` and `b` of unit `ub` are the same amount
/// within a translator's rounding of `b`, written `written_b` with the
/// plain value `plain_b` before any scale word (see the module
/// documentation).
pub(super) fn agrees(a: f64, ua: &Unit, b: f64, ub: &Unit, written_b: &str, plain_b: f64) -> bool {
    if ua.dimension != ub.dimension {
        return false;
    }
    let scale = if plain_b == 0.0 { 1.0 } else { b / plain_b };
    let slack_b = (0.1 * b.abs()).max(rounding(written_b, plain_b) * scale.abs());
    in_base(a, ua).iter().any(|&(base_a, _)| {
        in_base(b, ub)
            .iter()
            .any(|&(base_b, per_unit)| (base_a - base_b).abs() <= slack_b * per_unit + 1e-9)
    })
}

/// Whether two units are the same unit (same dimension and factor), so
/// that equal figures are the same amount.
pub(super) fn same_unit(a: &Unit, b: &Unit) -> bool {
    a.dimension == b.dimension
        && (a.factor - b.factor).abs() <= 1e-9 * a.factor.abs().max(1.0)
        && a.scale == b.scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use Dimension::Area;

    fn after(text: &str) -> Option<Unit> {
        let digits = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        unit_after(text, digits).map(|(u, _)| u)
    }

    #[test]
    fn units_after_numbers_spaced_glued_hyphenated() {
        assert_eq!(after("42 Kilometern").unwrap().factor, 1000.0);
        assert_eq!(after("50ft").unwrap().factor, FOOT);
        assert_eq!(after("58-foot arm").unwrap().factor, FOOT);
        assert_eq!(after("13m hoch").unwrap().dimension, Length);
        assert_eq!(after("2 m2 gross").unwrap().dimension, Area);
        assert_eq!(after("120 km² Wald").unwrap().dimension, Area);
        assert_eq!(after("24 square feet").unwrap().dimension, Area);
        assert_eq!(after("5 %").unwrap().dimension, Percent);
        assert_eq!(after("5 per cent").unwrap().dimension, Percent);
        assert_eq!(after("7-tägigen Reise").unwrap().factor, DAY);
        assert_eq!(after("20 °C").unwrap().scale, TempScale::Celsius);
        assert!(after("5 Menschen").is_none());
        assert!(after("5 mal").is_none());
        assert!(after("5 in the morning").is_none());
    }

    #[test]
    fn conversions_within_rounding_agree() {
        let u = |w: &str| lookup(w).unwrap();
        assert!(agrees(42.2, &u("km"), 26.2, &u("miles"), "26.2", 26.2));
        assert!(agrees(15.0, &u("meter"), 50.0, &u("ft"), "50", 50.0));
        assert!(agrees(640.0, &u("meter"), 700.0, &u("yards"), "700", 700.0));
        assert!(agrees(30.0, &u("km"), 18.5, &u("miles"), "18 ½", 18.5));
        assert!(agrees(
            120.0,
            &u("km²"),
            30000.0,
            &u("acres"),
            "30,000",
            30000.0
        ));
        assert!(agrees(5.0, &u("cm"), 2.0, &u("inches"), "2", 2.0));
        assert!(agrees(10.0, &u("cm"), 4.0, &u("inches"), "4", 4.0));
        assert!(agrees(20.0, &u("grad"), 68.0, &u("degrees"), "68", 68.0));
        assert!(agrees(20.0, &u("grad"), 20.0, &u("degrees"), "20", 20.0));
        assert!(agrees(1.5, &u("jahre"), 18.0, &u("months"), "18", 18.0));
        assert!(agrees(17.5, &u("tonnen"), 19.3, &u("tons"), "19.3", 19.3));
        assert!(!agrees(10.0, &u("km"), 10.0, &u("miles"), "10", 10.0));
        assert!(!agrees(30.0, &u("meter"), 58.0, &u("foot"), "58", 58.0));
        assert!(!agrees(5.0, &u("kg"), 5.0, &u("lbs"), "5", 5.0));
        assert!(!agrees(20.0, &u("grad"), 40.0, &u("degrees"), "40", 40.0));
        assert!(!agrees(5.0, &u("km"), 5.0, &u("kg"), "5", 5.0));
    }
}
