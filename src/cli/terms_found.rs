//! Glossary terms found in a source sentence, as `suggest` prints them.

use std::path::Path;

use serde::Serialize;

use super::Context;
use crate::error::Result;
use crate::glossary::{Glossary, TermMatcher, WordCache};
use crate::text::words::Word;

/// A glossary term found in a sentence.
#[derive(Debug, Clone, Serialize)]
pub struct TermFound {
    /// The glossary's German term.
    pub de: String,
    /// Its approved translations, preferred first.
    pub en: Vec<String>,
    /// Byte offset of the hit in the sentence.
    pub start: usize,
    /// Byte offset one past the hit.
    pub end: usize,
}

/// The glossary and its matcher.
pub struct Matcher {
    glossary: Glossary,
    matcher: TermMatcher,
}

impl Matcher {
    /// The glossary and matcher as the pre-translation reads them.
    pub fn terms(&self) -> crate::pretranslate::build::Terms<'_> {
        crate::pretranslate::build::Terms {
            glossary: &self.glossary,
            matcher: &self.matcher,
        }
    }
}

/// Loads the glossary for term look-ups; a missing file means no terms.
pub fn load_matcher(ctx: &Context) -> Result<Option<Matcher>> {
    load_matcher_at(&ctx.global.glossary)
}

/// [`load_matcher`] of the glossary at `path`: it needs no [`Context`],
/// so a command can compile the glossary on a thread of its own while it
/// reads its input.
pub fn load_matcher_at(path: &Path) -> Result<Option<Matcher>> {
    if !path.exists() {
        return Ok(None);
    }
    let glossary = crate::glossary::load(path)?;
    let matcher = TermMatcher::new(&glossary);
    Ok(Some(Matcher { glossary, matcher }))
}

/// The glossary terms in `sentence`, whose words are `words` (split once
/// for all the work on the sentence), in text order; `cache` keeps what the
/// matcher learnt about its words for the next sentences.
pub fn find_terms(
    matcher: Option<&Matcher>,
    sentence: &str,
    words: &[Word<'_>],
    cache: &mut WordCache,
) -> Vec<TermFound> {
    let Some(m) = matcher else {
        return Vec::new();
    };
    if m.glossary.terms.is_empty() {
        // Nothing to find: spare the per-word stemming (a fifth of a
        // low-threshold `suggest` run with `satz init`'s empty glossary).
        return Vec::new();
    }
    m.matcher
        .find_source_in(sentence, words, cache)
        .into_iter()
        .filter_map(|hit| {
            let term = m.glossary.terms.get(hit.term)?;
            Some(TermFound {
                de: term.de.clone(),
                en: term.en.clone(),
                start: hit.start,
                end: hit.end,
            })
        })
        .collect()
}
