//! The index file: a header, a table of sections, and the sections, all
//! little-endian, every section 8-byte aligned so the file can be mapped.
//!
//! ```text
//! 0   magic "SATZIDX1"     8   format version u32   12  reserved
//! 16  fingerprint u64 (what the index was built from: memory files, satz version)
//! 24  checksum u64 (XXH3-64 of every byte after the header)
//! 32  units u32  36 vocabulary u32  40 files u32  44 sections u32
//! 48  meta checksum u64 (XXH3-64 of the section table and every offsets section)
//! 64  section table: (offset u64, length u64) per section
//! ```
//!
//! Sections, in order: vocabulary key offsets (u32, sorted keys), key bytes,
//! posting offsets (u32 per key), postings (unit ids, u32, ascending), token
//! offsets (u32 per unit), tokens (key ids in text order), sorted tokens,
//! string offsets (u64, four strings per unit: source, target, previous and
//! next source sentence), string bytes, unit origins (file index and line,
//! u32 each), file name offsets (u32), file name bytes.
//!
//! A file whose magic, version, fingerprint, checksum or structure is wrong
//! is never used: the caller rebuilds it. The full checksum is verified on
//! every open of a file up to [`FULL_CHECK_LIMIT`]; a larger one (a million
//! units make about 600 MB) once, after which a stamp (`stamp.rs`) vouches
//! for it until the file changes. Whatever a damaged file holds, every read
//! is bounds-checked: the worst it could do is give wrong matches, never a
//! crash.

/// The magic bytes.
pub const MAGIC: &[u8; 8] = b"SATZIDX1";
/// Bumped whenever the layout or the tokenisation changes.
pub const FORMAT_VERSION: u32 = 2;
/// Header size.
pub const HEADER: usize = 64;
/// Number of sections.
pub const SECTIONS: usize = 12;
/// Index files up to this size get their full checksum verified on every
/// open; larger ones once per file (see `stamp.rs`).
pub const FULL_CHECK_LIMIT: usize = 64 << 20;

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

/// A checked, read-only view of index bytes.
#[derive(Debug, Clone, Copy)]
pub struct View<'a> {
    bytes: &'a [u8],
    sections: [(usize, usize); SECTIONS],
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

