//! Errors reported while reading or editing a glossary file.
//!
//! Every error names the glossary file. Errors that point at a place in the
//! file also carry a 1-based [`Position`] and display as
//! `path:line:col: message`; the few errors that are not about a place in the
//! file (a term handed to [`add_term`](super::add_term) that is itself
//! invalid, a term that [`remove_term`](super::remove_term) cannot find)
//! display as `path: message`.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::position::Position;

/// The name the glossary's parser and model give a [`Position`] in the
/// glossary text (the crate's one position type).
pub(crate) use crate::position::Position as Location;

/// The part of the file a key was found in, used in "unknown key" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    /// The top level of the file, outside any table.
    TopLevel,
    /// The `[glossary]` table.
    Glossary,
    /// A `[[term]]` table.
    Term,
    /// The `[check]` table.
    Check,
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Section::TopLevel => "at top level",
            Section::Glossary => "in [glossary]",
            Section::Term => "in [[term]]",
            Section::Check => "in [check]",
        })
    }
}

/// An error about a glossary file: where it is and what is wrong.
///
/// Displays as `path:line:col: message` when it has a location, otherwise as
/// `path: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{}: {kind}", path.display(), LocationSuffix(*location))]
pub struct GlossaryError {
    /// The path the caller passed in, used only for messages.
    pub path: PathBuf,
    /// Where in the text the problem is, if it is about a place in the text.
    pub location: Option<Position>,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl GlossaryError {
    /// Builds an error at a byte offset of `text` (or without a location).
    pub(crate) fn at(path: &Path, text: &str, offset: Option<usize>, kind: ErrorKind) -> Self {
        GlossaryError {
            path: path.to_path_buf(),
            location: offset.map(|o| Position::from_offset(text, o)),
            kind,
        }
    }

    /// Builds an error that is not about a place in the file.
    pub(crate) fn nowhere(path: &Path, kind: ErrorKind) -> Self {
        GlossaryError {
            path: path.to_path_buf(),
            location: None,
            kind,
        }
    }

    /// The 1-based line of the error, if it has a location.
    pub fn line(&self) -> Option<usize> {
        self.location.map(|l| l.line)
    }

    /// The 1-based column of the error, if it has a location.
    pub fn column(&self) -> Option<usize> {
        self.location.map(|l| l.column)
    }
}

/// Formats `:line:col` or nothing.
struct LocationSuffix(Option<Position>);

impl fmt::Display for LocationSuffix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(p) => write!(f, ":{p}"),
            None => Ok(()),
        }
    }
}

/// What is wrong with a glossary file or an edit of it.
///
/// The `Display` text is the message part of [`GlossaryError`]; it always
/// names the offending key or value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// The text is not valid TOML (this includes a key given twice in one table).
    #[error("TOML syntax error: {message}")]
    Syntax {
        /// The TOML parser's description.
        message: String,
    },
    /// A key the format does not know.
    #[error("unknown key `{key}` {section}{hint}")]
    UnknownKey {
        /// The key as written.
        key: String,
        /// Where the key was found.
        section: Section,
        /// Empty, or a suggestion starting with a space, e.g. `` (did you mean `forbidden`?)``.
        hint: String,
    },
    /// A `[[term]]` lacks `de` or `en`.
    #[error("[[term]] is missing required key `{key}`")]
    MissingKey {
        /// The missing key.
        key: &'static str,
    },
    /// The file holds git's conflict markers: a merge left for a person
    /// to resolve.
    #[error("{message}")]
    MergeConflict {
        /// Where the conflict is and what to do.
        message: String,
    },
    /// A value of the wrong TOML type.
    #[error("`{key}` must be {expected}, found {found}")]
    WrongType {
        /// The key whose value (or one of whose array elements) is wrong.
        key: String,
        /// What the format wants, e.g. "a string or an array of strings".
        expected: &'static str,
        /// What was found, e.g. "an integer".
        found: &'static str,
    },
    /// A string that is empty or only whitespace.
    #[error("`{key}` must not be empty")]
    Empty {
        /// The key.
        key: String,
    },
    /// `en = []`.
    #[error("`{key}` must list at least one translation")]
    EmptyList {
        /// The key (always `en`).
        key: String,
    },
    /// A term, translation or form with leading or trailing whitespace.
    #[error("`{key}` value {value:?} has leading or trailing whitespace")]
    Whitespace {
        /// The key.
        key: String,
        /// The value as parsed.
        value: String,
    },
    /// The same string twice in `en`, `forbidden` or `forms`.
    #[error("`{key}` lists {value:?} more than once")]
    DuplicateValue {
        /// The key.
        key: String,
        /// The repeated value.
        value: String,
    },
    /// A translation that is both approved and forbidden.
    #[error("{value:?} is listed in both `en` and `forbidden` of term {de:?}")]
    ApprovedAndForbidden {
        /// The term.
        de: String,
        /// The translation in both lists.
        value: String,
    },
    /// `status` is not one of the three names.
    #[error("invalid `status` {value:?}: expected \"preferred\", \"admitted\" or \"deprecated\"")]
    BadStatus {
        /// The value as written.
        value: String,
    },
    /// `match` is not a mode name or a valid custom stem.
    #[error("invalid `match` {value:?}: {reason}")]
    BadMatch {
        /// The value as written.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// `source_lang` / `target_lang` is not a language tag.
    #[error("invalid `{key}` {value:?}: expected a language tag such as \"de\" or \"en-GB\"")]
    BadLanguage {
        /// The key.
        key: &'static str,
        /// The value as written.
        value: String,
    },
    /// `glossary` is not a table.
    #[error("`glossary` must be a table written as [glossary], found {found}")]
    GlossaryNotTable {
        /// What was found.
        found: &'static str,
    },
    /// Another top-level name that must be a table is not one.
    #[error("`{name}` must be a table written as [{name}], found {found}")]
    NotTable {
        /// The table's name.
        name: &'static str,
        /// What was found.
        found: &'static str,
    },
    /// `term` is not an array of `[[term]]` tables.
    #[error("`term` must be written as [[term]] tables, found {found}")]
    TermNotArrayOfTables {
        /// What was found.
        found: &'static str,
    },
    /// Two `[[term]]` entries for the same term (see [`Term::same_term_as`](super::Term::same_term_as)).
    #[error("{}", duplicate_message(.de, .first_de, *.first_line))]
    DuplicateTerm {
        /// The `de` of the later entry (the one the location points at).
        de: String,
        /// The `de` of the earlier entry.
        first_de: String,
        /// The 1-based line of the earlier entry's `de`.
        first_line: usize,
    },
    /// `add_term` was given a term that is the same entry as one in the
    /// file with another `de` (it differs only in case or in `ß`/`ss`).
    #[error("{}", conflict_message(.de, .existing, *.line))]
    CaseConflict {
        /// The term being added.
        de: String,
        /// The term in the file.
        existing: String,
        /// The 1-based line of the existing term's `de`.
        line: usize,
    },
    /// `remove_term` found no term with that exact `de`.
    #[error("no term {de:?} in the glossary{hint}")]
    TermNotFound {
        /// The term asked for.
        de: String,
        /// Empty, or a suggestion starting with a space.
        hint: String,
    },
    /// An edit produced text that did not read back as intended. This is a
    /// bug in this module; the caller should leave the file unchanged.
    #[error("internal error, file left unchanged: {message}")]
    Internal {
        /// What did not match.
        message: String,
    },
}

