//! Bead cost: Gale & Church (1993) length model and bead-type priors, plus the
//! lexical anchor log-likelihood ratio and a paragraph-boundary penalty.
//!
//! ```text
//! cost(bead) = -ln P(type)                 bead-type prior
//!            - w_len  * LLR_len(bead)      Gale-Church length evidence
//!            - lambda * LLR_lex(bead)      anchor evidence (anchors.rs)
//!            + paragraph penalty           when the bead crosses paragraphs
//! r        = (c * L_src - L_tgt) / sqrt((L_src + L_tgt / c) / 2)
//! LLR_len  = ln f(r) - ln sqrt(l_eff) - sum ln P(l_sentence) - split terms
//! f        = (1 - w) N(0, v1) + w N(0, v2)
//! ```
//!
//! Deletion beads (1-0, 0-1) carry no length or lexical evidence: their cost
//! is their prior, so every term is a log-likelihood ratio against "these
//! sentences are unrelated" and paths with different numbers of beads compare
//! fairly.
//!
//! `c` and `s2` are estimated from the document pair itself (see
//! `realign.rs`); the prior and `s2` start from Gale & Church's published
//! values. The lexical term replaces the dictionary score of hunalign (Varga
//! et al. 2005) and the MT-BLEU score of Bleualign (Sennrich & Volk 2010).

use super::anchors::{Anchors, PairTable};

/// All bead types the aligner knows, as (source, target) sentence counts.
pub(crate) const ALL_BEADS: [(usize, usize); 12] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
    (3, 2),
    (2, 3),
    (4, 1),
    (1, 4),
];

/// Gale & Church's bead-type probabilities, extended to the larger types.
pub(crate) fn default_prior(a: usize, b: usize) -> f64 {
    match (a, b) {
        (1, 1) => 0.89,
        (1, 0) | (0, 1) => 0.0099 / 2.0,
        (2, 1) | (1, 2) => 0.089 / 2.0,
        (2, 2) => 0.011,
        (3, 1) | (1, 3) => 0.004,
        (3, 2) | (2, 3) => 0.002,
        _ => 0.001,
    }
}

/// Gale & Church's variance of the target length per source character.
pub(crate) const DEFAULT_S2: f64 = 6.8;

/// Log-normal model of the length of one sentence of one side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LogNormal {
    /// Mean of `ln(length)`.
    pub mu: f64,
    /// Standard deviation of `ln(length)`.
    pub sigma: f64,
}

impl LogNormal {
    /// Fits `ln(max(l, 1))` of `lens`.
    pub fn fit(lens: &[usize]) -> LogNormal {
        let xs: Vec<f64> = lens.iter().map(|&l| (l.max(1) as f64).ln()).collect();
        if xs.is_empty() {
            return LogNormal {
                mu: 4.0,
                sigma: 1.0,
            };
        }
        let n = xs.len() as f64;
        let mu = xs.iter().sum::<f64>() / n;
        let var = xs.iter().map(|x| (x - mu).powi(2)).sum::<f64>() / n;
        LogNormal {
            mu,
            sigma: var.sqrt().max(0.25),
        }
    }

    /// Log-density at length `l` (lengths below 1 count as 1).
    pub fn ln_pdf(&self, l: usize) -> f64 {
        let l = (l.max(1)) as f64;
        let z = (l.ln() - self.mu) / self.sigma;
        -0.5 * z * z - l.ln() - self.sigma.ln() - 0.5 * (2.0 * std::f64::consts::PI).ln()
    }
}

/// Length model: Gale & Church's (1993) normal model of the target length
/// given the source length, `l_tgt - c * l_src ~ sqrt(l_eff) * e` with `e` a
/// zero-mean scale mixture of two normals (the second, wider component gives
/// the heavy tails that free translation shows), turned into a
/// log-likelihood ratio against the independent (log-normal) lengths of the
/// bead's sentences.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct LengthModel {
    /// Expected target characters per source character.
    pub c: f64,
    /// Variance per character of the main component (Gale & Church's `s2`).
    pub v1: f64,
    /// Variance per character of the wide component.
    pub v2: f64,
    /// Weight of the wide component.
    pub w: f64,
}

