//! The neutral entry every import format is read into ([`Entry`]: one TBX
//! concept, one OmegaT line, one CSV row) and its conversion into glossary
//! terms for a language pair ([`convert`]).
//!
//! # From an entry to terms
//!
//! * **Languages.** As the command-line contract says (README, global
//!   options): a glossary language without a region
//!   (`de`) takes every group of that language, in any case and with `_`
//!   read as `-` (`DE-de`, `de_CH`); one with a region (`en-GB`) takes the
//!   groups of exactly that region, or, when there are none, the groups
//!   without a region (`en`), never another region (`en-US`). So a file
//!   with `en-GB` and `en-US` does not mix them into an `en-GB` glossary. Positional files (OmegaT) have no tags: their
//!   first column is the source and the second the target.
//! * **German terms.** Every source term that is not a `variant`
//!   (TBX `termType`) becomes its own glossary entry with the entry's
//!   translations: the main one (the first `preferred`, else the first not
//!   `deprecated`, else the first) also gets the `variant`s as `forms`.
//! * **Translations.** Target terms marked preferred come first, then the
//!   admitted and unmarked ones, in file order; deprecated, superseded,
//!   not-recommended and obsolete ones become `forbidden`. An entry without
//!   an approved translation is skipped (the glossary needs one).
//! * **Note.** The entry's notes and definitions, then the source group's,
//!   the German term's own, the target group's and the target terms' (where
//!   there are several translations, after the one it belongs to: `attack
//!   war: a calque`), each once, joined by line breaks.

use std::collections::HashSet;

use crate::glossary::{MatchMode, Status, Term};
use crate::lang::Lang;

/// Which language a group of terms is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LangKey {
    /// A language tag as the file wrote it (`de`, `EN-GB`).
    Tag(String),
    /// The source column of a file without language tags.
    Source,
    /// The target column of a file without language tags.
    Target,
}

/// The usage status a file gives a term, reduced to what a glossary holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermStatus {
    /// Preferred (also TBX `standardizedTerm`).
    Preferred,
    /// Admitted (also `legalTerm`, `regulatedTerm`).
    Admitted,
    /// Not to be used: deprecated, superseded, not recommended, obsolete.
    Deprecated,
}

impl TermStatus {
    /// Reads the status values of TBX-Basic (`preferredTerm-admn-sts`), TBX
    /// 2008 `normativeAuthorization` (`deprecatedTerm`), TBX-Min
    /// `usageStatus` (`notRecommended`) and plain words, in any case.
    pub fn parse(value: &str) -> Option<TermStatus> {
        let v: String = value
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .collect();
        let v = v.strip_suffix("admnsts").unwrap_or(&v);
        let v = v.strip_suffix("term").unwrap_or(v);
        match v {
            "preferred" | "standardized" | "standardised" | "bevorzugt" | "vorzugsbenennung" => {
                Some(TermStatus::Preferred)
            }
            "admitted" | "legal" | "regulated" | "approved" | "permitted" | "allowed"
            | "zugelassen" | "erlaubt" | "freigegeben" => Some(TermStatus::Admitted),
            "deprecated" | "superseded" | "notrecommended" | "obsolete" | "forbidden"
            | "prohibited" | "rejected" | "donotuse" | "verboten" | "abgelehnt" | "veraltet"
            | "nichtempfohlen" | "nichtverwenden" | "unzulässig" => Some(TermStatus::Deprecated),
            _ => None,
        }
    }
}

/// One term of an entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EntryTerm {
    /// The term.
    pub text: String,
    /// Its status, if the file gives one.
    pub status: Option<TermStatus>,
    /// Part of speech as written.
    pub pos: Option<String>,
    /// A variant spelling or form (TBX `termType` `variant`): becomes a
    /// `forms` value on the source side.
    pub variant: bool,
    /// Notes and definitions on the term.
    pub notes: Vec<String>,
    /// satz's `match` setting, carried by a `<?satz?>` instruction.
    pub match_mode: Option<String>,
    /// satz's `case_sensitive`, carried by a `<?satz?>` instruction.
    pub case_sensitive: bool,
}

