//! Vocabularies of both sides and the bilingual "partner" relation between
//! their token types: identical numbers and punctuation, identical and
//! near-identical words (cognates, names), user dictionary entries, and the
//! translation lexicon learnt from the document itself.
//!
//! hunalign (Varga et al. 2005) scores sentence pairs by dictionary matches and
//! identical tokens, and with `-realign` learns a lexicon from its own first
//! pass; this module provides the same ingredients, with the learnt lexicon
//! ranked by the Dice coefficient of co-occurrence in confident 1-1 links.

use std::collections::HashMap;

use strsim::normalized_levenshtein;

use rayon::prelude::*;

use super::tokenize::{Key, Tokens, char_len, tokenize};
use crate::text::numbers::NumLang;

/// Sentences tokenised in parallel at a time by [`Side::build`].
const TOKENIZE_CHUNK: usize = 4096;

/// Why two token types are partners (ordered by reliability, best first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Class {
    /// Same normalised number.
    Number = 0,
    /// Same user-dictionary entry.
    Dict = 1,
    /// Same punctuation class.
    Punct = 2,
    /// Same folded word (names, acronyms, shared terms).
    Identical = 3,
    /// Near-identical words (cognates).
    Cognate = 4,
    /// Pair from the lexicon learnt from a first alignment pass.
    Lexicon = 5,
}

/// Number of [`Class`] values.
pub(crate) const N_CLASSES: usize = 6;

/// Interned token types of one side.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    map: HashMap<Key, u32>,
    /// Key of every type id.
    pub keys: Vec<Key>,
    /// Whether the type was seen as an all-capitals acronym.
    pub acronym: Vec<bool>,
}

impl Vocab {
    /// The id of `k`, a new one if `k` is new; `None` if the ids (`u32`, to
    /// halve the memory of the token lists) have run out.
    ///
    /// Since every id is checked here, any index below [`Vocab::len`]
    /// fits in a `u32`.
    fn intern(&mut self, k: Key) -> Option<u32> {
        if let Some(&id) = self.map.get(&k) {
            return Some(id);
        }
        let id = u32::try_from(self.keys.len()).ok()?;
        self.map.insert(k.clone(), id);
        self.keys.push(k);
        self.acronym.push(false);
        Some(id)
    }

    /// Whether type `id` was seen as an all-capitals acronym.
    #[allow(
        clippy::indexing_slicing,
        reason = "ids are handed out by `intern`, which pushes to `acronym` as to `keys`"
    )]
    pub fn is_acronym(&self, id: u32) -> bool {
        self.acronym[id as usize]
    }

    /// Every type id with its key, in id order.
    pub fn ids(&self) -> impl Iterator<Item = (u32, &Key)> {
        // `intern` checked every id, so the u32 range outlasts the keys.
        (0u32..).zip(&self.keys)
    }

    /// Type id of `k`, if the side has it.
    pub fn get(&self, k: &Key) -> Option<u32> {
        self.map.get(k).copied()
    }

    /// Number of types.
    pub fn len(&self) -> usize {
        self.keys.len()
    }
}

/// One side of the bitext, tokenised.
#[derive(Debug, Default)]
pub(crate) struct Side {
    /// Token types.
    pub vocab: Vocab,
    /// Sorted unique type ids of every sentence.
    pub sents: Vec<Vec<u32>>,
    /// Sorted unique word type ids of every sentence (for lexicon learning).
    pub words: Vec<Vec<u32>>,
    /// Character length of every sentence.
    pub lens: Vec<usize>,
    /// Paragraph index of every sentence.
    pub paras: Vec<usize>,
}

impl Side {
    /// Tokenises `texts` and interns their types; `source` selects the side of
    /// the dictionary entries to look for. `None` if the side has more
    /// types than a `u32` id can number.
    pub fn build(
        texts: &[(&str, usize)],
        lang: NumLang,
        dict: &DictIndex,
        source: bool,
    ) -> Option<Side> {
        let mut side = Side::default();
        // Tokenised in parallel a chunk at a time (to bound the memory of
        // the tokens waiting), interned in order: the ids do not depend on
        // the thread count.
        for chunk in texts.chunks(TOKENIZE_CHUNK) {
            let tokens: Vec<(Tokens, Vec<u32>)> = chunk
                .par_iter()
                .map(|&(text, _)| {
                    let toks = tokenize(text, lang);
                    let found = dict.find(&toks.words, source);
                    (toks, found)
                })
                .collect();
            for (&(text, para), (toks, found)) in chunk.iter().zip(tokens) {
                side.push(text, para, toks, found)?;
            }
        }
        Some(side)
    }

