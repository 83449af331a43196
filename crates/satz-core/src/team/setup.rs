//! `satz init`: a folder set up for a team that shares its memory and
//! glossary through git.
//!
//! It creates what is missing and never touches what is there:
//! `glossary.toml` (with the language pair), `memory/`, the lines of
//! `.gitattributes` that hand `memory/*.tmx` and `glossary.toml` to satz's
//! merge drivers with LF line ends, and the lines of `.gitignore` that keep
//! satz's lock and temporary files out of git (the index in
//! `memory/.satz-index/` ignores itself). Inside a git repository it
//! registers the drivers in the repository's own configuration
//! (`.git/config`), which git does not copy with a clone: every clone runs
//! `satz init` once. Running it again changes nothing that is already
//! right.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::{Error, Result};
use crate::glossary::{Glossary, render};

/// The `.gitattributes` lines satz needs (paths relative to the folder).
pub const GITATTRIBUTES: [&str; 2] = [
    "memory/*.tmx merge=satz-tmx eol=lf",
    "glossary.toml merge=satz-glossary eol=lf",
];

/// The `.gitignore` lines satz needs.
pub const GITIGNORE: [&str; 3] = [".satz.lock", ".satz-tmp-*", ".satz-index/"];

/// What [`init`] is asked to do.
#[derive(Debug, Clone)]
pub struct Init {
    /// The folder that holds `glossary.toml` and `memory/`.
    pub dir: PathBuf,
    /// The glossary's source language, for a new glossary.
    pub source_lang: String,
    /// The glossary's target language, for a new glossary.
    pub target_lang: String,
    /// How git calls satz: a path or a name on git's `PATH`, already quoted
    /// for the shell git runs drivers with.
    pub satz: String,
}

/// One thing [`init`] did or found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Created (what).
    Created(String),
    /// Already there and left as it was.
    Kept(String),
    /// Changed: lines added, a driver's command updated.
    Updated(String),
    /// Something the user should know (not in a git repository).
    Note(String),
}

/// Sets up `init.dir` (see the module documentation) and says what it did.
pub fn init(init: &Init) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    std::fs::create_dir_all(&init.dir).map_err(|e| Error::io(&init.dir, e))?;
    let glossary = init.dir.join("glossary.toml");
    if glossary.exists() {
        steps.push(Step::Kept("glossary.toml".into()));
    } else {
        let new = Glossary {
            source_lang: init.source_lang.clone(),
            target_lang: init.target_lang.clone(),
            ..Glossary::default()
        };
        crate::fsx::write_atomic(&glossary, render(&new).as_bytes())?;
        steps.push(Step::Created(format!(
            "glossary.toml ({} -> {})",
            init.source_lang, init.target_lang
        )));
    }
    let memory = init.dir.join("memory");
    if memory.is_dir() {
        steps.push(Step::Kept("memory/".into()));
    } else {
        std::fs::create_dir_all(&memory).map_err(|e| Error::io(&memory, e))?;
        steps.push(Step::Created("memory/".into()));
    }
    steps.push(ensure_lines(
        &init.dir.join(".gitattributes"),
        &GITATTRIBUTES,
    )?);
    steps.push(ensure_lines(&init.dir.join(".gitignore"), &GITIGNORE)?);
    steps.extend(register_drivers(&init.dir, &init.satz)?);
    Ok(steps)
}

/// Appends the lines of `wanted` that `path` lacks (creating it).
fn ensure_lines(path: &Path, wanted: &[&str]) -> Result<Step> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let existing = match std::fs::read_to_string(path) {
        Ok(text) => Some(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(Error::io(path, e)),
    };
    let text = existing.clone().unwrap_or_default();
    let have: Vec<&str> = text.lines().map(str::trim).collect();
    let missing: Vec<&str> = wanted
        .iter()
        .copied()
        .filter(|w| !have.contains(w))
        .collect();
    if missing.is_empty() {
        return Ok(Step::Kept(name));
    }
    let mut out = text.clone();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("# satz: the team's memory and glossary in git (satz init, docs/team.md)\n");
    for line in &missing {
        out.push_str(line);
        out.push('\n');
    }
    crate::fsx::write_atomic(path, out.as_bytes())?;
    Ok(match existing {
        None => Step::Created(name),
        Some(_) => Step::Updated(format!("{name} ({} lines added)", missing.len())),
    })
}

/// The git configuration of the drivers: (key, value) pairs.
pub fn driver_config(satz: &str) -> Vec<(String, String)> {
    let mut config = Vec::new();
    for (kind, what) in [
        ("tmx", "satz: union of translation units"),
        ("glossary", "satz: union of glossary terms"),
    ] {
        let name = format!("merge.satz-{kind}");
        config.push((format!("{name}.name"), what.to_owned()));
        config.push((
            format!("{name}.driver"),
            format!("{satz} merge-driver {kind} %O %A %B %P"),
        ));
    }
    config
}

/// Registers the merge drivers in the configuration of the git repository
/// `dir` is in; a note when it is in none (or git is not installed).
fn register_drivers(dir: &Path, satz: &str) -> Result<Vec<Step>> {
    let inside = git(dir, &["rev-parse", "--git-dir"]).is_some();
    if !inside {
        return Ok(vec![Step::Note(
            "not in a git repository: the merge drivers are not registered; run `satz init` \
             again after `git init` or `git clone`"
                .into(),
        )]);
    }
    let mut changed = Vec::new();
    for (key, value) in driver_config(satz) {
        let current = git(dir, &["config", "--local", "--get", &key]);
        if current.as_deref() == Some(value.as_str()) {
            continue;
        }
        if git(dir, &["config", "--local", &key, &value]).is_none() {
            return Err(Error::Usage(format!(
                "git config --local {key} failed in {}: register the merge drivers by hand \
                 (docs/team.md)",
                dir.display()
            )));
        }
        changed.push(key);
    }
    let what = format!("merge drivers satz-tmx, satz-glossary in .git/config (git runs: {satz})");
    Ok(vec![if changed.is_empty() {
        Step::Kept(what)
    } else {
        Step::Updated(what)
    }])
}

/// Runs git in `dir`; its trimmed stdout when it succeeds.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// `path` as a word for the POSIX shell git runs merge drivers with:
/// unquoted when it is made of safe characters, else in single quotes.
pub fn shell_word(path: &str) -> String {
    let safe = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%,=".contains(c));
    if safe {
        path.to_owned()
    } else {
        format!("'{}'", path.replace('\'', "'\\''"))
    }
}
