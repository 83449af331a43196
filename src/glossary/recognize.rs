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
//! of terms. A term is found
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
//! * as the head of a closed compound ([`HitKind::Compound`], the weakest
//!   kind): only for one-word terms in `stem` mode that are not
//!   `case_sensitive`, whose stem has at least 4 letters, when the stem is
//!   the end of the text word's stem and the part before it has at least 3
//!   letters (`Militärdiktatur` for `Diktatur`; `Aufrüstung` for `Rüstung`).
//!   The span covers the head only.
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
//! `close ranks`), never irregular forms (`went` for `go`).

use std::collections::HashMap;

use super::model::{Glossary, MatchMode};
use super::stem::Stemmers;
use crate::text::words::{
    Word, fold_umlauts, is_hyphen_gap, is_phrase_gap, key, surface_offset, swiss, words,
};

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
}

impl HitKind {
    /// Lower-case name: `exact`, `form`, `inflected`, `compound`.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Exact => "exact",
            HitKind::Form => "form",
            HitKind::Inflected => "inflected",
            HitKind::Compound => "compound",
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

/// What one word of a term pattern needs of the text word.
#[derive(Debug, Clone)]
enum Pat {
    /// Same German stem.
    Stem(String),
    /// Same key.
    Exact(String),
    /// Key starts with this.
    Prefix(String),
}

impl Pat {
    fn accepts(&self, info: &Info) -> bool {
        match self {
            Pat::Stem(s) => info.stem == *s,
            Pat::Exact(k) => info.key == *k,
            Pat::Prefix(p) => info.key.starts_with(p.as_str()),
        }
    }

