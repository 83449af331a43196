//! The comparison of two sides' quantities ([`compare_quantities`]): a
//! multiset matching in which any reading may match, times match only times
//! (or a plain hour), and optional quantities need no partner; what is left
//! may still be excused by a number word or ordinal word in the other text.

use std::collections::HashSet;

use super::dates::DateOrder;
use super::number_words::{
    cardinal, cardinal_prefix, english_decade, is_one_article, ordinal, ordinal_prefix,
};
use super::reconcile;
use super::times::clock;
use super::times::same_time;
use super::units::{agrees, same_unit};
use super::{Quantity, QuantityKind, find_quantities_in};
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
    /// A source and a target quantity that differ in a way that is often
    /// right: taken out of `source` and `target`.
    pub weak_pairs: Vec<(Quantity, Quantity, WeakPair)>,
    /// Target quantities that match only when read with the source
    /// language's digit conventions (`17,5 tons` for `17,5 Tonnen`): the
    /// same number, written the source's way.
    pub foreign_format: Vec<Quantity>,
}

/// Why a source and a target quantity that differ may both be right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeakPair {
    /// German long scale against English short scale with the same figure:
    /// `Billion` (10^12) against `billion` (10^9), `Billiarde` (10^15)
    /// against `trillion`; German writers use `Billion` for the English
    /// word as often as for 10^12.
    GermanBillion,
    /// A year against its last two digits (`1990` and `the 90 team`).
    AbbreviatedYear,
}

impl QuantityDiff {
    /// Whether both sides matched completely.
    pub fn is_empty(&self) -> bool {
        self.source.is_empty() && self.target.is_empty() && self.weak_pairs.is_empty()
    }
}

/// One side of a comparison: its text, language and date order.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The text.
    pub text: &'a str,
    /// Its language's number conventions.
    pub lang: NumLang,
    /// How its numeric dates with slashes are ordered.
    pub order: DateOrder,
}

/// Finds the quantities of both texts and matches them as multisets (any
/// reading may match; times only times, months only months; units
/// converted; optional quantities need no partner); then reads what is
/// left with the other language's digit conventions, joins split figures,
/// pairs the known uncertain differences ([`WeakPair`]), and drops what a
/// number word of the other text excuses.
pub fn compare_quantities(
    source: &str,
    source_lang: NumLang,
    target: &str,
    target_lang: NumLang,
) -> QuantityDiff {
    compare_sides(
        Side {
            text: source,
            lang: source_lang,
            order: DateOrder::DayFirst,
        },
        Side {
            text: target,
            lang: target_lang,
            order: DateOrder::Either,
        },
    )
}

/// [`compare_quantities`] with each side's date order.
pub fn compare_sides(source: Side<'_>, target: Side<'_>) -> QuantityDiff {
    let src = find_quantities_in(source.text, source.lang, source.lang, source.order);
    let tgt = find_quantities_in(target.text, target.lang, target.lang, target.order);
    let (mut src_used, mut tgt_used) = match_greedy(source.text, &src, target.text, &tgt);

    // The target first: a translator's copied format is worth a word.
    let foreign_format =
        reconcile::foreign_readings(target, true, &tgt, &mut tgt_used, &src, &mut src_used);
    reconcile::foreign_readings(source, false, &src, &mut src_used, &tgt, &mut tgt_used);
    reconcile::verbatim_words(&src, &mut src_used, target.text);
    reconcile::verbatim_words(&tgt, &mut tgt_used, source.text);
    reconcile::split_figures(source.text, &src, &mut src_used, &tgt, &mut tgt_used);
    reconcile::split_figures(target.text, &tgt, &mut tgt_used, &src, &mut src_used);

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
        source: left(&src, &src_used, target.text, target.lang),
        target: left(&tgt, &tgt_used, source.text, source.lang),
        weak_pairs: Vec::new(),
        foreign_format,
    };
    mark_repeated(&mut diff.source, &src);
    mark_repeated(&mut diff.target, &tgt);
    reconcile::weak_pairs(source, &mut diff);
    let (source_lang, target_lang) = (source.lang, target.lang);
    let (source, target) = (source.text, target.text);
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
                    let v = q.value();
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

/// Marks the leftovers whose figure the same side writes again elsewhere.
fn mark_repeated(left: &mut [Quantity], all: &[Quantity]) {
    for q in left.iter_mut() {
        q.repeated = all.iter().any(|o| {
            o.start != q.start
                && o.kind == q.kind
                && o.values
                    .first()
                    .zip(q.values.first())
                    .is_some_and(|(a, b)| same_value(*a, *b))
        });
    }
}

