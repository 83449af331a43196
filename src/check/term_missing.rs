//! `term-missing`: a glossary term is in the source and none of its
//! approved translations is in the target.
//!
//! Error when the term was found as a word (exact, form or inflected);
//! warning when it was found only as the head of a closed compound, which is
//! often translated by another word. Not reported for deprecated entries
//! (their translations are not required) nor when a forbidden translation
//! of the term is present (`term-forbidden` says it then).

use super::terms::{TermEvidence, spans_of_hits, texts_at};
use super::{Code, Ctx, Finding, Severity, quoted_list};
use crate::glossary::{HitKind, Status};
use crate::text::words::words;

/// Appends the findings of this check.
pub(super) fn check(ctx: &Ctx<'_>, evidence: &[TermEvidence], out: &mut Vec<Finding>) {
    for ev in evidence {
        let Some(term) = ctx.glossary.terms.get(ev.term) else {
            continue;
        };
        if term.status == Some(Status::Deprecated)
            || !ev.approved.is_empty()
            || !ev.forbidden.is_empty()
        {
            continue;
        }
        let compound_only = ev.hits.iter().all(|h| h.kind == HitKind::Compound);
        let severity = if compound_only {
            Severity::Warning
        } else {
            Severity::Error
        };
        let spans = spans_of_hits(&ev.hits);
        let found = if compound_only {
            format!(
                "in the compound {}",
                quoted_list(&enclosing_words(ctx.pair.source, &spans))
            )
        } else {
            format!("as {}", quoted_list(&texts_at(ctx.pair.source, &spans)))
        };
        let message = format!(
            "glossary term \"{}\" (found {found}) has no approved translation in the target: \
             expected {}",
            term.de,
            quoted_list(&term.en)
        );
        out.push(ctx.finding(Code::TermMissing, severity, message, spans, Vec::new()));
    }
}

/// The distinct whole words of `text` that contain the `spans`.
fn enclosing_words(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words(text) {
        if spans.iter().any(|&(s, e)| w.start <= s && e <= w.end)
            && !out.iter().any(|o| o == w.text)
        {
            out.push(w.text.to_string());
        }
    }
    out
}
