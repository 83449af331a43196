//! Building the index bytes from the memory's units.
//!
//! Every id, count and offset of the format is a u32 (string offsets are
//! u64); a memory that would need a larger one (4,294,967,295 distinct
//! words, units, memory files, postings, tokens or bytes of words) is an
//! error naming what overflowed, never an id saturated into a wrong one.

use std::collections::hash_map::Entry as Slot;
use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::format::{FIELDS, FORMAT_VERSION, HEADER, Invalid, Layout, MAGIC, SECTIONS};
use crate::tm::fuzzy::Prepared;
use crate::tm::unit::Unit;

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
fn id(n: usize, what: &'static str) -> Result<u32, BuildError> {
    u32::try_from(n).map_err(|_| BuildError::TooLarge(what))
}

impl Entry {
    /// The entry of a unit; a unit on a line beyond u32 (a memory file of
    /// over four billion lines) cannot be indexed.
    pub fn from_unit(unit: &Unit) -> Result<Entry, BuildError> {
        let prop = |kinds: [&str; 2]| {
            kinds
                .iter()
                .find_map(|k| unit.prop(k))
                .unwrap_or_default()
                .to_owned()
        };
        // A unit without an origin (built in this process, not read from a
        // file) has no file and line 0, which no file line is.
        let line = match &unit.origin {
            Some(o) => id(o.line, "lines in a memory file")?,
            None => 0,
        };
        Ok(Entry {
            source: unit.source_text(),
            target: unit.target_text(),
            prev: prop(CONTEXT_PREV),
            next: prop(CONTEXT_NEXT),
            file: unit
                .origin
                .as_ref()
                .map(|o| o.file.clone())
                .unwrap_or_default(),
            line,
        })
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

/// The entries of a whole memory, streamed file by file: as [`entries`],
/// but holding only a 128-bit hash of each identity, not the units.
pub fn entries_of(memory: &crate::tm::Memory) -> crate::error::Result<Vec<Entry>> {
    let mut seen: HashSet<u128> = HashSet::new();
    let mut out = Vec::new();
    let mut failed = None;
    memory.for_each_unit(|u| {
        if failed.is_none() && seen.insert(crate::tm::store::identity_hash(&u)) {
            match Entry::from_unit(&u) {
                Ok(e) => out.push(e),
                Err(e) => failed = Some(e),
            }
        }
    })?;
    match failed {
        Some(e) => Err(crate::error::Error::input(
            crate::error::Location::file(&memory.dir),
            e.to_string(),
        )),
        None => Ok(out),
    }
}

/// Builds the index bytes and their layout. `tick` is called once per unit
/// tokenised (for a progress bar).
pub fn build(
    entries: &[Entry],
    fingerprint: u64,
    tick: &(dyn Fn() + Sync),
) -> Result<(Vec<u8>, Layout), BuildError> {
    id(entries.len(), "units")?;
    let (interned, tokens) = intern_keys(entries, tick)?;
    let (vocab, tokens) = renumber(interned, tokens)?;
    let postings = postings_of(vocab.len(), &tokens)?;
    let (files, origins) = origins_of(entries)?;

    let mut w = Writer::default();
    w.offsets32(vocab.iter().map(|k| k.len()), "bytes of words")?;
    w.bytes(vocab.iter().flat_map(|k| k.bytes()));
    w.offsets32(postings.iter().map(Vec::len), "postings")?;
    w.u32s(postings.iter().flatten().copied());
    w.offsets32(tokens.iter().map(Vec::len), "tokens")?;
    w.u32s(tokens.iter().flatten().copied());
    w.u32s(tokens.iter().flat_map(|t| {
        let mut s = t.clone();
        s.sort_unstable();
        s
    }));
    let strings = |e: &Entry| -> [String; FIELDS] {
        [
            e.source.clone(),
            e.target.clone(),
            e.prev.clone(),
            e.next.clone(),
        ]
    };
    w.offsets64(entries.iter().flat_map(|e| strings(e).map(|s| s.len())));
    w.bytes(
        entries
            .iter()
            .flat_map(|e| strings(e).concat().into_bytes()),
    );
    w.u32s(origins.iter().copied());
    w.offsets32(files.iter().map(|f| f.len()), "bytes of memory file names")?;
    w.bytes(files.iter().flat_map(|f| f.bytes()));
    w.finish(
        fingerprint,
        [
            (entries.len(), "units"),
            (vocab.len(), "distinct words"),
            (files.len(), "memory files"),
        ],
    )
}

/// Every key (word) of the memory with its id in order of first sight.
type Interned = HashMap<String, u32>;

/// The keys of every entry's source, tokenised in parallel chunks, as ids
/// into the interned keys. Each chunk's keys are interned before the next
/// chunk is tokenised, so the key strings of the whole memory are never
/// held at once. Keys get ids 0, 1, 2, ... in order of first sight;
/// u32::MAX is never one (search.rs gives it to query words the memory
/// lacks).
fn intern_keys(
    entries: &[Entry],
    tick: &(dyn Fn() + Sync),
) -> Result<(Interned, Vec<Vec<u32>>), BuildError> {
    let mut interned: HashMap<String, u32> = HashMap::new();
    let mut tokens: Vec<Vec<u32>> = Vec::with_capacity(entries.len());
    for chunk in entries.chunks(8192) {
        let keys: Vec<Vec<String>> = chunk
            .par_iter()
            .map(|e| {
                tick();
                Prepared::new(e.source.as_str()).keys()
            })
            .collect();
        for ks in keys {
            let mut ids = Vec::with_capacity(ks.len());
            for k in ks {
                let next = interned.len();
                let key_id = match interned.entry(k) {
                    Slot::Occupied(known) => *known.get(),
                    Slot::Vacant(slot) => {
                        let fresh = id(next, "distinct words")
                            .ok()
                            .filter(|&f| f < u32::MAX)
                            .ok_or(BuildError::TooLarge("distinct words"))?;
                        *slot.insert(fresh)
                    }
                };
                ids.push(key_id);
            }
            tokens.push(ids);
        }
    }
    Ok((interned, tokens))
}

/// The postings of every key id below `keys`: the units that contain it,
/// each once, in order.
fn postings_of(keys: usize, tokens: &[Vec<u32>]) -> Result<Vec<Vec<u32>>, BuildError> {
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); keys];
    for (u, toks) in tokens.iter().enumerate() {
        let mut distinct = toks.clone();
        distinct.sort_unstable();
        distinct.dedup();
        // u < entries.len(), which `build` checked to fit a u32.
        let u = id(u, "units")?;
        for t in distinct {
            push_posting(&mut postings, t, u);
        }
    }

