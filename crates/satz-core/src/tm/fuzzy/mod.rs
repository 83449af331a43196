//! Fuzzy matching: the CAT-style match percentage ([`score`]), the word
//! diff shown with a match ([`diff`]), number placeables carried into the
//! suggested translation ([`adapt`]), the exhaustive search that the
//! index must agree with ([`exhaustive`]) and the bit-parallel edit
//! distance the index verifies its candidates with ([`myers`]).

pub mod adapt;
pub mod diff;
pub mod exhaustive;
pub mod myers;
pub mod score;

pub use score::{Penalty, Prepared, Score};

/// One match of a query in the memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The unit's position in the memory (files by name, units in file order).
    pub unit: usize,
    /// The percentage: 0 to 100, 101 for a context match.
    pub score: u32,
    /// What was deducted, by name.
    pub penalties: Vec<Penalty>,
}

/// Orders matches best first: higher score, then earlier unit. This is the
/// documented tie-break: among equal scores the unit that comes first in the
/// memory (files sorted by name, units in file order) wins.
pub fn rank(matches: &mut [Match]) {
    matches.sort_by(|a, b| b.score.cmp(&a.score).then(a.unit.cmp(&b.unit)));
}
