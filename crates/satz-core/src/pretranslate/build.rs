//! From a text's sentences to a [`Pretranslation`]: the memory's matches
//! for each sentence (as `satz suggest` finds them, 101% context matches
//! included, numbers adapted) and the glossary terms in it.

use rayon::prelude::*;

use super::{Candidate, FuzzyAs, Pretranslation, Segment, TermHint};
use crate::glossary::{Glossary, TermMatcher};
use crate::lang::LangPair;
use crate::tm::index::View;
use crate::tm::suggest::{Query, suggest};

/// A text split into sentences.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    /// The file name recorded in the XLIFF (`original`).
    pub original: &'a str,
    /// The sentences, in order.
    pub sentences: &'a [String],
    /// The paragraph of each sentence (same length, non-decreasing).
    pub paragraphs: &'a [usize],
}

/// How matches are looked up and used.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Lowest percentage offered.
    pub min: u32,
    /// Matches per segment at most.
    pub top: usize,
    /// What a fuzzy match becomes.
    pub fuzzy: FuzzyAs,
}

/// The glossary and its matcher, for the terms of each segment.
pub struct Terms<'a> {
    /// The glossary.
    pub glossary: &'a Glossary,
    /// Its compiled matcher.
    pub matcher: &'a TermMatcher,
}

impl Terms<'_> {
    /// The glossary terms in `sentence`, each once, in text order.
    pub fn hints(&self, sentence: &str) -> Vec<TermHint> {
        let mut seen = Vec::new();
        let mut hints = Vec::new();
        for hit in self.matcher.find_source(sentence) {
            if seen.contains(&hit.term) {
                continue;
            }
            seen.push(hit.term);
            // A hit names a term of the glossary it was compiled from.
            if let Some(t) = self.glossary.terms.get(hit.term) {
                hints.push(TermHint {
                    term: t.de.clone(),
                    translations: t.en.clone(),
                    forbidden: t.forbidden.clone(),
                });
            }
        }
        hints
    }
}

/// The pre-translation of `text`; `tick` is called once per sentence
/// (for a progress bar), from several threads.
pub fn build(
    view: &View<'_>,
    pair: &LangPair,
    terms: Option<&Terms<'_>>,
    text: Text<'_>,
    options: Options,
    tick: &(dyn Fn() + Sync),
) -> Pretranslation {
    let sentences = text.sentences;
    let around = |i: usize, step: isize| -> Option<&String> {
        i.checked_add_signed(step).and_then(|j| sentences.get(j))
    };
    let segments: Vec<Segment> = sentences
        .par_iter()
        .enumerate()
        .map(|(i, sentence)| {
            tick();
            let (prev, next) = (around(i, -1), around(i, 1));
            let query = Query {
                text: sentence,
                prev: prev.map_or("", String::as_str),
                next: next.map_or("", String::as_str),
            };
            let matches = suggest(view, pair, query, options.min, options.top)
                .into_iter()
                .map(|s| Candidate {
                    score: s.score,
                    target: s.adapted.unwrap_or(s.target),
                    source: s.source,
                    origin: s.origin,
                    penalties: s.penalties,
                })
                .collect();
            Segment {
                source: sentence.clone(),
                matches,
                terms: terms.map(|t| t.hints(sentence)).unwrap_or_default(),
                prev: prev.cloned(),
                next: next.cloned(),
            }
        })
        .collect();
    Pretranslation {
        original: text.original.to_owned(),
        source_lang: pair.source.to_string(),
        target_lang: pair.target.to_string(),
        paragraphs: group(segments, text.paragraphs),
        fuzzy: options.fuzzy,
    }
}

/// The segments grouped by their paragraph numbers (a number that changes
/// starts a group).
fn group(segments: Vec<Segment>, paragraphs: &[usize]) -> Vec<Vec<Segment>> {
    debug_assert_eq!(segments.len(), paragraphs.len(), "a paragraph per sentence");
    let mut groups: Vec<Vec<Segment>> = Vec::new();
    let mut current = None;
    for (segment, &p) in segments.into_iter().zip(paragraphs) {
        match groups.last_mut() {
            Some(last) if current == Some(p) => last.push(segment),
            _ => groups.push(vec![segment]),
        }
        current = Some(p);
    }
    groups
}
