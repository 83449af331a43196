//! A TBX reader: TBX v3 (ISO 30042:2019, `<tbx>` with
//! `conceptEntry`/`langSec`/`termSec`, DCA and DCT styles) and TBX 2008 /
//! MARTIF (`<martif>` with `termEntry`/`langSet`/`tig` or
//! `ntig`/`termGrp`), in any of their dialects (Basic, Min, Core, Default,
//! vendor exports; early TBX-Min's `entry`/`langGroup`/`termGroup` too).
//!
//! It streams the file and builds a small tree for one entry at a time, so
//! a termbase of any size is read in the memory of its largest entry.
//! Element names are compared by local name and in any case, so the
//! namespace prefixes of DCT-style files (`<min:partOfSpeech>`,
//! `<basic:definition>`) do not matter: a DCT element's local name is its
//! data category, as a DCA `<termNote type="...">` names it.
//!
//! What is read: each term's text, `administrativeStatus` (also TBX-Min's
//! `usageStatus`, early TBX-Min's `termStatus`, TBX 2008's
//! `normativeAuthorization` and the custom `Status` field of MultiTerm and
//! Trados exports; an unknown value is a warning), `partOfSpeech`,
//! `termType` (`variant`), and, as notes, at entry, language and term level:
//! `note`, `definition`, `usageNote` (also `Usage note`, `Usage`),
//! `subjectField` and a `<descrip>` without a type, labelled with their
//! category where it is not a definition (a `context` is an example
//! sentence, not a note, and is left out). The groups around them
//! (`termNoteGrp`, `descripGrp`, `adminGrp`, `termGrp`) are looked into.
//! satz's own `<?satz match="..."?>` and `<?satz case_sensitive="true"?>`
//! instructions are read too. Everything else (transactions,
//! cross-references) is ignored. Control characters that XML 1.0 forbids,
//! written as references in a term, are read as spaces with a warning.
//!
//! Whitespace: runs of literal whitespace in an element (the file's
//! indentation and line wrapping) read as one space and are trimmed at the
//! ends; whitespace written as a character reference (`&#10;`) or in CDATA
//! is kept as it is. satz's writer relies on this to keep line breaks and
//! double spaces.
//!
//! Errors: a file that is not well-formed stops with `path:line:col`; an
//! XML file whose root is not `<tbx>` or `<martif>` is refused, naming the
//! format (MultiTerm XML, XLIFF, TMX). Structural oddities that leave the
//! meaning clear (two `<term>`s in one `<termSec>`, a `langSec` without
//! `xml:lang`) are warnings.

use std::path::Path;

use crate::xml::Cursor;
use quick_xml::events::{BytesStart, Event};

use super::entry::{Entry, EntryTerm, LangGroup, LangKey, TermStatus};
use crate::error::{Error, Location, Result, Warning};
use crate::fsx::nfc_str;

/// What a TBX file held.
#[derive(Debug, Default)]
pub struct TbxFile {
    /// The entries (`conceptEntry`/`termEntry`), in file order.
    pub entries: Vec<Entry>,
    /// Problems that did not stop the reading.
    pub warnings: Vec<Warning>,
    /// The root's `type` (`TBX-Basic`, `TBX`), if any.
    pub dialect: Option<String>,
}

/// Elements nested deeper than this inside an entry are an error (no
/// real termbase comes close; it keeps the reader's recursion bounded).
const MAX_DEPTH: usize = 128;

/// Reads a TBX document held in a string; `path` names it in messages.
pub fn read(text: &str, path: &Path) -> Result<TbxFile> {
    let mut p = Parser::new(text, path);
    let mut file = TbxFile::default();
    let (root, empty_root) = loop {
        let pos = p.x.pos();
        match p.x.event()? {
            Event::Start(e) => break (p.root(&e, pos, &mut file)?, false),
            Event::Empty(e) => break (p.root(&e, pos, &mut file)?, true),
            Event::Text(t) if !t.xml10_content().trim().is_empty() => {
                return Err(p
                    .x
                    .error_at(pos, "text before the root element: not an XML file"));
            }
            Event::Eof => {
                return Err(p.x.error_at(pos, "no root element: not a TBX file"));
            }
            _ => {}
        }
    };
    let mut depth: usize = usize::from(!empty_root);
    loop {
        let pos = p.x.pos();
        match p.x.event()? {
            Event::Start(e) if is_entry(&e) => {
                let el = p.element(&e, pos, 0)?;
                file.entries.push(entry_from(&el, path, &mut file.warnings));
            }
            Event::Empty(e) if is_entry(&e) => {
                let line = p.x.line_of(pos);
                file.entries.push(Entry {
                    line,
                    ..Entry::default()
                });
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof if depth > 0 => {
                return Err(p.x.error_at(pos, format!("the file ends inside <{root}>")));
            }
            Event::Eof => return Ok(file),
            _ => {}
        }
    }
}

/// An entry element: `conceptEntry` (TBX v3), `termEntry` (TBX 2008),
/// `entry` (early TBX-Min drafts).
fn is_entry(e: &BytesStart<'_>) -> bool {
    let name = local(e);
    ["conceptEntry", "termEntry", "entry"]
        .iter()
        .any(|n| name.eq_ignore_ascii_case(n))
}

fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_owned()
}