impl EntryTerm {
    /// A term with only its text.
    pub fn new(text: impl Into<String>) -> EntryTerm {
        EntryTerm {
            text: text.into(),
            ..EntryTerm::default()
        }
    }
}

/// The terms of one language of an entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LangGroup {
    /// The language.
    pub lang: LangKey,
    /// Its terms, in file order.
    pub terms: Vec<EntryTerm>,
    /// Notes and definitions on the language section.
    pub notes: Vec<String>,
}

impl LangGroup {
    /// A group with no notes.
    pub fn new(lang: LangKey, terms: Vec<EntryTerm>) -> LangGroup {
        LangGroup {
            lang,
            terms,
            notes: Vec::new(),
        }
    }
}

/// Settings a row-based file gives in columns of their own (`pos`,
/// `status`, `forms`, ...): they apply to the main source term.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceExtra {
    /// Part of speech.
    pub pos: Option<String>,
    /// Status of the source term.
    pub status: Option<TermStatus>,
    /// Extra surface forms.
    pub forms: Vec<String>,
    /// satz's `case_sensitive`.
    pub case_sensitive: bool,
    /// satz's `match`.
    pub match_mode: Option<String>,
}

/// One entry of an import file: a concept with terms in several languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    /// 1-based line where the entry starts in the file.
    pub line: usize,
    /// Its language groups, in file order.
    pub groups: Vec<LangGroup>,
    /// Notes and definitions on the whole entry.
    pub notes: Vec<String>,
    /// Forbidden translations given apart from the target terms (a CSV
    /// `forbidden` column, a `[forbidden: ...]` comment).
    pub forbidden: Vec<String>,
    /// Source-term settings from columns of their own.
    pub extra: SourceExtra,
}

impl Entry {
    /// The language tags of the entry's groups, as written, each once.
    pub fn languages(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for g in &self.groups {
            let name = match &g.lang {
                LangKey::Tag(t) => t.clone(),
                LangKey::Source => "source column".to_owned(),
                LangKey::Target => "target column".to_owned(),
            };
            if !out.contains(&name) {
                out.push(name);
            }
        }
        out
    }
}

/// Why an entry gave no term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// No term in the source language.
    NoSource,
    /// No term in the target language.
    NoTarget,
    /// Target terms, but all of them not to be used.
    OnlyForbidden,
    /// The term would not be a valid glossary entry.
    Invalid(String),
}

/// How well a file's language tag fits the glossary's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    No,
    /// Same language, another region (`en-US` for `en-GB`).
    OtherRegion,
    /// Same language; one of the two tags has no region.
    Primary,
    Exact,
}

fn fit(file_tag: &Lang, want: &Lang) -> Fit {
    let same_primary = !want.is_empty() && file_tag.primary() == want.primary();
    let same_rest = file_tag
        .rest()
        .map(str::to_ascii_lowercase)
        .eq(want.rest().map(str::to_ascii_lowercase));
    if same_primary && same_rest {
        Fit::Exact
    } else if same_primary {
        if file_tag.rest().next().is_some() && want.rest().next().is_some() {
            Fit::OtherRegion
        } else {
            Fit::Primary
        }
    } else {
        Fit::No
    }
}

/// The groups of `entry` in the language `want` (or at the positional
/// `role`), exact matches only when there are any.
fn select<'a>(entry: &'a Entry, role: &LangKey, want: &str) -> Vec<&'a LangGroup> {
    let want = Lang::new(want);
    let fits: Vec<(Fit, &LangGroup)> = entry
        .groups
        .iter()
        .map(|g| {
            let f = match &g.lang {
                LangKey::Tag(t) => fit(&Lang::new(t), &want),
                other if other == role => Fit::Exact,
                _ => Fit::No,
            };
            (f, g)
        })
        .collect();
    // A glossary in `de` takes every `de` group, any region; one in `en-GB`
    // takes `en-GB` (else plain `en`), never `en-US`.
    let regional = want.rest().next().is_some();
    if !regional {
        return fits
            .into_iter()
            .filter(|(f, _)| *f >= Fit::Primary)
            .map(|(_, g)| g)
            .collect();
    }
    // No language group at all: nothing fits.
    let best = fits.iter().map(|(f, _)| *f).max().unwrap_or(Fit::No);
    if best <= Fit::OtherRegion {
        return Vec::new();
    }
    fits.into_iter()
        .filter(|(f, _)| *f == best)
        .map(|(_, g)| g)
        .collect()
}

