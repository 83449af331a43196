//! Banded dynamic programming over bead sequences: Viterbi (best alignment)
//! and forward–backward (bead posteriors) in one band of cells.
//!
//! The recursion is Gale & Church's (1993): cell `(i, j)` holds the best cost
//! of aligning the first `i` source and `j` target sentences, reached by a bead
//! of `a` source and `b` target sentences from `(i - a, j - b)`. As in hunalign
//! (Varga et al. 2005) and Vecalign, only a band of cells around a guide path is
//! computed, so time and memory grow linearly with the document length for a
//! fixed band radius. The forward–backward pass over the same band turns the
//! costs, read as negative log-probabilities at a temperature, into the
//! posterior probability of every bead of the chosen path.

use rayon::prelude::*;

use super::band::Band;

/// One bead of a path: it starts at cell `(i, j)` and has bead type `k` of
/// `a` source and `b` target sentences.
///
/// The sentence counts travel with the step, so a reader of the path never
/// looks the type up again (a lookup that could miss and silently turn the
/// bead into an empty one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    /// First source sentence.
    pub i: usize,
    /// First target sentence.
    pub j: usize,
    /// Index into the bead-type table.
    pub k: usize,
    /// Number of source sentences of the bead.
    pub a: usize,
    /// Number of target sentences of the bead.
    pub b: usize,
}

impl Step {
    /// The cell `(i + a, j + b)` where the bead ends.
    pub fn end(&self) -> (usize, usize) {
        (self.i + self.a, self.j + self.b)
    }
}

/// Result of one DP run.
#[derive(Debug, Clone, Default)]
pub(crate) struct DpOut {
    /// The best path, in order.
    pub path: Vec<Step>,
    /// Posterior probability of every bead of `path`.
    pub posterior: Vec<f64>,
    /// Whether the path runs along an inner edge of the band (the band may be too narrow).
    pub touches_edge: bool,
    /// For every source sentence, the posterior probability that it is in a
    /// 1-0 bead (has no counterpart), summed over all alignments in the band.
    pub gap_src: Vec<f64>,
    /// The same for every target sentence and 0-1 beads.
    pub gap_tgt: Vec<f64>,
    /// For every source sentence, its support in its bead of `path`: how
    /// much evidence the bead loses without it (filled by the caller).
    pub support_src: Vec<f64>,
    /// The same for every target sentence.
    pub support_tgt: Vec<f64>,
}

/// A running log-sum-exp: `ln(sum(exp(x)))` of the terms added so far,
/// kept as the largest term and the sum of the others' `exp(x - max)`, so
/// a cell costs one `exp` per bead and one `ln` at the end (pairwise
/// `ln(exp(a) + exp(b))` cost an `exp` and an `ln_1p` per bead: a quarter
/// of the whole alignment's time).
#[derive(Clone, Copy)]
struct LogSum {
    max: f64,
    sum: f64,
}

impl LogSum {
    const EMPTY: LogSum = LogSum {
        max: f64::NEG_INFINITY,
        sum: 0.0,
    };

    fn add(&mut self, x: f64) {
        if x == f64::NEG_INFINITY {
            return;
        }
        if x > self.max {
            // The old terms scaled to the new maximum (exp(-inf) = 0 when
            // there were none).
            self.sum = self.sum * (self.max - x).exp() + 1.0;
            self.max = x;
        } else {
            self.sum += (x - self.max).exp();
        }
    }

    fn value(self) -> f64 {
        if self.max == f64::NEG_INFINITY {
            f64::NEG_INFINITY
        } else {
            self.max + self.sum.ln()
        }
    }
}

/// The back pointer of a cell no bead reaches.
const NO_BACK: u8 = u8::MAX;

/// Most bead types one run can tell apart: a cell's back pointer is the
/// bead type in a `u8`, and [`NO_BACK`] is reserved.
pub(crate) const MAX_BEAD_TYPES: usize = NO_BACK as usize;

