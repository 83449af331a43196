//! The index of a memory: a derived file in `memory/.satz-index/` that
//! makes fuzzy look-ups fast. It is never edited in place and never trusted
//! blindly: its header records a fingerprint of what it was built from (the
//! memory's TMX file names, sizes and modification times, the language pair
//! and satz's version) and a checksum of its content; a missing, stale,
//! foreign or corrupt index is rebuilt (with a note on stderr) and written
//! atomically under the memory lock. Where `memory/` is read-only the index
//! lives in memory for the run.
//!
//! The file is memory-mapped, so opening it costs a checksum pass and a
//! structure check, not a parse; a file over 64 MiB is hashed once and then
//! trusted while a stamp shows it is the same file (`stamp.rs`). [`search`] explains why its results equal
//! the exhaustive scan's.

pub mod build;
pub mod format;
pub mod search;
mod stamp;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::fsx::{self, MemoryLock};
use crate::tm::store::Memory;

pub use build::Entry;
pub use format::{Field, Invalid, View};

/// The folder of index files inside `memory/`.
pub const INDEX_DIR: &str = ".satz-index";

/// An index, mapped from its file or built in this process.
pub struct Index {
    bytes: Bytes,
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
        /// Why: missing, stale, foreign or corrupt.
        reason: String,
        /// False when `memory/` could not be written.
        saved: bool,
    },
}

impl Index {
    /// An index built from entries in memory (tests, benches, read-only memories).
    pub fn from_entries(entries: &[Entry]) -> Index {
        Index {
            bytes: Bytes::Owned(build::build(entries, 0, &|| {})),
        }
    }

    /// The view (bytes built or checked by [`Index::open`] always parse).
    pub fn view(&self) -> View<'_> {
        let bytes: &[u8] = match &self.bytes {
            Bytes::Mapped(m) => m,
            Bytes::Owned(v) => v,
        };
        View::parse(bytes).unwrap_or_else(|_| View::empty())
    }

    /// Opens the index of `memory`, building it when it is missing, stale,
    /// foreign or corrupt. `progress` is called with (done, total) units
    /// while building.
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
                // SAFETY: index files are only ever replaced by rename, never
                // written in place, so the mapped inode does not change under
                // us; a foreign writer could still truncate it, which View
                // checks (sizes) before any access and every read is bounds-checked.
                match unsafe { memmap2::Mmap::map(&file) } {
                    Ok(map) => match verify(&path, &file, &map, fingerprint, full_check_limit) {
                        Ok(()) => {
                            return Ok((
                                Index {
                                    bytes: Bytes::Mapped(map),
                                },
                                Opened::Current,
                            ));
                        }
                        Err(why) => why.to_string(),
                    },
                    Err(e) => format!("unreadable ({e})"),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => "missing".to_owned(),
            Err(e) => format!("unreadable ({e})"),
        };
        let entries = build::entries_of(memory)?;
        let total = entries.len() as u64;
        let done = std::sync::atomic::AtomicU64::new(0);
        let tick = || {
            let d = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            if d.is_multiple_of(4096) || d == total {
                progress(d, total);
            }
        };
        let bytes = build::build(&entries, fingerprint, &tick);
        let saved = save(memory, &path, &bytes).is_ok();
        if saved
            && bytes.len() > full_check_limit
            && let Some(checksum) = View::recorded_checksum(&bytes)
            && let Ok(meta) = std::fs::metadata(&path)
        {
            // Built here, so verified: the next open need not hash it.
            stamp::write(&path, &meta, checksum);
        }
        Ok((
            Index {
                bytes: Bytes::Owned(bytes),
            },
            Opened::Rebuilt { reason, saved },
        ))
    }
}

/// Checks a mapped index file: everything but the full checksum always; the
/// full checksum on every open up to `full_check_limit` bytes, above it
/// unless the stamp says this very file was verified (then it stamps it).
fn verify(
    path: &Path,
    file: &std::fs::File,
    bytes: &[u8],
    fingerprint: u64,
    full_check_limit: usize,
) -> std::result::Result<(), Invalid> {
    View::open_unhashed(bytes, fingerprint)?;
    let recorded = View::recorded_checksum(bytes).ok_or(Invalid::Corrupt("header"))?;
    let large = bytes.len() > full_check_limit;
    let meta = file.metadata().ok();
    if large
        && meta
            .as_ref()
            .is_some_and(|m| stamp::matches(path, m, recorded))
    {
        return Ok(());
    }
    if !View::checksum_ok(bytes) {
        return Err(Invalid::Corrupt("checksum"));
    }
    if large && let Some(meta) = &meta {
        stamp::write(path, meta, recorded);
    }
    Ok(())
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
