//! Reading a whole file (or standard input) as text: decoded (see
//! `decode.rs`) and normalised to NFC, so the rest of satz may assume NFC.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use encoding_rs::Encoding;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::decode::{decode_input, decode_owned};
use crate::error::{Error, Location, Result};

/// Reads a whole file (or standard input for `-`) as bytes.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, e))?;
        return Ok(bytes);
    }
    if path.is_dir() {
        return Err(Error::input(
            Location::file(path),
            "is a folder, not a file",
        ));
    }
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| Error::io(path, e))?;
    Ok(bytes)
}

/// Reads a text file in any supported encoding and normalises it to NFC.
/// For satz's own files (glossary.toml, segment.toml, memory/): the input
/// files a user names go through [`read_input`].
pub fn read_text(path: &Path) -> Result<String> {
    Ok(nfc(decode_owned(read_bytes(path)?, path)?))
}

/// Reads an input file a user names (a text to segment, align, check or
/// look up; a file to import) and normalises it to NFC. `encoding` is the
/// `--encoding` option: the encoding of a file that does not name its own
/// (see [`decode_input`]).
pub fn read_input(path: &Path, encoding: Option<&'static Encoding>) -> Result<String> {
    Ok(nfc(decode_input(read_bytes(path)?, path, encoding)?))
}

/// Normalises a string to Unicode NFC, without copying when it already is.
pub fn nfc(text: String) -> String {
    if is_nfc_fast(&text) {
        text
    } else {
        text.nfc().collect()
    }
}

/// Normalises a borrowed string to NFC, borrowing when it already is.
pub fn nfc_str(text: &str) -> Cow<'_, str> {
    if is_nfc_fast(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Whether `text` is NFC by the quick check, asked only from the first
/// character of U+0300 or above (the first byte of 0xCC or above: a lead
/// byte, so a character boundary), and not at all when there is none, as
/// in ASCII, German and most Latin text. The quick check says yes to every
/// character below U+0300 and gives each the combining class 0, so the
/// check of the rest starts in the state those leave it in: the rest's
/// answer is the whole text's. Screened 32 bytes at a time without a
/// branch per byte, then byte by byte in the block that holds it.
fn is_nfc_fast(text: &str) -> bool {
    let bytes = text.as_bytes();
    let below = |block: &[u8]| block.iter().fold(0u8, |m, &b| m.max(b)) < 0xCC;
    let clean = bytes.chunks(32).take_while(|b| below(b)).count() * 32;
    let first = bytes
        .get(clean..)
        .and_then(|rest| rest.iter().position(|&b| b >= 0xCC));
    match first {
        None => true,
        Some(at) => {
            let rest = text.get(clean + at..).unwrap_or(text);
            is_nfc_quick(rest.chars()) == IsNormalized::Yes
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shortcut's premise, for every character below U+0300: yes by
    /// the quick check, combining class 0.
    #[test]
    fn characters_below_u0300_pass_the_quick_check() {
        let low: Vec<char> = (0..0x300).filter_map(char::from_u32).collect();
        for &c in &low {
            assert_eq!(is_nfc_quick(std::iter::once(c)), IsNormalized::Yes, "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0);
        }
    }

    proptest::proptest! {
        /// The screened check agrees with the quick check alone.
        #[test]
        fn fast_check_is_the_quick_check(s in "[a-zäöüßÀ-ʯ\u{300}\u{301}\u{327}\u{1100}\u{1161}\u{AC00}e\u{301} ]{0,80}") {
            proptest::prop_assert_eq!(is_nfc_fast(&s), is_nfc_quick(s.chars()) == IsNormalized::Yes);
            let full: String = s.nfc().collect();
            let fast = nfc_str(&s);
            proptest::prop_assert_eq!(fast.as_ref(), full.as_str());
        }
    }

    proptest::proptest! {
        /// The same when the first character checked comes after a run of
        /// lower ones that may span blocks of the screen (a base letter
        /// before it, a mark that combines with it, Hangul jamo).
        #[test]
        fn fast_check_after_a_long_prefix(
            prefix in "[a-zäöüßÀ-ʯ ]{0,100}",
            rest in "[a-zÀ-ʯ\u{300}\u{301}\u{327}\u{1100}\u{1161}\u{AC00}\u{2126} ]{0,12}",
        ) {
            let s = format!("{prefix}{rest}");
            proptest::prop_assert_eq!(is_nfc_fast(&s), is_nfc_quick(s.chars()) == IsNormalized::Yes);
        }
    }

    /// A mark after a letter the screen passed over: not NFC (it composes
    /// with the letter), however far into the text.
    #[test]
    fn a_late_combining_mark_is_not_nfc() {
        for n in [0, 1, 31, 32, 33, 63, 64, 100] {
            let s = format!("{}e\u{301}", "a".repeat(n));
            assert!(!is_nfc_fast(&s), "{n}");
            assert_eq!(nfc(s), format!("{}é", "a".repeat(n)));
        }
        assert!(is_nfc_fast(&format!("{}é\u{AC00}", "a".repeat(40))));
    }

    #[test]
    fn normalises_to_nfc() {
        assert_eq!(nfc("Gru\u{0308}sse".to_owned()), "Grüsse");
    }
}