impl<'a> View<'a> {
    /// A view of no units.
    pub fn empty() -> View<'static> {
        View {
            bytes: &[],
            sections: [(0, 0); SECTIONS],
            units: 0,
            vocab: 0,
            files: 0,
        }
    }

    /// Checks `bytes` (magic, version, fingerprint, both checksums,
    /// structure) and returns a view of it.
    pub fn open(bytes: &'a [u8], fingerprint: u64) -> Result<View<'a>, Invalid> {
        let view = Self::open_unhashed(bytes, fingerprint)?;
        if !Self::checksum_ok(bytes) {
            return Err(Invalid::Corrupt("checksum"));
        }
        Ok(view)
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

    /// [`View::open`] without hashing every byte: magic, version,
    /// fingerprint, the meta checksum and the structure.
    pub fn open_unhashed(bytes: &'a [u8], fingerprint: u64) -> Result<View<'a>, Invalid> {
        if bytes.get(..8) != Some(MAGIC.as_slice()) || u32_at(bytes, 8) != Some(FORMAT_VERSION) {
            return Err(Invalid::Foreign);
        }
        if u64_at(bytes, 16) != Some(fingerprint) {
            return Err(Invalid::Stale);
        }
        if bytes.len() < HEADER {
            return Err(Invalid::Corrupt("truncated header"));
        }
        let view = Self::parse(bytes)?;
        if u64_at(bytes, 48) != Some(view.meta_checksum()) {
            return Err(Invalid::Corrupt("checksum"));
        }
        Ok(view)
    }

    /// XXH3-64 of the section table and the offsets sections.
    pub fn meta_checksum(&self) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(
            self.bytes
                .get(HEADER..HEADER + SECTIONS * 16)
                .unwrap_or_default(),
        );
        for s in META_SECTIONS {
            h.update(self.section(s));
        }
        h.digest()
    }

    /// Reads the header and section table and checks the structure, without
    /// the fingerprint and checksum (for bytes built in this process).
    pub fn open_trusted(bytes: &'a [u8]) -> Result<View<'a>, Invalid> {
        let view = Self::parse(bytes)?;
        view.check_offsets(sec::KEY_OFFSETS, view.vocab, sec::KEY_BYTES, 1)?;
        view.check_offsets(sec::POST_OFFSETS, view.vocab, sec::POSTINGS, 4)?;
        view.check_offsets(sec::TOK_OFFSETS, view.units, sec::TOKENS, 4)?;
        view.check_offsets(sec::FILE_OFFSETS, view.files, sec::FILE_BYTES, 1)?;
        let strs = view.section(sec::STR_OFFSETS);
        let mut last = 0;
        for i in 0..=view.units * FIELDS {
            let v = u64_at(strs, i * 8).ok_or(Invalid::Corrupt("string offsets"))?;
            if v < last {
                return Err(Invalid::Corrupt("string offsets"));
            }
            last = v;
        }
        if last as usize > view.section(sec::STR_BYTES).len() {
            return Err(Invalid::Corrupt("string offsets"));
        }
        Ok(view)
    }

    /// Reads the header and section table and checks every section's size
    /// against the counts: O(1). Enough for safety (every read is
    /// bounds-checked); [`View::open`] adds the checksums.
    pub fn parse(bytes: &'a [u8]) -> Result<View<'a>, Invalid> {
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
            if off.checked_add(len).is_none_or(|end| end > bytes.len()) {
                return Err(Invalid::Corrupt("section outside the file"));
            }
            *s = (off, len);
        }
        let view = View {
            bytes,
            sections,
            units,
            vocab,
            files,
        };
        let lengths = [
            (sec::KEY_OFFSETS, (vocab + 1) * 4),
            (sec::POST_OFFSETS, (vocab + 1) * 4),
            (sec::TOK_OFFSETS, (units + 1) * 4),
            (sec::STR_OFFSETS, (units * FIELDS + 1) * 8),
            (sec::ORIGINS, units * 8),
            (sec::FILE_OFFSETS, (files + 1) * 4),
        ];
        if lengths.iter().any(|&(s, len)| view.section(s).len() != len)
            || view.section(sec::SORTED).len() != view.section(sec::TOKENS).len()
        {
            return Err(Invalid::Corrupt("section sizes"));
        }
        Ok(view)
    }

    /// Offsets arrays hold `n + 1` ascending u32 values within the data
    /// section (counted in `unit`-byte items).
    fn check_offsets(
        &self,
        offsets: usize,
        n: usize,
        data: usize,
        unit: usize,
    ) -> Result<(), Invalid> {
        let o = self.section(offsets);
        if o.len() != (n + 1) * 4 {
            return Err(Invalid::Corrupt("offsets length"));
        }
        let mut last = 0;
        for i in 0..=n {
            let v = u32_at(o, i * 4).ok_or(Invalid::Corrupt("offsets"))?;
            if v < last {
                return Err(Invalid::Corrupt("offsets order"));
            }
            last = v;
        }
        if (last as usize) * unit > self.section(data).len() {
            return Err(Invalid::Corrupt("offsets range"));
        }
        Ok(())
    }

    fn section(&self, i: usize) -> &'a [u8] {
        let (off, len) = self.sections.get(i).copied().unwrap_or_default();
        self.bytes.get(off..off + len).unwrap_or_default()
    }

    fn range(&self, offsets: usize, i: usize) -> (usize, usize) {
        let o = self.section(offsets);
        let a = u32_at(o, i * 4).unwrap_or(0) as usize;
        let b = u32_at(o, i * 4 + 4).unwrap_or(0) as usize;
        (a, b.max(a))
    }

    fn u32s(&self, section: usize, from: usize, to: usize) -> impl Iterator<Item = u32> + 'a {
        let s = self.section(section);
        (from..to).map(move |i| u32_at(s, i * 4).unwrap_or(u32::MAX))
    }

    /// The vocabulary key with id `id`.
    pub fn key(&self, id: usize) -> &'a str {
        let (a, b) = self.range(sec::KEY_OFFSETS, id);
        std::str::from_utf8(self.section(sec::KEY_BYTES).get(a..b).unwrap_or_default())
            .unwrap_or_default()
    }

    /// The id of a key (binary search over the sorted vocabulary).
    pub fn find_key(&self, key: &str) -> Option<u32> {
        let (mut lo, mut hi) = (0, self.vocab);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.key(mid).cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return u32::try_from(mid).ok(),
            }
        }
        None
    }

    /// How many units hold the key `id`.
    pub fn doc_freq(&self, id: u32) -> usize {
        let (a, b) = self.range(sec::POST_OFFSETS, id as usize);
        b - a
    }

    /// The units holding the key `id`, ascending.
    pub fn postings(&self, id: u32) -> impl Iterator<Item = u32> + 'a {
        let (a, b) = self.range(sec::POST_OFFSETS, id as usize);
        self.u32s(sec::POSTINGS, a, b)
    }

    /// How many keys unit `u`'s source has.
    pub fn token_count(&self, u: usize) -> usize {
        let (a, b) = self.range(sec::TOK_OFFSETS, u);
        b - a
    }

    /// Unit `u`'s key ids in text order.
    pub fn tokens(&self, u: usize) -> Vec<u32> {
        let (a, b) = self.range(sec::TOK_OFFSETS, u);
        self.u32s(sec::TOKENS, a, b).collect()
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
        let a = u64_at(o, i * 8).unwrap_or(0) as usize;
        let b = u64_at(o, i * 8 + 8).unwrap_or(0) as usize;
        std::str::from_utf8(
            self.section(sec::STR_BYTES)
                .get(a..b.max(a))
                .unwrap_or_default(),
        )
        .unwrap_or_default()
    }

    /// The memory file and line unit `u` came from.
    pub fn origin(&self, u: usize) -> (&'a str, u32) {
        let o = self.section(sec::ORIGINS);
        let file = u32_at(o, u * 8).unwrap_or(u32::MAX) as usize;
        let line = u32_at(o, u * 8 + 4).unwrap_or(0);
        let (a, b) = self.range(sec::FILE_OFFSETS, file);
        let name = std::str::from_utf8(self.section(sec::FILE_BYTES).get(a..b).unwrap_or_default())
            .unwrap_or_default();
        (name, line)
    }
}
