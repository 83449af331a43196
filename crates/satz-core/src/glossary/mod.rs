//! The glossary of "satz": German terms with approved and forbidden English
//! translations, stored as a hand-editable TOML file.
//!
//! This module never touches the file system. Callers read the file, decode
//! it and normalise it to NFC, pass the text (and the path, for messages)
//! to [`Glossary::parse`], [`add_term`] or [`remove_term`], and write back
//! the returned text themselves (atomically). A missing file is passed as
//! `""`.
//!
//! # File format (a stable public contract)
//!
//! ```toml
//! [glossary]                  # optional
//! source_lang = "de"          # default "de"
//! target_lang = "en"          # default "en"
//!
//! [[term]]
//! de = "Sippenhaft"           # required, non-empty
//! en = ["kin liability", "collective punishment"]  # required, preferred first; a single string is accepted
//! forbidden = ["clan custody"]  # optional; a single string is accepted
//! note = "..."                # optional, free text
//! pos = "noun"                # optional
//! status = "preferred"        # optional: preferred | admitted | deprecated
//! forms = ["Sippenhaften"]    # optional; a single string is accepted
//! case_sensitive = false      # optional, default false
//! match = "stem"              # optional: stem (default) | exact | prefix | "Erb|diktatur"
//! ```
//!
//! Term recognition in German and English text is [`TermMatcher`] (module
//! `recognize`: stems, forms, compounds, match modes).
//!
//! Validation rules are listed at [`Term::validate`] and [`MatchMode`];
//! duplicate entries are defined by [`Term::same_term_as`]. Every problem is
//! reported as a [`GlossaryError`] displaying as `path:line:col: message`.
//!
//! # Example
//!
//! ```
//! use std::path::Path;
//! use satz_core::glossary::{add_term, AddOutcome, Glossary, Term};
//!
//! let path = Path::new("glossary.toml");
//! let added = add_term("", path, &Term::new("Sippenhaft", ["kin liability"]))?;
//! assert_eq!(added.outcome, AddOutcome::Added);
//! let glossary = Glossary::parse(&added.text, path)?;
//! assert_eq!(glossary.find("Sippenhaft").and_then(Term::preferred), Some("kin liability"));
//! # Ok::<(), satz_core::glossary::GlossaryError>(())
//! ```

mod edit;
mod error;
pub mod exchange;
mod json;
mod match_mode;
mod model;
mod parse;
pub(crate) mod recognize;
pub(crate) mod stem;

#[cfg(test)]
mod tests;

pub use edit::{AddOutcome, AddResult, add_term, remove_term, render};
pub use error::{ErrorKind, GlossaryError, Section};
pub use json::to_json_line;
pub use model::{
    DEFAULT_SOURCE_LANG, DEFAULT_TARGET_LANG, Glossary, MatchMode, MergeReport, Status, Term,
};
pub use recognize::{
    HitKind, LentCache, PhraseHit, Rendering, RenderingHit, TermHit, TermMatcher, WordCache,
    WordCaches,
};

/// Reads and parses a glossary file (any encoding [`crate::fsx`] reads, NFC).
pub fn load(path: &std::path::Path) -> crate::error::Result<Glossary> {
    let text = crate::fsx::read_text(path)?;
    Ok(Glossary::parse(&text, path)?)
}