    /// Adds the sentence `text` of paragraph `para`, tokenised as `toks`,
    /// with the dictionary entries `found` in it; `None` if the type ids
    /// have run out.
    fn push(&mut self, text: &str, para: usize, toks: Tokens, found: Vec<u32>) -> Option<()> {
        let mut ids = Vec::new();
        let mut words = Vec::new();
        for (w, acr) in toks.words.into_iter().zip(toks.acronym) {
            let id = self.vocab.intern(Key::Word(w))?;
            if acr && let Some(a) = self.vocab.acronym.get_mut(id as usize) {
                *a = true;
            }
            ids.push(id);
            words.push(id);
        }
        for k in toks.other {
            ids.push(self.vocab.intern(k)?);
        }
        for d in found {
            ids.push(self.vocab.intern(Key::Dict(d))?);
        }
        ids.sort_unstable();
        ids.dedup();
        words.sort_unstable();
        words.dedup();
        self.sents.push(ids);
        self.words.push(words);
        self.lens.push(char_len(text));
        self.paras.push(para);
        Some(())
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.sents.len()
    }
}

/// Strips one common inflection ending when at least 4 characters remain.
fn stem(w: &str) -> String {
    const SUFFIXES: [&str; 11] = [
        "ern", "ies", "ing", "en", "er", "es", "em", "ed", "e", "n", "s",
    ];
    let n = w.chars().count();
    for s in SUFFIXES {
        let sl = s.chars().count();
        if n >= sl + 4 && w.ends_with(s) {
            return w.chars().take(n - sl).collect();
        }
    }
    w.to_string()
}

/// Whether sentence word `tok` is an inflected form of dictionary stem `st`.
fn stem_matches(tok: &str, st: &str) -> bool {
    if st.chars().count() < 4 {
        return tok == st
            || tok
                .strip_prefix(st)
                .is_some_and(|rest| matches!(rest, "s" | "es" | "e" | "n" | "en" | "er"));
    }
    tok.starts_with(st) && tok.chars().count() <= st.chars().count() + 5
}

/// Index of the user dictionary for matching entries inside sentences,
/// case-insensitively and by stem (so German inflections match).
#[derive(Debug, Default)]
pub(crate) struct DictIndex {
    src: Vec<Vec<String>>,
    tgt: Vec<Vec<String>>,
    src_first: HashMap<String, Vec<u32>>,
    tgt_first: HashMap<String, Vec<u32>>,
}

fn first2(w: &str) -> String {
    w.chars().take(2).collect()
}

impl DictIndex {
    /// Indexes `(source term, target term)` pairs; entries with an empty
    /// side are ignored. `None` if there are more entries than a `u32` id
    /// can number.
    pub fn new(pairs: &[(String, String)]) -> Option<DictIndex> {
        let mut d = DictIndex::default();
        u32::try_from(pairs.len()).ok()?;
        // Checked above: every entry's index fits in a u32.
        for (id, (s, t)) in (0u32..).zip(pairs) {
            let sw: Vec<String> = tokenize(s, NumLang::De)
                .words
                .iter()
                .map(|w| stem(w))
                .collect();
            let tw: Vec<String> = tokenize(t, NumLang::En)
                .words
                .iter()
                .map(|w| stem(w))
                .collect();
            let (Some(sf), Some(tf)) = (sw.first(), tw.first()) else {
                d.src.push(Vec::new());
                d.tgt.push(Vec::new());
                continue;
            };
            d.src_first.entry(first2(sf)).or_default().push(id);
            d.tgt_first.entry(first2(tf)).or_default().push(id);
            d.src.push(sw);
            d.tgt.push(tw);
        }
        Some(d)
    }