    /// Whether `surface` agrees in case with `cased` (the term word, `swiss`).
    fn case_ok(&self, surface: &str, cased: &str) -> bool {
        let s = swiss(surface);
        match self {
            Pat::Exact(_) => s == cased,
            Pat::Prefix(p) => {
                let n = p.chars().count();
                s.chars().take(n).eq(cased.chars().take(n))
            }
            Pat::Stem(st) => {
                let n = st.chars().count();
                fold_umlauts(&s)
                    .chars()
                    .take(n)
                    .eq(fold_umlauts(cased).chars().take(n))
            }
        }
    }
}

/// One way a term can be written: its main pattern or one of its forms.
#[derive(Debug, Clone)]
struct Variant {
    term: usize,
    pats: Vec<Pat>,
    /// Keys of the term's words, to tell [`HitKind::Exact`] from inflected.
    keys: Vec<String>,
    /// The term's words with `ß` as `ss`, when the term is case-sensitive.
    cased: Option<Vec<String>>,
    form: bool,
}

/// What the matcher knows about one distinct word key of a text.
#[derive(Debug, Clone)]
struct Info {
    key: String,
    stem: String,
    /// Variants whose first pattern accepts this word.
    first: Vec<usize>,
    /// (variant, char position in the key where the head starts).
    compound: Vec<(usize, usize)>,
}

/// Finds glossary terms in German text and renderings in English text.
/// Build it once per glossary; it does not borrow the glossary.
#[derive(Debug)]
pub struct TermMatcher {
    stemmers: Stemmers,
    variants: Vec<Variant>,
    by_stem: HashMap<String, Vec<usize>>,
    by_exact: HashMap<String, Vec<usize>>,
    by_prefix: HashMap<String, Vec<usize>>,
    max_prefix_chars: usize,
    by_head: HashMap<String, Vec<usize>>,
    renderings: Vec<(usize, Rendering, usize)>,
    en_index: EnIndex,
    term_count: usize,
}

/// The least number of letters before a compound head.
const MIN_COMPOUND_PREFIX: usize = 3;
/// The least number of letters of a stem found as a compound head.
const MIN_HEAD_STEM: usize = 4;

impl TermMatcher {
    /// Builds the lookup tables for `glossary`. Terms whose `de` has no
    /// letter or digit can never be found.
    pub fn new(glossary: &Glossary) -> TermMatcher {
        let stemmers = Stemmers::new();
        let mut variants = Vec::new();
        for (t, term) in glossary.terms.iter().enumerate() {
            let ws = words(&term.de);
            if ws.is_empty() {
                continue;
            }
            let keys: Vec<String> = ws.iter().map(|w| key(w.text)).collect();
            let cased_all: Vec<String> = ws.iter().map(|w| swiss(w.text)).collect();
            let (pats, cased) = match &term.match_mode {
                MatchMode::Stem => (
                    keys.iter()
                        .map(|k| Pat::Stem(stemmers.de_key(k)))
                        .collect::<Vec<_>>(),
                    cased_all.clone(),
                ),
                MatchMode::Exact => (
                    keys.iter().cloned().map(Pat::Exact).collect(),
                    cased_all.clone(),
                ),
                MatchMode::Prefix => (
                    keys.iter().cloned().map(Pat::Prefix).collect(),
                    cased_all.clone(),
                ),
                MatchMode::CustomStem { stem } => custom_stem_pats(stem, &keys, &cased_all),
            };
            let n = pats.len();
            variants.push(Variant {
                term: t,
                pats,
                keys: keys.iter().take(n).cloned().collect(),
                cased: term.case_sensitive.then_some(cased),
                form: false,
            });
            for form in &term.forms {
                let fw = words(form);
                if fw.is_empty() {
                    continue;
                }
                let fkeys: Vec<String> = fw.iter().map(|w| key(w.text)).collect();
                variants.push(Variant {
                    term: t,
                    pats: fkeys.iter().cloned().map(Pat::Exact).collect(),
                    keys: fkeys,
                    cased: term
                        .case_sensitive
                        .then(|| fw.iter().map(|w| swiss(w.text)).collect()),
                    form: true,
                });
            }
        }

        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_exact: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_head: HashMap<String, Vec<usize>> = HashMap::new();
        let mut max_prefix_chars = 0;
        for (v, variant) in variants.iter().enumerate() {
            match variant.pats.first() {
                Some(Pat::Stem(s)) => by_stem.entry(s.clone()).or_default().push(v),
                Some(Pat::Exact(k)) => by_exact.entry(k.clone()).or_default().push(v),
                Some(Pat::Prefix(p)) => {
                    max_prefix_chars = max_prefix_chars.max(p.chars().count());
                    by_prefix.entry(p.clone()).or_default().push(v);
                }
                None => {}
            }
            if let (false, None, [Pat::Stem(s)]) =
                (variant.form, &variant.cased, variant.pats.as_slice())
            {
                let compound = variant
                    .keys
                    .first()
                    .and_then(|k| stemmers.de_compound_key(k));
                for head in std::iter::once(s.clone()).chain(compound) {
                    if head.chars().filter(|c| c.is_alphabetic()).count() >= MIN_HEAD_STEM {
                        let list = by_head.entry(head).or_default();
                        if !list.contains(&v) {
                            list.push(v);
                        }
                    }
                }
            }
        }

        let mut renderings = Vec::new();
        for (t, term) in glossary.terms.iter().enumerate() {
            for i in 0..term.en.len() {
                renderings.push((t, Rendering::Approved, i));
            }
            for i in 0..term.forbidden.len() {
                renderings.push((t, Rendering::Forbidden, i));
            }
        }
        let en_index = EnIndex::new(
            &stemmers,
            renderings
                .iter()
                .enumerate()
                .filter_map(|(owner, &(t, r, i))| {
                    let term = glossary.terms.get(t)?;
                    let list = match r {
                        Rendering::Approved => &term.en,
                        Rendering::Forbidden => &term.forbidden,
                    };
                    list.get(i).map(|p| (owner, p.as_str()))
                }),
        );

        TermMatcher {
            stemmers,
            variants,
            by_stem,
            by_exact,
            by_prefix,
            max_prefix_chars,
            by_head,
            renderings,
            en_index,
            term_count: glossary.terms.len(),
        }
    }

