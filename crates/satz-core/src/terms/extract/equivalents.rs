//! Passes 2 to 4: the English equivalents of the shortlisted candidates.
//! Every English word n-gram of a unit that has a candidate is counted with
//! it, and the n-grams shared in at least two units are counted over the
//! whole memory, alone and with every German candidate; then each unit's
//! n-grams are counted again, for the unit's candidates they go with best
//! (competitive linking), so that each pair gets its Dice coefficient (see
//! the module documentation of `extract`).

use std::collections::{HashMap, HashSet};

use super::lexicon::Lexicon;
use super::{Equivalent, UnitText};
use crate::text::words::{Word, is_phrase_gap, key, words};

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

/// N-gram key → German candidate key → units that have both.
type PairCounts<'u> = HashMap<String, HashMap<&'u str, usize>>;

/// The least Dice coefficient of an English equivalent shown.
const MIN_DICE: f64 = 0.3;

/// English n-grams of a unit: stem key → surface, each once.
pub(super) fn ngrams(lex: &Lexicon, text: &str) -> HashMap<String, (String, bool)> {
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

/// How the shortlisted candidates co-occur with English n-grams.
pub(super) struct Cooccurrence<'u> {
    /// Candidate key → n-gram key → units that have both, the n-gram
    /// linked to the candidate there (pass 4).
    co: HashMap<&'u str, HashMap<String, usize>>,
    /// N-gram key → surface → weighted count (3, or 1 at the unit start).
    surfaces: HashMap<String, HashMap<String, usize>>,
    /// The n-gram keys of each unit that has a shortlisted candidate.
    pub(super) unit_grams: HashMap<usize, HashSet<String>>,
    /// Units that have each n-gram shared with a candidate in two units.
    df_en: HashMap<String, usize>,
    /// N-gram key → (occurrences capitalised as a name, all occurrences),
    /// not counting those at the start of a unit.
    capitals: HashMap<String, (usize, usize)>,
}

impl<'u> Cooccurrence<'u> {
    /// Counts the n-grams of the units that have a candidate of `scored`
    /// (`unit_cands` are each unit's candidate keys), then how many units
    /// have each n-gram that some candidate shares in at least two units,
    /// alone and with each candidate, then links each unit's n-grams to
    /// the unit's candidates they go with best.
    pub(super) fn count(
        units: &[UnitText],
        unit_cands: &'u [Vec<String>],
        scored: &[(String, f64)],
        lex: &Lexicon,
    ) -> Cooccurrence<'u> {
        let chosen: HashSet<&str> = scored.iter().map(|(k, _)| k.as_str()).collect();

        // Pass 2: co-occurrence of candidates with English n-grams.
        let mut co: HashMap<&str, HashMap<String, usize>> = HashMap::new();
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
            let grams = ngrams(lex, &unit.target);
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
        // Pass 3: over the whole memory (so that none of it depends on
        // which candidates were shortlisted).
        let memory = OverMemory::count(units, unit_cands, &wanted, lex);

        // Pass 4: every English n-gram of a unit goes to the German
        // candidates of that unit it is most strongly associated with over
        // the whole memory (competitive linking after Melamed 2000, per
        // n-gram rather than one to one): `tear gas` in a unit with
        // `Tränengas` is that word's, not `Ordnungskräfte`'s.
        let co = link_competitively(unit_cands, &chosen, &unit_grams, &memory);

        Cooccurrence {
            co,
            surfaces: memory.surfaces,
            unit_grams,
            df_en: memory.df_en,
            capitals: memory.capitals,
        }
    }

    /// The English equivalents of candidate `k` (in `df` units), best first,
    /// at most three, and their n-gram keys.
    pub(super) fn equivalents(&self, k: &str, df: usize) -> (Vec<Equivalent>, Vec<String>) {
        let mut eqs: Vec<(String, f64, usize, usize)> = self
            .co
            .get(k)
            .map(|m| {
                m.iter()
                    .filter(|(_, n)| **n >= 2)
                    .filter_map(|(e, &n)| {
                        let fe = *self.df_en.get(e)?;
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
                en: best_surface(self.surfaces.get(e)).unwrap_or_else(|| e.clone()),
                dice: *dice,
                units: *n,
            })
            .collect();
        let keys = eqs.iter().take(3).map(|(e, ..)| e.clone()).collect();
        (equivalents, keys)
    }
}

impl Cooccurrence<'_> {
    /// The share of the English n-gram `k`'s occurrences not at the start
    /// of a unit that are capitalised as a name is ([`capitalised_as_name`]):
    /// near 1 for a name (`Pyongyang`, `Kremlin`), low for a common noun,
    /// 0 when it only starts units.
    pub(super) fn capitalised(&self, k: &str) -> f64 {
        self.capitals
            .get(k)
            .map_or(0.0, |&(caps, all)| ratio(caps, all))
    }
}

