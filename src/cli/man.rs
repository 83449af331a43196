//! `satz man [COMMAND]`: the manual page, in roff, generated from the clap
//! definitions by clap_mangen (the same text as `--help`), for `man -l -`
//! or a `man1` folder.

use std::path::Path;

use clap::{Args, CommandFactory};

use super::{Cli, Context, Outcome};
use crate::error::{Error, Result};

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz man | man -l -                          read it now
  satz man > ~/.local/share/man/man1/satz.1    install it (man satz)
  satz man align > ~/.local/share/man/man1/satz-align.1")]
pub struct ManArgs {
    /// A command whose own page to print (satz-COMMAND(1)); without it,
    /// satz(1), which lists every command.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// The roff source of satz(1), or of satz-`command`(1).
pub fn page(command: Option<&str>) -> Result<Vec<u8>> {
    // NAME reads `satz \- about`: the about without its `satz: `.
    let mut cli = Cli::command()
        .about("translation memory and glossary for German-to-English news translation")
        .disable_help_subcommand(true);
    // Building names each command `satz-NAME`, as its page is titled.
    cli.build();
    let cmd = match command {
        None => cli,
        Some(name) => cli
            .find_subcommand(name)
            .map(|c| c.clone().version(env!("CARGO_PKG_VERSION")))
            .ok_or_else(|| {
                let names: Vec<&str> = cli.get_subcommands().map(|c| c.get_name()).collect();
                Error::Usage(format!(
                    "no command '{name}' to show a page for; satz has {}",
                    names.join(", ")
                ))
            })?,
    };
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut out)
        .map_err(|e| Error::io(Path::new("<man page>"), e))?;
    Ok(out)
}

/// Runs `man`.
pub fn run(ctx: &mut Context, args: &ManArgs) -> Result<Outcome> {
    let page = page(args.command.as_deref())?;
    ctx.out
        .writer()
        .write_all(&page)
        .map_err(super::output::stdout_error)?;
    Ok(Outcome::Clean)
}
