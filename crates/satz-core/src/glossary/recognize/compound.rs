//! Compounds: a one-word term found as the head of a closed compound
//! (`Militärdiktatur` for `Diktatur`, [`HitKind::Compound`]) and a one-word
//! term written as two words joined by a hyphen (`Kreml-Chef` for
//! `Kremlchef`), or split by a suspended hyphen (`Atom- und
//! Raketenprogramm` holds `Atomprogramm`). Heads are indexed by stem when
//! the matcher is built (also as a compound would stem them, see
//! `Stemmers::de_compound_key`), and a text word's stem is looked up at
//! every position after the first [`MIN_COMPOUND_PREFIX`] letters that
//! leaves a rest no longer than the longest indexed head, so a word costs
//! time linear in its length (a 40,000-letter word is no slower per letter
//! than a short one).

use std::collections::HashMap;

use aho_corasick::AhoCorasick;

use super::german::Info;
use super::inflection::ending_ok;
use super::matcher::{Pat, TermMatcher, Variant, learning_automaton};
use super::{HitKind, TermHit};
use crate::glossary::stem::Stemmers;
use crate::text::words::{Word, is_hyphen, surface_offset};

/// The least number of letters before a compound head.
const MIN_COMPOUND_PREFIX: usize = 3;
/// The least number of letters of a stem found as a compound head.
const MIN_HEAD_STEM: usize = 4;
/// The longest compound (in bytes) looked for behind a suspended hyphen.
const MAX_SUSPENDED_COMPOUND: usize = 80;

/// The stems a compound may end in, with the variants each one is the head
/// of.
#[derive(Debug, Default)]
pub(super) struct Heads {
    by_stem: HashMap<String, Vec<usize>>,
    /// The longest stem in `by_stem`, in bytes: no head is longer.
    max_len: usize,
}

impl Heads {
    /// Every stem a head is indexed by.
    pub(super) fn stems(&self) -> impl Iterator<Item = &str> {
        self.by_stem.keys().map(String::as_str)
    }

    /// Indexes variant `v` under its stem and under the stem it has at the
    /// end of a compound, if it is a one-word `stem`-mode variant (not a
    /// form) that is not case-sensitive; stems of fewer than
    /// [`MIN_HEAD_STEM`] letters are left out.
    pub(super) fn add(&mut self, stemmers: &Stemmers, v: usize, variant: &Variant) {
        if let (false, None, [Pat::Stem { stem: s, .. }]) =
            (variant.form, &variant.cased, variant.pats.as_slice())
        {
            let compound = variant
                .keys
                .first()
                .and_then(|k| stemmers.de_compound_key(k));
            for head in std::iter::once(s.clone()).chain(compound) {
                if head.chars().filter(|c| c.is_alphabetic()).count() >= MIN_HEAD_STEM {
                    self.max_len = self.max_len.max(head.len());
                    let list = self.by_stem.entry(head).or_default();
                    if !list.contains(&v) {
                        list.push(v);
                    }
                }
            }
        }
    }
}

impl TermMatcher {
    /// (variant, char position where the head starts, whether a noun may
    /// end so) of every term that ends `stem` (of the word `key`) after at
    /// least
    /// [`MIN_COMPOUND_PREFIX`] letters, with the endings the term allows
    /// when the word is a noun (`Sonderermittler` does not end in
    /// `Ermittlung`; the verb `aufrüsten` may still be `Aufrüstung`).
    pub(super) fn compound_heads(&self, stem: &str, key: &str) -> Vec<(usize, usize, bool)> {
        let mut compound = Vec::new();
        if !self.by_head.by_stem.is_empty() {
            // A rest longer than every head is no head: not hashed.
            let first = stem.len().saturating_sub(self.by_head.max_len);
            let mut letters = 0usize;
            for (p, (b, c)) in stem.char_indices().enumerate() {
                if letters >= MIN_COMPOUND_PREFIX
                    && b >= first
                    && let Some(vs) = stem.get(b..).and_then(|h| self.by_head.by_stem.get(h))
                {
                    let head: String = key.chars().skip(p).collect();
                    compound.extend(vs.iter().map(|&v| (v, p, self.head_ending_ok(v, &head))));
                }
                if c.is_alphabetic() {
                    letters += 1;
                }
            }
        }
        compound
    }

