//! Text normalisation shared by every part of satz.
//!
//! Input is NFC already (see [`crate::fsx`]); what remains is to decide when
//! two strings count as the same: whitespace runs folded, case folded where a
//! translator would not see a difference, and Swiss `ss` for `ß`.
//! [`tokenize`] splits text into word tokens for matching; [`numbers`] reads
//! numbers in German, Swiss and English formats.

pub mod numbers;
pub mod tokenize;
pub mod words;

/// Folds every run of whitespace to one space and trims both ends.
pub fn fold_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Lower-cases and writes `ß` as `ss` (Swiss spelling), for comparisons a
/// user expects to ignore case and the ß/ss difference.
pub fn fold_case(text: &str) -> String {
    text.to_lowercase().replace('ß', "ss")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_whitespace_runs_including_unicode_spaces() {
        assert_eq!(fold_whitespace("  a\t\tb\u{00A0}\u{3000}c \n"), "a b c");
        assert_eq!(fold_whitespace(""), "");
    }

    #[test]
    fn folds_case_and_sharp_s() {
        assert_eq!(fold_case("Straße"), fold_case("STRASSE"));
        assert_eq!(fold_case("Ausserhalb"), "ausserhalb");
    }
}
