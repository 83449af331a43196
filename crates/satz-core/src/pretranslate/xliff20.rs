//! A pre-translation as XLIFF 2.0 (OASIS Standard, 2014) with its
//! Translation Candidates (`mtc:`), Glossary (`gls:`) and Metadata (`mda:`)
//! modules.
//!
//! ```xml
//! <file id="f1" original="article.txt">
//!   <group id="p1" type="satz:paragraph">
//!     <unit id="u1">
//!       <mda:metadata>                                  <!-- the neighbours -->
//!         <mda:metaGroup category="satz:neighbours">
//!           <mda:meta type="prev">...</mda:meta><mda:meta type="next">...</mda:meta>
//!         </mda:metaGroup>
//!       </mda:metadata>
//!       <mtc:matches>
//!         <mtc:match ref="#m1" similarity="100" type="icm" origin="kim-putin.tmx">
//!           <source>...</source><target>...</target>
//!         </mtc:match>
//!       </mtc:matches>
//!       <gls:glossary>
//!         <gls:glossEntry ref="#m1">
//!           <gls:term source="glossary.toml">Sippenhaft</gls:term>
//!           <gls:translation>collective punishment</gls:translation>
//!         </gls:glossEntry>
//!       </gls:glossary>
//!       <segment id="s1" state="translated" subState="satz:context-match">
//!         <source><mrk id="m1" type="mtc:match">...</mrk></source>
//!         <target>...</target>
//!       </segment>
//!     </unit>
//! ```
//!
//! | satz | `segment` `state` | `subState` | `mtc:match` `type` |
//! |---|---|---|---|
//! | 101% | `translated` | `satz:context-match` | `icm` (in-context match) |
//! | 100% | `translated` | `satz:exact-match` | `tm` |
//! | fuzzy, `--fuzzy target` | `initial` | `satz:fuzzy-match` | `tm` |
//! | fuzzy, `--fuzzy candidate`, or nothing | `initial`, no target | | `tm` |
//!
//! `similarity` is the percentage, at most 100 (the module's range): a
//! context match says so by its `type`, and satz's own percentage is
//! `satz:score`. The module has no place for penalties, so they are an
//! attribute in satz's namespace (`satz:penalties="-2 numbers"`), as is a
//! forbidden translation's mark (`<gls:translation satz:forbidden="yes">`).
//! Matches and glossary entries refer (`ref`) to a `<mrk type="mtc:match">`
//! around the whole source, as the specification's examples do.

use super::{Fill, Pretranslation, Segment};
use crate::xml::{Escape, escape};

/// The namespace of XLIFF 2.0.
pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// satz's own namespace for the few things the modules have no place for.
pub const SATZ_NAMESPACE: &str = "https://satz.invalid/ns/xliff";

