//! `punctuation-end`: the source ends with `?` or `!` (closing quotes and
//! brackets aside) and the target does not end with the same mark.

use super::{Code, Ctx, Finding, Severity};

/// The last char of `text` after trailing spaces, quotes and brackets, with
/// its byte offset.
fn final_mark(text: &str) -> Option<(usize, char)> {
    text.char_indices().rev().find(|&(_, c)| {
        !(c.is_whitespace()
            || matches!(
                c,
                '»' | '«' | '“' | '”' | '"' | '\'' | '’' | '‘' | ')' | ']' | '›' | '‹'
            ))
    })
}

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let Some((s_at, mark)) = final_mark(ctx.pair.source) else {
        return;
    };
    if mark != '?' && mark != '!' {
        return;
    }
    let target_end = final_mark(ctx.pair.target);
    if target_end.is_some_and(|(_, c)| c == mark) {
        return;
    }
    let target_spans = target_end
        .map(|(i, c)| vec![(i, i + c.len_utf8())])
        // The target ends in no mark: nothing to highlight.
        .unwrap_or_default();
    out.push(
        ctx.finding(
            Code::PunctuationEnd,
            Severity::Warning,
            format!("the source ends with \"{mark}\", the target does not"),
            vec![(s_at, s_at + mark.len_utf8())],
            target_spans,
        )
        .because("a question or exclamation may have been rephrased as a statement"),
    );
}