/// Whether `entry` has a group in language `want` (or at `role`).
pub fn has_language(entry: &Entry, role: &LangKey, want: &str) -> bool {
    !select(entry, role, want).is_empty()
}

fn push_unique(out: &mut Vec<String>, seen: &mut HashSet<String>, value: &str) {
    let v = value.trim();
    if !v.is_empty() && seen.insert(v.to_owned()) {
        out.push(v.to_owned());
    }
}

/// The non-blank notes of `lists`, each once, as written (a note's own
/// surrounding spaces are kept: formats that can hold them give them back).
fn notes_of<'a>(lists: impl IntoIterator<Item = &'a Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for list in lists {
        for n in list {
            if !n.trim().is_empty() && !out.contains(n) {
                out.push(n.clone());
            }
        }
    }
    out
}

/// The glossary terms `entry` gives for the pair `source` → `target`, or
/// why it gives none (see the module documentation for the rules).
pub fn convert(entry: &Entry, source: &str, target: &str) -> Result<Vec<Term>, SkipReason> {
    let src = select(entry, &LangKey::Source, source);
    let tgt = select(entry, &LangKey::Target, target);
    let src_terms = non_empty_terms(&src);
    let mut heads: Vec<&EntryTerm> = src_terms.iter().copied().filter(|t| !t.variant).collect();
    let mut variants: Vec<&EntryTerm> = src_terms.iter().copied().filter(|t| t.variant).collect();
    if heads.is_empty() {
        heads = std::mem::take(&mut variants);
    }
    if heads.is_empty() {
        return Err(SkipReason::NoSource);
    }
    let tgt_terms = non_empty_terms(&tgt);
    let (approved, forbidden) = translations(entry, &tgt_terms)?;
    let main = main_head(&heads);
    let shared = Shared {
        entry,
        src: &src,
        tgt: &tgt,
        approved,
        forbidden,
        variants,
        any_pos: src_terms
            .iter()
            .find_map(|t| t.pos.clone())
            .or_else(|| entry.extra.pos.clone())
            .filter(|p| !p.trim().is_empty()),
        tgt_term_notes: target_term_notes(&tgt_terms),
    };
    // The main term first: it carries the forms.
    let order = std::iter::once(main).chain((0..heads.len()).filter(|&i| i != main));
    let mut out: Vec<Term> = Vec::new();
    let mut made = HashSet::new();
    for i in order {
        let Some(head) = heads.get(i) else { continue };
        if made.insert(head.text.trim().to_owned()) {
            out.push(shared.term(head, i == main)?);
        }
    }
    Ok(out)
}

/// The terms of `groups` with text, in file order.
fn non_empty_terms<'a>(groups: &[&'a LangGroup]) -> Vec<&'a EntryTerm> {
    groups
        .iter()
        .flat_map(|g| g.terms.iter())
        .filter(|t| !t.text.trim().is_empty())
        .collect()
}

/// The approved translations (preferred first, then admitted and unmarked
/// ones) and the forbidden ones (deprecated, and the entry's own), each
/// once; an error when there is no approved one.
fn translations(
    entry: &Entry,
    tgt_terms: &[&EntryTerm],
) -> Result<(Vec<String>, Vec<String>), SkipReason> {
    let mut approved = Vec::new();
    let mut seen = HashSet::new();
    for want_preferred in [true, false] {
        for t in tgt_terms {
            let preferred = t.status == Some(TermStatus::Preferred);
            if preferred == want_preferred && t.status != Some(TermStatus::Deprecated) {
                push_unique(&mut approved, &mut seen, &t.text);
            }
        }
    }
    let mut forbidden = Vec::new();
    for t in tgt_terms {
        if t.status == Some(TermStatus::Deprecated) {
            push_unique(&mut forbidden, &mut seen, &t.text);
        }
    }
    for f in &entry.forbidden {
        push_unique(&mut forbidden, &mut seen, f);
    }
    if approved.is_empty() {
        return Err(if forbidden.is_empty() {
            SkipReason::NoTarget
        } else {
            SkipReason::OnlyForbidden
        });
    }
    Ok((approved, forbidden))
}

