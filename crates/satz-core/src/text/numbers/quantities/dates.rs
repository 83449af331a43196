//! Dates: month names as [`QuantityKind::Month`] quantities, and the day
//! that goes with them, so that `15. Juli` = `July 15` = `15 July` = `the
//! 15th of July` and `15. Juli` ≠ `August 15`; numeric dates are read in
//! `numerals` (`6.1.2024`, `18.12.`, `6/1/2024` in the order of
//! [`DateOrder`]).
//!
//! A month name counts only where it is a date: next to a number (`15.
//! Juli`, `July 2024`) or after a word that introduces a time (`im Juli`,
//! `Anfang März`, `in March`, `since May`, `last August`). So `May` the
//! verb, `March` the noun and `August` the name are no months, and a
//! capitalised English month is needed anyway (`may`, `march` never are).
//! Abbreviations (`Jan.`, `Okt.`, `Sept.`) count only next to a number.

use super::{Quantity, QuantityKind};
use crate::text::numbers::NumLang;
use crate::text::words::{Word, key, words};

/// How the target locale writes numeric dates with slashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// Day first (`6/1/2024` is 6 January): British and most English.
    DayFirst,
    /// Month first (`6/1/2024` is June 1): `en-US`.
    MonthFirst,
    /// Either reading (plain `en`).
    #[default]
    Either,
}

/// The English month names, January first.
pub const ENGLISH_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month names (comparison keys) and their number, German and English.
const MONTHS: [(&str, u8); 23] = [
    ("januar", 1),
    ("jänner", 1),
    ("january", 1),
    ("februar", 2),
    ("feber", 2),
    ("february", 2),
    ("märz", 3),
    ("maerz", 3),
    ("march", 3),
    ("april", 4),
    ("mai", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("juli", 7),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("oktober", 10),
    ("october", 10),
    ("november", 11),
    ("dezember", 12),
    ("december", 12),
];

/// Abbreviations of month names (only next to a number).
const ABBREVIATIONS: [(&str, u8); 16] = [
    ("jan", 1),
    ("feb", 2),
    ("mrz", 3),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("okt", 10),
    ("oct", 10),
    ("nov", 11),
    ("dez", 12),
    ("dec", 12),
    ("febr", 2),
];

/// Words after which a month name is a date (`im Juli`, `in March`).
const TIME_WORDS: [&str; 38] = [
    "von",
    "im",
    "in",
    "anfang",
    "mitte",
    "ende",
    "seit",
    "bis",
    "ab",
    "vom",
    "zum",
    "des",
    "diesen",
    "letzten",
    "vergangenen",
    "nächsten",
    "kommenden",
    "jeden",
    "since",
    "until",
    "till",
    "by",
    "from",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "every",
    "during",
    "of",
    "before",
    "after",
    "through",
    "end",
    "beginning",
    "middle",
];

/// The number of a month name or abbreviation (key), and whether it is an
/// abbreviation.
fn month(k: &str) -> Option<(u8, bool)> {
    // The German genitive: `des Januars`, `des 11. Septembers`.
    let full = k.strip_suffix('s').filter(|b| b.len() > 3).unwrap_or(k);
    if let Some(&(_, m)) = MONTHS.iter().find(|(w, _)| *w == full) {
        return Some((m, false));
    }
    ABBREVIATIONS
        .iter()
        .find(|(w, _)| *w == k)
        .map(|&(_, m)| (m, true))
}

/// Whether word `w` of `ws` touches a number: digits just before or after
/// it (one space, or `. ` after a German ordinal day).
fn next_to_number(text: &str, ws: &[Word<'_>], i: usize) -> bool {
    let digit_word = |j: usize| {
        ws.get(j)
            .is_some_and(|w| w.text.chars().next().is_some_and(|c| c.is_ascii_digit()))
    };
    let gap_ok = |a: &Word<'_>, b: &Word<'_>| {
        text.get(a.end..b.start).is_some_and(|g| {
            let g = g.trim_start_matches('.');
            !g.is_empty() && g.len() <= 3 && g.chars().all(|c| c.is_whitespace() || c == ',')
        })
    };
    let (Some(w), prev, next) = (
        ws.get(i),
        i.checked_sub(1).and_then(|j| ws.get(j)),
        ws.get(i + 1),
    ) else {
        return false;
    };
    prev.is_some_and(|p| digit_word(i - 1) && gap_ok(p, w))
        || next.is_some_and(|n| digit_word(i + 1) && gap_ok(w, n))
        || (prev.is_some_and(|p| key(p.text) == "of") && i >= 2 && digit_word(i - 2))
}

/// The month names of `text` that are dates (see the module
/// documentation), as [`QuantityKind::Month`] quantities.
pub(super) fn month_names(text: &str) -> Vec<Quantity> {
    let ws = words(text);
    // (word, month, abbreviation) of every capitalised month name.
    let names: Vec<(usize, u8, bool)> = ws
        .iter()
        .enumerate()
        .filter(|(_, w)| w.text.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|(i, w)| month(&key(w.text)).map(|(m, a)| (i, m, a)))
        .collect();
    let dated = |&(i, _, abbreviation): &(usize, u8, bool)| {
        let near_number = next_to_number(text, &ws, i);
        let after_time_word = i
            .checked_sub(1)
            .and_then(|j| ws.get(j))
            .is_some_and(|p| TIME_WORDS.contains(&key(p.text).as_str()));
        near_number || (!abbreviation && after_time_word)
    };
    let mut is_date: Vec<bool> = names.iter().map(dated).collect();
    // A month joined to a dated month is one too: `von Januar bis März`,
    // `from January to March`, `im Mai und Juni`.
    #[allow(
        clippy::indexing_slicing,
        reason = "is_date has one flag per name, and names.get(b) above proved b in range"
    )]
    for _ in 0..2 {
        for a in 0..names.len() {
            for b in [a.wrapping_sub(1), a + 1] {
                let (Some(&(i, ..)), Some(&(j, ..))) = (names.get(a), names.get(b)) else {
                    continue;
                };
                let joined = month_range(text, &ws, i.min(j), i.max(j));
                if joined && is_date[b] {
                    is_date[a] = true;
                }
            }
        }
    }
    let mut out = Vec::new();
    for (&(i, m, abbreviation), _) in names.iter().zip(&is_date).filter(|(_, d)| **d) {
        let Some(w) = ws.get(i) else { continue };
        let mut end = w.end;
        if abbreviation && text.get(end..).is_some_and(|r| r.starts_with('.')) {
            end += 1;
        }
        out.push(Quantity {
            kind: QuantityKind::Month,
            ..Quantity::number(text, w.start, end, f64::from(m))
        });
    }
    out
}

