//! Clock times: a numeral followed by German `Uhr`, French `h` or English
//! `am`, `pm`, `a.m.`, `p.m.`, `o'clock` (`14.30 Uhr`, `2.30pm`, `8 a.m.`)
//! is read as a [`QuantityKind::Time`] in minutes on a 12-hour clock, so
//! that `20 Uhr` = `8pm`. (`14:30` is joined from two numerals in
//! `numerals`.)

use super::{Quantity, QuantityKind};
use crate::text::numbers::NumLang;

/// Minutes on a 12-hour clock.
pub(super) fn clock(h: u64, m: u64) -> f64 {
    ((h % 12) * 60 + m) as f64
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
    let is_clock = match lang {
        NumLang::De => next == "uhr",
        NumLang::Fr => next == "h",
        NumLang::En => matches!(next, "am" | "pm" | "a.m" | "p.m" | "o'clock" | "o’clock"),
    };
    if !is_clock || q.ordinal {
        return;
    }
    if let Some((h, m)) = hours_minutes(&q.text) {
        q.kind = QuantityKind::Time;
        q.values = vec![clock(h, m)];
        q.scaled = None;
    }
}
