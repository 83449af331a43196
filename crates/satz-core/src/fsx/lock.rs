//! The lock that keeps two satz processes from writing one `memory/` folder
//! (or the folder of one glossary) at once: the operating system's advisory
//! file lock (`std::fs::File::lock`), released however the process ends.

use std::fs::File;
use std::path::Path;

use super::write::{parent_dir, write_target};
use crate::error::{Error, Result};

/// An exclusive lock on a `memory/` folder, held while writing. It is an
/// advisory lock of the operating system (`flock` on Unix), so it is released
/// when the process ends, however it ends: a killed satz leaves no stale lock.
#[derive(Debug)]
pub struct MemoryLock {
    _file: File,
}

/// The name of the lock file inside `memory/`.
pub const LOCK_FILE: &str = ".satz.lock";

impl MemoryLock {
    /// Takes the lock on `dir`, creating the folder if needed. Waits, with a
    /// note on stderr, while another satz process holds it.
    pub fn acquire(dir: &Path) -> Result<MemoryLock> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        let path = dir.join(LOCK_FILE);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| Error::io(&path, e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                eprintln!(
                    "satz: waiting for another satz process to finish writing {}",
                    dir.display()
                );
                file.lock().map_err(|e| Error::io(&path, e))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        Ok(MemoryLock { _file: file })
    }

    /// Takes the locks of several folders, each once (a folder named twice,
    /// or through a link, is locked once: two locks of one file in one
    /// process would wait for each other), in the order of their canonical
    /// paths, so that two processes that need the same folders never wait
    /// for each other in a circle.
    pub fn acquire_all(dirs: &[&Path]) -> Result<Vec<MemoryLock>> {
        let mut canonical = Vec::with_capacity(dirs.len());
        for dir in dirs {
            std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            canonical.push(std::fs::canonicalize(dir).map_err(|e| Error::io(dir, e))?);
        }
        canonical.sort();
        canonical.dedup();
        canonical.iter().map(|d| MemoryLock::acquire(d)).collect()
    }

    /// Takes the lock for writing `path`: the lock of the folder of the file
    /// a write replaces ([`write_target`]), so that a glossary reached
    /// through a link is locked where the shared file lives.
    pub fn for_file(path: &Path) -> Result<MemoryLock> {
        MemoryLock::acquire(&parent_dir(&write_target(path)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_of_the_same_folder_are_taken_once() {
        let dir = tempfile::tempdir().unwrap();
        let same = dir.path().join(".");
        let locks = MemoryLock::acquire_all(&[dir.path(), &same]).unwrap();
        assert_eq!(locks.len(), 1);
    }

    #[test]
    fn lock_is_reentrant_across_sequential_holders() {
        let dir = tempfile::tempdir().unwrap();
        drop(MemoryLock::acquire(dir.path()).unwrap());
        let _again = MemoryLock::acquire(dir.path()).unwrap();
    }
}
