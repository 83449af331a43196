//! The band of a banded dynamic programme: for every row `i` (source
//! sentences aligned so far) the range of columns `j` (target sentences)
//! that are computed, as in hunalign (Varga et al. 2005) and Vecalign
//! (Thompson & Koehn 2019). Cells are numbered row by row, so the DP tables
//! are flat vectors of [`Band::cells`] entries.

/// Columns from the band's inner edge within which a path counts as
/// touching it.
const EDGE_MARGIN: usize = 2;

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
        // Every row reaches its own first column and the next row's; the
        // last row has no next row and already ends at `m`.
        let next_lo = lo.iter().skip(1).chain(lo.last());
        for ((h, &l), &next) in hi.iter_mut().zip(&lo).zip(next_lo) {
            *h = (*h).max(l).max(next);
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

    /// First column of row `i`, for `i <= n`.
    #[allow(
        clippy::indexing_slicing,
        reason = "the band has a row for every i in 0..=n; callers ask for no other"
    )]
    pub fn lo(&self, i: usize) -> usize {
        self.lo[i]
    }

    /// Last column of row `i`, for `i <= n`.
    #[allow(
        clippy::indexing_slicing,
        reason = "the band has a row for every i in 0..=n; callers ask for no other"
    )]
    pub fn hi(&self, i: usize) -> usize {
        self.hi[i]
    }

    /// Cell index of `(i, j)` if it is inside the band; always below
    /// [`Band::cells`], since row `i` holds the cells `off(i)..off(i) +
    /// hi(i) - lo(i) + 1`.
    pub fn idx(&self, i: usize, j: usize) -> Option<usize> {
        let lo = *self.lo.get(i)?;
        let hi = *self.hi.get(i)?;
        if j < lo || j > hi {
            return None;
        }
        Some(self.off.get(i)? + j - lo)
    }

    /// Whether the cell `(i, j)` lies within a few columns of an inner edge
    /// of row `i` (an edge that is not the matrix's own): a best path there
    /// may have been pushed aside by the band, which should be widened.
    pub fn near_inner_edge(&self, (i, j): (usize, usize)) -> bool {
        let (lo, hi) = (self.lo(i), self.hi(i));
        (lo > 0 && j < lo + EDGE_MARGIN) || (hi < self.m && j + EDGE_MARGIN > hi)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
