//! `satz completions SHELL`: a completion script for bash, zsh, fish,
//! elvish or PowerShell, generated from the clap definitions by
//! clap_complete, so it always knows every command and option.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::{Cli, Context, Outcome};
use crate::error::Result;

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
#[command(after_help = "Examples:
  satz completions bash > ~/.local/share/bash-completion/completions/satz
  satz completions zsh > ~/.zfunc/_satz        # with fpath+=(~/.zfunc) in ~/.zshrc
  satz completions fish > ~/.config/fish/completions/satz.fish
  satz completions powershell >> $PROFILE")]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, elvish or powershell.
    #[arg(value_name = "SHELL")]
    pub shell: Shell,
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    // Into memory first: clap_complete panics on a failed write (a closed
    // pipe), the output stream reports it.
    clap_complete::generate(shell, &mut Cli::command(), "satz", &mut out);
    out
}

/// Runs `completions`.
pub fn run(ctx: &mut Context, args: &CompletionsArgs) -> Result<Outcome> {
    let script = script(args.shell);
    ctx.out
        .writer()
        .write_all(&script)
        .map_err(super::output::stdout_error)?;
    Ok(Outcome::Clean)
}
