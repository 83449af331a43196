//! OmegaT tab-separated glossaries and CSV glossaries: reading and writing.
//!
//! # Reading
//!
//! OmegaT's layout is `source<TAB>target<TAB>comment` per line, the columns
//! by position, without language tags; lines starting with `#` are comments
//! (the first may carry `-*- coding: ... -*-`, see the decoder), blank
//! lines and lines of empty fields are ignored, a line with one column
//! has no target. Lines with the same source are one entry with several
//! translations, as OmegaT shows them. Lines end in `\r\n`, `\n` or a lone
//! `\r` (Excel for Mac's legacy text formats; Java's `readLine`, which
//! OmegaT uses, splits there too), in CSV outside quotes; entries and
//! warnings name the line where their row starts.
//!
//! **CSV** is read the same way, with RFC 4180 quoting and no comments (a
//! row starting with `#` is a row). The delimiter is the one of `,` `;`
//! and tab that splits most of the first 20 non-blank rows into the same
//! number of fields, at least two (quotes respected; ties: the most fields
//! in the first row, then fewer fields starting with a space, then `,`), or
//! the one Excel's `sep=X` first line names (that line is skipped). A quote
//! that opens a field and is never closed, or closes it on a later line
//! with text after it, is an error naming its line, and nothing is read.
//!
//! **Header.** The first non-blank row of either format is a header when
//! two of its cells name different languages or sides, whatever the other
//! cells hold; or when every non-empty cell is a column satz knows and one
//! names a language or side (`term,definition`). Two cells naming one
//! language (`Deutsch`, `German`) are a row of terms. Columns satz knows:
//!
//! * a language: a tag with a known ISO 639 code, optionally a script and
//!   a region (`de`, `de-DE`, `DE_de`, `gsw`; `ID` is an identifier, not
//!   Indonesian), or an English or German language name, optionally with
//!   a region (`German`, `Deutsch`, `Englisch`, `English (United Kingdom)`,
//!   `Deutsch (Schweiz)`, `English_United_States`), also with `term` or
//!   `translation` (`Term [en]`, `German term`);
//! * a note on one language's terms: a language with `note`, `comment`,
//!   `def`, `definition`, `description` or a German word for them
//!   (memoQ's `German_Def`, `de_description`, `EN-GB comment`);
//! * `source`/`term`/`Begriff`, `target`/`translation`/`Übersetzung`;
//! * a note on the entry: `note(s)`, `comment(s)`, `definition`,
//!   `description`, `remark(s)`, memoQ's `Entry_Note`, `Kommentar`,
//!   `Anmerkung`, `Bemerkung`, `Hinweis`, `Beschreibung`, ...;
//! * `forbidden` (`verboten`): forbidden translations, `;`-separated; when
//!   every cell of the column is yes or no (`TRUE`/`FALSE`, `yes`/`no`,
//!   `1`/`0`, `wahr`/`falsch`, `ja`/`nein`), as Matecat writes it, yes
//!   makes the row's translations forbidden instead (every term but a
//!   `source` column's: which language is the target is the glossary's
//!   choice). Such a row alone gives no glossary entry, which needs an
//!   approved translation; it is skipped and said why;
//! * `pos`, `status`, `forms`, `case_sensitive` (yes/no), `match`.
//!
//! Other columns (`Domain`, `Entry_ID`, `Example of use`, ...) are ignored,
//! with one warning naming them. The glossary's source and target columns
//! are found by language (as for TBX: see `entry.rs`), and the
//! cells of `target`, language, `forbidden` and `forms` columns may hold
//! several values separated by `;`.
//!
//! A comment ending in `[forbidden: a; b]` (what satz writes) gives
//! forbidden translations.
//!
//! Text that is JSON (it starts with `{` or `[` and is JSON, or its first
//! line is or opens a JSON object or array) is refused, naming the format,
//! whatever the file's extension: read as delimited text it would give
//! garbage terms. A line such as `[sic]<TAB>sic` is not JSON.
//!
//! # Writing
//!
//! [`to_tsv`]: OmegaT's layout, first line `# -*- coding: utf-8 -*-`, then
//! one line per approved translation (`german<TAB>english`), preferred first;
//! the first line of a term carries the comment: the note, then
//! `[forbidden: a; b]` when the term has forbidden translations. OmegaT has
//! no place for forbidden translations (a line of their own would offer
//! them as suggestions), so they live in the comment, where a translator
//! reads them and satz reads them back. Lost: `pos`, `status`, `forms`,
//! `case_sensitive`, `match` (an import into the same glossary keeps them,
//! since merging never removes anything); tabs and line breaks inside a
//! value become spaces. A German term starting with `#` is written after a
//! space: OmegaT, like satz, skips lines starting with `#` as comments and
//! trims the cells of the others, so both read the term back unchanged.
//!
//! [`to_csv`]: a header `<source>,<target>,note,forbidden,pos,status,forms,
//! case_sensitive,match` (the first two named by the glossary's languages,
//! so the first three columns are OmegaT's german, english, comment), one
//! row per term, lists joined by `; `; fields containing `#` are quoted
//! (OmegaT's CSV glossary reader skips lines starting with `#`, a quote
//! keeps them). Everything a glossary holds survives, except a list value
//! that itself contains `;`.
//!
//! # Layout
//!
//! This file reads lines and records; `shape` refuses JSON, finds quotes
//! that never close, Excel's `sep=` line and the delimiter; `header` tells
//! a header row and its columns; `rows` turns rows into entries; `write`
//! writes both formats.

