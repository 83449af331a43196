//! The manifest of a batch alignment (`satz align --batch MANIFEST.tsv`):
//! the document pairs of an archive of past translations, one
//! `german<TAB>english` pair of paths per line.
//!
//! Paths are relative to the manifest's folder unless absolute, so a
//! manifest kept beside its archive works from any working directory;
//! `#` comments and blank lines are skipped. A malformed line is an error
//! naming `manifest:line`, found before any pair is aligned: a typo must
//! not cost an hour of aligning the rest first.

use std::path::{Path, PathBuf};

use crate::error::{Error, Location, Result};

/// One document pair of a manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestPair {
    /// The 1-based line of the manifest that names the pair.
    pub line: usize,
    /// The German (source) document, resolved against the manifest's folder.
    pub source: PathBuf,
    /// The English (target) document, resolved likewise.
    pub target: PathBuf,
}

/// Reads the manifest at `path` (any encoding [`crate::fsx::read_text`]
/// knows) and returns its pairs in order.
pub fn read_manifest(path: &Path) -> Result<Vec<ManifestPair>> {
    let text = crate::fsx::read_text(path)?;
    parse_manifest(path, &text)
}

/// The pairs of manifest `text`, read from `path` (which names it in errors
/// and whose folder relative paths start from). A manifest without a pair is
/// an error too: a batch that aligns nothing must not report success.
pub fn parse_manifest(path: &Path, text: &str) -> Result<Vec<ManifestPair>> {
    let base = path.parent().unwrap_or(Path::new(""));
    let mut pairs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let at = || Location::line(path, line_no);
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [source, target] = cols.as_slice() else {
            return Err(Error::input(
                at(),
                format!(
                    "expected german<TAB>english (two paths separated by one tab), found {} column(s)",
                    cols.len()
                ),
            ));
        };
        for p in [source, target] {
            if p.is_empty() {
                return Err(Error::input(at(), "a path is empty"));
            }
            if *p == "-" {
                return Err(Error::input(
                    at(),
                    "'-' (standard input) cannot be one of many documents",
                ));
            }
        }
        pairs.push(ManifestPair {
            line: line_no,
            source: base.join(source),
            target: base.join(target),
        });
    }
    if pairs.is_empty() {
        return Err(Error::input(
            Location::file(path),
            "the manifest lists no pair (german<TAB>english per line)",
        ));
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_resolve_against_the_manifest_folder_and_skip_comments() {
        let m = Path::new("archive/pairs.tsv");
        let text = "# archive\n\n2024/a.de.txt\t2024/a.en.txt\n  \n/abs/b.de\t b.en \r\n";
        let pairs = parse_manifest(m, text).unwrap();
        assert_eq!(
            pairs,
            vec![
                ManifestPair {
                    line: 3,
                    source: PathBuf::from("archive/2024/a.de.txt"),
                    target: PathBuf::from("archive/2024/a.en.txt"),
                },
                ManifestPair {
                    line: 5,
                    source: PathBuf::from("/abs/b.de"),
                    target: PathBuf::from("archive/b.en"),
                },
            ]
        );
        let bare = parse_manifest(Path::new("pairs.tsv"), "a\tb\n").unwrap();
        assert_eq!(bare[0].source, PathBuf::from("a"));
    }

    #[test]
    fn malformed_lines_name_manifest_and_line() {
        let m = Path::new("pairs.tsv");
        let err = |text: &str| parse_manifest(m, text).unwrap_err().to_string();
        assert_eq!(
            err("a\tb\nc d\n"),
            "pairs.tsv:2: expected german<TAB>english (two paths separated by one tab), found 1 column(s)"
        );
        assert!(err("a\tb\tc\n").starts_with("pairs.tsv:1: expected"));
        assert_eq!(err("a\t\n"), "pairs.tsv:1: a path is empty");
        assert!(err("-\tb\n").starts_with("pairs.tsv:1: '-'"));
        assert_eq!(
            err("# nothing\n\n"),
            "pairs.tsv: the manifest lists no pair (german<TAB>english per line)"
        );
    }
}
