//! Digit numerals read together: a numeral is merged with the one before
//! it where the two form one quantity (`2½`, `14:30`, `1/2`, `2 1/2`), a
//! two-digit range end after a year also reads as a year (`2023-24`), the
//! month of a German numeric date is optional (`18.05.1956`), and a decade
//! (`90er`, `90s`, `'90s`) also reads as 1990 and 2090.

use super::number_words::vulgar;
use super::times::clock;
use super::{DateOrder, Quantity, QuantityKind};
use crate::text::numbers::NumLang;

/// The text between two quantities, if `a` ends before `b` starts.
fn gap<'a>(text: &'a str, a: &Quantity, b: &Quantity) -> Option<&'a str> {
    text.get(a.end..b.start)
}

/// Appends `q`, merging it with the previous quantity where they form one:
/// a time `14:30`, a fraction `2 1/2`, `2½`; marks range ends and dates.
pub(super) fn merge_or_push(
    text: &str,
    lang: NumLang,
    order: DateOrder,
    out: &mut Vec<Quantity>,
    mut q: Quantity,
) {
    let Some(prev) = out.last_mut() else {
        out.push(q);
        return;
    };
    // Quantities come in text order without overlap, so there is a gap.
    debug_assert!(prev.end <= q.start, "quantities overlap");
    // Were they to overlap in a release build, no gap matches "\0", so
    // nothing merges: the two stay apart, as they were read.
    let between = gap(text, prev, &q).unwrap_or("\u{0}");
    if merge_vulgar(text, between, prev, &q) || merge_colon_time(text, between, prev, &q) {
        return;
    }
    if merge_fraction(text, between, out, &q) {
        return;
    }
    let Some(prev) = out.last_mut() else {
        out.push(q);
        return;
    };
    mark_range_end(between, prev, &mut q);
    if lang == NumLang::En && merge_feet_inches(text, between, prev, &q) {
        return;
    }
    // Month of a numeric date with dots: 18.05.1956, 18.5.
    if prev.ordinal && q.ordinal && prev.end == q.start && prev.text.ends_with('.') {
        prev.day = true;
        prev.ordinal = false;
        q.kind = QuantityKind::Month;
        q.ordinal = false;
    }
    // An English numeric date with slashes: 6/1/2024, 31/10/2013.
    if lang == NumLang::En
        && between == "/"
        && let Some(month) = slash_date(text, order, out, &q)
    {
        q.kind = QuantityKind::Month;
        q.values = month;
        if let Some(first) = out.last_mut() {
            first.day = true;
        }
    }
    out.push(q);
}

/// A vulgar fraction right after an integer (`2½`, `2 ½`) joins it.
fn merge_vulgar(text: &str, between: &str, prev: &mut Quantity, q: &Quantity) -> bool {
    let joins = q.text.chars().count() == 1
        && q.text.chars().all(|c| vulgar(c).is_some())
        && (between.is_empty() || between == " ")
        && prev.kind == QuantityKind::Number
        && prev.int_value().is_some()
        && prev.scaled.is_none();
    if joins {
        let add = q.value();
        for v in &mut prev.values {
            *v += add;
        }
        prev.extend_to(text, q.end);
    }
    joins
}

/// A clock time with a colon (`14:30`) becomes one quantity; so does a
/// race time with seconds (`2:21:31`, written `2:21.31` in English), as
/// the seconds it adds up to.
fn merge_colon_time(text: &str, between: &str, prev: &mut Quantity, q: &Quantity) -> bool {
    if between != ":" {
        return false;
    }
    if let Some(seconds) = race_time(prev, q) {
        prev.kind = QuantityKind::Number;
        prev.values = vec![seconds];
        prev.scaled = None;
        prev.extend_to(text, q.end);
        return true;
    }
    if !prev.is_plain_digits() || !q.is_plain_digits() || q.text.len() != 2 {
        return false;
    }
    let (Some(h), Some(m)) = (prev.int_value(), q.int_value()) else {
        return false;
    };
    if h > 24 || m >= 60 {
        return false;
    }
    prev.kind = QuantityKind::Time;
    prev.values = vec![clock(h, m)];
    prev.scaled = None;
    prev.extend_to(text, q.end);
    true
}

/// The seconds of `h:mm:ss` (`prev` the `h:mm` time, `q` the seconds) or
/// `h:mm.ss` (`prev` the hours, `q` the `mm.ss`).
fn race_time(prev: &Quantity, q: &Quantity) -> Option<f64> {
    let two = |s: &str| {
        (s.len() == 2 && s.chars().all(|c| c.is_ascii_digit())).then(|| s.parse::<f64>().ok())?
    };
    if prev.kind == QuantityKind::Time && q.is_plain_digits() {
        let (h, m) = prev.text.split_once(':')?;
        let h: f64 = h.parse().ok()?;
        return Some(h * 3600.0 + two(m)? * 60.0 + two(&q.text)?);
    }
    if prev.is_plain_digits() {
        let (m, s) = q.text.split_once('.')?;
        let h: f64 = prev.text.parse().ok()?;
        return Some(h * 3600.0 + two(m)? * 60.0 + two(s)?);
    }
    None
}

