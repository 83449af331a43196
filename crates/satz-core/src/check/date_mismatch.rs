//! `date-mismatch`: the day or month of a date differs (`15. Juli` against
//! `August 15`, `6.1.2024` against `6 February 2024`, `11. September 2001`
//! against `September 2001`). Years are numbers (`number-mismatch`).
//!
//! An error when both sides have a date part the other lacks (a month or
//! day changed), or when a day is missing from a date whose month both
//! sides share (the day dropped). A warning when a whole date or a month
//! is on one side only: `am 6. Januar` may rightly be `on Monday`, `im
//! Juli` `last month`.

use super::number_mismatch::{describe, shown};
use super::{Code, Ctx, Finding, Severity};
use crate::text::numbers::{Quantity, QuantityDiff, QuantityKind};

/// Appends the findings of this check for `diff` (its date parts only).
pub(super) fn check(ctx: &Ctx<'_>, diff: &QuantityDiff, out: &mut Vec<Finding>) {
    let source: Vec<&Quantity> = diff.source.iter().filter(|q| q.in_date()).collect();
    let target: Vec<&Quantity> = diff.target.iter().filter(|q| q.in_date()).collect();
    if source.is_empty() && target.is_empty() {
        return;
    }
    let months = |qs: &[&Quantity]| qs.iter().any(|q| q.kind == QuantityKind::Month);
    let days = |qs: &[&Quantity]| qs.iter().any(|q| q.day);
    let (severity, evidence) = if months(&source) && months(&target) {
        (Severity::Error, "a different month on each side")
    } else if days(&source) && days(&target) {
        (Severity::Error, "a different day on each side")
    } else if (days(&source) && !months(&source)) || (days(&target) && !months(&target)) {
        (
            Severity::Error,
            "a day missing from a date whose month both sides have",
        )
    } else {
        (
            Severity::Warning,
            "a date or month on one side only: it may be rendered as a weekday or a \
             relative date (on Monday, last month)",
        )
    };
    let mut parts = Vec::new();
    if !source.is_empty() {
        parts.push(format!(
            "source has {} not in the target",
            describe_dates(ctx.pair.source, ctx, &source)
        ));
    }
    if !target.is_empty() {
        parts.push(format!(
            "target has {} not in the source",
            describe_dates(ctx.pair.target, ctx, &target)
        ));
    }
    let mut f = ctx.finding(
        Code::DateMismatch,
        severity,
        format!("dates differ: {}", parts.join("; ")),
        source.iter().map(|q| (q.start, q.end)).collect(),
        target.iter().map(|q| (q.start, q.end)).collect(),
    );
    f.evidence = evidence.to_owned();
    out.push(f);
}

/// `the day "15." (15), the month "Juli" (July)`.
fn describe_dates(text: &str, ctx: &Ctx<'_>, qs: &[&Quantity]) -> String {
    qs.iter()
        .map(|q| {
            let what = if q.kind == QuantityKind::Month {
                "the month"
            } else {
                "the day"
            };
            let written = describe(text, ctx.source_lang, &[q]);
            if written.contains('(') || shown(q) == q.text {
                format!("{what} {written}")
            } else {
                format!("{what} \"{}\" ({})", q.text, shown(q))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}
