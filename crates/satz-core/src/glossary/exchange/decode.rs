//! Reading an import file's bytes as text, and telling its format.
//!
//! Decoding, in order: a UTF-8 or UTF-16 byte-order mark, UTF-16 without
//! one (recognised by its zero bytes), an XML declaration's encoding (both
//! through [`crate::fsx::decode`]), OmegaT's Emacs-style magic comment on
//! the first line (`# -*- coding: windows-1252 -*-`), else strict UTF-8.
//! The text is normalised to NFC.
//!
//! The format comes from the content first: XML is read as TBX (other XML
//! vocabularies are refused by the TBX reader, naming them), ZIP archives
//! and binary files are refused; then from the extension (`.csv` is CSV;
//! `.tsv`, `.tab`, `.txt`, `.utf8` are OmegaT tab-separated); else a tab in
//! the first data line means TSV, a comma or semicolon CSV.

use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::error::{Error, Location, Result};
use crate::fsx;

/// The format of an import file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// XML: TBX, or refused by the TBX reader.
    Xml,
    /// Tab-separated (OmegaT).
    Tsv,
    /// Comma- (or semicolon-) separated.
    Csv,
}

/// Decodes an import file (see the module documentation).
pub fn decode(bytes: &[u8], path: &Path) -> Result<String> {
    decode_as(bytes, path, None)
}

/// Decodes an import file; `encoding` (`--encoding`) is the encoding of a
/// file that does not name its own by a byte-order mark, an XML
/// declaration or a `-*- coding -*-` comment. It replaces the guess of
/// UTF-16 by zero bytes and of UTF-8.
pub fn decode_as(bytes: &[u8], path: &Path, encoding: Option<&'static Encoding>) -> Result<String> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(Error::input(
            Location::file(path),
            "a ZIP archive (an Excel or LibreOffice workbook?), not a glossary file: \
             save it as CSV (UTF-8) and import that",
        ));
    }
    if Encoding::for_bom(bytes).is_some() {
        return Ok(fsx::nfc(fsx::decode(bytes, path)?));
    }
    if encoding.is_none()
        && let Some(enc) = sniff_utf16(bytes)
    {
        return decode_with(bytes, enc, path, "UTF-16 without a byte-order mark");
    }
    let head = first_line(bytes);
    if !bytes.trim_ascii_start().starts_with(b"<")
        && let Some(enc) = magic_coding(head)
        && enc != UTF_8
    {
        return decode_with(bytes, enc, path, "the -*- coding -*- comment");
    }
    Ok(fsx::nfc(fsx::decode_input(bytes.to_vec(), path, encoding)?))
}

fn decode_with(bytes: &[u8], enc: &'static Encoding, path: &Path, because: &str) -> Result<String> {
    match enc.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => Ok(fsx::nfc(text.into_owned())),
        None => Err(Error::input(
            Location::file(path),
            format!(
                "not valid {} (as {because} says); save the file as UTF-8",
                enc.name()
            ),
        )),
    }
}

fn first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        // No line end: the whole text is its first line.
        .unwrap_or(bytes.len())
        .min(512);
    // end ≤ bytes.len() by construction.
    let (line, _) = bytes.split_at(end);
    line
}

/// The encoding an Emacs-style `-*- coding: NAME -*-` comment names.
pub fn magic_coding(line: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(line);
    let at = text.find("-*-")?;
    let rest = text.get(at + 3..)?;
    let at = rest.find("coding:")?;
    let rest = rest.get(at + "coding:".len()..)?.trim_start();
    let label: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ';')
        .collect();
    let label = label.trim_end_matches("-*-");
    Encoding::for_label(label.trim().as_bytes())
}

