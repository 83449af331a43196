//! Exact candidate filtering: only units that can reach the threshold are
//! scored, and every unit that can is.
//!
//! With `n` query keys and threshold `t`, a unit with `s` keys at key
//! distance `d` has base score `floor(100 (L - d) / L)`, `L = max(n, s)`, and
//! the final score never exceeds the base (a 101% context match is a 100%
//! match first). Every edit leaves at most one common key out of an
//! alignment, so `L - d <= c`, the number of keys the two share counted as
//! multisets, and the score is at most `floor(100 c / L)`.
//!
//! * **Counting.** The query's distinct keys are taken rarest first; the
//!   posting lists of the rare ones are scanned, and every unit met counts
//!   the query occurrences of the keys it holds (`A`, at least its share of
//!   them). The keys left unscanned (the few very frequent words such as
//!   `die`, `der`, `und`) occur `B` times in the query, so `c <= A + B`, and
//!   `floor(100 min(A + B, n, s) / L)` bounds the unit's score.
//!   Past the prefix (below), the keys counted only add to units the
//!   prefix met: no other unit can be a candidate.
//! * **Prefix.** Keys are scanned until `B` is below `ceil(n t / 100)`: a
//!   unit whose postings were never met (`A = 0`) then shares at most `B`
//!   keys, too few for `t`, since `L - k(L) = ceil(L t / 100) >= ceil(n t /
//!   100)` with `k(L) = floor(L (100 - t) / 100)` the largest distance
//!   allowed. So the units met are the only candidates.
//! * **Best first, then stop.** Candidates are verified in order of falling
//!   bound. Once `top` matches are found, the `top`-th best score becomes
//!   the threshold: a unit bounded below it cannot enter the result, so the
//!   look-up stops at the first such candidate, and every distance is
//!   bounded by the current threshold's `k(L)`.
//! * **Verification.** A bit-parallel edit distance over the key ids
//!   ([`crate::tm::fuzzy::myers`]; the banded table for queries of more
//!   than 64 keys) decides; the full score (with penalties) is computed
//!   last.
//!
//! No step can drop a unit that belongs in the result, so the result equals
//! the exhaustive search (the property test in `tests.rs` holds them to it).

use std::cell::RefCell;

use super::format::{Field, View};
use crate::tm::fuzzy::exhaustive::lift;
use crate::tm::fuzzy::myers::Pattern;
use crate::tm::fuzzy::score::{base_score, distance, max_distance, score};
use crate::tm::fuzzy::{Match, Prepared, rank};

/// The id of every query key the memory lacks: u32::MAX is never a
/// vocabulary id (the vocabulary's ids are below its size, a u32, and
/// `build` never hands out u32::MAX).
pub const UNKNOWN: u32 = u32::MAX;

/// Once the prefix is covered, a key held by more than one unit in
/// `FREQUENT` is left unscanned: its long posting list costs more to count
/// than the looser bound costs to verify.
const FREQUENT: usize = 16;

/// The query's keys as vocabulary ids; the keys the memory lacks all get
/// [`UNKNOWN`]. They may share it: query ids are only ever compared with a
/// unit's ids (edit distance, common keys), never with each other, and no
/// unit id equals it, so an unknown key can never be shared, as in the
/// exhaustive scan.
pub fn query_ids(view: &View<'_>, query: &Prepared) -> Vec<u32> {
    let mut ids = Vec::with_capacity(query.tokens.len());
    query.each_key(&mut String::new(), |k| {
        ids.push(view.find_key(k).unwrap_or(UNKNOWN));
    });
    ids
}

/// The thresholds tried before the one asked for, highest first (see
/// [`search`]).
const STAGES: [u32; 1] = [90];

/// The best `top` matches scoring at least `min`, best first; identical to
/// [`crate::tm::fuzzy::exhaustive::search`] over the same units.
///
/// The look-up is staged: it first asks for matches of at least 90, whose
/// candidates are few (the prefix of rare keys to count is short, and
/// their bounds are not tightened: verifying the few costs less), and only
/// when fewer than `top` are found asks again at `min`. That is exact: a
/// look-up at 90 finds every unit scoring 90 or more, so when it finds
/// `top` of them, no unit it missed (all scoring below 90) can rank among
/// the best `top`.
pub fn search(
    view: &View<'_>,
    query: &Prepared,
    min: u32,
    top: usize,
    context: &dyn Fn(usize) -> bool,
) -> Vec<Match> {
    if top == 0 {
        return Vec::new();
    }
    let q = query_ids(view, query);
    let pattern = Pattern::new(&q, UNKNOWN);
    for stage in STAGES {
        if stage > min {
            let ids = (q.as_slice(), pattern.as_ref());
            let found = search_at(view, query, ids, (stage, false), top, context);
            if found.len() >= top {
                return found;
            }
        }
    }
    search_at(
        view,
        query,
        (&q, pattern.as_ref()),
        (min, true),
        top,
        context,
    )
}

