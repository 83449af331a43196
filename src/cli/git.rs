//! The `git` binary, for `check --changed REV`: where the memory folder is
//! in its repository, and the memory's TMX files as they were at a
//! revision.
//!
//! satz runs the user's own `git` (found on `PATH`) in the memory folder
//! (`git -C DIR`), so the repository is found from the memory wherever it
//! sits, and revisions mean what they mean to the user (`HEAD~1`,
//! `origin/main`, a tag). Running a process is the command line's
//! business: the library compares units ([`crate::check::changed`]) and
//! never sees git. A failure is an input error naming the memory folder
//! and quoting git's own message.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Location, Result};

/// A TMX file of the memory folder at a revision.
pub struct OldFile {
    /// How to name it in messages: `REV:path/in/repository.tmx`.
    pub shown: PathBuf,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// Runs `git -C dir ARGS`; its stdout, or git's message when it fails.
fn git(dir: &Path, args: &[&str]) -> std::result::Result<Vec<u8>, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let msg = String::from_utf8_lossy(&out.stderr);
        Err(msg.trim().trim_start_matches("fatal: ").to_owned())
    }
}

/// An input error about the memory folder `dir`.
fn error(dir: &Path, message: String) -> Error {
    Error::input(Location::file(dir), message)
}

/// The TMX files (`*.tmx`, not hidden, any case of the extension) of the
/// memory folder `dir` at revision `rev`. A folder that did not exist at
/// `rev` has none. `dir` outside a git repository, and a `rev` git does
/// not know, are errors.
pub fn memory_at(dir: &Path, rev: &str) -> Result<Vec<OldFile>> {
    if !dir.is_dir() {
        return Err(error(
            dir,
            "--changed: the memory folder does not exist".to_owned(),
        ));
    }
    git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| {
        error(
            dir,
            format!("--changed needs the memory in a git repository: {e}"),
        )
    })?;
    let commit = git(
        dir,
        &[
            "rev-parse",
            "--verify",
            "--end-of-options",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| {
        error(
            dir,
            format!("--changed {rev}: git knows no commit '{rev}' in this repository"),
        )
    })?;
    let commit = String::from_utf8_lossy(&commit).trim().to_owned();
    let prefix = git(dir, &["rev-parse", "--show-prefix"]).map_err(|e| error(dir, e))?;
    // `memory/` and a line break; empty at the repository's root.
    let prefix = String::from_utf8_lossy(&prefix);
    let prefix = prefix.strip_suffix('\n').unwrap_or(&prefix).to_owned();
    // The folder's tree at the commit; absent then, every unit is new.
    let Ok(listing) = git(
        dir,
        &[
            "ls-tree",
            "--full-tree",
            "-z",
            &format!("{commit}:{prefix}"),
        ],
    ) else {
        return Ok(Vec::new());
    };
    let mut files = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        // `<mode> SP <type> SP <object> TAB <name>`
        let Some((meta, name)) = entry.split_once('\t') else {
            continue;
        };
        let mut meta = meta.split(' ');
        let (Some(_mode), Some("blob"), Some(object)) = (meta.next(), meta.next(), meta.next())
        else {
            continue;
        };
        if !is_tmx_name(name) {
            continue;
        }
        let bytes = git(dir, &["cat-file", "blob", object]).map_err(|e| error(dir, e))?;
        files.push(OldFile {
            shown: PathBuf::from(format!("{rev}:{prefix}{name}")),
            bytes,
        });
    }
    Ok(files)
}

/// A memory file's name: `*.tmx` in any case, not hidden (as
/// [`crate::tm::Memory::tmx_files`] reads the folder).
fn is_tmx_name(name: &str) -> bool {
    !name.starts_with('.')
        && Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("tmx"))
}
