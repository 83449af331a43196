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
//! Files: `tokenize.rs` (tokens), `lexicon.rs` (vocabularies, partner
//! relation, dictionary, learnt lexicon), `anchors.rs` (anchor weights and pair
//! masks), `score.rs` (bead cost), `dp.rs` (banded Viterbi and
//! forward–backward, gap probabilities), `guide.rs` (guide paths and
//! bands), `realign.rs` (parameter estimation), `confidence.rs`,
//! `orphans.rs` (omitted and added sentences), `eval.rs` (gold scoring).

mod anchors;
pub mod confidence;
mod dp;
pub mod eval;
mod guide;
mod lexicon;
mod orphans;
mod realign;
mod score;
mod tokenize;

use std::collections::BTreeSet;

use crate::text::numbers::NumLang;
use anchors::{Anchors, PairTable, chance_rates};
use dp::{Band, DpOut};
use lexicon::{DictIndex, LexiconParams, Relation, Side, learn_lexicon};
use realign::{Params, add_lexicon, class_type_p, estimate_p};
use score::{ALL_BEADS, LogNormal, ParaMode, Scorer, marginal_sums, prefix_sums};

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
    fn types(self) -> Vec<(usize, usize)> {
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
const SEGMENT_BEADS: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];

/// Fewest first-pass beads from which [`Granularity::Auto`] may decide that a
/// document is segment-parallel.
const MIN_SEGMENT_EVIDENCE: usize = 20;

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

/// Options of [`align`]. `Default` gives the tuned values.
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
            band_radius: 64,
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

