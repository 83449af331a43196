//! Writing the whole memory of a language pair out: TMX for other CAT
//! tools, TSV (`source<TAB>target`, inline codes dropped) for scripts, CSV
//! with a header row naming the languages for spreadsheets.
//!
//! A unit that stands in several memory files is written once. TSV cannot
//! hold tabs or line breaks inside a field, so they become spaces there.

use std::io::Write;

use crate::tm::lang::LangPair;
use crate::tm::tmx::{self, Header};
use crate::tm::unit::Unit;

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

/// Writes `units` (deduplicated, in order) in `format`.
pub fn export(
    units: &[Unit],
    pair: &LangPair,
    format: ExportFormat,
    out: &mut dyn Write,
) -> std::io::Result<usize> {
    let mut seen = std::collections::HashSet::new();
    let units: Vec<&Unit> = units.iter().filter(|u| seen.insert(u.identity())).collect();
    match format {
        ExportFormat::Tmx => {
            let raw: Vec<_> = units.iter().map(|u| tmx::raw_from_unit(u)).collect();
            let text = tmx::write::render(&Header::default(), pair.source.as_str(), &raw);
            out.write_all(text.as_bytes())?;
        }
        ExportFormat::Tsv => {
            for u in &units {
                writeln!(
                    out,
                    "{}\t{}",
                    one_line(&u.source_text()),
                    one_line(&u.target_text())
                )?;
            }
        }
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            let io = |e: csv::Error| std::io::Error::other(e.to_string());
            w.write_record([pair.source.as_str(), pair.target.as_str()])
                .map_err(io)?;
            for u in &units {
                w.write_record([u.source_text(), u.target_text()])
                    .map_err(io)?;
            }
            w.flush()?;
        }
    }
    Ok(units.len())
}

fn one_line(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_has_one_line_per_unique_unit() {
        let units = [
            Unit::new("de", "Eins\tzwei", "en", "One\ntwo"),
            Unit::new("de", "Eins\tzwei", "en", "One\ntwo"),
        ];
        let mut out = Vec::new();
        let n = export(&units, &LangPair::default(), ExportFormat::Tsv, &mut out).unwrap();
        assert_eq!(n, 1);
        assert_eq!(String::from_utf8(out).unwrap(), "Eins zwei\tOne two\n");
    }

    #[test]
    fn csv_starts_with_the_languages() {
        let units = [Unit::new("de", "Ja, klar", "en", "Yes")];
        let mut out = Vec::new();
        export(&units, &LangPair::default(), ExportFormat::Csv, &mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "de,en\n\"Ja, klar\",Yes\n");
    }
}
