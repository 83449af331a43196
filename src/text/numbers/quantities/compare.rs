//! The comparison of two sides' quantities ([`compare_quantities`]): a
//! multiset matching in which any reading may match, times match only times
//! (or a plain hour), and optional quantities need no partner; what is left
//! may still be excused by a number word or ordinal word in the other text.

use std::collections::HashSet;

use super::number_words::{cardinal, cardinal_prefix, english_decade, ordinal, ordinal_prefix};
use super::times::clock;
use super::{Quantity, QuantityKind, find_quantities};
use crate::text::numbers::{NumLang, same_value};
use crate::text::words::{has_letter, is_hyphen, key, words};

/// What is left when two sides' quantities are matched (see
/// [`compare_quantities`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct QuantityDiff {
    /// Source quantities without a counterpart.
    pub source: Vec<Quantity>,
    /// Target quantities without a counterpart.
    pub target: Vec<Quantity>,
}

impl QuantityDiff {
    /// Whether both sides matched completely.
    pub fn is_empty(&self) -> bool {
        self.source.is_empty() && self.target.is_empty()
    }
}

/// Finds the quantities of both texts and matches them as multisets (any
/// reading may match; times only times; optional quantities need no
/// partner); returns the non-optional ones left over, minus those excused
/// by a number word at the start of a word of the other text.
pub fn compare_quantities(
    source: &str,
    source_lang: NumLang,
    target: &str,
    target_lang: NumLang,
) -> QuantityDiff {
    let src = find_quantities(source, source_lang);
    let tgt = find_quantities(target, target_lang);
    let mut src_used = vec![false; src.len()];
    let mut tgt_used = vec![false; tgt.len()];

    // Pass 1: required source quantities; pass 2: optional ones. Each takes
    // a required target quantity before an optional one.
    for pass_optional in [false, true] {
        for (i, s) in src.iter().enumerate() {
            if s.optional != pass_optional {
                continue;
            }
            let pick = [false, true].into_iter().find_map(|want_optional| {
                tgt.iter().enumerate().position(|(j, t)| {
                    let lenient = glued(source, s) || glued(target, t);
                    t.optional == want_optional
                        && !tgt_used.get(j).copied().unwrap_or(true)
                        && s.matches(t, lenient)
                })
            });
            if let Some(j) = pick {
                if let Some(u) = tgt_used.get_mut(j) {
                    *u = true;
                }
                if let Some(u) = src_used.get_mut(i) {
                    *u = true;
                }
            }
        }
    }

    let left = |qs: &[Quantity], used: &[bool], other: &str, other_lang: NumLang| {
        let mut excuses: Option<Excuses> = None;
        qs.iter()
            .zip(used)
            .filter(|(q, used)| {
                !**used
                    && !q.optional
                    && !excused(
                        q,
                        excuses.get_or_insert_with(|| Excuses::of(other, other_lang)),
                    )
            })
            .map(|(q, _)| q.clone())
            .collect::<Vec<_>>()
    };
    let mut diff = QuantityDiff {
        source: left(&src, &src_used, target, target_lang),
        target: left(&tgt, &tgt_used, source, source_lang),
    };
    // Spelled ordinals are compared when both sides have some (`zum
    // vierten Mal` against `for the third time`); one side alone may use
    // one idiomatically (`zunächst` = `at first`).
    let (so, to) = (
        spelled_ordinals(source, source_lang),
        spelled_ordinals(target, target_lang),
    );
    if !so.is_empty() && !to.is_empty() {
        let missing = |qs: &[Quantity], others: &[Quantity], other_all: &[Quantity]| {
            qs.iter()
                .filter(|q| {
                    let v = q.values.first().copied().unwrap_or(-1.0);
                    let found = |o: &Quantity| o.values.iter().any(|&w| same_value(v, w));
                    !others.iter().any(found) && !other_all.iter().any(found)
                })
                .cloned()
                .collect::<Vec<_>>()
        };
        diff.source.extend(missing(&so, &to, &tgt));
        diff.target.extend(missing(&to, &so, &src));
    }
    diff
}

