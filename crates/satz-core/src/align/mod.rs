//! Sentence alignment of a German source document with its translation.
//!
//! The aligner is a dynamic-programming bead aligner in the tradition of Gale &
//! Church (1993, "A program for aligning sentences in bilingual corpora",
//! Computational Linguistics 19(1)), combining
//!
//! * their character-length model, with the length ratio and variance
//!   estimated from the document pair itself, and bead-type priors;
//! * dictionary-free lexical anchors as in hunalign (Varga et al. 2005,
//!   "Parallel corpora for medium density languages", RANLP): numbers
//!   normalised across locales ([`crate::text::numbers`]), identical and
//!   near-identical words (names, cognates), punctuation, and the user
//!   dictionary, each scored as a log-likelihood ratio (`anchors.rs`);
//! * hunalign's `-realign`: a translation lexicon learnt (Dice coefficient)
//!   from the confident 1-1 links of a first pass, after which all parameters
//!   are re-estimated and the document is aligned again;
//! * paragraph boundaries as a soft constraint;
//! * a banded DP around a guide path (rare-anchor chain, then the first pass's
//!   path), as in hunalign, Bleualign (Sennrich & Volk 2010) and Vecalign
//!   (Thompson & Koehn 2019), so long documents take linear time and memory;
//! * a confidence per link: the bead's posterior probability from
//!   forward–backward over the same band (`confidence.rs`);
//! * omissions and additions inside links: a sentence whose probability of
//!   having no counterpart (summed over all alignments) is high, or that
//!   adds no evidence to the merged link it was put in, is named in
//!   [`Link::omitted`] or [`Link::added`] and sends its link to review
//!   (`orphans.rs`);
//! * two granularities: sentence (minimal beads, as in the Text+Berg gold of
//!   Sennrich & Volk) and segment (segment-parallel documents such as
//!   CAT-tool translations: one-to-one segments plus insertions/deletions),
//!   chosen automatically from the first pass (see [`Granularity`]).
//!
//! Per bead (see `score.rs` for the exact terms):
//!
//! ```text
//! cost = -ln P(type) - w_len * LLR_length - lambda * LLR_lexical + paragraph penalty
//! ```
//!
//! where both LLRs are log-likelihood ratios of "these sentences translate each
//! other" against "they are unrelated", so a deletion bead costs only its prior.
//!
//! Files: `options.rs` ([`AlignOptions`]), `tokenize.rs` (tokens),
//! `lexicon.rs` (vocabularies, partner relation, dictionary), `learn.rs`
//! (the learnt lexicon), `anchors.rs` (anchor weights and pair masks), `score.rs` (bead
//! cost), `cell.rs` (the costs of all beads ending in one cell), `band.rs` (the band of cells), `dp.rs` (banded Viterbi and
//! forward–backward, gap probabilities), `pass.rs` (one pass in a widening
//! band), `passes.rs` (first pass and realignment), `guide.rs` (guide
//! paths and bands), `realign.rs` (parameter estimation), `confidence.rs`,
//! `orphans.rs` (omitted and added sentences), `eval.rs` (gold scoring).

mod anchors;
mod band;
pub mod batch;
mod cell;
pub mod confidence;
mod dp;
pub mod eval;
mod guide;
mod learn;
mod lexicon;
mod options;
mod orphans;
mod pass;
mod passes;
mod realign;
mod score;
mod tokenize;

use std::collections::BTreeSet;

use dp::DpOut;
use lexicon::{DictIndex, Side};
pub use options::{AlignOptions, BeadSet, Granularity};
use pass::Ctx;
use passes::Passes;
use score::ParaMode;

/// One input sentence (already segmented).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence<'a> {
    /// The sentence text.
    pub text: &'a str,
    /// 0-based paragraph index (all 0 when unknown).
    pub paragraph: usize,
}

/// One bead of the alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// 0-based source sentence indices (consecutive, possibly empty).
    pub source: Vec<usize>,
    /// 0-based target sentence indices (consecutive, possibly empty).
    pub target: Vec<usize>,
    /// Confidence in `0..=1` (posterior probability of the bead); below
    /// [`confidence::REVIEW_THRESHOLD`] a person should review the link.
    pub score: f64,
    /// The source sentences of the link that probably have no translation
    /// in its target (an omission): all of `source` in a 1-0 link, and in a
    /// link with both sides those the aligner's evidence does not support
    /// (see `orphans.rs`).
    pub omitted: Vec<usize>,
    /// The target sentences of the link that probably have no source (an
    /// addition): all of `target` in a 0-1 link, else as for `omitted`.
    pub added: Vec<usize>,
}

impl Link {
    /// A link; a 1-0 link's sentences are [`Link::omitted`], a 0-1 link's
    /// [`Link::added`].
    pub fn new(source: Vec<usize>, target: Vec<usize>, score: f64) -> Link {
        let omitted = if target.is_empty() {
            source.clone()
        } else {
            Vec::new()
        };
        let added = if source.is_empty() {
            target.clone()
        } else {
            Vec::new()
        };
        Link {
            source,
            target,
            score,
            omitted,
            added,
        }
    }

    /// Whether a sentence of the link has no counterpart on the other side.
    pub fn has_orphan(&self) -> bool {
        !self.omitted.is_empty() || !self.added.is_empty()
    }