/// Aligns `source` with `target`.
///
/// Every sentence of both sides appears in exactly one link, links are in
/// order, and the concatenation of their `source` (`target`) vectors is
/// `0..source.len()` (`0..target.len()`). Sentences that probably have no
/// counterpart on the other side are named in [`Link::omitted`] and
/// [`Link::added`]. Never panics.
pub fn align(source: &[Sentence], target: &[Sentence], opts: &AlignOptions) -> Vec<Link> {
    let n = source.len();
    let m = target.len();
    if n == 0 || m == 0 {
        return trivial(n, m);
    }
    let dict = DictIndex::new(&opts.dictionary);
    let (sp, tp) = dense_paragraphs(source, target);
    let src_texts: Vec<(&str, usize)> = source.iter().zip(&sp).map(|(s, &p)| (s.text, p)).collect();
    let tgt_texts: Vec<(&str, usize)> = target.iter().zip(&tp).map(|(s, &p)| (s.text, p)).collect();
    let src = Side::build(&src_texts, opts.source_lang, &dict, true);
    let tgt = Side::build(&tgt_texts, opts.target_lang, &dict, false);
    let ctx = Ctx {
        src: &src,
        tgt: &tgt,
        para_mode: paragraph_mode(&sp, &tp, opts.use_paragraphs),
        opts,
    };

    let mut segment = opts.granularity == Granularity::Segment;
    let mut beads = if segment {
        SEGMENT_BEADS.to_vec()
    } else {
        opts.beads.types()
    };
    let rel = Relation::base(&src, &tgt);
    let mut params = Params::initial(&src, &tgt, &beads, realign::default_ratio(opts.target_lang));
    let src_p = class_type_p(&rel.src_class, &params.class_p);
    let tgt_p = class_type_p(&rel.tgt_class, &params.class_p);
    let chain = guide::anchor_chain(&src, &tgt, &rel);
    let pts = guide::points_from_chain(&chain, n, m);
    let first_t = if opts.realign_passes == 0 {
        opts.temperature
    } else {
        1.0
    };
    let mut out = ctx.run_pass(
        &Model {
            rel: &rel,
            params: &params,
            src_p: &src_p,
            tgt_p: &tgt_p,
        },
        pts,
        &Shape {
            beads: &beads,
            segment,
            temperature: first_t,
            lambda: None,
        },
    );

    // The relation and presence probabilities of the last pass, when it
    // used a learnt lexicon.
    let mut learnt: Option<(Relation, Vec<f64>, Vec<f64>)> = None;
    for pass in 0..opts.realign_passes {
        let conf = confidence::link_confidence(&out);
        let confident: Vec<(usize, usize)> = out
            .path
            .iter()
            .zip(conf.iter())
            .filter(|(s, c)| beads.get(s.k) == Some(&(1, 1)) && **c >= opts.confident_posterior)
            .map(|(s, _)| (s.i, s.j))
            .collect();
        if confident.len() < 3 {
            // Too little to learn from: recompute the posteriors at the
            // reporting temperature and stop.
            if first_t != opts.temperature || pass > 0 {
                let src_p = class_type_p(&rel.src_class, &params.class_p);
                let tgt_p = class_type_p(&rel.tgt_class, &params.class_p);
                let pts = guide::points_from_path(&out.path, &beads, n, m);
                out = ctx.run_pass(
                    &Model {
                        rel: &rel,
                        params: &params,
                        src_p: &src_p,
                        tgt_p: &tgt_p,
                    },
                    pts,
                    &Shape {
                        beads: &beads,
                        segment,
                        temperature: opts.temperature,
                        lambda: None,
                    },
                );
            }
            break;
        }
        let old_beads = beads.clone();
        if opts.granularity == Granularity::Auto
            && !segment
            && out.path.len() >= MIN_SEGMENT_EVIDENCE
        {
            let one_one = out
                .path
                .iter()
                .filter(|s| beads.get(s.k) == Some(&(1, 1)))
                .count();
            if one_one as f64 >= opts.segment_threshold * out.path.len() as f64 {
                segment = true;
                beads = SEGMENT_BEADS.to_vec();
            }
        }
        let lex = learn_lexicon(
            &src,
            &tgt,
            &confident,
            LexiconParams {
                min_count: opts.lexicon_min_count,
                min_dice: opts.lexicon_min_dice,
                top_k: opts.lexicon_top_k,
                stem_len: opts.lexicon_stem_len,
            },
        );
        let mut rel2 = Relation::base(&src, &tgt);
        add_lexicon(&mut rel2, &lex);
        params.reestimate_length(&src, &tgt, &confident);
        params.reestimate_priors(&out, &old_beads, &beads, opts.prior_strength);
        let (_, src_p) = estimate_p(
            &src,
            &tgt,
            &rel2.src,
            &rel2.src_class,
            &confident,
            &params.class_p,
            opts.p_smoothing,
        );
        let swapped: Vec<(usize, usize)> = confident.iter().map(|&(i, j)| (j, i)).collect();
        let (_, tgt_p) = estimate_p(
            &tgt,
            &src,
            &rel2.tgt,
            &rel2.tgt_class,
            &swapped,
            &params.class_p,
            opts.p_smoothing,
        );
        let pts = guide::points_from_path(&out.path, &old_beads, n, m);
        let t = if pass + 1 == opts.realign_passes {
            opts.temperature
        } else {
            1.0
        };
        out = ctx.run_pass(
            &Model {
                rel: &rel2,
                params: &params,
                src_p: &src_p,
                tgt_p: &tgt_p,
            },
            pts,
            &Shape {
                beads: &beads,
                segment,
                temperature: t,
                lambda: None,
            },
        );
        learnt = Some((rel2, src_p, tgt_p));
    }

    if segment {
        // Segment granularity trusts lengths more than words (see
        // `segment_lexical_weight`), which is right for pairing segments
        // but not for telling where one is missing: the gap probabilities
        // come from one more forward-backward over the same band with the
        // words weighed as at sentence granularity (see `orphans.rs`).
        let (r, sp, tp) = match &learnt {
            Some((r, sp, tp)) => (r, sp.as_slice(), tp.as_slice()),
            None => (&rel, src_p.as_slice(), tgt_p.as_slice()),
        };
        let review = ctx.run_pass(
            &Model {
                rel: r,
                params: &params,
                src_p: sp,
                tgt_p: tp,
            },
            guide::points_from_path(&out.path, &beads, n, m),
            &Shape {
                beads: &beads,
                segment,
                temperature: opts.temperature,
                lambda: Some(opts.lexical_weight),
            },
        );
        out.gap_src = review.gap_src;
        out.gap_tgt = review.gap_tgt;
    }

    let conf = confidence::link_confidence(&out);
    let mut links: Vec<Link> = out
        .path
        .iter()
        .zip(conf)
        .map(|(s, c)| {
            let (a, b) = beads.get(s.k).copied().unwrap_or((0, 0));
            Link::new((s.i..s.i + a).collect(), (s.j..s.j + b).collect(), c)
        })
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

/// Lexical relation and parameters of one pass.
#[derive(Clone, Copy)]
struct Model<'m> {
    rel: &'m Relation,
    params: &'m Params,
    src_p: &'m [f64],
    tgt_p: &'m [f64],
}

