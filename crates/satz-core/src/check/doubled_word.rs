//! `doubled-word`: the same word twice in a row in the target ("the the"),
//! case-insensitive, separated by whitespace only.
//!
//! Not reported: words with digits (`10 10`), the grammatical doubles "had
//! had", "that that", "her her" ("gave her her first title") and "is is"
//! ("what it is is"), and two capitalised words (names such as "Bora
//! Bora", "Boutros Boutros-Ghali"); "The the" is reported.

use super::{Code, Ctx, Finding, Severity};
use crate::text::fold_case;
use crate::text::words::words;

/// English words that may rightly stand twice in a row.
const ALLOWED: [&str; 4] = ["had", "that", "her", "is"];

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let text = ctx.pair.target;
    let ws = words(text);
    for pair in ws.windows(2) {
        let [a, b] = pair else { continue };
        #[allow(
            clippy::indexing_slicing,
            reason = "a and b are neighbouring words of text, a first: char boundaries in order"
        )]
        let gap = &text[a.end..b.start];
        if gap.is_empty() || !gap.chars().all(char::is_whitespace) {
            continue;
        }
        let (ka, kb) = (fold_case(a.text), fold_case(b.text));
        let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if ka != kb
            || a.text.chars().any(|c| c.is_ascii_digit())
            || !a.text.chars().any(char::is_alphabetic)
            || ALLOWED.contains(&ka.as_str())
            || (capitalised(a.text) && capitalised(b.text))
        {
            continue;
        }
        out.push(
            ctx.finding(
                Code::DoubledWord,
                Severity::Warning,
                format!("doubled word \"{} {}\" in the target", a.text, b.text),
                Vec::new(),
                vec![(a.start, b.end)],
            )
            .because("the same word twice in a row, not a grammatical pair (had had, that that)"),
        );
    }
}
