//! The index file: a header, a table of sections, and the sections, all
//! little-endian, every section 8-byte aligned so the file can be mapped.
//!
//! ```text
//! 0   magic "SATZIDX1"     8   format version u32   12  reserved
//! 16  fingerprint u64 (what the index was built from: memory files, satz version)
//! 24  checksum u64 (XXH3-64 of every byte after the header)
//! 32  units u32  36 vocabulary u32  40 files u32  44 sections u32
//! 48  meta checksum u64 (XXH3-64 of bytes 0..48, the section table and every offsets section)
//! 64  section table: (offset u64, length u64) per section
//! ```
//!
//! Sections, in order: vocabulary key offsets (u32, sorted keys), key bytes,
//! posting offsets (u32 per key), postings (unit ids, u32, ascending), token
//! offsets (u32 per unit), tokens (key ids in text order), sorted tokens,
//! string offsets (u64, four strings per unit: source, target, previous and
//! next source sentence), string bytes, unit origins (file index and line,
//! u32 each), file name offsets (u32), file name bytes, the vocabulary's
//! hash table (u32 slots, `keyhash.rs`).
//!
//! A file whose magic, version, fingerprint, checksum or structure is wrong
//! is never used: the caller rebuilds it. The full checksum is verified on
//! every open of a file up to [`FULL_CHECK_LIMIT`]; a larger one (a million
//! units make about 600 MB) once, after which a stamp (`stamp.rs`) vouches
//! for it until the file changes. The checks run in an order that names
//! what happened: a file cut short reads as truncated and damage to any
//! header field (the fingerprint too) as corrupt, never as merely stale,
//! so the rebuild gets a note. Whatever a damaged file holds, every read is
//! bounds-checked, and a read that finds the bytes contradicting the checks
//! marks the index damaged so that the look-up is redone on a rebuilt one
//! ([`View`]). The one damage no check sees is a large file changed in
//! place while keeping its size, modification time and inode (the stamp's
//! trust boundary): it can give wrong matches, never a crash.

use std::sync::atomic::{AtomicBool, Ordering};

use zerocopy::FromBytes;
use zerocopy::little_endian::U32;

use super::keyhash;

/// The magic bytes.
pub const MAGIC: &[u8; 8] = b"SATZIDX1";
/// Bumped whenever the layout or the tokenisation changes (3: the meta
/// checksum covers the header; 4: number words such as `vier` key as numbers;
/// 5: the vocabulary's hash table).
pub const FORMAT_VERSION: u32 = 5;
/// Header size.
pub const HEADER: usize = 64;
/// Number of sections.
pub const SECTIONS: usize = 13;
/// Index files up to this size get their full checksum verified on every
/// open; larger ones once per file (see `stamp.rs`).
pub const FULL_CHECK_LIMIT: usize = 1 << 20;

/// The sections the meta checksum covers (besides the section table).
pub const META_SECTIONS: [usize; 5] = [
    sec::KEY_OFFSETS,
    sec::POST_OFFSETS,
    sec::TOK_OFFSETS,
    sec::STR_OFFSETS,
    sec::FILE_OFFSETS,
];

/// Section numbers.
pub mod sec {
    /// Vocabulary key offsets.
    pub const KEY_OFFSETS: usize = 0;
    /// Vocabulary key bytes.
    pub const KEY_BYTES: usize = 1;
    /// Posting list offsets.
    pub const POST_OFFSETS: usize = 2;
    /// Postings.
    pub const POSTINGS: usize = 3;
    /// Token offsets per unit.
    pub const TOK_OFFSETS: usize = 4;
    /// Tokens in text order.
    pub const TOKENS: usize = 5;
    /// Tokens sorted per unit.
    pub const SORTED: usize = 6;
    /// String offsets (u64).
    pub const STR_OFFSETS: usize = 7;
    /// String bytes.
    pub const STR_BYTES: usize = 8;
    /// Unit origins.
    pub const ORIGINS: usize = 9;
    /// File name offsets.
    pub const FILE_OFFSETS: usize = 10;
    /// File name bytes.
    pub const FILE_BYTES: usize = 11;
    /// The vocabulary's hash table (`keyhash.rs`).
    pub const KEY_HASH: usize = 12;
}

/// The strings stored per unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// Source text.
    Source = 0,
    /// Target text.
    Target = 1,
    /// Previous source sentence (context), empty when unknown.
    Prev = 2,
    /// Next source sentence (context), empty when unknown.
    Next = 3,
}

