//! What every XML reader and writer of satz shares (TMX, TBX, the HTML
//! pages).
//!
//! Reading: a quick-xml reader over a decoded string ([`Cursor`]) that turns
//! byte offsets into `path:line:col` errors, resolves the five predefined
//! entities and character references, and reads attributes normalised to
//! NFC. Files are decoded first by [`crate::fsx::decode`], since quick-xml
//! does not transcode UTF-16.
//!
//! Writing: one escaper ([`escape`], [`escape_into`]) whose [`Escape`]
//! presets say what each writer needs: markup characters always, quotes in
//! attribute values, and the white space a reader would change (XML 1.0
//! §2.11 turns `\r\n` into `\n`, §3.3.3 turns tabs and line breaks in an
//! attribute value into spaces, and TBX readers may trim or collapse layout
//! spaces) as character references. Characters XML 1.0 cannot hold
//! ([`is_xml_char`]) are dropped; importers warn about them first.

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::{BytesRef, BytesStart, Event};

use crate::error::{Error, Location, Result};
use crate::fsx::nfc_str;
use crate::position::Position;

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
        self.xml.read_event().map_err(|e| self.xml_error(e))
    }

    /// The byte offset of the next event.
    pub fn pos(&self) -> usize {
        // A position in a text held in memory fits in a usize: lossless.
        self.xml.buffer_position() as usize
    }

    /// Skips the rest of the element `start` opened.
    pub fn skip(&mut self, start: &BytesStart<'_>) -> Result<()> {
        let name = start.name();
        self.xml
            .read_to_end(name)
            .map(|_| ())
            .map_err(|e| self.xml_error(e))
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
    pub fn xml_error(&mut self, err: quick_xml::Error) -> Error {
        // A position in a text held in memory fits in a usize: lossless.
        let at = self.xml.error_position() as usize;
        let message = match &err {
            quick_xml::Error::IllFormed(e) => format!("malformed XML: {e}"),
            quick_xml::Error::Syntax(e) => format!("malformed XML: {e}"),
            other => format!("malformed XML: {other}"),
        };
        self.error_at(at, message)
    }

    /// An input error at a byte offset.
    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Error {
        Error::input(Location::at_offset(self.path, self.text, offset), message)
    }

    /// The 1-based line of a byte offset; offsets asked for mostly grow, so
    /// the file is scanned about once.
    pub fn line_of(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        let (from, line) = self.line_cache;
        if offset < from {
            return Position::from_offset(self.text, offset).line;
        }
        #[allow(
            clippy::indexing_slicing,
            reason = "from ≤ offset ≤ len: checked and clamped above (from is an earlier offset)"
        )]
        let n = self.text.as_bytes()[from..offset]
            .iter()
            .filter(|&&c| c == b'\n')
            .count();
        self.line_cache = (offset, line + n);
        line + n
    }
}

/// What [`escape`] writes as a reference besides `&`, `<` and `>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escape {
    /// `"` as `&quot;`: attribute values in double quotes.
    pub quot: bool,
    /// `'` as `&#39;`: HTML attribute values in single quotes.
    pub apos: bool,
    /// Which white space becomes a character reference.
    pub space: Space,
    /// Whether characters XML 1.0 cannot hold are dropped (not in HTML).
    pub xml_chars_only: bool,
}

/// Which white space [`escape`] writes as a character reference (`&#9;`,
/// `&#10;`, `&#13;`, `&#32;`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Space {
    /// None: HTML, where the page's layout decides.
    Literal,
    /// The carriage return only: text content, kept exactly as held.
    CarriageReturn,
    /// Tab, line feed and carriage return: attribute values, which a reader
    /// would otherwise normalise to spaces.
    Controls,
    /// All of XML's white space except a single space between two other
    /// characters: text a reader may trim or collapse (TBX).
    Layout,
}

