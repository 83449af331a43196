//! `omission` and `addition`: a German sentence of an aligned document with
//! no translation, an English sentence with no German source.
//!
//! The aligner decides which sentences these are ([`crate::align::Link`]'s
//! `omitted` and `added`): every sentence of a 1-0 or 0-1 link, and a
//! sentence of a merged link (2-1, 1-2, 3-1, ...) that its evidence does
//! not support, such as a German sentence whose translation was deleted and
//! which the alignment absorbed into its neighbour's link. This check turns
//! each such sentence into an error-level finding on the link, with the
//! sentence's span, so a reviewer (and CI) cannot miss it. It needs an
//! aligned document: memory units have no neighbours to be absorbed into,
//! and an empty memory target is `untranslated`.

use super::document::AlignedLink;
use super::{Code, Finding, Pair, Severity, clip, finding};

/// Longest sentence quoted in a message, in chars.
const QUOTE_CHARS: usize = 80;

/// The findings of this check for `link`, whose texts are `pair`'s.
pub(super) fn check(link: &AlignedLink<'_>, pair: &Pair<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let whole_source = link.target.is_empty();
    let whole_target = link.source.is_empty();
    for (&k, span) in link.omitted.iter().zip(spans(&link.source, &link.omitted)) {
        let Some(sentence) = link.source.get(k) else {
            continue;
        };
        let message = if whole_source {
            "the German sentence has no translation (an omission)".to_owned()
        } else {
            format!(
                "the German sentence \"{}\" has no counterpart in the English of this link (a possible omission)",
                clip(sentence, QUOTE_CHARS)
            )
        };
        out.push(finding(
            pair,
            Code::Omission,
            Severity::Error,
            message,
            vec![span],
            Vec::new(),
        ));
    }
    for (&k, span) in link.added.iter().zip(spans(&link.target, &link.added)) {
        let Some(sentence) = link.target.get(k) else {
            continue;
        };
        let message = if whole_target {
            "the English sentence has no German source (an addition)".to_owned()
        } else {
            format!(
                "the English sentence \"{}\" has no counterpart in the German of this link (a possible addition)",
                clip(sentence, QUOTE_CHARS)
            )
        };
        out.push(finding(
            pair,
            Code::Addition,
            Severity::Error,
            message,
            Vec::new(),
            vec![span],
        ));
    }
    out
}

/// Byte spans, in the sentences joined by single spaces, of the sentences
/// at positions `which`, in the order of `which`.
fn spans(sentences: &[&str], which: &[usize]) -> Vec<(usize, usize)> {
    let mut starts = Vec::with_capacity(sentences.len());
    let mut at = 0;
    for s in sentences {
        starts.push((at, at + s.len()));
        at += s.len() + 1;
    }
    which
        .iter()
        .filter_map(|&k| starts.get(k).copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_into_the_joined_text() {
        let s = ["Ein Satz.", "Noch einer.", "Dritter."];
        let joined = s.join(" ");
        let got = spans(&s, &[1, 2]);
        assert_eq!(got, vec![(10, 21), (22, 30)]);
        assert_eq!(&joined[10..21], "Noch einer.");
        assert_eq!(&joined[22..30], "Dritter.");
    }
}
