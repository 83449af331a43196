//! `term-missing`: a glossary term is in the source and none of its
//! approved translations is in the target.
//!
//! A warning: on professional translations most such findings are an
//! acceptable synonym, a pronoun or a name for the thing (`lawmakers`,
//! `the Fed`), not an omission, and satz cannot tell them apart (judged on
//! real news: 24 of 60 were real). A desk that enforces its glossary makes
//! it gate CI with `--fail-on term-missing` or `fail_on` in glossary.toml.
//! The evidence says how the term was found: as a word (exact, a form,
//! inflected), as the head of a closed compound (`Militärdiktatur`, often
//! translated by another word: `junta`) or as a part of one
//! (`Krankenhausbett`). Not reported for deprecated entries (their
//! translations are not required) nor when a forbidden translation of the
//! term is present (`term-forbidden` says it then).

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
        let compound_only = ev
            .hits
            .iter()
            .all(|h| matches!(h.kind, HitKind::Compound | HitKind::Part));
        let strongest = ev
            .hits
            .iter()
            .map(|h| h.kind)
            .min()
            // Evidence has a hit (the term was found in the source); none
            // would be the weakest kind.
            .unwrap_or(HitKind::Part);
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
        let mut f = ctx.finding(
            Code::TermMissing,
            Severity::Warning,
            message,
            spans,
            Vec::new(),
        );
        f.evidence = format!(
            "the term found {} in the source; none of {} approved translation(s) in the \
             target (a synonym, pronoun or name may stand for it)",
            match strongest {
                HitKind::Exact => "as written",
                HitKind::Form => "as one of its forms",
                HitKind::Inflected => "inflected",
                HitKind::Compound => "as the head of a closed compound",
                HitKind::Part => "as a part of a closed compound",
            },
            term.en.len()
        );
        out.push(f);
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
