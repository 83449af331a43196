//! The user rules file (`segment.toml`): extra abbreviations and ordinal
//! nouns per language. See the [module documentation](super) for the format.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;
use toml::Spanned;

/// User additions for one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LangRules {
    /// Abbreviations (with final period) after which a sentence never ends.
    pub abbreviations: Vec<String>,
    /// Abbreviations (with final period) that may end a sentence: a break
    /// follows them only before a typical sentence opener.
    pub final_abbreviations: Vec<String>,
    /// Words before which `<number>.` is an ordinal, not a sentence end
    /// ("im 19. Jahrhundert").
    pub no_break_before: Vec<String>,
}

/// User additions to the built-in rules, read from `segment.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UserRules {
    /// Additions for German (`[de]`).
    pub de: LangRules,
    /// Additions for English (`[en]`).
    pub en: LangRules,
}

/// An error in the user rules file, with a 1-based line and column (in
/// characters) of the offending place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RulesError {
    /// Where the error is.
    pub position: crate::position::Position,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.position.line, self.position.column, self.message
        )
    }
}

impl std::error::Error for RulesError {}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    de: Option<RawLang>,
    #[serde(default)]
    en: Option<RawLang>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLang {
    #[serde(default)]
    abbreviations: Vec<Spanned<String>>,
    #[serde(default)]
    final_abbreviations: Vec<Spanned<String>>,
    #[serde(default)]
    no_break_before: Vec<Spanned<String>>,
}

fn error_at(src: &str, offset: usize, message: String) -> RulesError {
    RulesError {
        position: crate::position::Position::from_offset(src, offset),
        message,
    }
}

/// Checks one abbreviation entry: non-empty, ends with '.', one line.
fn check_abbrev(src: &str, s: &Spanned<String>) -> Result<String, RulesError> {
    let v = s.get_ref().trim();
    let bad = if v.chars().all(|c| c == '.' || c.is_whitespace()) {
        Some("an abbreviation needs letters, e.g. \"Kdt.\"")
    } else if !v.ends_with('.') {
        Some("an abbreviation must end with its period, e.g. \"Kdt.\"")
    } else if v.contains(['\n', '\r']) {
        Some("an abbreviation must be on one line")
    } else {
        None
    };
    match bad {
        Some(msg) => Err(error_at(src, s.span().start, format!("{msg}, got {v:?}"))),
        None => Ok(v.to_string()),
    }
}

/// Checks one `no_break_before` entry: a single word without periods.
fn check_word(src: &str, s: &Spanned<String>) -> Result<String, RulesError> {
    let v = s.get_ref().trim();
    if v.is_empty() || v.contains(|c: char| c.is_whitespace() || c == '.') {
        return Err(error_at(
            src,
            s.span().start,
            format!("no_break_before takes single words without periods, got {v:?}"),
        ));
    }
    Ok(v.to_string())
}

fn convert(src: &str, raw: Option<RawLang>) -> Result<LangRules, RulesError> {
    let raw = raw.unwrap_or_default();
    Ok(LangRules {
        abbreviations: raw
            .abbreviations
            .iter()
            .map(|s| check_abbrev(src, s))
            .collect::<Result<_, _>>()?,
        final_abbreviations: raw
            .final_abbreviations
            .iter()
            .map(|s| check_abbrev(src, s))
            .collect::<Result<_, _>>()?,
        no_break_before: raw
            .no_break_before
            .iter()
            .map(|s| check_word(src, s))
            .collect::<Result<_, _>>()?,
    })
}

impl UserRules {
    /// Parses a `segment.toml` file.
    ///
    /// # Errors
    ///
    /// Invalid TOML, unknown tables or keys, wrong types, an abbreviation
    /// without its final period and a `no_break_before` entry that is not a
    /// single word give a [`RulesError`] with line and column.
    pub fn from_toml_str(s: &str) -> Result<UserRules, RulesError> {
        let raw: RawFile = toml::from_str(s).map_err(|e| {
            let offset = e.span().map_or(0, |r| r.start);
            error_at(s, offset, e.message().trim().to_string())
        })?;
        Ok(UserRules {
            de: convert(s, raw.de)?,
            en: convert(s, raw.en)?,
        })
    }

    /// The additions for one language.
    #[must_use]
    pub fn for_lang(&self, lang: super::Lang) -> &LangRules {
        match lang {
            super::Lang::De => &self.de,
            super::Lang::En => &self.en,
        }
    }
}

impl FromStr for UserRules {
    type Err = RulesError;

    fn from_str(s: &str) -> Result<UserRules, RulesError> {
        UserRules::from_toml_str(s)
    }
}
