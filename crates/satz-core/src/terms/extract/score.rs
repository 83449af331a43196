//! The score of a candidate (see the module documentation of `extract`):
//! its termhood `ln(1 + df) · L · S · C`, with `S` from splitting a closed
//! compound into known words, the shortlist of candidates worth pairing
//! with English, and the factor `P` for a cognate or missing equivalent.

use std::collections::{HashMap, HashSet};

use super::Equivalent;
use super::candidates::{Gathered, Gathering, letters};
use super::lexicon::Lexicon;
use crate::glossary::{Glossary, HitKind, TermMatcher};
use crate::text::words::{fold_umlauts, key};

/// The candidates worth pairing with English, best termhood first (then by
/// key): in at least `min_freq` units, seen inside a sentence at least once,
/// not already in the glossary; at most max(3 · `top`, 50) of them.
pub(super) fn shortlist(
    found: &Gathering,
    glossary: &Glossary,
    lex: &Lexicon,
    min_freq: usize,
    top: usize,
) -> Vec<(String, f64)> {
    let matcher = TermMatcher::new(glossary);
    let known = |forms: &HashMap<String, usize>| {
        forms.keys().any(|f| {
            matcher
                .find_source(f)
                .iter()
                .any(|h| h.start == 0 && h.end == f.len() && h.kind != HitKind::Compound)
        })
    };
    let mut scored: Vec<(String, f64)> = found
        .gathered
        .iter()
        .filter(|(_, g)| g.units.len() >= min_freq && g.inside > 0 && !known(&g.forms))
        .map(|(k, g)| (k.clone(), termhood(lex, g, &found.vocabulary)))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let keep = top.saturating_mul(3).max(50);
    scored.truncate(keep);
    scored
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

/// The fewest parts (each a vocabulary word of at least 3 letters, maybe
/// followed by a linking element) that make up `word`, if at least two.
pub(super) fn compound_parts(word: &str, vocabulary: &HashSet<String>) -> Option<usize> {
    let chars: Vec<char> = fold_umlauts(&key(word)).chars().collect();
    let n = chars.len();
    if n < 6 {
        return None;
    }
    let whole: String = chars.iter().collect();
    let known = |i: usize, j: usize| -> bool {
        #[allow(
            clippy::indexing_slicing,
            reason = "callers pass i < j <= n = chars.len()"
        )]
        let part: String = chars[i..j].iter().collect();
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

/// The factor `P` of the score: 0.3 when the best English equivalent is a
/// cognate of `de`, 0.5 when there is none, else 1.
pub(super) fn translation_factor(de: &str, best: Option<&Equivalent>) -> f64 {
    match best {
        Some(e) if cognate(de, &e.en) => 0.3,
        Some(_) => 1.0,
        None => 0.5,
    }
}

/// Whether the English equivalent is spelt nearly like the German.
pub(super) fn cognate(de: &str, en: &str) -> bool {
    let norm = |s: &str| -> String {
        fold_umlauts(&key(s))
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect()
    };
    strsim::normalized_levenshtein(&norm(de), &norm(en)) >= 0.8
}
