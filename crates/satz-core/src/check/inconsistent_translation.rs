//! `inconsistent-translation`: the same source segment (whitespace and case
//! folded) translated differently. Reported on every later unit whose
//! translation differs from the first one's.

use super::consistency::{Side, differing, finding_for};
use super::units::Units;
use super::{Code, Finding, Pair};

/// (unit, first unit of its group) for every inconsistent translation.
pub(super) fn check(units: &(impl Units + ?Sized)) -> Vec<(usize, usize)> {
    differing(units, Side::Source, Side::Target)
}

/// The finding for `pair`, translated otherwise than `first`.
pub(super) fn finding(pair: &Pair<'_>, first: &Pair<'_>) -> Finding {
    finding_for(
        pair,
        first,
        Side::Target,
        Code::InconsistentTranslation,
        |first, shown| {
            format!(
                "the same source is translated differently in unit \"{}\": \"{shown}\"",
                first.id
            )
        },
    )
}