/// Whether the first word of `surface` and every other but a function word
/// or a short particle (`en`, `von`) start with a capital.
fn capitalised_as_name(surface: &str) -> bool {
    words(surface).iter().enumerate().all(|(i, w)| {
        w.text.chars().next().is_some_and(char::is_uppercase)
            || (i > 0 && (EN_STOP.contains(&key(w.text).as_str()) || w.text.chars().count() <= 3))
    })
}

/// What pass 3 counts over the whole memory for the n-grams some
/// shortlisted candidate shares in at least two units.
struct OverMemory<'u> {
    /// N-gram key → surface → weighted count (3, or 1 at the unit start).
    surfaces: HashMap<String, HashMap<String, usize>>,
    /// N-gram key → (occurrences capitalised as a name, all occurrences),
    /// not counting those at the start of a unit.
    capitals: HashMap<String, (usize, usize)>,
    /// Units that have each n-gram.
    df_en: HashMap<String, usize>,
    /// Units that have each n-gram and each German candidate (any
    /// candidate, not only the shortlisted: for pass 4).
    pair: PairCounts<'u>,
}

impl<'u> OverMemory<'u> {
    /// Counts the n-grams `wanted` over `units`, whose German candidates
    /// are `unit_cands`.
    fn count(
        units: &[UnitText],
        unit_cands: &'u [Vec<String>],
        wanted: &HashSet<String>,
        lex: &Lexicon,
    ) -> OverMemory<'u> {
        let mut m = OverMemory {
            surfaces: HashMap::new(),
            capitals: HashMap::new(),
            df_en: HashMap::new(),
            pair: HashMap::new(),
        };
        for (u, unit) in units.iter().enumerate() {
            for (k, (surface, initial)) in ngrams(lex, &unit.target) {
                if !wanted.contains(&k) {
                    continue;
                }
                let meets = m.pair.entry(k.clone()).or_default();
                for g in unit_cands.get(u).map_or(&[][..], Vec::as_slice) {
                    *meets.entry(g.as_str()).or_default() += 1;
                }
                let s = m.surfaces.entry(k.clone()).or_default();
                // A unit-initial capital is not the word's own.
                let weight = if initial { 1 } else { 3 };
                *s.entry(surface.clone()).or_default() += weight;
                if !initial {
                    let c = m.capitals.entry(k.clone()).or_default();
                    c.0 += usize::from(capitalised_as_name(&surface));
                    c.1 += 1;
                }
                *m.df_en.entry(k).or_default() += 1;
            }
        }
        m
    }
}

/// How many units each shortlisted candidate (`chosen`) shares with each
/// n-gram of its units (`unit_grams`) that the `memory` counted, a unit's
/// n-gram counting only for the candidates of the unit (of all its
/// candidates, `unit_cands`) with the highest Dice coefficient with it
/// over the memory.
fn link_competitively<'u>(
    unit_cands: &'u [Vec<String>],
    chosen: &HashSet<&str>,
    unit_grams: &HashMap<usize, HashSet<String>>,
    memory: &OverMemory<'_>,
) -> HashMap<&'u str, HashMap<String, usize>> {
    let (df_en, pair) = (&memory.df_en, &memory.pair);
    let mut df_de: HashMap<&str, usize> = HashMap::new();
    for cands in unit_cands {
        for c in cands {
            *df_de.entry(c.as_str()).or_default() += 1;
        }
    }
    let dice = |e: &str, g: &str| -> f64 {
        let both = pair.get(e).and_then(|m| m.get(g)).copied().unwrap_or(0);
        let de = df_de.get(g).copied().unwrap_or(0);
        ratio(2 * both, de + df_en.get(e).copied().unwrap_or(0))
    };
    let mut recount: HashMap<&'u str, HashMap<String, usize>> = HashMap::new();
    for (&u, grams) in unit_grams {
        let cands = unit_cands.get(u).map_or(&[][..], Vec::as_slice);
        for e in grams {
            // Only n-grams counted over the memory can reach two units.
            if !df_en.contains_key(e) {
                continue;
            }
            let scores: Vec<f64> = cands.iter().map(|g| dice(e, g)).collect();
            let best = scores.iter().copied().fold(0.0, f64::max);
            for (g, &d) in cands.iter().zip(&scores) {
                if d >= best && chosen.contains(g.as_str()) {
                    *recount
                        .entry(g.as_str())
                        .or_default()
                        .entry(e.clone())
                        .or_default() += 1;
                }
            }
        }
    }
    recount
}

/// `a / b`, 0 when `b` is 0.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        return 0.0;
    }
    // Unit counts are far below 2^52: exact in f64.
    #[allow(clippy::cast_precision_loss)]
    let r = a as f64 / b as f64;
    r
}

/// The surface seen most often (by weight), then the first in order.
fn best_surface(forms: Option<&HashMap<String, usize>>) -> Option<String> {
    let forms = forms?;
    let mut v: Vec<(&String, &usize)> = forms.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    v.first().map(|(f, _)| (*f).clone())
}
