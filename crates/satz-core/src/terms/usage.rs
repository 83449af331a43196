//! How the glossary's terms are used in memory: for each term, the units
//! whose German side has it ([`TermMatcher::find_source`]: inflected forms,
//! compounds and `forms` included) and, in those units, which of its
//! approved and forbidden renderings the English side has
//! ([`TermMatcher::find_renderings`]: inflected forms included).
//!
//! Counts are of units, not of occurrences: a unit that has the term twice
//! counts once. A rendering found inside a longer rendering of the same
//! term counts as the longer one (`fodder` inside `cannon fodder`). Per term:
//!
//! * `approved[i]` / `forbidden[j]`: units whose English has rendering
//!   `en[i]` / `forbidden[j]` (a unit may count for several);
//! * the three exclusive classes that add up to `units` and that the HTML
//!   bar shows: **forbidden** (a forbidden rendering appears, whatever else
//!   does), **approved** (an approved one and no forbidden one), **other**
//!   (neither: the term was translated some other way, or left out).
//!
//! The example pair is the one that shows the term best: a unit with the
//! preferred translation, else another approved one, else any; among those
//! the shortest German side; then memory order.

use crate::glossary::{Glossary, Rendering, RenderingHit, TermMatcher};

/// A sentence pair from memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// German side.
    pub source: String,
    /// English side.
    pub target: String,
    /// Where it is (`file.tmx:line`), if known.
    pub origin: Option<String>,
    /// Which approved translation it uses, if any.
    pub en_index: Option<usize>,
}

/// How one glossary term is used in memory.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TermUsage {
    /// Units whose German side has the term.
    pub units: usize,
    /// Per approved translation (same order as `en`): units that use it.
    pub approved: Vec<usize>,
    /// Per forbidden translation: units that use it.
    pub forbidden: Vec<usize>,
    /// Units with an approved rendering and no forbidden one.
    pub units_approved: usize,
    /// Units with a forbidden rendering.
    pub units_forbidden: usize,
    /// Units with neither.
    pub units_other: usize,
    /// The best example pair.
    pub example: Option<Example>,
    /// Rank of `example` (lower is better): class, German length, order.
    example_rank: Option<(u8, usize, usize)>,
}

/// Counts term usage over units handed in one by one.
#[derive(Debug)]
pub struct UsageCounter {
    matcher: TermMatcher,
    usage: Vec<TermUsage>,
    seen: usize,
}

impl UsageCounter {
    /// A counter for `glossary`.
    pub fn new(glossary: &Glossary) -> UsageCounter {
        UsageCounter {
            matcher: TermMatcher::new(glossary),
            usage: glossary
                .terms
                .iter()
                .map(|t| TermUsage {
                    approved: vec![0; t.en.len()],
                    forbidden: vec![0; t.forbidden.len()],
                    ..TermUsage::default()
                })
                .collect(),
            seen: 0,
        }
    }

    /// Counts one unit.
    pub fn add(&mut self, source: &str, target: &str, origin: Option<String>) {
        let order = self.seen;
        self.seen += 1;
        let mut terms: Vec<usize> = self
            .matcher
            .find_source(source)
            .iter()
            .map(|h| h.term)
            .collect();
        if terms.is_empty() {
            return;
        }
        terms.sort_unstable();
        terms.dedup();
        let renderings = self.matcher.find_renderings(target);
        for t in terms {
            let Some(u) = self.usage.get_mut(t) else {
                continue;
            };
            let mut approved: Vec<usize> = Vec::new();
            let mut forbidden: Vec<usize> = Vec::new();
            let mine: Vec<&RenderingHit> = renderings.iter().filter(|r| r.term == t).collect();
            // A rendering inside a longer one of the same term is that one
            // (`fodder` in `cannon fodder`).
            let outer = mine.iter().copied().filter(|r| {
                !mine.iter().any(|o| {
                    o.start <= r.start && r.end <= o.end && (o.start, o.end) != (r.start, r.end)
                })
            });
            for r in outer {
                let list = match r.rendering {
                    Rendering::Approved => &mut approved,
                    Rendering::Forbidden => &mut forbidden,
                };
                if !list.contains(&r.index) {
                    list.push(r.index);
                }
            }
            u.units += 1;
            for &i in &approved {
                if let Some(c) = u.approved.get_mut(i) {
                    *c += 1;
                }
            }
            for &i in &forbidden {
                if let Some(c) = u.forbidden.get_mut(i) {
                    *c += 1;
                }
            }
            if !forbidden.is_empty() {
                u.units_forbidden += 1;
            } else if !approved.is_empty() {
                u.units_approved += 1;
            } else {
                u.units_other += 1;
            }
            // Example classes: the preferred translation, another approved
            // one, none, a forbidden one.
            let class: u8 = if !forbidden.is_empty() {
                3
            } else if approved.contains(&0) {
                0
            } else if !approved.is_empty() {
                1
            } else {
                2
            };
            let rank = (class, source.chars().count(), order);
            if u.example_rank.is_none_or(|r| rank < r) {
                u.example_rank = Some(rank);
                approved.sort_unstable();
                u.example = Some(Example {
                    source: source.to_owned(),
                    target: target.to_owned(),
                    origin: origin.clone(),
                    en_index: approved.first().copied(),
                });
            }
        }
    }

    /// The usage of every term, in glossary order.
    pub fn finish(self) -> Vec<TermUsage> {
        self.usage
    }

    /// Units counted so far.
    pub fn units_seen(&self) -> usize {
        self.seen
    }
}
