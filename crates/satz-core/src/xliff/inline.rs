//! XLIFF inline content as the TMX codes the memory keeps.
//!
//! TMX 1.4b (section 3.7) has paired codes (`bpt`/`ept`, matched by `i`),
//! isolated ones (`it`, `pos="begin|end"`), placeholders (`ph`) and
//! highlighted text (`hi`); XLIFF 1.2 and 2.x spell the same ideas in more
//! ways. The mapping:
//!
//! | XLIFF | TMX |
//! |---|---|
//! | 1.2 `g`, 2.x `pc` (content inside) | `bpt`, the content, `ept` |
//! | 1.2 `bx`/`ex`, `bpt`/`ept`; 2.x `sc`/`ec` | `bpt`/`ept` when both ends are in the segment, else `it` |
//! | 1.2 `x`, `ph`; 2.x `ph` | `ph` |
//! | 1.2 `it`; 2.x `sc`/`ec` with `isolated="yes"` | `it` |
//! | `mrk` (not a segment marker) | `hi` with the `mtype`/`type` as `type` |
//! | 1.2 `sub` | `sub` |
//! | 2.x `cp` | the character (import removes what TMX cannot hold) |
//! | 2.x `sm`/`em`, elements of other namespaces | dropped; their text is kept |
//!
//! Codes get `i` numbers 1, 2, ... in each segment. Native code is the
//! content of 1.2 `bpt`/`ept`/`ph`/`it`, or for XLIFF 2 the
//! `originalData` entry a code's `dataRef` names.

use std::collections::HashMap;

use crate::tm::unit::{Attrs, CodeKind, Inline, Segment};
use crate::xliff::Content;
use crate::xliff::tree::{Element, Node};

/// What converting content needs to know.
pub(crate) struct Context<'a> {
    /// The XLIFF namespace of the document.
    pub ns: Option<&'a str>,
    /// True for XLIFF 2.x.
    pub v2: bool,
    /// XLIFF 2 `originalData`: native code by `data/@id`.
    pub data: &'a HashMap<String, String>,
}

/// Keys that pair a `bpt` with its `ept` before they are numbered; a
/// control character keeps generated keys apart from the file's ids.
const FRESH: char = '\u{1}';

/// The content of `el` (a source, target or segment marker).
pub(crate) fn content(el: &Element, cx: &Context<'_>) -> Content {
    let mut items = Vec::new();
    let mut fresh = 0;
    convert(&el.children, cx, &mut fresh, &mut items);
    let mut next = 1;
    number_codes(&mut items, &mut next);
    Content {
        text: Segment(items),
        elements: el.elements().count(),
    }
}

fn convert(children: &[Node], cx: &Context<'_>, fresh: &mut usize, out: &mut Vec<Inline>) {
    for child in children {
        match child {
            Node::Text(t) => push_text(out, t),
            Node::Element(e) if e.ns.as_deref() == cx.ns => element(e, cx, fresh, out),
            Node::Element(e) => convert(&e.children, cx, fresh, out),
        }
    }
}

