//! The three-way union of a memory file's translation units: what git's
//! merge driver `satz merge-driver tmx` does.
//!
//! The three versions (base, ours, theirs) must be files satz wrote: each
//! `<tu>` block must read back and render to exactly its bytes
//! ([`tmx::write::write_unit`]). A file satz could not reproduce byte for
//! byte (written by another tool or a newer satz with something this one
//! does not know) is refused rather than merged, so a merge driver never
//! drops what it does not understand: git then reports a normal conflict.
//!
//! The merged file is the chosen header, then the base's units in base
//! order (each as the side that changed it has it; removed when one side
//! removed it and the other left it as it was), then the units each side
//! added, each side's in its own order; of the two sides' runs of
//! additions the one whose keys sort first comes first. A unit both sides
//! added (the same duplicate key) is written once. So the same three
//! versions give the same bytes whichever side is "ours".

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::error::{Error, Location, Result};
use crate::team::{Resolved, three_way};
use crate::tm::store::duplicate_hash;
use crate::tm::tmx::{self, RawUnit};
use crate::tm::unit::Unit;

/// How a satz file's body starts and ends ([`tmx::write::render`]).
const BODY_START: &str = "\n  <body>\n";
const BODY_END: &str = "  </body>\n</tmx>\n";

/// What [`merge_tmx`] made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TmxMerge {
    /// The merged file.
    pub text: String,
    /// Units in the merged file.
    pub units: usize,
    /// Units neither in the base nor in our version: what theirs brought.
    pub from_theirs: usize,
    /// Base units removed (by one side, left as they were by the other).
    pub removed: usize,
}

/// One version of the file: its text up to the units, and each unit's
/// duplicate key with its block of lines.
struct Side<'a> {
    head: Option<&'a str>,
    units: Vec<(u128, &'a str)>,
}

impl<'a> Side<'a> {
    fn read(text: &'a str, path: &Path, which: &str) -> Result<Side<'a>> {
        if text.is_empty() {
            // A file that does not exist on this side (git passes an empty one).
            return Ok(Side {
                head: None,
                units: Vec::new(),
            });
        }
        if let Some(m) = crate::team::conflict_marker(text) {
            return Err(Error::input(Location::line(path, m.line), m.message()));
        }
        let refuse = |offset: usize, why: &str| {
            Error::input(
                Location::at_offset(path, text, offset),
                format!(
                    "{which} version: {why}; satz merges only memory files it wrote itself \
                     and can write back byte for byte, so nothing is lost: merge this file \
                     by hand"
                ),
            )
        };
        let Some(body) = text.find(BODY_START).map(|i| i + BODY_START.len()) else {
            return Err(refuse(0, "no `  <body>` line as satz writes it"));
        };
        let mut reader = tmx::TmxReader::new(text, path)?;
        let mut at = body;
        let mut units = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut block = String::new();
        while let Some(raw) = reader.next_unit()? {
            block.clear();
            tmx::write::write_unit(&mut block, &raw);
            let rest = text.get(at..).unwrap_or_default();
            if !rest.starts_with(block.as_str()) {
                return Err(refuse(at, "a <tu> that satz would write differently"));
            }
            let slice = text.get(at..at + block.len()).unwrap_or_default();
            let key = unit_key(&raw);
            // A union by key would keep one of the two and lose the other.
            if !seen.insert(key) {
                return Err(refuse(at, "a unit that repeats another one of this file"));
            }
            units.push((key, slice));
            at += block.len();
        }
        if text.get(at..) != Some(BODY_END) {
            return Err(refuse(
                at,
                "something other than </body></tmx> after the units",
            ));
        }
        Ok(Side {
            head: text.get(..body),
            units,
        })
    }

    fn keyed(&self) -> HashMap<u128, &'a str> {
        let mut map = HashMap::with_capacity(self.units.len());
        for &(key, block) in &self.units {
            map.entry(key).or_insert(block);
        }
        map
    }
}

