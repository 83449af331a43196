//! The index of a memory: a derived file in `memory/.satz-index/` that
//! makes fuzzy look-ups fast. It is never edited in place and never trusted
//! blindly: its header records a fingerprint of what it was built from (the
//! memory's TMX file names, sizes and modification times, the language pair
//! and satz's version) and a checksum of its content; a missing, stale,
//! foreign, truncated or corrupt index is rebuilt (with a note on stderr
//! unless it was merely missing or stale) and written atomically under the
//! memory lock: a new file beside the old one, renamed over it. satz never
//! truncates or rewrites an index file in place. Where `memory/` is
//! read-only the index lives in memory for the run.
//!
//! The file is memory-mapped, so opening it costs a checksum pass and a
//! structure check, not a parse; a file over 1 MiB is hashed once and then
//! trusted while a stamp shows it is the same file (`stamp.rs`). [`search`]
//! explains why its results equal the exhaustive scan's.
//!
//! What mapping costs: another program that truncates or rewrites the
//! index file in place *while a look-up runs* is out of scope. A truncated
//! mapping raises SIGBUS on the next read of a page past the new end (satz
//! dies), and bytes changed under a mapping are undefined behaviour for a
//! Rust slice. ripgrep documents the same trade for the same speed. satz's
//! own writers cannot do it (they rename a new file over the old; a mapped
//! file keeps its old content until unmapped), and damage done while no
//! satz runs is found by the checks of the next open.

pub mod build;
pub mod format;
mod gather;
mod intern;
mod keyhash;
pub mod search;
mod stamp;
mod writer;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::error::{Error, Location, Result};
use crate::fsx::{self, MemoryLock};
use crate::tm::store::Memory;

pub use build::{BuildError, Entry};
pub use format::{Field, Invalid, Layout, View};

/// The folder of index files inside `memory/`.
pub const INDEX_DIR: &str = ".satz-index";

/// An index, mapped from its file or built in this process, with the
/// layout its checks established.
pub struct Index {
    bytes: Bytes,
    layout: Layout,
    damaged: AtomicBool,
}

enum Bytes {
    Mapped(memmap2::Mmap),
    Owned(Vec<u8>),
}

/// How [`Index::open`] got its index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// The file on disk was current.
    Current,
    /// It was (re)built, for this reason; `saved` says whether it was written.
    Rebuilt {
        /// Why.
        reason: Rebuild,
        /// False when `memory/` could not be written.
        saved: bool,
    },
}

/// Why an index was (re)built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebuild {
    /// There was no index file.
    Missing,
    /// The file could not be read or mapped (the system's message).
    Unreadable(String),
    /// The file is foreign, stale (the memory changed) or corrupt.
    Invalid(Invalid),
    /// A look-up found it contradicting the checks of its open (a file
    /// changed in place after them).
    Damaged,
}

impl Rebuild {
    /// A rebuild that is part of normal work: the first look-up, or the
    /// first after the memory changed. Others say something went wrong.
    pub fn is_routine(&self) -> bool {
        matches!(self, Rebuild::Missing | Rebuild::Invalid(Invalid::Stale))
    }
}

impl std::fmt::Display for Rebuild {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Rebuild::Missing => f.write_str("missing"),
            Rebuild::Unreadable(e) => write!(f, "unreadable ({e})"),
            Rebuild::Invalid(why) => why.fmt(f),
            Rebuild::Damaged => f.write_str("damaged (found during the look-up)"),
        }
    }
}

impl Index {
    /// An index built from entries in memory (tests, benches, read-only memories).
    pub fn from_entries(entries: &[Entry]) -> std::result::Result<Index, BuildError> {
        let (bytes, layout) = build::build(entries, 0, &|| {})?;
        Ok(Index::owned(bytes, layout))
    }

    fn owned(bytes: Vec<u8>, layout: Layout) -> Index {
        Index {
            bytes: Bytes::Owned(bytes),
            layout,
            damaged: AtomicBool::new(false),
        }
    }

