//! Decoding bytes to text: a byte-order mark wins; without one, UTF-16 is
//! recognised by the `<?xml` it starts with or by its zero bytes, and an
//! XML declaration's `encoding` names a legacy encoding (XML 1.0, appendix
//! F); an input file a user names may fall back to the `--encoding`
//! option; everything else must be UTF-8. Undecodable bytes are an error at
//! their line and column.

use std::path::Path;

use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, Location, Result};

/// The encoding a label names (`windows-1252`, `latin1`, `iso-8859-15`,
/// `utf-16le`, ...: the labels of the WHATWG Encoding Standard, in any
/// case), for `--encoding`; an unknown label is [`Error::UnknownEncoding`].
pub fn encoding_for_label(label: &str) -> Result<&'static Encoding> {
    match Encoding::for_label(label.trim().as_bytes()) {
        Some(enc) if enc != encoding_rs::REPLACEMENT => Ok(enc),
        _ => Err(Error::UnknownEncoding(label.to_owned())),
    }
}

/// Who reads a file, which decides the fallback encoding and the advice
/// when it cannot be decoded.
#[derive(Debug, Clone, Copy)]
enum Reader {
    /// satz's own files: no `--encoding`.
    Own,
    /// A file the user names, with the `--encoding` option (if given).
    Input(Option<&'static Encoding>),
}

/// Like [`decode`], taking the bytes: UTF-8 input becomes the string
/// without a copy.
pub fn decode_owned(bytes: Vec<u8>, path: &Path) -> Result<String> {
    decode_vec(bytes, path, Reader::Own)
}

/// Decodes an input file a user names, without NFC: what the file says of
/// itself wins (a byte-order mark, an XML declaration's encoding), then
/// `encoding` (the `--encoding` option), then what [`decode`] finds
/// (UTF-16 by its zero bytes, else UTF-8). Undecodable bytes are an error
/// at their line and column whose advice names `--encoding`.
pub fn decode_input(
    bytes: Vec<u8>,
    path: &Path,
    encoding: Option<&'static Encoding>,
) -> Result<String> {
    decode_vec(bytes, path, Reader::Input(encoding))
}

fn decode_vec(mut bytes: Vec<u8>, path: &Path, reader: Reader) -> Result<String> {
    let (encoding, body) = detect(&bytes, reader);
    if encoding != UTF_8 {
        return decode_with(&bytes, path, reader);
    }
    let bom = bytes.len() - body.len();
    bytes.drain(..bom);
    String::from_utf8(bytes).map_err(|e| {
        let failure = e.utf8_error().into();
        undecodable(path, e.as_bytes(), UTF_8, &failure, reader)
    })
}

/// Decodes bytes to a string (without NFC): BOM first, then UTF-16 sniffing,
/// then the XML declaration's encoding, else strict UTF-8.
/// `path` only names the input in error messages.
pub fn decode(bytes: &[u8], path: &Path) -> Result<String> {
    decode_with(bytes, path, Reader::Own)
}

/// Where decoding failed, as a byte offset into the text after any
/// byte-order mark.
enum Failure {
    /// UTF-8: the offset of the first bad byte, and whether the input ended
    /// inside a character.
    Utf8 { at: usize, cut: bool },
    /// Another encoding.
    Other { at: usize },
}

impl From<std::str::Utf8Error> for Failure {
    fn from(e: std::str::Utf8Error) -> Failure {
        Failure::Utf8 {
            at: e.valid_up_to(),
            cut: e.error_len().is_none(),
        }
    }
}

fn decode_with(bytes: &[u8], path: &Path, reader: Reader) -> Result<String> {
    let (encoding, body) = detect(bytes, reader);
    if encoding == UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(s) => Ok(s.to_owned()),
            Err(e) => Err(undecodable(path, body, encoding, &e.into(), reader)),
        };
    }
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) {
        return Ok(text.into_owned());
    }
    // Find where decoding failed, to tell the user.
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(body.len())
            // Only a capacity hint: `None` (the length overflowed) is not an error.
            .unwrap_or(body.len() * 3),
    );
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    let at = match result {
        DecoderResult::Malformed(len, after) => read.saturating_sub(len as usize + after as usize),
        _ => read,
    };
    Err(undecodable(
        path,
        body,
        encoding,
        &Failure::Other { at },
        reader,
    ))
}

