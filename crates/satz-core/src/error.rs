//! The crate's error type.
//!
//! Every error that comes from bad input carries a [`Location`]: the file, and
//! where it applies the 1-based line and column ([`Position`]), so that messages read as
//! `path:line:col: what is wrong` (the convention of compilers and of
//! `grep -n`, which editors can jump to). All errors map to exit code 2; a
//! command that ran and found problems (`check`) reports them as findings, not
//! as errors.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::position::Position;

/// The result type of the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where in an input something was found: a file, and where it applies a
/// line, or a line and column ([`Position`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file; `-` stands for standard input.
    pub path: PathBuf,
    /// The place in the file.
    pub place: Place,
}

/// The place in a file a [`Location`] points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The whole file.
    File,
    /// A 1-based line.
    Line(usize),
    /// A line and column.
    At(Position),
}

impl Location {
    /// A whole file, no position.
    pub fn file(path: &Path) -> Location {
        Location {
            path: path.to_path_buf(),
            place: Place::File,
        }
    }

    /// A line of a file.
    pub fn line(path: &Path, line: usize) -> Location {
        Location {
            path: path.to_path_buf(),
            place: Place::Line(line),
        }
    }

    /// A line and column of a file.
    pub fn at(path: &Path, position: Position) -> Location {
        Location {
            path: path.to_path_buf(),
            place: Place::At(position),
        }
    }

    /// The place of byte `offset` in `text`, read from `path`.
    pub fn at_offset(path: &Path, text: &str, offset: usize) -> Location {
        Location::at(path, Position::from_offset(text, offset))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.as_os_str() == "-" {
            f.write_str("<stdin>")?;
        } else {
            write!(f, "{}", self.path.display())?;
        }
        match self.place {
            Place::File => Ok(()),
            Place::Line(line) => write!(f, ":{line}"),
            Place::At(position) => write!(f, ":{position}"),
        }
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
    /// A memory file name that is empty, hidden or would leave `memory/`.
    #[error("'{0}' is not a usable memory name: use letters, digits, '-' or '_', no folders")]
    MemoryName(String),
    /// Units to add from standard input, which has no file name to name
    /// their memory file after, and no name given.
    #[error("standard input has no file name to name its memory file after")]
    UnnamedInput,
    /// An encoding label that names no encoding.
    #[error(
        "unknown encoding '{0}'; names are those of the WHATWG Encoding Standard, e.g. utf-8, \
         windows-1252 (German Windows, Excel), iso-8859-1, iso-8859-15, macintosh, utf-16le, utf-16be"
    )]
    UnknownEncoding(String),
    /// The command line is wrong in a way its parser cannot see.
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
    fn locations_print_like_compilers() {
        let p = Path::new("memory/a.tmx");
        assert_eq!(
            Location::at(p, Position { line: 3, column: 7 }).to_string(),
            "memory/a.tmx:3:7"
        );
        assert_eq!(Location::line(p, 3).to_string(), "memory/a.tmx:3");
        assert_eq!(Location::file(Path::new("-")).to_string(), "<stdin>");
    }
}
