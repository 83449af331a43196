//! Gathering a memory's units for its index, compactly: the four strings
//! of every unit in one arena of large blocks (what the string sections
//! will hold), its origin as two u32s, and its source's match keys as ids
//! into one interned vocabulary, the ids of all units in one array.
//!
//! Reading the memory (TMX parsing, one thread) and the rest overlap: the
//! reader only reads, handing batches of units (their strings in one
//! string per batch) to a second thread over a bounded channel, so a
//! two-core machine keeps both cores busy and at most a few batches wait
//! in memory. That thread hashes the batch's unit identities (in parallel,
//! rayon), drops the units seen before, keeps the strings of the others and
//! tokenises their sources (in parallel, a run of sources per task, into
//! flat arrays). The reader was the longest thread of the build, so
//! everything but reading is done off it. The order of the units, and so
//! every byte of the index, is that of the memory; thread count and timing
//! change nothing (the vocabulary is sorted before the ids are written).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::mpsc;

use rayon::prelude::*;

use super::build::{
    BuildError, CONTEXT_NEXT, CONTEXT_PREV, Entry, Writer, context_of, id, origin_of,
};
use super::intern::Interner;
use crate::error::{Error, Location, Result};
use crate::tm::fuzzy::Prepared;

/// Units per batch handed to the tokeniser.
pub(super) const BATCH: usize = 8192;

/// Bytes per block of the string arena.
const BLOCK: usize = 16 << 20;

/// The strings and origins of the units, in memory order.
#[derive(Default)]
pub(super) struct Texts {
    /// The strings' bytes, source, target, previous and next of each unit
    /// in turn, in blocks of about [`BLOCK`] bytes (a string may straddle
    /// two).
    blocks: Vec<Vec<u8>>,
    /// The end of every string in the concatenated bytes.
    ends: Vec<u64>,
    /// The memory files, each once, in order of first sight.
    pub(super) files: Vec<String>,
    file_ids: HashMap<String, u32>,
    /// File id and line of every unit.
    origins: Vec<u32>,
}

impl Texts {
    /// Adds a unit.
    pub(super) fn push(&mut self, e: &Entry) -> std::result::Result<(), BuildError> {
        let strings = [&e.source, &e.target, &e.prev, &e.next].map(String::as_str);
        self.push_parts(strings, &e.file, e.line)
    }

    /// Adds a unit: its source, target, previous and next, its file and
    /// line.
    fn push_parts(
        &mut self,
        strings: [&str; 4],
        file: &str,
        line: u32,
    ) -> std::result::Result<(), BuildError> {
        for s in strings {
            self.append(s.as_bytes());
        }
        let file = match self.file_ids.get(file) {
            Some(&f) => f,
            None => {
                let f = id(self.files.len(), "memory files")?;
                self.files.push(file.to_owned());
                self.file_ids.insert(file.to_owned(), f);
                f
            }
        };
        self.origins.push(file);
        self.origins.push(line);
        Ok(())
    }

    fn append(&mut self, mut bytes: &[u8]) {
        let total = self.ends.last().copied().unwrap_or(0) + bytes.len() as u64;
        while !bytes.is_empty() {
            let block = match self.blocks.last_mut() {
                Some(b) if b.len() < b.capacity() => b,
                _ => {
                    self.blocks.push(Vec::with_capacity(BLOCK));
                    match self.blocks.last_mut() {
                        Some(b) => b,
                        None => return,
                    }
                }
            };
            let room = block.capacity() - block.len();
            let (now, rest) = bytes.split_at(room.min(bytes.len()));
            block.extend_from_slice(now);
            bytes = rest;
        }
        self.ends.push(total);
    }

    /// How many units.
    pub(super) fn units(&self) -> usize {
        self.origins.len() / 2
    }

    /// How many bytes the strings take.
    pub(super) fn bytes_len(&self) -> usize {
        self.blocks.iter().map(Vec::len).sum()
    }

