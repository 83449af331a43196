//! `term-deprecated`: the source contains a term whose glossary entry is
//! `deprecated`, and the target uses that entry's translation.

use super::terms::{TermEvidence, spans_of_hits, spans_of_renderings, texts_at};
use super::{Code, Ctx, Finding, Severity, quoted_list};
use crate::glossary::Status;

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, evidence: &[TermEvidence], out: &mut Vec<Finding>) {
    for ev in evidence {
        let Some(term) = ctx.glossary.terms.get(ev.term) else {
            continue;
        };
        if term.status != Some(Status::Deprecated) || ev.approved.is_empty() {
            continue;
        }
        let target_spans = spans_of_renderings(&ev.approved);
        let used = quoted_list(&texts_at(ctx.pair.target, &target_spans));
        let note = term
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        let message = format!(
            "{used} follows the deprecated glossary entry \"{}\"{note}",
            term.de
        );
        out.push(ctx.finding(
            Code::TermDeprecated,
            Severity::Warning,
            message,
            spans_of_hits(&ev.hits),
            target_spans,
        )
        .because("the source has the term and the target uses the translation of its deprecated entry"));
    }
}
