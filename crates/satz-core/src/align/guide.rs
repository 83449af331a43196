//! Guide paths and bands for long documents.
//!
//! Before the first DP pass a cheap guide is built from rare anchors: token
//! types (numbers, names, dictionary terms) that occur equally often (at most
//! `MAX_REPEAT` times) on both sides are paired occurrence by occurrence, and
//! the heaviest monotone chain of such sentence pairs is kept (the anchor idea
//! of hunalign, Varga et al. 2005, and of Bleualign's gap filling). The band is
//! a corridor of a given radius around the chain, or, for the realignment pass,
//! around the first pass's path. The caller widens the radius when the best
//! path touches the corridor's edge.

use std::collections::HashMap;

use super::band::Band;
use super::dp::Step;
use super::lexicon::{Relation, Side};

/// Largest number of occurrences for a type to serve as an ordered anchor.
const MAX_REPEAT: usize = 20;

/// Sentence pairs `(i, j)` of the heaviest monotone chain of rare anchors.
pub(crate) fn anchor_chain(src: &Side, tgt: &Side, rel: &Relation) -> Vec<(usize, usize)> {
    let src_occ = occurrences(src);
    let tgt_occ = occurrences(tgt);
    let mut weight: HashMap<(usize, usize), f64> = HashMap::new();
    for (u, partners) in rel.src.iter().enumerate() {
        let so = src_occ.get(u).map_or(&[][..], Vec::as_slice);
        if so.is_empty() || so.len() > MAX_REPEAT || partners.is_empty() {
            continue;
        }
        let mut to: Vec<usize> = Vec::new();
        for &t in partners {
            to.extend_from_slice(tgt_occ.get(t as usize).map_or(&[][..], Vec::as_slice));
            if to.len() > MAX_REPEAT {
                break;
            }
        }
        to.sort_unstable();
        to.dedup();
        if to.len() != so.len() {
            continue;
        }
        for (&i, &j) in so.iter().zip(to.iter()) {
            *weight.entry((i, j)).or_default() += 1.0;
        }
    }
    let mut cands: Vec<((usize, usize), f64)> = weight.into_iter().collect();
    cands.sort_by_key(|c| c.0);
    heaviest_chain(&cands, tgt.len())
}

/// The sentences every token type of `side` occurs in, in order (a type
/// occurs at most once per sentence: `Side::sents` holds unique ids).
fn occurrences(side: &Side) -> Vec<Vec<usize>> {
    let mut occ: Vec<Vec<usize>> = vec![Vec::new(); side.vocab.len()];
    for (i, s) in side.sents.iter().enumerate() {
        for &u in s {
            // Every id of `sents` was interned in `vocab`: in range.
            if let Some(v) = occ.get_mut(u as usize) {
                v.push(i);
            }
        }
    }
    occ
}

/// Heaviest chain strictly increasing in both coordinates (weighted LIS with a
/// Fenwick tree of prefix maxima over the target index).
fn heaviest_chain(cands: &[((usize, usize), f64)], m: usize) -> Vec<(usize, usize)> {
    let size = m + 1;
    let mut tree: Vec<(f64, usize)> = vec![(0.0, usize::MAX); size + 1];
    let mut best: Vec<(f64, usize)> = Vec::with_capacity(cands.len());
    let query = |tree: &[(f64, usize)], mut pos: usize| -> (f64, usize) {
        let mut r = (0.0, usize::MAX);
        while pos > 0 {
            if let Some(&v) = tree.get(pos)
                && v.0 > r.0
            {
                r = v;
            }
            pos &= pos - 1;
        }
        r
    };
    let mut g = 0;
    while g < cands.len() {
        let gi = cands.get(g).map_or(0, |c| c.0.0);
        let mut h = g;
        while cands.get(h).is_some_and(|c| c.0.0 == gi) {
            h += 1;
        }
        for idx in g..h {
            let Some(&((_, j), w)) = cands.get(idx) else {
                continue;
            };
            // strictly smaller target index: prefix up to j (1-based j+1 exclusive)
            let (pw, pi) = query(&tree, j);
            best.push((pw + w, pi));
        }
        for idx in g..h {
            let Some(&((_, j), _)) = cands.get(idx) else {
                continue;
            };
            let Some(&(score, _)) = best.get(idx) else {
                continue;
            };
            let mut pos = j + 1;
            while pos <= size {
                if let Some(v) = tree.get_mut(pos)
                    && score > v.0
                {
                    *v = (score, idx);
                }
                pos += pos & pos.wrapping_neg();
            }
        }
        g = h;
    }
    let mut end = usize::MAX;
    let mut top = 0.0;
    for (idx, &(s, _)) in best.iter().enumerate() {
        if s > top {
            top = s;
            end = idx;
        }
    }
    let mut chain = Vec::new();
    let mut guard = 0usize;
    while end != usize::MAX && guard <= cands.len() {
        let Some(&((i, j), _)) = cands.get(end) else {
            break;
        };
        chain.push((i, j));
        end = best.get(end).map_or(usize::MAX, |b| b.1);
        guard += 1;
    }
    chain.reverse();
    chain
}

