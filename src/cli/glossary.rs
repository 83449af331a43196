//! `satz glossary list|add|remove|import|export`

use clap::Subcommand;

use super::{Context, Outcome, pending};
use crate::error::Result;

/// Manage glossary.toml.
#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// List the terms.
    List,
}

/// Runs a glossary command.
pub fn run(_ctx: &mut Context, _cmd: &GlossaryCommand) -> Result<Outcome> {
    pending::not_built("glossary")
}
