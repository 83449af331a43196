//! `unbalanced-quotes`: the quotation marks are balanced in the source and
//! not in the target.
//!
//! Each kind is matched on its own: `« »` and `‹ ›` (either orientation,
//! taken from the first one: Swiss `«…»`, German `»…«`); curly double
//! quotes (`„…“`/`„…”` when the text has a `„`, else `“…”`); straight `"`
//! (an even number); single quotes (`‚…‘`, `‘…’`, and straight `'…'`).
//! Apostrophes are not quotes: a single quote only opens at the start of a
//! word (after a space or bracket, before a letter) and only closes before
//! a non-letter, so `Russia's`, `don't`, `’90s` and `soldiers’ families`
//! never count; for single quotes only an opening quote left open is
//! reported, since a trailing apostrophe (`soldiers’`) may close nothing.

use super::brackets::unbalanced;
use super::{Code, Ctx, Finding};

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    unbalanced(
        ctx,
        out,
        unmatched_quotes,
        Code::UnbalancedQuotes,
        "quotation marks",
    );
}

/// Spans of the quotation marks of `text` that have no partner.
pub(super) fn unmatched_quotes(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    for (a, b) in [('«', '»'), ('‹', '›')] {
        let first = chars
            .iter()
            .find(|&&(_, c)| c == a || c == b)
            .map(|&(_, c)| c);
        if let Some(open) = first {
            let close = if open == a { b } else { a };
            out.extend(match_stack(&chars, |c| c == open, |c| c == close, true));
        }
    }
    if text.contains('„') {
        out.extend(match_stack(
            &chars,
            |c| c == '„',
            |c| c == '“' || c == '”',
            true,
        ));
    } else {
        out.extend(match_stack(&chars, |c| c == '“', |c| c == '”', true));
    }
    let straight: Vec<usize> = chars
        .iter()
        .filter(|&&(_, c)| c == '"')
        .map(|&(i, _)| i)
        .collect();
    if straight.len() % 2 == 1
        && let Some(&last) = straight.last()
    {
        out.push((last, last + 1));
    }
    out.extend(single_quotes(text, &chars));
    out.sort_unstable();
    out
}

/// Stack matching of openers and closers; unmatched closers reported only
/// when `report_closers`.
fn match_stack(
    chars: &[(usize, char)],
    is_open: impl Fn(char) -> bool,
    is_close: impl Fn(char) -> bool,
    report_closers: bool,
) -> Vec<(usize, usize)> {
    let mut stack: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for &(i, c) in chars {
        let span = (i, i + c.len_utf8());
        if is_open(c) {
            stack.push(span);
        } else if is_close(c) && stack.pop().is_none() && report_closers {
            out.push(span);
        }
    }
    out.extend(stack);
    out
}

/// Single quotes left open (see the module documentation).
fn single_quotes(text: &str, chars: &[(usize, char)]) -> Vec<(usize, usize)> {
    let low = text.contains('‚');
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|p| chars.get(p)).map(|&(_, c)| c);
        let next = chars.get(k + 1).map(|&(_, c)| c);
        let word_start = prev.is_none_or(|p| {
            p.is_whitespace()
                || matches!(p, '(' | '[' | '«' | '»' | '"' | '“' | '„' | '—' | '–' | '-')
        }) && next.is_some_and(char::is_alphabetic);
        let word_end =
            prev.is_some_and(|p| !p.is_whitespace()) && !next.is_some_and(char::is_alphanumeric);
        let span = (i, i + c.len_utf8());
        let opens = if low {
            c == '‚'
        } else {
            c == '‘' || (c == '\'' && word_start)
        };
        let closes = if low {
            c == '‘' || (c == '’' && word_end)
        } else {
            (c == '’' || c == '\'') && word_end
        };
        if opens {
            stack.push(span);
        } else if closes {
            stack.pop();
        }
    }
    stack
}
