//! Term extraction (`satz terms --extract`): German term candidates that
//! are frequent in this memory but not in general German, each with its
//! most likely English equivalents from the aligned units.
//!
//! # Candidates
//!
//! * **nouns**: words that start with a capital letter, have at least four
//!   letters, no digits and some lower-case letter (so not `UN`), and occur
//!   at least once inside a sentence (not only as its first word, where
//!   any word is capitalised); hyphenated compounds (`UN-Sanktionen`) are
//!   one word;
//! * **adjective + noun**: a lower-case word of at least four letters with
//!   an adjective ending (`-e`, `-en`, `-er`, `-es`, `-em`) right before
//!   such a noun (`koreanische Halbinsel`).
//!
//! Inflected forms are one candidate: words are compared by their Snowball
//! stems (case-folded, `ß` = `ss`, umlauts folded); the form shown is the
//! one seen most often (then the shortest). Candidates the glossary already
//! has (its matcher finds one of their forms whole, inflections included)
//! are left out.
//!
//! # Score: frequent here, rare in general German
//!
//! With no reference corpus offline, "rare in general German" is
//! approximated by the shape of the word and a list of the ~1,200 most
//! frequent German words (`src/terms/data/de-common.txt`):
//!
//! ```text
//! score = ln(1 + df) · L · S · C · P
//!   df  units whose German side has the candidate (at least --min-freq)
//!   L   letters / 10, at most 2.5 (an adjective counts half its letters):
//!       long words are rare words (Zipf), short ones common
//!   S   1 + 0.5 · (stems − 1), stems = parts of a closed compound, at most 3:
//!       the split into the fewest words of the memory's German vocabulary
//!       and the frequent-word list (linking -s-, -es-, -n-, -en-, -e-
//!       allowed), else 2 for a word of 10 or more letters, else 1
//!   C   0.1 when the word (a phrase's adjective) is a frequent German word,
//!       0.5 when a phrase's noun is, else 1
//!   P   0.3 when the best English equivalent is spelt nearly like the
//!       German (normalised Levenshtein similarity ≥ 0.8 of the letters:
//!       names and cognates such as Putin, Nordkorea / North Korea need no
//!       glossary entry), 0.5 when no English equivalent is found (no
//!       consistent translation to propose), else 1
//! ```
//!
//! # English equivalents: co-occurrence
//!
//! For each candidate, every English word n-gram (1 to 3 words, not across
//! punctuation, not starting or ending with a function word, no numbers) of
//! the units that have the candidate is scored by the Dice coefficient
//! over units:
//!
//! ```text
//! Dice(c, e) = 2 · units(c and e) / (units(c) + units(e))
//! ```
//!
//! with English words compared by Snowball stem. At most three equivalents
//! with Dice ≥ 0.3 and at least two shared units are kept, best first; on
//! equal Dice the longer n-gram wins (`cannon fodder` over `cannon` when
//! both always occur together). The example is the shortest German side
//! among the units that have the candidate and its best equivalent.
//!
//! # Layout
//!
//! This file holds the public types and [`extract`], which runs the passes;
//! each submodule does one job:
//!
//! * `lexicon`: the stemmers and the frequent-German-words list;
//! * `candidates`: pass 1, the German candidates of each unit (nouns,
//!   adjective + noun, genitive `-s` merged);
//! * `score`: termhood (`ln(1 + df) · L · S · C`, compound splitting), the
//!   shortlist, and the cognate factor `P`;
//! * `equivalents`: passes 2 and 3, English n-grams and their Dice
//!   co-occurrence with the shortlisted candidates;
//! * `rows`: the output rows (shown form, equivalents, final score, example).

mod candidates;
mod equivalents;
pub(crate) mod lexicon;
mod rows;
mod score;

use super::usage::Example;
use crate::glossary::Glossary;
use candidates::gather;
use equivalents::Cooccurrence;
use lexicon::Lexicon;
use rows::rows;
use score::shortlist;

/// Options of `terms --extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// The least number of units a candidate occurs in.
    pub min_freq: usize,
    /// At most this many candidates.
    pub top: usize,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            min_freq: 2,
            top: 20,
        }
    }
}

/// A likely English equivalent of a candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Equivalent {
    /// The English words, as seen most often.
    pub en: String,
    /// Dice coefficient over units.
    pub dice: f64,
    /// Units that have both.
    pub units: usize,
}

/// A proposed glossary term.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The German term, in its most frequent form.
    pub de: String,
    /// Units whose German side has it.
    pub units: usize,
    /// The score (see the module documentation).
    pub score: f64,
    /// Likely English equivalents, best first.
    pub equivalents: Vec<Equivalent>,
    /// An example pair.
    pub example: Option<Example>,
}

/// A unit's text, as extraction reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitText {
    /// German side.
    pub source: String,
    /// English side.
    pub target: String,
    /// `file.tmx:line`, if known.
    pub origin: Option<String>,
}

/// Proposes term candidates from `units` (see the module documentation).
pub fn extract(units: &[UnitText], glossary: &Glossary, opts: ExtractOptions) -> Vec<Candidate> {
    let lex = Lexicon::new();
    let min_freq = opts.min_freq.max(1);

    // Pass 1: German candidates.
    let found = gather(units, &lex);

    // Leave out what the glossary has, and the rare.
    let scored = shortlist(&found, glossary, &lex, min_freq, opts.top);

    // Passes 2 and 3: co-occurrence of candidates with English n-grams.
    let co = Cooccurrence::count(units, &found.unit_cands, &scored, &lex);

    rows(units, &found.gathered, &scored, &co, opts.top)
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
