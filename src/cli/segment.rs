//! `satz segment [--lang de|en] [FILE|-]`

use std::path::PathBuf;

use clap::Args;

use super::{Context, Outcome, pending};
use crate::error::Result;

/// Arguments of the command (documented on [`super::Command`]).
#[derive(Debug, Args)]
pub struct SegmentArgs {
    /// The text (`-` or nothing reads stdin).
    pub file: Option<PathBuf>,
    /// The language's rules to use.
    #[arg(long, default_value = "de", value_name = "de|en")]
    pub lang: String,
}

/// Runs `segment`.
pub fn run(_ctx: &mut Context, _args: &SegmentArgs) -> Result<Outcome> {
    pending::not_built("segment")
}