/// The index of the main German term: the first preferred, else the first
/// not deprecated, else the first (0: every term is deprecated).
fn main_head(heads: &[&EntryTerm]) -> usize {
    heads
        .iter()
        .position(|t| t.status == Some(TermStatus::Preferred))
        .or_else(|| {
            heads
                .iter()
                .position(|t| t.status != Some(TermStatus::Deprecated))
        })
        .unwrap_or(0)
}

/// The notes of each target term; with several translations each says
/// which it is about (`attack war: a calque, do not use`).
fn target_term_notes(tgt_terms: &[&EntryTerm]) -> Vec<Vec<String>> {
    let several = tgt_terms.len() > 1;
    tgt_terms
        .iter()
        .map(|t| {
            t.notes
                .iter()
                .filter(|n| !n.trim().is_empty())
                .map(|n| {
                    if several {
                        format!("{}: {}", t.text.trim(), n.trim())
                    } else {
                        n.clone()
                    }
                })
                .collect()
        })
        .collect()
}

/// What every term made from one entry shares.
struct Shared<'a> {
    entry: &'a Entry,
    src: &'a [&'a LangGroup],
    tgt: &'a [&'a LangGroup],
    approved: Vec<String>,
    forbidden: Vec<String>,
    /// The source terms marked as variants: the main term's forms.
    variants: Vec<&'a EntryTerm>,
    /// The first part of speech of any source term or of the entry.
    any_pos: Option<String>,
    tgt_term_notes: Vec<Vec<String>>,
}

impl Shared<'_> {
    /// The glossary term of German term `head`; the `main` one also takes
    /// the variants as forms and the entry's extra settings.
    fn term(&self, head: &EntryTerm, main: bool) -> Result<Term, SkipReason> {
        let entry = self.entry;
        let de = head.text.trim().to_owned();
        let notes = notes_of(
            std::iter::once(&entry.notes)
                .chain(self.src.iter().map(|g| &g.notes))
                .chain(std::iter::once(&head.notes))
                .chain(self.tgt.iter().map(|g| &g.notes))
                .chain(self.tgt_term_notes.iter()),
        );
        let mut term = Term::new(de.clone(), self.approved.clone());
        term.forbidden.clone_from(&self.forbidden);
        term.note = (!notes.is_empty()).then(|| notes.join("\n"));
        term.pos = head
            .pos
            .clone()
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .or_else(|| self.any_pos.clone().map(|p| p.trim().to_owned()));
        let status = head.status.or(if main { entry.extra.status } else { None });
        term.status = status.map(|s| match s {
            TermStatus::Preferred => Status::Preferred,
            TermStatus::Admitted => Status::Admitted,
            TermStatus::Deprecated => Status::Deprecated,
        });
        if main {
            let mut seen_forms = HashSet::new();
            let extra = entry.extra.forms.iter().map(String::as_str);
            for f in self.variants.iter().map(|v| v.text.as_str()).chain(extra) {
                if f.trim() != de {
                    push_unique(&mut term.forms, &mut seen_forms, f);
                }
            }
        }
        let main_extra = main.then_some(&entry.extra);
        term.case_sensitive = head.case_sensitive || main_extra.is_some_and(|x| x.case_sensitive);
        let match_mode = head
            .match_mode
            .as_ref()
            .or(main_extra.and_then(|x| x.match_mode.as_ref()));
        if let Some(m) = match_mode {
            term.match_mode =
                MatchMode::from_toml(m, &term.de).map_err(|e| SkipReason::Invalid(e.clone()))?;
        }
        term.validate()
            .map_err(|e| SkipReason::Invalid(e.to_string()))?;
        Ok(term)
    }
}

#[cfg(test)]
mod tests;
