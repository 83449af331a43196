//! Building the index bytes from the memory's units.
//!
//! Every id, count and offset of the format is a u32 (string offsets are
//! u64); a memory that would need a larger one (4,294,967,295 distinct
//! words, units, memory files, postings, tokens or bytes of words) is an
//! error naming what overflowed, never an id saturated into a wrong one.
//!
//! The units are gathered compactly (`gather.rs`: the strings in one
//! arena, the source's keys as ids) and the sections are then laid out
//! from them in one pass, each array dropped once written, so that a
//! million units (a 606 MB index) are built in well under a gigabyte.
//! Postings come from a counting sort over the units' distinct keys, not
//! from a growing list per key.

use std::collections::HashSet;

use super::format::{FIELDS, Invalid, Layout};
use super::gather::{BATCH, Keys, Texts};
use crate::tm::unit::Unit;

pub(super) use super::writer::Writer;

/// What the index keeps of a unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// Source plain text.
    pub source: String,
    /// Target plain text.
    pub target: String,
    /// The source sentence before it in its document, when recorded.
    pub prev: String,
    /// The source sentence after it, when recorded.
    pub next: String,
    /// The memory file it came from.
    pub file: String,
    /// Its line there.
    pub line: u32,
}

/// The TMX `<prop>` types that record context: satz writes the `x-context-*`
/// ones; OmegaT writes `prev` and `next`.
pub const CONTEXT_PREV: [&str; 2] = ["x-context-prev", "prev"];
/// See [`CONTEXT_PREV`].
pub const CONTEXT_NEXT: [&str; 2] = ["x-context-next", "next"];

/// Why the index of a memory cannot be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    /// A count, id or offset does not fit the format's u32.
    #[error("the memory is too large for its index: more than 4,294,967,295 {0}")]
    TooLarge(&'static str),
    /// The bytes built fail their own structure check: a bug in satz.
    #[error("the index built is inconsistent ({0}); this is a bug in satz")]
    Inconsistent(Invalid),
}

/// `n` as a u32 id or count, or the error naming `what` overflowed.
pub(super) fn id(n: usize, what: &'static str) -> Result<u32, BuildError> {
    u32::try_from(n).map_err(|_| BuildError::TooLarge(what))
}

impl Entry {
    /// The entry of a unit; a unit on a line beyond u32 (a memory file of
    /// over four billion lines) cannot be indexed.
    pub fn from_unit(unit: &Unit) -> Result<Entry, BuildError> {
        let (file, line) = origin_of(unit);
        Ok(Entry {
            source: unit.source_text(),
            target: unit.target_text(),
            prev: context_of(unit, CONTEXT_PREV).to_owned(),
            next: context_of(unit, CONTEXT_NEXT).to_owned(),
            file: file.to_owned(),
            line: id(line, "lines in a memory file")?,
        })
    }
}

/// The context a unit records in the first of the `<prop>` types `kinds`
/// it has, empty when none.
pub(super) fn context_of<'u>(unit: &'u Unit, kinds: [&str; 2]) -> &'u str {
    kinds.iter().find_map(|k| unit.prop(k)).unwrap_or_default()
}

/// The memory file and line a unit came from. A unit without an origin
/// (built in this process, not read from a file) has no file and line 0,
/// which no file line is. (A unit on a line beyond u32, in a memory file
/// of over four billion lines, cannot be indexed: the caller checks.)
pub(super) fn origin_of(unit: &Unit) -> (&str, usize) {
    match &unit.origin {
        Some(o) => (o.file.as_str(), o.line),
        None => ("", 0),
    }
}

/// The memory's units as index entries: one per unit identity (source and
/// target, whitespace folded), the first occurrence kept, in memory order.
pub fn entries(units: &[Unit]) -> Result<Vec<Entry>, BuildError> {
    let mut seen = HashSet::new();
    units
        .iter()
        .filter(|u| seen.insert(u.identity()))
        .map(Entry::from_unit)
        .collect()
}

