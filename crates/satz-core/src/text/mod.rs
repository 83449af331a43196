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

/// [`fold_whitespace`] without a copy when `text` is folded already (no
/// whitespace but single spaces between other characters), as most
/// sentences are.
pub fn fold_whitespace_cow(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_empty() || is_folded(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(fold_whitespace(text))
    }
}

/// Whether a non-empty `text` has no whitespace but single spaces between
/// other characters, read as bytes: whitespace beyond ASCII is U+0085,
/// U+00A0, U+1680, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F and
/// U+3000 (Unicode's White_Space), told apart from other characters by
/// their first two or three bytes (`„` and `–` share the first two with
/// U+2000).
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A leading space counts as a run.
    let mut prev = b' ';
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' if prev == b' ' => return false,
            b'\t'..=b'\r' => return false,
            0xC2 | 0xE1..=0xE3 if wide_space(b, bytes.get(i + 1..).unwrap_or_default()) => {
                return false;
            }
            _ => {}
        }
        prev = b;
    }
    prev != b' '
}

/// Whether the character whose first byte is `lead` and whose further
/// bytes begin `rest` is whitespace beyond ASCII.
fn wide_space(lead: u8, rest: &[u8]) -> bool {
    matches!(
        (lead, rest),
        (0xC2, [0x85 | 0xA0, ..])
            | (0xE1, [0x9A, 0x80, ..])
            | (0xE2, [0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..])
            | (0xE2, [0x81, 0x9F, ..])
            | (0xE3, [0x80, 0x80, ..])
    )
}

/// Lower-cases and writes `ß` as `ss` (Swiss spelling), for comparisons a
/// user expects to ignore case and the ß/ss difference.
pub fn fold_case(text: &str) -> String {
    // ASCII (most words): one allocation, no case tables; `replace`
    // only when there is an `ß` to replace.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let lower = text.to_lowercase();
    if lower.contains('ß') {
        lower.replace('ß', "ss")
    } else {
        lower
    }
}

/// [`fold_case`] of `text` appended to `out`: without an allocation when
/// `text` is ASCII (most words), so a caller folding many words can reuse
/// one buffer.
pub fn fold_case_into(text: &str, out: &mut String) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&fold_case(text));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_whitespace_runs_including_unicode_spaces() {
        assert_eq!(fold_whitespace("  a\t\tb\u{00A0}\u{3000}c \n"), "a b c");
        assert_eq!(fold_whitespace(""), "");
    }

    /// Every character between two letters: the byte test of whitespace
    /// agrees with `char::is_whitespace`.
    #[test]
    fn is_folded_knows_every_whitespace_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(
                is_folded(&s),
                !c.is_whitespace() || c == ' ',
                "{:X}",
                c as u32
            );
        }
    }

    proptest::proptest! {
        /// The copy-free path gives the copying definition's result.
        #[test]
        fn fold_whitespace_cow_is_fold_whitespace(s in "[a \t\n\r\u{b}\u{c}\u{1c}\u{85}\u{A0}\u{1680}\u{2000}\u{2009}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{200B}\u{2030}\u{2060}\u{180E}é„–€アÀ]{0,10}") {
            let (fast, slow) = (fold_whitespace_cow(&s), fold_whitespace(&s));
            proptest::prop_assert_eq!(fast.as_ref(), slow.as_str());
        }

        /// The ASCII fast path and the skipped `replace` give the plain
        /// definition's result.
        #[test]
        fn fold_case_is_lowercase_with_ss(s in "[A-Za-z0-9ßẞÄÖÜäöüİΣσ\u{212A}' -]{0,12}") {
            proptest::prop_assert_eq!(fold_case(&s), s.to_lowercase().replace('ß', "ss"));
            let mut out = String::from("x");
            fold_case_into(&s, &mut out);
            proptest::prop_assert_eq!(out, format!("x{}", fold_case(&s)));
        }
    }

    #[test]
    fn folds_case_and_sharp_s() {
        assert_eq!(fold_case("Straße"), fold_case("STRASSE"));
        assert_eq!(fold_case("Ausserhalb"), "ausserhalb");
    }
}
