//! `unbalanced-brackets`: `( )`, `[ ]`, `{ }` are balanced in the source and
//! not in the target (a closing bracket without an opening one, or an
//! opening one left open). A source that is itself unbalanced (a list item
//! `a)`, a bracket spanning segments) is not checked.

use super::{Code, Ctx, Finding, Severity};

/// `"(", ")"` for messages.
pub(super) fn quoted(items: &[&str]) -> String {
    items
        .iter()
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

const PAIRS: [(char, char); 3] = [('(', ')'), ('[', ']'), ('{', '}')];

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    unbalanced(
        ctx,
        out,
        unmatched_brackets,
        Code::UnbalancedBrackets,
        "brackets",
    );
}

/// What `unbalanced-brackets` and `unbalanced-quotes` share: when `find`
/// reports nothing in the source but something in the target, one warning
/// naming the unmatched marks, with their spans.
pub(super) fn unbalanced(
    ctx: &Ctx<'_>,
    out: &mut Vec<Finding>,
    find: fn(&str) -> Vec<(usize, usize)>,
    code: Code,
    marks: &str,
) {
    if !find(ctx.pair.source).is_empty() {
        return;
    }
    let spans = find(ctx.pair.target);
    if spans.is_empty() {
        return;
    }
    let shown: Vec<&str> = spans
        .iter()
        .filter_map(|&(s, e)| ctx.pair.target.get(s..e))
        .collect();
    out.push(ctx.finding(
        code,
        Severity::Warning,
        format!(
            "the target has unmatched {} while the source's {marks} are balanced",
            quoted(&shown)
        ),
        Vec::new(),
        spans,
    )
    .because("balanced in the source, not in the target; a mark may open or close in a neighbouring segment"));
}

/// Spans of the brackets of `text` that have no partner.
pub(super) fn unmatched_brackets(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (open, close) in PAIRS {
        let mut stack: Vec<usize> = Vec::new();
        for (i, c) in text.char_indices() {
            if c == open {
                stack.push(i);
            } else if c == close && stack.pop().is_none() {
                out.push((i, i + c.len_utf8()));
            }
        }
        out.extend(stack.into_iter().map(|i| (i, i + open.len_utf8())));
    }
    out.sort_unstable();
    out
}
