//! The three-way union of a glossary's terms: what git's merge driver
//! `satz merge-driver glossary` does.
//!
//! The three versions are cut into blocks ([`super::glossary_blocks`]):
//! the preamble, `[glossary]`, `[check]` and each `[[term]]` with the
//! comments above it. Blocks are matched by what they are (a term by its
//! case-folded `de`), compared by their text, and merged three-way: a
//! block changed on one side only takes that side's text, comments and
//! all; one removed on one side and unchanged on the other is removed; one
//! removed on one side and changed on the other is kept as changed. The
//! result is the base's blocks in base order, then the blocks the sides
//! added, sorted by term (so the bytes do not depend on which side merges).
//!
//! A block both sides changed differently is a conflict unless both read
//! as the same term (only spacing or comments differ: the first in byte
//! order is kept). A conflict is written as git writes one, both versions
//! between `<<<<<<<`, `=======` and `>>>>>>>` lines, the first marker
//! naming the term and the fields that differ, so that `satz glossary
//! list` (which refuses a file with conflict markers, naming the line)
//! shows what to resolve.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::glossary::{Glossary, Term};
use crate::team::glossary_blocks::{Block, BlockKey, blocks};
use crate::team::{Resolved, three_way};

/// What [`merge_glossary`] made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryMerge {
    /// The merged file; with conflicts, both versions of each between
    /// git's conflict markers.
    pub text: String,
    /// The blocks changed differently on both sides.
    pub conflicts: Vec<TermConflict>,
}

/// A block of the glossary both sides changed, differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermConflict {
    /// What it is: `term "Sippenhaft"`, `[glossary]`, `the text before the first table`.
    pub what: String,
    /// The fields that differ (`en`, `note`, ...), for a term.
    pub fields: Vec<&'static str>,
    /// Our version.
    pub ours: String,
    /// Their version.
    pub theirs: String,
}

impl TermConflict {
    /// One line: what conflicts and how.
    pub fn summary(&self) -> String {
        if self.fields.is_empty() {
            format!("{} changed on both sides", self.what)
        } else {
            format!(
                "{} changed on both sides ({} differ)",
                self.what,
                self.fields.join(", ")
            )
        }
    }
}

/// Merges three versions of a glossary file (see the module
/// documentation). `path` names the file in messages. An empty text is a
/// version in which the file does not exist.
pub fn merge_glossary(base: &str, ours: &str, theirs: &str, path: &Path) -> Result<GlossaryMerge> {
    let o = blocks(base, path, "the base")?;
    let a = blocks(ours, path, "our")?;
    let b = blocks(theirs, path, "their")?;
    let (in_a, in_b) = (by_key(&a), by_key(&b));
    let in_o = by_key(&o);
    let mut out = Output::default();
    for block in &o {
        if out.done(&block.key) {
            continue;
        }
        let (x, y) = (in_a.get(&block.key), in_b.get(&block.key));
        out.merge(Some(block), x.copied(), y.copied());
    }
    // The blocks the sides added, in key order.
    let mut added: BTreeMap<&BlockKey, ()> = BTreeMap::new();
    for block in a.iter().chain(&b) {
        if !in_o.contains_key(&block.key) {
            added.insert(&block.key, ());
        }
    }
    for key in added.into_keys() {
        if out.done(key) {
            continue;
        }
        out.separate();
        out.merge(None, in_a.get(key).copied(), in_b.get(key).copied());
    }
    if out.conflicts.is_empty() {
        // Whatever the merge made must read as a glossary.
        Glossary::parse(&out.text, path).map_err(|e| {
            Error::input(
                Location::file(path),
                format!("the merged glossary does not read back ({e}); merge this file by hand"),
            )
        })?;
    }
    Ok(GlossaryMerge {
        text: out.text,
        conflicts: out.conflicts,
    })
}

fn by_key<'b, 'a>(blocks: &'b [Block<'a>]) -> HashMap<&'b BlockKey, &'b Block<'a>> {
    let mut map = HashMap::new();
    for b in blocks {
        map.entry(&b.key).or_insert(b);
    }
    map
}

/// The merged text as it grows.
#[derive(Default)]
struct Output {
    text: String,
    conflicts: Vec<TermConflict>,
    seen: std::collections::HashSet<BlockKey>,
}

impl Output {
    /// True when `key` was written already (a block twice in one version).
    fn done(&mut self, key: &BlockKey) -> bool {
        !self.seen.insert(key.clone())
    }

    /// A blank line before an added block, as `glossary add` writes one.
    fn separate(&mut self) {
        if self.text.is_empty() {
            return;
        }
        if !self.text.ends_with('\n') {
            self.text.push('\n');
        }
        if !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    fn merge<'a>(
        &mut self,
        base: Option<&Block<'a>>,
        ours: Option<&Block<'a>>,
        theirs: Option<&Block<'a>>,
    ) {
        let core = |b: Option<&Block<'a>>| b.map(|b| b.core);
        let chosen = match three_way(core(base), core(ours), core(theirs)) {
            Resolved::Take(None) => return,
            Resolved::Take(Some(text)) => text,
            Resolved::Both(x, y) => {
                let (Some(a), Some(b)) = (ours, theirs) else {
                    return;
                };
                if a.term.is_some() && a.term == b.term {
                    x.min(y)
                } else {
                    self.conflict(a, b);
                    return;
                }
            }
        };
        self.text.push_str(chosen);
        // The spacing after the block as the base had it, else one newline.
        let tail = base.or(ours).or(theirs).map_or("\n", |b| b.tail);
        self.text
            .push_str(if tail.is_empty() { "\n" } else { tail });
    }

    fn conflict(&mut self, ours: &Block, theirs: &Block) {
        let what = match (&ours.key, &ours.term) {
            (BlockKey::Term(_), Some(t)) => format!("term {:?}", t.de),
            (BlockKey::Table(header), _) => header.clone(),
            _ => "the text before the first table".to_owned(),
        };
        let fields = match (&ours.term, &theirs.term) {
            (Some(a), Some(b)) => differing_fields(a, b),
            _ => Vec::new(),
        };
        let conflict = TermConflict {
            what,
            fields,
            ours: ours.core.to_owned(),
            theirs: theirs.core.to_owned(),
        };
        let summary = conflict.summary();
        let text = &mut self.text;
        for part in [
            "<<<<<<< ours: ",
            &summary,
            " (satz merge-driver)\n",
            ours.core,
            "\n=======\n",
            theirs.core,
            "\n>>>>>>> theirs\n\n",
        ] {
            text.push_str(part);
        }
        self.conflicts.push(conflict);
    }
}

/// The keys whose values differ between two versions of a term.
fn differing_fields(a: &Term, b: &Term) -> Vec<&'static str> {
    let checks: [(&'static str, bool); 9] = [
        ("de", a.de != b.de),
        ("en", a.en != b.en),
        ("forbidden", a.forbidden != b.forbidden),
        ("note", a.note != b.note),
        ("pos", a.pos != b.pos),
        ("status", a.status != b.status),
        ("forms", a.forms != b.forms),
        ("case_sensitive", a.case_sensitive != b.case_sensitive),
        ("match", a.match_mode != b.match_mode),
    ];
    let fields: Vec<&'static str> = checks
        .into_iter()
        .filter_map(|(name, differs)| differs.then_some(name))
        .collect();
    if fields.is_empty() && a != b {
        return vec!["comments"];
    }
    fields
}
