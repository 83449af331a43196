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

/// The cells `(i, j)` with `lo(i) <= j <= hi(i)` for every row `i` in `0..=n`.
#[derive(Debug, Clone)]
pub(crate) struct Band {
    n: usize,
    m: usize,
    lo: Vec<usize>,
    hi: Vec<usize>,
    off: Vec<usize>,
    cells: usize,
    full: bool,
}

impl Band {
    /// The whole `(n + 1) x (m + 1)` matrix.
    pub fn full(n: usize, m: usize) -> Band {
        let mut b = Band::from_ranges(n, m, vec![0; n + 1], vec![m; n + 1]);
        b.full = true;
        b
    }

    /// A band from per-row ranges, repaired so that rows are monotone, the
    /// corners are inside and every row connects to the next one.
    pub fn from_ranges(n: usize, m: usize, mut lo: Vec<usize>, mut hi: Vec<usize>) -> Band {
        lo.resize(n + 1, 0);
        hi.resize(n + 1, m);
        for x in lo.iter_mut().chain(hi.iter_mut()) {
            *x = (*x).min(m);
        }
        if let Some(x) = lo.first_mut() {
            *x = 0;
        }
        if let Some(x) = hi.last_mut() {
            *x = m;
        }
        // lo non-decreasing (take the running minimum from the end)
        let mut run = m;
        for x in lo.iter_mut().rev() {
            run = run.min(*x);
            *x = run;
        }
        // hi non-decreasing (running maximum from the start)
        let mut run = 0;
        for x in hi.iter_mut() {
            run = run.max(*x);
            *x = run;
        }
        for i in 0..=n {
            let l = lo.get(i).copied().unwrap_or(0);
            let next_lo = lo.get(i + 1).copied().unwrap_or(0);
            if let Some(h) = hi.get_mut(i) {
                *h = (*h).max(l).max(next_lo);
            }
        }
        let mut off = Vec::with_capacity(n + 2);
        let mut cells = 0usize;
        for (l, h) in lo.iter().zip(hi.iter()) {
            off.push(cells);
            cells += h - l + 1;
        }
        let full = lo.iter().all(|&l| l == 0) && hi.iter().all(|&h| h == m);
        Band {
            n,
            m,
            lo,
            hi,
            off,
            cells,
            full,
        }
    }

    /// First column of row `i` (0 past the last row).
    pub fn lo(&self, i: usize) -> usize {
        self.lo.get(i).copied().unwrap_or(self.m)
    }

    /// Last column of row `i`.
    pub fn hi(&self, i: usize) -> usize {
        self.hi.get(i).copied().unwrap_or(self.m)
    }

    /// Cell index of `(i, j)` if it is inside the band.
    pub fn idx(&self, i: usize, j: usize) -> Option<usize> {
        let lo = *self.lo.get(i)?;
        let hi = *self.hi.get(i)?;
        if j < lo || j > hi {
            return None;
        }
        Some(self.off.get(i)? + j - lo)
    }

    /// Number of cells.
    pub fn cells(&self) -> usize {
        self.cells
    }

    /// Whether the band is the whole matrix.
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// Number of source sentences.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Number of target sentences.
    pub fn m(&self) -> usize {
        self.m
    }
}

/// One bead of a path: it starts at cell `(i, j)` and has bead type `k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Step {
    /// First source sentence.
    pub i: usize,
    /// First target sentence.
    pub j: usize,
    /// Index into the bead-type table.
    pub k: usize,
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

fn log_add(a: f64, b: f64) -> f64 {
    if a == f64::NEG_INFINITY {
        return b;
    }
    if b == f64::NEG_INFINITY {
        return a;
    }
    let (hi, lo) = if a > b { (a, b) } else { (b, a) };
    let d = lo - hi;
    // exp(-37) is below f64 precision relative to 1: nothing to add.
    if d < -37.0 { hi } else { hi + d.exp().ln_1p() }
}

const NO_BACK: u8 = u8::MAX;