/// Runs Viterbi and forward–backward over `band` with bead types `beads`
/// (`(a, b)` sentence counts) and the bead costs `cell_costs(i, j, out)`,
/// which writes into `out[k]` the cost of the bead of type `k` that ends
/// in cell `(i, j)`, for every type with `a <= i` and `b <= j` (`out`
/// holds infinity on entry). Non-finite costs disable a bead.
pub(crate) fn run<F>(
    band: &Band,
    beads: &[(usize, usize)],
    temperature: f64,
    cell_costs: F,
) -> DpOut
where
    F: Fn(usize, usize, &mut [f64]) + Sync,
{
    let t = if temperature > 0.0 && temperature.is_finite() {
        temperature
    } else {
        1.0
    };
    let mut lattice = Lattice::new(band, beads, t);
    lattice.fill_costs(&cell_costs);
    lattice.forward_backward();
    let Some(path) = lattice.backtrack() else {
        return fallback(band.n(), band.m(), beads);
    };
    let z = lattice.log_partition();
    let posterior = path.iter().map(|s| lattice.bead_posterior(s, z)).collect();
    let touches_edge = path.iter().any(|s| band.near_inner_edge(s.end()));
    let (gap_src, gap_tgt) = lattice.gap_marginals(z);
    DpOut {
        path,
        posterior,
        touches_edge,
        gap_src,
        gap_tgt,
        support_src: vec![0.0; band.n()],
        support_tgt: vec![0.0; band.m()],
    }
}

/// The tables of one run, one entry per cell of the band (bead costs: one
/// per cell and bead type).
///
/// Every cell index comes from [`Band::idx`], which is below
/// [`Band::cells`], the length of every table; a bead type `k` is below
/// `beads.len()`, so `c * kn + k` is inside `costs`. The tables are
/// therefore indexed directly: a missing cell would be a broken band, not
/// an unreachable one, and must not be read as a cost of infinity.
struct Lattice<'b> {
    band: &'b Band,
    beads: &'b [(usize, usize)],
    /// Temperature of the forward–backward scores.
    t: f64,
    /// Best (Viterbi) cost of reaching each cell; infinite if unreachable.
    vit: Vec<f64>,
    /// Bead type of the best way into each cell, or [`NO_BACK`].
    back: Vec<u8>,
    /// Log forward score of each cell (all paths into it).
    fwd: Vec<f64>,
    /// Log backward score of each cell (all paths from it to the end).
    bwd: Vec<f64>,
    /// Cost of the bead of each type that ends in each cell (at `c * kn + k`);
    /// infinite if the bead is impossible there.
    costs: Vec<f32>,
}

#[allow(
    clippy::indexing_slicing,
    reason = "cell indices come from Band::idx and are below Band::cells, the length of every table; \
              bead types are below beads.len() (see Lattice)"
)]
impl<'b> Lattice<'b> {
    /// Empty tables for `band`: nothing reached yet.
    fn new(band: &'b Band, beads: &'b [(usize, usize)], t: f64) -> Self {
        debug_assert!(
            beads.len() <= MAX_BEAD_TYPES,
            "bead types are stored in a u8"
        );
        let cells = band.cells();
        Lattice {
            band,
            beads,
            t,
            vit: vec![f64::INFINITY; cells],
            back: vec![NO_BACK; cells],
            fwd: vec![f64::NEG_INFINITY; cells],
            bwd: vec![f64::NEG_INFINITY; cells],
            costs: vec![f32::INFINITY; cells * beads.len()],
        }
    }

