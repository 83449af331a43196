//! Compounds: a one-word term found as the head of a closed compound
//! (`Militärdiktatur` for `Diktatur`, [`HitKind::Compound`]) and a one-word
//! term written as two words joined by a hyphen (`Kreml-Chef` for
//! `Kremlchef`), or split by a suspended hyphen (`Atom- und
//! Raketenprogramm` holds `Atomprogramm`). Heads are indexed by stem when the matcher is built (also
//! as a compound would stem them, see `Stemmers::de_compound_key`), and a
//! text word's stem is looked up at every position after the first
//! [`MIN_COMPOUND_PREFIX`] letters.

use std::collections::HashMap;

use super::german::Info;
use super::matcher::{Pat, TermMatcher, Variant};
use super::{HitKind, TermHit};
use crate::glossary::stem::Stemmers;
use crate::text::words::{Word, is_hyphen, surface_offset};

/// The least number of letters before a compound head.
const MIN_COMPOUND_PREFIX: usize = 3;
/// The least number of letters of a stem found as a compound head.
const MIN_HEAD_STEM: usize = 4;
/// The longest compound (in bytes) looked for behind a suspended hyphen.
const MAX_SUSPENDED_COMPOUND: usize = 80;

/// Indexes variant `v` in `by_head` under its stem and under the stem it
/// has at the end of a compound, if it is a one-word `stem`-mode variant
/// (not a form) that is not case-sensitive; stems of fewer than
/// [`MIN_HEAD_STEM`] letters are left out.
pub(super) fn add_heads(
    by_head: &mut HashMap<String, Vec<usize>>,
    stemmers: &Stemmers,
    v: usize,
    variant: &Variant,
) {
    if let (false, None, [Pat::Stem { stem: s, .. }]) =
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

impl TermMatcher {
    /// (variant, char position where the head starts) of every term that
    /// ends `stem` after at least [`MIN_COMPOUND_PREFIX`] letters.
    pub(super) fn compound_heads(&self, stem: &str) -> Vec<(usize, usize)> {
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
        compound
    }

    /// Adds a [`HitKind::Compound`] hit for every compound head of word `w`
    /// (`info` is what the tables say about it); the span covers the head.
    pub(super) fn compound_hits(&self, w: &Word<'_>, info: &Info, hits: &mut Vec<TermHit>) {
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
    }

    /// Adds a hit for every one-word term written as `w` and `next` joined
    /// by a hyphen (`Kreml-Chef` for `Kremlchef`); `info` and `next_info`
    /// are what the tables say about the two words, `joined_cache` keeps the
    /// candidates of each joined key of the text.
    pub(super) fn hyphen_joined_hits(
        &self,
        w: &Word<'_>,
        info: &Info,
        next: &Word<'_>,
        next_info: &Info,
        joined_cache: &mut HashMap<String, Vec<usize>>,
        hits: &mut Vec<TermHit>,
    ) {
        let joined = format!("{}{}", info.key, next_info.key);
        self.joined_hits(joined, (w.start, next.end), joined_cache, hits);
    }

    /// Hits over `span` for the one-word, case-insensitive terms (or forms)
    /// that accept the word `joined`; the look-up is cached per word.
    fn joined_hits(
        &self,
        joined: String,
        (start, end): (usize, usize),
        joined_cache: &mut HashMap<String, Vec<usize>>,
        hits: &mut Vec<TermHit>,
    ) {
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
                    start,
                    end,
                    kind: if variant.form {
                        HitKind::Form
                    } else {
                        HitKind::Inflected
                    },
                });
            }
        }
    }

    /// Terms split by a suspended hyphen (German *Ergänzungsstrich*): the
    /// word `w` (at `i`) ends in `-` before a space or comma (`Atom- und
    /// Raketenprogramm`, `Kampf-, Transport- und Schulflugzeuge`); the
    /// compound it stands for is `w` joined to a head of the first complete
    /// word after it (skipping `und`, `oder`, `bzw.`, `sowie` and other
    /// suspended words). A one-word term that accepts such a joined word
    /// (`atom` + `programm`) is found over `w` and its hyphen.
    pub(super) fn suspended_hits(
        &self,
        text: &str,
        ws: &[Word<'_>],
        keys: &[&str],
        i: usize,
        joined_cache: &mut HashMap<String, Vec<usize>>,
        hits: &mut Vec<TermHit>,
    ) {
        let Some(w) = ws.get(i) else { return };
        let suspended = |j: usize| -> Option<usize> {
            let word = ws.get(j)?;
            let after = text.get(word.end..)?;
            let mut cs = after.chars();
            let hyphen = cs.next().filter(|&c| is_hyphen(c))?;
            matches!(cs.next(), Some(c) if c.is_whitespace() || c == ',')
                .then_some(word.end + hyphen.len_utf8())
        };
        let Some(end) = suspended(i) else { return };
        // The first complete word after the coordination.
        let mut j = i + 1;
        let head_word = loop {
            let Some(&k) = keys.get(j) else { return };
            if j > i + 6 {
                return;
            }
            if matches!(k, "und" | "oder" | "bzw" | "sowie") || suspended(j).is_some() {
                j += 1;
                continue;
            }
            break k;
        };
        let Some(&first) = keys.get(i) else { return };
        // No German compound is this long; a pathological word would cost
        // a look-up per letter, each linear in its length.
        if first.len() + head_word.len() > MAX_SUSPENDED_COMPOUND {
            return;
        }
        let chars: Vec<(usize, char)> = head_word.char_indices().collect();
        for (p, &(b, _)) in chars.iter().enumerate() {
            if p < MIN_COMPOUND_PREFIX || chars.len() - p < MIN_HEAD_STEM {
                continue;
            }
            let Some(head) = head_word.get(b..) else {
                continue;
            };
            self.joined_hits(format!("{first}{head}"), (w.start, end), joined_cache, hits);
        }
    }
}