/// [`search`] at one threshold `min`, for the query's key ids and their
/// pattern; `tighten` counts the keys after the prefix too ([`plan`]).
fn search_at(
    view: &View<'_>,
    query: &Prepared,
    (q, pattern): (&[u32], Option<&Pattern>),
    (min, tighten): (u32, bool),
    top: usize,
    context: &dyn Fn(usize) -> bool,
) -> Vec<Match> {
    let n = q.len();
    let need = (n as u64 * u64::from(min.min(100))).div_ceil(100) as usize;
    let mut best = Best::new(top, min);
    for (bound, u) in candidates(view, q, (need, tighten), min) {
        let t = best.threshold;
        if bound < t {
            break;
        }
        let u = u as usize;
        let s = view.token_count(u);
        let k = max_distance(n, s, t.min(100));
        let d = match pattern {
            Some(p) => p.distance(view.token_ids(u), s, k),
            None => distance(q, &view.tokens(u), k),
        };
        let Some(d) = d else {
            continue;
        };
        // A 101% (context) match is a 100% match first: the bounds use the
        // threshold capped at 100.
        debug_assert!(base_score(n, s, d) >= t.min(100));
        let sc = score(query, &Prepared::new(view.text(u, Field::Source)), d);
        best.offer(Match {
            unit: u,
            score: lift(sc.percent, u, context),
            penalties: sc.penalties,
        });
    }
    best.finish()
}

/// The best matches so far, and the score a new one needs.
struct Best {
    found: Vec<Match>,
    top: usize,
    min: u32,
    /// `min`, or the `top`-th best score once `top` are found.
    threshold: u32,
}

impl Best {
    fn new(top: usize, min: u32) -> Best {
        Best {
            found: Vec::new(),
            top,
            min,
            threshold: min,
        }
    }

    fn offer(&mut self, m: Match) {
        if m.score < self.threshold {
            return;
        }
        self.found.push(m);
        let len = self.found.len();
        // Ranked when the first `top` are in, then whenever twice as many
        // have gathered: the threshold rises without sorting per match.
        if len == self.top || len >= self.top.saturating_mul(2) {
            rank(&mut self.found);
            self.found.truncate(self.top);
            if let Some(last) = self.found.last() {
                self.threshold = self.min.max(last.score);
            }
        }
    }

    fn finish(mut self) -> Vec<Match> {
        rank(&mut self.found);
        self.found.truncate(self.top);
        self.found
    }
}

/// The highest (lifted) score a unit of `s` keys sharing at most `shared`
/// keys with a query of `n` keys can reach: `floor(100 c / L)` with `c =
/// min(shared, n, s)`, and 101 where that is 100 (a context match).
fn bound(n: usize, s: usize, shared: usize) -> u32 {
    let l = n.max(s);
    let c = shared.min(n).min(s);
    // c ≤ l, so the quotient is at most 100 and the cast is lossless.
    let base = if l == 0 {
        100
    } else {
        (c as u64 * 100 / l as u64) as u32
    };
    if base >= 100 { 101 } else { base }
}

/// The query's distinct keys whose postings are counted, each with its
/// number of occurrences, and the occurrences of the keys left out.
struct Plan {
    scanned: Vec<(u32, u32)>,
    /// How many of `scanned`, from the start, are the prefix: the keys
    /// counted until fewer than `need` occurrences were left. Only a unit
    /// one of them holds can be a candidate; the keys after them only
    /// tighten the bounds of such units.
    prefix: usize,
    rest: usize,
}

/// Chooses the keys to count: rarest first, all of them until fewer than
/// `need` occurrences are left (the prefix), then, to `tighten` the bounds,
/// those held by at most one unit in [`FREQUENT`]. Keys the memory lacks are
/// free: no unit holds them.
fn plan(view: &View<'_>, q: &[u32], need: usize, tighten: bool) -> Plan {
    let mut sorted = q.to_vec();
    sorted.sort_unstable();
    let mut keys: Vec<(usize, u32, u32)> = Vec::new();
    for id in sorted {
        match keys.last_mut() {
            Some((_, last, count)) if *last == id => *count += 1,
            _ => {
                let df = if (id as usize) < view.vocab {
                    view.doc_freq(id)
                } else {
                    0
                };
                keys.push((df, id, 1));
            }
        }
    }
    keys.sort_unstable();
    let cutoff = if tighten { view.units / FREQUENT } else { 0 };
    let mut plan = Plan {
        scanned: Vec::new(),
        prefix: 0,
        rest: q.len(),
    };
    for (df, id, count) in keys {
        let in_prefix = plan.rest >= need;
        if !in_prefix && (!tighten || df > cutoff) {
            break;
        }
        plan.rest = plan.rest.saturating_sub(count as usize);
        if (id as usize) < view.vocab {
            plan.scanned.push((id, count));
            if in_prefix {
                plan.prefix = plan.scanned.len();
            }
        }
    }
    plan
}

