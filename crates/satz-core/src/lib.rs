//! satz-core: the library of satz, a translation memory and bilingual
//! glossary for translators who turn German news into English.
//!
//! Everything but the command line lives here, and this crate knows
//! nothing of one: no argument parser, no progress bars, no terminal
//! tables. The `satz` package (the repository's root) is the thin command
//! line over it and re-exports these modules, so `satz::check` and
//! `satz_core::check` are the same.
//!
//! | module | what |
//! |---|---|
//! | [`fsx`] | reading text in any encoding (BOM, UTF-16, declared legacy encodings, NFC), atomic writes, the `memory/` lock |
//! | [`text`] | normalisation shared by all: whitespace and case folding, words, numbers |
//! | [`tm`] | translation units, TMX 1.4b read and write, the `memory/` folder, import and export, the index |
//! | [`align`] | sentence alignment: length model, lexical anchors, a learnt lexicon, banded dynamic programming |
//! | [`check`] | QA checks: glossary terms, numbers and dates, consistency, typography; one file per check |
//! | [`lang`] | language tags (`de-CH`, `deu`, `en_US`): subtags, matching, number and date conventions |
//! | [`langid`] | which language a text is in (German, English, French or unknown), from function words and letters |
//! | [`glossary`] | `glossary.toml`: the term model, parsing with line numbers, edits that keep comments |
//! | [`segment`] | sentence segmentation for German and English |
//! | [`pretranslate`] | a text handed to a CAT tool with satz's matches and terms in it: XLIFF 1.2 and 2.0 |
//! | [`team`] | git as a team's store: merge drivers for memory files and the glossary, `satz init` |
//! | [`terms`] | term tables from glossary and memory, term extraction |
//! | [`report`] | what the report pages and tables share: HTML escapes, CSV |
//! | [`xliff`] | XLIFF 1.0 to 2.2 from CAT tools (Trados, memoQ, Phrase, Okapi): the document model, states, import of confirmed segments |
//! | [`xml`] | the XML cursor the TMX and TBX readers share: positions, entities, attributes |
//! | [`position`] | a line and column in a text, from a byte offset: the one position type |
//! | [`error`] | the error type: every input error names file, line and column |

pub mod align;
pub mod check;
pub mod error;
pub mod fsx;
pub mod glossary;
pub mod lang;
pub mod langid;
pub mod position;
pub mod pretranslate;
pub mod report;
pub mod segment;
pub mod team;
pub mod terms;
pub mod text;
pub mod tm;
pub mod xliff;
pub mod xml;
