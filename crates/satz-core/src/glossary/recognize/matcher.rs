//! [`TermMatcher`] and the lookup tables it builds once per glossary: each
//! term becomes variants (its main pattern and one per form), a variant is
//! a list of per-word patterns, and variants are indexed by what their first
//! word needs (a stem, a key, a key prefix) so that a text word finds its
//! candidates by hash lookup. The compound-head table is filled by
//! `compound`, the English renderings' index by `english`.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::Rendering;
use super::compound::{Heads, Parts};
use super::english::{EnIndex, rendering_index};
use super::inflection::inflected_variants;
use crate::glossary::model::{Glossary, MatchMode, Term};
use crate::glossary::stem::Stemmers;
use crate::text::words::{fold_umlauts, is_hyphen, key, key_into, swiss, words};

/// What one word of a term pattern needs of the text word.
#[derive(Debug, Clone)]
pub(super) enum Pat {
    /// Same German stem, and a key of at least `min_chars` characters.
    Stem {
        /// The Snowball stem.
        stem: String,
        /// The term word's key, for the endings a derived word would have
        /// ([`super::inflection::ending_ok`]).
        key: String,
        /// A German noun is never shorter inflected than in its dictionary
        /// form, so the noun `Devise` (motto) is not `Devisen` (foreign
        /// currency): the key length of a capitalised term word, asked of
        /// capitalised text words only (the verb `aufrüsten` still counts
        /// for `Aufrüstung`); 0 for other words and for Latin plurals that
        /// shorten (`Visum`, `Praxis`, `Globus`).
        min_chars: usize,
    },
    /// Same key.
    Exact(String),
    /// Key starts with this.
    Prefix(String),
}

/// One way a term can be written: its main pattern or one of its forms.
#[derive(Debug, Clone)]
pub(super) struct Variant {
    /// Index into `glossary.terms`.
    pub(super) term: usize,
    /// What each word of the term (or form) needs of its text word.
    pub(super) pats: Vec<Pat>,
    /// Keys of the term's words, to tell [`HitKind::Exact`](super::HitKind::Exact) from inflected.
    pub(super) keys: Vec<String>,
    /// The term's words with `ß` as `ss`, when the term is case-sensitive.
    pub(super) cased: Option<Vec<String>>,
    /// Whether this is one of the term's `forms`.
    pub(super) form: bool,
}

/// Finds glossary terms in German text and renderings in English text.
/// Build it once per glossary; it does not borrow the glossary.
#[derive(Debug)]
pub struct TermMatcher {
    /// The German and English stemmers.
    pub(super) stemmers: Stemmers,
    /// Every term's main pattern and forms.
    pub(super) variants: Vec<Variant>,
    /// Variants by the stem their first word needs.
    pub(super) by_stem: HashMap<String, Vec<usize>>,
    /// Variants by the key their first word needs.
    pub(super) by_exact: HashMap<String, Vec<usize>>,
    /// Variants by the key prefix their first word needs.
    pub(super) by_prefix: HashMap<String, Vec<usize>>,
    /// The longest prefix in `by_prefix`, in chars.
    pub(super) max_prefix_chars: usize,
    /// Variants by the stems a compound having them as head may end in.
    pub(super) by_head: Heads,
    /// (term, list, index in the list) of every English rendering.
    pub(super) renderings: Vec<(usize, Rendering, usize)>,
    /// The renderings stemmed for lookup; owners index `renderings`.
    pub(super) en_index: EnIndex,
    /// Terms found as the first or middle part of a closed compound.
    pub(super) parts: Parts,
    /// Every stem a text word's stem is compared with (by `by_stem`, by a
    /// [`Pat::Stem`] at any place of a variant, by `by_head`), found in a
    /// word's folded key: see [`TermMatcher::needs_stem`]. `None`: every
    /// word is stemmed (the exhaustive twin the tests compare with).
    pub(super) stem_filter: Option<AhoCorasick>,
    /// What some word of a text must contain for the text to hold a term
    /// not joined by a hyphen: see [`TermMatcher::may_hold_terms`]. `None`:
    /// every text is searched word by word (the exhaustive twin).
    pub(super) text_filter: Option<AhoCorasick>,
    /// The number of glossary terms.
    term_count: usize,
    /// Unique in the process: what a [`super::WordCache`] belongs to.
    pub(super) id: u64,
}

/// The next [`TermMatcher::id`].
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

