//! Omissions and additions inside links: sentences the alignment links to
//! something but that probably have no counterpart on the other side.
//!
//! A German sentence left untranslated often does not show up as a 1-0
//! link. When the document has no other gaps, the re-estimated prior of a
//! 1-0 link is tiny, and absorbing the orphan into its neighbour's link (a
//! 2-1 link) costs less than admitting the gap; in segment-parallel files a
//! missing line shifts a run of 1-1 links until the gap is admitted further
//! on. The link's posterior then says "fairly sure" (0.5 to 0.7), and
//! nothing tells a reviewer that one sentence of it is translated nowhere.
//!
//! Two pieces of evidence the aligner already has decide it, per sentence:
//!
//! * **gap probability**: the posterior probability that the sentence is in a
//!   1-0 (0-1) link, summed over all alignments by forward–backward
//!   (`dp.rs`), not only the best one. A sentence with a gap probability of
//!   at least [`GAP_ALONE`] is more likely than not an omission (addition),
//!   whatever link the best path put it in.
//! * **support**: how much evidence (length and lexical log-likelihood
//!   ratios, `score.rs`) the sentence's link loses when the sentence is taken
//!   out of it. A sentence that carries a genuine part of a merged link's
//!   content brings numbers, names and words the other side has, and makes
//!   the lengths fit; an absorbed orphan brings nothing (support at most
//!   [`NO_SUPPORT`]). In a side of two or more sentences, such a sentence is
//!   an orphan as soon as its gap probability reaches [`GAP_MERGED`], the
//!   aligner itself having considered it unlinked.
//! * **doubt**: a link whose own posterior is below
//!   [`super::confidence::REVIEW_THRESHOLD`] is for review anyway; a sentence
//!   of it with a gap probability of at least [`GAP_IN_DOUBT`] is named, so
//!   the reviewer (and `check`) learns which sentence the doubt is about.
//!
//! In a 1-0 or 0-1 link every sentence is an orphan. The thresholds are
//! round values checked by the deletion trials in BENCHMARKS.md
//! (`examples/deletion_trials.rs`); they are not tuned per document.

use super::Link;
use super::confidence::REVIEW_THRESHOLD;
use super::dp::Step;
use super::score::Scorer;

/// A sentence at least this likely to have no counterpart is an orphan.
pub(crate) const GAP_ALONE: f64 = 0.5;
/// In a side of two or more sentences, a sentence with no support is an
/// orphan from this gap probability on.
pub(crate) const GAP_MERGED: f64 = 0.1;
/// Support (nats of evidence) at or below which a sentence adds nothing to
/// its link.
pub(crate) const NO_SUPPORT: f64 = 0.0;
/// In a link below the review threshold, a sentence is an orphan from this
/// gap probability on.
pub(crate) const GAP_IN_DOUBT: f64 = 0.2;

/// The support of every source and target sentence in its bead of `path`:
/// the bead's evidence minus the evidence of the bead without the sentence
/// (for a 1-1 bead, the bead's evidence itself).
pub(crate) fn support(scorer: &Scorer, path: &[Step], n: usize, m: usize) -> (Vec<f64>, Vec<f64>) {
    let mut src_support = vec![0.0; n];
    let mut tgt_support = vec![0.0; m];
    for st in path {
        let (a, b) = (st.a, st.b);
        let src: Vec<usize> = (st.i..st.i + a).collect();
        let tgt: Vec<usize> = (st.j..st.j + b).collect();
        let full = scorer.evidence(&src, &tgt);
        for &s in &src {
            let rest: Vec<usize> = src.iter().copied().filter(|&x| x != s).collect();
            if let Some(x) = src_support.get_mut(s) {
                *x = full - scorer.evidence(&rest, &tgt);
            }
        }
        for &t in &tgt {
            let rest: Vec<usize> = tgt.iter().copied().filter(|&x| x != t).collect();
            if let Some(x) = tgt_support.get_mut(t) {
                *x = full - scorer.evidence(&src, &rest);
            }
        }
    }
    (src_support, tgt_support)
}

/// Gap probability and support of every sentence of one side.
pub(crate) struct Evidence<'a> {
    /// Posterior probability of a 1-0 (0-1) link, per sentence.
    pub gap: &'a [f64],
    /// Support in its link, per sentence.
    pub support: &'a [f64],
}

impl Evidence<'_> {
    /// The sentences of `side` (one side of a link whose other side is not
    /// empty, with posterior `score`) that are orphans by the rules of the
    /// module documentation.
    #[allow(
        clippy::indexing_slicing,
        reason = "a link's sentences are sentences of its side, which gap and support cover"
    )]
    fn orphans(&self, side: &[usize], score: f64) -> Vec<usize> {
        let merged = side.len() >= 2;
        let in_doubt = score < REVIEW_THRESHOLD;
        side.iter()
            .copied()
            .filter(|&s| {
                let (gap, support) = (self.gap[s], self.support[s]);
                gap >= GAP_ALONE
                    || (merged && gap >= GAP_MERGED && support <= NO_SUPPORT)
                    || (in_doubt && gap >= GAP_IN_DOUBT)
            })
            .collect()
    }
}

/// Fills [`Link::omitted`] and [`Link::added`] of links with both sides.
pub(crate) fn mark(links: &mut [Link], src: &Evidence, tgt: &Evidence) {
    for l in links {
        if l.source.is_empty() || l.target.is_empty() {
            continue;
        }
        l.omitted = src.orphans(&l.source, l.score);
        l.added = tgt.orphans(&l.target, l.score);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unsupported_member_of_a_merged_side_is_an_orphan() {
        let gap = [0.0, 0.0, 0.3, 0.6];
        let support = [5.0, 5.0, -1.0, 9.0];
        let ev = Evidence {
            gap: &gap,
            support: &support,
        };
        // merged side: 2 is unsupported and doubted
        assert_eq!(ev.orphans(&[1, 2], 0.6), vec![2]);
        // alone, the same doubt is not enough in a link above review...
        assert_eq!(ev.orphans(&[2], 0.6), Vec::<usize>::new());
        // ... but names the sentence in a link below it
        assert_eq!(ev.orphans(&[2], 0.4), vec![2]);
        // more likely unlinked than not: an orphan whatever its support
        assert_eq!(ev.orphans(&[3], 0.9), vec![3]);
        assert_eq!(ev.orphans(&[0, 1], 0.3), Vec::<usize>::new());
    }
}