/// Whether words `i` and `j` (month names, `i < j`) are joined as a
/// range or list: `bis`, `to`, `und`, `and`, `until`, `-`, perhaps with a
/// word between (`bis nächsten Juni`, `to next June`).
fn month_range(text: &str, ws: &[Word<'_>], i: usize, j: usize) -> bool {
    if j <= i || j - i > 3 {
        return false;
    }
    let (Some(a), Some(b)) = (ws.get(i), ws.get(j)) else {
        return false;
    };
    #[allow(
        clippy::indexing_slicing,
        reason = "a and b are words of text, a before b (i < j): char boundaries in order"
    )]
    let between = text[a.end..b.start].to_lowercase();
    let joiners = [
        "bis", "to", "und", "and", "until", "till", "through", "-", "–",
    ];
    between
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .any(|w| joiners.contains(&w))
        || between.trim() == "-"
        || between.trim() == "–"
}

/// Marks the day of each dated month: the number just before it (`15.
/// Juli`, `15 July`, `15th of July`) or, in English, just after it (`July
/// 15`, `July 15th`), when it is 1 to 31 and not a year.
pub(super) fn mark_days(text: &str, lang: NumLang, qs: &mut [Quantity]) {
    for i in 0..qs.len() {
        if qs.get(i).is_none_or(|q| q.kind != QuantityKind::Month) {
            continue;
        }
        let before = i.checked_sub(1).filter(|&j| {
            qs.get(j).zip(qs.get(i)).is_some_and(|(d, m)| {
                text.get(d.end..m.start).is_some_and(|g| {
                    let g = g.trim();
                    g.is_empty() || g == "." || g == "of" || g == "of the"
                })
            })
        });
        let after = (lang == NumLang::En).then_some(i + 1).filter(|&j| {
            qs.get(i).zip(qs.get(j)).is_some_and(|(m, d)| {
                text.get(m.end..d.start)
                    .is_some_and(|g| g.trim().is_empty() || g.trim() == "the")
            })
        });
        for j in before.into_iter().chain(after) {
            if let Some(d) = qs.get_mut(j)
                && d.kind == QuantityKind::Number
                && !d.spelled
                && d.text.len() <= 4
                && d.int_value().is_some_and(|v| (1..=31).contains(&v))
            {
                d.day = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::numbers::quantities::find_quantities;

    fn months(text: &str) -> Vec<u8> {
        month_names(text)
            .iter()
            .map(|q| q.values.first().copied().unwrap_or(0.0) as u8)
            .collect()
    }

    fn days(text: &str, lang: NumLang) -> Vec<u64> {
        find_quantities(text, lang)
            .iter()
            .filter(|q| q.day)
            .filter_map(Quantity::int_value)
            .collect()
    }

    #[test]
    fn month_names_in_dates() {
        assert_eq!(months("am 15. Juli 2024"), [7]);
        assert_eq!(months("im März"), [3]);
        assert_eq!(months("on July 15"), [7]);
        assert_eq!(months("in March and May 2020"), [3, 5]);
        assert_eq!(months("the 15th of July"), [7]);
        assert_eq!(months("am 3. Okt. 1990"), [10]);
        assert_eq!(months("des 11. Septembers"), [9]);
    }

    #[test]
    fn words_that_are_no_months() {
        assert!(months("May I come in?").is_empty());
        assert!(months("They may come.").is_empty());
        assert!(months("the March on Washington").is_empty());
        assert!(months("August Strindberg schrieb").is_empty());
        assert!(months("Okt. war gut").is_empty());
    }

    #[test]
    fn days_go_with_their_month() {
        assert_eq!(days("am 15. Juli 2024", NumLang::De), [15]);
        assert_eq!(days("on July 15, 2024", NumLang::En), [15]);
        assert_eq!(days("on 15 July", NumLang::En), [15]);
        assert_eq!(days("the 15th of July", NumLang::En), [15]);
        assert!(days("in July 2024", NumLang::En).is_empty());
    }
}