/// Corner points of a monotone polyline from `(0, 0)` to `(n, m)` through the
/// cells before and after each anchor pair.
pub(crate) fn points_from_chain(
    chain: &[(usize, usize)],
    n: usize,
    m: usize,
) -> Vec<(usize, usize)> {
    let mut pts = vec![(0, 0)];
    for &(i, j) in chain {
        if i < n && j < m {
            pts.push((i, j));
            pts.push((i + 1, j + 1));
        }
    }
    pts.push((n, m));
    pts
}

/// Corner points of a DP path.
pub(crate) fn points_from_path(path: &[Step], n: usize, m: usize) -> Vec<(usize, usize)> {
    let mut pts = Vec::with_capacity(path.len() + 2);
    pts.push((0, 0));
    pts.extend(path.iter().map(Step::end));
    pts.push((n, m));
    pts
}

/// The band of all cells within `radius` columns of the polyline `pts`.
pub(crate) fn band_around(pts: &[(usize, usize)], n: usize, m: usize, radius: usize) -> Band {
    let mut lo = vec![usize::MAX; n + 1];
    let mut hi = vec![0usize; n + 1];
    let mut mark = |i: usize, j: usize| {
        if let (Some(l), Some(h)) = (lo.get_mut(i), hi.get_mut(i)) {
            *l = (*l).min(j);
            *h = (*h).max(j);
        }
    };
    for w in pts.windows(2) {
        let (Some(&(i0, j0)), Some(&(i1, j1))) = (w.first(), w.get(1)) else {
            continue;
        };
        let (i1, j1) = (i1.max(i0).min(n), j1.max(j0).min(m));
        if i1 == i0 {
            mark(i0, j0);
            mark(i0, j1);
            continue;
        }
        let di = (i1 - i0) as f64;
        let dj = (j1 - j0) as f64;
        let at = |i: usize| j0 as f64 + dj * ((i.clamp(i0, i1) - i0) as f64) / di;
        for i in i0..=i1 {
            let a = at(i.saturating_sub(1)).floor() as usize;
            let b = at(i + 1).ceil() as usize;
            mark(i, a.min(m));
            mark(i, b.min(m));
        }
    }
    let lo: Vec<usize> = lo
        .iter()
        .map(|&l| {
            if l == usize::MAX {
                0
            } else {
                l.saturating_sub(radius)
            }
        })
        .collect();
    let hi: Vec<usize> = hi
        .iter()
        .map(|&h| h.saturating_add(radius).min(m))
        .collect();
    Band::from_ranges(n, m, lo, hi)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_skips_crossing_outliers() {
        let c = vec![((1, 1), 1.0), ((2, 9), 1.0), ((3, 3), 1.0), ((5, 5), 2.0)];
        assert_eq!(heaviest_chain(&c, 10), vec![(1, 1), (3, 3), (5, 5)]);
    }

    #[test]
    fn band_contains_polyline() {
        let pts = vec![(0, 0), (10, 3), (20, 40)];
        let b = band_around(&pts, 20, 40, 2);
        assert!(b.idx(10, 3).is_some());
        assert!(b.idx(20, 40).is_some());
        assert!(b.idx(0, 0).is_some());
        assert!(b.idx(0, 30).is_none());
    }
}
