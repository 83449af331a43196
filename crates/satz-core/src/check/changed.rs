//! `check --changed REV`: which memory units are new since a revision, and
//! which findings involve them.
//!
//! A unit is *new* when no unit of the memory at the revision has the same
//! [duplicate key](crate::tm::Unit::duplicate_key) (source and target text,
//! whitespace folded, and their inline codes) and the same acceptance
//! ([`ACCEPT_PROP`]): a unit added, a unit whose text was edited, and a unit
//! whose acceptance was changed are new; a unit that only moved (within a
//! file, to another file, or with its file renamed) is not. The comparison
//! is over the whole memory, not file by file, so renaming or splitting a
//! memory file does not make its units new.
//!
//! A finding counts when its unit is new or when one of the units it
//! involves ([`Finding::related`], the consistency checks' other unit) is:
//! a new translation that contradicts an old one is reported on whichever
//! of the two the check names.
//!
//! This module takes the revision's files as text. Asking git for them is
//! the command line's job (it runs the `git` binary in the user's
//! repository), so the comparison is tested without a repository and the
//! library never starts a process.

use std::collections::HashSet;
use std::path::Path;

use super::{ACCEPT_PROP, Finding};
use crate::error::Result;
use crate::lang::LangPair;
use crate::tm::Unit;
use crate::tm::store::duplicate_hash;
use crate::tm::tmx;

/// The units of the memory at a revision, by the key that decides whether
/// a unit is new.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    keys: HashSet<(u128, Option<String>)>,
}

impl Baseline {
    /// An empty baseline: every unit is new.
    pub fn new() -> Baseline {
        Baseline::default()
    }

    /// Adds the units of the pair in one TMX document as it was at the
    /// revision (`path` names it in errors); returns how many it holds.
    pub fn add_tmx(&mut self, text: &str, path: &Path, pair: &LangPair) -> Result<usize> {
        let file = tmx::read_pair(text, path, pair, "")?;
        let n = file.units.len();
        self.keys.extend(file.units.iter().map(key));
        Ok(n)
    }

    /// Whether `unit` is new: not in the memory at the revision.
    pub fn is_new(&self, unit: &Unit) -> bool {
        !self.keys.contains(&key(unit))
    }

    /// How many distinct units the baseline holds.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the baseline holds no unit.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// What makes a unit the same unit as at the revision.
fn key(unit: &Unit) -> (u128, Option<String>) {
    let accepted = unit.prop(ACCEPT_PROP).map(|s| {
        let mut codes: Vec<&str> = s
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        codes.sort_unstable();
        codes.join(",")
    });
    (duplicate_hash(unit), accepted)
}

/// The findings that involve a new unit: its own unit, or one of its
/// [`Finding::related`] units, is new (`is_new` is asked by unit id).
pub fn involving_new(findings: Vec<Finding>, is_new: impl Fn(&str) -> bool) -> Vec<Finding> {
    findings
        .into_iter()
        .filter(|f| is_new(&f.unit) || f.related.iter().any(|u| is_new(u)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{CheckOptions, Pair, check_pairs};
    use crate::glossary::Glossary;

    const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="de" creationtool="t" creationtoolversion="1" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="t"/><body>
"#;

    fn tu(de: &str, en: &str, props: &str) -> String {
        format!(
            "<tu>{props}<tuv xml:lang=\"de\"><seg>{de}</seg></tuv><tuv xml:lang=\"en\"><seg>{en}</seg></tuv></tu>\n"
        )
    }

    fn baseline(units: &[String]) -> Baseline {
        let text = format!("{HEAD}{}</body></tmx>", units.concat());
        let mut b = Baseline::new();
        b.add_tmx(&text, Path::new("old.tmx"), &LangPair::new("de", "en"))
            .unwrap();
        b
    }

    #[test]
    fn edited_text_and_changed_acceptance_are_new_whitespace_is_not() {
        let b = baseline(&[
            tu("Es regnet.", "It is raining.", ""),
            tu("Es schneit.", "It is snowing.", ""),
        ]);
        assert_eq!(b.len(), 2);
        let unit = |de: &str, en: &str| Unit::new("de", de, "en", en);
        assert!(!b.is_new(&unit("Es  regnet.", "It is raining.")));
        assert!(b.is_new(&unit("Es regnet.", "It's raining.")));
        let mut accepted = unit("Es schneit.", "It is snowing.");
        accepted.props.push(crate::tm::unit::Annotation::prop(
            ACCEPT_PROP,
            "double-space",
        ));
        assert!(b.is_new(&accepted));
    }

    #[test]
    fn a_consistency_finding_counts_when_either_unit_is_new() {
        let pairs = [
            Pair::new("old", "Es regnet.", "It is raining."),
            Pair::new("new", "Es regnet.", "It rains."),
        ];
        let found = check_pairs(&pairs, &Glossary::default(), &CheckOptions::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].unit, "new");
        assert_eq!(found[0].related, ["old"]);
        let only_old_new = involving_new(found.clone(), |u| u == "old");
        assert_eq!(only_old_new.len(), 1);
        assert!(involving_new(found, |u| u == "other").is_empty());
    }
}
