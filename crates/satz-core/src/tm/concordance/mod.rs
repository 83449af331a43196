//! Concordance search (`satz concordance`): where the memory uses a word
//! or phrase, inflected forms and compounds included.
//!
//! A query is split at whitespace into search words (quotes around it are
//! ignored); several words are a phrase, found where consecutive words of
//! the text match them one by one (punctuation between them skipped). A
//! search word matches a word of the text:
//!
//! * **wildcards** (`pattern`): a search word with `*` or `?` is a letter
//!   pattern over a single word (case-folded; `ß` is one letter to `?` and
//!   also `ss`), nothing else: `*lotse*`, `Lotse*`, `*lotse`, `Stra?e`; a
//!   query of patterns without a letter ([`Concordance::letterless`]) is
//!   refused by the command;
//! * **German, whole word**: a capitalised search word is a noun and
//!   matches a capitalised text word that is one of its inflected forms
//!   (the `german` module: `Lotsen`, `Räte`, not `Rate` or `raten`); a
//!   lower-case one matches a word with the same Snowball stem
//!   (`koreanischen` for `koreanische`);
//! * **German, compound part** ([`MatchKind::Compound`]): a word of the
//!   text that holds the search word as a real part of a closed compound,
//!   as its head (`Stadtrat`, `Stadträte`, only in a capitalised word), or
//!   as a first or middle part with a linking element (`Ratsherr`,
//!   `Fluglotsenschülern`, `Grenzkontrolle`), when the rest of the word
//!   splits into known German words (the `lexicon` module: the memory's own
//!   German vocabulary and the shipped frequent-word list), so that
//!   `Apparat` and `Beratung` are no `Rat`;
//! * **English** (`--lang en`): the word or its inflection (the `english`
//!   module): `controllers`, `controller's`, never `control`.
//!
//! Each distinct word form of the memory is judged once per search word
//! (a cache), so a search costs a hash look-up per word of the memory.
//! Units found with a whole-word match come first, then those found only
//! as a compound part, each group in memory order.

mod english;
mod german;
mod lexicon;
mod pattern;

use std::collections::HashMap;

use serde::Serialize;

pub use lexicon::Lexicon;

use crate::glossary::stem::Stemmers;
use crate::text::fold_case;
use crate::text::tokenize::{Token, TokenKind, tokenize};
use crate::text::words::{fold_umlauts, is_hyphen_gap, key};
use crate::tm::index::{Field, View};
use german::Forms;
use pattern::Pattern;

/// How a unit (or an occurrence) matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The words themselves, inflected, or a wildcard pattern.
    Word,
    /// A search word found only as a part of a closed compound.
    Compound,
}

/// A unit holding the query.
#[derive(Debug, Serialize)]
pub struct Hit {
    /// The memory's source.
    pub source: String,
    /// Its translation.
    pub target: String,
    /// The memory file.
    pub origin: String,
    /// Which side matched: `de` or `en`.
    pub side: String,
    /// Byte spans of the hits in that side.
    pub spans: Vec<(usize, usize)>,
    /// `word` when some occurrence is a whole-word match, `compound` when
    /// the query was found only inside compounds.
    #[serde(rename = "match")]
    pub kind: MatchKind,
    /// How each span matched (parallel to `spans`).
    #[serde(skip)]
    pub kinds: Vec<MatchKind>,
    /// The unit's line in its memory file.
    #[serde(skip)]
    pub line: u32,
}

/// One search word of a query.
#[derive(Debug, Clone)]
enum Word {
    /// A letter pattern.
    Pattern(Pattern),
    /// A German word: its Snowball stem, whether it is a noun
    /// (capitalised), its forms.
    German {
        stem: String,
        noun: bool,
        forms: Forms,
    },
    /// An English word (its key).
    English(String),
}

/// A query prepared for one side of the memory.
#[derive(Debug)]
pub struct Concordance {
    /// True for the English (target) side.
    english: bool,
    /// The search words.
    words: Vec<Word>,
    /// Per search word, letters a unit's folded text must contain.
    needles: Vec<String>,
    /// Per search word, whether it must follow the one before after a
    /// single hyphen (`*-Krieg`: a pattern split at its hyphen).
    hyphen_before: Vec<bool>,
}

/// The longest word (in bytes) looked at as a compound.
const MAX_COMPOUND: usize = 120;

/// The word forms already judged, per search word.
type Cache = Vec<HashMap<String, Option<MatchKind>>>;