/// The plain matching: pass 1 the required source quantities, pass 2
/// the optional ones; each takes a required target quantity before an
/// optional one. Returns which of each side are matched.
fn match_greedy(
    source: &str,
    src: &[Quantity],
    target: &str,
    tgt: &[Quantity],
) -> (Vec<bool>, Vec<bool>) {
    let mut src_used = vec![false; src.len()];
    let mut tgt_used = vec![false; tgt.len()];
    for pass_optional in [false, true] {
        for (i, s) in src.iter().enumerate() {
            if s.optional != pass_optional {
                continue;
            }
            let pick = [false, true].into_iter().find_map(|want_optional| {
                tgt.iter().zip(&tgt_used).position(|(t, &used)| {
                    let lenient = glued(source, s) || glued(target, t);
                    t.optional == want_optional && !used && s.matches(t, lenient)
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
    (src_used, tgt_used)
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
            spelled: true,
            ordinal: true,
            ..Quantity::number(text, start, w.end, v)
        });
    }
    out
}

impl Quantity {
    /// Whether two quantities match (see the module documentation). A
    /// million or more on one side only must be the other's value (`40
    /// Mio. Franken` is not `40 francs`), unless `lenient` (the bare number
    /// is glued to a letter, `2m`). Units of one dimension must convert
    /// (`10 km` is not `10 miles`, `42,2 km` is `26.2 miles`).
    pub(super) fn matches(&self, other: &Quantity, lenient: bool) -> bool {
        if self.kind != other.kind {
            return self.full_hour_matches(other)
                || other.full_hour_matches(self)
                || self.decimal_time_matches(other)
                || other.decimal_time_matches(self);
        }
        // A decade is not its first year: `the 1990s` is not `1990` (but
        // `20er` may be `the 20`, and `Ende 20` is `late 20s`).
        let year_against_decade = |a: &Quantity, b: &Quantity| a.decade && !b.decade && b.is_year();
        if year_against_decade(self, other) || year_against_decade(other, self) {
            return false;
        }
        if self.kind == QuantityKind::Time {
            return self
                .readings()
                .any(|a| other.readings().any(|b| same_time(a, b)));
        }
        if let (Some(ua), Some(ub)) = (&self.unit, &other.unit)
            && ua.dimension == ub.dimension
            && !same_unit(ua, ub)
        {
            return self.converts_to(other) || other.converts_to(self);
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

    /// Whether `self` converted to `other`'s unit is `other` as written,
    /// within its rounding.
    fn converts_to(&self, other: &Quantity) -> bool {
        let (Some(ua), Some(ub)) = (&self.unit, &other.unit) else {
            return false;
        };
        let plain = other.value();
        let scale = |q: &Quantity, v: f64| match (q.scaled, q.values.first()) {
            (Some(s), Some(&first)) if first != 0.0 => v * s / first,
            _ => v,
        };
        // Every reading: `minus drei Grad` is also -3.
        self.values.iter().any(|&a| {
            other
                .values
                .iter()
                .any(|&b| agrees(scale(self, a), ua, scale(other, b), ub, &other.text, plain))
        })
    }

    /// A full-hour time against a plain hour: `9 Uhr` = `at 9 in the morning`.
    fn full_hour_matches(&self, plain: &Quantity) -> bool {
        let (Some(&t), Some(h)) = (self.values.first(), plain.int_value()) else {
            return false;
        };
        self.kind == QuantityKind::Time
            && plain.kind == QuantityKind::Number
            && plain.scaled.is_none()
            && plain.unit.is_none()
            && h <= 24
            && same_time(t, clock(h, 0))
    }

    /// A time against a decimal that may be one: `20.30 Uhr` = `20.30`,
    /// `15.30 Uhr` = `1530 hours`.
    fn decimal_time_matches(&self, number: &Quantity) -> bool {
        self.kind == QuantityKind::Time
            && number
                .as_time
                .is_some_and(|t| self.readings().any(|a| same_time(a, t)))
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

/// Numbers that words hold, German and English (a key containing the stem
/// excuses the number): `Achtelfinale` is the `last 16`, `die Hälfte` is
/// `50%`, `Halbjahr` is `six months`, `Quartal` is `three months`.
const IMPLICIT_NUMBERS: [(&str, u64); 21] = [
    ("jahrhundert", 100),
    ("centur", 100),
    ("jahrzehnt", 10),
    ("decade", 10),
    ("achtelfinal", 16),
    ("viertelfinal", 8),
    ("quarter-final", 8),
    ("halbfinal", 4),
    ("semi-final", 4),
    ("hälfte", 50),
    ("fünftel", 20),
    ("viertel", 25),
    ("drittel", 33),
    ("zehntel", 10),
    ("half", 50),
    ("halbjahr", 6),
    ("quartal", 3),
    ("vierteljahr", 3),
    ("dutzend", 12),
    ("woche", 7),
    ("fortnight", 14),
];

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
            // `ein Prozent` = `1 per cent`, `1kg` = `a kilogram`: an
            // article is a one; `twice` a two.
            if is_one_article(lang, k) || k == "an" || k == "eines" {
                e.cardinals.insert(1);
            }
            e.cardinals.extend(match k.as_str() {
                "once" => Some(1),
                "twice" | "double" | "doppelt" | "doppelte" | "doppelten" => Some(2),
                "thrice" | "triple" => Some(3),
                _ => None,
            });
            if lang == NumLang::En {
                e.cardinals.extend(english_decade(k));
            }
            // `in einem Jahrhundert` = `in a hundred years`, and the other
            // numbers words hold (`Achtelfinale` = `last 16`).
            e.cardinals.extend(
                IMPLICIT_NUMBERS
                    .iter()
                    .filter(|(stem, _)| k.contains(stem))
                    .map(|&(_, v)| v),
            );
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
                // No tens word before it: the ordinal alone.
                .unwrap_or(0);
            e.ordinal_prefixes.insert(o + tens);
        }
        e
    }
}
