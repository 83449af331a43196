//! Term extraction (`satz terms --extract`): German term candidates that
//! are frequent in this memory but not in general German, each with its
//! most likely English equivalents from the aligned units.
//!
//! # Candidates
//!
//! * **nouns**: words that start with a capital letter, have at least four
//!   letters, no digits and some lower-case letter (so not `UN`), and occur
//!   at least once inside a sentence (not only as its first word, where
//!   any word is capitalised); hyphenated compounds (`UN-Sanktionen`) are
//!   one word;
//! * **adjective + noun**: a lower-case word of at least four letters with
//!   an adjective ending (`-e`, `-en`, `-er`, `-es`, `-em`) right before
//!   such a noun (`koreanische Halbinsel`).
//!
//! Inflected forms are one candidate: words are compared by their Snowball
//! stems (case-folded, `ß` = `ss`, umlauts folded); the form shown is the
//! one seen most often (then the shortest). Candidates the glossary already
//! has (its matcher finds one of their forms whole, inflections included)
//! are left out.
//!
//! # Score: frequent here, rare in general German
//!
//! With no reference corpus offline, "rare in general German" is
//! approximated by the shape of the word and a list of the ~1,200 most
//! frequent German words (`src/terms/data/de-common.txt`):
//!
//! ```text
//! score = ln(1 + df) · L · S · C · P
//!   df  units whose German side has the candidate (at least --min-freq)
//!   L   letters / 10, at most 2.5 (an adjective counts half its letters):
//!       long words are rare words (Zipf), short ones common
//!   S   1 + 0.5 · (stems − 1), stems = parts of a closed compound, at most 3:
//!       the split into the fewest words of the memory's German vocabulary
//!       and the frequent-word list (linking -s-, -es-, -n-, -en-, -e-
//!       allowed), else 2 for a word of 10 or more letters, else 1
//!   C   0.1 when the word (a phrase's adjective) is a frequent German word,
//!       0.5 when a phrase's noun is, else 1
//!   P   0.3 when the best English equivalent is spelt nearly like the
//!       German (normalised Levenshtein similarity ≥ 0.8 of the letters:
//!       names and cognates such as Putin, Nordkorea / North Korea need no
//!       glossary entry), 0.5 when no English equivalent is found (no
//!       consistent translation to propose), else 1
//! ```
//!
//! # English equivalents: co-occurrence
//!
//! For each candidate, every English word n-gram (1 to 3 words, not across
//! punctuation, not starting or ending with a function word, no numbers) of
//! the units that have the candidate is scored by the Dice coefficient
//! over units:
//!
//! ```text
//! Dice(c, e) = 2 · units(c and e) / (units(c) + units(e))
//! ```
//!
//! with English words compared by Snowball stem. At most three equivalents
//! with Dice ≥ 0.3 and at least two shared units are kept, best first; on
//! equal Dice the longer n-gram wins (`cannon fodder` over `cannon` when
//! both always occur together). The example is the shortest German side
//! among the units that have the candidate and its best equivalent.

use std::collections::{HashMap, HashSet};

use rust_stemmers::{Algorithm, Stemmer};

use super::usage::Example;
use crate::glossary::{Glossary, HitKind, TermMatcher};
use crate::text::words::{Word, fold_umlauts, is_hyphen_gap, is_phrase_gap, key, words};

/// The frequent German words (one per line, `#` comments).
const DE_COMMON: &str = include_str!("data/de-common.txt");

/// English function words: an n-gram may not start or end with one.
const EN_STOP: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "being", "between", "both", "but", "by", "can", "could", "did", "do", "does",
    "down", "during", "each", "even", "for", "from", "had", "has", "have", "he", "her", "here",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "may", "me", "might",
    "more", "most", "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
    "only", "or", "other", "our", "out", "over", "own", "said", "same", "says", "she", "should",
    "so", "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "under", "until", "up", "us", "very", "was", "we",
    "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your", "s", "'s", "also", "already", "still", "yet", "one", "two", "three",
];

/// The least Dice coefficient of an English equivalent shown.
const MIN_DICE: f64 = 0.3;

/// Options of `terms --extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExtractOptions {
    /// The least number of units a candidate occurs in.
    pub min_freq: usize,
    /// At most this many candidates.
    pub top: usize,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            min_freq: 2,
            top: 20,
        }
    }
}

/// A likely English equivalent of a candidate.
#[derive(Debug, Clone, PartialEq)]
pub struct Equivalent {
    /// The English words, as seen most often.
    pub en: String,
    /// Dice coefficient over units.
    pub dice: f64,
    /// Units that have both.
    pub units: usize,
}

