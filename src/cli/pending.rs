//! Commands whose interface is fixed by the contract but whose work belongs
//! to a later milestone. They parse their arguments (so `--help` already
//! documents them) and then say plainly that they are not built yet (exit 2).

use clap::Args;

use super::Outcome;
use crate::error::{Error, Result};

/// Fails with "'NAME' is not built yet".
pub fn not_built(name: &'static str) -> Result<Outcome> {
    Err(Error::NotBuilt(name))
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
pub struct TermsArgs {
    /// Propose new term candidates from memory.
    #[arg(long)]
    pub extract: bool,
}