impl Escape {
    /// Text content kept exactly as held (TMX segments, notes and props).
    pub const TEXT: Escape = Escape {
        quot: false,
        apos: false,
        space: Space::CarriageReturn,
        xml_chars_only: true,
    };
    /// A double-quoted attribute value kept exactly as held (TMX).
    pub const ATTR: Escape = Escape {
        quot: true,
        apos: false,
        space: Space::Controls,
        xml_chars_only: true,
    };
    /// Text content whose every space survives trimming and collapsing
    /// (TBX).
    pub const LAYOUT_TEXT: Escape = Escape {
        quot: false,
        apos: false,
        space: Space::Layout,
        xml_chars_only: true,
    };
    /// A double-quoted attribute value whose every space survives trimming
    /// and collapsing (TBX).
    pub const LAYOUT_ATTR: Escape = Escape {
        quot: true,
        ..Escape::LAYOUT_TEXT
    };
    /// HTML text or an attribute value in either kind of quotes.
    pub const HTML: Escape = Escape {
        quot: true,
        apos: true,
        space: Space::Literal,
        xml_chars_only: false,
    };
}

/// `s` escaped as `how` says (see [`Escape`]).
pub fn escape(s: &str, how: Escape) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, how);
    out
}

/// Appends `s` to `out`, escaped as `how` says (see [`Escape`]).
pub fn escape_into(out: &mut String, s: &str, how: Escape) {
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if how.quot => out.push_str("&quot;"),
            '\'' if how.apos => out.push_str("&#39;"),
            c if is_xml_space(c) && space_as_reference(c, how.space, prev, chars.peek()) => {
                out.push_str("&#");
                out.push_str(&u32::from(c).to_string());
                out.push(';');
            }
            c if !how.xml_chars_only || is_xml_char(c) => out.push(c),
            _ => {}
        }
        prev = Some(c);
    }
}

/// Whether the white space `c`, between `prev` and `next`, is written as a
/// character reference.
fn space_as_reference(c: char, space: Space, prev: Option<char>, next: Option<&char>) -> bool {
    match space {
        Space::Literal => false,
        Space::CarriageReturn => c == '\r',
        Space::Controls => c != ' ',
        Space::Layout => {
            c != ' ' || prev.is_none_or(is_xml_space) || next.is_none_or(|&n| is_xml_space(n))
        }
    }
}

/// XML's white space (`S`): what a reader may treat as layout.
pub fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Whether XML 1.0 can hold `c` (its `Char` production).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod escape_tests {
    use super::*;

    const SAMPLE: &str = " a  b\tc\nd\re \"q\" 'a' <&> \u{1}\u{FFFE} ";

    #[test]
    fn text_keeps_white_space_but_the_carriage_return() {
        assert_eq!(
            escape(SAMPLE, Escape::TEXT),
            " a  b\tc\nd&#13;e \"q\" 'a' &lt;&amp;&gt;  "
        );
    }

    #[test]
    fn attributes_keep_tabs_and_line_breaks_as_references() {
        assert_eq!(
            escape(SAMPLE, Escape::ATTR),
            " a  b&#9;c&#10;d&#13;e &quot;q&quot; 'a' &lt;&amp;&gt;  "
        );
    }

    #[test]
    fn layout_keeps_only_single_inner_spaces_literal() {
        assert_eq!(
            escape(SAMPLE, Escape::LAYOUT_TEXT),
            "&#32;a&#32;&#32;b&#9;c&#10;d&#13;e \"q\" 'a' &lt;&amp;&gt; &#32;"
        );
        assert_eq!(escape("a \"b\"", Escape::LAYOUT_ATTR), "a &quot;b&quot;");
        assert_eq!(escape(" ", Escape::LAYOUT_TEXT), "&#32;");
    }

    #[test]
    fn html_escapes_both_quotes_and_keeps_every_character() {
        assert_eq!(
            escape("<a href=\"x\">Kim's & «Putin»</a>\u{1}", Escape::HTML),
            "&lt;a href=&quot;x&quot;&gt;Kim&#39;s &amp; «Putin»&lt;/a&gt;\u{1}"
        );
    }

    #[test]
    fn xml_characters() {
        assert!(is_xml_char('\t') && is_xml_char('ä') && is_xml_char('\u{10000}'));
        assert!(!is_xml_char('\u{0}') && !is_xml_char('\u{1F}') && !is_xml_char('\u{FFFF}'));
    }
}
