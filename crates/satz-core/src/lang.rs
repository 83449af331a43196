//! Language tags: one type, [`Lang`], parsed once where a tag enters
//! (`--source-lang`, `--target-lang`, `glossary.toml`, a TMX or TBX file)
//! and asked everything a tag decides: which subtags it has, whether it
//! covers another tag, how its numbers and dates are written, which
//! segmentation rules apply.
//!
//! Tags follow BCP 47 (RFC 5646) loosely, as files in the wild do: case
//! never matters, `_` is read as `-`, and the three-letter ISO 639-2/B,
//! 639-2/T and 639-3 codes that some tools write (`deu`, `ger`, `eng`,
//! `fra`) stand for their ISO 639-1 two-letter code, so `deu-CH` is `de-CH`.
//! A pattern matches a tag when the pattern's subtags are a prefix of the
//! tag's: `de` matches `de-CH`, `DE-de` and `deu`, while `en-GB` matches
//! `en-GB` (and `en-GB-oxendict`) but not `en` or `en-US`.
//!
//! Parsing never fails: an unknown or malformed tag (`xx`, `12`, `!!`) is
//! kept as written, knows no language, and reads numbers and dates the
//! German way, the default of a tool for German-to-English news.

use std::convert::Infallible;
use std::fmt;
use std::str::FromStr;

use crate::segment;
use crate::text::numbers::{DateOrder, NumLang};

/// A language tag or pattern, as written and as parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lang {
    /// The tag as written, surrounding whitespace dropped.
    written: String,
    /// The primary language subtag: lower case, ISO 639-1 where one exists.
    primary: String,
}

