//! `satz init [DIR]`: a folder set up for a team that shares its memory and
//! glossary through git.

use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::team::setup::{self, Step};

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  git clone git@example.org:desk/memory.git && cd memory && satz init
  satz --source-lang de-CH --target-lang en-GB init newsroom
  satz init --satz-command satz          git finds satz on its PATH (CI)")]
pub struct InitArgs {
    /// The folder to set up (default: the current one).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// How git calls satz to merge: a command on git's PATH or a path.
    /// Default: this satz's own absolute path, which works in GUI git
    /// clients whose PATH lacks the folder satz is installed in.
    #[arg(long, value_name = "CMD")]
    pub satz_command: Option<String>,
}

/// Runs `init`.
pub fn run(ctx: &mut Context, args: &InitArgs) -> Result<Outcome> {
    let satz = match &args.satz_command {
        Some(cmd) => cmd.clone(),
        None => {
            let exe =
                std::env::current_exe().map_err(|e| Error::io(std::path::Path::new("satz"), e))?;
            setup::shell_word(&exe.to_string_lossy())
        }
    };
    let steps = setup::init(&setup::Init {
        dir: args.dir.clone(),
        source_lang: ctx.global.source_lang.as_str().to_owned(),
        target_lang: ctx.global.target_lang.as_str().to_owned(),
        satz,
    })?;
    let mut out = String::new();
    for step in steps {
        let line = match step {
            Step::Created(what) => format!("created  {what}\n"),
            Step::Kept(what) => format!("kept     {what} (already there)\n"),
            Step::Updated(what) => format!("updated  {what}\n"),
            Step::Note(what) => format!("note     {what}\n"),
        };
        out.push_str(&line);
    }
    ctx.out.write_str(&out)?;
    Ok(Outcome::Clean)
}
