//! satz: a translation memory and bilingual glossary for translators who
//! turn German news into English.
//!
//! This package is the command line ([`cli`]); everything else is the
//! library crate `satz-core` (`crates/satz-core`), which knows nothing of a
//! command line and whose modules are re-exported here, so tests,
//! benchmarks and examples write `satz::check`. Every command writes to any
//! `Write`, so tests call it without a process.

pub mod cli;

pub use satz_core::{
    align, check, error, fsx, glossary, lang, langid, position, pretranslate, report, segment,
    team, terms, text, tm, xliff, xml,
};
