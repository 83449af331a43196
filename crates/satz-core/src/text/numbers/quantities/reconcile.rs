//! What the plain matching leaves over, looked at again:
//!
//! * **Foreign digit conventions**: a side may write its figures the other
//!   language's way (an English `17,5 tons`, `HUF 500.000`, `0,35%`, a
//!   German `480,000 Pfund`); a group of unmatched figures that, read the
//!   other way, matches unmatched figures of the other side is matched.
//!   A score list works both ways: `(12,5,4,4)` read as English is 12, 5,
//!   4 and 4.
//! * **Split figures**: `40. 000` (a stray space in the German) is the
//!   `40 000` of the English: two unmatched figures whose digits joined
//!   make an unmatched figure of the other side.
//! * **Weak pairs** ([`WeakPair`]): a German `Billion` against an English
//!   `billion` of the same figure, a year against its last two digits.
//!   Both may be right, so they are reported apart, not as a plain
//!   mismatch.

use super::compare::Side;
use super::{Quantity, QuantityDiff, QuantityKind, WeakPair, find_quantities_in};
use crate::text::numbers::{NumLang, same_value};

/// The other digit convention: English for German and French, German for
/// English.
fn other_format(lang: NumLang) -> NumLang {
    match lang {
        NumLang::En => NumLang::De,
        NumLang::De | NumLang::Fr => NumLang::En,
    }
}

fn overlaps(a: &Quantity, b: &Quantity) -> bool {
    a.start < b.end && b.start < a.end
}

/// Matches groups of `own`'s unmatched figures that, read with the other
/// digit convention, match unmatched quantities of `other`; returns the
/// other readings used.
pub(super) fn foreign_readings(
    side: Side<'_>,
    is_target: bool,
    own: &[Quantity],
    own_used: &mut [bool],
    other: &[Quantity],
    other_used: &mut [bool],
) -> Vec<Quantity> {
    let open = |qs: &[Quantity], used: &[bool]| {
        qs.iter()
            .zip(used)
            .any(|(q, u)| !*u && !q.optional && !q.spelled)
    };
    if !open(own, own_used) || !open(other, other_used) {
        return Vec::new();
    }
    let alt: Vec<Quantity> =
        find_quantities_in(side.text, other_format(side.lang), side.lang, side.order)
            .into_iter()
            .filter(|a| !a.spelled && a.kind != QuantityKind::Month)
            .collect();
    debug_assert_eq!(own.len(), own_used.len(), "one flag per own quantity");
    let mut out = Vec::new();
    let mut done = vec![false; alt.len()];
    for start in 0..alt.len() {
        #[allow(clippy::indexing_slicing, reason = "done has alt.len() cells")]
        if done[start] {
            continue;
        }
        let (alts, owns) = group(own, &alt, start);
        for &a in &alts {
            if let Some(d) = done.get_mut(a) {
                *d = true;
            }
        }
        let g = Group {
            alts: alts.iter().filter_map(|&a| alt.get(a)).collect(),
            owns: owns.iter().filter_map(|&o| own.get(o)).collect(),
        };
        #[allow(
            clippy::indexing_slicing,
            reason = "owns are indices into own (group), own_used has a flag per own quantity"
        )]
        let open = owns.iter().all(|&o| !own_used[o]);
        if !open || !g.worth_reading(side.text, is_target) {
            continue;
        }
        let Some(taken) = g.partners(other, other_used) else {
            continue;
        };
        for o in owns {
            if let Some(u) = own_used.get_mut(o) {
                *u = true;
            }
        }
        for j in taken {
            if let Some(u) = other_used.get_mut(j) {
                *u = true;
            }
        }
        out.extend(g.alts.into_iter().cloned());
    }
    out
}

/// Own quantities and their other readings, connected by overlap.
struct Group<'a> {
    alts: Vec<&'a Quantity>,
    owns: Vec<&'a Quantity>,
}

