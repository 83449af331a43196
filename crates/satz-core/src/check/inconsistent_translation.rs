//! `inconsistent-translation`: the same source segment (whitespace and case
//! folded) translated differently. Reported on every later unit whose
//! translation differs from the first one's.

use super::consistency::differing;
use super::{Code, Finding, Pair};

/// (pair index, finding) for every inconsistent translation.
pub(super) fn check(pairs: &[Pair<'_>]) -> Vec<(usize, Finding)> {
    differing(
        pairs,
        |p| p.source,
        |p| p.target,
        Code::InconsistentTranslation,
        |first, shown| {
            format!(
                "the same source is translated differently in unit \"{}\": \"{shown}\"",
                first.id
            )
        },
    )
}
