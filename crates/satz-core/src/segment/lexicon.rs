//! The word lists one [`Segmenter`](super::Segmenter) uses: built-in data for
//! its language plus the user's additions, in hash sets for O(1) look-ups.

use std::collections::{HashMap, HashSet};

use super::rules::LangRules;
use super::{Lang, de, en};

/// How an abbreviation behaves before a following word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Never ends a sentence ("z. B.", "Dr.", "e.g.").
    Inner,
    /// May end a sentence: a break follows only before a sentence opener
    /// ("usw.", "U.S.", "Inc.").
    Final,
}

/// Language data for one segmenter.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// Normalised abbreviation (inner whitespace removed, final period kept).
    abbrevs: HashMap<String, AbbrevKind>,
    /// Capitalised sentence-opening words.
    openers: HashSet<&'static str>,
    /// Month names: "6. Januar" is a date.
    months: HashSet<&'static str>,
    /// Nouns that make a preceding "<number>." an ordinal.
    ordinal_nouns: HashSet<String>,
    /// Lowercase words that make a following "<number>." an ordinal.
    determiners: HashSet<&'static str>,
    /// Lowercase words after which a line never ends a sentence.
    joiners: HashSet<&'static str>,
    /// Endings of abbreviated compounds ("Bahnhofstr.").
    suffixes: &'static [&'static str],
}

/// Removes inner whitespace: "z. B." -> "z.B.".
pub(crate) fn normalize_abbrev(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Parses an abbreviation data file: one entry per line, `#` comments.
fn data_lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    /// Built-in data for `lang` plus the user's additions.
    pub(crate) fn new(lang: Lang, extra: Option<&LangRules>) -> Lexicon {
        let (inner, fin, openers, joiners): (&str, &str, &[&str], &[&str]) = match lang {
            Lang::De => (
                de::ABBREVIATIONS,
                de::FINAL_ABBREVIATIONS,
                de::OPENERS,
                de::JOINERS,
            ),
            Lang::En => (
                en::ABBREVIATIONS,
                en::FINAL_ABBREVIATIONS,
                en::OPENERS,
                en::JOINERS,
            ),
        };
        let mut abbrevs = HashMap::new();
        for a in data_lines(fin) {
            abbrevs.insert(normalize_abbrev(a), AbbrevKind::Final);
        }
        for a in data_lines(inner) {
            abbrevs.insert(normalize_abbrev(a), AbbrevKind::Inner);
        }
        let (months, ordinal_nouns, determiners, suffixes): (&[&str], &[&str], &[&str], _) =
            match lang {
                Lang::De => (
                    de::MONTHS,
                    de::ORDINAL_NOUNS,
                    de::ORDINAL_DETERMINERS,
                    de::FINAL_SUFFIXES,
                ),
                Lang::En => (&[], &[], en::ORDINAL_DETERMINERS, en::FINAL_SUFFIXES),
            };
        let mut ordinal_nouns: HashSet<String> =
            ordinal_nouns.iter().map(|s| (*s).to_string()).collect();
        if let Some(extra) = extra {
            for a in &extra.final_abbreviations {
                abbrevs.insert(normalize_abbrev(a), AbbrevKind::Final);
            }
            for a in &extra.abbreviations {
                abbrevs.insert(normalize_abbrev(a), AbbrevKind::Inner);
            }
            for w in &extra.no_break_before {
                ordinal_nouns.insert(w.clone());
            }
        }
        Lexicon {
            abbrevs,
            openers: openers.iter().copied().collect(),
            months: months.iter().copied().collect(),
            ordinal_nouns,
            determiners: determiners.iter().copied().collect(),
            joiners: joiners.iter().copied().collect(),
            suffixes,
        }
    }

    /// Looks up a normalised abbreviation; a capitalised form also matches a
    /// lowercase entry ("Vgl." -> "vgl.").
    pub(crate) fn abbrev(&self, cand: &str, scratch: &mut String) -> Option<AbbrevKind> {
        if let Some(k) = self.abbrevs.get(cand) {
            return Some(*k);
        }
        let mut chars = cand.chars();
        let first = chars.next()?;
        if !first.is_uppercase() {
            return None;
        }
        scratch.clear();
        scratch.extend(first.to_lowercase());
        scratch.push_str(chars.as_str());
        self.abbrevs.get(scratch.as_str()).copied()
    }

    /// Whether the single token `tok` (without its period) is an abbreviated
    /// compound such as "Bahnhofstr": a lowercase suffix after a longer stem.
    pub(crate) fn is_suffix_abbrev(&self, tok: &str) -> bool {
        self.suffixes.iter().any(|suf| {
            tok.len() > suf.len() + 2
                && tok.ends_with(suf)
                && tok.chars().next().is_some_and(char::is_uppercase)
        })
    }

    /// Whether `w` typically opens a sentence.
    pub(crate) fn is_opener(&self, w: &str) -> bool {
        self.openers.contains(w)
    }

    /// Whether `w` is a month name.
    pub(crate) fn is_month(&self, w: &str) -> bool {
        self.months.contains(w)
    }

    /// Whether `w` makes a preceding number an ordinal.
    pub(crate) fn is_ordinal_noun(&self, w: &str) -> bool {
        self.ordinal_nouns.contains(w)
    }

    /// Whether lowercase `w` makes a following number an ordinal.
    pub(crate) fn is_determiner(&self, w: &str) -> bool {
        self.determiners.contains(w)
    }

    /// Whether lowercase `w` cannot end a line-final sentence.
    pub(crate) fn is_joiner(&self, w: &str) -> bool {
        self.joiners.contains(w)
    }
}
