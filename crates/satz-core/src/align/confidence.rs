//! Link confidence.
//!
//! The confidence of a link is the posterior probability, under the aligner's
//! own model, that exactly this bead (same sentences, same type) belongs to the
//! alignment: the bead costs are read as negative log-probabilities divided by
//! a temperature, and forward–backward over the DP band (`dp.rs`) sums over
//! all alignments instead of taking only the best one. A link whose
//! alternatives (a different split, a deletion, a neighbour's sentence) are
//! nearly as cheap gets a low posterior; Gale & Church (1993) already used the
//! bead cost to flag doubtful beads, and hunalign (Varga et al. 2005) reports a
//! per-bead quality score in the same spirit.
//!
//! The temperature (`AlignOptions::temperature`, default 3) compensates for
//! the naive-Bayes overcounting of correlated lexical evidence; it was chosen
//! by the Brier score on the development data, where links with a
//! confidence of at least 0.5 are correct far more often than the rest
//! (Text+Berg de-fr: 83% against 48%; see the report of
//! `tests/align_gold.rs`), so 0.5 is the review threshold.

use super::dp::DpOut;

/// Review threshold: links below it should be checked by a person.
pub const REVIEW_THRESHOLD: f64 = 0.5;

/// Confidence of every bead of the best path, in `0..=1`.
pub(crate) fn link_confidence(out: &DpOut) -> Vec<f64> {
    out.posterior
        .iter()
        .map(|&p| {
            if p.is_finite() {
                p.clamp(0.0, 1.0)
            } else {
                0.0
            }
        })
        .collect()
}
