//! `term-forbidden`: a forbidden translation in the target.
//!
//! Error when the term is in the source as a word or the head of a
//! compound; a warning when it is only a part of a closed compound
//! (`Flüchtlingslager` → `fugitive camp`: the compound may mean something
//! the forbidden word rightly translates, as `Chefkoch` is a `head chef`). When it is not, a forbidden
//! translation of two or more words is a warning (a calque that is wrong
//! anywhere) and a one-word one is not reported (ordinary English in other
//! senses: "upgrade", "devises"). A forbidden phrase overlapping an approved
//! translation of a term that is in the source is not reported.

use std::collections::BTreeMap;

use super::terms::{TermEvidence, spans_of_hits, spans_of_renderings, texts_at};
use super::{Code, Ctx, Finding, Severity, quoted_list};
use crate::glossary::{HitKind, Rendering, RenderingHit};
use crate::text::words::words;

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, evidence: &[TermEvidence], out: &mut Vec<Finding>) {
    for ev in evidence {
        if ev.forbidden.is_empty() {
            continue;
        }
        let Some(term) = ctx.glossary.terms.get(ev.term) else {
            continue;
        };
        let target_spans = spans_of_renderings(&ev.forbidden);
        let used = quoted_list(&texts_at(ctx.pair.target, &target_spans));
        let message = format!(
            "forbidden translation {used} for glossary term \"{}\"; use {}",
            term.de,
            quoted_list(&term.en)
        );
        let part_only = ev.hits.iter().all(|h| h.kind == HitKind::Part);
        let mut f = ctx.finding(
            Code::TermForbidden,
            if part_only {
                Severity::Warning
            } else {
                Severity::Error
            },
            message,
            spans_of_hits(&ev.hits),
            target_spans,
        );
        f.evidence = if part_only {
            "the term is only a part of a closed compound in the source".to_owned()
        } else {
            "the term is in the source and the glossary forbids this translation".to_owned()
        };
        out.push(f);
    }

    // Forbidden renderings of terms the source does not contain.
    let approved_in_source: Vec<&RenderingHit> =
        evidence.iter().flat_map(|e| &e.approved).collect();
    let mut elsewhere: BTreeMap<usize, Vec<RenderingHit>> = BTreeMap::new();
    for h in &ctx.renderings {
        if h.rendering != Rendering::Forbidden || evidence.iter().any(|e| e.term == h.term) {
            continue;
        }
        let Some(phrase) = ctx
            .glossary
            .terms
            .get(h.term)
            .and_then(|t| t.forbidden.get(h.index))
        else {
            continue;
        };
        let overlaps_approved = approved_in_source
            .iter()
            .any(|a| a.start < h.end && h.start < a.end);
        if words(phrase).len() >= 2 && !overlaps_approved {
            elsewhere.entry(h.term).or_default().push(*h);
        }
    }
    for (t, hits) in elsewhere {
        let Some(term) = ctx.glossary.terms.get(t) else {
            continue;
        };
        let target_spans = spans_of_renderings(&hits);
        let used = quoted_list(&texts_at(ctx.pair.target, &target_spans));
        let message = format!(
            "forbidden translation {used} (listed for glossary term \"{}\", which the source \
             does not seem to contain); use {}",
            term.de,
            quoted_list(&term.en)
        );
        out.push(ctx.finding(
            Code::TermForbidden,
            Severity::Warning,
            message,
            Vec::new(),
            target_spans,
        )
        .because("a calque of two or more words the glossary forbids, though the term was not recognised in the source"));
    }
}
