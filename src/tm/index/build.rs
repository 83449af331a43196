//! Building the index bytes from the memory's units.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::format::{FIELDS, FORMAT_VERSION, HEADER, MAGIC, SECTIONS};
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

impl Entry {
    /// The entry of a unit.
    pub fn from_unit(unit: &Unit) -> Entry {
        let prop = |kinds: [&str; 2]| {
            kinds
                .iter()
                .find_map(|k| unit.prop(k))
                .unwrap_or_default()
                .to_owned()
        };
        Entry {
            source: unit.source_text(),
            target: unit.target_text(),
            prev: prop(CONTEXT_PREV),
            next: prop(CONTEXT_NEXT),
            file: unit
                .origin
                .as_ref()
                .map(|o| o.file.clone())
                .unwrap_or_default(),
            line: unit
                .origin
                .as_ref()
                .map_or(0, |o| u32::try_from(o.line).unwrap_or(u32::MAX)),
        }
    }
}

/// The memory's units as index entries: one per unit identity (source and
/// target, whitespace folded), the first occurrence kept, in memory order.
pub fn entries(units: &[Unit]) -> Vec<Entry> {
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
    memory.for_each_unit(|u| {
        if seen.insert(crate::tm::store::identity_hash(&u)) {
            out.push(Entry::from_unit(&u));
        }
    })?;
    Ok(out)
}

/// Builds the index bytes. `tick` is called once per unit tokenised (for a
/// progress bar).
pub fn build(entries: &[Entry], fingerprint: u64, tick: &(dyn Fn() + Sync)) -> Vec<u8> {
    // Tokenise in parallel chunks; intern each chunk's keys before the next,
    // so the key strings of the whole memory are never held at once.
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
            let ids = ks
                .into_iter()
                .map(|k| {
                    let next = u32::try_from(interned.len()).unwrap_or(u32::MAX);
                    *interned.entry(k).or_insert(next)
                })
                .collect();
            tokens.push(ids);
        }
    }
    // Sorted vocabulary, so look-ups can binary-search it; renumber.
    let mut vocab: Vec<(String, u32)> = interned.into_iter().collect();
    vocab.sort_unstable();
    let mut remap = vec![0u32; vocab.len()];
    for (new, (_, old)) in vocab.iter().enumerate() {
        if let Some(slot) = remap.get_mut(*old as usize) {
            *slot = u32::try_from(new).unwrap_or(u32::MAX);
        }
    }
    for toks in &mut tokens {
        for t in toks.iter_mut() {
            *t = remap.get(*t as usize).copied().unwrap_or(u32::MAX);
        }
    }
    let vocab: Vec<String> = vocab.into_iter().map(|(k, _)| k).collect();

    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
    for (u, toks) in tokens.iter().enumerate() {
        let mut distinct = toks.clone();
        distinct.sort_unstable();
        distinct.dedup();
        for t in distinct {
            if let Some(p) = postings.get_mut(t as usize) {
                p.push(u32::try_from(u).unwrap_or(u32::MAX));
            }
        }
    }

    let mut files: Vec<&str> = Vec::new();
    let mut file_ids: HashMap<&str, u32> = HashMap::new();
    let mut origins = Vec::with_capacity(entries.len() * 2);
    for e in entries {
        let id = *file_ids.entry(e.file.as_str()).or_insert_with(|| {
            files.push(e.file.as_str());
            u32::try_from(files.len() - 1).unwrap_or(u32::MAX)
        });
        origins.push(id);
        origins.push(e.line);
    }

    let mut w = Writer::default();
    w.offsets32(vocab.iter().map(|k| k.len()));
    w.bytes(vocab.iter().flat_map(|k| k.bytes()));
    w.offsets32(postings.iter().map(Vec::len));
    w.u32s(postings.iter().flatten().copied());
    w.offsets32(tokens.iter().map(Vec::len));
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
    w.offsets32(files.iter().map(|f| f.len()));
    w.bytes(files.iter().flat_map(|f| f.bytes()));
    w.finish(fingerprint, entries.len(), vocab.len(), files.len())
}

/// Lays out sections after the header and table, in one buffer: the header
/// and table are reserved up front and filled in last, so the index is
/// never held twice.
struct Writer {
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

    fn offsets32(&mut self, lens: impl Iterator<Item = usize>) {
        let mut at: u64 = 0;
        let offsets = std::iter::once(0).chain(lens.map(move |l| {
            at += l as u64;
            u32::try_from(at).unwrap_or(u32::MAX)
        }));
        self.u32s(offsets);
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

    fn finish(mut self, fingerprint: u64, units: usize, vocab: usize, files: usize) -> Vec<u8> {
        let mut head = Vec::with_capacity(HEADER + TABLE);
        head.extend_from_slice(MAGIC);
        head.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        head.extend_from_slice(&0u32.to_le_bytes());
        head.extend_from_slice(&fingerprint.to_le_bytes());
        head.extend_from_slice(&0u64.to_le_bytes()); // checksum, below
        for n in [units, vocab, files, SECTIONS] {
            head.extend_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes());
        }
        head.resize(HEADER, 0);
        for (off, len) in &self.table {
            head.extend_from_slice(&off.to_le_bytes());
            head.extend_from_slice(&len.to_le_bytes());
        }
        if let Some(slot) = self.out.get_mut(..head.len()) {
            slot.copy_from_slice(&head);
        }
        let full = xxhash_rust::xxh3::xxh3_64(self.out.get(HEADER..).unwrap_or_default());
        let meta = super::format::View::open_trusted(&self.out).map_or(0, |v| v.meta_checksum());
        for (at, v) in [(24, full), (48, meta)] {
            if let Some(slot) = self.out.get_mut(at..at + 8) {
                slot.copy_from_slice(&v.to_le_bytes());
            }
        }
        self.out
    }
}
