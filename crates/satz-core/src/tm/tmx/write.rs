//! Writes TMX 1.4b, deterministically.
//!
//! The same units always give the same bytes: a fixed header, attributes in
//! a fixed order (`tuid` first, then as read), one line per element outside
//! segments, two-space indents, no timestamps added. So a memory kept in git
//! changes by exactly the lines of the units that changed.
//!
//! Segment text is written exactly as held: whitespace inside `<seg>` is
//! kept, carriage returns become `&#13;` (XML would otherwise turn them into
//! line feeds), and inline codes are written back with the attributes and
//! native code they were read with.

use crate::tm::tmx::read::{Header, RawUnit};
use crate::tm::unit::{Annotation, Attrs, Inline, Variant};
pub use crate::xml::is_xml_char;
use crate::xml::{Escape, escape_into};

/// Header attributes satz writes itself, in this order.
const OWN_HEADER_ATTRS: [&str; 7] = [
    "creationtool",
    "creationtoolversion",
    "datatype",
    "segtype",
    "adminlang",
    "srclang",
    "o-tmf",
];

/// Renders a whole TMX file. `header` keeps what an earlier version of the
/// file held (props, notes, a creation date); satz's own attributes are set
/// from `srclang` and the running version.
pub fn render(header: &Header, srclang: &str, units: &[RawUnit]) -> String {
    let mut out = String::with_capacity(256 + units.len() * 400);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<tmx version=\"1.4\">\n");
    write_header(&mut out, header, srclang);
    out.push_str("  <body>\n");
    for unit in units {
        write_unit(&mut out, unit);
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

fn write_header(out: &mut String, header: &Header, srclang: &str) {
    let own = [
        "satz",
        env!("CARGO_PKG_VERSION"),
        "plaintext",
        "sentence",
        "en",
        srclang,
        "satz",
    ];
    out.push_str("  <header");
    for (name, value) in OWN_HEADER_ATTRS.iter().zip(own) {
        write_attr(out, name, value);
    }
    for (k, v) in &header.attrs {
        if !OWN_HEADER_ATTRS.contains(&k.as_str()) {
            write_attr(out, k, v);
        }
    }
    if header.props.is_empty() && header.notes.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    write_annotations(out, "    ", &header.notes, &header.props);
    out.push_str("  </header>\n");
}

/// Writes one `<tu>` block: attributes as held, then notes, props and the
/// variants in order.
pub fn write_unit(out: &mut String, unit: &RawUnit) {
    out.push_str("    <tu");
    write_attrs(out, &unit.attrs);
    out.push_str(">\n");
    write_annotations(out, "      ", &unit.notes, &unit.props);
    for v in &unit.variants {
        write_variant(out, v);
    }
    out.push_str("    </tu>\n");
}

fn write_variant(out: &mut String, v: &Variant) {
    out.push_str("      <tuv");
    write_attr(out, "xml:lang", &v.lang);
    for (k, val) in &v.attrs {
        write_attr(out, k, val);
    }
    out.push_str(">\n");
    write_annotations(out, "        ", &v.notes, &v.props);
    out.push_str("        <seg>");
    write_inline(out, &v.seg.0);
    out.push_str("</seg>\n      </tuv>\n");
}

fn write_annotations(out: &mut String, indent: &str, notes: &[Annotation], props: &[Annotation]) {
    for (tag, list) in [("note", notes), ("prop", props)] {
        for a in list {
            out.push_str(indent);
            out.push('<');
            out.push_str(tag);
            write_attrs(out, &a.attrs);
            out.push('>');
            escape_text(out, &a.text);
            out.push_str("</");
            out.push_str(tag);
            out.push_str(">\n");
        }
    }
}

fn write_inline(out: &mut String, items: &[Inline]) {
    for item in items {
        match item {
            Inline::Text(t) => escape_text(out, t),
            Inline::Code {
                kind,
                attrs,
                content,
            } => {
                out.push('<');
                out.push_str(kind.name());
                write_attrs(out, attrs);
                if content.is_empty() {
                    out.push_str("/>");
                } else {
                    out.push('>');
                    write_inline(out, content);
                    out.push_str("</");
                    out.push_str(kind.name());
                    out.push('>');
                }
            }
        }
    }
}

fn write_attrs(out: &mut String, attrs: &Attrs) {
    for (k, v) in attrs {
        write_attr(out, k, v);
    }
}

fn write_attr(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    escape_into(out, value, Escape::ATTR);
    out.push('"');
}

fn escape_text(out: &mut String, text: &str) {
    escape_into(out, text, Escape::TEXT);
}