/// Strings per unit.
pub const FIELDS: usize = 4;

/// Why an index file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// Not an index file, or another format version.
    Foreign,
    /// Built from other memory files or another satz version.
    Stale,
    /// Checksum or structure wrong.
    Corrupt(&'static str),
}

impl std::fmt::Display for Invalid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invalid::Foreign => f.write_str("not an index of this satz version"),
            Invalid::Stale => f.write_str("the memory changed"),
            Invalid::Corrupt(what) => write!(f, "corrupt ({what})"),
        }
    }
}

/// Where the sections of index bytes lie, and the counts: what the checks
/// of [`Layout::open`] (a file) or [`Layout::open_trusted`] (bytes built in
/// this process) establish, kept by the [`Index`](super::Index) beside the
/// bytes so that a [`View`] never has to parse, and so can never fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// (offset, length) of each section; every one lies inside the bytes
    /// it was read from ([`Layout::parse`] checks it).
    sections: [(usize, usize); SECTIONS],
    /// Units.
    pub units: usize,
    /// Vocabulary size.
    pub vocab: usize,
    /// Memory files.
    pub files: usize,
}

/// A read-only view of index bytes whose [`Layout`] was checked. Reads are
/// bounds-checked all the same: what the checks establish beyond the
/// layout (that postings name units of the index, that offsets ascend
/// within their data, that strings are UTF-8) rests on the checksums, or,
/// for a large file, on its stamp (`stamp.rs`). A read that finds them
/// broken (a file changed in place after its checks) returns nothing and
/// marks the index damaged, so the caller rebuilds it and looks up again
/// ([`Index::damaged`](super::Index::damaged)): damage never passes as "no
/// match".
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    bytes: &'a [u8],
    layout: Layout,
    damaged: &'a AtomicBool,
    /// Units.
    pub units: usize,
    /// Vocabulary size.
    pub vocab: usize,
    /// Memory files.
    pub files: usize,
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

/// Where the meta checksum lies in the header; it covers the header before
/// it (magic, version, fingerprint, full checksum, counts).
const META_AT: usize = 48;

impl Layout {
    /// Checks the bytes of an index file (magic, version, size, structure,
    /// both checksums, fingerprint) and returns their layout.
    pub fn open(bytes: &[u8], fingerprint: u64) -> Result<Layout, Invalid> {
        let layout = Self::open_unhashed(bytes, fingerprint)?;
        if !Self::checksum_ok(bytes) {
            return Err(Invalid::Corrupt("checksum"));
        }
        Ok(layout)
    }

    /// Whether the full checksum in the header matches every byte after it.
    pub fn checksum_ok(bytes: &[u8]) -> bool {
        match bytes.get(HEADER..) {
            Some(body) => u64_at(bytes, 24) == Some(xxhash_rust::xxh3::xxh3_64(body)),
            None => false,
        }
    }

    /// The full checksum the header records.
    pub fn recorded_checksum(bytes: &[u8]) -> Option<u64> {
        u64_at(bytes, 24)
    }