    /// The number of terms of the glossary this matcher was built from.
    pub fn term_count(&self) -> usize {
        self.term_count
    }

    /// What the tables say about one word key.
    fn info(&self, k: String) -> Info {
        let stem = self.stemmers.de_key(&k);
        let mut first = Vec::new();
        if let Some(vs) = self.by_stem.get(&stem) {
            first.extend_from_slice(vs);
        }
        if let Some(vs) = self.by_exact.get(&k) {
            first.extend_from_slice(vs);
        }
        if !self.by_prefix.is_empty() {
            for (i, (b, c)) in k.char_indices().enumerate() {
                if i >= self.max_prefix_chars {
                    break;
                }
                if let Some(vs) = k
                    .get(..b + c.len_utf8())
                    .and_then(|p| self.by_prefix.get(p))
                {
                    first.extend_from_slice(vs);
                }
            }
        }
        let mut compound = Vec::new();
        if !self.by_head.is_empty() {
            let mut letters = 0usize;
            for (p, (b, c)) in stem.char_indices().enumerate() {
                if letters >= MIN_COMPOUND_PREFIX
                    && let Some(vs) = stem.get(b..).and_then(|h| self.by_head.get(h))
                {
                    compound.extend(vs.iter().map(|&v| (v, p)));
                }
                if c.is_alphabetic() {
                    letters += 1;
                }
            }
        }
        Info {
            key: k,
            stem,
            first,
            compound,
        }
    }

    /// The glossary terms found in German `text` (see the module
    /// documentation for the rules), sorted by start, longer first.
    pub fn find_source(&self, text: &str) -> Vec<TermHit> {
        let ws = words(text);
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut infos: Vec<Info> = Vec::new();
        let mut tok: Vec<usize> = Vec::with_capacity(ws.len());
        for w in &ws {
            let k = key(w.text);
            let id = match index.get(&k) {
                Some(&id) => id,
                None => {
                    let id = infos.len();
                    index.insert(k.clone(), id);
                    infos.push(self.info(k));
                    id
                }
            };
            tok.push(id);
        }

        let mut hits = Vec::new();
        let mut joined_cache: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, w) in ws.iter().enumerate() {
            let Some(info) = tok.get(i).and_then(|&id| infos.get(id)) else {
                continue;
            };
            for &v in &info.first {
                if let Some(hit) = self.try_variant(text, &ws, &tok, &infos, i, v) {
                    hits.push(hit);
                }
            }
            for &(v, p) in &info.compound {
                if let Some(variant) = self.variants.get(v) {
                    hits.push(TermHit {
                        term: variant.term,
                        start: w.start + surface_offset(w.text, p),
                        end: w.end,
                        kind: HitKind::Compound,
                    });
                }
            }
            // Hyphen-joined spelling of a one-word term: Kreml-Chef.
            let Some(next) = ws.get(i + 1) else { continue };
            let gap = text.get(w.end..next.start).unwrap_or("");
            if !is_hyphen_gap(gap) {
                continue;
            }
            let Some(next_info) = tok.get(i + 1).and_then(|&id| infos.get(id)) else {
                continue;
            };
            let joined = format!("{}{}", info.key, next_info.key);
            let candidates = joined_cache
                .entry(joined)
                .or_insert_with_key(|j| self.info(j.clone()).first);
            for &v in candidates.iter() {
                let Some(variant) = self.variants.get(v) else {
                    continue;
                };
                if variant.pats.len() == 1 && variant.cased.is_none() {
                    hits.push(TermHit {
                        term: variant.term,
                        start: w.start,
                        end: next.end,
                        kind: if variant.form {
                            HitKind::Form
                        } else {
                            HitKind::Inflected
                        },
                    });
                }
            }
        }
        prune(hits)
    }

