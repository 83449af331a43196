//! Checking an aligned document pair: the links of `satz align` as units.
//!
//! Every link becomes a unit named by its number. Links with both sides go
//! through the per-pair and consistency checks as memory units do; every
//! link also goes through `omission` (see `omission.rs`), which alone
//! reports the links with one side empty (so a German sentence left out is
//! an `omission`, not an `untranslated` "target is empty", and an English
//! sentence added is an `addition` instead of nothing). Inside a merged link
//! the other checks still see the whole link, so an omitted sentence's
//! numbers and terms are reported as well.

use std::collections::HashMap;

use super::{CheckOptions, Checker, Finding, Pair, omission};

/// One link of an aligned document, as the checks see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedLink<'a> {
    /// The unit id findings are reported under (the link number).
    pub id: String,
    /// The link's German sentences, in order (empty for a 0-1 link).
    pub source: Vec<&'a str>,
    /// The link's English sentences, in order (empty for a 1-0 link).
    pub target: Vec<&'a str>,
    /// Positions in `source` of the sentences with no translation.
    pub omitted: Vec<usize>,
    /// Positions in `target` of the sentences with no German source.
    pub added: Vec<usize>,
}

impl AlignedLink<'_> {
    /// The German sentences joined by single spaces: the unit's source.
    pub fn source_text(&self) -> String {
        self.source.join(" ")
    }

    /// The English sentences joined by single spaces: the unit's target.
    pub fn target_text(&self) -> String {
        self.target.join(" ")
    }
}

impl Checker<'_> {
    /// Every check on the links of an aligned document: `omission` and
    /// `addition` on each link, the per-pair checks on the links with both
    /// sides and the consistency checks across them. Findings come in link
    /// order; within a link `omission` and `addition` first, then the rest
    /// in the order of [`super::Code::ALL`].
    pub fn check_document(&self, links: &[AlignedLink<'_>], opts: &CheckOptions) -> Vec<Finding> {
        let texts: Vec<(String, String)> = links
            .iter()
            .map(|l| (l.source_text(), l.target_text()))
            .collect();
        let pairs: Vec<Pair<'_>> = links
            .iter()
            .zip(&texts)
            .map(|(l, (s, t))| Pair::new(l.id.clone(), s, t))
            .collect();
        let two_sided: Vec<Pair<'_>> = links
            .iter()
            .zip(&pairs)
            .filter(|(l, _)| !l.source.is_empty() && !l.target.is_empty())
            .map(|(_, p)| p.clone())
            .collect();
        let mut by_unit: HashMap<String, Vec<Finding>> = HashMap::new();
        for f in self.check(&two_sided, opts) {
            by_unit.entry(f.unit.clone()).or_default().push(f);
        }
        let mut out = Vec::new();
        for (link, pair) in links.iter().zip(&pairs) {
            out.extend(
                omission::check(link, pair)
                    .into_iter()
                    .filter(|f| !opts.drops(f)),
            );
            // A unit without findings has no entry.
            out.extend(by_unit.remove(&link.id).unwrap_or_default());
        }
        out
    }
}