/// The refusal of an XML file that is not TBX.
fn refuse(path: &Path, root: &str) -> Error {
    let what = match root.to_ascii_lowercase().as_str() {
        "mtf" => "MultiTerm XML (<mtf>), SDL MultiTerm's own format; export the termbase from \
                  MultiTerm as TBX and import that"
            .to_owned(),
        "xliff" => "XLIFF (<xliff>), a bilingual document, not a glossary".to_owned(),
        "tmx" => {
            "TMX (<tmx>), a translation memory; add it to the memory with `satz import`".to_owned()
        }
        "html" => "HTML, not a glossary".to_owned(),
        _ => format!("XML whose root element is <{root}>, not TBX (<tbx> or <martif>)"),
    };
    Error::input(
        Location::file(path),
        format!(
            "not a TBX file but {what} (satz glossary import reads TBX, OmegaT tab-separated \
             and CSV glossaries)"
        ),
    )
}

/// A node of an entry's tree.
#[derive(Debug)]
enum Node {
    El(El),
    /// Literal text: its whitespace is layout.
    Text(String),
    /// Text from a reference or CDATA: kept as it is.
    Kept(String),
    /// A processing instruction: target and content.
    Pi(String, String),
}

/// An element of an entry's tree.
#[derive(Debug)]
struct El {
    /// Local name as written.
    name: String,
    attrs: Vec<(String, String)>,
    kids: Vec<Node>,
    line: usize,
}

impl El {
    fn is(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
    }

    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn elements(&self) -> impl Iterator<Item = &El> {
        self.kids.iter().filter_map(|k| match k {
            Node::El(e) => Some(e),
            _ => None,
        })
    }

    /// The text content (see the module documentation on whitespace).
    fn text(&self) -> String {
        let mut out = String::new();
        let mut pending = false;
        self.collect(&mut out, &mut pending);
        nfc_str(&out).into_owned()
    }

    fn collect(&self, out: &mut String, pending: &mut bool) {
        for kid in &self.kids {
            match kid {
                Node::Text(s) => {
                    for c in s.chars() {
                        if crate::xml::is_xml_space(c) {
                            *pending = !out.is_empty();
                        } else {
                            if *pending {
                                out.push(' ');
                                *pending = false;
                            }
                            out.push(c);
                        }
                    }
                }
                Node::Kept(s) => {
                    if *pending {
                        out.push(' ');
                        *pending = false;
                    }
                    out.push_str(s);
                }
                Node::El(e) => e.collect(out, pending),
                Node::Pi(..) => {}
            }
        }
    }

    /// The data category and value of a DCA element (`<termNote
    /// type="partOfSpeech">noun</termNote>`) or a DCT one
    /// (`<min:partOfSpeech>noun</min:partOfSpeech>`), category lower case.
    fn category(&self) -> (String, String) {
        let name = if self.is("termNote") || self.is("descrip") || self.is("admin") {
            // No type attribute: no category satz knows.
            self.attr("type").unwrap_or_default().to_ascii_lowercase()
        } else {
            self.name.to_ascii_lowercase()
        };
        (name, self.text())
    }
}

/// Pushes the notes inside a `descripGrp` or `adminGrp` (or of a note
/// element: see `is_note_category`).
fn push_definitions(el: &El, notes: &mut Vec<String>) {
    if el.is("descripGrp") || el.is("adminGrp") {
        for d in el.elements() {
            push_definitions(d, notes);
        }
    } else if el.is("note") {
        notes.push(el.text());
    } else {
        let (cat, value) = el.category();
        if is_note_category(el, &cat) {
            notes.push(labelled(&cat, value));
        }
    }
}

