//! Writing the whole memory of a language pair out: TMX for other CAT
//! tools, TSV (`source<TAB>target`, inline codes dropped) for scripts, CSV
//! with a header row naming the languages for spreadsheets.
//!
//! A unit that stands in several memory files is written once; in TMX,
//! units that differ only by their inline codes are written each (TSV and
//! CSV drop the codes, so there they are one line). TSV cannot
//! hold tabs or line breaks inside a field, so they become spaces there.

use std::io::Write;

use crate::tm::tmx::{self, Header};

/// The formats `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// TMX 1.4b.
    Tmx,
    /// `source<TAB>target` per line.
    Tsv,
    /// CSV with a header row.
    Csv,
}

/// Streams the whole memory in `format` to `out`, unit by unit (one memory
/// file's text in memory at a time, a 128-bit hash per unit for
/// de-duplication). Returns the units written and the load report.
pub fn export_memory(
    memory: &crate::tm::Memory,
    format: ExportFormat,
    out: &mut dyn Write,
) -> crate::error::Result<(usize, crate::tm::store::Loaded)> {
    let mut seen = std::collections::HashSet::new();
    let mut n = 0;
    let mut failed: Option<std::io::Error> = None;
    let tail = match format {
        ExportFormat::Tmx => {
            let empty = tmx::write::render(&Header::default(), memory.pair.source.as_str(), &[]);
            #[allow(
                clippy::expect_used,
                reason = "render always writes the body's closing tag; the tail after it is kept"
            )]
            let at = empty.rfind("  </body>").expect("render writes </body>");
            let (a, b) = empty.split_at(at);
            out.write_all(a.as_bytes()).map_err(io_err)?;
            b.to_owned()
        }
        ExportFormat::Csv => {
            let header = csv_record(memory.pair.source.as_str(), memory.pair.target.as_str())
                .map_err(io_err)?;
            out.write_all(&header).map_err(io_err)?;
            String::new()
        }
        ExportFormat::Tsv => String::new(),
    };
    let mut block = String::new();
    let loaded = memory.for_each_unit(|u| {
        // TMX keeps inline codes, so units that differ only by them are
        // written each; the plain-text formats drop codes, so they would be
        // the same line twice.
        let key = match format {
            ExportFormat::Tmx => crate::tm::store::duplicate_hash(&u),
            ExportFormat::Tsv | ExportFormat::Csv => crate::tm::store::identity_hash(&u),
        };
        if failed.is_some() || !seen.insert(key) {
            return;
        }
        n += 1;
        block.clear();
        let result = match format {
            ExportFormat::Tmx => {
                tmx::write::write_unit(&mut block, &tmx::raw_from_unit(&u));
                out.write_all(block.as_bytes())
            }
            ExportFormat::Tsv => writeln!(
                out,
                "{}\t{}",
                one_line(&u.source_text()),
                one_line(&u.target_text())
            ),
            ExportFormat::Csv => csv_record(&u.source_text(), &u.target_text())
                .and_then(|bytes| out.write_all(&bytes)),
        };
        if let Err(e) = result {
            failed = Some(e);
        }
    })?;
    if let Some(e) = failed {
        return Err(io_err(e));
    }
    out.write_all(tail.as_bytes()).map_err(io_err)?;
    Ok((n, loaded))
}

/// One CSV record (RFC 4180 quoting by the csv crate).
fn csv_record(a: &str, b: &str) -> std::io::Result<Vec<u8>> {
    crate::report::csv::to_string([[a, b]])
        .map(String::into_bytes)
        .map_err(std::io::Error::from)
}

fn io_err(e: std::io::Error) -> crate::error::Error {
    crate::error::Error::io(std::path::Path::new("<output>"), e)
}

fn one_line(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tm::{LangPair, Memory, Unit};

    fn export_of(units: Vec<Unit>, format: ExportFormat) -> (usize, String) {
        let dir = tempfile::tempdir().unwrap();
        let memory = Memory::new(dir.path().join("memory"), LangPair::default());
        memory.add("a", units.clone()).unwrap();
        // The same units again in a second file: written once.
        std::fs::copy(
            dir.path().join("memory/a.tmx"),
            dir.path().join("memory/b.tmx"),
        )
        .unwrap();
        let mut out = Vec::new();
        let (n, _) = export_memory(&memory, format, &mut out).unwrap();
        (n, String::from_utf8(out).unwrap())
    }

    #[test]
    fn tsv_has_one_line_per_unique_unit() {
        let (n, text) = export_of(
            vec![Unit::new("de", "Eins\tzwei", "en", "One\ntwo")],
            ExportFormat::Tsv,
        );
        assert_eq!(n, 1);
        assert_eq!(text, "Eins zwei\tOne two\n");
    }

    #[test]
    fn csv_starts_with_the_languages() {
        let (_, text) = export_of(
            vec![Unit::new("de", "Ja, klar", "en", "Yes")],
            ExportFormat::Csv,
        );
        assert_eq!(text, "de,en\n\"Ja, klar\",Yes\n");
    }

    #[test]
    fn tmx_is_a_whole_file() {
        let (_, text) = export_of(vec![Unit::new("de", "Ja", "en", "Yes")], ExportFormat::Tmx);
        assert!(text.starts_with("<?xml"));
        assert!(text.ends_with("    </tu>\n  </body>\n</tmx>\n"), "{text}");
        assert_eq!(text.matches("<tu ").count(), 1);
    }
}
