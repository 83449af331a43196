//! Commands whose interface is fixed by the contract but whose work belongs
//! to a later milestone. They parse their arguments (so `--help` already
//! documents them) and then say plainly that they are not built yet (exit 2).

use std::path::PathBuf;

use clap::Args;

use super::Outcome;
use crate::error::{Error, Result};

/// Fails with "'NAME' is not built yet".
pub fn not_built(name: &'static str) -> Result<Outcome> {
    Err(Error::NotBuilt(name))
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
pub struct AlignArgs {
    /// The German text.
    pub de: PathBuf,
    /// The English text.
    pub en: PathBuf,
    /// Both files already hold one sentence per line.
    #[arg(long)]
    pub segmented: bool,
    /// Add the links scoring at least --min-score to memory/NAME.tmx.
    #[arg(long, value_name = "NAME")]
    pub save: Option<String>,
    /// Lowest score kept by --save.
    #[arg(long, default_value_t = 0.5, value_name = "S")]
    pub min_score: f64,
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The German text (with EN), else the whole memory is checked.
    pub de: Option<PathBuf>,
    /// The English text.
    pub en: Option<PathBuf>,
    /// Both files hold one sentence per line.
    #[arg(long)]
    pub segmented: bool,
}

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
pub struct TermsArgs {
    /// Propose new term candidates from memory.
    #[arg(long)]
    pub extract: bool,
}