impl TermMatcher {
    /// Builds the lookup tables for `glossary`. Terms whose `de` has no
    /// letter or digit can never be found.
    pub fn new(glossary: &Glossary) -> TermMatcher {
        let stemmers = Stemmers::new();
        let variants: Vec<Variant> = glossary
            .terms
            .iter()
            .enumerate()
            .flat_map(|(t, term)| term_variants(&stemmers, t, term))
            .collect();

        let mut by_stem: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_exact: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_prefix: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_head = Heads::default();
        let mut max_prefix_chars = 0;
        for (v, variant) in variants.iter().enumerate() {
            match variant.pats.first() {
                Some(Pat::Stem { stem, .. }) => by_stem.entry(stem.clone()).or_default().push(v),
                Some(Pat::Exact(k)) => by_exact.entry(k.clone()).or_default().push(v),
                Some(Pat::Prefix(p)) => {
                    max_prefix_chars = max_prefix_chars.max(p.chars().count());
                    by_prefix.entry(p.clone()).or_default().push(v);
                }
                None => {}
            }
            by_head.add(&stemmers, v, variant);
        }

        let (renderings, en_index) = rendering_index(glossary, &stemmers);
        let parts = Parts::new(&variants);
        let stem_filter = stem_filter(&variants, &by_head);
        let text_filter = text_filter(&variants, &by_head);

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
            parts,
            stem_filter,
            text_filter,
            term_count: glossary.terms.len(),
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The number of terms of the glossary this matcher was built from.
    pub fn term_count(&self) -> usize {
        self.term_count
    }

    /// Whether the stem of a word whose key, umlauts folded, is `folded`
    /// can matter. A German stem is a prefix of the folded key
    /// ([`Stemmers::de_key`]), so a stem the tables hold (a term word's,
    /// or a compound head's, which is the end of the word's stem) can only
    /// be the word's stem, or a head of it, if it occurs in `folded`. When
    /// none occurs, no look-up by stem can succeed and the word need not be
    /// stemmed (Snowball is most of the cost of a new word).
    pub(super) fn needs_stem(&self, folded: &str) -> bool {
        self.stem_filter
            .as_ref()
            .is_none_or(|ac| ac.is_match(folded))
    }

    /// This matcher stemming every word, without the filter of
    /// [`TermMatcher::needs_stem`]: the exhaustive twin the tests compare
    /// recognition with.
    #[cfg(test)]
    pub(super) fn stemming_every_word(mut self) -> TermMatcher {
        self.stem_filter = None;
        self.text_filter = None;
        self
    }

    /// Whether German `text` may hold a term; `false` only when it holds
    /// none. A term is found from one of the text's words, which starts a
    /// variant (its key is a pattern's key, or begins with a pattern's
    /// prefix, or its stem is a pattern's stem), ends in a compound head (a
    /// stem that is the end of its stem) or holds a part (a term's key); or
    /// from two words joined by a hyphen (`Kreml-Chef`), whose keys joined
    /// are looked up as one word; or from a compound suspended by a hyphen
    /// right after a word and before a space or a comma (`Kranken- und
    /// Pflegeversicherung`).
    ///
    /// A German stem is a prefix of the word's folded key, and folding
    /// umlauts maps character to character, so in the first two cases the
    /// folded key of the word (or of the joined word) contains one of the
    /// folded keys, prefixes and stems `text_filter` searches for. Keying
    /// and folding go character by character, so a word's folded key is a
    /// piece of the whole text keyed and folded, and a hyphen-joined
    /// word's is a piece of that text with its hyphens dropped (a word
    /// itself may hold a hyphen: Unicode joins a combining mark to the
    /// hyphen before it, `-\u{345}`, so the text is searched as it is
    /// first). So a text with no suspending hyphen in which the automaton
    /// finds nothing either way holds no term, and its words need not be
    /// looked at.
    pub(super) fn may_hold_terms(&self, text: &str) -> bool {
        let Some(ac) = &self.text_filter else {
            return true;
        };
        let hyphens = text.contains(is_hyphen);
        // A suspending hyphen ends a word (nothing but a word's end comes
        // right before it: a space, as in a dash ` - `, never does) and is
        // followed by a space or a comma.
        let suspends = text.match_indices(is_hyphen).any(|(at, hyphen)| {
            let prev = text.get(..at).and_then(|t| t.chars().next_back());
            let next = text.get(at + hyphen.len()..).and_then(|t| t.chars().next());
            prev.is_some_and(|p| !p.is_whitespace())
                && next.is_some_and(|n| n.is_whitespace() || n == ',')
        });
        if suspends {
            return true;
        }
        let mut keyed = String::with_capacity(text.len());
        key_into(text, &mut keyed);
        if keyed.contains(['ä', 'ö', 'ü']) {
            keyed = fold_umlauts(&keyed);
        }
        if ac.is_match(&keyed) {
            return true;
        }
        hyphens && {
            keyed.retain(|c| !is_hyphen(c));
            ac.is_match(&keyed)
        }
    }
}

/// Needles up to which the text filter is a DFA (the fastest search, run
/// on every text): the shipped glossary has a few hundred. Beyond, a DFA
/// takes tens of milliseconds and megabytes to build on every start
/// (67 ms and 14 MB for 10,000 terms), and a contiguous NFA (a quarter of
/// that) serves.
const TEXT_FILTER_DFA_NEEDLES: usize = 4_000;

/// The automaton of [`TermMatcher::may_hold_terms`]: every stem, key and
/// prefix of `variants`' patterns, and every compound head of `heads`,
/// umlauts folded; `None` (search every text) if it cannot be built.
fn text_filter(variants: &[Variant], heads: &Heads) -> Option<AhoCorasick> {
    let needles: Vec<String> = variants
        .iter()
        .flat_map(|v| v.pats.iter())
        .flat_map(|p| match p {
            Pat::Stem { stem, key, .. } => vec![stem.as_str(), key.as_str()],
            Pat::Exact(k) => vec![k.as_str()],
            Pat::Prefix(p) => vec![p.as_str()],
        })
        .chain(heads.stems())
        .map(fold_umlauts)
        .collect();
    let kind = if needles.len() <= TEXT_FILTER_DFA_NEEDLES {
        AhoCorasickKind::DFA
    } else {
        AhoCorasickKind::ContiguousNFA
    };
    AhoCorasick::builder()
        .kind(Some(kind))
        .prefilter(false)
        .build(needles)
        .ok()
}

/// The automaton over every stem of `variants`' [`Pat::Stem`] patterns
/// and of the compound heads `heads` (see [`TermMatcher::needs_stem`]);
/// `None` (stem every word) if it cannot be built.
fn stem_filter(variants: &[Variant], heads: &Heads) -> Option<AhoCorasick> {
    let stems = variants
        .iter()
        .flat_map(|v| v.pats.iter())
        .filter_map(|p| match p {
            Pat::Stem { stem, .. } => Some(stem.as_str()),
            Pat::Exact(_) | Pat::Prefix(_) => None,
        })
        .chain(heads.stems());
    learning_automaton(stems)
}

/// An Aho-Corasick automaton over `patterns` for what a word cache learns
/// once per word ([`TermMatcher::needs_stem`], compound parts): a
/// contiguous NFA, built in microseconds, where the crate's default for
/// so few patterns is a DFA that takes a quarter of a millisecond to
/// build, on every start of `suggest`, for searches that now run only on
/// the words of the few texts [`TermMatcher::may_hold_terms`] lets
/// through. `None` if it cannot be built.
pub(super) fn learning_automaton<I, P>(patterns: I) -> Option<AhoCorasick>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(patterns)
        .ok()
}