/// Bead types, granularity and posterior temperature of one pass.
#[derive(Clone, Copy)]
struct Shape<'b> {
    beads: &'b [(usize, usize)],
    segment: bool,
    temperature: f64,
    lambda: Option<f64>,
}

/// Data shared by the passes of one alignment.
struct Ctx<'a> {
    src: &'a Side,
    tgt: &'a Side,
    para_mode: ParaMode,
    opts: &'a AlignOptions,
}

impl Ctx<'_> {
    /// One DP pass with the given relation and parameters, in a band around
    /// `pts` that is widened while the best path touches its edge.
    fn run_pass(&self, model: &Model, mut pts: Vec<(usize, usize)>, shape: &Shape) -> DpOut {
        let Model {
            rel,
            params,
            src_p,
            tgt_p,
        } = *model;
        let Shape {
            beads,
            segment,
            temperature,
            lambda: lambda_override,
        } = *shape;
        let (src, tgt, opts) = (self.src, self.tgt, self.opts);
        let n = src.len();
        let m = tgt.len();
        let q_src = chance_rates(src.vocab.len(), tgt, &rel.tgt);
        let q_tgt = chance_rates(tgt.vocab.len(), src, &rel.src);
        let sa = Anchors::build(src, &rel.src, src_p, &q_src);
        let ta = Anchors::build(tgt, &rel.tgt, tgt_p, &q_tgt);
        let prior_cost: Vec<f64> = params
            .prior
            .iter()
            .zip(beads)
            .map(|(&p, &(a, b))| {
                let extra = if segment && (a == 0 || b == 0) {
                    opts.segment_deletion_penalty
                } else {
                    0.0
                };
                if p > 0.0 {
                    -p.ln() + extra
                } else {
                    f64::INFINITY
                }
            })
            .collect();
        let src_cum = prefix_sums(&src.lens);
        let tgt_cum = prefix_sums(&tgt.lens);
        let src_marg = marginal_sums(&src.lens, &LogNormal::fit(&src.lens));
        let tgt_marg = marginal_sums(&tgt.lens, &LogNormal::fit(&tgt.lens));
        let mut radius = opts.band_radius.max(4);
        let cells_full = (n + 1).saturating_mul(m + 1);
        loop {
            let band = if cells_full <= opts.full_dp_cells {
                Band::full(n, m)
            } else {
                guide::band_around(&pts, n, m, radius)
            };
            let pairs = PairTable::build(&band, src, tgt, &rel.tgt, &sa, &ta);
            let scorer = Scorer {
                beads,
                prior_cost: prior_cost.clone(),
                src_cum: src_cum.clone(),
                tgt_cum: tgt_cum.clone(),
                src_para: &src.paras,
                tgt_para: &tgt.paras,
                para_mode: self.para_mode,
                para_penalty: opts.paragraph_penalty,
                length: params.length,
                src_marg: src_marg.clone(),
                tgt_marg: tgt_marg.clone(),
                length_weight: opts.length_weight,
                lambda: lambda_override.unwrap_or(if segment {
                    opts.segment_lexical_weight
                } else {
                    opts.lexical_weight
                }),
                sa: &sa,
                ta: &ta,
                pairs: &pairs,
            };
            let mut out = dp::run(&band, beads, temperature, |i, j, k| scorer.cost(i, j, k));
            if !out.touches_edge
                || band.is_full()
                || band.cells().saturating_mul(2) > opts.max_cells
            {
                (out.support_src, out.support_tgt) = orphans::support(&scorer, &out.path, n, m);
                return out;
            }
            radius = radius.saturating_mul(2);
            pts = guide::points_from_path(&out.path, beads, n, m);
        }
    }
}

#[cfg(test)]
mod tests;
