//! `double-space`: two or more spaces in a row in the target (ordinary,
//! no-break or narrow no-break spaces) when the source has none.

use super::{Code, Ctx, Finding, Severity};

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Spans of the runs of two or more spaces in `text`.
fn runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut run: Option<(usize, usize, usize)> = None; // start, end, count
    for (i, c) in text.char_indices() {
        if is_space(c) {
            run = Some(match run {
                Some((s, _, n)) => (s, i + c.len_utf8(), n + 1),
                None => (i, i + c.len_utf8(), 1),
            });
        } else if let Some((s, e, n)) = run.take()
            && n >= 2
        {
            out.push((s, e));
        }
    }
    if let Some((s, e, n)) = run
        && n >= 2
    {
        out.push((s, e));
    }
    out
}

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if !runs(ctx.pair.source).is_empty() {
        return;
    }
    let spans = runs(ctx.pair.target);
    if spans.is_empty() {
        return;
    }
    out.push(
        ctx.finding(
            Code::DoubleSpace,
            Severity::Warning,
            format!("{} run(s) of two or more spaces in the target", spans.len()),
            Vec::new(),
            spans,
        )
        .because("typography: the source has no such run"),
    );
}
