//! The exhaustive search: score every unit. Slow and obviously right; the
//! index's search must return exactly what this returns (a property test
//! in `tm::index` holds them to it).

use super::score::{Prepared, distance, score};
use super::{Match, rank};

/// The best `top` matches scoring at least `min` (0 to 101) among
/// `sources`, best first (see [`rank`]). `context(u)` says whether unit
/// `u`'s recorded neighbours match the query's, which lifts a 100% match
/// to 101%.
pub fn search(
    sources: &[Prepared],
    query: &Prepared,
    min: u32,
    top: usize,
    context: &dyn Fn(usize) -> bool,
) -> Vec<Match> {
    let q_keys = query.keys();
    let mut found: Vec<Match> = sources
        .iter()
        .enumerate()
        .filter_map(|(unit, source)| {
            let s_keys = source.keys();
            let d = distance(&q_keys, &s_keys, usize::MAX / 4)?;
            let s = score(query, source, d);
            // The threshold applies to the lifted score, so `min` 101 asks
            // for context matches only.
            let lifted = lift(s.percent, unit, context);
            (lifted >= min).then_some(Match {
                unit,
                score: lifted,
                penalties: s.penalties,
            })
        })
        .collect();
    rank(&mut found);
    found.truncate(top);
    found
}

/// 101 for a 100% match whose context matches.
pub fn lift(percent: u32, unit: usize, context: &dyn Fn(usize) -> bool) -> u32 {
    if percent == 100 && context(unit) {
        101
    } else {
        percent
    }
}
