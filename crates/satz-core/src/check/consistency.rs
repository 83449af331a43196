//! What the two consistency checks share: grouping units by one side and
//! reporting the later units whose other side differs from the first.
//!
//! The groups are kept as a hash table of unit positions, not of folded
//! strings: a memory of a million units would otherwise hold a folded copy
//! of every segment. A position found under a key's hash is confirmed by
//! folding that unit's text again, so a hash collision never merges two
//! groups: the result is exactly that of a map from folded text.

use hashbrown::HashTable;

use super::units::Units;
use super::{Code, Finding, Pair, Severity, clip, finding};
use crate::text::words::has_letter;
use crate::text::{fold_case, fold_whitespace};

/// The comparison form of a segment: whitespace and case folded.
pub(super) fn fold(text: &str) -> String {
    fold_case(&fold_whitespace(text))
}

/// Which side of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    /// The source.
    Source,
    /// The target.
    Target,
}

impl Side {
    fn of(self, units: &(impl Units + ?Sized), i: usize) -> &str {
        let (source, target) = units.texts(i);
        match self {
            Side::Source => source,
            Side::Target => target,
        }
    }

    fn of_pair<'p>(self, pair: &'p Pair<'_>) -> &'p str {
        match self {
            Side::Source => pair.source,
            Side::Target => pair.target,
        }
    }
}

/// Groups the units by `key` side; every later unit whose `other` side
/// (folded) differs from the first unit of its group is returned as (its
/// position, the first's position), in order. Segments with no letters on
/// either side and empty sides are skipped.
pub(super) fn differing(
    units: &(impl Units + ?Sized),
    key: Side,
    other: Side,
) -> Vec<(usize, usize)> {
    let mut first: HashTable<(u64, usize)> = HashTable::new();
    let mut out = Vec::new();
    for i in 0..units.count() {
        let (k, o) = (key.of(units, i), other.of(units, i));
        if !has_letter(k) || !has_letter(o) {
            continue;
        }
        let kf = fold(k);
        let hash = xxhash_rust::xxh3::xxh3_64(kf.as_bytes());
        let found = first
            .find(hash, |&(h, j)| h == hash && fold(key.of(units, j)) == kf)
            .map(|&(_, j)| j);
        match found {
            None => {
                first.insert_unique(hash, (hash, i), |&(h, _)| h);
            }
            Some(j) if fold(other.of(units, j)) != fold(o) => out.push((i, j)),
            Some(_) => {}
        }
    }
    out
}

/// The finding for unit `pair` whose `other` side differs from that of
/// `first`, the first unit of its group.
pub(super) fn finding_for(
    pair: &Pair<'_>,
    first: &Pair<'_>,
    other: Side,
    code: Code,
    describe: fn(&Pair<'_>, &str) -> String,
) -> Finding {
    let message = describe(first, &clip(other.of_pair(first), 80));
    finding(
        pair,
        code,
        Severity::Warning,
        message,
        Vec::new(),
        Vec::new(),
    )
    .because(
        "the same text on one side, different text on the other; different contexts may need both",
    )
    .involving(first.id.clone())
}