/// A fraction `1/2` (numerator below a denominator of at most 10) becomes
/// one quantity, joined to a whole number before it (`2 1/2`); not the
/// start of a date (`1/6/2024`).
fn merge_fraction(text: &str, between: &str, out: &mut Vec<Quantity>, q: &Quantity) -> bool {
    let date_follows = text.get(q.end..).is_some_and(|r| r.starts_with('/'));
    let Some(prev) = out.last() else {
        return false;
    };
    let fraction = matches!(between, "/" | "⁄")
        && !date_follows
        && prev.is_plain_digits()
        && q.is_plain_digits()
        && q.scaled.is_none();
    let (Some(num), Some(den)) = (prev.int_value(), q.int_value()) else {
        return false;
    };
    if !fraction || !(1..=9).contains(&num) || !(2..=10).contains(&den) || num >= den {
        return false;
    }
    let frac = num as f64 / den as f64;
    let start = prev.start;
    out.pop();
    let whole = match out.last() {
        Some(w)
            if w.is_plain_digits()
                && w.kind == QuantityKind::Number
                && text.get(w.end..start) == Some(" ") =>
        {
            w.int_value()
        }
        _ => None,
    };
    if let (Some(whole), Some(w)) = (whole, out.last_mut()) {
        w.values = vec![whole as f64 + frac];
        w.extend_to(text, q.end);
    } else {
        out.push(Quantity::number(text, start, q.end, frac));
    }
    true
}

/// Feet and inches written `6'7"`: one length in feet.
fn merge_feet_inches(text: &str, between: &str, prev: &mut Quantity, q: &Quantity) -> bool {
    let Some(inch_mark) = text
        .get(q.end..)
        .and_then(|r| r.chars().next())
        .filter(|c| matches!(c, '"' | '″' | '”'))
    else {
        return false;
    };
    if !matches!(between, "'" | "′" | "’") {
        return false;
    }
    let (Some(feet), Some(inches)) = (prev.int_value(), q.int_value()) else {
        return false;
    };
    if feet > 10 || inches >= 12 || !prev.is_plain_digits() {
        return false;
    }
    prev.values = vec![feet as f64 + inches as f64 / 12.0];
    prev.extend_to(text, q.end + inch_mark.len_utf8());
    prev.unit = Some(super::units::FOOT_UNIT);
    true
}

/// The ends of a range get their other readings: a minus sign after a
/// number and a space is a dash (`(2000 -2004)`), a two-digit end after a
/// year is a year too (`2023-24`, `1954/55`), and a short first end takes
/// the thousands of the second (`50-100.000 Euro` is 50,000 to 100,000).
fn mark_range_end(between: &str, prev: &mut Quantity, q: &mut Quantity) {
    if matches!(between, "-" | "–")
        && prev.is_plain_digits()
        && let (Some(a), Some(b)) = (prev.int_value(), q.int_value())
        && a < 1000
        && b >= 1000
        && q.text.contains(['.', ',', '\'', '’', ' '])
        && a * 1000 < b
    {
        prev.values.push((a * 1000) as f64);
    }
    if q.text.starts_with(['-', '−'])
        && between.chars().all(char::is_whitespace)
        && !between.is_empty()
        && prev.kind == QuantityKind::Number
        && let Some(&v) = q.values.first()
    {
        q.values.push(-v);
    }
    if matches!(between, "-" | "–" | "/")
        && prev.is_plain_digits()
        && prev.text.len() == 4
        && q.is_plain_digits()
        && q.text.len() == 2
        && let (Some(y), Some(e)) = (prev.int_value(), q.int_value())
        && (1000..=2999).contains(&y)
    {
        let mut full = y / 100 * 100 + e;
        if full <= y {
            full += 100;
        }
        q.values.push(full as f64);
    }
}

/// When `q` (after a `/`) and the quantity before it start a numeric
/// English date with a year (`6/1/2024`, `31/10/13`): the readings of the
/// month, the day's readings set in `out`. Day and month are told apart by
/// `order`, or by a value above 12; either order when both fit.
fn slash_date(
    text: &str,
    order: DateOrder,
    out: &mut [Quantity],
    q: &Quantity,
) -> Option<Vec<f64>> {
    let first = out.last_mut()?;
    let (a, b) = (first.int_value()?, q.int_value()?);
    let year_follows = text.get(q.end..).is_some_and(|r| {
        r.strip_prefix('/').is_some_and(|y| {
            let digits = y.chars().take_while(char::is_ascii_digit).count();
            digits == 2 || digits == 4
        })
    });
    let plain = first.is_plain_digits() && q.is_plain_digits();
    if !year_follows || !plain || !(1..=31).contains(&a) || !(1..=31).contains(&b) {
        return None;
    }
    let day_first = a > 12 || order == DateOrder::DayFirst;
    let month_first = b > 12 || order == DateOrder::MonthFirst;
    let (day, month) = match (day_first && b <= 12, month_first && a <= 12) {
        (true, false) => (vec![a], vec![b]),
        (false, true) => (vec![b], vec![a]),
        (true, true) | (false, false) if a <= 12 && b <= 12 => (vec![a, b], vec![b, a]),
        _ => return None,
    };
    first.values = day.into_iter().map(|v| v as f64).collect();
    Some(month.into_iter().map(|v| v as f64).collect())
}

/// Adds the year readings of `90er`, `90s`, `'90s`.
pub(super) fn mark_decade(text: &str, lang: NumLang, q: &mut Quantity) {
    let four = q.text.len() == 4;
    if q.kind != QuantityKind::Number || !(q.text.len() == 2 || four) || !q.is_plain_digits() {
        return;
    }
    let after = q.after(text);
    let before = q.before(text);
    let suffixed = match lang {
        NumLang::De | NumLang::Fr => after.starts_with("er") || after.starts_with("-er"),
        NumLang::En => ["s", "'s", "’s"].iter().any(|s| {
            after
                .strip_prefix(s)
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric))
        }),
    };
    // `'90` alone is a year written short, not a decade.
    let short_year = lang == NumLang::En && before.ends_with(['\'', '’']) && !four;
    let Some(v) = q.int_value().filter(|v| v % 10 == 0) else {
        return;
    };
    if (suffixed || short_year) && !four {
        q.values.push((1900 + v) as f64);
        q.values.push((2000 + v) as f64);
    }
    q.decade = suffixed;
}
