//! Laying out index sections in one buffer: the header and section table
//! reserved up front and filled in last (with both checksums), so the
//! index is never held twice. The layout itself is `format.rs`'s.

use super::build::{BuildError, id};
use super::format::{FORMAT_VERSION, HEADER, Invalid, Layout, MAGIC, SECTIONS};

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
    /// A writer whose buffer has room for `bytes` bytes of sections (an
    /// estimate: it grows past it if need be).
    pub(super) fn with_capacity(bytes: usize) -> Writer {
        let mut out = Vec::with_capacity(HEADER + TABLE + bytes);
        out.resize(HEADER + TABLE, 0);
        Writer {
            out,
            table: Vec::new(),
        }
    }

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

    /// A section of the bytes of `parts`, one after the other; each part
    /// is dropped once copied, so that the bytes are never held twice.
    pub(super) fn bytes<B: AsRef<[u8]>>(&mut self, parts: impl Iterator<Item = B>) {
        let s = self.start();
        for p in parts {
            self.out.extend_from_slice(p.as_ref());
        }
        self.end(s);
    }

    /// A section of u32 values.
    pub(super) fn u32s(&mut self, it: impl Iterator<Item = u32>) {
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

    /// Offsets (u64) of items of the given lengths.
    pub(super) fn offsets64(&mut self, lens: impl Iterator<Item = usize>) {
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
    pub(super) fn finish(
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