/// Runs Viterbi and forward–backward over `band` with bead types `beads`
/// (`(a, b)` sentence counts) and `cost(i, j, k)` for the bead of type `k`
/// starting at `(i, j)`. Non-finite costs disable a bead.
pub(crate) fn run<F>(band: &Band, beads: &[(usize, usize)], temperature: f64, cost: F) -> DpOut
where
    F: Fn(usize, usize, usize) -> f64,
{
    let n = band.n();
    let m = band.m();
    let kn = beads.len();
    let cells = band.cells();
    let t = if temperature > 0.0 && temperature.is_finite() {
        temperature
    } else {
        1.0
    };
    let mut vit = vec![f64::INFINITY; cells];
    let mut fwd = vec![f64::NEG_INFINITY; cells];
    let mut back = vec![NO_BACK; cells];
    let mut costs = vec![f32::INFINITY; cells * kn];

    for i in 0..=n {
        for j in band.lo(i)..=band.hi(i) {
            let Some(c) = band.idx(i, j) else { continue };
            if i == 0 && j == 0 {
                if let (Some(v), Some(f)) = (vit.get_mut(c), fwd.get_mut(c)) {
                    *v = 0.0;
                    *f = 0.0;
                }
                continue;
            }
            let mut best = f64::INFINITY;
            let mut best_k = NO_BACK;
            let mut acc = f64::NEG_INFINITY;
            for (k, &(a, b)) in beads.iter().enumerate() {
                if i < a || j < b {
                    continue;
                }
                let Some(p) = band.idx(i - a, j - b) else {
                    continue;
                };
                let vp = vit.get(p).copied().unwrap_or(f64::INFINITY);
                if !vp.is_finite() {
                    continue;
                }
                let cst = cost(i - a, j - b, k) as f32;
                if !cst.is_finite() {
                    continue;
                }
                if let Some(slot) = costs.get_mut(c * kn + k) {
                    *slot = cst;
                }
                let cst = f64::from(cst);
                if vp + cst < best {
                    best = vp + cst;
                    best_k = u8::try_from(k).unwrap_or(NO_BACK);
                }
                let fp = fwd.get(p).copied().unwrap_or(f64::NEG_INFINITY);
                acc = log_add(acc, fp - cst / t);
            }
            if let (Some(v), Some(f), Some(bk)) = (vit.get_mut(c), fwd.get_mut(c), back.get_mut(c))
            {
                *v = best;
                *f = acc;
                *bk = best_k;
            }
        }
    }

    let mut bwd = vec![f64::NEG_INFINITY; cells];
    for i in (0..=n).rev() {
        for j in (band.lo(i)..=band.hi(i)).rev() {
            let Some(c) = band.idx(i, j) else { continue };
            if i == n && j == m {
                if let Some(b) = bwd.get_mut(c) {
                    *b = 0.0;
                }
                continue;
            }
            let mut acc = f64::NEG_INFINITY;
            for (k, &(a, b)) in beads.iter().enumerate() {
                let Some(nc) = band.idx(i + a, j + b) else {
                    continue;
                };
                let cst = costs.get(nc * kn + k).copied().unwrap_or(f32::INFINITY);
                if !cst.is_finite() {
                    continue;
                }
                let bn = bwd.get(nc).copied().unwrap_or(f64::NEG_INFINITY);
                acc = log_add(acc, bn - f64::from(cst) / t);
            }
            if let Some(b) = bwd.get_mut(c) {
                *b = acc;
            }
        }
    }

    // Backtrack.
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(c) = band.idx(i, j) else { break };
        let k = back.get(c).copied().unwrap_or(NO_BACK);
        let Some(&(a, b)) = beads.get(usize::from(k)) else {
            break;
        };
        if a > i || b > j {
            break;
        }
        i -= a;
        j -= b;
        path.push(Step {
            i,
            j,
            k: usize::from(k),
        });
    }
    if i > 0 || j > 0 {
        return fallback(n, m, beads);
    }
    path.reverse();

    let z = band
        .idx(n, m)
        .and_then(|c| fwd.get(c).copied())
        .unwrap_or(0.0);
    let mut posterior = Vec::with_capacity(path.len());
    let mut touches_edge = false;
    for s in &path {
        let (a, b) = beads.get(s.k).copied().unwrap_or((0, 0));
        let (Some(sc), Some(ec)) = (band.idx(s.i, s.j), band.idx(s.i + a, s.j + b)) else {
            posterior.push(0.0);
            continue;
        };
        let cst = f64::from(costs.get(ec * kn + s.k).copied().unwrap_or(f32::INFINITY));
        let f = fwd.get(sc).copied().unwrap_or(f64::NEG_INFINITY);
        let bw = bwd.get(ec).copied().unwrap_or(f64::NEG_INFINITY);
        let post = (f - cst / t + bw - z).exp();
        posterior.push(if post.is_finite() {
            post.clamp(0.0, 1.0)
        } else {
            0.0
        });
        let (ei, ej) = (s.i + a, s.j + b);
        let margin = 2;
        if (band.lo(ei) > 0 && ej < band.lo(ei) + margin)
            || (band.hi(ei) < m && ej + margin > band.hi(ei))
        {
            touches_edge = true;
        }
    }
    let (gap_src, gap_tgt) = gap_marginals(
        band,
        beads,
        &GapInput {
            fwd: &fwd,
            bwd: &bwd,
            costs: &costs,
            z,
            t,
        },
    );
    DpOut {
        path,
        posterior,
        touches_edge,
        gap_src,
        gap_tgt,
        support_src: vec![0.0; n],
        support_tgt: vec![0.0; m],
    }
}