    /// [`Layout::open`] without hashing every byte: magic, version, size,
    /// structure, the meta checksum (which covers the header, the section
    /// table and the offsets sections) and the fingerprint, in that order,
    /// so that a file cut short or damaged reads as truncated or corrupt,
    /// never as merely stale.
    pub fn open_unhashed(bytes: &[u8], fingerprint: u64) -> Result<Layout, Invalid> {
        if bytes.len() < MAGIC.len() && MAGIC.starts_with(bytes) {
            return Err(Invalid::Corrupt("truncated"));
        }
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err(Invalid::Foreign);
        }
        match u32_at(bytes, 8) {
            None => return Err(Invalid::Corrupt("truncated")),
            Some(v) if v != FORMAT_VERSION => return Err(Invalid::Foreign),
            Some(_) => {}
        }
        let layout = Self::parse(bytes)?;
        if u64_at(bytes, META_AT) != Some(layout.meta_checksum(bytes)) {
            return Err(Invalid::Corrupt("checksum"));
        }
        if u64_at(bytes, 16) != Some(fingerprint) {
            return Err(Invalid::Stale);
        }
        Ok(layout)
    }

    /// XXH3-64 of the header before the meta checksum, the section table
    /// and the offsets sections of `bytes`, the bytes this layout was read
    /// from.
    #[allow(clippy::indexing_slicing)]
    pub(super) fn meta_checksum(&self, bytes: &[u8]) -> u64 {
        // [`Layout::parse`] refused bytes shorter than the header and the
        // section table.
        debug_assert!(bytes.len() >= HEADER + SECTIONS * 16);
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(&bytes[..META_AT]);
        h.update(&bytes[HEADER..HEADER + SECTIONS * 16]);
        for s in META_SECTIONS {
            h.update(self.section(bytes, s));
        }
        h.digest()
    }

    /// Reads the header and section table and checks the whole structure
    /// (every offsets array ascending within its data), without the
    /// fingerprint and checksums: for bytes built in this process, whose
    /// meta checksum then vouches for that structure in the file.
    pub fn open_trusted(bytes: &[u8]) -> Result<Layout, Invalid> {
        let layout = Self::parse(bytes)?;
        layout.check_offsets(bytes, sec::KEY_OFFSETS, layout.vocab, sec::KEY_BYTES, 1)?;
        layout.check_offsets(bytes, sec::POST_OFFSETS, layout.vocab, sec::POSTINGS, 4)?;
        layout.check_offsets(bytes, sec::TOK_OFFSETS, layout.units, sec::TOKENS, 4)?;
        layout.check_offsets(bytes, sec::FILE_OFFSETS, layout.files, sec::FILE_BYTES, 1)?;
        let strs = layout.section(bytes, sec::STR_OFFSETS);
        let mut last = 0;
        for i in 0..=layout.units * FIELDS {
            let v = u64_at(strs, i * 8).ok_or(Invalid::Corrupt("string offsets"))?;
            if v < last {
                return Err(Invalid::Corrupt("string offsets"));
            }
            last = v;
        }
        if last as usize > layout.section(bytes, sec::STR_BYTES).len() {
            return Err(Invalid::Corrupt("string offsets"));
        }
        Ok(layout)
    }

    /// Reads the header and section table and checks every section's size
    /// against the counts: O(1). A file shorter than its header and table
    /// say it is reads as truncated.
    fn parse(bytes: &[u8]) -> Result<Layout, Invalid> {
        if bytes.len() < HEADER + SECTIONS * 16 {
            return Err(Invalid::Corrupt("truncated"));
        }
        let count = |at| {
            u32_at(bytes, at)
                .map(|v| v as usize)
                .ok_or(Invalid::Corrupt("header"))
        };
        let (units, vocab, files) = (count(32)?, count(36)?, count(40)?);
        if count(44)? != SECTIONS {
            return Err(Invalid::Corrupt("section count"));
        }
        let mut sections = [(0usize, 0usize); SECTIONS];
        for (i, s) in sections.iter_mut().enumerate() {
            let at = HEADER + i * 16;
            let off = u64_at(bytes, at).ok_or(Invalid::Corrupt("section table"))?;
            let len = u64_at(bytes, at + 8).ok_or(Invalid::Corrupt("section table"))?;
            let (off, len) = (
                usize::try_from(off).map_err(|_| Invalid::Corrupt("section table"))?,
                usize::try_from(len).map_err(|_| Invalid::Corrupt("section table"))?,
            );
            match off.checked_add(len) {
                None => return Err(Invalid::Corrupt("section table")),
                Some(end) if end > bytes.len() => return Err(Invalid::Corrupt("truncated")),
                Some(_) => {}
            }
            *s = (off, len);
        }
        let layout = Layout {
            sections,
            units,
            vocab,
            files,
        };
        let lengths = [
            (sec::KEY_OFFSETS, vocab.checked_add(1), 4),
            (sec::POST_OFFSETS, vocab.checked_add(1), 4),
            (sec::TOK_OFFSETS, units.checked_add(1), 4),
            (
                sec::STR_OFFSETS,
                units.checked_mul(FIELDS).and_then(|n| n.checked_add(1)),
                8,
            ),
            (sec::ORIGINS, units.checked_mul(2), 4),
            (sec::FILE_OFFSETS, files.checked_add(1), 4),
            (sec::KEY_HASH, keyhash::slots_for(vocab), 4),
        ];
        let wrong = |(s, n, size): (usize, Option<usize>, usize)| {
            n.and_then(|n| n.checked_mul(size)) != Some(layout.section(bytes, s).len())
        };
        if lengths.into_iter().any(wrong)
            || layout.section(bytes, sec::SORTED).len() != layout.section(bytes, sec::TOKENS).len()
        {
            return Err(Invalid::Corrupt("section sizes"));
        }
        Ok(layout)
    }

    /// Offsets arrays hold `n + 1` ascending u32 values within the data
    /// section (counted in `unit`-byte items).
    fn check_offsets(
        &self,
        bytes: &[u8],
        offsets: usize,
        n: usize,
        data: usize,
        unit: usize,
    ) -> Result<(), Invalid> {
        let o = self.section(bytes, offsets);
        let mut last = 0;
        for i in 0..=n {
            let v = u32_at(o, i * 4).ok_or(Invalid::Corrupt("offsets"))?;
            if v < last {
                return Err(Invalid::Corrupt("offsets order"));
            }
            last = v;
        }
        if (last as usize) * unit > self.section(bytes, data).len() {
            return Err(Invalid::Corrupt("offsets range"));
        }
        Ok(())
    }

    /// Section `i` (one of [`sec`]) of the bytes this layout was read from.
    #[allow(clippy::indexing_slicing)]
    fn section<'a>(&self, bytes: &'a [u8], i: usize) -> &'a [u8] {
        // `i` is one of the `sec` constants, all below SECTIONS; [`parse`]
        // checked `off + len <= bytes.len()` for every section of these
        // bytes (a layout is only ever applied to the bytes it was read
        // from: `Index` keeps the two together).
        let (off, len) = self.sections[i];
        debug_assert!(off + len <= bytes.len());
        &bytes[off..off + len]
    }
}