fn element(e: &Element, cx: &Context<'_>, fresh: &mut usize, out: &mut Vec<Inline>) {
    let code = |kind, attrs, content| Inline::Code {
        kind,
        attrs,
        content,
    };
    let key = |names: &[&str]| {
        let v = names.iter().find_map(|n| e.attr(n)).unwrap_or_default();
        vec![("i".to_owned(), v.to_owned())]
    };
    match (e.name.as_str(), cx.v2) {
        ("g", false) | ("pc", true) => {
            *fresh += 1;
            let k = vec![("i".to_owned(), format!("{FRESH}{fresh}"))];
            let (start, end) = (e.attr("dataRefStart"), e.attr("dataRefEnd"));
            out.push(code(CodeKind::Bpt, typed(k.clone(), e), data(cx, start)));
            convert(&e.children, cx, fresh, out);
            out.push(code(CodeKind::Ept, k, data(cx, end)));
        }
        ("bx", false) => out.push(code(CodeKind::Bpt, typed(key(&["rid", "id"]), e), vec![])),
        ("ex", false) => out.push(code(CodeKind::Ept, key(&["rid", "id"]), vec![])),
        ("bpt", false) => out.push(code(CodeKind::Bpt, key(&["rid", "id"]), native(e, cx))),
        ("ept", false) => out.push(code(CodeKind::Ept, key(&["rid", "id"]), native(e, cx))),
        ("x", false) => out.push(code(CodeKind::Ph, typed(vec![], e), vec![])),
        ("ph", false) => out.push(code(CodeKind::Ph, typed(vec![], e), native(e, cx))),
        ("it", false) => {
            let pos = if e.attr("pos") == Some("close") {
                "end"
            } else {
                "begin"
            };
            let attrs = typed(vec![("pos".to_owned(), pos.to_owned())], e);
            out.push(code(CodeKind::It, attrs, native(e, cx)));
        }
        ("sub", false) => {
            let mut inner = Vec::new();
            convert(&e.children, cx, fresh, &mut inner);
            out.push(code(CodeKind::Sub, vec![], inner));
        }
        ("ph", true) => out.push(code(
            CodeKind::Ph,
            typed(vec![], e),
            data(cx, e.attr("dataRef")),
        )),
        ("sc" | "ec", true) => out.push(v2_marker(e, cx)),
        ("cp", true) => {
            let c = e
                .attr("hex")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32);
            if let Some(c) = c {
                push_text(out, &c.to_string());
            }
        }
        ("sm" | "em", true) => {}
        ("mrk", _) if e.attr("mtype") != Some("seg") => {
            let mut inner = Vec::new();
            convert(&e.children, cx, fresh, &mut inner);
            let kind = e.attr("mtype").or_else(|| e.attr("type"));
            // An annotation without a type keeps no attribute.
            let attrs = kind
                .map(|t| vec![("type".to_owned(), t.to_owned())])
                .unwrap_or_default();
            out.push(code(CodeKind::Hi, attrs, inner));
        }
        _ => convert(&e.children, cx, fresh, out),
    }
}

/// An XLIFF 2 `sc` or `ec`: one end of a paired code, or an isolated one.
fn v2_marker(e: &Element, cx: &Context<'_>) -> Inline {
    let start = e.name == "sc";
    let content = data(cx, e.attr("dataRef"));
    if e.attr("isolated") == Some("yes") {
        let pos = if start { "begin" } else { "end" };
        return Inline::Code {
            kind: CodeKind::It,
            attrs: typed(vec![("pos".to_owned(), pos.to_owned())], e),
            content,
        };
    }
    let id = if start {
        e.attr("id")
    } else {
        e.attr("startRef").or_else(|| e.attr("id"))
    };
    Inline::Code {
        kind: if start { CodeKind::Bpt } else { CodeKind::Ept },
        attrs: vec![("i".to_owned(), id.unwrap_or_default().to_owned())],
        content,
    }
}

/// `attrs` and the code's type (1.2 `ctype`, 2.x `type`), when given.
fn typed(mut attrs: Attrs, e: &Element) -> Attrs {
    if let Some(t) = e.attr("ctype").or_else(|| e.attr("type")) {
        attrs.push(("type".to_owned(), t.to_owned()));
    }
    attrs
}

/// The native code of a 1.2 `bpt`, `ept`, `ph` or `it`: its text, with
/// `sub` flows kept.
fn native(e: &Element, cx: &Context<'_>) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut fresh = 0;
    for child in &e.children {
        match child {
            Node::Text(t) => push_text(&mut out, t),
            Node::Element(s) if s.ns.as_deref() == cx.ns && s.name == "sub" => {
                let mut inner = Vec::new();
                convert(&s.children, cx, &mut fresh, &mut inner);
                out.push(Inline::Code {
                    kind: CodeKind::Sub,
                    attrs: vec![],
                    content: inner,
                });
            }
            Node::Element(_) => {}
        }
    }
    out
}

/// The native code an XLIFF 2 `dataRef` names.
fn data(cx: &Context<'_>, id: Option<&str>) -> Vec<Inline> {
    match id.and_then(|id| cx.data.get(id)) {
        Some(t) if !t.is_empty() => vec![Inline::Text(t.clone())],
        _ => vec![],
    }
}

fn push_text(out: &mut Vec<Inline>, text: &str) {
    if text.is_empty() {
        return;
    }
    if let Some(Inline::Text(last)) = out.last_mut() {
        last.push_str(text);
    } else {
        out.push(Inline::Text(text.to_owned()));
    }
}