/// The error for bytes of `body` (the text after any byte-order mark) that
/// `encoding` cannot decode: where (line and column, counted in the
/// characters before), what, and what to do.
fn undecodable(
    path: &Path,
    body: &[u8],
    encoding: &'static Encoding,
    failure: &Failure,
    reader: Reader,
) -> Error {
    if let Some(kind) = binary_kind(body) {
        return Error::input(
            Location::file(path),
            format!("this is {kind}, not a text file"),
        );
    }
    let at = match *failure {
        Failure::Utf8 { at, .. } | Failure::Other { at } => at,
    };
    // `at` is where decoding of `body` stopped: a UTF-8 error's
    // `valid_up_to`, or what the decoder read of `body` less the malformed
    // bytes; never beyond `body`.
    debug_assert!(at <= body.len());
    #[allow(clippy::indexing_slicing)]
    let (before, _) = encoding.decode_without_bom_handling(&body[..at]);
    let position = crate::position::Position::from_offset(&before, before.len());
    let xml = path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["tmx", "tbx", "xml", "xlf", "xliff"]
            .iter()
            .any(|x| e.eq_ignore_ascii_case(x))
    });
    let byte = body.get(at).copied();
    let (what, legacy) = match (failure, byte) {
        (Failure::Utf8 { cut: true, .. }, _) => (
            "not valid UTF-8: the file ends inside a character (is it cut off?)".to_owned(),
            None,
        ),
        (Failure::Utf8 { .. }, Some(b)) => (
            format!("not valid UTF-8: byte 0x{b:02X}"),
            windows_1252_char(b),
        ),
        _ => (format!("not valid {}", encoding.name()), None),
    };
    let hint = match (reader, legacy) {
        _ if xml => {
            "save the file as UTF-8, or name its encoding in the XML declaration".to_owned()
        }
        (Reader::Input(Some(given)), _) if given == encoding => format!(
            "is --encoding {} right? If not, name the right one, or save the file as UTF-8",
            given.name()
        ),
        (Reader::Input(_), Some(c)) => format!(
            "{c} in windows-1252: read the file with --encoding windows-1252, or save it as UTF-8"
        ),
        (Reader::Input(_), None) => {
            "name its encoding with --encoding, or save the file as UTF-8".to_owned()
        }
        (Reader::Own, _) => {
            "save the file as UTF-8, or as UTF-16 with a byte-order mark".to_owned()
        }
    };
    Error::input(Location::at(path, position), format!("{what} ({hint})"))
}

/// What `byte` is in windows-1252, when it is a printable character there.
fn windows_1252_char(byte: u8) -> Option<char> {
    let bytes = [byte];
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&bytes);
    text.chars().next().filter(|c| !c.is_control())
}

/// What a file is, when its first bytes are the signature of a common
/// binary format (so that a mistaken input gets a message naming it).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 12] = [
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (
            b"PK\x03\x04",
            "a ZIP archive (an .xlsx, .docx or .odt file is one; save it as text)",
        ),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            "an old Microsoft Office file (.xls, .doc; save it as text)",
        ),
        (b"\x1f\x8b", "a gzip archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ\x00", "an xz archive"),
        (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"\x7fELF", "a program (ELF)"),
    ];
    SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|&(_, kind)| kind)
}

/// Finds the encoding of `bytes` and the part after any byte-order mark:
/// a byte-order mark, UTF-16 that starts with `<?xml`, an XML
/// declaration's encoding, the `--encoding` of an input, UTF-16 by its zero
/// bytes, else UTF-8.
fn detect(bytes: &[u8], reader: Reader) -> (&'static Encoding, &[u8]) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        // `for_bom` found a byte-order mark of `bom_len` bytes at the start
        // of `bytes`, so they are at least that long.
        debug_assert!(bom_len <= bytes.len());
        #[allow(clippy::indexing_slicing)]
        return (enc, &bytes[bom_len..]);
    }
    if bytes.starts_with(b"<\0?\0") {
        return (UTF_16LE, bytes);
    }
    if bytes.starts_with(b"\0<\0?") {
        return (UTF_16BE, bytes);
    }
    match declared_encoding(bytes) {
        // A declaration that names UTF-16 in a file with 8-bit units is wrong;
        // the bytes are the better witness.
        Some(enc) if enc != UTF_16LE && enc != UTF_16BE => return (enc, bytes),
        _ => {}
    }
    if let Reader::Input(Some(enc)) = reader {
        return (enc, bytes);
    }
    if let Some(enc) = sniff_utf16(bytes) {
        return (enc, bytes);
    }
    (UTF_8, bytes)
}