use std::collections::HashMap;
use std::path::Path;

use super::entry::{Entry, EntryTerm, LangGroup, LangKey, TermStatus};
use crate::error::{Error, Location, Result, Warning};
use crate::glossary::{Glossary, MatchMode};

mod header;
mod rows;
mod shape;
mod write;

use header::*;
use rows::*;
use shape::*;
pub use write::{join_comment, split_comment, to_csv, to_omegat_csv, to_tsv};

/// How the rows of a file are laid out.
#[derive(Debug, Clone)]
enum Layout {
    /// source, target, comment by position.
    Positional,
    /// Named columns.
    Named(Vec<Option<Col>>),
}

/// What a tab-separated or CSV file held.
#[derive(Debug, Default)]
pub struct Delimited {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
    /// Problems that did not stop the reading.
    pub warnings: Vec<Warning>,
}

/// Where the lines of a text start: `\r\n`, `\n` and a lone `\r` each end
/// a line.
struct Lines<'a> {
    bytes: &'a [u8],
    starts: Vec<usize>,
}

impl Lines<'_> {
    fn new(text: &str) -> Lines<'_> {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        for (i, &b) in bytes.iter().enumerate() {
            let lone_cr = b == b'\r' && bytes.get(i + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                starts.push(i + 1);
            }
        }
        Lines { bytes, starts }
    }

    /// The 1-based line of byte `at`.
    fn line_at(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s <= at)
    }

    /// The line where a record found at byte `at` starts: line ends before
    /// it (the `\n` of a `\r\n`, blank lines) are skipped.
    #[allow(
        clippy::indexing_slicing,
        reason = "at is the body's start plus a csv position in the body: at most the text's length"
    )]
    fn record_line(&self, at: usize) -> usize {
        let skip = self.bytes[at..]
            .iter()
            .take_while(|&&b| b == b'\r' || b == b'\n')
            .count();
        self.line_at(at + skip)
    }

    /// The lines, numbered from 1, without their line ends.
    fn iter<'t>(&'t self, text: &'t str) -> impl Iterator<Item = (usize, &'t str)> + 't {
        self.starts
            .iter()
            .enumerate()
            .filter_map(move |(i, &start)| {
                // The last line ends with the text.
                let end = self.starts.get(i + 1).copied().unwrap_or(text.len());
                let line = text.get(start..end)?;
                let line = line.strip_suffix('\n').unwrap_or(line);
                let line = line.strip_suffix('\r').unwrap_or(line);
                // A text ending in a line end has no line after it.
                (start < text.len() || i == 0).then_some((i + 1, line))
            })
    }
}

/// Reads OmegaT-style tab-separated text.
pub fn read_tsv(text: &str, path: &Path) -> Result<Delimited> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    refuse_json(text, path)?;
    let lines = Lines::new(text);
    let mut rows = Vec::new();
    for (n, line) in lines.iter(text) {
        if line.starts_with('#') {
            continue;
        }
        let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_owned()).collect();
        rows.push((n, cells));
    }
    Ok(from_rows(rows, path))
}

/// Reads CSV text (RFC 4180; see the module documentation for the
/// delimiter).
pub fn read_csv(text: &str, path: &Path) -> Result<Delimited> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    refuse_json(text, path)?;
    let lines = Lines::new(text);
    let (delimiter, start) = match sep_line(text) {
        Some(found) => found,
        None => (sniff_delimiter(text), 0),
    };
    #[allow(
        clippy::indexing_slicing,
        reason = "start is 0 or sep_line's end of its line (after its line end): a char boundary"
    )]
    let body = &text[start..];
    match bad_quote(body.as_bytes(), delimiter) {
        Some(BadQuote::Unclosed(at)) => {
            return Err(Error::input(
                Location::line(path, lines.line_at(start + at)),
                "unclosed quote (opened here): the quoted field would run to the end of \
                 the file; end it with `\"` (a quote inside a quoted field is written `\"\"`)",
            ));
        }
        Some(BadQuote::Unbalanced { open, close }) => {
            return Err(Error::input(
                Location::line(path, lines.line_at(start + open)),
                format!(
                    "unbalanced quote (opened here): the quoted field runs to line {}, \
                     where text follows its closing quote; a quote is missing or extra \
                     (a quote inside a quoted field is written `\"\"`)",
                    lines.line_at(start + close)
                ),
            ));
        }
        None => {}
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                // An error without a position is shown at the data's start.
                let at = e.position().map_or(0, |p| byte_offset(p.byte()));
                return Err(Error::input(
                    Location::line(path, lines.record_line(start + at)),
                    format!("bad CSV: {e}"),
                ));
            }
        }
        let position = record.position();
        debug_assert!(position.is_some(), "read_record sets the position");
        let at = position.map_or(0, |p| byte_offset(p.byte()));
        rows.push((
            lines.record_line(start + at),
            record.iter().map(str::to_owned).collect(),
        ));
    }
    Ok(from_rows(rows, path))
}