    /// [`TermMatcher::compound_heads`] without the bound on a head's
    /// length: every rest of the stem is looked up (the brute-force twin
    /// the tests compare it with).
    #[cfg(test)]
    pub(super) fn compound_heads_unbounded(
        &self,
        stem: &str,
        key: &str,
    ) -> Vec<(usize, usize, bool)> {
        let mut compound = Vec::new();
        let mut letters = 0usize;
        for (p, (b, c)) in stem.char_indices().enumerate() {
            if letters >= MIN_COMPOUND_PREFIX
                && let Some(vs) = stem.get(b..).and_then(|h| self.by_head.by_stem.get(h))
            {
                let head: String = key.chars().skip(p).collect();
                compound.extend(vs.iter().map(|&v| (v, p, self.head_ending_ok(v, &head))));
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        compound
    }

    /// Whether `head` (the end of a text word) may be variant `v`'s word
    /// inflected.
    fn head_ending_ok(&self, v: usize, head: &str) -> bool {
        match self.variants.get(v).map(|x| x.pats.as_slice()) {
            Some([Pat::Stem { key, .. }]) => ending_ok(key, head),
            _ => true,
        }
    }

    /// Adds a [`HitKind::Part`] hit for every term that is a first or
    /// middle part of word `w` (`info` is what the tables say about it).
    /// Only in nouns (capitalised): a lower-case word made from a term is
    /// a verb or adjective (`sanktionieren`), not a compound.
    pub(super) fn part_hits(&self, w: &Word<'_>, info: &Info, hits: &mut Vec<TermHit>) {
        if !w.text.chars().next().is_some_and(char::is_uppercase) {
            return;
        }
        for &(v, from, to) in &info.parts {
            if let Some(variant) = self.variants.get(v) {
                hits.push(TermHit {
                    term: variant.term,
                    start: w.start + surface_offset(w.text, from),
                    end: w.start + surface_offset(w.text, to),
                    kind: HitKind::Part,
                });
            }
        }
    }

    /// Adds a [`HitKind::Compound`] hit for every compound head of word `w`
    /// (`info` is what the tables say about it); the span covers the head.
    pub(super) fn compound_hits(&self, w: &Word<'_>, info: &Info, hits: &mut Vec<TermHit>) {
        let noun = w.text.chars().next().is_some_and(char::is_uppercase);
        for &(v, p, noun_ok) in &info.compound {
            if noun && !noun_ok {
                continue;
            }
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

/// Linking elements (*Fugenelemente*) between a compound's parts, longest
/// first: `Flüchtling|s|lager`, `Aktie|n|kurs`, `Kind|er|garten`.
pub(crate) const LINKS: [&str; 7] = ["es", "en", "er", "s", "n", "e", ""];
/// The least number of letters of the rest of a compound after a part.
const MIN_PART_REST: usize = 4;

/// One-word terms as parts of closed compounds: an Aho-Corasick automaton
/// over their keys, so a word is searched once for all of them.
#[derive(Debug, Default)]
pub(super) struct Parts {
    automaton: Option<AhoCorasick>,
    /// The variant of each pattern.
    variants: Vec<usize>,
}

impl Parts {
    /// The automaton over the keys of the one-word, case-insensitive
    /// `stem`-mode terms of at least [`MIN_HEAD_STEM`] letters.
    pub(super) fn new(variants: &[Variant]) -> Parts {
        let mut keys = Vec::new();
        let mut owners = Vec::new();
        for (v, variant) in variants.iter().enumerate() {
            if let (false, None, [Pat::Stem { key, .. }]) =
                (variant.form, &variant.cased, variant.pats.as_slice())
                && key.chars().filter(|c| c.is_alphabetic()).count() >= MIN_HEAD_STEM
            {
                keys.push(key.clone());
                owners.push(v);
            }
        }
        Parts {
            automaton: (!keys.is_empty())
                .then(|| learning_automaton(&keys))
                .flatten(),
            variants: owners,
        }
    }

    /// (variant, char range) of every term that is the first part of the
    /// word `key`, or a middle part after at least [`MIN_COMPOUND_PREFIX`]
    /// letters, with a rest of at least [`MIN_PART_REST`] letters after a
    /// linking element; a rest that is the feminine `-in`/`-innen` makes
    /// no compound (`Chefinnen`; but `Chefinspektor` is one).
    pub(super) fn find(&self, key: &str) -> Vec<(usize, usize, usize)> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for m in ac.find_overlapping_iter(key) {
            let (Some(before), Some(rest)) = (key.get(..m.start()), key.get(m.end()..)) else {
                continue;
            };
            let before_letters = before.chars().filter(|c| c.is_alphabetic()).count();
            if before_letters > 0 && before_letters < MIN_COMPOUND_PREFIX {
                continue;
            }
            // The feminine (`Chefinnen`) and verbs (`Sanktionieren`) make
            // no compound.
            if matches!(rest, "in" | "innen") || rest.starts_with("ier") {
                continue;
            }
            let compound = LINKS.iter().any(|link| {
                rest.strip_prefix(link).is_some_and(|r| {
                    r.chars().filter(|c| c.is_alphabetic()).count() >= MIN_PART_REST
                })
            });
            if let (true, Some(&v)) = (compound, self.variants.get(m.pattern().as_usize())) {
                let from = before.chars().count();
                #[allow(
                    clippy::indexing_slicing,
                    reason = "before and rest above proved m.start() and m.end() char boundaries"
                )]
                let to = from + key[m.start()..m.end()].chars().count();
                out.push((v, from, to));
            }
        }
        out
    }
}
