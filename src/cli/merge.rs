//! `satz merge FILE.xlf [-o OUT.txt]`

use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome};
use crate::error::{Location, Result, Warning};
use crate::fsx;
use crate::xliff;

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz merge article.xlf -o article.en.txt
  satz merge article.xlf | less")]
pub struct MergeArgs {
    /// The translated XLIFF (1.2 or 2.x; .sdlxliff and .mqxliff too).
    pub file: PathBuf,
    /// Write to OUT (atomically) instead of stdout.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// Runs `merge`.
pub fn run(ctx: &mut Context, args: &MergeArgs) -> Result<Outcome> {
    let doc = xliff::read::read_with(&args.file, ctx.encoding)?;
    ctx.warn_all(&doc.warnings);
    let merged = xliff::merge::merge(&doc);
    let mut warnings = Vec::new();
    for (lines, what) in [
        (
            &merged.untranslated,
            "without a translation, left in the source language",
        ),
        (
            &merged.unconfirmed,
            "whose translation is not confirmed, written as it is",
        ),
    ] {
        if let Some(&first) = lines.first() {
            warnings.push(Warning {
                location: Location::line(&args.file, first),
                message: format!(
                    "{} segment{} {what} (lines {})",
                    lines.len(),
                    if lines.len() == 1 { "" } else { "s" },
                    list(lines)
                ),
            });
        }
    }
    ctx.warn_all(&warnings);
    match &args.output {
        Some(out) => fsx::write_atomic(out, merged.text.as_bytes())?,
        None => ctx.out.write_str(&merged.text)?,
    }
    let whereto = args
        .output
        .as_ref()
        .map_or_else(String::new, |o| format!(" to {}", o.display()));
    ctx.report(format!(
        "{}: {} segments merged{whereto}",
        args.file.display(),
        merged.segments
    ));
    Ok(Outcome::Clean)
}

/// `3, 9, 14` (the first ten, then `...`).
fn list(lines: &[usize]) -> String {
    let shown: Vec<String> = lines.iter().take(10).map(usize::to_string).collect();
    let more = if lines.len() > 10 { ", ..." } else { "" };
    format!("{}{more}", shown.join(", "))
}
