//! Term tables (`satz terms`): the glossary's terms with how often and how
//! the memory translates them, and term candidates proposed from memory
//! (`satz terms --extract`).
//!
//! * [`usage`]: per term, the units whose German side has it and the
//!   distribution of its translations there (approved renderings, forbidden
//!   ones, other), with an example pair;
//! * [`render`]: the table for the terminal, Markdown, CSV and TBX-Basic
//!   (the glossary's TBX, see [`crate::glossary::exchange`], with the
//!   example pairs as `descrip type="context"`), and [`html`], a
//!   self-contained page with a search box and a bar per term;
//! * [`mod@extract`]: candidates (capitalised nouns, compounds and
//!   adjective-noun phrases frequent in this memory but not in general
//!   German, by a reference frequency list) with their most likely English equivalents
//!   by Dice co-occurrence, names set apart; the score is documented there.
//!
//! The contract (formats, columns) is in `docs/commands.md` (`satz terms`)
//! and `docs/contract.md`.

pub mod extract;
pub mod html;
pub mod render;
pub mod usage;

#[cfg(test)]
mod tests;

pub use extract::{Candidate, Equivalent, ExtractOptions, Kind, UnitText, extract};
pub use render::{Flavour, TableData};
pub use usage::{Example, TermUsage, UsageCounter};

use crate::glossary::Glossary;

/// The usage of every glossary term over `units` (German, English).
pub fn usage_of<'a>(
    glossary: &Glossary,
    units: impl IntoIterator<Item = &'a UnitText>,
) -> Vec<TermUsage> {
    let mut counter = UsageCounter::new(glossary);
    for u in units {
        counter.add(&u.source, &u.target, u.origin.clone());
    }
    counter.finish()
}