#[cfg(test)]
fn ln_normal(x: f64, var: f64) -> f64 {
    -0.5 * x * x / var - 0.5 * (2.0 * std::f64::consts::PI * var).ln()
}

fn ln_add(a: f64, b: f64) -> f64 {
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    if lo == f64::NEG_INFINITY {
        hi
    } else {
        hi + (lo - hi).exp().ln_1p()
    }
}

fn ln_factorial(k: usize) -> f64 {
    (2..=k).map(|x| (x as f64).ln()).sum()
}

impl LengthModel {
    /// Log-density of the standardised residual `r`.
    #[cfg(test)]
    pub fn ln_residual(&self, r: f64) -> f64 {
        let w = self.w.clamp(1e-6, 0.5);
        ln_add(
            (1.0 - w).ln() + ln_normal(r, self.v1.max(1e-3)),
            w.ln() + ln_normal(r, self.v2.max(1e-3)),
        )
    }

    /// Standardised residual of a bead with `l1` source and `l2` target characters.
    pub fn residual(&self, l1: f64, l2: f64) -> f64 {
        let c = if self.c > 0.0 { self.c } else { 1.0 };
        let eff = ((l1 + l2 / c) / 2.0).max(1.0);
        (c * l1 - l2) / eff.sqrt()
    }

    /// Length log-likelihood ratio of a bead with `a` source sentences of total
    /// length `l1` and `b` target sentences of total length `l2`, whose
    /// sentences have marginal log-densities summing to `marg_src` and
    /// `marg_tgt`. Averages the two directions of the conditional model; a
    /// side of several sentences also pays for where it is split. The
    /// definition, kept as the twin of [`PreparedLength::llr`], which the
    /// aligner uses.
    #[cfg(test)]
    pub fn llr(&self, a: usize, l1: f64, marg_src: f64, b: usize, l2: f64, marg_tgt: f64) -> f64 {
        if a == 0 || b == 0 {
            return 0.0;
        }
        let c = if self.c > 0.0 { self.c } else { 1.0 };
        let l1 = l1.max(1.0);
        let l2 = l2.max(1.0);
        let eff = ((l1 + l2 / c) / 2.0).max(1.0);
        let base = self.ln_residual(self.residual(l1, l2)) - 0.5 * eff.ln();
        let split = |k: usize, l: f64| -((k - 1) as f64) * l.ln() + ln_factorial(k - 1);
        let fwd = base - marg_tgt + split(b, l2);
        let bwd = base + c.ln() - marg_src + split(a, l1);
        0.5 * (fwd + bwd)
    }
}

/// [`LengthModel::llr`] with the terms that depend only on the model
/// computed once: the same operations on the same values, so the same
/// results to the last bit (a test checks it), at a third of the
/// logarithms per bead.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PreparedLength {
    c: f64,
    ln_c: f64,
    v1: f64,
    v2: f64,
    /// `0.5 * ln(2 pi v)` of both components.
    half_ln_2pi_v: (f64, f64),
    /// `ln(1 - w)` and `ln(w)`.
    ln_weight: (f64, f64),
}

impl LengthModel {
    /// The model with its constant terms computed (see [`PreparedLength`]).
    pub fn prepare(&self) -> PreparedLength {
        let c = if self.c > 0.0 { self.c } else { 1.0 };
        let w = self.w.clamp(1e-6, 0.5);
        let (v1, v2) = (self.v1.max(1e-3), self.v2.max(1e-3));
        PreparedLength {
            c,
            ln_c: c.ln(),
            v1,
            v2,
            half_ln_2pi_v: (
                0.5 * (2.0 * std::f64::consts::PI * v1).ln(),
                0.5 * (2.0 * std::f64::consts::PI * v2).ln(),
            ),
            ln_weight: ((1.0 - w).ln(), w.ln()),
        }
    }
}