    /// The cost of every bead that ends in a cell of the band and starts
    /// in one (see [`Lattice::costs`]), rows in parallel: the costs are
    /// pure, so the table does not depend on the thread count.
    fn fill_costs<F: Fn(usize, usize, &mut [f64]) + Sync>(&mut self, cell_costs: &F) {
        let (band, beads) = (self.band, self.beads);
        let kn = beads.len();
        if kn == 0 {
            return;
        }
        // Cells are numbered row by row: row i is the next (hi - lo + 1)
        // cells of the table.
        let mut rows: Vec<(usize, &mut [f32])> = Vec::with_capacity(band.n() + 1);
        let mut rest: &mut [f32] = &mut self.costs;
        for i in 0..=band.n() {
            let len = (band.hi(i) - band.lo(i) + 1) * kn;
            let Some((row, tail)) = rest.split_at_mut_checked(len) else {
                break;
            };
            rows.push((i, row));
            rest = tail;
        }
        rows.into_par_iter().for_each(|(i, row)| {
            let mut scratch = vec![f64::INFINITY; kn];
            for (j, cell) in (band.lo(i)..=band.hi(i)).zip(row.chunks_exact_mut(kn)) {
                scratch.fill(f64::INFINITY);
                cell_costs(i, j, &mut scratch);
                for (&(a, b), (slot, &cst)) in beads.iter().zip(cell.iter_mut().zip(&scratch)) {
                    // A predecessor outside the band is not reachable: no bead.
                    if i < a || j < b || band.idx(i - a, j - b).is_none() {
                        continue;
                    }
                    let cst = cst as f32;
                    if cst.is_finite() {
                        *slot = cst;
                    }
                }
            }
        });
    }

    /// The forward pass (Viterbi and forward scores) and the backward pass,
    /// at the same time: both only read the costs.
    fn forward_backward(&mut self) {
        let Lattice {
            band,
            beads,
            t,
            vit,
            back,
            fwd,
            bwd,
            costs,
        } = self;
        let tables = Tables {
            band,
            beads,
            t: *t,
            costs,
        };
        rayon::join(|| tables.forward(vit, fwd, back), || tables.backward(bwd));
    }

    /// The best path, from `(0, 0)` to `(n, m)` along the back pointers;
    /// `None` if the band admits no path (the end cell is unreachable).
    fn backtrack(&self) -> Option<Vec<Step>> {
        let mut path = Vec::new();
        let (mut i, mut j) = (self.band.n(), self.band.m());
        while i > 0 || j > 0 {
            // `(i, j)` is the end cell or a predecessor found by `relax`,
            // both inside the band.
            let c = self.band.idx(i, j)?;
            let k = self.back[c];
            if k == NO_BACK {
                return None;
            }
            let k = usize::from(k);
            // `relax` only records a bead that fits: `a <= i`, `b <= j`.
            let (a, b) = self.beads[k];
            debug_assert!(a <= i && b <= j, "a back pointer leaves the matrix");
            i -= a;
            j -= b;
            path.push(Step { i, j, k, a, b });
        }
        path.reverse();
        Some(path)
    }

    /// Log of the partition function: the forward score of the end cell,
    /// which is in every band.
    fn log_partition(&self) -> f64 {
        let end = self.band.idx(self.band.n(), self.band.m());
        debug_assert!(end.is_some(), "the band holds the end cell");
        end.map_or(0.0, |c| self.fwd[c])
    }

    /// Posterior probability, in `0..=1`, of the bead of type `k` from cell
    /// `c` to cell `nc`: forward score, bead score and backward score over
    /// the partition function `z`; 0 where the sum is not finite.
    fn posterior(&self, c: usize, nc: usize, k: usize, z: f64) -> f64 {
        let cst = f64::from(self.costs[nc * self.beads.len() + k]);
        let p = (self.fwd[c] - cst / self.t + self.bwd[nc] - z).exp();
        if p.is_finite() { p } else { 0.0 }
    }

    /// Posterior probability of the bead `s` of the best path.
    fn bead_posterior(&self, s: &Step, z: f64) -> f64 {
        let (ei, ej) = s.end();
        let ends = (self.band.idx(s.i, s.j), self.band.idx(ei, ej));
        // `backtrack` walks from cell to cell of the band.
        debug_assert!(
            ends.0.is_some() && ends.1.is_some(),
            "a step leaves the band"
        );
        match ends {
            (Some(c), Some(nc)) => self.posterior(c, nc, s.k, z).clamp(0.0, 1.0),
            _ => 0.0,
        }
    }