/// Builds the index bytes and their layout from entries in memory.
/// `tick` is called once per unit tokenised (for a progress bar).
pub fn build(
    entries: &[Entry],
    fingerprint: u64,
    tick: &(dyn Fn() + Sync),
) -> Result<(Vec<u8>, Layout), BuildError> {
    id(entries.len(), "units")?;
    let mut texts = Texts::default();
    let mut keys = Keys::default();
    for e in entries {
        texts.push(e)?;
    }
    for chunk in entries.chunks(BATCH) {
        let sources: Vec<&str> = chunk.iter().map(|e| e.source.as_str()).collect();
        keys.add(&sources, tick)?;
    }
    lay_out(texts, keys, fingerprint)
}

/// Lays out the index of the gathered units: the sections in the order
/// `format.rs` gives, byte for byte what [`build`] has always written.
pub(super) fn lay_out(
    texts: Texts,
    keys: Keys,
    fingerprint: u64,
) -> Result<(Vec<u8>, Layout), BuildError> {
    let units = texts.units();
    id(units, "units")?;
    let (vocab, mut tokens) = keys.renumbered()?;
    let sorted = tokens.sorted();
    let postings = postings_of(vocab.len(), &sorted)?;
    let estimate = vocab.iter().map(|k| k.len() + 16).sum::<usize>()
        + postings.ids.len() * 4
        + units * (4 + 8 * FIELDS + 8)
        + tokens.ids.len() * 8
        + texts.bytes_len()
        + 256;
    let mut w = Writer::with_capacity(estimate);
    w.offsets32(vocab.iter().map(|k| k.len()), "bytes of words")?;
    w.bytes(vocab.iter());
    w.offsets32(postings.lens(), "postings")?;
    w.u32s(postings.ids.into_iter());
    w.offsets32(tokens.lens.iter().map(|&n| n as usize), "tokens")?;
    w.u32s(std::mem::take(&mut tokens.ids).into_iter());
    w.u32s(sorted.ids.into_iter());
    let vocab_len = vocab.len();
    let key_table = super::keyhash::table(&vocab).ok_or(BuildError::TooLarge("distinct words"))?;
    drop(vocab);
    let files = texts.files.len();
    texts.write(&mut w)?;
    w.u32s(key_table.into_iter());
    w.finish(
        fingerprint,
        [
            (units, "units"),
            (vocab_len, "distinct words"),
            (files, "memory files"),
        ],
    )
}

/// Every key's posting list, one after the other.
struct Postings {
    /// Where each key's list starts in `ids`; one more than there are keys.
    starts: Vec<usize>,
    /// The units of every list.
    ids: Vec<u32>,
}

impl Postings {
    fn lens(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts.windows(2).map(|w| match w {
            [a, b] => b - a,
            _ => 0,
        })
    }
}

/// The postings of every key id below `keys`: the units that contain it,
/// each once, ascending. A counting sort over each unit's distinct keys
/// (its sorted keys, deduplicated): one pass counts, one fills.
#[allow(
    clippy::indexing_slicing,
    reason = "every key id is below `keys` (renumbered into the sorted vocabulary), so it indexes `starts` and `next`; the fill puts exactly the counted number of units in each list"
)]
fn postings_of(keys: usize, sorted: &super::gather::Tokens) -> Result<Postings, BuildError> {
    let mut starts = vec![0usize; keys + 1];
    for toks in sorted.units() {
        for_distinct(toks, |t| starts[t as usize + 1] += 1);
    }
    for k in 0..keys {
        starts[k + 1] += starts[k];
    }
    let mut next = starts.clone();
    let mut ids = vec![0u32; starts[keys]];
    for (u, toks) in sorted.units().enumerate() {
        // u < the number of units, which `lay_out` checked to fit a u32.
        let u = id(u, "units")?;
        for_distinct(toks, |t| {
            let at = &mut next[t as usize];
            ids[*at] = u;
            *at += 1;
        });
    }
    Ok(Postings { starts, ids })
}

/// Calls `f` with each distinct value of the sorted `toks`, once.
fn for_distinct(toks: &[u32], mut f: impl FnMut(u32)) {
    let mut last = None;
    for &t in toks {
        if last != Some(t) {
            f(t);
            last = Some(t);
        }
    }
}