/// A unit's key: satz's [duplicate key](crate::tm::unit::Unit::duplicate_key)
/// for a unit of two variants (what satz writes), else the duplicate keys
/// of all its variants with their languages.
fn unit_key(raw: &RawUnit) -> u128 {
    let unit = |source: &crate::tm::unit::Variant, target| Unit {
        source: source.clone(),
        target,
        ..Unit::default()
    };
    if let [source, target] = raw.variants.as_slice() {
        return duplicate_hash(&unit(source, target.clone()));
    }
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for v in &raw.variants {
        let (key, _) = unit(v, crate::tm::unit::Variant::default()).duplicate_key();
        h.update(v.lang.to_lowercase().as_bytes());
        h.update(b"\0");
        h.update(key.as_bytes());
        h.update(b"\x01");
    }
    h.digest128()
}

/// Two versions of one unit, both changed: the one with more in it (a
/// unit that gained its context), else the first in byte order. Symmetric.
fn pick<'a>(a: &'a str, b: &'a str) -> &'a str {
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Greater => a,
        std::cmp::Ordering::Less => b,
        std::cmp::Ordering::Equal => a.min(b),
    }
}

fn resolve<'a>(
    base: Option<&'a str>,
    ours: Option<&'a str>,
    theirs: Option<&'a str>,
) -> Option<&'a str> {
    match three_way(base, ours, theirs) {
        Resolved::Take(v) => v,
        Resolved::Both(a, b) => Some(pick(a, b)),
    }
}

/// Merges three versions of a memory file satz wrote (see the module
/// documentation). `path` names the file in messages. An empty text is a
/// version in which the file does not exist.
pub fn merge_tmx(base: &str, ours: &str, theirs: &str, path: &Path) -> Result<TmxMerge> {
    let o = Side::read(base, path, "the base")?;
    let a = Side::read(ours, path, "our")?;
    let b = Side::read(theirs, path, "their")?;
    let (in_a, in_b) = (a.keyed(), b.keyed());
    let in_o: HashSet<u128> = o.units.iter().map(|&(k, _)| k).collect();
    let mut out = Vec::with_capacity(a.units.len().max(b.units.len()));
    let mut emitted: HashSet<u128> = HashSet::with_capacity(out.capacity());
    let mut removed = 0;
    for &(key, block) in &o.units {
        if !emitted.insert(key) {
            continue;
        }
        match resolve(
            Some(block),
            in_a.get(&key).copied(),
            in_b.get(&key).copied(),
        ) {
            Some(kept) => out.push(kept),
            None => removed += 1,
        }
    }
    let added = |side: &Side| -> Vec<u128> {
        side.units
            .iter()
            .map(|&(k, _)| k)
            .filter(|k| !in_o.contains(k))
            .collect()
    };
    let (mut first, mut second) = (added(&a), added(&b));
    if second < first {
        std::mem::swap(&mut first, &mut second);
    }
    let mut from_theirs = 0;
    for key in first.into_iter().chain(second) {
        if !emitted.insert(key) {
            continue;
        }
        let (ours, theirs) = (in_a.get(&key).copied(), in_b.get(&key).copied());
        if ours.is_none() {
            from_theirs += 1;
        }
        out.extend(resolve(None, ours, theirs));
    }
    let head = match three_way(o.head, a.head, b.head) {
        Resolved::Take(h) => h,
        Resolved::Both(x, y) => Some(x.max(y)),
    };
    let text = render(head, &out, path)?;
    Ok(TmxMerge {
        text,
        units: out.len(),
        from_theirs,
        removed,
    })
}

fn render(head: Option<&str>, units: &[&str], path: &Path) -> Result<String> {
    let Some(head) = head else {
        return Err(Error::input(
            Location::file(path),
            "neither side has this memory file: nothing to merge",
        ));
    };
    let len = head.len() + units.iter().map(|u| u.len()).sum::<usize>() + BODY_END.len();
    let mut text = String::with_capacity(len);
    text.push_str(head);
    for u in units {
        text.push_str(u);
    }
    text.push_str(BODY_END);
    Ok(text)
}