    /// Tries variant `v` at word `i`; the first word is known to match by key.
    fn try_variant(
        &self,
        text: &str,
        ws: &[Word<'_>],
        tok: &[usize],
        infos: &[Info],
        i: usize,
        v: usize,
    ) -> Option<TermHit> {
        let variant = self.variants.get(v)?;
        let mut exact = true;
        let mut end = 0;
        for (j, pat) in variant.pats.iter().enumerate() {
            let w = ws.get(i + j)?;
            let info = infos.get(*tok.get(i + j)?)?;
            if j > 0 {
                let prev = ws.get(i + j - 1)?;
                if !is_phrase_gap(text.get(prev.end..w.start)?) || !pat.accepts(info) {
                    return None;
                }
            }
            if let Some(cased) = &variant.cased
                && !pat.case_ok(w.text, cased.get(j)?)
            {
                return None;
            }
            exact &= variant.keys.get(j) == Some(&info.key);
            end = w.end;
        }
        let start = ws.get(i)?.start;
        Some(TermHit {
            term: variant.term,
            start,
            end,
            kind: if variant.form {
                HitKind::Form
            } else if exact {
                HitKind::Exact
            } else {
                HitKind::Inflected
            },
        })
    }

    /// Where any of the English `phrases` occur in `text` (see the module
    /// documentation); [`PhraseHit::phrase`] indexes `phrases`. Sorted by
    /// start, longer first; one hit per phrase and span.
    pub fn find_target(&self, text: &str, phrases: &[&str]) -> Vec<PhraseHit> {
        let index = EnIndex::new(&self.stemmers, phrases.iter().copied().enumerate());
        index
            .find(&self.stemmers, text)
            .into_iter()
            .map(|(phrase, start, end)| PhraseHit { phrase, start, end })
            .collect()
    }

    /// Every approved and forbidden rendering of every glossary term found
    /// in English `text`, sorted by start, longer first.
    pub fn find_renderings(&self, text: &str) -> Vec<RenderingHit> {
        self.en_index
            .find(&self.stemmers, text)
            .into_iter()
            .filter_map(|(owner, start, end)| {
                let &(term, rendering, index) = self.renderings.get(owner)?;
                Some(RenderingHit {
                    term,
                    rendering,
                    index,
                    start,
                    end,
                })
            })
            .collect()
    }
}

/// Patterns for a custom stem `stem` of a term with word `keys` (and
/// case-kept words `cased`): earlier words exact, the word in which the
/// stem ends by prefix, later words dropped.
fn custom_stem_pats(stem: &str, keys: &[String], cased: &[String]) -> (Vec<Pat>, Vec<String>) {
    let sw = words(stem);
    let n = sw.len();
    if n == 0 || n > keys.len() {
        return (
            keys.iter().cloned().map(Pat::Exact).collect(),
            cased.to_vec(),
        );
    }
    let mut pats: Vec<Pat> = keys.iter().take(n - 1).cloned().map(Pat::Exact).collect();
    let mut cs: Vec<String> = cased.iter().take(n - 1).cloned().collect();
    if let Some(last) = sw.last() {
        pats.push(Pat::Prefix(key(last.text)));
        cs.push(swiss(last.text));
    }
    (pats, cs)
}

/// One hit per (term, span) with the strongest kind; hits strictly inside
/// another hit dropped; sorted by start, longer first.
fn prune(mut hits: Vec<TermHit>) -> Vec<TermHit> {
    hits.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.term.cmp(&b.term))
            .then(a.kind.cmp(&b.kind))
    });
    hits.dedup_by(|later, earlier| {
        later.start == earlier.start && later.end == earlier.end && later.term == earlier.term
    });
    let mut out: Vec<TermHit> = Vec::with_capacity(hits.len());
    let mut widest: Option<(usize, usize)> = None;
    for h in hits {
        let contained = widest.is_some_and(|(s, e)| e >= h.end && (s, e) != (h.start, h.end));
        if !contained {
            out.push(h);
        }
        if widest.is_none_or(|(_, e)| h.end > e) {
            widest = Some((h.start, h.end));
        }
    }
    out
}

/// English phrases stemmed for lookup.
#[derive(Debug, Default)]
struct EnIndex {
    /// (owner, stems) per phrase spelling.
    phrases: Vec<(usize, Vec<String>)>,
    by_first: HashMap<String, Vec<usize>>,
}

