//! A small namespace-aware element tree of one XML document.
//!
//! XLIFF readers need to look around (a 1.x `<seg-source>` is matched with
//! the `<target>` that follows it, memoQ and Trados keep statuses beside
//! the text), and the files are small, so the document is read into a tree
//! once. Names are resolved against their namespace declarations
//! (Namespaces in XML 1.0, §5): a file binding the XLIFF namespace to a
//! prefix reads like one using the default namespace, and a prefix without
//! a declaration is a well-formedness error at its line and column, as
//! expat and libxml2 report it. Characters XML 1.0 cannot hold (a raw
//! U+0008, say) are errors too. Comments and processing instructions are
//! dropped; CDATA sections are text.
//!
//! The tree is built without recursion, so deep nesting cannot overflow
//! the stack.

use std::path::Path;

use quick_xml::events::{BytesStart, Event};

use crate::error::Result;
use crate::fsx::nfc;
use crate::xml::{Cursor, is_xml_char};

/// The namespace the `xml:` prefix is bound to.
pub(crate) const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// An element with its namespace-resolved name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Element {
    /// The namespace URI; `None` for no namespace.
    pub ns: Option<String>,
    /// The local name.
    pub name: String,
    /// Attributes other than namespace declarations, in file order.
    pub attrs: Vec<Attr>,
    /// Child elements and text, in file order (adjacent text merged).
    pub children: Vec<Node>,
    /// 1-based line of the start tag.
    pub line: usize,
}

/// An attribute with its namespace-resolved name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attr {
    /// The namespace URI; `None` for an unprefixed attribute.
    pub ns: Option<String>,
    /// The local name.
    pub name: String,
    /// The normalised value (NFC).
    pub value: String,
}

/// A child of an element.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    /// A child element.
    Element(Element),
    /// Text (character data, references and CDATA sections), NFC.
    Text(String),
}

impl Element {
    /// True when the element is `name` in namespace `ns`.
    pub fn is(&self, ns: Option<&str>, name: &str) -> bool {
        self.name == name && self.ns.as_deref() == ns
    }

    /// The value of an unprefixed attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attr_ns(None, name)
    }

    /// The value of an attribute in a namespace.
    pub fn attr_ns(&self, ns: Option<&str>, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name == name && a.ns.as_deref() == ns)
            .map(|a| a.value.as_str())
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element `name` in namespace `ns`.
    pub fn child(&self, ns: Option<&str>, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.is(ns, name))
    }

    /// Every descendant `name` in namespace `ns` for which `keep` holds,
    /// in document order, without looking inside the ones found.
    pub fn find_all<'a>(
        &'a self,
        ns: Option<&str>,
        name: &str,
        keep: &dyn Fn(&Element) -> bool,
    ) -> Vec<&'a Element> {
        let mut out = Vec::new();
        let mut stack: Vec<&Element> = self.elements().collect();
        stack.reverse();
        while let Some(e) = stack.pop() {
            if e.is(ns, name) && keep(e) {
                out.push(e);
                continue;
            }
            let at = stack.len();
            stack.extend(e.elements());
            if let Some(tail) = stack.get_mut(at..) {
                tail.reverse();
            }
        }
        out
    }
}

impl Element {
    /// Like [`Element::find_all`] (every `name`, nothing kept back), each
    /// with the `id` of the innermost `<group>` around it, if any: the
    /// paragraph a unit belongs to in a file `satz pretranslate` wrote.
    pub fn find_all_in_groups<'a>(
        &'a self,
        ns: Option<&str>,
        name: &str,
    ) -> Vec<(&'a Element, Option<&'a str>)> {
        let mut out = Vec::new();
        let mut stack: Vec<(&Element, Option<&str>)> = self.elements().map(|e| (e, None)).collect();
        stack.reverse();
        while let Some((e, group)) = stack.pop() {
            if e.is(ns, name) {
                out.push((e, group));
                continue;
            }
            let inner = if e.is(ns, "group") {
                e.attr("id").or(group)
            } else {
                group
            };
            let at = stack.len();
            stack.extend(e.elements().map(|c| (c, inner)));
            if let Some(tail) = stack.get_mut(at..) {
                tail.reverse();
            }
        }
        out
    }
}

