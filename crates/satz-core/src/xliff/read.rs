//! Reading an XLIFF file: the bytes checked to be XML at all, decoded by
//! BOM or declaration ([`crate::fsx::decode_input`]), parsed into a tree,
//! the version told from the root, and the 1.x or 2.x structure read into
//! a [`Document`]. Anything not well-formed is an error at its line and
//! column; what is odd but readable is a warning in
//! [`Document::warnings`].

use std::collections::BTreeMap;
use std::path::Path;

use encoding_rs::Encoding;

use crate::error::{Error, Location, Result, Warning};
use crate::fsx;
use crate::position::Position;
use crate::xliff::tree::{self, Element};
use crate::xliff::{Document, Version, v1, v2};

/// The extensions of XLIFF files: `.xlf`, `.xliff`, `.xlf2`, Trados's
/// `.sdlxliff`, memoQ's `.mqxliff`, Phrase's `.mxliff`.
pub const EXTENSIONS: [&str; 6] = ["xlf", "xliff", "xlf2", "sdlxliff", "mqxliff", "mxliff"];

/// The namespace prefix of every XLIFF version with one.
const NS_PREFIX: &str = "urn:oasis:names:tc:xliff:document:";

/// Reads and parses the XLIFF file at `path`.
pub fn read(path: &Path) -> Result<Document> {
    read_with(path, None)
}

/// Like [`read`]; `encoding` is that of a file that names none
/// (`--encoding`).
pub fn read_with(path: &Path, encoding: Option<&'static Encoding>) -> Result<Document> {
    let bytes = fsx::read_bytes(path)?;
    check_xml_start(&bytes, path)?;
    let text = fsx::decode_input(bytes, path, encoding)?;
    parse(&text, path)
}

/// True when the path's extension is one of [`EXTENSIONS`] (any case).
pub fn has_xliff_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// True when the text's root element is `xliff` (in any namespace, with
/// any prefix), judged from the first start tag.
pub fn looks_like_xliff(text: &str) -> bool {
    let mut rest = text;
    while let Some((_, after)) = rest.split_once('<') {
        rest = after;
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let name: String = rest
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect();
        // The local name: after the prefix, if there is one.
        let local = name.rsplit_once(':').map_or(name.as_str(), |(_, l)| l);
        return local == "xliff";
    }
    false
}

/// An error unless the bytes start like XML: `<` after a byte-order mark
/// and white space (or UTF-16 without a mark). A ZIP archive, a PDF or a
/// Word file named `.xlf` is refused here with what it seems to be.
pub fn check_xml_start(bytes: &[u8], path: &Path) -> Result<()> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.starts_with(b"\xFF\xFE")
        || body.starts_with(b"\xFE\xFF")
        || body.starts_with(b"<\0")
        || body.starts_with(b"\0<")
    {
        return Ok(());
    }
    let first = body.iter().position(|b| !b.is_ascii_whitespace());
    let Some(rest) = first.and_then(|i| body.get(i..)) else {
        return Err(Error::input(
            Location::file(path),
            "not an XLIFF file: the file is empty",
        ));
    };
    if rest.starts_with(b"<") {
        return Ok(());
    }
    let what = if rest.starts_with(b"PK\x03\x04") {
        "it is a ZIP archive (a package or an Office file?)"
    } else if rest.starts_with(b"%PDF") {
        "it is a PDF file"
    } else if rest.starts_with(b"\xD0\xCF\x11\xE0") {
        "it is an old Office file"
    } else {
        "it does not start with '<'"
    };
    Err(Error::input(
        Location::at(path, Position { line: 1, column: 1 }),
        format!("not an XLIFF file: not XML at all ({what})"),
    ))
}

/// Parses a decoded XLIFF document; `path` names it in messages.
pub fn parse(text: &str, path: &Path) -> Result<Document> {
    let root = tree::parse(text, path)?;
    if root.name != "xliff" {
        return Err(Error::input(
            Location::line(path, root.line),
            format!(
                "not an XLIFF file: the root element is <{}>, not <xliff>",
                root.name
            ),
        ));
    }
    let mut notes = Notes {
        path,
        warnings: Vec::new(),
    };
    let version = version(&root, &mut notes);
    let ns = root.ns.as_deref();
    let files = if version.is_2() {
        v2::files(&root, ns)
    } else {
        v1::files(&root, ns, &mut notes)
    };
    let mut doc = Document {
        version,
        namespace: root.ns.clone(),
        files,
        warnings: Vec::new(),
    };
    check_states(&doc, &mut notes);
    doc.warnings = notes.warnings;
    Ok(doc)
}

/// Warnings gathered while reading.
pub(crate) struct Notes<'a> {
    path: &'a Path,
    warnings: Vec<Warning>,
}

impl Notes<'_> {
    /// A warning at a line.
    pub(crate) fn warn(&mut self, line: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            location: Location::line(self.path, line),
            message: message.into(),
        });
    }
}

