//! Explicit wildcards: a search word holding `*` (any letters, none
//! included) or `?` (one letter) is a letter pattern over a single word,
//! compared by key (case-folded, `ß` as `ss`) and, for a word with `ß`,
//! by its lower case too (so `Stra?e` finds `Straße`, as `Stra??e` and
//! `Strasse` do), with no stemming and no compound logic: `*lotse*`,
//! `Lotse*`, `*lotse`.

/// A letter pattern (its key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Pattern(Vec<char>);

impl Pattern {
    /// The pattern of a search word, or `None` when it has no wildcard.
    pub(super) fn parse(word_key: &str) -> Option<Pattern> {
        word_key
            .contains(['*', '?'])
            .then(|| Pattern(word_key.chars().collect()))
    }

    /// Whether the pattern holds a letter or digit (`*` alone does not).
    pub(super) fn has_letter(&self) -> bool {
        self.0.iter().any(|c| c.is_alphanumeric())
    }

    /// The letters a word must contain (the pattern's longest literal
    /// run): a cheap filter on a unit's text.
    pub(super) fn literal(&self) -> String {
        self.0
            .split(|&c| c == '*' || c == '?')
            .max_by_key(|run| run.len())
            .map(|run| run.iter().collect())
            .unwrap_or_default()
    }

    /// Whether the word `key` matches (iterative glob matching: on a
    /// mismatch, the last `*` takes one more letter).
    pub(super) fn matches(&self, key: &str) -> bool {
        let p = &self.0;
        let t: Vec<char> = key.chars().collect();
        let (mut i, mut j) = (0usize, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while j < t.len() {
            match (p.get(i), t.get(j)) {
                (Some('*'), _) => {
                    star = Some((i, j));
                    i += 1;
                }
                (Some(&a), Some(&b)) if a == '?' || a == b => {
                    i += 1;
                    j += 1;
                }
                _ => match star {
                    Some((si, sj)) => {
                        i = si + 1;
                        j = sj + 1;
                        star = Some((si, sj + 1));
                    }
                    None => return false,
                },
            }
        }
        p.get(i..)
            .is_some_and(|rest| rest.iter().all(|&c| c == '*'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, t: &str) -> bool {
        Pattern::parse(p).is_some_and(|p| p.matches(t))
    }

    #[test]
    fn stars_and_question_marks() {
        assert!(m("*lotse*", "fluglotsenschülern"));
        assert!(m("*lotse*", "lotse"));
        assert!(m("lotse*", "lotsendienst"));
        assert!(!m("lotse*", "fluglotse"));
        assert!(m("*lotse", "fluglotse"));
        assert!(!m("*lotse", "fluglotsen"));
        assert!(m("r?t", "rat"));
        assert!(!m("r?t", "rt"));
        assert!(m("*a*b*", "xxaxxbxx"));
        assert!(!m("*a*b*", "xxbxxaxx"));
        assert!(Pattern::parse("lotse").is_none());
        assert_eq!(
            Pattern::parse("*lot*se").map(|p| p.literal()).as_deref(),
            Some("lot")
        );
    }
}
