//! Term recognition: where the glossary's German terms occur in a German
//! text ([`TermMatcher::find_source`]) and where English renderings occur in
//! an English text ([`TermMatcher::find_target`],
//! [`TermMatcher::find_renderings`]).
//!
//! # German side
//!
//! The text is split into words once ([`crate::text::words::words`]); each
//! distinct word is folded to its key (lower case, `ß` as `ss`) and stemmed
//! once (Snowball German), and the stems are looked up in hash maps built
//! from the glossary, so the cost grows with the text, not with the number
//! of terms. A word is stemmed only when one of the glossary's stems occurs
//! in its umlaut-folded key: a stem is a prefix of that key, so no other
//! word's stem can match (one Aho-Corasick automaton decides; the skipped
//! stems change no hit, as property tests check). A term is found
//!
//! * by `match` mode: `stem` (default) when every word of the term has the
//!   stem of the text word at the same place (`des Kanonenfutters`,
//!   `Panzerhaubitzen`, `der koreanischen Halbinsel`); `exact` when every
//!   word has the same key; `prefix` when every text word starts with the
//!   term word's key; a custom stem `Erb|diktatur` (memoQ convention) when a
//!   text word starts with the part before `|` (`Erbdiktaturen`, but also
//!   `Erbe`: the part after `|` may be anything). A custom stem that spans
//!   several words needs the earlier words exactly and the last one by
//!   prefix; words after the `|` are not required;
//! * by its `forms`, each matched like `exact` and reported as
//!   [`HitKind::Form`];
//! * with the words of a multi-word term separated by whitespace and at most
//!   one hyphen (never by other punctuation);
//! * as one part of a hyphenated word, which is two words here
//!   (`Kim-Diktatur` contains the word `Diktatur`), and, for a one-word term,
//!   as two words joined by a single hyphen (`Kreml-Chef` for `Kremlchef`,
//!   reported as [`HitKind::Inflected`]);
//! * behind a suspended hyphen (`Atom- und Raketenprogramm`,
//!   `Kampf-, Transport- und Schulflugzeuge`): the suspended word joined to
//!   a head of the first complete word after the coordination, for a
//!   one-word term, reported over the suspended word and its hyphen as
//!   [`HitKind::Inflected`];
//! * as the head of a closed compound ([`HitKind::Compound`], the weakest
//!   kind): only for one-word terms in `stem` mode that are not
//!   `case_sensitive`, whose stem has at least 4 letters, when the stem is
//!   the end of the text word's stem and the part before it has at least 3
//!   letters (`Militärdiktatur` for `Diktatur`; `Aufrüstung` for `Rüstung`).
//!   The span covers the head only.
//!
//! A capitalised text word shorter than a capitalised term word is never
//! that noun inflected (German noun inflection only adds endings, save for
//! Latin plurals in `-us`, `-um`, `-is`, `-a`, `-on`): `Devise` (motto) is
//! not `Devisen` (foreign currency), while the verb `aufrüsten` still counts
//! for `Aufrüstung`.
//!
//! Matching ignores case unless the term is `case_sensitive`; then the text
//! word must agree in case with the term over the part the pattern covers
//! (for a stem: its length, umlauts ignored). `ß` and `ss` are always equal.
//!
//! Overlaps: one hit per term and span (the strongest kind wins:
//! [`HitKind::Exact`] > [`HitKind::Form`] > [`HitKind::Inflected`] >
//! [`HitKind::Compound`]), and a hit lying strictly inside the span of
//! another hit is dropped (longest match: in `Erbdiktatur` only the term
//! `Erbdiktatur` is reported, not `Diktatur`; in `Kreml-Chef` a term `Chef`
//! would not be reported beside `Kremlchef`). Hits with the same span for
//! different terms are all kept. Hits come sorted by
//! start, longer first.
//!
//! # English side
//!
//! An English phrase is found when the text has words with the same Snowball
//! English stems in a row (case-insensitive; `hypersonic missiles` for
//! `hypersonic missile`), separated by whitespace and at most one hyphen
//! (`self propelled` = `self-propelled`); a hyphenated part of the phrase may
//! also be written closed up (`buildup` for `build-up`). Inflection is what
//! Snowball removes: regular endings (`closing`/`closed ranks` are found for
//! `close ranks`), never irregular forms (`went` for `go`). A phrase's last
//! word may be shared with coordinated modifiers, as English renders a
//! German suspended hyphen: `nuclear and missile programmes` and `nuclear,
//! chemical and biological weapons` hold `nuclear programme` and `nuclear
//! weapon` (listed modifiers after commas, then `and` or `or` and one or
//! two words before the shared word).
//!
//! # Layout
//!
//! This file holds the hit types; the matcher is in submodules, one job
//! each:
//!
//! * `cache`: [`WordCache`], what recognition learnt about each word,
//!   kept across texts, and [`WordCaches`], caches lent to parallel jobs;
//! * `matcher`: [`TermMatcher`] and the lookup tables it builds from a
//!   glossary (a term's patterns and forms, indexed by first word), and
//!   the text filter: one automaton over every key, prefix and stem a
//!   term's word needs, so a text holding none of them (and no hyphen
//!   that suspends a compound) is known to hold no term without a look
//!   at its words (most sentences of news);
//! * `german`: finding the terms in one German text (word lookup, multi-word
//!   patterns, case, overlaps);
//! * `compound`: closed compounds (`Militärdiktatur`) and hyphen-joined
//!   spellings (`Kreml-Chef`);
//! * `english`: English renderings and phrases (stems, closed-up hyphens).

