//! The English side: English phrases (a term's approved and forbidden
//! renderings, or any list of phrases) found in English text by Snowball
//! English stems, word by word, with hyphenated parts also tried closed up
//! (`buildup` for `build-up`); see the module documentation of `recognize`.

use std::collections::HashMap;

use super::matcher::TermMatcher;
use super::{PhraseHit, Rendering, RenderingHit};
use crate::glossary::model::Glossary;
use crate::glossary::stem::Stemmers;
use crate::text::words::{Word, is_hyphen_gap, is_phrase_gap, key, words};

impl TermMatcher {
    /// Where any of the English `phrases` occur in `text` (see the `recognize`
    /// module documentation); [`PhraseHit::phrase`] indexes `phrases`. Sorted by
    /// start, longer first; one hit per phrase and span.
    pub fn find_target(&self, text: &str, phrases: &[&str]) -> Vec<PhraseHit> {
        let index = EnIndex::new(&self.stemmers, phrases.iter().copied().enumerate());
        index
            .find(&self.stemmers, text)
            .into_iter()
            .map(|(phrase, start, end)| PhraseHit { phrase, start, end })
            .collect()
    }

    /// Every approved and forbidden rendering of every glossary term found
    /// in English `text`, sorted by start, longer first.
    pub fn find_renderings(&self, text: &str) -> Vec<RenderingHit> {
        self.en_index
            .find(&self.stemmers, text)
            .into_iter()
            .filter_map(|(owner, start, end)| {
                let &(term, rendering, index) = self.renderings.get(owner)?;
                Some(RenderingHit {
                    term,
                    rendering,
                    index,
                    start,
                    end,
                })
            })
            .collect()
    }
}

/// Every approved and forbidden rendering of every term of `glossary`, as
/// (term, list, index in the list), and their index for lookup, whose
/// owners are positions in that list.
pub(super) fn rendering_index(
    glossary: &Glossary,
    stemmers: &Stemmers,
) -> (Vec<(usize, Rendering, usize)>, EnIndex) {
    let mut renderings = Vec::new();
    for (t, term) in glossary.terms.iter().enumerate() {
        for i in 0..term.en.len() {
            renderings.push((t, Rendering::Approved, i));
        }
        for i in 0..term.forbidden.len() {
            renderings.push((t, Rendering::Forbidden, i));
        }
    }
    let en_index = EnIndex::new(
        stemmers,
        renderings
            .iter()
            .enumerate()
            .filter_map(|(owner, &(t, r, i))| {
                let term = glossary.terms.get(t)?;
                let list = match r {
                    Rendering::Approved => &term.en,
                    Rendering::Forbidden => &term.forbidden,
                };
                list.get(i).map(|p| (owner, p.as_str()))
            }),
    );
    (renderings, en_index)
}

/// English phrases stemmed for lookup.
#[derive(Debug, Default)]
pub(super) struct EnIndex {
    /// (owner, stems) per phrase spelling.
    phrases: Vec<(usize, Vec<String>)>,
    by_first: HashMap<String, Vec<usize>>,
}

/// At most this many hyphens of a phrase are tried closed up (2^n spellings).
const MAX_JOINABLE_HYPHENS: usize = 3;

impl EnIndex {
    /// Stems every spelling of each (owner, phrase).
    fn new<'a>(
        stemmers: &Stemmers,
        phrases: impl IntoIterator<Item = (usize, &'a str)>,
    ) -> EnIndex {
        let mut index = EnIndex::default();
        for (owner, phrase) in phrases {
            let ws = words(phrase);
            if ws.is_empty() {
                continue;
            }
            let keys: Vec<String> = ws.iter().map(|w| key(w.text)).collect();
            // Positions j where word j and j+1 are joined by a single hyphen.
            let hyphens: Vec<usize> = ws
                .windows(2)
                .enumerate()
                .filter(|(_, pair)| match pair {
                    [a, b] => phrase.get(a.end..b.start).is_some_and(is_hyphen_gap),
                    _ => false,
                })
                .map(|(j, _)| j)
                .take(MAX_JOINABLE_HYPHENS)
                .collect();
            for mask in 0u32..(1u32 << hyphens.len()) {
                let mut spelled: Vec<String> = Vec::with_capacity(keys.len());
                let mut join_next = false;
                for (j, k) in keys.iter().enumerate() {
                    if join_next {
                        if let Some(last) = spelled.last_mut() {
                            last.push_str(k);
                        }
                    } else {
                        spelled.push(k.clone());
                    }
                    join_next = hyphens
                        .iter()
                        .position(|&h| h == j)
                        .is_some_and(|bit| mask & (1 << bit) != 0);
                }
                let stems: Vec<String> = spelled.iter().map(|w| stemmers.en(w)).collect();
                if index
                    .phrases
                    .iter()
                    .any(|(o, s)| *o == owner && *s == stems)
                {
                    continue;
                }
                if let Some(first) = stems.first() {
                    let id = index.phrases.len();
                    index.by_first.entry(first.clone()).or_default().push(id);
                    index.phrases.push((owner, stems));
                }
            }
        }
        index
    }

