//! Clock times: a numeral followed by German `Uhr`, French `h` or English
//! `am`, `pm`, `a.m.`, `p.m.`, `o'clock` (`14.30 Uhr`, `2.30pm`, `8 a.m.`)
//! is read as a [`QuantityKind::Time`] in minutes on a 12-hour clock, so
//! that `20 Uhr` = `8pm`. (`14:30` is joined from two numerals in
//! `numerals`.)

use super::{Quantity, QuantityKind};
use crate::text::numbers::NumLang;

/// Minutes after midnight (`24` is midnight). Times are compared on a
/// 12-hour clock ([`same_time`]), since `8 Uhr` may be 8pm.
pub(super) fn clock(h: u64, m: u64) -> f64 {
    ((h % 24) * 60 + m) as f64
}

/// Whether two clock times (minutes after midnight) are the same on a
/// 12-hour clock.
pub(super) fn same_time(a: f64, b: f64) -> bool {
    (a.rem_euclid(720.0) - b.rem_euclid(720.0)).abs() < 0.5
}

/// Hours and minutes of `14`, `14.30`, `14:30`, `2.30`.
fn hours_minutes(text: &str) -> Option<(u64, u64)> {
    let mut parts = text.split(['.', ':']);
    let h: u64 = parts.next()?.parse().ok()?;
    let m: u64 = match parts.next() {
        Some(m) if m.len() == 2 => m.parse().ok()?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() || h > 24 || m >= 60 {
        return None;
    }
    Some((h, m))
}

/// Turns `14.30 Uhr`, `8 Uhr`, `2.30pm`, `8 a.m.`, `8 o'clock` into times.
pub(super) fn mark_time(text: &str, lang: NumLang, q: &mut Quantity) {
    if q.kind == QuantityKind::Time {
        return;
    }
    let Some(rest) = text.get(q.end..) else {
        return;
    };
    let after = rest.trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    let next: String = after
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '.' || *c == '\'' || *c == '’')
        .collect::<String>()
        .to_lowercase();
    let next = next.trim_end_matches('.');
    let glued = !rest.starts_with([' ', '\u{a0}', '\u{202f}']);
    let is_clock = match lang {
        // `20.30h`, `10h` (glued, as in Spain and Switzerland), `14 Uhr`.
        NumLang::De => next == "uhr" || (next == "h" && glued),
        NumLang::Fr => next == "h",
        NumLang::En => matches!(next, "am" | "pm" | "a.m" | "p.m" | "o'clock" | "o’clock"),
    };
    if !is_clock || q.ordinal {
        return;
    }
    if let Some((h, m)) = hours_minutes(&q.text) {
        let pm = lang == NumLang::En && next.starts_with('p') && h < 12;
        q.kind = QuantityKind::Time;
        q.values = vec![clock(if pm { h + 12 } else { h }, m)];
        q.scaled = None;
    }
}

/// Words for twelve o'clock: optional times (`am Mittag`, `at midday`),
/// since `Mittag` is also lunch.
const NOON_WORDS: [&str; 6] = [
    "mittag",
    "mitternacht",
    "midday",
    "noon",
    "midnight",
    "mittags",
];

