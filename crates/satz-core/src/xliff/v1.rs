//! XLIFF 1.0 to 1.2: `<file>`s, their `<trans-unit>`s, and the segments of
//! a `<seg-source>` matched with the target's by `mid`.

use std::collections::HashMap;

use crate::xliff::inline::{Context, content};
use crate::xliff::read::Notes;
use crate::xliff::state::{State, Status, ToolStatus};
use crate::xliff::tree::Element;
use crate::xliff::{Content, File, Segment, Unit};

/// The namespace of SDL Trados Studio's extensions (`.sdlxliff`).
pub(crate) const SDL_NS: &str = "http://sdl.com/FileTypes/SdlXliff/1.0";
/// The namespace memoQ binds `mq:` to (`.mqxliff`).
pub(crate) const MQ_NS: &str = "MQXliff";

/// The `<file>`s of an XLIFF 1.x document.
pub(crate) fn files(root: &Element, ns: Option<&str>, notes: &mut Notes) -> Vec<File> {
    let no_data = HashMap::new();
    let cx = Context {
        ns,
        v2: false,
        data: &no_data,
    };
    root.find_all(ns, "file", &|_| true)
        .into_iter()
        .map(|f| File {
            original: f.attr("original").map(str::to_owned),
            source_lang: f.attr("source-language").map(str::to_owned),
            target_lang: f.attr("target-language").map(str::to_owned),
            line: f.line,
            units: f
                .find_all_in_groups(ns, "trans-unit")
                .into_iter()
                .map(|(tu, group)| unit(tu, group, &cx, notes))
                .collect(),
        })
        .collect()
}

fn unit(tu: &Element, group: Option<&str>, cx: &Context<'_>, notes: &mut Notes) -> Unit {
    let ns = cx.ns;
    let target = tu.child(ns, "target");
    let status = Status {
        state: target.and_then(|t| t.attr("state")).map(State::parse),
        approved: tu.attr("approved").map(|a| a == "yes"),
        tool: tu
            .attr_ns(Some(MQ_NS), "status")
            .map(|s| ToolStatus::MemoQ(s.to_owned())),
    };
    let segments = match tu.child(ns, "seg-source") {
        Some(seg_source) => segmented(tu, seg_source, target, &status, cx, notes),
        None => vec![Segment {
            id: None,
            line: tu.line,
            source: tu
                .child(ns, "source")
                .map(|s| content(s, cx))
                .unwrap_or_default(),
            target: target.map(|t| content(t, cx)),
            status,
        }],
    };
    Unit {
        group: group.map(str::to_owned),
        id: tu.attr("id").map(str::to_owned),
        resname: tu.attr("resname").map(str::to_owned),
        translate: tu.attr("translate") != Some("no"),
        line: tu.line,
        segments,
    }
}

fn is_seg(e: &Element) -> bool {
    e.attr("mtype") == Some("seg")
}

/// The segments of a unit with a `<seg-source>`: one per `<mrk
/// mtype="seg">`, its target the target's `mrk` with the same `mid` (by
/// position when the source's has none). Trados's `sdl:seg` gives each its
/// status.
fn segmented(
    tu: &Element,
    seg_source: &Element,
    target: Option<&Element>,
    status: &Status,
    cx: &Context<'_>,
    notes: &mut Notes,
) -> Vec<Segment> {
    let sources = seg_source.find_all(cx.ns, "mrk", &is_seg);
    let targets = target.map_or_else(Vec::new, |t| t.find_all(cx.ns, "mrk", &is_seg));
    let trados: Option<HashMap<&str, Option<&str>>> =
        tu.child(Some(SDL_NS), "seg-defs").map(|defs| {
            defs.find_all(Some(SDL_NS), "seg", &|_| true)
                .into_iter()
                .filter_map(|s| Some((s.attr("id")?, s.attr("conf"))))
                .collect()
        });
    let mut used = vec![false; targets.len()];
    let mut out = Vec::with_capacity(sources.len());
    for (i, mrk) in sources.iter().enumerate() {
        let mid = mrk.attr("mid");
        let at = match mid {
            Some(m) => targets.iter().position(|t| t.attr("mid") == Some(m)),
            None => (i < targets.len()).then_some(i),
        };
        if let Some(slot) = at.and_then(|a| used.get_mut(a)) {
            *slot = true;
        }
        let mut status = status.clone();
        if let (Some(defs), Some(m)) = (&trados, mid)
            && let Some(conf) = defs.get(m)
        {
            let conf = conf.unwrap_or("NotTranslated").to_owned();
            status.tool = Some(ToolStatus::Trados(conf));
        }
        out.push(Segment {
            id: mid.map(str::to_owned),
            line: mrk.line,
            source: content(mrk, cx),
            target: at
                .and_then(|a| targets.get(a))
                .map(|t| content(t, cx))
                .or_else(|| target.is_some().then(Content::default)),
            status,
        });
    }
    for (t, used) in targets.iter().zip(used) {
        if !used {
            let mid = t.attr("mid").unwrap_or("(none)");
            notes.warn(
                t.line,
                format!("target segment mid=\"{mid}\" has no source segment; ignored"),
            );
        }
    }
    out
}
