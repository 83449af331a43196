//! The crate's error type.
//!
//! Every error that comes from bad input carries a [`Location`]: the file, and
//! where it applies the 1-based line and column, so that messages read as
//! `path:line:col: what is wrong` (the convention of compilers and of
//! `grep -n`, which editors can jump to). All errors map to exit code 2; a
//! command that ran and found problems (`check`) reports them as findings, not
//! as errors.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The result type of the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where in an input something was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file; `-` stands for standard input.
    pub path: PathBuf,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// 1-based column in characters, where known.
    pub col: Option<usize>,
}

impl Location {
    /// A whole file, no position.
    pub fn file(path: &Path) -> Location {
        Location {
            path: path.to_path_buf(),
            line: None,
            col: None,
        }
    }

    /// A line of a file.
    pub fn line(path: &Path, line: usize) -> Location {
        Location {
            path: path.to_path_buf(),
            line: Some(line),
            col: None,
        }
    }

    /// A line and column of a file.
    pub fn at(path: &Path, line: usize, col: usize) -> Location {
        Location {
            path: path.to_path_buf(),
            line: Some(line),
            col: Some(col),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.as_os_str() == "-" {
            f.write_str("<stdin>")?;
        } else {
            write!(f, "{}", self.path.display())?;
        }
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.col {
                write!(f, ":{col}")?;
            }
        }
        Ok(())
    }
}

/// Everything that can go wrong in satz.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The operating system refused a read or write.
    #[error("{}: {source}", Location::file(path))]
    Io {
        /// The file or folder concerned.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// An input is malformed: undecodable bytes, broken XML, a bad glossary entry.
    #[error("{location}: {message}")]
    Input {
        /// Where.
        location: Location,
        /// What is wrong, in words a translator understands.
        message: String,
    },
    /// `glossary.toml` (or a term given on the command line) is malformed.
    #[error(transparent)]
    Glossary(#[from] crate::glossary::GlossaryError),
    /// The command line is wrong in a way clap cannot see.
    #[error("{0}")]
    Usage(String),
    /// A CSV output could not be written (see [`crate::report::csv`]).
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
}

impl Error {
    /// An input error at a location.
    pub fn input(location: Location, message: impl Into<String>) -> Error {
        Error::Input {
            location,
            message: message.into(),
        }
    }

    /// An I/O error on a path.
    pub fn io(path: &Path, source: io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// True when the error is a closed pipe on output (`satz ... | head`),
    /// which is not a failure.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Io { source, .. } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// Converts a byte offset in `text` to a 1-based line and a 1-based column
/// counted in characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or_default();
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

/// A problem that does not stop the command: a unit skipped, a variant
/// dropped. Printed on stderr as `warning: path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Where.
    pub location: Location,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let text = "ab\nÄöü x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'x' is after three two-byte letters and a space
        assert_eq!(line_col(text, 3 + 7), (2, 5));
        // inside a character: rounds down to its start
        assert_eq!(line_col(text, 4), (2, 1));
        assert_eq!(line_col(text, 999), (3, 1));
    }

    #[test]
    fn locations_print_like_compilers() {
        let p = Path::new("memory/a.tmx");
        assert_eq!(Location::at(p, 3, 7).to_string(), "memory/a.tmx:3:7");
        assert_eq!(Location::line(p, 3).to_string(), "memory/a.tmx:3");
        assert_eq!(Location::file(Path::new("-")).to_string(), "<stdin>");
    }
}
