//! Digit numerals read together: a numeral is merged with the one before
//! it where the two form one quantity (`2½`, `14:30`, `1/2`, `2 1/2`), a
//! two-digit range end after a year also reads as a year (`2023-24`), the
//! month of a German numeric date is optional (`18.05.1956`), and a decade
//! (`90er`, `90s`, `'90s`) also reads as 1990 and 2090.

use super::number_words::vulgar;
use super::times::clock;
use super::{Quantity, QuantityKind};
use crate::text::numbers::NumLang;

/// The text between two quantities, if `a` ends before `b` starts.
fn gap<'a>(text: &'a str, a: &Quantity, b: &Quantity) -> Option<&'a str> {
    text.get(a.end..b.start)
}

/// Appends `q`, merging it with the previous quantity where they form one:
/// a time `14:30`, a fraction `2 1/2`, `2½`; marks range ends and date months.
pub(super) fn merge_or_push(text: &str, lang: NumLang, out: &mut Vec<Quantity>, mut q: Quantity) {
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

    // Fraction 1/2, and 2 1/2.
    if matches!(between, "/" | "⁄")
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
            out.push(Quantity {
                start,
                end: q.end,
                text: text.get(start..q.end).unwrap_or("").to_string(),
                values: vec![frac],
                scaled: None,
                kind: QuantityKind::Number,
                optional: false,
                spelled: false,
                ordinal: false,
            });
        }
        return;
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

    // Month of a German numeric date: 18.05.1956, 18.5.
    if matches!(lang, NumLang::De | NumLang::Fr)
        && prev.ordinal
        && q.ordinal
        && prev.end == q.start
        && prev.text.ends_with('.')
    {
        q.optional = true;
    }
    out.push(q);
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
