//! A pre-translation as XLIFF 1.2 (OASIS Standard, 2008), the version every
//! CAT tool reads (OmegaT's XLIFF filter, Trados, memoQ, Okapi,
//! translate-toolkit).
//!
//! ```xml
//! <file original="article.txt" source-language="de" target-language="en" datatype="plaintext">
//!   <header><tool tool-id="satz" tool-name="satz" tool-version="0.1.0"/></header>
//!   <body>
//!     <group id="p1" restype="x-paragraph">
//!       <trans-unit id="1">
//!         <source>Nordkorea schickt Soldaten.</source>
//!         <target state="translated" state-qualifier="leveraged-tm">North Korea sends soldiers.</target>
//!         <context-group name="x-satz-neighbours-1" purpose="match">
//!           <context context-type="x-satz-prev">...</context>
//!           <context context-type="x-satz-next">...</context>
//!         </context-group>
//!         <note from="satz" annotates="source">Glossary: ...</note>
//!         <alt-trans match-quality="100" origin="kim-putin.tmx" tool-id="satz">
//!           <source>...</source><target>...</target>
//!           <note from="satz">-2 numbers</note>
//!         </alt-trans>
//!       </trans-unit>
//! ```
//!
//! How satz's outcome maps to the standard's attributes:
//!
//! | satz | `target` `state` | `state-qualifier` |
//! |---|---|---|
//! | 101% (the neighbours match too) | `translated` | `exact-match` |
//! | 100% | `translated` | `leveraged-tm` |
//! | fuzzy, `--fuzzy target` | `needs-review-translation` | `fuzzy-match` |
//! | fuzzy, `--fuzzy candidate`, or nothing | no `target` | |
//!
//! Every match is an `alt-trans` with `match-quality` (the percentage,
//! 101 for a context match), `origin` (the memory file) and its penalties
//! as a note. The neighbours are a `context-group` (XLIFF 1.2's place for
//! "information that helps match"), which `satz import` reads back.

use super::{Fill, Pretranslation, Segment};
use crate::xml::{Escape, escape};

/// The namespace of XLIFF 1.2.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The `context-type` values of a segment's neighbours.
pub const CONTEXT_PREV: &str = "x-satz-prev";
/// See [`CONTEXT_PREV`].
pub const CONTEXT_NEXT: &str = "x-satz-next";

/// The document as XLIFF 1.2; `tool_version` goes in the header.
pub fn write(doc: &Pretranslation, tool_version: &str) -> String {
    let mut out = String::with_capacity(1024 + doc.paragraphs.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!("<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">\n"));
    out.push_str(&format!(
        "  <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"plaintext\" tool-id=\"satz\">\n",
        attr(&doc.original),
        attr(&doc.source_lang),
        attr(&doc.target_lang)
    ));
    out.push_str(&format!(
        "    <header>\n      <tool tool-id=\"satz\" tool-name=\"satz\" tool-version=\"{}\"/>\n    </header>\n",
        attr(tool_version)
    ));
    out.push_str("    <body>\n");
    let mut id = 0;
    for (p, segments) in doc.paragraphs.iter().enumerate() {
        let p = p + 1;
        out.push_str(&format!(
            "      <group id=\"p{p}\" restype=\"x-paragraph\">\n"
        ));
        for segment in segments {
            id += 1;
            trans_unit(&mut out, id, segment, doc);
        }
        out.push_str("      </group>\n");
    }
    out.push_str("    </body>\n  </file>\n</xliff>\n");
    out
}

/// One `<trans-unit>`: source, target, neighbours, glossary note, matches
/// (the order XLIFF 1.2 prescribes).
fn trans_unit(out: &mut String, id: usize, segment: &Segment, doc: &Pretranslation) {
    out.push_str(&format!("        <trans-unit id=\"{id}\">\n"));
    out.push_str(&format!(
        "          <source>{}</source>\n",
        text(&segment.source)
    ));
    let (state, qualifier, target) = match segment.fill(doc.fuzzy) {
        Fill::Empty => ("", "", None),
        Fill::Exact(c) if c.score > 100 => ("translated", "exact-match", Some(c)),
        Fill::Exact(c) => ("translated", "leveraged-tm", Some(c)),
        Fill::Fuzzy(c) => ("needs-review-translation", "fuzzy-match", Some(c)),
    };
    if let Some(c) = target {
        out.push_str(&format!(
            "          <target state=\"{state}\" state-qualifier=\"{qualifier}\">{}</target>\n",
            text(&c.target)
        ));
    }
    neighbours(out, id, segment);
    if let Some(note) = segment.term_note() {
        out.push_str(&format!(
            "          <note from=\"satz\" annotates=\"source\">{}</note>\n",
            text(&note)
        ));
    }
    for c in &segment.matches {
        out.push_str(&format!(
            "          <alt-trans match-quality=\"{}\" origin=\"{}\" tool-id=\"satz\">\n",
            c.score,
            attr(&c.origin)
        ));
        out.push_str(&format!(
            "            <source>{}</source>\n            <target>{}</target>\n",
            text(&c.source),
            text(&c.target)
        ));
        if !c.penalties.is_empty() {
            out.push_str(&format!(
                "            <note from=\"satz\">{}</note>\n",
                text(&c.penalties.join(", "))
            ));
        }
        out.push_str("          </alt-trans>\n");
    }
    out.push_str("        </trans-unit>\n");
}

/// The sentences before and after, as a `context-group` (its `name` must
/// be unique in the file: `x-satz-neighbours-ID`).
fn neighbours(out: &mut String, id: usize, segment: &Segment) {
    if segment.prev.is_none() && segment.next.is_none() {
        return;
    }
    out.push_str(&format!(
        "          <context-group name=\"x-satz-neighbours-{id}\" purpose=\"match\">\n"
    ));
    for (kind, sentence) in [(CONTEXT_PREV, &segment.prev), (CONTEXT_NEXT, &segment.next)] {
        if let Some(s) = sentence {
            out.push_str(&format!(
                "            <context context-type=\"{kind}\">{}</context>\n",
                text(s)
            ));
        }
    }
    out.push_str("          </context-group>\n");
}

fn text(s: &str) -> String {
    escape(s, Escape::TEXT)
}

fn attr(s: &str) -> String {
    escape(s, Escape::ATTR)
}
