//! The comparison of two sides' quantities ([`compare_quantities`]): a
//! multiset matching in which any reading may match, times match only times
//! (or a plain hour), and optional quantities need no partner; what is left
//! may still be excused by a number word or ordinal word in the other text.

use super::number_words::{cardinal, cardinal_prefix, english_decade, ordinal_prefix};
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
                    t.optional == want_optional
                        && !tgt_used.get(j).copied().unwrap_or(true)
                        && s.matches(t)
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
        qs.iter()
            .zip(used)
            .filter(|(q, used)| !**used && !q.optional && !excused(q, other, other_lang))
            .map(|(q, _)| q.clone())
            .collect::<Vec<_>>()
    };
    QuantityDiff {
        source: left(&src, &src_used, target, target_lang),
        target: left(&tgt, &tgt_used, source, source_lang),
    }
}

impl Quantity {
    /// Whether `self` and `other` can be counterparts (see the module
    /// documentation).
    fn matches(&self, other: &Quantity) -> bool {
        if self.kind != other.kind {
            return self.full_hour_matches(other) || other.full_hour_matches(self);
        }
        if let (Some(a), Some(b)) = (self.scaled, other.scaled) {
            return same_value(a, b);
        }
        self.readings()
            .any(|a| other.readings().any(|b| same_value(a, b)))
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
fn excused(q: &Quantity, other: &str, other_lang: NumLang) -> bool {
    if q.kind != QuantityKind::Number || q.scaled.is_some() {
        return false;
    }
    let ws = words(other);
    let Some(v) = q.int_value() else {
        // `eineinhalb Monate` = `a month and a half`: a spelled one and a
        // half is excused by a half in the other text.
        let half = q.spelled && q.values.first().is_some_and(|&x| x == 1.5);
        return half
            && ws.iter().any(|w| {
                let k = key(w.text);
                match other_lang {
                    NumLang::En => k == "half",
                    NumLang::De | NumLang::Fr => k.contains("halb"),
                }
            });
    };
    let keys: Vec<String> = ws.iter().map(|w| key(w.text)).collect();
    let both = match other_lang {
        NumLang::En => "both",
        NumLang::De | NumLang::Fr => "beid",
    };
    keys.iter().enumerate().any(|(i, k)| {
        if !ws.get(i).is_some_and(|w| has_letter(w.text)) {
            return false;
        }
        if cardinal_prefix(other_lang, k) == Some(v)
            || (v == 2 && k.starts_with(both))
            || (other_lang == NumLang::En && english_decade(k) == Some(v))
        {
            return true;
        }
        if !q.ordinal {
            return false;
        }
        let Some(o) = ordinal_prefix(other_lang, k) else {
            return false;
        };
        // English writes 21st as twenty-first: the tens are the word before.
        let tens = i
            .checked_sub(1)
            .filter(|_| other_lang == NumLang::En && o < 10)
            .and_then(|j| {
                let (a, b) = (ws.get(j)?, ws.get(i)?);
                let gap = other.get(a.end..b.start)?;
                let joined = gap == " " || (!gap.is_empty() && gap.chars().all(is_hyphen));
                cardinal(other_lang, keys.get(j)?)
                    .filter(|t| joined && (20..100).contains(t) && t % 10 == 0)
            })
            .unwrap_or(0);
        o + tens == v
    })
}