/// UTF-16 without a byte-order mark: most high bytes of the first units are
/// zero (the text is mostly ASCII), in one byte position only.
fn sniff_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let n = bytes.len().min(256) / 2;
    if n < 2 {
        return None;
    }
    let (mut even_zero, mut odd_zero) = (0usize, 0usize);
    for pair in bytes.chunks_exact(2).take(n) {
        if let [a, b] = pair {
            even_zero += usize::from(*a == 0);
            odd_zero += usize::from(*b == 0);
        }
    }
    if odd_zero * 10 >= n * 7 && even_zero == 0 {
        Some(UTF_16LE)
    } else if even_zero * 10 >= n * 7 && odd_zero == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The format of a decoded import file.
pub fn kind(text: &str, path: &Path) -> Result<Kind> {
    if text.contains('\0') {
        return Err(Error::input(
            Location::file(path),
            "a binary file, not a glossary (satz glossary import reads TBX, OmegaT \
             tab-separated and CSV glossaries)",
        ));
    }
    if text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        return Ok(Kind::Xml);
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        // No extension: the content decides below.
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => return Ok(Kind::Csv),
        "tsv" | "tab" | "txt" | "utf8" => return Ok(Kind::Tsv),
        "tbx" | "xml" | "mtf" | "tmx" | "xlf" | "xliff" | "sdlxliff" => {
            return Err(Error::input(
                Location::file(path),
                format!("not XML, so not a .{ext} file (it does not start with `<`)"),
            ));
        }
        _ => {}
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        // Only blank and comment lines: the empty line decides.
        .unwrap_or_default();
    Ok(if first.contains('\t') {
        Kind::Tsv
    } else if first.contains(',') || first.contains(';') {
        Kind::Csv
    } else {
        Kind::Tsv
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, le: bool) -> Vec<u8> {
        s.encode_utf16()
            .flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() })
            .collect()
    }

    #[test]
    fn utf16_without_bom_and_magic_comments() {
        let p = Path::new("g.txt");
        let s = "Haus\thouse\nGrüsse\tgreetings\n";
        assert_eq!(decode(&utf16(s, true), p).unwrap(), s);
        assert_eq!(decode(&utf16(s, false), p).unwrap(), s);
        let latin = b"# -*- coding: iso-8859-1 -*-\nGr\xfc\xdfe\tgreetings\n";
        assert_eq!(
            decode(latin, p).unwrap(),
            "# -*- coding: iso-8859-1 -*-\nGrüße\tgreetings\n"
        );
        let err = decode(b"Gr\xfc\xdfe\tx\n", p).unwrap_err().to_string();
        assert!(
            err.starts_with("g.txt:1:3: not valid UTF-8: byte 0xFC (ü in windows-1252"),
            "{err}"
        );
        let cp1252 = fsx::encoding_for_label("windows-1252").ok();
        assert_eq!(
            decode_as(b"Gr\xfc\xdfe\tx\n", p, cp1252).unwrap(),
            "Grüße\tx\n"
        );
        let utf8 = "# Glossary -*- coding: utf-8 -*-\nÄ\tb\n";
        assert_eq!(decode(utf8.as_bytes(), p).unwrap(), utf8);
    }

    #[test]
    fn formats_by_content_then_extension() {
        let k = |text: &str, name: &str| kind(text, Path::new(name)).map_err(|e| e.to_string());
        assert_eq!(k("\u{feff}<?xml?><martif/>", "a.txt"), Ok(Kind::Xml));
        assert_eq!(k("  <tbx/>", "a"), Ok(Kind::Xml));
        assert_eq!(k("a,b", "a.tab"), Ok(Kind::Tsv));
        assert_eq!(k("a\tb", "a.csv"), Ok(Kind::Csv));
        assert_eq!(k("# c\na\tb", "a"), Ok(Kind::Tsv));
        assert_eq!(k("a;b", "a"), Ok(Kind::Csv));
        assert!(k("a\tb", "a.tbx").unwrap_err().contains("not XML"));
        assert!(k("a\0b", "a.csv").unwrap_err().contains("binary"));
        let zip = decode(b"PK\x03\x04rest", Path::new("g.xlsx")).unwrap_err();
        assert!(zip.to_string().contains("ZIP archive"), "{zip}");
    }
}
