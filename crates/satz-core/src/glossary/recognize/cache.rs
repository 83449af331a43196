//! The per-word memory of term recognition across texts: a [`WordCache`]
//! keeps what the matcher's tables say about each distinct word, so a word
//! met in an earlier sentence costs no stemming or look-up again; and
//! [`WordCaches`] lends caches to the jobs of a parallel loop, so that what
//! one job learnt serves the next however rayon splits the work (a cache
//! made per job, as `map_init` does, starts empty dozens of times).
//!
//! Results never depend on what a cache holds (a property test,
//! `a_word_cache_across_texts_changes_no_hit`, checks it), so neither do
//! they depend on which cache a job gets.

use std::ops::{Deref, DerefMut};
use std::sync::Mutex;

use hashbrown::HashTable;

use super::german::Info;

/// What [`TermMatcher::find_source_cached`](super::TermMatcher::find_source_cached) keeps between texts: every
/// distinct word key met so far and what the matcher's tables say about it.
/// It belongs to the matcher it was first used with (used with another it
/// starts afresh) and holds at most [`WordCache::MAX_WORDS`] words (then it
/// starts afresh too), so results never depend on what it holds.
#[derive(Debug, Default)]
pub struct WordCache {
    /// The [`TermMatcher::id`](super::TermMatcher) of the matcher the
    /// entries are from.
    owner: Option<u64>,
    /// (hash of the key, index into `infos`) of every word: the key is
    /// kept once, in its [`Info`], and hashed with XXH3 (words come from
    /// the text, not from an adversary aiming collisions at the table).
    index: HashTable<(u64, usize)>,
    /// What the tables say about each word.
    pub(super) infos: Vec<Info>,
}

impl WordCache {
    /// Distinct words kept at most (a few megabytes).
    pub const MAX_WORDS: usize = 1 << 16;

    /// An empty cache.
    pub fn new() -> WordCache {
        WordCache::default()
    }

    /// Empties the cache unless it holds entries of `owner` only and has
    /// room for another text.
    pub(super) fn prepare(&mut self, owner: u64) {
        if self.owner != Some(owner) || self.infos.len() >= Self::MAX_WORDS {
            self.index.clear();
            self.infos.clear();
            self.owner = Some(owner);
        }
    }

    /// The index in `infos` of the word `key`, its [`Info`] made by `info`
    /// when the word is new.
    pub(super) fn id(&mut self, key: &str, info: impl FnOnce(String) -> Info) -> usize {
        let hash = xxhash_rust::xxh3::xxh3_64(key.as_bytes());
        let infos = &self.infos;
        let same =
            |&(h, id): &(u64, usize)| h == hash && infos.get(id).is_some_and(|i| i.key == key);
        if let Some(&(_, id)) = self.index.find(hash, same) {
            return id;
        }
        let id = self.infos.len();
        self.infos.push(info(key.to_owned()));
        self.index.insert_unique(hash, (hash, id), |&(h, _)| h);
        id
    }
}

/// Word caches lent to the jobs of a parallel loop (see the module
/// documentation): [`WordCaches::take`] gives a free one, or a new one when
/// every cache is lent, and the cache comes back when the loan is dropped.
///
/// ```
/// use rayon::prelude::*;
/// use satz_core::glossary::{Glossary, Term, TermMatcher, WordCaches};
///
/// let mut glossary = Glossary::default();
/// glossary.terms.push(Term::new("Diktatur", ["dictatorship"]));
/// let matcher = TermMatcher::new(&glossary);
/// let texts = ["Die Diktatur.", "Eine Militärdiktatur."];
/// let caches = WordCaches::new();
/// let hits: Vec<usize> = texts
///     .par_iter()
///     .map_init(|| caches.take(), |cache, t| matcher.find_source_cached(t, cache).len())
///     .collect();
/// assert_eq!(hits, [1, 1]);
/// ```
#[derive(Debug, Default)]
pub struct WordCaches {
    free: Mutex<Vec<WordCache>>,
}

impl WordCaches {
    /// No cache yet.
    pub fn new() -> WordCaches {
        WordCaches::default()
    }

    /// A cache to use until the loan is dropped: one given back earlier,
    /// else a new one.
    pub fn take(&self) -> LentCache<'_> {
        // A poisoned lock (a panic while lending) only loses the reuse.
        let cache = self
            .free
            .lock()
            .ok()
            .and_then(|mut free| free.pop())
            .unwrap_or_default();
        LentCache {
            caches: self,
            cache,
        }
    }
}

/// A [`WordCache`] lent by [`WordCaches::take`]; it goes back to the
/// caches when dropped.
#[derive(Debug)]
pub struct LentCache<'a> {
    caches: &'a WordCaches,
    cache: WordCache,
}

impl Deref for LentCache<'_> {
    type Target = WordCache;

    fn deref(&self) -> &WordCache {
        &self.cache
    }
}

impl DerefMut for LentCache<'_> {
    fn deref_mut(&mut self) -> &mut WordCache {
        &mut self.cache
    }
}

impl Drop for LentCache<'_> {
    fn drop(&mut self) {
        if let Ok(mut free) = self.caches.free.lock() {
            free.push(std::mem::take(&mut self.cache));
        }
    }
}
