//! `untranslated`: the target is empty, or the same as the source: the same
//! words after folding case and `ß`, whatever the whitespace and punctuation
//! (`Die Lage bleibt angespannt.` left as `Die Lage bleibt angespannt`).
//!
//! An identical pair is fine when the source has no letters (numbers,
//! codes) or looks like a name or a byline: at most four chunks with
//! letters, each capitalised or with a digit, `-` or `.` inside
//! (`Kim Jong Un`, `Patrick Diekmann / t-online`), and no glossary term in
//! it (a term is German, so `Kanonenfutter` alone is untranslated).

use super::{Code, Ctx, Finding, Severity};
use crate::text::words::{has_letter, key, words};

/// At most this many chunks with letters in a name-like segment.
const MAX_NAME_CHUNKS: usize = 4;

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let (source, target) = (ctx.pair.source, ctx.pair.target);
    if target.trim().is_empty() {
        if !source.trim().is_empty() {
            out.push(ctx.finding(
                Code::Untranslated,
                Severity::Error,
                "the target is empty".into(),
                Vec::new(),
                Vec::new(),
            ));
        }
        return;
    }
    let same_words = {
        let (s, t) = (words(source), words(target));
        s.len() == t.len() && s.iter().zip(&t).all(|(a, b)| key(a.text) == key(b.text))
    };
    if !same_words {
        return;
    }
    if !has_letter(source) || (ctx.hits.is_empty() && name_like(source)) {
        return;
    }
    out.push(ctx.finding(
        Code::Untranslated,
        Severity::Error,
        "the target is the same as the source".into(),
        vec![(0, source.len())],
        vec![(0, target.len())],
    ));
}

/// Whether `text` looks like a name or byline (see the module documentation).
fn name_like(text: &str) -> bool {
    let chunks: Vec<&str> = text.split_whitespace().filter(|c| has_letter(c)).collect();
    chunks.len() <= MAX_NAME_CHUNKS
        && chunks.iter().all(|c| {
            let inner = c.trim_matches(|ch: char| !ch.is_alphanumeric());
            inner.chars().next().is_some_and(char::is_uppercase)
                || inner
                    .chars()
                    .any(|ch| ch.is_ascii_digit() || ch == '-' || ch == '.')
        })
}
