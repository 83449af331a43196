//! One pass of the aligner: the bead costs under one model, and the banded
//! dynamic programme over them in a band that is widened while the best
//! path runs along its edge (hunalign, Varga et al. 2005; Vecalign).

use super::anchors::{Anchors, PairTable, chance_rates};
use super::band::Band;
use super::cell::CellScorer;
use super::dp::{self, DpOut};
use super::lexicon::{Relation, Side};
use super::options::AlignOptions;
use super::realign::Params;
use super::score::{LengthModel, LogNormal, ParaMode, Scorer, marginal_sums, prefix_sums};
use super::{guide, orphans};

/// The lexical model of a pass: which token types are partners, how
/// likely every type of each side is to find a partner in a translation,
/// and the anchors weighed from them (once per model, however many passes
/// use it).
pub(super) struct Lexical {
    /// The partner relation.
    pub rel: Relation,
    /// The anchors of every source sentence.
    sa: Anchors,
    /// The anchors of every target sentence.
    ta: Anchors,
}

impl Lexical {
    /// The model of the relation `rel` with the presence probabilities
    /// `src_p` and `tgt_p` of every source and target type, its anchors
    /// weighed on `src` and `tgt`.
    pub fn new(src: &Side, tgt: &Side, rel: Relation, p: (&[f64], &[f64])) -> Lexical {
        let anchors = Lexical::weigh(src, tgt, &rel, p);
        Lexical::with_anchors(rel, anchors)
    }

    /// The model of `rel` with the anchors [`Lexical::weigh`] gave.
    pub fn with_anchors(rel: Relation, (sa, ta): (Anchors, Anchors)) -> Lexical {
        Lexical { rel, sa, ta }
    }

    /// The anchors of the source and the target sentences under `rel`
    /// and the presence probabilities `src_p` and `tgt_p`.
    pub fn weigh(
        src: &Side,
        tgt: &Side,
        rel: &Relation,
        (src_p, tgt_p): (&[f64], &[f64]),
    ) -> (Anchors, Anchors) {
        // The two sides are independent: weighed at the same time.
        let side_anchors = |side: &Side, other: &Side, own: &[Vec<u32>], theirs: &[Vec<u32>], p| {
            let q = chance_rates(side.vocab.len(), other, theirs);
            Anchors::build(side, own, p, &q)
        };
        rayon::join(
            || side_anchors(src, tgt, &rel.src, &rel.tgt, src_p),
            || side_anchors(tgt, src, &rel.tgt, &rel.src, tgt_p),
        )
    }
}

/// What changes between the passes of one alignment apart from the
/// lexical model: the bead types (sentence or segment granularity) and the
/// re-estimated parameters.
pub(super) struct Model {
    /// Whether the document is aligned at segment granularity.
    pub segment: bool,
    /// The bead types, `(source, target)` sentence counts.
    pub beads: Vec<(usize, usize)>,
    /// Length model and bead priors.
    pub params: Params,
}

/// How a pass reads its costs: the posterior temperature, and the weight of
/// the lexical evidence when it is not the granularity's own.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reading {
    /// Temperature of the posteriors.
    pub temperature: f64,
    /// Weight of the lexical log-likelihood ratio instead of the one of the
    /// granularity (see [`AlignOptions::segment_lexical_weight`]).
    pub lambda: Option<f64>,
}

/// Data shared by the passes of one alignment.
pub(super) struct Ctx<'a> {
    /// The source side.
    pub src: &'a Side,
    /// The target side.
    pub tgt: &'a Side,
    /// How paragraph marks are used.
    pub para_mode: ParaMode,
    /// The caller's options.
    pub opts: &'a AlignOptions,
}

/// The parts of a bead's cost that do not depend on the band: prior costs,
/// length sums and anchor weights.
struct Costs<'a> {
    beads: &'a [(usize, usize)],
    prior_cost: Vec<f64>,
    src_cum: Vec<usize>,
    tgt_cum: Vec<usize>,
    src_marg: Vec<f64>,
    tgt_marg: Vec<f64>,
    length: LengthModel,
    lambda: f64,
    sa: &'a Anchors,
    ta: &'a Anchors,
}