impl<'a> View<'a> {
    /// A view of `bytes`, whose layout is `layout` (read from these very
    /// bytes), marking `damaged` when a read finds what the checks
    /// vouched for broken.
    pub(super) fn new(bytes: &'a [u8], layout: Layout, damaged: &'a AtomicBool) -> View<'a> {
        View {
            bytes,
            layout,
            damaged,
            units: layout.units,
            vocab: layout.vocab,
            files: layout.files,
        }
    }

    /// Marks the index damaged and returns `value`: what a read gives when
    /// the bytes contradict the checks (see [`View`]).
    #[cold]
    fn damage<T>(&self, value: T) -> T {
        self.damaged.store(true, Ordering::Relaxed);
        value
    }

    fn section(&self, i: usize) -> &'a [u8] {
        self.layout.section(self.bytes, i)
    }

    /// The range of item `i` in an offsets section; `i` must be below the
    /// count the offsets were written for.
    fn range(&self, offsets: usize, i: usize) -> (usize, usize) {
        let o = self.section(offsets);
        match (u32_at(o, i * 4), u32_at(o, i * 4 + 4)) {
            (Some(a), Some(b)) if a <= b => (a as usize, b as usize),
            _ => self.damage((0, 0)),
        }
    }

    /// Items `from..to` of a u32 section; none (and the index marked
    /// damaged) when they lie outside it.
    fn u32s(&self, section: usize, from: usize, to: usize) -> impl Iterator<Item = u32> + 'a {
        self.u32_slice(section, from, to).iter().map(|v| v.get())
    }

    /// Items `from..to` of a u32 section read in place: little-endian
    /// words of any alignment (a plain load on a little-endian machine).
    fn u32_slice(&self, section: usize, from: usize, to: usize) -> &'a [U32] {
        let s = self.section(section);
        match (s.get(from.saturating_mul(4)..to.saturating_mul(4)))
            .and_then(|b| <[U32]>::ref_from_bytes(b).ok())
        {
            Some(words) => words,
            None => self.damage(&[][..]),
        }
    }

    /// Marks the index damaged: for a reader that finds an item of the
    /// index contradicting the checks (a posting naming no unit).
    pub(crate) fn mark_damaged(&self) {
        self.damage(());
    }

    /// UTF-8 bytes `a..b` of a data section.
    fn str_in(&self, section: usize, a: usize, b: usize) -> &'a str {
        match self
            .section(section)
            .get(a..b)
            .and_then(|s| std::str::from_utf8(s).ok())
        {
            Some(s) => s,
            None => self.damage(""),
        }
    }

    /// The vocabulary key with id `id` (below [`View::vocab`]).
    pub fn key(&self, id: usize) -> &'a str {
        let (a, b) = self.range(sec::KEY_OFFSETS, id);
        self.str_in(sec::KEY_BYTES, a, b)
    }

    /// The bytes of the vocabulary key with id `id`, not checked as UTF-8.
    fn key_bytes(&self, id: usize) -> &'a [u8] {
        let (a, b) = self.range(sec::KEY_OFFSETS, id);
        match self.section(sec::KEY_BYTES).get(a..b) {
            Some(s) => s,
            None => self.damage(&[][..]),
        }
    }

    /// The id of a key, from the vocabulary's hash table (`keyhash.rs`);
    /// a table that contradicts itself marks the index damaged.
    pub fn find_key(&self, key: &str) -> Option<u32> {
        let table = self.section(sec::KEY_HASH);
        let found = keyhash::probe(
            key.as_bytes(),
            table.len() / 4,
            self.vocab,
            |i| u32_at(table, i * 4),
            |id| self.key_bytes(id),
        );
        match found {
            keyhash::Probe::Found(id) => Some(id),
            keyhash::Probe::Absent => None,
            keyhash::Probe::Damaged => self.damage(None),
        }
    }

    /// The id of a key by binary search over the sorted vocabulary, the
    /// definition [`View::find_key`] is held to. Bytes are compared: UTF-8
    /// sorts bytewise as `str` does, and a key equal to the `str` searched
    /// for is UTF-8.
    pub fn find_key_sorted(&self, key: &str) -> Option<u32> {
        let key = key.as_bytes();
        let (mut lo, mut hi) = (0, self.vocab);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key_bytes(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                // mid < vocab, a u32 of the header: it fits.
                std::cmp::Ordering::Equal => return u32::try_from(mid).ok(),
            }
        }
        None
    }

    /// How many units hold the key `id` (below [`View::vocab`]).
    pub fn doc_freq(&self, id: u32) -> usize {
        let (a, b) = self.range(sec::POST_OFFSETS, id as usize);
        b - a
    }

    /// The units holding the key `id` (below [`View::vocab`]), ascending.
    pub fn postings(&self, id: u32) -> impl Iterator<Item = u32> + 'a {
        let (a, b) = self.range(sec::POST_OFFSETS, id as usize);
        self.u32s(sec::POSTINGS, a, b)
    }

    /// [`View::postings`] read in place: little-endian words.
    pub fn posting_list(&self, id: u32) -> &'a [U32] {
        let (a, b) = self.range(sec::POST_OFFSETS, id as usize);
        self.u32_slice(sec::POSTINGS, a, b)
    }

    /// How many keys unit `u`'s source has.
    pub fn token_count(&self, u: usize) -> usize {
        let (a, b) = self.range(sec::TOK_OFFSETS, u);
        b - a
    }

    /// Unit `u`'s key ids in text order.
    pub fn tokens(&self, u: usize) -> Vec<u32> {
        self.token_ids(u).collect()
    }

    /// Unit `u`'s key ids in text order, read in place.
    pub fn token_ids(&self, u: usize) -> impl Iterator<Item = u32> + 'a {
        let (a, b) = self.range(sec::TOK_OFFSETS, u);
        self.u32s(sec::TOKENS, a, b)
    }

    /// Unit `u`'s key ids, sorted.
    pub fn sorted_tokens(&self, u: usize) -> Vec<u32> {
        let (a, b) = self.range(sec::TOK_OFFSETS, u);
        self.u32s(sec::SORTED, a, b).collect()
    }

    /// A string of unit `u`.
    pub fn text(&self, u: usize, field: Field) -> &'a str {
        let o = self.section(sec::STR_OFFSETS);
        let i = u * FIELDS + field as usize;
        match (u64_at(o, i * 8), u64_at(o, i * 8 + 8)) {
            (Some(a), Some(b)) => match (usize::try_from(a), usize::try_from(b)) {
                (Ok(a), Ok(b)) => self.str_in(sec::STR_BYTES, a, b),
                _ => self.damage(""),
            },
            _ => self.damage(""),
        }
    }

    /// The memory file and line unit `u` came from.
    pub fn origin(&self, u: usize) -> (&'a str, u32) {
        let o = self.section(sec::ORIGINS);
        let (Some(file), Some(line)) = (u32_at(o, u * 8), u32_at(o, u * 8 + 4)) else {
            return self.damage(("", 0));
        };
        if file as usize >= self.files {
            return self.damage(("", line));
        }
        let (a, b) = self.range(sec::FILE_OFFSETS, file as usize);
        (self.str_in(sec::FILE_BYTES, a, b), line)
    }
}
