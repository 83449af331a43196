//! Term extraction (`satz terms --extract`): German term candidates that
//! are frequent in this memory but not in general German, each with its
//! most likely English equivalents from the aligned units; names set
//! apart.
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
//! stems (case-folded, `ß` = `ss`, umlauts folded), and a compound's
//! genitive the stemmer keys apart (`Finanzsystems`) joins its bare form's
//! candidate; the form shown is the one seen most often (then the
//! shortest), without a compound's genitive or dative plural ending
//! (`Bandscheibenvorfall`, not `Bandscheibenvorfalls`: see `citation`). Candidates the glossary already
//! has (its matcher finds one of their forms whole, inflections included)
//! are left out.
//!
//! # Score: frequent here, rare in general German
//!
//! "Rare in general German" comes from a reference frequency list: the
//! 84,074 German words of wordfreq 3.1.1 with a Zipf frequency of at least
//! 2.5 (`src/terms/data/de-freq.txt`, CC BY-SA 4.0, that file only: see
//! `de-freq.LICENSE.md` beside it). A candidate's general frequency `Z` is
//! the highest Zipf value of its forms in the list; a compound the list
//! lacks is split into the fewest listed words (or words of the memory;
//! linking -s-, -es-, -n-, -en-, -e-) and is taken as 1 Zipf rarer than its
//! rarest part (so a compound of everyday words, `Touristenbus`, stays
//! near everyday); a word neither listed nor split gets 2.0; a phrase is 1
//! rarer than its rarer word.
//!
//! ```text
//! score = ln(1 + spread) · L · S · K · E · H · T · O · F · A · W · X · R · P · N · G
//!   spread  stretches of the memory with the candidate (units more than 25
//!           apart are different texts): a term recurs across texts
//!   L   letters / 10, at most 2.5 (an adjective counts half its letters)
//!   S   1 + 0.5 · (parts − 1), parts of a compound at most 3 (a word of
//!       10 or more letters that does not split counts 2 unless it has a
//!       derivational ending and no listed end: see `score::counted_parts`)
//!   K   keyness: the Zipf value in this memory (occurrences per 10^9 words)
//!       less Z, at least 0.1
//!   E   everyday: 1 up to Z = 3.3, then a tenth per Zipf point more
//!       (Touristen 4.2: 0.12; Menschen 5.9: 0.003)
//!   H   of a phrase: its units / its noun's units, at most 1 (a noun that
//!       mostly goes without the adjective makes a free phrase); else 1
//!   T O F A  one story, everyday parts, feminine form, free phrase (see
//!       docs/commands.md, `terms --extract`)
//!   W   0.2 for a calendar word or an age, 0.3 for people in general by
//!       occupation or role or a firm of a trade (see `kinds`), else 1
//!   X   0.5 for a compound with an abbreviation prefix (`US-…`): a term
//!       base lists the concept without it; else 1
//!   R   0.5 for a candidate in fewer than 3 units (thin evidence), else 1
//!   P   0.3 when the best English equivalent is spelt nearly like the
//!       German (normalised Levenshtein similarity ≥ 0.8 of the letters:
//!       cognates need no glossary entry), 0.5 when no English equivalent
//!       is found, else 1
//!   N   0.3 when the best English equivalent is capitalised in at least
//!       70% of its occurrences not at a unit's start (`Ministry of
//!       Defence`): the German may name one body, not a concept; else 1
//!   G   0.5 when the best English equivalent names a made object by
//!       WordNet 3.1 (`src/terms/data/en-objects.txt`, WordNet's licence:
//!       see `en-objects.LICENSE.md` beside it): ordinary objects and
//!       products are everyday words (`cellphones`, `petrol engine`); else 1
//! ```
//!
//! # Names
//!
//! A candidate is a name ([`Kind::Name`]: a place, person or organisation)
//! when an English equivalent is capitalised in at least 90% of its
//! occurrences not at a unit's start and either is spelt like the German
//! (similarity ≥ 0.6 for the best equivalent, `Pjöngjang` / `Pyongyang`;
//! ≥ 0.8 for another) or is the best one and the German is a single word
//! that does not split into known words (`Kreml` / `Kremlin`). Names are
//! not scored as terms: [`ExtractOptions::names`] lists them instead of the
//! terms, ranked by `ln(1 + units)`. English capitalises months, weekdays
//! and nationalities, so `November` and `Deutschen` land among the names.
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
//! with English words compared by Snowball stem, where a unit's n-gram
//! counts only for the unit's German candidates (of all candidates, not
//! only the shortlisted) with the highest Dice coefficient with it over the
//! whole memory (competitive linking after Melamed 2000, per n-gram rather
//! than one to one), so that `tear gas` in
//! a unit that also has `Tränengas` is that word's equivalent, not that of
//! `Ordnungskräfte`, which it often meets. At most three equivalents
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
//! * `lexicon`: the stemmers, the reference frequency list and the
//!   English nouns of made objects;
//! * `candidates`: pass 1, the German candidates of each unit (nouns,
//!   adjective + noun, genitive `-s` merged);
//! * `citation`: the form shown, and genitives the stemmer keys apart;
//! * `kinds`: calendar words, ages and people in general (the factor `W`);
//! * `general`: a candidate's frequency in general German, compound
//!   splitting;
//! * `score`: termhood (`ln(1 + spread) · L · S · K · E · H · T · O · F ·
//!   A · W · X · R`), the shortlist, the factors `P`, `N` and `G`, and the
//!   name test;
//! * `equivalents`: passes 2 to 4, English n-grams, their Dice
//!   co-occurrence with the shortlisted candidates and the competitive
//!   linking;
//! * `rows`: the output rows (shown form, equivalents, kind, final score,
//!   example).

mod candidates;
mod citation;
mod equivalents;
mod general;
mod kinds;
mod lexicon;
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
    /// The names instead of the terms.
    pub names: bool,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            min_freq: 2,
            top: 20,
            names: false,
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
    /// Units that have both, the n-gram linked to the candidate there (see
    /// the module docs: competitive linking).
    pub units: usize,
}

/// What a candidate is: a term of the field, or a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A term of the field (`Verteidigungsministerium`).
    Term,
    /// The name of a place, person or organisation (`Pjöngjang`).
    Name,
}

impl Kind {
    /// `term` or `name`, as the output spells it.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Term => "term",
            Kind::Name => "name",
        }
    }
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
    /// A term or a name.
    pub kind: Kind,
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

    // Leave out what the glossary has, and the rare; names are set apart
    // only once their English is known, so the shortlist is longer (most
    // frequent words are no names).
    let longer = if opts.names { 10 } else { 2 };
    let scored = shortlist(
        &found,
        glossary,
        &lex,
        min_freq,
        (opts.top.saturating_mul(longer), opts.names),
    );

    // Passes 2 to 4: co-occurrence of candidates with English n-grams.
    let co = Cooccurrence::count(units, &found.unit_cands, &scored, &lex);

    let kind = if opts.names { Kind::Name } else { Kind::Term };
    rows(units, &found, &lex, &scored, &co, (kind, opts.top))
}

#[cfg(test)]
#[path = "extract_factor_tests.rs"]
mod factor_tests;
#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
