//! `inconsistent-source`: the same target segment (whitespace and case
//! folded) translates different source segments. Reported on every later
//! unit whose source differs from the first one's.

use super::consistency::differing;
use super::{Code, Finding, Pair};

/// (pair index, finding) for every inconsistent source.
pub(super) fn check(pairs: &[Pair<'_>]) -> Vec<(usize, Finding)> {
    differing(
        pairs,
        |p| p.target,
        |p| p.source,
        Code::InconsistentSource,
        |first, shown| {
            format!(
                "the same translation is used for a different source in unit \"{}\": \"{shown}\"",
                first.id
            )
        },
    )
}