/// The variants of term `t`: its main pattern by `match` mode, the
/// inflected forms Snowball misses (`inflection`), and its `forms`.
fn term_variants(stemmers: &Stemmers, t: usize, term: &Term) -> Vec<Variant> {
    let ws = words(&term.de);
    if ws.is_empty() {
        return Vec::new();
    }
    let keys: Vec<String> = ws.iter().map(|w| key(w.text)).collect();
    let cased_all: Vec<String> = ws.iter().map(|w| swiss(w.text)).collect();
    let (pats, cased) = match &term.match_mode {
        MatchMode::Stem => (
            keys.iter()
                .zip(&cased_all)
                .map(|(k, cased)| Pat::Stem {
                    stem: stemmers.de_key(k),
                    key: k.clone(),
                    min_chars: noun_min_chars(k, cased),
                })
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
    let main = Variant {
        term: t,
        pats,
        keys: keys.iter().take(n).cloned().collect(),
        cased: term.case_sensitive.then_some(cased),
        form: false,
    };
    let mut out = inflected_variants(stemmers, &main, &cased_all);
    out.insert(0, main);
    for form in &term.forms {
        let fw = words(form);
        if fw.is_empty() {
            continue;
        }
        let fkeys: Vec<String> = fw.iter().map(|w| key(w.text)).collect();
        out.push(Variant {
            term: t,
            pats: fkeys.iter().cloned().map(Pat::Exact).collect(),
            keys: fkeys,
            cased: term
                .case_sensitive
                .then(|| fw.iter().map(|w| swiss(w.text)).collect()),
            form: true,
        });
    }
    out
}

/// The shortest key a text word may have to be an inflected form of the
/// term word `key` (written `cased`): see [`Pat::Stem`].
fn noun_min_chars(key: &str, cased: &str) -> usize {
    let noun = cased.chars().next().is_some_and(char::is_uppercase);
    let latin = ["us", "um", "is", "a", "on"]
        .iter()
        .any(|e| key.ends_with(e));
    // An adjectival noun (`Abgeordneter`, `Angestellter`, `Vorsitzender`,
    // `Gefangener`) loses its `-r` after an article: `der Abgeordnete`.
    let adjectival =
        key.chars().count() >= 8 && ["ter", "ner", "der"].iter().any(|e| key.ends_with(e));
    if noun && !latin {
        key.chars().count() - usize::from(adjectival)
    } else {
        0
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