    /// Writes the sections from the string offsets to the file name bytes,
    /// dropping each block of strings once copied.
    pub(super) fn write(self, w: &mut Writer) -> std::result::Result<(), BuildError> {
        let lens = std::iter::once(0)
            .chain(self.ends.iter().copied())
            .collect::<Vec<u64>>();
        w.offsets64(lens.windows(2).map(|p| match p {
            [a, b] => (b - a) as usize,
            _ => 0,
        }));
        drop(lens);
        w.bytes(self.blocks.into_iter());
        w.u32s(self.origins.into_iter());
        w.offsets32(
            self.files.iter().map(String::len),
            "bytes of memory file names",
        )?;
        w.bytes(self.files.iter().map(String::as_bytes));
        Ok(())
    }
}

/// Key ids per unit: all units' ids in one array, with each unit's count.
#[derive(Default)]
pub(super) struct Tokens {
    /// The ids of every unit, one unit after the other.
    pub(super) ids: Vec<u32>,
    /// How many ids each unit has.
    pub(super) lens: Vec<u32>,
}

impl Tokens {
    /// Each unit's ids.
    pub(super) fn units(&self) -> impl Iterator<Item = &[u32]> + '_ {
        let mut at = 0usize;
        self.lens.iter().map(move |&n| {
            let from = at;
            at += n as usize;
            self.ids.get(from..at).unwrap_or_default()
        })
    }

    /// The same units with each one's ids sorted.
    pub(super) fn sorted(&self) -> Tokens {
        let mut ids = Vec::with_capacity(self.ids.len());
        for toks in self.units() {
            let from = ids.len();
            ids.extend_from_slice(toks);
            if let Some(unit) = ids.get_mut(from..) {
                unit.sort_unstable();
            }
        }
        Tokens {
            ids,
            lens: self.lens.clone(),
        }
    }
}

/// Sources per task of [`Keys::add`].
const RUN: usize = 256;

/// In place of a key id in [`LookedUp`]: a key not known before the batch
/// (never an id: interning refuses u32::MAX).
const NEW: u32 = u32::MAX;

/// The keys of a run of sources, looked up in the keys known before the
/// batch.
#[derive(Default)]
struct LookedUp {
    /// Each key's id, or [`NEW`].
    ids: Vec<u32>,
    /// How many keys each source has.
    lens: Vec<usize>,
    /// The text of each [`NEW`] key, in order.
    new: Strings,
}

/// Strings one after the other in one string, with the end of each (one
/// allocation for them all, not one per string): a batch's unit strings,
/// a run's new keys.
#[derive(Default)]
struct Strings {
    text: String,
    ends: Vec<usize>,
}

impl Strings {
    /// Adds a string.
    fn push(&mut self, string: &str) {
        self.text.push_str(string);
        self.ends.push(self.text.len());
    }

    /// Adds the string `fill` appends (to the one string).
    fn push_with(&mut self, fill: impl FnOnce(&mut String)) {
        fill(&mut self.text);
        self.ends.push(self.text.len());
    }

    /// The strings, in order.
    fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let mut from = 0;
        self.ends.iter().map(move |&end| {
            let s = self.text.get(from..end).unwrap_or_default();
            from = end;
            s
        })
    }
}

/// The sources' keys, interned.
#[derive(Default)]
pub(super) struct Keys {
    /// Every key with its id in order of first sight.
    interned: Interner,
    tokens: Tokens,
}