    /// (owner, start, end) of every phrase found, deduplicated, sorted.
    fn find(&self, stemmers: &Stemmers, text: &str) -> Vec<(usize, usize, usize)> {
        if self.phrases.is_empty() {
            return Vec::new();
        }
        let ws = words(text);
        let mut cache: HashMap<String, String> = HashMap::new();
        let stems: Vec<String> = ws
            .iter()
            .map(|w| {
                // Keyed by the surface: `MPs` is an acronym's plural, `mps` not.
                cache
                    .entry(w.text.to_owned())
                    .or_insert_with_key(|w| stemmers.en(w))
                    .clone()
            })
            .collect();
        let mut out = Vec::new();
        for (i, stem) in stems.iter().enumerate() {
            let Some(ids) = self.by_first.get(stem) else {
                continue;
            };
            for &id in ids {
                let Some((owner, pstems)) = self.phrases.get(id) else {
                    continue;
                };
                if let Some((start, end)) = match_at(text, &ws, &stems, i, pstems)
                    .or_else(|| match_coordinated(text, &ws, &stems, i, pstems))
                {
                    out.push((*owner, start, end));
                }
            }
        }
        out.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        out.dedup();
        out
    }
}

/// Span of the phrase `pstems` at word `i`, if the words match.
fn match_at(
    text: &str,
    ws: &[Word<'_>],
    stems: &[String],
    i: usize,
    pstems: &[String],
) -> Option<(usize, usize)> {
    for (j, ps) in pstems.iter().enumerate() {
        if stems.get(i + j)? != ps {
            return None;
        }
        if j > 0 {
            let (prev, w) = (ws.get(i + j - 1)?, ws.get(i + j)?);
            if !is_phrase_gap(text.get(prev.end..w.start)?) {
                return None;
            }
        }
    }
    let start = ws.get(i)?.start;
    let end = ws.get(i + pstems.len().checked_sub(1)?)?.end;
    Some((start, end))
}

/// Span of a phrase whose head is shared with coordinated modifiers, as
/// English writes a German suspended hyphen (`Atom- und Raketenprogramm`):
/// `nuclear and missile programmes` for `nuclear programme`, `nuclear,
/// chemical and biological weapons` for `nuclear weapons`. Every word but
/// the last matches at `i`; then come listed modifiers (`, chemical`),
/// `and` or `or`, one or two modifiers, and the phrase's last word.
fn match_coordinated(
    text: &str,
    ws: &[Word<'_>],
    stems: &[String],
    i: usize,
    pstems: &[String],
) -> Option<(usize, usize)> {
    let (last, modifiers) = pstems.split_last()?;
    if modifiers.is_empty() {
        return None;
    }
    match_at(text, ws, stems, i, modifiers)?;
    let gap =
        |k: usize| -> Option<&str> { text.get(ws.get(k.checked_sub(1)?)?.end..ws.get(k)?.start) };
    let comma = |g: &str| g.trim() == "," && g.starts_with(',');
    let base = i + modifiers.len();
    // Listed modifiers, each after a comma, up to the conjunction.
    let mut k = base;
    loop {
        let word = key(ws.get(k)?.text);
        if matches!(word.as_str(), "and" | "or") {
            let g = gap(k)?;
            if !(g.chars().all(char::is_whitespace) || comma(g)) || g.is_empty() {
                return None;
            }
            break;
        }
        if k >= base + 3 || !comma(gap(k)?) {
            return None;
        }
        k += 1;
    }
    // One or two modifiers after the conjunction, then the head.
    for extra in 1..=2 {
        let head = k + extra + 1;
        let joined = (k + 1..=head).all(|m| gap(m).is_some_and(is_phrase_gap));
        if joined && stems.get(head) == Some(last) {
            return Some((ws.get(i)?.start, ws.get(head)?.end));
        }
    }
    None
}