/// The term a side of `k` sentences of total length `l` (at least 1) pays
/// for where it is split: `-(k - 1) ln l + ln (k - 1)!`, 0 for one sentence.
pub(crate) fn split_term(k: usize, l: f64) -> f64 {
    // One sentence: `-0 * ln(l) + ln(0!)`, which is 0.
    if k <= 1 {
        0.0
    } else {
        -((k - 1) as f64) * l.ln() + ln_factorial(k - 1)
    }
}

impl PreparedLength {
    /// [`LengthModel::llr`] of the model this was prepared from.
    pub fn llr(&self, a: usize, l1: f64, marg_src: f64, b: usize, l2: f64, marg_tgt: f64) -> f64 {
        if a == 0 || b == 0 {
            return 0.0;
        }
        let split = (split_term(a, l1.max(1.0)), split_term(b, l2.max(1.0)));
        self.llr_split(a, (l1, marg_src), b, (l2, marg_tgt), split)
    }

    /// [`PreparedLength::llr`] of a bead of `a` source sentences of total
    /// length and marginal log-density `src` and `b` target sentences
    /// (`tgt`), given the [`split_term`] of both sides (of their lengths
    /// raised to at least 1): the same operations on the same values, for a
    /// caller that has the split terms at hand (`cell.rs`).
    pub fn llr_split(
        &self,
        a: usize,
        (l1, marg_src): (f64, f64),
        b: usize,
        (l2, marg_tgt): (f64, f64),
        (split_src, split_tgt): (f64, f64),
    ) -> f64 {
        if a == 0 || b == 0 {
            return 0.0;
        }
        let c = self.c;
        let l1 = l1.max(1.0);
        let l2 = l2.max(1.0);
        let eff = ((l1 + l2 / c) / 2.0).max(1.0);
        let r = (c * l1 - l2) / eff.sqrt();
        let ln_residual = ln_add(
            self.ln_weight.0 + (-0.5 * r * r / self.v1 - self.half_ln_2pi_v.0),
            self.ln_weight.1 + (-0.5 * r * r / self.v2 - self.half_ln_2pi_v.1),
        );
        let base = ln_residual - 0.5 * eff.ln();
        let fwd = base - marg_tgt + split_tgt;
        let bwd = base + self.ln_c - marg_src + split_src;
        0.5 * (fwd + bwd)
    }
}

/// How paragraph marks are used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ParaMode {
    /// Ignored.
    Off,
    /// Both sides have the same paragraphs: beads must stay inside one
    /// paragraph and pair paragraph `p` with paragraph `p`.
    Same,
    /// Paragraph counts differ: beads should not cross a boundary on either side.
    Cross,
}

/// Everything needed to cost a bead.
pub(crate) struct Scorer<'a> {
    /// Bead types, `(a, b)`.
    pub beads: &'a [(usize, usize)],
    /// Cost `-ln P(type)` of every bead type.
    pub prior_cost: Vec<f64>,
    /// Prefix sums of source sentence lengths.
    pub src_cum: Vec<usize>,
    /// Prefix sums of target sentence lengths.
    pub tgt_cum: Vec<usize>,
    /// Paragraph of every source sentence.
    pub src_para: &'a [usize],
    /// Paragraph of every target sentence.
    pub tgt_para: &'a [usize],
    /// Paragraph handling.
    pub para_mode: ParaMode,
    /// Penalty for a bead that violates the paragraph structure.
    pub para_penalty: f64,
    /// Length model.
    pub length: PreparedLength,
    /// Prefix sums of the marginal log-densities of the source lengths.
    pub src_marg: Vec<f64>,
    /// Prefix sums of the marginal log-densities of the target lengths.
    pub tgt_marg: Vec<f64>,
    /// Weight of the length cost.
    pub length_weight: f64,
    /// Weight of the lexical log-likelihood ratio.
    pub lambda: f64,
    /// Source anchors.
    pub sa: &'a Anchors,
    /// Target anchors.
    pub ta: &'a Anchors,
    /// Pair masks.
    pub pairs: &'a PairTable,
}

