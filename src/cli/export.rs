//! `satz export [--format tmx|tsv|csv] [-o FILE]`

use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::fsx;
use crate::tm::export::{ExportFormat, export_memory};

/// `export`'s output formats, in the order `--help` lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    /// TMX 1.4b (the default).
    Tmx,
    /// `source<TAB>target` per unit.
    Tsv,
    /// A header row naming the languages, then a row per unit.
    Csv,
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz export > all.tmx
  satz export --format tsv -o memory.tsv
  satz --target-lang en-GB export --format csv")]
pub struct ExportArgs {
    /// Write to FILE (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs `export`.
pub fn run(ctx: &mut Context, args: &ExportArgs) -> Result<Outcome> {
    let format = match ctx.format("export")? {
        Format::Tmx => ExportFormat::Tmx,
        Format::Tsv => ExportFormat::Tsv,
        Format::Csv => ExportFormat::Csv,
    };
    let memory = ctx.memory();
    let (n, loaded) = match &args.output {
        Some(path) => {
            let mut result = None;
            let written = fsx::write_atomic_with(path, |w| {
                let r = export_memory(&memory, format, w);
                let ok = r.is_ok();
                result = Some(r);
                if ok {
                    Ok(())
                } else {
                    Err(std::io::Error::other("export failed"))
                }
            });
            match (result, written) {
                (Some(Err(e)), _) | (_, Err(e)) => return Err(e),
                (Some(Ok(r)), Ok(())) => r,
                (None, Ok(())) => return Err(Error::Usage("export wrote nothing".to_owned())),
            }
        }
        None => export_memory(&memory, format, ctx.out.writer())?,
    };
    ctx.warn_all(&loaded.warnings);
    ctx.report(format!(
        "exported {n} units from {} file(s) in {}",
        loaded.files,
        memory.dir.display()
    ));
    Ok(Outcome::Clean)
}
