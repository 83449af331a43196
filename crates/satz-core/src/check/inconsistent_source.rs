//! `inconsistent-source`: the same target segment (whitespace and case
//! folded) translates different source segments. Reported on every later
//! unit whose source differs from the first one's.

use super::consistency::{Side, differing, finding_for};
use super::units::Units;
use super::{Code, Finding, Pair};

/// (unit, first unit of its group) for every inconsistent source.
pub(super) fn check(units: &(impl Units + ?Sized)) -> Vec<(usize, usize)> {
    differing(units, Side::Target, Side::Source)
}

/// The finding for `pair`, whose source differs from `first`'s.
pub(super) fn finding(pair: &Pair<'_>, first: &Pair<'_>) -> Finding {
    finding_for(
        pair,
        first,
        Side::Source,
        Code::InconsistentSource,
        |first, shown| {
            format!(
                "the same translation is used for a different source in unit \"{}\": \"{shown}\"",
                first.id
            )
        },
    )
}
