//! A streaming TMX reader for TMX 1.1 to 1.4b.
//!
//! It walks the XML events once (quick-xml) and hands out one `<tu>` at a
//! time, with all its language variants, so a file of any size is read
//! without building a document tree. It is lenient where real tools are
//! sloppy (no `<header>`, `lang` instead of `xml:lang`, any case, unknown
//! attributes and elements) and strict where the file is broken: a
//! well-formedness error stops the file with `path:line:col`.
//!
//! Reference: TMX 1.4b, LISA OSCAR recommendation, 2005
//! (<https://www.gala-global.org/tmx-14b>).

use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::error::Result;
use crate::fsx::nfc_str;
use crate::tm::unit::{Annotation, Attrs, CodeKind, Inline, Segment, Variant};
use crate::xml::Cursor;

/// The `<header>` of a TMX file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// Attributes in file order (creationtool, srclang, ...).
    pub attrs: Attrs,
    /// Header `<prop>`s.
    pub props: Vec<Annotation>,
    /// Header `<note>`s.
    pub notes: Vec<Annotation>,
    /// False when the file has no `<header>` (the DTD requires one).
    pub present: bool,
}

/// A `<tu>` as read, with every language variant it holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawUnit {
    /// Attributes of the `<tu>` in file order.
    pub attrs: Attrs,
    /// `<prop>`s.
    pub props: Vec<Annotation>,
    /// `<note>`s.
    pub notes: Vec<Annotation>,
    /// The `<tuv>`s in file order.
    pub variants: Vec<Variant>,
    /// 1-based line of the `<tu>` start tag.
    pub line: usize,
}

/// Reads the units of a TMX document held in a string.
pub struct TmxReader<'a> {
    x: Cursor<'a>,
    /// The `version` attribute of `<tmx>`.
    pub version: Option<String>,
    /// The header (empty when the file has none).
    pub header: Header,
    in_body: bool,
}

