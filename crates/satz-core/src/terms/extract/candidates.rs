//! Pass 1: the German candidates of each unit. A candidate is a noun (or a
//! hyphenated compound) or an adjective + noun phrase; its occurrences are
//! gathered under its stem key, and a genitive `-s` key is merged into the
//! key without it. See the module documentation of `extract` for the rules.

use std::collections::{HashMap, HashSet};

use super::UnitText;
use super::citation::{genitive_merges, noun_forms};
use super::lexicon::Lexicon;
use crate::text::words::{Word, fold_umlauts, is_hyphen_gap, key, words};

/// What is gathered about one candidate.
#[derive(Debug, Default)]
pub(super) struct Gathered {
    /// The units that have it, in memory order.
    pub(super) units: Vec<usize>,
    /// How often each surface form was seen.
    pub(super) forms: HashMap<String, usize>,
    /// How often it was seen inside a sentence (not as its first word).
    pub(super) inside: usize,
    /// Its letters (an adjective's count half).
    pub(super) letters: usize,
    /// Lower-case key of the word (of a phrase: the noun).
    pub(super) noun_key: String,
    /// A phrase's adjective key.
    pub(super) adjective_key: Option<String>,
}

/// A word or hyphenated compound of a German text.
pub(super) struct Token<'a> {
    /// The token's text.
    pub(super) text: &'a str,
    /// Byte offset of the start.
    start: usize,
    /// Byte offset one past the end.
    end: usize,
    /// Whether it starts the text or follows sentence punctuation or a quote.
    pub(super) initial: bool,
}

/// The tokens of `text` (whose words are `ws`): words, with words joined
/// by a single hyphen made one token.
pub(super) fn tokens<'a>(text: &'a str, ws: &[Word<'a>]) -> Vec<Token<'a>> {
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
            #[allow(
                clippy::indexing_slicing,
                reason = "word spans lie on char boundaries of text, the last token's before w's"
            )]
            let joined = &text[last.start..w.end];
            last.text = joined;
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

/// The number of letters of `s`.
pub(super) fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

/// Whether `t` is a noun candidate (see the module documentation of
/// `extract`).
pub(super) fn is_noun(t: &str) -> bool {
    let last_part = t.rsplit(['-', '\u{2010}', '\u{2011}']).next().unwrap_or(t);
    t.chars().next().is_some_and(char::is_uppercase)
        && last_part.chars().next().is_some_and(char::is_uppercase)
        && letters(t) >= 4
        && t.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\u{2010}' | '\u{2011}'))
        && t.chars().any(char::is_lowercase)
}

/// Whether `t` looks like an inflected adjective.
pub(super) fn is_adjective(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_lowercase)
        && t.chars().all(char::is_alphabetic)
        && letters(t) >= 4
        && ["e", "en", "er", "es", "em"].iter().any(|e| t.ends_with(e))
}

/// The German candidates of a memory, as pass 1 gathers them.
pub(super) struct Gathering {
    /// What was seen of each candidate, by key (stems; a phrase's are
    /// joined by a space).
    pub(super) gathered: HashMap<String, Gathered>,
    /// The memory's German words of at least four letters, umlauts folded:
    /// with the reference list's words, the parts a compound may be split
    /// into.
    pub(super) vocabulary: HashSet<String>,
    /// The number of German words of the memory.
    pub(super) tokens: usize,
    /// The candidate keys of each unit, in memory order.
    pub(super) unit_cands: Vec<Vec<String>>,
    /// The folded forms of every single-word noun candidate.
    pub(super) nouns: HashSet<String>,
}

/// Gathers the candidates of every unit's German side.
pub(super) fn gather(units: &[UnitText], lex: &Lexicon) -> Gathering {
    let mut gathered: HashMap<String, Gathered> = HashMap::new();
    let mut vocabulary: HashSet<String> = HashSet::new();
    let mut n_words = 0;
    let mut unit_cands: Vec<Vec<String>> = Vec::with_capacity(units.len());
    for (u, unit) in units.iter().enumerate() {
        let ws = words(&unit.source);
        let toks = tokens(&unit.source, &ws);
        let mut here: Vec<String> = Vec::new();
        n_words += ws.len();
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
                #[allow(
                    clippy::indexing_slicing,
                    reason = "token spans lie on char boundaries of the source, prev's before t's"
                )]
                let surface = &unit.source[prev.start..t.end];
                let l = letters(t.text) + letters(prev.text) / 2;
                let g = gathered.entry(pk.clone()).or_default();
                note(g, u, surface, true, l, &mut here, &pk);
                g.noun_key = key(t.text);
                g.adjective_key = Some(key(prev.text));
            }
        }
        unit_cands.push(here);
    }

    let nouns = noun_forms(&gathered);
    merge_genitives(&mut gathered, &mut unit_cands, lex, &nouns);
    Gathering {
        gathered,
        vocabulary,
        tokens: n_words,
        unit_cands,
        nouns,
    }
}

/// Merges `Nordkoreas` into `Nordkorea`: Snowball keeps a genitive `-s`
/// after a vowel, so a single-word key ending in `s` whose key without it is
/// also a candidate is the same word. Then merges a candidate whose most
/// frequent form is another's genitive where Snowball keys the two apart
/// (`Finanzsystems`, key `finanzsystem`, into `Finanzsystem`, key
/// `finanzsyst`; see `citation`).
fn merge_genitives(
    gathered: &mut HashMap<String, Gathered>,
    unit_cands: &mut [Vec<String>],
    lex: &Lexicon,
    nouns: &HashSet<String>,
) {
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
        if let Some(base) = k.strip_suffix('s') {
            merge(gathered, unit_cands, &k, base);
        }
    }
    for (from, into) in genitive_merges(gathered, lex, nouns) {
        merge(gathered, unit_cands, &from, &into);
    }
}

/// Moves candidate `from` into candidate `into` (units, forms, counts),
/// in every unit's list too; nothing when either is gone.
fn merge(
    gathered: &mut HashMap<String, Gathered>,
    unit_cands: &mut [Vec<String>],
    from: &str,
    into: &str,
) {
    if from == into || !gathered.contains_key(into) {
        return;
    }
    let Some(g) = gathered.remove(from) else {
        return;
    };
    if let Some(b) = gathered.get_mut(into) {
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
        if let Some(pos) = cands.iter().position(|c| c == from) {
            cands.remove(pos);
            if !cands.iter().any(|c| c == into) {
                cands.push(into.to_owned());
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
