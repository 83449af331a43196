//! The options of [`align`](super::align): which bead types the aligner may
//! use, at which granularity, and the tuned weights and limits of its model.

use super::score::ALL_BEADS;
use crate::text::numbers::NumLang;

/// Which bead types the aligner may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BeadSet {
    /// 1-1, 1-0, 0-1, 2-1, 1-2, 2-2 (Gale & Church).
    Standard,
    /// Standard plus 1-3 and 3-1.
    WithThree,
    /// WithThree plus 2-3, 3-2, 1-4 and 4-1: free translation (literary
    /// or magazine text) merges and splits more than two sentences at a
    /// time; Vecalign and Bertalign allow such beads too.
    #[default]
    Extended,
}

impl BeadSet {
    /// The bead types of the set, `(source, target)` sentence counts, in
    /// the order of `score::ALL_BEADS`.
    pub(super) fn types(self) -> Vec<(usize, usize)> {
        let n = match self {
            BeadSet::Standard => 6,
            BeadSet::WithThree => 8,
            BeadSet::Extended => ALL_BEADS.len(),
        };
        ALL_BEADS.iter().take(n).copied().collect()
    }
}

/// Bead types of segment-parallel documents: segments correspond one to one,
/// apart from insertions and deletions.
pub(super) const SEGMENT_BEADS: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];

/// Fewest first-pass beads from which [`Granularity::Auto`] may decide that a
/// document is segment-parallel.
pub(super) const MIN_SEGMENT_EVIDENCE: usize = 20;

/// Granularity of the alignment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Granularity {
    /// Decide from the first pass: documents in which at least
    /// [`AlignOptions::segment_threshold`] of the beads are 1-1 were evidently
    /// translated segment by segment and are aligned as [`Granularity::Segment`],
    /// the others as [`Granularity::Sentence`].
    #[default]
    Auto,
    /// Minimal beads: merge sentences wherever the content says a sentence
    /// boundary moved (1-2, 2-2, ... beads).
    Sentence,
    /// Segment-parallel documents (CAT-tool translations, line-aligned
    /// files): segments correspond one to one except for insertions and
    /// deletions; a clause moved across a segment boundary does not merge
    /// the segments.
    Segment,
}

/// Options of [`align`](super::align). `Default` gives the tuned values.
#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Glossary or user dictionary pairs (source term, target term); matched
    /// case-insensitively, the source side by stem so inflections count.
    pub dictionary: Vec<(String, String)>,
    /// Use paragraph boundaries as a soft constraint when both sides have them.
    pub use_paragraphs: bool,
    /// Number conventions of the source text.
    pub source_lang: NumLang,
    /// Number conventions of the target text.
    pub target_lang: NumLang,
    /// Bead types to consider at sentence granularity.
    pub beads: BeadSet,
    /// Sentence or segment granularity (see [`Granularity`]).
    pub granularity: Granularity,
    /// Share of 1-1 beads in the first pass from which [`Granularity::Auto`]
    /// treats a document as segment-parallel.
    pub segment_threshold: f64,
    /// Extra cost (nats) of a 1-0 or 0-1 bead at segment granularity.
    pub segment_deletion_penalty: f64,
    /// Weight of the lexical log-likelihood ratio at segment granularity.
    pub segment_lexical_weight: f64,
    /// Number of realignment passes after the first (0 disables the learnt lexicon).
    pub realign_passes: usize,
    /// Weight of the lexical log-likelihood ratio.
    pub lexical_weight: f64,
    /// Weight of the Gale–Church length cost.
    pub length_weight: f64,
    /// Cost added to a bead that violates the paragraph structure.
    pub paragraph_penalty: f64,
    /// Initial band radius (columns on each side of the guide path).
    pub band_radius: usize,
    /// Documents with at most this many DP cells are aligned without a band.
    pub full_dp_cells: usize,
    /// The band is not widened beyond this many cells.
    pub max_cells: usize,
    /// Temperature of the posterior (confidence) computation.
    pub temperature: f64,
    /// Minimum co-occurrence count of a learnt lexicon pair.
    pub lexicon_min_count: u32,
    /// Minimum Dice coefficient of a learnt lexicon pair.
    pub lexicon_min_dice: f64,
    /// Largest number of learnt translations per source word.
    pub lexicon_top_k: usize,
    /// Word forms sharing this many initial characters count as one word
    /// when learning the lexicon (0: whole words).
    pub lexicon_stem_len: usize,
    /// Posterior a 1-1 link needs to count as confident for re-estimation.
    pub confident_posterior: f64,
    /// Pseudo-count of the default bead priors when re-estimating them.
    pub prior_strength: f64,
    /// Pseudo-count of the class probability when estimating a type's `p`.
    pub p_smoothing: f64,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            dictionary: Vec::new(),
            use_paragraphs: true,
            source_lang: NumLang::De,
            target_lang: NumLang::En,
            beads: BeadSet::default(),
            granularity: Granularity::Auto,
            segment_threshold: 0.9,
            segment_deletion_penalty: 5.0,
            segment_lexical_weight: 0.15,
            realign_passes: 1,
            lexical_weight: 0.5,
            length_weight: 1.0,
            paragraph_penalty: 8.0,
            band_radius: 16,
            full_dp_cells: 200_000,
            max_cells: 6_000_000,
            temperature: 3.0,
            lexicon_min_count: 2,
            lexicon_min_dice: 0.3,
            lexicon_top_k: 3,
            lexicon_stem_len: 0,
            confident_posterior: 0.8,
            prior_strength: 50.0,
            p_smoothing: 4.0,
        }
    }
}