/// Pairs each `bpt` with the next `ept` of the same key, numbers the pairs
/// from `next` on, and turns codes left without a partner into `it`s.
fn number_codes(items: &mut [Inline], next: &mut usize) {
    let key = |item: &Inline| match item {
        Inline::Code { kind, attrs, .. } if matches!(kind, CodeKind::Bpt | CodeKind::Ept) => {
            let k = attrs.iter().find(|(n, _)| n == "i").map(|(_, v)| v.clone());
            Some((*kind, k.unwrap_or_default()))
        }
        _ => None,
    };
    // The partner of each code, by index.
    let mut partner: HashMap<usize, usize> = HashMap::new();
    let mut open: Vec<(String, usize)> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match key(item) {
            Some((CodeKind::Bpt, k)) => open.push((k, i)),
            Some((_, k)) => {
                if let Some(at) = open.iter().rposition(|(o, _)| *o == k) {
                    let (_, b) = open.remove(at);
                    partner.insert(b, i);
                    partner.insert(i, b);
                }
            }
            None => {}
        }
    }
    let mut numbers: HashMap<usize, usize> = HashMap::new();
    for (i, item) in items.iter_mut().enumerate() {
        let Inline::Code {
            kind,
            attrs,
            content,
        } = item
        else {
            continue;
        };
        number_codes(content, next);
        if !matches!(kind, CodeKind::Bpt | CodeKind::Ept) {
            continue;
        }
        attrs.retain(|(n, _)| n != "i");
        match partner.get(&i) {
            Some(&p) => {
                let n = *numbers.entry(i.min(p)).or_insert_with(|| {
                    *next += 1;
                    *next - 1
                });
                attrs.insert(0, ("i".to_owned(), n.to_string()));
            }
            None => {
                let pos = if *kind == CodeKind::Bpt {
                    "begin"
                } else {
                    "end"
                };
                *kind = CodeKind::It;
                attrs.insert(0, ("pos".to_owned(), pos.to_owned()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xliff::tree::parse;
    use std::path::Path;

    fn convert_v(xml: &str, v2: bool) -> Content {
        let root = parse(xml, Path::new("t.xlf")).unwrap();
        let mut data = HashMap::new();
        data.insert("d1".to_owned(), "<b>".to_owned());
        let cx = Context {
            ns: None,
            v2,
            data: &data,
        };
        content(&root, &cx)
    }

    fn shape(c: &Content) -> String {
        fn walk(items: &[Inline], out: &mut String) {
            for item in items {
                match item {
                    Inline::Text(t) => out.push_str(t),
                    Inline::Code {
                        kind,
                        attrs,
                        content,
                    } => {
                        out.push('[');
                        out.push_str(kind.name());
                        for (k, v) in attrs {
                            out.push_str(&format!(" {k}={v}"));
                        }
                        out.push(':');
                        walk(content, out);
                        out.push(']');
                    }
                }
            }
        }
        let mut out = String::new();
        walk(&c.text.0, &mut out);
        out
    }

    #[test]
    fn xliff_1_codes_become_tmx_codes() {
        let c = convert_v(
            r#"<t>A <g id="1" ctype="bold">fett</g> <x id="2"/><bx id="3" rid="7"/>b<ex id="4" rid="7"/> <bpt id="5">{\b}</bpt>c<mrk mtype="term">T</mrk><it id="6" pos="close">&lt;/i&gt;</it></t>"#,
            false,
        );
        assert_eq!(
            shape(&c),
            "A [bpt i=1 type=bold:]fett[ept i=1:] [ph:][bpt i=2:]b[ept i=2:] [it pos=begin:{\\b}]c[hi type=term:T][it pos=end type=x-unknown-never:</i>]"
                .replace(" type=x-unknown-never", "")
        );
        assert_eq!(c.text.plain_text(), "A fett b cT");
        assert_eq!(c.elements, 7);
    }

    #[test]
    fn xliff_2_codes_use_original_data() {
        let c = convert_v(
            r#"<t><pc id="1" dataRefStart="d1">x</pc><sc id="2" dataRef="d1"/>y<ec startRef="2"/><sc id="3" isolated="yes"/><ph id="4" dataRef="d1"/><cp hex="E9"/><sm id="5"/>z<em startRef="5"/></t>"#,
            true,
        );
        assert_eq!(
            shape(&c),
            "[bpt i=1:<b>]x[ept i=1:][bpt i=2:<b>]y[ept i=2:][it pos=begin:][ph:<b>]éz"
        );
    }

    #[test]
    fn unpaired_codes_are_isolated_and_foreign_elements_keep_their_text() {
        let c = convert_v(
            r#"<t xmlns:o="urn:o"><ex rid="9"/>a<o:x>b</o:x><bx id="1"/></t>"#,
            false,
        );
        assert_eq!(shape(&c), "[it pos=end:]ab[it pos=begin:]");
    }
}