    /// Posterior probability of every source (target) sentence to be the
    /// sentence of a 1-0 (0-1) bead: the sum, over the band's cells where
    /// such a bead can start, of forward score, bead score and backward
    /// score.
    #[allow(
        clippy::needless_range_loop,
        reason = "the loops walk the band's cells: i and j are a row and a column, not only positions in src and tgt"
    )]
    fn gap_marginals(&self, z: f64) -> (Vec<f64>, Vec<f64>) {
        let band = self.band;
        let (n, m) = (band.n(), band.m());
        let mut src = vec![0.0; n];
        let mut tgt = vec![0.0; m];
        // A bead set without deletions has no gaps: all stay 0.
        let k10 = self.beads.iter().position(|&b| b == (1, 0));
        let k01 = self.beads.iter().position(|&b| b == (0, 1));
        for i in 0..=n {
            for j in band.lo(i)..=band.hi(i) {
                let Some(c) = band.idx(i, j) else { continue };
                // `band.idx(i + 1, j)` exists only for i < n, and
                // `band.idx(i, j + 1)` only for j < m: inside `src`, `tgt`.
                if let (Some(k), Some(nc)) = (k10, band.idx(i + 1, j)) {
                    src[i] += self.posterior(c, nc, k, z);
                }
                if let (Some(k), Some(nc)) = (k01, band.idx(i, j + 1)) {
                    tgt[j] += self.posterior(c, nc, k, z);
                }
            }
        }
        for x in src.iter_mut().chain(tgt.iter_mut()) {
            *x = x.clamp(0.0, 1.0);
        }
        (src, tgt)
    }
}

/// The read-only part of a [`Lattice`] that the forward and the backward
/// pass share.
struct Tables<'b> {
    band: &'b Band,
    beads: &'b [(usize, usize)],
    t: f64,
    costs: &'b [f32],
}

#[allow(
    clippy::indexing_slicing,
    reason = "cell indices come from Band::idx and are below Band::cells, the length of every table; \
              bead types are below beads.len() (see Lattice)"
)]
impl Tables<'_> {
    /// Viterbi and forward pass: every cell in row order, from the cells a
    /// bead reaches it from.
    fn forward(&self, vit: &mut [f64], fwd: &mut [f64], back: &mut [u8]) {
        let band = self.band;
        let kn = self.beads.len();
        for i in 0..=band.n() {
            for j in band.lo(i)..=band.hi(i) {
                let Some(c) = band.idx(i, j) else { continue };
                if i == 0 && j == 0 {
                    vit[c] = 0.0;
                    fwd[c] = 0.0;
                    continue;
                }
                let mut best = f64::INFINITY;
                let mut best_k = NO_BACK;
                let mut acc = LogSum::EMPTY;
                for (k8, &(a, b)) in (0..NO_BACK).zip(self.beads) {
                    let k = usize::from(k8);
                    if i < a || j < b {
                        continue;
                    }
                    // A predecessor outside the band is not reachable: no bead.
                    let Some(p) = band.idx(i - a, j - b) else {
                        continue;
                    };
                    let vp = vit[p];
                    let cst = self.costs[c * kn + k];
                    if !vp.is_finite() || !cst.is_finite() {
                        continue;
                    }
                    let cst = f64::from(cst);
                    if vp + cst < best {
                        best = vp + cst;
                        best_k = k8;
                    }
                    acc.add(fwd[p] - cst / self.t);
                }
                vit[c] = best;
                fwd[c] = acc.value();
                back[c] = best_k;
            }
        }
    }

    /// Backward pass: every cell in reverse row order, from the cells a bead
    /// leads to.
    fn backward(&self, bwd: &mut [f64]) {
        let band = self.band;
        let kn = self.beads.len();
        let (n, m) = (band.n(), band.m());
        for i in (0..=n).rev() {
            for j in (band.lo(i)..=band.hi(i)).rev() {
                let Some(c) = band.idx(i, j) else { continue };
                if i == n && j == m {
                    bwd[c] = 0.0;
                    continue;
                }
                let mut acc = LogSum::EMPTY;
                for (k, &(a, b)) in self.beads.iter().enumerate() {
                    // A successor outside the band is not reachable: no bead.
                    let Some(nc) = band.idx(i + a, j + b) else {
                        continue;
                    };
                    let cst = self.costs[nc * kn + k];
                    if cst.is_finite() {
                        acc.add(bwd[nc] - f64::from(cst) / self.t);
                    }
                }
                bwd[c] = acc.value();
            }
        }
    }
}

