//! Suggestions for a sentence from the memory: the best fuzzy matches
//! with their word diff and the translation adapted to the sentence's
//! numbers, months and names (`satz suggest`), and the best score alone
//! (`satz analyze`).
//!
//! A 101% (context) match is a 100% match whose unit recorded the same
//! neighbouring sentences as the query has, as CAT tools define it.

use serde::Serialize;

use crate::lang::LangPair;
use crate::text::tokenize::tokenize;
use crate::tm::fuzzy::adapt::adapt_split;
use crate::tm::fuzzy::diff::{Piece, diff_split};
use crate::tm::fuzzy::{Penalty, Prepared};
use crate::tm::index::{Field, View, search};

/// One match of a sentence in the memory, as `suggest` shows it.
#[derive(Debug, Serialize)]
pub struct Suggestion {
    /// Percentage (101 for a context match).
    pub score: u32,
    /// The memory's source.
    pub source: String,
    /// The memory's translation.
    pub target: String,
    /// The translation with numbers fitted to the query, when possible.
    pub adapted: Option<String>,
    /// The byte ranges `[start, end)` of `adapted` that adaptation wrote
    /// (the changed numbers, months, names), in order; empty when
    /// `adapted` is `None`.
    pub adapted_spans: Vec<[usize; 2]>,
    /// The memory file.
    pub origin: String,
    /// Penalties applied, as `-2 numbers`.
    pub penalties: Vec<String>,
    /// The word diff from the memory's source to the query.
    #[serde(skip)]
    pub diff: Vec<Piece>,
}

/// A sentence with the sentences around it ("" at a text's ends).
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    /// The sentence.
    pub text: &'a str,
    /// The sentence before it.
    pub prev: &'a str,
    /// The sentence after it.
    pub next: &'a str,
}

/// The best `top` matches of at least `min` percent for `query`, best
/// first, in the language pair `pair`.
pub fn suggest(
    view: &View<'_>,
    pair: &LangPair,
    query: Query<'_>,
    min: u32,
    top: usize,
) -> Vec<Suggestion> {
    suggest_prepared(view, pair, query, &Prepared::new(query.text), min, top)
}

/// [`suggest`] for a query tokenised already: `prepared` is
/// [`Prepared::new`] of `query.text`, and its text and tokens are what is
/// looked up, adapted and diffed (`query.text` is not split again). A
/// caller that needs the sentence's words for other work too (term
/// recognition in `satz suggest`) splits it once.
pub fn suggest_prepared(
    view: &View<'_>,
    pair: &LangPair,
    query: Query<'_>,
    prepared: &Prepared,
    min: u32,
    top: usize,
) -> Vec<Suggestion> {
    let (text, tokens) = (prepared.text.as_str(), prepared.tokens.as_slice());
    let context = |u: usize| context_matches(view, u, query.prev, query.next);
    search::search(view, prepared, min, top, &context)
        .into_iter()
        .map(|m| {
            let source = view.text(m.unit, Field::Source).to_owned();
            let target = view.text(m.unit, Field::Target).to_owned();
            // The source is split once, for adaptation and the diff.
            let source_tokens = tokenize(&source);
            let adapted = adapt_split((text, tokens), (&source, &source_tokens), &target, pair);
            let adapted_spans = adapted
                .as_ref()
                .map(|a| a.spans.iter().map(|&(s, e)| [s, e]).collect())
                .unwrap_or_default();
            Suggestion {
                score: m.score,
                adapted: adapted.map(|a| a.text),
                adapted_spans,
                diff: diff_split((&source, &source_tokens), (text, tokens)),
                source,
                target,
                origin: view.origin(m.unit).0.to_owned(),
                penalties: m.penalties.iter().map(|p: &Penalty| p.label()).collect(),
            }
        })
        .collect()
}

/// The score of the best match of at least 50% for `query`.
pub fn best_score(view: &View<'_>, query: Query<'_>) -> Option<u32> {
    let context = |u: usize| context_matches(view, u, query.prev, query.next);
    search::search(view, &Prepared::new(query.text), 50, 1, &context)
        .first()
        .map(|m| m.score)
}

/// A unit's recorded neighbours agree with the query's: at least one is
/// recorded, and every recorded one is equal.
pub fn context_matches(view: &View<'_>, u: usize, prev: &str, next: &str) -> bool {
    let (p, n) = (view.text(u, Field::Prev), view.text(u, Field::Next));
    (!p.is_empty() || !n.is_empty()) && (p.is_empty() || p == prev) && (n.is_empty() || n == next)
}