    /// The score to show a reviewer: the confidence, except that a link
    /// with an omitted or added sentence always scores below
    /// [`confidence::REVIEW_THRESHOLD`], however sure the aligner is of the
    /// link, because an omission is exactly what a person must look at.
    pub fn review_score(&self) -> f64 {
        let p = self.score.clamp(0.0, 1.0);
        if self.has_orphan() {
            p.min(confidence::REVIEW_THRESHOLD - 0.01)
        } else {
            p
        }
    }
}

/// Aligns `source` with `target`.
///
/// Every sentence of both sides appears in exactly one link, links are in
/// order, and the concatenation of their `source` (`target`) vectors is
/// `0..source.len()` (`0..target.len()`). Sentences that probably have no
/// counterpart on the other side are named in [`Link::omitted`] and
/// [`Link::added`]. Never panics.
///
/// A side with more than `u32::MAX` distinct tokens (gigabytes of text)
/// is beyond the aligner's type ids: it is not aligned, and every sentence
/// of both sides comes back unpaired (omitted or added), so nothing is
/// silently misaligned.
pub fn align(source: &[Sentence], target: &[Sentence], opts: &AlignOptions) -> Vec<Link> {
    let (n, m) = (source.len(), target.len());
    if n == 0 || m == 0 {
        return trivial(n, m);
    }
    let (sp, tp) = dense_paragraphs(source, target);
    let Some((src, tgt)) = tokenize_sides(source, target, (&sp, &tp), opts) else {
        return trivial(n, m);
    };
    let ctx = Ctx {
        src: &src,
        tgt: &tgt,
        para_mode: paragraph_mode(&sp, &tp, opts.use_paragraphs),
        opts,
    };
    let out = Passes::new(&ctx).run();
    let links = links_of_path(&out);
    debug_assert!(
        covers_once(&links, n, m),
        "every sentence is in exactly one link"
    );
    links
}

/// Tokenises both sides and interns their types, with the paragraph of
/// every sentence renumbered densely (`paras`); `None` if a side has more
/// types than a `u32` id can number.
fn tokenize_sides(
    source: &[Sentence],
    target: &[Sentence],
    (sp, tp): (&[usize], &[usize]),
    opts: &AlignOptions,
) -> Option<(Side, Side)> {
    let dict = DictIndex::new(&opts.dictionary)?;
    let src_texts: Vec<(&str, usize)> = source.iter().zip(sp).map(|(s, &p)| (s.text, p)).collect();
    let tgt_texts: Vec<(&str, usize)> = target.iter().zip(tp).map(|(s, &p)| (s.text, p)).collect();
    // The sides are independent: built at the same time (each interns its
    // own types in order, so the ids do not depend on the thread count).
    let (src, tgt) = rayon::join(
        || Side::build(&src_texts, opts.source_lang, &dict, true),
        || Side::build(&tgt_texts, opts.target_lang, &dict, false),
    );
    Some((src?, tgt?))
}

/// The links of the final pass's path, with their confidence and their
/// omitted and added sentences.
fn links_of_path(out: &DpOut) -> Vec<Link> {
    let conf = confidence::link_confidence(out);
    let mut links: Vec<Link> = out
        .path
        .iter()
        .zip(conf)
        .map(|(s, c)| Link::new((s.i..s.i + s.a).collect(), (s.j..s.j + s.b).collect(), c))
        .collect();
    orphans::mark(
        &mut links,
        &orphans::Evidence {
            gap: &out.gap_src,
            support: &out.support_src,
        },
        &orphans::Evidence {
            gap: &out.gap_tgt,
            support: &out.support_tgt,
        },
    );
    links
}

/// Whether the links name every source sentence `0..n` and every target
/// sentence `0..m` exactly once, in order: the contract of [`align`].
fn covers_once(links: &[Link], n: usize, m: usize) -> bool {
    let src = links.iter().flat_map(|l| l.source.iter().copied());
    let tgt = links.iter().flat_map(|l| l.target.iter().copied());
    src.eq(0..n) && tgt.eq(0..m)
}

/// Links for a pair where one side is empty: every sentence is a deletion.
fn trivial(n: usize, m: usize) -> Vec<Link> {
    (0..n)
        .map(|i| Link::new(vec![i], Vec::new(), 1.0))
        .chain((0..m).map(|j| Link::new(Vec::new(), vec![j], 1.0)))
        .collect()
}

/// Paragraph indices renumbered densely in order of first appearance per side.
fn dense_paragraphs(source: &[Sentence], target: &[Sentence]) -> (Vec<usize>, Vec<usize>) {
    fn dense(s: &[Sentence]) -> Vec<usize> {
        let mut out = Vec::with_capacity(s.len());
        let mut cur = 0usize;
        let mut last: Option<usize> = None;
        for x in s {
            if let Some(l) = last
                && l != x.paragraph
            {
                cur += 1;
            }
            last = Some(x.paragraph);
            out.push(cur);
        }
        out
    }
    (dense(source), dense(target))
}

/// How paragraph marks constrain the beads: not at all when disabled or
/// when a side has a single paragraph, strictly when both sides have as
/// many paragraphs, softly otherwise.
fn paragraph_mode(sp: &[usize], tp: &[usize], enabled: bool) -> ParaMode {
    if !enabled {
        return ParaMode::Off;
    }
    let ns: BTreeSet<usize> = sp.iter().copied().collect();
    let nt: BTreeSet<usize> = tp.iter().copied().collect();
    if ns.len() <= 1 || nt.len() <= 1 {
        ParaMode::Off
    } else if ns.len() == nt.len() {
        ParaMode::Same
    } else {
        ParaMode::Cross
    }
}

#[cfg(test)]
mod tests;