    /// The view of the index. It cannot fail: the layout was checked when
    /// the index was opened or built, and is kept with the bytes.
    pub fn view(&self) -> View<'_> {
        let bytes: &[u8] = match &self.bytes {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        };
        View::new(bytes, self.layout, &self.damaged)
    }

    /// Whether a read through a [`View`] found the bytes contradicting the
    /// checks made when the index was opened (a file changed in place
    /// after them): the results of that look-up are not to be trusted;
    /// [`Index::rebuild`] and look up again.
    pub fn damaged(&self) -> bool {
        self.damaged.load(Ordering::Relaxed)
    }

    /// Opens the index of `memory`, building it when it is missing, stale,
    /// foreign, truncated or corrupt. `progress` is called with (done,
    /// total) units while building; the total is 0 until the memory has
    /// been read (the units are tokenised while it is read).
    pub fn open(memory: &Memory, progress: &(dyn Fn(u64, u64) + Sync)) -> Result<(Index, Opened)> {
        Self::open_checked(memory, progress, format::FULL_CHECK_LIMIT)
    }

    /// [`Index::open`], hashing every byte of files up to `full_check_limit`
    /// bytes on every open and of larger ones once per file (`stamp.rs`).
    fn open_checked(
        memory: &Memory,
        progress: &(dyn Fn(u64, u64) + Sync),
        full_check_limit: usize,
    ) -> Result<(Index, Opened)> {
        let fingerprint = fingerprint(memory)?;
        let path = index_path(memory);
        let reason = match std::fs::File::open(&path) {
            Ok(file) => {
                // SAFETY: `Mmap::map` is unsafe because the slice it gives
                // must not change or shrink while mapped. What holds: satz
                // never writes an index file in place (every write is a new
                // file renamed over the old one, and a mapping keeps the old
                // file's content), and `verify` checks the mapped bytes
                // before any use, every read being bounds-checked against
                // the mapped length. What does not: another program may
                // truncate or rewrite the file while this look-up runs; that
                // is out of scope (see the module documentation).
                match unsafe { memmap2::Mmap::map(&file) } {
                    Ok(map) => match verify(&path, &file, &map, fingerprint, full_check_limit) {
                        Ok(layout) => {
                            return Ok((
                                Index {
                                    bytes: Bytes::Mapped(map),
                                    layout,
                                    damaged: AtomicBool::new(false),
                                },
                                Opened::Current,
                            ));
                        }
                        Err(why) => Rebuild::Invalid(why),
                    },
                    Err(e) => Rebuild::Unreadable(e.to_string()),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Rebuild::Missing,
            Err(e) => Rebuild::Unreadable(e.to_string()),
        };
        Self::rebuild_checked(memory, progress, reason, fingerprint, full_check_limit)
    }

    /// Builds the index of `memory` anew and saves it (replacing the file
    /// by rename), for `reason`: after a look-up found the index
    /// [damaged](Index::damaged).
    pub fn rebuild(
        memory: &Memory,
        progress: &(dyn Fn(u64, u64) + Sync),
        reason: Rebuild,
    ) -> Result<(Index, Opened)> {
        let fingerprint = fingerprint(memory)?;
        Self::rebuild_checked(
            memory,
            progress,
            reason,
            fingerprint,
            format::FULL_CHECK_LIMIT,
        )
    }

    fn rebuild_checked(
        memory: &Memory,
        progress: &(dyn Fn(u64, u64) + Sync),
        reason: Rebuild,
        fingerprint: u64,
        full_check_limit: usize,
    ) -> Result<(Index, Opened)> {
        let path = index_path(memory);
        // The total is not known until the memory is read, which goes on
        // while units are tokenised: 0 until then.
        let done = std::sync::atomic::AtomicU64::new(0);
        let tick = || {
            let d = done.fetch_add(1, Ordering::Relaxed) + 1;
            if d.is_multiple_of(4096) {
                progress(d, 0);
            }
        };
        let (texts, keys) = gather::gather(memory, &tick)?;
        let total = texts.units() as u64;
        progress(total, total);
        let (bytes, layout) = build::lay_out(texts, keys, fingerprint)
            .map_err(|e| Error::input(Location::file(&memory.dir), e.to_string()))?;
        let saved = save(memory, &path, &bytes).is_ok();
        if saved
            && bytes.len() > full_check_limit
            && let Some(checksum) = Layout::recorded_checksum(&bytes)
            && let Ok(meta) = std::fs::metadata(&path)
        {
            // Built here, so verified: the next open need not hash it.
            stamp::write(&path, &meta, checksum);
        }
        Ok((
            Index::owned(bytes, layout),
            Opened::Rebuilt { reason, saved },
        ))
    }
}

/// Checks a mapped index file and returns its layout: everything but the
/// full checksum always; the full checksum on every open up to
/// `full_check_limit` bytes, above it unless the stamp says this very file
/// was verified (then it stamps it).
fn verify(
    path: &Path,
    file: &std::fs::File,
    bytes: &[u8],
    fingerprint: u64,
    full_check_limit: usize,
) -> std::result::Result<Layout, Invalid> {
    let layout = Layout::open_unhashed(bytes, fingerprint)?;
    let recorded = Layout::recorded_checksum(bytes).ok_or(Invalid::Corrupt("header"))?;
    let large = bytes.len() > full_check_limit;
    let meta = file.metadata().ok();
    if large
        && meta
            .as_ref()
            .is_some_and(|m| stamp::matches(path, m, recorded))
    {
        return Ok(layout);
    }
    if !Layout::checksum_ok(bytes) {
        return Err(Invalid::Corrupt("checksum"));
    }
    if large && let Some(meta) = &meta {
        stamp::write(path, meta, recorded);
    }
    Ok(layout)
}

/// Where the index of `memory` lives.
pub fn index_path(memory: &Memory) -> PathBuf {
    let tag = |s: &str| -> String {
        s.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect()
    };
    memory.dir.join(INDEX_DIR).join(format!(
        "{}_{}.idx",
        tag(memory.pair.source.as_str()),
        tag(memory.pair.target.as_str())
    ))
}

fn save(memory: &Memory, path: &Path, bytes: &[u8]) -> Result<()> {
    let _lock = MemoryLock::acquire(&memory.dir)?;
    let dir = memory.dir.join(INDEX_DIR);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        fsx::write_atomic(
            &ignore,
            b"# derived from ../*.tmx by satz; rebuilt automatically\n*\n",
        )?;
    }
    fsx::write_atomic(path, bytes)
}

/// What the index is built from: format and satz version, the language
/// pair, and each memory file's name, size and modification time.
pub fn fingerprint(memory: &Memory) -> Result<u64> {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&format::FORMAT_VERSION.to_le_bytes());
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    h.update(b"\0");
    h.update(memory.pair.source.as_str().as_bytes());
    h.update(b"\0");
    h.update(memory.pair.target.as_str().as_bytes());
    for file in memory.tmx_files()? {
        let meta = std::fs::metadata(&file).map_err(|e| Error::io(&file, e))?;
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        h.update(b"\0");
        h.update(
            file.file_name()
                .map(|n| n.as_encoded_bytes())
                .unwrap_or_default(),
        );
        h.update(&meta.len().to_le_bytes());
        h.update(&mtime.to_le_bytes());
    }
    Ok(h.digest())
}

#[cfg(test)]
mod tests;
