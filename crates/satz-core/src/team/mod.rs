//! Git as a team's store: a news desk shares one `memory/` and one
//! `glossary.toml` through git, and satz merges them.
//!
//! satz writes its memory files deterministically and appends new units
//! before `</body>`, and it appends new glossary terms at the end of the
//! file, so two translators who each add units or terms change the same
//! place of the same file: git's line merge reports a conflict there. The
//! merge drivers here (git calls them as `satz merge-driver tmx|glossary
//! %O %A %B %P`, registered by [`setup`]) merge such files by what they
//! hold rather than by lines:
//!
//! - [`merge_tmx`]: the three-way union of the translation units of a
//!   memory file, keyed by satz's duplicate key
//!   ([`duplicate_hash`](crate::tm::store::duplicate_hash)): never a
//!   duplicate, never a conflict, the same bytes whichever side merges;
//! - [`merge_glossary`]: the three-way union of the `[[term]]` blocks of a
//!   glossary, comments kept; the same term changed differently on both
//!   sides is a conflict a person resolves, written between git's
//!   conflict markers with both versions;
//! - [`conflict_marker`]: the first git conflict marker in a text, which
//!   the TMX reader and the glossary parser refuse with its line rather
//!   than misread the file.
//!
//! Deletions are three-way: a unit or term removed on one side and left as
//! it was on the other stays removed; one removed on one side and changed
//! on the other is kept as changed (an edit is never lost to a deletion).

mod glossary_blocks;
mod glossary_merge;
mod markers;
pub mod setup;
mod tmx_merge;

pub use glossary_merge::{GlossaryMerge, TermConflict, merge_glossary};
pub use markers::{ConflictMarker, conflict_marker};
pub use tmx_merge::{TmxMerge, merge_tmx};

/// The outcome of merging one field of three versions: which version wins.
///
/// `pick` breaks the tie when both sides changed the base differently; it
/// must be symmetric (`pick(a, b) == pick(b, a)`) so that the result does
/// not depend on which side merges.
pub(crate) fn three_way<'a>(
    base: Option<&'a str>,
    ours: Option<&'a str>,
    theirs: Option<&'a str>,
) -> Resolved<'a> {
    if ours == theirs || theirs == base {
        return Resolved::Take(ours);
    }
    if ours == base {
        return Resolved::Take(theirs);
    }
    match (ours, theirs) {
        // Removed on one side, changed on the other: the change is kept.
        (Some(a), None) | (None, Some(a)) => Resolved::Take(Some(a)),
        (Some(a), Some(b)) => Resolved::Both(a, b),
        // Unreachable: equal sides returned above.
        (None, None) => Resolved::Take(None),
    }
}

/// What [`three_way`] decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resolved<'a> {
    /// This version (`None`: the item is gone).
    Take(Option<&'a str>),
    /// Both sides changed the base, each differently.
    Both(&'a str, &'a str),
}

#[cfg(test)]
mod tests;