/// The version from the `version` attribute, else the namespace; a root
/// whose two disagree on 1.x against 2.x is read as its namespace says.
fn version(root: &Element, notes: &mut Notes<'_>) -> Version {
    let attr = root.attr("version");
    let from_attr = attr.and_then(Version::parse);
    let from_ns = root
        .ns
        .as_deref()
        .and_then(|ns| ns.strip_prefix(NS_PREFIX))
        .and_then(Version::parse);
    if let Some(ns) = root.ns.as_deref()
        && from_ns.is_none()
    {
        notes.warn(
            root.line,
            format!("<xliff> in the unknown namespace '{ns}'; read as XLIFF"),
        );
    }
    match (from_attr, from_ns) {
        (Some(a), Some(n)) if a.is_2() != n.is_2() => {
            notes.warn(
                root.line,
                format!(
                    "version=\"{}\" but the namespace is XLIFF {}'s; read as {}",
                    a.as_str(),
                    n.as_str(),
                    n.as_str()
                ),
            );
            n
        }
        (Some(a), _) => a,
        (None, Some(n)) => n,
        (None, None) => {
            let guess = match attr.map(str::trim) {
                Some(v) if v.starts_with('2') => Version::V2_0,
                _ => Version::V1_2,
            };
            let said = attr.map_or_else(|| "no version".to_owned(), |v| format!("version=\"{v}\""));
            notes.warn(
                root.line,
                format!(
                    "{said}, which is no XLIFF version; read as {}",
                    guess.as_str()
                ),
            );
            guess
        }
    }
}

