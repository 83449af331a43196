//! `number-mismatch`: the numbers of source and target differ once formats
//! are normalised, units converted and dates set apart (rules in
//! [`crate::text::numbers::compare_quantities`]; days and months are
//! `date-mismatch`, see [`super::date_mismatch`]).
//!
//! # Severity
//!
//! A number a reviewer must act on is an **error**:
//!
//! * a **substitution**: both sides have a figure the other lacks, of the
//!   same kind (`1968` against `1969`, `131` against `181`, `10 km`
//!   against `10 miles`, `30 Meter` against `58-foot`);
//! * a **strong figure on one side only**: digits of 13 or more, a
//!   decimal, a scaled amount, a year, a percentage or a measure (`1945`
//!   left out, `a 22-ounce bottle` added).
//!
//! What translators rightly do with numbers is a **warning**: a spelled
//! number on one side only (`das Trio` = `the three`, `zwei Profile` =
//! `one for work and one for home`), a small figure (12 or less: `12-month
//! inflation` for `Inflationsrate`), an ordinal, a duration (`Halbjahr` =
//! `six months`, `rund um die Uhr` = `24 hours`), a number inside a name
//! or code (`MP3`, `CO2`), a conversion in brackets for the reader
//! (`1.800 Pfund (2.000 Euro)`), a year that makes a relative date
//! explicit (`Vorjahr` = `2006`), `100 %` for `all`, a German `Billion`
//! against an English `billion` (German writers use it both ways) and a
//! year against its last two digits (`the 90 team`).
//!
//! Every finding says why in its evidence.

use super::{Code, Ctx, Finding, Severity};
use crate::text::numbers::{
    Dimension, ENGLISH_MONTHS, NumLang, Quantity, QuantityDiff, QuantityKind, WeakPair, scale_word,
};
use crate::text::words::{key, words};

/// Why a one-sided figure is only a warning, or `None` when it is strong.
fn weak_reason(q: &Quantity, other: &str, other_lang: NumLang) -> Option<&'static str> {
    let measured = q
        .unit
        .is_some_and(|u| !matches!(u.dimension, Dimension::Duration));
    let small = q
        .int_value()
        .is_some_and(|v| v <= 12 && q.scaled.is_none() && !measured);
    Some(if q.code {
        "part of a name or code"
    } else if q.repeated {
        "written again on the same side, where it has its counterpart"
    } else if q.vague {
        "vague (mehrere 10 Millionen = tens of millions)"
    } else if q.gloss {
        "a conversion in brackets for the reader"
    } else if q.spelled {
        "a spelled-out number, often rendered by other words"
    } else if q.ordinal {
        "an ordinal, often idiomatic"
    } else if duration_in_words(q) {
        "a duration the other side may give in words (Halbjahr = six months, rund um die Uhr = 24 hours)"
    } else if small {
        "a small figure, often made explicit or implicit"
    } else if q.is_year() && relative_year(other, other_lang) {
        "a year the other side gives as a relative date"
    } else if q.int_value() == Some(100)
        && q.unit.is_some_and(|u| u.dimension == Dimension::Percent)
    {
        "100 %, often an intensifier (rein pflanzlich = 100% vegetable, alle = 100 %)"
    } else {
        return None;
    })
}

/// Whether `q` is a duration another language says in a word: at most 12
/// of its unit (`six months`, `12-month`, `seven days`) or 24 hours.
fn duration_in_words(q: &Quantity) -> bool {
    let Some(u) = q.unit.filter(|u| u.dimension == Dimension::Duration) else {
        return false;
    };
    let v = q.shown_value();
    let hours = (u.factor - 3600.0).abs() < 1.0;
    let days = (u.factor - 86_400.0).abs() < 1.0;
    // `rund um die Uhr` = `24 hours`, `täglich` = `365 days a year`.
    v <= 12.0 || (v == 24.0 && hours) || (v == 365.0 && days)
}