    Ok(postings)
}

/// The memory files the entries come from, each once, and the origin of
/// every entry: its file's id and its line.
fn origins_of(entries: &[Entry]) -> Result<(Vec<&str>, Vec<u32>), BuildError> {
    let mut files: Vec<&str> = Vec::new();
    let mut file_ids: HashMap<&str, u32> = HashMap::new();
    let mut origins = Vec::with_capacity(entries.len() * 2);
    for e in entries {
        let file = match file_ids.get(e.file.as_str()) {
            Some(&f) => f,
            None => {
                let f = id(files.len(), "memory files")?;
                files.push(e.file.as_str());
                file_ids.insert(e.file.as_str(), f);
                f
            }
        };
        origins.push(file);
        origins.push(e.line);
    }

    Ok((files, origins))
}

/// Sorts the vocabulary (so look-ups can binary-search it) and renumbers
/// the tokens to their key's place in it.
#[allow(clippy::indexing_slicing)]
fn renumber(
    interned: HashMap<String, u32>,
    mut tokens: Vec<Vec<u32>>,
) -> Result<(Vec<String>, Vec<Vec<u32>>), BuildError> {
    let mut vocab: Vec<(String, u32)> = interned.into_iter().collect();
    vocab.sort_unstable();
    // Interning gave the keys the ids 0..vocab.len(), each once, so every
    // `old` below and every token indexes `remap`.
    let mut remap = vec![0u32; vocab.len()];
    for (new, (_, old)) in vocab.iter().enumerate() {
        debug_assert!((*old as usize) < remap.len());
        remap[*old as usize] = id(new, "distinct words")?;
    }
    for toks in &mut tokens {
        for t in toks.iter_mut() {
            *t = remap[*t as usize];
        }
    }
    Ok((vocab.into_iter().map(|(k, _)| k).collect(), tokens))
}