/// ISO 639-2/B, 639-2/T and 639-3 codes with an ISO 639-1 equivalent, for
/// the languages a European newsroom meets.
const THREE_TO_TWO: [(&str, &str); 16] = [
    ("deu", "de"),
    ("ger", "de"),
    ("eng", "en"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("ita", "it"),
    ("spa", "es"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("por", "pt"),
    ("rus", "ru"),
    ("pol", "pl"),
    ("ces", "cs"),
    ("cze", "cs"),
    ("swe", "sv"),
    ("ukr", "uk"),
];

impl Lang {
    /// Parses a tag; surrounding whitespace is dropped.
    pub fn new(tag: &str) -> Lang {
        let written = tag.trim().to_owned();
        let primary = match split(&written).next() {
            Some(first) => {
                let first = first.to_ascii_lowercase();
                THREE_TO_TWO
                    .iter()
                    .find(|(three, _)| *three == first)
                    .map_or(first, |&(_, two)| two.to_owned())
            }
            // An empty tag has no primary subtag.
            None => String::new(),
        };
        Lang { written, primary }
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.written
    }

    /// True for an empty tag.
    pub fn is_empty(&self) -> bool {
        self.primary.is_empty()
    }

    /// The primary language subtag, lower case, in its two-letter form
    /// where ISO 639-1 has one (`de` for `de-CH`, `DEU` and `ger`).
    pub fn primary(&self) -> &str {
        &self.primary
    }

    /// The subtags after the primary one, as written (`["CH"]` for `de_CH`).
    pub fn rest(&self) -> impl Iterator<Item = &str> {
        split(&self.written).skip(1)
    }

    /// The region subtag: the first two-letter subtag after the primary
    /// (`US` in `en-US`, `CH` in `de-Latn-CH`), as written.
    pub fn region(&self) -> Option<&str> {
        self.rest()
            .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
    }

    /// True when `tag` (from a file) is covered by this pattern.
    pub fn matches(&self, tag: &str) -> bool {
        self.covers(&Lang::new(tag))
    }

    /// True when `tag` is covered by this pattern: same primary language,
    /// and this pattern's further subtags are a prefix of the tag's.
    pub fn covers(&self, tag: &Lang) -> bool {
        let mut tag_rest = tag.rest();
        !self.is_empty()
            && self.primary == tag.primary
            && self
                .rest()
                .all(|p| tag_rest.next().is_some_and(|t| t.eq_ignore_ascii_case(p)))
    }

    /// True when both tags name the same language and region, whatever
    /// the case, separators or code length (`de_ch` and `deu-CH`).
    pub fn same(&self, other: &Lang) -> bool {
        self.covers(other) && other.covers(self)
    }

    /// How numbers are written: English conventions for English, French
    /// for French, German (the default) for every other tag.
    pub fn numbers(&self) -> NumLang {
        match self.primary.as_str() {
            "en" => NumLang::En,
            "fr" => NumLang::Fr,
            _ => NumLang::De,
        }
    }

    /// The order of day and month in numeric dates: `en-US` month first,
    /// English of any other region day first, English without a region
    /// either, every other language day first.
    pub fn date_order(&self) -> DateOrder {
        match (self.primary.as_str(), self.region()) {
            ("en", Some(r)) if r.eq_ignore_ascii_case("us") => DateOrder::MonthFirst,
            ("en", Some(_)) => DateOrder::DayFirst,
            ("en", None) => DateOrder::Either,
            _ => DateOrder::DayFirst,
        }
    }

    /// The sentence segmentation rules: English for English, German for
    /// every other tag.
    pub fn segmenter(&self) -> segment::Lang {
        if self.primary == "en" {
            segment::Lang::En
        } else {
            segment::Lang::De
        }
    }
}

/// The subtags of a tag, empty ones (`de--CH`) skipped.
fn split(tag: &str) -> impl Iterator<Item = &str> {
    tag.split(['-', '_']).filter(|s| !s.is_empty())
}

impl FromStr for Lang {
    type Err = Infallible;

    fn from_str(tag: &str) -> Result<Lang, Infallible> {
        Ok(Lang::new(tag))
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
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

impl LangPair {
    /// The pair of two tags.
    pub fn new(source: &str, target: &str) -> LangPair {
        LangPair {
            source: Lang::new(source),
            target: Lang::new(target),
        }
    }
}

impl Default for LangPair {
    fn default() -> Self {
        LangPair::new("de", "en")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_language_matches_every_region() {
        let de = Lang::new("de");
        for tag in [
            "de",
            "DE",
            "de-CH",
            "DE-de",
            "de_AT",
            "de-Latn-CH",
            "deu",
            "ger-CH",
        ] {
            assert!(de.matches(tag), "{tag}");
        }
        for tag in ["en", "dea", "", "d", "gsw"] {
            assert!(!de.matches(tag), "{tag}");
        }
    }

    #[test]
    fn region_matches_only_that_region() {
        let gb = Lang::new("en-GB");
        assert!(gb.matches("EN-gb"));
        assert!(gb.matches("en_GB"));
        assert!(gb.matches("eng-GB"));
        assert!(!gb.matches("en"));
        assert!(!gb.matches("en-US"));
    }

    #[test]
    fn empty_pattern_matches_nothing() {
        assert!(!Lang::new("").matches("de"));
        assert!(!Lang::new("  ").matches(""));
    }

    #[test]
    fn three_letter_codes_are_their_two_letter_ones() {
        for (tag, primary) in [
            ("deu", "de"),
            ("GER", "de"),
            ("eng-US", "en"),
            ("fra", "fr"),
            ("fre_CA", "fr"),
            ("de-CH", "de"),
            ("gsw", "gsw"),
        ] {
            assert_eq!(Lang::new(tag).primary(), primary, "{tag}");
        }
    }

    #[test]
    fn subtags_region_and_case() {
        let us = Lang::new(" EN_us ");
        assert_eq!(us.as_str(), "EN_us");
        assert_eq!(us.primary(), "en");
        assert_eq!(us.region(), Some("us"));
        assert_eq!(us.rest().collect::<Vec<_>>(), ["us"]);
        assert_eq!(Lang::new("de-Latn-CH").region(), Some("CH"));
        assert_eq!(Lang::new("de").region(), None);
        assert!(Lang::new("de_ch").same(&Lang::new("deu-CH")));
        assert!(!Lang::new("de").same(&Lang::new("de-CH")));
    }

    #[test]
    fn numbers_and_dates_follow_the_tag() {
        assert_eq!(Lang::new("de").numbers(), NumLang::De);
        assert_eq!(Lang::new("deu").numbers(), NumLang::De);
        assert_eq!(Lang::new("de-CH").numbers(), NumLang::De);
        assert_eq!(Lang::new("en-US").numbers(), NumLang::En);
        assert_eq!(Lang::new("EN_us").numbers(), NumLang::En);
        assert_eq!(Lang::new("eng").numbers(), NumLang::En);
        assert_eq!(Lang::new("fra").numbers(), NumLang::Fr);
        assert_eq!(Lang::new("en-US").date_order(), DateOrder::MonthFirst);
        assert_eq!(Lang::new("en_us").date_order(), DateOrder::MonthFirst);
        assert_eq!(Lang::new("en-GB").date_order(), DateOrder::DayFirst);
        assert_eq!(Lang::new("en").date_order(), DateOrder::Either);
        assert_eq!(Lang::new("de-CH").date_order(), DateOrder::DayFirst);
        assert_eq!(Lang::new("en").segmenter(), segment::Lang::En);
        assert_eq!(Lang::new("deu").segmenter(), segment::Lang::De);
    }

    #[test]
    fn garbage_is_kept_and_knows_nothing() {
        for tag in ["!!", "12", "x-y-z", "--", "de__", "Ω"] {
            let lang = Lang::new(tag);
            assert_eq!(lang.as_str(), tag);
            assert_eq!(lang.numbers(), NumLang::De, "{tag}");
            assert_eq!(lang.date_order(), DateOrder::DayFirst, "{tag}");
        }
        assert!(Lang::new("--").is_empty());
        assert_eq!(Lang::new("de__").primary(), "de");
        assert_eq!("en-GB".parse::<Lang>(), Ok(Lang::new("en-GB")));
    }
}
