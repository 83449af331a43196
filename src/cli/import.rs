//! `satz import FILE... [--name NAME]`

use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::tm::import;

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz import project_save.tmx             -> memory/project_save.tmx
  satz import job.sdlxliff --name news     the confirmed segments of a Trados file
  satz import a.tsv b.csv --name news      both into memory/news.tmx
  cat pairs.tsv | satz import - --name news")]
pub struct ImportArgs {
    /// Files to import (`-` reads stdin and needs --name).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Memory file name (without .tmx) to add the units to.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
}

/// Runs `import`.
pub fn run(ctx: &mut Context, args: &ImportArgs) -> Result<Outcome> {
    let memory = ctx.memory();
    for file in &args.files {
        let report = import::import(
            &memory,
            file,
            args.name.as_deref(),
            &import::Options {
                encoding: ctx.encoding,
                check_languages: !ctx.global.no_language_check,
            },
        )
        .map_err(|e| match e {
            Error::UnnamedInput => {
                Error::Usage("importing from standard input needs --name NAME".to_owned())
            }
            e => e,
        })?;
        ctx.warn_all(&report.parsed.warnings);
        ctx.report(report.summary(file, &memory.pair));
    }
    Ok(Outcome::Clean)
}