/// Forward and backward scores, the bead costs and the partition function
/// of one run.
struct GapInput<'a> {
    fwd: &'a [f64],
    bwd: &'a [f64],
    costs: &'a [f32],
    z: f64,
    t: f64,
}

/// Posterior probability of every source (target) sentence to be the
/// sentence of a 1-0 (0-1) bead: the sum, over the band's cells where such
/// a bead can start, of forward score, bead score and backward score.
fn gap_marginals(band: &Band, beads: &[(usize, usize)], g: &GapInput) -> (Vec<f64>, Vec<f64>) {
    let (n, m, kn) = (band.n(), band.m(), beads.len());
    let mut src = vec![0.0; n];
    let mut tgt = vec![0.0; m];
    let k10 = beads.iter().position(|&b| b == (1, 0));
    let k01 = beads.iter().position(|&b| b == (0, 1));
    let prob = |c: usize, nc: usize, k: usize| -> f64 {
        let cst = f64::from(g.costs.get(nc * kn + k).copied().unwrap_or(f32::INFINITY));
        let f = g.fwd.get(c).copied().unwrap_or(f64::NEG_INFINITY);
        let b = g.bwd.get(nc).copied().unwrap_or(f64::NEG_INFINITY);
        let p = (f - cst / g.t + b - g.z).exp();
        if p.is_finite() { p } else { 0.0 }
    };
    for i in 0..=n {
        for j in band.lo(i)..=band.hi(i) {
            let Some(c) = band.idx(i, j) else { continue };
            if let (Some(k), Some(nc)) = (k10, band.idx(i + 1, j))
                && let Some(x) = src.get_mut(i)
            {
                *x += prob(c, nc, k);
            }
            if let (Some(k), Some(nc)) = (k01, band.idx(i, j + 1))
                && let Some(x) = tgt.get_mut(j)
            {
                *x += prob(c, nc, k);
            }
        }
    }
    for x in src.iter_mut().chain(tgt.iter_mut()) {
        *x = x.clamp(0.0, 1.0);
    }
    (src, tgt)
}

/// All-deletion path, used only if the band admits no path at all.
fn fallback(n: usize, m: usize, beads: &[(usize, usize)]) -> DpOut {
    let k10 = beads.iter().position(|&b| b == (1, 0)).unwrap_or(0);
    let k01 = beads.iter().position(|&b| b == (0, 1)).unwrap_or(0);
    let mut path = Vec::with_capacity(n + m);
    for i in 0..n {
        path.push(Step { i, j: 0, k: k10 });
    }
    for j in 0..m {
        path.push(Step { i: n, j, k: k01 });
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

    #[test]
    fn diagonal_is_best_when_cheap() {
        let band = Band::full(3, 3);
        let out = run(&band, &BEADS, 1.0, |_, _, k| if k == 0 { 0.1 } else { 5.0 });
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
        let out = run(&band, &BEADS, 1.0, cost);
        assert!(out.gap_src[1] > 0.9 && out.gap_tgt[1] > 0.9, "{out:?}");
        for (i, g) in out.gap_src.iter().enumerate().filter(|(i, _)| *i != 1) {
            assert!(*g < 0.1, "source {i}: {g}");
        }
        let total: f64 = out.posterior.iter().sum();
        assert!(total.is_finite());
    }

    #[test]
    fn band_is_repaired() {
        let b = Band::from_ranges(3, 10, vec![5, 0, 9, 2], vec![1, 1, 1, 1]);
        for i in 0..=3 {
            assert!(b.lo(i) <= b.hi(i));
            if i < 3 {
                assert!(b.lo(i + 1) <= b.hi(i));
                assert!(b.lo(i) <= b.lo(i + 1));
            }
        }
        assert_eq!(b.lo(0), 0);
        assert_eq!(b.hi(3), 10);
    }

    #[test]
    fn empty_band_sides() {
        let band = Band::full(0, 2);
        let out = run(&band, &BEADS, 1.0, |_, _, _| 1.0);
        assert_eq!(out.path.len(), 2);
    }
}
