//! The verification stamp of a large index file.
//!
//! Hashing every byte of a 600 MB index on every open would cost more than
//! the look-up itself, so a large file's full checksum is verified once,
//! and the stamp `NAME.idx.verified` records which file was verified: its
//! size, modification time, inode and device, and the checksum in its
//! header. While all of these still match, the file is the one that was
//! verified (index files are replaced by rename, never written in place);
//! any rewrite, copy or replacement changes them and the next open verifies
//! the whole file again. The stamp is derived data like the index: a
//! missing or unreadable stamp only costs one more verification.

use std::fs::Metadata;
use std::path::{Path, PathBuf};

use crate::fsx;

/// Where the stamp of `index` lives.
pub(crate) fn path_of(index: &Path) -> PathBuf {
    let mut name = index.as_os_str().to_owned();
    name.push(".verified");
    PathBuf::from(name)
}

/// The line a stamp holds for a file with `meta` and header `checksum`.
fn line(meta: &Metadata, checksum: u64) -> String {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let (dev, ino) = identity(meta);
    format!(
        "satz index verified: size {} mtime {mtime} dev {dev} ino {ino} checksum {checksum:016x}\n",
        meta.len()
    )
}

#[cfg(unix)]
fn identity(meta: &Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

#[cfg(not(unix))]
fn identity(_: &Metadata) -> (u64, u64) {
    (0, 0)
}

/// Whether the stamp says that the file with `meta` and header `checksum`
/// was verified.
pub(crate) fn matches(index: &Path, meta: &Metadata, checksum: u64) -> bool {
    std::fs::read_to_string(path_of(index)).is_ok_and(|s| s == line(meta, checksum))
}

/// Records that the file at `index`, with `meta` (of the very file that
/// was verified) and header `checksum`, was verified. Best effort: a stamp
/// that cannot be written costs a verification later.
pub(crate) fn write(index: &Path, meta: &Metadata, checksum: u64) {
    let _ = fsx::write_atomic(&path_of(index), line(meta, checksum).as_bytes());
}
