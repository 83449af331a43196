//! The units a check reads, by position: a slice of [`Pair`]s, or
//! [`Segments`], which keeps a large memory's ids and texts in one arena and
//! makes each pair only when it is checked. A memory of a million units is
//! checked in a few hundred megabytes this way ([`Checker::check_each`]
//! streams the findings), where a `Pair` (and the finding's copies) per
//! unit held at once took gigabytes.
//!
//! [`Checker::check_each`]: super::Checker::check_each

use super::Pair;

/// Units to check, read by position.
pub trait Units: Sync {
    /// How many units.
    fn count(&self) -> usize;
    /// The source and target of unit `i` (empty past the end).
    fn texts(&self, i: usize) -> (&str, &str);
    /// Unit `i` as a pair, its id included (empty past the end).
    fn pair(&self, i: usize) -> Pair<'_>;
}

impl Units for [Pair<'_>] {
    fn count(&self) -> usize {
        self.len()
    }

    fn texts(&self, i: usize) -> (&str, &str) {
        self.get(i).map_or(("", ""), |p| (p.source, p.target))
    }

    fn pair(&self, i: usize) -> Pair<'_> {
        self.get(i).map_or_else(
            || Pair::new("", "", ""),
            |p| Pair::new(p.id.clone(), p.source, p.target),
        )
    }
}

/// Ids, sources and targets of many units in one arena: three strings per
/// unit, one after the other, with the end of each.
#[derive(Debug, Default)]
pub struct Segments {
    text: String,
    ends: Vec<usize>,
}

impl Segments {
    /// Adds a unit.
    pub fn push(&mut self, id: &str, source: &str, target: &str) {
        for s in [id, source, target] {
            self.text.push_str(s);
            self.ends.push(self.text.len());
        }
    }

    /// String `k` (id, source and target of each unit in turn).
    fn string(&self, k: usize) -> &str {
        let start = match k.checked_sub(1) {
            Some(p) => self.ends.get(p).copied().unwrap_or(0),
            None => 0,
        };
        let end = self.ends.get(k).copied().unwrap_or(start);
        self.text.get(start..end).unwrap_or_default()
    }

    /// Unit `i`'s id.
    pub fn id(&self, i: usize) -> &str {
        self.string(3 * i)
    }
}

impl Units for Segments {
    fn count(&self) -> usize {
        self.ends.len() / 3
    }

    fn texts(&self, i: usize) -> (&str, &str) {
        (self.string(3 * i + 1), self.string(3 * i + 2))
    }

    fn pair(&self, i: usize) -> Pair<'_> {
        let (source, target) = self.texts(i);
        Pair::new(self.id(i), source, target)
    }
}