impl Keys {
    /// Tokenises a batch of sources (in parallel) and adds their keys, in
    /// order. Keys get ids 0, 1, 2, ... in order of first sight; u32::MAX
    /// is never one (search.rs gives it to query words the memory lacks).
    pub(super) fn add(
        &mut self,
        sources: &[&str],
        tick: &(dyn Fn() + Sync),
    ) -> std::result::Result<(), BuildError> {
        // Keys seen in earlier batches are looked up in parallel, with the
        // tokenising, a run of sources per task into flat arrays; only the
        // batch's new keys are interned one by one, in order, so every key
        // gets the id it would get sequentially.
        let known = &self.interned;
        let looked: Vec<LookedUp> = sources
            .par_chunks(RUN)
            .map(|run| {
                let mut l = LookedUp::default();
                // One key buffer per run: a known key costs no String.
                let mut buf = String::new();
                for s in run {
                    tick();
                    let from = l.ids.len();
                    Prepared::each_key_of(s, &mut buf, |k| match known.get(k) {
                        Some(id) => l.ids.push(id),
                        None => {
                            l.ids.push(NEW);
                            l.new.push(k);
                        }
                    });
                    l.lens.push(l.ids.len() - from);
                }
                l
            })
            .collect();
        for l in looked {
            for n in l.lens {
                self.tokens.lens.push(id(n, "tokens")?);
            }
            let mut new = l.new.iter();
            for key_id in l.ids {
                let key_id = if key_id == NEW {
                    let key = new.next().ok_or(BuildError::Inconsistent(
                        super::format::Invalid::Corrupt("new keys"),
                    ))?;
                    self.intern(key)?
                } else {
                    key_id
                };
                self.tokens.ids.push(key_id);
            }
        }
        Ok(())
    }

    /// The id of `key`, a fresh one (the next) when it is new.
    fn intern(&mut self, key: &str) -> std::result::Result<u32, BuildError> {
        let fresh = id(self.interned.len(), "distinct words")
            .ok()
            .filter(|&f| f < u32::MAX)
            .ok_or(BuildError::TooLarge("distinct words"))?;
        Ok(self.interned.intern(key, fresh))
    }

    /// The vocabulary sorted (so look-ups can binary-search it) and the
    /// tokens renumbered to their key's place in it.
    #[allow(
        clippy::indexing_slicing,
        reason = "interning gave the keys the ids 0..vocab.len(), each once, so every old id and every token indexes `remap`"
    )]
    pub(super) fn renumbered(self) -> std::result::Result<(Vec<String>, Tokens), BuildError> {
        let mut vocab: Vec<(String, u32)> = (self.interned.into_keys().into_iter())
            .zip(0u32..)
            .collect();
        vocab.sort_unstable();
        let mut remap = vec![0u32; vocab.len()];
        for (new, (_, old)) in vocab.iter().enumerate() {
            remap[*old as usize] = id(new, "distinct words")?;
        }
        let mut tokens = self.tokens;
        for t in &mut tokens.ids {
            *t = remap[*t as usize];
        }
        Ok((vocab.into_iter().map(|(k, _)| k).collect(), tokens))
    }
}

/// The hasher of the set of unit identities, which are XXH3-128 hashes
/// already: their low 64 bits, not a second hash of them (a set whatever
/// its hasher; only its speed depends on the hash).
#[derive(Default)]
struct HashOfHash(u64);

impl Hasher for HashOfHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u128(&mut self, n: u128) {
        // The low half of a uniform hash: truncation meant.
        self.0 = n as u64;
    }
}

/// A batch of units as read, before duplicates are dropped: the source,
/// target, previous and next of each unit in turn, with its file and line.
#[derive(Default)]
struct Units {
    strings: Strings,
    /// The files of the batch, each once per run of units from it.
    files: Vec<String>,
    /// The place in `files` and the line of each unit.
    origins: Vec<(usize, usize)>,
}

impl Units {
    fn len(&self) -> usize {
        self.origins.len()
    }

    /// Empties the batch, keeping its buffers for the next one.
    fn clear(&mut self) {
        self.strings.text.clear();
        self.strings.ends.clear();
        self.files.clear();
        self.origins.clear();
    }

    fn push(&mut self, unit: &crate::tm::Unit) {
        let (file, line) = origin_of(unit);
        if self.files.last().is_none_or(|f| f != file) {
            self.files.push(file.to_owned());
        }
        // The plain texts written straight into the batch's string.
        self.strings
            .push_with(|s| unit.source.seg.push_plain_text(s));
        self.strings
            .push_with(|s| unit.target.seg.push_plain_text(s));
        self.strings.push(context_of(unit, CONTEXT_PREV));
        self.strings.push(context_of(unit, CONTEXT_NEXT));
        self.origins
            .push((self.files.len().saturating_sub(1), line));
    }
}

