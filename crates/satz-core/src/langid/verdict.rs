//! A text's language against the language it should be in: the verdicts
//! the commands act on (see the module documentation of [`crate::langid`]).
//!
//! Only a clear identification counts. A text identified as no language
//! (unknown) never disagrees with anything, and a side whose expected
//! language satz cannot identify (`--target-lang it`) disagrees only when
//! it is clearly the other side's language.

use super::{Guess, Language};
use crate::lang::{Lang, LangPair};

/// What one side of a pair (or a single text) is expected to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected {
    /// The language its tag names, when satz can identify it.
    pub language: Option<Language>,
    /// The language of the other side of the pair, when satz can identify
    /// it (`None` for a single text).
    pub other: Option<Language>,
}

impl Expected {
    /// The expectation for a text tagged `tag`, in a pair whose other side
    /// is tagged `other` (if any).
    pub fn new(tag: &Lang, other: Option<&Lang>) -> Expected {
        Expected {
            language: Language::of(tag),
            other: other.and_then(Language::of),
        }
    }

    /// The language `guess` clearly is when that is not the expected one;
    /// `None` when the text is as expected or unknown.
    pub fn mismatch(&self, guess: &Guess) -> Option<Language> {
        let found = guess.language?;
        match self.language {
            Some(want) => (found != want).then_some(found),
            None => (Some(found) == self.other).then_some(found),
        }
    }

    /// Whether `found` is the other side's language (the text belongs on
    /// the other side of the pair).
    pub fn is_other(&self, found: Language) -> bool {
        self.other == Some(found) && self.language != Some(found)
    }
}

/// The verdict on a pair of texts (a document and its translation, or the
/// two sides of a file's units) against the configured pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PairVerdict {
    /// The language the source side clearly is, when not the expected one.
    pub source: Option<Language>,
    /// The language the target side clearly is, when not the expected one.
    pub target: Option<Language>,
    /// Both sides identified, each as the other's configured language: the
    /// texts were given in the wrong order.
    pub swapped: bool,
}

impl PairVerdict {
    /// Nothing against the pair.
    pub fn is_fine(&self) -> bool {
        self.source.is_none() && self.target.is_none()
    }
}

/// Judges a pair of texts whose guesses are `source` and `target` against
/// the language pair `pair`.
pub fn judge_pair(source: &Guess, target: &Guess, pair: &LangPair) -> PairVerdict {
    let want_source = Expected::new(&pair.source, Some(&pair.target));
    let want_target = Expected::new(&pair.target, Some(&pair.source));
    let found_source = want_source.mismatch(source);
    let found_target = want_target.mismatch(target);
    let swapped = match (found_source, found_target) {
        (Some(s), Some(t)) => want_source.is_other(s) && want_target.is_other(t),
        _ => false,
    };
    PairVerdict {
        source: found_source,
        target: found_target,
        swapped,
    }
}