impl<'a> TmxReader<'a> {
    /// Starts reading: checks the root element and reads the header, stopping
    /// at the start of `<body>`. `path` names the file in messages.
    ///
    /// A text with git's conflict markers (an unresolved merge) is refused
    /// with the marker's line, before anything is read from it.
    pub fn new(text: &'a str, path: &'a Path) -> Result<TmxReader<'a>> {
        if let Some(m) = crate::team::conflict_marker(text) {
            return Err(crate::error::Error::input(
                crate::error::Location::line(path, m.line),
                m.message(),
            ));
        }
        let mut reader = TmxReader {
            x: Cursor::new(text, path),
            version: None,
            header: Header::default(),
            in_body: false,
        };
        reader.read_preamble()?;
        Ok(reader)
    }

    fn read_preamble(&mut self) -> Result<()> {
        let mut seen_root = false;
        loop {
            let pos = self.x.pos();
            match self.x.event()? {
                Event::Start(e) | Event::Empty(e) if !seen_root => {
                    let name = lower_name(&e);
                    if name != "tmx" {
                        return Err(self.x.error_at(
                            pos,
                            format!("not a TMX file: the root element is <{name}>, not <tmx>"),
                        ));
                    }
                    seen_root = true;
                    self.version = self
                        .x
                        .attrs(&e, pos)?
                        .into_iter()
                        .find_map(|(k, v)| k.eq_ignore_ascii_case("version").then_some(v));
                }
                Event::Start(e) => match lower_name(&e).as_ref() {
                    "header" => {
                        self.header.attrs = self.x.attrs(&e, pos)?;
                        self.header.present = true;
                        self.read_header_children()?;
                    }
                    "body" => {
                        self.in_body = true;
                        return Ok(());
                    }
                    _ => self.x.skip(&e)?,
                },
                Event::Empty(e) => match lower_name(&e).as_ref() {
                    "header" => {
                        self.header.attrs = self.x.attrs(&e, pos)?;
                        self.header.present = true;
                    }
                    // <body/>: no units.
                    "body" => return Ok(()),
                    _ => {}
                },
                Event::End(_) => return Ok(()),
                Event::Eof => {
                    return Err(self.x.error_at(
                        pos,
                        if seen_root {
                            "the file ends before <body>".to_owned()
                        } else {
                            "not a TMX file: no <tmx> element".to_owned()
                        },
                    ));
                }
                Event::Text(t) if !seen_root && !t.xml10_content().trim().is_empty() => {
                    return Err(self
                        .x
                        .error_at(pos, "not a TMX file: text before the <tmx> element"));
                }
                _ => {}
            }
        }
    }

    fn read_header_children(&mut self) -> Result<()> {
        loop {
            let pos = self.x.pos();
            match self.x.event()? {
                Event::Start(e) => match lower_name(&e).as_ref() {
                    "prop" => {
                        let a = self.annotation(&e, pos)?;
                        self.header.props.push(a);
                    }
                    "note" => {
                        let a = self.annotation(&e, pos)?;
                        self.header.notes.push(a);
                    }
                    _ => self.x.skip(&e)?,
                },
                Event::End(_) => return Ok(()),
                Event::Eof => return Err(self.x.error_at(pos, "the file ends inside <header>")),
                _ => {}
            }
        }
    }

    /// The next `<tu>`, or `None` at the end of the body. After the body the
    /// rest of the file is still checked for well-formedness.
    pub fn next_unit(&mut self) -> Result<Option<RawUnit>> {
        if !self.in_body {
            return Ok(None);
        }
        loop {
            let pos = self.x.pos();
            match self.x.event()? {
                Event::Start(e) if lower_name(&e) == "tu" => {
                    let line = self.x.line_of(pos);
                    let attrs = self.x.attrs(&e, pos)?;
                    return self.read_tu(attrs, line).map(Some);
                }
                Event::Empty(e) if lower_name(&e) == "tu" => {
                    let line = self.x.line_of(pos);
                    let attrs = self.x.attrs(&e, pos)?;
                    return Ok(Some(RawUnit {
                        attrs,
                        line,
                        ..RawUnit::default()
                    }));
                }
                Event::Start(e) => self.x.skip(&e)?,
                Event::End(_) => {
                    self.in_body = false;
                    self.check_rest()?;
                    return Ok(None);
                }
                Event::Eof => return Err(self.x.error_at(pos, "the file ends inside <body>")),
                _ => {}
            }
        }
    }

    fn check_rest(&mut self) -> Result<()> {
        loop {
            if let Event::Eof = self.x.event()? {
                return Ok(());
            }
        }
    }

    fn read_tu(&mut self, attrs: Attrs, line: usize) -> Result<RawUnit> {
        let mut unit = RawUnit {
            attrs,
            line,
            ..RawUnit::default()
        };
        loop {
            let pos = self.x.pos();
            match self.x.event()? {
                Event::Start(e) => match lower_name(&e).as_ref() {
                    "tuv" => {
                        let attrs = self.x.attrs(&e, pos)?;
                        let v = self.read_tuv(attrs)?;
                        unit.variants.push(v);
                    }
                    "prop" => unit.props.push(self.annotation(&e, pos)?),
                    "note" => unit.notes.push(self.annotation(&e, pos)?),
                    _ => self.x.skip(&e)?,
                },
                Event::Empty(e) if lower_name(&e) == "tuv" => {
                    let attrs = self.x.attrs(&e, pos)?;
                    unit.variants.push(variant_from_attrs(attrs));
                }
                Event::End(_) => return Ok(unit),
                Event::Eof => return Err(self.x.error_at(pos, "the file ends inside <tu>")),
                _ => {}
            }
        }
    }

    fn read_tuv(&mut self, attrs: Attrs) -> Result<Variant> {
        let mut v = variant_from_attrs(attrs);
        let mut have_seg = false;
        loop {
            let pos = self.x.pos();
            match self.x.event()? {
                Event::Start(e) => match lower_name(&e).as_ref() {
                    "seg" if !have_seg => {
                        v.seg = Segment(self.read_inline_content()?);
                        have_seg = true;
                    }
                    "prop" => v.props.push(self.annotation(&e, pos)?),
                    "note" => v.notes.push(self.annotation(&e, pos)?),
                    _ => self.x.skip(&e)?,
                },
                Event::End(_) => return Ok(v),
                Event::Eof => return Err(self.x.error_at(pos, "the file ends inside <tuv>")),
                _ => {}
            }
        }
    }

    /// Reads mixed content up to the end tag of the current element.
    fn read_inline_content(&mut self) -> Result<Vec<Inline>> {
        let mut items: Vec<Inline> = Vec::new();
        loop {
            let pos = self.x.pos();
            match self.x.event()? {
                Event::Text(t) => push_text(&mut items, &t.xml10_content()),
                Event::CData(t) => push_text(&mut items, &t.xml10_content()),
                Event::GeneralRef(r) => {
                    let s = self.x.resolve_ref(&r, pos)?;
                    push_text(&mut items, &s);
                }
                Event::Start(e) => {
                    let attrs = self.x.attrs(&e, pos)?;
                    let content = self.read_inline_content()?;
                    match CodeKind::from_name(&lower_name(&e)) {
                        Some(kind) => items.push(Inline::Code {
                            kind,
                            attrs,
                            content,
                        }),
                        // Not TMX: keep the text, drop the markup.
                        None => {
                            for item in content {
                                match item {
                                    Inline::Text(t) => push_text(&mut items, &t),
                                    code => items.push(code),
                                }
                            }
                        }
                    }
                }
                Event::Empty(e) => {
                    if let Some(kind) = CodeKind::from_name(&lower_name(&e)) {
                        let attrs = self.x.attrs(&e, pos)?;
                        items.push(Inline::Code {
                            kind,
                            attrs,
                            content: Vec::new(),
                        });
                    }
                }
                Event::End(_) => {
                    for item in &mut items {
                        if let Inline::Text(t) = item
                            && let std::borrow::Cow::Owned(n) = nfc_str(t)
                        {
                            *t = n;
                        }
                    }
                    return Ok(items);
                }
                Event::Eof => return Err(self.x.error_at(pos, "the file ends inside a segment")),
                _ => {}
            }
        }
    }

    fn annotation(&mut self, start: &BytesStart<'_>, pos: usize) -> Result<Annotation> {
        let attrs = self.x.attrs(start, pos)?;
        let mut text = String::new();
        for item in self.read_inline_content()? {
            if let Inline::Text(t) = item {
                text.push_str(&t);
            }
        }
        Ok(Annotation { attrs, text })
    }
}