impl Group<'_> {
    /// Whether the other reading says something new about an ambiguous
    /// writing: a split or joined figure (`17,5` is 17 and 5 in English),
    /// or one separator before three digits read as a decimal (`500.000`,
    /// `480,000` in German); `30.000` read as German is 30000 and stays so.
    /// A target list with two commas in a row (`(12,5,4,4)`) is no German
    /// decimal: it is left to the source's other reading.
    fn worth_reading(&self, text: &str, is_target: bool) -> bool {
        let same_as_own = self.alts.len() == self.owns.len()
            && self
                .alts
                .iter()
                .zip(&self.owns)
                .all(|(a, o)| a.start == o.start && a.end == o.end && a.values == o.values);
        let list = is_target
            && self
                .owns
                .first()
                .is_some_and(|q| figure_run(text, q.start, q.end).matches(',').count() >= 2);
        let ambiguous =
            self.alts.len() != self.owns.len() || self.owns.iter().all(|q| three_decimals(q));
        !self.owns.is_empty()
            && !same_as_own
            && !list
            && ambiguous
            && self.owns.iter().all(|q| !q.spelled)
    }

    /// A distinct unmatched partner in `other` for every other reading, or
    /// `None`.
    fn partners(&self, other: &[Quantity], other_used: &[bool]) -> Option<Vec<usize>> {
        let mut taken: Vec<usize> = Vec::new();
        for q in &self.alts {
            let j = other
                .iter()
                .zip(other_used)
                .enumerate()
                .position(|(j, (o, &used))| {
                    !used && !o.optional && !taken.contains(&j) && q.matches(o, false)
                })?;
            taken.push(j);
        }
        Some(taken)
    }
}

/// The run of digits and commas around `start..end` (`12,5,4,4`).
#[allow(
    clippy::indexing_slicing,
    reason = "start..end is a quantity's span of text; the run widens it by ASCII digits and commas"
)]
fn figure_run(text: &str, start: usize, end: usize) -> &str {
    let part = |c: char| c.is_ascii_digit() || c == ',';
    let from = text[..start].trim_end_matches(part).len();
    let after = &text[end..];
    let to = end + (after.len() - after.trim_start_matches(part).len());
    &text[from..to]
}

