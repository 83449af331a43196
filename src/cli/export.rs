//! `satz export [--format tmx|tsv|csv] [-o FILE]`

use std::path::PathBuf;

use clap::Args;

use super::output::stdout_error;
use super::{Context, Outcome};
use crate::error::{Error, Result};
use crate::fsx;
use crate::tm::export::{ExportFormat, export};

const FORMATS: &[&str] = &["tmx", "tsv", "csv"];

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
    let format = match ctx.global.format.as_deref() {
        None => ExportFormat::Tmx,
        Some(_) => match ctx.format("export", FORMATS)? {
            "tsv" => ExportFormat::Tsv,
            "csv" => ExportFormat::Csv,
            _ => ExportFormat::Tmx,
        },
    };
    let memory = ctx.memory();
    let loaded = memory.load()?;
    ctx.warn_all(&loaded.warnings);
    let n = match &args.output {
        Some(path) => {
            let mut buf = Vec::new();
            let n = export(&loaded.units, &memory.pair, format, &mut buf)
                .map_err(|e| Error::io(path, e))?;
            fsx::write_atomic(path, &buf)?;
            n
        }
        None => {
            export(&loaded.units, &memory.pair, format, ctx.out.writer()).map_err(stdout_error)?
        }
    };
    ctx.report(format!(
        "exported {n} units from {} file(s) in {}",
        loaded.files,
        memory.dir.display()
    ));
    Ok(Outcome::Clean)
}