/// Warns about state values outside the standard lists (once per value,
/// with how many segments have it) and about segments whose state says
/// finished while the target is missing or empty.
fn check_states(doc: &Document, notes: &mut Notes<'_>) {
    let mut others: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let v = if doc.version.is_2() { "2" } else { "1.2" };
    for seg in doc.segments() {
        let status = &seg.status;
        if let Some(state) = status.state.as_ref().filter(|s| s.is_other()) {
            let e = others
                .entry(state.as_str().to_owned())
                .or_insert((seg.line, 0));
            e.1 += 1;
        }
        if let Some(tool) = status.tool.as_ref().filter(|t| !t.is_known()) {
            let e = others.entry(tool.describe()).or_insert((seg.line, 0));
            e.1 += 1;
        }
        let says_done = status.state.as_ref().is_some_and(|s| s.is_confirmed())
            || status.tool.as_ref().is_some_and(|t| t.is_confirmed());
        if says_done && seg.target.as_ref().is_none_or(|t| t.is_empty()) {
            let state = status
                .tool
                .as_ref()
                .map(|t| t.describe())
                .or_else(|| {
                    status
                        .state
                        .as_ref()
                        .map(|s| format!("state {}", s.as_str()))
                })
                // Called for a segment found finished, so one of the two
                // said so; an empty name would still read right.
                .unwrap_or_default();
            notes.warn(
                seg.line,
                format!("{state} but the target is empty; not a translation"),
            );
        }
    }
    for (value, (line, n)) in others {
        let what = if value.contains(" status ") {
            format!("unknown {value}")
        } else {
            format!("state \"{value}\" is not an XLIFF {v} state")
        };
        notes.warn(
            line,
            format!("{what} ({n} segment(s)); kept as written, confirmed only by approved=\"yes\""),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xliff::State;
    use proptest::prelude::*;

    fn doc(xml: &str) -> Document {
        parse(xml, Path::new("t.xlf")).unwrap()
    }

    fn texts(d: &Document) -> Vec<(String, Option<String>)> {
        d.segments()
            .map(|s| {
                let t = s.target.as_ref().map(|t| t.text.plain_text());
                (s.source.text.plain_text(), t)
            })
            .collect()
    }

    #[test]
    fn seg_source_segments_meet_their_targets_by_mid() {
        let d = doc(
            r#"<xliff version="1.2"><file source-language="de" target-language="en"><body>
<group><trans-unit id="1"><source>A. B.</source><seg-source><mrk mtype="seg" mid="1">A.</mrk> <g id="g"><mrk mtype="seg" mid="2">B.</mrk></g></seg-source>
<target state="translated"><mrk mtype="seg" mid="2">Bee.</mrk> <mrk mtype="seg" mid="1">Ay.</mrk><mrk mtype="seg" mid="9">Extra.</mrk></target>
<alt-trans><target>No.</target></alt-trans></trans-unit></group>
<trans-unit id="2"><source>C.</source><seg-source/></trans-unit></body></file></xliff>"#,
        );
        assert_eq!(d.version, Version::V1_2);
        assert_eq!(d.units().count(), 2);
        assert_eq!(
            texts(&d),
            [
                ("A.".to_owned(), Some("Ay.".to_owned())),
                ("B.".to_owned(), Some("Bee.".to_owned()))
            ]
        );
        let seg = d.segments().next().unwrap();
        assert_eq!(seg.status.state, Some(State::Translated));
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(d.warnings[0].message.contains("mid=\"9\""));
    }

    #[test]
    fn xliff_2_takes_segments_and_their_own_targets_only() {
        let d = doc(
            r##"<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="de" trgLang="en">
<x:file id="f"><x:group id="g"><x:unit id="u" translate="no">
<mtc:matches><mtc:match ref="#s1"><x:source>A</x:source><x:target>Match</x:target></mtc:match></mtc:matches>
<x:segment id="s1" state="final"><x:source>A</x:source><x:target>Ay</x:target></x:segment>
<x:ignorable><x:source> </x:source></x:ignorable>
<x:segment id="s2" state="x-odd"><x:source>B</x:source></x:segment></x:unit></x:group></x:file></x:xliff>"##,
        );
        assert_eq!(
            texts(&d),
            [
                ("A".to_owned(), Some("Ay".to_owned())),
                ("B".to_owned(), None)
            ]
        );
        let unit = d.units().next().unwrap();
        assert!(!unit.translate);
        assert_eq!(d.files[0].source_lang.as_deref(), Some("de"));
        assert_eq!(d.warnings.len(), 1, "{:?}", d.warnings);
        assert!(
            d.warnings[0]
                .message
                .contains("\"x-odd\" is not an XLIFF 2 state")
        );
    }

    proptest! {
        #[test]
        fn the_reader_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let text = String::from_utf8_lossy(&bytes);
            let _ = parse(&text, Path::new("x.xlf"));
            let _ = check_xml_start(&bytes, Path::new("x.xlf"));
        }

        #[test]
        fn the_reader_never_panics_on_broken_xliff(cut in 0usize..700, junk in "[<>&/a-z\"=: ]{0,8}") {
            let good = r#"<?xml version="1.0"?><xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" version="1.2"><file source-language="de" target-language="en"><body><trans-unit id="1" approved="yes"><source>a <g id="1">b</g></source><seg-source><mrk mtype="seg" mid="1">a <bx id="2"/>b<ex id="3"/></mrk></seg-source><target state="final"><mrk mtype="seg" mid="1">c<x id="4"/></mrk></target><sdl:seg-defs><sdl:seg id="1" conf="Draft"/></sdl:seg-defs></trans-unit></body></file></xliff>"#;
            let cut = cut.min(good.len());
            let text = format!("{}{}{}", &good[..cut], junk, &good[cut..]);
            let _ = parse(&text, Path::new("x.xlf"));
        }
    }

    #[test]
    fn extensions_and_content_tell_xliff() {
        for name in ["a.xlf", "b.XLIFF", "c.sdlxliff", "d.mqxliff", "e.xlf2"] {
            assert!(has_xliff_extension(Path::new(name)), "{name}");
        }
        assert!(!has_xliff_extension(Path::new("a.tmx")));
        assert!(looks_like_xliff(
            "\u{feff}<?xml version='1.0'?><!-- x --><x:xliff xmlns:x='u'>"
        ));
        assert!(looks_like_xliff("<xliff version=\"1.2\">"));
        assert!(!looks_like_xliff("<tmx version=\"1.4\">"));
        assert!(!looks_like_xliff("a\tb"));
    }

    #[test]
    fn non_xml_is_refused_before_decoding() {
        let err = check_xml_start(b"PK\x03\x04\x0a\0\0", Path::new("z.xlf"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "z.xlf:1:1: not an XLIFF file: not XML at all (it is a ZIP archive (a package or an Office file?))"
        );
        assert!(check_xml_start(b"\xEF\xBB\xBF <xliff/>", Path::new("a.xlf")).is_ok());
        assert!(check_xml_start(b"\xFF\xFE<\0", Path::new("a.xlf")).is_ok());
        assert!(check_xml_start(b"  ", Path::new("a.xlf")).is_err());
    }

    #[test]
    fn other_roots_are_refused() {
        let err = parse("<?xml version=\"1.0\"?>\n<tmx/>", Path::new("a.xlf"))
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "a.xlf:2: not an XLIFF file: the root element is <tmx>, not <xliff>"
        );
    }

    #[test]
    fn versions_come_from_the_attribute_then_the_namespace() {
        let v = |xml: &str| parse(xml, Path::new("a.xlf")).unwrap();
        let ns2 = "urn:oasis:names:tc:xliff:document:2.0";
        assert_eq!(
            v(&format!("<xliff xmlns='{ns2}' version='2.1'/>")).version,
            Version::V2_1
        );
        assert_eq!(v(&format!("<xliff xmlns='{ns2}'/>")).version, Version::V2_0);
        assert_eq!(v("<xliff version='1.0'/>").version, Version::V1_0);
        let odd = v(&format!("<xliff xmlns='{ns2}' version='1.2'/>"));
        assert_eq!(odd.version, Version::V2_0);
        assert_eq!(odd.warnings.len(), 1);
        assert_eq!(v("<xliff/>").version, Version::V1_2);
    }
}