mod cache;
pub(crate) mod compound;
mod english;
mod german;
pub(crate) mod inflection;
mod matcher;

pub use cache::{LentCache, WordCache, WordCaches};
pub use matcher::TermMatcher;

/// How a term was found in German text, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HitKind {
    /// The term itself (case aside; `ß` = `ss`).
    Exact,
    /// One of the term's `forms`.
    Form,
    /// An inflected form, a prefix match, or a hyphen-joined spelling.
    Inflected,
    /// The head of a closed compound (`Militärdiktatur` for `Diktatur`): weaker evidence.
    Compound,
    /// The first or a middle part of a closed compound (`Flüchtlingslager`
    /// for `Flüchtling`, `Krankenhausbett` for `Krankenhaus`): the weakest
    /// evidence, since the compound means something else.
    Part,
}

impl HitKind {
    /// Lower-case name: `exact`, `form`, `inflected`, `compound`, `part`.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Exact => "exact",
            HitKind::Form => "form",
            HitKind::Inflected => "inflected",
            HitKind::Compound => "compound",
            HitKind::Part => "part",
        }
    }
}

/// A glossary term found in German text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TermHit {
    /// Index into `glossary.terms`.
    pub term: usize,
    /// Byte offset of the start of the match.
    pub start: usize,
    /// Byte offset one past the match.
    pub end: usize,
    /// How it was found.
    pub kind: HitKind,
}

/// An English phrase found in English text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhraseHit {
    /// Index into the phrase list that was searched for.
    pub phrase: usize,
    /// Byte offset of the start of the match.
    pub start: usize,
    /// Byte offset one past the match.
    pub end: usize,
}

/// Which list of a term an English rendering comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rendering {
    /// `en`: an approved translation.
    Approved,
    /// `forbidden`: a translation that must not be used.
    Forbidden,
}

/// A glossary rendering (approved or forbidden) found in English text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RenderingHit {
    /// Index into `glossary.terms`.
    pub term: usize,
    /// Which list of the term.
    pub rendering: Rendering,
    /// Index into that list (`term.en` or `term.forbidden`).
    pub index: usize,
    /// Byte offset of the start of the match.
    pub start: usize,
    /// Byte offset one past the match.
    pub end: usize,
}

#[cfg(test)]
#[path = "recognize_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "recognize_prefilter_tests.rs"]
mod prefilter_tests;
