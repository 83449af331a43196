//! The output rows of `terms --extract`: for each shortlisted candidate its
//! most frequent form, its English equivalents, the final score (termhood
//! times `P`, `N` and `G`, which read the best equivalent) and an example
//! pair; the best `top` rows by score.

use std::collections::{HashMap, HashSet};

use super::candidates::Gathering;
use super::citation::{citation_form, most_frequent_form};
use super::equivalents::Cooccurrence;
use super::general::{general, object_parts};
use super::lexicon::Lexicon;
use super::score::{is_name, is_prefixed_name, object_factor, proper_factor, translation_factor};
use super::{Candidate, Kind, UnitText};
use crate::terms::usage::Example;

/// The rows of kind `kind` of the shortlisted candidates `scored` (key,
/// termhood), sorted by score, then units, then form; at most `top`.
pub(super) fn rows(
    units: &[UnitText],
    found: &Gathering,
    lex: &Lexicon,
    scored: &[(String, f64)],
    co: &Cooccurrence<'_>,
    (kind, top): (Kind, usize),
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for (k, base) in scored {
        let Some(g) = found.gathered.get(k) else {
            continue;
        };
        let df = g.units.len();
        let (equivalents, keys) = co.equivalents(k, df);
        let best_key = keys.first().cloned();
        // The score reads the form seen most often; the form shown may
        // drop a case ending.
        let de = most_frequent_form(&g.forms);
        let shown = citation_form(lex, &g.forms, &found.nouns);
        let capitalised: Vec<f64> = keys.iter().map(|e| co.capitalised(e)).collect();
        let parts = general(lex, g, &found.vocabulary).parts;
        let name = equivalents
            .iter()
            .zip(&capitalised)
            .enumerate()
            .any(|(i, (e, &c))| is_name(&de, &e.en, c, (parts, i == 0)));
        let capitalised = capitalised.first().copied().unwrap_or(0.0);
        let name = name || is_prefixed_name(&de, capitalised);
        let this = if name { Kind::Name } else { Kind::Term };
        if this != kind {
            continue;
        }
        let p = match kind {
            Kind::Term => {
                translation_factor(&de, equivalents.first())
                    * proper_factor(capitalised)
                    * object_factor(
                        lex,
                        equivalents.first(),
                        object_parts(lex, &g.noun_key, &found.vocabulary),
                    )
            }
            Kind::Name => 1.0,
        };
        let example = example(units, &g.units, best_key.as_deref(), &co.unit_grams);
        out.push(Candidate {
            de: shown,
            units: df,
            score: base * p,
            equivalents,
            example,
            kind: this,
        });
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.units.cmp(&a.units))
            .then_with(|| a.de.cmp(&b.de))
    });
    out.truncate(top);
    out
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
