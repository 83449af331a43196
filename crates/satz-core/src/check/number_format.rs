//! `number-format`: a figure of the target written with the source
//! language's digit conventions (`17,5 tons`, `HUF 500.000`, `0,35%` in
//! English): the number is right, an English reader reads another one
//! (175, 500, 35). A warning: the value matched, only the writing is
//! wrong.

use super::{Code, Ctx, Finding, Severity};
use crate::text::numbers::QuantityDiff;

/// Appends the findings of this check for `diff`.
pub(super) fn check(ctx: &Ctx<'_>, diff: &QuantityDiff, out: &mut Vec<Finding>) {
    if diff.foreign_format.is_empty() {
        return;
    }
    let written: Vec<String> = diff
        .foreign_format
        .iter()
        .map(|q| format!("\"{}\"", q.text))
        .collect();
    let mut f = ctx.finding(
        Code::NumberFormat,
        Severity::Warning,
        format!(
            "{} written with the source's separators: an English reader reads another number",
            written.join(", ")
        ),
        Vec::new(),
        diff.foreign_format
            .iter()
            .map(|q| (q.start, q.end))
            .collect(),
    );
    f.evidence = "the figure matches the source only when its , and . are read the \
                  source language's way"
        .to_owned();
    out.push(f);
}