impl Concordance {
    /// Prepares `query` for the source side (German), or for the target
    /// side (English) when `english`.
    pub fn new(query: &str, english: bool) -> Concordance {
        let stemmers = Stemmers::new();
        let mut words = Vec::new();
        let mut needles = Vec::new();
        let mut hyphen_before = Vec::new();
        for piece in query.split_whitespace() {
            let piece = piece.trim_matches(['"', '\'', '„', '“', '”', '‚', '‘', '’', '«', '»']);
            if piece.contains(['*', '?']) {
                // A pattern is over single words, as the text is split:
                // `*-Krieg` is two words, a trailing comma none.
                let wild = |c: char| c.is_alphanumeric() || matches!(c, '*' | '?' | '\'' | '’');
                let mut rest = piece;
                while let Some(start) = rest.find(wild) {
                    let gap = rest.get(..start).unwrap_or_default();
                    let tail = rest.get(start..).unwrap_or_default();
                    let end = tail.find(|c: char| !wild(c)).unwrap_or(tail.len());
                    let sub = tail.get(..end).unwrap_or_default();
                    rest = tail.get(end..).unwrap_or_default();
                    hyphen_before.resize(words.len(), false);
                    hyphen_before.push(!words.is_empty() && is_hyphen_gap(gap));
                    match Pattern::parse(&key(sub)) {
                        Some(p) => {
                            needles.push(fold_umlauts(&p.literal()));
                            words.push(Word::Pattern(p));
                        }
                        None => push_words(sub, english, &stemmers, &mut words, &mut needles),
                    }
                }
            } else {
                push_words(piece, english, &stemmers, &mut words, &mut needles);
            }
        }
        hyphen_before.resize(words.len(), false);
        Concordance {
            english,
            words,
            needles,
            hyphen_before,
        }
    }

    /// Whether the query is only letter patterns without a letter or digit
    /// (`*`, `?`, `*?*`): it would match every word of the memory.
    pub fn letterless(&self) -> bool {
        !self.words.is_empty()
            && self
                .words
                .iter()
                .all(|w| matches!(w, Word::Pattern(p) if !p.has_letter()))
    }

    /// The spans of the query in `text` and how each matched, compound
    /// parts judged against `lexicon`.
    pub fn find(&self, text: &str, lexicon: &Lexicon) -> Vec<((usize, usize), MatchKind)> {
        let mut cache = vec![HashMap::new(); self.words.len()];
        let words = self.prepared(lexicon);
        self.find_cached(text, &words, lexicon, &stemmers(), &mut cache)
    }

    /// The search words with the forms `lexicon` shows to be derived from
    /// a verb dropped ([`Forms::prune`]).
    fn prepared(&self, lexicon: &Lexicon) -> Vec<Word> {
        let mut words = self.words.clone();
        for w in &mut words {
            if let Word::German { forms, .. } = w {
                forms.prune(|f| lexicon.contains(f));
            }
        }
        words
    }

    fn find_cached(
        &self,
        text: &str,
        words: &[Word],
        lexicon: &Lexicon,
        stemmers: &Stemmers,
        cache: &mut Cache,
    ) -> Vec<((usize, usize), MatchKind)> {
        let n = words.len();
        if n == 0 {
            return Vec::new();
        }
        let tokens: Vec<Token> = tokenize(text)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .collect();
        let mut out = Vec::new();
        for i in 0..tokens.len() {
            let mut kind = MatchKind::Word;
            let mut all = true;
            for (j, word) in words.iter().enumerate() {
                let (Some(t), Some(c)) = (tokens.get(i + j), cache.get_mut(j)) else {
                    all = false;
                    break;
                };
                if self.hyphen_before.get(j) == Some(&true)
                    && !tokens
                        .get(i + j - 1)
                        .and_then(|p| text.get(p.end..t.start))
                        .is_some_and(is_hyphen_gap)
                {
                    all = false;
                    break;
                }
                let surface = t.text(text);
                let m = match c.get(surface) {
                    Some(m) => *m,
                    None => {
                        let m = Concordance::judge(word, surface, lexicon, stemmers);
                        c.insert(surface.to_owned(), m);
                        m
                    }
                };
                match m {
                    Some(k) => kind = kind.max(k),
                    None => {
                        all = false;
                        break;
                    }
                }
            }
            if all && let (Some(a), Some(b)) = (tokens.get(i), tokens.get(i + n - 1)) {
                out.push(((a.start, b.end), kind));
            }
        }
        out
    }

    /// How the text word `surface` matches the search word `word`.
    fn judge(
        word: &Word,
        surface: &str,
        lexicon: &Lexicon,
        stemmers: &Stemmers,
    ) -> Option<MatchKind> {
        let k = key(surface);
        let capital = surface.chars().next().is_some_and(char::is_uppercase);
        let whole = match word {
            // `ß` is one letter to `?` (`Stra?e`) and `ss` to the rest.
            Word::Pattern(p) => {
                p.matches(&k)
                    || surface.contains(['ß', 'ẞ'])
                        && p.matches(&surface.to_lowercase().replace('’', "'"))
            }
            Word::English(q) => english::inflects(q, &k),
            Word::German { stem, noun, forms } => {
                if *noun {
                    capital && forms.word.contains(&k)
                } else {
                    stemmers.snowball(false, &fold_case(surface)) == *stem
                }
            }
        };
        if whole {
            return Some(MatchKind::Word);
        }
        match word {
            Word::German { forms, .. } if compound(forms, &k, capital, lexicon) => {
                Some(MatchKind::Compound)
            }
            _ => None,
        }
    }

