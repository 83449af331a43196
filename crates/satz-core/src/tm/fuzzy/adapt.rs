//! Placeables: numbers, month names and names that differ between the
//! query and the memory's source are carried into the translation, as
//! Trados does with auto-localisation. Each kind is adapted only when the
//! mapping is certain, else left alone (no guessing):
//!
//! * **Numbers.** The i-th number of the query corresponds to the i-th number
//!   of the source (both read in the source language's conventions); a
//!   source number whose value differs must occur exactly once in the source
//!   and exactly once, by value, in the target (read in the target
//!   language's conventions). The new number is written the target's way:
//!   from German into English `10'000` and `10.000` become `10,000`, `5,5`
//!   becomes `5.5`, `2024` stays `2024`; from English into German or French
//!   `5.5` becomes `5,5`; between languages with the same conventions the
//!   query's digits are kept.
//! * **Number words.** Unambiguous spelled-out cardinals (`vier`, `drei`,
//!   `twenty-one`; never `ein`, `eine`, `one`: see
//!   [`crate::text::numbers::placeables`]) take part in the numbering like
//!   digits. The target keeps its form: a word stays a word in the target
//!   language with the same capitalisation (`Four to five years` ->
//!   `Three to five years`), only for 2 to 99, else nothing is adapted; a
//!   digit stays a digit (`vier` in the query and `4` in the target gives
//!   `3`).
//! * **Months.** From German into English only: the i-th German month name
//!   of the query corresponds to the i-th of the source; a changed one is
//!   replaced when its English name occurs exactly once in the target
//!   (`am 6. Januar` -> `am 14. Februar` turns "6 January" into
//!   "14 February", the day being a number).
//! * **Names.** When query and source have the same words but for one or
//!   two capitalised, non-initial words, and each replaced word stands
//!   verbatim exactly once in the English target (as names do, and
//!   translated nouns do not), it is replaced there (`Blinken` -> `Sullivan`).

use crate::lang::LangPair;
use crate::text::numbers::placeables::{
    Placeable, digits, find_placeables, find_placeables_in, same, spell_like,
};
use crate::text::numbers::{ENGLISH_MONTHS, NumLang};
use crate::text::tokenize::{Token, TokenKind, reuse, tokenize};
use crate::text::words::{Word, words_of_tokens};

/// A replacement in the target: byte range and new text.
type Edit = (usize, usize, String);

/// A translation adapted to the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adapted {
    /// The adapted translation.
    pub text: String,
    /// The byte ranges of `text` that adaptation wrote, in order, never
    /// overlapping (each a whole replaced number, month or name).
    pub spans: Vec<(usize, usize)>,
}

/// The target with its placeables changed to fit `query`, or `None` when
/// nothing differs or no difference can be mapped with certainty. `query`
/// and `source` are in `pair.source`, `target` in `pair.target`.
pub fn adapt(query: &str, source: &str, target: &str, pair: &LangPair) -> Option<Adapted> {
    adapt_split(
        (query, &tokenize(query)),
        (source, &tokenize(source)),
        target,
        pair,
    )
}

/// [`adapt`] with the query's and the source's tokens split already (their
/// [`tokenize`]), so a caller that has them does not split them again.
pub(crate) fn adapt_split(
    (query, query_tokens): (&str, &[Token]),
    (source, source_tokens): (&str, &[Token]),
    target: &str,
    pair: &LangPair,
) -> Option<Adapted> {
    // Nothing differs, so nothing is adapted (every kind below finds the
    // same placeables on both sides; a proptest holds it): the common case
    // of an exact match, answered without splitting three texts.
    if query == source {
        return None;
    }
    adapt_differing((query, query_tokens), (source, source_tokens), target, pair)
}

/// [`adapt_split`] without its shortcut for a query equal to the source.
fn adapt_differing(
    (query, query_tokens): (&str, &[Token]),
    (source, source_tokens): (&str, &[Token]),
    target: &str,
    pair: &LangPair,
) -> Option<Adapted> {
    let mut edits: Vec<Edit> = Vec::new();
    // Month names are known in German and English only.
    let german_to_english = pair.source.primary() == "de" && pair.target.primary() == "en";
    // Numbers, months and names read the same tokens: split each text once.
    let (query_tokens, source_tokens) = (reuse(query, query_tokens), reuse(source, source_tokens));
    let query_words = words_of_tokens(query, &query_tokens);
    let source_words = words_of_tokens(source, &source_tokens);
    let (q, s) = (
        Tokens::split(query, &query_tokens),
        Tokens::split(source, &source_tokens),
    );
    let kinds = [
        numbers((query, &query_words), (source, &source_words), target, pair),
        german_to_english.then(|| months(&q, &s, target)).flatten(),
        names(&q, &s, target),
    ];
    for mut e in kinds.into_iter().flatten() {
        // A kind whose edits overlap another's is dropped whole.
        if e.iter()
            .all(|a| edits.iter().all(|b| a.1 <= b.0 || b.1 <= a.0))
        {
            edits.append(&mut e);
        }
    }
    apply(target, edits)
}

/// The target with `edits` applied, and where the new texts stand.
fn apply(target: &str, mut edits: Vec<Edit>) -> Option<Adapted> {
    if edits.is_empty() {
        return None;
    }
    edits.sort_by_key(|e| e.0);
    let mut text = String::with_capacity(target.len());
    let mut spans = Vec::with_capacity(edits.len());
    let mut done = 0;
    for (start, end, new) in edits {
        // Out of order, overlapping or off a char boundary: no guessing.
        text.push_str(target.get(done..start)?);
        target.get(start..end)?;
        spans.push((text.len(), text.len() + new.len()));
        text.push_str(&new);
        done = end;
    }
    text.push_str(target.get(done..)?);
    Some(Adapted { text, spans })
}