/// Whether `text` has a relative year (`Vorjahr`, `im vergangenen Jahr`,
/// `diesjährig`, `damals`, `last year`, `a year earlier`).
fn relative_year(text: &str, lang: NumLang) -> bool {
    let keys: Vec<String> = words(text).iter().map(|w| key(w.text)).collect();
    keys.iter().enumerate().any(|(i, k)| {
        let prev = i
            .checked_sub(1)
            .and_then(|j| keys.get(j))
            .map(String::as_str);
        let next = keys.get(i + 1).map(String::as_str);
        match lang {
            NumLang::En => {
                k == "year"
                    && (matches!(
                        prev,
                        Some("last" | "this" | "next" | "previous" | "current" | "same")
                    ) || matches!(next, Some("earlier" | "ago" | "before")))
            }
            NumLang::De | NumLang::Fr => {
                k.starts_with("vorjahr")
                    || k == "heuer"
                    || k == "damals"
                    || ["diesjährig", "letztjährig", "vorjährig", "nächstjährig"]
                        .iter()
                        .any(|s| k.starts_with(s))
                    || (k.starts_with("jahr")
                        && prev.is_some_and(|p| {
                            [
                                "vergangen",
                                "letzt",
                                "dies",
                                "nächst",
                                "kommend",
                                "laufend",
                                "vorig",
                            ]
                            .iter()
                            .any(|s| p.starts_with(s))
                        }))
            }
        }
    })
}

/// Whether a source and a target leftover may be one figure changed:
/// same kind, neither a code nor a gloss nor an ordinal. (A substitution
/// also needs one of them strong, both spelled out or both measured in one
/// dimension: `drei` against a `12-month` are two explicitations,
/// `fünfzig` against `fifteen` and `28 Jahre` against `23 years` one
/// error each.)
fn comparable(s: &Quantity, t: &Quantity) -> bool {
    let plain = |q: &Quantity| !q.code && !q.gloss && !q.ordinal && !q.optional;
    s.kind == t.kind && plain(s) && plain(t)
}

/// Whether both have a unit of one dimension (`28 Jahre`, `23 years`).
fn same_dimension(s: &Quantity, t: &Quantity) -> bool {
    s.unit
        .zip(t.unit)
        .is_some_and(|(a, b)| a.dimension == b.dimension)
}

/// Appends the findings of this check for `diff` (its date parts left out).
pub(super) fn check(ctx: &Ctx<'_>, diff: &QuantityDiff, out: &mut Vec<Finding>) {
    let source: Vec<&Quantity> = diff.source.iter().filter(|q| !q.in_date()).collect();
    let target: Vec<&Quantity> = diff.target.iter().filter(|q| !q.in_date()).collect();
    if !source.is_empty() || !target.is_empty() {
        out.push(mismatch(ctx, &source, &target));
    }
    for (s, t, kind) in &diff.weak_pairs {
        out.push(weak_pair(ctx, s, t, *kind));
    }
}

fn mismatch(ctx: &Ctx<'_>, source: &[&Quantity], target: &[&Quantity]) -> Finding {
    let (src, tgt) = (ctx.pair.source, ctx.pair.target);
    let mut parts = Vec::new();
    if !source.is_empty() {
        parts.push(format!(
            "source has {} not in the target",
            describe(src, ctx.source_lang, source)
        ));
    }
    if !target.is_empty() {
        parts.push(format!(
            "target has {} not in the source",
            describe(tgt, ctx.target_lang, target)
        ));
    }
    let message = format!("numbers differ: {}", parts.join("; "));
    let is_strong =
        |q: &Quantity, other: &str, lang: NumLang| weak_reason(q, other, lang).is_none();
    let substitution = source.iter().find_map(|s| {
        target
            .iter()
            .find(|t| {
                comparable(s, t)
                    && (is_strong(s, tgt, ctx.target_lang)
                        || is_strong(t, src, ctx.source_lang)
                        || (s.spelled && t.spelled)
                        || same_dimension(s, t))
            })
            .map(|t| (*s, *t))
    });
    let strong: Vec<&Quantity> = source
        .iter()
        .filter(|q| weak_reason(q, tgt, ctx.target_lang).is_none())
        .chain(
            target
                .iter()
                .filter(|q| weak_reason(q, src, ctx.source_lang).is_none()),
        )
        .copied()
        .collect();
    let (severity, evidence) = if let Some((s, t)) = substitution {
        (
            Severity::Error,
            format!(
                "substitution: \"{}\" in the source and \"{}\" in the target stand where the \
                 other side has no such figure",
                s.text, t.text
            ),
        )
    } else if let Some(q) = strong.first() {
        (
            Severity::Error,
            format!("\"{}\" on one side only, and it is {}", q.text, strength(q)),
        )
    } else {
        let reasons: Vec<String> = source
            .iter()
            .map(|q| (q, tgt, ctx.target_lang))
            .chain(target.iter().map(|q| (q, src, ctx.source_lang)))
            .filter_map(|(q, other, lang)| {
                weak_reason(q, other, lang).map(|r| format!("\"{}\": {r}", q.text))
            })
            .collect();
        (
            Severity::Warning,
            format!("only uncertain evidence: {}", reasons.join("; ")),
        )
    };
    let mut f = ctx.finding(
        Code::NumberMismatch,
        severity,
        message,
        source.iter().map(|q| (q.start, q.end)).collect(),
        target.iter().map(|q| (q.start, q.end)).collect(),
    );
    f.evidence = evidence;
    f
}