/// A proposed glossary term.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The German term, in its most frequent form.
    pub de: String,
    /// Units whose German side has it.
    pub units: usize,
    /// The score (see the module documentation).
    pub score: f64,
    /// Likely English equivalents, best first.
    pub equivalents: Vec<Equivalent>,
    /// An example pair.
    pub example: Option<Example>,
}

/// A unit's text, as extraction reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitText {
    /// German side.
    pub source: String,
    /// English side.
    pub target: String,
    /// `file.tmx:line`, if known.
    pub origin: Option<String>,
}

/// What is gathered about one candidate.
#[derive(Debug, Default)]
struct Gathered {
    units: Vec<usize>,
    forms: HashMap<String, usize>,
    inside: usize,
    letters: usize,
    /// Lower-case key of the word (of a phrase: the noun).
    noun_key: String,
    /// A phrase's adjective key.
    adjective_key: Option<String>,
}

/// A word or hyphenated compound of a German text.
struct Token<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    initial: bool,
}

fn tokens<'a>(text: &'a str, ws: &[Word<'a>]) -> Vec<Token<'a>> {
    let mut out: Vec<Token<'a>> = Vec::new();
    let mut prev_end: Option<usize> = None;
    for w in ws {
        let gap = prev_end
            .and_then(|e| text.get(e..w.start))
            .unwrap_or_default();
        if let Some(last) = out.last_mut()
            && prev_end.is_some()
            && is_hyphen_gap(gap)
        {
            last.end = w.end;
            last.text = text.get(last.start..w.end).unwrap_or(last.text);
        } else {
            let initial =
                prev_end.is_none() || gap.contains(['.', '!', '?', ':', '«', '»', '"', '„', '“']);
            out.push(Token {
                text: w.text,
                start: w.start,
                end: w.end,
                initial,
            });
        }
        prev_end = Some(w.end);
    }
    out
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

fn is_noun(t: &str) -> bool {
    let last_part = t.rsplit(['-', '\u{2010}', '\u{2011}']).next().unwrap_or(t);
    t.chars().next().is_some_and(char::is_uppercase)
        && last_part.chars().next().is_some_and(char::is_uppercase)
        && letters(t) >= 4
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
        && t.chars().any(char::is_lowercase)
}

fn is_adjective(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
        && t.chars().all(char::is_alphabetic)
        && letters(t) >= 4
        && ["e", "en", "er", "es", "em"].iter().any(|e| t.ends_with(e))
}

/// Stems and word lists shared by the passes.
struct Lexicon {
    de: Stemmer,
    en: Stemmer,
    common: HashSet<String>,
    common_stems: HashSet<String>,
}

impl Lexicon {
    fn new() -> Lexicon {
        let common: HashSet<String> = DE_COMMON
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(key)
            .collect();
        let de = Stemmer::create(Algorithm::German);
        let common_stems = common
            .iter()
            .map(|w| de.stem(&fold_umlauts(w)).into_owned())
            .collect();
        Lexicon {
            de,
            en: Stemmer::create(Algorithm::English),
            common,
            common_stems,
        }
    }

    fn de_stem(&self, word: &str) -> String {
        word.split(['-', '\u{2010}', '\u{2011}'])
            .map(|p| self.de.stem(&fold_umlauts(&key(p))).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    fn en_stem(&self, word: &str) -> String {
        self.en.stem(&key(word)).into_owned()
    }

    /// Whether the word, or a word with its stem, is a frequent one.
    fn is_common(&self, word: &str) -> bool {
        self.common.contains(&key(word)) || self.common_stems.contains(&self.de_stem(word))
    }
}

/// The fewest parts (each a vocabulary word of at least 3 letters, maybe
/// followed by a linking element) that make up `word`, if at least two.
fn compound_parts(word: &str, vocabulary: &HashSet<String>) -> Option<usize> {
    let chars: Vec<char> = fold_umlauts(&key(word)).chars().collect();
    let n = chars.len();
    if n < 6 {
        return None;
    }
    let whole: String = chars.iter().collect();
    let known = |i: usize, j: usize| -> bool {
        let part: String = chars.get(i..j).unwrap_or_default().iter().collect();
        if part == whole {
            return false;
        }
        if part.chars().count() >= 3 && vocabulary.contains(&part) {
            return true;
        }
        ["s", "es", "n", "en", "e"].iter().any(|link| {
            part.strip_suffix(link)
                .is_some_and(|p| p.chars().count() >= 3 && vocabulary.contains(p))
        })
    };
    // best[j] = fewest parts for chars[..j].
    let mut best: Vec<Option<usize>> = vec![None; n + 1];
    if let Some(b) = best.first_mut() {
        *b = Some(0);
    }
    for j in 1..=n {
        let mut here: Option<usize> = None;
        for i in 0..j {
            if let Some(Some(b)) = best.get(i)
                && known(i, j)
            {
                here = Some(here.map_or(b + 1, |h: usize| h.min(b + 1)));
            }
        }
        if let Some(slot) = best.get_mut(j) {
            *slot = here;
        }
    }
    best.get(n).copied().flatten().filter(|&p| p >= 2)
}

/// English n-grams of a unit: stem key → surface, each once.
fn ngrams(lex: &Lexicon, text: &str) -> HashMap<String, (String, bool)> {
    let ws = words(text);
    let mut out: HashMap<String, (String, bool)> = HashMap::new();
    let ok_word = |w: &Word<'_>| !w.text.chars().any(|c| c.is_ascii_digit());
    for i in 0..ws.len() {
        for n in 1..=3 {
            let Some(slice) = ws.get(i..i + n) else {
                break;
            };
            if !slice.iter().all(ok_word) {
                break;
            }
            let joined = slice.windows(2).all(|pair| match pair {
                [a, b] => text.get(a.end..b.start).is_some_and(is_phrase_gap),
                _ => true,
            });
            if !joined {
                break;
            }
            let (Some(first), Some(last)) = (slice.first(), slice.last()) else {
                break;
            };
            let stop = |w: &Word<'_>| EN_STOP.contains(&key(w.text).as_str());
            if stop(first) || stop(last) {
                continue;
            }
            let k = slice
                .iter()
                .map(|w| lex.en_stem(w.text))
                .collect::<Vec<_>>()
                .join(" ");
            let surface = text
                .get(first.start..last.end)
                .unwrap_or_default()
                .to_owned();
            out.entry(k).or_insert((surface, i == 0));
        }
    }
    out
}

/// Proposes term candidates from `units` (see the module documentation).
pub fn extract(units: &[UnitText], glossary: &Glossary, opts: ExtractOptions) -> Vec<Candidate> {
    let lex = Lexicon::new();
    let min_freq = opts.min_freq.max(1);

    // Pass 1: German candidates.
    let mut gathered: HashMap<String, Gathered> = HashMap::new();
    let mut vocabulary: HashSet<String> = lex
        .common
        .iter()
        .filter(|w| w.chars().count() >= 3)
        .map(|w| fold_umlauts(w))
        .collect();
    let mut unit_cands: Vec<Vec<String>> = Vec::with_capacity(units.len());
    for (u, unit) in units.iter().enumerate() {
        let ws = words(&unit.source);
        let toks = tokens(&unit.source, &ws);
        let mut here: Vec<String> = Vec::new();
        for w in &ws {
            if letters(w.text) >= 4 && w.text.chars().all(char::is_alphabetic) {
                vocabulary.insert(fold_umlauts(&key(w.text)));
            }
        }
        for (i, t) in toks.iter().enumerate() {
            if !is_noun(t.text) {
                continue;
            }
            let k = lex.de_stem(t.text);
            let g = gathered.entry(k.clone()).or_default();
            note(g, u, t.text, !t.initial, letters(t.text), &mut here, &k);
            g.noun_key = key(t.text);
            // adjective + noun
            if let Some(prev) = i.checked_sub(1).and_then(|p| toks.get(p))
                && is_adjective(prev.text)
                && !lex.is_common(prev.text)
                && unit
                    .source
                    .get(prev.end..t.start)
                    .is_some_and(|gap| !gap.is_empty() && gap.chars().all(char::is_whitespace))
            {
                let pk = format!("{} {}", lex.de_stem(prev.text), k);
                let surface = unit.source.get(prev.start..t.end).unwrap_or_default();
                let l = letters(t.text) + letters(prev.text) / 2;
                let g = gathered.entry(pk.clone()).or_default();
                note(g, u, surface, true, l, &mut here, &pk);
                g.noun_key = key(t.text);
                g.adjective_key = Some(key(prev.text));
            }
        }
        unit_cands.push(here);
    }

    merge_genitives(&mut gathered, &mut unit_cands);

    // Leave out what the glossary has, and the rare.
    let matcher = TermMatcher::new(glossary);
    let known = |forms: &HashMap<String, usize>| {
        forms.keys().any(|f| {
            matcher
                .find_source(f)
                .iter()
                .any(|h| h.start == 0 && h.end == f.len() && h.kind != HitKind::Compound)
        })
    };
    let mut scored: Vec<(String, f64)> = gathered
        .iter()
        .filter(|(_, g)| g.units.len() >= min_freq && g.inside > 0 && !known(&g.forms))
        .map(|(k, g)| (k.clone(), termhood(&lex, g, &vocabulary)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let keep = opts.top.saturating_mul(3).max(50);
    scored.truncate(keep);
    let chosen: HashSet<&str> = scored.iter().map(|(k, _)| k.as_str()).collect();

    // Pass 2: co-occurrence of candidates with English n-grams.
    let mut co: HashMap<&str, HashMap<String, usize>> = HashMap::new();
    let mut surfaces: HashMap<String, HashMap<String, usize>> = HashMap::new();
    let mut unit_grams: HashMap<usize, HashSet<String>> = HashMap::new();
    for (u, unit) in units.iter().enumerate() {
        let cands: Vec<&str> = unit_cands
            .get(u)
            .map(|v| {
                v.iter()
                    .map(String::as_str)
                    .filter(|c| chosen.contains(c))
                    .collect()
            })
            .unwrap_or_default();
        if cands.is_empty() {
            continue;
        }
        let grams = ngrams(&lex, &unit.target);
        for (k, (surface, initial)) in &grams {
            let s = surfaces.entry(k.clone()).or_default();
            // A unit-initial capital is not the word's own.
            let weight = if *initial { 1 } else { 3 };
            *s.entry(surface.clone()).or_default() += weight;
        }
        for c in cands {
            let m = co.entry(c).or_default();
            for k in grams.keys() {
                *m.entry(k.clone()).or_default() += 1;
            }
        }
        unit_grams.insert(u, grams.into_keys().collect());
    }
    let wanted: HashSet<String> = co
        .values()
        .flat_map(|m| m.iter().filter(|(_, n)| **n >= 2).map(|(k, _)| k.clone()))
        .collect();
    // Pass 3: how many units have each of those n-grams.
    let mut df_en: HashMap<String, usize> = HashMap::new();
    for (u, unit) in units.iter().enumerate() {
        let grams: HashSet<String> = match unit_grams.get(&u) {
            Some(g) => g.clone(),
            None => ngrams(&lex, &unit.target).into_keys().collect(),
        };
        for g in grams {
            if wanted.contains(&g) {
                *df_en.entry(g).or_default() += 1;
            }
        }
    }

    let mut out: Vec<Candidate> = Vec::new();
    for (k, base) in &scored {
        let Some(g) = gathered.get(k) else { continue };
        let df = g.units.len();
        let mut eqs: Vec<(String, f64, usize, usize)> = co
            .get(k.as_str())
            .map(|m| {
                m.iter()
                    .filter(|(_, n)| **n >= 2)
                    .filter_map(|(e, &n)| {
                        let fe = *df_en.get(e)?;
                        let dice = ratio(2 * n, df + fe);
                        Some((e.clone(), dice, n, e.split(' ').count()))
                    })
                    .filter(|(_, d, _, _)| *d >= MIN_DICE)
                    .collect()
            })
            .unwrap_or_default();
        eqs.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(b.3.cmp(&a.3))
                .then(b.2.cmp(&a.2))
                .then_with(|| a.0.cmp(&b.0))
        });
        let equivalents: Vec<Equivalent> = eqs
            .iter()
            .take(3)
            .map(|(e, dice, n, _)| Equivalent {
                en: best_surface(surfaces.get(e)).unwrap_or_else(|| e.clone()),
                dice: *dice,
                units: *n,
            })
            .collect();
        let de = best_form(&g.forms);
        let p = match equivalents.first() {
            Some(e) if cognate(&de, &e.en) => 0.3,
            Some(_) => 1.0,
            None => 0.5,
        };
        let best_key = eqs.first().map(|(e, ..)| e.clone());
        let example = example(units, &g.units, best_key.as_deref(), &unit_grams);
        out.push(Candidate {
            de,
            units: df,
            score: base * p,
            equivalents,
            example,
        });
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.units.cmp(&a.units))
            .then_with(|| a.de.cmp(&b.de))
    });
    out.truncate(opts.top);
    out
}

/// Merges `Nordkoreas` into `Nordkorea`: Snowball keeps a genitive `-s`
/// after a vowel, so a single-word key ending in `s` whose key without it is
/// also a candidate is the same word.
fn merge_genitives(gathered: &mut HashMap<String, Gathered>, unit_cands: &mut [Vec<String>]) {
    let mut keys: Vec<String> = gathered
        .keys()
        .filter(|k| !k.contains(' ') && k.ends_with('s'))
        .filter(|k| {
            k.strip_suffix('s')
                .is_some_and(|base| gathered.contains_key(base))
        })
        .cloned()
        .collect();
    keys.sort();
    for k in keys {
        let Some(base) = k.strip_suffix('s').map(str::to_owned) else {
            continue;
        };
        let Some(g) = gathered.remove(&k) else {
            continue;
        };
        if let Some(b) = gathered.get_mut(&base) {
            for u in g.units {
                if !b.units.contains(&u) {
                    b.units.push(u);
                }
            }
            b.units.sort_unstable();
            for (f, n) in g.forms {
                *b.forms.entry(f).or_default() += n;
            }
            b.inside += g.inside;
        }
        for cands in unit_cands.iter_mut() {
            if let Some(pos) = cands.iter().position(|c| *c == k) {
                cands.remove(pos);
                if !cands.contains(&base) {
                    cands.push(base.clone());
                }
            }
        }
    }
}

/// Records one occurrence of a candidate in unit `u`.
fn note(
    g: &mut Gathered,
    u: usize,
    surface: &str,
    inside: bool,
    letters: usize,
    here: &mut Vec<String>,
    k: &str,
) {
    if g.units.last() != Some(&u) {
        g.units.push(u);
    }
    *g.forms.entry(surface.to_owned()).or_default() += 1;
    if inside {
        g.inside += 1;
    }
    g.letters = letters;
    if !here.iter().any(|h| h == k) {
        here.push(k.to_owned());
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        return 0.0;
    }
    // Unit counts are far below 2^52: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let r = a as f64 / b as f64;
    r
}

/// The termhood part of the score: ln(1 + df) · L · S · C.
fn termhood(lex: &Lexicon, g: &Gathered, vocabulary: &HashSet<String>) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let df = g.units.len() as f64;
    #[allow(clippy::cast_precision_loss)]
    let l = (g.letters as f64 / 10.0).min(2.5);
    let head = &g.noun_key;
    let stems = if head.contains('-') {
        head.split('-').filter(|p| !p.is_empty()).count()
    } else {
        compound_parts(head, vocabulary).unwrap_or(if letters(head) >= 10 { 2 } else { 1 })
    }
    .clamp(1, 3);
    #[allow(clippy::cast_precision_loss)]
    let s = 1.0 + 0.5 * (stems as f64 - 1.0);
    let c = match &g.adjective_key {
        None if lex.is_common(head) => 0.1,
        None => 1.0,
        Some(a) if lex.is_common(a) => 0.1,
        Some(_) if lex.is_common(head) => 0.5,
        Some(_) => 1.0,
    };
    (1.0 + df).ln() * l * s * c
}

/// The form seen most often, then the shortest, then the first in order.
fn best_form(forms: &HashMap<String, usize>) -> String {
    let mut v: Vec<(&String, &usize)> = forms.iter().collect();
    v.sort_by(|a, b| {
        b.1.cmp(a.1)
            .then(a.0.chars().count().cmp(&b.0.chars().count()))
            .then_with(|| a.0.cmp(b.0))
    });
    v.first().map(|(f, _)| (*f).clone()).unwrap_or_default()
}

fn best_surface(forms: Option<&HashMap<String, usize>>) -> Option<String> {
    let forms = forms?;
    let mut v: Vec<(&String, &usize)> = forms.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    v.first().map(|(f, _)| (*f).clone())
}

/// Whether the English equivalent is spelt nearly like the German.
fn cognate(de: &str, en: &str) -> bool {
    let norm = |s: &str| -> String {
        fold_umlauts(&key(s))
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    strsim::normalized_levenshtein(&norm(de), &norm(en)) >= 0.8
}

/// The shortest German side among the candidate's units whose English has
/// the best equivalent (any unit when none has it), then memory order.
fn example(
    units: &[UnitText],
    of: &[usize],
    best: Option<&str>,
    grams: &HashMap<usize, HashSet<String>>,
) -> Option<Example> {
    let with_best = |u: &usize| best.is_some_and(|b| grams.get(u).is_some_and(|g| g.contains(b)));
    let pick = of
        .iter()
        .filter(|u| with_best(u))
        .min_by_key(|&&u| {
            (
                units
                    .get(u)
                    .map_or(usize::MAX, |x| x.source.chars().count()),
                u,
            )
        })
        .or_else(|| {
            of.iter().min_by_key(|&&u| {
                (
                    units
                        .get(u)
                        .map_or(usize::MAX, |x| x.source.chars().count()),
                    u,
                )
            })
        })?;
    let unit = units.get(*pick)?;
    Some(Example {
        source: unit.source.clone(),
        target: unit.target.clone(),
        origin: unit.origin.clone(),
        en_index: Some(0),
    })
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