/// Prefix sums of `lens`.
pub(crate) fn prefix_sums(lens: &[usize]) -> Vec<usize> {
    let mut v = Vec::with_capacity(lens.len() + 1);
    let mut s = 0usize;
    v.push(0);
    for &l in lens {
        s = s.saturating_add(l);
        v.push(s);
    }
    v
}

/// The sum of `count` values from `from`, from prefix sums `cum` (one
/// more than the values). Beads are scored only where they fit: the DP
/// asks for a bead ending at cell `(i + a, j + b)` with `i + a <= n` and
/// `j + b <= m`.
#[allow(
    clippy::indexing_slicing,
    reason = "from + count <= len - 1: a bead ends inside the table (see above)"
)]
fn span_len(cum: &[usize], from: usize, count: usize) -> f64 {
    debug_assert!(from + count < cum.len(), "a bead past the end");
    cum[from + count].saturating_sub(cum[from]) as f64
}

/// [`span_len`] for real values.
#[allow(
    clippy::indexing_slicing,
    reason = "from + count <= len - 1: a bead ends inside the table"
)]
fn span_sum(cum: &[f64], from: usize, count: usize) -> f64 {
    debug_assert!(from + count < cum.len(), "a bead past the end");
    cum[from + count] - cum[from]
}

/// Prefix sums of the marginal log-densities of `lens` under `model`.
pub(crate) fn marginal_sums(lens: &[usize], model: &LogNormal) -> Vec<f64> {
    let mut v = Vec::with_capacity(lens.len() + 1);
    let mut s = 0.0;
    v.push(0.0);
    for &l in lens {
        s += model.ln_pdf(l);
        v.push(s);
    }
    v
}