fn warn(path: &Path, line: usize, message: impl Into<String>) -> Warning {
    Warning {
        location: Location::line(path, line),
        message: message.into(),
    }
}

fn entry_from(el: &El, path: &Path, warnings: &mut Vec<Warning>) -> Entry {
    let mut entry = Entry {
        line: el.line,
        ..Entry::default()
    };
    for c in el.elements() {
        if c.is("langSec") || c.is("langSet") || c.is("langGroup") || c.is("langGrp") {
            if let Some(g) = group_from(c, path, warnings) {
                entry.groups.push(g);
            }
        } else {
            push_definitions(c, &mut entry.notes);
        }
    }
    entry
}

fn group_from(el: &El, path: &Path, warnings: &mut Vec<Warning>) -> Option<LangGroup> {
    let Some(lang) = el
        .attr("xml:lang")
        .or_else(|| el.attr("lang"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
    else {
        warnings.push(warn(
            path,
            el.line,
            format!("<{}> has no xml:lang; its terms are skipped", el.name),
        ));
        return None;
    };
    let mut group = LangGroup::new(LangKey::Tag(lang.to_owned()), Vec::new());
    for c in el.elements() {
        if ["termSec", "tig", "ntig", "termGrp", "termGroup"]
            .iter()
            .any(|n| c.is(n))
        {
            let mut term = EntryTerm::default();
            let mut found = 0;
            let mut problems = Vec::new();
            term_from(c, &mut term, &mut found, &mut problems);
            for (line, message) in problems {
                warnings.push(warn(path, line, message));
            }
            if found > 1 {
                warnings.push(warn(
                    path,
                    c.line,
                    format!(
                        "<{}> holds {found} <term>s; only the first, {:?}, is read",
                        c.name, term.text
                    ),
                ));
            }
            if term.text.trim().is_empty() {
                warnings.push(warn(
                    path,
                    c.line,
                    format!("<{}> has no term text; skipped", c.name),
                ));
            } else {
                group.terms.push(term);
            }
        } else {
            push_definitions(c, &mut group.notes);
        }
    }
    Some(group)
}

/// Reads a `termSec`, `tig`, `ntig` or `termGrp` into `term`; `found`
/// counts the `<term>` elements seen; what could not be read is added to
/// `problems` as (line, message).
fn term_from(
    el: &El,
    term: &mut EntryTerm,
    found: &mut usize,
    problems: &mut Vec<(usize, String)>,
) {
    for kid in &el.kids {
        match kid {
            Node::Pi(target, content) if target == "satz" => satz_instruction(content, term),
            Node::El(c) if c.is("term") => {
                if *found == 0 {
                    term.text = c.text();
                    if term.text.chars().any(is_stray_control) {
                        problems.push((
                            c.line,
                            format!(
                                "control characters in the term {:?} read as spaces",
                                term.text
                            ),
                        ));
                        term.text = without_controls(&term.text);
                    }
                }
                *found += 1;
            }
            // Groups around the term's data categories (TBX 2008 and v3).
            Node::El(c)
                if [
                    "termGrp",
                    "termGroup",
                    "termNoteGrp",
                    "descripGrp",
                    "adminGrp",
                ]
                .iter()
                .any(|g| c.is(g)) =>
            {
                term_from(c, term, found, problems);
            }
            Node::El(c) if c.is("note") => term.notes.push(c.text()),
            Node::El(c) => {
                let (cat, value) = c.category();
                match cat.as_str() {
                    "administrativestatus"
                    | "usagestatus"
                    | "normativeauthorization"
                    | "termstatus"
                    | "status"
                        if term.status.is_none() =>
                    {
                        term.status = TermStatus::parse(&value);
                        if term.status.is_none() && !value.trim().is_empty() {
                            problems.push((
                                c.line,
                                format!(
                                    "unknown {cat} {:?} of {:?}: the term is read as approved",
                                    value, term.text
                                ),
                            ));
                        }
                    }
                    "partofspeech" if term.pos.is_none() && !value.is_empty() => {
                        term.pos = Some(value);
                    }
                    "termtype" => term.variant = value.eq_ignore_ascii_case("variant"),
                    _ if is_note_category(c, &cat) => term.notes.push(labelled(&cat, value)),
                    _ => {}
                }
            }
            _ => {}
        }
    }
}

/// Data categories read into notes: definitions, usage notes, subject
/// fields and a `<descrip>` without a type. Not `context`: an example
/// sentence (what `satz terms --format tbx` writes there) is no note.
fn is_note_category(el: &El, cat: &str) -> bool {
    matches!(
        cat,
        "definition"
            | "usagenote"
            | "usage note"
            | "usage"
            | "subjectfield"
            | "subject field"
            | "explanation"
    ) || (cat.is_empty() && el.is("descrip"))
}

/// A note's text, with its category named unless it is a definition or
/// untyped (`Usage note: false friend`).
fn labelled(cat: &str, value: String) -> String {
    let label = match cat {
        "usagenote" | "usage note" | "usage" => "Usage note",
        "subjectfield" | "subject field" => "Subject field",
        _ => return value,
    };
    format!("{label}: {value}")
}

/// A control character XML 1.0 does not allow (written as a reference by a
/// careless exporter: Word's soft line break U+000B, escape U+001B).
fn is_stray_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// `text` with stray control characters as spaces, runs of spaces folded.
fn without_controls(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| if is_stray_control(c) { ' ' } else { c })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads `match="..."`, `pos="..."` and `case_sensitive="true"` from a `<?satz?>`
/// instruction (values percent-encoded, see the writer).
fn satz_instruction(content: &str, term: &mut EntryTerm) {
    let mut rest = content;
    while let Some((key, after)) = rest.split_once("=\"") {
        let key = key.trim();
        let Some((value, after_value)) = after.split_once('"') else {
            break;
        };
        let value = percent_decode(value);
        match key {
            "match" => term.match_mode = Some(value),
            // The glossary's own part of speech where TBX-Basic's picklist
            // has another word for it (`properNoun` written as `noun`).
            "pos" => term.pos = Some(value),
            "case_sensitive" => term.case_sensitive = value == "true",
            _ => {}
        }
        rest = after_value;
    }
}

/// Decodes `%XX` escapes (UTF-8 bytes); anything malformed stays as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(hex, 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b);
        i += 1;
    }
    // Escapes that decode to no UTF-8 are malformed: the text stays as written.
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

struct Parser<'a> {
    x: Cursor<'a>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, path: &'a Path) -> Parser<'a> {
        Parser {
            x: Cursor::new(text, path),
        }
    }

    /// Checks the root element and records the dialect.
    fn root(&self, e: &BytesStart<'_>, pos: usize, file: &mut TbxFile) -> Result<String> {
        let name = local(e);
        if !(name.eq_ignore_ascii_case("tbx") || name.eq_ignore_ascii_case("martif")) {
            return Err(refuse(self.x.path(), &name));
        }
        file.dialect = self
            .x
            .attrs(e, pos)?
            .into_iter()
            .find_map(|(k, v)| k.eq_ignore_ascii_case("type").then_some(v));
        Ok(name)
    }

    /// Reads the element started by `start` and everything in it.
    fn element(&mut self, start: &BytesStart<'_>, pos: usize, depth: usize) -> Result<El> {
        if depth > MAX_DEPTH {
            return Err(self
                .x
                .error_at(pos, format!("elements nested more than {MAX_DEPTH} deep")));
        }
        let mut el = El {
            name: local(start),
            attrs: self.x.attrs(start, pos)?,
            kids: Vec::new(),
            line: self.x.line_of(pos),
        };
        loop {
            let pos = self.x.pos();
            match self.x.event()? {
                Event::Start(e) => {
                    let child = self.element(&e, pos, depth + 1)?;
                    el.kids.push(Node::El(child));
                }
                Event::Empty(e) => {
                    let child = El {
                        name: local(&e),
                        attrs: self.x.attrs(&e, pos)?,
                        kids: Vec::new(),
                        line: self.x.line_of(pos),
                    };
                    el.kids.push(Node::El(child));
                }
                Event::Text(t) => el.kids.push(Node::Text(t.xml10_content().into_owned())),
                Event::CData(t) => el.kids.push(Node::Kept(t.xml10_content().into_owned())),
                Event::GeneralRef(r) => {
                    let s = self.x.resolve_ref(&r, pos)?;
                    el.kids.push(Node::Kept(s));
                }
                Event::PI(pi) => el
                    .kids
                    .push(Node::Pi(pi.target().to_owned(), pi.content().to_owned())),
                Event::End(_) => return Ok(el),
                Event::Eof => {
                    return Err(self
                        .x
                        .error_at(pos, format!("the file ends inside <{}>", el.name)));
                }
                _ => {}
            }
        }
    }
}
