//! `satz merge-driver tmx|glossary BASE OURS THEIRS [PATH]`: what git runs
//! to merge a memory file or the glossary (registered by `satz init`).

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::fsx;
use crate::team;

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(
    after_help = "Git calls it as `satz init` registers it (in .git/config):
  [merge \"satz-tmx\"]
      driver = /path/to/satz merge-driver tmx %O %A %B %P
  [merge \"satz-glossary\"]
      driver = /path/to/satz merge-driver glossary %O %A %B %P

Exit codes: 0 merged; 1 the glossary has conflicts, written between git's
markers (resolve them, then git add); 2 the file could not be merged (left
as ours: git reports a conflict)."
)]
pub struct MergeDriverArgs {
    /// What the file is: a memory file (tmx) or the glossary.
    pub kind: Kind,
    /// The common ancestor's version (git's %O).
    pub base: PathBuf,
    /// Our version (git's %A); the merged file is written over it.
    pub ours: PathBuf,
    /// Their version (git's %B).
    pub theirs: PathBuf,
    /// The file's path in the repository (git's %P), for messages.
    pub path: Option<PathBuf>,
}

/// The files satz merges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// A memory file (memory/*.tmx).
    Tmx,
    /// glossary.toml.
    Glossary,
}

/// Runs `merge-driver`.
pub fn run(ctx: &mut Context, args: &MergeDriverArgs) -> Result<Outcome> {
    let path = args.path.as_deref().unwrap_or(&args.ours);
    match args.kind {
        Kind::Tmx => {
            let [base, ours, theirs] = [&args.base, &args.ours, &args.theirs].map(read_utf8);
            let merged = team::merge_tmx(&base?, &ours?, &theirs?, path)?;
            fsx::write_atomic(&args.ours, merged.text.as_bytes())?;
            ctx.report(format!(
                "satz: {}: merged, {} units ({} from theirs, {} removed)",
                path.display(),
                merged.units,
                merged.from_theirs,
                merged.removed
            ));
            Ok(Outcome::Clean)
        }
        Kind::Glossary => {
            let [base, ours, theirs] =
                [&args.base, &args.ours, &args.theirs].map(|p| fsx::read_text(p));
            let merged = team::merge_glossary(&base?, &ours?, &theirs?, path)?;
            fsx::write_atomic(&args.ours, merged.text.as_bytes())?;
            if merged.conflicts.is_empty() {
                ctx.report(format!("satz: {}: merged", path.display()));
                return Ok(Outcome::Clean);
            }
            for c in &merged.conflicts {
                // A conflict is what a person must see, even with --quiet.
                eprintln!(
                    "satz: {}: CONFLICT: {}\n--- ours\n{}\n--- theirs\n{}",
                    path.display(),
                    c.summary(),
                    c.ours,
                    c.theirs
                );
            }
            Ok(Outcome::Findings)
        }
    }
}

/// A version's bytes as UTF-8, exactly (memory files satz wrote are).
fn read_utf8(path: &PathBuf) -> Result<String> {
    let bytes = fsx::read_bytes(path)?;
    String::from_utf8(bytes).map_err(|_| {
        Error::input(
            crate::error::Location::file(Path::new(path)),
            "not UTF-8: not a memory file satz wrote; merge it by hand",
        )
    })
}
