//! Glossary exchange: `satz glossary import` and `satz glossary export`.
//!
//! Formats:
//!
//! * **TBX** (ISO 30042:2019 TBX v3, TBX-Basic; read also: TBX-Min,
//!   TBX-Core, DCT style, TBX 2008 / MARTIF with `termEntry`/`langSet`/
//!   `tig`/`ntig`): [`tbx_read`] and [`to_tbx`], whose documentation gives
//!   the mapping of statuses (forbidden translations are
//!   `deprecatedTerm-admn-sts`), parts of speech, notes and forms;
//! * **OmegaT tab-separated** (`source<TAB>target<TAB>comment`) and
//!   **CSV** (by position, or with a header naming the columns):
//!   [`delimited`], whose documentation says what each format can hold.
//!
//! Import reads a file into neutral [`Entry`]s (one TBX concept, one
//! OmegaT line, one CSV row), converts them into glossary terms for the
//! glossary's language pair ([`convert`]: languages matched by primary
//! subtag, preferred translations first, deprecated ones forbidden) and
//! merges them into `glossary.toml` ([`merge_entries`]), never removing or
//! overwriting anything and keeping the file's comments. Files that are XML
//! but not TBX (MultiTerm XML, XLIFF, TMX) are refused by name; malformed
//! XML stops with `path:line:col`.
//!
//! Round trips: `glossary.toml` → TBX → `glossary.toml` and → CSV → keep
//! every field; → OmegaT TSV keeps the German term, the approved
//! translations in order, the note and (in the comment) the forbidden
//! translations.

pub mod decode;
pub mod delimited;
pub mod entry;
pub mod merge;
pub mod tbx_read;
pub mod tbx_write;

#[cfg(test)]
mod tests;

use std::path::Path;

pub use entry::{Entry, EntryTerm, LangGroup, LangKey, SkipReason, TermStatus, convert};
pub use merge::{ImportOutcome, SkipKind, Skipped, merge_entries};
pub use tbx_write::{TbxContext, TbxDialect, TbxOptions, to_tbx};

use crate::error::{Result, Warning};
use crate::glossary::Glossary;

/// An export format of `satz glossary export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// TBX-Basic (TBX v3, DCA style).
    Tbx,
    /// TBX-Basic 2008 (`<martif>`), what OmegaT and translate-toolkit read.
    Tbx2008,
    /// OmegaT tab-separated.
    Tsv,
    /// OmegaT's glossary: the tab-separated layout, for a file OmegaT loads
    /// (`.txt`, `.tab`, `.utf8`; see [`omegat_loads`]).
    Omegat,
    /// OmegaT's CSV glossary (no header, quoted fields), for a `.csv` file:
    /// the one layout where every OmegaT version keeps a term starting
    /// with `#`.
    OmegatCsv,
    /// CSV with a header.
    Csv,
}

/// The glossary in an exchange format. Only the CSV writer can fail.
pub fn export(glossary: &Glossary, format: ExportFormat) -> Result<String, csv::Error> {
    Ok(match format {
        ExportFormat::Tbx => to_tbx(glossary, &TbxOptions::default()),
        ExportFormat::Tbx2008 => to_tbx(
            glossary,
            &TbxOptions {
                dialect: TbxDialect::V2,
                ..TbxOptions::default()
            },
        ),
        ExportFormat::Tsv | ExportFormat::Omegat => delimited::to_tsv(glossary),
        ExportFormat::OmegatCsv => delimited::to_omegat_csv(glossary)?,
        ExportFormat::Csv => delimited::to_csv(glossary)?,
    })
}

/// Whether OmegaT loads a tab-separated glossary file of this name: it
/// picks a reader by the extension (`.txt`, `.tab` and `.utf8`
/// tab-separated, `.csv`, `.tbx`) and silently ignores every other file,
/// `.tsv` included.
pub fn omegat_loads(path: &Path) -> bool {
    let name = lower_name(path);
    [".txt", ".tab", ".utf8"]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// The OmegaT layout for an output file: its CSV glossary for a `.csv`
/// name, else the tab-separated one (stdout included).
pub fn omegat_format_for(output: Option<&Path>) -> ExportFormat {
    match output {
        Some(path) if lower_name(path).ends_with(".csv") => ExportFormat::OmegatCsv,
        _ => ExportFormat::Omegat,
    }
}

/// A path's file name in lower case ("" for none).
fn lower_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().to_lowercase())
        // A path without a file name (`..`) is no file OmegaT loads.
        .unwrap_or_default()
}

/// The German terms OmegaT 3.6 reads with a leading space: its
/// tab-separated reader skips a line that starts with `#` as a comment, so
/// the writer puts a space before such a term; OmegaT 4 and later trim
/// every cell (as satz does), OmegaT 3.6 keeps the space.
pub fn omegat_hash_terms(glossary: &Glossary) -> Vec<&str> {
    glossary
        .terms
        .iter()
        .map(|t| t.de.as_str())
        .filter(|de| de.trim_start().starts_with('#'))
        .collect()
}

/// What an import file held.
#[derive(Debug, Default)]
pub struct ImportFile {
    /// The entries, in file order.
    pub entries: Vec<Entry>,
    /// Problems that did not stop the reading.
    pub warnings: Vec<Warning>,
    /// The format, for reports: `TBX-Basic`, `TBX`, `OmegaT TSV`, `CSV`.
    pub format: String,
}

impl ImportFile {
    /// The language tags the file's entries hold, sorted, each once.
    pub fn languages(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .entries
            .iter()
            .flat_map(|e| e.groups.iter())
            .filter_map(|g| match &g.lang {
                LangKey::Tag(t) => Some(t.clone()),
                _ => None,
            })
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Reads an import file (or standard input for `-`); `encoding` is that of
/// a file that does not name its own (`--encoding`).
pub fn read_file(
    path: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<ImportFile> {
    let bytes = crate::fsx::read_bytes(path)?;
    read_bytes_as(&bytes, path, encoding)
}

/// Reads an import file's bytes; `path` names it and its extension helps
/// tell the format (see [`decode`]).
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<ImportFile> {
    read_bytes_as(bytes, path, None)
}

/// Like [`read_bytes`], with the encoding of a file that does not name its
/// own.
pub fn read_bytes_as(
    bytes: &[u8],
    path: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<ImportFile> {
    let text = decode::decode_as(bytes, path, encoding)?;
    match decode::kind(&text, path)? {
        decode::Kind::Xml => {
            let tbx = tbx_read::read(&text, path)?;
            Ok(ImportFile {
                entries: tbx.entries,
                warnings: tbx.warnings,
                format: tbx.dialect.unwrap_or_else(|| "TBX".to_owned()),
            })
        }
        decode::Kind::Tsv => {
            let tsv = delimited::read_tsv(&text, path)?;
            Ok(ImportFile {
                entries: tsv.entries,
                warnings: tsv.warnings,
                format: "OmegaT TSV".to_owned(),
            })
        }
        decode::Kind::Csv => {
            let csv = delimited::read_csv(&text, path)?;
            Ok(ImportFile {
                entries: csv.entries,
                warnings: csv.warnings,
                format: "CSV".to_owned(),
            })
        }
    }
}