/// At most this many hyphens of a phrase are tried closed up (2^n spellings).
const MAX_JOINABLE_HYPHENS: usize = 3;

impl EnIndex {
    fn new<'a>(
        stemmers: &Stemmers,
        phrases: impl IntoIterator<Item = (usize, &'a str)>,
    ) -> EnIndex {
        let mut index = EnIndex::default();
        for (owner, phrase) in phrases {
            let ws = words(phrase);
            if ws.is_empty() {
                continue;
            }
            let keys: Vec<String> = ws.iter().map(|w| key(w.text)).collect();
            // Positions j where word j and j+1 are joined by a single hyphen.
            let hyphens: Vec<usize> = ws
                .windows(2)
                .enumerate()
                .filter(|(_, pair)| match pair {
                    [a, b] => phrase.get(a.end..b.start).is_some_and(is_hyphen_gap),
                    _ => false,
                })
                .map(|(j, _)| j)
                .take(MAX_JOINABLE_HYPHENS)
                .collect();
            for mask in 0u32..(1u32 << hyphens.len()) {
                let mut spelled: Vec<String> = Vec::with_capacity(keys.len());
                let mut join_next = false;
                for (j, k) in keys.iter().enumerate() {
                    if join_next {
                        if let Some(last) = spelled.last_mut() {
                            last.push_str(k);
                        }
                    } else {
                        spelled.push(k.clone());
                    }
                    join_next = hyphens
                        .iter()
                        .position(|&h| h == j)
                        .is_some_and(|bit| mask & (1 << bit) != 0);
                }
                let stems: Vec<String> = spelled.iter().map(|w| stemmers.en(w)).collect();
                if index
                    .phrases
                    .iter()
                    .any(|(o, s)| *o == owner && *s == stems)
                {
                    continue;
                }
                if let Some(first) = stems.first() {
                    let id = index.phrases.len();
                    index.by_first.entry(first.clone()).or_default().push(id);
                    index.phrases.push((owner, stems));
                }
            }
        }
        index
    }

    /// (owner, start, end) of every phrase found, deduplicated, sorted.
    fn find(&self, stemmers: &Stemmers, text: &str) -> Vec<(usize, usize, usize)> {
        if self.phrases.is_empty() {
            return Vec::new();
        }
        let ws = words(text);
        let mut cache: HashMap<String, String> = HashMap::new();
        let stems: Vec<String> = ws
            .iter()
            .map(|w| {
                let k = key(w.text);
                cache
                    .entry(k)
                    .or_insert_with_key(|k| stemmers.en(k))
                    .clone()
            })
            .collect();
        let mut out = Vec::new();
        for (i, stem) in stems.iter().enumerate() {
            let Some(ids) = self.by_first.get(stem) else {
                continue;
            };
            for &id in ids {
                let Some((owner, pstems)) = self.phrases.get(id) else {
                    continue;
                };
                if let Some((start, end)) = match_at(text, &ws, &stems, i, pstems) {
                    out.push((*owner, start, end));
                }
            }
        }
        out.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        out.dedup();
        out
    }
}

/// Span of the phrase `pstems` at word `i`, if the words match.
fn match_at(
    text: &str,
    ws: &[Word<'_>],
    stems: &[String],
    i: usize,
    pstems: &[String],
) -> Option<(usize, usize)> {
    for (j, ps) in pstems.iter().enumerate() {
        if stems.get(i + j)? != ps {
            return None;
        }
        if j > 0 {
            let (prev, w) = (ws.get(i + j - 1)?, ws.get(i + j)?);
            if !is_phrase_gap(text.get(prev.end..w.start)?) {
                return None;
            }
        }
    }
    let start = ws.get(i)?.start;
    let end = ws.get(i + pstems.len().checked_sub(1)?)?.end;
    Some((start, end))
}

#[cfg(test)]
#[path = "recognize_tests.rs"]
mod tests;