/// The document as XLIFF 2.0.
pub fn write(doc: &Pretranslation) -> String {
    let mut out = String::with_capacity(1024 + doc.paragraphs.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str(&format!(
        "<xliff xmlns=\"{NAMESPACE}\" \
         xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\" \
         xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\" \
         xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" \
         xmlns:satz=\"{SATZ_NAMESPACE}\" \
         version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">\n",
        attr(&doc.source_lang),
        attr(&doc.target_lang)
    ));
    out.push_str(&format!(
        "  <file id=\"f1\" original=\"{}\">\n",
        attr(&doc.original)
    ));
    let mut id = 0;
    for (p, segments) in doc.paragraphs.iter().enumerate() {
        let p = p + 1;
        out.push_str(&format!(
            "    <group id=\"p{p}\" type=\"satz:paragraph\">\n"
        ));
        for segment in segments {
            id += 1;
            unit(&mut out, id, segment, doc);
        }
        out.push_str("    </group>\n");
    }
    out.push_str("  </file>\n</xliff>\n");
    out
}

/// One `<unit>`: metadata, matches, glossary, then the segment (the order
/// of the core schema: module elements first).
fn unit(out: &mut String, id: usize, segment: &Segment, doc: &Pretranslation) {
    out.push_str(&format!("      <unit id=\"u{id}\">\n"));
    neighbours(out, segment);
    matches(out, id, segment);
    glossary(out, id, segment);
    let (state, sub_state, target) = match segment.fill(doc.fuzzy) {
        Fill::Empty => ("initial", None, None),
        Fill::Exact(c) if c.score > 100 => ("translated", Some("satz:context-match"), Some(c)),
        Fill::Exact(c) => ("translated", Some("satz:exact-match"), Some(c)),
        Fill::Fuzzy(c) => ("initial", Some("satz:fuzzy-match"), Some(c)),
    };
    let sub = sub_state
        .map(|s| format!(" subState=\"{s}\""))
        .unwrap_or_default();
    out.push_str(&format!(
        "        <segment id=\"s{id}\" state=\"{state}\"{sub}>\n"
    ));
    let source = text(&segment.source);
    if marked(segment) {
        out.push_str(&format!(
            "          <source><mrk id=\"m{id}\" type=\"mtc:match\">{source}</mrk></source>\n"
        ));
    } else {
        out.push_str(&format!("          <source>{source}</source>\n"));
    }
    if let Some(c) = target {
        out.push_str(&format!("          <target>{}</target>\n", text(&c.target)));
    }
    out.push_str("        </segment>\n      </unit>\n");
}

/// Whether the source is wrapped in the `<mrk>` that matches and glossary
/// entries refer to.
fn marked(segment: &Segment) -> bool {
    !segment.matches.is_empty() || !segment.terms.is_empty()
}

/// The neighbours, in the Metadata module.
fn neighbours(out: &mut String, segment: &Segment) {
    if segment.prev.is_none() && segment.next.is_none() {
        return;
    }
    out.push_str(
        "        <mda:metadata>\n          <mda:metaGroup category=\"satz:neighbours\">\n",
    );
    for (kind, sentence) in [("prev", &segment.prev), ("next", &segment.next)] {
        if let Some(s) = sentence {
            out.push_str(&format!(
                "            <mda:meta type=\"{kind}\">{}</mda:meta>\n",
                text(s)
            ));
        }
    }
    out.push_str("          </mda:metaGroup>\n        </mda:metadata>\n");
}

/// The matches, in the Translation Candidates module.
fn matches(out: &mut String, id: usize, segment: &Segment) {
    if segment.matches.is_empty() {
        return;
    }
    out.push_str("        <mtc:matches>\n");
    for c in &segment.matches {
        let kind = if c.score > 100 { "icm" } else { "tm" };
        let penalties = if c.penalties.is_empty() {
            String::new()
        } else {
            format!(" satz:penalties=\"{}\"", attr(&c.penalties.join(", ")))
        };
        out.push_str(&format!(
            "          <mtc:match ref=\"#m{id}\" similarity=\"{}\" type=\"{kind}\" origin=\"{}\" satz:score=\"{}\"{penalties}>\n",
            c.score.min(100),
            attr(&c.origin),
            c.score
        ));
        out.push_str(&format!(
            "            <source>{}</source>\n            <target>{}</target>\n",
            text(&c.source),
            text(&c.target)
        ));
        out.push_str("          </mtc:match>\n");
    }
    out.push_str("        </mtc:matches>\n");
}

/// The glossary terms, in the Glossary module.
fn glossary(out: &mut String, id: usize, segment: &Segment) {
    if segment.terms.is_empty() {
        return;
    }
    out.push_str("        <gls:glossary>\n");
    for t in &segment.terms {
        out.push_str(&format!("          <gls:glossEntry ref=\"#m{id}\">\n"));
        out.push_str(&format!(
            "            <gls:term source=\"glossary.toml\">{}</gls:term>\n",
            text(&t.term)
        ));
        for en in &t.translations {
            out.push_str(&format!(
                "            <gls:translation>{}</gls:translation>\n",
                text(en)
            ));
        }
        for f in &t.forbidden {
            out.push_str(&format!(
                "            <gls:translation satz:forbidden=\"yes\">{}</gls:translation>\n",
                text(f)
            ));
        }
        out.push_str("          </gls:glossEntry>\n");
    }
    out.push_str("        </gls:glossary>\n");
}

fn text(s: &str) -> String {
    escape(s, Escape::TEXT)
}

fn attr(s: &str) -> String {
    escape(s, Escape::ATTR)
}
