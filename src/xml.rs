//! What every XML reader of satz shares (TMX, TBX): a quick-xml reader over
//! a decoded string that turns byte offsets into `path:line:col` errors,
//! resolves the five predefined entities and character references, and
//! reads attributes normalised to NFC. Files are decoded first by
//! [`crate::fsx::decode`], since quick-xml does not transcode UTF-16.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::error::{Error, Location, Result};
use crate::fsx::nfc_str;

/// A positioned XML event reader over one document.
pub struct Cursor<'a> {
    /// The quick-xml reader (end-tag names checked).
    pub xml: Reader<&'a [u8]>,
    text: &'a str,
    path: &'a Path,
    /// (byte offset, line) of the last offset turned into a line number.
    line_cache: (usize, usize),
}

impl<'a> Cursor<'a> {
    /// A cursor at the start of `text`; `path` names the file in messages.
    pub fn new(text: &'a str, path: &'a Path) -> Cursor<'a> {
        let mut xml = Reader::from_str(text);
        xml.config_mut().check_end_names = true;
        Cursor {
            xml,
            text,
            path,
            line_cache: (0, 1),
        }
    }

    /// The file named in messages.
    pub fn path(&self) -> &'a Path {
        self.path
    }

    /// The next event; a well-formedness error names its line and column.
    pub fn event(&mut self) -> Result<Event<'a>> {
        let pos = self.pos();
        self.xml.read_event().map_err(|e| self.xml_error(e, pos))
    }

    /// The byte offset of the next event.
    pub fn pos(&self) -> usize {
        usize::try_from(self.xml.buffer_position()).unwrap_or(usize::MAX)
    }

    /// Skips the rest of the element `start` opened.
    pub fn skip(&mut self, start: &BytesStart<'_>) -> Result<()> {
        let pos = self.pos();
        let name = start.name();
        self.xml
            .read_to_end(name)
            .map(|_| ())
            .map_err(|e| self.xml_error(e, pos))
    }

    /// The text of an entity or character reference.
    pub fn resolve_ref(&self, r: &BytesRef<'_>, pos: usize) -> Result<String> {
        match r.resolve_char_ref() {
            Ok(Some(c)) => return Ok(c.to_string()),
            Ok(None) => {}
            Err(e) => return Err(self.error_at(pos, format!("bad character reference: {e}"))),
        }
        Ok(match &**r {
            "lt" => "<".to_owned(),
            "gt" => ">".to_owned(),
            "amp" => "&".to_owned(),
            "apos" => "'".to_owned(),
            "quot" => "\"".to_owned(),
            other => return Err(self.error_at(pos, format!("unknown entity &{other};"))),
        })
    }

    /// The attributes of a start tag, in file order, values normalised
    /// (XML 1.0 attribute-value normalisation, then NFC).
    pub fn attrs(&self, e: &BytesStart<'_>, pos: usize) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        for attr in e.attributes() {
            let attr = attr.map_err(|err| self.error_at(pos, format!("bad attribute: {err}")))?;
            let value = attr
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|err| self.error_at(pos, format!("bad attribute value: {err}")))?;
            out.push((attr.key.0.to_owned(), nfc_str(&value).into_owned()));
        }
        Ok(out)
    }

    /// A quick-xml error as `path:line:col: malformed XML: ...`.
    pub fn xml_error(&mut self, err: quick_xml::Error, fallback: usize) -> Error {
        let at = usize::try_from(self.xml.error_position()).unwrap_or(fallback);
        let message = match &err {
            quick_xml::Error::IllFormed(e) => format!("malformed XML: {e}"),
            quick_xml::Error::Syntax(e) => format!("malformed XML: {e}"),
            other => format!("malformed XML: {other}"),
        };
        self.error_at(at, message)
    }

    /// An input error at a byte offset.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Error {
        let (line, col) = crate::error::line_col(self.text, offset);
        Error::input(Location::at(self.path, line, col), message)
    }

    /// The 1-based line of a byte offset; offsets asked for mostly grow, so
    /// the file is scanned about once.
    pub fn line_of(&mut self, offset: usize) -> usize {
        let (from, line) = self.line_cache;
        if offset < from {
            return crate::error::line_col(self.text, offset).0;
        }
        let n = self
            .text
            .as_bytes()
            .get(from..offset)
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count());
        self.line_cache = (offset, line + n);
        line + n
    }
}
