//! `date-format`: a German-style date or ordinal left in the English: a
//! number of at most three digits with a full stop, then a space and a
//! month (`on 5. October`), or, after an article or preposition, any word
//! (`the 2. biggest`, `the 21. century`, `the 3. League West`). A
//! numbered list item (`2. assistance is provided`) is none. English writes `5 October`, `second-biggest`, `21st`, `3rd`.
//! An error: an English reader stumbles, and a copy-editor must fix it.
//!
//! Only for an English target; a figure that ends a sentence (`won in
//! 2008. The`) is left alone, since four digits and a capital after
//! anything but an article are what a sentence end looks like.

use super::{Code, Ctx, Finding, Severity};
use crate::text::numbers::NumLang;
use crate::text::words::{key, words};

/// Words after which `N. Word` is an ordinal, not a sentence end.
const BEFORE_ORDINAL: [&str; 20] = [
    "the", "on", "of", "in", "at", "a", "an", "its", "his", "her", "their", "for", "from", "to",
    "by", "this", "that", "since", "until", "our",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    if ctx.target_lang != NumLang::En {
        return;
    }
    let text = ctx.pair.target;
    let ws = words(text);
    let mut spans = Vec::new();
    for (i, w) in ws.iter().enumerate() {
        let digits = w.text.chars().all(|c| c.is_ascii_digit());
        if !digits || w.text.len() > 3 {
            continue;
        }
        let Some(next) = ws.get(i + 1) else { continue };
        #[allow(
            clippy::indexing_slicing,
            reason = "w and next are neighbouring words of text, w first: char boundaries in order"
        )]
        let gap = &text[w.end..next.start];
        if gap
            .strip_prefix('.')
            .is_none_or(|g| g.is_empty() || !g.chars().all(char::is_whitespace))
        {
            continue;
        }
        // Not inside a larger figure or a date written with dots (`6.1.`).
        #[allow(
            clippy::indexing_slicing,
            reason = "w is a word of text: its start is a char boundary"
        )]
        let before = &text[..w.start];
        if before.ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
            continue;
        }
        let next_key = key(next.text);
        let month = MONTHS.contains(&next_key.as_str());
        let after_article = i
            .checked_sub(1)
            .and_then(|j| ws.get(j))
            .is_some_and(|p| BEFORE_ORDINAL.contains(&key(p.text).as_str()));
        // A numbered list item (`2. assistance is provided`) is no
        // ordinal: lower case counts only after an article too.
        if month || after_article {
            spans.push((w.start, next.end));
        }
    }
    if spans.is_empty() {
        return;
    }
    let written: Vec<String> = spans
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .map(|t| format!("\"{t}\""))
        .collect();
    let mut f = ctx.finding(
        Code::DateFormat,
        Severity::Error,
        format!(
            "{} is written the German way: English writes a date as 5 October or October 5, \
             an ordinal as 3rd or third",
            written.join(", ")
        ),
        Vec::new(),
        spans,
    );
    f.evidence = "a number with a full stop before a month, or after an article or preposition, \
                  is a German date or ordinal"
        .to_owned();
    out.push(f);
}