/// How the `de` of two entries that are the same term differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sameness {
    /// Written the same.
    Equal,
    /// Only in `ß` against `ss`: no setting keeps them apart, since term
    /// matching always takes `ß` for `ss`.
    SharpS,
    /// In case (and perhaps `ß`/`ss`): `case_sensitive` on both keeps them
    /// apart.
    Case,
}

impl Sameness {
    /// How `a` and `b`, the same term per
    /// [`Term::same_term_as`](super::Term::same_term_as), differ.
    pub(crate) fn of(a: &str, b: &str) -> Sameness {
        use crate::text::words::swiss;
        if a == b {
            Sameness::Equal
        } else if swiss(a) == swiss(b) {
            Sameness::SharpS
        } else {
            Sameness::Case
        }
    }
}

fn duplicate_message(de: &str, first_de: &str, first_line: usize) -> String {
    match Sameness::of(de, first_de) {
        Sameness::Equal => {
            format!("duplicate term {de:?}: already defined at line {first_line}")
        }
        Sameness::SharpS => format!(
            "duplicate term {de:?}: same as {first_de:?} at line {first_line}, since ß and ss \
             match the same words; merge the two [[term]] entries into one (keep one spelling \
             in de, move the other's en, forbidden and forms into it, and delete the other)"
        ),
        Sameness::Case => format!(
            "duplicate term {de:?}: same as {first_de:?} at line {first_line} ignoring case{} \
             (set case_sensitive = true on both terms to keep them apart)",
            sharp_s_too(de, first_de)
        ),
    }
}

fn conflict_message(de: &str, existing: &str, line: usize) -> String {
    match Sameness::of(de, existing) {
        Sameness::Equal | Sameness::SharpS => format!(
            "cannot add {de:?}: it is the term {existing:?} at line {line}, since ß and ss \
             match the same words; add the translations to that term instead \
             (satz glossary add {existing:?} ...)"
        ),
        Sameness::Case => format!(
            "cannot add {de:?}: it differs only in case{} from {existing:?} at line {line} \
             (set case_sensitive = true on both terms to keep them apart)",
            sharp_s_too(de, existing)
        ),
    }
}

/// `" and ß/ss"` when `a` and `b` differ in `ß`/`ss` besides case.
fn sharp_s_too(a: &str, b: &str) -> &'static str {
    if a.to_lowercase() == b.to_lowercase() {
        ""
    } else {
        " and ß/ss"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_with_and_without_location() {
        let e = GlossaryError::at(
            Path::new("g.toml"),
            "a\nbc",
            Some(2),
            ErrorKind::MissingKey { key: "en" },
        );
        assert_eq!(
            e.to_string(),
            "g.toml:2:1: [[term]] is missing required key `en`"
        );
        assert_eq!((e.line(), e.column()), (Some(2), Some(1)));
        let e = GlossaryError::nowhere(
            Path::new("g.toml"),
            ErrorKind::TermNotFound {
                de: "x".into(),
                hint: String::new(),
            },
        );
        assert_eq!(e.to_string(), "g.toml: no term \"x\" in the glossary");
    }
}