/// What the tokenising thread keeps: the units, each identity once, and
/// their sources' keys.
#[derive(Default)]
struct Kept {
    seen: HashSet<u128, BuildHasherDefault<HashOfHash>>,
    texts: Texts,
    keys: Keys,
}

impl Kept {
    /// Adds the units of a batch whose identity is new (the first
    /// occurrence kept, in memory order, as [`super::build::entries`]
    /// does); the identities are hashed in parallel.
    fn add(
        &mut self,
        batch: &Units,
        tick: &(dyn Fn() + Sync),
    ) -> std::result::Result<(), BuildError> {
        let strings: Vec<&str> = batch.strings.iter().collect();
        let hashes: Vec<u128> = strings
            .par_chunks(4)
            .with_min_len(256)
            .map(|u| match u {
                [source, target, ..] => crate::tm::store::identity_hash_of(source, target),
                _ => 0,
            })
            .collect();
        let mut sources = Vec::with_capacity(batch.len());
        for ((unit, hash), &(file, line)) in strings.chunks(4).zip(hashes).zip(&batch.origins) {
            if let [source, target, prev, next] = *unit
                && self.seen.insert(hash)
            {
                let file = batch.files.get(file).map_or("", String::as_str);
                let line = id(line, "lines in a memory file")?;
                self.texts
                    .push_parts([source, target, prev, next], file, line)?;
                sources.push(source);
            }
        }
        self.keys.add(&sources, tick)
    }
}

/// Reads the memory's units (one per unit identity, the first occurrence
/// kept, in memory order, as [`super::build::entries`] does) and, on
/// another thread as they are read, drops duplicates, keeps their strings
/// and tokenises their sources.
pub(super) fn gather(
    memory: &crate::tm::Memory,
    tick: &(dyn Fn() + Sync),
) -> Result<(Texts, Keys)> {
    let (send, receive) = mpsc::sync_channel::<Units>(2);
    // Batches done with go back to the reader, emptied, so that their
    // buffers are reused rather than grown and faulted in afresh.
    let (give_back, take_back) = mpsc::channel::<Units>();
    let fail = |e: BuildError| Error::input(Location::file(&memory.dir), e.to_string());
    std::thread::scope(|scope| {
        let tokeniser = scope.spawn(move || {
            let mut kept = Kept::default();
            for mut batch in receive {
                kept.add(&batch, tick)?;
                batch.clear();
                // A reader that finished takes no more.
                let _ = give_back.send(batch);
            }
            id(kept.texts.units(), "units")?;
            Ok::<Kept, BuildError>(kept)
        });
        let read = read_units(memory, send, &take_back);
        let kept = tokeniser.join().map_err(|_| {
            fail(BuildError::Inconsistent(super::format::Invalid::Corrupt(
                "tokeniser",
            )))
        })?;
        read?;
        let kept = kept.map_err(fail)?;
        Ok((kept.texts, kept.keys))
    })
}

/// The reading half of [`gather`]: the units sent in batches to the
/// tokeniser, each batch in the buffers of one it gave back when there is
/// one.
fn read_units(
    memory: &crate::tm::Memory,
    send: mpsc::SyncSender<Units>,
    take_back: &mpsc::Receiver<Units>,
) -> Result<()> {
    let mut batch = Units::default();
    // A tokeniser that stopped has its own error to report; the units
    // after it are read (the memory is read to its end) but not batched.
    let mut stopped = false;
    memory.for_each_unit(|u| {
        if stopped {
            return;
        }
        batch.push(&u);
        if batch.len() == BATCH {
            let next = take_back.try_recv().unwrap_or_default();
            stopped = send.send(std::mem::replace(&mut batch, next)).is_err();
        }
    })?;
    if !stopped && !batch.origins.is_empty() {
        let _ = send.send(batch);
    }
    Ok(())
}
