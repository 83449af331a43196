//! `check --changed REV`: the memory as it was at a git revision, as the
//! [`Baseline`] that says which units are new (see
//! [`crate::check::changed`] for what "new" means, and [`super::git`] for
//! how the files are fetched).

use super::Context;
use crate::check::changed::Baseline;
use crate::error::Result;

/// The memory's units at `rev`. A file that no longer reads (broken at
/// `rev`) is left out with a warning, so its units count as new: more is
/// checked, never less.
pub fn baseline(ctx: &Context, rev: &str) -> Result<Baseline> {
    let mut baseline = Baseline::new();
    let pair = ctx.pair();
    for file in super::git::memory_at(&ctx.global.memory, rev)? {
        let read = crate::fsx::decode_owned(file.bytes, &file.shown)
            .and_then(|text| baseline.add_tmx(&text, &file.shown, &pair));
        if let Err(e) = read {
            ctx.report(format!("warning: {e}; the units of this file count as new"));
        }
    }
    Ok(baseline)
}