/// All-deletion path, used only if the band admits no path at all.
///
/// Every bead set the aligner uses has the 1-0 and 0-1 types (see
/// `score::ALL_BEADS` and `SEGMENT_BEADS`); without them there is no
/// path of deletions, and the path is left empty (the caller's
/// every-sentence-once contract then fails its debug assertion).
fn fallback(n: usize, m: usize, beads: &[(usize, usize)]) -> DpOut {
    let k10 = beads.iter().position(|&b| b == (1, 0));
    let k01 = beads.iter().position(|&b| b == (0, 1));
    let mut path = Vec::with_capacity(n + m);
    if let (Some(k10), Some(k01)) = (k10, k01) {
        path.extend((0..n).map(|i| Step {
            i,
            j: 0,
            k: k10,
            a: 1,
            b: 0,
        }));
        path.extend((0..m).map(|j| Step {
            i: n,
            j,
            k: k01,
            a: 0,
            b: 1,
        }));
    }
    let len = path.len();
    DpOut {
        path,
        posterior: vec![0.0; len],
        touches_edge: false,
        gap_src: vec![1.0; n],
        gap_tgt: vec![1.0; m],
        support_src: vec![0.0; n],
        support_tgt: vec![0.0; m],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BEADS: [(usize, usize); 3] = [(1, 1), (1, 0), (0, 1)];

    /// The cell costs of `cost(i, j, k)`, the cost of the bead of type `k`
    /// starting at `(i, j)`.
    fn by_bead(
        cost: impl Fn(usize, usize, usize) -> f64 + Sync,
    ) -> impl Fn(usize, usize, &mut [f64]) + Sync {
        move |i, j, out| {
            for (k, (&(a, b), slot)) in BEADS.iter().zip(out.iter_mut()).enumerate() {
                if a <= i && b <= j {
                    *slot = cost(i - a, j - b, k);
                }
            }
        }
    }

    #[test]
    fn diagonal_is_best_when_cheap() {
        let band = Band::full(3, 3);
        let out = run(
            &band,
            &BEADS,
            1.0,
            by_bead(|_, _, k| if k == 0 { 0.1 } else { 5.0 }),
        );
        assert_eq!(out.path.len(), 3);
        assert!(out.path.iter().all(|s| s.k == 0));
        assert!(out.posterior.iter().all(|&p| p > 0.9 && p <= 1.0));
    }

    #[test]
    fn gap_marginals_follow_the_deletion_cost() {
        // Source sentence 1 is cheap to delete, and target sentence 1
        // likewise: the best path deletes both, and their gap marginals
        // (posterior probability of a 1-0 / 0-1 bead) dominate.
        let band = Band::full(3, 3);
        let cost = |i: usize, j: usize, k: usize| match (k, i, j) {
            (0, 1, _) | (0, _, 1) => 8.0,
            (0, _, _) => 0.1,
            (1, 1, _) | (2, _, 1) => 0.5,
            _ => 9.0,
        };
        let out = run(&band, &BEADS, 1.0, by_bead(cost));
        assert!(out.gap_src[1] > 0.9 && out.gap_tgt[1] > 0.9, "{out:?}");
        for (i, g) in out.gap_src.iter().enumerate().filter(|(i, _)| *i != 1) {
            assert!(*g < 0.1, "source {i}: {g}");
        }
        let total: f64 = out.posterior.iter().sum();
        assert!(total.is_finite());
    }

    #[test]
    fn empty_band_sides() {
        let band = Band::full(0, 2);
        let out = run(&band, &BEADS, 1.0, by_bead(|_, _, _| 1.0));
        assert_eq!(out.path.len(), 2);
    }
}
