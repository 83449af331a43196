//! The costs of all the beads that end in one cell of the dynamic
//! programme, computed together: the exact values of
//! [`Scorer::cost`](super::score::Scorer), with the work the bead types
//! share done once.
//!
//! Filling the DP table asks, for every cell `(i, j)` of the band, the cost
//! of every bead type `(a, b)` ending there. Bead by bead, a cell of twelve
//! types computes twenty split logarithms (`score::split_term`), seventy
//! pair-mask look-ups and forty anchor scores. Here the split terms, span
//! lengths and marginal densities of every span of 1 to [`MAXK`] sentences
//! are tabulated once per pass (by where the span ends), and a cell looks
//! up the sentence pairs of its corner once (16 for beads of up to four
//! sentences a side, one for 1-1, 1-0 and 0-1 alone), ORs the masks
//! cumulatively and scores every sentence once per count of sentences on
//! the other side. Every bead's cost is then the same operations on the
//! same values as `Scorer::cost`, in the same order, so the same bits (a
//! property test checks it), at about a third of the time.

use super::anchors::MAXK;
use super::score::{Scorer, split_term};

/// Per-span values of one side, by the index where the span ends: for
/// every end `e` and count `d` in `0..=MAXK` with `d <= e`, the span of the
/// `d` sentences `e - d..e`.
struct Spans {
    /// Total length (characters) of the span.
    len: Vec<[f64; MAXK + 1]>,
    /// Sum of the marginal log-densities of the span's sentences.
    marg: Vec<[f64; MAXK + 1]>,
    /// [`split_term`] of the span (of its length raised to at least 1).
    split: Vec<[f64; MAXK + 1]>,
}

impl Spans {
    /// The spans of a side with prefix sums `cum` (lengths) and `marg`
    /// (marginal log-densities), one more entry than sentences each.
    fn new(cum: &[usize], marg: &[f64]) -> Spans {
        let ends = cum.len();
        let mut spans = Spans {
            len: vec![[0.0; MAXK + 1]; ends],
            marg: vec![[0.0; MAXK + 1]; ends],
            split: vec![[0.0; MAXK + 1]; ends],
        };
        let rows = spans
            .len
            .iter_mut()
            .zip(spans.marg.iter_mut())
            .zip(spans.split.iter_mut());
        for (e, ((len, mg), split)) in rows.enumerate() {
            for d in 0..=MAXK.min(e) {
                // As `score::span_len` and `score::span_sum`.
                let (Some(&c1), Some(&c0)) = (cum.get(e), cum.get(e - d)) else {
                    continue;
                };
                let (Some(&m1), Some(&m0)) = (marg.get(e), marg.get(e - d)) else {
                    continue;
                };
                let l = c1.saturating_sub(c0) as f64;
                if let (Some(x), Some(y), Some(z)) =
                    (len.get_mut(d), mg.get_mut(d), split.get_mut(d))
                {
                    *x = l;
                    *y = m1 - m0;
                    *z = split_term(d, l.max(1.0));
                }
            }
        }
        spans
    }
}

/// The bead costs of a pass, a cell at a time (see the module docs).
pub(crate) struct CellScorer<'s> {
    scorer: &'s Scorer<'s>,
    src: Spans,
    tgt: Spans,
    /// For `(d, e)` (indices `d * (MAXK + 1) + e`): whether some bead type
    /// has at least `d` source and exactly `e` target sentences, so that
    /// the source sentence `d` rows up is scored against `e` targets.
    need_src: [bool; (MAXK + 1) * (MAXK + 1)],
    /// The same for target sentence `e` columns back against `d` sources.
    need_tgt: [bool; (MAXK + 1) * (MAXK + 1)],
    /// Most source and most target sentences of a bead type with both
    /// sides: the corner of a cell that its beads cover.
    corner: (usize, usize),
}

/// Index of `(d, e)` in a `(MAXK + 1) x (MAXK + 1)` table.
const fn at(d: usize, e: usize) -> usize {
    d * (MAXK + 1) + e
}

