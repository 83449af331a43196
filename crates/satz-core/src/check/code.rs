//! The finding codes: one enum, each code's name, what it finds and the
//! severities it can have in one place, so that the CLI's `--ignore` and
//! `--fail-on`, the JSON, the severity table (docs/commands.md) and the checks cannot drift
//! apart.

use std::fmt;
use std::str::FromStr;

use serde::{Serialize, Serializer};

/// A stable finding code (its [`Code::as_str`] spelling is the interface).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    /// The English is empty, the same as the German, or German.
    Untranslated,
    /// A forbidden translation in the English.
    TermForbidden,
    /// A glossary term without any approved translation in the English.
    TermMissing,
    /// A deprecated entry's translation used.
    TermDeprecated,
    /// Numbers differ.
    NumberMismatch,
    /// Dates differ (the day or month of a date).
    DateMismatch,
    /// A figure written with the source language's separators.
    NumberFormat,
    /// A German-style date or ordinal left in the English (`5. October`).
    DateFormat,
    /// Brackets unbalanced in the English only.
    UnbalancedBrackets,
    /// Quotes unbalanced in the English only.
    UnbalancedQuotes,
    /// The same word twice in a row in the English.
    DoubledWord,
    /// Two spaces in the English.
    DoubleSpace,
    /// Final `?`/`!` of the German missing in the English.
    PunctuationEnd,
    /// The same German translated differently.
    InconsistentTranslation,
    /// The same English from different German.
    InconsistentSource,
    /// A German sentence of an aligned document with no translation.
    Omission,
    /// An English sentence of an aligned document with no German source.
    Addition,
}

impl Code {
    /// Every code, in the order the checks run (and findings of one unit
    /// are listed).
    pub const ALL: [Code; 17] = [
        Code::Untranslated,
        Code::TermForbidden,
        Code::TermMissing,
        Code::TermDeprecated,
        Code::NumberMismatch,
        Code::DateMismatch,
        Code::NumberFormat,
        Code::DateFormat,
        Code::UnbalancedBrackets,
        Code::UnbalancedQuotes,
        Code::DoubledWord,
        Code::DoubleSpace,
        Code::PunctuationEnd,
        Code::InconsistentTranslation,
        Code::InconsistentSource,
        Code::Omission,
        Code::Addition,
    ];

    /// The codes only a document pair can produce: they need its
    /// alignment.
    pub const DOCUMENT_ONLY: [Code; 2] = [Code::Omission, Code::Addition];

    /// The stable spelling (`number-mismatch`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::Untranslated => "untranslated",
            Code::TermForbidden => "term-forbidden",
            Code::TermMissing => "term-missing",
            Code::TermDeprecated => "term-deprecated",
            Code::NumberMismatch => "number-mismatch",
            Code::DateMismatch => "date-mismatch",
            Code::NumberFormat => "number-format",
            Code::DateFormat => "date-format",
            Code::UnbalancedBrackets => "unbalanced-brackets",
            Code::UnbalancedQuotes => "unbalanced-quotes",
            Code::DoubledWord => "doubled-word",
            Code::DoubleSpace => "double-space",
            Code::PunctuationEnd => "punctuation-end",
            Code::InconsistentTranslation => "inconsistent-translation",
            Code::InconsistentSource => "inconsistent-source",
            Code::Omission => "omission",
            Code::Addition => "addition",
        }
    }

    /// Every spelling, comma-separated, for messages.
    pub fn list() -> String {
        Code::ALL.map(Code::as_str).join(", ")
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A spelling that is no code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code '{0}'; codes are {list}", list = Code::list())]
pub struct UnknownCode(pub String);

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(s: &str) -> Result<Code, UnknownCode> {
        Code::ALL
            .into_iter()
            .find(|c| c.as_str() == s.trim())
            .ok_or_else(|| UnknownCode(s.trim().to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_from_its_spelling() {
        for c in Code::ALL {
            assert_eq!(c.as_str().parse::<Code>(), Ok(c));
        }
        assert!("number_mismatch".parse::<Code>().is_err());
    }

    #[test]
    fn spellings_are_distinct_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()));
            assert!(
                c.as_str()
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '-')
            );
        }
    }
}