/// Reads a document into a tree and returns its root element.
pub(crate) fn parse(text: &str, path: &Path) -> Result<Element> {
    let mut x = Cursor::new(text, path);
    // Entities the DOCTYPE's internal subset declares.
    let mut entities: Vec<(String, String)> = Vec::new();
    // The namespace bindings each open element declares.
    let mut scopes: Vec<Vec<(String, String)>> = Vec::new();
    let mut open: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let pos = x.pos();
        let text = match x.event()? {
            Event::Start(e) => {
                let el = start(&mut x, &e, pos, &mut scopes, root.is_some())?;
                open.push(el);
                continue;
            }
            Event::Empty(e) => {
                let el = start(&mut x, &e, pos, &mut scopes, root.is_some())?;
                scopes.pop();
                close(el, &mut open, &mut root);
                continue;
            }
            Event::End(_) => {
                scopes.pop();
                if let Some(el) = open.pop() {
                    close(el, &mut open, &mut root);
                }
                continue;
            }
            Event::Text(t) => {
                check_chars(&x, &t, pos)?;
                t.xml10_content().into_owned()
            }
            Event::CData(t) => {
                // After the `<![CDATA[` that opens the section.
                check_chars(&x, &t, pos + 9)?;
                t.xml10_content().into_owned()
            }
            Event::GeneralRef(r) => {
                let declared = entities.iter().find(|(n, _)| *n == *r);
                let s = match declared {
                    Some((_, value)) => value.clone(),
                    None => x.resolve_ref(&r, pos)?,
                };
                if let Some(c) = s.chars().find(|&c| !is_xml_char(c)) {
                    return Err(x.error_at(pos, bad_char(c)));
                }
                s
            }
            Event::Decl(_) if pos > 0 => {
                return Err(x.error_at(
                    pos,
                    "malformed XML: the XML declaration must be at the very start of the file",
                ));
            }
            Event::Comment(c) if c.contains("--") || c.ends_with('-') => {
                return Err(x.error_at(pos, "malformed XML: '--' inside a comment"));
            }
            Event::DocType(d) => {
                entities = internal_entities(&d);
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        match open.last_mut() {
            Some(el) => push_text(el, text),
            None if text.trim().is_empty() => {}
            None => {
                let what = if root.is_some() { "after" } else { "before" };
                return Err(x.error_at(pos, format!("text {what} the root element")));
            }
        }
    }
    let end = text.len();
    if let Some(el) = open.last() {
        return Err(x.error_at(end, format!("the file ends inside <{}>", el.name)));
    }
    root.ok_or_else(|| x.error_at(end, "not an XML document: no root element"))
}

/// Builds an element from its start tag, declaring its namespaces.
fn start(
    x: &mut Cursor<'_>,
    e: &BytesStart<'_>,
    pos: usize,
    scopes: &mut Vec<Vec<(String, String)>>,
    after_root: bool,
) -> Result<Element> {
    let qname = e.name().0;
    if after_root && scopes.is_empty() {
        return Err(x.error_at(pos, format!("<{qname}> after the root element")));
    }
    if !is_name(qname) {
        return Err(x.error_at(
            pos,
            format!("malformed XML: '{qname}' is not an element name"),
        ));
    }
    for a in e.attributes().flatten() {
        if !is_name(a.key.0) || a.value.contains('<') {
            return Err(x.error_at(
                pos,
                format!("malformed XML: bad attribute {} in <{qname}>", a.key.0),
            ));
        }
    }
    let mut decls = Vec::new();
    let mut plain = Vec::new();
    for (k, v) in x.attrs(e, pos)? {
        if let Some(c) = v.chars().find(|&c| !is_xml_char(c)) {
            return Err(x.error_at(pos, bad_char(c)));
        }
        if k == "xmlns" {
            decls.push((String::new(), v));
        } else if let Some(p) = k.strip_prefix("xmlns:") {
            decls.push((p.to_owned(), v));
        } else {
            plain.push((k, v));
        }
    }
    scopes.push(decls);
    let unbound = |p: &str| {
        x.error_at(
            pos,
            format!("the prefix '{p}' in <{qname}> is not bound to a namespace (no xmlns:{p} declaration)"),
        )
    };
    let (prefix, name) = split(qname);
    let ns = resolve(scopes, prefix.unwrap_or("")).ok_or_else(|| unbound(prefix.unwrap_or("")))?;
    let mut attrs = Vec::with_capacity(plain.len());
    for (k, value) in plain {
        let (prefix, local) = split(&k);
        let ns = match prefix {
            None => None,
            Some(p) => resolve(scopes, p).ok_or_else(|| unbound(p))?,
        };
        let name = local.to_owned();
        if attrs.iter().any(|a: &Attr| a.ns == ns && a.name == name) {
            return Err(x.error_at(
                pos,
                format!("malformed XML: the attribute {k} of <{qname}> is given twice"),
            ));
        }
        attrs.push(Attr { ns, name, value });
    }
    Ok(Element {
        ns,
        name: name.to_owned(),
        attrs,
        children: Vec::new(),
        line: x.line_of(pos),
    })
}

/// Whether `s` is an XML name (XML 1.0 §2.3, with every non-ASCII
/// character allowed).
fn is_name(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == ':' || !c.is_ascii())
        && chars.all(|c| c.is_ascii_alphanumeric() || "-._:".contains(c) || !c.is_ascii())
}

/// The general entities a DOCTYPE's internal subset declares with a
/// literal value (`<!ENTITY co "ACME">`), which XML parsers expand;
/// external and parameter entities are not read.
fn internal_entities(doctype: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for decl in doctype.split("<!ENTITY").skip(1) {
        let rest = decl.trim_start();
        if rest.starts_with('%') {
            continue;
        }
        // The name runs to the first space (or the end: then no value).
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let (name, after) = rest.split_at(end);
        let mut chars = after.trim_start().chars();
        let Some(quote) = chars.next().filter(|c| *c == '"' || *c == '\'') else {
            continue;
        };
        if let Some((value, _)) = chars.as_str().split_once(quote) {
            out.push((name.to_owned(), value.to_owned()));
        }
    }
    out
}