impl<'s> CellScorer<'s> {
    /// The cell scorer of `scorer`'s pass.
    pub fn new(scorer: &'s Scorer<'s>) -> CellScorer<'s> {
        let mut need_src = [false; (MAXK + 1) * (MAXK + 1)];
        let mut need_tgt = [false; (MAXK + 1) * (MAXK + 1)];
        let mut corner = (0, 0);
        for &(a, b) in scorer.beads {
            if a == 0 || b == 0 || a > MAXK || b > MAXK {
                continue;
            }
            corner = (corner.0.max(a), corner.1.max(b));
            for d in 1..=a {
                if let Some(x) = need_src.get_mut(at(d, b)) {
                    *x = true;
                }
            }
            for e in 1..=b {
                if let Some(x) = need_tgt.get_mut(at(a, e)) {
                    *x = true;
                }
            }
        }
        CellScorer {
            scorer,
            src: Spans::new(&scorer.src_cum, &scorer.src_marg),
            tgt: Spans::new(&scorer.tgt_cum, &scorer.tgt_marg),
            need_src,
            need_tgt,
            corner,
        }
    }

    /// Writes into `out[k]` the cost of the bead of type `k` that ends in
    /// cell `(i, j)` (starts at `(i - a, j - b)`), for every type that fits
    /// (`a <= i`, `b <= j`); the others are left alone. `i` and `j` are at
    /// most the number of source and target sentences.
    pub fn costs(&self, i: usize, j: usize, out: &mut [f64]) {
        let sc = self.scorer;
        let (Some(sl), Some(sm), Some(ss)) = (
            self.src.len.get(i),
            self.src.marg.get(i),
            self.src.split.get(i),
        ) else {
            return;
        };
        let (Some(tl), Some(tm), Some(ts)) = (
            self.tgt.len.get(j),
            self.tgt.marg.get(j),
            self.tgt.split.get(j),
        ) else {
            return;
        };
        let (src_score, tgt_score) = self.anchor_scores(i, j);
        for ((k, &(a, b)), slot) in sc.beads.iter().enumerate().zip(out.iter_mut()) {
            if a > i || b > j || a > MAXK || b > MAXK {
                continue;
            }
            let (Some(&prior), Some(&l1), Some(&l2)) = (sc.prior_cost.get(k), sl.get(a), tl.get(b))
            else {
                continue;
            };
            let (ms, mt) = (sm.get(a).copied(), tm.get(b).copied());
            let (spa, spb) = (ss.get(a).copied(), ts.get(b).copied());
            let (Some(ms), Some(mt), Some(spa), Some(spb)) = (ms, mt, spa, spb) else {
                continue;
            };
            // As `Scorer::cost`, term by term.
            let llr = sc.length.llr_split(a, (l1, ms), b, (l2, mt), (spa, spb));
            let mut c = prior - sc.length_weight * llr;
            if a > 0 && b > 0 {
                // As `Scorer::lexical`: the source sentences in order,
                // then the target sentences.
                let mut s = 0.0;
                for d in (1..=a).rev() {
                    s += src_score.get(at(d, b)).copied().unwrap_or(0.0);
                }
                for e in (1..=b).rev() {
                    s += tgt_score.get(at(a, e)).copied().unwrap_or(0.0);
                }
                c -= sc.lambda * s;
            }
            *slot = c + sc.paragraph(i - a, a, j - b, b);
        }
    }

    /// The anchor scores of the cell's corner: for source sentence `i - d`
    /// against the `e` targets `j - e..j`, and for target sentence `j - e`
    /// against the `d` sources `i - d..i`, where a bead type needs them.
    fn anchor_scores(
        &self,
        i: usize,
        j: usize,
    ) -> (
        [f64; (MAXK + 1) * (MAXK + 1)],
        [f64; (MAXK + 1) * (MAXK + 1)],
    ) {
        let sc = self.scorer;
        let (rows, cols) = (self.corner.0.min(i), self.corner.1.min(j));
        // masks[at(d, e)]: the pair (i - d, j - e).
        let mut masks = [(0u64, 0u64); (MAXK + 1) * (MAXK + 1)];
        for d in 1..=rows {
            for e in 1..=cols {
                if let Some(x) = masks.get_mut(at(d, e)) {
                    *x = sc.pairs.get(i - d, j - e);
                }
            }
        }
        let mut src_score = [0.0; (MAXK + 1) * (MAXK + 1)];
        for d in 1..=rows {
            // The source masks of sentence i - d ORed over the targets
            // j - e..j.
            let mut mask = 0u64;
            for e in 1..=cols {
                mask |= masks.get(at(d, e)).map_or(0, |m| m.0);
                if self.need_src.get(at(d, e)).copied().unwrap_or(false)
                    && let Some(x) = src_score.get_mut(at(d, e))
                {
                    *x = sc.sa.score(i - d, mask, e);
                }
            }
        }
        let mut tgt_score = [0.0; (MAXK + 1) * (MAXK + 1)];
        for e in 1..=cols {
            let mut mask = 0u64;
            for d in 1..=rows {
                mask |= masks.get(at(d, e)).map_or(0, |m| m.1);
                if self.need_tgt.get(at(d, e)).copied().unwrap_or(false)
                    && let Some(x) = tgt_score.get_mut(at(d, e))
                {
                    *x = sc.ta.score(j - e, mask, d);
                }
            }
        }
        (src_score, tgt_score)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::anchors::tests::arb_sentence;
    use crate::align::anchors::{Anchors, PairTable, chance_rates};
    use crate::align::guide::band_around;
    use crate::align::lexicon::{Relation, Side};
    use crate::align::score::{
        ALL_BEADS, LengthModel, LogNormal, ParaMode, marginal_sums, prefix_sums,
    };
    use crate::text::numbers::NumLang;
    use proptest::prelude::*;

    fn arb_mode() -> impl Strategy<Value = ParaMode> {
        prop::sample::select(vec![ParaMode::Off, ParaMode::Same, ParaMode::Cross])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Every bead of every cell of the band costs the same bits as
        /// `Scorer::cost`, the bead-by-bead definition.
        #[test]
        fn cell_costs_are_the_bead_costs(
            s in proptest::collection::vec(arb_sentence(12), 1..60),
            t in proptest::collection::vec(arb_sentence(12), 1..60),
            radius in 0usize..6,
            beads in 1usize..=ALL_BEADS.len(),
            (c, v1, w) in (0.3f64..2.5, 1.0f64..20.0, 0.0f64..0.5),
            (lambda, para_mode, para_every) in (0.0f64..2.0, arb_mode(), 1usize..8),
        ) {
            let mut src = Side::of_texts(&s, NumLang::De, true);
            let mut tgt = Side::of_texts(&t, NumLang::En, false);
            src.paras = (0..src.len()).map(|i| i / para_every).collect();
            tgt.paras = (0..tgt.len()).map(|j| j / (para_every + 1)).collect();
            let rel = Relation::base(&src, &tgt);
            let (ps, pt) = (vec![0.7; src.vocab.len()], vec![0.6; tgt.vocab.len()]);
            let qs = chance_rates(src.vocab.len(), &tgt, &rel.tgt);
            let qt = chance_rates(tgt.vocab.len(), &src, &rel.src);
            let sa = Anchors::build(&src, &rel.src, &ps, &qs);
            let ta = Anchors::build(&tgt, &rel.tgt, &pt, &qt);
            let (n, m) = (src.len(), tgt.len());
            let band = band_around(&[(0, 0), (n, m)], n, m, radius);
            let pairs = PairTable::build(&band, &src, &tgt, &rel.src, &sa, &ta);
            let types: Vec<(usize, usize)> = ALL_BEADS.iter().take(beads).copied().collect();
            let length = LengthModel { c, v1, v2: v1 * 10.0, w };
            let scorer = Scorer {
                beads: &types,
                prior_cost: (0..types.len()).map(|k| 0.1 + k as f64).collect(),
                src_cum: prefix_sums(&src.lens),
                tgt_cum: prefix_sums(&tgt.lens),
                src_para: &src.paras,
                tgt_para: &tgt.paras,
                para_mode,
                para_penalty: 8.0,
                length: length.prepare(),
                src_marg: marginal_sums(&src.lens, &LogNormal::fit(&src.lens)),
                tgt_marg: marginal_sums(&tgt.lens, &LogNormal::fit(&tgt.lens)),
                length_weight: 1.0,
                lambda,
                sa: &sa,
                ta: &ta,
                pairs: &pairs,
            };
            let cells = CellScorer::new(&scorer);
            let mut out = vec![f64::INFINITY; types.len()];
            for i in 0..=n {
                for j in band.lo(i)..=band.hi(i) {
                    out.fill(f64::INFINITY);
                    cells.costs(i, j, &mut out);
                    for (k, &(a, b)) in types.iter().enumerate() {
                        if a > i || b > j || band.idx(i - a, j - b).is_none() {
                            continue;
                        }
                        let want = scorer.cost(i - a, j - b, k);
                        prop_assert_eq!(
                            out[k].to_bits(), want.to_bits(),
                            "bead {:?} ending at ({}, {}): {} != {}", (a, b), i, j, out[k], want
                        );
                    }
                }
            }
        }
    }
}