/// Number edits, or `None` when numbers differ in a way that cannot be mapped.
fn numbers(
    (query, query_words): (&str, &[Word<'_>]),
    (source, source_words): (&str, &[Word<'_>]),
    target: &str,
    pair: &LangPair,
) -> Option<Vec<Edit>> {
    let (from, to) = (pair.source.numbers(), pair.target.numbers());
    let qn = find_placeables_in(query, query_words, from);
    let sn = find_placeables_in(source, source_words, from);
    if qn.len() != sn.len() || qn.is_empty() {
        return None;
    }
    let tn = find_placeables(target, to);
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (q, s) in qn.iter().zip(&sn) {
        if same(q, s) {
            continue;
        }
        let once = |list: &[Placeable]| list.iter().filter(|n| same(n, s)).count() == 1;
        if !once(&sn) || !once(&tn) {
            return None;
        }
        let t = tn.iter().find(|n| same(n, s))?;
        if t.ordinal {
            return None;
        }
        let new = if t.word {
            spell_like(q.value, to, &t.text)?
        } else if q.word {
            digits(q.value, to)?
        } else {
            written_as(&q.text, from, to)
        };
        edits.push((t.start, t.end, new));
    }
    Some(edits)
}

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];

/// A text's tokens' texts with their kinds, split once for the kinds of
/// adaptation that read them.
struct Tokens<'a>(Vec<(&'a str, TokenKind)>);

impl<'a> Tokens<'a> {
    /// The tokens `split` of `text` (fitted to it by [`reuse`]).
    fn split(text: &'a str, split: &[Token]) -> Tokens<'a> {
        Tokens(
            split
                .iter()
                .filter_map(|t| Some((text.get(t.start..t.end)?, t.kind)))
                .collect(),
        )
    }

    /// The word tokens' texts, in order.
    fn words(&self) -> Vec<&'a str> {
        self.0
            .iter()
            .filter(|(_, k)| *k == TokenKind::Word)
            .map(|&(w, _)| w)
            .collect()
    }
}

/// The German month numbers (0-11) of a text, in order (`Jänner` too).
fn month_list(tokens: &Tokens<'_>) -> Vec<usize> {
    tokens
        .0
        .iter()
        .filter_map(|&(w, _)| {
            MONTHS_DE
                .iter()
                .position(|m| *m == w)
                .or((w == "Jänner").then_some(0))
        })
        .collect()
}

/// Whole-word occurrences of `word` in `text`: byte ranges.
fn occurrences(text: &str, word: &str) -> Vec<(usize, usize)> {
    tokenize(text)
        .iter()
        .filter(|t| t.text(text) == word)
        .map(|t| (t.start, t.end))
        .collect()
}

fn months(query: &Tokens<'_>, source: &Tokens<'_>, target: &str) -> Option<Vec<Edit>> {
    let (qm, sm) = (month_list(query), month_list(source));
    if qm.len() != sm.len() {
        return None;
    }
    let mut edits = Vec::new();
    for (&q, &s) in qm.iter().zip(&sm) {
        if q == s {
            continue;
        }
        let old = occurrences(target, ENGLISH_MONTHS.get(s)?);
        let [(a, b)] = old.as_slice() else {
            return None;
        };
        edits.push((*a, *b, (*ENGLISH_MONTHS.get(q)?).to_owned()));
    }
    Some(edits)
}

fn names(query: &Tokens<'_>, source: &Tokens<'_>, target: &str) -> Option<Vec<Edit>> {
    let (qw, sw) = (query.words(), source.words());
    if qw.len() != sw.len() {
        return None;
    }
    let changed: Vec<(usize, &str, &str)> = qw
        .iter()
        .zip(&sw)
        .enumerate()
        .filter(|(_, (q, s))| q != s)
        .map(|(i, (q, s))| (i, *q, *s))
        .collect();
    if changed.is_empty() || changed.len() > 2 {
        return None;
    }
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut edits = Vec::new();
    for (i, q, s) in changed {
        let is_month = MONTHS_DE.contains(&s) || MONTHS_DE.contains(&q);
        if i == 0 || !capital(q) || !capital(s) || is_month {
            return None;
        }
        let old = occurrences(target, s);
        let [(a, b)] = old.as_slice() else {
            return None;
        };
        edits.push((*a, *b, q.to_owned()));
    }
    Some(edits)
}

/// A number written in the conventions of `from` rewritten in those of
/// `to`, without an ordinal dot (a date's day in the target is no ordinal).
pub fn written_as(number: &str, from: NumLang, to: NumLang) -> String {
    match (from, to) {
        (NumLang::De | NumLang::Fr, NumLang::En) => english(number),
        (NumLang::En, NumLang::De | NumLang::Fr) => continental(number),
        _ => number.trim_end_matches('.').to_owned(),
    }
}

/// An English number written the German way: `10,000.5` becomes `10.000,5`.
fn continental(english: &str) -> String {
    english
        .chars()
        .map(|c| match c {
            ',' => '.',
            '.' => ',',
            c => c,
        })
        .collect()
}

/// A German number written the English way.
pub fn english(german: &str) -> String {
    let body = german.trim_end_matches('.');
    let mut out = String::with_capacity(body.len());
    for c in body.chars() {
        match c {
            '\'' | '’' | '.' | '\u{a0}' | '\u{202f}' | '\u{2009}' | ' ' => out.push(','),
            ',' => out.push('.'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
#[path = "adapt_tests.rs"]
mod tests;