/// After the other readers: a bare hour joined to a time shares its clock
/// (`um 12 und 14 Uhr`, `zwischen 8 und 10 Uhr`); a decimal that can be a
/// clock time also reads as one (`20.30`, `15.30`), and so do four digits
/// before `hours` (`1530 hours`, military style, and the first end of such
/// a range, `from 1000 to 2030 hours`); `noon`, `midnight`, `Mittag` are
/// optional times of 12:00.
pub(super) fn share_clock(text: &str, lang: NumLang, qs: &mut Vec<Quantity>) {
    for i in (0..qs.len().saturating_sub(1)).rev() {
        if let (Some(a), Some(b)) = (qs.get(i), qs.get(i + 1))
            && range_joined(text, a, b)
            && b.kind == QuantityKind::Time
            && a.kind == QuantityKind::Number
            && a.scaled.is_none()
            && a.unit.is_none()
            && let Some((h, m)) = hours_minutes(&a.text)
            && let Some(q) = qs.get_mut(i)
        {
            q.kind = QuantityKind::Time;
            q.values = vec![clock(h, m)];
        }
    }
    for q in qs.iter_mut() {
        if q.kind != QuantityKind::Number || q.spelled || q.scaled.is_some() {
            continue;
        }
        let decimal_clock = q.text.len() >= 4
            && q.text
                .rfind(['.', ':'])
                .is_some_and(|d| q.text.len() - d == 3);
        if decimal_clock && let Some((h, m)) = hours_minutes(&q.text) {
            q.as_time = Some(clock(h, m));
        }
        let before_hours = text.get(q.end..).is_some_and(|r| {
            let r = r.trim_start();
            r.to_lowercase().starts_with("hour") || r.starts_with("hrs")
        });
        if lang == NumLang::En
            && before_hours
            && let Some(t) = military(&q.text)
        {
            q.as_time = Some(t);
        }
    }
    for i in (0..qs.len().saturating_sub(1)).rev() {
        if let (Some(a), Some(b)) = (qs.get(i), qs.get(i + 1))
            && range_joined(text, a, b)
            && b.as_time.is_some()
            && b.text.len() == 4
            && let Some(t) = military(&a.text)
            && let Some(q) = qs.get_mut(i)
        {
            q.as_time = Some(t);
        }
    }
    join_uhr_minutes(text, qs);
    qs.extend(noon_words(text));
    qs.sort_by_key(|q| q.start);
}

/// `5 Uhr 13` is 5:13: the minutes after `Uhr` join the hour.
fn join_uhr_minutes(text: &str, qs: &mut Vec<Quantity>) {
    let mut i = 0;
    while i + 1 < qs.len() {
        let joined = match (qs.get(i), qs.get(i + 1)) {
            (Some(a), Some(b)) => {
                a.kind == QuantityKind::Time
                    && b.is_plain_digits()
                    && b.text.len() == 2
                    && b.int_value().is_some_and(|m| m < 60)
                    && text
                        .get(a.end..b.start)
                        .is_some_and(|g| g.trim().eq_ignore_ascii_case("uhr"))
            }
            _ => false,
        };
        if joined {
            let b = qs.remove(i + 1);
            // joined checked that b has an integer value.
            if let (Some(a), Some(m)) = (qs.get_mut(i), b.int_value()) {
                let m = m as f64;
                a.values = a.values.iter().map(|v| v + m).collect();
                a.extend_to(text, b.end);
            }
        }
        i += 1;
    }
}

/// Whether `a` and `b` are the two ends of a range (`12 und 14`, `10 to
/// 12`, `8-10`).
fn range_joined(text: &str, a: &Quantity, b: &Quantity) -> bool {
    text.get(a.end..b.start).is_some_and(|g| {
        matches!(
            g.trim(),
            "und" | "bis" | "-" | "–" | "oder" | "and" | "to" | "or" | "until"
        )
    })
}

/// The time of four digits written the military way (`1530`).
fn military(digits: &str) -> Option<f64> {
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let h: u64 = digits.get(..2)?.parse().ok()?;
    let m: u64 = digits.get(2..)?.parse().ok()?;
    (h <= 24 && m < 60).then(|| clock(h, m))
}

/// `noon`, `midnight`, `Mittag` as optional times of 12:00.
fn noon_words(text: &str) -> Vec<Quantity> {
    crate::text::words::words(text)
        .into_iter()
        .filter(|w| NOON_WORDS.contains(&crate::text::words::key(w.text).as_str()))
        .map(|w| Quantity {
            kind: QuantityKind::Time,
            optional: true,
            spelled: true,
            ..Quantity::number(text, w.start, w.end, clock(12, 0))
        })
        .collect()
}
