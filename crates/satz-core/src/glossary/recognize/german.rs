//! Finding the glossary's terms in one German text
//! ([`TermMatcher::find_source`]): each distinct word is keyed and stemmed
//! once and looked up in the matcher's tables, the variants it may start
//! are tried word by word (with the case rule for case-sensitive terms),
//! and overlapping hits are pruned to the strongest and longest.
//!
//! What the tables say about a word depends on the word alone, so a caller
//! recognising terms in many sentences keeps it in a [`WordCache`] across
//! them ([`TermMatcher::find_source_cached`]): stemming and the table
//! look-ups are most of the cost, and the words of news text repeat.

use std::borrow::Cow;
use std::collections::HashMap;

use super::cache::WordCache;
use super::inflection::ending_ok;
use super::matcher::{Pat, TermMatcher};
use super::{HitKind, TermHit};
use crate::text::words::{
    Word, fold_umlauts, is_hyphen_gap, is_phrase_gap, key_into, swiss, words,
};

impl Pat {
    /// Whether the text word `surface` described by `info` fits this pattern.
    fn accepts(&self, surface: &str, info: &Info) -> bool {
        match self {
            Pat::Stem {
                stem,
                key,
                min_chars,
            } => {
                let noun = surface.chars().next().is_some_and(char::is_uppercase);
                info.stem.as_ref() == Some(stem)
                    && (!noun || info.key.chars().count() >= *min_chars)
                    && (!noun || ending_ok(key, &info.key))
            }
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
            Pat::Stem { stem, .. } => {
                let n = stem.chars().count();
                fold_umlauts(&s)
                    .chars()
                    .take(n)
                    .eq(fold_umlauts(cased).chars().take(n))
            }
        }
    }
}

/// What the matcher knows about one distinct word key of a text.
#[derive(Debug, Clone)]
pub(super) struct Info {
    /// The word's key (lower case, `ß` as `ss`).
    pub(super) key: String,
    /// The German stem of the key; `None` when it cannot matter: no stem
    /// of the tables occurs in the key ([`TermMatcher::needs_stem`]).
    pub(super) stem: Option<String>,
    /// Variants whose first pattern accepts this word.
    pub(super) first: Vec<usize>,
    /// (variant, char position in the key where the head starts, whether
    /// a noun may end so: see `inflection`).
    pub(super) compound: Vec<(usize, usize, bool)>,
    /// (variant, char range in the key) of terms that are a first or
    /// middle part of the word.
    pub(super) parts: Vec<(usize, usize, usize)>,
}

impl TermMatcher {
    /// What the tables say about one word key.
    pub(super) fn info(&self, k: String) -> Info {
        // Most keys have no umlaut: folded without a copy.
        let folded = if k.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü']) {
            Cow::Owned(fold_umlauts(&k))
        } else {
            Cow::Borrowed(k.as_str())
        };
        let stem = self
            .needs_stem(&folded)
            .then(|| self.stemmers.de_folded(folded.into_owned()));
        let mut first = Vec::new();
        if let Some(vs) = stem.as_ref().and_then(|s| self.by_stem.get(s)) {
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
        let compound = stem
            .as_deref()
            .map(|s| self.compound_heads(s, &k))
            .unwrap_or_default();
        let parts = self.parts.find(&k);
        Info {
            key: k,
            stem,
            first,
            compound,
            parts,
        }
    }

    /// The glossary terms found in German `text` (see the `recognize`
    /// module documentation for the rules), sorted by start, longer first.
    pub fn find_source(&self, text: &str) -> Vec<TermHit> {
        self.find_source_cached(text, &mut WordCache::new())
    }

    /// [`find_source`](Self::find_source), keeping what the tables say
    /// about each word in `cache` for the next texts: the same hits, found
    /// faster when words repeat across texts.
    pub fn find_source_cached(&self, text: &str, cache: &mut WordCache) -> Vec<TermHit> {
        self.find_source_in(text, &words(text), cache)
    }

    /// [`find_source_cached`](Self::find_source_cached) of `text` whose
    /// words `ws` are split already (its [`words`], or
    /// [`words_of_tokens`](crate::text::words::words_of_tokens) of its
    /// tokens): a caller that tokenises the text for other work too (the
    /// fuzzy look-up of `suggest`) splits it once. Words that are not
    /// `text`'s give no meaningful hits (but never a panic).
    pub fn find_source_in(
        &self,
        text: &str,
        ws: &[Word<'_>],
        cache: &mut WordCache,
    ) -> Vec<TermHit> {
        cache.prepare(self.id);
        if !self.may_hold_terms(text) {
            return Vec::new();
        }
        let mut tok: Vec<usize> = Vec::with_capacity(ws.len());
        // One key buffer for all words: most are in the cache already.
        let mut k = String::new();
        for w in ws {
            key_into(w.text, &mut k);
            tok.push(cache.id(&k, |key| self.info(key)));
        }
        let infos = &*cache.infos;

        let mut hits = Vec::new();
        let mut joined_cache: HashMap<String, Vec<usize>> = HashMap::new();
        let keys: Vec<&str> = tok
            .iter()
            .map(|&id| {
                #[allow(
                    clippy::indexing_slicing,
                    reason = "every id in tok is infos.len() at the push of its info, or a lookup of one"
                )]
                let info = &infos[id];
                info.key.as_str()
            })
            .collect();
        for (i, w) in ws.iter().enumerate() {
            let Some(info) = tok.get(i).and_then(|&id| infos.get(id)) else {
                continue;
            };
            self.suspended_hits(text, ws, &keys, i, &mut joined_cache, &mut hits);
            for &v in &info.first {
                if let Some(hit) = self.try_variant(text, ws, &tok, infos, i, v) {
                    hits.push(hit);
                }
            }
            self.compound_hits(w, info, &mut hits);
            self.part_hits(w, info, &mut hits);
            // Hyphen-joined spelling of a one-word term: Kreml-Chef.
            let Some(next) = ws.get(i + 1) else { continue };
            // Neighbouring words of text, w first: the gap always exists.
            let Some(gap) = text.get(w.end..next.start) else {
                continue;
            };
            if !is_hyphen_gap(gap) {
                continue;
            }
            let Some(next_info) = tok.get(i + 1).and_then(|&id| infos.get(id)) else {
                continue;
            };
            self.hyphen_joined_hits(w, info, next, next_info, &mut joined_cache, &mut hits);
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
            if !pat.accepts(w.text, info) {
                return None;
            }
            if j > 0 {
                let prev = ws.get(i + j - 1)?;
                if !is_phrase_gap(text.get(prev.end..w.start)?) {
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
