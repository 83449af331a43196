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
/// a time `14:30`, a fraction `2 1/2`, `2½`; marks range ends and date months.
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
    let between = gap(text, prev, &q).unwrap_or("\u{0}");

    // Vulgar fraction right after an integer: 2½, 2 ½.
    if q.text.chars().count() == 1
        && q.text.chars().all(|c| vulgar(c).is_some())
        && (between.is_empty() || between == " ")
        && prev.kind == QuantityKind::Number
        && prev.int_value().is_some()
        && prev.scaled.is_none()
    {
        let add = q.values.first().copied().unwrap_or(0.0);
        for v in &mut prev.values {
            *v += add;
        }
        prev.end = q.end;
        prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
        return;
    }

    // Clock time with a colon: 14:30.
    if between == ":"
        && prev.is_plain_digits()
        && prev.int_value().is_some_and(|h| h <= 24)
        && q.text.len() == 2
        && q.is_plain_digits()
        && q.int_value().is_some_and(|m| m < 60)
    {
        let h = prev.int_value().unwrap_or(0);
        let m = q.int_value().unwrap_or(0);
        prev.kind = QuantityKind::Time;
        prev.values = vec![clock(h, m)];
        prev.scaled = None;
        prev.end = q.end;
        prev.text = text.get(prev.start..prev.end).unwrap_or("").to_string();
        return;
    }

    // Fraction 1/2, and 2 1/2 (not the start of a date, 1/6/2024).
    let date_follows = text.get(q.end..).is_some_and(|r| r.starts_with('/'));
    if matches!(between, "/" | "⁄")
        && !date_follows
        && prev.is_plain_digits()
        && q.is_plain_digits()
        && q.scaled.is_none()
        && let (Some(num), Some(den)) = (prev.int_value(), q.int_value())
        && (1..=9).contains(&num)
        && (2..=10).contains(&den)
        && num < den
    {
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
            w.end = q.end;
            w.text = text.get(w.start..w.end).unwrap_or("").to_string();
        } else {
            out.push(Quantity::number(text, start, q.end, frac));
        }
        return;
    }

    // `(2000 -2004)`: a minus sign right after a number and a space is a
    // range dash.
    if q.text.starts_with(['-', '−'])
        && between.chars().all(char::is_whitespace)
        && !between.is_empty()
        && prev.kind == QuantityKind::Number
        && let Some(&v) = q.values.first()
    {
        q.values.push(-v);
    }

    // Two-digit end of a year range: 2023-24, 1954/55.
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
    if q.kind != QuantityKind::Number || q.text.len() != 2 || !q.is_plain_digits() {
        return;
    }
    let after = text.get(q.end..).unwrap_or("");
    let before = text.get(..q.start).unwrap_or("");
    let decade = match lang {
        NumLang::De | NumLang::Fr => after.starts_with("er"),
        NumLang::En => {
            let s_then_end = after
                .strip_prefix('s')
                .is_some_and(|r| !r.chars().next().is_some_and(char::is_alphanumeric));
            s_then_end || before.ends_with(['\'', '’'])
        }
    };
    if let (true, Some(v)) = (decade, q.int_value())
        && v % 10 == 0
    {
        q.values.push((1900 + v) as f64);
        q.values.push((2000 + v) as f64);
    }
}

/// Marks codes and glosses (see [`Quantity::code`] and [`Quantity::gloss`]).
///
/// A code: digits with a letter right before them (`MP3`, `CO2`, `G20`,
/// `@jemb123`) or after a letter and a hyphen (`MiG-29`, `F-16`), or in a
/// word where digits touch letters that are no unit or suffix (`300ER`
/// makes `777-300ER` a code). A gloss: a number in brackets that open
/// right after another amount (`1.800 Pfund (2.000 Euro)`, `$1 million
/// (£480,000)`).
pub(super) fn mark_codes_and_glosses(text: &str, qs: &mut [Quantity]) {
    let mut prev_end: Option<usize> = None;
    for q in qs.iter_mut() {
        if !q.spelled && q.kind == QuantityKind::Number {
            q.code = in_code(text, q);
            q.gloss = prev_end.is_some_and(|p| is_gloss(text, p, q.start));
        }
        if q.kind == QuantityKind::Number {
            prev_end = Some(q.end);
        }
    }
}

/// Whether the word around `q` makes it part of a name or code.
fn in_code(text: &str, q: &Quantity) -> bool {
    let before = text.get(..q.start).unwrap_or_default();
    let mut back = before.chars().rev();
    let prev = back.next();
    if prev.is_some_and(char::is_alphabetic) {
        return true;
    }
    if prev.is_some_and(crate::text::words::is_hyphen)
        && back.next().is_some_and(char::is_alphabetic)
    {
        // `MiG-29`, `F-16`, `Su-27`, but not a suspended compound.
        return true;
    }
    // The whitespace-delimited word holding q: digits glued to letters that
    // are no unit or suffix (`300ER`).
    let start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before
            .get(i..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8)
    });
    let after = text.get(q.end..).unwrap_or_default();
    let end = q.end + after.find(char::is_whitespace).unwrap_or(after.len());
    let word = text.get(start..end).unwrap_or_default();
    let mut chars = word.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let Some(&(_, n)) = chars.peek() else { break };
        if c.is_ascii_digit() && n.is_alphabetic() {
            let letters: String = word
                .get(i + c.len_utf8()..)
                .unwrap_or_default()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let known = matches!(
                letters.to_lowercase().as_str(),
                "st" | "nd"
                    | "rd"
                    | "th"
                    | "s"
                    | "er"
                    | "ern"
                    | "e"
                    | "h"
                    | "m"
                    | "km"
                    | "cm"
                    | "mm"
                    | "kg"
                    | "g"
                    | "t"
                    | "ft"
                    | "l"
                    | "ml"
                    | "ha"
                    | "bn"
                    | "mn"
                    | "k"
                    | "tn"
                    | "mio"
                    | "mrd"
                    | "pm"
                    | "am"
                    | "mph"
                    | "kmh"
                    | "jährig"
                    | "jährige"
                    | "jährigen"
                    | "fach"
                    | "fache"
                    | "fachen"
                    | "mal"
                    | "x"
            );
            // Capitals are a model name (`300ER`, `4GT`), not `90er`.
            let capitals = letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase);
            if !known || capitals {
                return true;
            }
        }
    }
    false
}

/// Whether the number at `start` sits in brackets opened just after an
/// amount that ended at `prev_end`.
fn is_gloss(text: &str, prev_end: usize, start: usize) -> bool {
    let Some(between) = text.get(prev_end..start) else {
        return false;
    };
    let Some(open) = between.rfind('(') else {
        return false;
    };
    let (before, inside) = between.split_at(open);
    before.chars().count() <= 16
        && !before.contains([')', '.', ';', ':'])
        && inside.chars().count() <= 8
        && !inside.contains(char::is_numeric)
}