/// `p:name` as (`Some(p)`, `name`), `name` as (`None`, `name`).
fn split(qname: &str) -> (Option<&str>, &str) {
    match qname.split_once(':') {
        Some((p, l)) => (Some(p), l),
        None => (None, qname),
    }
}

/// The namespace a prefix is bound to (`""`: the default namespace).
/// `Some(None)` means no namespace; `None` an unbound prefix.
fn resolve(scopes: &[Vec<(String, String)>], prefix: &str) -> Option<Option<String>> {
    if prefix == "xml" {
        return Some(Some(XML_NS.to_owned()));
    }
    for scope in scopes.iter().rev() {
        if let Some((_, uri)) = scope.iter().rev().find(|(p, _)| p == prefix) {
            return match uri.as_str() {
                "" if prefix.is_empty() => Some(None),
                "" => None,
                uri => Some(Some(uri.to_owned())),
            };
        }
    }
    prefix.is_empty().then_some(None)
}

/// Hands a finished element to its parent, or makes it the root.
fn close(mut el: Element, open: &mut [Element], root: &mut Option<Element>) {
    for child in &mut el.children {
        if let Node::Text(t) = child {
            *t = nfc(std::mem::take(t));
        }
    }
    match open.last_mut() {
        Some(parent) => parent.children.push(Node::Element(el)),
        None => *root = Some(el),
    }
}

fn push_text(el: &mut Element, text: String) {
    if let Some(Node::Text(last)) = el.children.last_mut() {
        last.push_str(&text);
    } else if !text.is_empty() {
        el.children.push(Node::Text(text));
    }
}

/// An error at the first character of `raw` (which starts at byte `pos`)
/// that XML 1.0 cannot hold.
fn check_chars(x: &Cursor<'_>, raw: &str, pos: usize) -> Result<()> {
    match raw.char_indices().find(|&(_, c)| !is_xml_char(c)) {
        Some((i, c)) => Err(x.error_at(pos + i, bad_char(c))),
        None => Ok(()),
    }
}

fn bad_char(c: char) -> String {
    format!(
        "malformed XML: the character U+{:04X} is not allowed in XML 1.0",
        u32::from(c)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Result<Element> {
        parse(text, Path::new("t.xlf"))
    }

    #[test]
    fn prefixes_resolve_to_namespaces() {
        let root =
            tree(r#"<x:a xmlns:x="urn:x" xmlns="urn:d"><b x:k="1" k="2"/><x:c/></x:a>"#).unwrap();
        assert!(root.is(Some("urn:x"), "a"));
        let b = root.child(Some("urn:d"), "b").unwrap();
        assert_eq!(b.attr_ns(Some("urn:x"), "k"), Some("1"));
        assert_eq!(b.attr("k"), Some("2"));
        assert!(root.child(Some("urn:x"), "c").is_some());
    }

    #[test]
    fn unbound_prefixes_are_errors_at_their_tag() {
        let err = tree("<a>\n  <b m:k=\"1\"/></a>").unwrap_err().to_string();
        assert_eq!(
            err,
            "t.xlf:2:3: the prefix 'm' in <b> is not bound to a namespace (no xmlns:m declaration)"
        );
        assert!(tree("<m:a/>").is_err());
    }

    #[test]
    fn characters_xml_cannot_hold_are_errors() {
        let err = tree("<a>\n <b>x\u{8}</b></a>").unwrap_err().to_string();
        assert_eq!(
            err,
            "t.xlf:2:6: malformed XML: the character U+0008 is not allowed in XML 1.0"
        );
        assert!(tree("<a>&#8;</a>").is_err());
    }

    #[test]
    fn text_cdata_and_references_merge_and_pis_vanish() {
        let root = tree("<a>x<![CDATA[<y>]]>&amp;<?pi z?>e&#x301;<!-- c --></a>").unwrap();
        assert_eq!(root.children, vec![Node::Text("x<y>&é".to_owned())]);
    }

    #[test]
    fn internal_entities_are_expanded() {
        let root =
            tree("<!DOCTYPE a [<!ENTITY co \"ACME\"><!ENTITY % p 'x'>]><a>&co; AG</a>").unwrap();
        assert_eq!(root.children, vec![Node::Text("ACME AG".to_owned())]);
    }

    #[test]
    fn broken_documents_are_errors() {
        for bad in [
            "",
            "text",
            "<a>",
            "<a></b>",
            "<a/><b/>",
            "<a/>x",
            "<a><1b/></a>",
            "<a><!-- x -- y --></a>",
            " <?xml version='1.0'?><a/>",
            "<a b='<'/>",
            "<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'/>",
        ] {
            assert!(tree(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn find_all_keeps_document_order() {
        let root = tree("<r><m i='1'><m i='x'/></m><g><m i='2'/></g><m i='3'/></r>").unwrap();
        let found: Vec<_> = root
            .find_all(None, "m", &|_| true)
            .iter()
            .filter_map(|e| e.attr("i"))
            .collect();
        assert_eq!(found, ["1", "2", "3"]);
    }
}