    /// Every unit of the memory whose side holds the query: whole-word
    /// hits first, then compound hits, each in memory order. Compound parts
    /// are judged against the memory's own German vocabulary
    /// ([`Lexicon::of_memory`]).
    pub fn search(&self, view: &View<'_>) -> Vec<Hit> {
        let lexicon = if self.english {
            Lexicon::default()
        } else {
            Lexicon::of_memory(view)
        };
        self.search_with(view, &lexicon)
    }

    /// [`Concordance::search`] with a lexicon of the caller's.
    pub fn search_with(&self, view: &View<'_>, lexicon: &Lexicon) -> Vec<Hit> {
        let field = if self.english {
            Field::Target
        } else {
            Field::Source
        };
        let stemmers = stemmers();
        let words = self.prepared(lexicon);
        let mut cache = vec![HashMap::new(); words.len()];
        let mut hits = Vec::new();
        for u in 0..view.units {
            let text = view.text(u, field);
            // Cheap filter: every search word's letters occur in the text.
            let folded = fold_umlauts(&fold_case(text));
            if !self.needles.iter().all(|s| folded.contains(s.as_str())) {
                continue;
            }
            let found = self.find_cached(text, &words, lexicon, &stemmers, &mut cache);
            if found.is_empty() {
                continue;
            }
            let (spans, kinds): (Vec<_>, Vec<_>) = found.into_iter().unzip();
            let (origin, line) = view.origin(u);
            hits.push(Hit {
                source: view.text(u, Field::Source).to_owned(),
                target: view.text(u, Field::Target).to_owned(),
                origin: origin.to_owned(),
                side: if self.english { "en" } else { "de" }.to_owned(),
                spans,
                kind: kinds.iter().copied().min().unwrap_or(MatchKind::Word),
                kinds,
                line,
            });
        }
        // A stable sort keeps memory order within each kind.
        hits.sort_by_key(|h| h.kind);
        hits
    }
}

/// Adds the words of `piece` (no wildcard) as search words, with the
/// letters a unit's folded text must contain for each.
fn push_words(
    piece: &str,
    english: bool,
    stemmers: &Stemmers,
    words: &mut Vec<Word>,
    needles: &mut Vec<String>,
) {
    for t in tokenize(piece)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
    {
        let surface = t.text(piece);
        let k = key(surface);
        let (word, needle) = if english {
            let needle = k.trim_end_matches(['e', 'y']).to_owned();
            (Word::English(k), needle)
        } else {
            let stem = stemmers.snowball(false, &fold_case(surface));
            let needle = common_prefix(
                &fold_umlauts(&stem),
                &fold_umlauts(k.strip_suffix('e').unwrap_or(&k)),
            );
            let noun = surface.chars().next().is_some_and(char::is_uppercase);
            let forms = Forms::new(&k);
            (Word::German { stem, noun, forms }, needle)
        };
        needles.push(needle);
        words.push(word);
    }
}

/// The stemmers (a function, so that tests and searches share one way).
fn stemmers() -> Stemmers {
    Stemmers::new()
}

/// Whether the word `k` (a key; `capital` when written capitalised) holds
/// the search word with `forms` as a real compound part: as its head after
/// known words (capitalised words only), or as a first or middle part
/// between known words (see the `lexicon` module). The search word must
/// be long enough to be a part ([`part_sized`]).
fn compound(forms: &Forms, k: &str, capital: bool, lexicon: &Lexicon) -> bool {
    // No German compound is this long; splitting a pathological word
    // would cost time quadratic in its length.
    if k.len() > MAX_COMPOUND || !forms.bases().first().is_some_and(|q| part_sized(q)) {
        return false;
    }
    if capital {
        for h in &forms.head {
            if let Some(p) = k.strip_suffix(h.as_str())
                && !p.is_empty()
                && lexicon.splits(p, false)
            {
                return true;
            }
        }
    }
    forms.part.iter().any(|f| {
        k.match_indices(f.as_str()).any(|(at, _)| {
            let (Some(before), Some(rest)) = (k.get(..at), k.get(at + f.len()..)) else {
                return false;
            };
            // In a lower-case word, `-end` after the part makes a
            // participle (`spielenden`), not a compound.
            !rest.is_empty()
                && (capital || !rest.starts_with("end"))
                && (before.is_empty() || lexicon.splits(before, false))
                && lexicon.splits(rest, true)
        })
    })
}

/// Whether the search word `q` (a key) is long enough to be looked for as
/// a compound part: [`lexicon::MIN_PART`] letters, or three on the short
/// list ([`lexicon::SHORT_PARTS`]: `Gas`, `Eis`, not `Ei` or `Kür`).
fn part_sized(q: &str) -> bool {
    let n = q.chars().count();
    n >= lexicon::MIN_PART || n == 3 && lexicon::SHORT_PARTS.contains(&q)
}

/// The longest common prefix of `a` and `b`.
fn common_prefix(a: &str, b: &str) -> String {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect()
}

#[cfg(test)]
mod tests;
