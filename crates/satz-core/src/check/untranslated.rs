//! `untranslated`: the target is empty, the same as the source, or written
//! in the source language.
//!
//! * **Empty**: an error.
//! * **The same words** as the source after folding case and `ß`, whatever
//!   the whitespace and punctuation (`Die Lage bleibt angespannt.` left as
//!   `Die Lage bleibt angespannt`): an error, unless the source is no text
//!   to translate: no letters (numbers, codes), a name or byline (at most
//!   four chunks with letters, each capitalised or with a digit, `-` or
//!   `.` inside: `Kim Jong Un`, `Patrick Diekmann / t-online`) with no
//!   glossary term in it (a term is German, so `Kanonenfutter` alone is
//!   untranslated) and no German ordinal (`2. Fenster` is German), a list
//!   of capitalised names (`Winston Churchill, Ava Gardner, Frank
//!   Sinatra.`) that is no German sentence, or
//!   text that [`crate::langid`] identifies as another language than the
//!   source's (an English headline or a French quote in a German
//!   article is rightly left as it is).
//! * **In the source language**: the target is identified as the source's
//!   language (`Die Lage bleibt angespannt` for an English target) while
//!   the source is not identified as the target's: an error, with the
//!   evidence (function words per language) in the finding.

use super::{Code, Ctx, Finding, Severity};
use crate::langid::identify;
use crate::text::words::{has_letter, key, words};

/// At most this many chunks with letters in a name-like segment.
const MAX_NAME_CHUNKS: usize = 4;

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, out: &mut Vec<Finding>) {
    let (source, target) = (ctx.pair.source, ctx.pair.target);
    if target.trim().is_empty() {
        if !source.trim().is_empty() {
            let mut f = ctx.finding(
                Code::Untranslated,
                Severity::Error,
                "the target is empty".into(),
                Vec::new(),
                Vec::new(),
            );
            f.evidence = "no text in the target".into();
            out.push(f);
        }
        return;
    }
    let same_words = {
        let (s, t) = (words(source), words(target));
        s.len() == t.len() && s.iter().zip(&t).all(|(a, b)| key(a.text) == key(b.text))
    };
    if same_words {
        let other_language = ctx
            .source_language
            .is_some_and(|lang| identify(source).language.is_some_and(|found| found != lang));
        let nothing_to_translate = !has_letter(source)
            || (ctx.hits.is_empty() && name_like(source) && !german_ordinal(source));
        if other_language || nothing_to_translate {
            return;
        }
        let mut f = ctx.finding(
            Code::Untranslated,
            Severity::Error,
            "the target is the same as the source".into(),
            vec![(0, source.len())],
            vec![(0, target.len())],
        );
        f.evidence = "the same words on both sides, and the source is text to translate".into();
        out.push(f);
        return;
    }
    let (Some(source_lang), Some(target_lang)) = (ctx.source_language, ctx.target_language) else {
        return;
    };
    let guess = identify(target);
    if guess.is(source_lang) && !identify(source).is(target_lang) {
        let mut f = ctx.finding(
            Code::Untranslated,
            Severity::Error,
            format!("the target is {}, not {}", source_lang, target_lang),
            Vec::new(),
            vec![(0, target.len())],
        );
        f.evidence = format!("language of the target: {}", guess.evidence());
        out.push(f);
    }
}

/// Whether `text` looks like a name, a byline or a list of names (see the
/// module documentation).
fn name_like(text: &str) -> bool {
    let chunks: Vec<&str> = text.split_whitespace().filter(|c| has_letter(c)).collect();
    // `Winston Churchill, Ava Gardner, Frank Sinatra.`: every word
    // capitalised, in a list, and no German sentence.
    let name_list = text.contains(',')
        && chunks
            .iter()
            .all(|c| c.chars().next().is_some_and(char::is_uppercase))
        && !identify(text).is(crate::langid::Language::German);
    name_list
        || chunks.len() <= MAX_NAME_CHUNKS
            && chunks.iter().all(|c| {
                let inner = c.trim_matches(|ch: char| !ch.is_alphanumeric());
                inner.chars().next().is_some_and(char::is_uppercase)
                    || inner
                        .chars()
                        .any(|ch| ch.is_ascii_digit() || ch == '-' || ch == '.')
            })
}

/// Whether `text` has a German ordinal before a word (`2. Fenster`).
fn german_ordinal(text: &str) -> bool {
    let ws = words(text);
    ws.iter().zip(ws.iter().skip(1)).any(|(a, b)| {
        a.text.len() <= 3
            && a.text.chars().all(|c| c.is_ascii_digit())
            && text
                .get(a.end..b.start)
                .is_some_and(|g| g.starts_with(". ") && g.trim_start_matches('.').trim().is_empty())
    })
}
