//! `align --dict FILE`: a bilingual word list that helps the aligner, as
//! `german<TAB>english` lines (an OmegaT glossary is one).

use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::fsx;

/// The pairs of a `--dict` file: `german<TAB>english` per line, `#`
/// comments and blank lines skipped, further columns (an OmegaT glossary's
/// comment) ignored; a line without both sides is an error naming it.
pub(super) fn read_dictionary(path: &Path) -> Result<Vec<(String, String)>> {
    let text = fsx::read_text(path)?;
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        match (cols.next(), cols.next()) {
            (Some(de), Some(en)) if !de.trim().is_empty() && !en.trim().is_empty() => {
                pairs.push((de.trim().to_owned(), en.trim().to_owned()));
            }
            _ => {
                return Err(Error::input(
                    Location::line(path, i + 1),
                    "expected german<TAB>english",
                ));
            }
        }
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_lines_take_two_columns_and_ignore_a_comment() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("dict.tsv");
        std::fs::write(
            &path,
            "# de<TAB>en\n\nGesicht\tface\nReiseführer\t tour guide \tOmegaT comment\n",
        )
        .unwrap();
        assert_eq!(
            read_dictionary(&path).unwrap(),
            vec![
                ("Gesicht".to_owned(), "face".to_owned()),
                ("Reiseführer".to_owned(), "tour guide".to_owned())
            ]
        );
        std::fs::write(&path, "Gesicht\tface\nGesicht\t\tcomment\n").unwrap();
        let err = read_dictionary(&path).unwrap_err().to_string();
        assert!(
            err.ends_with("dict.tsv:2: expected german<TAB>english"),
            "{err}"
        );
    }
}
