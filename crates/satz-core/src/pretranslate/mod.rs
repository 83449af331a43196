//! Pre-translation: a German text handed to a CAT tool with satz's work in
//! it, as XLIFF (`satz pretranslate`).
//!
//! The text becomes one segment per sentence, grouped by paragraph. Each
//! segment carries what the memory and the glossary offer: the best
//! matches with their percentage, origin and penalties, the glossary terms
//! found in it, and its neighbours (the sentences before and after), which
//! an import of the finished file records so that the next pre-translation
//! of the same text finds 101% (context) matches.
//!
//! What goes in as a translation is decided here, once, for both XLIFF
//! versions ([`Segment::fill`]): a 100% or 101% match is the translation
//! (translated, ready to confirm); a fuzzy match is either the translation
//! marked for review or only a candidate beside an empty target
//! ([`FuzzyAs`]); below the threshold there is no target.
//!
//! The writers ([`xliff12`], [`xliff20`]) are pure functions of this model:
//! deterministic (no dates, ids by position) so a file can be diffed.

pub mod build;
pub mod xliff12;
pub mod xliff20;

/// What a fuzzy match becomes in the file (`--fuzzy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FuzzyAs {
    /// The best fuzzy match is the target, marked as needing review.
    #[default]
    Target,
    /// The target stays empty; the match is only offered as a candidate.
    Candidate,
}

/// A pre-translated document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pretranslation {
    /// The source file's name, recorded as the XLIFF `original`.
    pub original: String,
    /// The source language tag (`de`).
    pub source_lang: String,
    /// The target language tag (`en`).
    pub target_lang: String,
    /// The paragraphs, in order; each a group of segments.
    pub paragraphs: Vec<Vec<Segment>>,
    /// What a fuzzy match becomes.
    pub fuzzy: FuzzyAs,
}

/// One sentence of the text with what satz offers for it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Segment {
    /// The sentence.
    pub source: String,
    /// Matches from memory, best first (the first decides the target).
    pub matches: Vec<Candidate>,
    /// Glossary terms found in the sentence.
    pub terms: Vec<TermHint>,
    /// The sentence before (none at the start of the text).
    pub prev: Option<String>,
    /// The sentence after (none at the end of the text).
    pub next: Option<String>,
}

/// A translation the memory offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Percentage: 0 to 100, 101 for a 100% match whose neighbours match.
    pub score: u32,
    /// The memory's source sentence.
    pub source: String,
    /// The translation offered: the memory's, with numbers fitted to the
    /// sentence where satz could.
    pub target: String,
    /// The memory file it comes from.
    pub origin: String,
    /// Penalties applied, as `-2 numbers`.
    pub penalties: Vec<String>,
}

/// A glossary term found in a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermHint {
    /// The glossary's German term.
    pub term: String,
    /// Its approved translations, preferred first.
    pub translations: Vec<String>,
    /// Translations that must not be used.
    pub forbidden: Vec<String>,
}

/// What the target of a segment holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill<'a> {
    /// No target: nothing above the threshold, or fuzzy matches offered
    /// only as candidates.
    Empty,
    /// A 100% or 101% match, ready to confirm.
    Exact(&'a Candidate),
    /// A fuzzy match as the target, to review.
    Fuzzy(&'a Candidate),
}

impl Segment {
    /// The target this segment gets (see the module documentation).
    pub fn fill(&self, fuzzy: FuzzyAs) -> Fill<'_> {
        match (self.matches.first(), fuzzy) {
            (Some(best), _) if best.score >= 100 => Fill::Exact(best),
            (Some(best), FuzzyAs::Target) => Fill::Fuzzy(best),
            _ => Fill::Empty,
        }
    }

    /// The glossary hint as one line a translator reads in a note:
    /// `Sippenhaft: collective punishment; not: clan custody`.
    pub fn term_note(&self) -> Option<String> {
        if self.terms.is_empty() {
            return None;
        }
        let lines: Vec<String> = self
            .terms
            .iter()
            .map(|t| {
                let mut line = format!("{}: {}", t.term, t.translations.join(", "));
                if !t.forbidden.is_empty() {
                    line.push_str(&format!("; not: {}", t.forbidden.join(", ")));
                }
                line
            })
            .collect();
        Some(format!("Glossary: {}", lines.join(" | ")))
    }
}

impl Pretranslation {
    /// The segments in document order, numbered from 1 (the ids the
    /// writers give them).
    pub fn numbered(&self) -> impl Iterator<Item = (usize, usize, &Segment)> {
        self.paragraphs
            .iter()
            .enumerate()
            .flat_map(|(p, segs)| segs.iter().map(move |s| (p + 1, s)))
            .enumerate()
            .map(|(i, (p, s))| (i + 1, p, s))
    }
}

#[cfg(test)]
mod tests;