impl Scorer<'_> {
    /// Cost of the bead of type `k` starting at source `i` and target `j`:
    /// the definition, of which `cell.rs` computes the same bits a cell at
    /// a time.
    #[cfg(test)]
    pub fn cost(&self, i: usize, j: usize, k: usize) -> f64 {
        let Some(&(a, b)) = self.beads.get(k) else {
            return f64::INFINITY;
        };
        let l1 = span_len(&self.src_cum, i, a);
        let l2 = span_len(&self.tgt_cum, j, b);
        let ms = span_sum(&self.src_marg, i, a);
        let mt = span_sum(&self.tgt_marg, j, b);
        debug_assert_eq!(self.prior_cost.len(), self.beads.len());
        #[allow(
            clippy::indexing_slicing,
            reason = "k < beads.len() (above) = prior_cost.len(): a cost per bead type (pass.rs)"
        )]
        let prior = self.prior_cost[k];
        let mut c = prior - self.length_weight * self.length.llr(a, l1, ms, b, l2, mt);
        if a > 0 && b > 0 {
            c -= self.lambda * self.lexical(i, a, j, b);
        }
        c + self.paragraph(i, a, j, b)
    }

    /// Evidence that the source sentences `src` and the target sentences
    /// `tgt` (any sets, not necessarily consecutive) translate each other:
    /// the weighted length and lexical log-likelihood ratios of the bead
    /// they would form, without its prior or paragraph penalty.
    pub fn evidence(&self, src: &[usize], tgt: &[usize]) -> f64 {
        let (a, b) = (src.len(), tgt.len());
        if a == 0 || b == 0 {
            return 0.0;
        }
        let l1: f64 = src.iter().map(|&i| span_len(&self.src_cum, i, 1)).sum();
        let l2: f64 = tgt.iter().map(|&j| span_len(&self.tgt_cum, j, 1)).sum();
        let ms: f64 = src.iter().map(|&i| span_sum(&self.src_marg, i, 1)).sum();
        let mt: f64 = tgt.iter().map(|&j| span_sum(&self.tgt_marg, j, 1)).sum();
        let mut lex = 0.0;
        for &ii in src {
            let mask = tgt.iter().fold(0u64, |m, &jj| m | self.pairs.get(ii, jj).0);
            lex += self.sa.score(ii, mask, b);
        }
        for &jj in tgt {
            let mask = src.iter().fold(0u64, |m, &ii| m | self.pairs.get(ii, jj).1);
            lex += self.ta.score(jj, mask, a);
        }
        self.length_weight * self.length.llr(a, l1, ms, b, l2, mt) + self.lambda * lex
    }

    /// Lexical log-likelihood ratio of the bead (both directions).
    #[cfg(test)]
    pub fn lexical(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        let mut s = 0.0;
        for ii in i..i + a {
            let mut mask = 0u64;
            for jj in j..j + b {
                mask |= self.pairs.get(ii, jj).0;
            }
            s += self.sa.score(ii, mask, b);
        }
        for jj in j..j + b {
            let mut mask = 0u64;
            for ii in i..i + a {
                mask |= self.pairs.get(ii, jj).1;
            }
            s += self.ta.score(jj, mask, a);
        }
        s
    }

    /// Penalty of the bead of `a` source sentences from `i` and `b` target
    /// sentences from `j` for the paragraph boundaries it violates.
    pub fn paragraph(&self, i: usize, a: usize, j: usize, b: usize) -> f64 {
        if self.para_mode == ParaMode::Off {
            return 0.0;
        }
        let sp = (
            self.src_para.get(i).copied(),
            self.src_para.get(i + a.max(1) - 1).copied(),
        );
        let tp = (
            self.tgt_para.get(j).copied(),
            self.tgt_para.get(j + b.max(1) - 1).copied(),
        );
        let mut pen = 0.0;
        if a > 1 && sp.0 != sp.1 {
            pen += self.para_penalty;
        }
        if b > 1 && tp.0 != tp.1 {
            pen += self.para_penalty;
        }
        if self.para_mode == ParaMode::Same && a > 0 && b > 0 && sp.0 != tp.0 {
            pen += self.para_penalty;
        }
        if self.para_mode == ParaMode::Cross {
            pen *= 0.5;
        }
        pen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_llr_prefers_matching_lengths() {
        let m = LengthModel {
            c: 1.0,
            v1: 6.8,
            v2: 68.0,
            w: 0.1,
        };
        let ln = LogNormal {
            mu: 4.5,
            sigma: 0.8,
        };
        let mg = |l: usize| ln.ln_pdf(l);
        let good = m.llr(1, 100.0, mg(100), 1, 100.0, mg(100));
        let bad = m.llr(1, 100.0, mg(100), 1, 200.0, mg(200));
        assert!(good > 0.0 && bad < good);
        // a 1-2 bead whose halves add up beats a 1-1 bead with half the length
        let one_two = m.llr(1, 200.0, mg(200), 2, 200.0, mg(100) + mg(100));
        let one_one = m.llr(1, 200.0, mg(200), 1, 100.0, mg(100));
        assert!(one_two > one_one);
        assert_eq!(m.llr(0, 0.0, 0.0, 1, 50.0, mg(50)), 0.0);
    }

    proptest::proptest! {
        #[test]
        fn the_prepared_model_gives_the_same_bits(
            c in 0.0f64..3.0, v1 in 0.0f64..50.0, wide in 1.0f64..200.0, w in 0.0f64..0.6,
            a in 0usize..5, b in 0usize..5, l1 in 0.0f64..3000.0, l2 in 0.0f64..3000.0,
            ms in -60.0f64..0.0, mt in -60.0f64..0.0,
        ) {
            let m = LengthModel { c, v1, v2: v1 * wide, w };
            let want = m.llr(a, l1.floor(), ms, b, l2.floor(), mt);
            let got = m.prepare().llr(a, l1.floor(), ms, b, l2.floor(), mt);
            proptest::prop_assert_eq!(want.to_bits(), got.to_bits());
        }
    }
}