impl Iterator for TmxReader<'_> {
    type Item = Result<RawUnit>;

    fn next(&mut self) -> Option<Self::Item> {
        match self.next_unit() {
            Ok(Some(u)) => Some(Ok(u)),
            Ok(None) => None,
            Err(e) => {
                self.in_body = false;
                Some(Err(e))
            }
        }
    }
}

/// An element's name in lower case, borrowed when it is so already (as
/// TMX files write them): no allocation for each element read.
fn lower_name<'e>(e: &'e BytesStart<'_>) -> std::borrow::Cow<'e, str> {
    let name = e.name().0;
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(name.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(name)
    }
}

fn push_text(items: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = items.last_mut() {
        last.push_str(text);
    } else {
        items.push(Inline::Text(text.to_owned()));
    }
}

/// Splits a `<tuv>`'s attributes into its language and the rest. Both
/// `xml:lang` (TMX 1.4) and `lang` (TMX 1.1) are read, in any case.
fn variant_from_attrs(attrs: Attrs) -> Variant {
    let mut v = Variant::default();
    for (k, val) in attrs {
        if v.lang.is_empty()
            && (k.eq_ignore_ascii_case("xml:lang") || k.eq_ignore_ascii_case("lang"))
        {
            v.lang = val;
        } else {
            v.attrs.push((k, val));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Result<Vec<RawUnit>> {
        TmxReader::new(text, Path::new("t.tmx"))?.collect()
    }

    #[test]
    fn reads_tmx_11_lang_and_14_xml_lang_in_any_case() {
        let u = units(
            r#"<tmx version="1.1"><header srclang="en"/><body>
<tu><tuv lang="EN"><seg>a</seg></tuv><tuv XML:LANG="de-ch"><seg>b</seg></tuv></tu>
</body></tmx>"#,
        )
        .unwrap();
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].variants[0].lang, "EN");
        assert_eq!(u[0].variants[1].lang, "de-ch");
        assert_eq!(u[0].line, 2);
    }

    #[test]
    fn keeps_whitespace_references_cdata_and_skips_comments() {
        let u = units(
            "<tmx><header/><body><!-- c --><tu><tuv xml:lang=\"de\"><seg> a&#x09;&lt;b&gt; <![CDATA[<x>]]>\u{3000}</seg></tuv></tu></body></tmx>",
        )
        .unwrap();
        assert_eq!(u[0].variants[0].seg.plain_text(), " a\t<b> <x>\u{3000}");
    }

    #[test]
    fn a_file_without_header_is_read() {
        let mut r = TmxReader::new(
            "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"de\"><seg>x</seg></tuv></tu></body></tmx>",
            Path::new("t.tmx"),
        )
        .unwrap();
        assert!(!r.header.present);
        assert_eq!(r.by_ref().count(), 1);
    }

    #[test]
    fn header_props_and_notes_are_kept() {
        let r = TmxReader::new(
            "<tmx><header srclang=\"*all*\"><note>n</note><prop type=\"x\">p</prop><ude name=\"u\"><map unicode=\"#xF8FF\"/></ude></header><body/></tmx>",
            Path::new("t.tmx"),
        )
        .unwrap();
        assert_eq!(
            r.header.attrs,
            vec![("srclang".to_owned(), "*all*".to_owned())]
        );
        assert_eq!(r.header.notes[0].text, "n");
        assert_eq!(r.header.props[0].attr("type"), Some("x"));
    }

    #[test]
    fn inline_codes_are_structure() {
        let u = units(
            r#"<tmx><header/><body><tu><tuv xml:lang="de"><seg>A <bpt i="1">&lt;b&gt;</bpt>fett<ept i="1">&lt;/b&gt;</ept> <ph x="2"/><ut>{\f1}</ut><hi type="x">h</hi><it pos="begin"><sub>s</sub>c</it></seg></tuv></tu></body></tmx>"#,
        )
        .unwrap();
        let seg = &u[0].variants[0].seg;
        assert_eq!(seg.plain_text(), "A fett h");
        let kinds: Vec<_> = seg
            .0
            .iter()
            .filter_map(|i| match i {
                Inline::Code { kind, .. } => Some(*kind),
                Inline::Text(_) => None,
            })
            .collect();
        use CodeKind::*;
        assert_eq!(kinds, [Bpt, Ept, Ph, Ut, Hi, It]);
    }

    #[test]
    fn malformed_xml_names_line_and_column() {
        let err =
            units("<tmx><header/><body>\n<tu><tuv xml:lang=\"de\"><seg>x</tuv></tu></body></tmx>")
                .unwrap_err()
                .to_string();
        assert!(err.starts_with("t.tmx:2:"), "{err}");
        assert!(err.contains("malformed XML"), "{err}");
    }

    #[test]
    fn truncated_file_is_an_error() {
        let err = units("<tmx><header/><body>\n<tu><tuv xml:lang=\"de\"><seg>x")
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("t.tmx:2:"), "{err}");
    }

    #[test]
    fn other_xml_is_not_tmx() {
        let err = units("<?xml version=\"1.0\"?>\n<martif/>")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "t.tmx:2:1: not a TMX file: the root element is <martif>, not <tmx>"
        );
        assert!(units("plain text").is_err());
        assert!(units("").is_err());
    }

    #[test]
    fn unknown_entities_are_errors() {
        let err =
            units("<tmx><body><tu><tuv xml:lang=\"de\"><seg>&nbsp;</seg></tuv></tu></body></tmx>")
                .unwrap_err()
                .to_string();
        assert!(err.contains("unknown entity &nbsp;"), "{err}");
    }
}