/// What makes a one-sided figure strong, for the evidence.
fn strength(q: &Quantity) -> &'static str {
    if q.is_year() {
        "a year"
    } else if q.kind == QuantityKind::Time {
        "a clock time"
    } else if q.unit.is_some_and(|u| u.dimension == Dimension::Percent) {
        "a percentage"
    } else if q.unit.is_some() {
        "a measure"
    } else if q.scaled.is_some() {
        "a scaled amount"
    } else if q.int_value().is_none() {
        "a decimal"
    } else {
        "a figure above 12"
    }
}

fn weak_pair(ctx: &Ctx<'_>, s: &Quantity, t: &Quantity, kind: WeakPair) -> Finding {
    let (message, evidence) = match kind {
        WeakPair::GermanBillion => (
            format!(
                "\"{}\" is German long scale (Billion = 10^12, an English trillion; Billiarde = \
                 10^15) but the target has \"{}\", a thousand times less: check which the source \
                 means",
                written_with_scale(ctx.pair.source, ctx.source_lang, s),
                written_with_scale(ctx.pair.target, ctx.target_lang, t)
            ),
            "German writers use Billion for 10^12 and, following English, for 10^9: \
             the figure is the same, the scale may be either"
                .to_owned(),
        ),
        WeakPair::AbbreviatedYear => (
            format!(
                "\"{}\" and \"{}\": a year and its last two digits",
                s.text, t.text
            ),
            "a year is often shortened to two digits (the 90 team)".to_owned(),
        ),
    };
    let mut f = ctx.finding(
        Code::NumberMismatch,
        Severity::Warning,
        message,
        vec![(s.start, s.end)],
        vec![(t.start, t.end)],
    );
    f.evidence = evidence;
    f
}

/// `"10'000" (10000), "5,5 Milliarden" (5500000000)`.
pub(super) fn describe(text: &str, lang: NumLang, qs: &[&Quantity]) -> String {
    qs.iter()
        .map(|q| {
            let written = written_with_scale(text, lang, q);
            let shown = shown(q);
            if shown == written {
                format!("\"{written}\"")
            } else {
                format!("\"{written}\" ({shown})")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The value of `q` as a message shows it: a time as `14:30`, a month by
/// name, a number without a trailing `.0`.
pub(super) fn shown(q: &Quantity) -> String {
    let v = q.shown_value();
    match q.kind {
        QuantityKind::Time => {
            let m = v.max(0.0) as u64;
            format!("{}:{:02}", m / 60, m % 60)
        }
        QuantityKind::Month => {
            // Month readings are 1 to 12 (names, and numeric dates checked
            // for it); a message would rather show `?` than stop the check.
            let name = ENGLISH_MONTHS.get((v as usize).saturating_sub(1)).copied();
            debug_assert!(name.is_some(), "month {v} out of range");
            name.unwrap_or("?").to_owned()
        }
        QuantityKind::Number => format_value(v),
    }
}

/// `q` as written, with its scale word when it has one.
fn written_with_scale(text: &str, lang: NumLang, q: &Quantity) -> String {
    let mut written = q.text.clone();
    if q.scaled.is_some() && !q.spelled {
        // Not for a range's first end, whose scale comes later
        // (`1,2 und 1,4 Milliarden`).
        let after = scale_word_after(q.after(text));
        let word = after.trim().trim_end_matches('.').to_lowercase();
        if scale_word(lang, &word).is_some() {
            written.push_str(&after);
        }
    }
    written
}

/// A value without a trailing `.0`; large integers in full.
fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e16 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The scale word that starts `rest` with the spaces before it (`" Milliarden"`).
fn scale_word_after(rest: &str) -> String {
    let spaces: String = rest.chars().take_while(|c| c.is_whitespace()).collect();
    let word: String = rest
        .chars()
        .skip(spaces.chars().count())
        .take_while(|c| c.is_alphabetic() || *c == '.')
        .collect();
    // Keep the dot of an abbreviation (`Mio.`), not a full stop (`million.`).
    let bare = word.trim_end_matches('.');
    let word = if bare.chars().count() <= 3 {
        word.as_str()
    } else {
        bare
    };
    format!("{spaces}{word}")
}
