//! How frequent a candidate is in general German: its Zipf value in the
//! reference list (`de-freq.txt`), or, for a compound the list lacks, an
//! estimate from its parts (see the module documentation of `extract`).

use std::collections::HashSet;

use super::candidates::Gathered;
use super::lexicon::{LIST_FLOOR, Lexicon};
use crate::text::words::{fold_umlauts, key};

/// How much rarer a compound is than its rarest part (Zipf).
const COMPOUND_DROP: f64 = 1.0;

/// The Zipf value given to a word that is neither in the list nor made of
/// known parts.
pub(super) const UNKNOWN_ZIPF: f64 = LIST_FLOOR - 0.5;

/// What the reference list says about a candidate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct General {
    /// Its frequency in general German (Zipf; estimated when not listed).
    pub(super) zipf: f64,
    /// The parts of its head noun (hyphenated or closed compound), at
    /// least 1.
    pub(super) parts: usize,
    /// Whether the list has the word itself (of a phrase: both words).
    pub(super) listed: bool,
}

/// The general-German frequency of candidate `g`: the highest Zipf value
/// of its forms in the list; else, for a compound, its rarest part's less
/// [`COMPOUND_DROP`]; else [`UNKNOWN_ZIPF`]. A phrase is as rare as its
/// rarer word less [`COMPOUND_DROP`].
pub(super) fn general(lex: &Lexicon, g: &Gathered, vocabulary: &HashSet<String>) -> General {
    let noun = noun_general(lex, g, vocabulary);
    match &g.adjective_key {
        None => noun,
        Some(a) => {
            let adj = lex.zipf(a);
            General {
                zipf: adj.unwrap_or(UNKNOWN_ZIPF).min(noun.zipf) - COMPOUND_DROP,
                parts: noun.parts,
                listed: noun.listed && adj.is_some(),
            }
        }
    }
}

/// [`general`] of the noun of `g` (the candidate itself when a noun).
fn noun_general(lex: &Lexicon, g: &Gathered, vocabulary: &HashSet<String>) -> General {
    let head = &g.noun_key;
    let hyphen_parts: Vec<&str> = head
        .split(['-', '\u{2010}', '\u{2011}'])
        .filter(|p| !p.is_empty())
        .collect();
    let listed = if g.adjective_key.is_none() {
        g.forms.keys().filter_map(|f| lex.zipf(f)).reduce(f64::max)
    } else {
        lex.zipf(head)
    };
    let split = if hyphen_parts.len() > 1 {
        None
    } else {
        compound_split(head, vocabulary, lex)
    };
    let parts = if hyphen_parts.len() > 1 {
        hyphen_parts.len()
    } else {
        split.as_ref().map_or(1, Vec::len)
    };
    let zipf = match (listed, &split) {
        (Some(z), _) => z,
        (None, _) if hyphen_parts.len() > 1 => {
            let rarest = hyphen_parts
                .iter()
                .map(|p| word_zipf(lex, p, vocabulary))
                .fold(f64::INFINITY, f64::min);
            rarest - COMPOUND_DROP
        }
        (None, Some(s)) => parts_zipf(lex, s) - COMPOUND_DROP,
        (None, None) => UNKNOWN_ZIPF,
    };
    General {
        zipf,
        parts,
        listed: listed.is_some(),
    }
}

/// The Zipf value from which a compound part counts as an everyday word.
const ORDINARY_PART: f64 = 4.2;

/// Whether `head` (a noun's lower-case key) is a compound (hyphenated or
/// closed, listed or not) whose parts are all everyday words of general German (Zipf ≥
/// [`ORDINARY_PART`]): `Regierungsbeamte`, `Preiserhöhung`.
pub(super) fn ordinary_parts(lex: &Lexicon, head: &str, vocabulary: &HashSet<String>) -> bool {
    parts_at_least(lex, head, vocabulary, ORDINARY_PART)
}

/// The Zipf value from which a compound part counts as a general word for
/// the factor `G` (`benzin` 4.1, `mobil` 4.1, `bildschirm` 4.1): lower
/// than [`ORDINARY_PART`], since the English equivalent's being an
/// ordinary object is the main evidence.
const OBJECT_PART: f64 = 3.8;

/// Whether `head` (a noun's lower-case key) is a compound whose parts are
/// all general words of German (Zipf ≥ [`OBJECT_PART`]), so that the
/// factor `G` may apply: `Mobiltelefone`, `Benzinmotor`; not
/// `Hyperschallrakete` nor a single word (`Teleskop`).
pub(super) fn object_parts(lex: &Lexicon, head: &str, vocabulary: &HashSet<String>) -> bool {
    parts_at_least(lex, head, vocabulary, OBJECT_PART)
}

/// Whether `head` is a compound whose parts are all words of general
/// German at least `min` frequent (Zipf), or compounds of such words.
fn parts_at_least(lex: &Lexicon, head: &str, vocabulary: &HashSet<String>, min: f64) -> bool {
    let parts: Vec<String> = if head.contains('-') {
        head.split('-')
            .filter(|p| !p.is_empty())
            .map(|p| fold_umlauts(&key(p)))
            .collect()
    } else {
        compound_split(head, vocabulary, lex).unwrap_or_default()
    };
    parts.len() > 1 && parts.iter().all(|p| ordinary_part(lex, p, vocabulary, min))
}

