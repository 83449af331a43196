#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

//! The streamed check against its exhaustive twins: the consistency groups
//! kept as hashed positions against a map of folded strings, and the
//! chunked run over [`Segments`] against one pass over the pairs.

use std::collections::HashMap;

use proptest::prelude::*;

use super::consistency::{Side, differing, fold};
use super::*;
use crate::text::words::has_letter;

/// The consistency grouping as it was: a map from the folded key side to
/// the first unit and its folded other side.
fn differing_by_map(pairs: &[Pair<'_>], key: Side, other: Side) -> Vec<(usize, usize)> {
    let side = |p: &Pair<'_>, s: Side| match s {
        Side::Source => p.source.to_string(),
        Side::Target => p.target.to_string(),
    };
    let mut first: HashMap<String, (usize, String)> = HashMap::new();
    let mut out = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        let (k, o) = (side(p, key), side(p, other));
        if !has_letter(&k) || !has_letter(&o) {
            continue;
        }
        let (kf, of) = (fold(&k), fold(&o));
        match first.get(&kf) {
            None => {
                first.insert(kf, (i, of));
            }
            Some((j, first_other)) if *first_other != of => out.push((i, *j)),
            Some(_) => {}
        }
    }
    out
}

/// The whole run as it was before chunks: every pair's findings, the
/// consistency findings from the map of folded text, sorted by code within
/// a pair, then filtered.
fn check_whole(g: &Glossary, pairs: &[Pair<'_>], opts: &CheckOptions) -> Vec<Finding> {
    let checker = Checker::new(g);
    let mut per_pair: Vec<Vec<Finding>> = pairs.iter().map(|p| checker.check_pair(p)).collect();
    for (i, j) in differing_by_map(pairs, Side::Source, Side::Target) {
        per_pair[i].push(inconsistent_translation::finding(&pairs[i], &pairs[j]));
    }
    for (i, j) in differing_by_map(pairs, Side::Target, Side::Source) {
        per_pair[i].push(inconsistent_source::finding(&pairs[i], &pairs[j]));
    }
    per_pair
        .into_iter()
        .flat_map(|mut list| {
            list.sort_by_key(|f| f.code);
            list
        })
        .filter(|f| !opts.drops(f))
        .collect()
}

const WORDS: &[&str] = &[
    "Er", "er", "ER", "lacht", "He", "he", "laughs", "  ", " ", ".", "1",
];

fn segment() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(WORDS), 0..4).prop_map(|w| w.join(" "))
}

proptest! {
    #[test]
    fn hashed_groups_equal_the_map_of_folded_text(
        texts in proptest::collection::vec((segment(), segment()), 0..40)
    ) {
        let pairs: Vec<Pair<'_>> = texts
            .iter()
            .enumerate()
            .map(|(i, (s, t))| Pair::new(i.to_string(), s, t))
            .collect();
        for (key, other) in [(Side::Source, Side::Target), (Side::Target, Side::Source)] {
            prop_assert_eq!(
                differing(pairs.as_slice(), key, other),
                differing_by_map(&pairs, key, other)
            );
        }
    }
}

/// Over more than one chunk, with consistency findings on both sides of
/// chunk boundaries: the chunks streamed from [`Segments`] are, end to
/// end, the findings of one pass over all pairs (and of [`check_pairs`]),
/// and the ranges cover every unit once, in order.
#[test]
fn chunks_streamed_from_segments_equal_the_whole_run() {
    let texts: Vec<(String, String, String)> = (0..2 * CHUNK + 7)
        .map(|i| {
            let source = format!("Er lacht {}.", i % 5);
            let target = match i % 3 {
                0 => format!("He laughs {}.", i % 5),
                1 => format!("He is laughing {}.", i % 7),
                _ => format!("He he laughs {}!", i % 5),
            };
            (format!("m.tmx:{i}"), source, target)
        })
        .collect();
    let pairs: Vec<Pair<'_>> = texts
        .iter()
        .map(|(id, s, t)| Pair::new(id.clone(), s, t))
        .collect();
    let mut segments = Segments::default();
    for (id, s, t) in &texts {
        segments.push(id, s, t);
    }
    let g = Glossary::default();
    let opts = CheckOptions {
        ignore: vec![Code::PunctuationEnd],
        accepted: vec![("m.tmx:3".into(), None)],
    };
    let whole = check_whole(&g, &pairs, &opts);
    assert!(
        whole
            .iter()
            .any(|f| f.code == Code::InconsistentTranslation)
    );
    assert!(whole.iter().any(|f| f.code == Code::InconsistentSource));
    assert_eq!(check_pairs(&pairs, &g, &opts), whole);
    let mut streamed = Vec::new();
    let mut covered = 0;
    let run: Result<(), ()> = Checker::new(&g).check_each(&segments, &opts, |range, findings| {
        assert_eq!(range.start, covered);
        covered = range.end;
        streamed.extend(findings);
        Ok(())
    });
    run.unwrap();
    assert_eq!(covered, texts.len());
    assert_eq!(streamed, whole);
}
