//! `number-mismatch`: the numbers of source and target differ once formats
//! are normalised (rules in [`crate::text::numbers::compare_quantities`]).
//! An error, except when only spelled ordinals differ (`zum vierten Mal`
//! against `for the third time`): a warning, since an ordinal word is often
//! idiomatic (`for the first time in 2000` for `erstmals 2000 gewählt`).

use super::{Code, Ctx, Finding, Severity};
use crate::text::numbers::{NumLang, Quantity, QuantityKind, compare_quantities, scale_word};

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let diff = compare_quantities(
        ctx.pair.source,
        ctx.source_lang,
        ctx.pair.target,
        ctx.target_lang,
    );
    if diff.is_empty() {
        return;
    }
    let mut parts = Vec::new();
    if !diff.source.is_empty() {
        parts.push(format!(
            "source has {} not in the target",
            describe(ctx.pair.source, ctx.source_lang, &diff.source)
        ));
    }
    if !diff.target.is_empty() {
        parts.push(format!(
            "target has {} not in the source",
            describe(ctx.pair.target, ctx.target_lang, &diff.target)
        ));
    }
    let message = format!("numbers differ: {}", parts.join("; "));
    let only_ordinal_words = diff
        .source
        .iter()
        .chain(&diff.target)
        .all(|q| q.spelled && q.ordinal);
    out.push(ctx.finding(
        Code::NumberMismatch,
        if only_ordinal_words {
            Severity::Warning
        } else {
            Severity::Error
        },
        message,
        diff.source.iter().map(|q| (q.start, q.end)).collect(),
        diff.target.iter().map(|q| (q.start, q.end)).collect(),
    ));
}

/// `"10'000" (10000), "5,5 Milliarden" (5500000000)`.
fn describe(text: &str, lang: NumLang, qs: &[Quantity]) -> String {
    qs.iter()
        .map(|q| {
            let mut written = q.text.clone();
            if q.scaled.is_some() && !q.spelled {
                // Not for a range's first end, whose scale comes later
                // (`1,2 und 1,4 Milliarden`).
                let after = scale_word_after(text, q.end);
                let word = after.trim().trim_end_matches('.').to_lowercase();
                if scale_word(lang, &word).is_some() {
                    written.push_str(&after);
                }
            }
            let v = q.shown_value();
            let shown = match q.kind {
                QuantityKind::Time => {
                    let m = v.max(0.0) as u64;
                    format!("{}:{:02}", m / 60, m % 60)
                }
                QuantityKind::Number => format_value(v),
            };
            if shown == written {
                format!("\"{written}\"")
            } else {
                format!("\"{written}\" ({shown})")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A value without a trailing `.0`; large integers in full.
fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e16 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The scale word after byte `end` with the spaces before it (`" Milliarden"`).
fn scale_word_after(text: &str, end: usize) -> String {
    let rest = text.get(end..).unwrap_or("");
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
