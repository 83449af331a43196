//! Scoring a [`Segmenter`] against gold-segmented blocks of text.
//!
//! A block is running text plus the code-point spans of its gold sentences.
//! The *boundaries* of a block are the code-point offsets where its 2nd, 3rd
//! ... sentences start. Gold and predicted boundaries are compared as sets
//! per block (micro-averaged precision, recall and F1 over all blocks); in
//! addition the share of gold sentences reproduced exactly (same start and
//! end) and the share of blocks reproduced exactly are reported.

use std::collections::HashSet;
use std::fmt;

use super::{Segmenter, Sentence};

/// One gold block: text and its sentences as Unicode code-point spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldBlock {
    /// The running text of the block.
    pub text: String,
    /// Code-point `(start, end)` of each gold sentence, in order.
    pub offsets: Vec<(usize, usize)>,
}

/// Counts and derived scores of an evaluation.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    /// Predicted boundaries that are gold boundaries.
    pub true_positives: usize,
    /// Predicted boundaries that are not gold boundaries.
    pub false_positives: usize,
    /// Gold boundaries that were not predicted.
    pub false_negatives: usize,
    /// Number of gold sentences.
    pub gold_sentences: usize,
    /// Gold sentences whose exact span was predicted.
    pub exact_sentences: usize,
    /// Number of blocks.
    pub blocks: usize,
    /// Blocks whose sentences were all predicted exactly.
    pub exact_blocks: usize,
}

#[allow(clippy::cast_precision_loss)] // counts far below 2^52
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Scores {
    /// Boundary precision.
    #[must_use]
    pub fn precision(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_positives,
        )
    }

    /// Boundary recall.
    #[must_use]
    pub fn recall(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    /// Boundary F1 (harmonic mean of precision and recall).
    #[must_use]
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Share of gold sentences reproduced exactly.
    #[must_use]
    pub fn exact_sentence_share(&self) -> f64 {
        ratio(self.exact_sentences, self.gold_sentences)
    }

    /// Share of blocks reproduced exactly.
    #[must_use]
    pub fn exact_block_share(&self) -> f64 {
        ratio(self.exact_blocks, self.blocks)
    }

    /// Adds the counts of another evaluation.
    pub fn add(&mut self, o: &Scores) {
        self.true_positives += o.true_positives;
        self.false_positives += o.false_positives;
        self.false_negatives += o.false_negatives;
        self.gold_sentences += o.gold_sentences;
        self.exact_sentences += o.exact_sentences;
        self.blocks += o.blocks;
        self.exact_blocks += o.exact_blocks;
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P {:.4} R {:.4} F1 {:.4} | exact sentences {:.4} ({}/{}) | exact blocks {:.4} ({}/{}) | tp {} fp {} fn {}",
            self.precision(),
            self.recall(),
            self.f1(),
            self.exact_sentence_share(),
            self.exact_sentences,
            self.gold_sentences,
            self.exact_block_share(),
            self.exact_blocks,
            self.blocks,
            self.true_positives,
            self.false_positives,
            self.false_negatives
        )
    }
}

/// Converts byte spans of `text` into code-point spans.
#[must_use]
pub fn char_spans(text: &str, spans: &[Sentence]) -> Vec<(usize, usize)> {
    let mut res = Vec::with_capacity(spans.len());
    let mut chars = text.char_indices().map(|(b, _)| b).enumerate().peekable();
    let mut to_cp = |byte: usize| -> usize {
        while let Some(&(cp, b)) = chars.peek() {
            if b >= byte {
                return cp;
            }
            chars.next();
        }
        text.chars().count()
    };
    for s in spans {
        let a = to_cp(s.start);
        let b = to_cp(s.end);
        res.push((a, b));
    }
    res
}

/// The differences between predicted and gold segmentation of one block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BlockDiff {
    /// Code-point offsets of gold boundaries that were not predicted.
    pub missed: Vec<usize>,
    /// Code-point offsets of predicted boundaries that are not gold.
    pub spurious: Vec<usize>,
    /// Scores of this block alone.
    pub scores: Scores,
}

/// Segments one block and compares it with the gold sentences.
#[must_use]
pub fn diff_block(seg: &Segmenter, block: &GoldBlock) -> BlockDiff {
    let predicted = char_spans(&block.text, &seg.split(&block.text));
    let gold_b: HashSet<usize> = block.offsets.iter().skip(1).map(|&(s, _)| s).collect();
    let pred_b: HashSet<usize> = predicted.iter().skip(1).map(|&(s, _)| s).collect();
    let mut missed: Vec<usize> = gold_b.difference(&pred_b).copied().collect();
    let mut spurious: Vec<usize> = pred_b.difference(&gold_b).copied().collect();
    missed.sort_unstable();
    spurious.sort_unstable();
    let pred_spans: HashSet<(usize, usize)> = predicted.iter().copied().collect();
    let exact = block
        .offsets
        .iter()
        .filter(|s| pred_spans.contains(s))
        .count();
    let scores = Scores {
        true_positives: gold_b.intersection(&pred_b).count(),
        false_positives: spurious.len(),
        false_negatives: missed.len(),
        gold_sentences: block.offsets.len(),
        exact_sentences: exact,
        blocks: 1,
        exact_blocks: usize::from(exact == block.offsets.len() && predicted.len() == exact),
    };
    BlockDiff {
        missed,
        spurious,
        scores,
    }
}

/// Scores `seg` on `blocks`.
#[must_use]
pub fn evaluate(seg: &Segmenter, blocks: &[GoldBlock]) -> Scores {
    let mut total = Scores::default();
    for b in blocks {
        total.add(&diff_block(seg, b).scores);
    }
    total
}