impl Ctx<'_> {
    /// One DP pass with `lexical` and `model`, in a band around `pts` that
    /// is widened while the best path touches its edge (unless the whole
    /// matrix is small enough to align without a band).
    pub fn run_pass(
        &self,
        lexical: &Lexical,
        model: &Model,
        mut pts: Vec<(usize, usize)>,
        reading: Reading,
    ) -> DpOut {
        let (n, m, opts) = (self.src.len(), self.tgt.len(), self.opts);
        let costs = self.costs(lexical, model, reading);
        let mut radius = opts.band_radius.max(4);
        let cells_full = (n + 1).saturating_mul(m + 1);
        loop {
            let band = if cells_full <= opts.full_dp_cells {
                Band::full(n, m)
            } else {
                guide::band_around(&pts, n, m, radius)
            };
            let pairs = PairTable::build(
                &band,
                self.src,
                self.tgt,
                &lexical.rel.src,
                costs.sa,
                costs.ta,
            );
            let scorer = self.scorer(&costs, &pairs);
            let cells = CellScorer::new(&scorer);
            let mut out = dp::run(&band, costs.beads, reading.temperature, |i, j, out| {
                cells.costs(i, j, out);
            });
            if !out.touches_edge
                || band.is_full()
                || band.cells().saturating_mul(2) > opts.max_cells
            {
                (out.support_src, out.support_tgt) = orphans::support(&scorer, &out.path, n, m);
                return out;
            }
            radius = radius.saturating_mul(2);
            pts = guide::points_from_path(&out.path, n, m);
        }
    }

    /// The band-independent parts of the bead costs of a pass.
    fn costs<'m>(&self, lexical: &'m Lexical, model: &'m Model, reading: Reading) -> Costs<'m> {
        let (src, tgt, opts) = (self.src, self.tgt, self.opts);
        let granularity_lambda = if model.segment {
            opts.segment_lexical_weight
        } else {
            opts.lexical_weight
        };
        Costs {
            beads: &model.beads,
            prior_cost: self.prior_costs(model),
            src_cum: prefix_sums(&src.lens),
            tgt_cum: prefix_sums(&tgt.lens),
            src_marg: marginal_sums(&src.lens, &LogNormal::fit(&src.lens)),
            tgt_marg: marginal_sums(&tgt.lens, &LogNormal::fit(&tgt.lens)),
            length: model.params.length,
            lambda: reading.lambda.unwrap_or(granularity_lambda),
            sa: &lexical.sa,
            ta: &lexical.ta,
        }
    }

    /// The cost `-ln P(type)` of every bead type, plus the deletion penalty
    /// of a 1-0 or 0-1 bead at segment granularity; a type of prior 0 is
    /// impossible (infinite cost).
    fn prior_costs(&self, model: &Model) -> Vec<f64> {
        model
            .params
            .prior
            .iter()
            .zip(&model.beads)
            .map(|(&p, &(a, b))| {
                let extra = if model.segment && (a == 0 || b == 0) {
                    self.opts.segment_deletion_penalty
                } else {
                    0.0
                };
                if p > 0.0 {
                    -p.ln() + extra
                } else {
                    f64::INFINITY
                }
            })
            .collect()
    }

    /// The scorer of the beads of one band, whose anchor pairs are `pairs`.
    fn scorer<'s>(&'s self, costs: &'s Costs, pairs: &'s PairTable) -> Scorer<'s> {
        Scorer {
            beads: costs.beads,
            prior_cost: costs.prior_cost.clone(),
            src_cum: costs.src_cum.clone(),
            tgt_cum: costs.tgt_cum.clone(),
            src_para: &self.src.paras,
            tgt_para: &self.tgt.paras,
            para_mode: self.para_mode,
            para_penalty: self.opts.paragraph_penalty,
            length: costs.length.prepare(),
            src_marg: costs.src_marg.clone(),
            tgt_marg: costs.tgt_marg.clone(),
            length_weight: self.opts.length_weight,
            lambda: costs.lambda,
            sa: costs.sa,
            ta: costs.ta,
            pairs,
        }
    }
}