/// Whether the number of `q` is glued to a letter (`2m`, `5k`): then a
/// scale on the other side may be a unit here, and the bare values match.
fn glued(text: &str, q: &Quantity) -> bool {
    q.scaled.is_none()
        && text
            .get(q.end..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_alphabetic)
}

/// The ordinal words of `text` (`vierten`, `third`, `twenty-first`) as
/// quantities, once per value. Left out: `achte`/`achten` (also the verb
/// `achten`) and English fractions (`a tenth`, `one third of`; but `a
/// second term` is an ordinal).
fn spelled_ordinals(text: &str, lang: NumLang) -> Vec<Quantity> {
    let ws = words(text);
    let mut out: Vec<Quantity> = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let k = key(w.text);
        let Some(mut v) = ordinal(lang, &k) else {
            continue;
        };
        if lang != NumLang::En && k.starts_with("acht") && v == 8 {
            continue;
        }
        // `a tenth`, `one third of`: a fraction (before `of` or at the end
        // of a phrase), but `a second term` is an ordinal.
        let phrase_ends = ws.get(i + 1).is_none_or(|n| {
            key(n.text) == "of"
                || text
                    .get(w.end..n.start)
                    .is_some_and(|g| !g.chars().all(char::is_whitespace))
        });
        if lang == NumLang::En
            && phrase_ends
            && let Some(prev) = i.checked_sub(1).and_then(|j| ws.get(j))
            && (matches!(key(prev.text).as_str(), "a" | "one")
                || cardinal(lang, &key(prev.text)).is_some())
        {
            continue;
        }
        let mut start = w.start;
        if lang == NumLang::En
            && v < 10
            && let Some(prev) = i.checked_sub(1).and_then(|j| ws.get(j))
            && let Some(gap) = text.get(prev.end..w.start)
            && (gap == " " || (!gap.is_empty() && gap.chars().all(is_hyphen)))
            && let Some(tens) = cardinal(lang, &key(prev.text)).filter(|t| *t >= 20 && t % 10 == 0)
        {
            v += tens;
            start = prev.start;
        }
        let v = v as f64;
        if out.iter().any(|q| q.values.first() == Some(&v)) {
            continue;
        }
        out.push(Quantity {
            start,
            end: w.end,
            text: text.get(start..w.end).unwrap_or_default().to_owned(),
            values: vec![v],
            scaled: None,
            kind: QuantityKind::Number,
            optional: false,
            spelled: true,
            ordinal: true,
        });
    }
    out
}

impl Quantity {
    /// Whether `self` and `other` can be counterparts (see the module
    /// documentation).
    /// Whether two quantities match. A million or more on one side only
    /// must be the other's value (`40 Mio. Franken` is not `40 francs`),
    /// unless `lenient` (the bare number is glued to a letter, `2m`).
    fn matches(&self, other: &Quantity, lenient: bool) -> bool {
        if self.kind != other.kind {
            return self.full_hour_matches(other) || other.full_hour_matches(self);
        }
        match (self.scaled, other.scaled) {
            (Some(a), Some(b)) => same_value(a, b),
            (Some(a), None) | (None, Some(a)) if a.abs() >= 1e6 && !lenient => {
                let bare = if self.scaled.is_some() { other } else { self };
                bare.values.iter().any(|&v| same_value(v, a))
            }
            _ => self
                .readings()
                .any(|a| other.readings().any(|b| same_value(a, b))),
        }
    }

    /// A full-hour time against a plain hour: `9 Uhr` = `at 9 in the morning`.
    fn full_hour_matches(&self, plain: &Quantity) -> bool {
        let (Some(&t), Some(h)) = (self.values.first(), plain.int_value()) else {
            return false;
        };
        self.kind == QuantityKind::Time
            && plain.kind == QuantityKind::Number
            && plain.scaled.is_none()
            && h <= 24
            && same_value(t, clock(h, 0))
    }
}