/// Whether `head` (a noun's lower-case key) is the feminine form of a person noun
/// (`Rezeptionistin`, `Staatsanwältinnen`): it ends in `-in` or `-innen`
/// and the rest, of at least five letters, is a word of the memory or of
/// the reference list or a compound of such words. A term base lists the person under the base form.
pub(super) fn feminine_form(lex: &Lexicon, head: &str, vocabulary: &HashSet<String>) -> bool {
    let head = fold_umlauts(&key(head));
    ["innen", "in"].iter().any(|end| {
        head.strip_suffix(end).is_some_and(|base| {
            base.chars().count() >= 5
                && (vocabulary.contains(base)
                    || lex.knows_folded(base)
                    || compound_split(base, vocabulary, lex).is_some())
        })
    })
}

/// The endings a compound part may carry before the next part: none, or
/// a linking element or plural ending (`-s-`, `-es-`, `-n-`, `-en-`,
/// `-e-`).
const LINKS: [&str; 6] = ["", "s", "es", "n", "en", "e"];

/// The Zipf value of a compound part, or of the part without a linking
/// element or plural ending (`regierungs`, `erhohungen`), whichever is
/// higher, of a word of at least `min` letters.
pub(super) fn linked_zipf(lex: &Lexicon, part: &str, min: usize) -> Option<f64> {
    LINKS
        .iter()
        .filter_map(|end| part.strip_suffix(end).filter(|b| b.chars().count() >= min))
        .filter_map(|b| lex.zipf(b))
        .reduce(f64::max)
}

/// [`linked_zipf`] of a word of at least three letters.
fn bare_zipf(lex: &Lexicon, part: &str) -> Option<f64> {
    linked_zipf(lex, part, 3)
}

/// Whether a compound part is an everyday word: frequent in general German
/// itself, or a compound of such words (`lesegeräte`).
fn ordinary_part(lex: &Lexicon, part: &str, vocabulary: &HashSet<String>, min: f64) -> bool {
    let frequent = |p: &str| bare_zipf(lex, p).is_some_and(|z| z >= min);
    frequent(part)
        || compound_split(part, vocabulary, lex).is_some_and(|s| s.iter().all(|p| frequent(p)))
}

/// The Zipf value of one word: listed, else estimated from its parts.
fn word_zipf(lex: &Lexicon, word: &str, vocabulary: &HashSet<String>) -> f64 {
    lex.zipf(word).unwrap_or_else(|| {
        compound_split(word, vocabulary, lex)
            .map_or(UNKNOWN_ZIPF, |s| parts_zipf(lex, &s) - COMPOUND_DROP)
    })
}

/// The Zipf value of the rarest of `parts` (a part not listed counts as
/// [`UNKNOWN_ZIPF`]).
fn parts_zipf(lex: &Lexicon, parts: &[String]) -> f64 {
    parts
        .iter()
        .map(|p| lex.zipf(p).unwrap_or(UNKNOWN_ZIPF))
        .fold(f64::INFINITY, f64::min)
}

/// The longest word [`compound_split`] splits (letters): longer ones are
/// no German compounds, and the search must not cost time quadratic in a
/// word's length.
const MAX_COMPOUND: usize = 80;

/// The longest part of a compound (letters).
const MAX_PART: usize = 24;

/// The split of `word` into the fewest parts (at least two), each a word
/// of the reference list or of `vocabulary` (the memory's words) of at
/// least four letters, or a listed word of three letters at least as
/// frequent as Zipf 4, maybe followed by a linking element (`-s-`, `-es-`,
/// `-n-`, `-en-`, `-e-`): the parts without their linking elements, folded.
/// A part has at most [`MAX_PART`] letters; a word of more than
/// [`MAX_COMPOUND`] is not split.
pub(super) fn compound_split(
    word: &str,
    vocabulary: &HashSet<String>,
    lex: &Lexicon,
) -> Option<Vec<String>> {
    let chars: Vec<char> = fold_umlauts(&key(word)).chars().collect();
    let n = chars.len();
    if !(6..=MAX_COMPOUND).contains(&n) {
        return None;
    }
    let known_word = |p: &str| -> bool {
        let len = p.chars().count();
        (len >= 4 && (vocabulary.contains(p) || lex.knows_folded(p)))
            || (len == 3 && lex.zipf(p).is_some_and(|z| z >= 4.0))
    };
    let part = |i: usize, j: usize| -> Option<String> {
        if j - i == n {
            return None;
        }
        let p: String = chars.get(i..j)?.iter().collect();
        if known_word(&p) {
            return Some(p);
        }
        LINKS.iter().skip(1).find_map(|link| {
            p.strip_suffix(link)
                .filter(|b| known_word(b))
                .map(str::to_owned)
        })
    };
    // best[j] = the fewest parts for chars[..j] and where the last starts.
    let mut best: Vec<Option<(usize, usize, String)>> = vec![None; n + 1];
    if let Some(b) = best.first_mut() {
        *b = Some((0, 0, String::new()));
    }
    for j in 1..=n {
        for i in j.saturating_sub(MAX_PART)..j {
            let Some(count) = best.get(i).and_then(|b| b.as_ref().map(|b| b.0)) else {
                continue;
            };
            if best
                .get(j)
                .is_some_and(|b| b.as_ref().is_some_and(|b| b.0 <= count + 1))
            {
                continue;
            }
            if let Some(p) = part(i, j)
                && let Some(slot) = best.get_mut(j)
            {
                *slot = Some((count + 1, i, p));
            }
        }
    }
    let mut parts: Vec<String> = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i, p) = best.get(j)?.clone()?;
        parts.push(p);
        j = i;
    }
    parts.reverse();
    (parts.len() >= 2).then_some(parts)
}
