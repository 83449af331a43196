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
/// other characters, read as bytes (see [`breaks_fold`]).
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Each byte with the two after it, 64 at a time without a branch per
    // byte (the compiler vectorises the test); the last two bytes, whose
    // followers lie past the end, with zeros (no whitespace's byte) there.
    let n = bytes.len();
    let full = n.saturating_sub(2);
    let at = |from: usize| bytes.get(from..from + full).unwrap_or_default();
    let (firsts, seconds, thirds) = (at(0), at(1), at(2));
    let blocks = firsts
        .chunks(64)
        .zip(seconds.chunks(64))
        .zip(thirds.chunks(64));
    for ((a, b), c) in blocks {
        let hit = a
            .iter()
            .zip(b)
            .zip(c)
            .fold(false, |hit, ((&a, &b), &c)| hit | breaks_fold(a, b, c));
        if hit {
            return false;
        }
    }
    let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
    !(full..n).any(|i| breaks_fold(byte(i), byte(i + 1), byte(i + 2)))
}

/// Whether the byte `a`, followed by `b` and `c`, starts what a folded
/// text lacks: a space before a space, ASCII whitespace other than the
/// space, or whitespace beyond ASCII (U+0085, U+00A0, U+1680, U+2000 to
/// U+200A, U+2028, U+2029, U+202F, U+205F and U+3000: Unicode's
/// White_Space, told apart from other characters by their first two or
/// three bytes; `„` and `–` share the first two with U+2000). Bitwise, not
/// short-circuit, so that a run of calls vectorises.
#[inline(always)]
fn breaks_fold(a: u8, b: u8, c: u8) -> bool {
    (a == b' ') & (b == b' ')
        | (a.wrapping_sub(b'\t') < 5)
        | (a == 0xC2) & ((b == 0x85) | (b == 0xA0))
        | (a == 0xE1) & (b == 0x9A) & (c == 0x80)
        | (a == 0xE2)
            & (b == 0x80)
            & ((c.wrapping_sub(0x80) < 0x0B) | (c == 0xA8) | (c == 0xA9) | (c == 0xAF))
        | (a == 0xE2) & (b == 0x81) & (c == 0x9F)
        | (a == 0xE3) & (b == 0x80) & (c == 0x80)
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

    /// Every character between two letters, alone, and at either end of
    /// a text: the byte test of whitespace agrees with
    /// `char::is_whitespace` (a space between letters is folded).
    #[test]
    fn is_folded_knows_every_whitespace_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let inner = format!("a{c}b");
            assert_eq!(
                is_folded(&inner),
                !c.is_whitespace() || c == ' ',
                "{:X}",
                c as u32
            );
            for s in [format!("{c}"), format!("ab{c}"), format!("{c}ab")] {
                assert_eq!(is_folded(&s), !c.is_whitespace(), "{:X} in {s:?}", c as u32);
            }
        }
    }

    proptest::proptest! {
        /// The copy-free path gives the copying definition's result.
        #[test]
        fn fold_whitespace_cow_is_fold_whitespace(s in "[a \t\n\r\u{b}\u{c}\u{1c}\u{85}\u{A0}\u{1680}\u{2000}\u{2009}\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}\u{200B}\u{2030}\u{2060}\u{180E}é„–€アÀ]{0,10}") {
            let (fast, slow) = (fold_whitespace_cow(&s), fold_whitespace(&s));
            proptest::prop_assert_eq!(fast.as_ref(), slow.as_str());
        }

        /// The same over longer texts, whose blocks of 64 bytes the screen
        /// reads (runs and wide spaces across a block's end).
        #[test]
        fn fold_whitespace_cow_is_fold_whitespace_long(s in "([a-zé„–]{1,12}( |  |\t|\u{A0}|\u{2009}|\u{3000}|\n)){0,12}[a-z]{0,3}") {
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
