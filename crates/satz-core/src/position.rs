//! A place in a text: the one position type of the crate.
//!
//! Every reader that reports where something is wrong (the XML cursor of
//! TMX and TBX, `glossary.toml`, `segment.toml`, undecodable bytes) turns a
//! byte offset into a [`Position`] here, so all messages count lines and
//! columns the same way: 1-based, columns in characters (Rust `char`s), as
//! compilers and editors do. [`crate::error::Location`] adds the file.

use std::fmt;

/// A 1-based line and column in a text.
///
/// `column` counts Unicode scalar values from the start of the line, so a
/// line starting with `ü = 1` has `=` at column 3.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in `char`s.
    pub column: usize,
}

impl Position {
    /// The position of a byte offset into `text`.
    ///
    /// Offsets past the end are clamped to the end of the text, and offsets
    /// inside a multi-byte character are moved back to its first byte, so
    /// this never panics.
    pub fn from_offset(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // `offset` is a char boundary within `text`: the loop above ends at
        // one (0 always is).
        #[allow(clippy::indexing_slicing, reason = "the proof is the comment above")]
        let before = &text[..offset];
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        // No line end before it: the first line, starting at 0.
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        // `line_start` follows a '\n', a char boundary.
        #[allow(clippy::indexing_slicing, reason = "the proof is the comment above")]
        let column = before[line_start..].chars().count() + 1;
        Position { line, column }
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Position {
        Position { line, column }
    }

    #[test]
    fn offsets_to_line_and_column() {
        let text = "ab\nü = 1\n\nx";
        assert_eq!(Position::from_offset(text, 0), at(1, 1));
        assert_eq!(Position::from_offset(text, 2), at(1, 3));
        assert_eq!(Position::from_offset(text, 3), at(2, 1));
        // "ü" is two bytes; "=" is at byte 6, column 3.
        assert_eq!(Position::from_offset(text, 6), at(2, 3));
        // Inside "ü": moved back to its start.
        assert_eq!(Position::from_offset(text, 4), at(2, 1));
        assert_eq!(Position::from_offset(text, 10), at(3, 1));
        assert_eq!(Position::from_offset(text, 11), at(4, 1));
        assert_eq!(Position::from_offset(text, 999), at(4, 2));
        assert_eq!(Position::from_offset("", 5), at(1, 1));
    }

    #[test]
    fn columns_count_characters() {
        let text = "ab\nÄöü x\n";
        // 'x' is after three two-byte letters and a space
        assert_eq!(Position::from_offset(text, 3 + 7), at(2, 5));
        assert_eq!(Position::from_offset(text, 999), at(3, 1));
        assert_eq!(at(3, 7).to_string(), "3:7");
    }
}
