//! What the term checks share: for each glossary term found in the source,
//! its hits and the approved and forbidden renderings found in the target.

use std::collections::BTreeMap;

use super::Ctx;
use crate::glossary::{Rendering, RenderingHit, TermHit};

/// One term found in the source, with what the target has of it.
#[derive(Debug, Clone)]
pub(super) struct TermEvidence {
    /// Index into `glossary.terms`.
    pub term: usize,
    /// Where it is in the source.
    pub hits: Vec<TermHit>,
    /// Its approved translations found in the target.
    pub approved: Vec<RenderingHit>,
    /// Its forbidden translations found in the target.
    pub forbidden: Vec<RenderingHit>,
}

/// The evidence for every term found in the source, in glossary order.
pub(super) fn evidence(ctx: &Ctx<'_>) -> Vec<TermEvidence> {
    let mut by_term: BTreeMap<usize, Vec<TermHit>> = BTreeMap::new();
    for h in &ctx.hits {
        by_term.entry(h.term).or_default().push(*h);
    }
    by_term
        .into_iter()
        .map(|(term, hits)| {
            let of = |r: Rendering| {
                ctx.renderings
                    .iter()
                    .filter(|h| h.term == term && h.rendering == r)
                    .copied()
                    .collect::<Vec<_>>()
            };
            TermEvidence {
                term,
                hits,
                approved: of(Rendering::Approved),
                forbidden: of(Rendering::Forbidden),
            }
        })
        .collect()
}

/// The source spans of `hits`.
pub(super) fn spans_of_hits(hits: &[TermHit]) -> Vec<(usize, usize)> {
    hits.iter().map(|h| (h.start, h.end)).collect()
}

/// The target spans of `hits`.
pub(super) fn spans_of_renderings(hits: &[RenderingHit]) -> Vec<(usize, usize)> {
    hits.iter().map(|h| (h.start, h.end)).collect()
}

/// The distinct texts at `spans` of `text`, for messages.
pub(super) fn texts_at(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for &(s, e) in spans {
        if let Some(t) = text.get(s..e)
            && !out.iter().any(|o| o == t)
        {
            out.push(t.to_string());
        }
    }
    out
}
