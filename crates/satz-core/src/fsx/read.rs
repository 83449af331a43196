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
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        text.nfc().collect()
    }
}

/// Normalises a borrowed string to NFC, borrowing when it already is.
pub fn nfc_str(text: &str) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_to_nfc() {
        assert_eq!(nfc("Gru\u{0308}sse".to_owned()), "Grüsse");
    }
}