    /// Dictionary entries whose source (or target) term occurs in `words`.
    pub fn find(&self, words: &[String], source: bool) -> Vec<u32> {
        let (terms, first) = if source {
            (&self.src, &self.src_first)
        } else {
            (&self.tgt, &self.tgt_first)
        };
        let mut out = Vec::new();
        if first.is_empty() {
            return out;
        }
        for (p, w) in words.iter().enumerate() {
            let Some(cands) = first.get(&first2(w)) else {
                continue;
            };
            for &c in cands {
                let Some(term) = terms.get(c as usize) else {
                    continue;
                };
                let ok = term
                    .iter()
                    .enumerate()
                    .all(|(o, st)| words.get(p + o).is_some_and(|tok| stem_matches(tok, st)));
                if ok {
                    out.push(c);
                }
            }
        }
        out
    }
}

/// Longest common prefix in characters.
fn lcp(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Whether two folded words of at least 4 characters look like cognates.
pub(crate) fn is_cognate(a: &str, b: &str) -> bool {
    let la = a.chars().count();
    let lb = b.chars().count();
    let p = lcp(a, b);
    if p < 4 {
        return false;
    }
    let longest = la.max(lb);
    if 2 * p >= longest {
        return true;
    }
    // The edit distance is at least the length difference: skip hopeless pairs.
    10 * la.abs_diff(lb) <= 3 * longest && normalized_levenshtein(a, b) >= 0.7
}

/// The partner relation between source and target types.
#[derive(Debug, Default, Clone)]
pub(crate) struct Relation {
    /// Target partners of every source type (sorted, unique).
    pub src: Vec<Vec<u32>>,
    /// Source partners of every target type (sorted, unique).
    pub tgt: Vec<Vec<u32>>,
    /// Most reliable class among the links of every source type.
    pub src_class: Vec<Option<Class>>,
    /// Most reliable class among the links of every target type.
    pub tgt_class: Vec<Option<Class>>,
}

impl Relation {
    fn with_sizes(ns: usize, nt: usize) -> Relation {
        Relation {
            src: vec![Vec::new(); ns],
            tgt: vec![Vec::new(); nt],
            src_class: vec![None; ns],
            tgt_class: vec![None; nt],
        }
    }

    /// Adds the link `s`–`t` of class `c`.
    pub fn add(&mut self, s: u32, t: u32, c: Class) {
        if let Some(v) = self.src.get_mut(s as usize)
            && let Err(pos) = v.binary_search(&t)
        {
            v.insert(pos, t);
        }
        if let Some(v) = self.tgt.get_mut(t as usize)
            && let Err(pos) = v.binary_search(&s)
        {
            v.insert(pos, s);
        }
        if let Some(k) = self.src_class.get_mut(s as usize) {
            *k = Some(k.map_or(c, |old| old.min(c)));
        }
        if let Some(k) = self.tgt_class.get_mut(t as usize) {
            *k = Some(k.map_or(c, |old| old.min(c)));
        }
    }

    /// The dictionary-free relation: numbers, punctuation, dictionary entries,
    /// identical words and cognates.
    pub fn base(src: &Side, tgt: &Side) -> Relation {
        let mut rel = Relation::with_sizes(src.vocab.len(), tgt.vocab.len());
        let mut buckets: HashMap<String, Vec<u32>> = HashMap::new();
        for (id, key) in tgt.vocab.ids() {
            if let Key::Word(w) = key
                && w.chars().count() >= 4
            {
                buckets
                    .entry(w.chars().take(4).collect())
                    .or_default()
                    .push(id);
            }
        }
        // The partners of every source type are found in parallel and
        // added in order; `add` keeps sorted sets and the best class, so
        // the relation does not depend on the order anyway.
        let ids: Vec<(u32, &Key)> = src.vocab.ids().collect();
        let links: Vec<Vec<(u32, Class)>> = ids
            .par_iter()
            .map(|&(s, key)| Relation::base_links(src, tgt, &buckets, s, key))
            .collect();
        for (&(s, _), found) in ids.iter().zip(links) {
            for (t, c) in found {
                rel.add(s, t, c);
            }
        }
        rel
    }

    /// The base partners of source type `s` (key `key`) with their class;
    /// `buckets` holds the target words of four or more characters by
    /// their first four.
    fn base_links(
        src: &Side,
        tgt: &Side,
        buckets: &HashMap<String, Vec<u32>>,
        s: u32,
        key: &Key,
    ) -> Vec<(u32, Class)> {
        let mut found = Vec::new();
        match key {
            Key::Num(_) | Key::Punct(_) | Key::Dict(_) => {
                if let Some(t) = tgt.vocab.get(key) {
                    let c = match key {
                        Key::Num(_) => Class::Number,
                        Key::Punct(_) => Class::Punct,
                        _ => Class::Dict,
                    };
                    found.push((t, c));
                }
            }
            Key::Word(w) => {
                let len = w.chars().count();
                if let Some(t) = tgt.vocab.get(key) {
                    let acr = src.vocab.is_acronym(s) || tgt.vocab.is_acronym(t);
                    let digit = w.chars().any(|c| c.is_ascii_digit());
                    if len >= 4 || (len >= 2 && (acr || digit)) {
                        found.push((t, Class::Identical));
                    }
                }
                if len >= 4 {
                    let b: String = w.chars().take(4).collect();
                    for &t in buckets.get(&b).map_or(&[][..], Vec::as_slice) {
                        if let Some(Key::Word(tw)) = tgt.vocab.keys.get(t as usize)
                            && tw != w
                            && is_cognate(w, tw)
                        {
                            found.push((t, Class::Cognate));
                        }
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
impl Side {
    /// The side of `texts` (one paragraph, no dictionary), for tests.
    #[allow(clippy::unwrap_used, reason = "test helper")]
    pub(crate) fn of_texts(texts: &[String], lang: NumLang, source: bool) -> Side {
        let texts: Vec<(&str, usize)> = texts.iter().map(|t| (t.as_str(), 0)).collect();
        Side::build(&texts, lang, &DictIndex::default(), source).unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cognates() {
        assert!(is_cognate("himalaya", "himalayens"));
        assert!(is_cognate("nepal", "nepalaise"));
        assert!(is_cognate("offiziell", "officielle"));
        assert!(!is_cognate("verbindungsoffizier", "verbal"));
        assert!(!is_cognate("regierung", "regard"));
    }

    #[test]
    fn dictionary_matches_inflections() {
        let d = DictIndex::new(&[
            ("Rechnungshof".into(), "audit office".into()),
            ("Umsatzsteuer".into(), "value added tax".into()),
        ])
        .unwrap();
        let src = tokenize("Die Rechnungshöfe prüfen die Umsatzsteuern.", NumLang::De).words;
        let mut found = d.find(&src, true);
        found.sort_unstable();
        assert_eq!(found, vec![0, 1]);
        let tgt = tokenize("The Audit Offices check value added taxes.", NumLang::En).words;
        let mut found = d.find(&tgt, false);
        found.sort_unstable();
        assert_eq!(found, vec![0, 1]);
    }

    #[test]
    fn relation_links_dictionary_terms() {
        let dict = DictIndex::new(&[("Katze".into(), "cat".into())]).unwrap();
        let s = Side::build(&[("Die Katzen miauen .", 0)], NumLang::De, &dict, true).unwrap();
        let t = Side::build(&[("The cats meow .", 0)], NumLang::En, &dict, false).unwrap();
        let rel = Relation::base(&s, &t);
        let sd = s.vocab.get(&Key::Dict(0)).unwrap();
        let td = t.vocab.get(&Key::Dict(0)).unwrap();
        assert_eq!(rel.src[sd as usize], vec![td]);
        assert_eq!(rel.src_class[sd as usize], Some(Class::Dict));
    }

    #[test]
    fn relation_links_numbers_and_names() {
        let dict = DictIndex::new(&[]).unwrap();
        let s = Side::build(
            &[("Der Lhotse misst 8501 m .", 0)],
            NumLang::De,
            &dict,
            true,
        )
        .unwrap();
        let t = Side::build(
            &[("Le Lhotsé mesure 8501 m .", 0)],
            NumLang::Fr,
            &dict,
            false,
        )
        .unwrap();
        let rel = Relation::base(&s, &t);
        let linked = rel.src.iter().filter(|v| !v.is_empty()).count();
        assert_eq!(linked, 2); // lhotse, 8501
    }
}