/// UTF-16 without a byte-order mark, recognised by its zero bytes: in text
/// of a Latin script most UTF-16 code units have a zero high byte, while
/// UTF-8 text holds no zero byte at all. At least a quarter of the units of
/// the first 4 KiB must have a zero byte on one side and (almost) none on
/// the other.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..bytes.len().min(4096) & !1)?;
    let units = sample.len() / 2;
    let (mut low, mut high) = (0usize, 0usize);
    for unit in sample.chunks_exact(2) {
        if let [a, b] = unit {
            low += usize::from(*a == 0);
            high += usize::from(*b == 0);
        }
    }
    if units == 0 {
        None
    } else if high * 4 >= units && low * 10 <= high {
        Some(UTF_16LE)
    } else if low * 4 >= units && high * 10 <= low {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The encoding named by an XML declaration at the start of `bytes`, if any.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..bytes.len().min(1024))?;
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = head.get(..end)?;
    let at = decl.windows(8).position(|w| w == b"encoding")?;
    let rest = decl.get(at + 8..)?;
    let rest = rest.get(rest.iter().position(|&b| b == b'=')? + 1..)?;
    let start = rest.iter().position(|&b| b == b'"' || b == b'\'')?;
    let quote = *rest.get(start)?;
    let value = rest.get(start + 1..)?;
    let len = value.iter().position(|&b| b == quote)?;
    Encoding::for_label(value.get(..len)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { &[0xFF, 0xFE] } else { &[0xFE, 0xFF] });
        }
        for unit in s.encode_utf16() {
            let b = if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend_from_slice(&b);
        }
        out
    }

    #[test]
    fn decodes_boms_and_utf16() {
        let p = Path::new("t");
        let s = "<?xml version=\"1.0\"?><x>Grüsse 10'000 «»</x>";
        assert_eq!(decode(&utf16(s, true, true), p).unwrap(), s);
        assert_eq!(decode(&utf16(s, false, true), p).unwrap(), s);
        assert_eq!(decode(&utf16(s, true, false), p).unwrap(), s);
        assert_eq!(decode(&utf16(s, false, false), p).unwrap(), s);
        let mut bom8 = vec![0xEF, 0xBB, 0xBF];
        bom8.extend_from_slice(s.as_bytes());
        assert_eq!(decode(&bom8, p).unwrap(), s);
    }

    /// Regression: UTF-16 text without a byte-order mark (what some Windows
    /// tools save) was read as UTF-8 full of NUL characters, so `segment`
    /// did not split it and `import` warned on every line.
    #[test]
    fn decodes_utf16_text_without_bom() {
        let p = Path::new("t.tsv");
        let s = "Haus\thouse\nGrüsse 10'000 «Krieg»\twar\n";
        assert_eq!(decode(&utf16(s, true, false), p).unwrap(), s);
        assert_eq!(decode(&utf16(s, false, false), p).unwrap(), s);
        // Truncated in the middle of a code unit: an error, not garbage.
        let mut cut = utf16(s, true, false);
        cut.pop();
        let err = decode(&cut, p).unwrap_err().to_string();
        assert!(err.contains(":2:26: not valid UTF-16LE"), "{err}");
        // UTF-8 stays UTF-8, a stray NUL and all.
        assert_eq!(decode(b"Haus\0\thouse\n", p).unwrap(), "Haus\0\thouse\n");
        assert_eq!(decode(&[0; 64], p).unwrap(), "\0".repeat(64));
        assert_eq!(decode(b"Gr\xc3\xbcsse", p).unwrap(), "Grüsse");
    }

    #[test]
    fn honours_a_declared_legacy_encoding() {
        let bytes = b"<?xml version='1.0' encoding='windows-1252'?><x>Gr\xfc\xdfe \x80</x>";
        assert_eq!(
            decode(bytes, Path::new("t")).unwrap(),
            "<?xml version='1.0' encoding='windows-1252'?><x>Grüße €</x>"
        );
    }

    #[test]
    fn undecodable_input_names_line_and_column() {
        let err = decode(b"ok\nbad \xff here", Path::new("in.txt")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "in.txt:2:5: not valid UTF-8: byte 0xFF (save the file as UTF-8, or as UTF-16 with a byte-order mark)"
        );
        // The column counts characters, not bytes; a byte-order mark is not one.
        let err = decode(
            b"\xef\xbb\xbfGr\xc3\xbc\xc3\x9fe\nZ\xc3\xbcrich \xfcber",
            Path::new("in.txt"),
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("in.txt:2:8: "), "{err}");
        let err = decode(b"\x89PNG\r\n\x1a\n\x00\x00\xff", Path::new("logo.tbx")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "logo.tbx: this is a PNG image, not a text file"
        );
        let err = decode_owned(b"PK\x03\x04\x14\x00\xff".to_vec(), Path::new("g.csv")).unwrap_err();
        assert!(
            err.to_string().starts_with("g.csv: this is a ZIP archive"),
            "{err}"
        );
        let err = decode(b"<tmx>\xff", Path::new("a.TMX")).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("(save the file as UTF-8, or name its encoding in the XML declaration)"),
            "{err}"
        );
        // UTF-16: the line and column of the unpaired surrogate.
        let mut bytes = utf16("ab\nc", true, true);
        bytes.extend_from_slice(&[0x00, 0xD8]);
        let err = decode(&bytes, Path::new("u.txt")).unwrap_err();
        assert!(
            err.to_string().starts_with("u.txt:2:2: not valid UTF-16LE"),
            "{err}"
        );
        // A file cut inside a character says so.
        let err = decode(b"Gr\xc3", Path::new("cut.txt")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cut.txt:1:3: not valid UTF-8: the file ends inside a character"),
            "{err}"
        );
    }

    #[test]
    fn inputs_take_the_encoding_option_and_name_it_in_advice() {
        let p = Path::new("latin1.txt");
        let latin1 = b"Haus\thouse\nGr\xfc\xdfe\tgreetings \x80\n".to_vec();
        let err = decode_input(latin1.clone(), p, None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "latin1.txt:2:3: not valid UTF-8: byte 0xFC (ü in windows-1252: read the file \
             with --encoding windows-1252, or save it as UTF-8)"
        );
        let cp1252 = encoding_for_label("Windows-1252").unwrap();
        assert_eq!(
            decode_input(latin1, p, Some(cp1252)).unwrap(),
            "Haus\thouse\nGrüße\tgreetings €\n"
        );
        // What the file says of itself wins over the option.
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("Grüße".as_bytes());
        assert_eq!(decode_input(bom, p, Some(cp1252)).unwrap(), "Grüße");
        let decl = b"<?xml version='1.0' encoding='utf-8'?><x>\xc3\xbc</x>".to_vec();
        assert!(decode_input(decl, p, Some(cp1252)).unwrap().contains('ü'));
        // UTF-16 without a byte-order mark, when named.
        let le = encoding_for_label("utf-16le").unwrap();
        assert_eq!(
            decode_input(utf16("Zürich", true, false), p, Some(le)).unwrap(),
            "Zürich"
        );
        // Bytes the named encoding cannot decode.
        let sjis = encoding_for_label("shift_jis").unwrap();
        let err = decode_input(b"ok\n\x81\x20".to_vec(), p, Some(sjis)).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("latin1.txt:2:1: not valid Shift_JIS (is --encoding Shift_JIS right?"),
            "{err}"
        );
        for bad in ["latin-9x", "", "replacement"] {
            let err = encoding_for_label(bad).unwrap_err();
            assert!(
                matches!(&err, Error::UnknownEncoding(l) if l == bad),
                "{err}"
            );
            let err = err.to_string();
            assert!(
                err.starts_with(&format!("unknown encoding '{bad}'"))
                    && err.contains("windows-1252"),
                "{err}"
            );
        }
    }
}
