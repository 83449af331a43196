//! Exact candidate filtering: only units that can reach the threshold are
//! scored, and every unit that can is.
//!
//! With `n` query keys and threshold `t`, a unit with `s` keys at key
//! distance `d` has base score `floor(100 (L - d) / L)`, `L = max(n, s)`, and
//! the final score never exceeds the base. So a unit scoring `t` or more has
//!
//! * `d <= k(L) = floor(L (100 - t) / 100)` (length filter: `|n - s| <= k`);
//! * at least `L - k(L) = ceil(L t / 100) >= ceil(n t / 100) = m` keys in
//!   common with the query, counted as multisets (count filter), since every
//!   edit removes at most one common key;
//! * hence at least one of the query's `n - m + 1` rarest key occurrences
//!   (prefix filter): a unit sharing none of them shares at most `m - 1`.
//!
//! Candidates come from the posting lists of those rarest keys; the two
//! filters prune them; a banded edit distance bounded by `k(L)` decides; the
//! full score (with penalties) is computed last. No step can drop a unit
//! that scores `t` or more, so the result equals the exhaustive search.

use super::format::{Field, View};
use crate::tm::fuzzy::exhaustive::lift;
use crate::tm::fuzzy::score::{base_score, distance, max_distance, score};
use crate::tm::fuzzy::{Match, Prepared, rank};

/// The id of every query key the memory lacks: u32::MAX is never a
/// vocabulary id (the vocabulary's ids are below its size, a u32, and
/// `build` never hands out u32::MAX).
pub const UNKNOWN: u32 = u32::MAX;

/// The query's keys as vocabulary ids; the keys the memory lacks all get
/// [`UNKNOWN`]. They may share it: query ids are only ever compared with a
/// unit's ids (edit distance, common keys), never with each other, and no
/// unit id equals it, so an unknown key can never be shared, as in the
/// exhaustive scan.
pub fn query_ids(view: &View<'_>, query: &Prepared) -> Vec<u32> {
    query
        .keys()
        .into_iter()
        .map(|k| view.find_key(&k).unwrap_or(UNKNOWN))
        .collect()
}

/// The best `top` matches scoring at least `min`, best first; identical to
/// [`crate::tm::fuzzy::exhaustive::search`] over the same units.
pub fn search(
    view: &View<'_>,
    query: &Prepared,
    min: u32,
    top: usize,
    context: &dyn Fn(usize) -> bool,
) -> Vec<Match> {
    let q = query_ids(view, query);
    let n = q.len();
    let mut q_sorted = q.clone();
    q_sorted.sort_unstable();
    let need = (n as u64 * u64::from(min.min(100))).div_ceil(100) as usize;

    let candidates: Vec<usize> = if need == 0 {
        // Every unit can reach the threshold on length alone.
        (0..view.units).collect()
    } else {
        let mut occ: Vec<(usize, u32)> = q
            .iter()
            .map(|&id| {
                (
                    if (id as usize) < view.vocab {
                        view.doc_freq(id)
                    } else {
                        0
                    },
                    id,
                )
            })
            .collect();
        occ.sort_unstable();
        let mut prefix: Vec<u32> = occ
            .iter()
            .take(n - need + 1)
            .map(|&(_, id)| id)
            .filter(|&id| (id as usize) < view.vocab)
            .collect();
        prefix.sort_unstable();
        prefix.dedup();
        let mut c: Vec<usize> = prefix
            .iter()
            .flat_map(|&id| view.postings(id))
            .map(|u| u as usize)
            .collect();
        c.sort_unstable();
        c.dedup();
        c
    };

    let mut found = Vec::new();
    for u in candidates {
        let s_len = view.token_count(u);
        let k = max_distance(n, s_len, min);
        if n.abs_diff(s_len) > k {
            continue;
        }
        if common(&q_sorted, &view.sorted_tokens(u)) < n.max(s_len).saturating_sub(k) {
            continue;
        }
        let Some(d) = distance(&q, &view.tokens(u), k) else {
            continue;
        };
        // A 101% (context) match is a 100% match first: the filters above
        // use the threshold capped at 100.
        debug_assert!(base_score(n, s_len, d) >= min.min(100));
        let s = score(query, &Prepared::new(view.text(u, Field::Source)), d);
        let lifted = lift(s.percent, u, context);
        if lifted >= min {
            found.push(Match {
                unit: u,
                score: lifted,
                penalties: s.penalties,
            });
        }
    }
    rank(&mut found);
    found.truncate(top);
    found
}

/// Size of the multiset intersection of two sorted lists.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut c) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                c += 1;
                i += 1;
                j += 1;
            }
        }
    }
    c
}