/// Adds unit `u` to the posting list of key `t`.
#[allow(clippy::indexing_slicing)]
fn push_posting(postings: &mut [Vec<u32>], t: u32, u: u32) {
    // `t` is a renumbered key id, below the vocabulary's size, which is
    // the number of posting lists.
    debug_assert!((t as usize) < postings.len());
    postings[t as usize].push(u);
}

/// Lays out sections after the header and table, in one buffer: the header
/// and table are reserved up front and filled in last, so the index is
/// never held twice.
pub(super) struct Writer {
    out: Vec<u8>,
    table: Vec<(u64, u64)>,
}

const TABLE: usize = SECTIONS * 16;

impl Default for Writer {
    fn default() -> Writer {
        Writer {
            out: vec![0; HEADER + TABLE],
            table: Vec::new(),
        }
    }
}

impl Writer {
    fn start(&mut self) -> usize {
        while !self.out.len().is_multiple_of(8) {
            self.out.push(0);
        }
        self.out.len()
    }

    fn end(&mut self, start: usize) {
        self.table
            .push((start as u64, (self.out.len() - start) as u64));
    }

    fn bytes(&mut self, it: impl Iterator<Item = u8>) {
        let s = self.start();
        self.out.extend(it);
        self.end(s);
    }

    fn u32s(&mut self, it: impl Iterator<Item = u32>) {
        let s = self.start();
        for v in it {
            self.out.extend_from_slice(&v.to_le_bytes());
        }
        self.end(s);
    }

    /// Offsets (u32) of items of the given lengths; `what` names them in
    /// the error when the total does not fit.
    pub(super) fn offsets32(
        &mut self,
        lens: impl Iterator<Item = usize>,
        what: &'static str,
    ) -> Result<(), BuildError> {
        let mut at: usize = 0;
        let mut offsets = vec![0u32];
        for l in lens {
            at = at.checked_add(l).ok_or(BuildError::TooLarge(what))?;
            offsets.push(id(at, what)?);
        }
        self.u32s(offsets.into_iter());
        Ok(())
    }

    fn offsets64(&mut self, lens: impl Iterator<Item = usize>) {
        let s = self.start();
        let mut at: u64 = 0;
        self.out.extend_from_slice(&0u64.to_le_bytes());
        for l in lens {
            at += l as u64;
            self.out.extend_from_slice(&at.to_le_bytes());
        }
        self.end(s);
    }

    /// Fills in the header and the section table, then both checksums.
    #[allow(clippy::indexing_slicing)]
    fn finish(
        mut self,
        fingerprint: u64,
        counts: [(usize, &'static str); 3],
    ) -> Result<(Vec<u8>, Layout), BuildError> {
        let mut head = Vec::with_capacity(HEADER + TABLE);
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        head.extend_from_slice(&0u32.to_le_bytes());
        head.extend_from_slice(&fingerprint.to_le_bytes());
        head.extend_from_slice(&0u64.to_le_bytes()); // checksum, below
        for (n, what) in counts {
            head.extend_from_slice(&id(n, what)?.to_le_bytes());
        }
        head.extend_from_slice(&id(SECTIONS, "sections")?.to_le_bytes());
        head.resize(HEADER, 0);
        for (off, len) in &self.table {
            head.extend_from_slice(&off.to_le_bytes());
            head.extend_from_slice(&len.to_le_bytes());
        }
        // `build` writes exactly SECTIONS sections, so the header and table
        // fill the HEADER + TABLE zero bytes `Writer::default` reserved;
        // the checksums at 24 and 48 lie inside the header.
        debug_assert_eq!(self.table.len(), SECTIONS);
        if head.len() != HEADER + TABLE {
            return Err(BuildError::Inconsistent(Invalid::Corrupt("section table")));
        }
        self.out[..HEADER + TABLE].copy_from_slice(&head);
        let full = xxhash_rust::xxh3::xxh3_64(&self.out[HEADER..]);
        self.out[24..32].copy_from_slice(&full.to_le_bytes());
        // The meta checksum covers the header before it, full checksum included.
        let layout = Layout::open_trusted(&self.out).map_err(BuildError::Inconsistent)?;
        let meta = layout.meta_checksum(&self.out);
        self.out[48..56].copy_from_slice(&meta.to_le_bytes());
        Ok((self.out, layout))
    }
}