/// Whether an unmatched quantity is excused by a word of `other` that
/// begins with its number: a cardinal (`dreijährige` for `3`,
/// `zwanzigmal` for `20`), for 2 also `beide`/`both`; for an ordinal the
/// ordinal word (`1. Liga` = `first division`, `50th` = `fünfzigsten`,
/// `75.` = `seventy-fifth`); a spelled one and a half by a half
/// (`eineinhalb Monate` = `a month and a half`).
fn excused(q: &Quantity, excuses: &Excuses) -> bool {
    if q.kind != QuantityKind::Number || q.scaled.is_some() {
        return false;
    }
    let Some(v) = q.int_value() else {
        // `eineinhalb Monate` = `a month and a half`: a spelled one and a
        // half is excused by a half in the other text.
        return q.spelled && q.values.first().is_some_and(|&x| x == 1.5) && excuses.half;
    };
    excuses.cardinals.contains(&v)
        || (q.ordinal && excuses.ordinal_prefixes.contains(&v))
        // `jede dritte Person` = `one in three people` (the word itself,
        // not `thirds`: `drei Viertel` is not `two-thirds`)
        || (!q.ordinal && excuses.ordinal_words.contains(&v))
}

/// What the words of one text can excuse (see [`excused`]), read once per
/// text so that many unmatched numbers cost one pass, not one each.
#[derive(Debug, Default)]
struct Excuses {
    /// Values of number-word beginnings (`dreijährige` 3), `beide`/`both`
    /// (2), zero words (0) and English decades (`fifties` 50).
    cardinals: HashSet<u64>,
    /// Values of ordinal-word beginnings, with English tens (`twenty-first`).
    ordinal_prefixes: HashSet<u64>,
    /// Values of whole ordinal words (`dritte`, `third`).
    ordinal_words: HashSet<u64>,
    /// A word for a half (`half`, `…halb…`).
    half: bool,
}

impl Excuses {
    fn of(text: &str, lang: NumLang) -> Excuses {
        let ws = words(text);
        let keys: Vec<String> = ws.iter().map(|w| key(w.text)).collect();
        let mut e = Excuses::default();
        for (i, (w, k)) in ws.iter().zip(&keys).enumerate() {
            e.half |= match lang {
                NumLang::En => k == "half",
                NumLang::De | NumLang::Fr => k.contains("halb"),
            };
            if !has_letter(w.text) {
                continue;
            }
            let (both, zero) = match lang {
                NumLang::En => (
                    k.starts_with("both"),
                    ["zero", "nil", "goalless", "scoreless"].contains(&k.as_str()),
                ),
                NumLang::De | NumLang::Fr => (
                    k.starts_with("beid"),
                    ["null", "torlos"].contains(&k.as_str()),
                ),
            };
            e.cardinals.extend(cardinal_prefix(lang, k));
            e.cardinals.extend(both.then_some(2));
            e.cardinals.extend(zero.then_some(0));
            if lang == NumLang::En {
                e.cardinals.extend(english_decade(k));
            }
            // `in einem Jahrhundert` = `in a hundred years`.
            if k.contains("jahrhundert") || k.starts_with("centur") {
                e.cardinals.insert(100);
            }
            if k.contains("jahrzehnt") || k.starts_with("decade") {
                e.cardinals.insert(10);
            }
            e.ordinal_words.extend(ordinal(lang, k));
            let Some(o) = ordinal_prefix(lang, k) else {
                continue;
            };
            // English writes 21st as twenty-first: the tens are the word before.
            let tens = i
                .checked_sub(1)
                .filter(|_| lang == NumLang::En && o < 10)
                .and_then(|j| {
                    let (a, b) = (ws.get(j)?, ws.get(i)?);
                    let gap = text.get(a.end..b.start)?;
                    let joined = gap == " " || (!gap.is_empty() && gap.chars().all(is_hyphen));
                    cardinal(lang, keys.get(j)?)
                        .filter(|t| joined && (20..100).contains(t) && t % 10 == 0)
                })
                .unwrap_or(0);
            e.ordinal_prefixes.insert(o + tens);
        }
        e
    }
}
