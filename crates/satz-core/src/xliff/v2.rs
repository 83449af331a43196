//! XLIFF 2.0 to 2.2: `<file>`s, `<unit>`s and their `<segment>`s.

use std::collections::HashMap;

use crate::xliff::inline::{Context, content};
use crate::xliff::state::{State, Status};
use crate::xliff::tree::{Element, Node};
use crate::xliff::{File, Segment, Unit};

/// The `<file>`s of an XLIFF 2.x document; the languages are the root's.
pub(crate) fn files(root: &Element, ns: Option<&str>) -> Vec<File> {
    let source_lang = root.attr("srcLang").map(str::to_owned);
    let target_lang = root.attr("trgLang").map(str::to_owned);
    root.find_all(ns, "file", &|_| true)
        .into_iter()
        .map(|f| File {
            original: f.attr("original").map(str::to_owned),
            source_lang: source_lang.clone(),
            target_lang: target_lang.clone(),
            line: f.line,
            units: f
                .find_all_in_groups(ns, "unit")
                .into_iter()
                .map(|(u, group)| unit(u, group, ns))
                .collect(),
        })
        .collect()
}

fn unit(u: &Element, group: Option<&str>, ns: Option<&str>) -> Unit {
    let data = original_data(u, ns);
    let cx = Context {
        ns,
        v2: true,
        data: &data,
    };
    let segments = u
        .find_all(ns, "segment", &|_| true)
        .into_iter()
        .map(|s| Segment {
            id: s.attr("id").map(str::to_owned),
            line: s.line,
            source: s
                .child(ns, "source")
                .map(|e| content(e, &cx))
                .unwrap_or_default(),
            target: s.child(ns, "target").map(|e| content(e, &cx)),
            status: Status {
                state: s.attr("state").map(State::parse),
                approved: None,
                tool: None,
            },
        })
        .collect();
    Unit {
        group: group.map(str::to_owned),
        id: u.attr("id").map(str::to_owned),
        resname: u.attr("name").map(str::to_owned),
        translate: u.attr("translate") != Some("no"),
        line: u.line,
        segments,
    }
}

/// The unit's `<originalData>`: native code by `data/@id`.
fn original_data(u: &Element, ns: Option<&str>) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let Some(od) = u.child(ns, "originalData") else {
        return out;
    };
    for d in od.elements().filter(|d| d.is(ns, "data")) {
        let mut text = String::new();
        for child in &d.children {
            match child {
                Node::Text(t) => text.push_str(t),
                Node::Element(cp) if cp.is(ns, "cp") => {
                    if let Some(c) = cp
                        .attr("hex")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                    {
                        text.push(c);
                    }
                }
                Node::Element(_) => {}
            }
        }
        if let Some(id) = d.attr("id") {
            out.insert(id.to_owned(), text);
        }
    }
    out
}