thread_local! {
    /// Per-thread counters, one per unit, all zero between look-ups; 16
    /// bits keep 30,000 units in a 64 KiB cache.
    static COUNTS: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

/// Every unit that can score `min` or more for the query `q`, with its
/// bound ([`bound`]), in the order to verify them: highest bound first,
/// then by unit.
fn candidates(
    view: &View<'_>,
    q: &[u32],
    (need, tighten): (usize, bool),
    min: u32,
) -> Vec<(u32, u32)> {
    let n = q.len();
    let mut out: Vec<(u32, u32)> = Vec::new();
    let t = u64::from(min.min(100));
    let mut keep = |u: u32, shared: usize| {
        let s = view.token_count(u as usize);
        let (l, c) = (n.max(s) as u64, shared.min(n).min(s) as u64);
        // floor(100 c / l) >= t without the division, for most units.
        if 100 * c >= t * l {
            let b = bound(n, s, shared);
            if b >= min {
                out.push((b, u));
            }
        }
    };
    // Counts of up to u16::MAX occurrences cannot overflow; a longer query
    // (no sentence) takes every unit as a candidate.
    if need == 0 || n > usize::from(u16::MAX) {
        // Every unit can reach the threshold on length alone.
        (0..view.units)
            .filter_map(|u| u32::try_from(u).ok())
            .for_each(|u| keep(u, n));
    } else {
        let plan = plan(view, q, need, tighten);
        COUNTS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut counts) => count(view, &plan, &mut counts, &mut keep),
            Err(_) => count(view, &plan, &mut Vec::new(), &mut keep),
        });
    }
    out.sort_unstable_by_key(|&(b, u)| (std::cmp::Reverse(b), u));
    out
}

/// Counts the scanned keys' occurrences per unit met in the prefix's
/// postings ([`Plan::prefix`]) and hands each such unit with `A + B`
/// ([`Plan`]) to `keep`, leaving `counts` all zero again. The keys after
/// the prefix only add to units already met: a unit none of the prefix's
/// keys holds shares at most the occurrences left after the prefix, fewer
/// than the threshold needs, so it could never be kept. The query has at
/// most `u16::MAX` keys, so no count overflows.
fn count(view: &View<'_>, plan: &Plan, counts: &mut Vec<u16>, keep: &mut dyn FnMut(u32, usize)) {
    if counts.len() < view.units {
        counts.resize(view.units, 0);
    }
    let Some(counts) = counts.get_mut(..view.units) else {
        return;
    };
    let (prefix, tighten) = plan.scanned.split_at(plan.prefix.min(plan.scanned.len()));
    // Room for every posting of the prefix: a unit met is written at
    // `met_len` and kept by moving past it, without a branch. The lists as
    // read (bounded by the postings section), not their offsets' spans: a
    // file changed after its checks cannot ask for more than it holds.
    let room: usize = prefix
        .iter()
        .map(|&(id, _)| view.posting_list(id).len())
        .sum();
    let mut met: Vec<u32> = vec![0; room];
    let mut met_len = 0;
    for &(id, c) in prefix {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        for &u in view.posting_list(id) {
            let u = u.get();
            match (counts.get_mut(u as usize), met.get_mut(met_len)) {
                (Some(x), Some(slot)) => {
                    *slot = u;
                    met_len += usize::from(*x == 0);
                    *x = x.wrapping_add(c);
                }
                // A posting naming no unit: the file changed after its
                // checks (`room` counts every posting, so a slot is free).
                _ => view.mark_damaged(),
            }
        }
    }
    for &(id, c) in tighten {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        for &u in view.posting_list(id) {
            match counts.get_mut(u.get() as usize) {
                // Branch-free: a unit not met (zero) stays zero.
                Some(x) => *x = x.wrapping_add(c * u16::from(*x != 0)),
                None => view.mark_damaged(),
            }
        }
    }
    for &u in met.get(..met_len).unwrap_or_default() {
        let a = counts.get_mut(u as usize).map_or(0, std::mem::take);
        keep(u, usize::from(a) + plan.rest);
    }
}
