//! Language tags and the language pair of a memory.
//!
//! Tags follow BCP 47 loosely, as TMX files in the wild do: case never
//! matters and `_` is read as `-`. A pattern matches a tag when the pattern's
//! subtags are a prefix of the tag's: `de` matches `de-CH` and `DE-de`, while
//! `en-GB` matches `en-GB` (and `en-GB-oxendict`) but not `en` or `en-US`.

use std::fmt;

/// A language tag or pattern as the user or a file wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lang(String);

impl Lang {
    /// A tag; surrounding whitespace is dropped.
    pub fn new(tag: &str) -> Lang {
        Lang(tag.trim().to_owned())
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when `tag` (from a file) is covered by this pattern.
    pub fn matches(&self, tag: &str) -> bool {
        let mut tag_parts = subtags(tag);
        subtags(&self.0).all(|p| tag_parts.next().is_some_and(|t| t.eq_ignore_ascii_case(p)))
            && !self.0.trim().is_empty()
    }

    /// The primary language subtag, lower-cased (`de` for `de-CH`).
    pub fn primary(&self) -> String {
        subtags(&self.0)
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }
}

fn subtags(tag: &str) -> impl Iterator<Item = &str> {
    tag.trim().split(['-', '_']).filter(|s| !s.is_empty())
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The source and target language of a memory or command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangPair {
    /// The source language (German by default).
    pub source: Lang,
    /// The target language (English by default).
    pub target: Lang,
}

impl Default for LangPair {
    fn default() -> Self {
        LangPair {
            source: Lang::new("de"),
            target: Lang::new("en"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_language_matches_every_region() {
        let de = Lang::new("de");
        for tag in ["de", "DE", "de-CH", "DE-de", "de_AT", "de-Latn-CH"] {
            assert!(de.matches(tag), "{tag}");
        }
        for tag in ["en", "dea", "", "d"] {
            assert!(!de.matches(tag), "{tag}");
        }
    }

    #[test]
    fn region_matches_only_that_region() {
        let gb = Lang::new("en-GB");
        assert!(gb.matches("EN-gb"));
        assert!(gb.matches("en_GB"));
        assert!(!gb.matches("en"));
        assert!(!gb.matches("en-US"));
    }

    #[test]
    fn empty_pattern_matches_nothing() {
        assert!(!Lang::new("").matches("de"));
    }
}