/// Spelled numbers written the same on both sides are a name or a title
/// (`BBC Two`, `Ten Years Later`): matched.
pub(super) fn verbatim_words(own: &[Quantity], own_used: &mut [bool], other_text: &str) {
    for (q, used) in own.iter().zip(own_used.iter_mut()) {
        if *used || !q.spelled {
            continue;
        }
        let found = other_text.match_indices(q.text.as_str()).any(|(i, m)| {
            let before = other_text.get(..i).and_then(|b| b.chars().next_back());
            let after = other_text.get(i + m.len()..).and_then(|a| a.chars().next());
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        if found {
            *used = true;
        }
    }
}

/// Whether `q` was read as a decimal with three digits after its one
/// separator (`500.000` in English, `480,000` in German): the same digits
/// are a thousands group in the other language.
fn three_decimals(q: &Quantity) -> bool {
    let seps: Vec<usize> = q
        .text
        .char_indices()
        .filter(|&(_, c)| c == '.' || c == ',')
        .map(|(i, _)| i)
        .collect();
    let [at] = seps.as_slice() else {
        return false;
    };
    let (int, frac) = (q.text.get(..*at), q.text.get(at + 1..));
    let (Some(Ok(int)), Some(frac)) = (int.map(str::parse::<f64>), frac) else {
        return false;
    };
    frac.len() == 3
        && frac.chars().all(|c| c.is_ascii_digit())
        && frac.parse::<f64>().is_ok_and(|f| {
            q.values
                .first()
                .is_some_and(|&v| same_value(v, int + f / 1000.0))
        })
}

/// The group of other readings and own quantities connected by overlap,
/// starting from the other reading `start`.
fn group(own: &[Quantity], alt: &[Quantity], start: usize) -> (Vec<usize>, Vec<usize>) {
    let mut alts = vec![start];
    let mut owns: Vec<usize> = Vec::new();
    loop {
        let mut grew = false;
        for &a in &alts {
            for (o, q) in own.iter().enumerate() {
                if !owns.contains(&o) && alt.get(a).is_some_and(|a| overlaps(a, q)) {
                    owns.push(o);
                    grew = true;
                }
            }
        }
        for &o in &owns {
            for (a, q) in alt.iter().enumerate() {
                if !alts.contains(&a) && own.get(o).is_some_and(|o| overlaps(o, q)) {
                    alts.push(a);
                    grew = true;
                }
            }
        }
        if !grew {
            break;
        }
    }
    alts.sort_unstable();
    owns.sort_unstable();
    (alts, owns)
}

/// Joins two unmatched neighbours whose digits make one figure of the
/// other side (`40. 000` = `40 000`).
pub(super) fn split_figures(
    text: &str,
    own: &[Quantity],
    own_used: &mut [bool],
    other: &[Quantity],
    other_used: &mut [bool],
) {
    debug_assert_eq!(own.len(), own_used.len(), "one flag per own quantity");
    for i in 1..own.len() {
        let (Some(a), Some(b)) = (own.get(i - 1), own.get(i)) else {
            continue;
        };
        #[allow(
            clippy::indexing_slicing,
            reason = "k is i - 1 or i, both < own.len(), and own_used has a flag per own quantity"
        )]
        let open = |k: usize| !own_used[k];
        let gap_ok = text.get(a.end..b.start).is_some_and(|g| {
            g.chars().count() <= 2 && g.chars().all(|c| c == ' ' || c == '.' || c == ',')
        });
        let digits = |q: &Quantity| {
            q.text
                .chars()
                .filter(char::is_ascii_digit)
                .collect::<String>()
        };
        if !open(i - 1) || !open(i) || !gap_ok || a.spelled || b.spelled || digits(b).len() != 3 {
            continue;
        }
        let Ok(joined) = format!("{}{}", digits(a), digits(b)).parse::<f64>() else {
            continue;
        };
        let partner = other.iter().zip(&*other_used).position(|(o, &used)| {
            !used
                && o.kind == QuantityKind::Number
                && o.values.iter().any(|&v| same_value(v, joined))
        });
        if let Some(j) = partner {
            for k in [i - 1, i] {
                if let Some(u) = own_used.get_mut(k) {
                    *u = true;
                }
            }
            if let Some(u) = other_used.get_mut(j) {
                *u = true;
            }
        }
    }
}

/// Moves the [`WeakPair`]s out of the diff's leftovers.
pub(super) fn weak_pairs(source: Side<'_>, diff: &mut QuantityDiff) {
    let mut i = 0;
    while i < diff.source.len() {
        let Some(s) = diff.source.get(i) else { break };
        let found = diff
            .target
            .iter()
            .enumerate()
            .find_map(|(j, t)| weak_pair(source, s, t).map(|kind| (j, kind)));
        match found {
            Some((j, kind)) => {
                let s = diff.source.remove(i);
                let t = diff.target.remove(j);
                diff.weak_pairs.push((s, t, kind));
            }
            None => i += 1,
        }
    }
}

fn weak_pair(source: Side<'_>, s: &Quantity, t: &Quantity) -> Option<WeakPair> {
    // The long scale: German `Billion` (10^12) and `Billiarde` (10^15)
    // against English `billion` (10^9) and `trillion` (10^12).
    let long_scale = source.lang == NumLang::De
        && source.text.get(s.end..).is_some_and(|r| {
            let r = r.trim_start().to_lowercase();
            r.starts_with("billion") || r.starts_with("billiard")
        });
    if long_scale
        && let (Some(a), Some(b)) = (s.scaled, t.scaled)
        && same_value(a, b * 1000.0)
    {
        return Some(WeakPair::GermanBillion);
    }
    let abbreviated = |year: &Quantity, short: &Quantity| {
        year.is_year()
            && short.text.trim_start_matches(['\'', '’']).len() == 2
            && short.kind == QuantityKind::Number
            && year
                .int_value()
                .zip(short.int_value())
                .is_some_and(|(y, n)| y % 100 == n)
    };
    (abbreviated(s, t) || abbreviated(t, s)).then_some(WeakPair::AbbreviatedYear)
}
